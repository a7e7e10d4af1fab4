/*
 * valid.h: each validator with a table of good and bad inputs, pattern
 * compilation, and valid_request() over a hand-built request.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "http.h"
#include "valid.h"

#define S(x)	x, sizeof(x) - 1
#define NELEM(t) (sizeof(t) / sizeof((t)[0]))

#define SLUG	"[a-z0-9-]{1,64}"

struct good_case {
	const char	*s;
	size_t		 len;
	long long	 i;
};

struct bad_case {
	const char	*s;
	size_t		 len;
};

static void
check_good(const struct param_rule *r, void *ctx, const struct good_case *t,
    size_t n)
{
	struct param_val	 v;
	size_t			 i;

	for (i = 0; i < n; i++) {
		memset(&v, 0, sizeof(v));
		if (valid_one(r, ctx, t[i].s, t[i].len, &v) != 1)
			fail_msg("%s: refused good case %zu \"%s\"", r->name, i,
			    t[i].s);
		assert_ptr_equal(v.s, t[i].s);
		assert_int_equal(v.len, t[i].len);
		if (v.i != t[i].i)
			fail_msg("%s: case %zu \"%s\": i = %lld, want %lld",
			    r->name, i, t[i].s, v.i, t[i].i);
	}
}

static void
check_bad(const struct param_rule *r, void *ctx, const struct bad_case *t,
    size_t n)
{
	struct param_val	 v;
	size_t			 i;

	for (i = 0; i < n; i++)
		if (valid_one(r, ctx, t[i].s, t[i].len, &v) != 0)
			fail_msg("%s: accepted bad case %zu \"%s\"", r->name, i,
			    t[i].s);
}

#define GOOD(r, ctx, t)	check_good(r, ctx, t, NELEM(t))
#define BAD(r, ctx, t)	check_bad(r, ctx, t, NELEM(t))

/* INT */

static void
test_int_nonnegative(void **state)
{
	static const struct param_rule r =
	    { "page", PARAM_INT, 0, 0, 1000, NULL, NULL, NULL };
	static const struct good_case good[] = {
		{ S("0"), 0 }, { S("1"), 1 }, { S("42"), 42 },
		{ S("999"), 999 }, { S("1000"), 1000 },
	};
	static const struct bad_case bad[] = {
		{ S("") }, { S("-1") }, { S("-0") }, { S("01") }, { S("00") },
		{ S("+1") }, { S(" 1") }, { S("1 ") }, { S("1e3") },
		{ S("0x10") }, { S("1.0") }, { S("1,000") }, { S("1001") },
		{ S("１") },		/* fullwidth digit */
		{ S("١") },		/* Arabic-Indic digit */
		{ S("1\n") }, { S("\t1") }, { S("1\0") }, { S("-") },
		{ S("abc") }, { S("9999999999") },
	};

	(void)state;
	GOOD(&r, NULL, good);
	BAD(&r, NULL, bad);
}

static void
test_int_negative_allowed(void **state)
{
	static const struct param_rule r =
	    { "delta", PARAM_INT, 0, -5, 5, NULL, NULL, NULL };
	static const struct good_case good[] = {
		{ S("-5"), -5 }, { S("-1"), -1 }, { S("0"), 0 },
		{ S("5"), 5 },
	};
	static const struct bad_case bad[] = {
		{ S("-6") }, { S("6") }, { S("--1") }, { S("-+1") },
		{ S("+5") }, { S("-01") }, { S("- 1") }, { S("-") },
		{ S("1-") }, { S("") },
	};

	(void)state;
	GOOD(&r, NULL, good);
	BAD(&r, NULL, bad);
}

static void
test_int_range_edges(void **state)
{
	static const struct param_rule r =
	    { "year", PARAM_INT, 0, 2000, 2099, NULL, NULL, NULL };
	static const struct good_case good[] = {
		{ S("2000"), 2000 }, { S("2099"), 2099 },
	};
	static const struct bad_case bad[] = {
		{ S("1999") }, { S("2100") }, { S("0") }, { S("02000") },
	};

	(void)state;
	GOOD(&r, NULL, good);
	BAD(&r, NULL, bad);
}

