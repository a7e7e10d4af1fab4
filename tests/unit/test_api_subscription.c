/*
 * api_subscription.h: the API's JSON subscription body, decoded and
 * checked by the /subscribe form's rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_subscription.h"
#include "arena.h"
#include "comment_form.h"
#include "valid.h"

#define NELEM(t) (sizeof(t) / sizeof((t)[0]))

static void
test_ok(void **state)
{
	static const char body[] = "{\"email\":\"Olena@Example.com\","
	    "\"frequency\":\"weekly\",\"consent\":true,\"filters\":{"
	    "\"theme\":[\"ecology\",\"transport\",\"ecology\"],"
	    "\"unit\":[\"ecodep\"],\"district\":[]}}";
	struct arena		 a;
	struct api_subscription	 s;
	const char		*field, *msg;

	(void)state;
	arena_init(&a, 0);
	assert_int_equal(api_subscription_decode(&a, body, strlen(body), &s,
	    &field, &msg), 0);
	assert_string_equal(s.email, "Olena@Example.com");
	assert_string_equal(s.frequency, "weekly");
	assert_int_equal(s.nslugs[TAX_THEME], 2);
	assert_string_equal(s.slugs[TAX_THEME][0], "ecology");
	assert_string_equal(s.slugs[TAX_THEME][1], "transport");
	assert_int_equal(s.nslugs[TAX_UNIT], 1);
	assert_int_equal(s.nslugs[TAX_DISTRICT], 0);
	assert_int_equal(s.nslugs[TAX_FORMAT], 0);
	arena_free(&a);
}

static void
test_refusals(void **state)
{
#define OK	"\"email\":\"o@ex.com\",\"frequency\":\"immediate\"," \
		"\"consent\":true"
	static const struct {
		const char	*body;
		int		 status;
		const char	*field;
	} t[] = {
		{ "", 400, NULL },
		{ "{", 400, NULL },
		{ "[]", 400, NULL },
		{ "{\"email\":1}", 400, "email" },
		{ "{\"frequency\":[]}", 400, "frequency" },
		{ "{\"consent\":\"yes\"}", 400, "consent" },
		{ "{" OK ",\"filters\":[]}", 400, "filters" },
		{ "{" OK ",\"filters\":{\"theme\":\"a\"}}", 400, "filters.theme" },
		{ "{" OK ",\"filters\":{\"unit\":[null]}}", 400, "filters.unit" },
		{ "{\"a\":1,\"a\":2}", 400, NULL },
		{ "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
		    400, NULL },
		{ "{}", 422, "email" },
		{ "{\"email\":\"x\",\"frequency\":\"weekly\",\"consent\":true}",
		    422, "email" },
		{ "{\"email\":\"o@ex.com\",\"consent\":true}", 422, "frequency" },
		{ "{\"email\":\"o@ex.com\",\"frequency\":\"daily\","
		    "\"consent\":true}", 422, "frequency" },
		{ "{\"email\":\"o@ex.com\",\"frequency\":\"weekly\"}", 422,
		    "consent" },
		{ "{\"email\":\"o@ex.com\",\"frequency\":\"weekly\","
		    "\"consent\":false}", 422, "consent" },
		{ "{" OK ",\"website\":\"x\"}", 422, "website" },
		{ "{" OK ",\"filters\":{\"status\":[]}}", 422, "filters" },
		{ "{" OK ",\"filters\":{\"theme\":[\"Ecology\"]}}", 422,
		    "filters.theme" },
		{ "{" OK ",\"filters\":{\"theme\":[\"\"]}}", 422,
		    "filters.theme" },
		{ "{" OK ",\"filters\":{\"group\":[\"a b\"]}}", 422,
		    "filters.group" },
	};
	struct arena		 a;
	struct api_subscription	 s;
	const char		*field, *msg;
	size_t			 i;
	int			 rc;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		arena_init(&a, 0);
		rc = api_subscription_decode(&a, t[i].body, strlen(t[i].body),
		    &s, &field, &msg);
		if (rc != t[i].status)
			fail_msg("%s: %d, not %d", t[i].body, rc, t[i].status);
		assert_non_null(msg);
		if (t[i].field == NULL ? field != NULL : field == NULL ||
		    strcmp(field, t[i].field) != 0)
			fail_msg("%s: field %s, not %s", t[i].body,
			    field != NULL ? field : "NULL",
			    t[i].field != NULL ? t[i].field : "NULL");
		arena_free(&a);
	}
#undef OK
}

/* 32 distinct values of a filter pass, 33 do not; repeats count once. */
static void
test_values_max(void **state)
{
	struct arena		 a;
	struct api_subscription	 s;
	const char		*field, *msg;
	char			 body[4096];
	size_t			 n, i, o;

	(void)state;
	for (n = 32; n <= 33; n++) {
		o = (size_t)snprintf(body, sizeof(body), "{\"email\":"
		    "\"o@ex.com\",\"frequency\":\"weekly\",\"consent\":true,"
		    "\"filters\":{\"theme\":[\"t0\"");
		for (i = 0; i < n; i++)
			o += (size_t)snprintf(body + o, sizeof(body) - o,
			    ",\"t%zu\"", i);
		snprintf(body + o, sizeof(body) - o, "]}}");
		arena_init(&a, 0);
		assert_int_equal(api_subscription_decode(&a, body, strlen(body),
		    &s, &field, &msg), n == 32 ? 0 : 422);
		if (n == 32)
			assert_int_equal(s.nslugs[TAX_THEME], 32);
		arena_free(&a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ok),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_values_max),
	};

	if (valid_compile(comment_rules, CF__MAX) == -1)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
