/*
 * The pieces of a submission that need no database: form tokens (made,
 * checked, expired, forged, bound to one form and row), the keyed hashes,
 * receipt MACs, SHA-256, scrubbing of bad UTF-8 in a form body, valid_form()
 * (every field checked, values kept), and the comment form's own checks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "comment_form.h"
#include "http.h"
#include "secret.h"
#include "utf8.h"
#include "valid.h"

#define S(x)	x, sizeof(x) - 1
#define NOW	((time_t)1790000000)

static const unsigned char key1[SECRET_BYTES] = { 1 };
static const unsigned char key2[SECRET_BYTES] = { 2 };

static void
token_roundtrip(void **state)
{
	char	 t[FORM_TOKEN_LEN + 1];

	(void)state;
	secret_set(key1);
	form_token_make(t, "comment", 42, NOW);
	assert_int_equal(strlen(t), 54);
	assert_int_equal(form_token_check(t, strlen(t), "comment", 42, NOW,
	    86400), TOKEN_OK);
	/* Up to the TTL, and not a second more. */
	assert_int_equal(form_token_check(t, strlen(t), "comment", 42,
	    NOW + 86400, 86400), TOKEN_OK);
	assert_int_equal(form_token_check(t, strlen(t), "comment", 42,
	    NOW + 86401, 86400), TOKEN_EXPIRED);
	/* Bound to its form and its row. */
	assert_int_equal(form_token_check(t, strlen(t), "comment", 43, NOW,
	    86400), TOKEN_BAD);
	assert_int_equal(form_token_check(t, strlen(t), "subscribe", 42, NOW,
	    86400), TOKEN_BAD);
	/* From the future (more than a minute of skew): not ours. */
	assert_int_equal(form_token_check(t, strlen(t), "comment", 42,
	    NOW - 120, 86400), TOKEN_BAD);
	/* Another server secret. */
	secret_set(key2);
	assert_int_equal(form_token_check(t, strlen(t), "comment", 42, NOW,
	    86400), TOKEN_BAD);
}

static void
token_forged(void **state)
{
	char	 t[FORM_TOKEN_LEN + 1];
	size_t	 i;

	(void)state;
	secret_set(key1);
	form_token_make(t, "comment", 7, NOW);
	/* Every single changed character is refused. */
	for (i = 0; i < strlen(t); i++) {
		char	 c = t[i];

		t[i] = c == 'A' ? 'B' : 'A';
		assert_int_not_equal(form_token_check(t, strlen(t), "comment",
		    7, NOW, 86400), TOKEN_OK);
		t[i] = c;
	}
	assert_int_equal(form_token_check(NULL, 0, "comment", 7, NOW, 86400),
	    TOKEN_BAD);
	assert_int_equal(form_token_check(S("abc"), "comment", 7, NOW, 86400),
	    TOKEN_BAD);
	assert_int_equal(form_token_check(t, strlen(t) - 1, "comment", 7, NOW,
	    86400), TOKEN_BAD);
	assert_int_equal(form_token_check(S("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
	    "!!!!!!!!!!!!!!!!!!!!!!"), "comment", 7, NOW, 86400), TOKEN_BAD);
}

static void
keys_and_macs(void **state)
{
	unsigned char	 a[32], b[32];
	char		 m[RECEIPT_MAC_LEN + 1], h[SHA256_HEX_LEN + 1];

	(void)state;
	secret_set(key1);
	submit_key(a, S("tok"), S("Ivan@Example.COM"), S("text"));
	submit_key(b, S("tok"), S("ivan@example.com"), S("text"));
	assert_memory_equal(a, b, 32);
	submit_key(b, S("tok"), S("ivan@example.com"), S("text."));
	assert_memory_not_equal(a, b, 32);
	submit_key(b, S("tok2"), S("ivan@example.com"), S("text"));
	assert_memory_not_equal(a, b, 32);
	/* The parts are delimited: moving bytes between them changes it. */
	submit_key(a, S("ab"), S("c@d.ee"), S("x"));
	submit_key(b, S("a"), S("bc@d.ee"), S("x"));
	assert_memory_not_equal(a, b, 32);

	addr_hash(a, "10.0.0.1");
	addr_hash(b, "10.0.0.2");
	assert_memory_not_equal(a, b, 32);
	secret_set(key2);
	addr_hash(b, "10.0.0.1");
	assert_memory_not_equal(a, b, 32);

	receipt_mac(m, 60001);
	assert_int_equal(strlen(m), RECEIPT_MAC_LEN);
	assert_true(receipt_mac_ok(m, strlen(m), 60001));
	assert_false(receipt_mac_ok(m, strlen(m), 60002));
	assert_false(receipt_mac_ok(m, strlen(m) - 1, 60001));
	secret_set(key1);
	assert_false(receipt_mac_ok(m, strlen(m), 60001));

	sha256_hex(h, "abc", 3);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
}

static void
utf8_scrub_prefix(void **state)
{
	struct arena	 a;
	char		*s;
	size_t		 n;

	(void)state;
	arena_init(&a, 0);
	s = utf8_scrub(&a, S("ok\xff\xc3(\x00z"), &n);
	assert_non_null(s);
	assert_int_equal(n, 2 + 3 + 3 + 1 + 3 + 1);
	assert_memory_equal(s, "ok\xef\xbf\xbd\xef\xbf\xbd(\xef\xbf\xbdz", n);
	assert_true(utf8_valid(s, n));
	/* Valid text is copied as it is. */
	s = utf8_scrub(&a, S("Київ\n"), &n);
	assert_int_equal(n, sizeof("Київ\n") - 1);
	assert_int_equal(utf8_prefix(S("Київ"), 2), 4);
	assert_int_equal(utf8_prefix(S("Київ"), 4), 8);
	assert_int_equal(utf8_prefix(S("Київ"), 10), 8);
	assert_int_equal(utf8_prefix(S("abc"), 0), 0);
	arena_free(&a);
}

