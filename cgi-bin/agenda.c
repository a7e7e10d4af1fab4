/*
 * agenda: the unified agenda, the city's yearly plan of consultation
 * topics (орієнтовний план, CMU Resolution 996), and residents' proposals
 * of topics.
 *
 *   GET  /agenda                    the topics of a year by quarter, with
 *                                   the listing's filters (unit, theme,
 *                                   district) and quarter and status
 *   GET  /agenda/propose            the form to propose a topic
 *   POST /agenda/propose            a proposal; 303 to its receipt
 *   GET  /agenda/receipt/{n}-{mac}  the receipt
 *
 * A year's topics are public once its plan is published (the admin's
 * /admin/agenda); a proposal is shown once its unit has decided on it.
 * The form follows the comment form's rules (cgi-bin/comment.c): every
 * refusal comes back with the person's text in the fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agenda_plan.h"
#include "config.h"
#include "db.h"
#include "db_agenda.h"
#include "lifecycle.h"
#include "model.h"
#include "page.h"
#include "runner.h"
#include "secret.h"
#include "utf8.h"
#include "view.h"

#define AGENDA_TEXT_MAX		3000	/* code points of a description */
#define AGENDA_TOKEN_PURPOSE	"agenda"

/* Worker state: the reference data the slug checks use. */
struct agenda_ctx {
	struct tax_state	 ts;
};

static void *
ctx_new(void)
{
	return calloc(1, sizeof(struct agenda_ctx));
}

static void
ctx_free(void *p)
{
	struct agenda_ctx	*c = p;

	if (c == NULL)
		return;
	tax_state_free(&c->ts);
	free(c);
}

/* Reference data, read again after a reconnect (a restored database). */
static int
prepare(struct request *r)
{
	struct agenda_ctx	*c = r->ctx;

	return tax_state_refresh(&c->ts, r->db, r->arena) == -1 ?
	    HTTP_SERVICE_UNAVAILABLE : 0;
}

static const char *const quarter_names[] = {
	"I квартал", "II квартал", "III квартал", "IV квартал"
};
static const char *const quarter_months[] = {
	"січень — березень", "квітень — червень", "липень — вересень",
	"жовтень — грудень"
};
/* The names of agenda_statuses[] (lib/agenda_plan.c), in that order. */
static const char *const status_names[] = {
	"Заплановано", "Оголошено консультацію", "Проведено", "Відхилено"
};

static const char *
status_name(const char *slug)
{
	size_t	 i;

	for (i = 0; agenda_statuses[i] != NULL; i++)
		if (strcmp(slug, agenda_statuses[i]) == 0)
			return status_names[i];
	return "Очікує на рішення";
}

static int
this_year(void)
{
	time_t		 now = time(NULL);
	struct tm	 tm;

	localtime_r(&now, &tm);
	return tm.tm_year + 1900;
}

/* ---- the plan ---------------------------------------------------------- */

/* A select of the filter form: an option per term, the first sent one
 * selected. */
static void
filter_select(struct tpl_dict *d, const char *section, const char *name,
    const char *label, const struct taxonomy *t, enum tax_kind k,
    const struct param *p)
{
	struct tpl_dict	*s, *o;
	size_t		 i;

	if ((s = tpl_add(d, section)) == NULL)
		return;
	tpl_set(s, "SELECT_NAME", name);
	tpl_set(s, "SELECT_LABEL", label);
	for (i = 0; i < t->n[k]; i++) {
		if ((o = tpl_add(s, "OPTION")) == NULL)
			return;
		tpl_set(o, "OPTION_VALUE", t->items[k][i].slug);
		tpl_set(o, "OPTION_LABEL", t->items[k][i].name_uk);
		if (p->n > 0 && p->v[0].i == (long long)i)
			tpl_show(o, "OPTION_SELECTED");
	}
}

static void
item_links(struct tpl_dict *s, const char *section,
    const struct agenda_link *l, size_t nl, uint32_t item)
{
	struct tpl_dict	*x;
	size_t		 i;

	for (i = 0; i < nl; i++)
		if (l[i].item == item && (x = tpl_add(s, section)) != NULL) {
			tpl_set(x, "TERM_NAME", l[i].name);
			tpl_set(x, "TERM_SLUG", l[i].slug);
		}
}

