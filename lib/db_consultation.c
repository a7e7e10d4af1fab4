#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "listing.h"
#include "model.h"

enum stmt {
	STMT_VERSION,
	STMT_INDEX_ROWS,
	STMT_INDEX_THEMES,
	STMT_INDEX_DISTRICTS,
	STMT_INDEX_GROUPS,
	STMT_SEARCH,
	STMT_GET,
	STMT_THEMES,
	STMT_DISTRICTS,
	STMT_GROUPS,
	STMT_DOCUMENTS,
	STMT_REPORT,
	STMT_TERMS,
	STMT_STAMP,
	STMT__MAX
};

#define TS(col)	"COALESCE(UNIX_TIMESTAMP(" col "), 0)"
#define PUBLIC	"status <> 'draft'"

static const char *const stmts[STMT__MAX] = {
	/* STMT_VERSION */
	"SELECT version FROM listing_version WHERE id = 1",
	/* STMT_INDEX_ROWS */
	"SELECT c.id, c.slug, c.title, LEFT(c.summary, 280), c.status, "
	    "c.unit_id, c.format_id, " TS("c.opens_at") ", "
	    TS("c.closes_at") ", " TS("c.closed_at") ", "
	    TS("c.published_at") ", "
	    TS("COALESCE(c.completed_at, c.cancelled_at)") ", "
	    TS("c.event_at") ", c.comment_count, "
	    /* archived_at: the import's INSERT bumps listing_version, and
	     * so does a later UPDATE of it (120). */
	    "r.consultation_id IS NOT NULL, c.archived_at IS NOT NULL "
	"FROM consultations c LEFT JOIN reports r "
	    "ON r.consultation_id = c.id AND r.published_at IS NOT NULL "
	"WHERE c." PUBLIC " ORDER BY c.id",
	/* STMT_INDEX_THEMES */
	"SELECT l.consultation_id, l.theme_id FROM consultation_themes l "
	    "JOIN consultations c ON c.id = l.consultation_id "
	    "WHERE c." PUBLIC,
	/* STMT_INDEX_DISTRICTS */
	"SELECT l.consultation_id, l.district_id "
	    "FROM consultation_districts l "
	    "JOIN consultations c ON c.id = l.consultation_id "
	    "WHERE c." PUBLIC,
	/* STMT_INDEX_GROUPS */
	"SELECT l.consultation_id, l.group_id FROM consultation_groups l "
	    "JOIN consultations c ON c.id = l.consultation_id "
	    "WHERE c." PUBLIC,
	/* STMT_SEARCH */
	"SELECT id FROM consultations "
	    "WHERE MATCH (title, summary, body) AGAINST (? IN BOOLEAN MODE) "
	    "AND " PUBLIC " ORDER BY id",
	/* STMT_GET */
	"SELECT c.id, c.slug, c.title, c.summary, c.body, u.slug, u.name_uk, "
	    "f.slug, f.name_uk, f.mode, c.status, c.moderation, "
	    TS("c.opens_at") ", " TS("c.closes_at") ", " TS("c.closed_at") ", "
	    TS("c.published_at") ", " TS("c.completed_at") ", "
	    TS("c.cancelled_at") ", " TS("c.event_at") ", "
	    TS("c.updated_at") ", COALESCE(c.event_place, ''), c.question, "
	    "c.alternatives, c.stakeholders, c.consequences, "
	    "c.how_to_participate, c.contact_name, c.contact_email, "
	    "c.contact_phone, c.results_publication, "
	    "COALESCE(c.close_reason, ''), COALESCE(c.cancel_reason, ''), "
	    "c.comment_count, c.proposal_count, " TS("c.archived_at") ", "
	    "COALESCE(c.archive_ref, '') "
	"FROM consultations c JOIN units u ON u.id = c.unit_id "
	    "JOIN formats f ON f.id = c.format_id "
	"WHERE c.id = ? AND c." PUBLIC,
	/* STMT_THEMES */
	"SELECT t.slug, t.name_uk FROM consultation_themes l "
	    "JOIN themes t ON t.id = l.theme_id "
	    "WHERE l.consultation_id = ? ORDER BY t.sort, t.id",
	/* STMT_DISTRICTS */
	"SELECT t.slug, t.name_uk FROM consultation_districts l "
	    "JOIN districts t ON t.id = l.district_id "
	    "WHERE l.consultation_id = ? ORDER BY t.sort, t.id",
	/* STMT_GROUPS */
	"SELECT t.slug, t.name_uk FROM consultation_groups l "
	    "JOIN participant_groups t ON t.id = l.group_id "
	    "WHERE l.consultation_id = ? ORDER BY t.sort, t.id",
	/* STMT_DOCUMENTS */
	"SELECT title, COALESCE(url, ''), COALESCE(file_hash, ''), "
	    "COALESCE(file_name, ''), mime_type, size_bytes "
	"FROM documents WHERE consultation_id = ? ORDER BY sort, id",
	/* STMT_REPORT */
	"SELECT summary, " TS("published_at") " FROM reports "
	    "WHERE consultation_id = ? AND published_at IS NOT NULL",
	/* STMT_TERMS: the three above in one round trip; k is enum tax_kind. */
	"(SELECT 0 AS k, t.slug, t.name_uk, t.sort, t.id "
	    "FROM consultation_themes l JOIN themes t ON t.id = l.theme_id "
	    "WHERE l.consultation_id = ?) "
	"UNION ALL (SELECT 1, t.slug, t.name_uk, t.sort, t.id "
	    "FROM consultation_districts l "
	    "JOIN districts t ON t.id = l.district_id "
	    "WHERE l.consultation_id = ?) "
	"UNION ALL (SELECT 3, t.slug, t.name_uk, t.sort, t.id "
	    "FROM consultation_groups l "
	    "JOIN participant_groups t ON t.id = l.group_id "
	    "WHERE l.consultation_id = ?) "
	"ORDER BY 1, 4, 5",
	/* STMT_STAMP */
	"SELECT page_version, slug, status, " TS("opens_at") ", "
	    TS("closes_at") ", " TS("closed_at") " FROM consultations "
	"WHERE id = ? AND " PUBLIC,
};

