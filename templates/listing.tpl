{{%AUTOESCAPE context="HTML"}}
{{! Listing and search (/consultations).  The filter form is a plain GET
    form: submitting it keeps every filter, and page is dropped (page 1).
    Links that carry the current filters (chips, pager, follow links) are
    whole *_HREF values built by C.  See templates/README.md. }}
<div class="listing">
<h1 class="listing__title">{{HEADING}}</h1>
<p class="listing__jump"><a href="#results-title">Перейти до результатів</a></p>
<div class="listing__layout">
<form class="filters" action="/consultations" method="get" role="search" aria-labelledby="filters-title">
<h2 id="filters-title" class="filters__title">Фільтри</h2>
<div class="field">
<label for="f-q">Пошук за словами</label>
<input type="search" id="f-q" name="q" value="{{Q}}" maxlength="200" autocomplete="off">
</div>
{{#FACET}}<details class="facet"{{#FACET_ACTIVE}} open{{/FACET_ACTIVE}}>
<summary>{{FACET_LABEL}}{{#FACET_ACTIVE}} <span class="facet__active">(вибрано: {{FACET_ACTIVE_COUNT}})</span>{{/FACET_ACTIVE}}</summary>
<fieldset class="facet__group">
<legend class="visually-hidden">{{FACET_LABEL}}</legend>
<ul class="facet__options">
{{#OPTION}}<li data-count="{{OPTION_COUNT_RAW}}"><label class="check"><input type="checkbox" name="{{FACET_NAME}}" value="{{OPTION_VALUE}}"{{#OPTION_CHECKED}} checked{{/OPTION_CHECKED}}> <span>{{OPTION_LABEL}} <span class="facet__count">({{OPTION_COUNT}})</span></span></label></li>
{{/OPTION}}
</ul>
</fieldset>
</details>
{{/FACET}}
<fieldset class="dates">
<legend>Період проведення</legend>
{{#BY_END}}<input type="hidden" name="by" value="end">
<p class="dates__note">За днем завершення прийому пропозицій (як рахують <a href="/stats#how">показники</a>).</p>
{{/BY_END}}<div class="dates__row">
<div class="field">
<label for="f-from">Від</label>
<input type="date" id="f-from" name="from" value="{{FROM}}">
</div>
<div class="field">
<label for="f-to">До</label>
<input type="date" id="f-to" name="to" value="{{TO}}">
</div>
</div>
</fieldset>
<div class="field">
<label for="f-sort">Сортування</label>
<select id="f-sort" name="sort">
<option value="new"{{#SORT_NEW}} selected{{/SORT_NEW}}>Найновіші</option>
<option value="closing"{{#SORT_CLOSING}} selected{{/SORT_CLOSING}}>Скоро завершуються</option>
<option value="popular"{{#SORT_POPULAR}} selected{{/SORT_POPULAR}}>Найобговорюваніші</option>
</select>
</div>
<div class="filters__actions">
<button type="submit">Показати</button>
<a class="filters__reset" href="/consultations">Скинути фільтри</a>
</div>
<p class="filters__subscribe"><a href="{{SUBSCRIBE_HREF}}">Підписатися на ці консультації</a></p>
</form>
<div class="results">
<h2 id="results-title" class="results__count" data-total="{{TOTAL}}">Знайдено {{COUNT_TEXT}} {{COUNT_NOUN}}</h2>
{{#CHIPS}}<div class="chips">
<p class="chips__label" id="chips-label">Активні фільтри:</p>
<ul class="chips__list" aria-labelledby="chips-label">
{{#CHIP}}<li><a class="chip" href="{{CHIP_REMOVE_HREF}}"><span class="chip__facet">{{CHIP_FACET}}:</span> {{CHIP_VALUE}}<span class="visually-hidden"> — прибрати цей фільтр</span><span class="chip__x" aria-hidden="true">×</span></a></li>
{{/CHIP}}
<li><a class="chips__reset" href="/consultations">Скинути всі</a></li>
</ul>
</div>{{/CHIPS}}
{{#RESULTS}}<ul class="cards">
{{>CARD}}
</ul>{{/RESULTS}}
{{#NO_RESULTS}}<div class="empty">
<p><strong>Жодна консультація не відповідає цим умовам.</strong></p>
<p>Спробуйте прибрати частину фільтрів, змінити слова пошуку або <a href="/consultations">переглянути всі консультації</a>.</p>
</div>{{/NO_RESULTS}}
{{>PAGER}}
{{#FOLLOW}}<div class="follow">
<h2 class="follow__title">Стежити за новими консультаціями з цими фільтрами</h2>
<ul class="inline-list follow__list">
{{#SUBSCRIBE}}<li><a href="{{SUBSCRIBE_HREF}}">Сповіщення електронною поштою</a></li>{{/SUBSCRIBE}}
<li><a href="{{FEED_HREF}}">Стрічка Atom</a></li>
<li><a href="{{CALENDAR_HREF}}">Календар (iCalendar)</a></li>
</ul>
</div>{{/FOLLOW}}
</div>
</div>
</div>
