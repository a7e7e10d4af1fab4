{{%AUTOESCAPE context="HTML"}}
{{! The short pages of cgi-bin/subscribe: sent, confirm (ask, done,
    invalid), unsubscribe (ask, done, invalid).  One flag is shown;
    CONFIRM_HREF and UNSUB_HREF are the POST buttons' actions (the link's token). }}
<article class="comment-page">
<h1>{{HEADING}}</h1>
{{#SENT}}
<p>Якщо адресу вказано правильно, на неї надійде лист із посиланням для підтвердження підписки. Посилання діє 48 годин.</p>
<p>Не отримали листа? Перевірте папку «Спам» або <a href="/subscribe">спробуйте ще раз</a>.</p>
{{/SENT}}
{{#CONFIRM_ASK}}
<p>Щоб почати отримувати повідомлення про консультації, підтвердьте підписку.</p>
<form method="post" action="{{CONFIRM_HREF}}">
<p><button type="submit" class="button">Підтвердити</button></p>
</form>
{{/CONFIRM_ASK}}
{{#CONFIRM_DONE}}
<p>Дякуємо! Тепер ми повідомлятимемо вас про консультації за обраними фільтрами. Відписатися можна посиланням у кожному листі.</p>
<p><a href="/consultations">До консультацій</a></p>
{{/CONFIRM_DONE}}
{{#CONFIRM_INVALID}}
<p>Посилання для підтвердження недійсне: воно вже використане або минуло 48 годин. <a href="/subscribe">Підпишіться ще раз</a>.</p>
{{/CONFIRM_INVALID}}
{{#UNSUB_ASK}}
<p>Більше не надсилати повідомлень за цією підпискою?</p>
<form method="post" action="{{UNSUB_HREF}}">
<p><button type="submit" class="button">Відписатися</button></p>
</form>
{{/UNSUB_ASK}}
{{#UNSUB_DONE}}
<p>Ви відписалися: листів за цією підпискою більше не буде.</p>
<p><a href="/subscribe">Підписатися знову</a></p>
{{/UNSUB_DONE}}
{{#UNSUB_INVALID}}
<p>Посилання недійсне. Якщо листи надходять і далі, скористайтеся посиланням з останнього листа.</p>
{{/UNSUB_INVALID}}
</article>
