{{%AUTOESCAPE context="HTML"}}
{{! /subscribe/manage?token=: one subscription, reached from the footer of
    every message.  EDITABLE: a form with its filters and frequency ticked
    (or what was sent, with the errors), saved in place without a new
    confirmation (ACTION keeps the link's token; CSRF binds the form to the
    subscription), and the unsubscribe button (UNSUB_HREF).  An
    unsubscribed one shows RESUBSCRIBE_HREF: the form with its filters.
    Filled by cgi-bin/subscribe.c. }}
<article class="comment-page">
<h1>Ваша підписка</h1>
{{#SAVED}}<div class="form-message" role="status"><p>Зміни збережено. Наступні листи надійдуть за новими налаштуваннями.</p></div>{{/SAVED}}
<p>Адреса: {{EMAIL}}.
{{#STATE_ACTIVE}}Підписка діє.{{/STATE_ACTIVE}}
{{#STATE_PENDING}}Підписку ще не підтверджено: підтвердьте її посиланням із листа, і листи почнуть надходити за налаштуваннями нижче.{{/STATE_PENDING}}
{{#STATE_UNSUBSCRIBED}}Ви відписалися: листів за цією підпискою більше не буде.{{/STATE_UNSUBSCRIBED}}</p>
{{#EDITABLE}}
<form class="comment-form" method="post" action="{{ACTION}}" accept-charset="utf-8" novalidate>
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
{{#ERRORS}}<div class="form-errors" role="alert" aria-labelledby="mf-errors-title">
<h2 id="mf-errors-title">Перевірте, будь ласка, форму</h2>
<ul>
{{#ERROR}}<li><a href="#{{ERROR_FIELD_ID}}">{{ERROR_TEXT}}</a></li>
{{/ERROR}}
</ul>
</div>{{/ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Фільтри</h2>
<p class="field__hint">Без жодного фільтра — листи про всі консультації.</p>
<div id="mf-filters">
{{#FILTER_ERROR}}<p class="field__error" id="mf-filters-error">{{FILTER_ERROR_TEXT}}</p>{{/FILTER_ERROR}}
{{#FACET}}
<fieldset class="field field--choice">
<legend>{{FACET_LABEL}}</legend>
{{#OPTION}}<p class="field__choice"><input type="checkbox" id="{{OPTION_ID}}" name="{{FACET_NAME}}" value="{{OPTION_VALUE}}"{{#OPTION_CHECKED}} checked{{/OPTION_CHECKED}}> <label for="{{OPTION_ID}}">{{OPTION_LABEL}}</label></p>
{{/OPTION}}
</fieldset>
{{/FACET}}
</div>
<fieldset class="field field--choice">
<legend>Як часто надсилати</legend>
{{#FREQUENCY_ERROR}}<p class="field__error" id="mf-frequency-error">{{FREQUENCY_ERROR_TEXT}}</p>{{/FREQUENCY_ERROR}}
<p class="field__choice"><input type="radio" id="mf-frequency-immediate" name="frequency" value="immediate"{{#IMMEDIATE_CHECKED}} checked{{/IMMEDIATE_CHECKED}}> <label for="mf-frequency-immediate">Одразу, окремим листом про кожну подію</label></p>
<p class="field__choice"><input type="radio" id="mf-frequency-weekly" name="frequency" value="weekly"{{#WEEKLY_CHECKED}} checked{{/WEEKLY_CHECKED}}> <label for="mf-frequency-weekly">Щотижневий огляд</label></p>
</fieldset>
<p><button type="submit" class="button">Зберегти зміни</button></p>
<p class="field__hint">Зміни діють одразу, без нового підтвердження.</p>
</form>
<h2>Відписатися</h2>
<form method="post" action="{{UNSUB_HREF}}">
<p><button type="submit" class="button">Відписатися</button></p>
</form>
{{/EDITABLE}}
{{#RESUBSCRIBE}}
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
<p><a href="{{RESUBSCRIBE_HREF}}">Підписатися знову з тими самими фільтрами</a></p>
{{/RESUBSCRIBE}}
</article>
