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
<p>Усе, що мешканець бачить і робить на сайті, доступне як JSON за адресою <code>{{BASE}}/api/v1/</code>: перелік консультацій з тими самими фільтрами, що й на сторінці переліку, одна консультація з документами, датами та звітом, опубліковані коментарі з офіційними відповідями, надсилання коментаря чи пропозиції, підписка на сповіщення, план консультацій, показники ефективності, довідники.</p>
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
<p>Відповідь <code>201</code> — опубліковано, <code>202</code> — очікує на модерацію; у тілі квитанція з номером, часом і SHA-256 збереженого тексту. Адреса електронної пошти ніколи не публікується. Необов’язкове поле <code>"notify": true</code> — повідомити автора листом про офіційну відповідь на пропозицію та про звіт.</p>

<h3>Підписатися на нові консультації</h3>
<pre tabindex="0"><code>curl -X POST '{{BASE}}/api/v1/subscriptions' \
  -H 'Content-Type: application/json' \
  -d '{"email": "olena@example.com", "frequency": "weekly",
       "consent": true,
       "filters": {"theme": ["ecology"], "district": ["podilskyi"]}}'</code></pre>
<p>Так само, як на сторінці <a href="/subscribe">підписки</a>: відповідь завжди <code>202</code> (вона не каже, чи адресу вже підписано), а на адресу надходить лист із посиланням для підтвердження, дійсним 48 годин; до підтвердження інших листів немає. <code>frequency</code> — <code>immediate</code> (одразу) або <code>weekly</code> (щотижневий огляд); фільтри — ті самі значення, що в переліку.</p>

<h3>План консультацій і показники ефективності</h3>
<pre tabindex="0"><code>curl '{{BASE}}/api/v1/agenda?year=2026&amp;quarter=2&amp;theme=ecology'
curl '{{BASE}}/api/v1/stats?year=2026&amp;quarter=2&amp;unit=dma'</code></pre>
<p>Ті самі теми, що на сторінці <a href="/agenda">плану консультацій</a>, і ті самі числа, що на сторінці <a href="/stats">показників</a> та в її CSV, з тими самими параметрами.</p>

<h2>Правила</h2>
<ul>
<li>Помилки мають вигляд <code>{"error": {"code": "...", "message": "...", "field": "..."}}</code> з відповідним кодом HTTP: 400, 403, 404, 405, 409, 413, 415, 422, 429 (із заголовком <code>Retry-After</code>), 503.</li>
<li>Кожна відповідь на GET має <code>ETag</code>; надішліть його в <code>If-None-Match</code> і отримаєте <code>304</code> без тіла.</li>
<li>Читати можна з будь-якого сайту (CORS <code>*</code>); надсилати з браузера — лише з сайтів, дозволених містом.</li>
<li>Читання обмежене щедро: до 1200 запитів на хвилину з однієї адреси. Надсилання обмежене для кожної адреси так само, як форми на сайті (коментарі — 3 на хвилину і 10 на годину, підписки — так само). Поточний стан — у заголовках <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code>, <code>RateLimit-Reset</code>, <code>RateLimit-Policy</code> кожної відповіді; понад ліміт — <code>429</code> із <code>Retry-After</code>.</li>
</ul>
</article>
