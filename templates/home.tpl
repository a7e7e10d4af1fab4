{{%AUTOESCAPE context="HTML"}}
{{! Home page (/).  Sections OPEN, UPCOMING, RESULTS each hold CARD includes
    (card.tpl); OPEN_EMPTY, UPCOMING_EMPTY, RESULTS_EMPTY when a list is
    empty.  See templates/README.md. }}
<div class="home">
<section class="intro" aria-labelledby="page-title">
<h1 id="page-title">Громадські консультації в Києві</h1>
<p class="intro__lead">Тут департаменти Київської міської державної адміністрації та районні в місті Києві державні адміністрації радяться з киянами: оприлюднюють проєкти рішень, програм і планів, приймають коментарі та пропозиції й звітують, що з кожною з них зроблено.</p>
<form class="search-form" action="/consultations" method="get" role="search">
<label for="home-q">Пошук консультацій</label>
<div class="search-form__row">
<input type="search" id="home-q" name="q" maxlength="200" autocomplete="off" placeholder="наприклад, парк, велодоріжка, Оболонь">
<button type="submit">Знайти</button>
</div>
</form>
</section>
<section class="home-section" aria-labelledby="home-open">
<h2 id="home-open">Тривають зараз</h2>
{{#OPEN}}<ul class="cards">
{{>CARD}}
</ul>{{/OPEN}}
{{#OPEN_EMPTY}}<p class="empty">Зараз немає консультацій, що приймають пропозиції. Подивіться ті, що оголошено.</p>{{/OPEN_EMPTY}}
<p class="see-all"><a href="/consultations?status=open&amp;sort=closing">Усі відкриті консультації</a></p>
</section>
<section class="home-section" aria-labelledby="home-upcoming">
<h2 id="home-upcoming">Незабаром</h2>
{{#UPCOMING}}<ul class="cards">
{{>CARD}}
</ul>{{/UPCOMING}}
{{#UPCOMING_EMPTY}}<p class="empty">Нових консультацій поки не оголошено. Заплановані теми — у <a href="/agenda">плані консультацій</a>.</p>{{/UPCOMING_EMPTY}}
<p class="see-all"><a href="/consultations?status=announced">Усі оголошені консультації</a></p>
</section>
<section class="home-section" aria-labelledby="home-results">
<h2 id="home-results">Нещодавні результати</h2>
{{#RESULTS}}<ul class="cards">
{{>CARD}}
</ul>{{/RESULTS}}
{{#RESULTS_EMPTY}}<p class="empty">Звітів про результати консультацій поки немає.</p>{{/RESULTS_EMPTY}}
<p class="see-all"><a href="/consultations?status=completed">Усі консультації з оприлюдненими звітами</a></p>
</section>
</div>
