/*
 * SQL of the unified agenda (db_agenda.h).
 */
#include <string.h>

#include "db.h"
#include "db_agenda.h"

enum stmt {
	STMT_PLAN_GET,
	STMT_YEARS,
	STMT_PUBLISH,
	STMT_LIST_PUBLIC,
	STMT_LIST_ADMIN,
	STMT_THEMES,
	STMT_DISTRICTS,
	STMT_PENDING,
	STMT_GET,
	STMT_UNITS,
	STMT_FORMATS,
	STMT_THEME_TERMS,
	STMT_DISTRICT_TERMS,
	STMT_ADD,
	STMT_FIND,
	STMT_UPDATE,
	STMT_DECIDE,
	STMT_THEMES_CLEAR,
	STMT_THEME_ADD,
	STMT_DISTRICTS_CLEAR,
	STMT_DISTRICT_ADD,
	STMT_RATE,
	STMT_OUTBOX_ITEM,
	STMT__MAX
};

/* The columns of struct agenda_item; c is the consultation joined. */
#define ITEM_COLS \
	"SELECT i.id, i.year, i.quarter, i.topic, i.description, i.unit_id, " \
	    "u.slug, u.name_uk, COALESCE(f.slug, ''), COALESCE(f.name_uk, ''), " \
	    "i.status, COALESCE(i.decline_reason, ''), " \
	    "COALESCE(i.proposer_name, ''), COALESCE(i.proposer_email, ''), " \
	    "COALESCE(i.proposer_org, ''), COALESCE(c.id, 0), " \
	    "COALESCE(c.slug, ''), COALESCE(c.title, ''), " \
	    "UNIX_TIMESTAMP(i.created_at), " \
	    "COALESCE(UNIX_TIMESTAMP(i.decided_at), 0) " \
	"FROM agenda_items i JOIN units u ON u.id = i.unit_id " \
	    "LEFT JOIN formats f ON f.id = i.format_id "

#define LINKS(table, col, terms) \
	"SELECT l.item_id, t.id, t.slug, t.name_uk FROM " table " l " \
	    "JOIN agenda_items i ON i.id = l.item_id " \
	    "JOIN " terms " t ON t.id = l." col " " \
	"WHERE (? = 0 OR i.year = ?) AND (? = 0 OR l.item_id = ?) " \
	"ORDER BY l.item_id, t.sort, t.id"

