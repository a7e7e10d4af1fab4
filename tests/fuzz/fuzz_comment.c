/*
 * The comment form end to end, short of the database: a body decoded as
 * the runner decodes a form route's (http_form_parse_scrub), checked with
 * valid_form() against comment_rules, normalised, and rendered back into
 * the form page as comment.c does after a refusal.  Invariants: every value
 * that reaches a validator or a template is valid UTF-8; a bad field holds
 * no value; the count of bad fields is what valid_form() says; the stored
 * text has no CR and is no longer than what came; the page renders, is
 * valid UTF-8, and holds exactly the one <script> of the template (nothing
 * the person sent is markup).
 */
#include "fuzz.h"

#include <time.h>

#include "arena.h"
#include "comment_form.h"
#include "http.h"
#include "secret.h"
#include "tpl.h"
#include "utf8.h"
#include "valid.h"

static size_t
count(const char *hay, size_t len, const char *needle)
{
	size_t	 n = 0, m = strlen(needle), i;

	for (i = 0; i + m <= len; i++)
		if (memcmp(hay + i, needle, m) == 0)
			n++;
	return n;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const unsigned char key[SECRET_BYTES] = { 1, 2, 3 };

	(void)argc;
	(void)argv;
	secret_set(key);
	if (valid_compile(comment_rules, CF__MAX) == -1 ||
	    tpl_init("templates") == -1) {
		fprintf(stderr, "fuzz_comment: run from the repository root\n");
		abort();
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct request	 r;
	struct kv	 path = { "ref", "12", 2 };
	struct tpl_dict	*d;
	char		*out = NULL, *text;
	size_t		 len, i, tlen;
	int		 nbad, bad;

	if (size > 64 * 1024)
		return 0;
	arena_init(&a, 0);
	memset(&r, 0, sizeof(r));
	r.arena = &a;
	r.method = METHOD_POST;
	r.args = arena_calloc(&a, HTTP_ARGS_MAX, sizeof(*r.args));
	CHECK(r.args != NULL);
	if (http_form_parse_scrub(&a, (const char *)data, size, r.args,
	    &r.nargs, &r.bad_param, &r.scrubbed) == -1)
		goto out;
	for (i = 0; i < r.nargs; i++)
		CHECK(utf8_valid(r.args[i].val, r.args[i].vlen));
	nbad = valid_form(&r, comment_rules, CF__MAX, &path, 1);
	CHECK(nbad >= 0);
	CHECK(r.params[CF_REF].n == 1 && r.params[CF_REF].v[0].i == 12);
	for (i = 0, bad = 0; i < CF__MAX; i++) {
		bad += r.params[i].bad;
		if (r.params[i].bad)
			CHECK(r.params[i].n == 0);
		if (r.params[i].n > 0)
			CHECK(utf8_valid(r.params[i].v[0].s,
			    r.params[i].v[0].len));
	}
	CHECK(bad == nbad);
	if (r.params[CF_TEXT].n > 0) {
		len = r.params[CF_TEXT].v[0].len;
		text = comment_normalise(&a, r.params[CF_TEXT].v[0].s, len,
		    &tlen);
		CHECK(text != NULL && tlen <= len);
		CHECK(memchr(text, '\r', tlen) == NULL);
		CHECK(utf8_valid(text, tlen));
		CHECK(comment_count_links(text, tlen) <= tlen / 4 + 1);
	}
	CHECK((d = tpl_dict_new("page")) != NULL);
	CHECK(comment_form_fill(d, &a, 12, "Департамент <b>&", &r,
	    size % 2 ? "Повідомлення" : NULL, (int)(size % 3 == 0),
	    (time_t)1790000000) == 0);
	CHECK(tpl_render("comment.tpl", d, &out, &len) == 0);
	CHECK(utf8_valid(out, len));
	CHECK(count(out, len, "<script") == 1);
	CHECK(count(out, len, "<b>") == 0);
	free(out);
	tpl_dict_free(d);
out:
	arena_free(&a);
	return 0;
}
