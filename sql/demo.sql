-- Demo data: a deterministic, plausible city of consultations.
--
-- Run by scripts/db.sh demo N M, which prefixes
--	SET @n_consultations = N, @n_comments = M;
-- Needs the reference data (sql/reference.sql).  Replaces all consultation and
-- participation rows (consultations, their link tables, documents, comments,
-- responses, reports) and records the size in demo_info.
--
-- Determinism: every choice comes from the row number through CRC32 or
-- modular arithmetic, never RAND(); the same N and M give the same rows, only
-- the dates move with "now" (UTC, to the minute), so that every lifecycle
-- state exists whenever the data is loaded:
--	state 1 draft (3 %), 2 announced, opens later (7 %), 3 open (15 %),
--	4 closed less than 14 days ago, report not yet due (5 %),
--	5 closed more than 14 days ago without a report, late (4 %),
--	6 completed with a report (60 %; a fifth of the reports late),
--	7 cancelled (6 %).
-- Some closed and completed ones were closed early (closed_at, close_reason).
-- The status column holds 'draft', 'announced' (states 2 to 5: open and
-- closed follow from the dates), 'completed' or 'cancelled'.
--
-- Comments (exactly M) go to open, closed and completed consultations only,
-- with a skewed spread (log-uniform weights: many with a few, some with
-- hundreds).  With N >= 1000 and M >= 10000, two open consultations serve the
-- benchmark: slug bench-200-comments (200 published + 20 pending comments)
-- and bench-5000-comments (5000 published + 100 pending); they count towards
-- M.
--
-- Speed: everything is INSERT ... SELECT over the SEQUENCE engine
-- (seq_1_to_N tables); the numbers of each comment are computed once into a
-- MEMORY table, the lookups are MEMORY tables too; the listing triggers are
-- switched off (@hromada_bulk) and so are foreign key checks.  10,000
-- consultations and 500,000 comments load in about 20 s on two cores.  The
-- invariants are asserted at the end.