/* Long digit strings: 18 digits parse, 19 and more are refused (no wrap). */
static void
test_int_long(void **state)
{
	static const struct param_rule r =
	    { "id", PARAM_INT, 0, 0, 999999999999999999LL, NULL, NULL, NULL };
	static const struct param_rule neg =
	    { "n", PARAM_INT, 0, -999999999999999999LL, 0, NULL, NULL, NULL };
	static const struct good_case good[] = {
		{ S("999999999999999999"), 999999999999999999LL },
		{ S("100000000000000000"), 100000000000000000LL },
	};
	static const struct good_case ngood[] = {
		{ S("-999999999999999999"), -999999999999999999LL },
	};
	static const struct bad_case bad[] = {
		{ S("1000000000000000000") },		/* 19 digits */
		{ S("9223372036854775807") },		/* LLONG_MAX */
		{ S("9223372036854775808") },		/* LLONG_MAX + 1 */
		{ S("18446744073709551617") },		/* 2^64 + 1 */
		{ S("99999999999999999999999999999999999999") },
	};
	static const struct bad_case nbad[] = {
		{ S("-1000000000000000000") },
		{ S("-9223372036854775808") },		/* LLONG_MIN */
	};
	/* Even when the range allows it, 19 digits are refused. */
	static const struct param_rule wide = { "w", PARAM_INT, 0,
	    LLONG_MIN, LLONG_MAX, NULL, NULL, NULL };
	static const struct bad_case wbad[] = {
		{ S("1000000000000000000") },
		{ S("9223372036854775807") },
		{ S("9999999999999999999") },		/* would overflow */
		{ S("-1000000000000000000") },
		{ S("-9223372036854775808") },
		{ S("-9999999999999999999") },
	};

	(void)state;
	GOOD(&r, NULL, good);
	BAD(&r, NULL, bad);
	GOOD(&neg, NULL, ngood);
	BAD(&neg, NULL, nbad);
	GOOD(&wide, NULL, good);
	GOOD(&wide, NULL, ngood);
	BAD(&wide, NULL, wbad);
}

/* TEXT */

static void
test_text_length_in_code_points(void **state)
{
	static const struct param_rule r =
	    { "name", PARAM_TEXT, 0, 2, 4, NULL, NULL, NULL };
	static const struct good_case good[] = {
		{ S("ab"), 0 }, { S("abcd"), 0 },
		{ S("Київ"), 0 },		/* 4 code points, 8 bytes */
		{ S("ґє"), 0 }, { S("м’я"), 0 },	/* ’ is 3 bytes */
		{ S("😀😀😀😀"), 0 },		/* 16 bytes */
		{ S("a\nb"), 0 }, { S("a\tb"), 0 },
	};
	static const struct bad_case bad[] = {
		{ S("") }, { S("a") }, { S("ї") }, { S("abcde") },
		{ S("Києва") },
	};

	(void)state;
	GOOD(&r, NULL, good);
	BAD(&r, NULL, bad);
}

static void
test_text_invalid_bytes(void **state)
{
	static const struct param_rule r =
	    { "body", PARAM_TEXT, 0, 0, 1000, NULL, NULL, NULL };
	static const struct bad_case bad[] = {
		{ S("\xd0") }, { S("ab\xc0\xaf") }, { S("\xed\xa0\x80") },
		{ S("\xf4\x90\x80\x80") }, { S("\xff") },
		{ S("ab\0cd") }, { S("\0") }, { S("abc\0") },
		{ S("a\x01") }, { S("\x1b[2J") }, { S("\x7f") },
	};

	(void)state;
	BAD(&r, NULL, bad);
}

static const struct param_rule pattern_rules[] = {
	{ "ref", PARAM_TEXT, 0, 1, 64, SLUG, NULL, NULL },
	{ "alt", PARAM_TEXT, 0, 1, 10, "a|ab", NULL, NULL },
	{ "word", PARAM_TEXT, 0, 1, 20, "\\w+", NULL, NULL },
	{ "same", PARAM_TEXT, 0, 1, 64, SLUG, NULL, NULL },
};

