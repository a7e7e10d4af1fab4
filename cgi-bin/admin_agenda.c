/*
 * The admin's part of the unified agenda (admin_agenda.h).
 *
 *   GET  /admin/agenda?year=          the year's topics of the user's unit
 *                                     (every unit for admins), proposals
 *                                     awaiting a decision first
 *   GET  /admin/agenda/new?year=      the form for a new topic
 *   POST /admin/agenda/new            a new topic
 *   GET  /admin/agenda/{id}           the form of a topic
 *   POST /admin/agenda/{id}           its changes (status, link, reason)
 *   POST /admin/agenda/{id}/decide    accept or decline a proposed topic
 *   POST /admin/agenda/publish        publish a year's plan (admins)
 *
 * Every row touched is checked against the user's unit (auth_may: 403 and
 * an audit row otherwise); every change is audited with before and after.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "admin.h"
#include "admin_agenda.h"
#include "db.h"
#include "db_agenda.h"
#include "lifecycle.h"
#include "log.h"
#include "secret.h"
#include "view.h"

#define TOPIC_MAX	300
#define TEXT_MAX	3000
#define REASON_MAX	3000
#define LINKS_MAX	32

static const char *const quarters[] = { "1", "2", "3", "4", NULL };
static const char *const quarter_names[] = {
	"I квартал", "II квартал", "III квартал", "IV квартал"
};
/* What an editor may set in the form, in enum order. */
static const char *const statuses[] = {
	"proposed", "planned", "scheduled", "held", "declined", NULL
};
static const char *const status_names[] = {
	"Запропоновано, очікує на рішення", "Заплановано",
	"Оголошено консультацію", "Проведено", "Відхилено"
};
enum { ST_PROPOSED, ST_PLANNED, ST_SCHEDULED, ST_HELD, ST_DECLINED };

static const char *const actions[] = { "accept", "decline", NULL };

enum ip {
	IP_ID,
	IP_TOPIC,
	IP_DESCRIPTION,
	IP_UNIT,
	IP_FORMAT,
	IP_YEAR,
	IP_QUARTER,
	IP_THEME,
	IP_DISTRICT,
	IP_STATUS,
	IP_CONSULTATION,
	IP_REASON,
	IP_CSRF,
	IP__MAX
};

#define SLUG	"[a-z0-9]+(?:-[a-z0-9]+)*"

const struct param_rule agenda_year_rules[1] = {
	{ "year", PARAM_INT, 0, 2000, 2100, NULL, NULL, NULL },
};

/* One table for both routes: "id" is in the path of the edit only. */
const struct param_rule agenda_item_rules[AGENDA_ITEM_NPARAMS] = {
	{ "id", PARAM_INT, PARAM_PATH, 1, 4294967295LL, NULL, NULL, NULL },
	{ "topic", PARAM_TEXT, PARAM_REQUIRED, 5, TOPIC_MAX,
	    "\\s*\\S[^\\t\\r\\n]*", NULL, NULL },
	{ "description", PARAM_TEXT, PARAM_REQUIRED, 1, TEXT_MAX, NULL, NULL,
	    NULL },
	{ "unit", PARAM_TEXT, 0, 1, 64, SLUG, NULL, NULL },
	{ "format", PARAM_TEXT, 0, 1, 64, SLUG, NULL, NULL },
	{ "year", PARAM_INT, PARAM_REQUIRED, 2000, 2100, NULL, NULL, NULL },
	{ "quarter", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, quarters, NULL },
	{ "theme", PARAM_TEXT, PARAM_MULTI, 1, 64, SLUG, NULL, NULL },
	{ "district", PARAM_TEXT, PARAM_MULTI, 1, 64, SLUG, NULL, NULL },
	{ "status", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, statuses, NULL },
	{ "consultation", PARAM_INT, 0, 1, 4294967295LL, NULL, NULL, NULL },
	{ "reason", PARAM_TEXT, 0, 1, REASON_MAX, NULL, NULL, NULL },
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL },
};

enum dp { DP_ID, DP_ACTION, DP_REASON, DP_CSRF };

const struct param_rule agenda_decide_rules[AGENDA_DECIDE_NPARAMS] = {
	{ "id", PARAM_INT, PARAM_PATH | PARAM_REQUIRED, 1, 4294967295LL, NULL,
	    NULL, NULL },
	{ "action", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, actions, NULL },
	{ "reason", PARAM_TEXT, 0, 1, REASON_MAX, NULL, NULL, NULL },
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL },
};