SET NAMES utf8mb4 COLLATE utf8mb4_uca1400_ai_ci;
SET @t0 = UNIX_TIMESTAMP(NOW(6));
SET @hromada_bulk = 1;
SET @n = @n_consultations, @m = @n_comments;
SET @now = CAST(DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:00') AS DATETIME);
SET @today = CAST(DATE(@now) AS DATETIME);
SET @bench = (@n >= 1000 AND @m >= 10000);
SET @m_rest = @m - IF(@bench, 220 + 5100, 0);
-- People: about three comments per e-mail address.
SET @pool = GREATEST(50, @m DIV 3);

SET foreign_key_checks = 0;
SET unique_checks = 0;
TRUNCATE TABLE responses;
TRUNCATE TABLE reports;
TRUNCATE TABLE comments;
TRUNCATE TABLE documents;
TRUNCATE TABLE consultation_themes;
TRUNCATE TABLE consultation_districts;
TRUNCATE TABLE consultation_groups;
TRUNCATE TABLE consultations;
TRUNCATE TABLE demo_info;

-- ---------------------------------------------------------------------------
-- Districts with what the texts need: genitive forms and the address of the
-- district state administration (RDA).

CREATE TEMPORARY TABLE demo_district (
	n		TINYINT UNSIGNED NOT NULL PRIMARY KEY,	-- 1..10
	id		SMALLINT UNSIGNED NOT NULL,
	slug		VARCHAR(64) NOT NULL,
	rda_id		SMALLINT UNSIGNED NOT NULL,
	gen		VARCHAR(100) NOT NULL,	-- Голосіївського району
	rda_gen		VARCHAR(100) NOT NULL,	-- Голосіївської РДА
	address		VARCHAR(200) NOT NULL
);
INSERT INTO demo_district
SELECT d.sort, d.id, d.slug, u.id,
	CONCAT(LEFT(d.name_uk, CHAR_LENGTH(d.name_uk) - 2), 'ого району'),
	CONCAT(LEFT(d.name_uk, CHAR_LENGTH(d.name_uk) - 2), 'ої РДА'),
	CASE d.slug
	WHEN 'holosiivskyi' THEN 'просп. Голосіївський, 42'
	WHEN 'darnytskyi' THEN 'вул. Олександра Кошиця, 9'
	WHEN 'desnianskyi' THEN 'просп. Червоної Калини, 29'
	WHEN 'dniprovskyi' THEN 'бульв. Праці, 1/1'
	WHEN 'obolonskyi' THEN 'вул. Левка Лук’яненка, 16'
	WHEN 'pecherskyi' THEN 'вул. Михайла Омеляновича-Павленка, 15'
	WHEN 'podilskyi' THEN 'Контрактова площа, 2'
	WHEN 'sviatoshynskyi' THEN 'просп. Берестейський, 97'
	WHEN 'solomianskyi' THEN 'просп. Повітряних Сил, 41'
	WHEN 'shevchenkivskyi' THEN 'бульв. Тараса Шевченка, 26/4'
	END
FROM districts d JOIN units u ON u.kind = 'rda' AND u.district_id = d.id;
SET @citywide = (SELECT id FROM districts WHERE slug = 'citywide');

-- ---------------------------------------------------------------------------
-- Topics.  A title is an action ("Реконструкція") and an object in the
-- genitive ("Маріїнського парку"); the action is fixed (act) or picked from
-- the set aset.  dslug NULL means "any district, or the whole city"; unit
-- 'rda' means the district's state administration.  flv selects the phrase
-- pools of the texts and comments:
--	1 parks, ecology  2 transport  3 urban planning  4 education, youth
--	5 social, health  6 housing, utilities, safety  7 economy, digital,
--	governance  8 culture, naming.
-- Family defaults (demo_fam) fill what a row leaves NULL; '-' means none.

CREATE TEMPORARY TABLE demo_fam (
	fam		VARCHAR(10) NOT NULL PRIMARY KEY,
	aset		TINYINT NOT NULL,
	unit1		VARCHAR(64) NOT NULL,
	unit2		VARCHAR(64) NOT NULL,
	th1		VARCHAR(64) NOT NULL,
	th2		VARCHAR(64) NOT NULL,
	grp		VARCHAR(64) NOT NULL,
	fmt		VARCHAR(64) NOT NULL,
	flv		TINYINT NOT NULL
);
INSERT INTO demo_fam VALUES
	('park', 1, 'ecodep', 'rda', 'public-spaces', 'ecology', 'residents', '-', 1),
	('route', 2, 'mobility', 'rda', 'transport', '-', 'residents', '-', 2),
	('infra', 3, 'dti', 'construction', 'transport', 'urban-planning', 'residents', '-', 2),
	('mob', 4, 'mobility', 'dti', 'transport', 'public-spaces', 'residents', '-', 2),
	('naming', 0, 'kmr-secretariat', 'dsk', 'naming', 'culture', 'residents', 'survey', 8),
	('edu', 5, 'education', 'rda', 'education', '-', 'residents', '-', 4),
	('sport', 0, 'youth-sport', 'rda', 'sport-youth', 'public-spaces', 'youth', '-', 4),
	('dpt', 6, 'dma', 'land', 'urban-planning', '-', 'experts', 'public-hearing', 3),
	('econ', 7, 'dei', '-', 'economy', '-', 'business', '-', 7),
	('digital', 0, 'ict', '-', 'digital', '-', 'residents', '-', 7),
	('housing', 7, 'dzhki', 'rda', 'housing-utilities', '-', 'hoa', '-', 6),
	('safety', 0, 'dzhki', 'rda', 'safety', '-', 'residents', '-', 6),
	('health', 7, 'health', 'rda', 'health', '-', 'residents', '-', 5),
	('social', 7, 'social', 'rda', 'social', '-', 'residents', '-', 5),
	('culture', 7, 'dk', 'rda', 'culture', '-', 'residents', '-', 8),
	('improve', 7, 'dirb', 'rda', 'public-spaces', '-', 'residents', '-', 1),
	('civic', 7, 'dsk', '-', 'economy', '-', 'cso', '-', 7),
	('env', 7, 'ecodep', 'rda', 'ecology', '-', 'cso', '-', 1),
	('constr', 0, 'construction', 'rda', 'urban-planning', 'housing-utilities', 'residents', '-', 3),
	('district', 0, 'rda', '-', 'economy', '-', 'residents', '-', 7);

CREATE TEMPORARY TABLE demo_topic (
	n		SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	fam		VARCHAR(10) NOT NULL,
	aset		TINYINT NULL,
	act		VARCHAR(100) NULL,
	obj		VARCHAR(200) NOT NULL,
	stem		VARCHAR(80) NOT NULL,
	dslug		VARCHAR(64) NULL,
	unit1		VARCHAR(64) NULL,
	unit2		VARCHAR(64) NULL,
	th1		VARCHAR(64) NULL,
	th2		VARCHAR(64) NULL,
	grp		VARCHAR(64) NULL,
	fmt		VARCHAR(64) NULL,
	flv		TINYINT NULL,
	district_id	SMALLINT UNSIGNED NULL,
	unit1_id	SMALLINT UNSIGNED NULL,
	unit2_id	SMALLINT UNSIGNED NULL,
	th1_id		SMALLINT UNSIGNED NULL,
	th2_id		SMALLINT UNSIGNED NULL,
	grp_id		SMALLINT UNSIGNED NULL,
	fmt_id		SMALLINT UNSIGNED NULL
);

-- Parks, squares, embankments: real places and their districts.
INSERT INTO demo_topic (fam, obj, stem, dslug, unit1) VALUES
	('park', 'Маріїнського парку', 'mariinskyi-park', 'pecherskyi', NULL),
	('park', 'парку «Наталка»', 'park-natalka', 'obolonskyi', NULL),
	('park', 'Труханового острова', 'trukhaniv-ostriv', 'dniprovskyi', NULL),
	('park', 'Голосіївського парку імені Максима Рильського', 'holosiivskyi-park', 'holosiivskyi', NULL),
	('park', 'парку імені Тараса Шевченка', 'park-shevchenka', 'shevchenkivskyi', NULL),
	('park', 'Володимирської гірки', 'volodymyrska-hirka', 'shevchenkivskyi', NULL),
	('park', 'парку «Перемога»', 'park-peremoha', 'dniprovskyi', NULL),
	('park', 'Гідропарку', 'hidropark', 'dniprovskyi', NULL),
	('park', 'парку Партизанської слави', 'park-partyzanskoi-slavy', 'darnytskyi', NULL),
	('park', 'парку «Кіото»', 'park-kioto', 'desnianskyi', NULL),
	('park', 'парку «Нивки»', 'park-nyvky', 'sviatoshynskyi', NULL),
	('park', 'парку «Феофанія»', 'park-feofaniia', 'holosiivskyi', NULL),
	('park', 'Кирилівського гаю', 'kyrylivskyi-hai', 'podilskyi', NULL),
	('park', 'Солом’янського ландшафтного парку', 'solomianskyi-landshaftnyi-park', 'solomianskyi', NULL),
	('park', 'парку «Відрадний»', 'park-vidradnyi', 'solomianskyi', NULL),
	('park', 'парку «Сирецький гай»', 'park-syretskyi-hai', 'shevchenkivskyi', NULL),
	('park', 'парку «Муромець»', 'park-muromets', 'desnianskyi', NULL),
	('park', 'Святошинського лісопарку', 'sviatoshynskyi-lisopark', 'sviatoshynskyi', NULL),
	('park', 'Пущі-Водиці', 'pushcha-vodytsia', 'obolonskyi', NULL),
	('park', 'озера Вирлиця', 'ozero-vyrlytsia', 'darnytskyi', NULL),
	('park', 'парку «Совки»', 'park-sovky', 'solomianskyi', NULL),
	('park', 'Оболонської набережної', 'obolonska-naberezhna', 'obolonskyi', 'dirb'),
	('park', 'Русанівської набережної', 'rusanivska-naberezhna', 'dniprovskyi', 'dirb'),
	('park', 'Пейзажної алеї', 'peizazhna-aleia', 'shevchenkivskyi', 'dirb'),
	('park', 'Контрактової площі', 'kontraktova-ploshcha', 'podilskyi', 'dirb'),
	('park', 'Поштової площі', 'poshtova-ploshcha', 'podilskyi', 'dirb'),
	('park', 'Софійської площі', 'sofiiska-ploshcha', 'shevchenkivskyi', 'dirb'),
	('park', 'Львівської площі', 'lvivska-ploshcha', 'shevchenkivskyi', 'dirb'),
	('park', 'Галицької площі', 'halytska-ploshcha', 'shevchenkivskyi', 'dirb'),
	('park', 'площі Лесі Українки', 'ploshcha-lesi-ukrainky', 'pecherskyi', 'dirb'),
	('park', 'Європейської площі', 'yevropeiska-ploshcha', 'pecherskyi', 'dirb'),
	('park', 'Майдану Незалежності', 'maidan-nezalezhnosti', 'shevchenkivskyi', 'dirb'),
	('park', 'Дарницької площі', 'darnytska-ploshcha', 'dniprovskyi', 'dirb'),
	('park', 'Голосіївської площі', 'holosiivska-ploshcha', 'holosiivskyi', 'dirb'),
	('park', 'Андріївського узвозу', 'andriivskyi-uzviz', 'podilskyi', 'dirb'),
	('park', 'бульвару Тараса Шевченка', 'bulvar-shevchenka', 'shevchenkivskyi', 'dirb');

-- Public transport routes and networks.
INSERT INTO demo_topic (fam, obj, stem, dslug) VALUES
	('route', 'трамвайного маршруту № 12 до Пущі-Водиці', 'tramvai-12', 'obolonskyi'),
	('route', 'трамвайних маршрутів Троєщини', 'tramvai-troieshchyna', 'desnianskyi'),
	('route', 'тролейбусного маршруту № 24', 'troleibus-24', NULL),
	('route', 'тролейбусних маршрутів Виноградаря', 'troleibusy-vynohradar', 'podilskyi'),
	('route', 'автобусного маршруту № 114', 'avtobus-114', NULL),
	('route', 'нічних маршрутів громадського транспорту', 'nichni-marshruty', 'citywide'),
	('route', 'маршрутної мережі Лівого берега', 'marshruty-livyi-bereh', 'dniprovskyi'),
	('route', 'міської електрички', 'miska-elektrychka', 'citywide'),
	('route', 'маршрутів до Осокорків і Позняків', 'marshruty-osokorky-pozniaky', 'darnytskyi'),
	('route', 'маршрутної мережі Борщагівки', 'marshruty-borshchahivka', 'sviatoshynskyi'),
	('route', 'автобусних маршрутів Теремків', 'marshruty-teremky', 'holosiivskyi'),
	('route', 'тролейбусних маршрутів Солом’янки', 'troleibusy-solomianka', 'solomianskyi');

-- Transport infrastructure: lines, bridges, interchanges.
INSERT INTO demo_topic (fam, obj, stem, dslug) VALUES
	('infra', 'лінії швидкісного трамвая Борщагівка — Вокзальна', 'shvydkisnyi-tramvai-borshchahivka', 'sviatoshynskyi'),
	('infra', 'Правобережної лінії швидкісного трамвая', 'pravoberezhna-liniia-tramvaia', 'citywide'),
	('infra', 'трамвайної лінії на вулиці Кирилівській', 'tramvai-kyrylivska', 'podilskyi'),
	('infra', 'Подільсько-Воскресенського мостового переходу', 'podilskyi-mist', 'podilskyi'),
	('infra', 'Шулявського шляхопроводу', 'shuliavskyi-shliakhoprovid', 'solomianskyi'),
	('infra', 'лінії метрополітену на Виноградар', 'metro-vynohradar', 'podilskyi'),
	('infra', 'лінії метрополітену на Троєщину', 'metro-troieshchyna', 'desnianskyi'),
	('infra', 'транспортної розв’язки на Поштовій площі', 'rozviazka-poshtova', 'podilskyi'),
	('infra', 'Південного мосту', 'pivdennyi-mist', 'holosiivskyi'),
	('infra', 'мосту Патона', 'mist-patona', 'pecherskyi'),
	('infra', 'Набережного шосе', 'naberezhne-shose', 'pecherskyi'),
	('infra', 'Великої кільцевої дороги', 'velyka-kiltseva', 'sviatoshynskyi'),
	('infra', 'станції метро «Либідська»', 'metro-lybidska', 'holosiivskyi');

-- Active mobility: bike lanes, pedestrian zones, parking.
INSERT INTO demo_topic (fam, obj, stem, dslug) VALUES
	('mob', 'велосмуги на вулиці Богдана Хмельницького', 'velosmuha-khmelnytskoho', 'shevchenkivskyi'),
	('mob', 'велодоріжки на Набережному шосе', 'velodorizhka-naberezhne', 'pecherskyi'),
	('mob', 'велосипедного маршруту Поділ — Оболонь', 'velomarshrut-podil-obolon', 'podilskyi'),
	('mob', 'велосмуг на бульварі Лесі Українки', 'velosmuhy-lesi-ukrainky', 'pecherskyi'),
	('mob', 'пішохідної зони на Хрещатику', 'pishokhidna-zona-khreshchatyk', 'shevchenkivskyi'),
	('mob', 'зони платного паркування в центрі міста', 'platne-parkuvannia', 'citywide'),
	('mob', 'смуги для громадського транспорту на вулиці Велика Васильківська', 'smuha-velyka-vasylkivska', 'holosiivskyi'),
	('mob', 'безпечних пішохідних переходів біля шкіл Троєщини', 'bezpechni-perekhody-troieshchyna', 'desnianskyi'),
	('mob', 'велопарковок біля станцій метро', 'veloparkovky-metro', 'citywide'),
	('mob', 'зони заспокоєння руху на Подолі', 'zona-zaspokoiennia-podil', 'podilskyi'),
	('mob', 'велосмуги на проспекті Повітряних Сил', 'velosmuha-povitrianykh-syl', 'solomianskyi'),
	('mob', 'велодоріжки на Русанівській набережній', 'velodorizhka-rusanivska', 'dniprovskyi'),
	('mob', 'велосипедної мережі Оболоні', 'velomerezha-obolon', 'obolonskyi');

-- Street renaming and naming.
INSERT INTO demo_topic (fam, act, obj, stem, dslug) VALUES
	('naming', 'Перейменування', 'вулиці Ломоносова', 'pereimenuvannia-lomonosova', 'holosiivskyi'),
	('naming', 'Перейменування', 'вулиці Лермонтова', 'pereimenuvannia-lermontova', NULL),
	('naming', 'Перейменування', 'вулиці Чайковського', 'pereimenuvannia-chaikovskoho', NULL),
	('naming', 'Перейменування', 'провулку Тургенєвського', 'pereimenuvannia-turhenievskoho', 'shevchenkivskyi'),
	('naming', 'Перейменування', 'вулиці Глінки', 'pereimenuvannia-hlinky', NULL),
	('naming', 'Перейменування', 'вулиці Кутузова', 'pereimenuvannia-kutuzova', 'pecherskyi'),
	('naming', 'Перейменування', 'вулиці Мічуріна', 'pereimenuvannia-michurina', 'pecherskyi'),
	('naming', 'Перейменування', 'вулиці Грибоєдова', 'pereimenuvannia-hryboiedova', NULL),
	('naming', 'Перейменування', 'вулиці Бєлінського', 'pereimenuvannia-bielinskoho', NULL),
	('naming', 'Перейменування', 'вулиці Чехова', 'pereimenuvannia-chekhova', NULL),
	('naming', 'Перейменування', 'вулиці Римського-Корсакова', 'pereimenuvannia-rymskoho-korsakova', NULL),
	('naming', 'Перейменування', 'вулиці Лєскова', 'pereimenuvannia-leskova', 'pecherskyi'),
	('naming', 'Перейменування', 'вулиці Некрасова', 'pereimenuvannia-nekrasova', NULL),
	('naming', 'Перейменування', 'станції метро «Мінська»', 'pereimenuvannia-metro-minska', 'obolonskyi'),
	('naming', 'Перейменування', 'станції метро «Дружби народів»', 'pereimenuvannia-metro-druzhby-narodiv', 'pecherskyi'),
	('naming', 'Присвоєння назви', 'скверу на Лук’янівці', 'nazva-skveru-lukianivka', 'shevchenkivskyi'),
	('naming', 'Присвоєння назви', 'новій вулиці на Осокорках', 'nazva-vulytsi-osokorky', 'darnytskyi'),
	('naming', 'Присвоєння назви', 'безіменному скверу на Нивках', 'nazva-skveru-nyvky', 'shevchenkivskyi'),
	('naming', 'Присвоєння назви', 'парку на Березняках', 'nazva-parku-berezniaky', 'dniprovskyi');

-- Schools and youth, sport.
INSERT INTO demo_topic (fam, act, obj, stem, dslug, th2) VALUES
	('edu', NULL, 'мережі закладів дошкільної освіти', 'merezha-dytsadkiv', 'citywide', NULL),
	('edu', NULL, 'ліцеїв старшої профільної школи', 'profilni-litsei', 'citywide', NULL),
	('edu', NULL, 'шкільного харчування', 'shkilne-kharchuvannia', 'citywide', 'health'),
	('edu', NULL, 'інклюзивної освіти', 'inkliuzyvna-osvita', 'citywide', 'social'),
	('edu', NULL, 'позашкільної освіти', 'pozashkilna-osvita', 'citywide', 'sport-youth'),
	('edu', NULL, 'мережі закладів професійної освіти', 'profosvita', 'citywide', 'economy'),
	('sport', 'Реконструкція', 'стадіону «Старт»', 'stadion-start', 'shevchenkivskyi', NULL),
	('sport', 'Будівництво', 'скейт-парку на Оболонській набережній', 'skeit-park-obolon', 'obolonskyi', NULL),
	('sport', 'Облаштування', 'спортивних майданчиків у дворах Дарниці', 'sportmaidanchyky-darnytsia', 'darnytskyi', NULL),
	('sport', 'Реконструкція', 'басейну на Лісовому масиві', 'basein-lisovyi', 'desnianskyi', NULL),
	('sport', 'Відкриття', 'молодіжного центру на Виноградарі', 'molodizhnyi-tsentr-vynohradar', 'podilskyi', 'social'),
	('sport', 'Облаштування', 'воркаут-майданчиків на Трухановому острові', 'workout-trukhaniv', 'dniprovskyi', NULL),
	('sport', 'Проєкт', 'Програми «Молодь Києва»', 'prohrama-molod-kyieva', 'citywide', '-'),
	('sport', 'Проєкт', 'Програми розвитку фізичної культури і спорту', 'prohrama-sportu', 'citywide', '-'),
	('sport', 'Будівництво', 'льодової арени на Теремках', 'lodova-arena-teremky', 'holosiivskyi', NULL);

-- Detailed plans, the general plan, building conditions.
INSERT INTO demo_topic (fam, act, obj, stem, dslug, th2) VALUES
	('dpt', NULL, 'детального плану території Рибальського півострова', 'dpt-rybalskyi-pivostriv', 'podilskyi', NULL),
	('dpt', NULL, 'детального плану території Осокорків-Північних', 'dpt-osokorky', 'darnytskyi', NULL),
	('dpt', NULL, 'детального плану території житлового масиву Троєщина', 'dpt-troieshchyna', 'desnianskyi', NULL),
	('dpt', NULL, 'детального плану території промзони на Теличці', 'dpt-telychka', 'holosiivskyi', 'economy'),
	('dpt', NULL, 'детального плану території історичного ареалу Подолу', 'dpt-podil', 'podilskyi', 'culture'),
	('dpt', NULL, 'детального плану території Лук’янівки', 'dpt-lukianivka', 'shevchenkivskyi', NULL),
	('dpt', NULL, 'детального плану території Березняків', 'dpt-berezniaky', 'dniprovskyi', NULL),
	('dpt', NULL, 'детального плану території Позняків', 'dpt-pozniaky', 'darnytskyi', NULL),
	('dpt', NULL, 'детального плану території Виноградаря', 'dpt-vynohradar', 'podilskyi', NULL),
	('dpt', NULL, 'детального плану території Нивок', 'dpt-nyvky', 'shevchenkivskyi', NULL),
	('dpt', NULL, 'детального плану території Жулян', 'dpt-zhuliany', 'solomianskyi', NULL),
	('dpt', NULL, 'детального плану території Академмістечка', 'dpt-akademmistechko', 'sviatoshynskyi', NULL),
	('dpt', NULL, 'детального плану території Саперного поля', 'dpt-saperne-pole', 'pecherskyi', NULL),
	('dpt', NULL, 'детального плану території Оболоні (квартали 12–17)', 'dpt-obolon', 'obolonskyi', NULL),
	('dpt', NULL, 'Генерального плану міста Києва до 2040 року', 'henplan-2040', 'citywide', 'public-spaces'),
	('dpt', NULL, 'плану зонування центральної частини міста', 'zonuvannia-tsentr', 'citywide', NULL),
	('dpt', NULL, 'історико-архітектурного опорного плану Києва', 'istoryko-arkhitekturnyi-plan', 'citywide', 'culture'),
	('dpt', 'Містобудівні умови та обмеження для', 'забудови ділянки на вулиці Мельникова', 'mbu-melnykova', 'shevchenkivskyi', NULL),
	('dpt', 'Містобудівні умови та обмеження для', 'забудови ділянки на Осокорках', 'mbu-osokorky', 'darnytskyi', NULL),
	('dpt', 'Містобудівні умови та обмеження для', 'реконструкції будівлі на вулиці Ярославів Вал', 'mbu-yaroslaviv-val', 'shevchenkivskyi', 'culture');

-- Budget, economy, land, property.  {Y} becomes the year after opening.
INSERT INTO demo_topic (fam, act, obj, stem, dslug, unit1, th1, th2, grp) VALUES
	('econ', NULL, 'бюджету міста Києва на {Y} рік', 'biudzhet-kyieva', 'citywide', NULL, NULL, NULL, 'residents'),
	('econ', NULL, 'Програми економічного і соціального розвитку Києва', 'prohrama-ekonomichnoho-rozvytku', 'citywide', NULL, NULL, 'social', NULL),
	('econ', NULL, 'Стратегії розвитку міста Києва до 2035 року', 'stratehiia-kyieva-2035', 'citywide', NULL, NULL, 'urban-planning', 'experts'),
	('econ', NULL, 'Положення про громадський бюджет міста Києва', 'hromadskyi-biudzhet', 'citywide', NULL, NULL, 'digital', 'cso'),
	('econ', NULL, 'Програми підтримки малого та середнього підприємництва', 'pidtrymka-msp', 'citywide', 'business-dev', NULL, NULL, NULL),
	('econ', NULL, 'Порядку розміщення тимчасових споруд для провадження підприємницької діяльності', 'tymchasovi-sporudy', 'citywide', 'business-dev', NULL, 'public-spaces', NULL),
	('econ', NULL, 'Правил торгівлі на ринках Києва', 'rynky', 'citywide', 'business-dev', NULL, NULL, NULL),
	('econ', NULL, 'Методики розрахунку орендної плати за комунальне майно', 'orendna-plata', 'citywide', 'property', NULL, NULL, NULL),
	('econ', NULL, 'Переліку об’єктів малої приватизації', 'mala-pryvatyzatsiia', 'citywide', 'property', NULL, NULL, NULL),
	('econ', NULL, 'Програми «Бізнес-Ветеран»', 'biznes-veteran', 'citywide', 'business-dev', NULL, 'social', 'veterans'),
	('econ', NULL, 'Програми розвитку туризму в Києві', 'rozvytok-turyzmu', 'citywide', NULL, NULL, 'culture', NULL),
	('econ', NULL, 'Порядку надання земельних ділянок ветеранам', 'zemlia-veteranam', 'citywide', 'land', NULL, 'social', 'veterans'),
	('econ', NULL, 'Порядку передачі приміщень під ветеранські простори', 'prymishchennia-veteranam', 'citywide', 'property', NULL, 'social', 'veterans'),
	('econ', 'Встановлення', 'ставок податку на нерухоме майно', 'podatok-neruhomist', 'citywide', NULL, NULL, 'housing-utilities', 'residents'),
	('econ', 'Встановлення', 'ставок земельного податку', 'zemelnyi-podatok', 'citywide', 'land', NULL, NULL, NULL),
	('econ', 'Оновлення', 'нормативної грошової оцінки земель Києва', 'hroshova-otsinka-zemel', 'citywide', 'land', NULL, 'urban-planning', NULL);

-- Digital services.
INSERT INTO demo_topic (fam, act, obj, stem, dslug, th2, grp) VALUES
	('digital', 'Нові сервіси', 'застосунку «Київ Цифровий»', 'kyiv-tsyfrovyi', 'citywide', NULL, NULL),
	('digital', 'Політика', 'відкритих даних міста Києва', 'vidkryti-dani', 'citywide', NULL, 'experts'),
	('digital', 'Запровадження', 'електронної черги до дитячих садків', 'cherha-dytsadky', 'citywide', 'education', NULL),
	('digital', 'Розширення', 'безкоштовного Wi-Fi у громадському транспорті', 'wifi-transport', 'citywide', 'transport', NULL),
	('digital', 'Модернізація', 'Кабінету киянина', 'kabinet-kyianyna', 'citywide', NULL, NULL),
	('digital', 'Концепція', 'цифрової трансформації міста Києва', 'tsyfrova-transformatsiia', 'citywide', NULL, 'experts'),
	('digital', 'Запровадження', 'електронного квитка для пільговиків', 'elektronnyi-kvytok', 'citywide', 'transport', NULL),
	('digital', 'Модернізація', 'системи оповіщення населення', 'systema-opovishchennia', 'citywide', 'safety', NULL),
	('digital', 'Встановлення', 'камер відеоспостереження у дворах', 'videosposterezhennia', 'citywide', 'safety', NULL),
	('digital', 'Карта', 'доступних укриттів у застосунку «Київ Цифровий»', 'karta-ukryttiv', 'citywide', 'safety', NULL);

-- Housing, utilities, energy, civil protection.
INSERT INTO demo_topic (fam, act, obj, stem, dslug, unit1, th1, th2, grp) VALUES
	('housing', NULL, 'Програми співфінансування енергоефективних заходів в ОСББ', 'enerhoefektyvnist-osbb', 'citywide', NULL, NULL, NULL, NULL),
	('housing', NULL, 'Правил утримання будинків і прибудинкових територій', 'pravyla-utrymannia-budynkiv', 'citywide', NULL, NULL, 'public-spaces', NULL),
	('housing', NULL, 'Програми капітального ремонту ліфтів', 'remont-liftiv', 'citywide', NULL, NULL, NULL, NULL),
	('housing', NULL, 'Порядку підготовки до опалювального сезону', 'opaliuvalnyi-sezon', 'citywide', NULL, NULL, NULL, 'residents'),
	('housing', NULL, 'Програми модернізації систем теплопостачання', 'modernizatsiia-teplopostachannia', 'citywide', NULL, NULL, NULL, 'experts'),
	('housing', NULL, 'Програми «Енергонезалежний Київ»', 'enerhonezalezhnyi-kyiv', 'citywide', NULL, NULL, 'safety', 'residents'),
	('housing', 'Встановлення', 'тарифів на вивезення побутових відходів', 'taryfy-vidkhody', 'citywide', NULL, NULL, 'ecology', 'residents'),
	('housing', 'Запровадження', 'роздільного збору відходів', 'rozdilnyi-zbir', 'citywide', 'ecodep', 'ecology', 'housing-utilities', 'residents'),
	('housing', 'Модернізація', 'зовнішнього освітлення Лівого берега', 'osvitlennia-livyi-bereh', 'dniprovskyi', NULL, NULL, 'safety', 'residents'),
	('housing', 'Модернізація', 'котелень на Троєщині', 'kotelni-troieshchyna', 'desnianskyi', NULL, NULL, NULL, NULL),
	('housing', 'Реконструкція', 'мереж водопостачання на Позняках', 'vodopostachannia-pozniaky', 'darnytskyi', NULL, NULL, NULL, NULL),
	('housing', 'Встановлення', 'когенераційних установок у лікарнях', 'kohenaratsiia-likarni', 'citywide', NULL, NULL, 'health', 'experts'),
	('housing', 'Встановлення', 'сонячних електростанцій на дахах шкіл', 'soniachni-stantsii-shkoly', 'citywide', NULL, NULL, 'education', 'experts'),
	('safety', 'Розміщення', 'пунктів незламності', 'punkty-nezlamnosti', 'citywide', NULL, NULL, 'housing-utilities', NULL),
	('safety', 'Облаштування', 'інклюзивних укриттів у закладах освіти', 'inkliuzyvni-ukryttia', 'citywide', 'education', NULL, 'education', 'disability'),
	('safety', 'Облаштування', 'укриттів у підземних паркінгах', 'ukryttia-parkinhy', 'citywide', NULL, NULL, NULL, 'hoa');

-- Health and social protection.
INSERT INTO demo_topic (fam, act, obj, stem, dslug, unit1, th2, grp) VALUES
	('health', NULL, 'Міської цільової програми «Здоров’я киян»', 'zdorovia-kyian', 'citywide', NULL, NULL, NULL),
	('health', NULL, 'Програми психологічної підтримки ветеранів та їхніх родин', 'psykholohichna-pidtrymka', 'citywide', NULL, 'social', 'veterans'),
	('health', NULL, 'плану розвитку госпітального округу Києва', 'hospitalnyi-okruh', 'citywide', NULL, NULL, 'experts'),
	('health', NULL, 'Програми розвитку первинної медичної допомоги', 'pervynna-dopomoha', 'citywide', NULL, NULL, NULL),
	('health', 'Відкриття', 'амбулаторії на Осокорках', 'ambulatoriia-osokorky', 'darnytskyi', NULL, NULL, NULL),
	('health', 'Реконструкція', 'Київської міської дитячої клінічної лікарні № 1', 'dytiacha-likarnia-1', 'obolonskyi', NULL, 'urban-planning', NULL),
	('health', 'Відкриття', 'центру ментального здоров’я на Лівому березі', 'tsentr-mentalnoho-zdorovia', 'dniprovskyi', NULL, 'social', 'veterans'),
	('health', 'Реорганізація', 'мережі травмпунктів', 'merezha-travmpunktiv', 'citywide', NULL, NULL, NULL),
	('social', NULL, 'Програми «Турбота. Назустріч киянам»', 'turbota', 'citywide', NULL, NULL, NULL),
	('social', NULL, 'Порядку надання послуг соціального таксі', 'sotsialne-taksi', 'citywide', NULL, 'transport', 'disability'),
	('social', NULL, 'Порядку надання житла внутрішньо переміщеним особам', 'zhytlo-vpo', 'citywide', 'construction', 'housing-utilities', 'idp'),
	('social', NULL, 'Плану заходів з безбар’єрності', 'plan-bezbariernosti', 'citywide', NULL, 'public-spaces', 'disability'),
	('social', NULL, 'Програми підтримки ветеранів та членів їхніх сімей', 'pidtrymka-veteraniv', 'citywide', NULL, NULL, 'veterans'),
	('social', NULL, 'Програми оздоровлення та відпочинку дітей', 'ozdorovlennia-ditei', 'citywide', 'children', 'health', NULL),
	('social', NULL, 'Програми підтримки сімей з дітьми', 'pidtrymka-simei', 'citywide', 'children', NULL, NULL),
	('social', NULL, 'Порядку влаштування дітей до дитячих будинків сімейного типу', 'dytiachi-budynky-simeinoho-typu', 'citywide', 'children', NULL, 'cso'),
	('social', NULL, 'Програми підтримки людей похилого віку', 'liudy-pokhyloho-viku', 'citywide', NULL, 'health', NULL),
	('social', 'Аудит безбар’єрності', 'підземних переходів Печерського району', 'audyt-perekhodiv-pechersk', 'pecherskyi', 'rda', 'transport', 'disability'),
	('social', 'Відкриття', 'ветеранського простору на Оболоні', 'veteranskyi-prostir-obolon', 'obolonskyi', 'rda', NULL, 'veterans'),
	('social', 'Створення', 'центру підтримки ВПО на Лівому березі', 'tsentr-vpo', 'dniprovskyi', NULL, NULL, 'idp'),
	('social', 'Створення', 'безпечного простору для дітей на Троєщині', 'bezpechnyi-prostir-dity', 'desnianskyi', 'children', 'sport-youth', NULL);

-- Culture, heritage, memory; city rules; governance; environment; building.
INSERT INTO demo_topic (fam, act, obj, stem, dslug, unit1, th1, th2, grp) VALUES
	('culture', NULL, 'Стратегії розвитку культури Києва до 2030 року', 'stratehiia-kultury', 'citywide', NULL, NULL, NULL, 'experts'),
	('culture', NULL, 'Програми збереження культурної спадщини', 'kulturna-spadshchyna', 'citywide', NULL, NULL, 'urban-planning', 'experts'),
	('culture', 'Демонтаж', 'радянських пам’ятників і символіки', 'demontazh-pamiatnykiv', 'citywide', NULL, NULL, 'naming', NULL),
	('culture', 'Реставрація', 'Гостинного двору на Контрактовій площі', 'hostynnyi-dvir', 'podilskyi', NULL, NULL, 'urban-planning', NULL),
	('culture', 'Концепція', 'музею історії Подолу', 'muzei-podil', 'podilskyi', NULL, NULL, NULL, NULL),
	('culture', 'Модернізація', 'публічних бібліотек', 'biblioteky', 'citywide', NULL, NULL, 'education', NULL),
	('culture', 'Формування', 'програми міських фестивалів', 'festyvali', 'citywide', NULL, NULL, 'economy', 'business'),
	('culture', 'Встановлення', 'пам’ятного знака захисникам Києва на Галицькій площі', 'pamiatnyi-znak', 'shevchenkivskyi', NULL, NULL, 'naming', 'veterans'),
	('culture', 'Визначення меж', 'історичного ареалу Старого Києва', 'istorychnyi-areal', 'shevchenkivskyi', NULL, NULL, 'urban-planning', 'experts'),
	('culture', 'Увічнення пам’яті', 'загиблих захисників у назвах вулиць', 'uvichnennia-pamiati', 'citywide', 'kmr-secretariat', NULL, 'naming', 'veterans'),
	('improve', NULL, 'Правил благоустрою міста Києва', 'pravyla-blahoustroiu', 'citywide', NULL, NULL, NULL, NULL),
	('improve', NULL, 'Порядку демонтажу незаконних тимчасових споруд', 'demontazh-tymchasovykh-sporud', 'citywide', NULL, NULL, 'economy', 'business'),
	('improve', NULL, 'Правил розміщення зовнішньої реклами', 'zovnishnia-reklama', 'citywide', NULL, NULL, 'economy', 'business'),
	('improve', NULL, 'Порядку зимового прибирання вулиць', 'zymove-prybyrannia', 'citywide', NULL, NULL, 'housing-utilities', NULL),
	('improve', NULL, 'Правил утримання домашніх тварин', 'domashni-tvaryny', 'citywide', NULL, NULL, 'ecology', NULL),
	('improve', NULL, 'Порядку видалення зелених насаджень', 'vydalennia-nasadzhen', 'citywide', 'ecodep', 'ecology', 'public-spaces', 'cso'),
	('civic', NULL, 'Статуту територіальної громади міста Києва', 'statut-hromady', 'citywide', 'kmr-secretariat', NULL, NULL, 'residents'),
	('civic', NULL, 'Положення про громадські консультації у місті Києві', 'polozhennia-konsultatsii', 'citywide', NULL, NULL, NULL, NULL),
	('civic', NULL, 'Положення про місцеві ініціативи', 'mistsevi-initsiatyvy', 'citywide', 'kmr-secretariat', NULL, NULL, 'osn'),
	('civic', NULL, 'Положення про електронні петиції', 'elektronni-petytsii', 'citywide', 'kmr-secretariat', 'digital', NULL, 'residents'),
	('civic', NULL, 'Програми сприяння розвитку громадянського суспільства', 'hromadianske-suspilstvo', 'citywide', NULL, 'social', NULL, NULL),
	('civic', NULL, 'Регламенту Київської міської ради', 'rehlament-kyivrady', 'citywide', 'kmr-secretariat', NULL, NULL, NULL),
	('civic', NULL, 'Положення про органи самоорганізації населення', 'polozhennia-osn', 'citywide', 'kmr-secretariat', NULL, NULL, 'osn'),
	('civic', NULL, 'Положення про громадську раду при КМДА', 'hromadska-rada', 'citywide', NULL, NULL, NULL, NULL),
	('civic', NULL, 'Комунікаційної стратегії міста Києва', 'komunikatsiina-stratehiia', 'citywide', NULL, 'digital', NULL, NULL),
	('civic', NULL, 'Плану консультацій з громадськістю на {Y} рік', 'plan-konsultatsii', 'citywide', NULL, NULL, NULL, NULL),
	('env', NULL, 'Програми охорони навколишнього природного середовища', 'okhorona-dovkillia', 'citywide', NULL, NULL, NULL, NULL),
	('env', NULL, 'Плану адаптації Києва до зміни клімату', 'adaptatsiia-klimat', 'citywide', NULL, NULL, NULL, 'experts'),
	('env', NULL, 'Програми збереження зелених зон', 'zeleni-zony', 'citywide', NULL, NULL, 'public-spaces', NULL),
	('env', NULL, 'Плану дій сталого енергетичного розвитку та клімату', 'plan-staloho-rozvytku', 'citywide', NULL, NULL, 'housing-utilities', 'experts'),
	('env', NULL, 'Програми моніторингу якості повітря', 'yakist-povitria', 'citywide', NULL, NULL, 'health', NULL),
	('env', 'Створення', 'регіонального ландшафтного парку «Дніпровські острови»', 'dniprovski-ostrovy', 'dniprovskyi', NULL, NULL, 'public-spaces', NULL),
	('env', 'Створення', 'заказника «Осокорківські луки»', 'osokorkivski-luky', 'darnytskyi', NULL, NULL, NULL, NULL),
	('env', 'Очищення', 'озера Тельбин', 'ozero-telbyn', 'dniprovskyi', NULL, NULL, 'public-spaces', 'residents'),
	('env', 'Розчищення', 'русла річки Либідь', 'richka-lybid', 'solomianskyi', NULL, NULL, NULL, NULL),
	('env', 'Висадка', 'дерев уздовж Берестейського проспекту', 'vysadka-derev-berestejskyi', 'sviatoshynskyi', NULL, NULL, 'public-spaces', 'residents'),
	('env', 'Облаштування', 'зони відпочинку біля озера Радунка', 'ozero-radunka', 'desnianskyi', NULL, NULL, 'public-spaces', 'residents'),
	('env', 'Благоустрій', 'території біля озера Тягле', 'ozero-tiahle', 'darnytskyi', NULL, 'public-spaces', 'ecology', 'residents'),
	('constr', 'Будівництво', 'житла для внутрішньо переміщених осіб на Троєщині', 'zhytlo-vpo-troieshchyna', 'desnianskyi', NULL, NULL, 'social', 'idp'),
	('constr', 'Добудова', 'проблемних житлових комплексів', 'problemni-zhk', 'citywide', NULL, NULL, NULL, 'hoa'),
	('constr', 'Будівництво', 'школи на Осокорках', 'shkola-osokorky', 'darnytskyi', NULL, NULL, 'education', NULL),
	('constr', 'Будівництво', 'дитячого садка на Позняках', 'dytsadok-pozniaky', 'darnytskyi', NULL, NULL, 'education', NULL),
	('constr', 'Капітальний ремонт', 'гуртожитків комунальної власності', 'hurtozhytky', 'citywide', 'property', 'housing-utilities', '-', NULL),
	('constr', 'Будівництво', 'доступного житла за програмою «Київ. Доступне житло»', 'dostupne-zhytlo', 'citywide', NULL, NULL, 'social', NULL),
	('constr', 'Будівництво', 'пішохідного мосту через Русанівську протоку', 'mist-rusanivska-protoka', 'dniprovskyi', NULL, 'transport', 'public-spaces', NULL);

-- One of each for every district, organised by its state administration.
INSERT INTO demo_topic (fam, act, obj, stem, dslug, unit1, unit2, th1, th2, grp, flv)
SELECT 'district', t.act, REPLACE(t.obj, '{R}', d.gen),
	CONCAT(t.stem, '-', d.slug), d.slug, 'rda', t.unit2, t.th1, t.th2,
	t.grp, t.flv
FROM demo_district d
JOIN (
	SELECT 'Оптимізація мережі' AS act, 'закладів освіти {R}' AS obj,
	    'merezha-shkil' AS stem, 'education' AS unit2,
	    'education' AS th1, 'safety' AS th2, 'residents' AS grp, 4 AS flv
	UNION ALL SELECT 'Розвиток мережі', 'укриттів {R}', 'ukryttia',
	    'dzhki', 'safety', 'housing-utilities', 'osn', 6
	UNION ALL SELECT 'Програма соціально-економічного розвитку',
	    '{R} на {Y}–{Z} роки', 'prohrama-rozvytku', '-', 'economy',
	    'social', 'business', 7
	UNION ALL SELECT 'Облаштування', 'безбар’єрних маршрутів {R}',
	    'bezbariernist', 'social', 'social', 'transport', 'disability', 5
	UNION ALL SELECT 'Графік капітального ремонту', 'житлового фонду {R}',
	    'kapremont', 'dzhki', 'housing-utilities', '-', 'hoa', 6
	UNION ALL SELECT 'Оновлення', 'спортивних майданчиків {R}',
	    'sportmaidanchyky', 'youth-sport', 'sport-youth', 'public-spaces',
	    'youth', 4
) t;

UPDATE demo_topic t JOIN demo_fam f ON f.fam = t.fam SET
	t.aset = IF(t.act IS NULL, f.aset, 0),
	t.unit1 = COALESCE(t.unit1, f.unit1),
	t.unit2 = NULLIF(COALESCE(t.unit2, f.unit2), '-'),
	t.th1 = COALESCE(t.th1, f.th1),
	t.th2 = NULLIF(COALESCE(t.th2, f.th2), '-'),
	t.grp = COALESCE(t.grp, f.grp),
	t.fmt = NULLIF(COALESCE(t.fmt, f.fmt), '-'),
	t.flv = COALESCE(t.flv, f.flv);
-- A citywide topic is never organised by a district administration.
UPDATE demo_topic SET unit2 = NULL WHERE dslug = 'citywide' AND unit2 = 'rda';
UPDATE demo_topic t
LEFT JOIN districts d ON d.slug = t.dslug
LEFT JOIN units u1 ON u1.slug = t.unit1
LEFT JOIN units u2 ON u2.slug = t.unit2
LEFT JOIN themes t1 ON t1.slug = t.th1
LEFT JOIN themes t2 ON t2.slug = t.th2
LEFT JOIN participant_groups g ON g.slug = t.grp
LEFT JOIN formats f ON f.slug = t.fmt
SET t.district_id = d.id, t.unit1_id = u1.id, t.unit2_id = u2.id,
	t.th1_id = t1.id, t.th2_id = t2.id, t.grp_id = g.id, t.fmt_id = f.id;

SET @ntopics = (SELECT COUNT(*) FROM demo_topic);

-- ---------------------------------------------------------------------------
-- People: first names (even n male, odd n female) and surnames that fit both,
-- with their Latin transliteration for e-mail addresses.  Person number a
-- maps to first name a % 40 and surname (a DIV 40) % 30, so a decides the
-- name and, with a DIV 1200, a unique address.

CREATE TEMPORARY TABLE demo_first (
	n		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	uk		VARCHAR(40) NOT NULL,
	tr		VARCHAR(40) NOT NULL
) ENGINE=MEMORY;
INSERT INTO demo_first VALUES
	(0, 'Олександр', 'oleksandr'), (1, 'Олена', 'olena'),
	(2, 'Андрій', 'andrii'), (3, 'Наталія', 'nataliia'),
	(4, 'Дмитро', 'dmytro'), (5, 'Ірина', 'iryna'),
	(6, 'Сергій', 'serhii'), (7, 'Оксана', 'oksana'),
	(8, 'Іван', 'ivan'), (9, 'Тетяна', 'tetiana'),
	(10, 'Микола', 'mykola'), (11, 'Марія', 'mariia'),
	(12, 'Володимир', 'volodymyr'), (13, 'Юлія', 'yuliia'),
	(14, 'Юрій', 'yurii'), (15, 'Світлана', 'svitlana'),
	(16, 'Тарас', 'taras'), (17, 'Анна', 'anna'),
	(18, 'Богдан', 'bohdan'), (19, 'Катерина', 'kateryna'),
	(20, 'Максим', 'maksym'), (21, 'Людмила', 'liudmyla'),
	(22, 'Олег', 'oleh'), (23, 'Галина', 'halyna'),
	(24, 'Віктор', 'viktor'), (25, 'Вікторія', 'viktoriia'),
	(26, 'Роман', 'roman'), (27, 'Ольга', 'olha'),
	(28, 'Василь', 'vasyl'), (29, 'Софія', 'sofiia'),
	(30, 'Петро', 'petro'), (31, 'Христина', 'khrystyna'),
	(32, 'Артем', 'artem'), (33, 'Дарина', 'daryna'),
	(34, 'Євген', 'yevhen'), (35, 'Леся', 'lesia'),
	(36, 'Ярослав', 'yaroslav'), (37, 'Ярина', 'yaryna'),
	(38, 'Остап', 'ostap'), (39, 'Зоряна', 'zoriana');

CREATE TEMPORARY TABLE demo_last (
	n		TINYINT UNSIGNED NOT NULL PRIMARY KEY,
	uk		VARCHAR(40) NOT NULL,
	tr		VARCHAR(40) NOT NULL
) ENGINE=MEMORY;
INSERT INTO demo_last VALUES
	(0, 'Коваленко', 'kovalenko'), (1, 'Шевченко', 'shevchenko'),
	(2, 'Бондаренко', 'bondarenko'), (3, 'Ткаченко', 'tkachenko'),
	(4, 'Кравченко', 'kravchenko'), (5, 'Олійник', 'oliinyk'),
	(6, 'Шевчук', 'shevchuk'), (7, 'Поліщук', 'polishchuk'),
	(8, 'Бондар', 'bondar'), (9, 'Мельник', 'melnyk'),
	(10, 'Коваль', 'koval'), (11, 'Мороз', 'moroz'),
	(12, 'Лисенко', 'lysenko'), (13, 'Марченко', 'marchenko'),
	(14, 'Руденко', 'rudenko'), (15, 'Савченко', 'savchenko'),
	(16, 'Павленко', 'pavlenko'), (17, 'Левченко', 'levchenko'),
	(18, 'Гончаренко', 'honcharenko'), (19, 'Кушнір', 'kushnir'),
	(20, 'Литвиненко', 'lytvynenko'), (21, 'Романюк', 'romaniuk'),
	(22, 'Гнатюк', 'hnatiuk'), (23, 'Семенюк', 'semeniuk'),
	(24, 'Кравчук', 'kravchuk'), (25, 'Данилюк', 'danyliuk'),
	(26, 'Остапчук', 'ostapchuk'), (27, 'Білик', 'bilyk'),
	(28, 'Захарченко', 'zakharchenko'), (29, 'Тимошенко', 'tymoshenko');

-- Start and end of summer time in Kyiv (last Sundays of March and October),
-- for the years the data spans: events at 18:00 and deadlines at 23:59 city
-- time are stored in UTC.
CREATE TEMPORARY TABLE demo_dst (
	y		SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
	dst_from	DATETIME NOT NULL,
	dst_to		DATETIME NOT NULL
);
INSERT INTO demo_dst
SELECT y, m - INTERVAL (DAYOFWEEK(m) - 1) DAY,
	o - INTERVAL (DAYOFWEEK(o) - 1) DAY
FROM (SELECT y, LAST_DAY(MAKEDATE(y, 1) + INTERVAL 2 MONTH) AS m,
		LAST_DAY(MAKEDATE(y, 1) + INTERVAL 9 MONTH) AS o
	FROM (SELECT YEAR(@now) - 5 + seq AS y FROM seq_0_to_8) ys) yl;

-- ---------------------------------------------------------------------------
-- One row per consultation with every number its rows are made from.

CREATE TEMPORARY TABLE demo_c (
	id		INT UNSIGNED NOT NULL PRIMARY KEY,
	h1		BIGINT NOT NULL,	-- four independent hashes of id
	h2		BIGINT NOT NULL,
	h3		BIGINT NOT NULL,
	h4		BIGINT NOT NULL,
	state		TINYINT NOT NULL,	-- 1..7, see the top of the file
	bench		TINYINT NOT NULL DEFAULT 0,	-- 1: 200, 2: 5000 comments
	topic		SMALLINT UNSIGNED NULL,
	flv		TINYINT NULL,
	dpick		TINYINT NULL,		-- a district, when the topic has none
	pick2		TINYINT NULL,		-- organised by the topic's unit2
	is_rda		TINYINT NULL,
	unit_id		SMALLINT UNSIGNED NULL,
	format_id	SMALLINT UNSIGNED NULL,
	fmode		VARCHAR(8) NULL,
	moderation	VARCHAR(4) NULL,
	d1		SMALLINT UNSIGNED NULL,
	d2		SMALLINT UNSIGNED NULL,
	th1		SMALLINT UNSIGNED NULL,
	th2		SMALLINT UNSIGNED NULL,
	th3		SMALLINT UNSIGNED NULL,
	g1		SMALLINT UNSIGNED NULL,
	g2		SMALLINT UNSIGNED NULL,
	g3		SMALLINT UNSIGNED NULL,
	dur		INT NULL,		-- planned duration, days
	early		TINYINT NULL,		-- closed early
	cut		INT NULL,		-- days cut by closing early
	rd		INT NULL,		-- report delay after closing, days
	opens_day	INT NULL,		-- days from today
	closes_day	INT NULL,
	e_day		INT NULL,		-- day it actually closed
	ev_day		INT NULL,
	opens_at	DATETIME NULL,
	closes_at	DATETIME NULL,
	closed_at	DATETIME NULL,
	e_end		DATETIME NULL,		-- closed_at or closes_at
	w_end		DATETIME NULL,		-- end of the comment window
	span		INT NULL,		-- seconds from opens_at to w_end
	published_at	DATETIME NULL,
	created_at	DATETIME NULL,
	event_at	DATETIME NULL,
	report_at	DATETIME NULL,
	cancelled_at	DATETIME NULL,
	w		INT NOT NULL DEFAULT 0,	-- comment weight
	cnt		INT NOT NULL DEFAULT 0,	-- comments
	base		INT NOT NULL DEFAULT 0,	-- first comment id - 1
	pend_mod	INT NOT NULL DEFAULT 0,
	slug		VARCHAR(120) NULL,
	title		VARCHAR(300) NULL,
	place		VARCHAR(300) NULL
);

INSERT INTO demo_c (id, h1, h2, h3, h4, state)
SELECT seq, CRC32(CONCAT('c1-', seq)), CRC32(CONCAT('c2-', seq)),
	CRC32(CONCAT('c3-', seq)), CRC32(CONCAT('c4-', seq)),
	CASE
	WHEN p < 3 THEN 1
	WHEN p < 10 THEN 2
	WHEN p < 25 THEN 3
	WHEN p < 30 THEN 4
	WHEN p < 34 THEN 5
	WHEN p < 94 THEN 6
	ELSE 7
	END
FROM (SELECT seq, (seq * 37 + 11) % 100 AS p
	FROM seq_1_to_1000000 WHERE seq <= @n) s;

UPDATE demo_c SET topic = 1 + h1 % @ntopics, dpick = 1 + (h2 DIV 3) % 10;
UPDATE demo_c SET state = 3, bench = 1, pend_mod = 11,
	topic = (SELECT n FROM demo_topic WHERE stem = 'trukhaniv-ostriv')
WHERE @bench AND id = @n - 1;
UPDATE demo_c SET state = 3, bench = 2, pend_mod = 51,
	topic = (SELECT n FROM demo_topic WHERE stem = 'henplan-2040')
WHERE @bench AND id = @n;

-- Organiser, districts, themes, groups, format, moderation.
UPDATE demo_c c JOIN demo_topic t ON t.n = c.topic SET
	c.flv = t.flv,
	c.pick2 = (c.h2 % 3 = 0 AND t.unit2 IS NOT NULL AND c.bench = 0),
	c.is_rda = IF(c.h2 % 3 = 0 AND t.unit2 IS NOT NULL AND c.bench = 0,
	    t.unit2 = 'rda', t.unit1 = 'rda');
UPDATE demo_c c
JOIN demo_topic t ON t.n = c.topic
JOIN demo_district dp ON dp.n = c.dpick
JOIN demo_district dx ON dx.n = 1 + (c.dpick + (c.h3 DIV 5) % 9) % 10
LEFT JOIN demo_district td ON td.id = t.district_id
SET
	c.unit_id = CASE
	    WHEN c.is_rda THEN COALESCE(td.rda_id, dp.rda_id)
	    WHEN c.pick2 THEN t.unit2_id
	    ELSE t.unit1_id END,
	c.d1 = COALESCE(t.district_id,
	    IF(c.is_rda OR c.h3 % 2 = 0, dp.id, @citywide)),
	c.d2 = IF(c.h3 % 5 = 1 AND COALESCE(t.district_id, 0) <> @citywide
	    AND (t.district_id IS NOT NULL OR c.is_rda OR c.h3 % 2 = 0),
	    dx.id, NULL),
	c.th1 = t.th1_id,
	c.th2 = IF(c.h3 % 3 <> 0, t.th2_id, NULL),
	c.th3 = IF((c.h3 DIV 3) % 100 < 15, (SELECT id FROM themes WHERE slug =
	    ELT(t.flv, 'sport-youth', 'ecology', 'public-spaces', 'safety',
	    'social', 'safety', 'digital', 'public-spaces')), NULL),
	c.g1 = IF(c.h4 % 10 < 7,
	    (SELECT id FROM participant_groups WHERE slug = 'residents'),
	    t.grp_id),
	c.g2 = t.grp_id,
	c.g3 = IF((c.h4 DIV 10) % 100 < 35, (SELECT id FROM participant_groups
	    WHERE sort = 1 + (c.h4 DIV 1000) % 10), NULL),
	c.format_id = IF(c.bench > 0,
	    (SELECT id FROM formats WHERE slug = 'e-consultation'),
	    IF(t.fmt_id IS NOT NULL AND (c.h4 DIV 7) % 2 = 0, t.fmt_id,
	    (SELECT id FROM formats WHERE sort = CASE
		WHEN (c.h4 DIV 14) % 100 < 40 THEN 1	-- e-consultation
		WHEN (c.h4 DIV 14) % 100 < 50 THEN 2	-- public hearing
		WHEN (c.h4 DIV 14) % 100 < 58 THEN 3	-- round table
		WHEN (c.h4 DIV 14) % 100 < 62 THEN 4	-- conference
		WHEN (c.h4 DIV 14) % 100 < 70 THEN 5	-- public meeting
		WHEN (c.h4 DIV 14) % 100 < 78 THEN 6	-- online meeting
		WHEN (c.h4 DIV 14) % 100 < 90 THEN 7	-- survey
		WHEN (c.h4 DIV 14) % 100 < 95 THEN 8	-- targeted
		ELSE 9 END))),				-- working group
	c.moderation = IF(c.bench > 0 OR c.h4 % 10 < 6, 'pre', 'post');
UPDATE demo_c c JOIN formats f ON f.id = c.format_id SET c.fmode = f.mode;

-- Dates.  Single-table UPDATEs assign left to right, so later columns see
-- the earlier ones.
UPDATE demo_c SET
	dur = IF(bench > 0, 30, 15 + (h2 DIV 7) % 46),
	early = (state IN (4, 5, 6) AND
	    (h3 DIV 7) % 100 < IF(state = 6, 4, 12)),
	cut = IF(early, 1 + (h3 DIV 700) % (dur - 5), 0),
	rd = IF(state = 6, IF((h3 DIV 17) % 100 < 80,
	    1 + (h3 DIV 1700) % 13,		-- on time
	    15 + (h3 DIV 1700) % 31), NULL),	-- late
	e_day = CASE state
	    WHEN 4 THEN -(1 + (h3 DIV 13) % 13)
	    WHEN 5 THEN -(15 + (h3 DIV 13) % 400)
	    WHEN 6 THEN -(rd + 1 + (h3 DIV 29) % 1100)
	    END,
	opens_day = CASE state
	    WHEN 1 THEN 7 + (h3 DIV 13) % 60
	    WHEN 2 THEN 1 + (h3 DIV 13) % 40
	    WHEN 3 THEN IF(bench > 0, -20, -(1 + (h3 DIV 13) % (dur - 1)))
	    WHEN 7 THEN 20 - (h3 DIV 13) % 700
	    ELSE e_day + cut - dur
	    END,
	closes_day = opens_day + dur,
	ev_day = opens_day + (COALESCE(e_day, closes_day) - opens_day) *
	    (3 + (h2 DIV 11) % 5) DIV 10;

UPDATE demo_c c
JOIN demo_dst cz ON cz.y = YEAR(@today + INTERVAL c.closes_day DAY)
JOIN demo_dst ez ON ez.y = YEAR(@today + INTERVAL c.ev_day DAY)
SET
	c.opens_at = @today + INTERVAL c.opens_day DAY + INTERVAL 6 HOUR,
	-- 23:59 in Kyiv
	c.closes_at = @today + INTERVAL c.closes_day DAY + INTERVAL
	    (1439 - 60 * IF(@today + INTERVAL c.closes_day DAY
	    BETWEEN cz.dst_from AND cz.dst_to - INTERVAL 1 DAY, 3, 2)) MINUTE,
	-- 18:00 in Kyiv, for formats that meet in person
	c.event_at = IF(c.fmode = 'online', NULL,
	    @today + INTERVAL c.ev_day DAY + INTERVAL
	    (18 - IF(@today + INTERVAL c.ev_day DAY
	    BETWEEN ez.dst_from AND ez.dst_to - INTERVAL 1 DAY, 3, 2)) HOUR),
	c.closed_at = IF(c.early, @today + INTERVAL c.e_day DAY +
	    INTERVAL (420 + (c.h4 DIV 7) % 480) MINUTE, NULL);

UPDATE demo_c SET
	e_end = COALESCE(closed_at, closes_at),
	w_end = IF(state BETWEEN 3 AND 6, LEAST(e_end, @now), NULL),
	span = TIMESTAMPDIFF(SECOND, opens_at, w_end),
	published_at = CASE
	    WHEN state = 1 THEN NULL
	    WHEN state = 2 THEN @today - INTERVAL (1 + (h4 DIV 13) % 14) DAY
		+ INTERVAL (480 + (h4 DIV 3) % 300) MINUTE
	    ELSE LEAST(opens_at - INTERVAL (3 + (h4 DIV 13) % 18) DAY
		+ INTERVAL ((h4 DIV 3) % 300) MINUTE, @now - INTERVAL 2 DAY)
	    END,
	created_at = COALESCE(published_at, @now)
	    - INTERVAL (1 + (h2 DIV 13) % 20) DAY
	    - INTERVAL ((h2 DIV 3) % 600) MINUTE,
	report_at = IF(state = 6, CAST(DATE(e_end) AS DATETIME)
	    + INTERVAL rd DAY + INTERVAL (360 + (h4 DIV 11) % 600) MINUTE, NULL),
	cancelled_at = IF(state = 7, published_at + INTERVAL
	    FLOOR(TIMESTAMPDIFF(SECOND, published_at, LEAST(closes_at, @now))
	    * (100 + (h4 DIV 97) % 800) / 1000) SECOND, NULL);

-- Slug, title, event place.
UPDATE demo_c c
JOIN demo_topic t ON t.n = c.topic
LEFT JOIN demo_district dd ON dd.id = c.d1
SET
	c.slug = CASE c.bench
	    WHEN 1 THEN 'bench-200-comments'
	    WHEN 2 THEN 'bench-5000-comments'
	    ELSE CONCAT(t.stem, '-', c.id) END,
	c.title = CONCAT(
	    COALESCE(t.act, CASE t.aset
	    WHEN 1 THEN ELT(1 + (c.h1 DIV 7) % 6, 'Реконструкція',
		'Благоустрій', 'Концепція благоустрою',
		'Ескізний проєкт благоустрою', 'Комплексне оновлення',
		'Озеленення та освітлення')
	    WHEN 2 THEN ELT(1 + (c.h1 DIV 7) % 3, 'Зміна схеми руху',
		'Оптимізація', 'Оновлення розкладу руху')
	    WHEN 3 THEN ELT(1 + (c.h1 DIV 7) % 4, 'Реконструкція',
		'Модернізація', 'Техніко-економічне обґрунтування',
		'Проєктні рішення щодо')
	    WHEN 4 THEN ELT(1 + (c.h1 DIV 7) % 3, 'Облаштування',
		'Проєкт облаштування', 'Пілотний проєкт облаштування')
	    WHEN 5 THEN ELT(1 + (c.h1 DIV 7) % 4, 'Оптимізація', 'Розвиток',
		'Концепція розвитку', 'Програма розвитку')
	    WHEN 6 THEN ELT(1 + (c.h1 DIV 7) % 3, 'Проєкт',
		'Громадське обговорення проєкту', 'Внесення змін до')
	    ELSE ELT(1 + (c.h1 DIV 7) % 3, 'Проєкт', 'Обговорення проєкту',
		'Зміни до')
	    END),
	    ' ',
	    REPLACE(REPLACE(t.obj, '{Y}', YEAR(c.opens_at) + 1),
		'{Z}', YEAR(c.opens_at) + 3),
	    IF(c.bench > 0, '', ELT(1 + (c.h1 DIV 977) % 14, '', '', '', '',
		'', '', '', '', ': друга редакція', ': обговорення концепції',
		' — пропозиції мешканців', ': перший етап',
		' (повторне обговорення)', ': варіанти рішення'))),
	c.place = IF(c.fmode = 'online', NULL, CONCAT(
	    IF(dd.n IS NOT NULL AND (c.h2 DIV 41) % 3 <> 0,
		CONCAT('Актова зала ', dd.rda_gen, ', ', dd.address),
		ELT(1 + (c.h2 DIV 43) % 5,
		'Київська міська державна адміністрація, вул. Хрещатик, 36, Колонна зала',
		'Київська міська рада, вул. Хрещатик, 36, сесійна зала',
		'Київський міський будинок учителя, вул. Володимирська, 57',
		'Український дім, вул. Хрещатик, 2',
		'Інноваційний парк UNIT.City, вул. Дорогожицька, 3')),
	    IF(c.fmode = 'mixed', '; також онлайн-трансляція', '')));

-- How many comments each consultation gets: log-uniform weights on the
-- consultations open to comments, M split by cumulative weight so that the
-- counts add up to M exactly.
UPDATE demo_c SET w = 1 + FLOOR(EXP(8 * ((h4 DIV 3) % 10007) / 10007))
WHERE state BETWEEN 3 AND 6 AND bench = 0;
SET @w_total = (SELECT SUM(w) FROM demo_c);
CREATE TEMPORARY TABLE demo_cum AS
SELECT id, SUM(w) OVER (ORDER BY id) AS cum FROM demo_c;
UPDATE demo_c c JOIN demo_cum k ON k.id = c.id
SET c.cnt = IF(c.bench = 1, 220, IF(c.bench = 2, 5100,
	(@m_rest * k.cum) DIV @w_total - (@m_rest * (k.cum - c.w)) DIV @w_total));
CREATE TEMPORARY TABLE demo_base AS
SELECT id, SUM(cnt) OVER (ORDER BY id) - cnt AS base FROM demo_c;
UPDATE demo_c c JOIN demo_base b ON b.id = c.id SET c.base = b.base;

-- ---------------------------------------------------------------------------
-- Consultations.  Texts come from phrase pools chosen by the topic's flavour
-- (flv) and the hashes; the body is Markdown (headings, a list, a link).

-- What a consultation proposes: six list items per flavour, three shown.
CREATE TEMPORARY TABLE demo_item (
	flv		TINYINT NOT NULL,
	n		TINYINT NOT NULL,
	txt		VARCHAR(200) NOT NULL,
	PRIMARY KEY (flv, n)
) ENGINE=MEMORY;
INSERT INTO demo_item VALUES
	(1, 0, 'відновлення пішохідних доріжок з водопроникним покриттям'),
	(1, 1, 'енергоефективне освітлення з датчиками руху'),
	(1, 2, 'висадка понад 200 дерев і кущів місцевих видів'),
	(1, 3, 'дитячий і спортивний майданчики з безпечним покриттям'),
	(1, 4, 'пандуси та тактильна навігація для маломобільних відвідувачів'),
	(1, 5, 'громадська вбиральня, питні фонтанчики та велопарковки'),
	(2, 0, 'виділена смуга для громадського транспорту в години пік'),
	(2, 1, 'скорочення інтервалу руху до 6–8 хвилин'),
	(2, 2, 'нові зупинки з укриттями від негоди та табло прибуття'),
	(2, 3, 'безбар’єрні пішохідні переходи на рівні тротуару'),
	(2, 4, 'узгодження розкладу з рухом поїздів метро та міської електрички'),
	(2, 5, 'велосмуги та велопарковки біля пересадкових вузлів'),
	(3, 0, 'обмеження висотності нової забудови'),
	(3, 1, 'резерв ділянок під школу, дитячий садок і амбулаторію'),
	(3, 2, 'збереження та розширення зелених зон загального користування'),
	(3, 3, 'нова вулична мережа з тротуарами й велодоріжками'),
	(3, 4, 'захист пам’яток і цінної історичної забудови'),
	(3, 5, 'захисні споруди цивільного захисту для всіх мешканців'),
	(4, 0, 'укриття в кожному закладі, де відбувається очне навчання'),
	(4, 1, 'оновлення спортивних залів і шкільних стадіонів'),
	(4, 2, 'інклюзивні ресурсні кімнати'),
	(4, 3, 'безпечні маршрути до шкіл з освітленими переходами'),
	(4, 4, 'гуртки та секції у вечірній час і у вихідні'),
	(4, 5, 'підвезення учнів шкільними автобусами'),
	(5, 0, 'послуги за принципом «єдиного вікна» в центрах надання адміністративних послуг'),
	(5, 1, 'психологічна підтримка ветеранів та їхніх родин'),
	(5, 2, 'соціальне таксі для людей з інвалідністю'),
	(5, 3, 'доступні приміщення з пандусами та ліфтами'),
	(5, 4, 'онлайн-запис і нагадування в застосунку «Київ Цифровий»'),
	(5, 5, 'мобільні бригади для людей, які не можуть вийти з дому'),
	(6, 0, 'автономні джерела живлення для котелень і насосних станцій'),
	(6, 1, 'утеплення фасадів і заміна вікон у місцях загального користування'),
	(6, 2, 'індивідуальні теплові пункти з погодним регулюванням'),
	(6, 3, 'облаштування та перевірка укриттів у житлових будинках'),
	(6, 4, 'співфінансування заходів для ОСББ до 70 %'),
	(6, 5, 'прозорий графік робіт на вебпорталі міста'),
	(7, 0, 'чіткі критерії та строки розгляду звернень'),
	(7, 1, 'подання документів онлайн через «Київ Цифровий»'),
	(7, 2, 'відкриті дані про ухвалені рішення в машиночитному форматі'),
	(7, 3, 'спрощені процедури для малого бізнесу й ветеранів'),
	(7, 4, 'щорічний публічний звіт про виконання'),
	(7, 5, 'участь громадськості в комісіях і робочих групах'),
	(8, 0, 'варіанти нових назв з історичною довідкою'),
	(8, 1, 'збереження історичних назв місцевостей'),
	(8, 2, 'реставрація з використанням автентичних матеріалів'),
	(8, 3, 'інформаційні таблички та QR-коди з історією об’єкта'),
	(8, 4, 'культурні події та екскурсії для мешканців'),
	(8, 5, 'заміна адресних табличок коштом міста');

INSERT INTO consultations (id, slug, title, summary, body, unit_id, format_id,
	status, moderation, opens_at, closes_at, event_at, event_place,
	question, alternatives, stakeholders, consequences, how_to_participate,
	contact_name, contact_email, contact_phone, results_publication,
	published_at, closed_at, close_reason, completed_at, cancelled_at,
	cancel_reason, comment_count, created_at, updated_at)
SELECT c.id, c.slug, c.title,
	-- summary
	CONCAT(u.name_uk, ' ', ELT(1 + (c.h2 DIV 101) % 3,
	    'виносить на громадське обговорення питання',
	    'запрошує киян обговорити питання',
	    'пропонує обговорити питання'), ' «', c.title, '». ',
	ELT(c.flv,
	    ELT(1 + (c.h2 DIV 307) % 3,
		'Проєкт передбачає оновлення доріжок, освітлення, озеленення та безбар’єрний доступ для всіх відвідувачів.',
		'Мета — зберегти природну цінність території і зробити її зручною для відпочинку мешканців різного віку.',
		'Рішення розроблено разом з ландшафтними архітекторами з урахуванням попередніх опитувань мешканців.'),
	    ELT(1 + (c.h2 DIV 307) % 3,
		'Зміни мають скоротити час у дорозі та зробити пересадки зручнішими для пасажирів.',
		'Пропозиції підготовлено на основі даних про пасажиропотік з валідаторів і звернень мешканців.',
		'Проєкт враховує потреби пішоходів, велосипедистів і маломобільних пасажирів.'),
	    ELT(1 + (c.h2 DIV 307) % 3,
		'Документ визначає функціональне призначення території, поверховість забудови, мережу вулиць, зелені зони та об’єкти соціальної інфраструктури.',
		'Проєкт розроблено відповідно до Генерального плану та історико-архітектурного опорного плану міста.',
		'Громадське обговорення є обов’язковим етапом перед затвердженням містобудівної документації.'),
	    ELT(1 + (c.h2 DIV 307) % 3,
		'Пропозиції стосуються мережі закладів, умов навчання, безпеки та доступності для всіх дітей.',
		'Рішення ухвалюватимуть з урахуванням демографічного прогнозу та наявності укриттів у закладах.',
		'Мета — рівний доступ до якісної освіти, спорту й дозвілля для дітей і молоді в кожному районі.'),
	    ELT(1 + (c.h2 DIV 307) % 3,
		'Програма визначає, які послуги отримуватимуть кияни, хто має на них право та як їх отримати.',
		'Особливу увагу приділено ветеранам, внутрішньо переміщеним особам, людям з інвалідністю та людям похилого віку.',
		'Пропоновані зміни мають зробити послуги ближчими до людей і скоротити черги.'),
	    ELT(1 + (c.h2 DIV 307) % 3,
		'Пропоновані заходи мають підвищити надійність тепло-, водо- та електропостачання і скоротити витрати мешканців.',
		'Особливу увагу приділено автономному живленню, укриттям і готовності до відключень.',
		'Рішення стосуються багатоквартирних будинків, ОСББ та комунальних підприємств міста.'),
	    ELT(1 + (c.h2 DIV 307) % 3,
		'Документ визначає правила, які застосовуватимуться до всіх мешканців і підприємців міста.',
		'Проєкт підготовлено з урахуванням аналізу регуляторного впливу та досвіду інших міст.',
		'Мета — прозорість, передбачуваність рішень і менше паперової роботи для киян.'),
	    ELT(1 + (c.h2 DIV 307) % 3,
		'Рішення стосується історичної пам’яті та культурної спадщини міста, тому важлива думка кожного киянина.',
		'Пропозиції підготовлено з урахуванням висновків експертної групи з питань топоніміки та охорони культурної спадщини.',
		'Письмові пропозиції враховуватимуться під час підготовки рішення Київської міської ради.')),
	' Строк подання пропозицій: з ', DATE_FORMAT(c.opens_at, '%d.%m.%Y'),
	' до ', DATE_FORMAT(c.closes_at, '%d.%m.%Y'), '.'),
	-- body (Markdown)
	CONCAT('**Організатор:** ', u.name_uk, '. **Територія:** ',
	IF(c.d1 = @citywide, 'усе місто', CONCAT(d.name_uk, ' район')), '.',
	'\n\n## Про консультацію\n\n',
	ELT(c.flv,
	    ELT(1 + (c.h3 DIV 307) % 2,
		'Територія потребує комплексного оновлення: покриття доріжок зношене, освітлення недостатнє, частина дерев — аварійні. Проєктувальники пропонують зберегти наявні зелені насадження, відновити газони й облаштувати зони тихого відпочинку.',
		'Під час обстежень фахівці зафіксували ерозію схилів, відсутність зливової каналізації та нестачу лав і урн. Пропоновані рішення спрямовані на те, щоб простір став безпечним і доступним цілий рік.'),
	    ELT(1 + (c.h3 DIV 307) % 2,
		'Аналіз пасажиропотоку показав, що в години пік транспорт переповнений, а інтервали руху непередбачувані. Пропонуємо змінити схему руху та надати пріоритет громадському транспорту на найзавантаженіших ділянках.',
		'Після відкриття нових ділянок вулично-дорожньої мережі частина маршрутів дублює одна одну, а окремі квартали залишилися без прямого сполучення з метро. Проєкт пропонує збалансувати мережу.'),
	    ELT(1 + (c.h3 DIV 307) % 2,
		'Документ визначає, де і що можна будувати, скільки має бути шкіл, дитячих садків і зелених зон, як пролягатимуть вулиці та інженерні мережі. Після затвердження він стане обов’язковим для всіх забудовників.',
		'Територія має змішану забудову та значні резерви під реорганізацію промислових зон. Проєкт пропонує обмежити висотність, зберегти історичні будівлі та передбачити громадські простори.'),
	    ELT(1 + (c.h3 DIV 307) % 2,
		'Кількість дітей у районах міста змінюється нерівномірно: одні заклади переповнені, інші мають вільні місця. Пропонуємо оновити мережу так, щоб кожна дитина мала місце поблизу дому та безпечне укриття.',
		'Молодь і батьки неодноразово просили про нові спортивні й дозвіллєві простори. Проєкт пропонує конкретні рішення та черговість їх реалізації.'),
	    ELT(1 + (c.h3 DIV 307) % 2,
		'Потреба в соціальних і медичних послугах зросла: більше людей потребують реабілітації, психологічної підтримки та допомоги вдома. Програма пропонує розширити перелік послуг і спростити доступ до них.',
		'Аналіз звернень до контактного центру 1551 показав, що найбільше проблем виникає із записом, довідками та доступністю приміщень. Проєкт пропонує рішення для кожної з цих проблем.'),
	    ELT(1 + (c.h3 DIV 307) % 2,
		'Після атак на енергетичну інфраструктуру місто має підготуватися до опалювального сезону так, щоб тепло й вода були в домівках навіть під час відключень. Пропонуємо перелік заходів і порядок їх фінансування.',
		'Значна частина житлового фонду потребує капітального ремонту, а мережі — модернізації. Проєкт визначає черговість робіт і умови співфінансування для ОСББ.'),
	    ELT(1 + (c.h3 DIV 307) % 2,
		'Чинні правила ухвалено кілька років тому, і частина з них не відповідає ні законодавству, ні реальній практиці. Пропонуємо нову редакцію, яка спрощує процедури та робить їх прозорими.',
		'Місто отримало сотні звернень щодо цього питання через контактний центр 1551 та електронні петиції. Проєкт відповідає на основні з них і пропонує чіткі строки та критерії.'),
	    ELT(1 + (c.h3 DIV 307) % 2,
		'Назви вулиць, пам’ятники та культурні простори формують обличчя міста. Експертна група підготувала варіанти рішення, які враховують історію місцевості та вимоги закону про деколонізацію топонімії.',
		'Об’єкт має історичну та культурну цінність, але потребує збереження й нового змісту. Пропонуємо обговорити варіанти його використання та порядок робіт.')),
	'\n\n### Що пропонується\n\n',
	'- ', i1.txt, '\n- ', i2.txt, '\n- ', i3.txt, '\n',
	'\n### Чому це важливо\n\n',
	ELT(c.flv,
	    ELT(1 + (c.h3 DIV 503) % 3,
		'Парки та сквери — місця, де кияни відновлюються після важких ночей і тривог. Ваші пропозиції допоможуть визначити, які зони потрібні насамперед.',
		'Роботи плануються поетапно, щоб територія залишалася відкритою для відвідувачів. Черговість етапів визначимо з урахуванням результатів консультації.',
		'Проєкт не передбачає жодної капітальної забудови території: усі рішення стосуються благоустрою та озеленення.'),
	    ELT(1 + (c.h3 DIV 503) % 3,
		'Остаточну схему руху затвердимо лише після аналізу всіх пропозицій і тестового періоду.',
		'Зміни не передбачають підвищення вартості проїзду.',
		'Ми оприлюднимо дані про пасажиропотік до і після змін, щоб кожен міг оцінити результат.'),
	    ELT(1 + (c.h3 DIV 503) % 3,
		'Креслення, пояснювальну записку та звіт про стратегічну екологічну оцінку оприлюднено разом з оголошенням.',
		'Пропозиції, подані після завершення строку, відповідно до закону не розглядатимуться.',
		'Усі пропозиції буде розглянуто на засіданні погоджувальної комісії за участю їхніх авторів.'),
	    ELT(1 + (c.h3 DIV 503) % 3,
		'Жоден заклад не буде закрито без окремого обговорення з батьками та педагогами.',
		'Попередні результати опитування батьків наведено в додатках до оголошення.',
		'Пропозиції учнів і студентів розглядатимуться нарівні з пропозиціями дорослих.'),
	    ELT(1 + (c.h3 DIV 503) % 3,
		'Фінансування програми передбачено в бюджеті міста; обсяги уточнять за результатами консультації.',
		'Проєкт погоджено з громадськими організаціями, що представляють інтереси отримувачів послуг.',
		'Персональні дані учасників консультації обробляються лише для розгляду їхніх пропозицій.'),
	    ELT(1 + (c.h3 DIV 503) % 3,
		'Черговість робіт визначатиметься за технічним станом будинків і результатами енергоаудиту.',
		'Заходи фінансуватимуться з бюджету міста, донорських програм і коштів співвласників.',
		'Перелік будинків оприлюднено в додатку до оголошення.'),
	    ELT(1 + (c.h3 DIV 503) % 3,
		'Аналіз регуляторного впливу та порівняльну таблицю змін додано до оголошення.',
		'Після консультації доопрацьований проєкт буде внесено на розгляд Київської міської ради.',
		'Навіть ті пропозиції, що не ввійдуть до цієї редакції, буде враховано в подальшій роботі.'),
	    ELT(1 + (c.h3 DIV 503) % 3,
		'Мешканцям перейменованих вулиць не потрібно змінювати документи: нова назва застосовується автоматично.',
		'Історичну довідку та висновок експертної групи додано до оголошення.',
		'Результати консультації буде передано до профільної комісії Київської міської ради.')),
	'\n\n### Документи та контакти\n\n',
	'Матеріали оприлюднено на [офіційному вебпорталі Києва](https://kyivcity.gov.ua/consultations/',
	c.slug, '/) та в розділі «Документи» цієї сторінки. ',
	'Пропозиції, що надійдуть після ', DATE_FORMAT(c.closes_at, '%d.%m.%Y'),
	', не розглядатимуться.\n'),
	c.unit_id, c.format_id,
	ELT(c.state, 'draft', 'announced', 'announced', 'announced', 'announced',
	    'completed', 'cancelled'),
	c.moderation, c.opens_at, c.closes_at, c.event_at, c.place,
	-- question
	CONCAT('Чи підтримуєте ви запропоноване рішення щодо питання «', c.title,
	'»? ', ELT(1 + (c.h3 DIV 101) % 4,
	    'Які зміни ви пропонуєте внести до проєкту?',
	    'Що, на вашу думку, слід урахувати насамперед?',
	    'Які ризики ви бачите для себе та своїх сусідів?',
	    'Яке з альтернативних рішень ви вважаєте найкращим і чому?')),
	-- alternatives
	CONCAT('1) ', ELT(1 + (c.h3 DIV 211) % 3,
	    'Залишити все без змін (нульовий варіант).',
	    'Відкласти рішення до завершення додаткових досліджень.',
	    'Зберегти чинний стан і обмежитися поточним утриманням.'),
	' 2) Ухвалити рішення в запропонованій редакції. 3) ',
	ELT(c.flv * 2 - 1 + (c.h3 DIV 401) % 2,
	    'Обмежитися поточним ремонтом доріжок і освітлення.',
	    'Реалізувати проєкт поетапно, почавши з найбільш зношених ділянок.',
	    'Збільшити кількість рейсів без зміни трасування.',
	    'Запровадити зміни лише на тестовий період.',
	    'Зменшити щільність забудови на користь зелених зон.',
	    'Зберегти чинне функціональне призначення території.',
	    'Об’єднати заклади з поступовим переведенням учнів.',
	    'Запровадити зміни пілотно в одному районі.',
	    'Запровадити нові послуги спершу для окремих категорій отримувачів.',
	    'Залучити недержавних надавачів послуг за соціальним замовленням.',
	    'Проводити лише аварійні ремонти.',
	    'Перейти на повне співфінансування з коштів співвласників.',
	    'Ухвалити лише найнеобхідніші зміни, а решту відкласти.',
	    'Доручити розроблення нової редакції робочій групі з представників громадськості.',
	    'Обрати інший варіант, запропонований мешканцями.',
	    'Провести додаткове опитування мешканців у застосунку «Київ Цифровий».')),
	-- stakeholders
	CONCAT(ELT(c.flv,
	    'Мешканці прилеглих будинків, відвідувачі, батьки з дітьми, люди з інвалідністю, екологічні громадські організації',
	    'Пасажири громадського транспорту, водії, велосипедисти, перевізники, мешканці та підприємці прилеглих вулиць',
	    'Мешканці території та суміжних кварталів, власники й користувачі земельних ділянок, забудовники, архітектори та урбаністи, ОСББ',
	    'Учні та їхні батьки, педагоги, студенти, молодіжні організації, спортивні клуби',
	    'Ветерани та їхні родини, люди з інвалідністю, внутрішньо переміщені особи, люди похилого віку, сім’ї з дітьми, медичні та соціальні працівники',
	    'Співвласники багатоквартирних будинків, ОСББ і ЖБК, управителі будинків, комунальні підприємства, мешканці приватного сектору',
	    'Підприємці та бізнес-асоціації, громадські організації, депутати Київської міської ради, експерти',
	    'Історики й краєзнавці, громадські організації, заклади культури, підприємці'),
	IF(c.d1 = @citywide, '; мешканці всього міста.',
	    CONCAT('; мешканці ', dd.gen, '.'))),
	-- consequences
	CONCAT(ELT(c.flv * 2 - 1 + (c.h3 DIV 601) % 2,
	    'Під час робіт окремі ділянки буде тимчасово закрито; після завершення — зручніший і безпечніший простір для відпочинку, більше тіні та зелені.',
	    'Збережуться наявні дерева, зменшиться ризик підтоплення, з’являться нові місця для відпочинку.',
	    'Для частини пасажирів зміниться маршрут і місця пересадок; очікується скорочення часу в дорозі в години пік на 10–15 хвилин.',
	    'Можливе тимчасове обмеження руху автомобілів на окремих ділянках під час робіт.',
	    'Затвердження документа визначить умови забудови на багато років: висотність, щільність, обсяг соціальної інфраструктури та зелених зон.',
	    'Для власників ділянок зміняться містобудівні умови та обмеження.',
	    'Для частини учнів може змінитися заклад або маршрут до нього; очікуються кращі умови навчання та безпечніші укриття.',
	    'Зміни вплинуть на розподіл коштів на освіту та спорт у районі.',
	    'Розширюється коло отримувачів послуг; для частини з них зміниться порядок звернення.',
	    'Потрібне додаткове фінансування з бюджету міста та навчання персоналу.',
	    'Під час робіт можливі тимчасові відключення послуг; після — нижчі рахунки та надійніше постачання.',
	    'Для ОСББ з’являється можливість отримати співфінансування, але й обов’язок звітувати про використання коштів.',
	    'Зміняться процедури для мешканців і підприємців; частину послуг можна буде отримати онлайн.',
	    'Нові правила вплинуть на надходження до бюджету міста та витрати на адміністрування.',
	    'Зміняться адресні таблички та довідкові дані; документи мешканців залишаються чинними.',
	    'Рішення вплине на туристичну привабливість і збереження історичного середовища.'),
	' ', ELT(1 + (c.h3 DIV 701) % 3,
	    'Фінансування передбачено в межах затверджених видатків бюджету міста.',
	    'Рішення не потребує додаткових видатків бюджету міста.',
	    'Оцінку витрат наведено в пояснювальній записці.')),
	-- how to participate
	IF(c.fmode = 'online',
	    CONCAT('Надішліть коментар або пропозицію через форму на цій сторінці з ',
	    DATE_FORMAT(c.opens_at, '%d.%m.%Y'), ' до ',
	    DATE_FORMAT(c.closes_at, '%d.%m.%Y'), ' включно. ',
	    'Потрібно вказати ім’я та адресу електронної пошти (її не буде оприлюднено) і дати згоду на обробку персональних даних; анонімні пропозиції не розглядаються.'),
	    CONCAT('Візьміть участь у зустрічі ',
	    DATE_FORMAT(c.event_at, '%d.%m.%Y'), ' о 18:00 за адресою: ',
	    c.place, '. Письмові пропозиції також приймаються через форму на цій сторінці до ',
	    DATE_FORMAT(c.closes_at, '%d.%m.%Y'),
	    ' включно; потрібні ім’я та адреса електронної пошти (її не буде оприлюднено).')),
	-- contact: an officer of the unit
	CONCAT(ol.uk, ' ', ofn.uk, ' ', IF(ofn.n % 2 = 0,
	    ELT(1 + (c.h1 DIV 4000) % 5, 'Олександрович', 'Петрович',
		'Іванович', 'Миколайович', 'Васильович'),
	    ELT(1 + (c.h1 DIV 4000) % 5, 'Олександрівна', 'Петрівна',
		'Іванівна', 'Миколаївна', 'Василівна')), ', ',
	    ELT(1 + (c.h1 DIV 20000) % 4, 'головний спеціаліст',
		'начальник відділу', 'заступник начальника управління',
		'провідний спеціаліст')),
	CONCAT(ol.tr, '.', LEFT(ofn.tr, 1), '@', u.slug, '.kyivcity.example.org'),
	CONCAT('+380 44 ', 200 + (c.h2 DIV 17) % 100, ' ',
	    LPAD((c.h2 DIV 1700) % 100, 2, '0'), ' ',
	    LPAD((c.h2 DIV 170000) % 100, 2, '0')),
	CONCAT('Звіт про результати консультації з переліком усіх пропозицій і рішенням щодо кожної буде оприлюднено на цій сторінці та на офіційному вебпорталі Києва протягом 14 днів після її завершення, не пізніше ',
	    DATE_FORMAT(c.closes_at + INTERVAL 14 DAY, '%d.%m.%Y'), '.'),
	c.published_at, c.closed_at,
	IF(c.closed_at IS NULL, NULL, ELT(1 + (c.h4 DIV 1001) % 3,
	    'Мету консультації досягнуто достроково: зібрано достатньо пропозицій для доопрацювання проєкту.',
	    'Консультацію завершено достроково у зв’язку зі зміною законодавчих вимог до документа.',
	    'Консультацію завершено достроково, оскільки проєкт рішення відкликано ініціатором для доопрацювання.')),
	c.report_at, c.cancelled_at,
	IF(c.state <> 7, NULL, ELT(1 + (c.h4 DIV 1001) % 5,
	    'Рішення втратило актуальність у зв’язку зі зміною законодавства.',
	    'Проєкт документа відкликано на доопрацювання.',
	    'Консультацію об’єднано з іншою консультацією з того самого питання.',
	    'Через умови воєнного стану захід неможливо провести в заявленому форматі.',
	    'Технічна помилка в оголошенні: буде оголошено нову консультацію.')),
	0, c.created_at,
	COALESCE(c.report_at, c.cancelled_at, c.closed_at, c.published_at,
	    c.created_at)
FROM demo_c c
JOIN units u ON u.id = c.unit_id
JOIN districts d ON d.id = c.d1
LEFT JOIN demo_district dd ON dd.id = c.d1
JOIN demo_first ofn ON ofn.n = (c.h1 DIV 1000) % 40
JOIN demo_last ol ON ol.n = (c.h1 DIV 40000) % 30
JOIN demo_item i1 ON i1.flv = c.flv AND i1.n = (c.h3 DIV 11) % 6
JOIN demo_item i2 ON i2.flv = c.flv AND i2.n = ((c.h3 DIV 11) + 2) % 6
JOIN demo_item i3 ON i3.flv = c.flv AND i3.n = ((c.h3 DIV 11) + 4) % 6
ORDER BY c.id;

INSERT IGNORE INTO consultation_themes (consultation_id, theme_id)
SELECT id, th1 FROM demo_c
UNION ALL SELECT id, th2 FROM demo_c WHERE th2 IS NOT NULL
UNION ALL SELECT id, th3 FROM demo_c WHERE th3 IS NOT NULL;
INSERT IGNORE INTO consultation_districts (consultation_id, district_id)
SELECT id, d1 FROM demo_c
UNION ALL SELECT id, d2 FROM demo_c WHERE d2 IS NOT NULL;
INSERT IGNORE INTO consultation_groups (consultation_id, group_id)
SELECT id, g1 FROM demo_c
UNION ALL SELECT id, g2 FROM demo_c
UNION ALL SELECT id, g3 FROM demo_c WHERE g3 IS NOT NULL;

-- Documents: 0 to 3 links per consultation, distinct titles.
INSERT INTO documents (consultation_id, title, url, mime_type, size_bytes,
	sort, created_at)
SELECT c.id, ELT(k.t, 'Проєкт рішення Київської міської ради',
	'Пояснювальна записка', 'Презентація проєкту',
	'Порівняльна таблиця змін', 'Звіт про стратегічну екологічну оцінку',
	'Аналіз регуляторного впливу', 'Схема розміщення об’єктів',
	'Історична довідка'),
	CONCAT('https://kyivcity.gov.ua/files/consultations/',
	    YEAR(c.created_at), '/', c.slug, '-', k.seq,
	    IF(k.t IN (2, 4), '.docx', '.pdf')),
	IF(k.t IN (2, 4),
	    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	    'application/pdf'),
	40000 + CRC32(CONCAT('doc-', c.id, '-', k.seq)) % 6000000,
	k.seq, c.created_at + INTERVAL k.seq HOUR
FROM demo_c c
JOIN (SELECT d.id, s.seq, 1 + ((d.h1 DIV 31) + 3 * s.seq) % 8 AS t
	FROM demo_c d JOIN seq_1_to_3 s ON s.seq <= (d.h1 DIV 13) % 4) k
    ON k.id = c.id
ORDER BY c.id, k.seq;

-- What people write: per flavour six proposals (p) and six opinions (c);
-- flavour 0: sixteen general sentences (g) that fit any topic.
CREATE TEMPORARY TABLE demo_phrase (
	flv		TINYINT NOT NULL,
	kind		CHAR(1) NOT NULL,
	n		TINYINT NOT NULL,
	txt		VARCHAR(300) NOT NULL,
	PRIMARY KEY (flv, kind, n)
) ENGINE=MEMORY;
INSERT INTO demo_phrase VALUES
	(1, 'p', 0, 'Пропоную зберегти всі старі дерева, навіть якщо це ускладнить прокладання нових доріжок.'),
	(1, 'p', 1, 'Прошу передбачити більше лав у тіні та питні фонтанчики біля дитячого майданчика.'),
	(1, 'p', 2, 'Пропоную облаштувати окремий майданчик для вигулу собак подалі від дитячої зони.'),
	(1, 'p', 3, 'Варто зробити освітлення вздовж усіх основних доріжок: увечері там зараз небезпечно.'),
	(1, 'p', 4, 'Прошу не використовувати гумову крихту, а зробити природне покриття доріжок.'),
	(1, 'p', 5, 'Пропоную встановити громадську вбиральню, доступну для людей на кріслах колісних.'),
	(1, 'c', 0, 'Гуляю тут щодня з дітьми, тож дуже чекаю на оновлення.'),
	(1, 'c', 1, 'Головне — не вирубати дерева під виглядом благоустрою.'),
	(1, 'c', 2, 'Минулого разу після ремонту плитка розкришилася за рік, прошу контролювати якість робіт.'),
	(1, 'c', 3, 'Добре, що проєкт показали заздалегідь, а не після початку робіт.'),
	(1, 'c', 4, 'Біля входу з боку зупинки постійно стоять калюжі, про це треба подумати.'),
	(1, 'c', 5, 'Підтримую, але важливо зберегти тишу й природний вигляд території.'),
	(2, 'p', 0, 'Пропоную зберегти зупинку біля поліклініки: нею користується багато людей похилого віку.'),
	(2, 'p', 1, 'Прошу збільшити частоту руху ввечері після 21:00, зараз доводиться чекати по пів години.'),
	(2, 'p', 2, 'Пропоную облаштувати виділену смугу на всій довжині вулиці, а не лише на окремих ділянках.'),
	(2, 'p', 3, 'Варто узгодити розклад з останніми поїздами метро.'),
	(2, 'p', 4, 'Прошу зробити всі зупинки з укриттями та лавами, особливо на кінцевих.'),
	(2, 'p', 5, 'Пропоную насамперед випустити на цей маршрут низькопідлогові вагони.'),
	(2, 'c', 0, 'Щодня їжджу цим маршрутом на роботу, зміни дуже потрібні.'),
	(2, 'c', 1, 'Без виділеної смуги жодна оптимізація не допоможе, все стоїть у заторах.'),
	(2, 'c', 2, 'Хвилююся, що після змін доведеться робити зайву пересадку.'),
	(2, 'c', 3, 'Добре, що враховано велосипедистів.'),
	(2, 'c', 4, 'Прошу оприлюднити дані пасажиропотоку, на основі яких ухвалено рішення.'),
	(2, 'c', 5, 'Підтримую, але роботи не варто починати посеред навчального року.'),
	(3, 'p', 0, 'Пропоную зменшити поверховість нової забудови вздовж вулиці до 9 поверхів.'),
	(3, 'p', 1, 'Прошу зарезервувати ділянку під нову школу: наявні заклади вже переповнені.'),
	(3, 'p', 2, 'Пропоную зберегти сквер у межах кварталу як зелену зону загального користування.'),
	(3, 'p', 3, 'Варто передбачити підземні паркінги, щоб двори не перетворювалися на стоянки.'),
	(3, 'p', 4, 'Прошу включити до проєкту укриття, розраховані на всіх мешканців нових будинків.'),
	(3, 'p', 5, 'Пропоную передбачити велодоріжку вздовж нової магістральної вулиці.'),
	(3, 'c', 0, 'Забудова вже зараз надто щільна, інфраструктура не витримує.'),
	(3, 'c', 1, 'Прошу оприлюднити креслення у зручному форматі, а не лише сканами.'),
	(3, 'c', 2, 'Де в проєкті зелені зони? У пояснювальній записці їхньої площі не вказано.'),
	(3, 'c', 3, 'Підтримую реорганізацію промзони, але без висоток на березі.'),
	(3, 'c', 4, 'Слухання треба проводити ввечері, щоб люди встигли прийти після роботи.'),
	(3, 'c', 5, 'Важливо зберегти історичні будівлі, а не лише фасади.'),
	(4, 'p', 0, 'Пропоную залишити початкову школу в нашому мікрорайоні, щоб малеча не переходила проспект.'),
	(4, 'p', 1, 'Прошу облаштувати укриття так, щоб у ньому можна було проводити уроки.'),
	(4, 'p', 2, 'Пропоную відкрити шкільні стадіони для мешканців у вихідні.'),
	(4, 'p', 3, 'Варто додати вечірні секції для підлітків, зараз їм нікуди піти.'),
	(4, 'p', 4, 'Прошу передбачити ресурсну кімнату для дітей з особливими освітніми потребами.'),
	(4, 'p', 5, 'Пропоную організувати підвезення учнів з віддалених вулиць.'),
	(4, 'c', 0, 'У класі моєї дитини вже 36 учнів, так далі не можна.'),
	(4, 'c', 1, 'Дякую, що запитали думку батьків до ухвалення рішення.'),
	(4, 'c', 2, 'Закриття школи для нашого району неприйнятне.'),
	(4, 'c', 3, 'Спортивний майданчик біля школи давно потребує ремонту.'),
	(4, 'c', 4, 'Підтримую, але треба чітко пояснити, куди переведуть дітей.'),
	(4, 'c', 5, 'Молоді потрібні простори, де можна просто зібратися без кафе.'),
	(5, 'p', 0, 'Пропоную залишити запис до лікаря й телефоном, бо не всі літні люди користуються застосунками.'),
	(5, 'p', 1, 'Прошу передбачити пандус і кнопку виклику біля входу до центру.'),
	(5, 'p', 2, 'Пропоную включити до програми безоплатну психологічну допомогу для дружин і дітей ветеранів.'),
	(5, 'p', 3, 'Варто збільшити кількість автомобілів соціального таксі: зараз записатися можна лише за тиждень.'),
	(5, 'p', 4, 'Прошу дозволити подавати документи для ВПО онлайн без повторного візиту.'),
	(5, 'p', 5, 'Пропоную відкрити філію центру на Лівому березі.'),
	(5, 'c', 0, 'Моя мама користується цією послугою, і черги справді величезні.'),
	(5, 'c', 1, 'Добре, що програма нарешті враховує потреби ветеранів.'),
	(5, 'c', 2, 'Прошу пояснити, як зміниться порядок для тих, хто вже отримує допомогу.'),
	(5, 'c', 3, 'Послуги мають бути доступні не лише в центрі міста.'),
	(5, 'c', 4, 'Підтримую, але персоналу центрів бракує вже зараз.'),
	(5, 'c', 5, 'Дякую за простий виклад, усе зрозуміло.'),
	(6, 'p', 0, 'Пропоную першочергово встановити генератори на насосних станціях, щоб вода подавалася на верхні поверхи.'),
	(6, 'p', 1, 'Прошу включити наш будинок до переліку на утеплення: ми вже провели енергоаудит.'),
	(6, 'p', 2, 'Пропоную спростити подання документів на співфінансування для невеликих ОСББ.'),
	(6, 'p', 3, 'Варто оприлюднювати графік робіт для кожного будинку, а не лише для вулиці.'),
	(6, 'p', 4, 'Прошу обладнати укриття в підвалі нашого будинку вентиляцією та освітленням.'),
	(6, 'p', 5, 'Пропоную встановити сонячні панелі на дахах соціальних закладів.'),
	(6, 'c', 0, 'Минулої зими в нас не було тепла два тижні, тому це дуже важливо.'),
	(6, 'c', 1, 'Незрозуміло, хто відповідатиме за обслуговування нового обладнання.'),
	(6, 'c', 2, 'ОСББ готове співфінансувати, але потрібні зрозумілі правила.'),
	(6, 'c', 3, 'Підтримую, але роботи треба завершити до жовтня.'),
	(6, 'c', 4, 'Укриття в нашому будинку досі зачинене, і невідомо, в кого ключ.'),
	(6, 'c', 5, 'Дякую, важливо, що питання винесли на обговорення.'),
	(7, 'p', 0, 'Пропоную встановити граничний строк розгляду заяв — 10 робочих днів.'),
	(7, 'p', 1, 'Прошу передбачити можливість подати документи без електронного підпису для людей похилого віку.'),
	(7, 'p', 2, 'Пропоную щотижня оприлюднювати всі рішення комісії у відкритих даних.'),
	(7, 'p', 3, 'Варто передбачити пільги для ветеранського бізнесу.'),
	(7, 'p', 4, 'Прошу залучити до робочої групи представників малого бізнесу з районів.'),
	(7, 'p', 5, 'Пропоную оприлюднювати зведений звіт щокварталу, а не раз на рік.'),
	(7, 'c', 0, 'Нарешті правила стануть зрозумілими.'),
	(7, 'c', 1, 'Документ надто складний, потрібне коротке пояснення простою мовою.'),
	(7, 'c', 2, 'Хвилююся, що нові вимоги стануть додатковим тягарем для малого бізнесу.'),
	(7, 'c', 3, 'Підтримую перехід на електронні сервіси.'),
	(7, 'c', 4, 'Прошу провести окрему зустріч із підприємцями.'),
	(7, 'c', 5, 'Не вистачає порівняння з тим, як це працює в інших містах.'),
	(8, 'p', 0, 'Пропоную повернути вулиці історичну назву, яку вона мала до 1930-х років.'),
	(8, 'p', 1, 'Прошу назвати вулицю на честь захисника Києва, який жив у нашому районі.'),
	(8, 'p', 2, 'Пропоную встановити біля об’єкта інформаційну табличку з історією місця.'),
	(8, 'p', 3, 'Варто обрати назву, пов’язану з історією місцевості, а не з особою.'),
	(8, 'p', 4, 'Прошу зберегти автентичну бруківку під час реставрації.'),
	(8, 'p', 5, 'Пропоную провести для мешканців серію екскурсій після завершення робіт.'),
	(8, 'c', 0, 'Давно час прибрати з мапи міста імперські назви.'),
	(8, 'c', 1, 'Головне, щоб нова назва була зрозумілою і легко вимовлялася.'),
	(8, 'c', 2, 'Підтримую, але не треба поспішати — варто вислухати старожилів.'),
	(8, 'c', 3, 'Дякую експертній групі за ґрунтовну історичну довідку.'),
	(8, 'c', 4, 'Прошу не змінювати назву зупинки, доки не оновлять таблички.'),
	(8, 'c', 5, 'Культурна спадщина — це не лише фасади, а й атмосфера місця.');
INSERT INTO demo_phrase VALUES
	(0, 'g', 0, 'Живу в цьому районі понад двадцять років.'),
	(0, 'g', 1, 'Сподіваюся, що думку мешканців справді врахують.'),
	(0, 'g', 2, 'Прошу оприлюднити кошторис робіт.'),
	(0, 'g', 3, 'Хотілося б побачити строки реалізації.'),
	(0, 'g', 4, 'Підтримую ініціативу загалом.'),
	(0, 'g', 5, 'Прошу провести ще одну зустріч у вечірній час.'),
	(0, 'g', 6, 'Важливо, щоб роботи не затягнулися на роки.'),
	(0, 'g', 7, 'Обговорювали це на зборах ОСББ, сусіди поділяють цю думку.'),
	(0, 'g', 8, 'Прошу відповісти на цю пропозицію по суті.'),
	(0, 'g', 9, 'Звертаюся від імені батьківського комітету.'),
	(0, 'g', 10, 'Про консультацію дізналася із застосунку «Київ Цифровий».'),
	(0, 'g', 11, 'Детальніші пропозиції надішлю листом.'),
	(0, 'g', 12, 'Важливо думати про людей з інвалідністю на кожному етапі.'),
	(0, 'g', 13, 'Прошу врахувати, що поруч розташована школа.'),
	(0, 'g', 14, 'Гроші мають іти на те, що справді потрібно людям.'),
	(0, 'g', 15, 'Прошу оприлюднити всі матеріали заздалегідь, а не в день слухань.');

-- ---------------------------------------------------------------------------
-- Comments.  Consultation c gets ids base+1 .. base+cnt, spread in time over
-- its comment window in id order.  First every number of every comment goes
-- into demo_cm (in memory), computed once: hh decides kind, status and text;
-- a (the person) decides name, e-mail, organisation and client hash.
-- Statuses: on open, pre-moderated consultations a tenth waits; rarely an old
-- one still waits on a closed one; comments (not proposals) are sometimes
-- rejected or spam.  The bench consultations have a fixed share pending.

SET SESSION max_heap_table_size = GREATEST(64 * 1024 * 1024, @m * 256);
CREATE TEMPORARY TABLE demo_cm (
	cid		INT UNSIGNED NOT NULL PRIMARY KEY,
	cons		INT UNSIGNED NOT NULL,
	seq		INT UNSIGNED NOT NULL,
	hh		BIGINT NOT NULL,
	a		INT UNSIGNED NOT NULL,		-- the person
	flv		TINYINT NOT NULL,
	state		TINYINT NOT NULL,
	bench		TINYINT NOT NULL,
	pend_mod	INT NOT NULL,
	moderation	CHAR(4) CHARACTER SET ascii NOT NULL,
	opens_at	DATETIME NOT NULL,
	w_end		DATETIME NOT NULL,
	e_end		DATETIME NOT NULL,
	report_at	DATETIME NULL,
	span		INT NOT NULL,
	cnt		INT NOT NULL,
	proposal	TINYINT NULL,
	status		TINYINT NULL,	-- 1 pending 2 published 3 rejected 4 spam
	parent		INT UNSIGNED NULL,
	created_at	DATETIME NULL,
	published_at	DATETIME NULL,
	nsent		TINYINT NULL,
	g		TINYINT NULL,
	decision	TINYINT NULL,	-- 1 accepted 2 partly 3 rejected 4 o-o-s
	answered_at	DATETIME NULL
) ENGINE=MEMORY;

INSERT INTO demo_cm (cid, cons, seq, hh, a, flv, state, bench, pend_mod,
	moderation, opens_at, w_end, e_end, report_at, span, cnt)
SELECT c.base + s.seq, c.id, s.seq, CRC32(CONCAT('m-', c.base + s.seq)),
	CRC32(CONCAT('a-', c.base + s.seq)) % @pool, c.flv, c.state, c.bench,
	c.pend_mod, c.moderation, c.opens_at, c.w_end, c.e_end, c.report_at,
	c.span, c.cnt
FROM demo_c c JOIN seq_1_to_10000000 s ON s.seq <= c.cnt;

UPDATE demo_cm SET
	proposal = (hh % 100 < 40),
	status = CASE
	    WHEN bench > 0 THEN IF(seq % pend_mod = 0, 1, 2)
	    WHEN NOT proposal AND (hh DIV 100) % 100 < 4 THEN 3
	    WHEN NOT proposal AND (hh DIV 100) % 100 < 7 THEN 4
	    WHEN state = 3 AND moderation = 'pre' AND (hh DIV 10000) % 100 < 10
		THEN 1
	    WHEN state IN (4, 5) AND moderation = 'pre'
		AND (hh DIV 10000) % 1000 < 5 THEN 1
	    ELSE 2 END,
	-- a reply to one of the six comments before it
	parent = IF(NOT proposal AND seq > 1 AND (hh DIV 31) % 100 < 12,
	    cid - 1 - (hh DIV 3100) % LEAST(seq - 1, 6), NULL),
	created_at = opens_at + INTERVAL
	    FLOOR(span * (seq - 1 + ((hh DIV 1000000) % 1000) / 1000) / cnt)
	    SECOND,
	published_at = CASE
	    WHEN status <> 2 THEN NULL
	    WHEN moderation = 'post' THEN created_at
	    ELSE LEAST(created_at + INTERVAL (20 + (hh DIV 7) % 2880) MINUTE,
		GREATEST(w_end, created_at)) END,
	nsent = 1 + (hh DIV 53) % 4,
	g = (hh DIV 1013) % 16,
	-- the answer: every published proposal of a completed consultation,
	-- most of those of closed ones (fewer while the report is not yet
	-- due), between closing and the report (or now)
	decision = IF(proposal AND status = 2 AND (state = 6 OR
	    (state IN (4, 5) AND (hh DIV 7) % 100 < IF(state = 4, 60, 80))),
	    CASE
	    WHEN (hh DIV 100000) % 100 < 30 THEN 1
	    WHEN (hh DIV 100000) % 100 < 50 THEN 2
	    WHEN (hh DIV 100000) % 100 < 90 THEN 3
	    ELSE 4 END, NULL),
	answered_at = IF(decision IS NULL, NULL, e_end + INTERVAL
	    FLOOR(TIMESTAMPDIFF(SECOND, e_end, COALESCE(report_at, @now)) *
	    (50 + (hh DIV 1000) % 900) / 1000) SECOND);

-- A reply answers a published comment; otherwise it stands on its own.
UPDATE demo_cm m JOIN demo_cm p ON p.cid = m.parent
SET m.parent = NULL
WHERE p.status <> 2 OR m.status = 4;

INSERT INTO comments (id, consultation_id, parent_id, kind, author_name,
	author_email, organisation, body, status, created_at, published_at,
	client_hash)
SELECT m.cid, m.cons, m.parent, IF(m.proposal, 'proposal', 'comment'),
	CONCAT(fn.uk, ' ', ln.uk),
	CONCAT(fn.tr, '.', ln.tr, IF(m.a >= 1200, m.a DIV 1200, ''), '@',
	    ELT(1 + (m.a DIV 7) % 5, 'example.org', 'example.com',
	    'example.net', 'mail.example.org', 'ukr.example.net')),
	IF(m.a % 10 = 3, ELT(1 + (m.a DIV 10) % 16, 'ОСББ «Оболонь-12»',
	    'ГО «Зелений Київ»', 'ГО «Асоціація велосипедистів Києва»',
	    'ОСББ «Либідська-7»', 'ГО «Батьки за безпечні школи»',
	    'Спілка підприємців Подолу', 'ГО «Ветеранський хаб Києва»',
	    'ГО «Доступне місто»', 'ОСББ «Позняки-Сонячне»',
	    'ГО «Спадщина Києва»', 'Асоціація ОСББ Києва',
	    'ГО «Урбан-лабораторія»', 'ГО «Рада ВПО Києва»',
	    'Студентська рада КНУ імені Тараса Шевченка',
	    'ГО «Троєщина — наш дім»', 'Асоціація малого бізнесу Києва'),
	    NULL),
	IF(m.status = 4, ELT(1 + (m.hh DIV 7) % 5,
	    'Заробіток онлайн від 3000 грн на день, пишіть у Telegram.',
	    'Кредит без довідок за 5 хвилин! Переходьте за посиланням у профілі.',
	    'Продам смартфон недорого, доставка по Києву.',
	    'Найкращі ставки на спорт — реєструйся зараз і отримай бонус.',
	    'Реклама вашого бізнесу в 500 каналах. Дешево!'),
	CONCAT_WS(' ',
	    -- first sentence: a proposal or an opinion on the topic
	    IF(m.proposal, pp.txt, pc.txt),
	    IF(m.nsent >= 2, pg1.txt, NULL),
	    IF(m.nsent >= 3, IF(m.proposal, pc.txt, pg2.txt), NULL),
	    IF(m.nsent >= 4, ELT(1 + (m.hh DIV 7919) % 6,
		'Дякую за можливість висловитися.',
		'Сподіваюся на відповідь по суті.',
		'Дякую за увагу до цього питання.',
		'Можу долучитися до робочої групи.',
		'Прошу повідомити про рішення електронною поштою.',
		'Дякую!'), NULL))),
	ELT(m.status, 'pending', 'published', 'rejected', 'spam'),
	m.created_at, m.published_at,
	UNHEX(SHA2(CONCAT('demo-client-', m.a), 256))
FROM demo_cm m
JOIN demo_first fn ON fn.n = m.a % 40
JOIN demo_last ln ON ln.n = (m.a DIV 40) % 30
JOIN demo_phrase pp ON pp.flv = m.flv AND pp.kind = 'p'
    AND pp.n = (m.hh DIV 211) % 6
JOIN demo_phrase pc ON pc.flv = m.flv AND pc.kind = 'c'
    AND pc.n = ((m.hh DIV 211) + 3 * m.proposal) % 6
JOIN demo_phrase pg1 ON pg1.flv = 0 AND pg1.kind = 'g' AND pg1.n = m.g
JOIN demo_phrase pg2 ON pg2.flv = 0 AND pg2.kind = 'g'
    AND pg2.n = (m.g + 5) % 16;

INSERT INTO responses (comment_id, decision, reason, answered_at)
SELECT cid, ELT(decision, 'accepted', 'partially-accepted', 'rejected',
	'out-of-scope'),
	CASE decision
	WHEN 1 THEN ELT(1 + (hh DIV 3) % 3,
	    'Пропозицію враховано: відповідні зміни внесено до доопрацьованого проєкту.',
	    'Враховано. Пропозицію включено до технічного завдання на проєктування.',
	    'Пропозицію підтримано, її буде реалізовано на першому етапі робіт.')
	WHEN 2 THEN ELT(1 + (hh DIV 3) % 3,
	    'Враховано частково: пропозицію буде реалізовано в межах наявного фінансування.',
	    'Враховано частково. Частину пропозиції включено до проєкту, решта потребує додаткового технічного обґрунтування.',
	    'Враховано частково з огляду на вимоги державних будівельних норм.')
	WHEN 3 THEN ELT(1 + (hh DIV 3) % 4,
	    'Не враховано: пропозиція суперечить вимогам державних будівельних норм.',
	    'Не враховано, оскільки реалізація потребує коштів, не передбачених бюджетом на поточний рік.',
	    'Не враховано: запропоноване рішення погіршить умови для інших груп мешканців.',
	    'Не враховано. Питання врегульовано законом, і місто не має повноважень змінювати ці вимоги.')
	ELSE ELT(1 + (hh DIV 3) % 2,
	    'Пропозиція не стосується предмета консультації; її передано до профільного департаменту для розгляду як звернення.',
	    'Не стосується предмета консультації. Радимо звернутися до контактного центру 1551.')
	END,
	answered_at
FROM demo_cm WHERE decision IS NOT NULL;

-- Per consultation: what was published, by how many people (a person is
-- one e-mail address), and the answers.
CREATE TEMPORARY TABLE demo_stats (
	id		INT UNSIGNED NOT NULL PRIMARY KEY,
	published	INT NOT NULL,
	people		INT NOT NULL,
	proposals	INT NOT NULL,
	accepted	INT NOT NULL,
	partly		INT NOT NULL,
	rejected	INT NOT NULL,
	oos		INT NOT NULL
) ENGINE=MEMORY;
INSERT INTO demo_stats
SELECT cons, COUNT(*), COUNT(DISTINCT a), SUM(proposal),
	SUM(decision <=> 1), SUM(decision <=> 2), SUM(decision <=> 3),
	SUM(decision <=> 4)
FROM demo_cm WHERE status = 2
GROUP BY cons;
DROP TEMPORARY TABLE demo_cm;

UPDATE consultations c JOIN demo_stats s ON s.id = c.id
SET c.comment_count = s.published, c.proposal_count = s.proposals;

-- Reports of the completed consultations, in the shape of KMDA's reports.
INSERT INTO reports (consultation_id, summary, published_at, created_at)
SELECT c.id, CONCAT(
	'## Звіт про результати консультації з громадськістю\n\n',
	'**Організатор:** ', u.name_uk, '\n\n',
	'**Питання, винесене на консультацію:** ', c.title, '\n\n',
	'**Строк проведення:** з ', DATE_FORMAT(c.opens_at, '%d.%m.%Y'),
	' до ', DATE_FORMAT(c.e_end, '%d.%m.%Y'), '; форма — ',
	LOWER(LEFT(f.name_uk, 1)), SUBSTRING(f.name_uk, 2), '.\n\n',
	'### Підсумки\n\n',
	'- учасників: ', COALESCE(s.people, 0), '\n',
	'- оприлюднених коментарів і пропозицій: ', COALESCE(s.published, 0),
	'\n',
	'- пропозицій: ', COALESCE(s.proposals, 0), ', з них враховано — ',
	COALESCE(s.accepted, 0), ', враховано частково — ',
	COALESCE(s.partly, 0), ', не враховано — ', COALESCE(s.rejected, 0),
	', не стосуються предмета консультації — ', COALESCE(s.oos, 0), '\n\n',
	ELT(1 + (c.h4 DIV 3001) % 3,
	    'За результатами консультації проєкт доопрацьовано з урахуванням підтриманих пропозицій і передано на розгляд Київської міської ради.',
	    'Організатор дякує всім учасникам. Пропозиції, що не стосувалися предмета консультації, передано до профільних підрозділів як звернення громадян.',
	    'Рішення ухвалено з урахуванням результатів консультації; хід його виконання можна відстежувати на цій сторінці.'),
	'\n\nТаблицю всіх пропозицій з рішеннями та їх обґрунтуванням наведено нижче; ',
	'звіт також оприлюднено на [офіційному вебпорталі Києва](https://kyivcity.gov.ua/consultations/',
	c.slug, '/report/).\n'),
	c.report_at, c.report_at - INTERVAL 1 DAY
FROM demo_c c
JOIN units u ON u.id = c.unit_id
JOIN formats f ON f.id = c.format_id
LEFT JOIN demo_stats s ON s.id = c.id
WHERE c.state = 6
ORDER BY c.id;

-- ---------------------------------------------------------------------------
-- Done: record the size, wake the listing caches, switch checks back on.

INSERT INTO demo_info (id, n_consultations, n_comments, reference_time,
	loaded_at)
VALUES (1, @n, @m, @now, UTC_TIMESTAMP());
SET @hromada_bulk = NULL;
-- The indicators' summary rows (080_stats.sql), skipped while loading.
CALL stats_rebuild();
UPDATE listing_version SET version = version + 1 WHERE id = 1;
SET foreign_key_checks = 1;
SET unique_checks = 1;

-- ---------------------------------------------------------------------------
-- Invariants.  A failed one stops the client with "CONSTRAINT `demo_ok`
-- failed" at the line of the statement that names it.

CREATE TEMPORARY TABLE demo_assert (
	what		VARCHAR(200) NOT NULL,
	ok		TINYINT NOT NULL,
	CONSTRAINT demo_ok CHECK (ok = 1)
);
INSERT INTO demo_assert SELECT 'N consultations', COUNT(*) = @n
FROM consultations;
INSERT INTO demo_assert SELECT 'M comments', COUNT(*) = @m FROM comments;
INSERT INTO demo_assert
SELECT 'comments only on published consultations that opened', COUNT(*) = 0
FROM comments cm JOIN consultations c ON c.id = cm.consultation_id
WHERE c.status IN ('draft', 'cancelled') OR c.opens_at > @now;
INSERT INTO demo_assert
SELECT 'comments inside the comment window', COUNT(*) = 0
FROM comments cm JOIN consultations c ON c.id = cm.consultation_id
WHERE cm.created_at < c.opens_at
    OR cm.created_at > LEAST(COALESCE(c.closed_at, c.closes_at), @now)
    OR cm.published_at < cm.created_at OR cm.published_at > @now;
INSERT INTO demo_assert
SELECT 'comment_count = published comments', COUNT(*) = 0
FROM consultations c LEFT JOIN demo_stats s ON s.id = c.id
WHERE c.comment_count <> COALESCE(s.published, 0);
INSERT INTO demo_assert
SELECT 'proposal_count = published proposals', COUNT(*) = 0
FROM consultations c LEFT JOIN demo_stats s ON s.id = c.id
WHERE c.proposal_count <> COALESCE(s.proposals, 0);
INSERT INTO demo_assert
SELECT 'replies answer an earlier published comment of the consultation',
	COUNT(*) = 0
FROM comments c JOIN comments p ON p.id = c.parent_id
WHERE p.consultation_id <> c.consultation_id OR p.id >= c.id
    OR p.status <> 'published';
INSERT INTO demo_assert
SELECT 'every published proposal of a completed consultation answered',
	COUNT(*) = 0
FROM comments cm JOIN consultations c ON c.id = cm.consultation_id
LEFT JOIN responses r ON r.comment_id = cm.id
WHERE c.status = 'completed' AND cm.kind = 'proposal'
    AND cm.status = 'published' AND r.comment_id IS NULL;
INSERT INTO demo_assert
SELECT 'answers only to proposals, after closing', COUNT(*) = 0
FROM responses r JOIN comments cm ON cm.id = r.comment_id
JOIN consultations c ON c.id = cm.consultation_id
WHERE cm.kind <> 'proposal'
    OR r.answered_at < COALESCE(c.closed_at, c.closes_at)
    OR r.answered_at > @now;
INSERT INTO demo_assert
SELECT 'a published report exactly for the completed', COUNT(*) = 0
FROM consultations c LEFT JOIN reports r ON r.consultation_id = c.id
WHERE (c.status = 'completed') <> (r.published_at IS NOT NULL)
    OR (c.status = 'completed' AND (c.completed_at IS NULL
	OR r.published_at < COALESCE(c.closed_at, c.closes_at)
	OR r.published_at > @now));
INSERT INTO demo_assert
SELECT 'dates in order', COUNT(*) = 0
FROM consultations
WHERE opens_at >= closes_at OR created_at > @now
    OR (status = 'draft') <> (published_at IS NULL)
    OR published_at > opens_at OR published_at > @now
    OR closed_at NOT BETWEEN opens_at AND LEAST(closes_at, @now)
    OR (status = 'cancelled') <> (cancelled_at IS NOT NULL)
    OR cancelled_at > @now
    OR (event_at IS NULL) <> (format_id IN (SELECT id FROM formats
	WHERE mode = 'online'))
    OR (event_at IS NULL) <> (event_place IS NULL)
    OR (format_id = (SELECT id FROM formats WHERE slug = 'e-consultation')
	AND closes_at < opens_at + INTERVAL 15 DAY);
INSERT INTO demo_assert
SELECT 'slugs are lowercase ASCII and unique', COUNT(*) = 0
FROM (SELECT slug, COUNT(*) AS n FROM consultations GROUP BY slug) s
WHERE n > 1 OR slug NOT REGEXP '^[a-z0-9]+(-[a-z0-9]+)*$';
INSERT INTO demo_assert
SELECT 'bench consultations', COUNT(*) = IF(@bench, 2, 0)
FROM consultations
WHERE (slug = 'bench-200-comments' AND comment_count = 200
	OR slug = 'bench-5000-comments' AND comment_count = 5000)
    AND status = 'announced' AND opens_at < @now AND closes_at > @now;
INSERT INTO demo_assert
SELECT 'every unit, format, theme, district and group used',
	@n < 1000 OR (
	(SELECT COUNT(*) FROM units) =
	    (SELECT COUNT(DISTINCT unit_id) FROM consultations) AND
	(SELECT COUNT(*) FROM formats) =
	    (SELECT COUNT(DISTINCT format_id) FROM consultations) AND
	(SELECT COUNT(*) FROM themes) =
	    (SELECT COUNT(DISTINCT theme_id) FROM consultation_themes) AND
	(SELECT COUNT(*) FROM districts) =
	    (SELECT COUNT(DISTINCT district_id) FROM consultation_districts) AND
	(SELECT COUNT(*) FROM participant_groups) =
	    (SELECT COUNT(DISTINCT group_id) FROM consultation_groups));

UPDATE demo_info SET seconds = ROUND(UNIX_TIMESTAMP(NOW(6)) - @t0, 1)
WHERE id = 1;