static int
setup_patterns(void **state)
{
	(void)state;
	return valid_compile(pattern_rules, NELEM(pattern_rules));
}

static int
teardown_patterns(void **state)
{
	(void)state;
	valid_free();
	return 0;
}

/* The pattern must match the whole value, not a part of it. */
static void
test_text_pattern_anchored(void **state)
{
	static const struct good_case good[] = {
		{ S("abc"), 0 }, { S("budget-2025"), 0 }, { S("a"), 0 },
		{ S("0-0"), 0 },
	};
	static const struct bad_case bad[] = {
		{ S("abc\n") }, { S("\nabc") }, { S("ABC") }, { S("Abc") },
		{ S("abc def") }, { S(" abc") }, { S("abc ") },
		{ S("abc/def") }, { S("../etc") }, { S("abc\0") },
		{ S("абв") }, { S("abc%20") }, { S("a_b") },
		{ S("abc\r\n") },
	};

	(void)state;
	GOOD(&pattern_rules[0], NULL, good);
	BAD(&pattern_rules[0], NULL, bad);
	GOOD(&pattern_rules[3], NULL, good);	/* same source, one code */
	BAD(&pattern_rules[3], NULL, bad);
}

/* Anchoring applies to every alternative, not just the first. */
static void
test_text_pattern_alternation(void **state)
{
	static const struct good_case good[] = {
		{ S("a"), 0 }, { S("ab"), 0 },
	};
	static const struct bad_case bad[] = {
		{ S("b") }, { S("xab") }, { S("abx") }, { S("aab") },
		{ S("ba") },
	};

	(void)state;
	GOOD(&pattern_rules[1], NULL, good);
	BAD(&pattern_rules[1], NULL, bad);
}

/* Patterns run in UTF mode with Unicode properties. */
static void
test_text_pattern_unicode(void **state)
{
	static const struct good_case good[] = {
		{ S("Київ"), 0 }, { S("ґанок"), 0 }, { S("abc_1"), 0 },
	};
	static const struct bad_case bad[] = {
		{ S("м’ята") }, { S("Київ!") }, { S("два слова") },
	};

	(void)state;
	GOOD(&pattern_rules[2], NULL, good);
	BAD(&pattern_rules[2], NULL, bad);
}

/* A pattern nobody compiled refuses every value rather than passing it. */
static void
test_text_uncompiled_pattern_refused(void **state)
{
	static const struct param_rule r =
	    { "x", PARAM_TEXT, 0, 0, 64, "[0-9]+", NULL, NULL };
	struct param_val	 v;

	(void)state;
	assert_int_equal(valid_one(&r, NULL, S("123"), &v), 0);
	assert_int_equal(valid_one(&pattern_rules[0], NULL, S("abc"), &v), 1);
}

static void
test_text_uncompiled_before_any_compile(void **state)
{
	struct param_val	 v;

	(void)state;
	valid_free();		/* nothing compiled at all */
	assert_int_equal(valid_one(&pattern_rules[0], NULL, S("abc"), &v), 0);
	valid_free();		/* twice is harmless */
}

static void
test_compile_bad_pattern(void **state)
{
	static const struct param_rule bad[] = {
		{ "x", PARAM_TEXT, 0, 0, 64, "([a-z]", NULL, NULL },
	};
	static const struct param_rule none[] = {
		{ "x", PARAM_INT, 0, 0, 64, NULL, NULL, NULL },
	};

	(void)state;
	assert_int_equal(valid_compile(bad, NELEM(bad)), -1);
	assert_int_equal(valid_compile(none, NELEM(none)), 0);
	assert_int_equal(valid_compile(none, 0), 0);
	/* Compiling the same table twice is fine (shared by routes). */
	assert_int_equal(valid_compile(pattern_rules, NELEM(pattern_rules)),
	    0);
	valid_free();
}

/* ENUM */

static const char *const statuses[] = { "open", "closed", "archived", NULL };

