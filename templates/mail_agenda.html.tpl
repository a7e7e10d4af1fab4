{{%AUTOESCAPE context="HTML"}}
{{! The unit's decision on a proposed agenda topic, text/html: the same
    sections as mail_agenda.txt.tpl. }}
<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<title>Громадські консультації · Київ</title>
</head>
<body>
<p>Вітаємо, {{NAME}}!</p>
<p>Вашу пропозицію теми для плану консультацій на {{YEAR}} рік розглянуто.</p>
<p>Тема: <strong>{{TOPIC}}</strong><br>
Відповідальний підрозділ: {{UNIT}}</p>
{{#ACCEPTED}}<p><strong>Рішення: включено до плану консультацій, {{QUARTER}} квартал {{YEAR}} року.</strong></p>
{{/ACCEPTED}}
{{#DECLINED}}<p><strong>Рішення: відхилено.</strong></p>
<p>Причина: {{REASON}}</p>
{{/DECLINED}}
{{#PLAN_PUBLISHED}}<p><a href="{{AGENDA_HREF}}">Рішення в плані консультацій на {{YEAR}} рік</a></p>
{{/PLAN_PUBLISHED}}
{{#PLAN_PENDING}}<p>План консультацій на {{YEAR}} рік ще не оприлюднено (строк — до 31 грудня {{PREV_YEAR}} року); після оприлюднення рішення буде видно <a href="{{AGENDA_HREF}}">у плані</a>.</p>
{{/PLAN_PENDING}}
<hr>
<p>Ми надіслали цей лист, бо ви <a href="{{PROPOSE_HREF}}">запропонували тему консультації</a>. Інших листів щодо цієї пропозиції не буде; вашу адресу e-mail ніде не показано.</p>
<p>Громадські консультації · Київ</p>
</body>
</html>
