/*
 * admin: everything under /admin/ (issue 5), behind a login.
 *
 *   GET, POST /admin/login                 sign in (public)
 *   POST /admin/logout                     sign out
 *   GET  /admin                            dashboard: what needs me now
 *   GET, POST /admin/moderation            the queue; publish, reject, spam
 *   GET  /admin/consultations/{id}/answers answers to proposals
 *   POST /admin/proposals/{id}/answer      one answer
 *   GET, POST /admin/consultations/{id}/report        the results report
 *   GET  /admin/consultations/{id}/report/print       printable
 *
 * One guard (runner_guard_set) runs before anything else on every route
 * that is not public: a live session or a redirect to the login page, the
 * route's roles (403 and an audit row), and on every POST the session's
 * CSRF token (403 and an audit row).  Handlers then check the unit of every
 * row they touch with auth_may() (403 and an audit row).
 *
 * Also a command: `admin --create-user LOGIN ROLE UNIT` (password on
 * standard input; UNIT a unit's slug, or - for none) and `admin
 * --demo-users FILE` (make run: four demo users, logins and passwords
 * written to FILE once).
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <mysql.h>
#include <sodium.h>

#include "admin.h"
#include "admin_consult.h"
#include "admin_users.h"
#include "admin_units.h"
#include "admin_docs.h"
#include "admin_agenda.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "db_admin.h"
#include "db_moderation.h"
#include "lifecycle.h"
#include "log.h"
#include "md.h"
#include "page.h"
#include "runner.h"
#include "secret.h"
#include "utf8.h"
#include "view.h"


static int	admin_command(int, char *[]);

/* ---- the guard ------------------------------------------------------- */

static const unsigned role_flag[ROLE__MAX] = {
	ADM_ADMIN, ADM_EDITOR, ADM_MODERATOR,
};

/* The session cookie's id, if the request carries a well-formed one. */
static int
cookie_sid(const struct request *r, unsigned char sid[AUTH_SID_BYTES])
{
	size_t	 i;

	for (i = 0; i < r->ncookies; i++)
		if (strcmp(r->cookies[i].key, AUTH_COOKIE) == 0)
			return auth_sid_decode(r->cookies[i].val,
			    r->cookies[i].vlen, sid);
	return -1;
}

int
admin_audit(struct request *r, const char *action, const char *type,
    unsigned long long id, uint32_t unit, const char *before,
    const char *after, const char *detail)
{
	struct audit	 au;

	memset(&au, 0, sizeof(au));
	au.user = r->user;
	au.action = action;
	au.object_type = type;
	au.object_id = id;
	au.unit_id = unit;
	au.before = before;
	au.after = after;
	au.detail = detail;
	au.addr = r->remote_addr;
	return db_audit_add(r->db, r->arena, &au);
}

int
admin_forbidden(struct request *r, struct response *resp, const char *type,
    unsigned long long id, uint32_t unit)
{
	(void)admin_audit(r, "forbidden", type, id, unit, NULL, NULL,
	    arena_printf(r->arena, "%s %s", r->method_name, r->path));
	resp->message = "У вас немає права на цю дію. Спробу записано до "
	    "журналу дій.";
	return HTTP_FORBIDDEN;
}

/* To the login page, keeping where the person was going. */
static int
to_login(struct request *r, struct response *resp, int expired, int had)
{
	char		 cookie[128];
	const char	*to;
	char		 next[256];

	to = "/admin/login";
	if (r->method != METHOD_POST && auth_next_ok(r->path) &&
	    strcmp(r->path, "/admin") != 0) {
		http_url_encode(next, sizeof(next), r->path);
		to = arena_printf(r->arena, "/admin/login?next=%s%s", next,
		    expired ? "&expired=1" : "");
	} else if (expired)
		to = "/admin/login?expired=1";
	/* A dead id is dropped, so the browser stops sending it. */
	if (had && auth_cookie(cookie, sizeof(cookie), NULL, r->https) != NULL)
		http_header_add(resp, "Set-Cookie", arena_strdup(r->arena,
		    cookie));
	resp->cache_control = "no-store";
	if (to == NULL || http_redirect(resp, HTTP_SEE_OTHER, to) == -1)
		return HTTP_INTERNAL_ERROR;
	return -1;
}

/*
 * The signed-in user of a request: 1 (r->user set), 0 none or expired
 * (*expired says which), -1 database error.
 */
static int
session_load(struct request *r, int *expired, int *had)
{
	struct auth_user	*u;
	unsigned char		 sid[AUTH_SID_BYTES], h[32];
	time_t			 created, seen, now = time(NULL);
	int			 rc;

	*expired = 0;
	if ((*had = cookie_sid(r, sid) == 0) == 0)
		return 0;
	if ((u = arena_calloc(r->arena, 1, sizeof(*u))) == NULL)
		return -1;
	auth_sid_hash(h, sid);
	if ((rc = db_session_get(r->db, r->arena, h, u, &created, &seen)) != 1)
		return rc;
	if (auth_session_age(created, seen, now) != AUTH_LIVE) {
		*expired = 1;
		return db_session_delete(r->db, r->arena, h) == -1 ? -1 : 0;
	}
	/* A write a minute at most, not one per page. */
	if (now - seen >= 60 && db_session_touch(r->db, r->arena, h) == -1)
		return -1;
	memcpy(u->sid, sid, sizeof(sid));
	session_csrf(u->csrf, sid);
	r->user = u;
	return 1;
}

static int
guard(struct request *r, const struct route *rt, struct response *resp)
{
	const struct auth_user	*u;
	const char		*tok;
	int			 rc, expired, had;

	if (rt->flags & ADM_PUBLIC)
		return 0;
	resp->cache_control = "no-store";
	if (db_ensure(r->db) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = session_load(r, &expired, &had)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0)
		return to_login(r, resp, expired, had);
	u = r->user;
	if ((rt->flags & role_flag[u->role]) == 0)
		return admin_forbidden(r, resp, "route", 0, 0);
	if (r->method == METHOD_POST) {
		tok = http_arg(r, "csrf");
		if (tok == NULL || !session_csrf_ok(tok, strlen(tok), u->sid)) {
			(void)admin_audit(r, "csrf-refused", "route", 0, 0,
			    NULL, NULL, arena_printf(r->arena, "%s %s",
			    r->method_name, r->path));
			resp->message = "Не вдалося перевірити форму (її "
			    "надіслано не з цієї сторінки або сеанс змінився). "
			    "Поверніться, оновіть сторінку й спробуйте ще раз.";
			return HTTP_FORBIDDEN;
		}
	}
	return 0;
}

/* ---- pages ----------------------------------------------------------- */