static void
item_fill(struct request *r, struct tpl_dict *s, const struct agenda_item *it,
    const struct agenda_link *th, size_t nth, const struct agenda_link *di,
    size_t ndi)
{
	struct tpl_dict	*x;

	tpl_set_int(s, "ITEM_ID", it->id);
	tpl_set(s, "ITEM_TOPIC", it->topic);
	tpl_set(s, "ITEM_STATUS", it->status);
	tpl_set(s, "ITEM_STATUS_NAME", status_name(it->status));
	tpl_set(s, "ITEM_UNIT", it->unit_name);
	tpl_set(s, "ITEM_UNIT_SLUG", it->unit_slug);
	if (*it->format_name != '\0')
		tpl_set(tpl_add(s, "ITEM_FORMAT"), "FORMAT_NAME",
		    it->format_name);
	view_paras(s, "ITEM_DESCRIPTION", it->description);
	item_links(s, "ITEM_THEME", th, nth, it->id);
	item_links(s, "ITEM_DISTRICT", di, ndi, it->id);
	if (it->consultation_id != 0 && (strcmp(it->status, "scheduled") == 0 ||
	    strcmp(it->status, "held") == 0) &&
	    (x = tpl_add(s, "ITEM_CONSULTATION")) != NULL) {
		tpl_set(x, "CONSULTATION_HREF", view_href(r->arena,
		    it->consultation_id, it->consultation_slug));
		tpl_set(x, "CONSULTATION_TITLE", it->consultation_title);
	}
	if (strcmp(it->status, "declined") == 0 && *it->reason != '\0')
		view_paras(s, "ITEM_REASON", it->reason);
	if (*it->proposer_name != '\0' && (x = tpl_add(s, "ITEM_PROPOSER")) !=
	    NULL) {
		tpl_set(x, "PROPOSER", *it->proposer_org != '\0' ?
		    arena_printf(r->arena, "%s (%s)", it->proposer_name,
		    it->proposer_org) : it->proposer_name);
		view_date(x, "PROPOSED", it->created);
	}
}

/* Year links: the years with a plan, and this year and the next. */
static void
year_nav(struct request *r, struct tpl_dict *d, int year)
{
	struct tpl_dict	*x;
	int		*ys, cur = this_year();
	size_t		 n, i;
	int		 y, lo, hi;

	if (db_agenda_years(r->db, r->arena, &ys, &n) == -1)
		n = 0;
	lo = n > 0 && ys[0] < cur ? ys[0] : cur;
	hi = n > 0 && ys[n - 1] > cur + 1 ? ys[n - 1] : cur + 1;
	if (year < lo)
		lo = year;
	if (year > hi)
		hi = year;
	for (y = lo; y <= hi; y++) {
		for (i = 0; i < n && ys[i] != y; i++)
			continue;
		if (i == n && y != cur && y != cur + 1 && y != year)
			continue;
		if ((x = tpl_add(d, "YEAR")) == NULL)
			return;
		tpl_set_int(x, "YEAR_NUMBER", y);
		tpl_set(x, "YEAR_HREF", arena_printf(r->arena, "/agenda?year=%d",
		    y));
		if (y == year)
			tpl_show(x, "YEAR_CURRENT");
	}
}

