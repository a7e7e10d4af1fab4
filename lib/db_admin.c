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
	STMT_USER_LIST,
	STMT_USER_GET,
	STMT_USER_UPDATE,
	STMT_USER_DISABLE,
	STMT_USER_SESSIONS_END,
	STMT_ADMIN_COUNT,
	STMT_UNIT_LIST,
	STMT_AUDIT_BY_OBJECT,
	STMT_AUDIT_BY_LOGIN,
	STMT_AUDIT_BY_UNIT,
	STMT_AUDIT_BY_TYPE,
	STMT_AUDIT_BY_ACTION,
	STMT_AUDIT_ALL,
	STMT_DASH_WEEK,
	STMT_UNIT_GET,
	STMT_UNIT_ADD,
	STMT_UNIT_RENAME,
	STMT_UNIT_NAME_TAKEN,
	STMT__MAX
};

#define FAIL_COUNT(col) \
	"SELECT COUNT(*), COALESCE(UNIX_TIMESTAMP(MIN(created_at)), 0), " \
	    "COALESCE(UNIX_TIMESTAMP(MAX(created_at)), 0) " \
	"FROM login_failures WHERE " col " = ? " \
	    "AND created_at > UTC_TIMESTAMP() - INTERVAL 15 MINUTE"

/*
 * The row may lose its admin rights: it has none, or another enabled admin
 * remains.  Checked in the same statement as the change (the subquery's
 * rows are locked by InnoDB in an UPDATE), so two admins removing each
 * other at once cannot leave none: one of them fails.
 */
#define KEEPS_AN_ADMIN \
	"role <> 'admin' OR disabled = 1 OR " \
	"(SELECT COUNT(*) FROM users a WHERE a.role = 'admin' " \
	    "AND a.disabled = 0) > 1"

#define UNIT_SELECT \
	"SELECT n.id, n.slug, n.name_uk, n.kind, " \
	    "(SELECT COUNT(*) FROM users u WHERE u.unit_id = n.id), " \
	    "(SELECT COUNT(*) FROM consultations c WHERE c.unit_id = n.id), " \
	    "n.name_en, COALESCE(n.district_id, 0), COALESCE(d.name_uk, ''), " \
	    "COALESCE(UNIX_TIMESTAMP(n.renamed_at), 0) " \
	"FROM units n LEFT JOIN districts d ON d.id = n.district_id "

#define USER_SELECT \
	"SELECT u.id, u.login, u.name, u.role, COALESCE(u.unit_id, 0), " \
	    "COALESCE(n.name_uk, ''), u.disabled, " \
	    "UNIX_TIMESTAMP(u.created_at), " \
	    "COALESCE((SELECT UNIX_TIMESTAMP(MAX(l.created_at)) " \
		"FROM audit_log l WHERE l.object_type = 'user' " \
		"AND l.object_id = u.id AND l.action = 'login'), 0) " \
	"FROM users u LEFT JOIN units n ON n.id = u.unit_id "

/*
 * The audit page: one statement per driving index (each ends in
 * created_at, so a page is read in order and stops after LIMIT rows); the
 * other filters are "? IS NULL OR" tests on the rows read.  The arguments
 * after the lead are the same for every variant.  Pages go by a cursor
 * (the time and id of the last row shown), not an OFFSET, so the
 * thousandth page costs what the first does.
 */
