/*
 * SQL of the admin's work on participation: the moderation queue, answers
 * to proposals, the results report and the dashboard.  "? = 0 OR" lets one
 * statement serve every unit (admins, moderators) and one unit (editors).
 */
#include <string.h>

#include "db.h"
#include "db_moderation.h"

enum stmt {
	STMT_CBRIEF,
	STMT_MBRIEF,
	STMT_QUEUE,
	STMT_QUEUE_COUNT,
	STMT_MODERATE,
	STMT_ANSWERS,
	STMT_ANSWER_GET,
	STMT_ANSWER_SET,
	STMT_UNANSWERED,
	STMT_REPORT_GET,
	STMT_REPORT_SAVE,
	STMT_REPORT_PUBLISH,
	STMT_COMPLETE,
	STMT_DASH_PENDING,
	STMT_DASH_UNANSWERED,
	STMT_DASH_DUE,
	STMT__MAX
};

#define QUEUE_WHERE \
	"WHERE m.status = 'pending' AND (? = 0 OR m.consultation_id = ?) " \
	    "AND (? = 0 OR k.unit_id = ?) "
#define END_AT	"LEAST(k.closes_at, COALESCE(k.closed_at, k.closes_at))"

static const char *const stmts[STMT__MAX] = {
	/* STMT_CBRIEF */
	"SELECT id, unit_id, title, status, slug, UNIX_TIMESTAMP(opens_at), "
	    "UNIX_TIMESTAMP(closes_at), "
	    "COALESCE(UNIX_TIMESTAMP(closed_at), 0) "
	"FROM consultations WHERE id = ?",
	/* STMT_MBRIEF */
	"SELECT m.id, m.consultation_id, k.unit_id, m.status, m.kind "
	"FROM comments m JOIN consultations k ON k.id = m.consultation_id "
	"WHERE m.id = ?",
	/* STMT_QUEUE */
	"SELECT m.id, m.consultation_id, k.title, u.name_uk, m.kind, "
	    "m.author_name, m.author_email, COALESCE(m.organisation, ''), "
	    "m.body, UNIX_TIMESTAMP(m.created_at) "
	"FROM comments m JOIN consultations k ON k.id = m.consultation_id "
	    "JOIN units u ON u.id = k.unit_id "
	QUEUE_WHERE
	"ORDER BY m.created_at, m.id LIMIT 30",
	/* STMT_QUEUE_COUNT */
	"SELECT COUNT(*) "
	"FROM comments m JOIN consultations k ON k.id = m.consultation_id "
	QUEUE_WHERE,
	/* STMT_MODERATE: the first publication's time is kept. */
	"UPDATE comments SET status = ?, "
	    "published_at = IF(? = 'published', "
	    "COALESCE(published_at, UTC_TIMESTAMP()), published_at), "
	    "moderated_by = ?, moderated_at = UTC_TIMESTAMP(), "
	    "reject_reason = ? "
	"WHERE id = ?",
	/* STMT_ANSWERS */
	"SELECT m.id, m.consultation_id, '', '', m.kind, m.author_name, "
	    "m.author_email, COALESCE(m.organisation, ''), m.body, "
	    "UNIX_TIMESTAMP(m.created_at), r.decision, r.reason, "
	    "COALESCE(a.login, ''), COALESCE(UNIX_TIMESTAMP(r.answered_at), 0) "
	"FROM comments m LEFT JOIN responses r ON r.comment_id = m.id "
	    "LEFT JOIN users a ON a.id = r.answered_by "
	"WHERE m.consultation_id = ? AND m.kind = 'proposal' "
	    "AND m.status = 'published' ORDER BY m.id LIMIT 1000",
	/* STMT_ANSWER_GET */
	"SELECT decision, reason FROM responses WHERE comment_id = ?",
	/* STMT_ANSWER_SET */
	"INSERT INTO responses (comment_id, decision, reason, answered_by) "
	"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	    "decision = VALUES(decision), reason = VALUES(reason), "
	    "answered_by = VALUES(answered_by), answered_at = UTC_TIMESTAMP()",
	/* STMT_UNANSWERED */
	"SELECT COUNT(*) FROM comments m "
	    "LEFT JOIN responses r ON r.comment_id = m.id "
	"WHERE m.consultation_id = ? AND m.kind = 'proposal' "
	    "AND m.status = 'published' AND r.comment_id IS NULL",
	/* STMT_REPORT_GET */
	"SELECT summary, COALESCE(UNIX_TIMESTAMP(published_at), 0) "
	"FROM reports WHERE consultation_id = ?",
	/* STMT_REPORT_SAVE */
	"INSERT INTO reports (consultation_id, summary, created_by) "
	"VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE summary = VALUES(summary)",
	/* STMT_REPORT_PUBLISH */
	"UPDATE reports SET published_at = UTC_TIMESTAMP() "
	"WHERE consultation_id = ? AND published_at IS NULL",
	/* STMT_COMPLETE */
	"UPDATE consultations SET status = 'completed', "
	    "completed_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP(), "
	    "updated_by = ? "
	"WHERE id = ?",
	/* STMT_DASH_PENDING */
	"SELECT COUNT(*), COALESCE(SUM(m.created_at < "
	    "UTC_TIMESTAMP() - INTERVAL 7 DAY), 0) "
	"FROM comments m JOIN consultations k ON k.id = m.consultation_id "
	"WHERE m.status = 'pending' AND (? = 0 OR k.unit_id = ?)",
	/* STMT_DASH_UNANSWERED */
	"SELECT COUNT(*) "
	"FROM comments m JOIN consultations k ON k.id = m.consultation_id "
	    "LEFT JOIN responses r ON r.comment_id = m.id "
	"WHERE m.kind = 'proposal' AND m.status = 'published' "
	    "AND r.comment_id IS NULL AND (? = 0 OR k.unit_id = ?)",
	/* STMT_DASH_DUE: closed, no published report; latest first. */
	"SELECT k.id, k.title, UNIX_TIMESTAMP(" END_AT ") "
	"FROM consultations k LEFT JOIN reports r "
	    "ON r.consultation_id = k.id AND r.published_at IS NOT NULL "
	"WHERE k.status IN ('announced', 'open', 'closed') "
	    "AND " END_AT " < UTC_TIMESTAMP() AND r.consultation_id IS NULL "
	    "AND (? = 0 OR k.unit_id = ?) "
	"ORDER BY 3 DESC LIMIT 20",
};