const struct param_rule agenda_publish_rules[AGENDA_PUBLISH_NPARAMS] = {
	{ "year", PARAM_INT, PARAM_REQUIRED, 2000, 2100, NULL, NULL, NULL },
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL },
};

static int
this_year(void)
{
	time_t		 now = time(NULL);
	struct tm	 tm;

	localtime_r(&now, &tm);
	return tm.tm_year + 1900;
}

static const char *
status_name(const char *slug)
{
	size_t	 i;

	for (i = 0; statuses[i] != NULL; i++)
		if (strcmp(slug, statuses[i]) == 0)
			return status_names[i];
	return slug;
}

/*
 * The proposer of a topic is told what the unit decided by e-mail: the
 * trigger on agenda_items (sql/migrations/110_stats_agenda.sql) queues the
 * message into the outbox in the same statement as the decision, whoever
 * makes it, and cgi-bin/notify sends it (templates/mail_agenda.*.tpl).
 */
static void
agenda_notify_proposer(const struct agenda_item *it, const char *status)
{
	if (*it->proposer_email == '\0')
		return;
	/* The log names the proposal, never the address. */
	log_info("agenda: decision %s on proposal %u queued for its proposer",
	    status, it->id);
}

/* What the audit log keeps of a topic. */
static const char *
item_json(struct arena *a, const struct agenda_item *it)
{
	json_t		*o;
	char		*s;
	const char	*out = NULL;

	if ((o = json_pack("{s:s, s:s, s:s, s:s, s:i, s:i, s:s, s:s}",
	    "topic", it->topic, "description", it->description,
	    "unit", it->unit_slug, "format", it->format_slug,
	    "year", it->year, "quarter", it->quarter, "status", it->status,
	    "reason", it->reason)) == NULL)
		return NULL;
	json_object_set_new(o, "consultation", it->consultation_id != 0 ?
	    json_integer(it->consultation_id) : json_null());
	if ((s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS)) != NULL) {
		out = arena_strdup(a, s);
		free(s);
	}
	json_decref(o);
	return out;
}

/* The topic of a page if this user may plan it: 0, or a status. */
static int
item_for(struct request *r, struct response *resp, uint32_t id,
    struct agenda_item *it)
{
	int	 rc;

	memset(it, 0, sizeof(*it));
	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = db_agenda_get(r->db, r->arena, id, it)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0 || strcmp(it->status, "spam") == 0)
		return HTTP_NOT_FOUND;
	if (!auth_may(r->user, WORK_CONSULTATION, it->unit_id))
		return admin_forbidden(r, resp, "agenda", id, it->unit_id);
	return 0;
}

/* ---- the list ---------------------------------------------------------- */

/*
 * The year's topics; when bad is a topic's id, its decision form holds
 * what was sent with message next to it.
 */
