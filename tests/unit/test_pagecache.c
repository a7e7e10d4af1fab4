/*
 * pagecache.h: a hit only for the same key, version and clock signature
 * before the entry expires; a stale entry is dropped; the byte budget and
 * the entry count push out the least recently used; a new database
 * generation forgets everything; a copy is kept.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pagecache.h"

#define NOW	((time_t)1700000000)

static void
hit_needs_everything_the_same(void **state)
{
	struct pagecache		 pc;
	const struct pagecache_entry	*e;
	char				 body[] = "<html>one</html>";

	(void)state;
	memset(&pc, 0, sizeof(pc));
	assert_null(pagecache_get(&pc, 7, 1, 3, 9, NOW));
	pagecache_put(&pc, 7, 1, 3, 9, NOW + 30, body, strlen(body));
	body[0] = 'X';		/* the cache kept its own copy */
	assert_non_null(e = pagecache_get(&pc, 7, 1, 3, 9, NOW + 29));
	assert_int_equal(e->len, strlen(body));
	assert_memory_equal(e->body, "<html>one</html>", e->len);
	{
		char	*copy;
		size_t	 n = 0;

		/* The response's own copy, whole, not the entry's memory. */
		assert_non_null(copy = pagecache_copy(e, &n));
		assert_int_equal(n, e->len);
		assert_ptr_not_equal(copy, e->body);
		assert_memory_equal(copy, "<html>one</html>", n);
		free(copy);
	}
	assert_null(pagecache_get(&pc, 8, 1, 3, 9, NOW));	/* other id */
	assert_null(pagecache_get(&pc, 7, 2, 3, 9, NOW));	/* other page */
	assert_non_null(pagecache_get(&pc, 7, 1, 3, 9, NOW));
	/* A new version (a write) drops the entry for good. */
	assert_null(pagecache_get(&pc, 7, 1, 4, 9, NOW));
	assert_null(pagecache_get(&pc, 7, 1, 3, 9, NOW));
	assert_int_equal(pc.bytes, 0);
	/* Another clock signature (days left changed) and expiry. */
	pagecache_put(&pc, 7, 1, 4, 9, NOW + 30, "a", 1);
	assert_null(pagecache_get(&pc, 7, 1, 4, 10, NOW));
	pagecache_put(&pc, 7, 1, 4, 9, NOW + 30, "a", 1);
	assert_null(pagecache_get(&pc, 7, 1, 4, 9, NOW + 30));
	assert_int_equal(pc.bytes, 0);
	pagecache_free(&pc);
}

static void
put_replaces_and_generation_forgets(void **state)
{
	struct pagecache		 pc;
	const struct pagecache_entry	*e;

	(void)state;
	memset(&pc, 0, sizeof(pc));
	pagecache_generation(&pc, 1);
	pagecache_put(&pc, 1, 1, 1, 0, NOW + 30, "old", 3);
	pagecache_put(&pc, 1, 1, 2, 0, NOW + 30, "newer", 5);
	assert_int_equal(pc.bytes, 5);		/* one entry for the key */
	assert_non_null(e = pagecache_get(&pc, 1, 1, 2, 0, NOW));
	assert_memory_equal(e->body, "newer", 5);
	assert_int_equal(pc.bytes, 5);
	pagecache_generation(&pc, 1);
	assert_non_null(pagecache_get(&pc, 1, 1, 2, 0, NOW));
	pagecache_generation(&pc, 2);
	assert_null(pagecache_get(&pc, 1, 1, 2, 0, NOW));
	assert_int_equal(pc.bytes, 0);
	pagecache_free(&pc);
}

