/*
 * multipart.h: the boundary of a Content-Type, and bodies split into parts
 * (fields, files, preamble and epilogue, padding, binary data), and every
 * malformed or hostile shape refused with the right error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "multipart.h"

#define S(x)	x, sizeof(x) - 1
#define B	"XyZ123"
#define D	"--" B
#define MAXP	8

struct fixture {
	struct arena	 a;
	struct mp_part	 p[MAXP];
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

static enum mp_error
parse(struct fixture *f, const char *body, size_t len)
{
	return mp_parse(&f->a, body, len, B, f->p, MAXP, &f->n);
}

static void
assert_data(const struct mp_part *p, const char *s, size_t len)
{
	assert_int_equal(p->len, len);
	assert_memory_equal(p->data, s, len);
}

/* boundary */

static void
test_boundary_good(void **state)
{
	static const struct { const char *ct, *b; } t[] = {
		{ "multipart/form-data; boundary=abc", "abc" },
		{ "multipart/form-data;boundary=abc", "abc" },
		{ "Multipart/Form-Data; BOUNDARY=abc", "abc" },
		{ "multipart/form-data; boundary=\"a b:c\"", "a b:c" },
		{ "multipart/form-data; charset=utf-8; boundary=----WebKit",
		    "----WebKit" },
		{ "multipart/form-data; x=\"q;boundary=no\"; boundary=yes",
		    "yes" },
		{ "multipart/form-data; boundary="
		    "1234567890123456789012345678901234567890123456789012345678901234567890",
		    "1234567890123456789012345678901234567890123456789012345678901234567890" },
	};
	char	 out[MP_BOUNDARY_MAX + 1];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(mp_boundary(t[i].ct, out), strlen(t[i].b));
		assert_string_equal(out, t[i].b);
	}
}

static void
test_boundary_bad(void **state)
{
	static const char *const t[] = {
		"application/x-www-form-urlencoded",
		"multipart/mixed; boundary=abc",
		"multipart/form-data",
		"multipart/form-data; boundary=",
		"multipart/form-data; boundary=\"\"",
		"multipart/form-data; boundary=\"abc",
		"multipart/form-data; boundary=\"abc \"",
		"multipart/form-data; boundary=\"a\\b\"",
		"multipart/form-data; boundary=\"a\rb\"",
		"multipart/form-data; =abc",
		"multipart/form-data; boundary",
		"multipart/form-data boundary=abc",
		"multipart/form-data; boundary="
		    "12345678901234567890123456789012345678901234567890123456789012345678901",
	};
	char	 out[MP_BOUNDARY_MAX + 1];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(mp_boundary(t[i], out), -1);
	assert_int_equal(mp_boundary(NULL, out), -1);
}

/* parsing */

static void
test_fields_and_file(void **state)
{
	struct fixture	*f = *state;
	static const char body[] =
	    D "\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "tok\r\n"
	    D "\r\n"
	    "content-disposition: FORM-DATA; name=\"title\"\r\n\r\n"
	    "Проєкт\r\nрішення\r\n"
	    D "\r\n"
	    "Content-Disposition: form-data; name=\"file\"; "
	    "filename=\"рішення.pdf\"\r\n"
	    "Content-Type:  application/pdf \r\n\r\n"
	    "%PDF-\0\r\n--XyZ12\r\n"
	    D "--\r\n";

	assert_int_equal(parse(f, S(body)), MP_OK);
	assert_int_equal(f->n, 3);
	assert_string_equal(f->p[0].name, "csrf");
	assert_null(f->p[0].filename);
	assert_null(f->p[0].content_type);
	assert_data(&f->p[0], S("tok"));
	assert_string_equal(f->p[1].name, "title");
	assert_data(&f->p[1], S("Проєкт\r\nрішення"));
	assert_string_equal(f->p[2].name, "file");
	assert_string_equal(f->p[2].filename, "рішення.pdf");
	assert_string_equal(f->p[2].content_type, "application/pdf");
	/* NUL, CRLF and a near-boundary are data. */
	assert_data(&f->p[2], S("%PDF-\0\r\n--XyZ12"));
}

static void
test_preamble_padding_epilogue(void **state)
{
	struct fixture	*f = *state;
	static const char body[] =
	    "preamble " D " is not a delimiter here\r\n"
	    D " \t\r\n"
	    "Content-Disposition: form-data; name=a\r\n"
	    "X-Other: ignored\r\n\r\n"
	    "1\r\n"
	    D "--  epilogue\r\n" D "\r\nanything";

	assert_int_equal(parse(f, S(body)), MP_OK);
	assert_int_equal(f->n, 1);
	assert_string_equal(f->p[0].name, "a");
	assert_data(&f->p[0], S("1"));
}

