{{! The unit's decision on a topic a resident proposed for the agenda, to
    its proposer (cgi-bin/notify, fill_agenda()), text/plain: no escaping.
    ACCEPTED or DECLINED (with REASON); PLAN_PUBLISHED or PLAN_PENDING.
    Blank lines are BI_NEWLINE markers (STRIP_BLANK_LINES). }}Вітаємо, {{NAME}}!{{BI_NEWLINE}}
Вашу пропозицію теми для плану консультацій на {{YEAR}} рік розглянуто.{{BI_NEWLINE}}
Тема: {{TOPIC}}
Відповідальний підрозділ: {{UNIT}}
{{#ACCEPTED}}
Рішення: включено до плану консультацій, {{QUARTER}} квартал {{YEAR}} року.{{BI_NEWLINE}}
{{/ACCEPTED}}
{{#DECLINED}}
Рішення: відхилено.
Причина: {{REASON}}{{BI_NEWLINE}}
{{/DECLINED}}
{{#PLAN_PUBLISHED}}
Рішення оприлюднено в плані консультацій на {{YEAR}} рік:
{{AGENDA_HREF}}{{BI_NEWLINE}}
{{/PLAN_PUBLISHED}}
{{#PLAN_PENDING}}
План консультацій на {{YEAR}} рік ще не оприлюднено (строк — до 31 грудня {{PREV_YEAR}} року); після оприлюднення рішення буде видно тут:
{{AGENDA_HREF}}{{BI_NEWLINE}}
{{/PLAN_PENDING}}
Ми надіслали цей лист, бо ви запропонували тему консультації ({{PROPOSE_HREF}}). Інших листів щодо цієї пропозиції не буде; вашу адресу e-mail ніде не показано.
{{BI_NEWLINE}}--{{BI_SPACE}}
Громадські консультації · Київ
