#include <mysql.h>
#include <errmsg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "db.h"
#include "log.h"

#define DB_ARGS_MAX	32

extern const struct db_family_def db_taxonomy_def;
extern const struct db_family_def db_consultation_def;
extern const struct db_family_def db_comment_def;
extern const struct db_family_def db_health_def;
extern const struct db_family_def db_submit_def;
extern const struct db_family_def db_admin_def;
extern const struct db_family_def db_moderation_def;
extern const struct db_family_def db_feed_def;
extern const struct db_family_def db_consult_admin_def;
extern const struct db_family_def db_document_def;
extern const struct db_family_def db_notify_def;
extern const struct db_family_def db_stats_def;
extern const struct db_family_def db_agenda_def;
extern const struct db_family_def db_opendata_def;

static const struct db_family_def *const families[DBF__MAX] = {
	&db_taxonomy_def,	/* DBF_TAXONOMY */
	&db_consultation_def,	/* DBF_CONSULTATION */
	&db_comment_def,	/* DBF_COMMENT */
	&db_health_def,		/* DBF_HEALTH */
	&db_submit_def,		/* DBF_SUBMIT */
	&db_admin_def,		/* DBF_ADMIN */
	&db_moderation_def,	/* DBF_MODERATION */
	&db_feed_def,		/* DBF_FEED */
	&db_consult_admin_def,	/* DBF_CONSULT_ADMIN */
	&db_document_def,	/* DBF_DOCUMENT */
	&db_notify_def,		/* DBF_NOTIFY */
	&db_stats_def,		/* DBF_STATS */
	&db_agenda_def,		/* DBF_AGENDA */
	&db_opendata_def,	/* DBF_OPENDATA */
};

struct db {
	const struct config	*cfg;
	MYSQL			*my;
	MYSQL_STMT		**stmts[DBF__MAX];
	int			 up;
	unsigned		 gen;
	unsigned long long	 affected;
	unsigned long long	 insert_id;
	unsigned		 err;		/* of the last statement */
	int			 in_tx;		/* db_begin() without its end */
};

struct db *
db_new(const struct config *conf)
{
	struct db	*db;
	size_t		 f;

	if ((db = calloc(1, sizeof(*db))) == NULL)
		return NULL;
	db->cfg = conf;
	for (f = 0; f < DBF__MAX; f++)
		if ((db->stmts[f] = calloc(families[f]->n + 1,
		    sizeof(MYSQL_STMT *))) == NULL) {
			db_free(db);
			return NULL;
		}
	return db;
}

static void
db_disconnect(struct db *db)
{
	size_t	 f, i;

	for (f = 0; f < DBF__MAX; f++)
		for (i = 0; db->stmts[f] != NULL && i < families[f]->n; i++)
			if (db->stmts[f][i] != NULL) {
				mysql_stmt_close(db->stmts[f][i]);
				db->stmts[f][i] = NULL;
			}
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	db->up = 0;
	db->in_tx = 0;
}

void
db_free(struct db *db)
{
	size_t	 f;

	if (db == NULL)
		return;
	db_disconnect(db);
	for (f = 0; f < DBF__MAX; f++)
		free(db->stmts[f]);
	free(db);
}

int
db_ensure(struct db *db)
{
	const struct config	*c = db->cfg;
	unsigned int		 timeout = 2, io_timeout = 10;
	my_bool			 off = 0;

	if (db->up)
		return 0;
	db_disconnect(db);
	if ((db->my = mysql_init(NULL)) == NULL)
		return -1;
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	/* A hung server must not hold a worker (and its visitor) forever. */
	mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &io_timeout);
	mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &io_timeout);
	mysql_options(db->my, MYSQL_OPT_RECONNECT, &off);
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Re-run on every connect: the session state is part of correctness. */
	mysql_options(db->my, MYSQL_INIT_COMMAND,
	    "SET NAMES utf8mb4 COLLATE utf8mb4_uca1400_ai_ci, "
	    "time_zone = '+00:00'");
	if (mysql_real_connect(db->my, NULL, c->db_user, c->db_password,
	    c->db_name, 0, c->db_socket, 0) == NULL) {
		log_error("db: connect: %s", mysql_error(db->my));
		db_disconnect(db);
		return -1;
	}
	db->up = 1;
	db->gen++;
	return 0;
}

int
db_up(const struct db *db)
{
	return db->up;
}

unsigned
db_generation(const struct db *db)
{
	return db->gen;
}

static int
lost(unsigned int err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
	    err == CR_CONNECTION_ERROR || err == CR_CONN_HOST_ERROR ||
	    err == 1927 /* ER_CONNECTION_KILLED */ ||
	    err == 4031 /* ER_CLIENT_INTERACTION_TIMEOUT */ ||
	    err == 1053 /* ER_SERVER_SHUTDOWN */;
}

