{{%AUTOESCAPE context="HTML"}}
{{! /admin/units/new and /admin/units/{id}: a new unit (identifier, names,
    kind, district), or one unit's names.  The identifier, the kind and
    the district are fixed once the unit exists.  See templates/README.md. }}
<div class="admin admin-unit">
{{>ADMIN_BAR}}
<p><a href="/admin/units">← Усі підрозділи</a></p>
{{#NEW}}<h1>Новий підрозділ</h1>{{/NEW}}
{{#EXISTING}}<h1>Підрозділ <code>{{SLUG}}</code></h1>
<p>{{KIND}}{{#DISTRICT}} · {{DISTRICT_NAME}} район{{/DISTRICT}} · користувачів: {{USERS}} · консультацій: {{CONSULTATIONS}} · <a href="{{PUBLIC_HREF}}">консультації на сайті</a> · <a href="{{AUDIT_HREF}}">зміни підрозділу</a></p>{{/EXISTING}}
{{#DONE}}<div class="form-message form-message--ok" role="status"><p>{{DONE_TEXT}}</p></div>{{/DONE}}
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
<form method="post" action="{{FORM_ACTION}}" accept-charset="utf-8" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NEW}}<div class="field{{#SLUG_ERROR}} field--error{{/SLUG_ERROR}}">
<label for="n-slug">Ідентифікатор <span class="field__hint">(у адресах сторінок: малі латинські літери, цифри, дефіс; змінити потім не можна)</span></label>
{{#SLUG_ERROR}}<p class="field__error" id="n-slug-error">{{ERROR_TEXT}}</p>{{/SLUG_ERROR}}
<input type="text" id="n-slug" name="slug" value="{{SLUG_VALUE}}" maxlength="64" autocomplete="off" autocapitalize="none" spellcheck="false" required{{#SLUG_ERROR}} aria-invalid="true" aria-describedby="n-slug-error"{{/SLUG_ERROR}}>
</div>{{/NEW}}
<div class="field{{#NAME_ERROR}} field--error{{/NAME_ERROR}}">
<label for="n-name">Назва</label>
{{#NAME_ERROR}}<p class="field__error" id="n-name-error">{{ERROR_TEXT}}</p>{{/NAME_ERROR}}
<input type="text" id="n-name" name="name" value="{{NAME_VALUE}}" maxlength="300" autocomplete="off" required{{#NAME_ERROR}} aria-invalid="true" aria-describedby="n-name-error"{{/NAME_ERROR}}>
</div>
<div class="field{{#NAME_EN_ERROR}} field--error{{/NAME_EN_ERROR}}">
<label for="n-name-en">Назва англійською</label>
{{#NAME_EN_ERROR}}<p class="field__error" id="n-name-en-error">{{ERROR_TEXT}}</p>{{/NAME_EN_ERROR}}
<input type="text" id="n-name-en" name="name_en" value="{{NAME_EN_VALUE}}" maxlength="300" autocomplete="off" lang="en" required{{#NAME_EN_ERROR}} aria-invalid="true" aria-describedby="n-name-en-error"{{/NAME_EN_ERROR}}>
</div>
{{#NEW}}<fieldset{{#KIND_ERROR}} class="field--error" aria-describedby="n-kind-error"{{/KIND_ERROR}}>
<legend>Вид</legend>
{{#KIND_ERROR}}<p class="field__error" id="n-kind-error">{{ERROR_TEXT}}</p>{{/KIND_ERROR}}
{{#KIND_OPTION}}<p class="check"><input type="radio" id="{{KIND_ID}}" name="kind" value="{{KIND_SLUG}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="{{KIND_ID}}">{{KIND_NAME}}</label></p>
{{/KIND_OPTION}}</fieldset>
<div class="field{{#DISTRICT_ERROR}} field--error{{/DISTRICT_ERROR}}">
<label for="n-district">Район (лише для районної адміністрації)</label>
{{#DISTRICT_ERROR}}<p class="field__error" id="n-district-error">{{ERROR_TEXT}}</p>{{/DISTRICT_ERROR}}
<select id="n-district" name="district"{{#DISTRICT_ERROR}} aria-invalid="true" aria-describedby="n-district-error"{{/DISTRICT_ERROR}}><option value="">без району</option>{{#DISTRICT_OPTION}}<option value="{{DISTRICT_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{DISTRICT_NAME}}</option>{{/DISTRICT_OPTION}}</select>
</div>
<p><button type="submit" class="button">Створити</button></p>{{/NEW}}
{{#EXISTING}}<p class="field__hint">Нова назва з’явиться на сторінках консультацій підрозділу, у фільтрах і звітах одразу після збереження.</p>
<p><button type="submit" class="button">Зберегти</button></p>{{/EXISTING}}
</form>
</div>
