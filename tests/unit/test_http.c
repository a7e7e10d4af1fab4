/*
 * http.h: form and query decoding, URL encoding, cookies, response headers
 * (no CR/LF gets through), local-only redirects, status and method names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "http.h"

#define S(x)	x, sizeof(x) - 1
#define NELEM(t) (sizeof(t) / sizeof((t)[0]))

struct fixture {
	struct arena	 a;
	struct kv	 kv[HTTP_ARGS_MAX > HTTP_COOKIES_MAX ?
			    HTTP_ARGS_MAX : HTTP_COOKIES_MAX];
	size_t		 n;
};

static int
setup(void **state)
{
	static struct fixture	 f;

	memset(&f, 0, sizeof(f));
	arena_init(&f.a, 0);
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	arena_free(&f->a);
	return 0;
}

static int
form(struct fixture *f, const char *s, size_t len)
{
	return http_form_parse(&f->a, s, len, f->kv, &f->n, NULL);
}

static void
assert_kv(const struct kv *kv, const char *key, const char *val)
{
	assert_string_equal(kv->key, key);
	assert_string_equal(kv->val, val);
	assert_int_equal(kv->vlen, strlen(val));
}

/* form parsing */

static void
test_form_simple(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(form(f, S("a=1&b=two&c=")), 0);
	assert_int_equal(f->n, 3);
	assert_kv(&f->kv[0], "a", "1");
	assert_kv(&f->kv[1], "b", "two");
	assert_kv(&f->kv[2], "c", "");
}

static void
test_form_plus_is_space(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(form(f, S("q=a+b++c&x+y=1")), 0);
	assert_kv(&f->kv[0], "q", "a b  c");
	assert_kv(&f->kv[1], "x y", "1");
}

static void
test_form_percent_upper_lower(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(form(f, S("q=%41%4a%4A%2b%2B%20%25")), 0);
	assert_kv(&f->kv[0], "q", "AJJ++ %");
	assert_int_equal(form(f, S("q=%d0%9a%D0%B8%d1%97%D0%b2")), 0);
	assert_kv(&f->kv[1], "q", "Київ");
}

static void
test_form_raw_utf8(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(form(f, S("місто=Київ&q=м’ята")), 0);
	assert_kv(&f->kv[0], "місто", "Київ");
	assert_kv(&f->kv[1], "q", "м’ята");
}

static void
test_form_empty_pairs(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(form(f, S("")), 0);
	assert_int_equal(form(f, S("&")), 0);
	assert_int_equal(form(f, S("&&&")), 0);
	assert_int_equal(f->n, 0);
	assert_int_equal(form(f, S("&a=1&&b=2&")), 0);
	assert_int_equal(f->n, 2);
	assert_kv(&f->kv[0], "a", "1");
	assert_kv(&f->kv[1], "b", "2");
}

static void
test_form_key_without_equals(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(form(f, S("flag&a=1&x")), 0);
	assert_int_equal(f->n, 3);
	assert_kv(&f->kv[0], "flag", "");
	assert_kv(&f->kv[1], "a", "1");
	assert_kv(&f->kv[2], "x", "");
}

static void
test_form_equals_in_value(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(form(f, S("a=1=2&b==")), 0);
	assert_kv(&f->kv[0], "a", "1=2");
	assert_kv(&f->kv[1], "b", "=");
}

