{{%AUTOESCAPE context="HTML"}}
{{! The form page of the comment program (/consultations/{id}/comments):
    the form alone, fresh (GET) or sent back with the person's text after a
    refusal (400, 403, 409, 429, 503).  CONSULTATION section when the
    consultation could be read (not when the database is down). }}
<nav class="breadcrumb" aria-label="Навігаційний ланцюжок">
<ol>
<li><a href="/">Головна</a></li>
<li><a href="/consultations">Консультації</a></li>
{{#CONSULTATION}}<li><a href="{{CONSULTATION_HREF}}">{{CONSULTATION_TITLE}}</a></li>{{/CONSULTATION}}
<li><span aria-current="page">Коментар або пропозиція</span></li>
</ol>
</nav>
<article class="comment-page">
<h1>Коментар або пропозиція</h1>
{{#CONSULTATION}}<p class="comment-page__about">До консультації «<a href="{{CONSULTATION_HREF}}">{{CONSULTATION_TITLE}}</a>».</p>{{/CONSULTATION}}
{{>COMMENT_FORM}}
</article>