static void
bounded_least_recently_used_out(void **state)
{
	struct pagecache	 pc;
	char			*big;
	size_t			 one = PAGECACHE_BYTES / 4, i;

	(void)state;
	memset(&pc, 0, sizeof(pc));
	assert_non_null(big = calloc(1, PAGECACHE_ONE_MAX + 1));
	/* Too large to keep at all. */
	pagecache_put(&pc, 1, 1, 1, 0, NOW + 30, big, PAGECACHE_ONE_MAX + 1);
	assert_null(pagecache_get(&pc, 1, 1, 1, 0, NOW));
	/* More entries than slots: the first ones (unused since) go. */
	for (i = 0; i < PAGECACHE_N + 4; i++)
		pagecache_put(&pc, (uint32_t)i + 10, 1, 1, 0, NOW + 30, "x", 1);
	for (i = 0; i < 4; i++)
		assert_null(pagecache_get(&pc, (uint32_t)i + 10, 1, 1, 0, NOW));
	for (i = 4; i < PAGECACHE_N + 4; i++)
		assert_non_null(pagecache_get(&pc, (uint32_t)i + 10, 1, 1, 0,
		    NOW));
	pagecache_free(&pc);
	/* The byte budget: a page recently read stays, the oldest goes. */
	memset(&pc, 0, sizeof(pc));
	if (one > PAGECACHE_ONE_MAX)
		one = PAGECACHE_ONE_MAX;
	for (i = 0; i * one <= PAGECACHE_BYTES; i++) {
		pagecache_put(&pc, (uint32_t)i + 100, 1, 1, 0, NOW + 30, big,
		    one);
		assert_non_null(pagecache_get(&pc, 100, 1, 1, 0, NOW));
	}
	assert_true(pc.bytes <= PAGECACHE_BYTES);
	assert_non_null(pagecache_get(&pc, 100, 1, 1, 0, NOW));
	assert_null(pagecache_get(&pc, 101, 1, 1, 0, NOW));
	pagecache_free(&pc);
	free(big);
}

/* String keys: compared whole, apart from id keys, freed with the entry. */
static void
string_keys_whole_and_apart(void **state)
{
	struct pagecache		 pc;
	const struct pagecache_entry	*e;
	char				 key[] = "theme=ecology&page=1";

	(void)state;
	memset(&pc, 0, sizeof(pc));
	assert_null(pagecache_get_key(&pc, NULL, 1, 0, NOW));
	pagecache_put_key(&pc, key, 1, 5, NOW + 30, "eco", 3);
	key[0] = 'X';		/* the cache kept its own copy of the key */
	assert_non_null(e = pagecache_get_key(&pc, "theme=ecology&page=1",
	    1, 5, NOW));
	assert_memory_equal(e->body, "eco", 3);
	/* A prefix, a longer key, an id key: other pages. */
	assert_null(pagecache_get_key(&pc, "theme=ecology&page=", 1, 5, NOW));
	assert_null(pagecache_get_key(&pc, "theme=ecology&page=10", 1, 5,
	    NOW));
	assert_null(pagecache_get(&pc, 0, 0, 1, 5, NOW));
	pagecache_put(&pc, 0, 0, 1, 5, NOW + 30, "id", 2);
	assert_non_null(e = pagecache_get_key(&pc, "theme=ecology&page=1",
	    1, 5, NOW));
	assert_memory_equal(e->body, "eco", 3);
	assert_non_null(e = pagecache_get(&pc, 0, 0, 1, 5, NOW));
	assert_memory_equal(e->body, "id", 2);
	/* The empty key is a key (the unfiltered listing). */
	pagecache_put_key(&pc, "", 1, 5, NOW + 30, "all", 3);
	assert_non_null(pagecache_get_key(&pc, "", 1, 5, NOW));
	/* Another index state (sig) drops it. */
	assert_null(pagecache_get_key(&pc, "theme=ecology&page=1", 1, 6, NOW));
	assert_null(pagecache_get_key(&pc, "theme=ecology&page=1", 1, 5, NOW));
	assert_int_equal(pc.bytes, 5);
	pagecache_free(&pc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hit_needs_everything_the_same),
		cmocka_unit_test(put_replaces_and_generation_forgets),
		cmocka_unit_test(bounded_least_recently_used_out),
		cmocka_unit_test(string_keys_whole_and_apart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
