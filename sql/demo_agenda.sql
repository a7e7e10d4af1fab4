-- Demo data of the unified agenda (issue 8): the plan of the current year
-- (published on 20 December of the year before) and of the next one (not
-- yet published), a few topics a quarter in every status, some proposed by
-- residents.  Run by scripts/db.sh after sql/demo.sql (which replaces the
-- consultations the scheduled and held topics link to) and by
-- `db.sh setup` when the agenda is empty.  Deterministic like demo.sql.

SET NAMES utf8mb4 COLLATE utf8mb4_uca1400_ai_ci;
SET @y = YEAR(UTC_TIMESTAMP());

DELETE FROM agenda_item_themes;
DELETE FROM agenda_item_districts;
DELETE FROM agenda_items;
DELETE FROM agenda_plans;

CREATE TEMPORARY TABLE demo_agenda (
	n		INT NOT NULL PRIMARY KEY,
	yoff		TINYINT NOT NULL,	-- 0 this year, 1 next
	quarter		TINYINT NOT NULL,
	unit		VARCHAR(64) NOT NULL,
	format		VARCHAR(64) NOT NULL,
	status		VARCHAR(16) NOT NULL,	-- scheduled/held fall back
	theme		VARCHAR(64) NULL,
	district	VARCHAR(64) NULL,
	topic		VARCHAR(300) NOT NULL,
	description	TEXT NOT NULL,
	reason		TEXT NULL,
	who		VARCHAR(200) NULL,	-- a resident's proposal
	org		VARCHAR(300) NULL
);

INSERT INTO demo_agenda VALUES
(1, 0, 1, 'dma', 'public-hearing', 'held', 'urban-planning', 'podilskyi',
 'Детальний план території Поштової площі',
 'Обговорення проєкту детального плану території: пішохідні зв’язки з набережною, паркування, збереження історичної забудови.',
 NULL, NULL, NULL),
(2, 0, 1, 'mobility', 'e-consultation', 'held', 'transport', NULL,
 'Нова мережа автобусних маршрутів лівого берега',
 'Проєкт оптимізації маршрутної мережі Дарницького та Дніпровського районів: інтервали, нові маршрути, пересадки.',
 NULL, NULL, NULL),
(3, 0, 1, 'ecodep', 'survey', 'declined', 'ecology', NULL,
 'Заборона продажу пластикових пакетів на ринках',
 'Пропоную провести консультацію щодо поступової заборони безкоштовних пластикових пакетів на комунальних ринках.',
 'Питання врегульоване Законом України «Про обмеження обігу пластикових пакетів»; окрема консультація міста не потрібна.',
 'Марія Коваленко', NULL),
(4, 0, 1, 'education', 'online-meeting', 'held', 'education', NULL,
 'Правила зарахування до перших класів',
 'Порядок зарахування дітей до перших класів закладів загальної середньої освіти комунальної власності.',
 NULL, NULL, NULL),
(5, 0, 2, 'dma', 'e-consultation', 'scheduled', 'urban-planning', NULL,
 'Правила благоустрою території міста Києва: зміни',
 'Зміни до Правил благоустрою щодо тимчасових споруд, вивісок і зовнішньої реклами.',
 NULL, NULL, NULL),
(6, 0, 2, 'rda-obolonskyi', 'public-meeting', 'scheduled',
 'public-spaces', 'obolonskyi',
 'Облаштування набережної Оболонської затоки',
 'Концепція благоустрою набережної: велодоріжка, освітлення, доступні спуски до води.',
 NULL, NULL, NULL),
(7, 0, 2, 'social', 'round-table', 'planned', 'social', NULL,
 'Міська програма «Турбота» на наступні три роки',
 'Напрями соціальної підтримки людей старшого віку, ветеранів та внутрішньо переміщених осіб.',
 NULL, NULL, NULL),
