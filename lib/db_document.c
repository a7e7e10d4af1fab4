/*
 * SQL of the admin's documents (lib/db_document.h).
 */
#include <string.h>

#include "db.h"
#include "db_document.h"

enum stmt {
	STMT_LIST,
	STMT_GET,
	STMT_ADD,
	STMT_DELETE,
	STMT_HASH_USES,
	STMT__MAX
};

#define COLUMNS \
	"id, consultation_id, title, COALESCE(url, ''), " \
	"COALESCE(file_hash, ''), COALESCE(file_name, ''), mime_type, " \
	"size_bytes, UNIX_TIMESTAMP(created_at) "

static const char *const stmts[STMT__MAX] = {
	/* STMT_LIST */
	"SELECT " COLUMNS "FROM documents WHERE consultation_id = ? "
	"ORDER BY sort, id LIMIT 200",
	/* STMT_GET */
	"SELECT " COLUMNS "FROM documents WHERE id = ?",
	/* STMT_ADD: after the consultation's last document. */
	"INSERT INTO documents (consultation_id, title, url, file_hash, "
	    "file_name, mime_type, size_bytes, sort) "
	"SELECT ?, ?, ?, ?, ?, ?, ?, COALESCE(MAX(sort) + 1, 0) "
	"FROM documents WHERE consultation_id = ?",
	/* STMT_DELETE */
	"DELETE FROM documents WHERE id = ?",
	/* STMT_HASH_USES */
	"SELECT COUNT(*) FROM documents WHERE file_hash = ?",
};

const struct db_family_def db_document_def = { "document", stmts, STMT__MAX };


static int
row_read(struct db_res *res, struct arena *a, struct doc_row *d)
{
#undef DUP
#define DUP(i)	arena_strdup(a, db_str(res, (i)))
	d->id = (uint32_t)db_int(res, 0);
	d->consultation_id = (uint32_t)db_int(res, 1);
	d->title = DUP(2);
	d->url = DUP(3);
	d->file_hash = DUP(4);
	d->file_name = DUP(5);
	d->mime_type = DUP(6);
	d->size = db_int(res, 7);
	d->created = (time_t)db_int(res, 8);
	return d->title == NULL || d->url == NULL || d->file_hash == NULL ||
	    d->file_name == NULL || d->mime_type == NULL ? -1 : 0;
#undef DUP
}

int
db_doc_list(struct db *db, struct arena *a, uint32_t consultation,
    struct doc_row **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(consultation) };
	struct db_res	 res;
	int		 r;

	*n = 0;
	if (db_query(db, a, DBF_DOCUMENT, STMT_LIST, arg, 1, &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1)
		if (row_read(&res, a, &(*out)[(*n)++]) == -1) {
			r = -1;
			break;
		}
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}

int
db_doc_get(struct db *db, struct arena *a, uint32_t id, struct doc_row *d)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_DOCUMENT, STMT_GET, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1 && row_read(&res, a, d) == -1)
		r = -1;
	db_res_free(&res);
	return r;
}

int
db_doc_add(struct db *db, struct arena *a, const struct doc_row *d,
    uint32_t *id)
{
	struct db_arg	 arg[] = {
		DB_INT(d->consultation_id), DB_STR(d->title),
		DB_NULL, DB_NULL, DB_NULL,
		DB_STR(d->mime_type), DB_INT(d->size),
		DB_INT(d->consultation_id),
	};
	struct db_arg	 url = DB_STR(d->url), hash = DB_STR(d->file_hash),
			 name = DB_STR(d->file_name);

	if (*d->url != '\0')
		arg[2] = url;
	if (*d->file_hash != '\0') {
		arg[3] = hash;
		arg[4] = name;
	}
	if (db_query(db, a, DBF_DOCUMENT, STMT_ADD, arg,
	    sizeof(arg) / sizeof(arg[0]), NULL) == -1)
		return -1;
	*id = (uint32_t)db_insert_id(db);
	return 0;
}

int
db_doc_delete(struct db *db, struct arena *a, uint32_t id)
{
	struct db_arg	 arg[] = { DB_INT(id) };

	return db_query(db, a, DBF_DOCUMENT, STMT_DELETE, arg, 1, NULL);
}

int
db_doc_hash_uses(struct db *db, struct arena *a, const char *hash,
    long long *n)
{
	struct db_arg	 arg[] = { DB_STR(hash) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_DOCUMENT, STMT_HASH_USES, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1)
		*n = db_int(&res, 0);
	db_res_free(&res);
	return r == 1 ? 0 : -1;
}
