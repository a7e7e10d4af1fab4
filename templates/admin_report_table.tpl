{{%AUTOESCAPE context="HTML"}}
{{! The generated table of the results report: an include (REPORT_TABLE)
    of admin_report.tpl and admin_report_print.tpl.  See
    templates/README.md. }}
<p>Пропозицій, що надійшли: {{PROPOSALS}}.</p>
{{#NO_PROPOSALS}}<p>Пропозицій під час консультації не надійшло.</p>{{/NO_PROPOSALS}}
<table class="report-table">
<caption>Пропозиції, що надійшли, та результати їх розгляду</caption>
<thead>
<tr><th scope="col">№</th><th scope="col">Автор</th><th scope="col">Зміст пропозиції</th><th scope="col">Результат розгляду</th><th scope="col">Обґрунтування</th></tr>
</thead>
<tbody>
{{#ROW}}<tr>
<th scope="row">{{ROW_NUMBER}}</th>
<td>{{ROW_AUTHOR}}</td>
<td>{{#ROW_TEXT}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/ROW_TEXT}}</td>
<td>{{ROW_RESULT}}</td>
<td>{{#ROW_REASON}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/ROW_REASON}}</td>
</tr>
{{/ROW}}
</tbody>
</table>