/* The literal kinds of STMT_TERMS. */
_Static_assert(TAX_THEME == 0 && TAX_DISTRICT == 1 && TAX_GROUP == 3,
    "STMT_TERMS names the kinds by number");

const struct db_family_def db_consultation_def =
    { "consultation", stmts, STMT__MAX };

int
db_listing_version(struct db *db, struct arena *a, unsigned long long *v)
{
	struct db_res	 res;
	int		 rc = -1;

	if (db_query(db, a, DBF_CONSULTATION, STMT_VERSION, NULL, 0,
	    &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		*v = (unsigned long long)db_int(&res, 0);
		rc = 0;
	}
	db_res_free(&res);
	return rc;
}

static int
load_rows(struct db *db, struct arena *a, struct listing *l,
    const struct taxonomy *tax)
{
	struct db_res		 res;
	struct listing_row	*r;
	int			 rc = -1, n;

	/* Streamed: 10,000 rows of card text are not held twice. */
	if (db_stream(db, a, DBF_CONSULTATION, STMT_INDEX_ROWS, NULL, 0,
	    &res) == -1)
		return -1;
	if (listing_begin(l, tax, 1024) == -1)
		goto out;
	while ((n = db_next(&res)) == 1) {
		if ((r = listing_add(l, (uint32_t)db_int(&res, 0),
		    db_str(&res, 1), db_str(&res, 2), db_str(&res, 3))) == NULL)
			goto out;
		r->stored = (uint8_t)cstatus_parse(db_str(&res, 4));
		r->unit = (int16_t)taxonomy_pos(tax, TAX_UNIT,
		    (int)db_int(&res, 5));
		r->format = (int16_t)taxonomy_pos(tax, TAX_FORMAT,
		    (int)db_int(&res, 6));
		r->opens = (time_t)db_int(&res, 7);
		r->closes = (time_t)db_int(&res, 8);
		r->closed_at = (time_t)db_int(&res, 9);
		r->published = (time_t)db_int(&res, 10);
		r->completed = (time_t)db_int(&res, 11);
		r->event_at = (time_t)db_int(&res, 12);
		r->comments = (uint32_t)db_int(&res, 13);
		r->has_report = (uint8_t)db_int(&res, 14);
		r->archived = (uint8_t)db_int(&res, 15);
	}
	rc = n == 0 ? 0 : -1;
out:
	db_res_free(&res);
	return rc;
}

static int
load_links(struct db *db, struct arena *a, struct listing *l,
    const struct taxonomy *tax, int stmt, enum tax_kind kind)
{
	struct db_res	 res;
	int		 n;

	if (db_stream(db, a, DBF_CONSULTATION, stmt, NULL, 0, &res) == -1)
		return -1;
	while ((n = db_next(&res)) == 1)
		(void)listing_link(l, (uint32_t)db_int(&res, 0), kind,
		    taxonomy_pos(tax, kind, (int)db_int(&res, 1)));
	db_res_free(&res);
	return n == 0 ? 0 : -1;
}

int
db_listing_load(struct db *db, struct arena *a, struct listing *l,
    const struct taxonomy *tax)
{
	if (load_rows(db, a, l, tax) == -1 ||
	    load_links(db, a, l, tax, STMT_INDEX_THEMES, TAX_THEME) == -1 ||
	    load_links(db, a, l, tax, STMT_INDEX_DISTRICTS, TAX_DISTRICT) ==
	    -1 ||
	    load_links(db, a, l, tax, STMT_INDEX_GROUPS, TAX_GROUP) == -1 ||
	    listing_finish(l) == -1) {
		listing_free(l);
		return -1;
	}
	return 0;
}

int
db_consultation_search(struct db *db, struct arena *a, const char *query,
    uint32_t **ids, size_t *n)
{
	struct db_arg	 arg[] = { DB_STR(query) };
	struct db_res	 res;
	int		 r;

	*n = 0;
	if (db_query(db, a, DBF_CONSULTATION, STMT_SEARCH, arg, 1, &res) == -1)
		return -1;
	if ((*ids = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(uint32_t))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1)
		(*ids)[(*n)++] = (uint32_t)db_int(&res, 0);
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}

#define DUP(i)	arena_strdup(a, db_str(&res, (i)))

int
db_consultation_get(struct db *db, struct arena *a, uint32_t id,
    struct consultation *c)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_CONSULTATION, STMT_GET, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) != 1)
		goto out;
	c->id = (uint32_t)db_int(&res, 0);
	c->slug = DUP(1);
	c->title = DUP(2);
	c->summary = DUP(3);
	c->body = DUP(4);
	c->unit_slug = DUP(5);
	c->unit_name = DUP(6);
	c->format_slug = DUP(7);
	c->format_name = DUP(8);
	c->format_mode = DUP(9);
	c->status = DUP(10);
	c->moderation = DUP(11);
	c->opens = (time_t)db_int(&res, 12);
	c->closes = (time_t)db_int(&res, 13);
	c->closed_at = (time_t)db_int(&res, 14);
	c->published = (time_t)db_int(&res, 15);
	c->completed = (time_t)db_int(&res, 16);
	c->cancelled = (time_t)db_int(&res, 17);
	c->event_at = (time_t)db_int(&res, 18);
	c->updated = (time_t)db_int(&res, 19);
	c->event_place = DUP(20);
	c->question = DUP(21);
	c->alternatives = DUP(22);
	c->stakeholders = DUP(23);
	c->consequences = DUP(24);
	c->how_to_participate = DUP(25);
	c->contact_name = DUP(26);
	c->contact_email = DUP(27);
	c->contact_phone = DUP(28);
	c->results_publication = DUP(29);
	c->close_reason = DUP(30);
	c->cancel_reason = DUP(31);
	c->comments = db_int(&res, 32);
	c->proposals = db_int(&res, 33);
	c->archived = (time_t)db_int(&res, 34);
	c->archive_ref = DUP(35);
	/* A NULL among the copies means the arena ran out. */
	if (c->results_publication == NULL || c->cancel_reason == NULL ||
	    c->body == NULL || c->title == NULL || c->archive_ref == NULL)
		r = -1;