static void
test_enum(void **state)
{
	static const struct param_rule r =
	    { "status", PARAM_ENUM, 0, 0, 0, NULL, statuses, NULL };
	static const struct good_case good[] = {
		{ S("open"), 0 }, { S("closed"), 1 }, { S("archived"), 2 },
	};
	static const struct bad_case bad[] = {
		{ S("") }, { S("Open") }, { S("OPEN") }, { S("ope") },
		{ S("opened") }, { S("open ") }, { S(" open") },
		{ S("open\0") }, { S("open\0closed") }, { S("3") },
		{ S("0") }, { S("відкрита") },
	};

	(void)state;
	GOOD(&r, NULL, good);
	BAD(&r, NULL, bad);
}

/* DATE */

static void
test_date(void **state)
{
	static const struct param_rule r =
	    { "from", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL };
	static const struct good_case good[] = {
		{ S("2024-02-29"), 20240229 },	/* leap year */
		{ S("2000-02-29"), 20000229 },	/* divisible by 400 */
		{ S("2024-01-01"), 20240101 },
		{ S("2024-12-31"), 20241231 },
		{ S("2023-04-30"), 20230430 },
		{ S("1900-01-01"), 19000101 },
		{ S("2999-12-31"), 29991231 },
	};
	static const struct bad_case bad[] = {
		{ S("2023-02-29") },		/* not a leap year */
		{ S("1900-02-29") },		/* divisible by 100 */
		{ S("2100-02-29") },
		{ S("2024-02-30") }, { S("2023-04-31") },
		{ S("2024-13-01") }, { S("2024-00-10") },
		{ S("2024-01-00") }, { S("2024-01-32") },
		{ S("2024-1-01") }, { S("2024-01-1") }, { S("24-01-01") },
		{ S("2024-01-01x") }, { S("2024-01-01 ") },
		{ S(" 2024-01-01") }, { S("2024/01/01") },
		{ S("20240101") }, { S("2024-01-01T00:00") },
		{ S("1899-12-31") }, { S("3000-01-01") },
		{ S("+024-01-01") }, { S("2024-+1-01") }, { S("2024--1-01") },
		{ S("2024-01-\0" "1") }, { S("") }, { S("----------") },
		{ S("２０２４-01-01") },
	};

	(void)state;
	GOOD(&r, NULL, good);
	BAD(&r, NULL, bad);
}

static void
test_valid_date_function(void **state)
{
	(void)state;
	assert_true(valid_date(2024, 2, 29));
	assert_false(valid_date(2023, 2, 29));
	assert_true(valid_date(2023, 12, 31));
	assert_false(valid_date(2023, 12, 32));
	assert_false(valid_date(2023, 0, 1));
	assert_false(valid_date(2023, 13, 1));
	assert_false(valid_date(2023, 1, 0));
	assert_false(valid_date(2023, 1, -1));
	assert_false(valid_date(1899, 1, 1));
	assert_false(valid_date(3000, 1, 1));
	assert_false(valid_date(-2024, 1, 1));
}

/* CUSTOM */

struct slugs {
	const char *const	*known;
	int			 calls;
};

static int
slug_check(void *ctx, const char *s, size_t len, long long *out)
{
	struct slugs	*sl = ctx;
	size_t		 i;

	sl->calls++;
	for (i = 0; sl->known[i] != NULL; i++)
		if (strlen(sl->known[i]) == len &&
		    memcmp(sl->known[i], s, len) == 0) {
			*out = 100 + (long long)i;
			return 1;
		}
	return 0;
}

static const char *const districts[] = { "podil", "obolon", "darnytsia",
    NULL };

static void
test_custom(void **state)
{
	static const struct param_rule r =
	    { "district", PARAM_CUSTOM, 0, 0, 0, NULL, NULL, slug_check };
	static const struct good_case good[] = {
		{ S("podil"), 100 }, { S("darnytsia"), 102 },
		{ "obolonX", 6, 101 },		/* only len bytes are seen */
	};
	static const struct bad_case bad[] = {
		{ S("") }, { S("Podil") }, { S("troieshchyna") },
	};
	struct slugs	 sl = { districts, 0 };

	(void)state;
	GOOD(&r, &sl, good);
	BAD(&r, &sl, bad);
	assert_int_equal(sl.calls, NELEM(good) + NELEM(bad));
}

