/*
 * Users, units and the audit log (issue 5): see cgi-bin/admin_users.h.
 *
 * Every route is for admins only (the guard refuses the others with 403
 * and an audit row).  A password is never stored in clear, never put in a
 * URL, a log line or the audit log: a generated one is shown once, in the
 * answer to the POST that made it (no-store), and only its hash is kept.
 * Two rules keep the system administrable: an admin cannot disable or
 * demote themself, and the last enabled admin cannot be disabled or
 * demoted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "admin.h"
#include "admin_users.h"
#include "audit_diff.h"
#include "auth.h"
#include "db.h"
#include "db_admin.h"
#include "lifecycle.h"
#include "secret.h"
#include "view.h"

/* In the order of enum auth_role. */
static const char *const roles[] = { "admin", "editor", "moderator", NULL };
static const char *const pw_modes[] = { "generate", "typed", NULL };
static const char *const dones[] = {
	"created", "saved", "disabled", "enabled", NULL
};
static const char *const done_text[] = {
	"Користувача створено.", "Зміни збережено.",
	"Обліковий запис вимкнено; усі сеанси користувача завершено.",
	"Обліковий запис увімкнено.",
};

#define USER_RULES(idflags) { \
	{ "id", PARAM_INT, (idflags), 1, 4294967295LL, NULL, NULL, NULL }, \
	{ "login", PARAM_TEXT, 0, 1, 64, NULL, NULL, NULL }, \
	{ "name", PARAM_TEXT, 0, 1, 200, NULL, NULL, NULL }, \
	{ "role", PARAM_ENUM, 0, 0, 0, NULL, roles, NULL }, \
	{ "unit", PARAM_INT, 0, 1, 65535, NULL, NULL, NULL }, \
	{ "password_mode", PARAM_ENUM, 0, 0, 0, NULL, pw_modes, NULL }, \
	{ "password", PARAM_TEXT, 0, 1, AUTH_PASSWORD_MAX, NULL, NULL, NULL }, \
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL }, \
	{ "done", PARAM_ENUM, 0, 0, 0, NULL, dones, NULL }, \
}

const struct param_rule user_rules[UP__MAX] =
    USER_RULES(PARAM_PATH | PARAM_REQUIRED);
/* POST /admin/users has no {id}. */
const struct param_rule user_new_rules[UP__MAX] = USER_RULES(PARAM_PATH);

#define P(i)	(r->params[(i)])
#define PS(i)	(P(i).n > 0 ? P(i).v[0].s : NULL)

/* ---- helpers ---------------------------------------------------------- */

/* s as a URL query component, in the arena (NULL when out of memory). */
static const char *
qenc(struct arena *a, const char *s)
{
	size_t	 n = http_url_encode(NULL, 0, s) + 1;
	char	*buf;

	if ((buf = arena_alloc(a, n)) == NULL)
		return NULL;
	http_url_encode(buf, n, s);
	return buf;
}

static const struct unit_row *
unit_find(const struct unit_row *units, size_t n, uint32_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (units[i].id == id)
			return &units[i];
	return NULL;
}

/* What the audit keeps of a user: never the password or its hash. */
static const char *
user_json(struct arena *a, const char *login, const char *name,
    enum auth_role role, const char *unit, int disabled)
{
	json_t		*o;
	char		*s;
	const char	*out = NULL;

	if ((o = json_object()) == NULL)
		return NULL;
	if (login != NULL)
		json_object_set_new(o, "login", json_string(login));
	json_object_set_new(o, "name", json_string(name));
	json_object_set_new(o, "role", json_string(auth_role_slug[role]));
	json_object_set_new(o, "unit", unit != NULL && *unit != '\0' ?
	    json_string(unit) : json_null());
	json_object_set_new(o, "disabled", json_boolean(disabled));
	if ((s = json_dumps(o, JSON_COMPACT)) != NULL) {
		out = arena_strdup(a, s);
		free(s);
	}
	json_decref(o);
	return out;
}

static const char *
user_href(struct arena *a, uint32_t id)
{
	return arena_printf(a, "/admin/users/%u", id);
}

/* The units for a form's <select>, the chosen one selected. */
static void
unit_options(struct tpl_dict *d, const struct unit_row *units, size_t n,
    uint32_t chosen)
{
	struct tpl_dict	*o;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if ((o = tpl_add(d, "UNIT_OPTION")) == NULL)
			return;
		tpl_set_int(o, "UNIT_ID", units[i].id);
		tpl_set(o, "UNIT_NAME", units[i].name);
		if (units[i].id == chosen)
			tpl_show(o, "SELECTED");
	}
}

