{{%AUTOESCAPE context="HTML"}}
{{! /api: a short page for developers of the JSON API v1.  Dictionary:
    BASE (the site's address, HROMADA_BASE_URL).  The full description is
    /api/v1/openapi.json (templates/openapi.json). }}
<nav class="breadcrumb" aria-label="Навігаційний ланцюжок">
<ol>
<li><a href="/">Головна</a></li>
<li><span aria-current="page">API для розробників</span></li>
</ol>
</nav>
<article class="api-doc">
<h1>API для розробників</h1>
<p>Усе, що мешканець бачить і робить на сайті, доступне як JSON за адресою <code>{{BASE}}/api/v1/</code>: перелік консультацій з тими самими фільтрами, що й на сторінці переліку, одна консультація з документами, датами та звітом, опубліковані коментарі з офіційними відповідями, надсилання коментаря чи пропозиції, довідники.</p>
<p>Повний опис кожного запиту, параметра, відповіді й помилки — у форматі OpenAPI 3.1: <a href="/api/v1/openapi.json">openapi.json</a>.</p>

<h2>Приклади</h2>
<h3>Відкриті консультації на тему «Екологія»</h3>
<pre tabindex="0"><code>curl '{{BASE}}/api/v1/consultations?theme=ecology&amp;status=open&amp;per_page=50'</code></pre>
<p>Відповідь: <code>{"items": [...], "total": 12, "page": 1, "per_page": 50, "facets": {...}}</code>. Фільтри <code>theme</code>, <code>district</code>, <code>format</code>, <code>group</code>, <code>unit</code>, <code>status</code> можна повторювати (АБО в межах фільтра, І між фільтрами); також <code>q</code>, <code>from</code>, <code>to</code>, <code>sort</code>, <code>page</code>, <code>per_page</code> (до 100).</p>

<h3>Одна консультація та її коментарі</h3>
<pre tabindex="0"><code>curl '{{BASE}}/api/v1/consultations/123'
curl '{{BASE}}/api/v1/consultations/123/comments?page=2'</code></pre>

<h3>Довідники: теми, райони, формати, групи, організатори</h3>
<pre tabindex="0"><code>curl '{{BASE}}/api/v1/taxonomy'</code></pre>

<h3>Надіслати пропозицію</h3>
<pre tabindex="0"><code>curl -X POST '{{BASE}}/api/v1/consultations/123/comments' \
  -H 'Content-Type: application/json' \
  -H 'Idempotency-Key: 5f0c2a9e-7d1b-4c55-9a43-0e7b8d1f2a6c' \
  -d '{"kind": "proposal", "name": "Олена Коваль",
       "email": "olena@example.com", "text": "Пропоную ...",
       "consent": true}'</code></pre>
<p>Відповідь <code>201</code> — опубліковано, <code>202</code> — очікує на модерацію; у тілі квитанція з номером, часом і SHA-256 збереженого тексту. Адреса електронної пошти ніколи не публікується.</p>

<h2>Правила</h2>
<ul>
<li>Помилки мають вигляд <code>{"error": {"code": "...", "message": "...", "field": "..."}}</code> з відповідним кодом HTTP: 400, 404, 405, 409, 413, 415, 422, 429 (із заголовком <code>Retry-After</code>), 503.</li>
<li>Кожна відповідь на GET має <code>ETag</code>; надішліть його в <code>If-None-Match</code> і отримаєте <code>304</code> без тіла.</li>
<li>Читати можна з будь-якого сайту (CORS <code>*</code>); надсилати з браузера — лише з сайтів, дозволених містом.</li>
<li>Надсилання обмежене для кожної адреси так само, як форма на сайті; поточний стан — у заголовках <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code>, <code>RateLimit-Reset</code>, <code>RateLimit-Policy</code>.</li>
</ul>
</article>