static void
test_empty_parts_and_filenames(void **state)
{
	struct fixture	*f = *state;
	static const char body[] =
	    D "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n"
	    D "\r\nContent-Disposition: form-data; name=\"file\"; "
	    "filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n"
	    D "\r\nContent-Disposition: form-data; name=\"f2\"; "
	    "filename=\"C:\\x\\y.pdf\"; filename*=UTF-8''z.pdf\r\n\r\nq\r\n"
	    D "--";

	assert_int_equal(parse(f, S(body)), MP_OK);
	assert_int_equal(f->n, 3);
	assert_data(&f->p[0], S(""));
	assert_string_equal(f->p[1].filename, "");
	assert_data(&f->p[1], S(""));
	/* Backslashes are kept: browsers do not escape them. */
	assert_string_equal(f->p[2].filename, "C:\\x\\y.pdf");
}

static void
test_no_parts(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(parse(f, S(D "--\r\n")), MP_OK);
	assert_int_equal(f->n, 0);
}

static void
test_syntax_errors(void **state)
{
	struct fixture	*f = *state;
	static const char *const t[] = {
		"",
		"no delimiter at all",
		D,
		D "\r\n",
		/* no close delimiter */
		D "\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n",
		D "\r\nContent-Disposition: form-data; name=a\r\n\r\n1",
		/* junk after a delimiter */
		D "x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n" D
		    "--",
		/* no Content-Disposition, or not form-data, or no name */
		D "\r\nContent-Type: text/plain\r\n\r\n1\r\n" D "--",
		D "\r\nContent-Disposition: attachment; name=a\r\n\r\n1\r\n" D
		    "--",
		D "\r\nContent-Disposition: form-data\r\n\r\n1\r\n" D "--",
		D "\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1\r\n"
		    D "--",
		D "\r\nContent-Disposition: form-data; filename=a\r\n\r\n1\r\n"
		    D "--",
		/* duplicates */
		D "\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\n"
		    "1\r\n" D "--",
		D "\r\nContent-Disposition: form-data; name=a; filename=x; "
		    "filename=y\r\n\r\n1\r\n" D "--",
		D "\r\nContent-Disposition: form-data; name=a\r\n"
		    "Content-Disposition: form-data; name=b\r\n\r\n1\r\n" D "--",
		D "\r\nContent-Disposition: form-data; name=a\r\n"
		    "Content-Type: a\r\nContent-Type: b\r\n\r\n1\r\n" D "--",
		/* malformed headers and parameters */
		D "\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n" D
		    "--",
		D "\r\nContent-Disposition: form-data; name=a;\r\n\r\n1\r\n" D
		    "--",
		D "\r\nContent-Disposition: form-data; name\r\n\r\n1\r\n" D
		    "--",
		D "\r\nContent-Disposition: form-data name=a\r\n\r\n1\r\n" D
		    "--",
		D "\r\nContent-Disposition form-data; name=a\r\n\r\n1\r\n" D
		    "--",
		D "\r\n: x\r\nContent-Disposition: form-data; name=a\r\n\r\n"
		    "1\r\n" D "--",
		/* obs-fold, bare LF or CR in a header */
		D "\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\n1\r\n"
		    D "--",
		D "\r\nContent-Disposition: form-data; name=a\nX: y\r\n\r\n"
		    "1\r\n" D "--",
		D "\r\nContent-Disposition: form-data; name=\"a\rb\"\r\n\r\n"
		    "1\r\n" D "--",
		/* headers never end */
		D "\r\nContent-Disposition: form-data; name=a\r\n",
		/* not text */
		D "\r\nContent-Disposition: form-data; name=\"\xff\"\r\n\r\n1\r\n"
		    D "--",
		D "\r\nContent-Disposition: form-data; name=a; "
		    "filename=\"\xc0\xaf.pdf\"\r\n\r\n1\r\n" D "--",
		D "\r\nContent-Disposition: form-data; name=a; "
		    "filename=\"a\x01.pdf\"\r\n\r\n1\r\n" D "--",
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (parse(f, t[i], strlen(t[i])) != MP_ERR_SYNTAX)
			fail_msg("case %zu accepted: %s", i, t[i]);
	}
}

