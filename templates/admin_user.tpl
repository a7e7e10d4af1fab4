{{%AUTOESCAPE context="HTML"}}
{{! /admin/users/new and /admin/users/{id}: a new user, or one user's
    name, role and unit with disable/enable and password reset.  A
    password typed here is never sent back into the page.  See
    templates/README.md. }}
<div class="admin admin-user">
{{>ADMIN_BAR}}
<p><a href="/admin/users">← Усі користувачі</a></p>
{{#NEW}}<h1>Новий користувач</h1>{{/NEW}}
{{#EXISTING}}<h1>Користувач {{LOGIN}}</h1>
<p>Стан: {{STATE}} · створено {{CREATED}} · останній вхід: {{LAST_LOGIN}} · <a href="{{AUDIT_HREF}}">дії з цим обліковим записом</a> · <a href="{{BY_HREF}}">дії цього користувача</a></p>{{/EXISTING}}
{{#DONE}}<div class="form-message form-message--ok" role="status"><p>{{DONE_TEXT}}</p></div>{{/DONE}}
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
<form method="post" action="{{FORM_ACTION}}" accept-charset="utf-8" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NEW}}<div class="field{{#LOGIN_ERROR}} field--error{{/LOGIN_ERROR}}">
<label for="u-login">Логін</label>
{{#LOGIN_ERROR}}<p class="field__error" id="u-login-error">{{ERROR_TEXT}}</p>{{/LOGIN_ERROR}}
<input type="text" id="u-login" name="login" value="{{LOGIN_VALUE}}" maxlength="64" autocomplete="off" autocapitalize="none" spellcheck="false" required{{#LOGIN_ERROR}} aria-invalid="true" aria-describedby="u-login-error"{{/LOGIN_ERROR}}>
</div>{{/NEW}}
<div class="field{{#NAME_ERROR}} field--error{{/NAME_ERROR}}">
<label for="u-name">Ім’я та прізвище</label>
{{#NAME_ERROR}}<p class="field__error" id="u-name-error">{{ERROR_TEXT}}</p>{{/NAME_ERROR}}
<input type="text" id="u-name" name="name" value="{{NAME_VALUE}}" maxlength="200" autocomplete="off" required{{#NAME_ERROR}} aria-invalid="true" aria-describedby="u-name-error"{{/NAME_ERROR}}>
</div>
<div class="field{{#ROLE_ERROR}} field--error{{/ROLE_ERROR}}">
<label for="u-role">Роль</label>
{{#ROLE_ERROR}}<p class="field__error" id="u-role-error">{{ERROR_TEXT}}</p>{{/ROLE_ERROR}}
<select id="u-role" name="role"{{#ROLE_ERROR}} aria-invalid="true" aria-describedby="u-role-error"{{/ROLE_ERROR}}>{{#ROLE_OPTION}}<option value="{{ROLE_SLUG}}"{{#SELECTED}} selected{{/SELECTED}}>{{ROLE_NAME}}</option>{{/ROLE_OPTION}}</select>
</div>
<div class="field{{#UNIT_ERROR}} field--error{{/UNIT_ERROR}}">
<label for="u-unit">Підрозділ (лише для редактора)</label>
{{#UNIT_ERROR}}<p class="field__error" id="u-unit-error">{{ERROR_TEXT}}</p>{{/UNIT_ERROR}}
<select id="u-unit" name="unit"{{#UNIT_ERROR}} aria-invalid="true" aria-describedby="u-unit-error"{{/UNIT_ERROR}}><option value="">без підрозділу</option>{{#UNIT_OPTION}}<option value="{{UNIT_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{UNIT_NAME}}</option>{{/UNIT_OPTION}}</select>
</div>
{{#NEW}}<fieldset{{#PASSWORD_ERROR}} class="field--error"{{/PASSWORD_ERROR}}>
<legend>Пароль</legend>
{{#PASSWORD_ERROR}}<p class="field__error" id="u-password-error">{{ERROR_TEXT}}</p>{{/PASSWORD_ERROR}}
<p class="check"><input type="radio" id="u-pw-generate" name="password_mode" value="generate"{{#GENERATE_CHECKED}} checked{{/GENERATE_CHECKED}}> <label for="u-pw-generate">Згенерувати (буде показано один раз на наступній сторінці)</label></p>
<p class="check"><input type="radio" id="u-pw-typed" name="password_mode" value="typed"{{#TYPED_CHECKED}} checked{{/TYPED_CHECKED}}> <label for="u-pw-typed">Задати самому</label></p>
<div class="field">
<label for="u-password">Пароль (щонайменше {{PASSWORD_MIN}} символів)</label>
<input type="password" id="u-password" name="password" maxlength="1024" autocomplete="new-password"{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="u-password-error"{{/PASSWORD_ERROR}}>
</div>
</fieldset>
<p><button type="submit" class="button">Створити</button></p>{{/NEW}}
{{#EXISTING}}<p><button type="submit" class="button">Зберегти</button></p>{{/EXISTING}}
</form>
{{#EXISTING}}{{#SELF}}<p>Це ваш обліковий запис: вимкнути його чи скинути пароль може лише інший адміністратор.</p>{{/SELF}}
{{#CAN_DISABLE}}<form method="post" action="{{STATE_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">Вимкнути обліковий запис і завершити всі сеанси</button></p>
</form>{{/CAN_DISABLE}}
{{#CAN_ENABLE}}<form method="post" action="{{STATE_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">Увімкнути обліковий запис</button></p>
</form>{{/CAN_ENABLE}}
{{#CAN_RESET}}<form method="post" action="{{RESET_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">Скинути пароль (новий буде показано один раз; усі сеанси завершаться)</button></p>
</form>{{/CAN_RESET}}
{{/EXISTING}}
</div>
