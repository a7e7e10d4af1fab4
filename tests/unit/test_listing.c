/*
 * listing.h: the in-memory filter and facet engine, checked against a brute
 * force count over the same rows, and lifecycle.h's status rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "lifecycle.h"
#include "listing.h"
#include "model.h"
#include "search.h"

#define NROWS	300
#define DAY	86400
#define NOW	((time_t)1800000000)

static struct taxonomy	 tax;
static struct listing	 lst;

static void
tax_fill(void)
{
	static const size_t	 n[TAX__MAX] = { 5, 4, 3, 3, 6 };
	static char		 slug[] = "x";
	size_t			 k, i;

	memset(&tax, 0, sizeof(tax));
	for (k = 0; k < TAX__MAX; k++) {
		tax.items[k] = calloc(n[k], sizeof(struct taxon));
		tax.n[k] = n[k];
		for (i = 0; i < n[k]; i++) {
			tax.items[k][i].id = (int)i + 1;
			tax.items[k][i].slug = slug;
			tax.items[k][i].name_uk = slug;
		}
	}
}

/* Deterministic rows spread over every value, status and date. */
static int
setup(void **state)
{
	struct listing_row	*r;
	uint32_t		 id;
	unsigned		 h;

	(void)state;
	tax_fill();
	listing_init(&lst);
	assert_int_equal(listing_begin(&lst, &tax, NROWS), 0);
	for (id = 1; id <= NROWS; id++) {
		h = id * 2654435761u;
		r = listing_add(&lst, id * 3, "s", "t", "");
		assert_non_null(r);
		r->stored = (uint8_t)(h % 7 == 0 ? CS_COMPLETED :
		    h % 11 == 0 ? CS_CANCELLED : CS_ANNOUNCED);
		r->opens = NOW + ((time_t)(h % 200) - 100) * DAY;
		r->closes = r->opens + (time_t)(15 + h % 30) * DAY;
		r->closed_at = h % 13 == 0 ? r->opens + DAY : 0;
		r->comments = h % 97;
		r->unit = (int16_t)(h % 6);
		r->format = (int16_t)(h / 7 % 3);
		assert_int_equal(listing_link(&lst, id * 3, TAX_THEME,
		    (int)(h % 5)), 0);
		if (h % 3 == 0)
			assert_int_equal(listing_link(&lst, id * 3, TAX_THEME,
			    (int)((h / 5) % 5)), 0);
		assert_int_equal(listing_link(&lst, id * 3, TAX_DISTRICT,
		    (int)(h / 11 % 4)), 0);
		assert_int_equal(listing_link(&lst, id * 3, TAX_GROUP,
		    (int)(h / 13 % 3)), 0);
	}
	assert_int_equal(listing_finish(&lst), 0);
	return 0;
}

static int
teardown(void **state)
{
	size_t	 k;

	(void)state;
	listing_free(&lst);
	for (k = 0; k < TAX__MAX; k++)
		free(tax.items[k]);
	return 0;
}

static int
has_value(const struct listing_row *r, size_t f, int v, time_t now)
{
	static const int	 slot[] = { 0, 1, -1, 2, -1 };
	size_t			 i;

	if (f == FACET_STATUS)
		return (int)listing_row_status(r, now) == v;
	if (f == FACET_UNIT)
		return r->unit == v;
	if (f == FACET_FORMAT)
		return r->format == v;
	for (i = 0; i < r->nlinks[slot[f]]; i++)
		if (r->links[slot[f]][i] == v)
			return 1;
	return 0;
}

/* Brute force: does a row pass every facet (but skip) of the query? */
static int
passes(const struct listing_row *r, const struct listing_query *q,
    size_t skip)
{
	time_t	 end = lifecycle_end(r->closes, r->closed_at);
	size_t	 f, i;
	int	 any;

	if (q->by_end ? (q->from != 0 && end < q->from) ||
	    (q->to != 0 && end >= q->to) :
	    (q->from != 0 && end <= q->from) || (q->to != 0 && r->opens >= q->to))
		return 0;
	for (f = 0; f < FACET__MAX; f++) {
		if (f == skip || q->nsel[f] == 0)
			continue;
		for (any = 0, i = 0; i < q->nsel[f]; i++)
			any |= has_value(r, f, q->sel[f][i], q->now);
		if (!any)
			return 0;
	}
	return 1;
}

