/*
 * The listing's parameters, shared by every program that answers "the
 * consultations matching these filters": the HTML listing (list), the Atom
 * feed and the calendar (feed), and later the subscriptions and the API.
 * One table of parameters means one set of URLs: a filter that works on
 * /consultations works, with the same spelling, on /feed.atom.
 *
 * A program using it makes struct listing_ctx its worker state (ctx_new,
 * ctx_free, prepare below), so the slug checkers find the reference data.
 */
#ifndef HROMADA_LISTING_QUERY_H
#define HROMADA_LISTING_QUERY_H

#include <time.h>

#include "listing.h"
#include "model.h"
#include "pagecache.h"
#include "runner.h"
#include "search.h"

/* Worker state: reference data, the listing index, the search cache. */
struct listing_ctx {
	struct tax_state	 ts;		/* first: the slug checks' ctx */
	struct listing		 listing;
	struct search_cache	 search;
	struct pagecache	 pages;		/* rendered pages (list) */
};

enum lparam {
	LP_THEME, LP_DISTRICT, LP_FORMAT, LP_GROUP, LP_UNIT,	/* = enum facet */
	LP_STATUS,
	LP_Q,
	LP_FROM,
	LP_TO,
	LP_SORT,
	LP_PAGE,
	LP_BY,		/* "end": from/to select by when accepting ended */
	LP__MAX
};

extern const struct param_rule listing_params[LP__MAX];

void	*listing_ctx_new(void);
void	 listing_ctx_free(void *);
/* The runner's prepare hook: reference data and a current index. */
int	 listing_ctx_prepare(struct request *);

/*
 * Fills the query from the validated parameters (per_page rows a page);
 * 0 or an HTTP status (400 with r->bad_param set when "to" is before
 * "from").
 */
int	 listing_query_build(struct request *, struct listing_query *,
	    size_t per_page);

/*
 * The current filters as a query string in table order, without the page
 * and without value skip_v of parameter skip_p (LP__MAX: leave none out);
 * "" when there are none.  From the arena; NULL when out of memory.
 */
char	*listing_filters_query(struct request *, size_t skip_p, size_t skip_v);

/*
 * Rendered answers drawn from the index (the HTML listing and home page,
 * the JSON listing), kept per worker in ctx->pages while the index they
 * came from is the one in memory (the same listing_version and load: a
 * reload every LISTING_MAX_AGE seconds brings the comment counts) and no
 * row's status is due to change (status_until).  Only for answers with
 * nothing per visitor in the body.  The "report late" mark turns on at a
 * moment no version covers: it shows at most LISTING_MAX_AGE seconds late,
 * like the counts.
 *
 * listing_page_get() gives a malloc'd copy of the body kept for key (any
 * string naming everything the answer depends on), or NULL;
 * listing_page_keep() keeps a copy of body, drawn at now.
 */
char	*listing_page_get(struct request *, const char *key, size_t *len);
void	 listing_page_keep(struct request *, const char *key,
	    const char *body, size_t len, time_t now);

#endif /* HROMADA_LISTING_QUERY_H */
