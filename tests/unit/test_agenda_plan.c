/*
 * agenda_plan.h: the plan's filters as the page and the API apply them:
 * OR within a parameter, AND across, the per-quarter counts, a topic of
 * no real quarter left out, and one of a status the filter does not offer
 * left out only when the status is filtered (the database's public list
 * never has one).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "agenda_plan.h"

#define NELEM(t) (sizeof(t) / sizeof((t)[0]))

/* Ids equal positions: units 1-2, themes 1-3, districts 1-2. */
static int	 idx[TAX__MAX][4] = {
	{ -1, 0, 1, 2 }, { -1, 0, 1, -1 }, { -1, -1, -1, -1 },
	{ -1, -1, -1, -1 }, { -1, 0, 1, -1 }
};

static void
tax_init(struct taxonomy *t)
{
	size_t	 k;

	memset(t, 0, sizeof(*t));
	for (k = 0; k < TAX__MAX; k++) {
		t->maxid[k] = 3;
		t->index[k] = idx[k];
	}
}

/* Topics: id, quarter, status, unit id. */
static struct agenda_item items[] = {
	{ .id = 10, .quarter = 1, .status = "planned", .unit_id = 1 },
	{ .id = 11, .quarter = 1, .status = "scheduled", .unit_id = 2 },
	{ .id = 12, .quarter = 2, .status = "held", .unit_id = 1 },
	{ .id = 13, .quarter = 3, .status = "declined", .unit_id = 2 },
	{ .id = 14, .quarter = 4, .status = "planned", .unit_id = 2 },
	{ .id = 15, .quarter = 2, .status = "proposed", .unit_id = 1 },
	{ .id = 16, .quarter = 5, .status = "planned", .unit_id = 1 },
};
/* Themes: 10 theme 1; 12 themes 1 and 2; 14 theme 3. */
static const struct agenda_link themes[] = {
	{ 10, 1, "ecology", "" }, { 12, 1, "ecology", "" },
	{ 12, 2, "transport", "" }, { 14, 3, "education", "" },
};
/* Districts: 10 district 1; 13 district 2. */
static const struct agenda_link districts[] = {
	{ 10, 1, "podilskyi", "" }, { 13, 2, "obolonskyi", "" },
};

/* Runs the filter with one or two parameters set; the ids left. */
static size_t
run(enum aparam k1, const long long *v1, size_t n1, enum aparam k2,
    const long long *v2, size_t n2, uint32_t *out, size_t inq[4])
{
	struct agenda_item	 it[NELEM(items)];
	struct param		 p[AP__MAX];
	struct param_val	 pv1[4], pv2[4];
	struct taxonomy		 t;
	size_t			 i, n = 0, shown;

	tax_init(&t);
	memcpy(it, items, sizeof(it));
	memset(p, 0, sizeof(p));
	for (i = 0; i < n1; i++)
		pv1[i].i = v1[i];
	for (i = 0; i < n2; i++)
		pv2[i].i = v2[i];
	if (n1 > 0) {
		p[k1].n = n1;
		p[k1].v = pv1;
	}
	if (n2 > 0) {
		p[k2].n = n2;
		p[k2].v = pv2;
	}
	shown = agenda_filter(p, &t, it, NELEM(it), themes, NELEM(themes),
	    districts, NELEM(districts), inq);
	for (i = 0; i < NELEM(it); i++)
		if (it[i].id != 0)
			out[n++] = it[i].id;
	assert_int_equal(n, shown);
	return n;
}

static void
test_filters(void **state)
{
	static const long long q2_3[] = { 1, 2 }, unit2[] = { 1 },
	    theme1[] = { 0 }, theme2_3[] = { 1, 2 }, d2[] = { 1 },
	    planned[] = { 0 }, held_declined[] = { 2, 3 };
	uint32_t	 ids[8];
	size_t		 inq[4];

	(void)state;
	/* No filter: every topic of a real quarter. */
	assert_int_equal(run(AP_YEAR, NULL, 0, AP_YEAR, NULL, 0, ids, inq), 6);
	assert_int_equal(inq[0], 2);
	assert_int_equal(inq[1], 2);
	assert_int_equal(inq[2], 1);
	assert_int_equal(inq[3], 1);
	assert_int_equal(run(AP_QUARTER, q2_3, 2, AP_YEAR, NULL, 0, ids, inq),
	    3);
	assert_int_equal(ids[0], 12);
	assert_int_equal(ids[1], 13);
	assert_int_equal(ids[2], 15);
	assert_int_equal(inq[0], 0);
	assert_int_equal(run(AP_UNIT, unit2, 1, AP_YEAR, NULL, 0, ids, inq), 3);
	assert_int_equal(run(AP_THEME, theme1, 1, AP_YEAR, NULL, 0, ids, inq),
	    2);
	assert_int_equal(run(AP_THEME, theme2_3, 2, AP_YEAR, NULL, 0, ids,
	    inq), 2);
	assert_int_equal(ids[0], 12);
	assert_int_equal(ids[1], 14);
	assert_int_equal(run(AP_DISTRICT, d2, 1, AP_YEAR, NULL, 0, ids, inq),
	    1);
	assert_int_equal(ids[0], 13);
	assert_int_equal(run(AP_STATUS, planned, 1, AP_YEAR, NULL, 0, ids,
	    inq), 2);
	assert_int_equal(run(AP_STATUS, held_declined, 2, AP_UNIT, unit2, 1,
	    ids, inq), 1);
	assert_int_equal(ids[0], 13);
	assert_int_equal(run(AP_THEME, theme1, 1, AP_UNIT, unit2, 1, ids,
	    inq), 0);
}

static void
test_wants(void **state)
{
	struct param		 p;
	struct param_val	 v[2] = { { NULL, 0, 3 }, { NULL, 0, 5 } };

	(void)state;
	memset(&p, 0, sizeof(p));
	assert_true(agenda_param_wants(&p, 42));
	p.n = 2;
	p.v = v;
	assert_true(agenda_param_wants(&p, 5));
	assert_false(agenda_param_wants(&p, 4));
	assert_false(agenda_param_wants(&p, -1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_wants),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