static void
check_query(const struct listing_query *q)
{
	struct arena		 a;
	struct listing_result	 res;
	size_t			 i, f, v, nv, total = 0, count;

	arena_init(&a, 0);
	assert_int_equal(listing_search(&lst, q, &a, &res), 0);
	for (i = 0; i < lst.n; i++)
		total += passes(&lst.rows[i], q, FACET__MAX);
	assert_int_equal(res.total, total);
	for (i = 0; i < res.n; i++)
		assert_true(passes(res.rows[i], q, FACET__MAX));
	for (f = 0; f < FACET__MAX; f++) {
		nv = f == FACET_STATUS ? CS__MAX : tax.n[f];
		for (v = 0; v < nv; v++) {
			for (count = 0, i = 0; i < lst.n; i++)
				count += passes(&lst.rows[i], q, f) &&
				    has_value(&lst.rows[i], f, (int)v, q->now);
			assert_int_equal(res.count[f][v], count);
		}
	}
	arena_free(&a);
}

static void
test_no_filter(void **state)
{
	struct listing_query	 q;

	(void)state;
	memset(&q, 0, sizeof(q));
	q.now = NOW;
	q.limit = 20;
	check_query(&q);
}

static void
test_each_value_alone(void **state)
{
	struct listing_query	 q;
	size_t			 f, v, nv;

	(void)state;
	for (f = 0; f < FACET__MAX; f++) {
		nv = f == FACET_STATUS ? CS__MAX : tax.n[f];
		for (v = 0; v < nv; v++) {
			memset(&q, 0, sizeof(q));
			q.now = NOW;
			q.limit = 20;
			q.sel[f][0] = (int)v;
			q.nsel[f] = 1;
			check_query(&q);
		}
	}
}

static void
test_combinations(void **state)
{
	struct listing_query	 q;

	(void)state;
	memset(&q, 0, sizeof(q));
	q.now = NOW;
	q.limit = 20;
	q.sel[FACET_THEME][0] = 1;
	q.sel[FACET_THEME][1] = 3;
	q.nsel[FACET_THEME] = 2;
	q.sel[FACET_DISTRICT][0] = 2;
	q.nsel[FACET_DISTRICT] = 1;
	q.sel[FACET_STATUS][0] = CS_OPEN;
	q.sel[FACET_STATUS][1] = CS_CLOSED;
	q.nsel[FACET_STATUS] = 2;
	check_query(&q);
	q.from = NOW - 10 * DAY;
	q.to = NOW + 10 * DAY;
	check_query(&q);
}

/* by=end: from/to select by when accepting ended, [from, to). */
static void
test_by_end(void **state)
{
	struct listing_query	 q;
	struct arena		 a;
	struct listing_result	 res;
	const struct listing_row *r = &lst.rows[0];
	time_t			 end = lifecycle_end(r->closes, r->closed_at);

	(void)state;
	memset(&q, 0, sizeof(q));
	q.now = NOW;
	q.limit = 20;
	q.by_end = 1;
	q.from = NOW - 30 * DAY;
	q.to = NOW - 5 * DAY;
	check_query(&q);
	q.sel[FACET_STATUS][0] = CS_CLOSED;
	q.sel[FACET_STATUS][1] = CS_COMPLETED;
	q.nsel[FACET_STATUS] = 2;
	check_query(&q);
	/* The edges: ending at from is in, ending at to is out. */
	memset(&q, 0, sizeof(q));
	q.now = NOW;
	q.limit = lst.n;
	q.by_end = 1;
	q.from = end;
	q.to = end + 1;
	arena_init(&a, 0);
	assert_int_equal(listing_search(&lst, &q, &a, &res), 0);
	assert_true(res.total >= 1);
	q.to = end;
	q.from = end - DAY;
	assert_int_equal(listing_search(&lst, &q, &a, &res), 0);
	for (size_t i = 0; i < res.n; i++)
		assert_true(res.rows[i]->id != r->id);
	arena_free(&a);
}

static void
test_sort_and_pages(void **state)
{
	struct arena		 a;
	struct listing_query	 q;
	struct listing_result	 res;
	size_t			 i, seen = 0;
	const struct listing_row *prev = NULL;

	(void)state;
	arena_init(&a, 0);
	memset(&q, 0, sizeof(q));
	q.now = NOW;
	q.sort = SORT_POPULAR;
	q.limit = 7;
	for (q.offset = 0; ; q.offset += q.limit) {
		assert_int_equal(listing_search(&lst, &q, &a, &res), 0);
		for (i = 0; i < res.n; i++, seen++) {
			if (prev != NULL)
				assert_true(prev->comments >
				    res.rows[i]->comments ||
				    (prev->comments == res.rows[i]->comments &&
				    prev->id > res.rows[i]->id));
			prev = res.rows[i];
		}
		if (res.n < q.limit)
			break;
	}
	assert_int_equal(seen, lst.n);
	/* Closing: still accepting first, soonest end first. */
	q.sort = SORT_CLOSING;
	q.offset = 0;
	q.limit = lst.n;
	assert_int_equal(listing_search(&lst, &q, &a, &res), 0);
	for (i = 1; i < res.n; i++) {
		time_t e0 = lifecycle_end(res.rows[i - 1]->closes,
		    res.rows[i - 1]->closed_at);
		time_t e1 = lifecycle_end(res.rows[i]->closes,
		    res.rows[i]->closed_at);
		if (e0 >= NOW && e1 >= NOW)
			assert_true(e0 <= e1);
		else if (e0 < NOW && e1 < NOW)
			assert_true(e0 >= e1);
		else
			assert_true(e0 >= NOW && e1 < NOW);
	}
	arena_free(&a);
}