static void
test_form_empty_key_rejected(void **state)
{
	static const char *const bad[] = { "=1", "a=1&=2", "=", "%=1" };
	struct fixture		*f = *state;
	size_t			 i;

	for (i = 0; i < NELEM(bad); i++) {
		f->n = 0;
		if (form(f, bad[i], strlen(bad[i])) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	}
}

static void
test_form_bad_escapes(void **state)
{
	static const char *const bad[] = {
		"q=%G1", "q=%1G", "q=%zz", "q=%", "q=%4", "a=1&q=%",
		"q=%%41", "q=% 41", "q=%-1", "%G1=1", "%=1", "q=%+1",
		"q=%4&b=1",
	};
	struct fixture		*f = *state;
	size_t			 i;

	for (i = 0; i < NELEM(bad); i++) {
		f->n = 0;
		if (form(f, bad[i], strlen(bad[i])) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	}
}

/*
 * A decoded NUL is refused outright: a value "x%00y" must never reach a
 * handler as "x" with vlen 3, nor be silently cut.
 */
static void
test_form_nul_rejected(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;
	} bad[] = {
		{ S("q=%00") },
		{ S("q=x%00y") },
		{ S("q=abc%00") },
		{ S("%00=1") },
		{ S("a%00b=1") },
		{ S("q=x\0y") },		/* raw NUL inside the input */
		{ S("a\0=1") },
	};
	struct fixture		*f = *state;
	size_t			 i;

	for (i = 0; i < NELEM(bad); i++) {
		f->n = 0;
		if (form(f, bad[i].s, bad[i].len) != -1)
			fail_msg("accepted NUL in case %zu", i);
	}
}

static void
test_form_controls(void **state)
{
	static const char *const bad[] = {
		"q=%01", "q=%1B", "q=%7F", "q=%08", "%01=1",
	};
	struct fixture		*f = *state;
	size_t			 i;

	for (i = 0; i < NELEM(bad); i++) {
		f->n = 0;
		if (form(f, bad[i], strlen(bad[i])) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	}
	/* Textarea line breaks and tabs are text. */
	f->n = 0;
	assert_int_equal(form(f, S("t=a%0D%0Ab%09c")), 0);
	assert_kv(&f->kv[0], "t", "a\r\nb\tc");
}

static void
test_form_invalid_utf8_after_decoding(void **state)
{
	static const char *const bad[] = {
		"q=%D0",		/* truncated */
		"q=%D0%41",		/* lead then ASCII */
		"q=%C0%AF",		/* overlong '/' */
		"q=%E0%80%AF",		/* overlong 3-byte */
		"q=%ED%A0%80",		/* surrogate */
		"q=%F4%90%80%80",	/* above U+10FFFF */
		"q=%FF",
		"q=%80",
		"%D0=1",		/* in the name */
		"q=\xd0",		/* raw, undecoded */
	};
	struct fixture		*f = *state;
	size_t			 i;

	for (i = 0; i < NELEM(bad); i++) {
		f->n = 0;
		if (form(f, bad[i], strlen(bad[i])) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
	}
}

/* len bounds the input: bytes past it are neither parsed nor read. */
static void
test_form_len_bound(void **state)
{
	struct fixture	*f = *state;
	size_t		 len;

	assert_int_equal(form(f, "a=1&b=%G1", 3), 0);
	assert_int_equal(f->n, 1);
	assert_kv(&f->kv[0], "a", "1");
	/* An escape cut by len is bad, even if the next byte is hex. */
	assert_int_equal(form(f, "q=%41", 4), -1);
	assert_int_equal(form(f, "q=%41", 3), -1);
	assert_null(http_url_decode(&f->a, "%41", 2, &len));
}

/* Query then body: a second call appends. */
static void
test_form_appends(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(form(f, S("page=2")), 0);
	assert_int_equal(form(f, S("text=привіт")), 0);
	assert_int_equal(f->n, 2);
	assert_kv(&f->kv[0], "page", "2");
	assert_kv(&f->kv[1], "text", "привіт");
}

static void
test_form_args_max(void **state)
{
	struct fixture	*f = *state;
	char		 buf[HTTP_ARGS_MAX * 8 + 16];
	size_t		 i, o = 0;

	for (i = 0; i < HTTP_ARGS_MAX; i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "a%zu=1&", i);
	assert_int_equal(form(f, buf, o), 0);		/* exactly the max */
	assert_int_equal(f->n, HTTP_ARGS_MAX);
	assert_kv(&f->kv[HTTP_ARGS_MAX - 1], "a63", "1");

	f->n = 0;
	o += (size_t)snprintf(buf + o, sizeof(buf) - o, "x=1");
	assert_int_equal(form(f, buf, o), -1);		/* one more */
	assert_true(f->n <= HTTP_ARGS_MAX);

	/* The bound counts what the query already used. */
	f->n = HTTP_ARGS_MAX - 1;
	assert_int_equal(form(f, S("b=1")), 0);
	assert_int_equal(form(f, S("c=1")), -1);
	assert_int_equal(f->n, HTTP_ARGS_MAX);
	/* Empty pairs do not count. */
	assert_int_equal(form(f, S("&&&")), 0);
}

/* URL decode and encode */

static void
test_url_decode(void **state)
{
	struct fixture	*f = *state;
	size_t		 len = 99;
	char		*s;

	s = http_url_decode(&f->a, S("a+b%20c%2Fd"), &len);
	assert_string_equal(s, "a b c/d");
	assert_int_equal(len, 7);
	s = http_url_decode(&f->a, S(""), &len);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	s = http_url_decode(&f->a, S("x%00y"), &len);	/* raw decoder */
	assert_non_null(s);
	assert_int_equal(len, 3);
	assert_memory_equal(s, "x\0y", 3);
	assert_non_null(http_url_decode(&f->a, S("ok"), NULL));
	assert_null(http_url_decode(&f->a, S("%4"), &len));
	assert_null(http_url_decode(&f->a, S("%GG"), &len));
}

static void
test_url_encode_table(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} t[] = {
		{ "", "" },
		{ "AZaz09-_.~", "AZaz09-_.~" },
		{ "a b", "a%20b" },
		{ " &=+/?#%", "%20%26%3D%2B%2F%3F%23%25" },
		{ "<\"'>", "%3C%22%27%3E" },
		{ "\r\n", "%0D%0A" },
		{ "Київ", "%D0%9A%D0%B8%D1%97%D0%B2" },
		{ "’", "%E2%80%99" },
		{ "😀", "%F0%9F%98%80" },
	};
	char	 buf[128];
	size_t	 i, n;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		n = http_url_encode(buf, sizeof(buf), t[i].in);
		assert_string_equal(buf, t[i].out);
		assert_int_equal(n, strlen(t[i].out));
	}
}

static void
test_url_encode_roundtrip(void **state)
{
	static const char *const t[] = {
		"", "plain", "Громадське обговорення: бюджет 2025/26",
		"a+b=c&d", "100% ґрунт", "?#[]@!$'()*,;", "м’ята 😀 \t\r\n",
		"%41 stays %41",
	};
	struct fixture		*f = *state;
	char			 buf[512], query[520];
	char			*back;
	size_t			 i, n, len;

	for (i = 0; i < NELEM(t); i++) {
		n = http_url_encode(buf, sizeof(buf), t[i]);
		assert_true(n < sizeof(buf));
		back = http_url_decode(&f->a, buf, n, &len);
		assert_non_null(back);
		assert_string_equal(back, t[i]);
		assert_int_equal(len, strlen(t[i]));
		/* and through the form parser, as the browser sends it */
		f->n = 0;
		len = (size_t)snprintf(query, sizeof(query), "q=%s", buf);
		assert_int_equal(form(f, query, len), 0);
		if (t[i][0] != '\0')
			assert_kv(&f->kv[0], "q", t[i]);
	}
}

static void
test_url_encode_truncation(void **state)
{
	char	 buf[16];
	size_t	 n;

	(void)state;
	memset(buf, 'Z', sizeof(buf));
	n = http_url_encode(buf, 4, "abcdef");
	assert_int_equal(n, 6);			/* what it would need */
	assert_string_equal(buf, "abc");
	assert_int_equal(buf[4], 'Z');		/* nothing past cap */

	memset(buf, 'Z', sizeof(buf));
	n = http_url_encode(buf, 5, "Київ");	/* needs 24 */
	assert_int_equal(n, 24);
	assert_int_equal(strlen(buf), 4);
	assert_int_equal(buf[5], 'Z');

	memset(buf, 'Z', sizeof(buf));
	n = http_url_encode(buf, 1, "abc");
	assert_int_equal(n, 3);
	assert_string_equal(buf, "");
	assert_int_equal(buf[1], 'Z');

	memset(buf, 'Z', sizeof(buf));
	n = http_url_encode(buf, 0, "abc");	/* cap 0: nothing written */
	assert_int_equal(n, 3);
	assert_int_equal(buf[0], 'Z');
	assert_int_equal(http_url_encode(NULL, 0, "a b"), 5);

	n = http_url_encode(buf, 7, "abcdef");	/* exactly fits */
	assert_int_equal(n, 6);
	assert_string_equal(buf, "abcdef");
	n = http_url_encode(buf, 6, "abcdef");	/* one short */
	assert_int_equal(n, 6);
	assert_string_equal(buf, "abcde");
}

/* cookies */

static int
cookies(struct fixture *f, const char *s)
{
	f->n = 0;
	return http_cookie_parse(&f->a, s, f->kv, &f->n);
}

static void
test_cookie_several(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(cookies(f, "sid=abc123; lang=uk;theme=dark"), 0);
	assert_int_equal(f->n, 3);
	assert_kv(&f->kv[0], "sid", "abc123");
	assert_kv(&f->kv[1], "lang", "uk");
	assert_kv(&f->kv[2], "theme", "dark");
}

static void
test_cookie_spaces(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(cookies(f, "  a=1 ;   b=2  ; ; c=3;  "), 0);
	assert_int_equal(f->n, 3);
	assert_kv(&f->kv[0], "a", "1");
	assert_kv(&f->kv[1], "b", "2");
	assert_kv(&f->kv[2], "c", "3");
	assert_int_equal(cookies(f, ""), 0);
	assert_int_equal(cookies(f, " ; ;"), 0);
	assert_int_equal(f->n, 0);
}

static void
test_cookie_values_kept_raw(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(cookies(f, "a=; b=x=y; c=\"q\"; d=%41+"), 0);
	assert_int_equal(f->n, 4);
	assert_kv(&f->kv[0], "a", "");
	assert_kv(&f->kv[1], "b", "x=y");
	assert_kv(&f->kv[2], "c", "\"q\"");
	assert_kv(&f->kv[3], "d", "%41+");		/* not decoded */
}

static void
test_cookie_bad(void **state)
{
	static const char *const bad[] = {
		"=1", "a", "a b=1", "a;b=1", "a(b=1", "a:b=1", "a/b=1",
		"a\"b=1", "ім’я=1", "a\tb=1", "ok=1; =2", "ok=1; bad",
		"a=\xff", "a=\x01", "a=x\x7f",
	};
	struct fixture		*f = *state;
	size_t			 i;

	for (i = 0; i < NELEM(bad); i++)
		if (cookies(f, bad[i]) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
}

static void
test_cookie_too_many(void **state)
{
	struct fixture	*f = *state;
	char		 buf[HTTP_COOKIES_MAX * 8 + 16];
	size_t		 i, o = 0;

	for (i = 0; i < HTTP_COOKIES_MAX; i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "c%zu=1; ", i);
	assert_int_equal(cookies(f, buf), 0);
	assert_int_equal(f->n, HTTP_COOKIES_MAX);
	snprintf(buf + o, sizeof(buf) - o, "x=1");
	assert_int_equal(cookies(f, buf), -1);
	assert_true(f->n <= HTTP_COOKIES_MAX);
}

/* http_arg */

static void
test_arg_first_value(void **state)
{
	struct fixture	*f = *state;
	struct request	 r;

	assert_int_equal(form(f, S("a=1&b=2&a=3")), 0);
	memset(&r, 0, sizeof(r));
	r.arena = &f->a;
	r.args = f->kv;
	r.nargs = f->n;
	assert_string_equal(http_arg(&r, "a"), "1");
	assert_string_equal(http_arg(&r, "b"), "2");
	assert_null(http_arg(&r, "c"));
	assert_null(http_arg(&r, "A"));
	r.nargs = 0;
	assert_null(http_arg(&r, "a"));
}

/* response headers */

static void
test_header_add_ok(void **state)
{
	struct response	 resp;

	(void)state;
	memset(&resp, 0, sizeof(resp));
	assert_int_equal(http_header_add(&resp, "X-Request-Id", "42"), 0);
	assert_int_equal(http_header_add(&resp, "Content-Disposition",
	    "attachment; filename=\"звіт.csv\""), 0);
	assert_int_equal(http_header_add(&resp, "X-Empty", ""), 0);
	assert_int_equal(resp.nheaders, 3);
	assert_string_equal(resp.headers[0].name, "X-Request-Id");
	assert_string_equal(resp.headers[0].value, "42");
}

static void
test_header_add_refuses_crlf(void **state)
{
	static const struct {
		const char	*name;
		const char	*value;
	} bad[] = {
		{ "X-A", "1\r\nSet-Cookie: sid=evil" },
		{ "X-A", "1\nSet-Cookie: sid=evil" },
		{ "X-A", "1\r" },
		{ "X-A", "\n" },
		{ "X-A", "\r\n\r\n<script>alert(1)</script>" },
		{ "X-A\r\nSet-Cookie: a", "1" },
		{ "X-A\n", "1" },
		{ "\rX-A", "1" },
		{ "", "1" },
	};
	struct response		 resp;
	size_t			 i;

	(void)state;
	memset(&resp, 0, sizeof(resp));
	for (i = 0; i < NELEM(bad); i++)
		if (http_header_add(&resp, bad[i].name, bad[i].value) != -1)
			fail_msg("accepted header case %zu", i);
	assert_int_equal(resp.nheaders, 0);
}

static void
test_header_add_max(void **state)
{
	struct response	 resp;
	size_t		 i;

	(void)state;
	memset(&resp, 0, sizeof(resp));
	for (i = 0; i < HTTP_HEADERS_MAX; i++)
		assert_int_equal(http_header_add(&resp, "X-N", "1"), 0);
	assert_int_equal(http_header_add(&resp, "X-N", "1"), -1);
	assert_int_equal(resp.nheaders, HTTP_HEADERS_MAX);
}

/* redirects */

static void
test_redirect_local(void **state)
{
	static const char *const good[] = {
		"/", "/consultations", "/consultations/abc-12?page=2#c5",
		"/search?q=%D0%9A%D0%B8%D1%97%D0%B2", "/a//b", "/a/\\b",
	};
	struct response		 resp;
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(good); i++) {
		memset(&resp, 0, sizeof(resp));
		assert_int_equal(http_redirect(&resp, HTTP_SEE_OTHER,
		    good[i]), 0);
		assert_int_equal(resp.status, HTTP_SEE_OTHER);
		assert_int_equal(resp.nheaders, 1);
		assert_string_equal(resp.headers[0].name, "Location");
		assert_string_equal(resp.headers[0].value, good[i]);
	}
}

/*
 * Open redirects: another host, another scheme, and the forms browsers
 * turn into "//host" (backslash; tab, CR and LF are removed from URLs by
 * the WHATWG URL parser before it looks at them).
 */
static void
test_redirect_refuses_other_sites(void **state)
{
	static const char *const bad[] = {
		"//evil.example", "//evil.example/path", "///evil.example",
		"http://evil.example", "https://evil.example/",
		"HTTP://evil.example", "\\evil.example", "\\\\evil.example",
		"/\\evil.example", "/\\/evil.example", "javascript:alert(1)",
		"data:text/html,<script>alert(1)</script>", "evil.example",
		"", " /x", "\t//evil.example", "/\t/evil.example",
		"/\t\\evil.example", "/\r\n/evil.example", "/\n/evil.example",
		"/x\r\nSet-Cookie: sid=evil",
	};
	struct response		 resp;
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		memset(&resp, 0, sizeof(resp));
		resp.status = HTTP_OK;
		if (http_redirect(&resp, HTTP_FOUND, bad[i]) != -1)
			fail_msg("redirect accepted case %zu", i);
		assert_int_equal(resp.status, HTTP_OK);
		assert_int_equal(resp.nheaders, 0);
	}
}