#define AUDIT_LIST(ix, lead) \
	"SELECT a.id, COALESCE(a.user_id, 0), COALESCE(a.login, ''), " \
	    "a.action, a.object_type, COALESCE(a.object_id, 0), " \
	    "COALESCE(a.unit_id, 0), COALESCE(n.name_uk, ''), " \
	    "COALESCE(a.before_json, ''), COALESCE(a.after_json, ''), " \
	    "a.detail, COALESCE(LOWER(HEX(LEFT(a.addr_hash, 4))), ''), " \
	    "UNIX_TIMESTAMP(a.created_at) " \
	"FROM audit_log a FORCE INDEX (" ix ") " \
	    "LEFT JOIN units n ON n.id = a.unit_id " \
	"WHERE " lead " " \
	    "AND (? IS NULL OR a.login = ?) " \
	    "AND (? IS NULL OR a.action = ?) " \
	    "AND (? IS NULL OR a.object_type = ?) " \
	    "AND (? IS NULL OR a.object_id = ?) " \
	    "AND (? IS NULL OR a.unit_id = ?) " \
	    "AND a.created_at >= FROM_UNIXTIME(?) " \
	    "AND a.created_at < FROM_UNIXTIME(?) " \
	    "AND a.created_at <= FROM_UNIXTIME(?) " \
	    "AND (a.created_at < FROM_UNIXTIME(?) OR a.id < ?) " \
	"ORDER BY a.created_at DESC, a.id DESC LIMIT ?"

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
	/* STMT_USER_LIST */
	USER_SELECT "ORDER BY u.disabled, u.login",
	/* STMT_USER_GET */
	USER_SELECT "WHERE u.id = ?",
	/* STMT_USER_UPDATE: never demotes the last enabled admin. */
	"UPDATE users SET name = ?, role = ?, unit_id = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? "
	    "AND (? = 'admin' OR " KEEPS_AN_ADMIN ")",
	/* STMT_USER_DISABLE: never disables the last enabled admin. */
	"UPDATE users SET disabled = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (? = 0 OR " KEEPS_AN_ADMIN ")",
	/* STMT_USER_SESSIONS_END */
	"DELETE FROM sessions WHERE user_id = ?",
	/* STMT_ADMIN_COUNT */
	"SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0",
	/* STMT_UNIT_LIST */
	UNIT_SELECT "ORDER BY n.kind, n.sort, n.id",
	/* STMT_AUDIT_BY_OBJECT */
	AUDIT_LIST("ix_audit_object", "a.object_type = ? AND a.object_id = ?"),
	/* STMT_AUDIT_BY_LOGIN */
	AUDIT_LIST("ix_audit_login", "a.login = ?"),
	/* STMT_AUDIT_BY_UNIT */
	AUDIT_LIST("ix_audit_unit", "a.unit_id = ?"),
	/* STMT_AUDIT_BY_TYPE */
	AUDIT_LIST("ix_audit_type", "a.object_type = ?"),
	/* STMT_AUDIT_BY_ACTION */
	AUDIT_LIST("ix_audit_action", "a.action = ?"),
	/* STMT_AUDIT_ALL */
	AUDIT_LIST("ix_audit_created", "1 = 1"),
	/* STMT_DASH_WEEK: the nearer of the two dates first. */
	"SELECT c.id, c.title, c.status, UNIX_TIMESTAMP(c.opens_at), "
	    "UNIX_TIMESTAMP(c.closes_at), COALESCE(n.name_uk, '') "
	"FROM consultations c LEFT JOIN units n ON n.id = c.unit_id "
	"WHERE (? = 0 OR c.unit_id = ?) "
	    "AND c.status IN ('draft', 'announced', 'open') "
	    "AND c.closed_at IS NULL "
	    "AND ((c.opens_at >= FROM_UNIXTIME(?) "
		"AND c.opens_at < FROM_UNIXTIME(?)) "
	    "OR (c.closes_at >= FROM_UNIXTIME(?) "
		"AND c.closes_at < FROM_UNIXTIME(?))) "
	"ORDER BY IF(c.opens_at >= FROM_UNIXTIME(?), c.opens_at, "
	    "c.closes_at), c.id LIMIT 100",
	/* STMT_UNIT_GET */
	UNIT_SELECT "WHERE n.id = ?",
	/* STMT_UNIT_ADD: last among the units of its kind. */
	"INSERT INTO units (slug, name_uk, name_en, kind, district_id, sort) "
	"SELECT ?, ?, ?, ?, ?, COALESCE(MAX(sort), 0) + 1 FROM units "
	    "WHERE kind = ?",
	/* STMT_UNIT_RENAME: the triggers of migration 090 tell the caches. */
	"UPDATE units SET name_uk = ?, name_en = ?, "
	    "renamed_at = UTC_TIMESTAMP() WHERE id = ?",
	/* STMT_UNIT_NAME_TAKEN */
	"SELECT COUNT(*) FROM units WHERE name_uk = ? AND id <> ?",
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

