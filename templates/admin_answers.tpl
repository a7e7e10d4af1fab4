{{%AUTOESCAPE context="HTML"}}
{{! /admin/consultations/{id}/answers: an answer to every published
    proposal.  See templates/README.md. }}
<div class="admin admin-answers">
{{>ADMIN_BAR}}
<h1>Відповіді на пропозиції</h1>
<p>Консультація: <a href="{{PUBLIC_HREF}}">{{CONSULTATION_TITLE}}</a>. Пропозицій: {{COUNT}}, без відповіді: {{LEFT}}. <a href="{{REPORT_HREF}}">Звіт про результати</a></p>
{{#EMPTY}}<p class="empty">Оприлюднених пропозицій немає.</p>{{/EMPTY}}
<ol class="admin-items">
{{#PROPOSAL}}<li class="admin-item" id="p-{{ID}}">
<article aria-labelledby="p-{{ID}}-title">
<h2 id="p-{{ID}}-title">Пропозиція № {{ID}}: {{AUTHOR}}</h2>
<p class="admin-item__meta">{{CREATED}} · e-mail: {{EMAIL}}</p>
<div class="text">{{#TEXT}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/TEXT}}</div>
{{#ANSWERED}}<p class="admin-item__answered">Відповідь: {{DECISION_LABEL}} ({{ANSWERED_BY}}, {{ANSWERED_AT}}).</p>{{/ANSWERED}}
{{#UNANSWERED}}<p class="admin-item__answered">Відповіді ще немає.</p>{{/UNANSWERED}}
<form method="post" action="{{FORM_ACTION}}" accept-charset="utf-8">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#ERROR}}<p class="field__error" role="alert" id="p-{{ID}}-error">{{ERROR_TEXT}}</p>{{/ERROR}}
<fieldset class="field field--choice">
<legend>Рішення</legend>
{{#DECISION}}<p class="field__choice"><input type="radio" id="{{DECISION_ID}}" name="decision" value="{{DECISION_SLUG}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="{{DECISION_ID}}">{{DECISION_NAME}}</label></p>
{{/DECISION}}
</fieldset>
<div class="field"><label for="p-{{ID}}-reason">Обґрунтування <span class="field__req">(обов’язкове, якщо пропозицію не враховано повністю)</span></label>
<textarea id="p-{{ID}}-reason" name="reason" rows="4" maxlength="5000">{{REASON_VALUE}}</textarea></div>
<p><button type="submit" class="button">Зберегти відповідь</button></p>
</form>
</article>
</li>
{{/PROPOSAL}}
</ol>
</div>
