/*
 * utf8.h: well-formed UTF-8 per RFC 3629 with no NUL and no C0 control
 * but tab, LF and CR; code point counting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

/* A literal and its length, embedded NULs included. */
#define S(x)	x, sizeof(x) - 1

struct utf8_case {
	const char	*s;
	size_t		 len;
	const char	*what;
};

static void
check_table(const struct utf8_case *t, size_t n, int want)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (utf8_valid(t[i].s, t[i].len) != want)
			fail_msg("utf8_valid(%s) != %d", t[i].what, want);
	}
}

#define CHECK(t, want)	check_table(t, sizeof(t) / sizeof(t[0]), want)

static void
test_valid_ascii(void **state)
{
	static const struct utf8_case good[] = {
		{ S(""), "empty" },
		{ S("a"), "one letter" },
		{ S("Hello, Kyiv! 0123456789 ~`@#$%^&*()[]{}<>"), "printable" },
		{ S(" "), "space" },
		{ S("\x7e"), "tilde 0x7e" },
	};

	(void)state;
	CHECK(good, 1);
}

static void
test_valid_whitespace_controls(void **state)
{
	static const struct utf8_case good[] = {
		{ S("a\tb"), "tab" },
		{ S("line\nline"), "LF" },
		{ S("line\r\nline"), "CRLF" },
		{ S("\r"), "lone CR" },
	};

	(void)state;
	CHECK(good, 1);
}

static void
test_valid_cyrillic(void **state)
{
	static const struct utf8_case good[] = {
		{ S("ї"), "yi U+0457" },
		{ S("ґ"), "ghe with upturn U+0491" },
		{ S("є"), "ukrainian ie U+0454" },
		{ S("’"), "apostrophe U+2019 (3 bytes)" },
		{ S("Ї Ґ Є І"), "capitals" },
		{ S("Громадське обговорення «Київ»"), "sentence" },
		{ S("м’ята"), "word with apostrophe" },
		{ S("\xc2\x80"), "U+0080 smallest 2-byte" },
		{ S("\xdf\xbf"), "U+07FF largest 2-byte" },
		{ S("\xe0\xa0\x80"), "U+0800 smallest 3-byte" },
		{ S("\xed\x9f\xbf"), "U+D7FF below surrogates" },
		{ S("\xee\x80\x80"), "U+E000 above surrogates" },
		{ S("\xef\xbf\xbf"), "U+FFFF" },
	};

	(void)state;
	CHECK(good, 1);
}

static void
test_valid_four_byte(void **state)
{
	static const struct utf8_case good[] = {
		{ S("😀"), "emoji U+1F600" },
		{ S("🇺🇦"), "flag, two regional indicators" },
		{ S("a😀b"), "emoji between letters" },
		{ S("\xf0\x90\x80\x80"), "U+10000 smallest 4-byte" },
		{ S("\xf4\x8f\xbf\xbf"), "U+10FFFF largest" },
	};

	(void)state;
	CHECK(good, 1);
}

static void
test_invalid_overlong(void **state)
{
	static const struct utf8_case bad[] = {
		{ S("\xc0\xaf"), "overlong '/' 2-byte" },
		{ S("\xc0\x80"), "overlong NUL (modified UTF-8)" },
		{ S("\xc1\xbf"), "overlong 2-byte max" },
		{ S("\xe0\x80\xaf"), "overlong '/' 3-byte" },
		{ S("\xe0\x9f\xbf"), "overlong 3-byte max" },
		{ S("\xf0\x80\x80\xaf"), "overlong '/' 4-byte" },
		{ S("\xf0\x8f\xbf\xbf"), "overlong 4-byte max" },
		{ S("ok\xc0\xafok"), "overlong in the middle" },
	};

	(void)state;
	CHECK(bad, 0);
}

static void
test_invalid_surrogates(void **state)
{
	static const struct utf8_case bad[] = {
		{ S("\xed\xa0\x80"), "U+D800" },
		{ S("\xed\xad\xbf"), "U+DB7F" },
		{ S("\xed\xb0\x80"), "U+DC00" },
		{ S("\xed\xbf\xbf"), "U+DFFF" },
		{ S("\xed\xa0\xbd\xed\xb8\x80"), "CESU-8 pair for U+1F600" },
	};

	(void)state;
	CHECK(bad, 0);
}