(8, 0, 2, 'mobility', 'e-consultation', 'declined', 'transport',
 'pecherskyi',
 'Пішохідна зона на вулиці Володимирській у вихідні',
 'Пропонуємо закривати вулицю Володимирську для автомобілів у вихідні дні з травня по вересень.',
 'Тему включено до ширшої консультації щодо пішохідних зон центру, запланованої на III квартал.',
 'Олег Бондаренко', 'ГО «Пішохідний Київ»'),
(9, 0, 3, 'mobility', 'e-consultation', 'planned', 'transport',
 'shevchenkivskyi',
 'Пішохідні зони історичного центру',
 'Концепція пішохідних зон і вулиць зі спокійним рухом у межах історичного центру міста.',
 NULL, NULL, NULL),
(10, 0, 3, 'dzhki', 'survey', 'planned', 'housing-utilities', NULL,
 'Програма енергоефективності багатоквартирних будинків',
 'Умови співфінансування термомодернізації будинків ОСББ та ЖБК.',
 NULL, NULL, NULL),
(11, 0, 3, 'dk', 'public-hearing', 'planned', 'culture', 'podilskyi',
 'Концепція розвитку Контрактової площі як культурного простору',
 'Пропоную обговорити програму заходів і правила проведення ярмарків на Контрактовій площі.',
 NULL, 'Ірина Шевчук', NULL),
(12, 0, 3, 'ict', 'online-meeting', 'scheduled', 'digital', NULL,
 'Стандарт відкритих даних міста',
 'Перелік наборів відкритих даних, частота оновлення, формати та ліцензія.',
 NULL, NULL, NULL),
(13, 0, 4, 'dei', 'round-table', 'planned', 'economy', NULL,
 'Правила розміщення літніх майданчиків кафе',
 'Порядок погодження, строки та плата за тимчасове користування тротуарами.',
 NULL, NULL, NULL),
(14, 0, 4, 'rda-darnytskyi', 'public-meeting', 'planned', 'public-spaces',
 'darnytskyi',
 'Сквер на вулиці Ревуцького',
 'Проєкт облаштування скверу: дитячий майданчик, зони відпочинку, збереження дерев.',
 NULL, NULL, NULL),
(15, 0, 4, 'health', 'survey', 'planned', 'health', NULL,
 'Доступність первинної медичної допомоги',
 'Графік роботи амбулаторій, запис до лікаря онлайн, виїзди до маломобільних пацієнтів.',
 NULL, NULL, NULL),
(16, 0, 4, 'youth-sport', 'online-meeting', 'declined', 'sport-youth',
 NULL,
 'Безкоштовні секції для підлітків у всіх районах',
 'Пропоную консультацію щодо переліку безкоштовних спортивних секцій у кожному районі.',
 'Перелік секцій затверджено програмою на поточний рік; тему розглянемо при підготовці плану на наступний рік.',
 'Андрій Мельник', 'Молодіжна рада Деснянського району'),
(17, 1, 1, 'dma', 'e-consultation', 'planned', 'urban-planning', NULL,
 'Генеральний план міста: громадське обговорення',
 'Проєкт оновленого генерального плану міста Києва.',
 NULL, NULL, NULL),
(18, 1, 1, 'ecodep', 'public-hearing', 'planned', 'ecology', 'holosiivskyi',
 'Межі ландшафтного заказника «Жуків острів»',
 'Проєкт рішення про межі та режим охорони заказника.',
 NULL, NULL, NULL),
(19, 1, 2, 'mobility', 'e-consultation', 'planned', 'transport', NULL,
 'Велосипедна мережа міста до 2030 року',
 'Концепція мережі велосипедних маршрутів і черговість будівництва.',
 NULL, NULL, NULL),
(20, 1, 2, 'education', 'round-table', 'planned', 'education', NULL,
 'Інклюзивна освіта в закладах дошкільної освіти',
 'Ресурсні кімнати, асистенти вихователів, доступність будівель.',
 NULL, NULL, NULL),