static MYSQL_STMT *
stmt_get(struct db *db, enum db_family f, int i)
{
	MYSQL_STMT	*st;
	my_bool		 on = 1;
	const char	*sql = families[f]->sql[i];

	if ((st = db->stmts[f][i]) != NULL)
		return st;
	if ((st = mysql_stmt_init(db->my)) == NULL)
		return NULL;
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		log_error("db: prepare %s[%d]: %s", families[f]->name, i,
		    mysql_stmt_error(st));
		if (lost(mysql_stmt_errno(st)))
			db->up = 0;
		mysql_stmt_close(st);
		return NULL;
	}
	db->stmts[f][i] = st;
	return st;
}

/* Bound values, read by the client at execute: they must outlive it. */
struct bound {
	MYSQL_BIND	 b[DB_ARGS_MAX];
	long long	 iv[DB_ARGS_MAX];
	unsigned long	 lens[DB_ARGS_MAX];
};

static int
bind_args(MYSQL_STMT *st, struct bound *bd, const struct db_arg *args,
    size_t n)
{
	MYSQL_BIND	*b = bd->b;
	long long	*iv = bd->iv;
	unsigned long	*lens = bd->lens;
	size_t		 k;

	if (n > DB_ARGS_MAX || n != mysql_stmt_param_count(st))
		return -1;
	memset(b, 0, sizeof(bd->b));
	for (k = 0; k < n; k++) {
		switch (args[k].type) {
		case DB_ARG_INT:
			iv[k] = args[k].i;
			b[k].buffer_type = MYSQL_TYPE_LONGLONG;
			b[k].buffer = &iv[k];
			break;
		case DB_ARG_STR:
		case DB_ARG_BLOB:
			lens[k] = (unsigned long)args[k].len;
			/* Bytes as bytes: no charset conversion of a hash. */
			b[k].buffer_type = args[k].type == DB_ARG_BLOB ?
			    MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING;
			b[k].buffer = (void *)(uintptr_t)args[k].s;
			b[k].buffer_length = lens[k];
			b[k].length = &lens[k];
			break;
		default:
			b[k].buffer_type = MYSQL_TYPE_NULL;
			break;
		}
	}
	return n == 0 ? 0 : (mysql_stmt_bind_param(st, b) == 0 ? 0 : -1);
}

static int
exec_once(struct db *db, MYSQL_STMT *st, const struct db_arg *args,
    size_t nargs)
{
	struct bound	 bd;

	if (bind_args(st, &bd, args, nargs) == -1) {
		log_error("db: bad arguments (%zu given, %lu wanted)", nargs,
		    mysql_stmt_param_count(st));
		return -1;
	}
	db->err = 0;
	if (mysql_stmt_execute(st) != 0) {
		db->err = mysql_stmt_errno(st);
		if (lost(db->err))
			db->up = 0;
		/* A duplicate key is an answer (a double submission). */
		if (db->err != DB_ERR_DUPLICATE)
			log_error("db: execute: %u %s", db->err,
			    mysql_stmt_error(st));
		return -1;
	}
	return 0;
}

/*
 * Longest value a streamed column takes (bytes): a streamed result has no
 * max_length, so buffers come from the declared lengths, capped.  The
 * caller of db_stream() asks for LEFT(...) of long texts.
 */
#define DB_STREAM_COL_MAX	4096

static int
res_bind(struct db_res *res, MYSQL_STMT *st, struct arena *a, int stored)
{
	MYSQL_RES	*meta;
	MYSQL_FIELD	*fields;
	MYSQL_BIND	*b;
	size_t		 i, cap;

	if ((meta = mysql_stmt_result_metadata(st)) == NULL)
		return -1;
	fields = mysql_fetch_fields(meta);
	res->ncols = mysql_num_fields(meta);
	b = arena_calloc(a, res->ncols, sizeof(MYSQL_BIND));
	res->val = arena_calloc(a, res->ncols, sizeof(char *));
	res->len = arena_calloc(a, res->ncols, sizeof(unsigned long));
	res->isnull = arena_calloc(a, res->ncols, 1);
	if (b == NULL || res->val == NULL || res->len == NULL ||
	    res->isnull == NULL)
		goto fail;
	for (i = 0; i < res->ncols; i++) {
		/* Room for the longest value (numbers as text need <= 64). */
		cap = stored ? fields[i].max_length : fields[i].length;
		if (!stored && cap > DB_STREAM_COL_MAX)
			cap = DB_STREAM_COL_MAX;
		if (cap < 63)
			cap = 63;
		if ((res->val[i] = arena_alloc(a, cap + 1)) == NULL)
			goto fail;
		b[i].buffer_type = MYSQL_TYPE_STRING;
		b[i].buffer = res->val[i];
		b[i].buffer_length = cap;
		b[i].length = &res->len[i];
		b[i].is_null = (my_bool *)&res->isnull[i];
	}
	mysql_free_result(meta);
	res->bind = b;
	return mysql_stmt_bind_result(st, b) == 0 ? 0 : -1;
fail:
	mysql_free_result(meta);
	return -1;
}

