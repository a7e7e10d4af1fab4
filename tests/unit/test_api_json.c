/*
 * api_json.h: the API's JSON writer: commas, escapes, nulls, and that
 * what it writes parses (with jansson) to what was written.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "api_json.h"

#define NELEM(t) (sizeof(t) / sizeof((t)[0]))

static void
test_shape(void **state)
{
	struct jw	 w;
	char		*b;
	size_t		 len;

	(void)state;
	jw_init(&w, 0);
	jw_open(&w, '{');
	jw_key(&w, "a");
	jw_open(&w, '[');
	jw_int(&w, 1);
	jw_int(&w, -2);
	jw_open(&w, '{');
	jw_close(&w, '}');
	jw_open(&w, '[');
	jw_close(&w, ']');
	jw_null(&w);
	jw_close(&w, ']');
	jw_key(&w, "b");
	jw_bool(&w, 1);
	jw_key(&w, "c");
	jw_bool(&w, 0);
	jw_key(&w, "d");
	jw_str(&w, NULL);
	jw_key(&w, "e");
	jw_text(&w, "");
	jw_key(&w, "f");
	jw_time(&w, 0);
	jw_key(&w, "g");
	jw_str(&w, "x:{[");
	jw_key(&w, "h");
	jw_int(&w, 3);
	jw_close(&w, '}');
	b = jw_finish(&w, &len);
	assert_non_null(b);
	assert_string_equal(b, "{\"a\":[1,-2,{},[],null],\"b\":true,"
	    "\"c\":false,\"d\":null,\"e\":null,\"f\":null,\"g\":\"x:{[\","
	    "\"h\":3}");
	assert_int_equal(len, strlen(b));
	free(b);
}

static void
test_escapes(void **state)
{
	static const struct {
		const char	*in, *out;
	} t[] = {
		{ "", "\"\"" },
		{ "plain", "\"plain\"" },
		{ "a\"b", "\"a\\\"b\"" },
		{ "a\\b", "\"a\\\\b\"" },
		{ "1\n2\r3\t4", "\"1\\n2\\r3\\t4\"" },
		{ "\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\"" },
		{ "Київ </script> 'x' /", "\"Київ </script> 'x' /\"" },
	};
	struct jw	 w;
	json_t		*j;
	json_error_t	 err;
	char		*b;
	size_t		 i, len;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		jw_init(&w, 0);
		jw_str(&w, t[i].in);
		b = jw_finish(&w, &len);
		assert_non_null(b);
		assert_string_equal(b, t[i].out);
		j = json_loadb(b, len, JSON_DECODE_ANY, &err);
		assert_non_null(j);
		assert_string_equal(json_string_value(j), t[i].in);
		json_decref(j);
		free(b);
	}
}

/* A body larger than the first buffer grows; the result parses. */
static void
test_growth(void **state)
{
	struct jw	 w;
	json_t		*j;
	json_error_t	 err;
	char		*b;
	size_t		 i, len;

	(void)state;
	jw_init(&w, 1);
	jw_open(&w, '[');
	for (i = 0; i < 10000; i++)
		jw_str(&w, "рядок \"з\" лапками");
	jw_close(&w, ']');
	b = jw_finish(&w, &len);
	assert_non_null(b);
	j = json_loadb(b, len, 0, &err);
	assert_non_null(j);
	assert_int_equal(json_array_size(j), 10000);
	json_decref(j);
	free(b);
	jw_free(&w);		/* after finish: harmless */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_growth),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
