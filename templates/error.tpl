{{%AUTOESCAPE context="HTML"}}
{{! Error page content (400, 404, 405, 413, 429, 500, 503).  Dictionary:
    STATUS, HEADING, MESSAGE, optional DETAIL section with DETAIL_TEXT.
    See templates/README.md. }}
<div class="error-page" data-status="{{STATUS}}">
<h1>{{HEADING}}</h1>
<p class="error-page__message">{{MESSAGE}}</p>
{{#DETAIL}}<p class="error-page__detail">{{DETAIL_TEXT}}</p>{{/DETAIL}}
<p class="error-page__code">Код відповіді: {{STATUS}}</p>
<ul class="error-page__links">
<li><a href="/">На головну сторінку</a></li>
<li><a href="/consultations">До переліку консультацій</a></li>
</ul>
</div>
