{{%AUTOESCAPE context="HTML"}}
{{! The page frame.  Dictionary: TITLE, one optional NAV_* section, optional
    NOINDEX, CANONICAL and FEED (FEED_HREF, CALENDAR_HREF) sections, and the
    include CONTENT (the page's own
    template, set with SetFilename).  See templates/README.md. }}
<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} — Громадські консультації · Київ</title>
{{#NOINDEX}}<meta name="robots" content="noindex">{{/NOINDEX}}
{{#CANONICAL}}<link rel="canonical" href="{{CANONICAL_HREF}}">{{/CANONICAL}}
{{#FEED}}<link rel="alternate" type="application/atom+xml" title="Консультації з цими фільтрами (Atom)" href="{{FEED_HREF}}">
<link rel="alternate" type="text/calendar" title="Календар консультацій з цими фільтрами" href="{{CALENDAR_HREF}}">{{/FEED}}
<link rel="stylesheet" href="/static/style.css?v=2">
</head>
<body>
<a class="skip-link" href="#main">Перейти до змісту</a>
<header class="site-header">
<div class="site-header__inner">
<a class="site-brand" href="/"{{#NAV_HOME}} aria-current="page"{{/NAV_HOME}}>
<span class="site-brand__org">Київська міська державна адміністрація</span>
<span class="site-brand__name">Громадські консультації</span>
</a>
<nav class="site-nav" aria-label="Основна навігація">
<ul>
<li><a href="/consultations"{{#NAV_CONSULTATIONS}} aria-current="page"{{/NAV_CONSULTATIONS}}>Консультації</a></li>
<li><a href="/consultations?status=open"{{#NAV_OPEN}} aria-current="page"{{/NAV_OPEN}}>Відкриті</a></li>
<li><a href="/agenda"{{#NAV_AGENDA}} aria-current="page"{{/NAV_AGENDA}}>План консультацій</a></li>
<li><a href="/stats"{{#NAV_STATS}} aria-current="page"{{/NAV_STATS}}>Показники</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" class="site-main">
{{>CONTENT}}
</main>
<footer class="site-footer">
<div class="site-footer__inner">
<section class="site-footer__about" aria-labelledby="footer-about">
<h2 id="footer-about">Про сервіс</h2>
<p>Громадські консультації — єдине місце, де департаменти Київської міської державної адміністрації та районні в місті Києві державні адміністрації оголошують консультації з громадськістю, приймають коментарі й пропозиції та звітують про їх розгляд.</p>
</section>
<section class="site-footer__links" aria-labelledby="footer-data">
<h2 id="footer-data">Дані</h2>
<ul>
<li><a href="/opendata">Відкриті дані</a></li>
<li><a href="/stats">Показники ефективності консультацій</a></li>
<li><a href="/agenda">План консультацій</a></li>
</ul>
</section>
<section class="site-footer__contact" aria-labelledby="footer-contact">
<h2 id="footer-contact">Контакти</h2>
<address>
Департамент суспільних комунікацій<br>
Київська міська державна адміністрація<br>
вул. Хрещатик, 36, Київ, 01044<br>
Контактний центр міста Києва: <a href="tel:1551">1551</a>
</address>
</section>
</div>
</footer>
</body>
</html>
