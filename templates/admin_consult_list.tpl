{{%AUTOESCAPE context="HTML"}}
{{! /admin/consultations: the staff list with the public filters plus
    drafts; editors see their own unit's only.  See templates/README.md. }}
<div class="admin admin-consult-list">
{{>ADMIN_BAR}}
<h1>Консультації</h1>
<p>Організатор: {{SCOPE}}. Знайдено: {{TOTAL}}. <a class="button" href="/admin/consultations/new">Нова консультація</a></p>
<form class="admin-filter" method="get" action="/admin/consultations">
{{#FILTER}}<div class="field"><label for="{{FILTER_ID}}">{{FILTER_LABEL}}</label>
<select id="{{FILTER_ID}}" name="{{FILTER_NAME}}"><option value="">усі</option>
{{#FOPT}}<option value="{{FOPT_VALUE}}"{{#FOPT_SELECTED}} selected{{/FOPT_SELECTED}}>{{FOPT_NAME}}</option>
{{/FOPT}}</select></div>
{{/FILTER}}<div class="field"><label for="f-q">Слова в назві</label>
<input type="search" id="f-q" name="q" value="{{Q_VALUE}}" maxlength="200"></div>
<p><button type="submit">Показати</button> <a href="/admin/consultations">Скинути фільтри</a></p>
</form>
{{#EMPTY}}<p class="empty">Консультацій за цими умовами немає.</p>{{/EMPTY}}
{{#ROWS}}<table class="admin-table">
<caption>Консультації</caption>
<thead><tr><th scope="col">Назва</th><th scope="col">Стан</th><th scope="col">Організатор</th><th scope="col">Формат</th><th scope="col">Прийом пропозицій</th><th scope="col">Дії</th></tr></thead>
<tbody>
{{#ROW}}<tr>
<th scope="row"><a href="{{EDIT_HREF}}">{{ROW_TITLE}}</a></th>
<td><span class="badge badge--{{ROW_STATUS_SLUG}}">{{ROW_STATUS_LABEL}}</span></td>
<td>{{ROW_UNIT}}</td>
<td>{{ROW_FORMAT}}</td>
<td>{{ROW_OPENS}} — {{ROW_CLOSES}}</td>
<td><ul class="inline-list"><li><a href="{{EDIT_HREF}}">Редагувати</a></li><li><a href="{{PREVIEW_HREF}}">Перегляд</a></li><li><a href="{{ANSWERS_HREF}}">Відповіді</a></li><li><a href="{{REPORT_HREF}}">Звіт</a></li></ul></td>
</tr>
{{/ROW}}</tbody>
</table>{{/ROWS}}
{{>PAGER}}
</div>
