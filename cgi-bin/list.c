/*
 * list: the home page, the listing with its filters and facet counts, and
 * /healthz.  Everything nginx does not route elsewhere also lands here, so
 * unknown paths get our 404 page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "lifecycle.h"
#include "listing.h"
#include "model.h"
#include "page.h"
#include "runner.h"
#include "search.h"
#include "view.h"

#define PER_PAGE	20
#define HOME_CARDS	6

/* Worker state: reference data and the listing index. */
struct list_ctx {
	struct taxonomy	 tax;
	int		 tax_loaded;
	unsigned	 tax_gen;
	struct listing	 listing;
	struct search_cache search;
};

enum lparam {
	P_THEME, P_DISTRICT, P_FORMAT, P_GROUP, P_UNIT,	/* = enum facet */
	P_STATUS,
	P_Q,
	P_FROM,
	P_TO,
	P_SORT,
	P_PAGE,
	P__MAX
};

/* Public statuses, in enum cstatus order after CS_DRAFT. */
static const char *const status_choices[] = {
	"announced", "open", "closed", "completed", "cancelled", NULL
};

/* In enum listing_sort order. */
static const char *const sort_choices[] = { "new", "closing", "popular", NULL };

static int
check_slug(void *ctx, enum tax_kind k, const char *s, size_t len,
    long long *out)
{
	struct list_ctx	*c = ctx;
	int		 pos;

	if ((pos = taxonomy_find(&c->tax, k, s, len)) < 0)
		return 0;
	*out = pos;
	return 1;
}

#define SLUG_CHECK(fn, kind)						\
static int								\
fn(void *ctx, const char *s, size_t len, long long *out)		\
{									\
	return check_slug(ctx, kind, s, len, out);			\
}
SLUG_CHECK(check_theme, TAX_THEME)
SLUG_CHECK(check_district, TAX_DISTRICT)
SLUG_CHECK(check_format, TAX_FORMAT)
SLUG_CHECK(check_group, TAX_GROUP)
SLUG_CHECK(check_unit, TAX_UNIT)

static const struct param_rule listing_params[P__MAX] = {
	{ "theme", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, check_theme },
	{ "district", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL,
	    check_district },
	{ "format", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL,
	    check_format },
	{ "group", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, check_group },
	{ "unit", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, check_unit },
	{ "status", PARAM_ENUM, PARAM_MULTI, 0, 0, NULL, status_choices,
	    NULL },
	{ "q", PARAM_TEXT, 0, 1, 200, NULL, NULL, NULL },
	{ "from", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL },
	{ "to", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL },
	{ "sort", PARAM_ENUM, 0, 0, 0, NULL, sort_choices, NULL },
	{ "page", PARAM_INT, 0, 1, 100000, NULL, NULL, NULL },
};

static void *
ctx_new(void)
{
	struct list_ctx	*c;

	if ((c = calloc(1, sizeof(*c))) != NULL)
		listing_init(&c->listing);
	return c;
}

static void
ctx_free(void *p)
{
	struct list_ctx	*c = p;

	if (c == NULL)
		return;
	listing_free(&c->listing);
	taxonomy_free(&c->tax);
	search_cache_free(&c->search);
	free(c);
}

/*
 * Reference data is read once per connection (a reconnect may mean a
 * restored database); the listing index follows listing_version.
 */
