/*
 * SQL of the admin's consultation editor.  "? = '' OR" lets one statement
 * serve every combination of the list's filters; the public status
 * (announced, open, closed) follows from the dates as lifecycle_status()
 * decides it.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "db_consult_admin.h"

enum stmt {
	STMT_REF,
	STMT_GET,
	STMT_TERMS,
	STMT_INSERT,
	STMT_UPDATE,
	STMT_DEL_THEMES,
	STMT_DEL_DISTRICTS,
	STMT_DEL_GROUPS,
	STMT_ADD_THEME,
	STMT_ADD_DISTRICT,
	STMT_ADD_GROUP,
	STMT_PUBLISH,
	STMT_CLOSE,
	STMT_CANCEL,
	STMT_LIST,
	STMT_COUNT,
	STMT__MAX
};

#define TS(col)	"COALESCE(UNIX_TIMESTAMP(" col "), 0)"
#define END_AT	"LEAST(k.closes_at, COALESCE(k.closed_at, k.closes_at))"
#define PUB	"k.status IN ('announced', 'open', 'closed')"
#define LIST_FROM \
	"FROM consultations k JOIN units u ON u.id = k.unit_id " \
	    "JOIN formats f ON f.id = k.format_id " \
	"WHERE (? = '' OR (? IN ('draft', 'completed', 'cancelled') " \
	    "AND k.status = ?) OR (" PUB " AND ((? = 'announced' AND " \
	    "k.opens_at > UTC_TIMESTAMP()) OR (? = 'open' AND " \
	    "k.opens_at <= UTC_TIMESTAMP() AND " END_AT " > UTC_TIMESTAMP()) " \
	    "OR (? = 'closed' AND " END_AT " <= UTC_TIMESTAMP())))) " \
	"AND (? = '' OR EXISTS (SELECT 1 FROM consultation_themes l " \
	    "JOIN themes t ON t.id = l.theme_id WHERE l.consultation_id = " \
	    "k.id AND t.slug = ?)) " \
	"AND (? = '' OR EXISTS (SELECT 1 FROM consultation_districts l " \
	    "JOIN districts t ON t.id = l.district_id WHERE " \
	    "l.consultation_id = k.id AND t.slug = ?)) " \
	"AND (? = '' OR EXISTS (SELECT 1 FROM consultation_groups l " \
	    "JOIN participant_groups t ON t.id = l.group_id WHERE " \
	    "l.consultation_id = k.id AND t.slug = ?)) " \
	"AND (? = '' OR f.slug = ?) AND (? = '' OR u.slug = ?) " \
	"AND (? = 0 OR k.unit_id = ?) " \
	"AND (? = '' OR LOCATE(?, k.title) > 0) "

static const char *const stmts[STMT__MAX] = {
	/* STMT_REF: every vocabulary, in the order the pages show it. */
	"SELECT 0, id, slug, name_uk, '', sort FROM themes "
	"UNION ALL SELECT 1, id, slug, name_uk, '', sort FROM districts "
	"UNION ALL SELECT 2, id, slug, name_uk, mode, sort FROM formats "
	"UNION ALL SELECT 3, id, slug, name_uk, '', sort "
	    "FROM participant_groups "
	"UNION ALL SELECT 4, id, slug, name_uk, '', "
	    "(kind = 'rda') * 1000 + sort FROM units "
	"ORDER BY 1, 6, 2",
	/* STMT_GET */
	"SELECT k.id, k.unit_id, k.format_id, k.slug, k.title, k.summary, "
	    "k.body, k.question, k.alternatives, k.stakeholders, "
	    "k.consequences, k.how_to_participate, k.contact_name, "
	    "k.contact_email, k.contact_phone, k.results_publication, "
	    "k.moderation, COALESCE(k.event_place, ''), k.status, u.name_uk, "
	    "f.name_uk, f.slug, f.mode, COALESCE(k.close_reason, ''), "
	    "COALESCE(k.cancel_reason, ''), " TS("k.opens_at") ", "
	    TS("k.closes_at") ", " TS("k.event_at") ", "
	    TS("k.published_at") ", " TS("k.closed_at") ", "
	    TS("k.cancelled_at") ", " TS("k.completed_at") " "
	"FROM consultations k JOIN units u ON u.id = k.unit_id "
	    "JOIN formats f ON f.id = k.format_id WHERE k.id = ?",
	/* STMT_TERMS */
	"SELECT 0, theme_id FROM consultation_themes WHERE consultation_id = ? "
	"UNION ALL SELECT 1, district_id FROM consultation_districts "
	    "WHERE consultation_id = ? "
	"UNION ALL SELECT 2, group_id FROM consultation_groups "
	    "WHERE consultation_id = ? ORDER BY 1, 2",
	/* STMT_INSERT */
	"INSERT INTO consultations (slug, title, summary, body, unit_id, "
	    "format_id, status, moderation, opens_at, closes_at, event_at, "
	    "event_place, question, alternatives, stakeholders, consequences, "
	    "how_to_participate, contact_name, contact_email, contact_phone, "
	    "results_publication, created_by, updated_by) "
	"VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, FROM_UNIXTIME(?), "
	    "FROM_UNIXTIME(?), FROM_UNIXTIME(?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?)",
	/* STMT_UPDATE: a draft's slug follows its title; a published one
	 * keeps the address people have. */
	"UPDATE consultations SET slug = IF(status = 'draft', ?, slug), "
	    "title = ?, summary = ?, body = ?, unit_id = ?, format_id = ?, "
	    "moderation = ?, opens_at = FROM_UNIXTIME(?), "
	    "closes_at = FROM_UNIXTIME(?), event_at = FROM_UNIXTIME(?), "
	    "event_place = ?, question = ?, alternatives = ?, "
	    "stakeholders = ?, consequences = ?, how_to_participate = ?, "
	    "contact_name = ?, contact_email = ?, contact_phone = ?, "
	    "results_publication = ?, updated_by = ?, "
	    "updated_at = UTC_TIMESTAMP() "
	"WHERE id = ?",
	/* STMT_DEL_THEMES */
	"DELETE FROM consultation_themes WHERE consultation_id = ?",
	/* STMT_DEL_DISTRICTS */
	"DELETE FROM consultation_districts WHERE consultation_id = ?",
	/* STMT_DEL_GROUPS */
	"DELETE FROM consultation_groups WHERE consultation_id = ?",
	/* STMT_ADD_THEME */
	"INSERT INTO consultation_themes (consultation_id, theme_id) "
	"VALUES (?, ?)",
	/* STMT_ADD_DISTRICT */
	"INSERT INTO consultation_districts (consultation_id, district_id) "
	"VALUES (?, ?)",
	/* STMT_ADD_GROUP */
	"INSERT INTO consultation_groups (consultation_id, group_id) "
	"VALUES (?, ?)",
	/* STMT_PUBLISH: the status that follows the dates is computed;
	 * 'announced' is the stored decision "published" (schema). */
	"UPDATE consultations SET status = 'announced', "
	    "published_at = UTC_TIMESTAMP(), updated_by = ?, "
	    "updated_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND status = 'draft'",
	/* STMT_CLOSE */
	"UPDATE consultations SET status = 'closed', "
	    "closed_at = UTC_TIMESTAMP(), close_reason = ?, updated_by = ?, "
	    "updated_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND status IN ('announced', 'open')",
	/* STMT_CANCEL */
	"UPDATE consultations SET status = 'cancelled', "
	    "cancelled_at = UTC_TIMESTAMP(), cancel_reason = ?, "
	    "updated_by = ?, updated_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND status IN ('announced', 'open', 'closed')",
	/* STMT_LIST */
	"SELECT k.id, k.slug, k.title, k.status, u.name_uk, f.name_uk, "
	    TS("k.opens_at") ", " TS("k.closes_at") ", " TS("k.closed_at") " "
	LIST_FROM
	"ORDER BY k.updated_at DESC, k.id DESC LIMIT ? OFFSET ?",
	/* STMT_COUNT */
	"SELECT COUNT(*) " LIST_FROM,
};

