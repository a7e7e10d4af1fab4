/*
 * arena.h: alignment, growth past one block, the limit, reset and reuse,
 * the string helpers, overflow refusal and the NULL-safe free.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"

#define BLOCK	(64 * 1024)	/* arena.c BLOCK_SIZE */

static int
setup(void **state)
{
	static struct arena	 a;

	arena_init(&a, 0);
	*state = &a;
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static void
test_init_empty(void **state)
{
	struct arena	*a = *state;

	assert_null(a->head);
	assert_int_equal(a->used, 0);
	assert_int_equal(a->limit, 0);
}

static void
test_alignment(void **state)
{
	static const size_t	 sizes[] = { 1, 3, 7, 15, 16, 17, 31, 33, 100 };
	struct arena		*a = *state;
	size_t			 i;
	void			*p;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		p = arena_alloc(a, sizes[i]);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
	}
}

static void
test_zero_size_distinct(void **state)
{
	struct arena	*a = *state;
	char		*p, *q;

	p = arena_alloc(a, 0);
	q = arena_alloc(a, 0);
	assert_non_null(p);
	assert_non_null(q);
	assert_ptr_not_equal(p, q);
}

static void
test_allocations_do_not_overlap(void **state)
{
	struct arena	*a = *state;
	char		*p, *q;

	p = arena_alloc(a, 10);
	q = arena_alloc(a, 10);
	memset(p, 'p', 10);
	memset(q, 'q', 10);
	assert_true(q >= p + 10 || p >= q + 10);
	assert_int_equal(p[9], 'p');
	assert_int_equal(q[0], 'q');
}

static void
test_growth_past_one_block(void **state)
{
	struct arena	*a = *state;
	char		*p, *q, *r;

	p = arena_alloc(a, BLOCK / 2 + 1);
	q = arena_alloc(a, BLOCK / 2 + 1);	/* does not fit: new block */
	assert_non_null(p);
	assert_non_null(q);
	memset(p, 'p', BLOCK / 2 + 1);
	memset(q, 'q', BLOCK / 2 + 1);
	assert_int_equal(p[BLOCK / 2], 'p');	/* q did not overwrite p */
	assert_non_null(a->head);
	r = arena_alloc(a, 4 * BLOCK);		/* larger than a block */
	assert_non_null(r);
	memset(r, 'r', 4 * BLOCK);
	assert_int_equal(q[BLOCK / 2], 'q');
	assert_true(a->used >= 5 * BLOCK + 2);
}

static void
test_many_small(void **state)
{
	struct arena	*a = *state;
	int		*v[10000];
	int		 i;

	for (i = 0; i < 10000; i++) {
		v[i] = arena_alloc(a, sizeof(int));
		assert_non_null(v[i]);
		*v[i] = i;
	}
	for (i = 0; i < 10000; i++)
		assert_int_equal(*v[i], i);
}

static void
test_limit_refuses(void **state)
{
	struct arena	 a;

	(void)state;
	arena_init(&a, 1024);
	assert_non_null(arena_alloc(&a, 1000));	/* 1008 used */
	assert_null(arena_alloc(&a, 32));	/* 1040 > 1024 */
	assert_non_null(arena_alloc(&a, 16));	/* exactly 1024 */
	assert_null(arena_alloc(&a, 1));
	assert_int_equal(a.used, 1024);
	arena_free(&a);
}

static void
test_limit_single_too_big(void **state)
{
	struct arena	 a;

	(void)state;
	arena_init(&a, 4096);
	assert_null(arena_alloc(&a, 4097));
	assert_null(arena_alloc(&a, SIZE_MAX / 2));
	assert_int_equal(a.used, 0);
	assert_non_null(arena_alloc(&a, 4096));
	arena_free(&a);
}

static void
test_limit_applies_to_helpers(void **state)
{
	struct arena	 a;
	char		 big[200];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	arena_init(&a, 128);
	assert_null(arena_strdup(&a, big));
	assert_null(arena_printf(&a, "%s", big));
	assert_null(arena_calloc(&a, 10, 20));
	assert_non_null(arena_strdup(&a, "ok"));
	arena_free(&a);
}

static void
test_reset_reuses_first_block(void **state)
{
	struct arena	*a = *state;
	char		*first, *again;
	int		 i;

	first = arena_alloc(a, 100);
	for (i = 0; i < 10; i++)		/* several blocks */
		assert_non_null(arena_alloc(a, BLOCK));
	arena_reset(a);
	assert_int_equal(a->used, 0);
	assert_non_null(a->head);
	again = arena_alloc(a, 100);
	assert_ptr_equal(again, first);
}

static void
test_reset_restores_limit_budget(void **state)
{
	struct arena	 a;

	(void)state;
	arena_init(&a, 1024);
	assert_non_null(arena_alloc(&a, 1024));
	assert_null(arena_alloc(&a, 16));
	arena_reset(&a);
	assert_non_null(arena_alloc(&a, 1024));
	arena_free(&a);
}