static int
list_page(struct request *r, struct response *resp, int year, int status,
    uint32_t bad, const char *message)
{
	const struct auth_user	*u = r->user;
	struct agenda_item	*it;
	struct page		 pg;
	struct tpl_dict		*d, *s, *x;
	size_t			 n, i;
	time_t			 published;
	char			 buf[64];
	int			 cur = this_year();

	if (db_agenda_list(r->db, r->arena, year, 0, admin_scope(u), &it,
	    &n) == -1 || db_agenda_plan_get(r->db, r->arena, year,
	    &published) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = admin_page(&pg, r, "admin_agenda.tpl", arena_printf(r->arena,
	    "План консультацій на %d рік", year), "NAV_AGENDA_ADMIN")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set_int(d, "YEAR", year);
	tpl_set_int(d, "PREV_YEAR", year - 1);
	tpl_set_int(d, "NEXT_YEAR", year + 1);
	tpl_set(d, "NEW_HREF", arena_printf(r->arena, "/admin/agenda/new?year=%d",
	    year));
	tpl_set(d, "SCOPE", u->role == ROLE_EDITOR ? u->unit_name :
	    "усі підрозділи");
	if (published != 0)
		tpl_set(tpl_add(d, "PUBLISHED"), "PUBLISHED_TEXT",
		    fmt_datetime_uk(buf, sizeof(buf), published));
	else {
		s = tpl_add(d, "NOT_PUBLISHED");
		tpl_set_int(s, "DEADLINE_YEAR", year - 1);
		if (u->role == ROLE_ADMIN)
			tpl_show(s, "PUBLISH_FORM");
		if (year == cur + 1)
			tpl_show(s, "DEADLINE_SOON");
	}
	if (n == 0)
		tpl_show(d, "EMPTY");
	for (i = 0; i < n; i++) {
		if ((s = tpl_add(d, "ITEM")) == NULL)
			break;
		tpl_set_int(s, "ITEM_ID", it[i].id);
		tpl_set(s, "ITEM_TOPIC", it[i].topic);
		tpl_set(s, "ITEM_STATUS", it[i].status);
		tpl_set(s, "ITEM_STATUS_NAME", status_name(it[i].status));
		tpl_set(s, "ITEM_QUARTER", quarter_names[it[i].quarter - 1]);
		tpl_set(s, "ITEM_UNIT", it[i].unit_name);
		tpl_set(s, "EDIT_HREF", arena_printf(r->arena,
		    "/admin/agenda/%u", it[i].id));
		view_paras(s, "ITEM_DESCRIPTION", it[i].description);
		if (*it[i].proposer_name != '\0' &&
		    (x = tpl_add(s, "PROPOSER")) != NULL) {
			tpl_set(x, "PROPOSER_NAME", *it[i].proposer_org !=
			    '\0' ? arena_printf(r->arena, "%s (%s)",
			    it[i].proposer_name, it[i].proposer_org) :
			    it[i].proposer_name);
			tpl_set(x, "PROPOSER_EMAIL", it[i].proposer_email);
			tpl_set(x, "PROPOSED_AT", fmt_datetime_uk(buf,
			    sizeof(buf), it[i].created));
		}
		if (*it[i].consultation_title != '\0')
			tpl_set(tpl_add(s, "CONSULTATION"),
			    "CONSULTATION_TITLE", it[i].consultation_title);
		if (strcmp(it[i].status, "proposed") == 0 &&
		    (x = tpl_add(s, "DECIDE")) != NULL) {
			tpl_set(x, "DECIDE_ACTION", arena_printf(r->arena,
			    "/admin/agenda/%u/decide", it[i].id));
			tpl_set(x, "REASON_VALUE", it[i].id == bad ?
			    sent(r, "reason") : "");
			if (it[i].id == bad)
				tpl_set(tpl_add(x, "DECIDE_ERROR"),
				    "DECIDE_ERROR_TEXT", message);
		}
	}
	return admin_finish(&pg, resp, status);
}

int
h_agenda_list(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	return list_page(r, resp, p[0].n > 0 ? (int)p[0].v[0].i : this_year(),
	    HTTP_OK, 0, NULL);
}

/* ---- the form ---------------------------------------------------------- */

struct terms {
	struct agenda_term	*t[AGT__MAX];
	size_t			 n[AGT__MAX];
};

static int
terms_load(struct request *r, struct terms *t)
{
	int	 k;

	for (k = 0; k < AGT__MAX; k++)
		if (db_agenda_terms(r->db, r->arena, (enum agenda_term_kind)k,
		    &t->t[k], &t->n[k]) == -1)
			return -1;
	return 0;
}

/* The id of a slug among the terms, or 0. */
static int
term_id(const struct terms *t, enum agenda_term_kind k, const char *slug)
{
	size_t	 i;

	for (i = 0; i < t->n[k]; i++)
		if (strcmp(t->t[k][i].slug, slug) == 0)
			return t->t[k][i].id;
	return 0;
}

/* Whether a slug is among the values sent for key (or in cur). */
static int
chosen(const struct request *r, const char *key, const char *slug,
    const struct agenda_link *cur, size_t ncur)
{
	size_t	 i;

	if (r->method == METHOD_POST) {
		for (i = 0; i < r->nargs; i++)
			if (strcmp(r->args[i].key, key) == 0 &&
			    strcmp(r->args[i].val, slug) == 0)
				return 1;
		return 0;
	}
	for (i = 0; i < ncur; i++)
		if (strcmp(cur[i].slug, slug) == 0)
			return 1;
	return 0;
}

static void
term_options(struct request *r, struct tpl_dict *d, const char *section,
    const struct terms *t, enum agenda_term_kind k, const char *value)
{
	struct tpl_dict	*o;
	size_t		 i;

	for (i = 0; i < t->n[k]; i++) {
		if ((o = tpl_add(d, section)) == NULL)
			return;
		tpl_set(o, "OPTION_VALUE", t->t[k][i].slug);
		tpl_set(o, "OPTION_LABEL", t->t[k][i].name);
		tpl_set(o, "OPTION_ID", arena_printf(r->arena, "%s-%s",
		    section, t->t[k][i].slug));
		if (strcmp(value, t->t[k][i].slug) == 0)
			tpl_show(o, "OPTION_SELECTED");
	}
}

static void
term_checks(struct request *r, struct tpl_dict *d, const char *section,
    const char *key, const struct terms *t, enum agenda_term_kind k,
    const struct agenda_link *cur, size_t ncur)
{
	struct tpl_dict	*o;
	size_t		 i;

	for (i = 0; i < t->n[k]; i++) {
		if ((o = tpl_add(d, section)) == NULL)
			return;
		tpl_set(o, "CHECK_NAME", key);
		tpl_set(o, "CHECK_VALUE", t->t[k][i].slug);
		tpl_set(o, "CHECK_LABEL", t->t[k][i].name);
		tpl_set(o, "CHECK_ID", arena_printf(r->arena, "ag-%s-%s", key,
		    t->t[k][i].slug));
		if (chosen(r, key, t->t[k][i].slug, cur, ncur))
			tpl_show(o, "CHECK_CHECKED");
	}
}

/* An error next to a field and in the summary. */
static void
form_error(struct tpl_dict *d, struct tpl_dict **errs, const char *key,
    const char *id, const char *msg)
{
	struct tpl_dict	*s;
	char		 k[48];

	if (*errs == NULL)
		*errs = tpl_add(d, "ERRORS");
	snprintf(k, sizeof(k), "%s_ERROR", key);
	if ((s = tpl_add(d, k)) != NULL) {
		snprintf(k, sizeof(k), "%s_ERROR_TEXT", key);
		tpl_set(s, k, msg);
	}
	if ((s = tpl_add(*errs, "ERROR")) != NULL) {
		tpl_set(s, "ERROR_FIELD_ID", id);
		tpl_set(s, "ERROR_TEXT", msg);
	}
}

/* The errors of a sent form, by field; NULL message: none. */
struct form_errs {
	const char	*msg[IP__MAX];
};

/*
 * The form of a topic: it (NULL for a new one) as stored on a GET, what was
 * sent on a POST, with the errors of e.
 */
static int
form_page(struct request *r, struct response *resp, int status,
    const struct agenda_item *it, int year, const struct form_errs *e)
{
	const struct auth_user	*u = r->user;
	int			 post = r->method == METHOD_POST;
	struct agenda_link	*th = NULL, *di = NULL;
	size_t			 nth = 0, ndi = 0, k;
	struct terms		 t;
	struct page		 pg;
	struct tpl_dict		*d, *errs = NULL, *o;
	const char		*v;
	char			 num[16];
	static const struct {
		enum ip		 f;
		const char	*key, *id;
	} fields[] = {
		{ IP_TOPIC, "TOPIC", "ag-topic" },
		{ IP_DESCRIPTION, "DESCRIPTION", "ag-description" },
		{ IP_UNIT, "UNIT", "ag-unit" },
		{ IP_FORMAT, "FORMAT", "ag-format" },
		{ IP_YEAR, "YEAR", "ag-year" },
		{ IP_QUARTER, "QUARTER", "ag-quarter" },
		{ IP_THEME, "THEME", "ag-theme-first" },
		{ IP_DISTRICT, "DISTRICT", "ag-district-first" },
		{ IP_STATUS, "STATUS", "ag-status" },
		{ IP_CONSULTATION, "CONSULTATION", "ag-consultation" },
		{ IP_REASON, "REASON", "ag-reason" },
	};

	if (terms_load(r, &t) == -1 || (it != NULL && (db_agenda_links(r->db,
	    r->arena, AGT_THEME, 0, it->id, &th, &nth) == -1 ||
	    db_agenda_links(r->db, r->arena, AGT_DISTRICT, 0, it->id, &di,
	    &ndi) == -1)))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = admin_page(&pg, r, "admin_agenda_form.tpl", it != NULL ?
	    arena_printf(r->arena, "Тема плану № %u", it->id) :
	    "Нова тема плану консультацій", "NAV_AGENDA_ADMIN")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "HEADING", it != NULL ? arena_printf(r->arena,
	    "Тема плану № %u", it->id) : "Нова тема плану консультацій");
	tpl_set(d, "FORM_ACTION", it != NULL ? arena_printf(r->arena,
	    "/admin/agenda/%u", it->id) : "/admin/agenda/new");
	tpl_set(d, "BACK_HREF", arena_printf(r->arena, "/admin/agenda?year=%d",
	    it != NULL ? it->year : year));
	if (it != NULL && *it->proposer_name != '\0') {
		o = tpl_add(d, "PROPOSER");
		tpl_set(o, "PROPOSER_NAME", *it->proposer_org != '\0' ?
		    arena_printf(r->arena, "%s (%s)", it->proposer_name,
		    it->proposer_org) : it->proposer_name);
		tpl_set(o, "PROPOSER_EMAIL", it->proposer_email);
	}
	for (k = 0; e != NULL && k < sizeof(fields) / sizeof(fields[0]); k++)
		if (e->msg[fields[k].f] != NULL)
			form_error(d, &errs, fields[k].key, fields[k].id,
			    e->msg[fields[k].f]);

	tpl_set(d, "TOPIC_VALUE", post ? sent(r, "topic") : it != NULL ?
	    it->topic : "");
	tpl_set(d, "DESCRIPTION_VALUE", post ? sent(r, "description") :
	    it != NULL ? it->description : "");
	if (u->role == ROLE_ADMIN) {
		o = tpl_add(d, "UNIT_CHOICE");
		term_options(r, o, "UNIT_OPTION", &t, AGT_UNIT, post ?
		    sent(r, "unit") : it != NULL ? it->unit_slug : "");
	} else
		tpl_set(tpl_add(d, "UNIT_FIXED"), "UNIT_NAME", it != NULL ?
		    it->unit_name : u->unit_name);
	term_options(r, d, "FORMAT_OPTION", &t, AGT_FORMAT, post ?
	    sent(r, "format") : it != NULL ? it->format_slug : "");
	v = post ? sent(r, "year") : NULL;
	tpl_set(d, "YEAR_VALUE", v != NULL ? v : arena_printf(r->arena, "%d",
	    it != NULL ? it->year : year));
	v = post ? sent(r, "quarter") : NULL;
	for (k = 0; k < 4; k++) {
		o = tpl_add(d, "QUARTER_OPTION");
		snprintf(num, sizeof(num), "%zu", k + 1);
		tpl_set(o, "OPTION_VALUE", num);
		tpl_set(o, "OPTION_LABEL", quarter_names[k]);
		if ((v != NULL && strcmp(v, num) == 0) ||
		    (v == NULL && it != NULL && it->quarter == (int)k + 1))
			tpl_show(o, "OPTION_SELECTED");
	}
	term_checks(r, d, "THEME_CHECK", "theme", &t, AGT_THEME, th, nth);
	term_checks(r, d, "DISTRICT_CHECK", "district", &t, AGT_DISTRICT, di,
	    ndi);
	v = post ? sent(r, "status") : it != NULL ? it->status : "planned";
	for (k = 0; statuses[k] != NULL; k++) {
		/* "proposed" only for a topic that still is. */
		if (k == ST_PROPOSED && (it == NULL ||
		    strcmp(it->status, "proposed") != 0))
			continue;
		o = tpl_add(d, "STATUS_OPTION");
		tpl_set(o, "OPTION_VALUE", statuses[k]);
		tpl_set(o, "OPTION_LABEL", status_names[k]);
		if (strcmp(v, statuses[k]) == 0)
			tpl_show(o, "OPTION_SELECTED");
	}
	tpl_set(d, "CONSULTATION_VALUE", post ? sent(r, "consultation") :
	    it != NULL && it->consultation_id != 0 ? arena_printf(r->arena,
	    "%u", it->consultation_id) : "");
	if (it != NULL && *it->consultation_title != '\0')
		tpl_set(tpl_add(d, "CONSULTATION_NOW"), "CONSULTATION_TITLE",
		    it->consultation_title);
	tpl_set(d, "REASON_VALUE", post ? sent(r, "reason") : it != NULL ?
	    it->reason : "");
	return admin_finish(&pg, resp, status);
}

