{{%AUTOESCAPE context="HTML"}}
{{! /admin/consultations/{id}/report: the summary (Markdown) and the
    generated table; save a draft or publish.  See templates/README.md. }}
<div class="admin admin-report">
{{>ADMIN_BAR}}
<h1>Звіт про результати консультації</h1>
<p>Консультація: <a href="{{PUBLIC_HREF}}">{{CONSULTATION_TITLE}}</a>. <a href="{{ANSWERS_HREF}}">Відповіді на пропозиції</a> · <a href="{{PRINT_HREF}}">Версія для друку</a></p>
{{#MESSAGE}}<div class="form-message" role="alert"><p>{{MESSAGE_TEXT}}</p></div>{{/MESSAGE}}
{{#PUBLISHED}}<p class="report__published">Звіт оприлюднено {{PUBLISHED_AT}}.</p>{{/PUBLISHED}}
{{#LEFT}}<p class="warning">Без відповіді ще {{LEFT_TEXT}}: звіт можна оприлюднити, коли відповідь матиме кожна.</p>{{/LEFT}}
{{#NOT_PUBLISHED}}<form method="post" action="{{FORM_ACTION}}" accept-charset="utf-8">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="summary">Підсумок консультації <span class="field__req">(Markdown; таблицю пропозицій додано автоматично)</span></label>
<textarea id="summary" name="summary" rows="12" maxlength="50000">{{SUMMARY_VALUE}}</textarea></div>
<p><button type="submit" name="action" value="save">Зберегти чернетку</button>
<button type="submit" name="action" value="publish" class="button">Оприлюднити звіт</button></p>
</form>{{/NOT_PUBLISHED}}
<section aria-labelledby="table-title">
<h2 id="table-title">Таблиця пропозицій</h2>
{{>REPORT_TABLE}}
</section>
</div>
