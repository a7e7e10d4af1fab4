{{%AUTOESCAPE context="HTML"}}
{{! /admin/agenda: the year's plan of consultation topics of the user's
    unit (every unit for admins): proposals awaiting a decision first, with
    accept and decline forms; the plan's publication.  See
    templates/README.md. }}
<div class="admin admin-agenda">
{{>ADMIN_BAR}}
<h1>План консультацій на {{YEAR}} рік</h1>
<p>Підрозділ: {{SCOPE}}. <a href="/admin/agenda?year={{PREV_YEAR}}">{{PREV_YEAR}}</a> · <a href="/admin/agenda?year={{NEXT_YEAR}}">{{NEXT_YEAR}}</a> · <a href="/agenda?year={{YEAR}}">Публічна сторінка плану</a></p>
{{#PUBLISHED}}<p class="agenda__published">План оприлюднено {{PUBLISHED_TEXT}}.</p>{{/PUBLISHED}}
{{#NOT_PUBLISHED}}<div class="agenda__publish">
<p>План на {{YEAR}} рік ще не оприлюднено: теми плану не видно на публічній сторінці. Орієнтовний план на наступний рік оприлюднюють до 31 грудня {{DEADLINE_YEAR}} року.{{#DEADLINE_SOON}} Строк — до 31 грудня цього року.{{/DEADLINE_SOON}}</p>
{{#PUBLISH_FORM}}<form method="post" action="/admin/agenda/publish">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="year" value="{{YEAR}}">
<p><button type="submit" class="button">Оприлюднити план на {{YEAR}} рік</button></p>
</form>{{/PUBLISH_FORM}}
</div>{{/NOT_PUBLISHED}}
<p><a class="button" href="{{NEW_HREF}}">Нова тема</a></p>
{{#EMPTY}}<p class="empty">Тем на цей рік немає.</p>{{/EMPTY}}
<ol class="admin-items">
{{#ITEM}}<li class="admin-item" id="topic-{{ITEM_ID}}" data-id="{{ITEM_ID}}" data-status="{{ITEM_STATUS}}">
<article aria-labelledby="topic-{{ITEM_ID}}-title">
<h2 id="topic-{{ITEM_ID}}-title">№ {{ITEM_ID}}: {{ITEM_TOPIC}}</h2>
<p class="admin-item__meta">{{ITEM_QUARTER}} · {{ITEM_UNIT}} · <span class="badge badge--{{ITEM_STATUS}}">{{ITEM_STATUS_NAME}}</span>{{#CONSULTATION}} · консультація «{{CONSULTATION_TITLE}}»{{/CONSULTATION}}</p>
{{#PROPOSER}}<p class="admin-item__meta">Запропонував(-ла): {{PROPOSER_NAME}}, {{PROPOSED_AT}} · e-mail: {{PROPOSER_EMAIL}}</p>{{/PROPOSER}}
<div class="text">{{#ITEM_DESCRIPTION}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/ITEM_DESCRIPTION}}</div>
<p><a href="{{EDIT_HREF}}">Редагувати тему № {{ITEM_ID}}</a></p>
{{#DECIDE}}<div class="admin-item__decide">
<form method="post" action="{{DECIDE_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="accept">
<p><button type="submit" class="button">Включити до плану</button></p>
</form>
<form method="post" action="{{DECIDE_ACTION}}" accept-charset="utf-8">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="decline">
{{#DECIDE_ERROR}}<p class="field__error" role="alert" id="topic-{{ITEM_ID}}-error">{{DECIDE_ERROR_TEXT}}</p>{{/DECIDE_ERROR}}
<div class="field"><label for="topic-{{ITEM_ID}}-reason">Причина відхилення <span class="field__req">(обов’язково, буде оприлюднено)</span></label>
<textarea id="topic-{{ITEM_ID}}-reason" name="reason" rows="3" maxlength="3000">{{REASON_VALUE}}</textarea></div>
<p><button type="submit" class="button">Відхилити</button></p>
</form>
</div>{{/DECIDE}}
</article>
</li>
{{/ITEM}}
</ol>
</div>