static int
run(struct db *db, struct arena *a, enum db_family f, int i,
    const struct db_arg *args, size_t nargs, struct db_res *res, int store)
{
	MYSQL_STMT	*st;
	int		 try;

	if (res != NULL)
		memset(res, 0, sizeof(*res));
	/* A connection lost inside a transaction lost the transaction too. */
	if (db->in_tx && !db->up)
		return -1;
	/*
	 * A SELECT on a connection found dead (the server restarted since the
	 * last request) is tried once more on a fresh connection; writes are
	 * not, as they may have been applied.
	 */
	for (try = 0; ; try++) {
		if (db_ensure(db) == 0 && (st = stmt_get(db, f, i)) != NULL &&
		    exec_once(db, st, args, nargs) == 0)
			break;
		if (try > 0 || db->up || res == NULL || db->in_tx)
			return -1;
	}
	db->affected = (unsigned long long)mysql_stmt_affected_rows(st);
	db->insert_id = (unsigned long long)mysql_stmt_insert_id(st);
	if (res == NULL)
		return 0;
	res->db = db;
	res->stmt = st;
	if (store && mysql_stmt_store_result(st) != 0) {
		if (lost(mysql_stmt_errno(st)))
			db->up = 0;
		log_error("db: store: %s", mysql_stmt_error(st));
		return -1;
	}
	res->rows = store ? (unsigned long long)mysql_stmt_num_rows(st) : 0;
	res->streaming = !store;
	if (res_bind(res, st, a, store) == -1) {
		mysql_stmt_free_result(st);
		res->stmt = NULL;
		return -1;
	}
	return 0;
}

int
db_query(struct db *db, struct arena *a, enum db_family f, int i,
    const struct db_arg *args, size_t nargs, struct db_res *res)
{
	return run(db, a, f, i, args, nargs, res, 1);
}

int
db_stream(struct db *db, struct arena *a, enum db_family f, int i,
    const struct db_arg *args, size_t nargs, struct db_res *res)
{
	return run(db, a, f, i, args, nargs, res, 0);
}

int
db_next(struct db_res *res)
{
	MYSQL_STMT	*st = res->stmt;
	MYSQL_BIND	*b = res->bind;
	size_t		 i;
	int		 rc;

	if (st == NULL)
		return -1;
	rc = mysql_stmt_fetch(st);
	if (rc == MYSQL_NO_DATA) {
		res->streaming = 0;
		return 0;
	}
	if (rc == 1) {
		res->streaming = 0;
		if (lost(mysql_stmt_errno(st)))
			res->db->up = 0;
		return -1;
	}
	/*
	 * MYSQL_DATA_TRUNCATED: a streamed value longer than its buffer (the
	 * cap); for stored rows max_length covers them, so a safety net.
	 */
	for (i = 0; i < res->ncols; i++) {
		if (res->len[i] > b[i].buffer_length)
			res->len[i] = b[i].buffer_length;
		res->val[i][res->len[i]] = '\0';
	}
	return 1;
}

void
db_res_free(struct db_res *res)
{
	int	 rc;

	if (res == NULL || res->stmt == NULL)
		return;
	/* A stream left early: its rows must leave the wire first. */
	while (res->streaming) {
		rc = mysql_stmt_fetch(res->stmt);
		if (rc == MYSQL_NO_DATA || rc == 1)
			res->streaming = 0;
	}
	mysql_stmt_free_result(res->stmt);
	res->stmt = NULL;
}

const char *
db_str(const struct db_res *res, size_t col)
{
	if (col >= res->ncols || res->isnull[col])
		return "";
	return res->val[col];
}

long long
db_int(const struct db_res *res, size_t col)
{
	if (col >= res->ncols || res->isnull[col])
		return 0;
	return strtoll(res->val[col], NULL, 10);
}

int
db_isnull(const struct db_res *res, size_t col)
{
	return col >= res->ncols || res->isnull[col];
}

unsigned long long
db_affected(const struct db *db)
{
	return db->affected;
}

unsigned long long
db_insert_id(const struct db *db)
{
	return db->insert_id;
}

unsigned
db_error(const struct db *db)
{
	return db->err;
}

int
db_begin(struct db *db)
{
	if (db->in_tx || db_ensure(db) == -1)
		return -1;
	if (mysql_autocommit(db->my, 0) != 0) {
		log_error("db: begin: %s", mysql_error(db->my));
		if (lost(mysql_errno(db->my)))
			db->up = 0;
		return -1;
	}
	db->in_tx = 1;
	return 0;
}

/* Ends a transaction either way; autocommit comes back on. */
static int
tx_end(struct db *db, int commit)
{
	int	 rc = 0;

	if (!db->in_tx)
		return commit ? -1 : 0;
	db->in_tx = 0;
	if (!db->up)
		return commit ? -1 : 0;
	if ((commit ? mysql_commit(db->my) : mysql_rollback(db->my)) != 0) {
		log_error("db: %s: %s", commit ? "commit" : "rollback",
		    mysql_error(db->my));
		rc = -1;
	}
	/* A failed commit leaves the transaction open on the server. */
	if (rc == -1 && commit)
		(void)mysql_rollback(db->my);
	if (mysql_autocommit(db->my, 1) != 0)
		rc = -1;
	if (rc == -1 && lost(mysql_errno(db->my)))
		db->up = 0;
	return rc;
}

int
db_commit(struct db *db)
{
	return tx_end(db, 1);
}

int
db_rollback(struct db *db)
{
	return tx_end(db, 0);
}