(21, 1, 3, 'dsk', 'survey', 'planned', 'safety', NULL,
 'Укриття в закладах освіти та охорони здоров’я',
 'Перелік і черговість облаштування укриттів.',
 NULL, NULL, NULL),
(22, 1, 4, 'social', 'online-meeting', 'planned', 'social', NULL,
 'Програма підтримки ветеранів та їхніх родин',
 'Напрями підтримки, послуги реабілітації та працевлаштування.',
 NULL, NULL, NULL),
(23, 0, 3, 'ecodep', 'e-consultation', 'proposed', 'ecology', 'obolonskyi',
 'Роздільний збір відходів у дворах Оболоні',
 'Пропоную обговорити розміщення контейнерів для роздільного збору у дворах багатоквартирних будинків.',
 NULL, 'Наталія Ткаченко', 'ОСББ «Оболонь-12»'),
(24, 1, 1, 'mobility', 'e-consultation', 'proposed', 'transport', NULL,
 'Нічні маршрути громадського транспорту',
 'Пропоную консультацію щодо мережі нічних автобусних маршрутів.',
 NULL, 'Дмитро Савченко', NULL);

INSERT INTO agenda_items (id, year, quarter, topic, description, unit_id,
    format_id, status, consultation_id, decline_reason, proposer_name,
    proposer_email, proposer_org, created_at, updated_at, decided_at)
SELECT d.n, @y + d.yoff, d.quarter, d.topic, d.description, u.id, f.id,
	CASE WHEN d.status = 'scheduled' AND s.id IS NULL THEN 'planned'
	    WHEN d.status = 'held' AND h.id IS NULL THEN 'planned'
	    ELSE d.status END,
	CASE d.status WHEN 'scheduled' THEN s.id WHEN 'held' THEN h.id END,
	d.reason, d.who,
	IF(d.who IS NULL, NULL, CONCAT('agenda-demo-', d.n, '@example.com')),
	d.org,
	MAKEDATE(@y + d.yoff - 1, 300) + INTERVAL d.n HOUR,
	MAKEDATE(@y + d.yoff - 1, 300) + INTERVAL d.n HOUR,
	IF(d.who IS NOT NULL AND d.status <> 'proposed',
	    MAKEDATE(@y + d.yoff - 1, 330), NULL)
FROM demo_agenda d
JOIN units u ON u.slug = d.unit
JOIN formats f ON f.slug = d.format
-- A consultation of the unit announced or open (scheduled), or completed
-- (held), the n-th of them so that two topics never share one.
LEFT JOIN (SELECT c.id, c.unit_id, ROW_NUMBER() OVER (PARTITION BY c.unit_id
	ORDER BY c.id) AS k FROM consultations c
	WHERE c.status = 'announced' AND c.closes_at > UTC_TIMESTAMP()) s
    ON s.unit_id = u.id AND s.k = 1 + d.n % 2
LEFT JOIN (SELECT c.id, c.unit_id, ROW_NUMBER() OVER (PARTITION BY c.unit_id
	ORDER BY c.id) AS k FROM consultations c
	WHERE c.status = 'completed') h
    ON h.unit_id = u.id AND h.k = 1 + d.n % 2;

INSERT INTO agenda_item_themes (item_id, theme_id)
SELECT d.n, t.id FROM demo_agenda d JOIN themes t ON t.slug = d.theme;
INSERT INTO agenda_item_districts (item_id, district_id)
SELECT d.n, x.id FROM demo_agenda d JOIN districts x ON x.slug = d.district;

INSERT INTO agenda_plans (year, published_at) VALUES
	(@y, MAKEDATE(@y - 1, 1) + INTERVAL 353 DAY + INTERVAL 10 HOUR),
	(@y + 1, NULL);
ALTER TABLE agenda_items AUTO_INCREMENT = 1000;
DROP TEMPORARY TABLE demo_agenda;
