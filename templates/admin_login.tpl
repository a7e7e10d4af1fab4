{{%AUTOESCAPE context="HTML"}}
{{! /admin/login: the sign-in form, fresh or sent back.  See
    templates/README.md. }}
<div class="admin admin-login">
<h1>Вхід для працівників</h1>
<p>Робочий кабінет департаментів КМДА та районних у місті Києві державних адміністрацій.</p>
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
<form method="post" action="/admin/login" accept-charset="utf-8" novalidate>
<input type="hidden" name="token" value="{{TOKEN}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="field{{#LOGIN_ERROR}} field--error{{/LOGIN_ERROR}}">
<label for="login">Логін</label>
{{#LOGIN_ERROR}}<p class="field__error" id="login-error">{{LOGIN_ERROR_TEXT}}</p>{{/LOGIN_ERROR}}
<input type="text" id="login" name="login" value="{{LOGIN_VALUE}}" maxlength="64" autocomplete="username" autocapitalize="none" spellcheck="false" required{{#LOGIN_ERROR}} aria-invalid="true" aria-describedby="login-error"{{/LOGIN_ERROR}}>
</div>
<div class="field{{#PASSWORD_ERROR}} field--error{{/PASSWORD_ERROR}}">
<label for="password">Пароль</label>
{{#PASSWORD_ERROR}}<p class="field__error" id="password-error">{{PASSWORD_ERROR_TEXT}}</p>{{/PASSWORD_ERROR}}
<input type="password" id="password" name="password" maxlength="1024" autocomplete="current-password" required{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
</div>
<p><button type="submit" class="button">Увійти</button></p>
</form>
</div>
