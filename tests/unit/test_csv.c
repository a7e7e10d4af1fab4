/*
 * csv.h: RFC 4180 writing with formula neutralising, and reading records
 * with their line numbers, errors reported and skipped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "csv.h"

/* Writes the fields as one record (text, or raw when raw[i]). */
static char *
write_record(const char *const *v, const int *raw, size_t n)
{
	struct csv_out	 o;
	char		*buf = NULL;
	size_t		 len = 0, i;
	FILE		*f = open_memstream(&buf, &len);

	assert_non_null(f);
	csv_out_init(&o, f);
	for (i = 0; i < n; i++)
		if (raw != NULL && raw[i])
			csv_raw(&o, v[i]);
		else
			csv_text(&o, v[i], strlen(v[i]));
	csv_end(&o);
	assert_int_equal(o.records, 1);
	fclose(f);
	return buf;
}

static void
test_write_quoting(void **state)
{
	static const struct {
		const char	*in, *out;
	} t[] = {
		{ "", "\r\n" },
		{ "plain", "plain\r\n" },
		{ "Київ", "Київ\r\n" },
		{ "a,b", "\"a,b\"\r\n" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"\r\n" },
		{ "two\nlines", "\"two\nlines\"\r\n" },
		{ "cr\rhere", "\"cr\rhere\"\r\n" },
		{ "a=b", "a=b\r\n" },
	};
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		s = write_record(&t[i].in, NULL, 1);
		assert_string_equal(s, t[i].out);
		free(s);
	}
}

static void
test_write_formulas(void **state)
{
	static const struct {
		const char	*in, *out;
	} t[] = {
		{ "=1+2", "\"'=1+2\"\r\n" },
		{ "+380441234567", "\"'+380441234567\"\r\n" },
		{ "-2+3", "\"'-2+3\"\r\n" },
		{ "@SUM(A1)", "\"'@SUM(A1)\"\r\n" },
		{ "\tx", "\"'\tx\"\r\n" },
		{ "\rx", "\"'\rx\"\r\n" },
		{ "=HYPERLINK(\"http://x\",\"y\")",
		    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n" },
	};
	size_t	 i;
	char	*s;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_true(csv_formula_like(t[i].in, strlen(t[i].in)));
		s = write_record(&t[i].in, NULL, 1);
		assert_string_equal(s, t[i].out);
		free(s);
	}
	assert_false(csv_formula_like("", 0));
	assert_false(csv_formula_like("a-b", 3));
}

static void
test_write_raw_numbers(void **state)
{
	const char	*v[] = { "-5", "12.5", "2026-03-01T09:00:00Z", "-5" };
	const int	 raw[] = { 1, 1, 1, 0 };
	char		*s;

	(void)state;
	s = write_record(v, raw, 4);
	assert_string_equal(s, "-5,12.5,2026-03-01T09:00:00Z,\"'-5\"\r\n");
	free(s);
}

/* Reads every record of s; fills lines[] and returns records + errors. */
static size_t
read_all(struct arena *a, const char *s, char ***recs, size_t *nf,
    unsigned long *lines, int *ok, size_t max)
{
	struct csv_in	 in;
	const char	*err;
	size_t		 n = 0;
	int		 r;

	csv_in_init(&in, s, strlen(s));
	while (n < max && (r = csv_read(&in, a, &recs[n], &nf[n], 8,
	    &lines[n], &err)) != 0) {
		ok[n] = r == 1;
		if (r == -1)
			assert_non_null(err);
		n++;
	}
	return n;
}