const struct db_family_def db_consult_admin_def =
    { "consult_admin", stmts, STMT__MAX };

#define NARGS(a)	(sizeof(a) / sizeof((a)[0]))
#define DUP(i)		arena_strdup(a, db_str(&res, (i)))

int
db_cref_load(struct db *db, struct arena *a, struct cref *c)
{
	struct db_res		 res;
	struct cref_item	*it;
	size_t			 k;
	int			 r;

	memset(c, 0, sizeof(*c));
	if (db_query(db, a, DBF_CONSULT_ADMIN, STMT_REF, NULL, 0, &res) == -1)
		return -1;
	for (k = 0; k < CREF__MAX; k++)
		if ((c->items[k] = arena_calloc(a, res.rows + 1,
		    sizeof(struct cref_item))) == NULL) {
			db_res_free(&res);
			return -1;
		}
	while ((r = db_next(&res)) == 1) {
		k = (size_t)db_int(&res, 0);
		if (k >= CREF__MAX)
			continue;
		it = &c->items[k][c->n[k]++];
		it->id = (uint32_t)db_int(&res, 1);
		it->slug = DUP(2);
		it->name = DUP(3);
		it->mode = DUP(4);
	}
	db_res_free(&res);
	return r == -1 ? -1 : 0;
}

const struct cref_item *
cref_find(const struct cref *c, enum cref_kind k, uint32_t id)
{
	size_t	 i;

	for (i = 0; i < c->n[k]; i++)
		if (c->items[k][i].id == id)
			return &c->items[k][i];
	return NULL;
}