static void
role_options(struct tpl_dict *d, int chosen)
{
	struct tpl_dict	*o;
	int		 i;

	for (i = 0; i < ROLE__MAX; i++) {
		if ((o = tpl_add(d, "ROLE_OPTION")) == NULL)
			return;
		tpl_set(o, "ROLE_SLUG", roles[i]);
		tpl_set(o, "ROLE_NAME", auth_role_name[i]);
		if (i == chosen)
			tpl_show(o, "SELECTED");
	}
}

static void
field_error(struct tpl_dict *d, const char *field, const char *text)
{
	if (text != NULL)
		tpl_set(tpl_add(d, field), "ERROR_TEXT", text);
}

/* ---- the list --------------------------------------------------------- */

int
h_users(struct request *r, struct response *resp)
{
	struct page	 pg;
	struct tpl_dict	*d, *s;
	struct user_row	*u;
	size_t		 n, i;
	char		 buf[64];

	if (db_user_list(r->db, r->arena, &u, &n) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = admin_page(&pg, r, "admin_users.tpl", "Користувачі",
	    "NAV_USERS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "COUNT", view_count(r->arena, (long long)n, "користувач",
	    "користувачі", "користувачів"));
	for (i = 0; i < n; i++) {
		if ((s = tpl_add(d, "USER")) == NULL)
			break;
		tpl_set(s, "USER_HREF", user_href(r->arena, u[i].id));
		tpl_set(s, "LOGIN", u[i].login);
		tpl_set(s, "NAME", u[i].name);
		tpl_set(s, "ROLE", auth_role_name[u[i].role]);
		tpl_set(s, "UNIT", *u[i].unit_name != '\0' ? u[i].unit_name :
		    "—");
		tpl_set(s, "STATE", u[i].disabled ? "вимкнено" : "активний");
		if (u[i].disabled)
			tpl_show(s, "DISABLED");
		tpl_set(s, "LAST_LOGIN", u[i].last_login != 0 ?
		    fmt_datetime_uk(buf, sizeof(buf), u[i].last_login) :
		    "ще не входив");
		tpl_set(s, "CREATED", fmt_date_uk(buf, sizeof(buf),
		    u[i].created));
	}
	return admin_finish(&pg, resp, HTTP_OK);
}

/* ---- the form: new user or one user's page ---------------------------- */

struct form_errors {
	const char	*message, *login, *name, *role, *unit, *password;
};

/*
 * The new-user form (u NULL) or a user's page; after a refused POST the
 * fields hold what was sent (never a password) and each error sits next
 * to its field.
 */