static void
test_text_bits(void **state)
{
	struct arena		 a;
	struct listing_query	 q;
	struct listing_result	 res;
	static const uint32_t	 ids[] = { 3, 6, 7, 900, 901 };

	(void)state;
	arena_init(&a, 0);
	memset(&q, 0, sizeof(q));
	q.now = NOW;
	q.limit = 20;
	q.text = listing_bits_from_ids(&lst, &a, ids, 5);
	assert_non_null(q.text);
	assert_int_equal(listing_search(&lst, &q, &a, &res), 0);
	/* 7 and 901 are not ids of rows (ids are multiples of 3). */
	assert_int_equal(res.total, 3);
	assert_non_null(listing_row_find(&lst, 900));
	assert_null(listing_row_find(&lst, 901));
	arena_free(&a);
}

static void
test_add_refuses_unsorted(void **state)
{
	struct listing	 l;

	(void)state;
	listing_init(&l);
	assert_int_equal(listing_begin(&l, &tax, 2), 0);
	assert_non_null(listing_add(&l, 10, "a", "b", "c"));
	assert_null(listing_add(&l, 10, "a", "b", "c"));
	assert_int_equal(listing_link(&l, 11, TAX_THEME, 0), -1);
	assert_int_equal(listing_link(&l, 10, TAX_UNIT, 0), -1);
	listing_free(&l);
}

/*
 * The statuses kept between searches follow the clock: searched at times
 * going forward across many rows' opening and closing instants (and back),
 * the status counts are those of lifecycle_status() at each time.
 */
static void
test_status_follows_clock(void **state)
{
	struct listing_query	 q;
	struct listing_result	 res;
	struct arena		 a;
	unsigned		 want[CS__MAX];
	time_t			 t;
	size_t			 i, st, step;

	(void)state;
	arena_init(&a, 0);
	for (step = 0; step < 3; step++)
		for (t = NOW - 120 * DAY; t <= NOW + 160 * DAY;
		    t += step == 0 ? DAY / 2 : step == 1 ? 1 : 7 * DAY) {
			if (step == 1 && t > NOW - 120 * DAY + 5)
				t = NOW + 160 * DAY + 1;
			memset(&q, 0, sizeof(q));
			q.now = step == 2 ? 2 * NOW - t : t;	/* backwards */
			q.limit = 5;
			memset(want, 0, sizeof(want));
			for (i = 0; i < lst.n; i++)
				want[listing_row_status(&lst.rows[i], q.now)]++;
			assert_int_equal(listing_search(&lst, &q, &a, &res), 0);
			for (st = 1; st < CS__MAX; st++)
				assert_int_equal(res.count[FACET_STATUS][st],
				    want[st]);
			arena_reset(&a);
		}
	arena_free(&a);
}

/*
 * The rows array grows past its first guess (a streamed result has no
 * count) and the packed card texts survive it: many rows, texts across
 * chunk boundaries and one text larger than a chunk.
 */
static void
test_add_grows(void **state)
{
	struct listing	 l;
	char		 slug[32], *big;
	size_t		 i, n = 3000, blen = 200 * 1024;

	(void)state;
	assert_non_null(big = malloc(blen + 1));
	memset(big, 'x', blen);
	big[blen] = '\0';
	listing_init(&l);
	assert_int_equal(listing_begin(&l, &tax, 2), 0);
	for (i = 0; i < n; i++) {
		snprintf(slug, sizeof(slug), "slug-%zu", i);
		assert_non_null(listing_add(&l, (uint32_t)i + 1, slug,
		    i == n / 2 ? big : "Заголовок консультації",
		    "Короткий опис, що повторюється у кожному рядку картки."));
	}
	assert_int_equal(listing_finish(&l), 0);
	assert_int_equal(l.n, n);
	for (i = 0; i < n; i++) {
		snprintf(slug, sizeof(slug), "slug-%zu", i);
		assert_int_equal(l.rows[i].id, i + 1);
		assert_string_equal(l.rows[i].slug, slug);
		assert_string_equal(l.rows[i].title, i == n / 2 ? big :
		    "Заголовок консультації");
	}
	assert_ptr_equal(listing_row_find(&l, 2999), &l.rows[2998]);
	listing_free(&l);
	assert_int_equal(l.n, 0);
	assert_null(l.rows);
	free(big);
}

