{{%AUTOESCAPE context="HTML"}}
{{! The admin's bar at the top of every signed-in page: an include
    (ADMIN_BAR) of each admin_*.tpl.  See templates/README.md. }}
<nav class="admin-bar" aria-label="Робочий кабінет">
<p class="admin-bar__who">{{USER_NAME}} · {{USER_ROLE}}{{#USER_UNIT}} · {{UNIT_NAME}}{{/USER_UNIT}}</p>
<ul class="inline-list">
<li><a href="/admin"{{#NAV_DASHBOARD}} aria-current="page"{{/NAV_DASHBOARD}}>Що потребує уваги</a></li>
{{#MOD_LINK}}<li><a href="/admin/moderation">Модерація</a></li>{{/MOD_LINK}}
{{#MOD_LINK_CURRENT}}<li><a href="/admin/moderation" aria-current="page">Модерація</a></li>{{/MOD_LINK_CURRENT}}
{{#CONSULT_LINK}}<li><a href="/admin/consultations"{{#NAV_CONSULTATIONS}} aria-current="page"{{/NAV_CONSULTATIONS}}>Консультації</a></li>{{/CONSULT_LINK}}
{{#ADMIN_LINKS}}<li><a href="/admin/users"{{#NAV_USERS}} aria-current="page"{{/NAV_USERS}}>Користувачі</a></li>
<li><a href="/admin/audit"{{#NAV_AUDIT}} aria-current="page"{{/NAV_AUDIT}}>Журнал дій</a></li>{{/ADMIN_LINKS}}
{{#AGENDA_LINK}}<li><a href="/admin/agenda"{{#NAV_AGENDA_ADMIN}} aria-current="page"{{/NAV_AGENDA_ADMIN}}>План консультацій</a></li>{{/AGENDA_LINK}}
</ul>
<form class="admin-bar__logout" method="post" action="/admin/logout">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Вийти</button>
</form>
</nav>
