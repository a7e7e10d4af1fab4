{{%AUTOESCAPE context="HTML"}}
{{! /subscribe/manage?token=: one subscription, its filters, a link to the
    form with them (CHANGE_HREF) and the unsubscribe button. }}
<article class="comment-page">
<h1>Ваша підписка</h1>
<p>Адреса: {{EMAIL}}. Листи: {{FREQUENCY_TEXT}}.
{{#STATE_ACTIVE}}Підписка діє.{{/STATE_ACTIVE}}
{{#STATE_PENDING}}Підписку ще не підтверджено.{{/STATE_PENDING}}
{{#STATE_UNSUBSCRIBED}}Ви відписалися.{{/STATE_UNSUBSCRIBED}}</p>
<h2>Фільтри</h2>
{{#NO_FILTERS}}<p>Без фільтрів: усі консультації.</p>{{/NO_FILTERS}}
<ul>
{{#FILTER}}<li>{{FILTER_LABEL}}: {{#VALUE}}{{VALUE_NAME}}{{#VALUE_separator}}, {{/VALUE_separator}}{{/VALUE}}</li>
{{/FILTER}}
</ul>
<p><a href="{{CHANGE_HREF}}">Змінити фільтри</a> — ви підпишетеся з новими фільтрами (з підтвердженням), а цю підписку можна скасувати нижче.</p>
{{#STATE_ACTIVE}}
<form method="post" action="{{UNSUB_HREF}}">
<p><button type="submit" class="button">Відписатися</button></p>
</form>
{{/STATE_ACTIVE}}
</article>
