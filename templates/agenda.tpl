{{%AUTOESCAPE context="HTML"}}
{{! The unified agenda (/agenda): the plan of consultation topics of a year
    by quarter, with a GET filter form.  PLAN only when the year's plan is
    published; then a QUARTER per quarter asked for, each with its ITEMs or
    QUARTER_EMPTY.  See templates/README.md. }}
<div class="agenda">
<h1>План консультацій на {{YEAR}} рік</h1>
<nav class="agenda__years" aria-label="Роки">
<ul class="inline-list">
{{#YEAR}}<li><a href="{{YEAR_HREF}}"{{#YEAR_CURRENT}} aria-current="page"{{/YEAR_CURRENT}}>{{YEAR_NUMBER}}</a></li>
{{/YEAR}}
</ul>
</nav>
<p class="intro__lead">Орієнтовний план проведення консультацій з громадськістю (постанова Кабінету Міністрів України від 3 листопада 2010 р. № 996): теми, які департаменти та районні державні адміністрації планують винести на обговорення, по кварталах.</p>
{{#PUBLISHED}}<p class="agenda__published">План оприлюднено <time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED_TEXT}}</time>.</p>{{/PUBLISHED}}
{{#NOT_PUBLISHED}}<p class="warning agenda__published">План на {{YEAR}} рік ще не оприлюднено. Його оприлюднюють до 31 грудня {{DEADLINE_YEAR}} року.</p>{{/NOT_PUBLISHED}}
{{#PENDING}}<p class="agenda__pending">На розгляді: {{PENDING_TEXT}} мешканців і організацій щодо тем на цей рік.</p>{{/PENDING}}
<p><a class="button" href="/agenda/propose">Запропонувати тему консультації</a></p>
<form class="filters agenda__filters" action="/agenda" method="get" aria-labelledby="agenda-filters-title">
<h2 id="agenda-filters-title" class="filters__title">Фільтри</h2>
<input type="hidden" name="year" value="{{YEAR}}">
{{#SELECT}}<div class="field">
<label for="af-{{SELECT_NAME}}">{{SELECT_LABEL}}</label>
<select id="af-{{SELECT_NAME}}" name="{{SELECT_NAME}}">
<option value="">Усі</option>
{{#OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/OPTION}}
</select>
</div>
{{/SELECT}}
<div class="field">
<label for="af-quarter">Квартал</label>
<select id="af-quarter" name="quarter">
<option value="">Усі</option>
{{#QUARTER_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/QUARTER_OPTION}}
</select>
</div>
<div class="field">
<label for="af-status">Стан</label>
<select id="af-status" name="status">
<option value="">Усі</option>
{{#STATUS_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_LABEL}}</option>
{{/STATUS_OPTION}}
</select>
</div>
<div class="filters__actions">
<button type="submit">Показати</button>
<a class="filters__reset" href="/agenda?year={{YEAR}}">Скинути фільтри</a>
</div>
</form>
{{#PLAN}}<div class="agenda__plan">
<h2 class="results__count" id="agenda-count" data-total="{{TOTAL}}">Знайдено {{COUNT_TEXT}}</h2>
{{#QUARTER}}<section class="agenda__quarter" aria-labelledby="q{{QUARTER_NUMBER}}-title" data-quarter="{{QUARTER_NUMBER}}">
<h2 id="q{{QUARTER_NUMBER}}-title">{{QUARTER_NAME}} <span class="agenda__months">({{QUARTER_MONTHS}})</span></h2>
{{#QUARTER_EMPTY}}<p class="empty">Тем на цей квартал немає.</p>{{/QUARTER_EMPTY}}
<ul class="agenda__items">
{{#ITEM}}<li class="agenda-item" id="topic-{{ITEM_ID}}" data-id="{{ITEM_ID}}" data-status="{{ITEM_STATUS}}">
<h3 class="agenda-item__topic">{{ITEM_TOPIC}}</h3>
<p class="agenda-item__status"><span class="badge badge--{{ITEM_STATUS}}">{{ITEM_STATUS_NAME}}</span></p>
<dl class="card__meta">
<dt>Організатор</dt><dd data-unit="{{ITEM_UNIT_SLUG}}">{{ITEM_UNIT}}</dd>
{{#ITEM_FORMAT}}<dt>Формат</dt><dd>{{FORMAT_NAME}}</dd>{{/ITEM_FORMAT}}
{{#ITEM_THEME}}<dt>Тема</dt><dd data-theme="{{TERM_SLUG}}">{{TERM_NAME}}</dd>{{/ITEM_THEME}}
{{#ITEM_DISTRICT}}<dt>Район</dt><dd data-district="{{TERM_SLUG}}">{{TERM_NAME}}</dd>{{/ITEM_DISTRICT}}
{{#ITEM_PROPOSER}}<dt>Запропонував(-ла)</dt><dd>{{PROPOSER}}, <time datetime="{{PROPOSED_ISO}}">{{PROPOSED_TEXT}}</time></dd>{{/ITEM_PROPOSER}}
</dl>
<div class="text">{{#ITEM_DESCRIPTION}}{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}{{/ITEM_DESCRIPTION}}</div>
{{#ITEM_CONSULTATION}}<p class="agenda-item__link">Консультація: <a href="{{CONSULTATION_HREF}}">{{CONSULTATION_TITLE}}</a></p>{{/ITEM_CONSULTATION}}
{{#ITEM_REASON}}<div class="agenda-item__reason"><p class="agenda-item__reason-title">Причина відхилення:</p>{{#PARA}}<p>{{PARA_TEXT:pre_escape}}</p>{{/PARA}}</div>{{/ITEM_REASON}}
</li>
{{/ITEM}}
</ul>
</section>
{{/QUARTER}}
</div>{{/PLAN}}
</div>
