/*
 * Open data: the files' columns (the data dictionary) and their SQL, and
 * the archive import's statements.  See db_opendata.h.
 */
#include <string.h>

#include "db.h"
#include "db_opendata.h"

/* UTC in ISO 8601, NULL stays NULL. */
#define ISO(x)	"DATE_FORMAT(" x ", '%Y-%m-%dT%H:%i:%sZ')"
/* Slugs of a consultation's links, by the vocabulary's order. */
#define LINKS(tbl, col, terms, key) \
	"(SELECT GROUP_CONCAT(t.slug ORDER BY t.sort, t.id SEPARATOR ';') " \
	"FROM " tbl " l JOIN " terms " t ON t.id = l." col " " \
	"WHERE l." key " = c.id)"

const char *const od_type_name[] = {
	"ціле число", "число (один знак після крапки)", "текст",
	"код (латиницею)", "дата й час UTC (ISO 8601)",
	"перелік кодів (через «;» у CSV, масив у JSON)", "так/ні (true/false)",
	"код статусу", "адреса (URL)"
};

static const struct od_col consultation_cols[] = {
	{ "id", OD_INT, "Номер консультації; сторінка — /consultations/{id}" },
	{ "slug", OD_SLUG, "Частина адреси сторінки після номера" },
	{ "title", OD_TEXT, "Назва" },
	{ "summary", OD_TEXT, "Короткий опис" },
	{ "body", OD_TEXT, "Повний текст оголошення (Markdown)" },
	{ "unit", OD_SLUG, "Організатор: код підрозділу" },
	{ "unit_name", OD_TEXT, "Організатор: назва підрозділу" },
	{ "format", OD_SLUG, "Формат: код" },
	{ "format_name", OD_TEXT, "Формат: назва" },
	{ "status", OD_STATUS, "Статус на час вивантаження: announced — "
	    "оголошено, open — триває, closed — завершено, очікує звіту, "
	    "completed — звіт оприлюднено, cancelled — скасовано" },
	{ "opens_at", OD_TIME, "Початок приймання пропозицій" },
	{ "closes_at", OD_TIME, "Запланований кінець приймання пропозицій" },
	{ "closed_at", OD_TIME, "Дострокове завершення (порожньо, якщо не "
	    "було)" },
	{ "close_reason", OD_TEXT, "Причина дострокового завершення" },
	{ "event_at", OD_TIME, "Час зустрічі (для очних форматів)" },
	{ "event_place", OD_TEXT, "Місце зустрічі" },
	{ "moderation", OD_SLUG, "Модерація коментарів: pre — до "
	    "оприлюднення, post — після" },
	{ "question", OD_TEXT, "Питання або проєкт рішення" },
	{ "alternatives", OD_TEXT, "Альтернативні варіанти" },
	{ "stakeholders", OD_TEXT, "Соціальні групи та заінтересовані сторони" },
	{ "consequences", OD_TEXT, "Можливі наслідки для них" },
	{ "how_to_participate", OD_TEXT, "Як і до коли подати пропозиції" },
	{ "contact_name", OD_TEXT, "Відповідальна посадова особа" },
	{ "contact_email", OD_TEXT, "Службова адреса для зв'язку з нею" },
	{ "contact_phone", OD_TEXT, "Службовий телефон" },
	{ "results_publication", OD_TEXT, "Як і коли оприлюднять результати" },
	{ "published_at", OD_TIME, "Коли оголошення оприлюднено" },
	{ "completed_at", OD_TIME, "Коли консультацію завершено звітом" },
	{ "cancelled_at", OD_TIME, "Коли скасовано" },
	{ "cancel_reason", OD_TEXT, "Причина скасування" },
	{ "comments", OD_INT, "Оприлюднених коментарів і пропозицій разом" },
	{ "proposals", OD_INT, "З них пропозицій" },
	{ "themes", OD_LIST, "Теми: коди" },
	{ "districts", OD_LIST, "Райони: коди" },
	{ "groups", OD_LIST, "Групи учасників: коди" },
	{ "archived_at", OD_TIME, "Коли внесено до архіву (імпорт минулих "
	    "консультацій); порожньо для проведених на платформі" },
	{ "archive_ref", OD_TEXT, "Шифр в архіві, з якого імпортовано" },
};

