/*
 * Full-text search input.  A person's query is never handed to MariaDB's
 * boolean-mode parser as typed (its operators would be syntax errors or
 * tricks): it is cut into words of letters and digits, each becomes a
 * required prefix term (+word*), the rest is dropped.
 */
#ifndef HROMADA_SEARCH_H
#define HROMADA_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define SEARCH_TERMS_MAX	8
#define SEARCH_TERM_MIN		2	/* innodb_ft_min_token_size */

/*
 * Returns the boolean-mode query for q (valid UTF-8), or "" when q holds no
 * searchable word; NULL on allocation failure.
 */
char	*search_query(struct arena *, const char *q, size_t len);

/*
 * The ids a boolean query matched, kept per worker for the listing index
 * they were matched against.  MariaDB's FULLTEXT with prefix terms costs
 * tens of milliseconds for a common word (86 % of a search page's time was
 * mariadbd, measured with perf at 10,000 consultations), and the same few
 * queries come again and again; an entry is good while the index it was
 * matched against is the current one (same version and load time), which
 * bounds its age by the index's (LISTING_MAX_AGE).  Process lifetime,
 * malloc'd; least recently used out.
 */
#define SEARCH_CACHE_N		32

struct search_hit {
	char			*query;		/* NULL: unused */
	unsigned long long	 version;
	long long		 loaded;
	uint32_t		*ids;
	size_t			 n;
	unsigned long long	 used;		/* LRU clock */
};

struct search_cache {
	struct search_hit	 hit[SEARCH_CACHE_N];
	unsigned long long	 clock;
};

/* The entry for query against that index, or NULL. */
const struct search_hit *search_cache_get(struct search_cache *,
	    const char *query, unsigned long long version, long long loaded);
/* Keeps a copy of ids for query (silently nothing if memory is short). */
void	search_cache_put(struct search_cache *, const char *query,
	    unsigned long long version, long long loaded, const uint32_t *ids,
	    size_t n);
void	search_cache_free(struct search_cache *);

#endif /* HROMADA_SEARCH_H */
