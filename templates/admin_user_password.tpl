{{%AUTOESCAPE context="HTML"}}
{{! The answer to creating a user with a generated password, or to a
    password reset: the new password, shown this once (the page is
    no-store; only the hash is kept).  See templates/README.md. }}
<div class="admin admin-user-password">
{{>ADMIN_BAR}}
{{#CREATED}}<h1>Користувача {{LOGIN}} створено</h1>{{/CREATED}}
{{#RESET}}<h1>Новий пароль для {{LOGIN}}</h1>
<p>Усі сеанси цього користувача завершено; старий пароль більше не діє.</p>{{/RESET}}
<div class="form-message form-message--ok" role="status">
<p>Пароль: <code class="password" id="new-password">{{PASSWORD}}</code></p>
<p>Передайте його користувачеві надійним способом. Його показано лише цього разу: після цієї сторінки його не побачить ніхто, і відновити його не можна — тільки скинути знову.</p>
</div>
<p><a href="{{USER_HREF}}">До облікового запису {{LOGIN}}</a> · <a href="/admin/users">Усі користувачі</a></p>
</div>