static int
user_fill(struct arena *a, const struct db_res *res, struct user_row *u)
{
#define RDUP(i)	arena_strdup(a, db_str(res, (i)))
	u->id = (uint32_t)db_int(res, 0);
	u->login = RDUP(1);
	u->name = RDUP(2);
	u->role = auth_role_parse(db_str(res, 3));
	u->unit_id = (uint32_t)db_int(res, 4);
	u->unit_name = RDUP(5);
	u->disabled = db_int(res, 6) != 0;
	u->created = (time_t)db_int(res, 7);
	u->last_login = (time_t)db_int(res, 8);
#undef RDUP
	return u->login == NULL || u->name == NULL || u->unit_name == NULL ||
	    u->role == ROLE__MAX ? -1 : 0;
}

int
db_user_list(struct db *db, struct arena *a, struct user_row **out,
    size_t *n)
{
	struct db_res	 res;
	struct user_row	*v;
	int		 rc;

	*n = 0;
	if (db_query(db, a, DBF_ADMIN, STMT_USER_LIST, NULL, 0, &res) == -1)
		return -1;
	if ((v = arena_calloc(a, res.rows + 1, sizeof(*v))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((rc = db_next(&res)) == 1)
		if (user_fill(a, &res, &v[(*n)++]) == -1) {
			rc = -1;
			break;
		}
	db_res_free(&res);
	*out = v;
	return rc;
}

int
db_user_get(struct db *db, struct arena *a, uint32_t id, struct user_row *u)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_ADMIN, STMT_USER_GET, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1 && user_fill(a, &res, u) == -1)
		r = -1;
	db_res_free(&res);
	return r;
}

int
db_user_update(struct db *db, struct arena *a, uint32_t id, const char *name,
    enum auth_role role, uint32_t unit_id)
{
	struct db_arg	 arg[] = {
		DB_STR(name), DB_STR(auth_role_slug[role]),
		unit_id != 0 ? (struct db_arg)DB_INT(unit_id) :
		    (struct db_arg)DB_NULL,
		DB_INT(id), DB_STR(auth_role_slug[role]),
	};
	struct user_row	 u;
	int		 rc;

	if (db_query(db, a, DBF_ADMIN, STMT_USER_UPDATE, arg, NARGS(arg),
	    NULL) == -1)
		return -1;
	if (db_affected(db) > 0)
		return 1;
	/* No row changed: refused, or nothing to change (same second). */
	if ((rc = db_user_get(db, a, id, &u)) != 1)
		return rc;
	return u.role == role && u.unit_id == unit_id &&
	    strcmp(u.name, name) == 0;
}

int
db_user_disable(struct db *db, struct arena *a, uint32_t id, int disabled)
{
	struct db_arg	 arg[] = {
		DB_INT(disabled != 0), DB_INT(id), DB_INT(disabled != 0),
	};
	struct user_row	 u;
	int		 rc;

	if (db_query(db, a, DBF_ADMIN, STMT_USER_DISABLE, arg, NARGS(arg),
	    NULL) == -1)
		return -1;
	if (db_affected(db) > 0)
		return 1;
	if ((rc = db_user_get(db, a, id, &u)) != 1)
		return rc;
	return u.disabled == (disabled != 0);
}

int
db_user_sessions_end(struct db *db, struct arena *a, uint32_t id)
{
	struct db_arg	 arg[] = { DB_INT(id) };

	return db_query(db, a, DBF_ADMIN, STMT_USER_SESSIONS_END, arg, 1,
	    NULL);
}

