{{%AUTOESCAPE context="HTML"}}
{{! Page links (listing: 20 a page; detail: comments, 50 a page).  Included
    as PAGER, only when there is more than one page.  Every link is a whole
    *_HREF built by C (percent-encoded, keeping the other parameters).
    See templates/README.md. }}
<nav class="pager" aria-label="Сторінки">
<ul class="pager__list">
{{#PREV}}<li class="pager__prev"><a href="{{PREV_HREF}}" rel="prev">← Попередня<span class="visually-hidden"> сторінка</span></a></li>{{/PREV}}
{{#PAGE}}<li class="pager__item">{{#PAGE_LINK}}<a href="{{PAGE_HREF}}"><span class="visually-hidden">Сторінка </span>{{PAGE_NUMBER}}</a>{{/PAGE_LINK}}{{#PAGE_CURRENT}}<a href="{{PAGE_HREF}}" aria-current="page"><span class="visually-hidden">Сторінка </span>{{PAGE_NUMBER}}</a>{{/PAGE_CURRENT}}{{#PAGE_GAP}}<span class="pager__gap">…</span>{{/PAGE_GAP}}</li>{{/PAGE}}
{{#NEXT}}<li class="pager__next"><a href="{{NEXT_HREF}}" rel="next">Наступна<span class="visually-hidden"> сторінка</span> →</a></li>{{/NEXT}}
</ul>
</nav>