static void
test_lifecycle(void **state)
{
	(void)state;
	assert_int_equal(lifecycle_status(CS_ANNOUNCED, NOW + 1, NOW + 10, 0,
	    NOW), CS_ANNOUNCED);
	assert_int_equal(lifecycle_status(CS_ANNOUNCED, NOW, NOW + 10, 0,
	    NOW), CS_OPEN);
	assert_int_equal(lifecycle_status(CS_ANNOUNCED, NOW - 10, NOW, 0,
	    NOW), CS_CLOSED);
	assert_int_equal(lifecycle_status(CS_ANNOUNCED, NOW - 10, NOW + 10,
	    NOW - 1, NOW), CS_CLOSED);
	assert_int_equal(lifecycle_status(CS_COMPLETED, NOW - 10, NOW + 10, 0,
	    NOW), CS_COMPLETED);
	assert_int_equal(lifecycle_status(CS_CANCELLED, NOW + 10, NOW + 20, 0,
	    NOW), CS_CANCELLED);
	assert_int_equal(lifecycle_report_late_days(NOW - 14 * DAY, NOW), 0);
	assert_int_equal(lifecycle_report_late_days(NOW - 14 * DAY - 1, NOW),
	    1);
	assert_int_equal(lifecycle_report_late_days(NOW - 20 * DAY, NOW), 6);
	assert_string_equal(plural_uk(1, "a", "b", "c"), "a");
	assert_string_equal(plural_uk(21, "a", "b", "c"), "a");
	assert_string_equal(plural_uk(11, "a", "b", "c"), "c");
	assert_string_equal(plural_uk(3, "a", "b", "c"), "b");
	assert_string_equal(plural_uk(13, "a", "b", "c"), "c");
	assert_string_equal(plural_uk(104, "a", "b", "c"), "b");
	assert_string_equal(plural_uk(0, "a", "b", "c"), "c");
}

static void
test_format(void **state)
{
	char	 buf[64];

	(void)state;
	assert_string_equal(fmt_count(buf, sizeof(buf), 7), "7");
	assert_string_equal(fmt_count(buf, sizeof(buf), 1234),
	    "1\xe2\x80\xaf" "234");
	assert_string_equal(fmt_count(buf, sizeof(buf), 1234567),
	    "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567");
	/* A small buffer is cut, never overrun, always terminated. */
	fmt_count(buf, 4, 1234567);
	assert_true(strlen(buf) < 4);
	setenv("TZ", "Europe/Kyiv", 1);
	assert_string_equal(fmt_date_uk(buf, sizeof(buf), 1765497600),
	    "12 грудня 2025");
	assert_string_equal(fmt_iso(buf, sizeof(buf), 1765497600),
	    "2025-12-12T02:00:00+02:00");
}

static void
test_search_query(void **state)
{
	static const struct { const char *in, *out; } t[] = {
		{ "парк", "+парк*" },
		{ "Парк  Наталка", "+Парк* +Наталка*" },
		{ "+парк -сквер \"лапки\" (дужки) ~x* @8", "+парк* +сквер* +лапки* +дужки*" },
		{ "Солом’янський", "+Солом* +янський*" },
		{ "a б 1", "" },
		{ "", "" },
		{ "!!! ??? ***", "" },
		{ "1 2 3 4 5 6 7 8 9 10 11 12", "+10* +11* +12*" },
		{ "а1 б2 в3 г4 д5 е6 є7 ж8 з9", "+а1* +б2* +в3* +г4* +д5* +е6* +є7* +ж8*" },
	};
	struct arena	 a;
	char		*q;
	size_t		 i;

	(void)state;
	arena_init(&a, 0);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		q = search_query(&a, t[i].in, strlen(t[i].in));
		assert_non_null(q);
		assert_string_equal(q, t[i].out);
	}
	/* Invalid UTF-8 searches for nothing rather than failing. */
	q = search_query(&a, "\xc3\x28", 2);
	assert_string_equal(q, "");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_filter),
		cmocka_unit_test(test_each_value_alone),
		cmocka_unit_test(test_combinations),
		cmocka_unit_test(test_by_end),
		cmocka_unit_test(test_sort_and_pages),
		cmocka_unit_test(test_text_bits),
		cmocka_unit_test(test_add_refuses_unsorted),
		cmocka_unit_test(test_add_grows),
		cmocka_unit_test(test_status_follows_clock),
		cmocka_unit_test(test_lifecycle),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_search_query),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
