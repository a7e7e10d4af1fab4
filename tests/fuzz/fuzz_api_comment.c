/*
 * The API's JSON comment decoder (api_comment.h) on any bytes.  Invariants
 * from its contract: the answer is 0, 400, 422 or 500 (never another);
 * an error says what is wrong, and the member it names is at most
 * API_FIELD_NAME_MAX bytes of valid UTF-8 without controls; on success every
 * string is valid UTF-8 and passes the form's rule of its field (the same
 * comment_rules), the kind is one of the two, the text has no CR, is at
 * most COMMENT_TEXT_MAX code points, and is a prefix-free normalisation of
 * what came (never longer); decoding the same bytes twice gives the same
 * answer.
 */
#include "fuzz.h"

#include "api_comment.h"
#include "arena.h"
#include "comment_form.h"
#include "utf8.h"
#include "valid.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (valid_compile(comment_rules, CF__MAX) == -1)
		abort();
	return 0;
}

static void
check_field(const struct param_rule *rule, const char *s, size_t len)
{
	struct param_val	 pv;

	CHECK(s != NULL);
	CHECK(strlen(s) == len);
	CHECK(utf8_valid(s, len));
	CHECK(valid_one(rule, NULL, s, len, &pv) == 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		 a;
	struct api_comment	 c, c2;
	const char		*field, *msg, *field2, *msg2;
	int			 rc, rc2;

	if (size > 64 * 1024)
		return 0;
	arena_init(&a, 0);
	rc = api_comment_decode(&a, (const char *)data, size, &c, &field,
	    &msg);
	CHECK(rc == 0 || rc == 400 || rc == 422 || rc == 500);
	if (rc != 0)
		CHECK(rc == 500 || (msg != NULL && utf8_valid(msg,
		    strlen(msg))));
	if (rc != 0 && field != NULL)
		CHECK(strlen(field) <= API_FIELD_NAME_MAX &&
		    utf8_valid(field, strlen(field)));
	if (rc == 0) {
		CHECK(strcmp(c.kind, "comment") == 0 ||
		    strcmp(c.kind, "proposal") == 0);
		check_field(&comment_rules[CF_NAME], c.name, c.name_len);
		check_field(&comment_rules[CF_EMAIL], c.email, c.email_len);
		if (c.organisation != NULL)
			check_field(&comment_rules[CF_ORG], c.organisation,
			    c.org_len);
		CHECK(c.text != NULL && c.text_len > 0);
		CHECK(c.text_len <= size);
		CHECK(memchr(c.text, '\r', c.text_len) == NULL);
		CHECK(utf8_valid(c.text, c.text_len));
		CHECK(utf8_len(c.text, c.text_len) <= COMMENT_TEXT_MAX);
		CHECK(c.notify == 0 || c.notify == 1);
	}
	rc2 = api_comment_decode(&a, (const char *)data, size, &c2, &field2,
	    &msg2);
	CHECK(rc2 == rc);
	CHECK(rc == 500 || msg2 == msg);
	arena_free(&a);
	return 0;
}
