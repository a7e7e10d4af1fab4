/*
 * api_comment.h: the API's JSON comment body, decoded and checked by the
 * form's rules; config_api_origin_ok(): the origins that may write.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_comment.h"
#include "arena.h"
#include "comment_form.h"
#include "config.h"
#include "valid.h"

#define NELEM(t) (sizeof(t) / sizeof((t)[0]))

#define OK_BODY	"{\"kind\":\"proposal\",\"name\":\"Олена Коваль\"," \
		"\"email\":\"olena@example.com\",\"text\":\"Рядок\\r\\nдругий\"," \
		"\"consent\":true}"

static int
decode(const char *body, struct api_comment *c, const char **field)
{
	struct arena	 a;
	const char	*msg;
	int		 rc;

	arena_init(&a, 0);
	rc = api_comment_decode(&a, body, strlen(body), c, field, &msg);
	if (rc != 0)
		assert_non_null(msg);
	/* Fields of c point into the arena: copy what the tests look at. */
	if (rc == 0) {
		assert_string_equal(c->kind, "proposal");
		assert_int_equal(c->text_len, strlen("Рядок\nдругий"));
		assert_memory_equal(c->text, "Рядок\nдругий", c->text_len);
		assert_null(c->organisation);
	}
	if (*field != NULL)
		*field = strcmp(*field, "name") == 0 ? "name" :
		    strcmp(*field, "email") == 0 ? "email" :
		    strcmp(*field, "consent") == 0 ? "consent" :
		    strcmp(*field, "text") == 0 ? "text" :
		    strcmp(*field, "kind") == 0 ? "kind" :
		    strcmp(*field, "organisation") == 0 ? "organisation" :
		    strcmp(*field, "website") == 0 ? "website" :
		    strcmp(*field, "notify") == 0 ? "notify" : "?";
	arena_free(&a);
	return rc;
}

static void
test_ok(void **state)
{
	struct api_comment	 c;
	const char		*field;

	(void)state;
	assert_int_equal(decode(OK_BODY, &c, &field), 0);
}

/* "notify" is optional: absent or false is 0, true is 1. */
static void
test_notify(void **state)
{
	static const struct {
		const char	*tail;
		int		 notify;
	} t[] = {
		{ "}", 0 },
		{ ",\"notify\":false}", 0 },
		{ ",\"notify\":true}", 1 },
	};
	struct api_comment	 c;
	const char		*field;
	char			 body[512];
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		snprintf(body, sizeof(body), "%.*s%s",
		    (int)strlen(OK_BODY) - 1, OK_BODY, t[i].tail);
		assert_int_equal(decode(body, &c, &field), 0);
		assert_int_equal(c.notify, t[i].notify);
	}
}

static void
test_refusals(void **state)
{
	static const struct {
		const char	*body;
		int		 status;
		const char	*field;
	} t[] = {
		{ "", 400, NULL },
		{ "{", 400, NULL },
		{ "[]", 400, NULL },
		{ "\"x\"", 400, NULL },
		{ "{\"name\":1}", 400, "name" },
		{ "{\"consent\":\"yes\"}", 400, "consent" },
		{ "{\"kind\":null}", 400, "kind" },
		{ "{\"text\":[]}", 400, "text" },
		{ "{\"a\":1,\"a\":2}", 400, NULL },
		{ "{\"text\":\"a\\u0000b\"}", 400, NULL },
		{ "{\"text\":\"\xff\"}", 400, NULL },
		{ "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
		    400, NULL },
		{ "{}", 422, "kind" },
		{ "{\"kind\":\"question\"}", 422, "kind" },
		{ "{\"kind\":\"comment\",\"name\":\"A\"}", 422, "name" },
		{ "{\"kind\":\"comment\",\"name\":\"Ok\\nNo\"}", 422, "name" },
		{ "{\"kind\":\"comment\",\"name\":\"Олена\",\"email\":\"x\"}", 422,
		    "email" },
		{ "{\"kind\":\"comment\",\"name\":\"Олена\",\"email\":\"o@ex.com\","
		    "\"text\":\"\"}", 422, "text" },
		{ "{\"kind\":\"comment\",\"name\":\"Олена\",\"email\":\"o@ex.com\","
		    "\"text\":\"a\\u0001\"}", 422, "text" },
		{ "{\"kind\":\"comment\",\"name\":\"Олена\",\"email\":\"o@ex.com\","
		    "\"text\":\"a\",\"organisation\":\"A\"}", 422,
		    "organisation" },
		{ "{\"kind\":\"comment\",\"name\":\"Олена\",\"email\":\"o@ex.com\","
		    "\"text\":\"a\"}", 422, "consent" },
		{ "{\"kind\":\"comment\",\"name\":\"Олена\",\"email\":\"o@ex.com\","
		    "\"text\":\"a\",\"consent\":false}", 422, "consent" },
		{ "{\"kind\":\"comment\",\"website\":\"x\"}", 422, "website" },
		{ "{\"notify\":\"yes\"}", 400, "notify" },
		{ "{\"notify\":1}", 400, "notify" },
		{ "{\"notify\":null}", 400, "notify" },
	};
	struct api_comment	 c;
	const char		*field;
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		field = NULL;
		if (decode(t[i].body, &c, &field) != t[i].status)
			fail_msg("%s: not %d", t[i].body, t[i].status);
		if (t[i].field == NULL)
			assert_null(field);
		else if (field == NULL || strcmp(field, t[i].field) != 0)
			fail_msg("%s: field %s, not %s", t[i].body,
			    field != NULL ? field : "NULL", t[i].field);
	}
}

/* 5000 code points pass, 5001 do not; CRLF counts as one. */
static void
test_text_length(void **state)
{
	struct arena		 a;
	struct api_comment	 c;
	const char		*field, *msg;
	char			*body;
	size_t			 n, i, o;
	int			 k;

	(void)state;
	for (k = 0; k < 2; k++) {
		n = 5000 + (size_t)k;
		body = malloc(200 + n * 2 + 4);
		assert_non_null(body);
		o = (size_t)sprintf(body, "{\"kind\":\"comment\",\"name\":\"Ок\","
		    "\"email\":\"o@ex.com\",\"consent\":true,\"text\":\"\\r\\n");
		for (i = 1; i < n; i++) {
			memcpy(body + o, "ї", 2);
			o += 2;
		}
		memcpy(body + o, "\"}", 3);
		arena_init(&a, 0);
		assert_int_equal(api_comment_decode(&a, body, strlen(body), &c,
		    &field, &msg), k == 0 ? 0 : 422);
		if (k == 0)
			assert_int_equal(c.text[0], '\n');
		arena_free(&a);
		free(body);
	}
}

static void
test_origins(void **state)
{
	(void)state;
	cfg.api_origins = "https://app.example.test, https://m.kyiv.example";
	assert_true(config_api_origin_ok("https://app.example.test"));
	assert_true(config_api_origin_ok("https://m.kyiv.example"));
	assert_false(config_api_origin_ok("https://app.example"));
	assert_false(config_api_origin_ok("https://app.example.test.evil"));
	assert_false(config_api_origin_ok("http://app.example.test"));
	assert_false(config_api_origin_ok(""));
	assert_false(config_api_origin_ok(NULL));
	cfg.api_origins = "";
	assert_false(config_api_origin_ok("https://app.example.test"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ok),
		cmocka_unit_test(test_notify),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_text_length),
		cmocka_unit_test(test_origins),
	};

	if (valid_compile(comment_rules, CF__MAX) == -1)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
