{{%AUTOESCAPE context="HTML"}}
{{! One consultation (/consultations/{id} and /consultations/{id}-{slug}).
    Multi-paragraph texts (marked ¶ in README.md) are a section whose
    dictionary holds repeated PARA sections with PARA_TEXT.  BODY_HTML and
    REPORT_HTML are the only :none values: cmark safe-mode output.
    See templates/README.md. }}
<nav class="breadcrumb" aria-label="Навігаційний ланцюжок">
<ol>
<li><a href="/">Головна</a></li>
<li><a href="/consultations">Консультації</a></li>
<li><span aria-current="page">{{TITLE}}</span></li>
</ol>
</nav>
<article class="consultation">
<header class="consultation__header">
<h1>{{TITLE}}</h1>
<div class="status-line">
<p><span class="badge badge--{{STATUS_SLUG}}">{{STATUS_LABEL}}</span></p>
{{#NEXT_ANNOUNCED}}<p class="next">Прийом пропозицій розпочнеться <time datetime="{{OPENS_ISO}}">{{OPENS_TEXT}}</time>.</p>{{/NEXT_ANNOUNCED}}
{{#NEXT_OPEN}}<p class="next">Прийом пропозицій триває до <time datetime="{{CLOSES_ISO}}">{{CLOSES_TEXT}}</time>{{#DAYS_LEFT}} (залишилося {{DAYS_LEFT_TEXT}}){{/DAYS_LEFT}}. <a href="#participate">Як взяти участь</a></p>{{/NEXT_OPEN}}
{{#NEXT_CLOSED}}<p class="next">Прийом пропозицій завершено <time datetime="{{CLOSES_ISO}}">{{CLOSES_TEXT}}</time>; звіт очікується до <time datetime="{{REPORT_DUE_ISO}}">{{REPORT_DUE_TEXT}}</time>.</p>{{/NEXT_CLOSED}}
{{#NEXT_OVERDUE}}<p class="next">Прийом пропозицій завершено <time datetime="{{CLOSES_ISO}}">{{CLOSES_TEXT}}</time>; звіт мав бути оприлюднений до <time datetime="{{REPORT_DUE_ISO}}">{{REPORT_DUE_TEXT}}</time>.</p>
<p class="warning" data-late-days="{{LATE_DAYS}}"><strong>Звіт прострочено на {{LATE_DAYS_TEXT}}.</strong> Звіт про результати консультації оприлюднюють протягом 14 днів після її завершення.</p>{{/NEXT_OVERDUE}}
{{#NEXT_COMPLETED}}<p class="next">Звіт про результати оприлюднено <time datetime="{{REPORT_PUBLISHED_ISO}}">{{REPORT_PUBLISHED_TEXT}}</time>{{#PUBLISHED_LATE}} — із запізненням на {{LATE_DAYS_TEXT}}{{/PUBLISHED_LATE}}. <a href="#report">Переглянути звіт</a></p>{{/NEXT_COMPLETED}}
{{#NEXT_CANCELLED}}<p class="next">Консультацію скасовано <time datetime="{{CANCELLED_ISO}}">{{CANCELLED_TEXT}}</time>.{{#CANCEL_REASON}} Причина: {{CANCEL_REASON_TEXT}}{{/CANCEL_REASON}}</p>{{/NEXT_CANCELLED}}
</div>
{{#ARCHIVE}}<p class="archive-note"><strong>Архівна консультація.</strong> Її перенесено на платформу <time datetime="{{ARCHIVED_ISO}}">{{ARCHIVED_TEXT}}</time> з архіву{{#ARCHIVE_REF}} (архівний номер <span class="archive-note__ref">{{ARCHIVE_REF_TEXT}}</span>){{/ARCHIVE_REF}}. Дати та звіт наведено за первинними документами; коментарі й пропозиції через платформу не збиралися.</p>{{/ARCHIVE}}
{{#SUMMARY}}<p class="consultation__summary">{{SUMMARY_TEXT}}</p>{{/SUMMARY}}
</header>

<section class="facts" aria-labelledby="facts-title">
<h2 id="facts-title">Основні відомості</h2>
<dl class="facts__list">
<div><dt>Організатор</dt><dd><a href="{{UNIT_HREF}}">{{UNIT_NAME}}</a></dd></div>
<div><dt>Формат</dt><dd><a href="{{FORMAT_HREF}}">{{FORMAT_NAME}}</a></dd></div>
{{#THEMES}}<div><dt>Теми</dt><dd><ul class="inline-list">{{#THEME}}<li><a href="{{THEME_HREF}}">{{THEME_NAME}}</a></li>{{/THEME}}</ul></dd></div>{{/THEMES}}
{{#DISTRICTS}}<div><dt>Райони</dt><dd><ul class="inline-list">{{#DISTRICT}}<li><a href="{{DISTRICT_HREF}}">{{DISTRICT_NAME}}</a></li>{{/DISTRICT}}</ul></dd></div>{{/DISTRICTS}}
{{#GROUPS}}<div><dt>Для кого</dt><dd><ul class="inline-list">{{#GROUP}}<li><a href="{{GROUP_HREF}}">{{GROUP_NAME}}</a></li>{{/GROUP}}</ul></dd></div>{{/GROUPS}}
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
{{#DOCUMENT}}<li><a href="{{DOC_HREF}}">{{DOC_TITLE}}</a> <span class="documents__meta">({{DOC_TYPE}}{{#DOC_SIZE}}, {{DOC_SIZE_TEXT}}{{/DOC_SIZE}})</span></li>
{{/DOCUMENT}}
</ul>
</section>{{/DOCUMENTS}}

{{#REPORT}}<section class="report" id="report" aria-labelledby="report-title">
<h2 id="report-title">Звіт про результати консультації</h2>
<p class="report__published">Оприлюднено <time datetime="{{REPORT_PUBLISHED_ISO}}">{{REPORT_PUBLISHED_TEXT}}</time></p>
<dl class="facts__list report__facts">
<div><dt>Організатор</dt><dd>{{UNIT_NAME}}</dd></div>
<div><dt>Предмет консультації</dt><dd>{{TITLE}}</dd></div>
<div><dt>Учасників</dt><dd>{{REPORT_PARTICIPANTS}}</dd></div>
<div><dt>Пропозицій</dt><dd>{{REPORT_PROPOSALS}}</dd></div>
</dl>
<div class="prose">
{{REPORT_HTML:none}}
</div>
{{#REPORT_TABLE}}<table class="report-table" role="table">
<caption>Пропозиції, що надійшли, та результати їх розгляду</caption>
<thead role="rowgroup">
<tr role="row"><th scope="col" role="columnheader">№</th><th scope="col" role="columnheader">Автор</th><th scope="col" role="columnheader">Зміст пропозиції</th><th scope="col" role="columnheader">Результат розгляду</th><th scope="col" role="columnheader">Обґрунтування</th></tr>
</thead>
<tbody role="rowgroup">
{{#ROW}}<tr role="row">
<th scope="row" role="rowheader" class="report-table__num"><span class="report-table__label" aria-hidden="true">№ </span>{{ROW_NUMBER}}</th>
<td role="cell" data-label="Автор">{{ROW_AUTHOR}}</td>
<td role="cell" data-label="Зміст пропозиції">{{#ROW_TEXT}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/ROW_TEXT}}</td>
<td role="cell" data-label="Результат розгляду"><span class="badge badge--{{ROW_RESULT_SLUG}}">{{ROW_RESULT_LABEL}}</span></td>
<td role="cell" data-label="Обґрунтування">{{#ROW_REASON}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/ROW_REASON}}</td>
</tr>
{{/ROW}}
</tbody>
</table>{{/REPORT_TABLE}}
{{#REPORT_NO_PROPOSALS}}<p>Пропозицій під час консультації не надійшло.</p>{{/REPORT_NO_PROPOSALS}}
</section>{{/REPORT}}

<section class="participate" id="participate" aria-labelledby="participate-title">
<h2 id="participate-title">Як взяти участь</h2>
{{#HOW_TO_PARTICIPATE}}<div class="text">{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}</div>{{/HOW_TO_PARTICIPATE}}
<p>Кожна пропозиція отримує відповідь організатора з рішенням і обґрунтуванням, а звіт про результати консультації оприлюднюється на цій сторінці.</p>
{{#FORM_SECTION}}<h3 id="comment-form-title">Надіслати коментар або пропозицію</h3>
{{>COMMENT_FORM}}{{/FORM_SECTION}}
</section>

<section class="comments" id="comments" aria-labelledby="comments-title">
<h2 id="comments-title">Коментарі та пропозиції <span class="comments__total">({{COMMENTS_TOTAL}})</span></h2>
{{#COMMENT_LIST}}<ol class="comments__list" start="{{COMMENTS_START}}">
{{#COMMENT}}<li class="comment comment--{{COMMENT_KIND_SLUG}}" id="comment-{{COMMENT_ID}}" data-comment-id="{{COMMENT_ID}}">
<article>
<header class="comment__meta">
<span class="badge badge--{{COMMENT_KIND_SLUG}}">{{COMMENT_KIND_LABEL}}</span>
<span class="comment__who"><span class="comment__author">{{AUTHOR_NAME}}</span>{{#ORGANISATION}}, <span class="comment__org">{{ORGANISATION_NAME}}</span>{{/ORGANISATION}}</span>
<a class="comment__date" href="#comment-{{COMMENT_ID}}"><time datetime="{{COMMENT_DATE_ISO}}">{{COMMENT_DATE_TEXT}}</time></a>
</header>
<div class="text">{{#COMMENT_TEXT}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/COMMENT_TEXT}}</div>
{{#ANSWER}}<div class="answer">
<p class="answer__head"><strong>Відповідь організатора:</strong> <span class="badge badge--{{DECISION_SLUG}}">{{DECISION_LABEL}}</span> <time datetime="{{ANSWER_DATE_ISO}}">{{ANSWER_DATE_TEXT}}</time></p>
{{#ANSWER_REASON}}<div class="text">{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}</div>{{/ANSWER_REASON}}
</div>{{/ANSWER}}
{{#ANSWER_PENDING}}<p class="answer answer--pending">Відповідь готується.</p>{{/ANSWER_PENDING}}
</article>
</li>
{{/COMMENT}}
</ol>{{/COMMENT_LIST}}
{{#NO_COMMENTS}}<p class="empty">Коментарів і пропозицій ще немає.</p>{{/NO_COMMENTS}}
{{>PAGER}}
</section>
</article>