struct tpl_dict *
admin_page(struct page *pg, struct request *r, const char *tpl,
    const char *title, const char *nav)
{
	const struct auth_user	*u = r->user;
	struct tpl_dict		*d, *bar;

	if ((d = page_begin(pg, tpl, title, NULL)) == NULL)
		return NULL;
	tpl_show(pg->layout, "NOINDEX");
	if (u == NULL)
		return d;
	if ((bar = tpl_include(d, "ADMIN_BAR", "admin_bar.tpl")) == NULL) {
		page_abort(pg);
		return NULL;
	}
	tpl_set(bar, "USER_NAME", *u->name != '\0' ? u->name : u->login);
	tpl_set(bar, "USER_ROLE", auth_role_name[u->role]);
	if (*u->unit_name != '\0')
		tpl_set(tpl_add(bar, "USER_UNIT"), "UNIT_NAME", u->unit_name);
	tpl_set(bar, "CSRF", u->csrf);
	if (nav != NULL)
		tpl_show(bar, nav);
	if (u->role != ROLE_EDITOR)
		tpl_show(bar, nav != NULL && strcmp(nav, "NAV_MODERATION") ==
		    0 ? "MOD_LINK_CURRENT" : "MOD_LINK");
	if (u->role != ROLE_MODERATOR)
		tpl_show(bar, "CONSULT_LINK");
	if (u->role != ROLE_MODERATOR)
		tpl_show(bar, "AGENDA_LINK");
	if (u->role == ROLE_ADMIN)
		tpl_show(bar, "ADMIN_LINKS");
	tpl_set(d, "CSRF", u->csrf);
	return d;
}

