/*
 * SQL of the admin's own tables: users, sessions, failed logins, audit log.
 */
#include <string.h>

#include "db.h"
#include "db_admin.h"
#include "secret.h"

enum stmt {
	STMT_USER_BY_LOGIN,
	STMT_USER_REHASH,
	STMT_USER_ADD,
	STMT_UNIT_BY_SLUG,
	STMT_UNIT_FIRST,
	STMT_SESSION_ADD,
	STMT_SESSION_GET,
	STMT_SESSION_TOUCH,
	STMT_SESSION_DELETE,
	STMT_SESSION_PURGE,
	STMT_FAIL_ADD,
	STMT_FAIL_COUNT_LOGIN,
	STMT_FAIL_COUNT_ADDR,
	STMT_FAIL_CLEAR,
	STMT_AUDIT_ADD,
	STMT__MAX
};

#define FAIL_COUNT(col) \
	"SELECT COUNT(*), COALESCE(UNIX_TIMESTAMP(MIN(created_at)), 0), " \
	    "COALESCE(UNIX_TIMESTAMP(MAX(created_at)), 0) " \
	"FROM login_failures WHERE " col " = ? " \
	    "AND created_at > UTC_TIMESTAMP() - INTERVAL 15 MINUTE"

static const char *const stmts[STMT__MAX] = {
	/* STMT_USER_BY_LOGIN */
	"SELECT id, pass_hash, disabled FROM users WHERE login = ?",
	/* STMT_USER_REHASH */
	"UPDATE users SET pass_hash = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?",
	/* STMT_USER_ADD */
	"INSERT INTO users (login, name, pass_hash, role, unit_id) "
	    "VALUES (?, ?, ?, ?, ?)",
	/* STMT_UNIT_BY_SLUG */
	"SELECT id FROM units WHERE slug = ?",
	/* STMT_UNIT_FIRST */
	"SELECT slug, name_uk FROM units WHERE kind = ? ORDER BY sort, id "
	    "LIMIT 1",
	/* STMT_SESSION_ADD */
	"INSERT INTO sessions (id_hash, user_id) VALUES (?, ?)",
	/* STMT_SESSION_GET */
	"SELECT u.id, u.login, u.name, u.role, COALESCE(u.unit_id, 0), "
	    "COALESCE(n.name_uk, ''), UNIX_TIMESTAMP(s.created_at), "
	    "UNIX_TIMESTAMP(s.seen_at) "
	"FROM sessions s JOIN users u ON u.id = s.user_id "
	    "LEFT JOIN units n ON n.id = u.unit_id "
	"WHERE s.id_hash = ? AND u.disabled = 0",
	/* STMT_SESSION_TOUCH */
	"UPDATE sessions SET seen_at = UTC_TIMESTAMP() WHERE id_hash = ?",
	/* STMT_SESSION_DELETE */
	"DELETE FROM sessions WHERE id_hash = ?",
	/* STMT_SESSION_PURGE */
	"DELETE FROM sessions "
	"WHERE seen_at < UTC_TIMESTAMP() - INTERVAL 30 MINUTE "
	    "OR created_at < UTC_TIMESTAMP() - INTERVAL 12 HOUR",
	/* STMT_FAIL_ADD */
	"INSERT INTO login_failures (login_hash, addr_hash) VALUES (?, ?)",
	/* STMT_FAIL_COUNT_LOGIN */
	FAIL_COUNT("login_hash"),
	/* STMT_FAIL_COUNT_ADDR */
	FAIL_COUNT("addr_hash"),
	/* STMT_FAIL_CLEAR */
	"DELETE FROM login_failures WHERE login_hash = ?",
	/* STMT_AUDIT_ADD */
	"INSERT INTO audit_log (user_id, login, action, object_type, "
	    "object_id, unit_id, before_json, after_json, detail, addr_hash) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
};

const struct db_family_def db_admin_def = { "admin", stmts, STMT__MAX };

#define NARGS(a)	(sizeof(a) / sizeof((a)[0]))
#define DUP(i)		arena_strdup(a, db_str(&res, (i)))

int
db_user_by_login(struct db *db, struct arena *a, const char *login,
    size_t len, struct login_row *u)
{
	struct db_arg	 arg[] = { DB_STRN(login, len) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_ADMIN, STMT_USER_BY_LOGIN, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		u->id = (uint32_t)db_int(&res, 0);
		u->hash = DUP(1);
		u->disabled = db_int(&res, 2) != 0;
		if (u->hash == NULL)
			r = -1;
	}
	db_res_free(&res);
	return r;
}

int
db_user_rehash(struct db *db, struct arena *a, uint32_t id, const char *hash)
{
	struct db_arg	 arg[] = { DB_STR(hash), DB_INT(id) };

	return db_query(db, a, DBF_ADMIN, STMT_USER_REHASH, arg, NARGS(arg),
	    NULL);
}

int
db_user_add(struct db *db, struct arena *a, const char *login,
    const char *name, const char *hash, enum auth_role role, uint32_t unit_id,
    uint32_t *id)
{
	struct db_arg	 arg[] = {
		DB_STR(login), DB_STR(name), DB_STR(hash),
		DB_STR(auth_role_slug[role]),
		unit_id != 0 ? (struct db_arg)DB_INT(unit_id) :
		    (struct db_arg)DB_NULL,
	};

	if (db_query(db, a, DBF_ADMIN, STMT_USER_ADD, arg, NARGS(arg),
	    NULL) == 0) {
		*id = (uint32_t)db_insert_id(db);
		return 1;
	}
	return db_error(db) == DB_ERR_DUPLICATE ? 0 : -1;
}