static int
prepare(struct request *r)
{
	struct list_ctx	*c = r->ctx;
	unsigned	 gen = db_generation(r->db);

	if (!c->tax_loaded || c->tax_gen != gen) {
		listing_free(&c->listing);
		taxonomy_free(&c->tax);
		c->tax_loaded = 0;
		if (db_taxonomy_load(r->db, r->arena, &c->tax) == -1)
			return HTTP_SERVICE_UNAVAILABLE;
		c->tax_loaded = 1;
		c->tax_gen = gen;
	}
	if (listing_refresh(&c->listing, &c->tax, r->db, r->arena,
	    time(NULL)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	return 0;
}

/*
 * The current filters as a query string, in table order, leaving out one
 * value (skip_p/skip_v, or P__MAX for none) and the page.
 */
static char *
filters_query(struct request *r, size_t skip_p, size_t skip_v)
{
	char		*out, *enc;
	size_t		 cap = 1, len = 0, p, v, need;
	struct param	*pp;

	for (p = 0; p < P_PAGE; p++)
		for (v = 0; v < r->params[p].n; v++)
			cap += strlen(listing_params[p].name) + 2 +
			    r->params[p].v[v].len * 3;
	if ((out = arena_alloc(r->arena, cap)) == NULL)
		return NULL;
	out[0] = '\0';
	for (p = 0; p < P_PAGE; p++) {
		pp = &r->params[p];
		for (v = 0; v < pp->n; v++) {
			if (p == skip_p && v == skip_v)
				continue;
			need = pp->v[v].len * 3 + 1;
			if ((enc = arena_alloc(r->arena, need)) == NULL)
				return NULL;
			http_url_encode(enc, need, pp->v[v].s);
			len += (size_t)snprintf(out + len, cap - len, "%s%s=%s",
			    len > 0 ? "&" : "", listing_params[p].name, enc);
		}
	}
	return out;
}

static const char *
listing_href(struct request *r, size_t skip_p, size_t skip_v)
{
	const char	*q = filters_query(r, skip_p, skip_v);

	if (q == NULL || *q == '\0')
		return "/consultations";
	return arena_printf(r->arena, "/consultations?%s", q);
}

static int
selected(const struct param *p, long long value)
{
	size_t	 i;

	for (i = 0; i < p->n; i++)
		if (p->v[i].i == value)
			return 1;
	return 0;
}

/* The facet fieldsets with their counts (data-count: raw numbers). */
static void
fill_facets(struct request *r, struct tpl_dict *d,
    const struct listing_result *res)
{
	struct list_ctx		*c = r->ctx;
	struct tpl_dict		*f, *o, *act;
	size_t			 k, v, n;
	long long		 value;
	char			 num[32];

	for (k = 0; k < FACET__MAX; k++) {
		if ((f = tpl_add(d, "FACET")) == NULL)
			continue;
		tpl_set(f, "FACET_NAME", listing_params[k].name);
		tpl_set(f, "FACET_LABEL", k == FACET_STATUS ? "Стан" :
		    tax_label[k]);
		if (r->params[k].n > 0 &&
		    (act = tpl_add(f, "FACET_ACTIVE")) != NULL)
			tpl_set_int(act, "FACET_ACTIVE_COUNT",
			    (long long)r->params[k].n);
		n = k == FACET_STATUS ? CS__MAX - 1 : c->tax.n[k];
		for (v = 0; v < n; v++) {
			/* Statuses skip CS_DRAFT: option v is status v + 1. */
			value = k == FACET_STATUS ? (long long)v + 1 :
			    (long long)v;
			if ((o = tpl_add(f, "OPTION")) == NULL)
				continue;
			tpl_set(o, "OPTION_VALUE", k == FACET_STATUS ?
			    cstatus_slug[value] : c->tax.items[k][v].slug);
			tpl_set(o, "OPTION_LABEL", k == FACET_STATUS ?
			    cstatus_name[value] : c->tax.items[k][v].name_uk);
			tpl_set(o, "OPTION_COUNT", fmt_count(num, sizeof(num),
			    res->count[k][value]));
			tpl_set_int(o, "OPTION_COUNT_RAW", res->count[k][value]);
			if (selected(&r->params[k], (long long)v))
				tpl_show(o, "OPTION_CHECKED");
		}
	}
}

/* One chip per active filter value, each linking to the URL without it. */
static void
fill_chips(struct request *r, struct tpl_dict *d)
{
	static const char *const label[] = { "Пошук", "Від", "До" };
	struct list_ctx		*c = r->ctx;
	struct tpl_dict		*w = NULL, *chip;
	const struct param_val	*pv;
	const char		*value;
	char			 buf[64];
	size_t			 k, i;

	for (k = 0; k < P_SORT; k++)
		for (i = 0; i < r->params[k].n; i++) {
			pv = &r->params[k].v[i];
			if (k < TAX__MAX)
				value = c->tax.items[k][pv->i].name_uk;
			else if (k == P_STATUS)
				value = cstatus_name[pv->i + 1];
			else if (k == P_Q)
				value = arena_printf(r->arena, "«%s»", pv->s);
			else
				value = arena_strdup(r->arena, fmt_date_uk(buf,
				    sizeof(buf), date_start(pv->i)));
			if ((w == NULL && (w = tpl_add(d, "CHIPS")) == NULL) ||
			    (chip = tpl_add(w, "CHIP")) == NULL)
				return;
			tpl_set(chip, "CHIP_FACET", k < TAX__MAX ? tax_label[k] :
			    k == P_STATUS ? "Стан" : label[k - P_Q]);
			tpl_set(chip, "CHIP_VALUE", value);
			tpl_set(chip, "CHIP_REMOVE_HREF", listing_href(r, k, i));
		}
}

/* Fills the query from the validated parameters; 0 or an HTTP status. */
static int
query_build(struct request *r, struct listing_query *q)
{
	struct list_ctx	*c = r->ctx;
	const struct search_hit	*hit;
	const char	*bq;
	uint32_t	*ids;
	size_t		 k, i, n;

	memset(q, 0, sizeof(*q));
	q->now = time(NULL);
	for (k = 0; k < FACET__MAX; k++)
		for (i = 0; i < r->params[k].n; i++)
			q->sel[k][q->nsel[k]++] = (int)r->params[k].v[i].i +
			    (k == FACET_STATUS ? 1 : 0);
	if (r->params[P_FROM].n > 0)
		q->from = date_start(r->params[P_FROM].v[0].i);
	if (r->params[P_TO].n > 0)
		q->to = date_start(r->params[P_TO].v[0].i) + 86400;
	if (q->from != 0 && q->to != 0 && q->from >= q->to) {
		r->bad_param = "to";
		return HTTP_BAD_REQUEST;
	}
	q->sort = r->params[P_SORT].n > 0 ?
	    (enum listing_sort)r->params[P_SORT].v[0].i : SORT_NEW;
	q->limit = PER_PAGE;
	q->offset = r->params[P_PAGE].n > 0 ?
	    (size_t)(r->params[P_PAGE].v[0].i - 1) * PER_PAGE : 0;
	if (r->params[P_Q].n > 0) {
		bq = search_query(r->arena, r->params[P_Q].v[0].s,
		    r->params[P_Q].v[0].len);
		if (bq == NULL)
			return HTTP_INTERNAL_ERROR;
		n = 0;
		ids = NULL;
		if (*bq != '\0' && (hit = search_cache_get(&c->search, bq,
		    c->listing.version, (long long)c->listing.loaded)) != NULL) {
			ids = hit->ids;
			n = hit->n;
		} else if (*bq != '\0') {
			if (db_consultation_search(r->db, r->arena, bq, &ids,
			    &n) == -1)
				return HTTP_SERVICE_UNAVAILABLE;
			search_cache_put(&c->search, bq, c->listing.version,
			    (long long)c->listing.loaded, ids, n);
		}
		if ((q->text = listing_bits_from_ids(&c->listing, r->arena,
		    ids, n)) == NULL)
			return HTTP_INTERNAL_ERROR;
	}
	return 0;
}

/* The open-consultations view: status=open and no other filter. */
static int
only_open(const struct request *r)
{
	size_t	 k;

	for (k = 0; k < P_SORT; k++)
		if (r->params[k].n != (k == P_STATUS ? 1u : 0u))
			return 0;
	return r->params[P_STATUS].v[0].i + 1 == CS_OPEN;
}

static int
h_listing(struct request *r, struct response *resp)
{
	struct list_ctx		*c = r->ctx;
	struct listing_query	 q;
	struct listing_result	 res;
	struct page		 pg;
	struct tpl_dict		*d, *w;
	const char		*title, *fq;
	char			 num[32];
	size_t			 i, page, pages;
	int			 status, open = only_open(r);

	if ((status = query_build(r, &q)) != 0) {
		if (status == HTTP_BAD_REQUEST)
			resp->detail = "Параметр «to»: дата «до» має бути не "
			    "раніше за дату «від».";
		return status;
	}
	if (listing_search(&c->listing, &q, r->arena, &res) == -1)
		return HTTP_INTERNAL_ERROR;
	page = q.offset / PER_PAGE + 1;
	pages = (res.total + PER_PAGE - 1) / PER_PAGE;
	if (page > 1 && page > pages)
		return HTTP_NOT_FOUND;
	title = open ? "Відкриті консультації" : "Консультації";
	if (page > 1)
		title = arena_printf(r->arena, "%s — сторінка %zu", title, page);
	if ((d = page_begin(&pg, "listing.tpl", title,
	    open ? "NAV_OPEN" : "NAV_CONSULTATIONS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "HEADING", open ? "Відкриті консультації" : "Консультації");
	if (r->params[P_Q].n > 0)
		tpl_set(d, "Q", r->params[P_Q].v[0].s);
	if (r->params[P_FROM].n > 0)
		tpl_set(d, "FROM", r->params[P_FROM].v[0].s);
	if (r->params[P_TO].n > 0)
		tpl_set(d, "TO", r->params[P_TO].v[0].s);
	tpl_show(d, q.sort == SORT_CLOSING ? "SORT_CLOSING" :
	    q.sort == SORT_POPULAR ? "SORT_POPULAR" : "SORT_NEW");
	fill_facets(r, d, &res);
	fill_chips(r, d);
	/* E-mail alerts with the same filters (issue 6; /subscribe reads the
	 * five vocabularies and ignores the rest). */
	if ((fq = filters_query(r, P__MAX, 0)) != NULL)
		tpl_set(d, "SUBSCRIBE_HREF", *fq == '\0' ? "/subscribe" :
		    arena_printf(r->arena, "/subscribe?%s", fq));
	tpl_set_int(d, "TOTAL", (long long)res.total);
	tpl_set(d, "COUNT_TEXT", fmt_count(num, sizeof(num),
	    (long long)res.total));
	tpl_set(d, "COUNT_NOUN", plural_uk((long long)res.total,
	    "консультація", "консультації", "консультацій"));
	if (res.n == 0)
		tpl_show(d, "NO_RESULTS");
	else if ((w = tpl_add(d, "RESULTS")) != NULL)
		for (i = 0; i < res.n; i++)
			view_card(w, r->arena, &c->listing, res.rows[i], q.now);
	view_pager(d, r->arena, listing_href(r, P__MAX, 0), page, pages,
	    NULL);
	resp->cache_control = "public, max-age=0, must-revalidate";
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

/* One home-page section: the first HOME_CARDS rows with a status. */
static void
home_section(struct request *r, struct tpl_dict *d, const char *name,
    const char *empty, enum cstatus st, enum listing_sort sort, time_t now)
{
	struct list_ctx		*c = r->ctx;
	struct listing_query	 q;
	struct listing_result	 res;
	struct tpl_dict		*s;
	size_t			 i;

	memset(&q, 0, sizeof(q));
	q.now = now;
	q.sel[FACET_STATUS][0] = (int)st;
	q.nsel[FACET_STATUS] = 1;
	q.sort = sort;
	q.limit = HOME_CARDS;
	if (listing_search(&c->listing, &q, r->arena, &res) == -1)
		return;
	if (res.n == 0 || (s = tpl_add(d, name)) == NULL) {
		tpl_show(d, empty);
		return;
	}
	for (i = 0; i < res.n; i++)
		view_card(s, r->arena, &c->listing, res.rows[i], now);
}

static int
h_home(struct request *r, struct response *resp)
{
	struct page	 pg;
	struct tpl_dict	*d;
	time_t		 now = time(NULL);

	if ((d = page_begin(&pg, "home.tpl", "Головна", "NAV_HOME")) == NULL)
		return HTTP_INTERNAL_ERROR;
	home_section(r, d, "OPEN", "OPEN_EMPTY", CS_OPEN, SORT_CLOSING, now);
	home_section(r, d, "UPCOMING", "UPCOMING_EMPTY", CS_ANNOUNCED,
	    SORT_OPENING, now);
	home_section(r, d, "RESULTS", "RESULTS_EMPTY", CS_COMPLETED,
	    SORT_COMPLETED, now);
	resp->cache_control = "public, max-age=0, must-revalidate";
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

static int
h_healthz(struct request *r, struct response *resp)
{
	int	 ok = db_health_check(r->db, r->arena) == 0;

	resp->status = ok ? HTTP_OK : HTTP_SERVICE_UNAVAILABLE;
	resp->content_type = "text/plain; charset=utf-8";
	resp->cache_control = "no-store";
	resp->body = strdup(ok ? "ok\n" : "database unavailable\n");
	resp->len = resp->body != NULL ? strlen(resp->body) : 0;
	return 0;
}

#define GET	METHOD_BIT(METHOD_GET)

static const struct route routes[] = {
	{ GET, "/", h_home, NULL, 0, 0 },
	{ GET, "/consultations", h_listing, listing_params, P__MAX, 0 },
	{ GET, "/healthz", h_healthz, NULL, 0, ROUTE_NO_DB },
};

static const struct program program = {
	"list", routes, sizeof(routes) / sizeof(routes[0]),
	ctx_new, ctx_free, prepare
};

int
main(int argc, char *argv[])
{
	return runner_main(argc, argv, &program);
}