static const char *const stmts[STMT__MAX] = {
	/* STMT_PLAN_GET */
	"SELECT COALESCE(UNIX_TIMESTAMP(published_at), 0) FROM agenda_plans "
	    "WHERE year = ?",
	/* STMT_YEARS */
	"SELECT year FROM agenda_plans ORDER BY year",
	/* STMT_PUBLISH: published_by is set before published_at changes. */
	"INSERT INTO agenda_plans (year, published_at, published_by) "
	    "VALUES (?, UTC_TIMESTAMP(), ?) "
	"ON DUPLICATE KEY UPDATE published_by = IF(published_at IS NULL, "
	    "VALUES(published_by), published_by), "
	    "published_at = COALESCE(published_at, UTC_TIMESTAMP())",
	/* STMT_LIST_PUBLIC: drafts are never linked. */
	ITEM_COLS
	    "LEFT JOIN consultations c ON c.id = i.consultation_id "
		"AND c.status <> 'draft' "
	"WHERE i.year = ? AND i.status IN ('planned', 'scheduled', 'held', "
	    "'declined') "
	"ORDER BY i.quarter, i.id",
	/* STMT_LIST_ADMIN: proposals awaiting a decision first. */
	ITEM_COLS
	    "LEFT JOIN consultations c ON c.id = i.consultation_id "
	"WHERE i.year = ? AND i.status <> 'spam' "
	    "AND (? = 0 OR i.unit_id = ?) "
	"ORDER BY i.status <> 'proposed', i.quarter, i.id",
	/* STMT_THEMES */
	LINKS("agenda_item_themes", "theme_id", "themes"),
	/* STMT_DISTRICTS */
	LINKS("agenda_item_districts", "district_id", "districts"),
	/* STMT_PENDING */
	"SELECT COUNT(*) FROM agenda_items WHERE year = ? "
	    "AND status = 'proposed'",
	/* STMT_GET */
	ITEM_COLS
	    "LEFT JOIN consultations c ON c.id = i.consultation_id "
	"WHERE i.id = ?",
	/* STMT_UNITS: as the listing orders them. */
	"SELECT id, slug, name_uk FROM units ORDER BY kind = 'rda', sort, id",
	/* STMT_FORMATS */
	"SELECT id, slug, name_uk FROM formats ORDER BY sort, id",
	/* STMT_THEME_TERMS */
	"SELECT id, slug, name_uk FROM themes ORDER BY sort, id",
	/* STMT_DISTRICT_TERMS */
	"SELECT id, slug, name_uk FROM districts ORDER BY sort, id",
	/* STMT_ADD: the unique submit_key makes a second one a duplicate. */
	"INSERT INTO agenda_items (year, quarter, topic, description, unit_id, "
	    "format_id, status, consultation_id, decline_reason, "
	    "proposer_name, proposer_email, proposer_org, client_hash, "
	    "submit_key, created_by, updated_by) "
	"VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), ?, NULLIF(?, 0), ?, ?, ?, ?, "
	    "?, ?, NULLIF(?, 0), NULLIF(?, 0))",
	/* STMT_FIND */
	"SELECT id FROM agenda_items WHERE submit_key = ?",
	/* STMT_UPDATE */
	"UPDATE agenda_items SET year = ?, quarter = ?, topic = ?, "
	    "description = ?, unit_id = ?, format_id = NULLIF(?, 0), "
	    "status = ?, consultation_id = NULLIF(?, 0), "
	    "decline_reason = ?, updated_by = ?, "
	    "updated_at = UTC_TIMESTAMP() "
	"WHERE id = ?",
	/* STMT_DECIDE */
	"UPDATE agenda_items SET status = ?, decline_reason = ?, "
	    "decided_at = UTC_TIMESTAMP(), decided_by = ?, updated_by = ?, "
	    "updated_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND status = 'proposed'",
	/* STMT_THEMES_CLEAR */
	"DELETE FROM agenda_item_themes WHERE item_id = ?",
	/* STMT_THEME_ADD */
	"INSERT INTO agenda_item_themes (item_id, theme_id) VALUES (?, ?)",
	/* STMT_DISTRICTS_CLEAR */
	"DELETE FROM agenda_item_districts WHERE item_id = ?",
	/* STMT_DISTRICT_ADD */
	"INSERT INTO agenda_item_districts (item_id, district_id) "
	    "VALUES (?, ?)",
	/* STMT_RATE */
	"SELECT COALESCE(SUM(created_at > UTC_TIMESTAMP() - INTERVAL 1 MINUTE),"
	    " 0), COUNT(*) FROM agenda_items "
	"WHERE client_hash = ? "
	    "AND created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR",
	/* STMT_OUTBOX_ITEM: the topic an outbox row tells about. */
	"SELECT agenda_item_id FROM outbox WHERE id = ? AND kind = 'agenda'",
};

const struct db_family_def db_agenda_def = { "agenda", stmts, STMT__MAX };

#define DUP(i)		arena_strdup(a, db_str(&res, (i)))

