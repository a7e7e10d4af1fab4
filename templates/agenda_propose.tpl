{{%AUTOESCAPE context="HTML"}}
{{! The form to propose a topic for the agenda (/agenda/propose), fresh or
    sent back after a refusal (400, 403, 429, 503) with every field as the
    person typed it and the errors next to the fields and in a summary.
    Filled by cgi-bin/agenda.c; the rules are the comment form's. }}
<nav class="breadcrumb" aria-label="Навігаційний ланцюжок">
<ol>
<li><a href="/">Головна</a></li>
<li><a href="/agenda">План консультацій</a></li>
<li><span aria-current="page">Запропонувати тему</span></li>
</ol>
</nav>
<article class="comment-page">
<h1>Запропонувати тему консультації</h1>
<p class="comment-page__about">Мешканці, громадські організації та підприємства можуть запропонувати тему для плану консультацій з громадськістю. Відповідальний підрозділ включить її до плану або відхилить із поясненням причини; рішення буде оприлюднено в плані консультацій, а вам надійде лист.</p>
<form class="comment-form agenda-form" method="post" action="/agenda/propose" accept-charset="utf-8" novalidate>
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
{{#ERRORS}}<div class="form-errors" role="alert" aria-labelledby="ap-errors-title">
<h2 id="ap-errors-title">Перевірте, будь ласка, форму</h2>
<ul>
{{#ERROR}}<li><a href="#{{ERROR_FIELD_ID}}">{{ERROR_TEXT}}</a></li>
{{/ERROR}}
</ul>
</div>{{/ERRORS}}
<input type="hidden" name="token" value="{{TOKEN}}">
<div class="field{{#TOPIC_ERROR}} field--error{{/TOPIC_ERROR}}">
<label for="ap-topic">Тема <span class="field__req">(обов’язково, до 300 символів)</span></label>
{{#TOPIC_ERROR}}<p class="field__error" id="ap-topic-error">{{TOPIC_ERROR_TEXT}}</p>{{/TOPIC_ERROR}}
<input type="text" id="ap-topic" name="topic" value="{{TOPIC_VALUE}}" maxlength="300" required{{#TOPIC_ERROR}} aria-invalid="true" aria-describedby="ap-topic-error"{{/TOPIC_ERROR}}>
</div>
<div class="field{{#DESCRIPTION_ERROR}} field--error{{/DESCRIPTION_ERROR}}">
<label for="ap-description">Що варто обговорити і чому <span class="field__req">(обов’язково, до {{TEXT_MAX}} символів)</span></label>
{{#DESCRIPTION_ERROR}}<p class="field__error" id="ap-description-error">{{DESCRIPTION_ERROR_TEXT}}</p>{{/DESCRIPTION_ERROR}}
<textarea id="ap-description" name="description" rows="8" required{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="ap-description-error"{{/DESCRIPTION_ERROR}}>
{{DESCRIPTION_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#UNIT_ERROR}} field--error{{/UNIT_ERROR}}">
<label for="ap-unit">Хто мав би провести консультацію <span class="field__req">(обов’язково)</span></label>
{{#UNIT_ERROR}}<p class="field__error" id="ap-unit-error">{{UNIT_ERROR_TEXT}}</p>{{/UNIT_ERROR}}
<select id="ap-unit" name="unit" required{{#UNIT_ERROR}} aria-invalid="true" aria-describedby="ap-unit-error"{{/UNIT_ERROR}}>
<option value="">Оберіть підрозділ</option>
{{#UNIT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/UNIT_OPTION}}
</select>
</div>
<div class="field{{#YEAR_ERROR}} field--error{{/YEAR_ERROR}}">
<label for="ap-year">Рік <span class="field__req">(обов’язково)</span></label>
{{#YEAR_ERROR}}<p class="field__error" id="ap-year-error">{{YEAR_ERROR_TEXT}}</p>{{/YEAR_ERROR}}
<select id="ap-year" name="year" required{{#YEAR_ERROR}} aria-invalid="true" aria-describedby="ap-year-error"{{/YEAR_ERROR}}>
{{#YEAR_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_VALUE}}</option>
{{/YEAR_OPTION}}
</select>
</div>
<div class="field{{#QUARTER_ERROR}} field--error{{/QUARTER_ERROR}}">
<label for="ap-quarter">Квартал <span class="field__req">(обов’язково)</span></label>
{{#QUARTER_ERROR}}<p class="field__error" id="ap-quarter-error">{{QUARTER_ERROR_TEXT}}</p>{{/QUARTER_ERROR}}
<select id="ap-quarter" name="quarter" required{{#QUARTER_ERROR}} aria-invalid="true" aria-describedby="ap-quarter-error"{{/QUARTER_ERROR}}>
<option value="">Оберіть квартал</option>
{{#QUARTER_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/QUARTER_OPTION}}
</select>
</div>
<div class="field{{#THEME_ERROR}} field--error{{/THEME_ERROR}}">
<label for="ap-theme">Тема (сфера) <span class="field__req">(необов’язково)</span></label>
{{#THEME_ERROR}}<p class="field__error" id="ap-theme-error">{{THEME_ERROR_TEXT}}</p>{{/THEME_ERROR}}
<select id="ap-theme" name="theme"{{#THEME_ERROR}} aria-invalid="true" aria-describedby="ap-theme-error"{{/THEME_ERROR}}>
<option value="">Не вказано</option>
{{#THEME_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/THEME_OPTION}}
</select>
</div>
<div class="field{{#DISTRICT_ERROR}} field--error{{/DISTRICT_ERROR}}">
<label for="ap-district">Район <span class="field__req">(необов’язково)</span></label>
{{#DISTRICT_ERROR}}<p class="field__error" id="ap-district-error">{{DISTRICT_ERROR_TEXT}}</p>{{/DISTRICT_ERROR}}
<select id="ap-district" name="district"{{#DISTRICT_ERROR}} aria-invalid="true" aria-describedby="ap-district-error"{{/DISTRICT_ERROR}}>
<option value="">Усе місто</option>
{{#DISTRICT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/DISTRICT_OPTION}}
</select>
</div>
<div class="field{{#NAME_ERROR}} field--error{{/NAME_ERROR}}">
<label for="ap-name">Ім’я та прізвище <span class="field__req">(обов’язково; буде оприлюднено)</span></label>
{{#NAME_ERROR}}<p class="field__error" id="ap-name-error">{{NAME_ERROR_TEXT}}</p>{{/NAME_ERROR}}
<input type="text" id="ap-name" name="name" value="{{NAME_VALUE}}" maxlength="200" autocomplete="name" required{{#NAME_ERROR}} aria-invalid="true" aria-describedby="ap-name-error"{{/NAME_ERROR}}>
</div>
<div class="field{{#EMAIL_ERROR}} field--error{{/EMAIL_ERROR}}">
<label for="ap-email">Електронна пошта <span class="field__req">(обов’язково; не оприлюднюється)</span></label>
<p class="field__hint" id="ap-email-hint">На цю адресу ми повідомимо про рішення щодо вашої пропозиції.</p>
{{#EMAIL_ERROR}}<p class="field__error" id="ap-email-error">{{EMAIL_ERROR_TEXT}}</p>{{/EMAIL_ERROR}}
<input type="email" id="ap-email" name="email" value="{{EMAIL_VALUE}}" maxlength="254" autocomplete="email" required aria-describedby="ap-email-hint{{#EMAIL_ERROR}} ap-email-error{{/EMAIL_ERROR}}"{{#EMAIL_ERROR}} aria-invalid="true"{{/EMAIL_ERROR}}>
</div>
<div class="field{{#ORG_ERROR}} field--error{{/ORG_ERROR}}">
<label for="ap-org">Організація <span class="field__req">(необов’язково)</span></label>
{{#ORG_ERROR}}<p class="field__error" id="ap-org-error">{{ORG_ERROR_TEXT}}</p>{{/ORG_ERROR}}
<input type="text" id="ap-org" name="organisation" value="{{ORG_VALUE}}" maxlength="300" autocomplete="organization"{{#ORG_ERROR}} aria-invalid="true" aria-describedby="ap-org-error"{{/ORG_ERROR}}>
</div>
<div class="field field--check{{#CONSENT_ERROR}} field--error{{/CONSENT_ERROR}}">
{{#CONSENT_ERROR}}<p class="field__error" id="ap-consent-error">{{CONSENT_ERROR_TEXT}}</p>{{/CONSENT_ERROR}}
<p><input type="checkbox" id="ap-consent" name="consent" value="yes" required{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#CONSENT_ERROR}} aria-invalid="true" aria-describedby="ap-consent-error"{{/CONSENT_ERROR}}>
<label for="ap-consent">Я погоджуюся, що Київська міська державна адміністрація та її підрозділи обробляють моє ім’я, назву організації та адресу електронної пошти, щоб розглянути мою пропозицію теми консультації та повідомити мені про рішення (Закон України «Про захист персональних даних»). Ім’я, організацію й текст пропозиції буде оприлюднено разом із рішенням; адресу пошти — ні.</label></p>
</div>
<div class="hp" aria-hidden="true">
<label for="ap-website">Не заповнюйте це поле</label>
<input type="text" id="ap-website" name="website" value="" tabindex="-1" autocomplete="off">
</div>
<p><button type="submit" class="button">Надіслати пропозицію</button></p>
</form>
</article>