static void
test_reset_empty(void **state)
{
	struct arena	*a = *state;

	arena_reset(a);		/* nothing allocated yet */
	assert_null(a->head);
	assert_non_null(arena_alloc(a, 1));
	arena_reset(a);
	arena_reset(a);
	assert_int_equal(a->used, 0);
}

static void
test_strndup(void **state)
{
	struct arena	*a = *state;
	const char	*seg = "consultations/abc";	/* no NUL at 13 */
	char		*s;

	s = arena_strndup(a, seg, 13);
	assert_string_equal(s, "consultations");
	s = arena_strndup(a, seg, 0);
	assert_string_equal(s, "");
	s = arena_strndup(a, "Київ", strlen("Київ"));
	assert_string_equal(s, "Київ");
	assert_null(arena_strndup(a, seg, SIZE_MAX));
}

static void
test_strdup_copies(void **state)
{
	struct arena	*a = *state;
	char		 src[] = "громада";
	char		*s;

	s = arena_strdup(a, src);
	assert_ptr_not_equal(s, src);
	src[0] = 'x';
	assert_string_equal(s, "громада");
}

static void
test_printf(void **state)
{
	struct arena	*a = *state;
	char		*s;

	s = arena_printf(a, "%s-%d-%05.1f", "ї", -42, 3.5);
	assert_string_equal(s, "ї--42-003.5");
	s = arena_printf(a, "%s", "");
	assert_string_equal(s, "");
	s = arena_printf(a, "%*s|", 3 * BLOCK, "x");	/* > one block */
	assert_non_null(s);
	assert_int_equal(strlen(s), 3 * BLOCK + 1);
	assert_int_equal(s[3 * BLOCK - 1], 'x');
	assert_int_equal(s[3 * BLOCK], '|');
}

static void
test_calloc_zeroes(void **state)
{
	struct arena	*a = *state;
	unsigned char	*p;
	size_t		 i;

	p = arena_alloc(a, 256);
	memset(p, 0xff, 256);
	arena_reset(a);			/* same memory comes back */
	p = arena_calloc(a, 16, 16);
	assert_non_null(p);
	for (i = 0; i < 256; i++)
		assert_int_equal(p[i], 0);
}

static void
test_calloc_overflow(void **state)
{
	struct arena	*a = *state;

	assert_null(arena_calloc(a, SIZE_MAX / 2 + 1, 2));
	assert_null(arena_calloc(a, 2, SIZE_MAX / 2 + 1));
	assert_null(arena_calloc(a, SIZE_MAX, SIZE_MAX));
	assert_null(arena_calloc(a, (SIZE_MAX >> 4) + 1, 16));
	assert_int_equal(a->used, 0);
	assert_non_null(arena_calloc(a, 0, 8));
	assert_non_null(arena_calloc(a, 8, 0));
}

/*
 * Sizes near SIZE_MAX must be refused, not wrap into a tiny block (n plus
 * alignment plus the block header); so is anything above PTRDIFF_MAX.
 */
static void
test_alloc_huge_refused(void **state)
{
	static const size_t	 huge[] = {
		SIZE_MAX, SIZE_MAX - 1, SIZE_MAX - 15, SIZE_MAX - 16,
		SIZE_MAX - 17, SIZE_MAX - 31, SIZE_MAX - 46, SIZE_MAX - 47,
		SIZE_MAX - 64, SIZE_MAX - 100, SIZE_MAX - 4096,
		SIZE_MAX / 2 + 1, PTRDIFF_MAX, PTRDIFF_MAX - 16,
		PTRDIFF_MAX - 47,
	};
	struct arena		*a = *state;
	size_t			 i;

	for (i = 0; i < sizeof(huge) / sizeof(huge[0]); i++) {
		assert_null(arena_alloc(a, huge[i]));
		assert_int_equal(a->used, 0);
	}
	for (i = 0; i < sizeof(huge) / sizeof(huge[0]); i++)
		assert_null(arena_calloc(a, 1, huge[i]));
	assert_null(arena_strndup(a, "x", SIZE_MAX - 1));
	assert_int_equal(a->used, 0);
}

static void
test_free_null_safe(void **state)
{
	struct arena	 a;

	(void)state;
	arena_free(NULL);
	arena_init(&a, 0);
	arena_free(&a);			/* never used */
	assert_non_null(arena_alloc(&a, 10));
	arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.used, 0);
	arena_free(&a);			/* twice */
	assert_non_null(arena_alloc(&a, 10));	/* usable again */
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init_empty, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_alignment, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_zero_size_distinct,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_allocations_do_not_overlap,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_growth_past_one_block,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_small, setup,
		    teardown),
		cmocka_unit_test(test_limit_refuses),
		cmocka_unit_test(test_limit_single_too_big),
		cmocka_unit_test(test_limit_applies_to_helpers),
		cmocka_unit_test_setup_teardown(test_reset_reuses_first_block,
		    setup, teardown),
		cmocka_unit_test(test_reset_restores_limit_budget),
		cmocka_unit_test_setup_teardown(test_reset_empty, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_strndup, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_strdup_copies, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_printf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_calloc_zeroes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_calloc_overflow, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_alloc_huge_refused,
		    setup, teardown),
		cmocka_unit_test(test_free_null_safe),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
