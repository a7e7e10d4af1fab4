{{%AUTOESCAPE context="HTML"}}
{{! /admin: what needs the signed-in person now.  See templates/README.md. }}
<div class="admin">
{{>ADMIN_BAR}}
<h1>Що потребує уваги</h1>
<p>Організатори: {{SCOPE}}.</p>
<ul class="admin-counts">
{{#CAN_MODERATE}}<li><a href="/admin/moderation">Коментарів чекають модерації: {{PENDING}}</a>{{#PENDING_OLD_ANY}}, з них понад тиждень: {{PENDING_OLD}}{{/PENDING_OLD_ANY}}</li>{{/CAN_MODERATE}}
<li>Пропозицій без відповіді: {{UNANSWERED}}</li>
</ul>
<h2>Цього тижня</h2>
<p>Консультації, прийом пропозицій до яких відкривається або завершується в найближчі 7 днів.</p>
{{#NO_WEEK}}<p>Цього тижня жодна консультація не відкривається і не завершується.</p>{{/NO_WEEK}}
<ul class="admin-week">
{{#WEEK}}<li><a href="{{WEEK_HREF}}">{{WEEK_TITLE}}</a> ({{WEEK_UNIT}}){{#WEEK_DRAFT}} <span class="badge">чернетка</span>{{/WEEK_DRAFT}}{{#WEEK_OPENS}} — відкривається {{WEEK_DATE}}{{/WEEK_OPENS}}{{#WEEK_CLOSES}} — завершується {{WEEK_DATE}}{{/WEEK_CLOSES}}</li>
{{/WEEK}}
</ul>
<h2>Звіти, які треба оприлюднити</h2>
{{#NO_DUE}}<p>Немає консультацій, що чекають звіту.</p>{{/NO_DUE}}
<ul class="admin-due">
{{#DUE}}<li><strong>{{DUE_TITLE}}</strong> — прийом завершився {{DUE_END}};
{{#DUE_LEFT}}до строку звіту: {{DAYS}}{{/DUE_LEFT}}{{#DUE_LATE}}<span class="badge badge--late">звіт запізнюється на {{DAYS}}</span>{{/DUE_LATE}}.
<a href="{{DUE_ANSWERS_HREF}}">Відповіді на пропозиції</a> · <a href="{{DUE_REPORT_HREF}}">Звіт</a></li>
{{/DUE}}
</ul>
</div>