const struct db_family_def db_moderation_def =
    { "moderation", stmts, STMT__MAX };

#define NARGS(a)	(sizeof(a) / sizeof((a)[0]))
#define DUP(i)		arena_strdup(a, db_str(&res, (i)))
#define OPT(i)		(db_isnull(&res, (i)) ? NULL : DUP(i))

int
db_cbrief_get(struct db *db, struct arena *a, uint32_t id, struct cbrief *c)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_MODERATION, STMT_CBRIEF, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		c->id = (uint32_t)db_int(&res, 0);
		c->unit_id = (uint32_t)db_int(&res, 1);
		c->title = DUP(2);
		c->status = DUP(3);
		c->slug = DUP(4);
		c->opens = (time_t)db_int(&res, 5);
		c->closes = (time_t)db_int(&res, 6);
		c->closed_at = (time_t)db_int(&res, 7);
		if (c->title == NULL || c->status == NULL || c->slug == NULL)
			r = -1;
	}
	db_res_free(&res);
	return r;
}

int
db_mbrief_get(struct db *db, struct arena *a, uint32_t id, struct mbrief *m)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_MODERATION, STMT_MBRIEF, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		m->id = (uint32_t)db_int(&res, 0);
		m->consultation_id = (uint32_t)db_int(&res, 1);
		m->unit_id = (uint32_t)db_int(&res, 2);
		m->status = DUP(3);
		m->kind = DUP(4);
		if (m->status == NULL || m->kind == NULL)
			r = -1;
	}
	db_res_free(&res);
	return r;
}

/* Reads rows of STMT_QUEUE's or STMT_ANSWERS' shape. */
static int
rows_read(struct db_res *rp, struct arena *a, struct mrow **out, size_t *n)
{
	struct db_res	 res = *rp;
	struct mrow	*v, *m;
	int		 rc;

	*n = 0;
	if ((v = arena_calloc(a, res.rows + 1, sizeof(*v))) == NULL)
		return -1;
	while ((rc = db_next(&res)) == 1) {
		m = &v[(*n)++];
		m->id = (uint32_t)db_int(&res, 0);
		m->consultation_id = (uint32_t)db_int(&res, 1);
		m->consultation_title = DUP(2);
		m->unit_name = DUP(3);
		m->kind = DUP(4);
		m->author_name = DUP(5);
		m->author_email = DUP(6);
		m->organisation = DUP(7);
		m->body = DUP(8);
		m->created = (time_t)db_int(&res, 9);
		if (res.ncols > 10) {
			m->decision = OPT(10);
			m->reason = OPT(11);
			m->answered_by = DUP(12);
			m->answered = (time_t)db_int(&res, 13);
		}
		if (m->body == NULL || m->author_email == NULL)
			return -1;
	}
	*out = v;
	return rc;
}

int
db_queue_list(struct db *db, struct arena *a, uint32_t consultation,
    uint32_t unit, struct mrow **out, size_t *n, long long *total)
{
	struct db_arg	 arg[] = { DB_INT(consultation), DB_INT(consultation),
	    DB_INT(unit), DB_INT(unit) };
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_MODERATION, STMT_QUEUE_COUNT, arg, NARGS(arg),
	    &res) == -1)
		return -1;
	rc = db_next(&res);
	*total = rc == 1 ? db_int(&res, 0) : 0;
	db_res_free(&res);
	if (rc != 1 || db_query(db, a, DBF_MODERATION, STMT_QUEUE, arg,
	    NARGS(arg), &res) == -1)
		return -1;
	rc = rows_read(&res, a, out, n);
	db_res_free(&res);
	return rc;
}

