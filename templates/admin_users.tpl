{{%AUTOESCAPE context="HTML"}}
{{! /admin/users: every user, for admins.  See templates/README.md. }}
<div class="admin admin-users">
{{>ADMIN_BAR}}
<h1>Користувачі</h1>
<p>{{COUNT}}. <a class="button" href="/admin/users/new">Додати користувача</a> · <a href="/admin/units">Підрозділи</a> · <a href="/admin/audit">Журнал дій</a></p>
<div class="table-wrap" role="region" aria-labelledby="users-caption" tabindex="0">
<table class="admin-table">
<caption id="users-caption">Облікові записи робочого кабінету</caption>
<thead><tr><th scope="col">Логін</th><th scope="col">Ім’я</th><th scope="col">Роль</th><th scope="col">Підрозділ</th><th scope="col">Стан</th><th scope="col">Останній вхід</th><th scope="col">Створено</th></tr></thead>
<tbody>
{{#USER}}<tr{{#DISABLED}} class="admin-table__off"{{/DISABLED}}><th scope="row"><a href="{{USER_HREF}}">{{LOGIN}}</a></th><td>{{NAME}}</td><td>{{ROLE}}</td><td>{{UNIT}}</td><td>{{STATE}}</td><td>{{LAST_LOGIN}}</td><td>{{CREATED}}</td></tr>
{{/USER}}
</tbody>
</table>
</div>
</div>