/* Invalid text and NULs are refused before the check ever sees them. */
static void
test_custom_guarded(void **state)
{
	static const struct param_rule r =
	    { "district", PARAM_CUSTOM, 0, 0, 0, NULL, NULL, slug_check };
	static const struct param_rule nocheck =
	    { "district", PARAM_CUSTOM, 0, 0, 0, NULL, NULL, NULL };
	static const struct bad_case bad[] = {
		{ S("podil\0") }, { S("\0podil") }, { S("pod\xd0") },
		{ S("\xc0\xaf") }, { S("podil\x01") },
	};
	static const struct bad_case fine[] = { { S("podil") } };
	struct slugs	 sl = { districts, 0 };

	(void)state;
	BAD(&r, &sl, bad);
	assert_int_equal(sl.calls, 0);
	BAD(&nocheck, &sl, bad);
	BAD(&nocheck, &sl, fine);	/* no check function: refuse */
}

static void
test_unknown_type(void **state)
{
	static const struct param_rule r =
	    { "x", PARAM__MAX, 0, 0, 100, NULL, NULL, NULL };
	static const struct bad_case bad[] = { { S("1") }, { S("x") } };

	(void)state;
	BAD(&r, NULL, bad);
}

/* valid_request */

struct rq {
	struct arena	 a;
	struct request	 r;
};

static int
setup_request(void **state)
{
	static struct rq	 q;

	memset(&q, 0, sizeof(q));
	arena_init(&q.a, 0);
	q.r.arena = &q.a;
	q.r.bad_param = "stale";
	*state = &q;
	return setup_patterns(state);
}

static int
teardown_request(void **state)
{
	struct rq	*q = *state;

	arena_free(&q->a);
	return teardown_patterns(state);
}

#define KV(k, v)	{ k, v, sizeof(v) - 1 }
#define ARGS(q, t)	((q)->r.args = (struct kv *)(t), \
			    (q)->r.nargs = NELEM(t))

static const struct param_rule list_rules[] = {
	{ "page", PARAM_INT, 0, 1, 1000, NULL, NULL, NULL },
	{ "status", PARAM_ENUM, PARAM_MULTI, 0, 0, NULL, statuses, NULL },
	{ "q", PARAM_TEXT, 0, 1, 100, NULL, NULL, NULL },
};

static const struct param_rule detail_rules[] = {
	{ "ref", PARAM_TEXT, PARAM_PATH | PARAM_REQUIRED, 1, 64, SLUG, NULL,
	    NULL },
	{ "page", PARAM_INT, 0, 1, 1000, NULL, NULL, NULL },
};

static const struct param_rule post_rules[] = {
	{ "body", PARAM_TEXT, PARAM_REQUIRED, 1, 2000, NULL, NULL, NULL },
	{ "agree", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, statuses, NULL },
};

static void
test_request_all_absent(void **state)
{
	struct rq	*q = *state;
	size_t		 i;

	q->r.nargs = 0;
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), 0);
	assert_null(q->r.bad_param);
	assert_int_equal(q->r.nparams, NELEM(list_rules));
	for (i = 0; i < NELEM(list_rules); i++) {
		assert_ptr_equal(q->r.params[i].rule, &list_rules[i]);
		assert_int_equal(q->r.params[i].n, 0);
	}
}

static void
test_request_typed_values_in_table_order(void **state)
{
	static const struct kv args[] = {
		KV("q", "бюджет"), KV("utm_source", "fb"), KV("page", "3"),
		KV("status", "closed"),
	};
	struct rq	*q = *state;
	struct param	*p;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), 0);
	p = q->r.params;
	assert_int_equal(p[0].n, 1);
	assert_int_equal(p[0].v[0].i, 3);
	assert_int_equal(p[1].n, 1);
	assert_int_equal(p[1].v[0].i, 1);
	assert_int_equal(p[2].n, 1);
	assert_string_equal(p[2].v[0].s, "бюджет");
	assert_int_equal(p[2].v[0].len, strlen("бюджет"));
}