static const struct od_col document_cols[] = {
	{ "id", OD_INT, "Номер документа" },
	{ "consultation_id", OD_INT, "Номер консультації" },
	{ "title", OD_TEXT, "Назва документа" },
	{ "url", OD_URL, "Адреса: завантажений файл або зовнішнє посилання" },
	{ "file_name", OD_TEXT, "Ім'я завантаженого файлу (порожньо для "
	    "посилання)" },
	{ "sha256", OD_TEXT, "SHA-256 завантаженого файлу, 64 шістнадцяткові "
	    "цифри (порожньо для посилання)" },
	{ "mime_type", OD_TEXT, "Тип вмісту (MIME)" },
	{ "size_bytes", OD_INT, "Розмір, байтів (0, якщо невідомий)" },
	{ "created_at", OD_TIME, "Коли додано" },
};

static const struct od_col comment_cols[] = {
	{ "id", OD_INT, "Номер коментаря" },
	{ "consultation_id", OD_INT, "Номер консультації" },
	{ "parent_id", OD_INT, "Номер оприлюдненого коментаря, на який це "
	    "відповідь (порожньо, якщо немає)" },
	{ "kind", OD_SLUG, "comment — коментар, proposal — пропозиція (на "
	    "кожну дають офіційну відповідь)" },
	{ "author_name", OD_TEXT, "Ім'я автора, як він його вказав" },
	{ "organisation", OD_TEXT, "Організація автора (якщо вказано)" },
	{ "body", OD_TEXT, "Текст" },
	{ "created_at", OD_TIME, "Коли надіслано" },
	{ "published_at", OD_TIME, "Коли оприлюднено" },
};

static const struct od_col answer_cols[] = {
	{ "comment_id", OD_INT, "Номер пропозиції (comments.csv)" },
	{ "consultation_id", OD_INT, "Номер консультації" },
	{ "decision", OD_SLUG, "Рішення: accepted — враховано, "
	    "partially-accepted — враховано частково, rejected — не "
	    "враховано, out-of-scope — не стосується предмета" },
	{ "reason", OD_TEXT, "Обґрунтування" },
	{ "answered_at", OD_TIME, "Коли дано відповідь" },
};

static const struct od_col report_cols[] = {
	{ "consultation_id", OD_INT, "Номер консультації" },
	{ "summary", OD_TEXT, "Звіт про результати (Markdown)" },
	{ "published_at", OD_TIME, "Коли звіт оприлюднено" },
};

static const struct od_col agenda_cols[] = {
	{ "id", OD_INT, "Номер теми в плані" },
	{ "year", OD_INT, "Рік плану" },
	{ "quarter", OD_INT, "Квартал (1–4)" },
	{ "topic", OD_TEXT, "Тема" },
	{ "description", OD_TEXT, "Опис" },
	{ "unit", OD_SLUG, "Відповідальний підрозділ: код" },
	{ "unit_name", OD_TEXT, "Відповідальний підрозділ: назва" },
	{ "format", OD_SLUG, "Запланований формат: код (порожньо, якщо не "
	    "визначено)" },
	{ "status", OD_SLUG, "planned — заплановано, scheduled — оголошено "
	    "консультацію, held — проведено, declined — відхилено" },
	{ "consultation_id", OD_INT, "Консультація за цією темою (порожньо, "
	    "якщо ще немає)" },
	{ "decline_reason", OD_TEXT, "Причина відхилення" },
	{ "proposed_by_public", OD_BOOL, "Тему запропонували мешканці чи "
	    "організації (їхні імена й адреси не публікуються)" },
	{ "themes", OD_LIST, "Теми: коди" },
	{ "districts", OD_LIST, "Райони: коди" },
	{ "plan_published_at", OD_TIME, "Коли оприлюднено план цього року" },
};

/*
 * The indicators as on /stats and /stats.csv, per year of the end of
 * accepting and per unit ("city": the whole city).  held_{format} is one
 * column per format, in the vocabulary's order.
 */
