/*
 * The API's JSON subscription decoder (api_subscription.h) on any bytes.
 * Invariants from its contract: the answer is 0, 400, 422 or 500; an error
 * says what is wrong in valid UTF-8 and the member it names is at most
 * API_FIELD_NAME_MAX bytes of valid UTF-8 (or a "filters.*" name); on
 * success the e-mail passes the form's rule, the frequency is one of the
 * two, every filter holds at most SUB_VALUES_MAX distinct slugs of
 * [a-z0-9-], 1 to API_SLUG_MAX bytes; decoding the same bytes twice gives
 * the same answer.
 */
#include "fuzz.h"

#include "api_comment.h"
#include "api_subscription.h"
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
check_slug(const char *s)
{
	size_t	 n = strlen(s), i;

	CHECK(n >= 1 && n <= API_SLUG_MAX);
	for (i = 0; i < n; i++)
		CHECK((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		 a;
	struct api_subscription	 s, s2;
	struct param_val	 pv;
	const char		*field, *msg, *field2, *msg2;
	size_t			 k, i, j;
	int			 rc, rc2;

	if (size > 64 * 1024)
		return 0;
	arena_init(&a, 0);
	rc = api_subscription_decode(&a, (const char *)data, size, &s, &field,
	    &msg);
	CHECK(rc == 0 || rc == 400 || rc == 422 || rc == 500);
	if (rc != 0)
		CHECK(rc == 500 || (msg != NULL && utf8_valid(msg,
		    strlen(msg))));
	if (rc != 0 && field != NULL)
		CHECK((strlen(field) <= API_FIELD_NAME_MAX ||
		    strncmp(field, "filters.", 8) == 0) &&
		    utf8_valid(field, strlen(field)));
	if (rc == 0) {
		CHECK(s.email != NULL && utf8_valid(s.email, strlen(s.email)));
		CHECK(valid_one(&comment_rules[CF_EMAIL], NULL, s.email,
		    strlen(s.email), &pv) == 1);
		CHECK(strcmp(s.frequency, "immediate") == 0 ||
		    strcmp(s.frequency, "weekly") == 0);
		for (k = 0; k < TAX__MAX; k++) {
			CHECK(s.nslugs[k] <= SUB_VALUES_MAX);
			for (i = 0; i < s.nslugs[k]; i++) {
				check_slug(s.slugs[k][i]);
				for (j = 0; j < i; j++)
					CHECK(strcmp(s.slugs[k][i],
					    s.slugs[k][j]) != 0);
			}
		}
	}
	rc2 = api_subscription_decode(&a, (const char *)data, size, &s2,
	    &field2, &msg2);
	CHECK(rc2 == rc);
	CHECK(rc == 500 || msg2 == msg);
	arena_free(&a);
	return 0;
}