out:
	db_res_free(&res);
	return r;
}

int
db_consultation_terms(struct db *db, struct arena *a, uint32_t id, int kind,
    struct named **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 stmt, r;

	stmt = kind == TAX_THEME ? STMT_THEMES :
	    kind == TAX_DISTRICT ? STMT_DISTRICTS : STMT_GROUPS;
	*n = 0;
	if (db_query(db, a, DBF_CONSULTATION, stmt, arg, 1, &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1) {
		(*out)[*n].slug = DUP(0);
		(*out)[*n].name = DUP(1);
		(*n)++;
	}
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}

int
db_consultation_stamp(struct db *db, struct arena *a, uint32_t id,
    struct consultation_stamp *st)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_CONSULTATION, STMT_STAMP, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		st->version = (unsigned long long)db_int(&res, 0);
		st->slug = DUP(1);
		st->status = DUP(2);
		st->opens = (time_t)db_int(&res, 3);
		st->closes = (time_t)db_int(&res, 4);
		st->closed_at = (time_t)db_int(&res, 5);
		if (st->slug == NULL || st->status == NULL)
			r = -1;
	}
	db_res_free(&res);
	return r;
}

int
db_consultation_terms_all(struct db *db, struct arena *a, uint32_t id,
    struct named *out[TAX__MAX], size_t n[TAX__MAX])
{
	struct db_arg	 arg[] = { DB_INT(id), DB_INT(id), DB_INT(id) };
	struct db_res	 res;
	struct named	*all;
	size_t		 k, i = 0;
	long long	 kind;
	int		 r;