static const struct od_col indicator_cols[] = {
	{ "year", OD_INT, "Рік, у якому завершилося приймання пропозицій" },
	{ "scope", OD_SLUG, "Код підрозділу або city — усе місто" },
	{ "name", OD_TEXT, "Назва підрозділу або «Київ»" },
	{ "held", OD_INT, "Проведено консультацій (оприлюднені, не скасовані, "
	    "приймання завершено)" },
	{ "held_{format}", OD_INT, "Проведено у форматі {format} (стовпець "
	    "на кожен формат довідника)" },
	{ "participants", OD_INT, "Учасники: різні адреси е-пошти за рік "
	    "(людина, що писала до кількох консультацій, — один учасник)" },
	{ "comments", OD_INT, "Оприлюднені коментарі" },
	{ "proposals", OD_INT, "Оприлюднені пропозиції" },
	{ "answered", OD_INT, "Пропозицій з відповіддю" },
	{ "accepted", OD_INT, "З них враховано повністю або частково" },
	{ "answered_pct", OD_DEC, "Частка пропозицій з відповіддю, %" },
	{ "accepted_pct", OD_DEC, "Частка врахованих серед тих, що мають "
	    "відповідь, %" },
	{ "answer_days_median", OD_DEC, "Медіана днів від завершення до "
	    "останньої відповіді (консультації, де відповіли на все)" },
	{ "reports_on_time_pct", OD_DEC, "Частка звітів, оприлюднених за 14 "
	    "днів, серед тих, що мали бути, %" },
	{ "reports_due", OD_INT, "Звітів мало бути оприлюднено" },
	{ "reports_on_time", OD_INT, "Вчасно" },
	{ "reports_late", OD_INT, "Із запізненням" },
	{ "reports_missing", OD_INT, "Немає, хоча строк минув" },
	{ "e_held", OD_INT, "Проведено електронних консультацій" },
	{ "e_days_median", OD_DEC, "Медіана тривалості електронних "
	    "консультацій, днів" },
	{ "e_shorter_than_15_days", OD_INT, "Електронних консультацій, "
	    "коротших за 15 днів" },
	{ "agenda_announced", OD_INT, "Проведених консультацій, тему яких "
	    "заздалегідь оприлюднено в орієнтовному плані" },
	{ "agenda_announced_pct", OD_DEC, "Їхня частка серед проведених, %" },
	{ "participations", OD_INT, "Участі: різні адреси в межах кожної "
	    "консультації, підсумовано за консультаціями" },
};

#define N(a)	(sizeof(a) / sizeof((a)[0]))

const struct od_spec od_specs[OD__MAX] = {
	{ "consultations", "Консультації", "Рядок — оприлюднена "
	    "консультація (чернеток немає), з архівними включно",
	    consultation_cols, N(consultation_cols) },
	{ "documents", "Документи", "Рядок — документ консультації "
	    "(опис і адреса; самі файли — за адресою)",
	    document_cols, N(document_cols) },
	{ "comments", "Коментарі та пропозиції", "Рядок — оприлюднений "
	    "коментар або пропозиція.  Адреси е-пошти, дані про модерацію "
	    "й неоприлюднені, відхилені та спам-коментарі не публікуються",
	    comment_cols, N(comment_cols) },
	{ "answers", "Відповіді на пропозиції", "Рядок — офіційна відповідь "
	    "на оприлюднену пропозицію", answer_cols, N(answer_cols) },
	{ "reports", "Звіти про результати", "Рядок — оприлюднений звіт "
	    "консультації", report_cols, N(report_cols) },
	{ "agenda", "План консультацій", "Рядок — тема оприлюдненого "
	    "річного плану (орієнтовний план за Постановою КМУ № 996); "
	    "запропоновані й ще не розглянуті теми не публікуються",
	    agenda_cols, N(agenda_cols) },
	{ "indicators", "Показники ефективності", "Рядок — показники "
	    "підрозділу (або всього міста) за рік, як на сторінці «Показники»",
	    indicator_cols, N(indicator_cols) },
};

