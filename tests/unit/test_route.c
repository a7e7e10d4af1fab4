/*
 * runner.h route_match(): literal segments, {name} captures, and every way
 * a path can almost match.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "http.h"
#include "runner.h"

#define NELEM(t) (sizeof(t) / sizeof((t)[0]))
#define VARS_MAX 4

struct fixture {
	struct arena	 a;
	struct kv	 vars[VARS_MAX];
	size_t		 n;
};

static int
setup(void **state)
{
	static struct fixture	 f;

	memset(&f, 0, sizeof(f));
	arena_init(&f.a, 0);
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	arena_free(&f->a);
	return 0;
}

static int
match(struct fixture *f, const char *pattern, const char *path)
{
	f->n = 99;
	return route_match(&f->a, pattern, path, f->vars, &f->n, VARS_MAX);
}

struct route_case {
	const char	*pattern;
	const char	*path;
};

static void
test_literal_match(void **state)
{
	static const struct route_case t[] = {
		{ "/", "/" },
		{ "/consultations", "/consultations" },
		{ "/consultations/new", "/consultations/new" },
		{ "/api/v1/health", "/api/v1/health" },
		{ "/пошук", "/пошук" },
	};
	struct fixture		*f = *state;
	size_t			 i;

	for (i = 0; i < NELEM(t); i++) {
		if (match(f, t[i].pattern, t[i].path) != 1)
			fail_msg("%s did not match %s", t[i].path,
			    t[i].pattern);
		assert_int_equal(f->n, 0);
	}
}

static void
test_literal_mismatch(void **state)
{
	static const struct route_case t[] = {
		{ "/", "" },
		{ "/", "/x" },
		{ "/", "//" },
		{ "/consultations", "/" },
		{ "/consultations", "" },
		{ "/consultations", "/consultation" },
		{ "/consultations", "/consultationsx" },
		{ "/consultations", "/Consultations" },
		{ "/consultations", "consultations" },
		{ "/consultations", "/consultations/" },	/* trailing / */
		{ "/consultations", "/consultations//" },
		{ "/consultations", "//consultations" },
		{ "/consultations", "/consultations/x" },	/* extra */
		{ "/consultations/new", "/consultations" },	/* missing */
		{ "/consultations/new", "/consultations/" },
		{ "/consultations/new", "/consultations/newer" },
		{ "/consultations/new", "/consultations/ne" },
		{ "/a/b", "/a//b" },
		{ "/a/b", "/ab" },
	};
	struct fixture		*f = *state;
	size_t			 i;

	for (i = 0; i < NELEM(t); i++)
		if (match(f, t[i].pattern, t[i].path) != 0)
			fail_msg("\"%s\" matched %s", t[i].path,
			    t[i].pattern);
}

static void
test_capture(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(match(f, "/consultations/{ref}",
	    "/consultations/budget-2025"), 1);
	assert_int_equal(f->n, 1);
	assert_string_equal(f->vars[0].key, "ref");
	assert_string_equal(f->vars[0].val, "budget-2025");
	assert_int_equal(f->vars[0].vlen, strlen("budget-2025"));
}

static void
test_capture_any_bytes_of_one_segment(void **state)
{
	static const char *const vals[] = {
		"x", "1", "Київ", "a b", "a.b", "..", "%2F", "{ref}",
	};
	struct fixture		*f = *state;
	char			 path[64];
	size_t			 i;

	for (i = 0; i < NELEM(vals); i++) {
		strcpy(path, "/c/");
		strcat(path, vals[i]);
		assert_int_equal(match(f, "/c/{id}", path), 1);
		assert_int_equal(f->n, 1);
		assert_string_equal(f->vars[0].val, vals[i]);
	}
}

