{{%AUTOESCAPE context="HTML"}}
{{! Open data (/opendata): the files of the last export with their size,
    rows and time, and the data dictionary.  Dictionary: GENERATED
    (GENERATED_AT, GENERATED_ISO) or NOT_GENERATED; FILE per file (NAME,
    TITLE, ABOUT, READY with ROWS and DOWNLOAD per format with FORMAT,
    EXT, HREF, SIZE, or NOT_READY; COL per column with COL_NAME, COL_TYPE, COL_MEANING).  The
    files' and columns' descriptions come from lib/db_opendata.c. }}
<nav class="breadcrumb" aria-label="Навігаційний ланцюжок">
<ol>
<li><a href="/">Головна</a></li>
<li><span aria-current="page">Відкриті дані</span></li>
</ol>
</nav>
<article class="opendata">
<h1>Відкриті дані</h1>
<p>Усі публічні дані громадських консультацій Києва — консультації, описи документів, оприлюднені коментарі й пропозиції, відповіді на пропозиції, звіти, план консультацій і показники ефективності — у форматах CSV і JSON. Їх можна вільно завантажувати, аналізувати й поширювати.</p>
{{#GENERATED}}<p class="opendata__generated">Дані сформовано <time datetime="{{GENERATED_ISO}}">{{GENERATED_AT}}</time>. Файли оновлюються щоночі.</p>{{/GENERATED}}
{{#NOT_GENERATED}}<p class="opendata__generated">Файли ще не сформовано. Вони з'являться після першого нічного оновлення.</p>{{/NOT_GENERATED}}

<h2>Формат</h2>
<ul>
<li>CSV: кодування UTF-8, перший рядок — назви стовпців, роздільник — кома, значення з комою, лапками чи переносом рядка взято в лапки (RFC 4180). Текст, що починається з <code>=</code>, <code>+</code>, <code>-</code> чи <code>@</code>, має на початку апостроф, щоб електронна таблиця не виконала його як формулу.</li>
<li>JSON: масив об'єктів з тими самими назвами полів; числа — числа, порожні значення — <code>null</code>, переліки кодів — масиви.</li>
<li>Час — у UTC за ISO 8601 (<code>2026-03-01T09:00:00Z</code>). Коди підрозділів, тем, районів, форматів і груп — ті самі, що у фільтрах переліку та в <a href="/api/v1/taxonomy">довідниках API</a>.</li>
<li>Не публікуються: адреси електронної пошти авторів, відбитки їхніх IP-адрес, неоприлюднені, відхилені та спам-коментарі, чернетки консультацій, запропоновані мешканцями теми плану до рішення, дані працівників.</li>
</ul>

<h2>Файли</h2>
<ul class="opendata__toc">
{{#FILE}}<li><a href="#{{NAME}}">{{TITLE}}</a></li>
{{/FILE}}</ul>

{{#FILE}}<section class="opendata__file" id="{{NAME}}" aria-labelledby="{{NAME}}-h">
<h3 id="{{NAME}}-h">{{TITLE}} <code>{{NAME}}</code></h3>
<p>{{ABOUT}}.</p>
{{#NOT_READY}}<p>Файл ще не сформовано.</p>{{/NOT_READY}}
{{#READY}}<dl class="opendata__meta">
<div><dt>Рядків</dt><dd>{{ROWS}}</dd></div>
{{#DOWNLOAD}}<div><dt>{{FORMAT}}</dt><dd><a href="{{HREF}}" download>{{NAME}}.{{EXT}}</a>, {{SIZE}}</dd></div>
{{/DOWNLOAD}}</dl>{{/READY}}
<div class="table-scroll" tabindex="0" role="region" aria-label="Стовпці файлу {{NAME}}">
<table class="opendata__cols">
<caption>Стовпці файлу {{NAME}}</caption>
<thead><tr><th scope="col">Стовпець</th><th scope="col">Тип</th><th scope="col">Значення</th></tr></thead>
<tbody>
{{#COL}}<tr><th scope="row"><code>{{COL_NAME}}</code></th><td>{{COL_TYPE}}</td><td>{{COL_MEANING}}</td></tr>
{{/COL}}</tbody>
</table>
</div>
</section>
{{/FILE}}

<h2>Архів</h2>
<p>Консультації 2017–2019 років та старші внесено до архіву з документів міста: вони мають заповнені стовпці <code>archived_at</code> і <code>archive_ref</code>, зберігають свої первісні дати й не враховуються в показниках ефективності, бо участь у них не фіксувалася на цій платформі.</p>
</article>
