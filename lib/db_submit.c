/*
 * The write side of participation: storing a comment or proposal once,
 * the per-address counts behind the rate limit, and receipts.
 */
#include <string.h>

#include "db.h"
#include "model.h"

enum stmt {
	STMT_ADD,
	STMT_FIND,
	STMT_RATE,
	STMT_RECEIPT,
	STMT_POSITION,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_ADD: the unique submit_key makes a second one a duplicate. */
	"INSERT INTO comments (consultation_id, kind, author_name, "
	    "author_email, organisation, body, status, published_at, "
	    "client_hash, submit_key, notify_author) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "IF(? = 'published', UTC_TIMESTAMP(), NULL), ?, ?, ?)",
	/* STMT_FIND */
	"SELECT id FROM comments WHERE submit_key = ?",
	/* STMT_RATE */
	"SELECT COALESCE(SUM(created_at > UTC_TIMESTAMP() - INTERVAL 1 MINUTE),"
	    " 0), COUNT(*) FROM comments "
	"WHERE client_hash = ? "
	    "AND created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR",
	/* STMT_RECEIPT */
	"SELECT id, consultation_id, kind, author_name, "
	    "COALESCE(organisation, ''), body, status, "
	    "UNIX_TIMESTAMP(created_at) FROM comments WHERE id = ?",
	/* STMT_POSITION: published ones before it (ix_comments_public). */
	"SELECT COUNT(*) FROM comments "
	"WHERE consultation_id = ? AND status = 'published' AND id < ?",
};

const struct db_family_def db_submit_def = { "submit", stmts, STMT__MAX };

int
db_submission_find(struct db *db, struct arena *a,
    const unsigned char key[32], uint32_t *id)
{
	struct db_arg	 arg[] = { DB_BLOB(key, 32) };
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_SUBMIT, STMT_FIND, arg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1)
		*id = (uint32_t)db_int(&res, 0);
	db_res_free(&res);
	return rc;
}

int
db_submission_add(struct db *db, struct arena *a, const struct submission *s,
    uint32_t *id)
{
	struct db_arg	 arg[] = {
		DB_INT(s->consultation_id),
		DB_STR(s->kind),
		DB_STRN(s->name, s->name_len),
		DB_STRN(s->email, s->email_len),
		s->org_len > 0 ? (struct db_arg)DB_STRN(s->organisation,
		    s->org_len) : (struct db_arg)DB_NULL,
		DB_STRN(s->body, s->body_len),
		DB_STR(s->status),
		DB_STR(s->status),
		DB_BLOB(s->client_hash, 32),
		DB_BLOB(s->key, 32),
		DB_INT(s->notify_author != 0),
	};

	if (db_query(db, a, DBF_SUBMIT, STMT_ADD, arg,
	    sizeof(arg) / sizeof(arg[0]), NULL) == 0) {
		*id = (uint32_t)db_insert_id(db);
		return 1;
	}
	if (db_error(db) != DB_ERR_DUPLICATE)
		return -1;
	/* A double click or a retry: the first one stands. */
	return db_submission_find(db, a, s->key, id) == 1 ? 0 : -1;
}

int
db_submission_rate(struct db *db, struct arena *a,
    const unsigned char hash[32], long long *minute, long long *hour)
{
	struct db_arg	 arg[] = { DB_BLOB(hash, 32) };
	struct db_res	 res;
	int		 rc = -1;

	if (db_query(db, a, DBF_SUBMIT, STMT_RATE, arg, 1, &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		*minute = db_int(&res, 0);
		*hour = db_int(&res, 1);
		rc = 0;
	}
	db_res_free(&res);
	return rc;
}

#define DUP(i)	arena_strdup(a, db_str(&res, (i)))

int
db_receipt_get(struct db *db, struct arena *a, uint32_t id,
    struct receipt *rc)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_SUBMIT, STMT_RECEIPT, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		rc->id = (uint32_t)db_int(&res, 0);
		rc->consultation_id = (uint32_t)db_int(&res, 1);
		rc->kind = DUP(2);
		rc->name = DUP(3);
		rc->organisation = DUP(4);
		rc->body = DUP(5);
		rc->status = DUP(6);
		rc->created = (time_t)db_int(&res, 7);
		if (rc->body == NULL || rc->status == NULL)
			r = -1;
	}
	db_res_free(&res);
	return r;
}

int
db_comment_position(struct db *db, struct arena *a, uint32_t consultation,
    uint32_t id, long long *before)
{
	struct db_arg	 arg[] = { DB_INT(consultation), DB_INT(id) };
	struct db_res	 res;
	int		 rc = -1;

	if (db_query(db, a, DBF_SUBMIT, STMT_POSITION, arg, 2, &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		*before = db_int(&res, 0);
		rc = 0;
	}
	db_res_free(&res);
	return rc;
}