int
db_unit_by_slug(struct db *db, struct arena *a, const char *slug,
    uint32_t *id)
{
	struct db_arg	 arg[] = { DB_STR(slug) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_ADMIN, STMT_UNIT_BY_SLUG, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1)
		*id = (uint32_t)db_int(&res, 0);
	db_res_free(&res);
	return r;
}

int
db_unit_first(struct db *db, struct arena *a, const char *kind,
    const char **slug, const char **name)
{
	struct db_arg	 arg[] = { DB_STR(kind) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_ADMIN, STMT_UNIT_FIRST, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		*slug = DUP(0);
		*name = DUP(1);
		if (*slug == NULL || *name == NULL)
			r = -1;
	}
	db_res_free(&res);
	return r;
}

int
db_session_add(struct db *db, struct arena *a, const unsigned char h[32],
    uint32_t user_id)
{
	struct db_arg	 arg[] = { DB_BLOB(h, 32), DB_INT(user_id) };

	return db_query(db, a, DBF_ADMIN, STMT_SESSION_ADD, arg, NARGS(arg),
	    NULL);
}

int
db_session_get(struct db *db, struct arena *a, const unsigned char h[32],
    struct auth_user *u, time_t *created, time_t *seen)
{
	struct db_arg	 arg[] = { DB_BLOB(h, 32) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_ADMIN, STMT_SESSION_GET, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		u->id = (uint32_t)db_int(&res, 0);
		u->login = DUP(1);
		u->name = DUP(2);
		u->role = auth_role_parse(db_str(&res, 3));
		u->unit_id = (uint32_t)db_int(&res, 4);
		u->unit_name = DUP(5);
		*created = (time_t)db_int(&res, 6);
		*seen = (time_t)db_int(&res, 7);
		if (u->login == NULL || u->name == NULL ||
		    u->unit_name == NULL || u->role == ROLE__MAX)
			r = -1;
	}
	db_res_free(&res);
	return r;
}

int
db_session_touch(struct db *db, struct arena *a, const unsigned char h[32])
{
	struct db_arg	 arg[] = { DB_BLOB(h, 32) };

	return db_query(db, a, DBF_ADMIN, STMT_SESSION_TOUCH, arg, 1, NULL);
}

int
db_session_delete(struct db *db, struct arena *a, const unsigned char h[32])
{
	struct db_arg	 arg[] = { DB_BLOB(h, 32) };

	return db_query(db, a, DBF_ADMIN, STMT_SESSION_DELETE, arg, 1, NULL);
}

int
db_session_purge(struct db *db, struct arena *a)
{
	return db_query(db, a, DBF_ADMIN, STMT_SESSION_PURGE, NULL, 0, NULL);
}

int
db_failure_add(struct db *db, struct arena *a,
    const unsigned char login_hash[32], const unsigned char addr[32])
{
	struct db_arg	 arg[] = { DB_BLOB(login_hash, 32), DB_BLOB(addr, 32) };

	return db_query(db, a, DBF_ADMIN, STMT_FAIL_ADD, arg, NARGS(arg),
	    NULL);
}

int
db_failure_count(struct db *db, struct arena *a, int by_addr,
    const unsigned char hash[32], struct fail_count *fc)
{
	struct db_arg	 arg[] = { DB_BLOB(hash, 32) };
	struct db_res	 res;
	int		 r = -1;

	memset(fc, 0, sizeof(*fc));
	if (db_query(db, a, DBF_ADMIN, by_addr ? STMT_FAIL_COUNT_ADDR :
	    STMT_FAIL_COUNT_LOGIN, arg, 1, &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		fc->n = (long)db_int(&res, 0);
		fc->oldest = (time_t)db_int(&res, 1);
		fc->last = (time_t)db_int(&res, 2);
		r = 0;
	}
	db_res_free(&res);
	return r;
}

int
db_failure_clear(struct db *db, struct arena *a,
    const unsigned char login_hash[32])
{
	struct db_arg	 arg[] = { DB_BLOB(login_hash, 32) };

	return db_query(db, a, DBF_ADMIN, STMT_FAIL_CLEAR, arg, 1, NULL);
}

#define OPT_STR(s)	((s) != NULL ? (struct db_arg)DB_STR(s) : \
			    (struct db_arg)DB_NULL)

int
db_audit_add(struct db *db, struct arena *a, const struct audit *au)
{
	unsigned char	 h[32];
	const char	*login = au->user != NULL ? au->user->login : au->login;
	struct db_arg	 arg[10];

	addr_hash(h, au->addr);
	arg[0] = au->user != NULL ? (struct db_arg)DB_INT(au->user->id) :
	    (struct db_arg)DB_NULL;
	arg[1] = OPT_STR(login);
	arg[2] = (struct db_arg)DB_STR(au->action);
	arg[3] = (struct db_arg)DB_STR(au->object_type != NULL ?
	    au->object_type : "");
	arg[4] = au->object_id != 0 ? (struct db_arg)DB_INT(au->object_id) :
	    (struct db_arg)DB_NULL;
	arg[5] = au->unit_id != 0 ? (struct db_arg)DB_INT(au->unit_id) :
	    (struct db_arg)DB_NULL;
	arg[6] = OPT_STR(au->before);
	arg[7] = OPT_STR(au->after);
	arg[8] = (struct db_arg)DB_STR(au->detail != NULL ? au->detail : "");
	arg[9] = (struct db_arg)DB_BLOB(h, 32);
	return db_query(db, a, DBF_ADMIN, STMT_AUDIT_ADD, arg, NARGS(arg),
	    NULL);
}