static void
test_capture_two(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(match(f, "/consultations/{ref}/comments/{id}",
	    "/consultations/park/comments/17"), 1);
	assert_int_equal(f->n, 2);
	assert_string_equal(f->vars[0].key, "ref");
	assert_string_equal(f->vars[0].val, "park");
	assert_string_equal(f->vars[1].key, "id");
	assert_string_equal(f->vars[1].val, "17");
	assert_int_equal(f->vars[1].vlen, 2);
}

static void
test_capture_mismatch(void **state)
{
	static const struct route_case t[] = {
		{ "/consultations/{ref}", "/consultations" },
		{ "/consultations/{ref}", "/consultations/" },	/* empty */
		{ "/consultations/{ref}", "/consultations//" },
		{ "/consultations/{ref}", "/consultations//x" },
		{ "/consultations/{ref}", "/consultations/abc/" },
		{ "/consultations/{ref}", "/consultations/abc/def" },
		{ "/consultations/{ref}", "/other/abc" },
		{ "/consultations/{ref}/comments", "/consultations/abc" },
		{ "/consultations/{ref}/comments", "/consultations/abc/" },
		{ "/consultations/{ref}/comments",
		    "/consultations/abc/comment" },
		{ "/consultations/{ref}/comments",
		    "/consultations//comments" },
		{ "/{a}/{b}", "/x" },
		{ "/{a}/{b}", "/x/" },
		{ "/{a}/{b}", "//y" },
		{ "/{a}", "/" },
	};
	struct fixture		*f = *state;
	size_t			 i;

	for (i = 0; i < NELEM(t); i++)
		if (match(f, t[i].pattern, t[i].path) != 0)
			fail_msg("\"%s\" matched %s", t[i].path,
			    t[i].pattern);
}

/* More captures than room for them: no match, nothing written past. */
static void
test_maxvars(void **state)
{
	struct fixture	*f = *state;
	struct kv	 vars[2];
	size_t		 n;

	memset(vars, 0, sizeof(vars));
	assert_int_equal(route_match(&f->a, "/{a}/{b}", "/x/y", vars, &n, 2),
	    1);
	assert_int_equal(n, 2);
	assert_int_equal(route_match(&f->a, "/{a}/{b}", "/x/y", vars, &n, 1),
	    0);
	assert_true(n <= 1);
	assert_int_equal(route_match(&f->a, "/c/{a}", "/c/x", vars, &n, 0),
	    0);
	assert_int_equal(n, 0);
	/* No captures needed: maxvars 0 is fine. */
	assert_int_equal(route_match(&f->a, "/c", "/c", NULL, &n, 0), 1);
	assert_int_equal(n, 0);
}

/* Braces that do not make a whole capture segment are literal. */
static void
test_braces_literal(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(match(f, "/{}", "/{}"), 1);
	assert_int_equal(match(f, "/{}", "/x"), 0);
	assert_int_equal(match(f, "/x{id}", "/x{id}"), 1);
	assert_int_equal(match(f, "/x{id}", "/x1"), 0);
	assert_int_equal(f->n, 0);
}

static void
test_nvars_reset(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(match(f, "/a", "/b"), 0);
	assert_int_equal(f->n, 0);
	assert_int_equal(match(f, "/a", "/a"), 1);
	assert_int_equal(f->n, 0);
}

static void
test_allocation_failure(void **state)
{
	struct arena	 a;
	struct kv	 vars[1];
	size_t		 n;

	(void)state;
	arena_init(&a, 16);
	assert_non_null(arena_alloc(&a, 16));	/* budget used up */
	assert_int_equal(route_match(&a, "/c/{id}", "/c/1", vars, &n, 1), -1);
	arena_free(&a);
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_literal_match),
		T(test_literal_mismatch),
		T(test_capture),
		T(test_capture_any_bytes_of_one_segment),
		T(test_capture_two),
		T(test_capture_mismatch),
		T(test_maxvars),
		T(test_braces_literal),
		T(test_nvars_reset),
		T(test_allocation_failure),
	};

	return cmocka_run_group_tests_name("route", tests, NULL, NULL);
}
