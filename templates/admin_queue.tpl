{{%AUTOESCAPE context="HTML"}}
{{! /admin/moderation: comments awaiting moderation, one at a time or in
    bulk.  The author's e-mail is shown here only.  See
    templates/README.md. }}
<div class="admin admin-queue">
{{>ADMIN_BAR}}
<h1>Модерація</h1>
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
<p>Чекають модерації: {{TOTAL}}.{{#FILTERED}} <a href="/admin/moderation">Показати всі</a>{{/FILTERED}}</p>
<form class="admin-filter" method="get" action="/admin/moderation">
<div class="field"><label for="q-consultation">Номер консультації</label>
<input type="text" inputmode="numeric" id="q-consultation" name="consultation" maxlength="10"></div>
<p><button type="submit">Показати</button></p>
</form>
{{#EMPTY}}<p class="empty">Немає коментарів, що чекають модерації.</p>{{/EMPTY}}
{{#ANY}}<form id="bulk" class="admin-bulk" method="post" action="{{FORM_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset>
<legend>Дія з позначеними коментарями</legend>
<div class="field"><label for="bulk-reason">Причина відхилення</label>
<select id="bulk-reason" name="reason"><option value="">не обрано</option>{{#REASON}}<option value="{{REASON_SLUG}}">{{REASON_NAME}}</option>{{/REASON}}</select></div>
<p><button type="submit" name="action" value="publish">Оприлюднити позначені</button>
<button type="submit" name="action" value="reject">Відхилити позначені</button>
<button type="submit" name="action" value="spam">Позначені — спам</button></p>
</fieldset>
</form>{{/ANY}}
<ol class="admin-items">
{{#ITEM}}<li class="admin-item" id="m-{{ID}}">
<article aria-labelledby="m-{{ID}}-title">
<h2 id="m-{{ID}}-title">{{KIND}} № {{ID}}: {{AUTHOR}}</h2>
<p class="admin-item__meta">До консультації «<a href="{{CONSULTATION_FILTER_HREF}}">{{CONSULTATION_TITLE}}</a>» ({{UNIT_NAME}}) · {{CREATED}} · e-mail: {{EMAIL}}</p>
<div class="text">{{#TEXT}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/TEXT}}</div>
<p class="check"><input type="checkbox" id="pick-{{ID}}" name="id" value="{{ID}}" form="bulk"> <label for="pick-{{ID}}">Позначити для дії з кількома</label></p>
<form method="post" action="{{FORM_ACTION}}" class="admin-item__form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="id" value="{{ID}}">
<div class="field"><label for="reason-{{ID}}">Причина відхилення</label>
<select id="reason-{{ID}}" name="reason"><option value="">не обрано</option>{{#ITEM_REASON}}<option value="{{REASON_SLUG}}">{{REASON_NAME}}</option>{{/ITEM_REASON}}</select></div>
<p><button type="submit" name="action" value="publish">Оприлюднити</button>
<button type="submit" name="action" value="reject">Відхилити</button>
<button type="submit" name="action" value="spam">Спам</button></p>
</form>
</article>
</li>
{{/ITEM}}
</ol>
</div>
