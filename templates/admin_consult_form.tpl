{{%AUTOESCAPE context="HTML"}}
{{! /admin/consultations/new and /admin/consultations/{id}: every field of
    the announcement (CMU Resolution 996), fresh, stored, or sent back with
    the errors next to the fields; then publish, close early, cancel.
    Textareas hold their value pre_escape after a newline browsers drop.
    See templates/README.md. }}
<div class="admin admin-consult">
{{>ADMIN_BAR}}
<p class="breadcrumb-back"><a href="/admin/consultations">Усі консультації</a></p>
<h1>{{HEADING}}</h1>
{{#MESSAGE}}<div class="form-message" role="status"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
{{#ERRORS}}<div class="form-errors" role="alert" aria-labelledby="c-errors-title">
<h2 id="c-errors-title">Перевірте, будь ласка, форму</h2>
<ul>
{{#ERROR}}<li><a href="#{{ERROR_FIELD_ID}}">{{ERROR_TEXT}}</a></li>
{{/ERROR}}
</ul>
</div>{{/ERRORS}}
{{#EXISTING}}<section class="admin-consult__state" aria-labelledby="c-state-title">
<h2 id="c-state-title">Стан</h2>
<p><span class="badge badge--{{STATUS_SLUG}}">{{STATUS_LABEL}}</span>{{#PUBLISHED}} · оприлюднено {{PUBLISHED_TEXT}}{{/PUBLISHED}}</p>
{{#CLOSED_EARLY}}<p>Завершено достроково. Причина: {{CLOSE_REASON_TEXT}}</p>{{/CLOSED_EARLY}}
{{#CANCELLED}}<p>Скасовано. Причина: {{CANCEL_REASON_TEXT}}</p>{{/CANCELLED}}
<ul class="inline-list">
<li><a href="{{PREVIEW_HREF}}">Попередній перегляд</a></li>
<li><a href="{{DOCUMENTS_HREF}}">Документи</a></li>
<li><a href="{{ANSWERS_HREF}}">Відповіді на пропозиції</a></li>
<li><a href="{{REPORT_HREF}}">Звіт</a></li>
{{#PUBLIC}}<li><a href="{{PUBLIC_HREF}}">Публічна сторінка</a></li>{{/PUBLIC}}
</ul>
</section>{{/EXISTING}}
<form class="admin-consult__form" method="post" action="{{FORM_ACTION}}" accept-charset="utf-8" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field__hint">Чернетку можна зберегти з назвою, форматом і датами; решту полів оголошення треба заповнити до оприлюднення.</p>
<fieldset class="admin-consult__group">
<legend>Основне</legend>
<div class="field{{#TITLE_ERROR}} field--error{{/TITLE_ERROR}}">
<label for="c-title">Назва консультації <span class="field__req">(обов’язково)</span></label>
{{#TITLE_ERROR}}<p class="field__error" id="c-title-error">{{TITLE_ERROR_TEXT}}</p>{{/TITLE_ERROR}}
<input type="text" id="c-title" name="title" value="{{TITLE_VALUE}}" maxlength="300"{{#TITLE_ERROR}} aria-describedby="c-title-error"{{/TITLE_ERROR}}{{#TITLE_ERROR}} aria-invalid="true"{{/TITLE_ERROR}}>
</div>
<div class="field{{#SUMMARY_ERROR}} field--error{{/SUMMARY_ERROR}}">
<label for="c-summary">Короткий опис <span class="field__req">(обов’язково для оприлюднення)</span></label>
<p class="field__hint" id="c-summary-hint">Кілька речень: їх показують у списку консультацій.</p>
{{#SUMMARY_ERROR}}<p class="field__error" id="c-summary-error">{{SUMMARY_ERROR_TEXT}}</p>{{/SUMMARY_ERROR}}
<textarea id="c-summary" name="summary" rows="3" maxlength="15000" aria-describedby="c-summary-hint{{#SUMMARY_ERROR}} c-summary-error{{/SUMMARY_ERROR}}"{{#SUMMARY_ERROR}} aria-invalid="true"{{/SUMMARY_ERROR}}>
{{SUMMARY_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#BODY_ERROR}} field--error{{/BODY_ERROR}}">
<label for="c-body">Повний текст <span class="field__req">(обов’язково для оприлюднення)</span></label>
<p class="field__hint" id="c-body-hint">Markdown: ### підзаголовки, списки, посилання. До 100 000 символів.</p>
{{#BODY_ERROR}}<p class="field__error" id="c-body-error">{{BODY_ERROR_TEXT}}</p>{{/BODY_ERROR}}
<textarea id="c-body" name="body" rows="14" maxlength="100000" aria-describedby="c-body-hint{{#BODY_ERROR}} c-body-error{{/BODY_ERROR}}"{{#BODY_ERROR}} aria-invalid="true"{{/BODY_ERROR}}>
{{BODY_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#FORMAT_ERROR}} field--error{{/FORMAT_ERROR}}">
<label for="c-format">Формат <span class="field__req">(обов’язково)</span></label>
<p class="field__hint" id="c-format-hint">Електронна консультація триває щонайменше 15 днів; для очних форматів потрібні дата, час і місце заходу.</p>
{{#FORMAT_ERROR}}<p class="field__error" id="c-format-error">{{FORMAT_ERROR_TEXT}}</p>{{/FORMAT_ERROR}}
<select id="c-format" name="format" aria-describedby="c-format-hint{{#FORMAT_ERROR}} c-format-error{{/FORMAT_ERROR}}"{{#FORMAT_ERROR}} aria-invalid="true"{{/FORMAT_ERROR}}>
<option value="">Оберіть формат</option>
{{#FORMAT_OPT}}<option value="{{FMT_ID}}"{{#FMT_SELECTED}} selected{{/FMT_SELECTED}}>{{FMT_NAME}}</option>
{{/FORMAT_OPT}}</select>
</div>
{{#UNIT_CHOICE}}<div class="field{{#UNIT_ERROR}} field--error{{/UNIT_ERROR}}">
<label for="c-unit">Організатор <span class="field__req">(обов’язково)</span></label>
{{#UNIT_ERROR}}<p class="field__error" id="c-unit-error">{{UNIT_ERROR_TEXT}}</p>{{/UNIT_ERROR}}
<select id="c-unit" name="unit"{{#UNIT_ERROR}} aria-describedby="c-unit-error" aria-invalid="true"{{/UNIT_ERROR}}>
<option value="">Оберіть організатора</option>
{{#UNIT_OPT}}<option value="{{UNIT_OPT_ID}}"{{#UNIT_SELECTED}} selected{{/UNIT_SELECTED}}>{{UNIT_OPT_NAME}}</option>
{{/UNIT_OPT}}</select>
</div>{{/UNIT_CHOICE}}
{{#UNIT_FIXED}}<p class="field">Організатор: <strong>{{UNIT_FIXED_NAME}}</strong></p>{{/UNIT_FIXED}}
<fieldset class="field field--choice{{#MODERATION_ERROR}} field--error{{/MODERATION_ERROR}}">
<legend>Модерація коментарів</legend>
{{#MODERATION_ERROR}}<p class="field__error" id="c-moderation-error">{{MODERATION_ERROR_TEXT}}</p>{{/MODERATION_ERROR}}
<p class="field__choice"><input type="radio" id="c-moderation-pre" name="moderation" value="pre"{{#MOD_PRE_CHECKED}} checked{{/MOD_PRE_CHECKED}}> <label for="c-moderation-pre">Попередня: коментарі з’являються після перевірки модератором</label></p>
<p class="field__choice"><input type="radio" id="c-moderation-post" name="moderation" value="post"{{#MOD_POST_CHECKED}} checked{{/MOD_POST_CHECKED}}> <label for="c-moderation-post">Подальша: коментарі з’являються одразу</label></p>
</fieldset>
</fieldset>
<fieldset class="admin-consult__group">
<legend>Дати та місце (київський час)</legend>
<div class="field{{#OPENS_ERROR}} field--error{{/OPENS_ERROR}}">
<label for="c-opens">Початок прийому пропозицій <span class="field__req">(обов’язково)</span></label>
<p class="field__hint" id="c-opens-hint">Дата й час, наприклад 2026-12-01T10:00.</p>
{{#OPENS_ERROR}}<p class="field__error" id="c-opens-error">{{OPENS_ERROR_TEXT}}</p>{{/OPENS_ERROR}}
<input type="datetime-local" id="c-opens" name="opens_at" value="{{OPENS_VALUE}}" aria-describedby="c-opens-hint{{#OPENS_ERROR}} c-opens-error{{/OPENS_ERROR}}"{{#OPENS_ERROR}} aria-invalid="true"{{/OPENS_ERROR}}>
</div>
<div class="field{{#CLOSES_ERROR}} field--error{{/CLOSES_ERROR}}">
<label for="c-closes">Завершення прийому пропозицій <span class="field__req">(обов’язково)</span></label>
<p class="field__hint" id="c-closes-hint">Електронна консультація — щонайменше 15 днів після початку.</p>
{{#CLOSES_ERROR}}<p class="field__error" id="c-closes-error">{{CLOSES_ERROR_TEXT}}</p>{{/CLOSES_ERROR}}
<input type="datetime-local" id="c-closes" name="closes_at" value="{{CLOSES_VALUE}}" aria-describedby="c-closes-hint{{#CLOSES_ERROR}} c-closes-error{{/CLOSES_ERROR}}"{{#CLOSES_ERROR}} aria-invalid="true"{{/CLOSES_ERROR}}>
</div>
<div class="field{{#EVENT_AT_ERROR}} field--error{{/EVENT_AT_ERROR}}">
<label for="c-event-at">Дата й час заходу <span class="field__req">(для очних форматів)</span></label>
<p class="field__hint" id="c-event-at-hint">Для очних форматів (слухання, круглий стіл, збори, конференція).</p>
{{#EVENT_AT_ERROR}}<p class="field__error" id="c-event-at-error">{{EVENT_AT_ERROR_TEXT}}</p>{{/EVENT_AT_ERROR}}
<input type="datetime-local" id="c-event-at" name="event_at" value="{{EVENT_AT_VALUE}}" aria-describedby="c-event-at-hint{{#EVENT_AT_ERROR}} c-event-at-error{{/EVENT_AT_ERROR}}"{{#EVENT_AT_ERROR}} aria-invalid="true"{{/EVENT_AT_ERROR}}>
</div>
<div class="field{{#EVENT_PLACE_ERROR}} field--error{{/EVENT_PLACE_ERROR}}">
<label for="c-event-place">Місце проведення <span class="field__req">(для очних форматів)</span></label>
{{#EVENT_PLACE_ERROR}}<p class="field__error" id="c-event-place-error">{{EVENT_PLACE_ERROR_TEXT}}</p>{{/EVENT_PLACE_ERROR}}
<input type="text" id="c-event-place" name="event_place" value="{{EVENT_PLACE_VALUE}}" maxlength="300"{{#EVENT_PLACE_ERROR}} aria-describedby="c-event-place-error"{{/EVENT_PLACE_ERROR}}{{#EVENT_PLACE_ERROR}} aria-invalid="true"{{/EVENT_PLACE_ERROR}}>
</div>
</fieldset>
<fieldset class="admin-consult__group">
<legend>Оголошення (Постанова КМУ № 996)</legend>
<div class="field{{#QUESTION_ERROR}} field--error{{/QUESTION_ERROR}}">
<label for="c-question">Питання або проєкт рішення, що виноситься на обговорення <span class="field__req">(обов’язково для оприлюднення)</span></label>
{{#QUESTION_ERROR}}<p class="field__error" id="c-question-error">{{QUESTION_ERROR_TEXT}}</p>{{/QUESTION_ERROR}}
<textarea id="c-question" name="question" rows="6" maxlength="15000"{{#QUESTION_ERROR}} aria-describedby="c-question-error"{{/QUESTION_ERROR}}{{#QUESTION_ERROR}} aria-invalid="true"{{/QUESTION_ERROR}}>
{{QUESTION_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#ALTERNATIVES_ERROR}} field--error{{/ALTERNATIVES_ERROR}}">
<label for="c-alternatives">Альтернативні варіанти <span class="field__req">(за наявності)</span></label>
{{#ALTERNATIVES_ERROR}}<p class="field__error" id="c-alternatives-error">{{ALTERNATIVES_ERROR_TEXT}}</p>{{/ALTERNATIVES_ERROR}}
<textarea id="c-alternatives" name="alternatives" rows="4" maxlength="15000"{{#ALTERNATIVES_ERROR}} aria-describedby="c-alternatives-error"{{/ALTERNATIVES_ERROR}}{{#ALTERNATIVES_ERROR}} aria-invalid="true"{{/ALTERNATIVES_ERROR}}>
{{ALTERNATIVES_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#STAKEHOLDERS_ERROR}} field--error{{/STAKEHOLDERS_ERROR}}">
<label for="c-stakeholders">Соціальні групи населення та заінтересовані сторони, яких стосується рішення <span class="field__req">(обов’язково для оприлюднення)</span></label>
{{#STAKEHOLDERS_ERROR}}<p class="field__error" id="c-stakeholders-error">{{STAKEHOLDERS_ERROR_TEXT}}</p>{{/STAKEHOLDERS_ERROR}}
<textarea id="c-stakeholders" name="stakeholders" rows="4" maxlength="15000"{{#STAKEHOLDERS_ERROR}} aria-describedby="c-stakeholders-error"{{/STAKEHOLDERS_ERROR}}{{#STAKEHOLDERS_ERROR}} aria-invalid="true"{{/STAKEHOLDERS_ERROR}}>
{{STAKEHOLDERS_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#CONSEQUENCES_ERROR}} field--error{{/CONSEQUENCES_ERROR}}">
<label for="c-consequences">Можливі наслідки рішення для цих груп <span class="field__req">(обов’язково для оприлюднення)</span></label>
{{#CONSEQUENCES_ERROR}}<p class="field__error" id="c-consequences-error">{{CONSEQUENCES_ERROR_TEXT}}</p>{{/CONSEQUENCES_ERROR}}
<textarea id="c-consequences" name="consequences" rows="4" maxlength="15000"{{#CONSEQUENCES_ERROR}} aria-describedby="c-consequences-error"{{/CONSEQUENCES_ERROR}}{{#CONSEQUENCES_ERROR}} aria-invalid="true"{{/CONSEQUENCES_ERROR}}>
{{CONSEQUENCES_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#HOW_ERROR}} field--error{{/HOW_ERROR}}">
<label for="c-how">Як і до якого часу надсилати пропозиції <span class="field__req">(обов’язково для оприлюднення)</span></label>
{{#HOW_ERROR}}<p class="field__error" id="c-how-error">{{HOW_ERROR_TEXT}}</p>{{/HOW_ERROR}}
<textarea id="c-how" name="how_to_participate" rows="4" maxlength="15000"{{#HOW_ERROR}} aria-describedby="c-how-error"{{/HOW_ERROR}}{{#HOW_ERROR}} aria-invalid="true"{{/HOW_ERROR}}>
{{HOW_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#RESULTS_ERROR}} field--error{{/RESULTS_ERROR}}">
<label for="c-results">Як і коли буде оприлюднено результати <span class="field__req">(обов’язково для оприлюднення)</span></label>
{{#RESULTS_ERROR}}<p class="field__error" id="c-results-error">{{RESULTS_ERROR_TEXT}}</p>{{/RESULTS_ERROR}}
<textarea id="c-results" name="results_publication" rows="3" maxlength="15000"{{#RESULTS_ERROR}} aria-describedby="c-results-error"{{/RESULTS_ERROR}}{{#RESULTS_ERROR}} aria-invalid="true"{{/RESULTS_ERROR}}>
{{RESULTS_VALUE:pre_escape}}</textarea>
</div>
<div class="field{{#CONTACT_NAME_ERROR}} field--error{{/CONTACT_NAME_ERROR}}">
<label for="c-contact-name">Відповідальна особа <span class="field__req">(обов’язково для оприлюднення)</span></label>
{{#CONTACT_NAME_ERROR}}<p class="field__error" id="c-contact-name-error">{{CONTACT_NAME_ERROR_TEXT}}</p>{{/CONTACT_NAME_ERROR}}
<input type="text" id="c-contact-name" name="contact_name" value="{{CONTACT_NAME_VALUE}}" maxlength="200"{{#CONTACT_NAME_ERROR}} aria-describedby="c-contact-name-error"{{/CONTACT_NAME_ERROR}}{{#CONTACT_NAME_ERROR}} aria-invalid="true"{{/CONTACT_NAME_ERROR}}>
</div>
<div class="field{{#CONTACT_EMAIL_ERROR}} field--error{{/CONTACT_EMAIL_ERROR}}">
<label for="c-contact-email">Електронна пошта відповідальної особи <span class="field__req">(обов’язково для оприлюднення)</span></label>
{{#CONTACT_EMAIL_ERROR}}<p class="field__error" id="c-contact-email-error">{{CONTACT_EMAIL_ERROR_TEXT}}</p>{{/CONTACT_EMAIL_ERROR}}
<input type="email" id="c-contact-email" name="contact_email" value="{{CONTACT_EMAIL_VALUE}}" maxlength="254"{{#CONTACT_EMAIL_ERROR}} aria-describedby="c-contact-email-error"{{/CONTACT_EMAIL_ERROR}}{{#CONTACT_EMAIL_ERROR}} aria-invalid="true"{{/CONTACT_EMAIL_ERROR}}>
</div>
<div class="field{{#CONTACT_PHONE_ERROR}} field--error{{/CONTACT_PHONE_ERROR}}">
<label for="c-contact-phone">Телефон відповідальної особи <span class="field__req">(необов’язково)</span></label>
{{#CONTACT_PHONE_ERROR}}<p class="field__error" id="c-contact-phone-error">{{CONTACT_PHONE_ERROR_TEXT}}</p>{{/CONTACT_PHONE_ERROR}}
<input type="tel" id="c-contact-phone" name="contact_phone" value="{{CONTACT_PHONE_VALUE}}" maxlength="40"{{#CONTACT_PHONE_ERROR}} aria-describedby="c-contact-phone-error"{{/CONTACT_PHONE_ERROR}}{{#CONTACT_PHONE_ERROR}} aria-invalid="true"{{/CONTACT_PHONE_ERROR}}>
</div>
</fieldset>
<fieldset class="field field--boxes{{#THEMES_ERROR}} field--error{{/THEMES_ERROR}}" id="c-themes"{{#THEMES_ERROR}} aria-describedby="c-themes-error"{{/THEMES_ERROR}}>
<legend>Теми</legend>
<p class="field__hint">Щонайменше одна — для оприлюднення.</p>
{{#THEMES_ERROR}}<p class="field__error" id="c-themes-error">{{THEMES_ERROR_TEXT}}</p>{{/THEMES_ERROR}}
<ul class="checkboxes">
{{#THEME_BOX}}<li class="field__choice"><input type="checkbox" id="{{BOX_HTML_ID}}" name="theme" value="{{BOX_ID}}"{{#BOX_CHECKED}} checked{{/BOX_CHECKED}}> <label for="{{BOX_HTML_ID}}">{{BOX_NAME}}</label></li>
{{/THEME_BOX}}</ul>
</fieldset>
<fieldset class="field field--boxes{{#DISTRICTS_ERROR}} field--error{{/DISTRICTS_ERROR}}" id="c-districts"{{#DISTRICTS_ERROR}} aria-describedby="c-districts-error"{{/DISTRICTS_ERROR}}>
<legend>Райони</legend>
<p class="field__hint">Якщо рішення стосується окремих районів.</p>
{{#DISTRICTS_ERROR}}<p class="field__error" id="c-districts-error">{{DISTRICTS_ERROR_TEXT}}</p>{{/DISTRICTS_ERROR}}
<ul class="checkboxes">
{{#DISTRICT_BOX}}<li class="field__choice"><input type="checkbox" id="{{BOX_HTML_ID}}" name="district" value="{{BOX_ID}}"{{#BOX_CHECKED}} checked{{/BOX_CHECKED}}> <label for="{{BOX_HTML_ID}}">{{BOX_NAME}}</label></li>
{{/DISTRICT_BOX}}</ul>
</fieldset>
<fieldset class="field field--boxes{{#GROUPS_ERROR}} field--error{{/GROUPS_ERROR}}" id="c-groups"{{#GROUPS_ERROR}} aria-describedby="c-groups-error"{{/GROUPS_ERROR}}>
<legend>Для кого</legend>
<p class="field__hint">Групи учасників, яких запрошують.</p>
{{#GROUPS_ERROR}}<p class="field__error" id="c-groups-error">{{GROUPS_ERROR_TEXT}}</p>{{/GROUPS_ERROR}}
<ul class="checkboxes">
{{#GROUP_BOX}}<li class="field__choice"><input type="checkbox" id="{{BOX_HTML_ID}}" name="group" value="{{BOX_ID}}"{{#BOX_CHECKED}} checked{{/BOX_CHECKED}}> <label for="{{BOX_HTML_ID}}">{{BOX_NAME}}</label></li>
{{/GROUP_BOX}}</ul>
</fieldset>
{{#EDITABLE}}<p><button type="submit" class="button">Зберегти</button></p>{{/EDITABLE}}
{{#LOCKED}}<p class="warning">Звіт оприлюднено або консультацію скасовано: зміни вже не зберігаються.</p>{{/LOCKED}}
</form>
{{#PUBLISH}}<form class="admin-consult__action" method="post" action="{{PUBLISH_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Оприлюднення</h2>
<p>Після оприлюднення консультацію побачать мешканці; прийом пропозицій почнеться в зазначений час. Спершу збережіть зміни.</p>
<p><button type="submit" class="button">Оприлюднити</button></p>
</form>{{/PUBLISH}}
{{#CLOSE}}<form class="admin-consult__action" method="post" action="{{CLOSE_ACTION}}" accept-charset="utf-8" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Дострокове завершення</h2>
<div class="field{{#CLOSE_ERROR}} field--error{{/CLOSE_ERROR}}">
<label for="c-close-reason">Причина дострокового завершення <span class="field__req">(обов’язково; її побачать мешканці)</span></label>
{{#CLOSE_ERROR}}<p class="field__error" id="c-close-reason-error">{{CLOSE_ERROR_TEXT}}</p>{{/CLOSE_ERROR}}
<textarea id="c-close-reason" name="reason" rows="3" maxlength="1000"{{#CLOSE_ERROR}} aria-describedby="c-close-reason-error" aria-invalid="true"{{/CLOSE_ERROR}}>
{{CLOSE_VALUE:pre_escape}}</textarea>
</div>
<p><button type="submit">Завершити прийом пропозицій</button></p>
</form>{{/CLOSE}}
{{#CANCEL}}<form class="admin-consult__action" method="post" action="{{CANCEL_ACTION}}" accept-charset="utf-8" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Скасування</h2>
<div class="field{{#CANCEL_ERROR}} field--error{{/CANCEL_ERROR}}">
<label for="c-cancel-reason">Причина скасування <span class="field__req">(обов’язково; її побачать мешканці)</span></label>
{{#CANCEL_ERROR}}<p class="field__error" id="c-cancel-reason-error">{{CANCEL_ERROR_TEXT}}</p>{{/CANCEL_ERROR}}
<textarea id="c-cancel-reason" name="reason" rows="3" maxlength="1000"{{#CANCEL_ERROR}} aria-describedby="c-cancel-reason-error" aria-invalid="true"{{/CANCEL_ERROR}}>
{{CANCEL_VALUE:pre_escape}}</textarea>
</div>
<p><button type="submit">Скасувати консультацію</button></p>
</form>{{/CANCEL}}
</div>