static void
test_invalid_above_max(void **state)
{
	static const struct utf8_case bad[] = {
		{ S("\xf4\x90\x80\x80"), "U+110000" },
		{ S("\xf4\xbf\xbf\xbf"), "U+13FFFF" },
		{ S("\xf5\x80\x80\x80"), "F5 lead" },
		{ S("\xf7\xbf\xbf\xbf"), "F7 lead" },
		{ S("\xf8\x88\x80\x80\x80"), "5-byte form" },
		{ S("\xfc\x84\x80\x80\x80\x80"), "6-byte form" },
		{ S("\xfe"), "FE" },
		{ S("\xff"), "FF" },
	};

	(void)state;
	CHECK(bad, 0);
}

static void
test_invalid_continuation(void **state)
{
	static const struct utf8_case bad[] = {
		{ S("\x80"), "lone 80" },
		{ S("\xbf"), "lone BF" },
		{ S("a\x80z"), "continuation after ASCII" },
		{ S("ї\xb7"), "extra continuation" },
		{ S("\xd0\x41"), "2-byte lead then ASCII" },
		{ S("\xe2\x80\x41"), "3-byte lead, bad third" },
		{ S("\xe2\x41\x99"), "3-byte lead, bad second" },
		{ S("\xf0\x9f\x98\x41"), "4-byte lead, bad fourth" },
		{ S("\xd0\xd0\xb0"), "lead then lead" },
	};

	(void)state;
	CHECK(bad, 0);
}

static void
test_invalid_truncated(void **state)
{
	static const struct utf8_case bad[] = {
		{ S("\xd0"), "2-byte lead only" },
		{ S("abc\xd1"), "2-byte lead at end" },
		{ S("\xe2\x80"), "3-byte, 2 of 3" },
		{ S("\xe2"), "3-byte, 1 of 3" },
		{ S("abc\xf0\x9f\x98"), "4-byte, 3 of 4 at end" },
		{ S("\xf0\x9f"), "4-byte, 2 of 4" },
		{ S("\xf0"), "4-byte, 1 of 4" },
	};

	(void)state;
	CHECK(bad, 0);
}

/* The length is the bound: bytes past it are never read or counted. */
static void
test_len_bounds(void **state)
{
	(void)state;
	assert_false(utf8_valid("ї", 1));		/* cut inside */
	assert_true(utf8_valid("ab\xff", 2));		/* bad byte past len */
	assert_false(utf8_valid("😀", 3));
	assert_true(utf8_valid("😀", 4));
	assert_true(utf8_valid(NULL, 0));
}

static void
test_invalid_nul_and_controls(void **state)
{
	static const struct utf8_case bad[] = {
		{ S("\0"), "NUL alone" },
		{ S("abc\0def"), "NUL inside" },
		{ S("abc\0"), "NUL at end" },
		{ S("\x01"), "SOH" },
		{ S("\x07"), "BEL" },
		{ S("\x08"), "BS" },
		{ S("\x0b"), "VT" },
		{ S("\x0c"), "FF" },
		{ S("a\x1b[31mred"), "ESC (terminal escape)" },
		{ S("\x1f"), "US" },
		{ S("\x7f"), "DEL" },
		{ S("ї\x7f"), "DEL after Cyrillic" },
	};

	(void)state;
	CHECK(bad, 0);
}

/* Every single byte: exactly printable ASCII, tab, LF and CR pass. */
static void
test_every_single_byte(void **state)
{
	char	 c;
	int	 b, want;

	(void)state;
	for (b = 0; b < 256; b++) {
		c = (char)b;
		want = (b >= 0x20 && b < 0x7f) || b == '\t' || b == '\n' ||
		    b == '\r';
		if (utf8_valid(&c, 1) != want)
			fail_msg("byte 0x%02x: want %d", b, want);
	}
}

static void
test_len(void **state)
{
	static const struct {
		const char	*s;
		size_t		 n;
	} t[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "ї", 1 },
		{ "Київ", 4 },
		{ "м’ята", 5 },
		{ "😀", 1 },
		{ "a😀bґ", 4 },
		{ "🇺🇦", 2 },
		{ "line\nline", 9 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(utf8_len(t[i].s, strlen(t[i].s)), t[i].n);
	assert_int_equal(utf8_len("Київ", 4), 2);	/* bounded by len */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_ascii),
		cmocka_unit_test(test_valid_whitespace_controls),
		cmocka_unit_test(test_valid_cyrillic),
		cmocka_unit_test(test_valid_four_byte),
		cmocka_unit_test(test_invalid_overlong),
		cmocka_unit_test(test_invalid_surrogates),
		cmocka_unit_test(test_invalid_above_max),
		cmocka_unit_test(test_invalid_continuation),
		cmocka_unit_test(test_invalid_truncated),
		cmocka_unit_test(test_len_bounds),
		cmocka_unit_test(test_invalid_nul_and_controls),
		cmocka_unit_test(test_every_single_byte),
		cmocka_unit_test(test_len),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