static void
test_request_required_missing(void **state)
{
	static const struct kv args[] = { KV("agree", "open") };
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, post_rules, NELEM(post_rules),
	    NULL, 0), -1);
	assert_non_null(q->r.bad_param);
	assert_string_equal(q->r.bad_param, "body");
}

static void
test_request_required_empty_is_missing(void **state)
{
	static const struct kv args[] = {
		KV("body", ""), KV("agree", "open"),
	};
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, post_rules, NELEM(post_rules),
	    NULL, 0), -1);
	assert_string_equal(q->r.bad_param, "body");
}

static void
test_request_required_second_missing(void **state)
{
	static const struct kv args[] = { KV("body", "Текст") };
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, post_rules, NELEM(post_rules),
	    NULL, 0), -1);
	assert_string_equal(q->r.bad_param, "agree");
}

static void
test_request_empty_is_absent(void **state)
{
	static const struct kv args[] = {
		KV("page", ""), KV("q", ""), KV("status", ""),
	};
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), 0);
	assert_int_equal(q->r.params[0].n, 0);
	assert_int_equal(q->r.params[1].n, 0);
	assert_int_equal(q->r.params[2].n, 0);
}

/* An empty repetition does not count against a single-valued parameter. */
static void
test_request_empty_repeat_ignored(void **state)
{
	static const struct kv args[] = { KV("page", ""), KV("page", "2") };
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), 0);
	assert_int_equal(q->r.params[0].n, 1);
	assert_int_equal(q->r.params[0].v[0].i, 2);
}

static void
test_request_repeated_single_refused(void **state)
{
	static const struct kv args[] = { KV("page", "1"), KV("page", "2") };
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), -1);
	assert_string_equal(q->r.bad_param, "page");
}

static void
test_request_invalid_value(void **state)
{
	static const struct kv args[] = {
		KV("status", "open"), KV("page", "0"),
	};
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), -1);
	assert_string_equal(q->r.bad_param, "page");
}

static void
test_request_multi_in_order(void **state)
{
	static const struct kv args[] = {
		KV("status", "archived"), KV("page", "1"), KV("status", "open"),
		KV("status", ""), KV("status", "closed"),
		KV("status", "open"),
	};
	struct rq	*q = *state;
	struct param	*p;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), 0);
	p = &q->r.params[1];
	assert_int_equal(p->n, 4);
	assert_string_equal(p->v[0].s, "archived");
	assert_int_equal(p->v[0].i, 2);
	assert_string_equal(p->v[1].s, "open");
	assert_int_equal(p->v[2].i, 1);
	assert_int_equal(p->v[3].i, 0);
}

static void
test_request_multi_one_bad(void **state)
{
	static const struct kv args[] = {
		KV("status", "open"), KV("status", "deleted"),
	};
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), -1);
	assert_string_equal(q->r.bad_param, "status");
}

static void
test_request_multi_max(void **state)
{
	struct kv	 args[PARAM_VALUES_MAX + 1];
	struct rq	*q = *state;
	size_t		 i;

	for (i = 0; i < PARAM_VALUES_MAX + 1; i++) {
		args[i].key = "status";
		args[i].val = "open";
		args[i].vlen = 4;
	}
	q->r.args = args;
	q->r.nargs = PARAM_VALUES_MAX;
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), 0);
	assert_int_equal(q->r.params[1].n, PARAM_VALUES_MAX);
	q->r.nargs = PARAM_VALUES_MAX + 1;
	assert_int_equal(valid_request(&q->r, list_rules, NELEM(list_rules),
	    NULL, 0), -1);
	assert_string_equal(q->r.bad_param, "status");
}

static void
test_request_path_var(void **state)
{
	static const struct kv path[] = { KV("ref", "budget-2025") };
	struct rq	*q = *state;

	q->r.nargs = 0;
	assert_int_equal(valid_request(&q->r, detail_rules,
	    NELEM(detail_rules), path, NELEM(path)), 0);
	assert_int_equal(q->r.params[0].n, 1);
	assert_string_equal(q->r.params[0].v[0].s, "budget-2025");
}

