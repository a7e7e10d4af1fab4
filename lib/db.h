/*
 * The database layer over MariaDB Connector/C: one connection per worker,
 * prepared statements only.  Each model file (db_<entity>.c) owns the SQL of
 * its table family as an array indexed by its own enum; statements are
 * prepared on first use and kept for the connection's lifetime.
 *
 * No auto-reconnect (it silently drops prepared statements and the session
 * collation): when the server goes away (errors 2006/2013) the connection
 * is marked lost, and db_ensure() at the start of the next request opens a
 * new one, sets the session up again and lets statements re-prepare.
 *
 * Results are bound as strings into buffers from the request's arena sized
 * by the result's maximum lengths, so nothing is truncated and nothing
 * outlives the request.
 */
#ifndef HROMADA_DB_H
#define HROMADA_DB_H

#include <stddef.h>

#include "arena.h"

struct config;

/* The families of statements; one model file each. */
enum db_family {
	DBF_TAXONOMY,
	DBF_CONSULTATION,
	DBF_COMMENT,
	DBF_HEALTH,
	DBF_SUBMIT,
	DBF_ADMIN,		/* users, sessions, failures, audit log */
	DBF_MODERATION,		/* the admin's comments, answers, reports */
	DBF_FEED,		/* Atom and iCalendar */
	DBF_CONSULT_ADMIN,	/* the admin's consultation editor */
	DBF_DOCUMENT,		/* the admin's documents of a consultation */
	DBF_NOTIFY,		/* subscriptions, events, the outbox */
	DBF_STATS,		/* efficiency indicators */
	DBF_AGENDA,		/* the unified agenda */
	DBF_OPENDATA,		/* open data export, archive import */
	DBF__MAX
};

/* What a model file exports: its statements' SQL, by its own enum. */
struct db_family_def {
	const char		*name;
	const char *const	*sql;
	size_t			 n;
};

enum db_arg_type {
	DB_ARG_INT,
	DB_ARG_STR,
	DB_ARG_BLOB,	/* bytes, not text (hashes) */
	DB_ARG_NULL
};

struct db_arg {
	enum db_arg_type	 type;
	long long		 i;
	const char		*s;
	size_t			 len;
};

#define DB_INT(v)	{ DB_ARG_INT, (long long)(v), NULL, 0 }
#define DB_STR(v)	{ DB_ARG_STR, 0, (v), strlen(v) }
#define DB_STRN(v, n)	{ DB_ARG_STR, 0, (v), (n) }
#define DB_BLOB(v, n)	{ DB_ARG_BLOB, 0, (const char *)(v), (n) }
#define DB_NULL		{ DB_ARG_NULL, 0, NULL, 0 }

struct db;

/* A result (stored or streamed); rows are read with db_next(). */
struct db_res {
	struct db	*db;
	void		*stmt;		/* MYSQL_STMT * */
	void		*bind;		/* MYSQL_BIND[ncols] */
	char		**val;		/* current row: strings, NULL for NULL */
	unsigned long	*len;
	char		*isnull;
	size_t		 ncols;
	unsigned long long rows;	/* total rows (stored results) */
	int		 streaming;	/* rows still on the wire */
};

/*
 * Makes a connection object (not yet connected) from the configuration;
 * NULL on allocation failure.  db_free() closes and releases (NULL-safe).
 */
struct db	*db_new(const struct config *);
void		 db_free(struct db *);

/* Connects if not connected; 0 when usable, -1 when the server is away. */
int		 db_ensure(struct db *);
/* Whether the connection is up (as far as we know). */
int		 db_up(const struct db *);
/* A counter bumped on every (re)connect, so caches know to reload. */
unsigned	 db_generation(const struct db *);

/*
 * Runs a statement with arguments.  For a SELECT, fills *res (caller calls
 * db_res_free); for others pass res NULL.  Returns 0 or -1 (logged; a lost
 * connection is noted for db_ensure).
 */
int		 db_query(struct db *, struct arena *, enum db_family, int stmt,
		    const struct db_arg *, size_t nargs, struct db_res *res);
/*
 * Like db_query() for a SELECT, but rows come from the server one at a time
 * as db_next() asks (nothing holds the whole result: a large result costs
 * one row of memory).  res->rows is 0 (unknown).  Column buffers follow the
 * declared lengths, capped at 4 KB (a longer value is cut: select LEFT() of
 * long texts).  No other statement may run on the connection until
 * db_res_free().
 */
int		 db_stream(struct db *, struct arena *, enum db_family,
		    int stmt, const struct db_arg *, size_t nargs,
		    struct db_res *res);
/* Advances to the next row: 1 row, 0 end, -1 error. */
int		 db_next(struct db_res *);
void		 db_res_free(struct db_res *);

/* Column accessors for the current row. */
const char	*db_str(const struct db_res *, size_t col);	/* "" for NULL */
long long	 db_int(const struct db_res *, size_t col);	/* 0 for NULL */
int		 db_isnull(const struct db_res *, size_t col);

unsigned long long db_affected(const struct db *);
unsigned long long db_insert_id(const struct db *);

/*
 * A transaction on the worker's connection, for writes that must land
 * together (a row and its link tables).  db_begin() turns autocommit off;
 * db_commit() and db_rollback() end it and turn autocommit back on.  While
 * one is open, a lost connection is not silently re-opened (the rest of the
 * writes would run outside it): db_query() fails until db_rollback().
 * Each returns 0 or -1; db_rollback() on no transaction is harmless.
 */
int		 db_begin(struct db *);
int		 db_commit(struct db *);
int		 db_rollback(struct db *);

/* The server's error number of the last statement run, 0 if it succeeded. */
unsigned	 db_error(const struct db *);
#define DB_ERR_DUPLICATE	1062	/* ER_DUP_ENTRY */

#endif /* HROMADA_DB_H */