static int
user_page(struct request *r, struct response *resp, const struct user_row *u,
    int status, const struct form_errors *e, const char *done)
{
	const struct auth_user	*me = r->user;
	struct page		 pg;
	struct tpl_dict		*d, *s;
	struct unit_row		*units;
	size_t			 nunits;
	int			 post = r->method == METHOD_POST;
	int			 role = u != NULL ? (int)u->role : ROLE_EDITOR;
	uint32_t		 unit = u != NULL ? u->unit_id : 0;
	char			 buf[64];

	if (db_unit_list(r->db, r->arena, &units, &nunits) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (post && r->params != NULL) {
		if (P(UP_ROLE).n > 0)
			role = (int)P(UP_ROLE).v[0].i;
		unit = P(UP_UNIT).n > 0 ? (uint32_t)P(UP_UNIT).v[0].i : 0;
	}
	if ((d = admin_page(&pg, r, "admin_user.tpl", u == NULL ?
	    "Новий користувач" : arena_printf(r->arena, "Користувач %s",
	    u->login), "NAV_USERS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	if (e != NULL && e->message != NULL)
		tpl_set(tpl_add(d, "MESSAGE"), "MESSAGE_TEXT", e->message);
	if (done != NULL)
		tpl_set(tpl_add(d, "DONE"), "DONE_TEXT", done);
	role_options(d, role);
	unit_options(d, units, nunits, unit);
	if (e != NULL) {
		field_error(d, "NAME_ERROR", e->name);
		field_error(d, "ROLE_ERROR", e->role);
		field_error(d, "UNIT_ERROR", e->unit);
	}
	tpl_set(d, "NAME_VALUE", post ? sent(r, "name") : u != NULL ? u->name :
	    "");
	if (u == NULL) {
		s = tpl_add(d, "NEW");
		tpl_set(d, "FORM_ACTION", "/admin/users");
		tpl_set(s, "LOGIN_VALUE", sent(r, "login"));
		if (e != NULL) {
			field_error(s, "LOGIN_ERROR", e->login);
			field_error(s, "PASSWORD_ERROR", e->password);
		}
		if (post && P(UP_PWMODE).n > 0 && P(UP_PWMODE).v[0].i == 1)
			tpl_show(s, "TYPED_CHECKED");
		else
			tpl_show(s, "GENERATE_CHECKED");
		tpl_set_int(s, "PASSWORD_MIN", AUTH_PASSWORD_MIN);
		return admin_finish(&pg, resp, status);
	}
	s = tpl_add(d, "EXISTING");
	tpl_set(d, "FORM_ACTION", user_href(r->arena, u->id));
	tpl_set(s, "LOGIN", u->login);
	tpl_set(s, "STATE", u->disabled ? "вимкнено" : "активний");
	tpl_set(s, "CREATED", fmt_datetime_uk(buf, sizeof(buf), u->created));
	tpl_set(s, "LAST_LOGIN", u->last_login != 0 ? fmt_datetime_uk(buf,
	    sizeof(buf), u->last_login) : "ще не входив");
	tpl_set(s, "AUDIT_HREF", arena_printf(r->arena,
	    "/admin/audit?type=user&object=%u", u->id));
	tpl_set(s, "BY_HREF", arena_printf(r->arena, "/admin/audit?login=%s",
	    qenc(r->arena, u->login)));
	if (u->id == me->id)
		tpl_show(s, "SELF");
	else {
		tpl_set(tpl_add(s, "CAN_RESET"), "RESET_ACTION",
		    arena_printf(r->arena, "/admin/users/%u/password",
		    u->id));
		tpl_set(tpl_add(s, u->disabled ? "CAN_ENABLE" : "CAN_DISABLE"),
		    "STATE_ACTION", arena_printf(r->arena, "/admin/users/%u/%s",
		    u->id, u->disabled ? "enable" : "disable"));
	}
	return admin_finish(&pg, resp, status);
}

/* A page that shows a new password once. */
static int
password_page(struct request *r, struct response *resp, const char *login,
    uint32_t id, const char *pw, int created)
{
	struct page	 pg;
	struct tpl_dict	*d;

	if ((d = admin_page(&pg, r, "admin_user_password.tpl", created ?
	    "Користувача створено" : "Пароль змінено", "NAV_USERS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_show(d, created ? "CREATED" : "RESET");
	tpl_set(d, "LOGIN", login);
	tpl_set(d, "PASSWORD", pw);
	tpl_set(d, "USER_HREF", user_href(r->arena, id));
	resp->cache_control = "no-store";
	return admin_finish(&pg, resp, HTTP_OK);
}

int
h_user_new(struct request *r, struct response *resp)
{
	return user_page(r, resp, NULL, HTTP_OK, NULL, NULL);
}

/*
 * Name, role and unit of a form: 0, -1 with e filled, -2 on a database
 * error.  An editor needs a unit and only an editor has one.
 */
static int
check_common(struct request *r, struct form_errors *e, enum auth_role *role,
    uint32_t *unit)
{
	struct unit_row	*units;
	size_t		 nunits;

	if (P(UP_NAME).bad || P(UP_NAME).n == 0)
		e->name = "Вкажіть ім’я та прізвище (до 200 символів).";
	if (P(UP_ROLE).bad || P(UP_ROLE).n == 0) {
		e->role = "Оберіть роль.";
		return -1;
	}
	*role = (enum auth_role)P(UP_ROLE).v[0].i;
	*unit = P(UP_UNIT).n > 0 ? (uint32_t)P(UP_UNIT).v[0].i : 0;
	if (P(UP_UNIT).bad)
		e->unit = "Оберіть підрозділ зі списку.";
	else if (*role == ROLE_EDITOR && *unit == 0)
		e->unit = "Редакторові потрібен підрозділ: він працюватиме "
		    "лише з його консультаціями.";
	else if (*role != ROLE_EDITOR && *unit != 0)
		e->unit = "Підрозділ вказують лише для редакторів; для цієї "
		    "ролі оберіть «без підрозділу».";
	else if (*unit != 0) {
		if (db_unit_list(r->db, r->arena, &units, &nunits) == -1)
			return -2;
		if (unit_find(units, nunits, *unit) == NULL)
			e->unit = "Такого підрозділу немає.";
	}
	return e->name != NULL || e->unit != NULL ? -1 : 0;
}

static const char *
unit_name_of(struct request *r, uint32_t id)
{
	struct unit_row		*units;
	const struct unit_row	*u;
	size_t			 n;

	if (id == 0 || db_unit_list(r->db, r->arena, &units, &n) == -1 ||
	    (u = unit_find(units, n, id)) == NULL)
		return NULL;
	return u->name;
}

int
h_user_create(struct request *r, struct response *resp)
{
	struct form_errors	 e;
	enum auth_role		 role = ROLE_EDITOR;
	uint32_t		 unit = 0, id;
	char			 pw[AUTH_PASSWORD_GEN + 1];
	char			 hash[AUTH_HASH_MAX];
	const char		*login, *typed = NULL;
	size_t			 tlen = 0;
	int			 rc, bad, generate;

	memset(&e, 0, sizeof(e));
	if (!db_up(r->db))
		return user_page(r, resp, NULL, HTTP_SERVICE_UNAVAILABLE,
		    &(struct form_errors){ .message = "Сервіс тимчасово "
		    "недоступний. Спробуйте за хвилину." }, NULL);
	login = PS(UP_LOGIN);
	bad = P(UP_LOGIN).bad || login == NULL ||
	    !auth_login_ok(login, P(UP_LOGIN).v[0].len);
	if (bad)
		e.login = "Логін — від 1 до 64 символів без пробілів.";
	if ((rc = check_common(r, &e, &role, &unit)) == -2)
		return HTTP_SERVICE_UNAVAILABLE;
	bad |= rc == -1;
	generate = P(UP_PWMODE).n == 0 || P(UP_PWMODE).v[0].i == 0;
	if (!generate) {
		typed = PS(UP_PASSWORD);
		tlen = typed != NULL ? P(UP_PASSWORD).v[0].len : 0;
		if (typed == NULL || P(UP_PASSWORD).bad ||
		    !auth_password_ok(typed, tlen)) {
			e.password = arena_printf(r->arena, "Пароль — щонайменше "
			    "%d символів (або оберіть «згенерувати»).",
			    AUTH_PASSWORD_MIN);
			bad = 1;
		}
	}
	if (bad) {
		e.message = "Перевірте позначені поля.";
		return user_page(r, resp, NULL, HTTP_BAD_REQUEST, &e, NULL);
	}
	if (generate) {
		auth_password_new(pw);
		typed = pw;
		tlen = strlen(pw);
	}
	rc = auth_password_hash(hash, typed, tlen);
	if (rc == 0)
		rc = db_user_add(r->db, r->arena, login, PS(UP_NAME), hash,
		    role, unit, &id);
	sodium_memzero(hash, sizeof(hash));
	if (rc == -1) {
		sodium_memzero(pw, sizeof(pw));
		return HTTP_SERVICE_UNAVAILABLE;
	}
	if (rc == 0) {
		sodium_memzero(pw, sizeof(pw));
		e.login = "Цей логін уже зайнятий: оберіть інший.";
		e.message = "Перевірте позначені поля.";
		return user_page(r, resp, NULL, HTTP_CONFLICT, &e, NULL);
	}
	(void)admin_audit(r, "user-create", "user", id, unit, NULL,
	    user_json(r->arena, login, PS(UP_NAME), role, unit_name_of(r,
	    unit), 0), generate ? "пароль згенеровано" : "пароль задано");
	if (!generate)
		return admin_see(r, resp, arena_printf(r->arena,
		    "/admin/users/%u?done=created", id));
	rc = password_page(r, resp, login, id, pw, 1);
	sodium_memzero(pw, sizeof(pw));
	return rc;
}

/* The user of {id}: 0 (u filled), or the status to return. */
static int
user_of(struct request *r, struct user_row *u)
{
	int	 rc;

	if ((rc = db_user_get(r->db, r->arena, (uint32_t)P(0).v[0].i,
	    u)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	return rc == 0 ? HTTP_NOT_FOUND : 0;
}

int
h_user(struct request *r, struct response *resp)
{
	struct user_row	 u;
	int		 rc;

	if ((rc = user_of(r, &u)) != 0)
		return rc;
	return user_page(r, resp, &u, HTTP_OK, NULL, P(UP_DONE).n > 0 ?
	    done_text[P(UP_DONE).v[0].i] : NULL);
}

#define LAST_ADMIN	"Це останній активний адміністратор: спершу " \
			    "призначте іншого."

/*
 * Whether taking u's admin rights away (demoting or disabling) is refused:
 * the message, or NULL when allowed; *err on a database error.
 */
static const char *
admin_loss(struct request *r, const struct user_row *u, int *err)
{
	const struct auth_user	*me = r->user;
	long long		 n;

	*err = 0;
	/* Checked here for the message; the change itself is refused by
	 * the database too (db_user_update(), db_user_disable()). */
	if (u->role == ROLE_ADMIN && !u->disabled) {
		if (db_admin_count(r->db, r->arena, &n) == -1) {
			*err = 1;
			return NULL;
		}
		if (n <= 1)
			return LAST_ADMIN;
	}
	if (u->id == me->id)
		return "Ви не можете вимкнути свій обліковий запис чи зняти з "
		    "себе роль адміністратора: попросіть іншого "
		    "адміністратора.";
	return NULL;
}

int
h_user_update(struct request *r, struct response *resp)
{
	struct user_row		 u;
	struct form_errors	 e;
	enum auth_role		 role = ROLE_EDITOR;
	uint32_t		 unit = 0;
	const char		*msg, *before;
	int			 rc, err;

	memset(&e, 0, sizeof(e));
	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = user_of(r, &u)) != 0)
		return rc;
	if ((rc = check_common(r, &e, &role, &unit)) == -2)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == -1) {
		e.message = "Перевірте позначені поля.";
		return user_page(r, resp, &u, HTTP_BAD_REQUEST, &e, NULL);
	}
	if (u.role == ROLE_ADMIN && role != ROLE_ADMIN) {
		msg = admin_loss(r, &u, &err);
		if (err)
			return HTTP_SERVICE_UNAVAILABLE;
		if (msg != NULL) {
			e.message = msg;
			e.role = msg;
			return user_page(r, resp, &u, HTTP_BAD_REQUEST, &e,
			    NULL);
		}
	}
	before = user_json(r->arena, NULL, u.name, u.role, u.unit_name,
	    u.disabled);
	if ((rc = db_user_update(r->db, r->arena, u.id, PS(UP_NAME), role,
	    unit)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0) {
		e.message = e.role = LAST_ADMIN;
		return user_page(r, resp, &u, HTTP_BAD_REQUEST, &e, NULL);
	}
	(void)admin_audit(r, "user-update", "user", u.id, unit != 0 ? unit :
	    u.unit_id, before, user_json(r->arena, NULL, PS(UP_NAME), role,
	    unit_name_of(r, unit), u.disabled), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/users/%u?done=saved", u.id));
}

/* Disables (ending every session at once) or enables a user. */
static int
set_disabled(struct request *r, struct response *resp, int disabled)
{
	struct user_row		 u;
	struct form_errors	 e;
	const char		*msg;
	int			 rc, err = 0;

	if ((rc = user_of(r, &u)) != 0)
		return rc;
	if (disabled && (msg = admin_loss(r, &u, &err)) != NULL) {
		memset(&e, 0, sizeof(e));
		e.message = msg;
		return user_page(r, resp, &u, HTTP_BAD_REQUEST, &e, NULL);
	}
	if (disabled && err)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = db_user_disable(r->db, r->arena, u.id, disabled)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0) {
		memset(&e, 0, sizeof(e));
		e.message = LAST_ADMIN;
		return user_page(r, resp, &u, HTTP_BAD_REQUEST, &e, NULL);
	}
	if (disabled && db_user_sessions_end(r->db, r->arena, u.id) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (u.disabled != disabled)
		(void)admin_audit(r, disabled ? "user-disable" : "user-enable",
		    "user", u.id, u.unit_id, user_json(r->arena, NULL, u.name,
		    u.role, u.unit_name, u.disabled), user_json(r->arena, NULL,
		    u.name, u.role, u.unit_name, disabled), disabled ?
		    "усі сеанси завершено" : NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/users/%u?done=%s", u.id, disabled ? "disabled" :
	    "enabled"));
}

int
h_user_disable(struct request *r, struct response *resp)
{
	return set_disabled(r, resp, 1);
}

int
h_user_enable(struct request *r, struct response *resp)
{
	return set_disabled(r, resp, 0);
}

int
h_user_password(struct request *r, struct response *resp)
{
	struct user_row	 u;
	char		 pw[AUTH_PASSWORD_GEN + 1], hash[AUTH_HASH_MAX];
	int		 rc;

	if ((rc = user_of(r, &u)) != 0)
		return rc;
	if (u.id == ((const struct auth_user *)r->user)->id) {
		resp->message = "Власний пароль тут не змінюють.";
		return HTTP_BAD_REQUEST;
	}
	auth_password_new(pw);
	rc = auth_password_hash(hash, pw, strlen(pw)) == -1 ||
	    db_user_rehash(r->db, r->arena, u.id, hash) == -1 ||
	    db_user_sessions_end(r->db, r->arena, u.id) == -1;
	sodium_memzero(hash, sizeof(hash));
	if (rc) {
		sodium_memzero(pw, sizeof(pw));
		return HTTP_SERVICE_UNAVAILABLE;
	}
	(void)admin_audit(r, "user-password", "user", u.id, u.unit_id, NULL,
	    NULL, "пароль скинуто; усі сеанси завершено");
	rc = password_page(r, resp, u.login, u.id, pw, 0);
	sodium_memzero(pw, sizeof(pw));
	return rc;
}

/* ---- the audit log ---------------------------------------------------- */

#define AUDIT_PAGE	50

const struct param_rule audit_rules[AP__MAX] = {
	{ "login", PARAM_TEXT, 0, 1, 64, "[^\\s]+", NULL, NULL },
	{ "action", PARAM_TEXT, 0, 1, 64, "[a-z0-9-]+", NULL, NULL },
	{ "type", PARAM_TEXT, 0, 1, 32, "[a-z0-9_-]+", NULL, NULL },
	{ "object", PARAM_INT, 0, 1, 9223372036854775807LL, NULL, NULL,
	    NULL },
	{ "unit", PARAM_INT, 0, 1, 65535, NULL, NULL, NULL },
	{ "from", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL },
	{ "to", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL },
	{ "older_t", PARAM_INT, 0, 1, 2147483647LL, NULL, NULL, NULL },
	{ "older_id", PARAM_INT, 0, 1, 9223372036854775807LL, NULL, NULL,
	    NULL },
};

/* The city's midnight that starts a YYYYMMDD date, days later. */
static time_t
kyiv_midnight(long long ymd, int days)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = (int)(ymd / 10000) - 1900;
	tm.tm_mon = (int)(ymd / 100 % 100) - 1;
	tm.tm_mday = (int)(ymd % 100) + days;
	tm.tm_isdst = -1;		/* the process runs in city time */
	return mktime(&tm);
}

/* The audit page's own URL with its filters, and the rows older than x
 * (NULL: from the newest). */
static const char *
audit_href(struct request *r, const struct audit_row *x)
{
	static const int	 keys[] = {
		AP_LOGIN, AP_ACTION, AP_TYPE, AP_OBJECT, AP_UNIT, AP_FROM,
		AP_TO,
	};
	const char		*q = "";
	size_t			 i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (P(keys[i]).n > 0)
			q = arena_printf(r->arena, "%s%s%s=%s", q, *q ? "&" :
			    "", audit_rules[keys[i]].name, qenc(r->arena,
			    P(keys[i]).v[0].s));
	if (x != NULL)
		q = arena_printf(r->arena, "%s%solder_t=%lld&older_id=%llu", q,
		    *q ? "&" : "", (long long)x->created, x->id);
	return arena_printf(r->arena, "/admin/audit%s%s", *q ? "?" : "", q);
}

/* Where an audit row's object has an admin page of its own, or NULL. */
static const char *
object_href(struct arena *a, const struct audit_row *x)
{
	if (x->object_id == 0)
		return NULL;
	if (strcmp(x->object_type, "user") == 0)
		return arena_printf(a, "/admin/users/%llu", x->object_id);
	if (strcmp(x->object_type, "consultation") == 0)
		return arena_printf(a, "/admin/consultations/%llu",
		    x->object_id);
	if (strcmp(x->object_type, "unit") == 0)
		return arena_printf(a, "/admin/units/%llu", x->object_id);
	return NULL;
}

static void
audit_row(struct request *r, struct tpl_dict *s, const struct audit_row *x)
{
	struct audit_change	*c;
	struct tpl_dict		*o;
	const char		*href;
	char			 buf[64];
	int			 n, i;

	tpl_set(s, "WHEN", fmt_datetime_uk(buf, sizeof(buf), x->created));
	tpl_set(s, "WHEN_ISO", fmt_iso(buf, sizeof(buf), x->created));
	tpl_set(s, "WHO", *x->login != '\0' ? x->login : "—");
	tpl_set(s, "ACTION", x->action);
	tpl_set(s, "OBJECT", x->object_id != 0 ? arena_printf(r->arena,
	    "%s %llu", x->object_type, x->object_id) : *x->object_type !=
	    '\0' ? x->object_type : "—");
	if ((href = object_href(r->arena, x)) != NULL)
		tpl_set(tpl_add(s, "OBJECT_LINK"), "OBJECT_HREF", href);
	else
		tpl_show(s, "OBJECT_TEXT");
	tpl_set(s, "UNIT", *x->unit_name != '\0' ? x->unit_name : "—");
	tpl_set(s, "ADDR", *x->addr != '\0' ? x->addr : "—");
	tpl_set(s, "DETAIL", x->detail);
	if (*x->before == '\0' && *x->after == '\0')
		return;
	if ((n = audit_diff(r->arena, x->before, x->after, &c)) <= 0)
		return;
	o = tpl_add(s, "CHANGES");
	for (i = 0; i < n; i++) {
		struct tpl_dict	*f = tpl_add(o, "CHANGE");

		tpl_set(f, "FIELD", c[i].field);
		tpl_set(f, "BEFORE", c[i].before);
		tpl_set(f, "AFTER", c[i].after);
	}
}

int
h_audit(struct request *r, struct response *resp)
{
	struct audit_filter	 f;
	struct audit_row	*x;
	struct unit_row		*units;
	struct page		 pg;
	struct tpl_dict		*d, *s;
	size_t			 n, nunits, i;

	memset(&f, 0, sizeof(f));
	f.login = PS(AP_LOGIN);
	f.action = PS(AP_ACTION);
	f.object_type = PS(AP_TYPE);
	f.object_id = P(AP_OBJECT).n > 0 ?
	    (unsigned long long)P(AP_OBJECT).v[0].i : 0;
	f.unit_id = P(AP_UNIT).n > 0 ? (uint32_t)P(AP_UNIT).v[0].i : 0;
	if (P(AP_FROM).n > 0)
		f.from = kyiv_midnight(P(AP_FROM).v[0].i, 0);
	if (P(AP_TO).n > 0)
		f.to = kyiv_midnight(P(AP_TO).v[0].i, 1);
	if (P(AP_OLDER_T).n > 0 && P(AP_OLDER_ID).n > 0) {
		f.before_t = (time_t)P(AP_OLDER_T).v[0].i;
		f.before_id = (unsigned long long)P(AP_OLDER_ID).v[0].i;
	}
	f.limit = AUDIT_PAGE + 1;	/* one more: is there a next page? */
	if (db_audit_list(r->db, r->arena, &f, &x, &n) == -1 ||
	    db_unit_list(r->db, r->arena, &units, &nunits) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = admin_page(&pg, r, "admin_audit.tpl", "Журнал дій",
	    "NAV_AUDIT")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "LOGIN_VALUE", sent(r, "login"));
	tpl_set(d, "ACTION_VALUE", sent(r, "action"));
	tpl_set(d, "TYPE_VALUE", sent(r, "type"));
	tpl_set(d, "OBJECT_VALUE", sent(r, "object"));
	tpl_set(d, "FROM_VALUE", sent(r, "from"));
	tpl_set(d, "TO_VALUE", sent(r, "to"));
	unit_options(d, units, nunits, f.unit_id);
	if (n == 0)
		tpl_show(d, "EMPTY");
	else
		tpl_show(d, "ANY");
	for (i = 0; i < n && i < AUDIT_PAGE; i++)
		if ((s = tpl_add(d, "ROW")) != NULL)
			audit_row(r, s, &x[i]);
	if (f.before_id != 0)
		tpl_set(tpl_add(d, "NEWEST"), "NEWEST_HREF", audit_href(r,
		    NULL));
	if (n > AUDIT_PAGE)
		tpl_set(tpl_add(d, "NEXT"), "NEXT_HREF", audit_href(r,
		    &x[AUDIT_PAGE - 1]));
	return admin_finish(&pg, resp, HTTP_OK);
}
