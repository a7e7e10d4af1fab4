{{%AUTOESCAPE context="HTML"}}
{{! /admin/units: the units (the reference data's and those admins
    created), with their users and consultations; each links to its page
    (rename).  See templates/README.md. }}
<div class="admin admin-units">
{{>ADMIN_BAR}}
<h1>Підрозділи</h1>
<p>{{COUNT}}. <a href="/admin/units/new">Новий підрозділ</a> · <a href="/admin/users">Користувачі</a></p>
<div class="table-wrap" role="region" aria-labelledby="units-caption" tabindex="0">
<table class="admin-table">
<caption id="units-caption">Організатори консультацій</caption>
<thead><tr><th scope="col">Назва</th><th scope="col">Вид</th><th scope="col">Ідентифікатор</th><th scope="col">Користувачів</th><th scope="col">Консультацій</th><th scope="col">Журнал</th></tr></thead>
<tbody>
{{#UNIT}}<tr><th scope="row"><a href="{{UNIT_HREF}}">{{NAME}}</a></th><td>{{KIND}}</td><td><code>{{SLUG}}</code></td><td>{{USERS}}</td><td>{{CONSULTATIONS}}</td><td><a href="{{AUDIT_HREF}}">дії</a></td></tr>
{{/UNIT}}
</tbody>
</table>
</div>
</div>
