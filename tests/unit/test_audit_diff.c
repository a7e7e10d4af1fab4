/*
 * audit_diff(): the changed fields of an audit row's before and after.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "audit_diff.h"

static struct arena	 a;

static void
changed_fields_only(void **state)
{
	struct audit_change	*c;
	int			 n;

	(void)state;
	n = audit_diff(&a, "{\"name\":\"Олена\",\"role\":\"editor\","
	    "\"unit\":\"kmda-osvita\"}", "{\"name\":\"Олена\","
	    "\"role\":\"moderator\",\"unit\":null}", &c);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].field, "role");
	assert_string_equal(c[0].before, "editor");
	assert_string_equal(c[0].after, "moderator");
	assert_string_equal(c[1].field, "unit");
	assert_string_equal(c[1].before, "kmda-osvita");
	assert_string_equal(c[1].after, "—");
}

static void
one_side(void **state)
{
	struct audit_change	*c;
	int			 n;

	(void)state;
	/* A creation: every field of after, before shown as a dash. */
	n = audit_diff(&a, NULL, "{\"login\":\"x\",\"disabled\":false,"
	    "\"n\":3}", &c);
	assert_int_equal(n, 3);
	assert_string_equal(c[0].before, "—");
	assert_string_equal(c[1].after, "ні");
	assert_string_equal(c[2].after, "3");
	/* A field only before (removed). */
	n = audit_diff(&a, "{\"reason\":\"abuse\",\"status\":\"x\"}",
	    "{\"status\":\"x\"}", &c);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].field, "reason");
	assert_string_equal(c[0].after, "—");
	/* Null on both sides is no change. */
	assert_int_equal(audit_diff(&a, "{\"r\":null}", "{}", &c), 0);
	assert_int_equal(audit_diff(&a, "", "", &c), 0);
	assert_int_equal(audit_diff(&a, "{\"a\":true}", "{\"a\":true}", &c),
	    0);
}

static void
not_objects(void **state)
{
	struct audit_change	*c;
	int			 n;

	(void)state;
	/* Bad JSON is shown as text, never dropped or crashed on. */
	n = audit_diff(&a, "{not json", "\"text\"", &c);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].field, "значення");
	assert_string_equal(c[0].before, "{not json");
	assert_string_equal(c[0].after, "text");
	/* Markup stays text (the template escapes it). */
	n = audit_diff(&a, NULL, "{\"<b>\":\"<script>\"}", &c);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].field, "<b>");
	assert_string_equal(c[0].after, "<script>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(changed_fields_only),
		cmocka_unit_test(one_side),
		cmocka_unit_test(not_objects),
	};
	int	 rc;

	arena_init(&a, 0);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	arena_free(&a);
	return rc;
}