int
admin_finish(struct page *pg, struct response *resp, int status)
{
	resp->status = status;
	resp->cache_control = "no-store";
	return page_finish(pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

int
admin_see(struct request *r, struct response *resp, const char *to)
{
	(void)r;
	resp->cache_control = "no-store";
	return http_redirect(resp, HTTP_SEE_OTHER, to) == 0 ? 0 :
	    HTTP_INTERNAL_ERROR;
}

/* ---- login and logout ------------------------------------------------ */

enum lparam {
	L_LOGIN,
	L_PASSWORD,
	L_TOKEN,
	L_NEXT,
	L_EXPIRED,
	L_BYE,
	L__MAX
};

static const char *const one[] = { "1", NULL };

static const struct param_rule login_rules[L__MAX] = {
	{ "login", PARAM_TEXT, PARAM_REQUIRED, 1, 64, "[^\\s]+", NULL, NULL },
	{ "password", PARAM_TEXT, PARAM_REQUIRED, 1, AUTH_PASSWORD_MAX, NULL,
	    NULL, NULL },
	{ "token", PARAM_TEXT, 0, 1, FORM_TOKEN_LEN, "[A-Za-z0-9_-]+", NULL,
	    NULL },
	{ "next", PARAM_TEXT, 0, 1, 200, "/admin[A-Za-z0-9/_-]*", NULL,
	    NULL },
	{ "expired", PARAM_ENUM, 0, 0, 0, NULL, one, NULL },
	{ "bye", PARAM_ENUM, 0, 0, 0, NULL, one, NULL },
};

/* The page itself: the same fields, none required. */
static const struct param_rule login_get_rules[L__MAX] = {
	{ "login", PARAM_TEXT, 0, 1, 64, "[^\\s]+", NULL, NULL },
	{ "password", PARAM_TEXT, 0, 1, AUTH_PASSWORD_MAX, NULL, NULL, NULL },
	{ "token", PARAM_TEXT, 0, 1, FORM_TOKEN_LEN, "[A-Za-z0-9_-]+", NULL,
	    NULL },
	{ "next", PARAM_TEXT, 0, 1, 200, "/admin[A-Za-z0-9/_-]*", NULL,
	    NULL },
	{ "expired", PARAM_ENUM, 0, 0, 0, NULL, one, NULL },
	{ "bye", PARAM_ENUM, 0, 0, 0, NULL, one, NULL },
};

#define LOGIN_PURPOSE	"admin-login"

const char *
sent(const struct request *r, const char *key)
{
	const char	*v = http_arg(r, key);

	return v != NULL ? v : "";
}

static int
login_page(struct request *r, struct response *resp, int status,
    const char *message)
{
	const struct param	*p = r->params;
	struct page		 pg;
	struct tpl_dict		*d, *s;
	char			 token[FORM_TOKEN_LEN + 1];
	int			 post = r->method == METHOD_POST;

	if ((d = admin_page(&pg, r, "admin_login.tpl", "Вхід для працівників",
	    NULL)) == NULL)
		return HTTP_INTERNAL_ERROR;
	form_token_make(token, LOGIN_PURPOSE, 0, time(NULL));
	tpl_set(d, "TOKEN", token);
	if (p != NULL && p[L_NEXT].n > 0 && auth_next_ok(p[L_NEXT].v[0].s))
		tpl_set(d, "NEXT", p[L_NEXT].v[0].s);
	if (message == NULL && p != NULL && p[L_EXPIRED].n > 0)
		message = "Сеанс завершився через бездіяльність або "
		    "тривалість. Увійдіть знову.";
	if (message == NULL && p != NULL && p[L_BYE].n > 0)
		message = "Ви вийшли з системи.";
	if (message != NULL && (s = tpl_add(d, "MESSAGE")) != NULL)
		tpl_set(s, "MESSAGE_TEXT", message);
	tpl_set(d, "LOGIN_VALUE", post ? sent(r, "login") : "");
	if (post && p != NULL && p[L_LOGIN].bad)
		tpl_set(tpl_add(d, "LOGIN_ERROR"), "LOGIN_ERROR_TEXT",
		    "Вкажіть логін.");
	if (post && p != NULL && p[L_PASSWORD].bad)
		tpl_set(tpl_add(d, "PASSWORD_ERROR"), "PASSWORD_ERROR_TEXT",
		    "Вкажіть пароль.");
	if (status == HTTP_SERVICE_UNAVAILABLE)
		http_header_add(resp, "Retry-After", "30");
	return admin_finish(&pg, resp, status);
}

static int
h_login_form(struct request *r, struct response *resp)
{
	return login_page(r, resp, HTTP_OK, NULL);
}

/* The longer of the waits the failures of this login and address impose. */
static int
login_wait(struct request *r, const unsigned char lh[32],
    const unsigned char ah[32], long *wait)
{
	struct fail_count	 byl, bya;
	time_t			 now = time(NULL);
	long			 w1, w2;

	if (db_failure_count(r->db, r->arena, 0, lh, &byl) == -1 ||
	    db_failure_count(r->db, r->arena, 1, ah, &bya) == -1)
		return -1;
	w1 = auth_login_wait(byl.n, byl.last, byl.oldest, now);
	w2 = auth_login_wait(bya.n, bya.last, bya.oldest, now);
	*wait = w1 > w2 ? w1 : w2;
	return 0;
}

static int
too_many(struct request *r, struct response *resp, long wait)
{
	char	 buf[24];

	snprintf(buf, sizeof(buf), "%ld", wait);
	http_header_add(resp, "Retry-After", arena_strdup(r->arena, buf));
	return login_page(r, resp, HTTP_TOO_MANY_REQUESTS, wait >= 60 ?
	    arena_printf(r->arena, "Забагато невдалих спроб входу. Вхід "
	    "тимчасово заблоковано: спробуйте знову через %ld хв.",
	    (wait + 59) / 60) : arena_printf(r->arena, "Забагато невдалих "
	    "спроб входу. Зачекайте %ld с і спробуйте знову.", wait));
}

/* Signs user id in: a new session id, always (no fixation). */
static int
sign_in(struct request *r, struct response *resp, uint32_t id)
{
	unsigned char	 sid[AUTH_SID_BYTES], h[32];
	char		 value[AUTH_SID_LEN + 1], cookie[160];
	const struct param *p = r->params;
	struct audit	 au;

	/* Whatever id came with the request is dropped, known or not. */
	if (cookie_sid(r, sid) == 0) {
		auth_sid_hash(h, sid);
		if (db_session_delete(r->db, r->arena, h) == -1)
			return -1;
	}
	if (db_session_purge(r->db, r->arena) == -1)
		return -1;
	auth_sid_new(sid, value);
	auth_sid_hash(h, sid);
	if (db_session_add(r->db, r->arena, h, id) == -1 ||
	    auth_cookie(cookie, sizeof(cookie), value, r->https) == NULL)
		return -1;
	memset(&au, 0, sizeof(au));
	au.login = p[L_LOGIN].v[0].s;
	au.action = "login";
	au.object_type = "user";
	au.object_id = id;
	au.addr = r->remote_addr;
	if (db_audit_add(r->db, r->arena, &au) == -1)
		return -1;
	http_header_add(resp, "Set-Cookie", arena_strdup(r->arena, cookie));
	return admin_see(r, resp, p[L_NEXT].n > 0 &&
	    auth_next_ok(p[L_NEXT].v[0].s) ? p[L_NEXT].v[0].s : "/admin");
}

static int
h_login(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;
	struct login_row	 u;
	unsigned char		 lh[32], ah[32];
	char			 hash[AUTH_HASH_MAX];
	const char		*login, *pw;
	size_t			 pwlen;
	long			 wait;
	int			 rc;
	enum auth_pw		 ok;

	if (!db_up(r->db))
		return login_page(r, resp, HTTP_SERVICE_UNAVAILABLE,
		    "Сервіс тимчасово недоступний. Спробуйте за хвилину.");
	if (form_token_check(p[L_TOKEN].n > 0 ? p[L_TOKEN].v[0].s : NULL,
	    p[L_TOKEN].n > 0 ? p[L_TOKEN].v[0].len : 0, LOGIN_PURPOSE, 0,
	    time(NULL), cfg.form_token_ttl) != TOKEN_OK)
		return login_page(r, resp, HTTP_FORBIDDEN, "Форма входу "
		    "застаріла або надіслана не з цієї сторінки. Спробуйте "
		    "ще раз.");
	if (p[L_LOGIN].bad || p[L_PASSWORD].bad)
		return login_page(r, resp, HTTP_BAD_REQUEST, NULL);
	login = p[L_LOGIN].v[0].s;
	pw = p[L_PASSWORD].v[0].s;
	pwlen = p[L_PASSWORD].v[0].len;
	login_hash(lh, login, p[L_LOGIN].v[0].len);
	addr_hash(ah, r->remote_addr);
	/* Before the password is looked at: a locked login stays locked
	 * even for the right one. */
	if (login_wait(r, lh, ah, &wait) == -1)
		goto down;
	if (wait > 0)
		return too_many(r, resp, wait);
	if ((rc = db_user_by_login(r->db, r->arena, login,
	    p[L_LOGIN].v[0].len, &u)) == -1)
		goto down;
	ok = auth_password_check(rc == 1 ? u.hash : NULL, pw, pwlen);
	if (rc != 1 || u.disabled || ok == AUTH_PW_BAD) {
		if (db_failure_add(r->db, r->arena, lh, ah) == -1)
			goto down;
		if (rc == 1) {
			struct audit	 au;

			memset(&au, 0, sizeof(au));
			au.login = login;
			au.action = "login-failed";
			au.object_type = "user";
			au.object_id = u.id;
			au.addr = r->remote_addr;
			(void)db_audit_add(r->db, r->arena, &au);
		}
		return login_page(r, resp, HTTP_FORBIDDEN, "Неправильний "
		    "логін або пароль.");
	}
	if (ok == AUTH_PW_REHASH && auth_password_hash(hash, pw, pwlen) == 0 &&
	    db_user_rehash(r->db, r->arena, u.id, hash) == -1)
		goto down;
	if (db_failure_clear(r->db, r->arena, lh) == -1)
		goto down;
	if (sign_in(r, resp, u.id) == -1)
		goto down;
	return 0;
down:
	return login_page(r, resp, HTTP_SERVICE_UNAVAILABLE,
	    "Сервіс тимчасово недоступний. Спробуйте за хвилину.");
}

const struct param_rule csrf_rules[1] = {
	{ "csrf", PARAM_TEXT, PARAM_REQUIRED, SESSION_CSRF_LEN,
	    SESSION_CSRF_LEN, "[A-Za-z0-9_-]+", NULL, NULL },
};

static int
h_logout(struct request *r, struct response *resp)
{
	const struct auth_user	*u = r->user;
	unsigned char		 h[32];
	char			 cookie[128];

	auth_sid_hash(h, u->sid);
	if (db_session_delete(r->db, r->arena, h) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	(void)admin_audit(r, "logout", "user", u->id, 0, NULL, NULL, NULL);
	if (auth_cookie(cookie, sizeof(cookie), NULL, r->https) != NULL)
		http_header_add(resp, "Set-Cookie", arena_strdup(r->arena,
		    cookie));
	return admin_see(r, resp, "/admin/login?bye=1");
}

/* ---- dashboard ------------------------------------------------------- */

/* 0 (every unit) for admins and moderators, the own unit for editors. */
uint32_t
admin_scope(const struct auth_user *u)
{
	return u->role == ROLE_EDITOR ? (u->unit_id != 0 ? u->unit_id :
	    UINT32_MAX) : 0;
}

/* "This week": the next seven days from now. */
#define DASH_WEEK_SECONDS	(7 * 86400L)

/* Consultations opening or closing within the week, with their dates. */
static void
dash_week(struct request *r, struct tpl_dict *d, const struct week_row *w,
    size_t n, time_t now)
{
	struct tpl_dict	*s;
	size_t		 i;
	char		 buf[64];

	if (n == 0)
		tpl_show(d, "NO_WEEK");
	for (i = 0; i < n; i++) {
		if ((s = tpl_add(d, "WEEK")) == NULL)
			return;
		tpl_set(s, "WEEK_TITLE", w[i].title);
		tpl_set(s, "WEEK_UNIT", w[i].unit_name);
		/* Opening or closing soon: the dates and the text are
		 * what one checks, on the editor's page. */
		tpl_set(s, "WEEK_HREF", arena_printf(r->arena,
		    "/admin/consultations/%u", w[i].id));
		if (strcmp(w[i].status, "draft") == 0)
			tpl_show(s, "WEEK_DRAFT");
		if (w[i].opens >= now && w[i].opens < now + DASH_WEEK_SECONDS)
			tpl_set(tpl_add(s, "WEEK_OPENS"), "WEEK_DATE",
			    fmt_datetime_uk(buf, sizeof(buf), w[i].opens));
		if (w[i].closes >= now && w[i].closes < now +
		    DASH_WEEK_SECONDS)
			tpl_set(tpl_add(s, "WEEK_CLOSES"), "WEEK_DATE",
			    fmt_datetime_uk(buf, sizeof(buf), w[i].closes));
	}
}

static int
h_dashboard(struct request *r, struct response *resp)
{
	const struct auth_user	*u = r->user;
	struct page		 pg;
	struct tpl_dict		*d, *s, *row;
	struct dash		 dash;
	struct due		*due;
	struct week_row		*week;
	size_t			 n, i, nweek;
	time_t			 now = time(NULL);
	long			 days;
	char			 buf[64];

	if (db_dash_counts(r->db, r->arena, admin_scope(u), &dash) == -1 ||
	    db_dash_due(r->db, r->arena, admin_scope(u), &due, &n) == -1 ||
	    db_dash_week(r->db, r->arena, admin_scope(u), now,
	    now + DASH_WEEK_SECONDS, &week, &nweek) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = admin_page(&pg, r, "admin_dashboard.tpl", "Що потребує уваги",
	    "NAV_DASHBOARD")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "SCOPE", u->role == ROLE_EDITOR ? u->unit_name :
	    "усі організатори");
	tpl_set_int(d, "PENDING", dash.pending);
	if (dash.pending_old > 0)
		tpl_set_int(tpl_add(d, "PENDING_OLD_ANY"), "PENDING_OLD",
		    dash.pending_old);
	tpl_set_int(d, "UNANSWERED", dash.unanswered);
	if (u->role != ROLE_EDITOR)
		tpl_show(d, "CAN_MODERATE");
	if (n == 0)
		tpl_show(d, "NO_DUE");
	for (i = 0; i < n; i++) {
		if ((s = tpl_add(d, "DUE")) == NULL)
			break;
		tpl_set(s, "DUE_TITLE", due[i].title);
		tpl_set(s, "DUE_REPORT_HREF", arena_printf(r->arena,
		    "/admin/consultations/%u/report", due[i].id));
		tpl_set(s, "DUE_ANSWERS_HREF", arena_printf(r->arena,
		    "/admin/consultations/%u/answers", due[i].id));
		tpl_set(s, "DUE_END", fmt_date_uk(buf, sizeof(buf),
		    due[i].end));
		days = (long)((due[i].end + REPORT_DUE_DAYS * 86400L - now) /
		    86400L);
		row = tpl_add(s, days >= 0 ? "DUE_LEFT" : "DUE_LATE");
		tpl_set(row, "DAYS", view_count(r->arena, days >= 0 ? days :
		    -days, "день", "дні", "днів"));
	}
	dash_week(r, d, week, nweek, now);
	return admin_finish(&pg, resp, HTTP_OK);
}

/* ---- audit values ---------------------------------------------------- */

/* {"k1": v1[, "k2": v2]} as compact JSON in the arena (v2 may be NULL). */
const char *
jpair(struct arena *a, const char *k1, const char *v1, const char *k2,
    const char *v2)
{
	json_t		*o;
	char		*s;
	const char	*out = NULL;

	if ((o = json_object()) == NULL)
		return NULL;
	json_object_set_new(o, k1, v1 != NULL ? json_string(v1) : json_null());
	if (k2 != NULL)
		json_object_set_new(o, k2, v2 != NULL ? json_string(v2) :
		    json_null());
	if ((s = json_dumps(o, JSON_COMPACT)) != NULL) {
		out = arena_strdup(a, s);
		free(s);
	}
	json_decref(o);
	return out;
}

/* ---- moderation queue ------------------------------------------------ */

static const char *const mod_actions[] = {
	"publish", "reject", "spam", NULL
};
static const char *const mod_status[] = {
	"published", "rejected", "spam",
};
/* Why a comment is rejected: slugs stored, names shown. */
static const char *const reject_reasons[] = {
	"off-topic", "abuse", "personal-data", "duplicate", "advertising",
	"illegal", NULL
};
static const char *const reject_names[] = {
	"Не стосується предмета консультації",
	"Образливі висловлювання або мова ворожнечі",
	"Персональні дані інших людей",
	"Повтор уже надісланого тексту",
	"Реклама",
	"Заклики до порушення закону",
};

enum qparam {
	Q_CONSULTATION,
	Q_UNIT,
	Q_ID,
	Q_ACTION,
	Q_REASON,
	Q_CSRF,
	Q__MAX
};

static const struct param_rule queue_rules[Q__MAX] = {
	{ "consultation", PARAM_INT, 0, 1, 4294967295LL, NULL, NULL, NULL },
	{ "unit", PARAM_INT, 0, 1, 65535, NULL, NULL, NULL },
	{ "id", PARAM_INT, PARAM_MULTI, 1, 4294967295LL, NULL, NULL, NULL },
	{ "action", PARAM_ENUM, 0, 0, 0, NULL, mod_actions, NULL },
	{ "reason", PARAM_ENUM, 0, 0, 0, NULL, reject_reasons, NULL },
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL },
};

static const char *
queue_href(struct request *r)
{
	const struct param	*p = r->params;

	if (p[Q_CONSULTATION].n > 0)
		return arena_printf(r->arena, "/admin/moderation?consultation=%lld",
		    p[Q_CONSULTATION].v[0].i);
	if (p[Q_UNIT].n > 0)
		return arena_printf(r->arena, "/admin/moderation?unit=%lld",
		    p[Q_UNIT].v[0].i);
	return "/admin/moderation";
}

static int
queue_page(struct request *r, struct response *resp, int status,
    const char *message)
{
	const struct param	*p = r->params;
	struct page		 pg;
	struct tpl_dict		*d, *s, *o;
	struct mrow		*m;
	size_t			 n, i, k;
	long long		 total;
	char			 buf[64];

	if (db_queue_list(r->db, r->arena, p[Q_CONSULTATION].n > 0 ?
	    (uint32_t)p[Q_CONSULTATION].v[0].i : 0, p[Q_UNIT].n > 0 ?
	    (uint32_t)p[Q_UNIT].v[0].i : 0, &m, &n, &total) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = admin_page(&pg, r, "admin_queue.tpl", "Модерація",
	    "NAV_MODERATION")) == NULL)
		return HTTP_INTERNAL_ERROR;
	if (message != NULL)
		tpl_set(tpl_add(d, "MESSAGE"), "MESSAGE_TEXT", message);
	tpl_set(d, "TOTAL", view_count(r->arena, total, "коментар",
	    "коментарі", "коментарів"));
	tpl_set(d, "FORM_ACTION", queue_href(r));
	if (p[Q_CONSULTATION].n > 0 || p[Q_UNIT].n > 0)
		tpl_show(d, "FILTERED");
	if (n == 0)
		tpl_show(d, "EMPTY");
	else
		tpl_show(d, "ANY");
	for (k = 0; reject_reasons[k] != NULL; k++) {
		o = tpl_add(d, "REASON");
		tpl_set(o, "REASON_SLUG", reject_reasons[k]);
		tpl_set(o, "REASON_NAME", reject_names[k]);
	}
	for (i = 0; i < n; i++) {
		if ((s = tpl_add(d, "ITEM")) == NULL)
			break;
		tpl_set_int(s, "ID", m[i].id);
		tpl_set(s, "CONSULTATION_TITLE", m[i].consultation_title);
		tpl_set(s, "CONSULTATION_FILTER_HREF", arena_printf(r->arena,
		    "/admin/moderation?consultation=%u", m[i].consultation_id));
		tpl_set(s, "UNIT_NAME", m[i].unit_name);
		tpl_set(s, "KIND", strcmp(m[i].kind, "proposal") == 0 ?
		    "Пропозиція" : "Коментар");
		tpl_set(s, "AUTHOR", *m[i].organisation != '\0' ?
		    arena_printf(r->arena, "%s (%s)", m[i].author_name,
		    m[i].organisation) : m[i].author_name);
		tpl_set(s, "EMAIL", m[i].author_email);
		tpl_set(s, "CREATED", fmt_datetime_uk(buf, sizeof(buf),
		    m[i].created));
		view_paras(s, "TEXT", m[i].body);
		for (k = 0; reject_reasons[k] != NULL; k++) {
			o = tpl_add(s, "ITEM_REASON");
			tpl_set(o, "REASON_SLUG", reject_reasons[k]);
			tpl_set(o, "REASON_NAME", reject_names[k]);
		}
	}
	return admin_finish(&pg, resp, status);
}

static int
h_queue(struct request *r, struct response *resp)
{
	return queue_page(r, resp, HTTP_OK, NULL);
}

static int
h_moderate(struct request *r, struct response *resp)
{
	const struct auth_user	*u = r->user;
	const struct param	*p = r->params;
	struct mbrief		 m;
	const char		*status, *reason = NULL;
	size_t			 i;
	int			 rc;

	if (p[Q_ACTION].n == 0)
		return queue_page(r, resp, HTTP_BAD_REQUEST, "Оберіть дію: "
		    "оприлюднити, відхилити або позначити як спам.");
	if (p[Q_ID].n == 0)
		return queue_page(r, resp, HTTP_BAD_REQUEST, "Позначте "
		    "коментарі, до яких застосувати дію.");
	status = mod_status[p[Q_ACTION].v[0].i];
	if (strcmp(status, "rejected") == 0) {
		if (p[Q_REASON].n == 0)
			return queue_page(r, resp, HTTP_BAD_REQUEST, "Щоб "
			    "відхилити коментар, оберіть причину зі списку.");
		reason = reject_reasons[p[Q_REASON].v[0].i];
	}
	/* Every row is checked before any is changed. */
	for (i = 0; i < p[Q_ID].n; i++) {
		if ((rc = db_mbrief_get(r->db, r->arena,
		    (uint32_t)p[Q_ID].v[i].i, &m)) == -1)
			return HTTP_SERVICE_UNAVAILABLE;
		if (rc == 0)
			return HTTP_NOT_FOUND;
		if (!auth_may(u, WORK_MODERATE, m.unit_id))
			return admin_forbidden(r, resp, "comment", m.id,
			    m.unit_id);
	}
	for (i = 0; i < p[Q_ID].n; i++) {
		if (db_mbrief_get(r->db, r->arena, (uint32_t)p[Q_ID].v[i].i,
		    &m) != 1 || db_comment_moderate(r->db, r->arena, m.id,
		    status, reason, u->id) == -1)
			return HTTP_SERVICE_UNAVAILABLE;
		(void)admin_audit(r, "comment-moderate", "comment", m.id,
		    m.unit_id, jpair(r->arena, "status", m.status, NULL, NULL),
		    jpair(r->arena, "status", status, "reason", reason), NULL);
	}
	return admin_see(r, resp, queue_href(r));
}

/* ---- answers to proposals -------------------------------------------- */

static const char *const decisions[] = {
	"accepted", "partially-accepted", "rejected", "out-of-scope", NULL
};
static const char *const decision_names[] = {
	"Враховано", "Враховано частково", "Не враховано",
	"Не стосується предмета консультації",
};

#define REASON_MAX	5000

enum aparam {
	A_ID,
	A_DECISION,
	A_REASON,
	A_CSRF,
	A__MAX
};

static const struct param_rule answer_rules[A__MAX] = {
	{ "id", PARAM_INT, PARAM_PATH | PARAM_REQUIRED, 1, 4294967295LL, NULL,
	    NULL, NULL },
	{ "decision", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, decisions,
	    NULL },
	{ "reason", PARAM_TEXT, 0, 1, REASON_MAX, NULL, NULL, NULL },
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL },
};

