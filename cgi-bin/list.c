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
#include "listing_query.h"
#include "model.h"
#include "page.h"
#include "runner.h"
#include "search.h"
#include "view.h"

#define PER_PAGE	20
#define HOME_CARDS	6

static const char *
listing_href(struct request *r, size_t skip_p, size_t skip_v)
{
	const char	*q = listing_filters_query(r, skip_p, skip_v);

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
	struct listing_ctx		*c = r->ctx;
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
		n = k == FACET_STATUS ? CS__MAX - 1 : c->ts.tax.n[k];
		for (v = 0; v < n; v++) {
			/* Statuses skip CS_DRAFT: option v is status v + 1. */
			value = k == FACET_STATUS ? (long long)v + 1 :
			    (long long)v;
			if ((o = tpl_add(f, "OPTION")) == NULL)
				continue;
			tpl_set(o, "OPTION_VALUE", k == FACET_STATUS ?
			    cstatus_slug[value] : c->ts.tax.items[k][v].slug);
			tpl_set(o, "OPTION_LABEL", k == FACET_STATUS ?
			    cstatus_name[value] : c->ts.tax.items[k][v].name_uk);
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
	struct listing_ctx		*c = r->ctx;
	struct tpl_dict		*w = NULL, *chip;
	const struct param_val	*pv;
	const char		*value;
	char			 buf[64];
	size_t			 k, i;

	for (k = 0; k < LP_SORT; k++)
		for (i = 0; i < r->params[k].n; i++) {
			pv = &r->params[k].v[i];
			if (k < TAX__MAX)
				value = c->ts.tax.items[k][pv->i].name_uk;
			else if (k == LP_STATUS)
				value = cstatus_name[pv->i + 1];
			else if (k == LP_Q)
				value = arena_printf(r->arena, "«%s»", pv->s);
			else
				value = arena_strdup(r->arena, fmt_date_uk(buf,
				    sizeof(buf), date_start(pv->i)));
			if ((w == NULL && (w = tpl_add(d, "CHIPS")) == NULL) ||
			    (chip = tpl_add(w, "CHIP")) == NULL)
				return;
			tpl_set(chip, "CHIP_FACET", k < TAX__MAX ? tax_label[k] :
			    k == LP_STATUS ? "Стан" : label[k - LP_Q]);
			tpl_set(chip, "CHIP_VALUE", value);
			tpl_set(chip, "CHIP_REMOVE_HREF", listing_href(r, k, i));
		}
}

/* The open-consultations view: status=open and no other filter. */
static int
only_open(const struct request *r)
{
	size_t	 k;

	for (k = 0; k < LP_SORT; k++)
		if (r->params[k].n != (k == LP_STATUS ? 1u : 0u))
			return 0;
	return r->params[LP_STATUS].v[0].i + 1 == CS_OPEN;
}

/* The same filters as a subscription, a feed and a calendar. */
static void
fill_follow(struct request *r, struct tpl_dict *d, struct tpl_dict *layout)
{
	const char	*q = listing_filters_query(r, LP__MAX, 0);
	const char	*sep = q != NULL && *q != '\0' ? "?" : "";
	struct tpl_dict	*f, *head;

	if (q == NULL || (f = tpl_add(d, "FOLLOW")) == NULL ||
	    (head = tpl_add(layout, "FEED")) == NULL)
		return;
	tpl_set(tpl_add(f, "SUBSCRIBE"), "SUBSCRIBE_HREF", arena_printf(
	    r->arena, "/subscribe%s%s", sep, q));
	tpl_set(f, "FEED_HREF", arena_printf(r->arena, "/feed.atom%s%s", sep,
	    q));
	tpl_set(f, "CALENDAR_HREF", arena_printf(r->arena, "/calendar.ics%s%s",
	    sep, q));
	tpl_set(head, "FEED_HREF", arena_printf(r->arena, "/feed.atom%s%s",
	    sep, q));
	tpl_set(head, "CALENDAR_HREF", arena_printf(r->arena,
	    "/calendar.ics%s%s", sep, q));
}

/* A kept page (listing_page_get()), answered as the rendered one is. */
static int
cached(struct request *r, struct response *resp, const char *key)
{
	resp->cache_control = "public, max-age=0, must-revalidate";
	if ((resp->body = listing_page_get(r, key, &resp->len)) == NULL)
		return 0;
	resp->status = HTTP_OK;
	return 1;
}

static void
keep(struct request *r, const struct response *resp, const char *key,
    time_t now)
{
	if (resp->status == HTTP_OK)
		listing_page_keep(r, key, resp->body, resp->len, now);
}

static int
h_listing(struct request *r, struct response *resp)
{
	struct listing_ctx		*c = r->ctx;
	struct listing_query	 q;
	struct listing_result	 res;
	struct page		 pg;
	struct tpl_dict		*d, *w;
	const char		*title, *fq, *key = NULL;
	char			 num[32];
	size_t			 i, page, pages;
	int			 status, open = only_open(r);

	/* The canonical filters and the page: the same parsed request. */
	if ((fq = listing_filters_query(r, LP__MAX, 0)) != NULL)
		key = arena_printf(r->arena, "L%s#%lld", fq,
		    r->params[LP_PAGE].n > 0 ? r->params[LP_PAGE].v[0].i : 1);
	if (cached(r, resp, key))
		return 0;
	if ((status = listing_query_build(r, &q, PER_PAGE)) != 0) {
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
	if (r->params[LP_Q].n > 0)
		tpl_set(d, "Q", r->params[LP_Q].v[0].s);
	if (r->params[LP_FROM].n > 0)
		tpl_set(d, "FROM", r->params[LP_FROM].v[0].s);
	if (r->params[LP_TO].n > 0)
		tpl_set(d, "TO", r->params[LP_TO].v[0].s);
	if (r->params[LP_BY].n > 0)
		tpl_show(d, "BY_END");
	tpl_show(d, q.sort == SORT_CLOSING ? "SORT_CLOSING" :
	    q.sort == SORT_POPULAR ? "SORT_POPULAR" : "SORT_NEW");
	fill_facets(r, d, &res);
	fill_chips(r, d);
	/* E-mail alerts with the same filters (issue 6; /subscribe reads the
	 * five vocabularies and ignores the rest). */
	if ((fq = listing_filters_query(r, LP__MAX, 0)) != NULL)
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
	view_pager(d, r->arena, listing_href(r, LP__MAX, 0), page, pages,
	    NULL);
	fill_follow(r, d, pg.layout);
	if (page_finish(&pg, resp) != 0)
		return HTTP_INTERNAL_ERROR;
	keep(r, resp, key, q.now);
	return 0;
}

/* One home-page section: the first HOME_CARDS rows with a status. */
static void
home_section(struct request *r, struct tpl_dict *d, const char *name,
    const char *empty, enum cstatus st, enum listing_sort sort, time_t now)
{
	struct listing_ctx		*c = r->ctx;
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

	if (cached(r, resp, "H"))
		return 0;
	if ((d = page_begin(&pg, "home.tpl", "Головна", "NAV_HOME")) == NULL)
		return HTTP_INTERNAL_ERROR;
	home_section(r, d, "OPEN", "OPEN_EMPTY", CS_OPEN, SORT_CLOSING, now);
	home_section(r, d, "UPCOMING", "UPCOMING_EMPTY", CS_ANNOUNCED,
	    SORT_OPENING, now);
	home_section(r, d, "RESULTS", "RESULTS_EMPTY", CS_COMPLETED,
	    SORT_COMPLETED, now);
	if (page_finish(&pg, resp) != 0)
		return HTTP_INTERNAL_ERROR;
	keep(r, resp, "H", now);
	return 0;
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
	{ GET, "/consultations", h_listing, listing_params, LP__MAX, 0 },
	{ GET, "/healthz", h_healthz, NULL, 0, ROUTE_NO_DB },
};

static const struct program program = {
	"list", routes, sizeof(routes) / sizeof(routes[0]),
	listing_ctx_new, listing_ctx_free, listing_ctx_prepare
};

int
main(int argc, char *argv[])
{
	return runner_main(argc, argv, &program);
}
