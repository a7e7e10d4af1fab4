{{%AUTOESCAPE context="HTML"}}
{{! /admin/agenda/new and /admin/agenda/{id}: a topic of the plan, fresh,
    as stored, or as sent with the errors next to the fields.  UNIT_CHOICE
    (a select) for admins, UNIT_FIXED for editors.  See
    templates/README.md. }}
<div class="admin admin-agenda-form">
{{>ADMIN_BAR}}
<h1>{{HEADING}}</h1>
<p><a href="{{BACK_HREF}}">До плану консультацій</a></p>
{{#PROPOSER}}<p>Пропозиція мешканця: {{PROPOSER_NAME}} · e-mail: {{PROPOSER_EMAIL}}</p>{{/PROPOSER}}
<form method="post" action="{{FORM_ACTION}}" accept-charset="utf-8" novalidate>
{{#ERRORS}}<div class="form-errors" role="alert" aria-labelledby="ag-errors-title">
<h2 id="ag-errors-title">Перевірте, будь ласка, форму</h2>
<ul>
{{#ERROR}}<li><a href="#{{ERROR_FIELD_ID}}">{{ERROR_TEXT}}</a></li>
{{/ERROR}}
</ul>
</div>{{/ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#TOPIC_ERROR}} field--error{{/TOPIC_ERROR}}">
<label for="ag-topic">Тема <span class="field__req">(обов’язково, до 300 символів)</span></label>
{{#TOPIC_ERROR}}<p class="field__error" id="ag-topic-error">{{TOPIC_ERROR_TEXT}}</p>{{/TOPIC_ERROR}}
<input type="text" id="ag-topic" name="topic" value="{{TOPIC_VALUE}}" maxlength="300" required{{#TOPIC_ERROR}} aria-invalid="true" aria-describedby="ag-topic-error"{{/TOPIC_ERROR}}>
</div>
<div class="field{{#DESCRIPTION_ERROR}} field--error{{/DESCRIPTION_ERROR}}">
<label for="ag-description">Опис <span class="field__req">(обов’язково, до 3000 символів)</span></label>
{{#DESCRIPTION_ERROR}}<p class="field__error" id="ag-description-error">{{DESCRIPTION_ERROR_TEXT}}</p>{{/DESCRIPTION_ERROR}}
<textarea id="ag-description" name="description" rows="6" required{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="ag-description-error"{{/DESCRIPTION_ERROR}}>
{{DESCRIPTION_VALUE:pre_escape}}</textarea>
</div>
{{#UNIT_CHOICE}}<div class="field{{#UNIT_ERROR}} field--error{{/UNIT_ERROR}}">
<label for="ag-unit">Підрозділ <span class="field__req">(обов’язково)</span></label>
{{#UNIT_ERROR}}<p class="field__error" id="ag-unit-error">{{UNIT_ERROR_TEXT}}</p>{{/UNIT_ERROR}}
<select id="ag-unit" name="unit" required{{#UNIT_ERROR}} aria-invalid="true" aria-describedby="ag-unit-error"{{/UNIT_ERROR}}>
<option value="">Оберіть підрозділ</option>
{{#UNIT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/UNIT_OPTION}}
</select>
</div>{{/UNIT_CHOICE}}
{{#UNIT_FIXED}}<p>Підрозділ: {{UNIT_NAME}}</p>{{/UNIT_FIXED}}
<div class="field{{#FORMAT_ERROR}} field--error{{/FORMAT_ERROR}}">
<label for="ag-format">Запланований формат</label>
{{#FORMAT_ERROR}}<p class="field__error" id="ag-format-error">{{FORMAT_ERROR_TEXT}}</p>{{/FORMAT_ERROR}}
<select id="ag-format" name="format"{{#FORMAT_ERROR}} aria-invalid="true" aria-describedby="ag-format-error"{{/FORMAT_ERROR}}>
<option value="">Ще не визначено</option>
{{#FORMAT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/FORMAT_OPTION}}
</select>
</div>
<div class="field{{#YEAR_ERROR}} field--error{{/YEAR_ERROR}}">
<label for="ag-year">Рік <span class="field__req">(обов’язково)</span></label>
{{#YEAR_ERROR}}<p class="field__error" id="ag-year-error">{{YEAR_ERROR_TEXT}}</p>{{/YEAR_ERROR}}
<input type="text" inputmode="numeric" id="ag-year" name="year" value="{{YEAR_VALUE}}" maxlength="4" required{{#YEAR_ERROR}} aria-invalid="true" aria-describedby="ag-year-error"{{/YEAR_ERROR}}>
</div>
<div class="field{{#QUARTER_ERROR}} field--error{{/QUARTER_ERROR}}">
<label for="ag-quarter">Квартал <span class="field__req">(обов’язково)</span></label>
{{#QUARTER_ERROR}}<p class="field__error" id="ag-quarter-error">{{QUARTER_ERROR_TEXT}}</p>{{/QUARTER_ERROR}}
<select id="ag-quarter" name="quarter" required{{#QUARTER_ERROR}} aria-invalid="true" aria-describedby="ag-quarter-error"{{/QUARTER_ERROR}}>
<option value="">Оберіть квартал</option>
{{#QUARTER_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/QUARTER_OPTION}}
</select>
</div>
<fieldset class="field{{#THEME_ERROR}} field--error{{/THEME_ERROR}}">
<legend>Теми (необов’язково)</legend>
{{#THEME_ERROR}}<p class="field__error" id="ag-theme-first">{{THEME_ERROR_TEXT}}</p>{{/THEME_ERROR}}
{{#THEME_CHECK}}<p class="check"><input type="checkbox" id="{{CHECK_ID}}" name="{{CHECK_NAME}}" value="{{CHECK_VALUE}}"{{#CHECK_CHECKED}} checked{{/CHECK_CHECKED}}> <label for="{{CHECK_ID}}">{{CHECK_LABEL}}</label></p>
{{/THEME_CHECK}}
</fieldset>
<fieldset class="field{{#DISTRICT_ERROR}} field--error{{/DISTRICT_ERROR}}">
<legend>Райони (необов’язково; жодного — усе місто)</legend>
{{#DISTRICT_ERROR}}<p class="field__error" id="ag-district-first">{{DISTRICT_ERROR_TEXT}}</p>{{/DISTRICT_ERROR}}
{{#DISTRICT_CHECK}}<p class="check"><input type="checkbox" id="{{CHECK_ID}}" name="{{CHECK_NAME}}" value="{{CHECK_VALUE}}"{{#CHECK_CHECKED}} checked{{/CHECK_CHECKED}}> <label for="{{CHECK_ID}}">{{CHECK_LABEL}}</label></p>
{{/DISTRICT_CHECK}}
</fieldset>
<div class="field{{#STATUS_ERROR}} field--error{{/STATUS_ERROR}}">
<label for="ag-status">Стан <span class="field__req">(обов’язково)</span></label>
{{#STATUS_ERROR}}<p class="field__error" id="ag-status-error">{{STATUS_ERROR_TEXT}}</p>{{/STATUS_ERROR}}
<select id="ag-status" name="status" required{{#STATUS_ERROR}} aria-invalid="true" aria-describedby="ag-status-error"{{/STATUS_ERROR}}>
{{#STATUS_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/STATUS_OPTION}}
</select>
</div>
<div class="field{{#CONSULTATION_ERROR}} field--error{{/CONSULTATION_ERROR}}">
<label for="ag-consultation">Номер консультації <span class="field__req">(для станів «оголошено консультацію» і «проведено»)</span></label>
{{#CONSULTATION_NOW}}<p class="field__hint" id="ag-consultation-hint">Зараз: «{{CONSULTATION_TITLE}}».</p>{{/CONSULTATION_NOW}}
{{#CONSULTATION_ERROR}}<p class="field__error" id="ag-consultation-error">{{CONSULTATION_ERROR_TEXT}}</p>{{/CONSULTATION_ERROR}}
<input type="text" inputmode="numeric" id="ag-consultation" name="consultation" value="{{CONSULTATION_VALUE}}" maxlength="10"{{#CONSULTATION_ERROR}} aria-invalid="true" aria-describedby="ag-consultation-error"{{/CONSULTATION_ERROR}}>
</div>
<div class="field{{#REASON_ERROR}} field--error{{/REASON_ERROR}}">
<label for="ag-reason">Причина відхилення <span class="field__req">(для стану «відхилено»; буде оприлюднено)</span></label>
{{#REASON_ERROR}}<p class="field__error" id="ag-reason-error">{{REASON_ERROR_TEXT}}</p>{{/REASON_ERROR}}
<textarea id="ag-reason" name="reason" rows="3" maxlength="3000"{{#REASON_ERROR}} aria-invalid="true" aria-describedby="ag-reason-error"{{/REASON_ERROR}}>{{REASON_VALUE}}</textarea>
</div>
<p><button type="submit" class="button">Зберегти</button></p>
</form>
</div>