static void
test_nul_in_header_refused(void **state)
{
	struct fixture	*f = *state;
	static const char body[] =
	    D "\r\nContent-Disposition: form-data; name=a\r\nX: \0\r\n\r\n1\r\n"
	    D "--";

	assert_int_equal(parse(f, S(body)), MP_ERR_SYNTAX);
}

static void
test_header_limits(void **state)
{
	struct fixture	*f = *state;
	char		 body[3 * MP_HEADER_MAX];
	size_t		 n, i;

	/* One more header line than allowed. */
	n = (size_t)snprintf(body, sizeof(body), "%s\r\nContent-Disposition: "
	    "form-data; name=a\r\n", D);
	for (i = 0; i < MP_HEADER_LINES; i++)
		n += (size_t)snprintf(body + n, sizeof(body) - n, "X-%zu: y\r\n",
		    i);
	n += (size_t)snprintf(body + n, sizeof(body) - n, "\r\n1\r\n%s--", D);
	assert_int_equal(parse(f, body, n), MP_ERR_SYNTAX);

	/* A header block longer than MP_HEADER_MAX. */
	n = (size_t)snprintf(body, sizeof(body), "%s\r\nContent-Disposition: "
	    "form-data; name=a\r\nX: ", D);
	memset(body + n, 'y', MP_HEADER_MAX);
	n += MP_HEADER_MAX;
	n += (size_t)snprintf(body + n, sizeof(body) - n, "\r\n\r\n1\r\n%s--",
	    D);
	assert_int_equal(parse(f, body, n), MP_ERR_SYNTAX);

	/* A name longer than MP_VALUE_MAX. */
	n = (size_t)snprintf(body, sizeof(body), "%s\r\nContent-Disposition: "
	    "form-data; name=\"", D);
	memset(body + n, 'n', MP_VALUE_MAX + 1);
	n += MP_VALUE_MAX + 1;
	n += (size_t)snprintf(body + n, sizeof(body) - n, "\"\r\n\r\n1\r\n%s--",
	    D);
	assert_int_equal(parse(f, body, n), MP_ERR_SYNTAX);
}

static void
test_too_many_parts(void **state)
{
	struct fixture	*f = *state;
	struct mp_part	 more[MAXP + 1];
	char		 body[4096];
	size_t		 n = 0, i;

	for (i = 0; i < MAXP + 1; i++)
		n += (size_t)snprintf(body + n, sizeof(body) - n, "%s\r\n"
		    "Content-Disposition: form-data; name=f%zu\r\n\r\nv\r\n",
		    D, i);
	n += (size_t)snprintf(body + n, sizeof(body) - n, "%s--", D);
	assert_int_equal(parse(f, body, n), MP_ERR_TOO_MANY);
	assert_int_equal(f->n, MAXP);
	assert_int_equal(mp_parse(&f->a, body, n, B, more, MAXP + 1, &f->n),
	    MP_OK);
	assert_string_equal(more[MAXP].name, "f8");
	assert_int_equal(f->n, MAXP + 1);
}

static void
test_nomem(void **state)
{
	struct fixture	*f = *state;
	struct arena	 small;
	char		 body[4096];
	size_t		 n;

	(void)f;
	n = (size_t)snprintf(body, sizeof(body), "%s\r\nContent-Disposition: "
	    "form-data; name=\"%0900d\"\r\n\r\nv\r\n%s--", D, 0, D);
	arena_init(&small, 512);
	assert_int_equal(mp_parse(&small, body, n, B, f->p, MAXP, &f->n),
	    MP_ERR_NOMEM);
	arena_free(&small);
}

static void
test_bad_boundary_argument(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(mp_parse(&f->a, S(D "--"), "", f->p, MAXP, &f->n),
	    MP_ERR_SYNTAX);
}

#define T(t)	cmocka_unit_test_setup_teardown(t, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_boundary_good),
		T(test_boundary_bad),
		T(test_fields_and_file),
		T(test_preamble_padding_epilogue),
		T(test_empty_parts_and_filenames),
		T(test_no_parts),
		T(test_syntax_errors),
		T(test_nul_in_header_refused),
		T(test_header_limits),
		T(test_too_many_parts),
		T(test_nomem),
		T(test_bad_boundary_argument),
	};

	return cmocka_run_group_tests_name("multipart", tests, NULL, NULL);
}
