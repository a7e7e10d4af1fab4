{{%AUTOESCAPE context="HTML"}}
{{! /subscribe: the subscription form, fresh (prefilled with the listing's
    filters from the query) or sent back with every field kept and the
    errors beside them.  Filled by cgi-bin/subscribe.c. }}
<nav class="breadcrumb" aria-label="Навігаційний ланцюжок">
<ol>
<li><a href="/">Головна</a></li>
<li><a href="/consultations">Консультації</a></li>
<li><span aria-current="page">Підписка</span></li>
</ol>
</nav>
<article class="comment-page">
<h1>Підписка на консультації</h1>
<p>Ми надішлемо лист, коли консультацію за обраними фільтрами оголосять або розпочнуть, за три дні до завершення прийому пропозицій і коли оприлюднять звіт. Без фільтрів — про всі консультації.</p>
<form class="comment-form" method="post" action="/subscribe" accept-charset="utf-8" novalidate>
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
{{#ERRORS}}<div class="form-errors" role="alert" aria-labelledby="sf-errors-title">
<h2 id="sf-errors-title">Перевірте, будь ласка, форму</h2>
<ul>
{{#ERROR}}<li><a href="#{{ERROR_FIELD_ID}}">{{ERROR_TEXT}}</a></li>
{{/ERROR}}
</ul>
</div>{{/ERRORS}}
<input type="hidden" name="token" value="{{TOKEN}}">
<div class="field{{#EMAIL_ERROR}} field--error{{/EMAIL_ERROR}}">
<label for="sf-email">Електронна пошта <span class="field__req">(обов’язково)</span></label>
{{#EMAIL_ERROR}}<p class="field__error" id="sf-email-error">{{EMAIL_ERROR_TEXT}}</p>{{/EMAIL_ERROR}}
<input type="email" id="sf-email" name="email" value="{{EMAIL_VALUE}}" maxlength="254" autocomplete="email" required{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="sf-email-error"{{/EMAIL_ERROR}}>
</div>
<div id="sf-filters">
{{#FILTER_ERROR}}<p class="field__error" id="sf-filters-error">{{FILTER_ERROR_TEXT}}</p>{{/FILTER_ERROR}}
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
{{#FREQUENCY_ERROR}}<p class="field__error" id="sf-frequency-error">{{FREQUENCY_ERROR_TEXT}}</p>{{/FREQUENCY_ERROR}}
<p class="field__choice"><input type="radio" id="sf-frequency-immediate" name="frequency" value="immediate"{{#IMMEDIATE_CHECKED}} checked{{/IMMEDIATE_CHECKED}}> <label for="sf-frequency-immediate">Одразу, окремим листом про кожну подію</label></p>
<p class="field__choice"><input type="radio" id="sf-frequency-weekly" name="frequency" value="weekly"{{#WEEKLY_CHECKED}} checked{{/WEEKLY_CHECKED}}> <label for="sf-frequency-weekly">Щотижневий огляд</label></p>
</fieldset>
<div class="field field--check{{#CONSENT_ERROR}} field--error{{/CONSENT_ERROR}}">
{{#CONSENT_ERROR}}<p class="field__error" id="sf-consent-error">{{CONSENT_ERROR_TEXT}}</p>{{/CONSENT_ERROR}}
<p><input type="checkbox" id="sf-consent" name="consent" value="yes" required{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#CONSENT_ERROR}} aria-invalid="true" aria-describedby="sf-consent-error"{{/CONSENT_ERROR}}>
<label for="sf-consent">Я погоджуюся, що Київська міська державна адміністрація обробляє мою адресу електронної пошти й обрані фільтри, щоб надсилати мені повідомлення про громадські консультації, доки я не відпишуся (Закон України «Про захист персональних даних»). Адресу не оприлюднюють і не передають іншим; відписатися можна посиланням у кожному листі.</label></p>
</div>
<div class="hp" aria-hidden="true">
<label for="sf-website">Не заповнюйте це поле</label>
<input type="text" id="sf-website" name="website" value="" tabindex="-1" autocomplete="off">
</div>
<p><button type="submit" class="button">Підписатися</button></p>
<p class="field__hint">Ми надішлемо лист із посиланням для підтвердження. Доки ви не підтвердите підписку, інших листів не буде.</p>
</form>
</article>