enum stmt {
	STMT_CONSULTATIONS,
	STMT_DOCUMENTS,
	STMT_COMMENTS,
	STMT_ANSWERS,
	STMT_REPORTS,
	STMT_AGENDA,
	STMT_STATS_RANGE,
	STMT_REF_EXISTS,
	STMT_BULK_ON,
	STMT_BULK_OFF,
	STMT_ARCHIVE_ADD,
	STMT_LINK_THEME,
	STMT_LINK_DISTRICT,
	STMT_LINK_GROUP,
	STMT_REPORT_ADD,
	STMT_LISTING_BUMP,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_CONSULTATIONS: never a draft. */
	"SELECT c.id, c.slug, c.title, c.summary, c.body, u.slug, u.name_uk, "
	    "f.slug, f.name_uk, '', " ISO("c.opens_at") ", "
	    ISO("c.closes_at") ", " ISO("c.closed_at") ", c.close_reason, "
	    ISO("c.event_at") ", c.event_place, c.moderation, c.question, "
	    "c.alternatives, c.stakeholders, c.consequences, "
	    "c.how_to_participate, c.contact_name, c.contact_email, "
	    "c.contact_phone, c.results_publication, "
	    ISO("c.published_at") ", " ISO("c.completed_at") ", "
	    ISO("c.cancelled_at") ", c.cancel_reason, c.comment_count, "
	    "c.proposal_count, "
	    LINKS("consultation_themes", "theme_id", "themes",
		"consultation_id") ", "
	    LINKS("consultation_districts", "district_id", "districts",
		"consultation_id") ", "
	    LINKS("consultation_groups", "group_id", "participant_groups",
		"consultation_id") ", "
	    ISO("c.archived_at") ", c.archive_ref, "
	    "c.status, UNIX_TIMESTAMP(c.opens_at), UNIX_TIMESTAMP(c.closes_at), "
	    "COALESCE(UNIX_TIMESTAMP(c.closed_at), 0) "
	"FROM consultations c JOIN units u ON u.id = c.unit_id "
	    "JOIN formats f ON f.id = c.format_id "
	"WHERE c.status <> 'draft' AND c.id > ? ORDER BY c.id LIMIT ?",
	/* STMT_DOCUMENTS: of public consultations. */
	"SELECT d.id, d.consultation_id, d.title, '', COALESCE(d.file_name, "
	    "''), COALESCE(d.file_hash, ''), d.mime_type, d.size_bytes, "
	    ISO("d.created_at") ", COALESCE(d.url, ''), "
	    "COALESCE(d.file_hash, ''), COALESCE(d.file_name, '') "
	"FROM documents d JOIN consultations c ON c.id = d.consultation_id "
	    "AND c.status <> 'draft' "
	"WHERE d.id > ? ORDER BY d.id LIMIT ?",
	/*
	 * STMT_COMMENTS: published ones of public consultations; a reply's
	 * parent only when the parent is published too (an unpublished one's
	 * number is not told).
	 */
	"SELECT m.id, m.consultation_id, IF(p.status = 'published', "
	    "m.parent_id, NULL), m.kind, m.author_name, m.organisation, "
	    "m.body, " ISO("m.created_at") ", " ISO("m.published_at") " "
	"FROM comments m JOIN consultations c ON c.id = m.consultation_id "
	    "AND c.status <> 'draft' "
	    "LEFT JOIN comments p ON p.id = m.parent_id "
	"WHERE m.status = 'published' AND m.id > ? ORDER BY m.id LIMIT ?",
	/* STMT_ANSWERS: to published proposals of public consultations. */
	"SELECT r.comment_id, m.consultation_id, r.decision, r.reason, "
	    ISO("r.answered_at") " "
	"FROM responses r JOIN comments m ON m.id = r.comment_id "
	    "AND m.status = 'published' AND m.kind = 'proposal' "
	    "JOIN consultations c ON c.id = m.consultation_id "
	    "AND c.status <> 'draft' "
	"WHERE r.comment_id > ? ORDER BY r.comment_id LIMIT ?",
	/* STMT_REPORTS: published ones. */
	"SELECT r.consultation_id, r.summary, " ISO("r.published_at") " "
	"FROM reports r JOIN consultations c ON c.id = r.consultation_id "
	    "AND c.status <> 'draft' "
	"WHERE r.published_at IS NOT NULL AND r.consultation_id > ? "
	"ORDER BY r.consultation_id LIMIT ?",
	/*
	 * STMT_AGENDA: as /agenda shows them (lib/db_agenda.c): published
	 * plans, public states, a linked consultation only if not a draft.
	 */
	"SELECT i.id, i.year, i.quarter, i.topic, i.description, u.slug, "
	    "u.name_uk, f.slug, i.status, c.id, i.decline_reason, "
	    "IF(i.created_by IS NULL, 'true', 'false'), "
	    "(SELECT GROUP_CONCAT(t.slug ORDER BY t.sort, t.id SEPARATOR ';') "
	    "FROM agenda_item_themes l JOIN themes t ON t.id = l.theme_id "
	    "WHERE l.item_id = i.id), "
	    "(SELECT GROUP_CONCAT(t.slug ORDER BY t.sort, t.id SEPARATOR ';') "
	    "FROM agenda_item_districts l JOIN districts t "
	    "ON t.id = l.district_id WHERE l.item_id = i.id), "
	    ISO("p.published_at") " "
	"FROM agenda_items i JOIN agenda_plans p ON p.year = i.year "
	    "AND p.published_at IS NOT NULL "
	    "JOIN units u ON u.id = i.unit_id "
	    "LEFT JOIN formats f ON f.id = i.format_id "
	    "LEFT JOIN consultations c ON c.id = i.consultation_id "
	    "AND c.status <> 'draft' "
	"WHERE i.status IN ('planned', 'scheduled', 'held', 'declined') "
	    "AND i.id > ? ORDER BY i.id LIMIT ?",
	/* STMT_STATS_RANGE */
	"SELECT COALESCE(UNIX_TIMESTAMP(MIN(ended_at)), 0), "
	    "COALESCE(UNIX_TIMESTAMP(MAX(ended_at)), 0) "
	"FROM consultation_stats WHERE status NOT IN ('draft', 'cancelled')",
	/* STMT_REF_EXISTS */
	"SELECT COUNT(*) FROM consultations WHERE archive_ref = ?",
	/* STMT_BULK_ON, STMT_BULK_OFF: see sql/migrations/105_archive.sql. */
	"SET @hromada_bulk = 1",
	"SET @hromada_bulk = NULL",
	/* STMT_ARCHIVE_ADD: published when it opened, as far as is known. */
	"INSERT INTO consultations (slug, title, summary, body, unit_id, "
	    "format_id, status, moderation, opens_at, closes_at, question, "
	    "alternatives, stakeholders, consequences, how_to_participate, "
	    "contact_name, contact_email, results_publication, published_at, "
	    "completed_at, cancelled_at, cancel_reason, archived_at, "
	    "archive_ref) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, 'post', FROM_UNIXTIME(?), "
	    "FROM_UNIXTIME(?), ?, '', ?, '', '', ?, ?, '', FROM_UNIXTIME(?), "
	    "IF(? = 0, NULL, FROM_UNIXTIME(?)), "
	    "IF(? = 0, NULL, FROM_UNIXTIME(?)), NULLIF(?, ''), "
	    "UTC_TIMESTAMP(), ?)",
	/* STMT_LINK_THEME, STMT_LINK_DISTRICT, STMT_LINK_GROUP */
	"INSERT INTO consultation_themes (consultation_id, theme_id) "
	    "VALUES (?, ?)",
	"INSERT INTO consultation_districts (consultation_id, district_id) "
	    "VALUES (?, ?)",
	"INSERT INTO consultation_groups (consultation_id, group_id) "
	    "VALUES (?, ?)",
	/* STMT_REPORT_ADD: completed_at follows the report, as the admin's. */
	"INSERT INTO reports (consultation_id, summary, published_at) "
	    "VALUES (?, ?, FROM_UNIXTIME(?))",
	/* STMT_LISTING_BUMP */
	"UPDATE listing_version SET version = version + 1 WHERE id = 1",
};

