/*
 * The listing's parameters and query (listing_query.h): one table for every
 * program that lists consultations by the listing's filters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "http.h"
#include "lifecycle.h"
#include "listing_query.h"
#include "valid.h"
#include "view.h"

/* Public statuses, in enum cstatus order after CS_DRAFT. */
static const char *const status_choices[] = {
	"announced", "open", "closed", "completed", "cancelled", NULL
};

/*
 * What from/to select: by default every consultation whose accepting
 * period overlaps [from, to]; with by=end, those whose accepting ended on
 * a day in [from, to] (the efficiency indicators count a consultation in
 * the period it ended in, and link here to show exactly what they count).
 */
static const char *const by_choices[] = { "end", NULL };

/* In enum listing_sort order. */
static const char *const sort_choices[] = { "new", "closing", "popular", NULL };

const struct param_rule listing_params[LP__MAX] = {
	TAX_FILTER_RULES,
	{ "status", PARAM_ENUM, PARAM_MULTI, 0, 0, NULL, status_choices,
	    NULL },
	{ "q", PARAM_TEXT, 0, 1, 200, NULL, NULL, NULL },
	{ "from", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL },
	{ "to", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL },
	{ "sort", PARAM_ENUM, 0, 0, 0, NULL, sort_choices, NULL },
	{ "page", PARAM_INT, 0, 1, 100000, NULL, NULL, NULL },
	{ "by", PARAM_ENUM, 0, 0, 0, NULL, by_choices, NULL },
};

void *
listing_ctx_new(void)
{
	struct listing_ctx	*c;

	if ((c = calloc(1, sizeof(*c))) != NULL)
		listing_init(&c->listing);
	return c;
}

void
listing_ctx_free(void *p)
{
	struct listing_ctx	*c = p;

	if (c == NULL)
		return;
	listing_free(&c->listing);
	tax_state_free(&c->ts);
	search_cache_free(&c->search);
	pagecache_free(&c->pages);
	free(c);
}

/*
 * Reference data is read again per connection (a reconnect may mean a
 * restored database) and when a unit changes (tax_state_stale()); the
 * listing index follows listing_version.
 */
int
listing_ctx_prepare(struct request *r)
{
	struct listing_ctx	*c = r->ctx;
	unsigned long long	 v;
	int			 rc;

	/*
	 * One read serves most requests: a unit's change bumps
	 * listing_version too (migration 090), so an index current with it
	 * was built on current reference data.
	 */
	if (db_listing_version(r->db, r->arena, &v) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (c->ts.loaded && c->ts.gen == db_generation(r->db) &&
	    listing_current(&c->listing, &c->ts.tax, v, time(NULL)))
		return 0;
	if ((rc = tax_state_stale(&c->ts, r->db, r->arena)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	/* The index points into the reference data: it goes first. */
	if (rc == 1) {
		listing_free(&c->listing);
		if (tax_state_load(&c->ts, r->db, r->arena) == -1)
			return HTTP_SERVICE_UNAVAILABLE;
	}
	if (listing_refresh(&c->listing, &c->ts.tax, r->db, r->arena,
	    time(NULL)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	return 0;
}


/*
 * The current filters as a query string, in table order, leaving out one
 * value (skip_p/skip_v, or LP__MAX for none) and the page.
 */
char *
listing_filters_query(struct request *r, size_t skip_p, size_t skip_v)
{
	char		*out, *enc;
	size_t		 cap = 1, len = 0, p, v, need;
	struct param	*pp;

	for (p = 0; p < LP__MAX; p++)
		for (v = 0; v < r->params[p].n; v++)
			cap += strlen(listing_params[p].name) + 2 +
			    r->params[p].v[v].len * 3;
	if ((out = arena_alloc(r->arena, cap)) == NULL)
		return NULL;
	out[0] = '\0';
	for (p = 0; p < LP__MAX; p++) {
		if (p == LP_PAGE)
			continue;
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


/* Fills the query from the validated parameters; 0 or an HTTP status. */
int
listing_query_build(struct request *r, struct listing_query *q,
    size_t per_page)
{
	struct listing_ctx	*c = r->ctx;
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
	if (r->params[LP_FROM].n > 0)
		q->from = date_start(r->params[LP_FROM].v[0].i);
	if (r->params[LP_TO].n > 0)
		q->to = date_start(r->params[LP_TO].v[0].i) + 86400;
	if (q->from != 0 && q->to != 0 && q->from >= q->to) {
		r->bad_param = "to";
		return HTTP_BAD_REQUEST;
	}
	q->by_end = r->params[LP_BY].n > 0;
	q->sort = r->params[LP_SORT].n > 0 ?
	    (enum listing_sort)r->params[LP_SORT].v[0].i : SORT_NEW;
	q->limit = per_page;
	q->offset = r->params[LP_PAGE].n > 0 ?
	    (size_t)(r->params[LP_PAGE].v[0].i - 1) * per_page : 0;
	if (r->params[LP_Q].n > 0) {
		bq = search_query(r->arena, r->params[LP_Q].v[0].s,
		    r->params[LP_Q].v[0].len);
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

char *
listing_page_get(struct request *r, const char *key, size_t *len)
{
	struct listing_ctx		*c = r->ctx;
	const struct pagecache_entry	*e;

	if (key == NULL)
		return NULL;
	pagecache_generation(&c->pages, db_generation(r->db));
	if ((e = pagecache_get_key(&c->pages, key, c->listing.version,
	    (unsigned long long)c->listing.loaded, time(NULL))) == NULL)
		return NULL;
	return pagecache_copy(e, len);
}

void
listing_page_keep(struct request *r, const char *key, const char *body,
    size_t len, time_t now)
{
	struct listing_ctx	*c = r->ctx;
	time_t			 expires = now + LISTING_MAX_AGE;

	if (c->listing.status_until < expires)
		expires = c->listing.status_until;
	if (key != NULL && body != NULL && expires > now)
		pagecache_put_key(&c->pages, key, c->listing.version,
		    (unsigned long long)c->listing.loaded, expires, body, len);
}