int
h_agenda_new(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	return form_page(r, resp, HTTP_OK, NULL, p[0].n > 0 ?
	    (int)p[0].v[0].i : this_year(), NULL);
}

int
h_agenda_edit(struct request *r, struct response *resp)
{
	struct agenda_item	 it;
	int			 rc;

	if ((rc = item_for(r, resp, (uint32_t)r->params[0].v[0].i, &it)) != 0)
		return rc;
	return form_page(r, resp, HTTP_OK, &it, it.year, NULL);
}

/* The ids of the slugs sent for key; -1 when one is unknown. */
static int
link_ids(const struct param *p, const struct terms *t,
    enum agenda_term_kind k, int *ids, size_t *n)
{
	size_t	 i;

	*n = 0;
	for (i = 0; i < p->n && i < LINKS_MAX; i++)
		if ((ids[(*n)++] = term_id(t, k, p->v[i].s)) == 0)
			return -1;
	return 0;
}

/*
 * Checks a sent topic and fills w and the link ids; the number of errors
 * (in e).  it is the stored topic (NULL for a new one).
 */
static int
item_check(struct request *r, const struct agenda_item *it,
    struct agenda_write *w, int *themes, size_t *nthemes, int *districts,
    size_t *ndistricts, struct form_errs *e, int *status)
{
	const struct auth_user	*u = r->user;
	const struct param	*p = r->params;
	struct terms		 t;
	struct cbrief		 c;
	int			 nbad = 0, st, rc;

	*status = 0;
	memset(e, 0, sizeof(*e));
	memset(w, 0, sizeof(*w));
	if (terms_load(r, &t) == -1) {
		*status = HTTP_SERVICE_UNAVAILABLE;
		return 0;
	}
	if (p[IP_TOPIC].bad)
		e->msg[IP_TOPIC] = "Назвіть тему (від 5 до 300 символів, в "
		    "один рядок).";
	if (p[IP_DESCRIPTION].bad)
		e->msg[IP_DESCRIPTION] = "Опишіть тему (до 3000 символів).";
	if (p[IP_YEAR].bad)
		e->msg[IP_YEAR] = "Рік — чотири цифри, від 2000 до 2100.";
	if (p[IP_QUARTER].bad)
		e->msg[IP_QUARTER] = "Оберіть квартал.";
	if (p[IP_STATUS].bad)
		e->msg[IP_STATUS] = "Оберіть стан.";
	if (p[IP_REASON].bad)
		e->msg[IP_REASON] = "Причина — до 3000 символів.";
	if (p[IP_CONSULTATION].bad)
		e->msg[IP_CONSULTATION] = "Номер консультації — ціле число.";

	/* The unit: an editor's own, whatever was sent. */
	if (u->role != ROLE_ADMIN)
		w->unit_id = it != NULL ? it->unit_id : u->unit_id;
	else if (p[IP_UNIT].n == 0 || p[IP_UNIT].bad ||
	    (w->unit_id = (uint32_t)term_id(&t, AGT_UNIT,
	    p[IP_UNIT].v[0].s)) == 0)
		e->msg[IP_UNIT] = "Оберіть підрозділ зі списку.";
	if (p[IP_FORMAT].bad || (p[IP_FORMAT].n > 0 &&
	    (w->format_id = term_id(&t, AGT_FORMAT, p[IP_FORMAT].v[0].s)) ==
	    0))
		e->msg[IP_FORMAT] = "Оберіть формат зі списку.";
	if (p[IP_THEME].bad || link_ids(&p[IP_THEME], &t, AGT_THEME, themes,
	    nthemes) == -1)
		e->msg[IP_THEME] = "Оберіть теми зі списку.";
	if (p[IP_DISTRICT].bad || link_ids(&p[IP_DISTRICT], &t,
	    AGT_DISTRICT, districts, ndistricts) == -1)
		e->msg[IP_DISTRICT] = "Оберіть райони зі списку.";

	st = p[IP_STATUS].n > 0 ? (int)p[IP_STATUS].v[0].i : -1;
	if (st == ST_PROPOSED && (it == NULL ||
	    strcmp(it->status, "proposed") != 0))
		e->msg[IP_STATUS] = "Стан «запропоновано» буває лише в "
		    "пропозицій мешканців.";
	if ((st == ST_SCHEDULED || st == ST_HELD) &&
	    e->msg[IP_CONSULTATION] == NULL) {
		if (p[IP_CONSULTATION].n == 0)
			e->msg[IP_CONSULTATION] = "Вкажіть номер консультації, "
			    "яку оголошено за цією темою.";
		else if ((rc = db_cbrief_get(r->db, r->arena, (uint32_t)
		    p[IP_CONSULTATION].v[0].i, &c)) == -1) {
			*status = HTTP_SERVICE_UNAVAILABLE;
			return 0;
		} else if (rc == 0)
			e->msg[IP_CONSULTATION] = "Консультації з таким "
			    "номером немає.";
		else if (c.unit_id != w->unit_id && w->unit_id != 0)
			e->msg[IP_CONSULTATION] = "Це консультація іншого "
			    "підрозділу: тему можна пов’язати лише з "
			    "консультацією того, хто її проводить.";
		else
			w->consultation_id = c.id;
	}
	if (st == ST_DECLINED && p[IP_REASON].n == 0 &&
	    e->msg[IP_REASON] == NULL)
		e->msg[IP_REASON] = "Напишіть причину відхилення: її "
		    "буде оприлюднено.";
	for (rc = 0; rc < IP__MAX; rc++)
		nbad += e->msg[rc] != NULL;
	if (nbad > 0)
		return nbad;
	w->year = (int)p[IP_YEAR].v[0].i;
	w->quarter = (int)p[IP_QUARTER].v[0].i + 1;
	w->topic = p[IP_TOPIC].v[0].s;
	w->topic_len = p[IP_TOPIC].v[0].len;
	w->description = p[IP_DESCRIPTION].v[0].s;
	w->description_len = p[IP_DESCRIPTION].v[0].len;
	w->status = statuses[st];
	if (st == ST_DECLINED) {
		w->reason = p[IP_REASON].v[0].s;
		w->reason_len = p[IP_REASON].v[0].len;
	}
	w->user_id = ((const struct auth_user *)r->user)->id;
	return 0;
}