/* status and method names */

static void
test_status_text(void **state)
{
	static const struct {
		int		 code;
		const char	*text;
	} t[] = {
		{ 200, "OK" },
		{ 303, "See Other" },
		{ 304, "Not Modified" },
		{ 400, "Bad Request" },
		{ 404, "Not Found" },
		{ 405, "Method Not Allowed" },
		{ 413, "Payload Too Large" },
		{ 414, "URI Too Long" },
		{ 429, "Too Many Requests" },
		{ 500, "Internal Server Error" },
		{ 503, "Service Unavailable" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NELEM(t); i++)
		assert_string_equal(http_status_text(t[i].code), t[i].text);
	/* Unknown codes fall back to the 500 text, never NULL. */
	assert_string_equal(http_status_text(0), "Internal Server Error");
	assert_string_equal(http_status_text(999), "Internal Server Error");
	assert_string_equal(http_status_text(-1), "Internal Server Error");
}

static void
test_method_parse(void **state)
{
	(void)state;
	assert_int_equal(http_method_parse("GET"), METHOD_GET);
	assert_int_equal(http_method_parse("HEAD"), METHOD_HEAD);
	assert_int_equal(http_method_parse("POST"), METHOD_POST);
	assert_int_equal(http_method_parse("OPTIONS"), METHOD_OPTIONS);
	assert_int_equal(http_method_parse("options"), METHOD_OTHER);
	assert_int_equal(http_method_parse("get"), METHOD_OTHER);
	assert_int_equal(http_method_parse("Post"), METHOD_OTHER);
	assert_int_equal(http_method_parse("GET "), METHOD_OTHER);
	assert_int_equal(http_method_parse("GETX"), METHOD_OTHER);
	assert_int_equal(http_method_parse("PUT"), METHOD_OTHER);
	assert_int_equal(http_method_parse("DELETE"), METHOD_OTHER);
	assert_int_equal(http_method_parse(""), METHOD_OTHER);
	assert_int_equal(http_method_parse(NULL), METHOD_OTHER);
}

/* conditional GET */

static void
test_etag_match(void **state)
{
	(void)state;
	assert_true(http_etag_match("\"abc\"", "\"abc\""));
	assert_true(http_etag_match("W/\"abc\"", "\"abc\""));
	assert_true(http_etag_match("\"x\", \"abc\"", "\"abc\""));
	assert_true(http_etag_match("\"x\",W/\"abc\"", "W/\"abc\""));
	assert_true(http_etag_match("*", "\"abc\""));
	assert_true(http_etag_match(" \"a,b\" , \"abc\"", "\"abc\""));
	assert_false(http_etag_match("\"abcd\"", "\"abc\""));
	assert_false(http_etag_match("\"ab\"", "\"abc\""));
	assert_false(http_etag_match("abc", "\"abc\""));
	assert_false(http_etag_match("\"abc", "\"abc\""));
	assert_false(http_etag_match("", "\"abc\""));
	assert_false(http_etag_match(NULL, "\"abc\""));
	assert_false(http_etag_match("\"abc\"", NULL));
}

static void
test_http_date(void **state)
{
	char	 buf[40];
	time_t	 t;

	(void)state;
	assert_string_equal(http_date(buf, sizeof(buf), 784111777),
	    "Sun, 06 Nov 1994 08:49:37 GMT");
	assert_int_equal(http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT", &t),
	    0);
	assert_int_equal(t, 784111777);
	assert_int_equal(http_date_parse(http_date(buf, sizeof(buf),
	    1798675200), &t), 0);
	assert_int_equal(t, 1798675200);
	/* The obsolete forms and garbage are not dates: no 304 from them. */
	assert_int_equal(http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT",
	    &t), -1);
	assert_int_equal(http_date_parse("Sun Nov  6 08:49:37 1994", &t), -1);
	assert_int_equal(http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT ",
	    &t), -1);
	assert_int_equal(http_date_parse("Sun, 06 Foo 1994 08:49:37 GMT", &t),
	    -1);
	assert_int_equal(http_date_parse("Sun, 36 Nov 1994 08:49:37 GMT", &t),
	    -1);
	assert_int_equal(http_date_parse("", &t), -1);
	assert_int_equal(http_date_parse(NULL, &t), -1);
}