int
db_agenda_plan_get(struct db *db, struct arena *a, int year, time_t *at)
{
	struct db_arg	 arg[] = { DB_INT(year) };
	struct db_res	 res;
	int		 rc;

	*at = 0;
	if (db_query(db, a, DBF_AGENDA, STMT_PLAN_GET, arg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1)
		*at = (time_t)db_int(&res, 0);
	db_res_free(&res);
	return rc;
}

int
db_agenda_years(struct db *db, struct arena *a, int **years, size_t *n)
{
	struct db_res	 res;
	int		 rc;

	*n = 0;
	if (db_query(db, a, DBF_AGENDA, STMT_YEARS, NULL, 0, &res) == -1)
		return -1;
	if ((*years = arena_calloc(a, res.rows + 1, sizeof(int))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((rc = db_next(&res)) == 1)
		(*years)[(*n)++] = (int)db_int(&res, 0);
	db_res_free(&res);
	return rc == -1 ? -1 : 0;
}

int
db_agenda_publish(struct db *db, struct arena *a, int year, uint32_t user)
{
	struct db_arg	 arg[] = { DB_INT(year), DB_INT(user) };

	return db_query(db, a, DBF_AGENDA, STMT_PUBLISH, arg, 2, NULL);
}

static int
item_read(struct db_res *rp, struct arena *a, struct agenda_item *it)
{
	struct db_res	 res = *rp;

	it->id = (uint32_t)db_int(&res, 0);
	it->year = (int)db_int(&res, 1);
	it->quarter = (int)db_int(&res, 2);
	it->topic = DUP(3);
	it->description = DUP(4);
	it->unit_id = (uint32_t)db_int(&res, 5);
	it->unit_slug = DUP(6);
	it->unit_name = DUP(7);
	it->format_slug = DUP(8);
	it->format_name = DUP(9);
	it->status = DUP(10);
	it->reason = DUP(11);
	it->proposer_name = DUP(12);
	it->proposer_email = DUP(13);
	it->proposer_org = DUP(14);
	it->consultation_id = (uint32_t)db_int(&res, 15);
	it->consultation_slug = DUP(16);
	it->consultation_title = DUP(17);
	it->created = (time_t)db_int(&res, 18);
	it->decided = (time_t)db_int(&res, 19);
	if (it->consultation_title == NULL || it->topic == NULL ||
	    it->status == NULL)
		return -1;
	return 0;
}

int
db_agenda_list(struct db *db, struct arena *a, int year, int public,
    uint32_t unit, struct agenda_item **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(year), DB_INT(unit), DB_INT(unit) };
	struct db_res	 res;
	int		 rc;

	*n = 0;
	if (db_query(db, a, DBF_AGENDA, public ? STMT_LIST_PUBLIC :
	    STMT_LIST_ADMIN, arg, public ? 1 : 3, &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, res.rows + 1, sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((rc = db_next(&res)) == 1)
		if (item_read(&res, a, &(*out)[(*n)++]) == -1) {
			rc = -1;
			break;
		}
	db_res_free(&res);
	return rc == -1 ? -1 : 0;
}

int
db_agenda_links(struct db *db, struct arena *a, enum agenda_term_kind k,
    int year, uint32_t item, struct agenda_link **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(year), DB_INT(year), DB_INT(item),
	    DB_INT(item) };
	struct db_res	 res;
	struct agenda_link *l;
	int		 rc;

	*n = 0;
	if (db_query(db, a, DBF_AGENDA, k == AGT_THEME ? STMT_THEMES :
	    STMT_DISTRICTS, arg, 4, &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, res.rows + 1, sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((rc = db_next(&res)) == 1) {
		l = &(*out)[(*n)++];
		l->item = (uint32_t)db_int(&res, 0);
		l->id = (int)db_int(&res, 1);
		l->slug = DUP(2);
		if ((l->name = DUP(3)) == NULL || l->slug == NULL) {
			rc = -1;
			break;
		}
	}
	db_res_free(&res);
	return rc == -1 ? -1 : 0;
}

int
db_agenda_pending(struct db *db, struct arena *a, int year, long long *n)
{
	struct db_arg	 arg[] = { DB_INT(year) };
	struct db_res	 res;
	int		 rc;

	*n = 0;
	if (db_query(db, a, DBF_AGENDA, STMT_PENDING, arg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1)
		*n = db_int(&res, 0);
	db_res_free(&res);
	return rc == -1 ? -1 : 0;
}

int
db_agenda_get(struct db *db, struct arena *a, uint32_t id,
    struct agenda_item *it)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_AGENDA, STMT_GET, arg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1 && item_read(&res, a, it) == -1)
		rc = -1;
	db_res_free(&res);
	return rc;
}

int
db_agenda_terms(struct db *db, struct arena *a, enum agenda_term_kind k,
    struct agenda_term **out, size_t *n)
{
	static const int	 which[AGT__MAX] = {
		STMT_UNITS, STMT_FORMATS, STMT_THEME_TERMS, STMT_DISTRICT_TERMS
	};
	struct db_res		 res;
	struct agenda_term	*t;
	int			 rc;

	*n = 0;
	if (db_query(db, a, DBF_AGENDA, which[k], NULL, 0, &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, res.rows + 1, sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((rc = db_next(&res)) == 1) {
		t = &(*out)[(*n)++];
		t->id = (int)db_int(&res, 0);
		t->slug = DUP(1);
		if ((t->name = DUP(2)) == NULL || t->slug == NULL) {
			rc = -1;
			break;
		}
	}
	db_res_free(&res);
	return rc == -1 ? -1 : 0;
}

static struct db_arg
opt_str(const char *s, size_t len)
{
	struct db_arg	 null = DB_NULL, v = DB_STRN(s, len);

	return s != NULL ? v : null;
}

static struct db_arg
opt_blob(const unsigned char *b)
{
	struct db_arg	 null = DB_NULL, v = DB_BLOB(b, 32);

	return b != NULL ? v : null;
}

int
db_agenda_add(struct db *db, struct arena *a, const struct agenda_write *w,
    uint32_t *id)
{
	struct db_arg	 arg[] = {
		DB_INT(w->year), DB_INT(w->quarter),
		DB_STRN(w->topic, w->topic_len),
		DB_STRN(w->description, w->description_len),
		DB_INT(w->unit_id), DB_INT(w->format_id), DB_STR(w->status),
		DB_INT(w->consultation_id),
		opt_str(w->reason, w->reason_len),
		opt_str(w->name, w->name_len), opt_str(w->email, w->email_len),
		opt_str(w->org, w->org_len),
		opt_blob(w->client_hash), opt_blob(w->key),
		DB_INT(w->user_id), DB_INT(w->user_id),
	};
	struct db_arg	 karg[1];
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_AGENDA, STMT_ADD, arg,
	    sizeof(arg) / sizeof(arg[0]), NULL) == 0) {
		*id = (uint32_t)db_insert_id(db);
		return 1;
	}
	if (db_error(db) != DB_ERR_DUPLICATE || w->key == NULL)
		return -1;
	/* A double click or a retry: the first one stands. */
	karg[0] = opt_blob(w->key);
	if (db_query(db, a, DBF_AGENDA, STMT_FIND, karg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1)
		*id = (uint32_t)db_int(&res, 0);
	db_res_free(&res);
	return rc == 1 ? 0 : -1;
}

int
db_agenda_update(struct db *db, struct arena *a, uint32_t id,
    const struct agenda_write *w)
{
	struct db_arg	 arg[] = {
		DB_INT(w->year), DB_INT(w->quarter),
		DB_STRN(w->topic, w->topic_len),
		DB_STRN(w->description, w->description_len),
		DB_INT(w->unit_id), DB_INT(w->format_id), DB_STR(w->status),
		DB_INT(w->consultation_id),
		opt_str(w->reason, w->reason_len),
		DB_INT(w->user_id), DB_INT(id),
	};

	return db_query(db, a, DBF_AGENDA, STMT_UPDATE, arg,
	    sizeof(arg) / sizeof(arg[0]), NULL);
}

int
db_agenda_decide(struct db *db, struct arena *a, uint32_t id,
    const char *status, const char *reason, size_t reason_len, uint32_t user)
{
	struct db_arg	 arg[] = {
		DB_STR(status), opt_str(reason, reason_len), DB_INT(user),
		DB_INT(user), DB_INT(id),
	};

	if (db_query(db, a, DBF_AGENDA, STMT_DECIDE, arg,
	    sizeof(arg) / sizeof(arg[0]), NULL) == -1)
		return -1;
	return db_affected(db) == 1;
}

int
db_agenda_add_link(struct db *db, struct arena *a, enum agenda_term_kind k,
    uint32_t item, int id)
{
	struct db_arg	 arg[] = { DB_INT(item), DB_INT(id) };

	if (db_query(db, a, DBF_AGENDA, k == AGT_THEME ? STMT_THEME_ADD :
	    STMT_DISTRICT_ADD, arg, 2, NULL) == -1 &&
	    db_error(db) != DB_ERR_DUPLICATE)
		return -1;
	return 0;
}

int
db_agenda_set_links(struct db *db, struct arena *a, enum agenda_term_kind k,
    uint32_t item, const int *ids, size_t n)
{
	struct db_arg	 one[] = { DB_INT(item) };
	size_t		 i;

	if (db_query(db, a, DBF_AGENDA, k == AGT_THEME ? STMT_THEMES_CLEAR :
	    STMT_DISTRICTS_CLEAR, one, 1, NULL) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (db_agenda_add_link(db, a, k, item, ids[i]) == -1)
			return -1;
	return 0;
}

int
db_agenda_rate(struct db *db, struct arena *a, const unsigned char h[32],
    long long *minute, long long *hour)
{
	struct db_arg	 arg[] = { DB_BLOB(h, 32) };
	struct db_res	 res;
	int		 rc = -1;

	if (db_query(db, a, DBF_AGENDA, STMT_RATE, arg, 1, &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		*minute = db_int(&res, 0);
		*hour = db_int(&res, 1);
		rc = 0;
	}
	db_res_free(&res);
	return rc;
}

int
db_agenda_outbox(struct db *db, struct arena *a, uint64_t outbox_id,
    struct agenda_item *it)
{
	struct db_arg	 arg[] = { DB_INT(outbox_id) };
	struct db_res	 res;
	uint32_t	 id = 0;
	int		 rc;

	memset(it, 0, sizeof(*it));
	if (db_query(db, a, DBF_AGENDA, STMT_OUTBOX_ITEM, arg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1)
		id = (uint32_t)db_int(&res, 0);
	db_res_free(&res);
	if (rc != 1 || id == 0)
		return rc == -1 ? -1 : 0;
	return db_agenda_get(db, a, id, it);
}