const struct cref_item *
cref_slug(const struct cref *c, enum cref_kind k, const char *slug)
{
	size_t	 i;

	for (i = 0; slug != NULL && i < c->n[k]; i++)
		if (strcmp(c->items[k][i].slug, slug) == 0)
			return &c->items[k][i];
	return NULL;
}

static int
terms_get(struct db *db, struct arena *a, struct crow *c)
{
	struct db_arg	 arg[] = { DB_INT(c->id), DB_INT(c->id), DB_INT(c->id) };
	struct db_res	 res;
	uint32_t	 v;
	int		 r;

	c->nthemes = c->ndistricts = c->ngroups = 0;
	if (db_query(db, a, DBF_CONSULT_ADMIN, STMT_TERMS, arg, NARGS(arg),
	    &res) == -1)
		return -1;
	while ((r = db_next(&res)) == 1) {
		v = (uint32_t)db_int(&res, 1);
		switch (db_int(&res, 0)) {
		case 0:
			if (c->nthemes < CTERMS_MAX)
				c->themes[c->nthemes++] = v;
			break;
		case 1:
			if (c->ndistricts < CTERMS_MAX)
				c->districts[c->ndistricts++] = v;
			break;
		default:
			if (c->ngroups < CTERMS_MAX)
				c->groups[c->ngroups++] = v;
			break;
		}
	}
	db_res_free(&res);
	return r == -1 ? -1 : 0;
}

int
db_crow_get(struct db *db, struct arena *a, uint32_t id, struct crow *c)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	memset(c, 0, sizeof(*c));
	if (db_query(db, a, DBF_CONSULT_ADMIN, STMT_GET, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		c->id = (uint32_t)db_int(&res, 0);
		c->unit_id = (uint32_t)db_int(&res, 1);
		c->format_id = (uint32_t)db_int(&res, 2);
		c->slug = DUP(3);
		c->title = DUP(4);
		c->summary = DUP(5);
		c->body = DUP(6);
		c->question = DUP(7);
		c->alternatives = DUP(8);
		c->stakeholders = DUP(9);
		c->consequences = DUP(10);
		c->how = DUP(11);
		c->contact_name = DUP(12);
		c->contact_email = DUP(13);
		c->contact_phone = DUP(14);
		c->results = DUP(15);
		c->moderation = DUP(16);
		c->event_place = DUP(17);
		c->status = DUP(18);
		c->unit_name = DUP(19);
		c->format_name = DUP(20);
		c->format_slug = DUP(21);
		c->format_mode = DUP(22);
		c->close_reason = DUP(23);
		c->cancel_reason = DUP(24);
		c->opens = (time_t)db_int(&res, 25);
		c->closes = (time_t)db_int(&res, 26);
		c->event_at = (time_t)db_int(&res, 27);
		c->published = (time_t)db_int(&res, 28);
		c->closed_at = (time_t)db_int(&res, 29);
		c->cancelled = (time_t)db_int(&res, 30);
		c->completed = (time_t)db_int(&res, 31);
	}
	db_res_free(&res);
	if (r != 1)
		return r;
	return terms_get(db, a, c) == -1 ? -1 : 1;
}

