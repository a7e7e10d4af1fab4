{{%AUTOESCAPE context="HTML"}}
{{! A message of cgi-bin/notify, text/html: the same sections as
    mail.txt.tpl (CONFIRM, EVENT with ANSWER, DIGEST with ITEM, FOOTER). }}
<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<title>Громадські консультації · Київ</title>
</head>
<body>
{{#CONFIRM}}
<p>Вітаємо!</p>
<p>Хтось (можливо, ви) попросив надсилати на цю адресу повідомлення про громадські консультації Києва. Щоб підтвердити підписку, відкрийте посилання і натисніть кнопку «Підтвердити»:</p>
<p><a href="{{CONFIRM_HREF}}">Підтвердити підписку</a></p>
<p>Посилання діє 48 годин. Якщо ви не підписувалися, нічого не робіть: без підтвердження ми більше нічого не надішлемо.</p>
{{/CONFIRM}}
{{#EVENT}}
<p>{{LEAD}}</p>
<h1><a href="{{CONSULTATION_HREF}}">{{TITLE}}</a></h1>
<p>Організатор: {{UNIT}}<br>
Прийом пропозицій: з {{OPENS_TEXT}} до {{CLOSES_TEXT}}</p>
<p>{{SUMMARY}}</p>
{{#ANSWER}}
<p><strong>Рішення: {{DECISION}}</strong></p>
<p>Обґрунтування: {{REASON}}</p>
<blockquote>{{PROPOSAL}}</blockquote>
{{/ANSWER}}
<p><a href="{{CONSULTATION_HREF}}">Докладніше на сторінці консультації</a></p>
{{/EVENT}}
{{#DIGEST}}
<p>Огляд консультацій за вашою підпискою за тиждень.</p>
<ul>
{{#ITEM}}<li><p>{{ITEM_WHAT}}: <a href="{{ITEM_HREF}}">{{ITEM_TITLE}}</a><br>
Організатор: {{ITEM_UNIT}}. Прийом пропозицій до {{ITEM_CLOSES_TEXT}}.</p></li>
{{/ITEM}}
</ul>
{{/DIGEST}}
{{#FOOTER}}
<hr>
<p>Громадські консультації · Київ.
<a href="{{MANAGE_HREF}}">Змінити фільтри підписки</a> ·
<a href="{{UNSUBSCRIBE_HREF}}">Відписатися</a></p>
{{/FOOTER}}
</body>
</html>