int
db_admin_count(struct db *db, struct arena *a, long long *n)
{
	struct db_res	 res;
	int		 rc = -1;

	*n = 0;
	if (db_query(db, a, DBF_ADMIN, STMT_ADMIN_COUNT, NULL, 0, &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		*n = db_int(&res, 0);
		rc = 0;
	}
	db_res_free(&res);
	return rc;
}

static int
unit_fill(struct arena *a, struct db_res *r, struct unit_row *u)
{
#undef DUP
#define DUP(i)		arena_strdup(a, db_str(r, (i)))
	u->id = (uint32_t)db_int(r, 0);
	u->slug = DUP(1);
	u->name = DUP(2);
	u->kind = DUP(3);
	u->users = db_int(r, 4);
	u->consultations = db_int(r, 5);
	u->name_en = DUP(6);
	u->district_id = (uint32_t)db_int(r, 7);
	u->district_name = DUP(8);
	u->renamed = (time_t)db_int(r, 9);
	return u->slug == NULL || u->name == NULL || u->kind == NULL ||
	    u->name_en == NULL || u->district_name == NULL ? -1 : 0;
#undef DUP
#define DUP(i)		arena_strdup(a, db_str(&res, (i)))
}

int
db_unit_list(struct db *db, struct arena *a, struct unit_row **out,
    size_t *n)
{
	struct db_res	 res;
	struct unit_row	*v;
	int		 rc;

	*n = 0;
	if (db_query(db, a, DBF_ADMIN, STMT_UNIT_LIST, NULL, 0, &res) == -1)
		return -1;
	if ((v = arena_calloc(a, res.rows + 1, sizeof(*v))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((rc = db_next(&res)) == 1)
		if (unit_fill(a, &res, &v[(*n)++]) == -1) {
			rc = -1;
			break;
		}
	db_res_free(&res);
	*out = v;
	return rc;
}

int
db_unit_get(struct db *db, struct arena *a, uint32_t id, struct unit_row *u)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 r;

	if (db_query(db, a, DBF_ADMIN, STMT_UNIT_GET, arg, 1, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1 && unit_fill(a, &res, u) == -1)
		r = -1;
	db_res_free(&res);
	return r;
}

int
db_unit_add(struct db *db, struct arena *a, const char *slug,
    const char *name_uk, const char *name_en, const char *kind,
    uint32_t district_id, uint32_t *id)
{
	struct db_arg	 arg[] = {
		DB_STR(slug), DB_STR(name_uk), DB_STR(name_en), DB_STR(kind),
		district_id != 0 ? (struct db_arg)DB_INT(district_id) :
		    (struct db_arg)DB_NULL,
		DB_STR(kind),
	};

	if (db_query(db, a, DBF_ADMIN, STMT_UNIT_ADD, arg, NARGS(arg),
	    NULL) == 0) {
		*id = (uint32_t)db_insert_id(db);
		return 1;
	}
	return db_error(db) == DB_ERR_DUPLICATE ? 0 : -1;
}

int
db_unit_rename(struct db *db, struct arena *a, uint32_t id,
    const char *name_uk, const char *name_en)
{
	struct db_arg	 arg[] = {
		DB_STR(name_uk), DB_STR(name_en), DB_INT(id),
	};

	return db_query(db, a, DBF_ADMIN, STMT_UNIT_RENAME, arg, NARGS(arg),
	    NULL);
}

int
db_unit_name_taken(struct db *db, struct arena *a, const char *name_uk,
    uint32_t except, int *taken)
{
	struct db_arg	 arg[] = { DB_STR(name_uk), DB_INT(except) };
	struct db_res	 res;
	int		 rc = -1;

	if (db_query(db, a, DBF_ADMIN, STMT_UNIT_NAME_TAKEN, arg, NARGS(arg),
	    &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		*taken = db_int(&res, 0) > 0;
		rc = 0;
	}
	db_res_free(&res);
	return rc;
}

/* "No upper bound": FROM_UNIXTIME() answers NULL past 2038 here. */
#define AUDIT_TO_MAX	2147483647LL

int
db_audit_list(struct db *db, struct arena *a, const struct audit_filter *f,
    struct audit_row **out, size_t *n)
{
	struct db_arg	 arg[20];
	struct db_res	 res;
	struct audit_row *v;
	size_t		 k = 0, i;
	int		 rc, st;

	*n = 0;
	/*
	 * The lead: the most selective filter given picks the index.  XXX #5:
	 * two filters that match nothing together (an action never done in
	 * a unit) read every row of the lead's index range: 0.3 s for 68,000
	 * rows of one unit in 1,000,000; a date range narrows it.
	 */
	if (f->object_type != NULL && f->object_id != 0) {
		st = STMT_AUDIT_BY_OBJECT;
		arg[k++] = (struct db_arg)DB_STR(f->object_type);
		arg[k++] = (struct db_arg)DB_INT(f->object_id);
	} else if (f->login != NULL) {
		st = STMT_AUDIT_BY_LOGIN;
		arg[k++] = (struct db_arg)DB_STR(f->login);
	} else if (f->unit_id != 0) {
		st = STMT_AUDIT_BY_UNIT;
		arg[k++] = (struct db_arg)DB_INT(f->unit_id);
	} else if (f->object_type != NULL) {
		st = STMT_AUDIT_BY_TYPE;
		arg[k++] = (struct db_arg)DB_STR(f->object_type);
	} else if (f->action != NULL) {
		st = STMT_AUDIT_BY_ACTION;
		arg[k++] = (struct db_arg)DB_STR(f->action);
	} else
		st = STMT_AUDIT_ALL;
	for (i = 0; i < 2; i++)
		arg[k++] = OPT_STR(f->login);
	for (i = 0; i < 2; i++)
		arg[k++] = OPT_STR(f->action);
	for (i = 0; i < 2; i++)
		arg[k++] = OPT_STR(f->object_type);
	for (i = 0; i < 2; i++)
		arg[k++] = f->object_id != 0 ?
		    (struct db_arg)DB_INT(f->object_id) : (struct db_arg)DB_NULL;
	for (i = 0; i < 2; i++)
		arg[k++] = f->unit_id != 0 ?
		    (struct db_arg)DB_INT(f->unit_id) : (struct db_arg)DB_NULL;
	arg[k++] = (struct db_arg)DB_INT(f->from > 0 ? (long long)f->from : 0);
	arg[k++] = (struct db_arg)DB_INT(f->to > 0 ? (long long)f->to :
	    AUDIT_TO_MAX);
	/* The page: rows older than the cursor (the last row shown). */
	for (i = 0; i < 2; i++)
		arg[k++] = (struct db_arg)DB_INT(f->before_id != 0 ?
		    (long long)f->before_t : AUDIT_TO_MAX);
	arg[k++] = (struct db_arg)DB_INT(f->before_id != 0 ?
	    (long long)f->before_id : 9223372036854775807LL);
	arg[k++] = (struct db_arg)DB_INT(f->limit);
	if (db_query(db, a, DBF_ADMIN, st, arg, k, &res) == -1)
		return -1;
	if ((v = arena_calloc(a, res.rows + 1, sizeof(*v))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((rc = db_next(&res)) == 1) {
		struct audit_row *r = &v[(*n)++];

		r->id = (unsigned long long)db_int(&res, 0);
		r->user_id = (uint32_t)db_int(&res, 1);
		r->login = DUP(2);
		r->action = DUP(3);
		r->object_type = DUP(4);
		r->object_id = (unsigned long long)db_int(&res, 5);
		r->unit_id = (uint32_t)db_int(&res, 6);
		r->unit_name = DUP(7);
		r->before = DUP(8);
		r->after = DUP(9);
		r->detail = DUP(10);
		r->addr = DUP(11);
		r->created = (time_t)db_int(&res, 12);
		if (r->login == NULL || r->action == NULL ||
		    r->object_type == NULL || r->unit_name == NULL ||
		    r->before == NULL || r->after == NULL ||
		    r->detail == NULL || r->addr == NULL) {
			rc = -1;
			break;
		}
	}
	db_res_free(&res);
	*out = v;
	return rc;
}

int
db_dash_week(struct db *db, struct arena *a, uint32_t unit, time_t from,
    time_t to, struct week_row **out, size_t *n)
{
	struct db_arg	 arg[] = {
		DB_INT(unit), DB_INT(unit), DB_INT(from), DB_INT(to),
		DB_INT(from), DB_INT(to), DB_INT(from),
	};
	struct db_res	 res;
	struct week_row	*v;
	int		 rc;

	*n = 0;
	if (db_query(db, a, DBF_ADMIN, STMT_DASH_WEEK, arg, NARGS(arg),
	    &res) == -1)
		return -1;
	if ((v = arena_calloc(a, res.rows + 1, sizeof(*v))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((rc = db_next(&res)) == 1) {
		struct week_row *w = &v[(*n)++];

		w->id = (uint32_t)db_int(&res, 0);
		w->title = DUP(1);
		w->status = DUP(2);
		w->opens = (time_t)db_int(&res, 3);
		w->closes = (time_t)db_int(&res, 4);
		w->unit_name = DUP(5);
		if (w->title == NULL || w->status == NULL ||
		    w->unit_name == NULL) {
			rc = -1;
			break;
		}
	}
	db_res_free(&res);
	*out = v;
	return rc;
}
