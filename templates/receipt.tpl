{{%AUTOESCAPE context="HTML"}}
{{! The receipt of a submission (/consultations/{id}/receipt/{n}-{mac}):
    the link is the author's proof, so it is unguessable and never
    indexed.  STATUS_* exactly one of PUBLISHED, PENDING. }}
<nav class="breadcrumb" aria-label="Навігаційний ланцюжок">
<ol>
<li><a href="/">Головна</a></li>
<li><a href="/consultations">Консультації</a></li>
<li><a href="{{CONSULTATION_HREF}}">{{CONSULTATION_TITLE}}</a></li>
<li><span aria-current="page">Квитанція № {{NUMBER}}</span></li>
</ol>
</nav>
<article class="receipt" data-id="{{NUMBER}}">
<h1>{{KIND_LABEL}} отримано</h1>
{{#STATUS_PUBLISHED}}<p class="receipt__status receipt__status--published">Опубліковано на сторінці консультації.</p>{{/STATUS_PUBLISHED}}
{{#STATUS_PENDING}}<p class="receipt__status receipt__status--pending">Очікує на модерацію: з’явиться на сторінці консультації після перевірки модератором (зазвичай до 5 робочих днів).</p>{{/STATUS_PENDING}}
<dl class="facts__list receipt__facts">
<div><dt>Номер</dt><dd>{{NUMBER}}</dd></div>
<div><dt>Отримано</dt><dd><time datetime="{{CREATED_ISO}}">{{CREATED_TEXT}}</time></dd></div>
<div><dt>Консультація</dt><dd><a href="{{CONSULTATION_HREF}}">{{CONSULTATION_TITLE}}</a></dd></div>
<div><dt>Автор</dt><dd>{{AUTHOR}}</dd></div>
<div><dt>Постійне посилання</dt><dd><a href="{{PERMALINK}}">{{PERMALINK_TEXT}}</a></dd></div>
<div><dt>SHA-256 тексту</dt><dd><code class="receipt__hash" data-sha256="{{SHA256}}">{{SHA256}}</code></dd></div>
</dl>
<p class="receipt__note">Збережіть цю сторінку: її адреса — ваша квитанція. Геш SHA-256 обчислено з тексту в кодуванні UTF-8 з рядками, розділеними символом LF; за ним ви можете довести, що надіслали саме цей текст.</p>
<h2>Ваш текст</h2>
<div class="text receipt__text">{{#RECEIPT_TEXT}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/RECEIPT_TEXT}}</div>
<p><a href="{{CONSULTATION_HREF}}">Повернутися до консультації</a></p>
</article>
