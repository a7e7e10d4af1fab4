{{%AUTOESCAPE context="HTML"}}
{{! One consultation in a list (home page, listing).  Included as CARD, one
    include dictionary per card, inside a <ul class="cards">: it sees none of
    its parent's values.  See templates/README.md. }}
<li class="card">
<article class="card__body" data-id="{{ID}}">
<h3 class="card__title"><a href="{{HREF}}">{{TITLE}}</a></h3>
<p class="card__status"><span class="badge badge--{{STATUS_SLUG}}">{{STATUS_LABEL}}</span> <span class="card__dates">{{DATE_LABEL}} <time datetime="{{DATE_ISO}}">{{DATE_TEXT}}</time></span>{{#LATE_REPORT}} <strong class="badge badge--late">Звіт прострочено</strong>{{/LATE_REPORT}}{{#ARCHIVED}} <span class="badge badge--archive">Архів</span>{{/ARCHIVED}}</p>
{{#SUMMARY}}<p class="card__summary">{{SUMMARY_TEXT}}</p>{{/SUMMARY}}
<dl class="card__meta">
<div><dt>Організатор:</dt> <dd>{{UNIT_NAME}}</dd></div>
<div><dt>Формат:</dt> <dd>{{FORMAT_NAME}}</dd></div>
{{#THEMES}}<div><dt>Теми:</dt> <dd><ul class="inline-list">{{#THEME}}<li>{{THEME_NAME}}</li>{{/THEME}}</ul></dd></div>{{/THEMES}}
{{#DISTRICTS}}<div><dt>Райони:</dt> <dd><ul class="inline-list">{{#DISTRICT}}<li>{{DISTRICT_NAME}}</li>{{/DISTRICT}}</ul></dd></div>{{/DISTRICTS}}
</dl>
{{#COMMENTS}}<p class="card__comments">{{COMMENTS_TEXT}}</p>{{/COMMENTS}}
</article>
</li>
