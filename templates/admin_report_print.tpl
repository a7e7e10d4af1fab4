{{%AUTOESCAPE context="HTML"}}
{{! /admin/consultations/{id}/report/print: the report as one printable
    page, without the site frame.  REPORT_HTML comes from md_render() only.
    See templates/README.md. }}
<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>Звіт про результати консультації: {{CONSULTATION_TITLE}}</title>
<link rel="stylesheet" href="/static/style.css?v=2">
</head>
<body class="print">
<main id="main" class="site-main">
<h1>Звіт про результати консультації з громадськістю</h1>
<p><strong>{{CONSULTATION_TITLE}}</strong></p>
{{#PUBLISHED}}<p>Оприлюднено {{PUBLISHED_AT}}.</p>{{/PUBLISHED}}
{{#DRAFT}}<p>Чернетка: звіт ще не оприлюднено.</p>{{/DRAFT}}
<div class="prose">
{{REPORT_HTML:none}}
</div>
{{>REPORT_TABLE}}
</main>
</body>
</html>
