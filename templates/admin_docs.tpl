{{%AUTOESCAPE context="HTML"}}
{{! /admin/consultations/{id}/documents: the documents of a consultation,
    an upload form and a link form.  See templates/README.md. }}
<div class="admin admin-docs">
{{>ADMIN_BAR}}
<h1>Документи консультації</h1>
<p>Консультація: <a href="{{PUBLIC_HREF}}">{{CONSULTATION_TITLE}}</a>. <a href="{{EDIT_HREF}}">Редагувати консультацію</a></p>
<section aria-labelledby="docs-title">
<h2 id="docs-title">Додані документи</h2>
{{#EMPTY}}<p class="empty">Документів ще немає.</p>{{/EMPTY}}
{{#ANY}}<ul class="admin-docs__list">
{{#DOC}}<li class="admin-docs__item" id="doc-{{DOC_ID}}">
<p><a href="{{DOC_HREF}}">{{DOC_TITLE}}</a> <span class="admin-docs__meta">({{DOC_TYPE}}{{#DOC_SIZE}}, {{DOC_SIZE_TEXT}}{{/DOC_SIZE}}) · {{DOC_FILE}}</span></p>
<form method="post" action="{{DOC_DELETE_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Видалити<span class="visually-hidden"> документ «{{DOC_TITLE}}»</span></button>
</form>
</li>
{{/DOC}}</ul>{{/ANY}}
</section>
<section aria-labelledby="upload-title">
<h2 id="upload-title">Завантажити файл</h2>
<form method="post" action="{{UPLOAD_ACTION}}" enctype="multipart/form-data" accept-charset="utf-8">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#UPLOAD_ERROR}}<div class="form-message" role="alert" id="upload-error"><p>{{UPLOAD_ERROR_TEXT}}</p></div>{{/UPLOAD_ERROR}}
<div class="field"><label for="upload-doc-title">Назва документа</label>
<input type="text" id="upload-doc-title" name="title" maxlength="300" required value="{{UPLOAD_TITLE_VALUE}}"></div>
<div class="field"><label for="upload-file">Файл <span class="field__hint">(PDF, DOCX, XLSX, ODT, ODS, PNG або JPEG, до 20 МБ)</span></label>
<input type="file" id="upload-file" name="file" required accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg"{{#UPLOAD_ERROR}} aria-invalid="true" aria-describedby="upload-error"{{/UPLOAD_ERROR}}></div>
<p><button type="submit" class="button">Завантажити</button></p>
</form>
</section>
<section aria-labelledby="link-title">
<h2 id="link-title">Додати посилання</h2>
<form method="post" action="{{LINK_ACTION}}" accept-charset="utf-8">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#LINK_ERROR}}<div class="form-message" role="alert" id="link-error"><p>{{LINK_ERROR_TEXT}}</p></div>{{/LINK_ERROR}}
<div class="field"><label for="link-doc-title">Назва документа</label>
<input type="text" id="link-doc-title" name="title" maxlength="300" required value="{{LINK_TITLE_VALUE}}"></div>
<div class="field"><label for="link-url">Адреса документа <span class="field__hint">(https://…)</span></label>
<input type="url" id="link-url" name="url" maxlength="1000" required value="{{LINK_URL_VALUE}}"{{#LINK_ERROR}} aria-invalid="true" aria-describedby="link-error"{{/LINK_ERROR}}></div>
<p><button type="submit" class="button">Додати посилання</button></p>
</form>
</section>
</div>