	memset(n, 0, TAX__MAX * sizeof(n[0]));
	for (k = 0; k < TAX__MAX; k++)
		out[k] = NULL;
	if (db_query(db, a, DBF_CONSULTATION, STMT_TERMS, arg, 3, &res) == -1)
		return -1;
	/* One array; each kind's rows are consecutive (ORDER BY k). */
	if ((all = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(*all))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1) {
		kind = db_int(&res, 0);
		if (kind < 0 || kind >= TAX__MAX)
			continue;
		if (out[kind] == NULL)
			out[kind] = &all[i];
		all[i].slug = DUP(1);
		all[i].name = DUP(2);
		if (all[i].slug == NULL || all[i].name == NULL) {
			r = -1;
			break;
		}
		n[kind]++;
		i++;
	}
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}

int
db_document_list(struct db *db, struct arena *a, uint32_t id,
    struct document **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	struct document	*d;
	int		 r;

	*n = 0;
	if (db_query(db, a, DBF_CONSULTATION, STMT_DOCUMENTS, arg, 1,
	    &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1) {
		d = &(*out)[(*n)++];
		d->title = DUP(0);
		d->url = DUP(1);
		d->file_hash = DUP(2);
		d->file_name = DUP(3);
		d->mime_type = DUP(4);
		d->size = db_int(&res, 5);
	}
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}

int
db_report_get(struct db *db, struct arena *a, uint32_t id, struct report *rep)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_CONSULTATION, STMT_REPORT, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		rep->summary = DUP(0);
		rep->published = (time_t)db_int(&res, 1);
		if (rep->summary == NULL)
			r = -1;
	}
	db_res_free(&res);
	return r;
}
