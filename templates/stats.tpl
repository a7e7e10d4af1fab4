{{%AUTOESCAPE context="HTML"}}
{{! Efficiency indicators (/stats).  Every figure is a link to the listing
    of the consultations it counts (*_HREF built by C).  The charts are
    inline SVG drawn from numbers C computed; each has a data table next to
    it.  See templates/README.md. }}
<div class="stats">
<h1>Показники ефективності консультацій</h1>
<p class="stats__lead">{{SCOPE_NAME}}, {{PERIOD_NAME}}: консультації, прийом пропозицій яких завершився з <time datetime="{{FROM}}">{{FROM}}</time> до <time datetime="{{TO}}">{{TO}}</time> включно. <a href="#how">Як рахуємо</a></p>

<form class="stats__period" action="/stats" method="get">
<div class="field">
<label for="s-year">Рік</label>
<select id="s-year" name="year">
{{#YEAR_OPT}}<option value="{{YEAR_VALUE}}"{{#YEAR_SELECTED}} selected{{/YEAR_SELECTED}}>{{YEAR_VALUE}}</option>
{{/YEAR_OPT}}</select>
</div>
<div class="field">
<label for="s-quarter">Квартал</label>
<select id="s-quarter" name="quarter">
<option value=""{{#YEAR_WHOLE}} selected{{/YEAR_WHOLE}}>Увесь рік</option>
{{#QUARTER_OPT}}<option value="{{QUARTER_VALUE}}"{{#QUARTER_SELECTED}} selected{{/QUARTER_SELECTED}}>{{QUARTER_VALUE}} квартал</option>
{{/QUARTER_OPT}}</select>
</div>
<div class="field">
<label for="s-unit">Організатор</label>
<select id="s-unit" name="unit">
<option value=""{{#UNIT_ALL}} selected{{/UNIT_ALL}}>Усе місто</option>
{{#UNIT_OPT}}<option value="{{UNIT_VALUE}}"{{#UNIT_SELECTED}} selected{{/UNIT_SELECTED}}>{{UNIT_NAME}}</option>
{{/UNIT_OPT}}</select>
</div>
<input type="hidden" name="sort" value="{{SORT_VALUE}}">
<input type="hidden" name="dir" value="{{DIR_VALUE}}">
<button type="submit">Показати</button>
<a class="stats__csv" href="{{CSV_HREF}}">Завантажити CSV</a>
</form>

<section aria-labelledby="figures-title">
<h2 id="figures-title">Підсумки: {{SCOPE_NAME}}</h2>
<table class="stats__figures">
<caption class="visually-hidden">Показники за період: {{PERIOD_NAME}}</caption>
<thead><tr><th scope="col">Показник</th><th scope="col">Значення</th><th scope="col">Пояснення</th></tr></thead>
<tbody>
{{#FIG}}<tr data-figure="{{FIG_KEY}}">
<th scope="row">{{FIG_LABEL}}</th>
<td class="num" data-value="{{FIG_RAW}}">{{#FIG_LINK}}<a href="{{FIG_HREF}}">{{FIG_VALUE}}</a>{{/FIG_LINK}}{{#FIG_NOLINK}}{{FIG_VALUE}}{{/FIG_NOLINK}}</td>
<td>{{#FIG_NOTE}}{{FIG_NOTE_TEXT}}{{/FIG_NOTE}}</td>
</tr>
{{/FIG}}</tbody>
</table>
<h3>Проведено за форматами</h3>
<ul class="stats__formats">
{{#FORMAT}}<li data-format="{{FORMAT_SLUG}}">{{FORMAT_NAME}}: <a href="{{FORMAT_HREF}}" data-value="{{FORMAT_COUNT}}">{{FORMAT_COUNT}}</a></li>
{{/FORMAT}}</ul>
</section>

<section aria-labelledby="ranking-title" id="ranking">
<h2 id="ranking-title">Підрозділи: рейтинг за період</h2>
<p>Натисніть заголовок стовпця, щоб упорядкувати за ним; повторне натискання змінює напрям. Кожне число веде до переліку консультацій, з яких його пораховано.</p>
<div class="table-scroll" role="region" aria-labelledby="ranking-title" tabindex="0">
<table class="stats__ranking">
<thead><tr>
{{#RANK_HEAD}}<th scope="col" data-key="{{HEAD_KEY}}"{{#HEAD_SORTED}} aria-sort="{{HEAD_ARIA_SORT}}"{{/HEAD_SORTED}}><a href="{{HEAD_HREF}}">{{HEAD_LABEL}}{{#HEAD_SORTED}} <span aria-hidden="true">{{HEAD_ARROW}}</span>{{/HEAD_SORTED}}</a></th>
{{/RANK_HEAD}}</tr></thead>
<tbody>
{{#RANK_ROW}}<tr data-unit="{{RANK_SLUG}}"{{#RANK_CURRENT}} class="is-current"{{/RANK_CURRENT}}>
<th scope="row"><a href="{{RANK_UNIT_HREF}}">{{RANK_UNIT}}</a></th>
{{#CELL}}<td class="num" data-key="{{CELL_KEY}}" data-value="{{CELL_RAW}}"><a href="{{CELL_HREF}}">{{CELL_VALUE}}</a></td>
{{/CELL}}</tr>
{{/RANK_ROW}}</tbody>
</table>
</div>
</section>

<section aria-labelledby="bars-title">
<h2 id="bars-title">Проведено консультацій за підрозділами</h2>
<figure class="stats__chart">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 {{BAR_H}}" role="img" aria-labelledby="bars-svg-title">
<title id="bars-svg-title">Стовпчикова діаграма: кількість проведених консультацій кожного підрозділу, {{PERIOD_NAME}}. Ті самі дані — у таблиці нижче.</title>
{{#BAR}}<text x="0" y="{{BAR_TEXT_Y}}" class="chart__label">{{BAR_LABEL}}</text>
<rect x="0" y="{{BAR_Y}}" width="{{BAR_W}}" height="10" class="chart__bar"></rect>
<text x="{{BAR_VALUE_X}}" y="{{BAR_Y}}" dy="9" class="chart__value">{{BAR_VALUE}}</text>
{{/BAR}}</svg>
<figcaption>
<details>
<summary>Дані діаграми таблицею</summary>
<table>
<thead><tr><th scope="col">Підрозділ</th><th scope="col">Проведено</th></tr></thead>
<tbody>
{{#BAR}}<tr><th scope="row">{{BAR_LABEL}}</th><td class="num"><a href="{{BAR_HREF}}">{{BAR_VALUE}}</a></td></tr>
{{/BAR}}</tbody>
</table>
</details>
</figcaption>
</figure>
</section>

<section aria-labelledby="line-title">
<h2 id="line-title">Проведено консультацій за кварталами: {{LINE_SCOPE}}</h2>
<figure class="stats__chart">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 240" role="img" aria-labelledby="line-svg-title">
<title id="line-svg-title">Лінійна діаграма: кількість проведених консультацій за кожен із восьми кварталів, найбільше — {{LINE_MAX}}. Ті самі дані — у таблиці нижче.</title>
<line x1="40" y1="200" x2="630" y2="200" class="chart__axis"></line>
<text x="0" y="44" class="chart__value">{{LINE_MAX}}</text>
<text x="0" y="200" class="chart__value">0</text>
<polyline points="{{LINE_POINTS}}" class="chart__line"></polyline>
{{#POINT}}<circle cx="{{POINT_X}}" cy="{{POINT_Y}}" r="4" class="chart__dot"></circle>
<text x="{{POINT_X}}" y="{{POINT_LABEL_Y}}" text-anchor="middle" class="chart__value">{{POINT_VALUE}}</text>
<text x="{{POINT_X}}" y="222" text-anchor="middle" class="chart__label">{{POINT_LABEL}}</text>
{{/POINT}}</svg>
<figcaption>
<details>
<summary>Дані діаграми таблицею</summary>
<table>
<thead><tr><th scope="col">Квартал</th><th scope="col">Проведено</th><th scope="col">Звіти вчасно, %</th></tr></thead>
<tbody>
{{#POINT}}<tr data-quarter="{{POINT_KEY}}"><th scope="row"><a href="{{POINT_HREF}}">{{POINT_LABEL}}</a></th><td class="num" data-value="{{POINT_VALUE}}">{{POINT_VALUE}}</td><td class="num">{{POINT_REPORTS}}</td></tr>
{{/POINT}}</tbody>
</table>
</details>
</figcaption>
</figure>
</section>

<section aria-labelledby="late-title">
<h2 id="late-title">Звіти із запізненням або без звіту</h2>
{{#NO_LATE}}<p>Усі звіти, строк яких минув, оприлюднено вчасно.</p>{{/NO_LATE}}
{{#LATE}}<p>Звіт має бути оприлюднено не пізніше ніж через 14 днів після завершення прийому пропозицій. Таких консультацій: <strong data-value="{{LATE_COUNT}}">{{LATE_COUNT}}</strong>.{{#LATE_MORE}} Показано перші {{LATE_SHOWN}}.{{/LATE_MORE}}</p>
<div class="table-scroll" role="region" aria-labelledby="late-title" tabindex="0">
<table class="stats__late">
<thead><tr><th scope="col">Консультація</th><th scope="col">Організатор</th><th scope="col">Прийом завершено</th><th scope="col">Звіт до</th><th scope="col">Звіт</th></tr></thead>
<tbody>
{{#LATE_ROW}}<tr data-id="{{LATE_ID}}" data-state="{{LATE_STATE}}">
<td><a href="{{LATE_HREF}}">{{LATE_TITLE}}</a></td>
<td>{{LATE_UNIT}}</td>
<td>{{LATE_ENDED}}</td>
<td>{{LATE_DUE}}</td>
<td>{{LATE_REPORT}}</td>
</tr>
{{/LATE_ROW}}</tbody>
</table>
</div>{{/LATE}}
</section>

<section aria-labelledby="agenda-title" id="agenda-list">
<h2 id="agenda-title">Оголошені в плані консультацій заздалегідь</h2>
{{#NO_AGENDA}}<p>Серед проведених за період таких консультацій немає.</p>{{/NO_AGENDA}}
{{#AGENDA}}<p>Проведені за період консультації, тему яких заздалегідь оприлюднили в річному плані: <strong data-value="{{AGENDA_COUNT}}">{{AGENDA_COUNT}}</strong>.{{#AGENDA_MORE}} Показано перші {{AGENDA_SHOWN}}.{{/AGENDA_MORE}}</p>
<div class="table-scroll" role="region" aria-labelledby="agenda-title" tabindex="0">
<table class="stats__agenda">
<thead><tr><th scope="col">Консультація</th><th scope="col">Організатор</th><th scope="col">Тема в плані</th></tr></thead>
<tbody>
{{#AGENDA_ROW}}<tr data-agenda="{{AGENDA_ID}}">
<td><a href="{{AGENDA_HREF}}">{{AGENDA_TITLE}}</a></td>
<td>{{AGENDA_UNIT}}</td>
<td><a href="{{AGENDA_TOPIC_HREF}}">План на {{AGENDA_YEAR}} рік</a></td>
</tr>
{{/AGENDA_ROW}}</tbody>
</table>
</div>{{/AGENDA}}
</section>

<section aria-labelledby="how" class="stats__how">
<h2 id="how">Як рахуємо</h2>
<ul>
<li><strong>Період.</strong> Консультацію зараховано до періоду (кварталу чи року за київським часом), у якому завершився прийом пропозицій: день дострокового закриття, якщо її закрили раніше, інакше — день, до якого приймали пропозиції. Якщо консультацію відновили й продовжили, вона переходить до періоду нової дати.</li>
<li><strong>Проведено.</strong> Оприлюднені й не скасовані консультації, прийом пропозицій яких уже завершився (стан «Завершено, очікує звіту» або «Звіт оприлюднено»). Чернетки й скасовані не рахуються.</li>
<li><strong>Учасники.</strong> Різні адреси e-mail авторів оприлюднених коментарів і пропозицій у проведених консультаціях періоду: людину, що взяла участь у кількох консультаціях підрозділу (чи міста) за період, враховано один раз. Поруч — кількість участей: різні адреси в кожній консультації, підсумовані за консультаціями.</li>
<li><strong>Коментарі та пропозиції.</strong> Лише оприлюднені (після модерації).</li>
<li><strong>Частка пропозицій з відповіддю.</strong> Оприлюднені пропозиції, на які є офіційна відповідь, серед усіх оприлюднених пропозицій. Консультації без пропозицій у цій частці не беруть участі; якщо пропозицій немає зовсім, показано «—».</li>
<li><strong>Враховано.</strong> Відповіді «враховано» та «враховано частково» серед усіх відповідей.</li>
<li><strong>Днів до відповіді.</strong> Для кожної консультації, де відповіли на всі пропозиції, — кількість днів від завершення прийому до останньої відповіді; показано медіану за консультаціями.</li>
<li><strong>Звіти вчасно.</strong> Звіт вчасний, якщо його оприлюднено не пізніше ніж через 14 діб (14 × 24 години) після завершення прийому. Частку рахуємо серед консультацій, звіт яких уже оприлюднено або строк якого минув; консультації, строк звіту яких ще не настав і звіту немає, не рахуються. Запізнілі й відсутні звіти перелічено поіменно.</li>
<li><strong>Тривалість електронних консультацій.</strong> Від початку до завершення прийому пропозицій, у днях; медіана за консультаціями формату «Електронні консультації». Коротшими за 15 днів вважаються ті, що тривали менше ніж 15 × 24 години.</li>
<li><strong>Посилання.</strong> Кожне число веде до переліку консультацій з тим самим організатором, форматом і періодом (фільтр за днем завершення прийому). Для часток і медіан перелік показує всі консультації, з яких їх пораховано; окремого фільтра «з пропозиціями» чи «коротші за 15 днів» у переліку немає.</li>
<li><strong>Оголошено в плані заздалегідь.</strong> Частка проведених консультацій, до яких веде тема <a href="/agenda">річного плану консультацій</a> у стані «Оголошено консультацію» або «Проведено», за умови, що цю тему було оприлюднено в плані раніше, ніж оголошено саму консультацію. Тема оприлюднена в плані від пізнішої з дат: оприлюднення плану року або внесення теми до плану (для запропонованої мешканцями — рішення підрозділу). Тему, внесену до плану після оголошення консультації, не враховано. Такі консультації перелічено поіменно.</li>
</ul>
</section>
</div>