const struct param_rule id_rules[1] = {
	{ "id", PARAM_INT, PARAM_PATH | PARAM_REQUIRED, 1, 4294967295LL, NULL,
	    NULL, NULL },
};

static const char *
decision_name(const char *slug)
{
	size_t	 i;

	for (i = 0; slug != NULL && decisions[i] != NULL; i++)
		if (strcmp(slug, decisions[i]) == 0)
			return decision_names[i];
	return "Відповідь готується";
}

/* The consultation of a page, if this user may answer for it. */
int
consultation_for(struct request *r, struct response *resp, uint32_t id,
    enum auth_work work, struct cbrief *c)
{
	int	 rc;

	if ((rc = db_cbrief_get(r->db, r->arena, id, c)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0)
		return HTTP_NOT_FOUND;
	if (!auth_may(r->user, work, c->unit_id))
		return admin_forbidden(r, resp, "consultation", id,
		    c->unit_id);
	return 0;
}

/*
 * The answers page; when bad is a proposal's id, its form holds what was
 * sent with message next to it.
 */
static int
answers_page(struct request *r, struct response *resp, const struct cbrief *c,
    int status, uint32_t bad, const char *message)
{
	struct page	 pg;
	struct tpl_dict	*d, *s, *o;
	struct mrow	*m;
	size_t		 n, i, k;
	long long	 left = 0;
	const char	*dec, *reason;
	char		 buf[64];

	if (db_answer_list(r->db, r->arena, c->id, &m, &n) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = admin_page(&pg, r, "admin_answers.tpl", arena_printf(r->arena,
	    "Відповіді на пропозиції: %s", c->title), "NAV_DASHBOARD")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "CONSULTATION_TITLE", c->title);
	tpl_set(d, "PUBLIC_HREF", view_href(r->arena, c->id, c->slug));
	tpl_set(d, "REPORT_HREF", arena_printf(r->arena,
	    "/admin/consultations/%u/report", c->id));
	if (n == 0)
		tpl_show(d, "EMPTY");
	for (i = 0; i < n; i++) {
		if ((s = tpl_add(d, "PROPOSAL")) == NULL)
			break;
		left += m[i].decision == NULL;
		tpl_set_int(s, "ID", m[i].id);
		tpl_set(s, "FORM_ACTION", arena_printf(r->arena,
		    "/admin/proposals/%u/answer", m[i].id));
		tpl_set(s, "AUTHOR", *m[i].organisation != '\0' ?
		    arena_printf(r->arena, "%s (%s)", m[i].author_name,
		    m[i].organisation) : m[i].author_name);
		tpl_set(s, "EMAIL", m[i].author_email);
		tpl_set(s, "CREATED", fmt_datetime_uk(buf, sizeof(buf),
		    m[i].created));
		view_paras(s, "TEXT", m[i].body);
		dec = m[i].decision;
		reason = m[i].reason != NULL ? m[i].reason : "";
		if (m[i].id == bad) {
			dec = http_arg(r, "decision");
			reason = sent(r, "reason");
			tpl_set(tpl_add(s, "ERROR"), "ERROR_TEXT", message);
		}
		if (m[i].decision != NULL) {
			o = tpl_add(s, "ANSWERED");
			tpl_set(o, "DECISION_LABEL", decision_name(
			    m[i].decision));
			tpl_set(o, "ANSWERED_BY", m[i].answered_by);
			tpl_set(o, "ANSWERED_AT", fmt_datetime_uk(buf,
			    sizeof(buf), m[i].answered));
		} else
			tpl_show(s, "UNANSWERED");
		for (k = 0; decisions[k] != NULL; k++) {
			o = tpl_add(s, "DECISION");
			tpl_set(o, "DECISION_SLUG", decisions[k]);
			tpl_set(o, "DECISION_NAME", decision_names[k]);
			tpl_set(o, "DECISION_ID", arena_printf(r->arena,
			    "d-%u-%zu", m[i].id, k));
			if (dec != NULL && strcmp(dec, decisions[k]) == 0)
				tpl_show(o, "CHECKED");
		}
		tpl_set(s, "REASON_VALUE", reason);
	}
	tpl_set_int(d, "LEFT", left);
	tpl_set_int(d, "COUNT", (long long)n);
	return admin_finish(&pg, resp, status);
}

static int
h_answers(struct request *r, struct response *resp)
{
	struct cbrief	 c;
	int		 rc;

	if ((rc = consultation_for(r, resp, (uint32_t)r->params[0].v[0].i,
	    WORK_ANSWER, &c)) != 0)
		return rc;
	return answers_page(r, resp, &c, HTTP_OK, 0, NULL);
}

static int
h_answer(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;
	struct mbrief		 m;
	struct cbrief		 c;
	const char		*dec, *reason, *odec = NULL, *oreason = NULL;
	size_t			 rlen;
	int			 rc;

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = db_mbrief_get(r->db, r->arena, (uint32_t)p[A_ID].v[0].i,
	    &m)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0)
		return HTTP_NOT_FOUND;
	if (!auth_may(r->user, WORK_ANSWER, m.unit_id))
		return admin_forbidden(r, resp, "comment", m.id, m.unit_id);
	if ((rc = db_cbrief_get(r->db, r->arena, m.consultation_id, &c)) != 1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (strcmp(m.kind, "proposal") != 0 ||
	    strcmp(m.status, "published") != 0) {
		resp->message = "Відповідь дають лише на оприлюднені "
		    "пропозиції.";
		return HTTP_CONFLICT;
	}
	if (p[A_DECISION].bad)
		return answers_page(r, resp, &c, HTTP_BAD_REQUEST, m.id,
		    "Оберіть рішення щодо пропозиції.");
	dec = decisions[p[A_DECISION].v[0].i];
	reason = p[A_REASON].n > 0 ? p[A_REASON].v[0].s : "";
	rlen = p[A_REASON].n > 0 ? p[A_REASON].v[0].len : 0;
	if (p[A_REASON].bad)
		return answers_page(r, resp, &c, HTTP_BAD_REQUEST, m.id,
		    "Обґрунтування — до 5000 символів.");
	if (strcmp(dec, "accepted") != 0 && rlen == 0)
		return answers_page(r, resp, &c, HTTP_BAD_REQUEST, m.id,
		    "Якщо пропозицію не враховано повністю, напишіть "
		    "обґрунтування.");
	if (db_answer_get(r->db, r->arena, m.id, &odec, &oreason) == -1 ||
	    db_answer_set(r->db, r->arena, m.id, dec, reason, rlen,
	    ((const struct auth_user *)r->user)->id) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	(void)admin_audit(r, "answer", "comment", m.id, m.unit_id,
	    odec != NULL ? jpair(r->arena, "decision", odec, "reason",
	    oreason) : NULL, jpair(r->arena, "decision", dec, "reason",
	    arena_strndup(r->arena, reason, rlen)), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/consultations/%u/answers#p-%u", m.consultation_id, m.id));
}

/* ---- the results report ---------------------------------------------- */

static const char *const report_actions[] = { "save", "publish", NULL };

#define REPORT_MAX	50000

enum rparam {
	RP_ID,
	RP_ACTION,
	RP_SUMMARY,
	RP_CSRF,
	RP__MAX
};

static const struct param_rule report_rules[RP__MAX] = {
	{ "id", PARAM_INT, PARAM_PATH | PARAM_REQUIRED, 1, 4294967295LL, NULL,
	    NULL, NULL },
	{ "action", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, report_actions,
	    NULL },
	{ "summary", PARAM_TEXT, PARAM_REQUIRED, 1, REPORT_MAX, NULL, NULL,
	    NULL },
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL },
};

/* The generated table: every published proposal with its decision. */
static int
report_table(struct request *r, struct tpl_dict *d, uint32_t id)
{
	struct mrow	*m;
	struct tpl_dict	*row;
	size_t		 n, i;

	if (db_answer_list(r->db, r->arena, id, &m, &n) == -1)
		return -1;
	tpl_set_int(d, "PROPOSALS", (long long)n);
	if (n == 0)
		tpl_show(d, "NO_PROPOSALS");
	for (i = 0; i < n; i++) {
		if ((row = tpl_add(d, "ROW")) == NULL)
			return -1;
		tpl_set_int(row, "ROW_NUMBER", (long long)i + 1);
		tpl_set(row, "ROW_AUTHOR", *m[i].organisation != '\0' ?
		    arena_printf(r->arena, "%s (%s)", m[i].author_name,
		    m[i].organisation) : m[i].author_name);
		view_paras(row, "ROW_TEXT", m[i].body);
		tpl_set(row, "ROW_RESULT", decision_name(m[i].decision));
		if (m[i].reason != NULL)
			view_paras(row, "ROW_REASON", m[i].reason);
	}
	return 0;
}

static int
report_page(struct request *r, struct response *resp, const struct cbrief *c,
    int status, const char *message)
{
	struct page	 pg;
	struct tpl_dict	*d, *s;
	const char	*summary = "";
	time_t		 published = 0;
	long long	 left;
	char		 buf[64];
	int		 rc;

	if ((rc = db_report_draft(r->db, r->arena, c->id, &summary,
	    &published)) == -1 ||
	    db_unanswered_count(r->db, r->arena, c->id, &left) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0)
		summary = "";
	if (r->method == METHOD_POST)
		summary = sent(r, "summary");
	if ((d = admin_page(&pg, r, "admin_report.tpl", arena_printf(r->arena,
	    "Звіт про результати: %s", c->title), "NAV_DASHBOARD")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "CONSULTATION_TITLE", c->title);
	tpl_set(d, "PUBLIC_HREF", view_href(r->arena, c->id, c->slug));
	tpl_set(d, "ANSWERS_HREF", arena_printf(r->arena,
	    "/admin/consultations/%u/answers", c->id));
	tpl_set(d, "PRINT_HREF", arena_printf(r->arena,
	    "/admin/consultations/%u/report/print", c->id));
	tpl_set(d, "FORM_ACTION", arena_printf(r->arena,
	    "/admin/consultations/%u/report", c->id));
	tpl_set(d, "SUMMARY_VALUE", summary);
	if (message != NULL)
		tpl_set(tpl_add(d, "MESSAGE"), "MESSAGE_TEXT", message);
	if (published != 0)
		tpl_set(tpl_add(d, "PUBLISHED"), "PUBLISHED_AT",
		    fmt_datetime_uk(buf, sizeof(buf), published));
	else
		tpl_show(d, "NOT_PUBLISHED");
	if (left > 0)
		tpl_set(tpl_add(d, "LEFT"), "LEFT_TEXT", view_count(r->arena,
		    left, "пропозиція", "пропозиції", "пропозицій"));
	if ((s = tpl_include(d, "REPORT_TABLE", "admin_report_table.tpl")) ==
	    NULL || report_table(r, s, c->id) == -1) {
		page_abort(&pg);
		return HTTP_SERVICE_UNAVAILABLE;
	}
	return admin_finish(&pg, resp, status);
}

static int
h_report_form(struct request *r, struct response *resp)
{
	struct cbrief	 c;
	int		 rc;

	if ((rc = consultation_for(r, resp, (uint32_t)r->params[0].v[0].i,
	    WORK_ANSWER, &c)) != 0)
		return rc;
	return report_page(r, resp, &c, HTTP_OK, NULL);
}

static int
h_report(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;
	const struct auth_user	*u = r->user;
	struct cbrief		 c;
	const char		*old = NULL;
	time_t			 published = 0;
	long long		 left;
	int			 rc, publish;
	enum cstatus		 st;

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = consultation_for(r, resp, (uint32_t)p[RP_ID].v[0].i,
	    WORK_ANSWER, &c)) != 0)
		return rc;
	if (p[RP_ACTION].bad || p[RP_SUMMARY].bad)
		return report_page(r, resp, &c, HTTP_BAD_REQUEST, "Напишіть "
		    "підсумок консультації (до 50 000 символів).");
	publish = p[RP_ACTION].v[0].i == 1;
	if (db_report_draft(r->db, r->arena, c.id, &old, &published) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (published != 0)
		return report_page(r, resp, &c, HTTP_CONFLICT, "Звіт уже "
		    "оприлюднено; змінити його неможливо.");
	st = lifecycle_status(cstatus_parse(c.status), c.opens, c.closes,
	    c.closed_at, time(NULL));
	if (publish && st != CS_CLOSED)
		return report_page(r, resp, &c, HTTP_CONFLICT, "Оприлюднити "
		    "звіт можна після завершення прийому пропозицій. Чернетку "
		    "можна зберегти вже зараз.");
	if (db_unanswered_count(r->db, r->arena, c.id, &left) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (publish && left > 0)
		return report_page(r, resp, &c, HTTP_CONFLICT,
		    arena_printf(r->arena, "Спершу дайте відповідь на кожну "
		    "пропозицію: без відповіді ще %s.", view_count(r->arena,
		    left, "пропозиція", "пропозиції", "пропозицій")));
	if (db_report_save(r->db, r->arena, c.id, p[RP_SUMMARY].v[0].s,
	    p[RP_SUMMARY].v[0].len, u->id) == -1 ||
	    (publish && db_report_publish(r->db, r->arena, c.id, u->id) == -1))
		return HTTP_SERVICE_UNAVAILABLE;
	(void)admin_audit(r, publish ? "report-publish" : "report-save",
	    "consultation", c.id, c.unit_id, old != NULL ? jpair(r->arena,
	    "summary", old, NULL, NULL) : NULL, jpair(r->arena, "summary",
	    p[RP_SUMMARY].v[0].s, publish ? "status" : NULL, "completed"),
	    NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/consultations/%u/report", c.id));
}

/* The report as one printable page (no site frame). */
static int
h_report_print(struct request *r, struct response *resp)
{
	struct cbrief	 c;
	struct tpl_dict	*d;
	const char	*summary = "", *html;
	time_t		 published = 0;
	char		 buf[64];
	int		 rc;

	if ((rc = consultation_for(r, resp, (uint32_t)r->params[0].v[0].i,
	    WORK_ANSWER, &c)) != 0)
		return rc;
	if ((rc = db_report_draft(r->db, r->arena, c.id, &summary,
	    &published)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((html = md_render(r->arena, summary, strlen(summary))) == NULL ||
	    (d = tpl_dict_new("print")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "CONSULTATION_TITLE", c.title);
	tpl_set(d, "REPORT_HTML", html);
	if (published != 0)
		tpl_set(tpl_add(d, "PUBLISHED"), "PUBLISHED_AT",
		    fmt_date_uk(buf, sizeof(buf), published));
	else
		tpl_show(d, "DRAFT");
	if (report_table(r, tpl_include(d, "REPORT_TABLE",
	    "admin_report_table.tpl"), c.id) == -1 ||
	    tpl_render("admin_report_print.tpl", d, &resp->body,
	    &resp->len) == -1) {
		tpl_dict_free(d);
		return HTTP_INTERNAL_ERROR;
	}
	tpl_dict_free(d);
	resp->status = HTTP_OK;
	resp->content_type = "text/html; charset=utf-8";
	resp->cache_control = "no-store";
	return 0;
}

#define WORK_ROUTES \
	{ GET, "/admin/moderation", h_queue, queue_rules, Q__MAX, \
	    ADM_ADMIN | ADM_MODERATOR }, \
	{ POST, "/admin/moderation", h_moderate, queue_rules, Q__MAX, \
	    ADM_ADMIN | ADM_MODERATOR }, \
	{ GET, "/admin/consultations/{id}/answers", h_answers, id_rules, 1, \
	    ADM_ADMIN | ADM_EDITOR }, \
	{ POST, "/admin/proposals/{id}/answer", h_answer, answer_rules, \
	    A__MAX, ADM_ADMIN | ADM_EDITOR | ROUTE_FORM }, \
	{ GET, "/admin/consultations/{id}/report", h_report_form, id_rules, \
	    1, ADM_ADMIN | ADM_EDITOR }, \
	{ POST, "/admin/consultations/{id}/report", h_report, report_rules, \
	    RP__MAX, ADM_ADMIN | ADM_EDITOR | ROUTE_FORM }, \
	{ GET, "/admin/consultations/{id}/report/print", h_report_print, \
	    id_rules, 1, ADM_ADMIN | ADM_EDITOR },

static int
h_not_found(struct request *r, struct response *resp)
{
	(void)r;
	(void)resp;
	return HTTP_NOT_FOUND;
}

/* ---- commands -------------------------------------------------------- */

struct cli {
	struct arena	 arena;
	struct db	*db;
};

static int
cli_open(struct cli *c)
{
	memset(c, 0, sizeof(*c));
	log_init("admin");
	if (config_load(&cfg) == -1 || sodium_init() < 0 ||
	    mysql_library_init(0, NULL, NULL) != 0)
		return -1;
	arena_init(&c->arena, 1024 * 1024);
	if ((c->db = db_new(&cfg)) == NULL || db_ensure(c->db) == -1) {
		fprintf(stderr, "admin: cannot connect to the database\n");
		return -1;
	}
	return 0;
}

static void
cli_close(struct cli *c)
{
	db_free(c->db);
	arena_free(&c->arena);
	mysql_library_end();
}

/* Creates one user; 0, or -1 with a message on stderr. */
static int
user_create(struct cli *c, const char *login, const char *role_s,
    const char *unit, const char *pw, size_t len)
{
	char		 hash[AUTH_HASH_MAX];
	enum auth_role	 role = auth_role_parse(role_s);
	uint32_t	 unit_id = 0, id;
	int		 rc;

	if (!auth_login_ok(login, strlen(login))) {
		fprintf(stderr, "admin: a login is 1 to 64 characters "
		    "without spaces\n");
		return -1;
	}
	if (role == ROLE__MAX) {
		fprintf(stderr, "admin: ROLE is admin, editor or moderator\n");
		return -1;
	}
	if (strcmp(unit, "-") != 0 && (rc = db_unit_by_slug(c->db, &c->arena,
	    unit, &unit_id)) != 1) {
		fprintf(stderr, "admin: %s\n", rc == 0 ? "no unit with that "
		    "slug" : "database error");
		return -1;
	}
	if (role == ROLE_EDITOR && unit_id == 0) {
		fprintf(stderr, "admin: an editor needs a unit\n");
		return -1;
	}
	if (!auth_password_ok(pw, len)) {
		fprintf(stderr, "admin: the password needs at least %d "
		    "characters\n", AUTH_PASSWORD_MIN);
		return -1;
	}
	if (auth_password_hash(hash, pw, len) == -1 ||
	    (rc = db_user_add(c->db, &c->arena, login, login, hash, role,
	    unit_id, &id)) == -1) {
		fprintf(stderr, "admin: could not store the user\n");
		return -1;
	}
	if (rc == 0) {
		fprintf(stderr, "admin: the login %s is taken\n", login);
		return -1;
	}
	printf("created user %s (id %u, %s)\n", login, id, role_s);
	return 0;
}

static int
cmd_create_user(int argc, char *argv[])
{
	struct cli	 c;
	char		 pw[AUTH_PASSWORD_MAX + 2];
	size_t		 len;
	int		 rc = 1;

	if (argc != 5) {
		fprintf(stderr, "usage: admin --create-user LOGIN ROLE UNIT "
		    "(password on standard input; UNIT a slug or -)\n");
		return 2;
	}
	if (fgets(pw, sizeof(pw), stdin) == NULL) {
		fprintf(stderr, "admin: no password on standard input\n");
		return 1;
	}
	len = strcspn(pw, "\r\n");
	pw[len] = '\0';
	if (cli_open(&c) == 0 && user_create(&c, argv[2], argv[3], argv[4],
	    pw, len) == 0)
		rc = 0;
	sodium_memzero(pw, sizeof(pw));
	cli_close(&c);
	return rc;
}

/*
 * The demo users of `make run`, with new random passwords each time (the
 * old ones are not kept anywhere), written to FILE for the banner.
 */
static int
cmd_demo_users(int argc, char *argv[])
{
	static const struct {
		const char	*login, *role, *kind;
	} demo[] = {
		{ "demo-admin", "admin", NULL },
		{ "demo-editor", "editor", "department" },
		{ "demo-rda", "editor", "rda" },
		{ "demo-moderator", "moderator", NULL },
	};
	struct cli		 c;
	struct login_row	 u;
	char			 pw[AUTH_PASSWORD_GEN + 1], hash[AUTH_HASH_MAX];
	const char		*slug, *name;
	FILE			*f = NULL;
	size_t			 i;
	int			 rc = 1, got;

	if (argc != 3) {
		fprintf(stderr, "usage: admin --demo-users FILE\n");
		return 2;
	}
	/* Passwords: readable by the owner only. */
	(void)umask(077);
	if (cli_open(&c) == -1 || (f = fopen(argv[2], "w")) == NULL)
		goto out;
	fprintf(f, "Demo users of /admin (passwords new at every start):\n");
	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++) {
		auth_password_new(pw);
		slug = "-";
		name = "";
		if (demo[i].kind != NULL && db_unit_first(c.db, &c.arena,
		    demo[i].kind, &slug, &name) != 1)
			goto out;
		if ((got = db_user_by_login(c.db, &c.arena, demo[i].login,
		    strlen(demo[i].login), &u)) == -1)
			goto out;
		if (got == 1) {
			if (auth_password_hash(hash, pw, strlen(pw)) == -1 ||
			    db_user_rehash(c.db, &c.arena, u.id, hash) == -1)
				goto out;
		} else if (user_create(&c, demo[i].login, demo[i].role, slug,
		    pw, strlen(pw)) == -1)
			goto out;
		fprintf(f, "  %-15s %-24s %s%s%s\n", demo[i].login, pw,
		    demo[i].role, *name != '\0' ? ", " : "", name);
	}
	rc = 0;
out:
	if (f != NULL && fclose(f) != 0)
		rc = 1;
	cli_close(&c);
	return rc;
}

static int
admin_command(int argc, char *argv[])
{
	if (strcmp(argv[1], "--create-user") == 0)
		return cmd_create_user(argc, argv);
	if (strcmp(argv[1], "--demo-users") == 0)
		return cmd_demo_users(argc, argv);
	fprintf(stderr, "usage: admin --create-user LOGIN ROLE UNIT | "
	    "--demo-users FILE\n");
	return 2;
}

static const struct route routes[] = {
	{ GET, "/admin/login", h_login_form, login_get_rules, L__MAX,
	    ADM_PUBLIC },
	{ POST, "/admin/login", h_login, login_rules, L__MAX,
	    ADM_PUBLIC | ROUTE_FORM },
	{ POST, "/admin/logout", h_logout, csrf_rules, 1, ADM_ANY },
	{ GET, "/admin", h_dashboard, NULL, 0, ADM_ANY },
	{ GET, "/admin/", h_dashboard, NULL, 0, ADM_ANY },
	WORK_ROUTES
	ADMIN_PART_ROUTES
	/* Anything else under /admin: signed-in people get a 404, others
	 * the login page (nothing is told about what exists). */
	{ GET | POST, "/admin/{a}", h_not_found, NULL, 0, ADM_ANY },
	{ GET | POST, "/admin/{a}/{b}", h_not_found, NULL, 0, ADM_ANY },
	{ GET | POST, "/admin/{a}/{b}/{c}", h_not_found, NULL, 0, ADM_ANY },
	{ GET | POST, "/admin/{a}/{b}/{c}/{d}", h_not_found, NULL, 0,
	    ADM_ANY },
};

static const struct program program = {
	"admin", routes, sizeof(routes) / sizeof(routes[0]), NULL, NULL, NULL
};

int
main(int argc, char *argv[])
{
	const char	*v;

	/* The admin connects as its own database user (README). */
	v = getenv("HROMADA_DB_ADMIN_USER");
	setenv("HROMADA_DB_USER", v != NULL && *v != '\0' ? v :
	    "hromada_admin", 1);
	v = getenv("HROMADA_DB_ADMIN_PASSWORD");
	setenv("HROMADA_DB_PASSWORD", v != NULL && *v != '\0' ? v :
	    "hromada-local-admin", 1);
	if (argc > 1 && strncmp(argv[1], "--", 2) == 0)
		return admin_command(argc, argv);
	runner_guard_set(guard);
	return runner_main(argc, argv, &program);
}
