{{%AUTOESCAPE context="HTML"}}
{{! The comment and proposal form, an include (COMMENT_FORM) of detail.tpl
    and comment.tpl; filled by lib/comment_form.c.  See templates/README.md.
    TEXT_VALUE is pre_escape (newlines and tabs kept: the text must come back
    exactly), after a newline that browsers drop, so one the person typed
    first survives.
    Works without JavaScript: the limit is in the label; /static/form.js
    only adds a live count. }}
<form class="comment-form" method="post" action="{{FORM_ACTION}}" accept-charset="utf-8" novalidate>
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
{{#ERRORS}}<div class="form-errors" role="alert" aria-labelledby="cf-errors-title">
<h3 id="cf-errors-title">Перевірте, будь ласка, форму</h3>
<ul>
{{#ERROR}}<li><a href="#{{ERROR_FIELD_ID}}">{{ERROR_TEXT}}</a></li>
{{/ERROR}}
</ul>
</div>{{/ERRORS}}
<input type="hidden" name="token" value="{{TOKEN}}">
<fieldset class="field field--choice">
<legend>Що ви надсилаєте</legend>
<p class="field__choice"><input type="radio" id="cf-kind-comment" name="kind" value="comment"{{#KIND_COMMENT_CHECKED}} checked{{/KIND_COMMENT_CHECKED}}> <label for="cf-kind-comment">Коментар — думка щодо питання</label></p>
<p class="field__choice"><input type="radio" id="cf-kind-proposal" name="kind" value="proposal"{{#KIND_PROPOSAL_CHECKED}} checked{{/KIND_PROPOSAL_CHECKED}}> <label for="cf-kind-proposal">Пропозиція — організатор дасть на неї офіційну відповідь</label></p>
{{#KIND_ERROR}}<p class="field__error" id="cf-kind-error">{{KIND_ERROR_TEXT}}</p>{{/KIND_ERROR}}
</fieldset>
<div class="field{{#NAME_ERROR}} field--error{{/NAME_ERROR}}">
<label for="cf-name">Ім’я та прізвище <span class="field__req">(обов’язково; буде оприлюднено)</span></label>
{{#NAME_ERROR}}<p class="field__error" id="cf-name-error">{{NAME_ERROR_TEXT}}</p>{{/NAME_ERROR}}
<input type="text" id="cf-name" name="name" value="{{NAME_VALUE}}" maxlength="200" autocomplete="name" required{{#NAME_ERROR}} aria-invalid="true" aria-describedby="cf-name-error"{{/NAME_ERROR}}>
</div>
<div class="field{{#EMAIL_ERROR}} field--error{{/EMAIL_ERROR}}">
<label for="cf-email">Електронна пошта <span class="field__req">(обов’язково; не оприлюднюється)</span></label>
<p class="field__hint" id="cf-email-hint">На цю адресу організатор може надіслати відповідь на вашу пропозицію.</p>
{{#EMAIL_ERROR}}<p class="field__error" id="cf-email-error">{{EMAIL_ERROR_TEXT}}</p>{{/EMAIL_ERROR}}
<input type="email" id="cf-email" name="email" value="{{EMAIL_VALUE}}" maxlength="254" autocomplete="email" required aria-describedby="cf-email-hint{{#EMAIL_ERROR}} cf-email-error{{/EMAIL_ERROR}}"{{#EMAIL_ERROR}} aria-invalid="true"{{/EMAIL_ERROR}}>
</div>
<div class="field{{#ORG_ERROR}} field--error{{/ORG_ERROR}}">
<label for="cf-org">Організація <span class="field__req">(необов’язково)</span></label>
<p class="field__hint" id="cf-org-hint">Якщо ви надсилаєте від імені підприємства чи громадської організації — її назва.</p>
{{#ORG_ERROR}}<p class="field__error" id="cf-org-error">{{ORG_ERROR_TEXT}}</p>{{/ORG_ERROR}}
<input type="text" id="cf-org" name="organisation" value="{{ORG_VALUE}}" maxlength="300" autocomplete="organization" aria-describedby="cf-org-hint{{#ORG_ERROR}} cf-org-error{{/ORG_ERROR}}"{{#ORG_ERROR}} aria-invalid="true"{{/ORG_ERROR}}>
</div>
<div class="field{{#TEXT_ERROR}} field--error{{/TEXT_ERROR}}">
<label for="cf-text">Текст коментаря або пропозиції <span class="field__req">(обов’язково, до {{TEXT_MAX}} символів)</span></label>
{{#TEXT_ERROR}}<p class="field__error" id="cf-text-error">{{TEXT_ERROR_TEXT}}</p>{{/TEXT_ERROR}}
<textarea id="cf-text" name="text" rows="10" required data-max="{{TEXT_MAX}}" aria-describedby="cf-text-count{{#TEXT_ERROR}} cf-text-error{{/TEXT_ERROR}}"{{#TEXT_ERROR}} aria-invalid="true"{{/TEXT_ERROR}}>
{{TEXT_VALUE:pre_escape}}</textarea>
<p class="field__hint field__count" id="cf-text-count">Символів: <span data-count>{{TEXT_COUNT}}</span> з {{TEXT_MAX}}</p>
</div>
<div class="field field--check{{#NOTIFY_ERROR}} field--error{{/NOTIFY_ERROR}}">
{{#NOTIFY_ERROR}}<p class="field__error" id="cf-notify-error">{{NOTIFY_ERROR_TEXT}}</p>{{/NOTIFY_ERROR}}
<p><input type="checkbox" id="cf-notify" name="notify" value="yes"{{#NOTIFY_CHECKED}} checked{{/NOTIFY_CHECKED}}{{#NOTIFY_ERROR}} aria-invalid="true" aria-describedby="cf-notify-error"{{/NOTIFY_ERROR}}>
<label for="cf-notify">Повідомити мене листом, коли організатор відповість на мою пропозицію і коли оприлюднить звіт про результати консультації <span class="field__req">(необов’язково)</span></label></p>
</div>
<div class="field field--check{{#CONSENT_ERROR}} field--error{{/CONSENT_ERROR}}">
{{#CONSENT_ERROR}}<p class="field__error" id="cf-consent-error">{{CONSENT_ERROR_TEXT}}</p>{{/CONSENT_ERROR}}
<p><input type="checkbox" id="cf-consent" name="consent" value="yes" required{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#CONSENT_ERROR}} aria-invalid="true" aria-describedby="cf-consent-error"{{/CONSENT_ERROR}}>
<label for="cf-consent">Я погоджуюся, що {{UNIT_NAME}} та Київська міська державна адміністрація обробляють моє ім’я, назву організації та адресу електронної пошти, щоб розглянути мій коментар чи пропозицію, відповісти на неї та включити її до звіту про результати консультації (Закон України «Про захист персональних даних»). Ім’я, організацію й текст буде оприлюднено; адресу пошти — ні.</label></p>
</div>
<div class="hp" aria-hidden="true">
<label for="cf-website">Не заповнюйте це поле</label>
<input type="text" id="cf-website" name="website" value="" tabindex="-1" autocomplete="off">
</div>
{{#FORM_OPEN}}<p><button type="submit" class="button">Надіслати</button></p>{{/FORM_OPEN}}
{{#FORM_CLOSED}}<p class="form-closed">Надіслати зараз неможливо; скопіюйте свій текст, щоб не втратити його.</p>{{/FORM_CLOSED}}
</form>
<script src="/static/form.js?v=1" defer></script>
