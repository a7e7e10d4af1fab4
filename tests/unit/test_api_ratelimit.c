/*
 * api_ratelimit.h: the API's per-address read counter, shared by the
 * workers: the limit, the window, the reset, addresses apart, and a count
 * that a forked worker shares.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "api_ratelimit.h"

static void
addr(unsigned char h[32], int n)
{
	memset(h, 0, 32);
	h[0] = (unsigned char)n;
	h[1] = (unsigned char)(n >> 8);
	h[5] = 0x5a;
}

static void
test_limit_and_window(void **state)
{
	unsigned char	 a[32], b[32];
	long		 left, reset;
	time_t		 t = 1000 * API_READS_WINDOW + 15;
	int		 i;

	(void)state;
	addr(a, 1);
	addr(b, 2);
	for (i = 1; i <= 3; i++) {
		assert_int_equal(api_reads_take(a, t, 3, &left, &reset), 1);
		assert_int_equal(left, 3 - i);
		assert_int_equal(reset, API_READS_WINDOW - 15);
	}
	assert_int_equal(api_reads_take(a, t + 1, 3, &left, &reset), 0);
	assert_int_equal(left, 0);
	assert_int_equal(reset, API_READS_WINDOW - 16);
	/* Another address counts apart. */
	assert_int_equal(api_reads_take(b, t, 3, &left, &reset), 1);
	assert_int_equal(left, 2);
	/* The next window starts again. */
	assert_int_equal(api_reads_take(a, t + API_READS_WINDOW, 3, &left,
	    &reset), 1);
	assert_int_equal(left, 2);
	/* No limit: always allowed. */
	assert_int_equal(api_reads_take(a, t, 0, &left, &reset), 1);
}

/* A forked worker's reads count in the parent's table. */
static void
test_shared(void **state)
{
	unsigned char	 a[32];
	long		 left, reset;
	time_t		 t = 2000 * API_READS_WINDOW;
	pid_t		 pid;
	int		 st, i;

	(void)state;
	addr(a, 3);
	if ((pid = fork()) == 0) {
		for (i = 0; i < 5; i++)
			api_reads_take(a, t, 10, &left, &reset);
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_int_equal(api_reads_take(a, t, 10, &left, &reset), 1);
	assert_int_equal(left, 4);
}

/* Many addresses in one window: each still gets its own count, or at
 * worst a fresh one (never another's exhausted count). */
static void
test_many(void **state)
{
	unsigned char	 a[32];
	long		 left, reset;
	time_t		 t = 3000 * API_READS_WINDOW;
	int		 i, over = 0;

	(void)state;
	for (i = 0; i < 3 * API_READS_SLOTS; i++) {
		addr(a, i);
		a[2] = (unsigned char)(i >> 16);
		over += api_reads_take(a, t, 1, &left, &reset) == 0;
	}
	assert_int_equal(over, 0);
}

static int
setup(void **state)
{
	(void)state;
	return api_reads_init();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limit_and_window),
		cmocka_unit_test(test_shared),
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
