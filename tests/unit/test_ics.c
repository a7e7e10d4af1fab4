/*
 * ics.h: content lines folded at 75 octets without cutting UTF-8, TEXT
 * escaping, UTC times, and the size limit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ics.h"
#include "utf8.h"

static char *
finish(struct ics *c, size_t *len)
{
	char	*out = NULL;

	assert_int_equal(ics_finish(c, &out, len), 0);
	return out;
}

/* Every physical line: at most 75 octets, valid UTF-8, CRLF-terminated. */
static void
check_lines(const char *s, size_t len)
{
	size_t	 i = 0, start, n;

	while (i < len) {
		start = i;
		while (i + 1 < len && !(s[i] == '\r' && s[i + 1] == '\n'))
			i++;
		assert_true(i + 1 < len);	/* ends with CRLF */
		n = i - start;
		assert_true(n <= ICS_FOLD);
		assert_true(utf8_valid(s + start, n));
		i += 2;
	}
}

/* Undoes folding: CRLF followed by one space disappears. */
static char *
unfold(const char *s)
{
	char	*o = malloc(strlen(s) + 1), *p = o;

	while (*s != '\0') {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ')
			s += 3;
		else
			*p++ = *s++;
	}
	*p = '\0';
	return o;
}

static void
test_escape(void **state)
{
	struct ics	 c;
	char		*out;
	size_t		 len;

	(void)state;
	ics_init(&c);
	ics_text(&c, "SUMMARY", "a;b,c\\d\ne\r\nf\rg\x01h");
	out = finish(&c, &len);
	assert_non_null(out);
	assert_int_equal(len, strlen("SUMMARY:a\\;b\\,c\\\\d\\ne\\nf\\ng h\r\n"));
	assert_memory_equal(out, "SUMMARY:a\\;b\\,c\\\\d\\ne\\nf\\ng h\r\n", len);
	free(out);
}

static void
test_fold_ascii(void **state)
{
	struct ics	 c;
	char		 v[300], *out, *flat;
	size_t		 len;

	(void)state;
	memset(v, 'x', sizeof(v) - 1);
	v[sizeof(v) - 1] = '\0';
	ics_init(&c);
	ics_raw(&c, "DESCRIPTION", v);
	out = finish(&c, &len);
	check_lines(out, len);
	/* 12 + 299 = 311 octets: 75, then 74 a line after the space. */
	assert_memory_equal(out + 75, "\r\n ", 3);
	out = realloc(out, len + 1);
	out[len] = '\0';
	flat = unfold(out);
	assert_int_equal(strlen(flat), strlen("DESCRIPTION:") + 299 + 2);
	free(flat);
	free(out);
}

static void
test_fold_utf8(void **state)
{
	struct ics	 c;
	char		 v[1000], *out, *flat, *want;
	size_t		 len, i;

	(void)state;
	/* "Київ" repeated: two-octet letters at every offset. */
	v[0] = '\0';
	for (i = 0; i < 60; i++)
		strcat(v, i % 2 ? "Київ " : "ї");
	ics_init(&c);
	ics_text(&c, "LOCATION", v);
	ics_text(&c, "X", "€𝄞");
	out = finish(&c, &len);
	check_lines(out, len);
	out = realloc(out, len + 1);
	out[len] = '\0';
	flat = unfold(out);
	want = malloc(strlen(v) + 64);
	sprintf(want, "LOCATION:%s\r\nX:€𝄞\r\n", v);
	assert_string_equal(flat, want);
	free(want);
	free(flat);
	free(out);
}

static void
test_not_utf8_terminates(void **state)
{
	struct ics	 c;
	char		 v[200], *out;
	size_t		 len;

	(void)state;
	/* Only continuation octets: the fold cannot step back; it must cut. */
	memset(v, 0x80, sizeof(v) - 1);
	v[sizeof(v) - 1] = '\0';
	ics_init(&c);
	ics_raw(&c, "X", v);
	out = finish(&c, &len);
	assert_true(len > 200);
	free(out);
}

static void
test_utc(void **state)
{
	struct ics	 c;
	char		*out;
	size_t		 len;

	(void)state;
	ics_init(&c);
	ics_utc(&c, "DTSTAMP", 1764374400);	/* 2025-11-29 00:00:00 UTC */
	out = finish(&c, &len);
	assert_memory_equal(out, "DTSTAMP:20251129T000000Z\r\n", len);
	free(out);
}

static void
test_limit(void **state)
{
	struct ics	 c;
	char		*big, *out = NULL;
	size_t		 len, i;

	(void)state;
	big = malloc(1024 * 1024 + 1);
	memset(big, 'a', 1024 * 1024);
	big[1024 * 1024] = '\0';
	ics_init(&c);
	for (i = 0; i < 9; i++)
		ics_raw(&c, "X", big);
	assert_int_equal(ics_finish(&c, &out, &len), -1);
	assert_null(out);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_fold_ascii),
		cmocka_unit_test(test_fold_utf8),
		cmocka_unit_test(test_not_utf8_terminates),
		cmocka_unit_test(test_utc),
		cmocka_unit_test(test_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