#define OPT_TIME(t)	((t) != 0 ? (struct db_arg)DB_INT(t) : \
			    (struct db_arg)DB_NULL)
#define OPT_STR(s)	(*(s) != '\0' ? (struct db_arg)DB_STR(s) : \
			    (struct db_arg)DB_NULL)

static int
terms_put(struct db *db, struct arena *a, const struct crow *c)
{
	static const int	 del[3] = {
		STMT_DEL_THEMES, STMT_DEL_DISTRICTS, STMT_DEL_GROUPS
	};
	static const int	 add[3] = {
		STMT_ADD_THEME, STMT_ADD_DISTRICT, STMT_ADD_GROUP
	};
	const uint32_t		*ids[3] = { c->themes, c->districts, c->groups };
	size_t			 n[3] = { c->nthemes, c->ndistricts, c->ngroups };
	struct db_arg		 one[1] = { DB_INT(c->id) };
	struct db_arg		 two[2];
	size_t			 k, i;

	for (k = 0; k < 3; k++) {
		if (db_query(db, a, DBF_CONSULT_ADMIN, del[k], one, 1,
		    NULL) == -1)
			return -1;
		for (i = 0; i < n[k]; i++) {
			two[0] = (struct db_arg)DB_INT(c->id);
			two[1] = (struct db_arg)DB_INT(ids[k][i]);
			if (db_query(db, a, DBF_CONSULT_ADMIN, add[k], two, 2,
			    NULL) == -1)
				return -1;
		}
	}
	return 0;
}

int
db_crow_insert(struct db *db, struct arena *a, struct crow *c, uint32_t by)
{
	struct db_arg	 arg[] = {
		DB_STR(c->slug), DB_STR(c->title), DB_STR(c->summary),
		DB_STR(c->body), DB_INT(c->unit_id), DB_INT(c->format_id),
		DB_STR(c->moderation), DB_INT(c->opens), DB_INT(c->closes),
		OPT_TIME(c->event_at), OPT_STR(c->event_place),
		DB_STR(c->question), DB_STR(c->alternatives),
		DB_STR(c->stakeholders), DB_STR(c->consequences),
		DB_STR(c->how), DB_STR(c->contact_name),
		DB_STR(c->contact_email), DB_STR(c->contact_phone),
		DB_STR(c->results), DB_INT(by), DB_INT(by),
	};

	if (db_query(db, a, DBF_CONSULT_ADMIN, STMT_INSERT, arg, NARGS(arg),
	    NULL) == -1)
		return -1;
	c->id = (uint32_t)db_insert_id(db);
	return terms_put(db, a, c);
}

int
db_crow_update(struct db *db, struct arena *a, const struct crow *c,
    uint32_t by)
{
	struct db_arg	 arg[] = {
		DB_STR(c->slug), DB_STR(c->title), DB_STR(c->summary),
		DB_STR(c->body), DB_INT(c->unit_id), DB_INT(c->format_id),
		DB_STR(c->moderation), DB_INT(c->opens), DB_INT(c->closes),
		OPT_TIME(c->event_at), OPT_STR(c->event_place),
		DB_STR(c->question), DB_STR(c->alternatives),
		DB_STR(c->stakeholders), DB_STR(c->consequences),
		DB_STR(c->how), DB_STR(c->contact_name),
		DB_STR(c->contact_email), DB_STR(c->contact_phone),
		DB_STR(c->results), DB_INT(by), DB_INT(c->id),
	};

	if (db_query(db, a, DBF_CONSULT_ADMIN, STMT_UPDATE, arg, NARGS(arg),
	    NULL) == -1)
		return -1;
	return terms_put(db, a, c);
}

