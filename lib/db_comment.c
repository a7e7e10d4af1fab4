#include <string.h>

#include "db.h"
#include "model.h"

enum stmt {
	STMT_PAGE,
	STMT_PARTICIPANTS,
	STMT_PROPOSALS,
	STMT__MAX
};

#define COMMENT_COLUMNS \
	"SELECT c.id, COALESCE(c.parent_id, 0), c.kind, c.author_name, " \
	    "COALESCE(c.organisation, ''), c.body, " \
	    "UNIX_TIMESTAMP(c.created_at), r.decision, r.reason, " \
	    "COALESCE(UNIX_TIMESTAMP(r.answered_at), 0) " \
	"FROM comments c LEFT JOIN responses r ON r.comment_id = c.id "

static const char *const stmts[STMT__MAX] = {
	/* STMT_PAGE */
	COMMENT_COLUMNS
	"WHERE c.consultation_id = ? AND c.status = 'published' "
	"ORDER BY c.id LIMIT ? OFFSET ?",
	/* STMT_PARTICIPANTS */
	"SELECT COUNT(DISTINCT author_email) FROM comments "
	"WHERE consultation_id = ? AND status = 'published'",
	/* STMT_PROPOSALS */
	COMMENT_COLUMNS
	"WHERE c.consultation_id = ? AND c.status = 'published' "
	    "AND c.kind = 'proposal' ORDER BY c.id",
};

const struct db_family_def db_comment_def = { "comment", stmts, STMT__MAX };

#define DUP(i)	arena_strdup(a, db_str(&res, (i)))

static int
comments_read(struct db_res *resp, struct arena *a, struct comment **out,
    size_t *n)
{
	struct db_res	 res = *resp;
	struct comment	*c;
	int		 r;

	*n = 0;
	if ((*out = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(**out))) == NULL)
		return -1;
	while ((r = db_next(&res)) == 1) {
		c = &(*out)[(*n)++];
		c->id = (uint32_t)db_int(&res, 0);
		c->parent_id = (uint32_t)db_int(&res, 1);
		c->kind = DUP(2);
		c->author_name = DUP(3);
		c->organisation = DUP(4);
		c->body = DUP(5);
		c->created = (time_t)db_int(&res, 6);
		c->decision = db_isnull(&res, 7) ? NULL : DUP(7);
		c->reason = db_isnull(&res, 8) ? NULL : DUP(8);
		c->answered = (time_t)db_int(&res, 9);
		if (c->body == NULL)
			return -1;
	}
	return r == 0 ? 0 : -1;
}

int
db_comment_page(struct db *db, struct arena *a, uint32_t id, size_t offset,
    size_t limit, struct comment **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(id), DB_INT(limit), DB_INT(offset) };
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_COMMENT, STMT_PAGE, arg, 3, &res) == -1)
		return -1;
	rc = comments_read(&res, a, out, n);
	db_res_free(&res);
	return rc;
}

int
db_proposal_list(struct db *db, struct arena *a, uint32_t id,
    struct comment **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_COMMENT, STMT_PROPOSALS, arg, 1, &res) == -1)
		return -1;
	rc = comments_read(&res, a, out, n);
	db_res_free(&res);
	return rc;
}

int
db_comment_participants(struct db *db, struct arena *a, uint32_t id,
    long long *n)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 rc = -1;

	if (db_query(db, a, DBF_COMMENT, STMT_PARTICIPANTS, arg, 1,
	    &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		*n = db_int(&res, 0);
		rc = 0;
	}
	db_res_free(&res);
	return rc;
}