int
db_comment_moderate(struct db *db, struct arena *a, uint32_t id,
    const char *status, const char *reason, uint32_t by)
{
	struct db_arg	 arg[] = { DB_STR(status), DB_STR(status), DB_INT(by),
	    reason != NULL ? (struct db_arg)DB_STR(reason) :
	    (struct db_arg)DB_NULL, DB_INT(id) };

	return db_query(db, a, DBF_MODERATION, STMT_MODERATE, arg, NARGS(arg),
	    NULL);
}

int
db_answer_list(struct db *db, struct arena *a, uint32_t consultation,
    struct mrow **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(consultation) };
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_MODERATION, STMT_ANSWERS, arg, 1, &res) == -1)
		return -1;
	rc = rows_read(&res, a, out, n);
	db_res_free(&res);
	return rc;
}

int
db_answer_get(struct db *db, struct arena *a, uint32_t comment,
    const char **decision, const char **reason)
{
	struct db_arg	 arg[] = { DB_INT(comment) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_MODERATION, STMT_ANSWER_GET, arg, 1,
	    &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		*decision = DUP(0);
		*reason = DUP(1);
		if (*decision == NULL || *reason == NULL)
			r = -1;
	}
	db_res_free(&res);
	return r;
}

int
db_answer_set(struct db *db, struct arena *a, uint32_t comment,
    const char *decision, const char *reason, size_t rlen, uint32_t by)
{
	struct db_arg	 arg[] = { DB_INT(comment), DB_STR(decision),
	    DB_STRN(reason, rlen), DB_INT(by) };

	return db_query(db, a, DBF_MODERATION, STMT_ANSWER_SET, arg,
	    NARGS(arg), NULL);
}

static int
one_int(struct db *db, struct arena *a, int stmt, const struct db_arg *arg,
    size_t nargs, long long *out)
{
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_MODERATION, stmt, arg, nargs, &res) == -1)
		return -1;
	rc = db_next(&res);
	*out = rc == 1 ? db_int(&res, 0) : 0;
	db_res_free(&res);
	return rc == 1 ? 0 : -1;
}

int
db_unanswered_count(struct db *db, struct arena *a, uint32_t consultation,
    long long *n)
{
	struct db_arg	 arg[] = { DB_INT(consultation) };

	return one_int(db, a, STMT_UNANSWERED, arg, 1, n);
}

int
db_report_draft(struct db *db, struct arena *a, uint32_t consultation,
    const char **summary, time_t *published)
{
	struct db_arg	 arg[] = { DB_INT(consultation) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_MODERATION, STMT_REPORT_GET, arg, 1,
	    &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		*summary = DUP(0);
		*published = (time_t)db_int(&res, 1);
		if (*summary == NULL)
			r = -1;
	}
	db_res_free(&res);
	return r;
}

int
db_report_save(struct db *db, struct arena *a, uint32_t consultation,
    const char *summary, size_t len, uint32_t by)
{
	struct db_arg	 arg[] = { DB_INT(consultation), DB_STRN(summary, len),
	    DB_INT(by) };

	return db_query(db, a, DBF_MODERATION, STMT_REPORT_SAVE, arg,
	    NARGS(arg), NULL);
}

int
db_report_publish(struct db *db, struct arena *a, uint32_t consultation,
    uint32_t by)
{
	struct db_arg	 arg[] = { DB_INT(consultation) };
	struct db_arg	 arg2[] = { DB_INT(by), DB_INT(consultation) };

	if (db_query(db, a, DBF_MODERATION, STMT_REPORT_PUBLISH, arg, 1,
	    NULL) == -1)
		return -1;
	return db_query(db, a, DBF_MODERATION, STMT_COMPLETE, arg2,
	    NARGS(arg2), NULL);
}

int
db_dash_counts(struct db *db, struct arena *a, uint32_t unit, struct dash *d)
{
	struct db_arg	 arg[] = { DB_INT(unit), DB_INT(unit) };
	struct db_res	 res;
	int		 rc;

	memset(d, 0, sizeof(*d));
	if (db_query(db, a, DBF_MODERATION, STMT_DASH_PENDING, arg, 2,
	    &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1) {
		d->pending = db_int(&res, 0);
		d->pending_old = db_int(&res, 1);
	}
	db_res_free(&res);
	if (rc != 1)
		return -1;
	return one_int(db, a, STMT_DASH_UNANSWERED, arg, 2, &d->unanswered);
}

int
db_dash_due(struct db *db, struct arena *a, uint32_t unit, struct due **out,
    size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(unit), DB_INT(unit) };
	struct db_res	 res;
	struct due	*v;
	int		 rc;

	*n = 0;
	if (db_query(db, a, DBF_MODERATION, STMT_DASH_DUE, arg, 2, &res) == -1)
		return -1;
	if ((v = arena_calloc(a, res.rows + 1, sizeof(*v))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((rc = db_next(&res)) == 1) {
		v[*n].id = (uint32_t)db_int(&res, 0);
		v[*n].title = DUP(1);
		v[*n].end = (time_t)db_int(&res, 2);
		if (v[(*n)++].title == NULL)
			rc = -1;
	}
	db_res_free(&res);
	*out = v;
	return rc;
}
