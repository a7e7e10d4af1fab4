{{! A message of cgi-bin/notify, text/plain (no escaping: this is not HTML).
    One of CONFIRM, EVENT (with ANSWER for a proposal's author) or DIGEST
    (ITEM per event); FOOTER when the message belongs to a subscription.
    Blank lines are written as BI_NEWLINE markers: templates load with
    STRIP_BLANK_LINES. }}
{{#CONFIRM}}
Вітаємо!{{BI_NEWLINE}}
Хтось (можливо, ви) попросив надсилати на цю адресу повідомлення про
громадські консультації Києва. Щоб підтвердити підписку, відкрийте
посилання і натисніть кнопку «Підтвердити»:{{BI_NEWLINE}}
{{CONFIRM_HREF}}{{BI_NEWLINE}}
Посилання діє 48 годин. Якщо ви не підписувалися, нічого не робіть:
без підтвердження ми більше нічого не надішлемо.
{{/CONFIRM}}
{{#EVENT}}
{{LEAD}}{{BI_NEWLINE}}
{{TITLE}}
Організатор: {{UNIT}}
Прийом пропозицій: з {{OPENS_TEXT}} до {{CLOSES_TEXT}}{{BI_NEWLINE}}
{{SUMMARY}}{{BI_NEWLINE}}
{{#ANSWER}}
Рішення: {{DECISION}}
Обґрунтування: {{REASON}}{{BI_NEWLINE}}
Ваша пропозиція: {{PROPOSAL}}{{BI_NEWLINE}}
{{/ANSWER}}
Докладніше: {{CONSULTATION_HREF}}
{{/EVENT}}
{{#DIGEST}}
Огляд консультацій за вашою підпискою за тиждень.{{BI_NEWLINE}}
{{#ITEM}}
{{ITEM_WHAT}}: {{ITEM_TITLE}}
Організатор: {{ITEM_UNIT}}. Прийом пропозицій до {{ITEM_CLOSES_TEXT}}.
{{ITEM_HREF}}{{BI_NEWLINE}}
{{/ITEM}}
{{/DIGEST}}
{{#FOOTER}}
{{BI_NEWLINE}}--{{BI_SPACE}}
Громадські консультації · Київ
Змінити фільтри підписки: {{MANAGE_HREF}}
Відписатися: {{UNSUBSCRIBE_HREF}}
{{/FOOTER}}