/* A query argument named like a path variable never stands in for it. */
static void
test_request_path_not_from_query(void **state)
{
	static const struct kv args[] = { KV("ref", "budget-2025") };
	static const struct kv path[] = { KV("ref", "real-one") };
	static const struct kv other[] = { KV("id", "budget-2025") };
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, detail_rules,
	    NELEM(detail_rules), NULL, 0), -1);
	assert_string_equal(q->r.bad_param, "ref");
	assert_int_equal(valid_request(&q->r, detail_rules,
	    NELEM(detail_rules), other, NELEM(other)), -1);
	assert_string_equal(q->r.bad_param, "ref");
	/* Both present: the path wins, the query one is ignored. */
	assert_int_equal(valid_request(&q->r, detail_rules,
	    NELEM(detail_rules), path, NELEM(path)), 0);
	assert_int_equal(q->r.params[0].n, 1);
	assert_string_equal(q->r.params[0].v[0].s, "real-one");
}

static void
test_request_path_var_invalid(void **state)
{
	static const struct kv path[] = { KV("ref", "Budget 2025") };
	struct rq	*q = *state;

	q->r.nargs = 0;
	assert_int_equal(valid_request(&q->r, detail_rules,
	    NELEM(detail_rules), path, NELEM(path)), -1);
	assert_string_equal(q->r.bad_param, "ref");
}

static void
test_request_no_rules(void **state)
{
	static const struct kv args[] = { KV("anything", "1") };
	struct rq	*q = *state;

	ARGS(q, args);
	assert_int_equal(valid_request(&q->r, NULL, 0, NULL, 0), 0);
	assert_int_equal(q->r.nparams, 0);
	assert_null(q->r.bad_param);
}

/* A custom validator gets the request's ctx. */
static void
test_request_custom_ctx(void **state)
{
	static const struct param_rule rules[] = {
		{ "district", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL,
		    slug_check },
	};
	static const struct kv args[] = {
		KV("district", "obolon"), KV("district", "podil"),
	};
	struct slugs	 sl = { districts, 0 };
	struct rq	*q = *state;

	ARGS(q, args);
	q->r.ctx = &sl;
	assert_int_equal(valid_request(&q->r, rules, NELEM(rules), NULL, 0),
	    0);
	q->r.ctx = NULL;
	assert_int_equal(sl.calls, 2);
	assert_int_equal(q->r.params[0].n, 2);
	assert_int_equal(q->r.params[0].v[0].i, 101);
	assert_int_equal(q->r.params[0].v[1].i, 100);
}

#define T(f)	cmocka_unit_test(f)
#define TP(f)	cmocka_unit_test_setup_teardown(f, setup_patterns, \
		    teardown_patterns)
#define TR(f)	cmocka_unit_test_setup_teardown(f, setup_request, \
		    teardown_request)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_int_nonnegative),
		T(test_int_negative_allowed),
		T(test_int_range_edges),
		T(test_int_long),
		T(test_text_length_in_code_points),
		T(test_text_invalid_bytes),
		TP(test_text_pattern_anchored),
		TP(test_text_pattern_alternation),
		TP(test_text_pattern_unicode),
		TP(test_text_uncompiled_pattern_refused),
		T(test_text_uncompiled_before_any_compile),
		T(test_compile_bad_pattern),
		T(test_enum),
		T(test_date),
		T(test_valid_date_function),
		T(test_custom),
		T(test_custom_guarded),
		T(test_unknown_type),
		TR(test_request_all_absent),
		TR(test_request_typed_values_in_table_order),
		TR(test_request_required_missing),
		TR(test_request_required_empty_is_missing),
		TR(test_request_required_second_missing),
		TR(test_request_empty_is_absent),
		TR(test_request_empty_repeat_ignored),
		TR(test_request_repeated_single_refused),
		TR(test_request_invalid_value),
		TR(test_request_multi_in_order),
		TR(test_request_multi_one_bad),
		TR(test_request_multi_max),
		TR(test_request_path_var),
		TR(test_request_path_not_from_query),
		TR(test_request_path_var_invalid),
		TR(test_request_no_rules),
		TR(test_request_custom_ctx),
	};

	return cmocka_run_group_tests_name("valid", tests, NULL, NULL);
}