const struct db_family_def db_opendata_def = { "opendata", stmts, STMT__MAX };

static const int batch_stmt[OD__MAX] = {
	STMT_CONSULTATIONS, STMT_DOCUMENTS, STMT_COMMENTS, STMT_ANSWERS,
	STMT_REPORTS, STMT_AGENDA, -1
};

int
db_od_batch(struct db *db, struct arena *a, enum od_file f, long long after,
    int limit, struct db_res *res)
{
	struct db_arg	 arg[] = { DB_INT(after), DB_INT(limit) };

	if (f >= OD__MAX || batch_stmt[f] < 0)
		return -1;
	return db_query(db, a, DBF_OPENDATA, batch_stmt[f], arg, 2, res);
}

int
db_od_stats_range(struct db *db, struct arena *a, time_t *first,
    time_t *last)
{
	struct db_res	 res;
	int		 r;

	*first = *last = 0;
	if (db_query(db, a, DBF_OPENDATA, STMT_STATS_RANGE, NULL, 0,
	    &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		*first = (time_t)db_int(&res, 0);
		*last = (time_t)db_int(&res, 1);
	}
	db_res_free(&res);
	return r == -1 ? -1 : 0;
}

int
db_od_ref_exists(struct db *db, struct arena *a, const char *ref)
{
	struct db_arg	 arg[] = { DB_STR(ref) };
	struct db_res	 res;
	int		 r, n = 0;

	if (db_query(db, a, DBF_OPENDATA, STMT_REF_EXISTS, arg, 1,
	    &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1)
		n = db_int(&res, 0) > 0;
	db_res_free(&res);
	return r == -1 ? -1 : n;
}

int
db_od_bulk(struct db *db, struct arena *a, int on)
{
	return db_query(db, a, DBF_OPENDATA, on ? STMT_BULK_ON :
	    STMT_BULK_OFF, NULL, 0, NULL);
}

int
db_od_archive_add(struct db *db, struct arena *a,
    const struct od_archive *c, uint32_t *id)
{
	struct db_arg	 arg[] = {
		DB_STR(c->slug), DB_STR(c->title), DB_STR(c->summary),
		DB_STR(c->body), DB_INT(c->unit_id), DB_INT(c->format_id),
		DB_STR(c->outcome), DB_INT(c->opens), DB_INT(c->closes),
		DB_STR(c->question), DB_STR(c->stakeholders),
		DB_STR(c->contact_name), DB_STR(c->contact_email),
		DB_INT(c->opens), DB_INT(c->completed), DB_INT(c->completed),
		DB_INT(c->cancelled), DB_INT(c->cancelled),
		DB_STR(c->cancel_reason), DB_STR(c->ref)
	};

	if (db_query(db, a, DBF_OPENDATA, STMT_ARCHIVE_ADD, arg,
	    sizeof(arg) / sizeof(arg[0]), NULL) == -1)
		return -1;
	*id = (uint32_t)db_insert_id(db);
	return 0;
}

int
db_od_link(struct db *db, struct arena *a, int kind, uint32_t cid,
    int term_id)
{
	static const int st[3] = {
		STMT_LINK_THEME, STMT_LINK_DISTRICT, STMT_LINK_GROUP
	};
	struct db_arg	 arg[] = { DB_INT(cid), DB_INT(term_id) };

	if (kind < 0 || kind > 2)
		return -1;
	return db_query(db, a, DBF_OPENDATA, st[kind], arg, 2, NULL);
}

int
db_od_report_add(struct db *db, struct arena *a, uint32_t cid,
    const char *summary, time_t published)
{
	struct db_arg	 arg[] = {
		DB_INT(cid), DB_STR(summary), DB_INT(published)
	};

	return db_query(db, a, DBF_OPENDATA, STMT_REPORT_ADD, arg, 3, NULL);
}

int
db_od_listing_bump(struct db *db, struct arena *a)
{
	return db_query(db, a, DBF_OPENDATA, STMT_LISTING_BUMP, NULL, 0,
	    NULL);
}