int
db_crow_publish(struct db *db, struct arena *a, uint32_t id, uint32_t by)
{
	struct db_arg	 arg[] = { DB_INT(by), DB_INT(id) };

	if (db_query(db, a, DBF_CONSULT_ADMIN, STMT_PUBLISH, arg, 2,
	    NULL) == -1)
		return -1;
	return db_affected(db) == 1 ? 1 : 0;
}

int
db_crow_close(struct db *db, struct arena *a, uint32_t id,
    const char *reason, uint32_t by)
{
	struct db_arg	 arg[] = { DB_STR(reason), DB_INT(by), DB_INT(id) };

	if (db_query(db, a, DBF_CONSULT_ADMIN, STMT_CLOSE, arg, 3, NULL) == -1)
		return -1;
	return db_affected(db) == 1 ? 1 : 0;
}

int
db_crow_cancel(struct db *db, struct arena *a, uint32_t id,
    const char *reason, uint32_t by)
{
	struct db_arg	 arg[] = { DB_STR(reason), DB_INT(by), DB_INT(id) };

	if (db_query(db, a, DBF_CONSULT_ADMIN, STMT_CANCEL, arg, 3,
	    NULL) == -1)
		return -1;
	return db_affected(db) == 1 ? 1 : 0;
}

#define S(x)	((x) != NULL ? (x) : "")

int
db_clist(struct db *db, struct arena *a, const struct cfilter *f,
    struct clist_row **rows, size_t *n, long long *total)
{
	struct db_arg	 arg[22] = {
		DB_STR(S(f->status)), DB_STR(S(f->status)), DB_STR(S(f->status)),
		DB_STR(S(f->status)), DB_STR(S(f->status)), DB_STR(S(f->status)),
		DB_STR(S(f->theme)), DB_STR(S(f->theme)),
		DB_STR(S(f->district)), DB_STR(S(f->district)),
		DB_STR(S(f->group)), DB_STR(S(f->group)),
		DB_STR(S(f->format)), DB_STR(S(f->format)),
		DB_STR(S(f->unit)), DB_STR(S(f->unit)),
		DB_INT(f->scope), DB_INT(f->scope),
		DB_STR(S(f->q)), DB_STR(S(f->q)),
		DB_INT(CLIST_PAGE),
		DB_INT((f->page > 0 ? f->page - 1 : 0) * CLIST_PAGE),
	};
	struct db_res	 res;
	struct clist_row *x;
	int		 r;

	*rows = NULL;
	*n = 0;
	if (db_query(db, a, DBF_CONSULT_ADMIN, STMT_COUNT, arg, 20,
	    &res) == -1)
		return -1;
	r = db_next(&res);
	*total = r == 1 ? db_int(&res, 0) : 0;
	db_res_free(&res);
	if (r == -1 || db_query(db, a, DBF_CONSULT_ADMIN, STMT_LIST, arg, 22,
	    &res) == -1)
		return -1;
	if ((*rows = arena_calloc(a, res.rows + 1, sizeof(**rows))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1) {
		x = &(*rows)[(*n)++];
		x->id = (uint32_t)db_int(&res, 0);
		x->slug = DUP(1);
		x->title = DUP(2);
		x->status = DUP(3);
		x->unit_name = DUP(4);
		x->format_name = DUP(5);
		x->opens = (time_t)db_int(&res, 6);
		x->closes = (time_t)db_int(&res, 7);
		x->closed_at = (time_t)db_int(&res, 8);
	}
	db_res_free(&res);
	return r == -1 ? -1 : 0;
}