static int
h_agenda(struct request *r, struct response *resp)
{
	struct agenda_ctx	*c = r->ctx;
	const struct param	*p = r->params;
	struct agenda_item	*it = NULL;
	struct agenda_link	*th = NULL, *di = NULL;
	struct tpl_dict		*d, *q, *s, *o;
	struct page		 pg;
	size_t			 n = 0, nth = 0, ndi = 0, i, shown = 0;
	size_t			 inq[4] = { 0 };
	long long		 pending;
	time_t			 published;
	int			 year, rc, k;
	char			 buf[64];

	year = p[AP_YEAR].n > 0 ? (int)p[AP_YEAR].v[0].i : this_year();
	if ((rc = db_agenda_plan_get(r->db, r->arena, year, &published)) ==
	    -1 || db_agenda_pending(r->db, r->arena, year, &pending) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (published != 0 && (db_agenda_list(r->db, r->arena, year, 1, 0,
	    &it, &n) == -1 || db_agenda_links(r->db, r->arena, AGT_THEME, year,
	    0, &th, &nth) == -1 || db_agenda_links(r->db, r->arena,
	    AGT_DISTRICT, year, 0, &di, &ndi) == -1))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = page_begin(&pg, "agenda.tpl", arena_printf(r->arena,
	    "План консультацій на %d рік", year), "NAV_AGENDA")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set_int(d, "YEAR", year);
	year_nav(r, d, year);
	if (published != 0) {
		s = tpl_add(d, "PUBLISHED");
		view_date(s, "PUBLISHED", published);
		tpl_set(s, "PUBLISHED_TEXT", fmt_date_uk(buf, sizeof(buf),
		    published));
	} else
		tpl_set_int(tpl_add(d, "NOT_PUBLISHED"), "DEADLINE_YEAR",
		    year - 1);
	if (pending > 0)
		tpl_set(tpl_add(d, "PENDING"), "PENDING_TEXT", view_count(
		    r->arena, pending, "пропозиція", "пропозиції",
		    "пропозицій"));

	/* The filter form. */
	filter_select(d, "SELECT", "unit", "Організатор", &c->ts.tax, TAX_UNIT,
	    &p[AP_UNIT]);
	filter_select(d, "SELECT", "theme", "Тема", &c->ts.tax, TAX_THEME,
	    &p[AP_THEME]);
	filter_select(d, "SELECT", "district", "Район", &c->ts.tax, TAX_DISTRICT,
	    &p[AP_DISTRICT]);
	for (k = 0; k < 4; k++) {
		o = tpl_add(d, "QUARTER_OPTION");
		tpl_set_int(o, "OPTION_VALUE", k + 1);
		tpl_set(o, "OPTION_LABEL", quarter_names[k]);
		if (p[AP_QUARTER].n > 0 && p[AP_QUARTER].v[0].i == k)
			tpl_show(o, "OPTION_SELECTED");
	}
	for (k = 0; agenda_statuses[k] != NULL; k++) {
		o = tpl_add(d, "STATUS_OPTION");
		tpl_set(o, "OPTION_VALUE", agenda_statuses[k]);
		tpl_set(o, "OPTION_LABEL", status_names[k]);
		if (p[AP_STATUS].n > 0 && p[AP_STATUS].v[0].i == k)
			tpl_show(o, "OPTION_SELECTED");
	}

	if (published != 0) {
		shown = agenda_filter(p, &c->ts.tax, it, n, th, nth, di, ndi,
		    inq);
		s = tpl_add(d, "PLAN");
		tpl_set_int(s, "TOTAL", (long long)shown);
		tpl_set(s, "COUNT_TEXT", view_count(r->arena, (long long)shown,
		    "тема", "теми", "тем"));
		for (k = 0; k < 4; k++) {
			if (!agenda_param_wants(&p[AP_QUARTER], k))
				continue;
			q = tpl_add(s, "QUARTER");
			tpl_set_int(q, "QUARTER_NUMBER", k + 1);
			tpl_set(q, "QUARTER_NAME", quarter_names[k]);
			tpl_set(q, "QUARTER_MONTHS", quarter_months[k]);
			if (inq[k] == 0)
				tpl_show(q, "QUARTER_EMPTY");
			for (i = 0; i < n; i++)
				if (it[i].id != 0 && it[i].quarter == k + 1)
					item_fill(r, tpl_add(q, "ITEM"), &it[i],
					    th, nth, di, ndi);
		}
	}
	resp->cache_control = "public, max-age=0, must-revalidate";
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

/* ---- proposing a topic ------------------------------------------------- */

/* One line: no tab, CR or LF. */
#define ONE_LINE	"[^\\t\\r\\n]*"

static const char *const yes[] = { "yes", NULL };

enum pf {
	PF_TOPIC,
	PF_DESCRIPTION,
	PF_UNIT,
	PF_YEAR,
	PF_QUARTER,
	PF_THEME,
	PF_DISTRICT,
	PF_NAME,
	PF_EMAIL,
	PF_ORG,
	PF_CONSENT,
	PF_TOKEN,
	PF_WEBSITE,	/* the honeypot */
	PF__MAX
};

static const struct param_rule propose_rules[PF__MAX] = {
	{ "topic", PARAM_TEXT, PARAM_REQUIRED, 5, 300, "\\s*\\S" ONE_LINE,
	    NULL, NULL },
	{ "description", PARAM_TEXT, PARAM_REQUIRED, 1, 4 * AGENDA_TEXT_MAX,
	    NULL, NULL, NULL },
	{ "unit", PARAM_CUSTOM, PARAM_REQUIRED, 0, 0, NULL, NULL, tax_check_unit },
	{ "year", PARAM_INT, PARAM_REQUIRED, 2000, 2100, NULL, NULL, NULL },
	{ "quarter", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, agenda_quarters,
	    NULL },
	{ "theme", PARAM_CUSTOM, 0, 0, 0, NULL, NULL, tax_check_theme },
	{ "district", PARAM_CUSTOM, 0, 0, 0, NULL, NULL, tax_check_district },
	{ "name", PARAM_TEXT, PARAM_REQUIRED, 2, 200, "\\s*\\S" ONE_LINE,
	    NULL, NULL },
	/* As the comment form's (lib/comment_form.c). */
	{ "email", PARAM_TEXT, PARAM_REQUIRED, 6, 254,
	    "[^@\\s<>(),;:\"\\[\\]]{1,64}@[^@\\s<>(),;:\"\\[\\]]+\\.[^@\\s<>(),;:\"\\[\\].]{2,}",
	    NULL, NULL },
	{ "organisation", PARAM_TEXT, 0, 2, 300, ONE_LINE, NULL, NULL },
	{ "consent", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, yes, NULL },
	{ "token", PARAM_TEXT, 0, 1, FORM_TOKEN_LEN, "[A-Za-z0-9_-]+", NULL,
	    NULL },
	{ "website", PARAM_TEXT, 0, 0, 2000, NULL, NULL, NULL },
};

static const char *
field_error(enum pf f)
{
	switch (f) {
	case PF_TOPIC:
		return "Назвіть тему консультації (від 5 до 300 символів, в "
		    "один рядок).";
	case PF_DESCRIPTION:
		return "Опишіть, що саме варто обговорити з громадськістю.";
	case PF_UNIT:
		return "Оберіть підрозділ, який мав би провести консультацію.";
	case PF_YEAR:
		return "Оберіть рік: поточний або наступний.";
	case PF_QUARTER:
		return "Оберіть квартал.";
	case PF_THEME:
		return "Оберіть тему зі списку.";
	case PF_DISTRICT:
		return "Оберіть район зі списку.";
	case PF_NAME:
		return "Вкажіть ім’я та прізвище (від 2 до 200 символів, "
		    "в один рядок).";
	case PF_EMAIL:
		return "Вкажіть адресу електронної пошти у вигляді "
		    "name@example.com.";
	case PF_ORG:
		return "Назва організації — від 2 до 300 символів, в один "
		    "рядок.";
	case PF_CONSENT:
		return "Без згоди на обробку персональних даних ми не можемо "
		    "прийняти пропозицію: позначте поле згоди.";
	default:
		return "Поле заповнено неправильно.";
	}
}

/* What the person sent for a field (the first value), or "". */
static const char *
sent_val(const struct request *r, enum pf f, size_t *len)
{
	size_t	 i;

	*len = 0;
	if (r == NULL)
		return "";
	for (i = 0; i < r->nargs; i++)
		if (strcmp(r->args[i].key, propose_rules[f].name) == 0) {
			*len = r->args[i].vlen;
			return r->args[i].val;
		}
	return "";
}

static int
is_bad(const struct request *r, enum pf f)
{
	return r != NULL && r->params != NULL && r->nparams == PF__MAX &&
	    r->params[f].bad;
}

/* KEY_VALUE, KEY_ERROR (KEY_ERROR_TEXT) and a line in the summary. */
static void
field(struct tpl_dict *d, struct tpl_dict *errs, const struct request *r,
    enum pf f, const char *key, const char *id, const char *msg)
{
	struct tpl_dict	*s;
	char		 k[48];
	const char	*v;
	size_t		 len;

	v = sent_val(r, f, &len);
	snprintf(k, sizeof(k), "%s_VALUE", key);
	tpl_setn(d, k, v, len);
	if (msg == NULL && !is_bad(r, f))
		return;
	if (msg == NULL)
		msg = field_error(f);
	snprintf(k, sizeof(k), "%s_ERROR", key);
	if ((s = tpl_add(d, k)) != NULL) {
		snprintf(k, sizeof(k), "%s_ERROR_TEXT", key);
		tpl_set(s, k, msg);
	}
	if (errs != NULL && (s = tpl_add(errs, "ERROR")) != NULL) {
		tpl_set(s, "ERROR_FIELD_ID", id);
		tpl_set(s, "ERROR_TEXT", msg);
	}
}

/*
 * A select's options from a vocabulary, the sent one selected.  Without
 * the vocabulary (a worker that never reached the database) the sent value
 * alone, so that it is not lost.
 */
static void
options(struct tpl_dict *d, const char *section, const struct taxonomy *t,
    enum tax_kind k, const char *v, size_t len)
{
	struct tpl_dict	*o;
	size_t		 i;

	if (t->n[k] == 0 && len > 0 && (o = tpl_add(d, section)) != NULL) {
		tpl_setn(o, "OPTION_VALUE", v, len);
		tpl_setn(o, "OPTION_LABEL", v, len);
		tpl_show(o, "OPTION_SELECTED");
	}
	for (i = 0; i < t->n[k]; i++) {
		if ((o = tpl_add(d, section)) == NULL)
			return;
		tpl_set(o, "OPTION_VALUE", t->items[k][i].slug);
		tpl_set(o, "OPTION_LABEL", t->items[k][i].name_uk);
		if (strlen(t->items[k][i].slug) == len &&
		    memcmp(t->items[k][i].slug, v, len) == 0)
			tpl_show(o, "OPTION_SELECTED");
	}
}

/*
 * The form page, fresh (r's method GET) or with what was sent and the
 * errors; message above the fields when not NULL.
 */
static int
form_page(struct request *r, struct response *resp, int status,
    const char *message, const char *textmsg)
{
	struct agenda_ctx	*c = r->ctx;
	const struct request	*in = r->method == METHOD_POST ? r : NULL;
	struct page		 pg;
	struct tpl_dict		*d, *errs = NULL, *o;
	char			 token[FORM_TOKEN_LEN + 1];
	const char		*v;
	size_t			 len;
	int			 i, y, cur = this_year();

	if ((d = page_begin(&pg, "agenda_propose.tpl",
	    "Запропонувати тему консультації", "NAV_AGENDA")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_show(pg.layout, "NOINDEX");
	form_token_make(token, AGENDA_TOKEN_PURPOSE, 0, time(NULL));
	tpl_set(d, "TOKEN", token);
	tpl_set_int(d, "TEXT_MAX", AGENDA_TEXT_MAX);
	if (message != NULL)
		tpl_set(tpl_add(d, "MESSAGE"), "MESSAGE_TEXT", message);
	for (i = 0; i < PF_TOKEN; i++)
		if (is_bad(in, (enum pf)i))
			break;
	if (i < PF_TOKEN || textmsg != NULL)
		errs = tpl_add(d, "ERRORS");
	field(d, errs, in, PF_TOPIC, "TOPIC", "ap-topic", NULL);
	field(d, errs, in, PF_DESCRIPTION, "DESCRIPTION", "ap-description",
	    textmsg);
	field(d, errs, in, PF_UNIT, "UNIT", "ap-unit", NULL);
	v = sent_val(in, PF_UNIT, &len);
	options(d, "UNIT_OPTION", &c->ts.tax, TAX_UNIT, v, len);
	field(d, errs, in, PF_YEAR, "YEAR", "ap-year", NULL);
	v = sent_val(in, PF_YEAR, &len);
	for (y = cur; y <= cur + 1; y++) {
		o = tpl_add(d, "YEAR_OPTION");
		tpl_set_int(o, "OPTION_VALUE", y);
		if ((in != NULL && len == 4 && atoi(v) == y) ||
		    (in == NULL && y == cur + 1))
			tpl_show(o, "OPTION_SELECTED");
	}
	field(d, errs, in, PF_QUARTER, "QUARTER", "ap-quarter", NULL);
	v = sent_val(in, PF_QUARTER, &len);
	for (i = 0; i < 4; i++) {
		o = tpl_add(d, "QUARTER_OPTION");
		tpl_set_int(o, "OPTION_VALUE", i + 1);
		tpl_set(o, "OPTION_LABEL", arena_printf(r->arena, "%s (%s)",
		    quarter_names[i], quarter_months[i]));
		if (len == 1 && *v == '1' + i)
			tpl_show(o, "OPTION_SELECTED");
	}
	field(d, errs, in, PF_THEME, "THEME", "ap-theme", NULL);
	v = sent_val(in, PF_THEME, &len);
	options(d, "THEME_OPTION", &c->ts.tax, TAX_THEME, v, len);
	field(d, errs, in, PF_DISTRICT, "DISTRICT", "ap-district", NULL);
	v = sent_val(in, PF_DISTRICT, &len);
	options(d, "DISTRICT_OPTION", &c->ts.tax, TAX_DISTRICT, v, len);
	field(d, errs, in, PF_NAME, "NAME", "ap-name", NULL);
	field(d, errs, in, PF_EMAIL, "EMAIL", "ap-email", NULL);
	field(d, errs, in, PF_ORG, "ORG", "ap-org", NULL);
	field(d, errs, in, PF_CONSENT, "CONSENT", "ap-consent", NULL);
	v = sent_val(in, PF_CONSENT, &len);
	if (len == 3 && memcmp(v, "yes", 3) == 0)
		tpl_show(d, "CONSENT_CHECKED");
	resp->status = status;
	resp->cache_control = "no-store";
	if (status == HTTP_SERVICE_UNAVAILABLE)
		http_header_add(resp, "Retry-After", "30");
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

static int
h_propose_form(struct request *r, struct response *resp)
{
	return form_page(r, resp, HTTP_OK, NULL, NULL);
}

#define DOWN	"Зараз ми не можемо зберегти вашу пропозицію: сервіс " \
		"тимчасово недоступний. Текст залишився у формі — спробуйте " \
		"надіслати його ще раз за хвилину."

static int
see_receipt(struct request *r, struct response *resp, uint32_t id)
{
	char	 mac[RECEIPT_MAC_LEN + 1];

	agenda_receipt_mac(mac, id);
	resp->cache_control = "no-store";
	return http_redirect(resp, HTTP_SEE_OTHER, arena_printf(r->arena,
	    "/agenda/receipt/%u-%s", id, mac)) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

/* Refused by the per-address limit?  Then the 429 page; else 0. */
static int
too_many(struct request *r, struct response *resp,
    const unsigned char hash[32], int *status)
{
	long long	 minute, hour;

	*status = 0;
	if (cfg.submit_per_minute <= 0 && cfg.submit_per_hour <= 0)
		return 0;
	if (db_agenda_rate(r->db, r->arena, hash, &minute, &hour) == -1) {
		*status = form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, DOWN,
		    NULL);
		return 1;
	}
	if ((cfg.submit_per_minute <= 0 || minute < cfg.submit_per_minute) &&
	    (cfg.submit_per_hour <= 0 || hour < cfg.submit_per_hour))
		return 0;
	http_header_add(resp, "Retry-After", cfg.submit_per_minute > 0 &&
	    minute >= cfg.submit_per_minute ? "60" : "3600");
	*status = form_page(r, resp, HTTP_TOO_MANY_REQUESTS, arena_printf(
	    r->arena, "З вашої адреси надійшло забагато пропозицій за "
	    "короткий час (можна %d на хвилину і %d на годину). Текст "
	    "збережено у формі — надішліть його трохи згодом.",
	    cfg.submit_per_minute, cfg.submit_per_hour), NULL);
	return 1;
}

static int
h_propose(struct request *r, struct response *resp)
{
	struct agenda_ctx	*c = r->ctx;
	struct param		*p = r->params;
	struct agenda_write	 w;
	unsigned char		 hash[32], key[32];
	const char		*tok, *textmsg = NULL;
	char			*text;
	size_t			 toklen, i, tlen, n;
	uint32_t		 id;
	int			 nbad = 0, cur = this_year(), status, k[2];
	time_t			 now = time(NULL);

	if (!db_up(r->db) || !c->ts.loaded)
		return form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, DOWN, NULL);
	tok = p[PF_TOKEN].n > 0 ? p[PF_TOKEN].v[0].s : NULL;
	toklen = p[PF_TOKEN].n > 0 ? p[PF_TOKEN].v[0].len : 0;
	switch (form_token_check(tok, toklen, AGENDA_TOKEN_PURPOSE, 0, now,
	    cfg.form_token_ttl)) {
	case TOKEN_OK:
		break;
	case TOKEN_EXPIRED:
		return form_page(r, resp, HTTP_FORBIDDEN, "Форма застаріла: "
		    "її відкрили надто давно. Ваш текст збережено у формі "
		    "нижче — надішліть його ще раз.", NULL);
	default:
		return form_page(r, resp, HTTP_FORBIDDEN, "Не вдалося "
		    "перевірити форму (можливо, її надіслано з іншого сайту). "
		    "Ваш текст збережено у формі нижче — надішліть його ще "
		    "раз.", NULL);
	}
	if (p[PF_YEAR].n > 0 && p[PF_YEAR].v[0].i != cur &&
	    p[PF_YEAR].v[0].i != cur + 1)
		p[PF_YEAR].bad = 1;
	for (i = 0; i < PF_TOKEN; i++)
		nbad += p[i].bad;
	text = NULL;
	tlen = 0;
	if (p[PF_DESCRIPTION].n > 0) {
		/* CRLF as LF, as the comment form stores text. */
		if ((text = arena_alloc(r->arena, p[PF_DESCRIPTION].v[0].len +
		    1)) == NULL)
			return HTTP_INTERNAL_ERROR;
		for (i = 0; i < p[PF_DESCRIPTION].v[0].len; i++)
			if (p[PF_DESCRIPTION].v[0].s[i] != '\r')
				text[tlen++] = p[PF_DESCRIPTION].v[0].s[i];
			else if (p[PF_DESCRIPTION].v[0].s[i + 1] != '\n')
				text[tlen++] = '\n';
		text[tlen] = '\0';
		if ((n = utf8_len(text, tlen)) > AGENDA_TEXT_MAX) {
			textmsg = arena_printf(r->arena, "Опис задовгий: %zu "
			    "%s, а можна до %d.", n, plural_uk((long long)n,
			    "символ", "символи", "символів"), AGENDA_TEXT_MAX);
			nbad++;
		}
	}
	if (nbad > 0)
		return form_page(r, resp, HTTP_BAD_REQUEST, NULL, textmsg);

	memset(&w, 0, sizeof(w));
	w.year = (int)p[PF_YEAR].v[0].i;
	w.quarter = (int)p[PF_QUARTER].v[0].i + 1;
	w.topic = p[PF_TOPIC].v[0].s;
	w.topic_len = p[PF_TOPIC].v[0].len;
	w.description = text;
	w.description_len = tlen;
	w.unit_id = (uint32_t)c->ts.tax.items[TAX_UNIT][p[PF_UNIT].v[0].i].id;
	w.name = p[PF_NAME].v[0].s;
	w.name_len = p[PF_NAME].v[0].len;
	w.email = p[PF_EMAIL].v[0].s;
	w.email_len = p[PF_EMAIL].v[0].len;
	if (p[PF_ORG].n > 0) {
		w.org = p[PF_ORG].v[0].s;
		w.org_len = p[PF_ORG].v[0].len;
	}
	/* A bot fills every field; it is told nothing and never shown. */
	w.status = p[PF_WEBSITE].n > 0 || p[PF_WEBSITE].bad ? "spam" :
	    "proposed";
	addr_hash(hash, r->remote_addr);
	submit_key(key, tok, toklen, w.email, w.email_len, text, tlen);
	w.client_hash = hash;
	w.key = key;
	if (too_many(r, resp, hash, &status))
		return status;
	switch (db_agenda_add(r->db, r->arena, &w, &id)) {
	case 1:
		break;
	case 0:
		return see_receipt(r, resp, id);	/* a retry */
	default:
		return form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, DOWN, NULL);
	}
	k[0] = p[PF_THEME].n > 0 ?
	    c->ts.tax.items[TAX_THEME][p[PF_THEME].v[0].i].id : 0;
	k[1] = p[PF_DISTRICT].n > 0 ?
	    c->ts.tax.items[TAX_DISTRICT][p[PF_DISTRICT].v[0].i].id : 0;
	if ((k[0] != 0 && db_agenda_add_link(r->db, r->arena, AGT_THEME, id,
	    k[0]) == -1) || (k[1] != 0 && db_agenda_add_link(r->db, r->arena,
	    AGT_DISTRICT, id, k[1]) == -1))
		return form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, DOWN, NULL);
	return see_receipt(r, resp, id);
}

/* ---- the receipt ------------------------------------------------------- */

/* "{n}-{mac}" in shape (as the comment program's receipts). */
static int
check_receipt(void *ctx, const char *s, size_t len, long long *out)
{
	unsigned long long	 id = 0;
	size_t			 i;

	(void)ctx;
	for (i = 0; i < len && i < 11 && s[i] >= '0' && s[i] <= '9'; i++)
		id = id * 10 + (unsigned long long)(s[i] - '0');
	if (i == 0 || s[0] == '0' || id > 4294967295ULL || i >= len ||
	    s[i] != '-' || len - i - 1 != RECEIPT_MAC_LEN)
		return 0;
	*out = (long long)id;
	return 1;
}

static const struct param_rule receipt_params[1] = {
	{ "key", PARAM_CUSTOM, PARAM_PATH | PARAM_REQUIRED, 0, 0, NULL, NULL,
	    check_receipt },
};

static int
h_receipt(struct request *r, struct response *resp)
{
	uint32_t		 id = (uint32_t)r->params[0].v[0].i;
	const char		*mac = strchr(r->params[0].v[0].s, '-') + 1;
	struct agenda_item	 it;
	struct page		 pg;
	struct tpl_dict		*d;
	char			 buf[64];
	int			 rc;

	if (!agenda_receipt_mac_ok(mac, strlen(mac), id))
		return HTTP_NOT_FOUND;
	memset(&it, 0, sizeof(it));
	if ((rc = db_agenda_get(r->db, r->arena, id, &it)) != 1)
		return rc == 0 ? HTTP_NOT_FOUND : HTTP_SERVICE_UNAVAILABLE;
	if ((d = page_begin(&pg, "agenda_receipt.tpl", arena_printf(r->arena,
	    "Пропозицію теми № %u отримано", id), "NAV_AGENDA")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_show(pg.layout, "NOINDEX");
	tpl_set_int(d, "NUMBER", id);
	tpl_set(d, "TOPIC", it.topic);
	tpl_set(d, "UNIT", it.unit_name);
	tpl_set(d, "PERIOD", arena_printf(r->arena, "%s %d року",
	    quarter_names[it.quarter - 1], it.year));
	tpl_set(d, "AUTHOR", *it.proposer_org != '\0' ? arena_printf(
	    r->arena, "%s (%s)", it.proposer_name, it.proposer_org) :
	    it.proposer_name);
	view_date(d, "CREATED", it.created);
	tpl_set(d, "CREATED_TEXT", fmt_datetime_uk(buf, sizeof(buf),
	    it.created));
	/* A spam row's receipt looks like any awaiting a decision. */
	if (strcmp(it.status, "proposed") == 0 ||
	    strcmp(it.status, "spam") == 0)
		tpl_show(d, "STATUS_PENDING");
	else
		tpl_set(tpl_add(d, "STATUS_DECIDED"), "STATUS_NAME",
		    status_name(it.status));
	view_paras(d, "DESCRIPTION", it.description);
	tpl_set(d, "AGENDA_HREF", arena_printf(r->arena, "/agenda?year=%d",
	    it.year));
	resp->cache_control = "no-store";
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

#define GET	METHOD_BIT(METHOD_GET)
#define POST	METHOD_BIT(METHOD_POST)

static const struct route routes[] = {
	{ GET, "/agenda", h_agenda, agenda_params, AP__MAX, 0 },
	{ POST, "/agenda/propose", h_propose, propose_rules, PF__MAX,
	    ROUTE_FORM },
	{ GET, "/agenda/propose", h_propose_form, NULL, 0, ROUTE_FORM },
	{ GET, "/agenda/receipt/{key}", h_receipt, receipt_params, 1, 0 },
};

static const struct program program = {
	"agenda", routes, sizeof(routes) / sizeof(routes[0]), ctx_new,
	ctx_free, prepare
};

int
main(int argc, char *argv[])
{
	return runner_main(argc, argv, &program);
}