static void
form_scrub(void **state)
{
	struct arena	 a;
	struct kv	 kv[HTTP_ARGS_MAX];
	size_t		 n = 0;
	const char	*bad = NULL;
	uint64_t	 scrubbed = 0;

	(void)state;
	arena_init(&a, 0);
	assert_int_equal(http_form_parse_scrub(&a,
	    S("name=%FF%D0%86&text=ok%00&email=a%40b.cc"), kv, &n, &bad,
	    &scrubbed), 0);
	assert_int_equal(n, 3);
	assert_int_equal(scrubbed, 3);	/* the first two */
	assert_string_equal(kv[0].val, "\xef\xbf\xbd\xd0\x86");
	/* The plain parser refuses the same body, naming the field. */
	n = 0;
	assert_int_equal(http_form_parse(&a, S("name=%FF"), kv, &n, &bad), -1);
	assert_string_equal(bad, "name");
	/* A bad escape is still malformed, not text to keep. */
	n = 0;
	assert_int_equal(http_form_parse_scrub(&a, S("text=%G1"), kv, &n,
	    &bad, &scrubbed), -1);
	arena_free(&a);
}

/* Builds a request from a form body and runs valid_form(). */
static int
form(struct arena *a, struct request *r, const char *body)
{
	static struct kv	 args[HTTP_ARGS_MAX];
	struct kv		 path = { "ref", "12-slug", 7 };

	memset(r, 0, sizeof(*r));
	r->arena = a;
	r->args = args;
	assert_int_equal(http_form_parse_scrub(a, body, strlen(body), args,
	    &r->nargs, &r->bad_param, &r->scrubbed), 0);
	return valid_form(r, comment_rules, CF__MAX, &path, 1);
}

static void
comment_form_rules(void **state)
{
	struct arena	 a;
	struct request	 r;

	(void)state;
	arena_init(&a, 0);
	assert_int_equal(valid_compile(comment_rules, CF__MAX), 0);
	assert_int_equal(form(&a, &r, "kind=proposal&name=%D0%86%D0%B2%D0%B0"
	    "%D0%BD&email=ivan%40example.com&text=Hi&consent=yes"), 0);
	assert_int_equal(r.params[CF_REF].v[0].i, 12);
	assert_int_equal(r.params[CF_KIND].v[0].i, 1);
	assert_int_equal(r.params[CF_ORG].n, 0);

	/* Every bad field is found, not just the first. */
	assert_int_equal(form(&a, &r, "kind=other&name=A&email=nope&"
	    "organisation=x%0Ay&consent=no"), 6);
	assert_true(r.params[CF_KIND].bad && r.params[CF_NAME].bad &&
	    r.params[CF_EMAIL].bad && r.params[CF_ORG].bad &&
	    r.params[CF_TEXT].bad && r.params[CF_CONSENT].bad);
	assert_int_equal(r.params[CF_NAME].n, 0);
	/* A scrubbed value is a bad field, and its text is still there. */
	assert_int_equal(form(&a, &r, "kind=comment&name=Ivan%FF&email="
	    "i%40ex.com&text=t&consent=yes"), 1);
	assert_true(r.params[CF_NAME].bad);
	assert_string_equal(http_arg(&r, "name"), "Ivan\xef\xbf\xbd");
	/* Names on one line; e-mail shape. */
	assert_int_equal(form(&a, &r, "kind=comment&name=Iv%09an&email="
	    "i%40ex&text=t&consent=yes"), 2);
	/* The honeypot and the token never count as errors of the person. */
	assert_int_equal(form(&a, &r, "kind=comment&name=Ivan&email=i%40ex.com"
	    "&text=t&consent=yes&website=http%3A%2F%2Fspam&token=abc"), 0);
	assert_int_equal(r.params[CF_WEBSITE].n, 1);
	/* "notify": absent (unticked), "yes", or a field error. */
	assert_int_equal(r.params[CF_NOTIFY].n, 0);
	assert_int_equal(form(&a, &r, "kind=proposal&name=Ivan&email=i%40ex.com"
	    "&text=t&consent=yes&notify=yes"), 0);
	assert_int_equal(r.params[CF_NOTIFY].n, 1);
	assert_int_equal(form(&a, &r, "kind=proposal&name=Ivan&email=i%40ex.com"
	    "&text=t&consent=yes&notify=1"), 1);
	assert_true(r.params[CF_NOTIFY].bad);
	assert_int_equal(form(&a, &r, "kind=proposal&name=Ivan&email=i%40ex.com"
	    "&text=t&consent=yes&notify=yes&notify=yes"), 1);
	arena_free(&a);
}

static void
comment_text(void **state)
{
	struct arena	 a;
	char		*s;
	size_t		 n;

	(void)state;
	arena_init(&a, 0);
	s = comment_normalise(&a, S("a\r\nb\rc\n\r\nd"), &n);
	assert_string_equal(s, "a\nb\nc\n\nd");
	assert_int_equal(n, 8);
	assert_int_equal(comment_count_links(S("no links here")), 0);
	assert_int_equal(comment_count_links(S("see https://www.kyiv.gov.ua "
	    "and http://a.b and WWW.c.d")), 3);
	assert_int_equal(comment_count_links(S("http://a http://b http://c "
	    "http://d")), 4);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(token_roundtrip),
		cmocka_unit_test(token_forged),
		cmocka_unit_test(keys_and_macs),
		cmocka_unit_test(utf8_scrub_prefix),
		cmocka_unit_test(form_scrub),
		cmocka_unit_test(comment_form_rules),
		cmocka_unit_test(comment_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
