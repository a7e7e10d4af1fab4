{{%AUTOESCAPE context="HTML"}}
{{! /admin/consultations/{id}/preview: the consultation as residents will
    see it (the parts of detail.tpl a draft has), under a banner; the page
    is noindex like every admin page.  BODY_HTML is md_render() output.
    See templates/README.md. }}
<div class="admin admin-preview">
{{>ADMIN_BAR}}
<div class="preview-banner" role="note">
{{#UNPUBLISHED}}<p><strong>Попередній перегляд — ще не опубліковано.</strong> Так консультацію побачать мешканці після оприлюднення.</p>{{/UNPUBLISHED}}
{{#PUBLISHED_COPY}}<p><strong>Попередній перегляд.</strong> Консультацію оприлюднено: <a href="{{PUBLIC_HREF}}">публічна сторінка</a>.</p>{{/PUBLISHED_COPY}}
<p><a href="{{EDIT_HREF}}">Повернутися до редагування</a></p>
</div>
<article class="consultation">
<header class="consultation__header">
<h1>{{TITLE}}</h1>
<div class="status-line">
<p><span class="badge badge--{{STATUS_SLUG}}">{{STATUS_LABEL}}</span></p>
</div>
{{#SUMMARY}}<p class="consultation__summary">{{SUMMARY_TEXT}}</p>{{/SUMMARY}}
</header>
<section class="facts" aria-labelledby="facts-title">
<h2 id="facts-title">Основні відомості</h2>
<dl class="facts__list">
<div><dt>Організатор</dt><dd>{{UNIT_NAME}}</dd></div>
<div><dt>Формат</dt><dd>{{FORMAT_NAME}}</dd></div>
{{#THEMES}}<div><dt>Теми</dt><dd><ul class="inline-list">{{#THEME}}<li>{{THEME_NAME}}</li>{{/THEME}}</ul></dd></div>{{/THEMES}}
{{#DISTRICTS}}<div><dt>Райони</dt><dd><ul class="inline-list">{{#DISTRICT}}<li>{{DISTRICT_NAME}}</li>{{/DISTRICT}}</ul></dd></div>{{/DISTRICTS}}
{{#GROUPS}}<div><dt>Для кого</dt><dd><ul class="inline-list">{{#GROUP}}<li>{{GROUP_NAME}}</li>{{/GROUP}}</ul></dd></div>{{/GROUPS}}
<div><dt>Початок прийому пропозицій</dt><dd><time datetime="{{OPENS_ISO}}">{{OPENS_TEXT}}</time></dd></div>
<div><dt>Завершення прийому пропозицій</dt><dd><time datetime="{{CLOSES_ISO}}">{{CLOSES_TEXT}}</time></dd></div>
{{#EVENT}}<div><dt>Дата й час заходу</dt><dd><time datetime="{{EVENT_ISO}}">{{EVENT_TEXT}}</time></dd></div>
<div><dt>Місце проведення</dt><dd>{{EVENT_PLACE}}</dd></div>{{/EVENT}}
{{#MODERATION_PRE}}<div><dt>Модерація</dt><dd>Попередня: коментарі та пропозиції з’являються на сторінці після перевірки модератором</dd></div>{{/MODERATION_PRE}}
{{#MODERATION_POST}}<div><dt>Модерація</dt><dd>Подальша: коментарі та пропозиції з’являються одразу, модератор приховує ті, що порушують правила</dd></div>{{/MODERATION_POST}}
{{#OFFICER}}<div><dt>Відповідальна особа</dt><dd>{{OFFICER_NAME}}</dd></div>
{{#OFFICER_CONTACT}}<div><dt>Контакти</dt><dd>{{OFFICER_CONTACT_TEXT}}</dd></div>{{/OFFICER_CONTACT}}{{/OFFICER}}
</dl>
</section>
{{#BODY}}<section class="description" aria-labelledby="description-title">
<h2 id="description-title">Опис</h2>
<div class="prose">
{{BODY_HTML:none}}
</div>
</section>{{/BODY}}
{{#ANNOUNCEMENT}}<section class="announcement" aria-labelledby="announcement-title">
<h2 id="announcement-title">Оголошення про консультацію</h2>
{{#QUESTION}}<h3>Питання або проєкт рішення, що виноситься на обговорення</h3>
<div class="text">{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}</div>{{/QUESTION}}
{{#ALTERNATIVES}}<h3>Альтернативні варіанти</h3>
<div class="text">{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}</div>{{/ALTERNATIVES}}
{{#STAKEHOLDERS}}<h3>Кого це стосується</h3>
<div class="text">{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}</div>{{/STAKEHOLDERS}}
{{#CONSEQUENCES}}<h3>Можливі наслідки</h3>
<div class="text">{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}</div>{{/CONSEQUENCES}}
{{#RESULTS_PUBLICATION}}<h3>Як і коли буде оприлюднено результати</h3>
<div class="text">{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}</div>{{/RESULTS_PUBLICATION}}
</section>{{/ANNOUNCEMENT}}
{{#DOCUMENTS}}<section class="documents" aria-labelledby="documents-title">
<h2 id="documents-title">Документи</h2>
<ul class="documents__list">
{{#DOCUMENT}}<li><a href="{{DOC_HREF}}">{{DOC_TITLE}}</a> <span class="documents__meta">({{DOC_TYPE}})</span></li>
{{/DOCUMENT}}
</ul>
</section>{{/DOCUMENTS}}
{{#HOW_TO_PARTICIPATE}}<section class="participate" aria-labelledby="participate-title">
<h2 id="participate-title">Як взяти участь</h2>
<div class="text">{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}</div>
</section>{{/HOW_TO_PARTICIPATE}}
</article>
</div>
