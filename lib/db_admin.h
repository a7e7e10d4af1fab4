/*
 * The admin's own tables (DBF_ADMIN, lib/db_admin.c): users, sessions,
 * failed logins and the audit log.  Strings returned are from the arena.
 * Functions return 1 found / 0 not found, or 0 done, and -1 on a database
 * error (logged).
 */
#ifndef HROMADA_DB_ADMIN_H
#define HROMADA_DB_ADMIN_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "arena.h"
#include "auth.h"

struct db;

/* What a login needs of a user: id, stored hash, whether disabled. */
struct login_row {
	uint32_t	 id;
	const char	*hash;
	int		 disabled;
};

int	db_user_by_login(struct db *, struct arena *, const char *login,
	    size_t len, struct login_row *);
int	db_user_rehash(struct db *, struct arena *, uint32_t id,
	    const char *hash);
/* Adds a user; 1 added (*id), 0 the login is taken, -1 error. */
int	db_user_add(struct db *, struct arena *, const char *login,
	    const char *name, const char *hash, enum auth_role,
	    uint32_t unit_id, uint32_t *id);
/* A unit's id by slug: 1, 0 unknown, -1. */
int	db_unit_by_slug(struct db *, struct arena *, const char *slug,
	    uint32_t *id);
/* The first unit of a kind ('department', 'rda'), for the demo users. */
int	db_unit_first(struct db *, struct arena *, const char *kind,
	    const char **slug, const char **name);

int	db_session_add(struct db *, struct arena *, const unsigned char h[32],
	    uint32_t user_id);
/*
 * The user of a session (by its id's hash) if the user is not disabled:
 * 1 with u filled (but not u->sid and u->csrf) and the session's times,
 * 0 when unknown, -1.
 */
int	db_session_get(struct db *, struct arena *, const unsigned char h[32],
	    struct auth_user *u, time_t *created, time_t *seen);
int	db_session_touch(struct db *, struct arena *, const unsigned char h[32]);
int	db_session_delete(struct db *, struct arena *,
	    const unsigned char h[32]);
/* Removes every expired session (at login: the table stays small). */
int	db_session_purge(struct db *, struct arena *);

/* Failures in the window: count, oldest and latest (Unix seconds). */
struct fail_count {
	long	 n;
	time_t	 oldest, last;
};

int	db_failure_add(struct db *, struct arena *,
	    const unsigned char login_hash[32], const unsigned char addr[32]);
int	db_failure_count(struct db *, struct arena *, int by_addr,
	    const unsigned char hash[32], struct fail_count *);
int	db_failure_clear(struct db *, struct arena *,
	    const unsigned char login_hash[32]);

/* One audit row; any string may be NULL, object_id and unit 0 for none. */
struct audit {
	const struct auth_user	*user;		/* NULL: nobody signed in */
	const char		*login;		/* when user is NULL */
	const char		*action;
	const char		*object_type;
	unsigned long long	 object_id;
	uint32_t		 unit_id;
	const char		*before;	/* JSON */
	const char		*after;		/* JSON */
	const char		*detail;
	const char		*addr;		/* hashed before storing */
};

int	db_audit_add(struct db *, struct arena *, const struct audit *);

/* A user as the users screen shows it. */
struct user_row {
	uint32_t	 id, unit_id;		/* unit 0: none */
	const char	*login, *name, *unit_name;
	enum auth_role	 role;
	int		 disabled;
	time_t		 created, last_login;	/* last_login 0: never */
};

int	db_user_list(struct db *, struct arena *, struct user_row **,
	    size_t *n);
int	db_user_get(struct db *, struct arena *, uint32_t id,
	    struct user_row *);
/*
 * Both refuse (0) to take the rights of the last enabled admin away, in the
 * statement that makes the change; 1 done (or nothing to change), -1.
 */
int	db_user_update(struct db *, struct arena *, uint32_t id,
	    const char *name, enum auth_role, uint32_t unit_id);
int	db_user_disable(struct db *, struct arena *, uint32_t id,
	    int disabled);
/* Ends every session of a user (disabled, password reset). */
int	db_user_sessions_end(struct db *, struct arena *, uint32_t id);
/* Enabled admins, for the rule that one must remain. */
int	db_admin_count(struct db *, struct arena *, long long *);

struct unit_row {
	uint32_t	 id, district_id;	/* district 0: none */
	const char	*slug, *name, *name_en, *kind, *district_name;
	long long	 users, consultations;
	time_t		 renamed;		/* 0: never by an admin */
};

/* Every unit in the reference order, with its users and consultations. */
int	db_unit_list(struct db *, struct arena *, struct unit_row **,
	    size_t *n);
int	db_unit_get(struct db *, struct arena *, uint32_t id,
	    struct unit_row *);
/* Adds a unit (last of its kind); 1 added (*id), 0 the slug is taken, -1. */
int	db_unit_add(struct db *, struct arena *, const char *slug,
	    const char *name_uk, const char *name_en, const char *kind,
	    uint32_t district_id, uint32_t *id);
/* New names; the public pages follow (migration 090's triggers). */
int	db_unit_rename(struct db *, struct arena *, uint32_t id,
	    const char *name_uk, const char *name_en);
/* Whether another unit than except has this Ukrainian name; 0 or -1. */
int	db_unit_name_taken(struct db *, struct arena *, const char *name_uk,
	    uint32_t except, int *taken);

/* The audit page's filters: NULL / 0 for none; times in Unix seconds. */
struct audit_filter {
	const char		*login, *action, *object_type;
	unsigned long long	 object_id;
	uint32_t		 unit_id;
	time_t			 from, to;	/* [from, to), 0: open */
	/* The page: rows before this one in the order (before_id 0: the
	 * newest). */
	time_t			 before_t;
	unsigned long long	 before_id;
	int			 limit;
};

struct audit_row {
	unsigned long long	 id, object_id;		/* object 0: none */
	uint32_t		 user_id, unit_id;
	const char		*login, *action, *object_type, *unit_name;
	const char		*before, *after, *detail;	/* "" none */
	const char		*addr;		/* 8 hex digits of its hash */
	time_t			 created;
};

/* Newest first, read off the index of the most selective filter. */
int	db_audit_list(struct db *, struct arena *, const struct audit_filter *,
	    struct audit_row **, size_t *n);

/* A consultation that opens or closes soon (dashboard, "this week"). */
struct week_row {
	uint32_t	 id;
	const char	*title, *status, *unit_name;
	time_t		 opens, closes;
};

/* Consultations (drafts included, not cancelled, completed or closed
 * early) opening or closing in [from, to); unit 0: every unit. */
int	db_dash_week(struct db *, struct arena *, uint32_t unit, time_t from,
	    time_t to, struct week_row **, size_t *n);

#endif /* HROMADA_DB_ADMIN_H */
