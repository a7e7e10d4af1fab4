{{%AUTOESCAPE context="HTML"}}
{{! The receipt of a proposed agenda topic (/agenda/receipt/{n}-{mac}):
    the link is the proposer's proof, unguessable and never indexed.
    Exactly one of STATUS_PENDING and STATUS_DECIDED (STATUS_NAME). }}
<nav class="breadcrumb" aria-label="Навігаційний ланцюжок">
<ol>
<li><a href="/">Головна</a></li>
<li><a href="/agenda">План консультацій</a></li>
<li><span aria-current="page">Квитанція № {{NUMBER}}</span></li>
</ol>
</nav>
<article class="receipt" data-id="{{NUMBER}}">
<h1>Пропозицію теми отримано</h1>
{{#STATUS_PENDING}}<p class="receipt__status receipt__status--pending">Очікує на рішення підрозділу: він включить тему до плану консультацій або відхилить її з поясненням причини. Рішення з’явиться в плані консультацій, а вам надійде лист.</p>{{/STATUS_PENDING}}
{{#STATUS_DECIDED}}<p class="receipt__status receipt__status--published">Рішення: {{STATUS_NAME}}.</p>{{/STATUS_DECIDED}}
<dl class="facts__list receipt__facts">
<div><dt>Номер</dt><dd>{{NUMBER}}</dd></div>
<div><dt>Отримано</dt><dd><time datetime="{{CREATED_ISO}}">{{CREATED_TEXT}}</time></dd></div>
<div><dt>Тема</dt><dd>{{TOPIC}}</dd></div>
<div><dt>Підрозділ</dt><dd>{{UNIT}}</dd></div>
<div><dt>Період</dt><dd>{{PERIOD}}</dd></div>
<div><dt>Автор</dt><dd>{{AUTHOR}}</dd></div>
</dl>
<p class="receipt__note">Збережіть цю сторінку: її адреса — ваша квитанція.</p>
<h2>Опис теми</h2>
<div class="text receipt__text">{{#DESCRIPTION}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/DESCRIPTION}}</div>
<p><a href="{{AGENDA_HREF}}">До плану консультацій</a></p>
</article>