static void
test_conditional(void **state)
{
	struct fixture	*f = *state;
	struct request	 r;
	struct response	 resp;
	char		 date[40];

	memset(&r, 0, sizeof(r));
	r.arena = &f->a;
	memset(&resp, 0, sizeof(resp));
	resp.status = HTTP_OK;
	resp.body = strdup("x");
	resp.len = 1;
	/* No condition: the body stays, both validators are sent. */
	assert_int_equal(http_conditional(&r, &resp, "\"e1\"", 1000), 0);
	assert_int_equal(resp.nheaders, 2);
	assert_string_equal(resp.headers[0].value, "\"e1\"");
	assert_string_equal(resp.headers[1].name, "Last-Modified");
	/* If-None-Match wins over If-Modified-Since. */
	memset(&resp, 0, sizeof(resp));
	resp.status = HTTP_OK;
	resp.body = strdup("x");
	r.if_none_match = "\"e0\"";
	r.if_modified_since = http_date(date, sizeof(date), 2000);
	assert_int_equal(http_conditional(&r, &resp, "\"e1\"", 1000), 0);
	assert_non_null(resp.body);
	free(resp.body);
	memset(&resp, 0, sizeof(resp));
	resp.status = HTTP_OK;
	resp.body = strdup("x");
	r.if_none_match = "\"e1\"";
	assert_int_equal(http_conditional(&r, &resp, "\"e1\"", 1000), 1);
	assert_int_equal(resp.status, HTTP_NOT_MODIFIED);
	assert_null(resp.body);
	assert_int_equal(resp.len, 0);
	/* Dates: not modified since a later or equal time only. */
	r.if_none_match = NULL;
	memset(&resp, 0, sizeof(resp));
	resp.body = strdup("x");
	r.if_modified_since = http_date(date, sizeof(date), 999);
	assert_int_equal(http_conditional(&r, &resp, "\"e1\"", 1000), 0);
	free(resp.body);
	memset(&resp, 0, sizeof(resp));
	resp.body = strdup("x");
	r.if_modified_since = http_date(date, sizeof(date), 1000);
	assert_int_equal(http_conditional(&r, &resp, "\"e1\"", 1000), 1);
	memset(&resp, 0, sizeof(resp));
	resp.body = strdup("x");
	r.if_modified_since = "yesterday";
	assert_int_equal(http_conditional(&r, &resp, "\"e1\"", 1000), 0);
	free(resp.body);
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_etag_match),
		T(test_http_date),
		T(test_conditional),
		T(test_form_simple),
		T(test_form_plus_is_space),
		T(test_form_percent_upper_lower),
		T(test_form_raw_utf8),
		T(test_form_empty_pairs),
		T(test_form_key_without_equals),
		T(test_form_equals_in_value),
		T(test_form_empty_key_rejected),
		T(test_form_bad_escapes),
		T(test_form_nul_rejected),
		T(test_form_controls),
		T(test_form_invalid_utf8_after_decoding),
		T(test_form_len_bound),
		T(test_form_appends),
		T(test_form_args_max),
		T(test_url_decode),
		T(test_url_encode_table),
		T(test_url_encode_roundtrip),
		T(test_url_encode_truncation),
		T(test_cookie_several),
		T(test_cookie_spaces),
		T(test_cookie_values_kept_raw),
		T(test_cookie_bad),
		T(test_cookie_too_many),
		T(test_arg_first_value),
		T(test_header_add_ok),
		T(test_header_add_refuses_crlf),
		T(test_header_add_max),
		T(test_redirect_local),
		T(test_redirect_refuses_other_sites),
		T(test_status_text),
		T(test_method_parse),
	};

	return cmocka_run_group_tests_name("http", tests, NULL, NULL);
}