static int
links_save(struct request *r, uint32_t id, const int *themes, size_t nt,
    const int *districts, size_t nd)
{
	if (db_agenda_set_links(r->db, r->arena, AGT_THEME, id, themes, nt) ==
	    -1 || db_agenda_set_links(r->db, r->arena, AGT_DISTRICT, id,
	    districts, nd) == -1)
		return -1;
	return 0;
}

int
h_agenda_create(struct request *r, struct response *resp)
{
	const struct auth_user	*u = r->user;
	struct agenda_write	 w;
	struct agenda_item	 after;
	struct form_errs	 e;
	int			 themes[LINKS_MAX], districts[LINKS_MAX];
	size_t			 nt, nd;
	uint32_t		 id;
	int			 status, year = this_year();

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if (u->role == ROLE_EDITOR && u->unit_id == 0)
		return admin_forbidden(r, resp, "agenda", 0, 0);
	if (r->params[IP_YEAR].n > 0)
		year = (int)r->params[IP_YEAR].v[0].i;
	if (item_check(r, NULL, &w, themes, &nt, districts, &nd, &e,
	    &status) > 0)
		return form_page(r, resp, HTTP_BAD_REQUEST, NULL, year, &e);
	if (status != 0)
		return status;
	if (!auth_may(u, WORK_CONSULTATION, w.unit_id))
		return admin_forbidden(r, resp, "agenda", 0, w.unit_id);
	if (db_agenda_add(r->db, r->arena, &w, &id) != 1 ||
	    links_save(r, id, themes, nt, districts, nd) == -1 ||
	    db_agenda_get(r->db, r->arena, id, &after) != 1)
		return HTTP_SERVICE_UNAVAILABLE;
	(void)admin_audit(r, "agenda-create", "agenda", id, w.unit_id, NULL,
	    item_json(r->arena, &after), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/agenda?year=%d#topic-%u", w.year, id));
}

int
h_agenda_save(struct request *r, struct response *resp)
{
	struct agenda_write	 w;
	struct agenda_item	 before, after;
	struct form_errs	 e;
	int			 themes[LINKS_MAX], districts[LINKS_MAX];
	size_t			 nt, nd;
	uint32_t		 id;
	int			 rc, status;

	if (r->params[IP_ID].n == 0)
		return HTTP_NOT_FOUND;
	id = (uint32_t)r->params[IP_ID].v[0].i;
	if ((rc = item_for(r, resp, id, &before)) != 0)
		return rc;
	if (item_check(r, &before, &w, themes, &nt, districts, &nd, &e,
	    &status) > 0)
		return form_page(r, resp, HTTP_BAD_REQUEST, &before,
		    before.year, &e);
	if (status != 0)
		return status;
	if (!auth_may(r->user, WORK_CONSULTATION, w.unit_id))
		return admin_forbidden(r, resp, "agenda", id, w.unit_id);
	if (db_agenda_update(r->db, r->arena, id, &w) == -1 ||
	    links_save(r, id, themes, nt, districts, nd) == -1 ||
	    db_agenda_get(r->db, r->arena, id, &after) != 1)
		return HTTP_SERVICE_UNAVAILABLE;
	(void)admin_audit(r, "agenda-edit", "agenda", id, w.unit_id,
	    item_json(r->arena, &before), item_json(r->arena, &after), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/agenda?year=%d#topic-%u", w.year, id));
}

/* ---- accepting and declining proposals -------------------------------- */

int
h_agenda_decide(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;
	struct agenda_item	 it;
	const char		*status, *reason = NULL;
	size_t			 rlen = 0;
	int			 rc;

	if ((rc = item_for(r, resp, (uint32_t)p[DP_ID].v[0].i, &it)) != 0)
		return rc;
	if (strcmp(it.status, "proposed") != 0) {
		resp->message = "Рішення щодо цієї теми вже ухвалено; змінити "
		    "його можна у формі теми.";
		return HTTP_CONFLICT;
	}
	status = p[DP_ACTION].v[0].i == 0 ? "planned" : "declined";
	if (p[DP_REASON].n > 0) {
		reason = p[DP_REASON].v[0].s;
		rlen = p[DP_REASON].v[0].len;
	}
	if (strcmp(status, "declined") == 0 && rlen == 0)
		return list_page(r, resp, it.year, HTTP_BAD_REQUEST, it.id,
		    "Напишіть причину відхилення: її буде оприлюднено й "
		    "надіслано авторові пропозиції.");
	if (strcmp(status, "planned") == 0)
		reason = NULL, rlen = 0;
	if ((rc = db_agenda_decide(r->db, r->arena, it.id, status, reason,
	    rlen, ((const struct auth_user *)r->user)->id)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0) {
		resp->message = "Рішення щодо цієї теми вже ухвалено.";
		return HTTP_CONFLICT;
	}
	(void)admin_audit(r, "agenda-decide", "agenda", it.id, it.unit_id,
	    jpair(r->arena, "status", it.status, NULL, NULL),
	    jpair(r->arena, "status", status, "reason", reason != NULL ?
	    arena_strndup(r->arena, reason, rlen) : NULL), NULL);
	agenda_notify_proposer(&it, status);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/agenda?year=%d#topic-%u", it.year, it.id));
}

/* ---- publishing the plan ----------------------------------------------- */

int
h_agenda_publish(struct request *r, struct response *resp)
{
	int	 year = (int)r->params[0].v[0].i;
	time_t	 before, after;
	char	 b1[40], b2[40];

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if (db_agenda_plan_get(r->db, r->arena, year, &before) == -1 ||
	    db_agenda_publish(r->db, r->arena, year,
	    ((const struct auth_user *)r->user)->id) == -1 ||
	    db_agenda_plan_get(r->db, r->arena, year, &after) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (before != after)
		(void)admin_audit(r, "agenda-publish", "agenda-plan",
		    (unsigned long long)year, 0, jpair(r->arena,
		    "published_at", before != 0 ? fmt_iso(b1, sizeof(b1),
		    before) : NULL, NULL, NULL), jpair(r->arena,
		    "published_at", fmt_iso(b2, sizeof(b2), after), NULL,
		    NULL), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/agenda?year=%d", year));
}
