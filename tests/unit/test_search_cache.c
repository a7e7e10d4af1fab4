/*
 * search.h's cache of FULLTEXT results: a hit only for the same query
 * against the same listing index, the least recently used entry goes
 * first, and a copy is kept (the caller's ids may be arena memory).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "search.h"

static void
hit_needs_same_index(void **state)
{
	struct search_cache	 sc;
	uint32_t		 ids[] = { 3, 5, 8 };
	const struct search_hit	*h;

	(void)state;
	memset(&sc, 0, sizeof(sc));
	assert_null(search_cache_get(&sc, "+парк*", 1, 100));
	search_cache_put(&sc, "+парк*", 1, 100, ids, 3);
	ids[0] = 99;		/* the cache kept its own copy */
	h = search_cache_get(&sc, "+парк*", 1, 100);
	assert_non_null(h);
	assert_int_equal(h->n, 3);
	assert_int_equal(h->ids[0], 3);
	assert_int_equal(h->ids[2], 8);
	/* Another index version or load: stale, not a hit. */
	assert_null(search_cache_get(&sc, "+парк*", 2, 100));
	assert_null(search_cache_get(&sc, "+парк*", 1, 160));
	assert_null(search_cache_get(&sc, "+пар*", 1, 100));
	/* No match is an answer worth keeping too. */
	search_cache_put(&sc, "+ніщо*", 1, 100, NULL, 0);
	h = search_cache_get(&sc, "+ніщо*", 1, 100);
	assert_non_null(h);
	assert_int_equal(h->n, 0);
	search_cache_free(&sc);
}

static void
least_recently_used_goes(void **state)
{
	struct search_cache	 sc;
	uint32_t		 id = 1;
	char			 q[32];
	int			 i;

	(void)state;
	memset(&sc, 0, sizeof(sc));
	for (i = 0; i < SEARCH_CACHE_N; i++) {
		snprintf(q, sizeof(q), "+w%d*", i);
		search_cache_put(&sc, q, 1, 1, &id, 1);
	}
	/* Use the oldest, so the second oldest is the one to go. */
	assert_non_null(search_cache_get(&sc, "+w0*", 1, 1));
	search_cache_put(&sc, "+new*", 1, 1, &id, 1);
	assert_non_null(search_cache_get(&sc, "+w0*", 1, 1));
	assert_null(search_cache_get(&sc, "+w1*", 1, 1));
	assert_non_null(search_cache_get(&sc, "+new*", 1, 1));
	for (i = 2; i < SEARCH_CACHE_N; i++) {
		snprintf(q, sizeof(q), "+w%d*", i);
		assert_non_null(search_cache_get(&sc, q, 1, 1));
	}
	search_cache_free(&sc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hit_needs_same_index),
		cmocka_unit_test(least_recently_used_goes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
