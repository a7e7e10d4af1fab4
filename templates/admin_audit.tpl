{{%AUTOESCAPE context="HTML"}}
{{! /admin/audit: the audit log, newest first, filtered, 50 a page ("older"
    links carry the last row's time and id); read only.  See templates/README.md. }}
<div class="admin admin-audit">
{{>ADMIN_BAR}}
<h1>Журнал дій</h1>
<p>Кожна зміна і кожна відмовлена спроба; записи не можна змінити чи видалити.</p>
<form class="admin-filter" method="get" action="/admin/audit">
<div class="field"><label for="a-login">Хто (логін)</label>
<input type="text" id="a-login" name="login" value="{{LOGIN_VALUE}}" maxlength="64" autocapitalize="none" spellcheck="false"></div>
<div class="field"><label for="a-action">Дія</label>
<input type="text" id="a-action" name="action" value="{{ACTION_VALUE}}" maxlength="64" list="a-actions" autocapitalize="none" spellcheck="false">
<datalist id="a-actions"><option value="login"><option value="login-failed"><option value="logout"><option value="forbidden"><option value="csrf-refused"><option value="user-create"><option value="user-update"><option value="user-disable"><option value="user-enable"><option value="user-password"><option value="comment-moderate"><option value="answer"></datalist></div>
<div class="field"><label for="a-type">Тип об’єкта</label>
<input type="text" id="a-type" name="type" value="{{TYPE_VALUE}}" maxlength="32" list="a-types" autocapitalize="none" spellcheck="false">
<datalist id="a-types"><option value="user"><option value="consultation"><option value="comment"><option value="route"></datalist></div>
<div class="field"><label for="a-object">Номер об’єкта</label>
<input type="text" inputmode="numeric" id="a-object" name="object" value="{{OBJECT_VALUE}}" maxlength="19"></div>
<div class="field"><label for="a-unit">Підрозділ</label>
<select id="a-unit" name="unit"><option value="">усі</option>{{#UNIT_OPTION}}<option value="{{UNIT_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{UNIT_NAME}}</option>{{/UNIT_OPTION}}</select></div>
<div class="field"><label for="a-from">Від дати (за київським часом)</label>
<input type="date" id="a-from" name="from" value="{{FROM_VALUE}}"></div>
<div class="field"><label for="a-to">До дати включно</label>
<input type="date" id="a-to" name="to" value="{{TO_VALUE}}"></div>
<p><button type="submit">Показати</button> <a href="/admin/audit">Скинути фільтри</a></p>
</form>
{{#EMPTY}}<p class="empty">Немає записів за цими умовами.</p>{{/EMPTY}}
{{#ANY}}<div class="table-wrap" role="region" aria-labelledby="audit-caption" tabindex="0">
<table class="admin-table admin-audit__table">
<caption id="audit-caption">Записи журналу, від новіших до старіших{{#NEWEST}} (не з початку){{/NEWEST}}</caption>
<thead><tr><th scope="col">Коли</th><th scope="col">Хто</th><th scope="col">Дія</th><th scope="col">Об’єкт</th><th scope="col">Підрозділ</th><th scope="col">Адреса</th><th scope="col">Подробиці</th></tr></thead>
<tbody>
{{#ROW}}<tr class="audit-row"><td><time datetime="{{WHEN_ISO}}">{{WHEN}}</time></td><td>{{WHO}}</td><td><code>{{ACTION}}</code></td><td>{{#OBJECT_LINK}}<a href="{{OBJECT_HREF}}">{{OBJECT}}</a>{{/OBJECT_LINK}}{{#OBJECT_TEXT}}{{OBJECT}}{{/OBJECT_TEXT}}</td><td>{{UNIT}}</td><td><code>{{ADDR}}</code></td><td>{{DETAIL}}{{#CHANGES}}<ul class="audit-changes">{{#CHANGE}}<li><span class="audit-changes__field">{{FIELD}}</span>: <del>{{BEFORE}}</del> → <ins>{{AFTER}}</ins></li>{{/CHANGE}}</ul>{{/CHANGES}}</td></tr>
{{/ROW}}
</tbody>
</table>
</div>{{/ANY}}
<nav class="pager" aria-label="Сторінки журналу"><ul class="inline-list">
{{#NEWEST}}<li><a href="{{NEWEST_HREF}}" rel="first">← До найновіших</a></li>{{/NEWEST}}
{{#NEXT}}<li><a href="{{NEXT_HREF}}" rel="next">Старіші →</a></li>{{/NEXT}}
</ul></nav>
</div>