static void
test_read_records(void **state)
{
	struct arena	 a;
	char		**recs[8];
	size_t		 nf[8], n;
	unsigned long	 lines[8];
	int		 ok[8];

	(void)state;
	arena_init(&a, 0);
	n = read_all(&a, "\xef\xbb\xbf" "a,b,c\r\n"
	    "1,\"two, \"\"quoted\"\"\",3\r\n"
	    "\n"
	    "x,\"multi\nline\",\r\n"
	    "last,,end", recs, nf, lines, ok, 8);
	assert_int_equal(n, 4);
	assert_true(ok[0] && ok[1] && ok[2] && ok[3]);
	assert_int_equal(nf[0], 3);
	assert_string_equal(recs[0][0], "a");
	assert_int_equal(lines[0], 1);
	assert_string_equal(recs[1][1], "two, \"quoted\"");
	assert_int_equal(lines[1], 2);
	/* The blank line 3 is skipped; the record on 4 spans 4 and 5. */
	assert_int_equal(lines[2], 4);
	assert_string_equal(recs[2][1], "multi\nline");
	assert_string_equal(recs[2][2], "");
	assert_int_equal(lines[3], 6);
	assert_int_equal(nf[3], 3);
	assert_string_equal(recs[3][1], "");
	assert_string_equal(recs[3][2], "end");
	arena_free(&a);
}

static void
test_read_errors_by_line(void **state)
{
	struct arena	 a;
	char		**recs[8];
	size_t		 nf[8], n;
	unsigned long	 lines[8];
	int		 ok[8];

	(void)state;
	arena_init(&a, 0);
	n = read_all(&a, "h1,h2\n"
	    "ok,1\n"
	    "bad\"quote,2\n"
	    "\"closed\"then,3\n"
	    "ok,4\n"
	    "1,2,3,4,5,6,7,8,9\n"
	    "\"never closed,5\n"
	    "more\n", recs, nf, lines, ok, 8);
	assert_int_equal(n, 7);
	assert_true(ok[0] && ok[1]);
	assert_false(ok[2]);
	assert_int_equal(lines[2], 3);
	assert_false(ok[3]);
	assert_int_equal(lines[3], 4);
	assert_true(ok[4]);
	assert_int_equal(lines[4], 5);
	assert_false(ok[5]);		/* too many fields */
	assert_int_equal(lines[5], 6);
	assert_false(ok[6]);		/* runs to the end of the file */
	assert_int_equal(lines[6], 7);
	arena_free(&a);
	/* An unterminated quote runs to the end: reported on its line. */
	arena_init(&a, 0);
	n = read_all(&a, "a\n\"open,\nx\n", recs, nf, lines, ok, 8);
	assert_int_equal(n, 2);
	assert_false(ok[1]);
	assert_int_equal(lines[1], 2);
	arena_free(&a);
}

static void
test_read_nul(void **state)
{
	struct arena	 a;
	struct csv_in	 in;
	char		**f;
	const char	 s[] = "a,b\0c\nd,e\n";
	const char	*err;
	size_t		 n;
	unsigned long	 line;

	(void)state;
	arena_init(&a, 0);
	csv_in_init(&in, s, sizeof(s) - 1);
	assert_int_equal(csv_read(&in, &a, &f, &n, 4, &line, &err), -1);
	assert_int_equal(line, 1);
	assert_int_equal(csv_read(&in, &a, &f, &n, 4, &line, &err), 1);
	assert_int_equal(line, 2);
	assert_string_equal(f[0], "d");
	assert_int_equal(csv_read(&in, &a, &f, &n, 4, &line, &err), 0);
	arena_free(&a);
}

/* What the writer makes, the reader reads back the same. */
static void
test_round_trip(void **state)
{
	const char	*v[] = { "plain", "a,b", "\"q\"", "x\r\ny", "",
	    "Ї ґ є" };
	struct arena	 a;
	struct csv_in	 in;
	char		*s, **f;
	const char	*err;
	size_t		 n, i;
	unsigned long	 line;

	(void)state;
	arena_init(&a, 0);
	s = write_record(v, NULL, 6);
	csv_in_init(&in, s, strlen(s));
	assert_int_equal(csv_read(&in, &a, &f, &n, 8, &line, &err), 1);
	assert_int_equal(n, 6);
	for (i = 0; i < 6; i++)
		assert_string_equal(f[i], v[i]);
	assert_int_equal(csv_read(&in, &a, &f, &n, 8, &line, &err), 0);
	free(s);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_quoting),
		cmocka_unit_test(test_write_formulas),
		cmocka_unit_test(test_write_raw_numbers),
		cmocka_unit_test(test_read_records),
		cmocka_unit_test(test_read_errors_by_line),
		cmocka_unit_test(test_read_nul),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
