/*
 * mail.h: RFC 2047 encoded words (76-octet lines, no split UTF-8
 * sequence, decoding back to the text), header injection refused, the
 * MIME structure of a message, CRLF only, no line over 998 octets, base64
 * lines, the Date format.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "mail.h"
#include "utf8.h"

static struct arena	 A;

static int
setup(void **state)
{
	(void)state;
	arena_init(&A, 16 * 1024 * 1024);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static int
b64val(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Decodes base64 (skipping CR, LF) into out; its length. */
static size_t
unb64(const char *s, size_t len, char *out)
{
	unsigned	 v = 0;
	int		 bits = 0, d;
	size_t		 i, o = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '=' || s[i] == '\r' || s[i] == '\n')
			continue;
		if ((d = b64val(s[i])) < 0)
			fail_msg("bad base64 character %d", s[i]);
		v = v << 6 | (unsigned)d;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)(v >> bits & 0xff);
		}
	}
	out[o] = '\0';
	return o;
}

/* Decodes a folded header value of encoded words (RFC 2047 rules). */
static void
unfold_decode(const char *v, char *out)
{
	const char	*p = v, *e;
	size_t		 o = 0, n;
	char		 word[256];

	*out = '\0';
	while (*p != '\0') {
		if (strncmp(p, "=?UTF-8?B?", 10) != 0)
			fail_msg("not an encoded word at: %s", p);
		p += 10;
		if ((e = strstr(p, "?=")) == NULL)
			fail_msg("unterminated word");
		n = unb64(p, (size_t)(e - p), word);
		/* Each word holds whole characters. */
		assert_true(utf8_valid(word, n));
		memcpy(out + o, word, n);
		o += n;
		p = e + 2;
		if (strncmp(p, "\r\n ", 3) == 0)
			p += 3;
		else
			assert_int_equal(*p, '\0');
	}
	out[o] = '\0';
}

static void
check_lines(const char *s, size_t first, size_t max)
{
	const char	*line = s, *nl;
	size_t		 len;

	for (;;) {
		nl = strstr(line, "\r\n");
		len = nl != NULL ? (size_t)(nl - line) : strlen(line);
		if ((line == s ? first : 0) + len > max)
			fail_msg("line of %zu octets: %.*s", len, (int)len, line);
		if (nl == NULL)
			break;
		line = nl + 2;
	}
}

static void
test_encode_ukrainian(void **state)
{
	static const char *const cases[] = {
		"Підтвердьте підписку на консультації",
		"Оголошено консультацію: Реконструкція парку «Наталка» на "
		    "Оболоні та благоустрій прилеглої території вздовж Дніпра",
		"Київ",
		"a€b😀c — змішаний text",
	};
	char	 out[4096];
	size_t	 i;
	char	*e;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		e = mail_encode_header(&A, cases[i], 9);
		assert_non_null(e);
		check_lines(e, 9, 76);
		unfold_decode(e, out);
		assert_string_equal(out, cases[i]);
	}
}

static void
test_encode_ascii_stays(void **state)
{
	(void)state;
	assert_string_equal(mail_encode_header(&A, "Hello, Kyiv", 9),
	    "Hello, Kyiv");
	/* Found by fuzz_mail: plain text that looks like an encoded word. */
	assert_memory_equal(mail_encode_header(&A, "=?yiy", 9),
	    "=?UTF-8?B?PT95aXk=?=", 21);
	/* Too long for one line: encoded (and folded) instead. */
	assert_memory_equal(mail_encode_header(&A, "aaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 9),
	    "=?UTF-8?B?", 10);
}

static void
test_encode_refuses_injection(void **state)
{
	(void)state;
	assert_null(mail_encode_header(&A, "Тема\r\nBcc: x@example.com", 9));
	assert_null(mail_encode_header(&A, "a\nb", 9));
	assert_null(mail_encode_header(&A, "a\tb", 9));
	assert_null(mail_encode_header(&A, "\xff\xfe", 9));
}

static struct mail_msg
msg(const char *text)
{
	static const struct mail_header h[] = {
		{ "List-Unsubscribe", "<https://example.org/unsubscribe?token=x>" },
		{ "List-Unsubscribe-Post", "List-Unsubscribe=One-Click" },
	};
	struct mail_msg	 m;

	memset(&m, 0, sizeof(m));
	m.from = "consultations@kyiv.example";
	m.from_name = "Громадські консультації · Київ";
	m.to = "olena@example.com";
	m.subject = "Оголошено консультацію: Сквер";
	m.message_id = "<outbox-1.abc@kyiv.example>";
	m.date = 0;
	m.text = text;
	m.html = "<p>Привіт</p>";
	m.extra = h;
	m.nextra = 2;
	m.boundary = "=_hromada_0123";
	return m;
}

static void
test_build_structure(void **state)
{
	struct mail_msg	 m = msg("Вітаємо!\n.a line with a dot\n");
	const char	*p, *q;
	char		*out, dec[1024];
	size_t		 len, i;

	(void)state;
	out = mail_build(&A, &m, &len);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	/* CRLF only. */
	for (i = 0; i < len; i++)
		if (out[i] == '\n')
			assert_true(i > 0 && out[i - 1] == '\r');
		else if (out[i] == '\r')
			assert_true(out[i + 1] == '\n');
	assert_non_null(strstr(out, "\r\nTo: olena@example.com\r\n"));
	assert_non_null(strstr(out, "\r\nMIME-Version: 1.0\r\n"));
	assert_non_null(strstr(out, "\r\nDate: Thu, 1 Jan 1970 00:00:00 +0000\r\n"));
	assert_non_null(strstr(out, "\r\nMessage-ID: <outbox-1.abc@kyiv.example>\r\n"));
	assert_non_null(strstr(out, "\r\nList-Unsubscribe-Post: "
	    "List-Unsubscribe=One-Click\r\n"));
	assert_non_null(strstr(out, "Content-Type: multipart/alternative; "
	    "boundary=\"=_hromada_0123\"\r\n"));
	assert_non_null(strstr(out, "--=_hromada_0123\r\nContent-Type: "
	    "text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: "
	    "base64\r\n\r\n"));
	assert_non_null(strstr(out, "--=_hromada_0123\r\nContent-Type: "
	    "text/html; charset=UTF-8\r\n"));
	assert_non_null(strstr(out, "\r\n--=_hromada_0123--\r\n"));
	/* The From display name is encoded; the address is plain. */
	assert_memory_equal(out, "From: =?UTF-8?B?", 16);
	assert_non_null(strstr(out, " <consultations@kyiv.example>\r\nTo:"));
	/* The text part decodes to the text. */
	p = strstr(out, "base64\r\n\r\n") + 10;
	q = strstr(p, "\r\n--=_hromada_0123");
	unb64(p, (size_t)(q - p), dec);
	assert_string_equal(dec, "Вітаємо!\n.a line with a dot\n");
	/* No line starts with "." (libcurl would stuff it, but none does). */
	assert_null(strstr(out, "\r\n."));
	assert_true(mail_lines_ok(out, len));
}

static void
test_build_long_text_lines(void **state)
{
	static char	 text[20001];
	struct mail_msg	 m;
	char		*out;
	size_t		 len;

	(void)state;
	memset(text, 'x', sizeof(text) - 1);
	m = msg(text);
	out = mail_build(&A, &m, &len);
	assert_non_null(out);
	check_lines(out, 0, 998);
	/* base64 bodies come in 76-character lines. */
	check_lines(strstr(out, "base64\r\n\r\n") + 10, 0, 998);
	assert_non_null(strstr(out, "\r\neHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4"
	    "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\r\n"));
}

static void
test_build_refuses_unsafe(void **state)
{
	struct mail_msg		 m;
	struct mail_header	 bad[] = { { "X-A", "v\r\nBcc: x@y.z" } };
	struct mail_header	 badname[] = { { "X-A: b", "v" } };
	size_t			 len;

	(void)state;
	m = msg("t");
	m.to = "a@b.c\r\nBcc: x@y.z";
	assert_null(mail_build(&A, &m, &len));
	m = msg("t");
	m.subject = "Тема\nBcc: x@y.z";
	assert_null(mail_build(&A, &m, &len));
	m = msg("t");
	m.extra = bad;
	m.nextra = 1;
	assert_null(mail_build(&A, &m, &len));
	m = msg("t");
	m.extra = badname;
	m.nextra = 1;
	assert_null(mail_build(&A, &m, &len));
	m = msg("t");
	m.from_name = "Name \"quoted\"";
	assert_null(mail_build(&A, &m, &len));
}

static void
test_lines_ok(void **state)
{
	static char	 s[2100];

	(void)state;
	memset(s, 'a', 998);
	memcpy(s + 998, "\r\nb", 4);
	assert_true(mail_lines_ok(s, strlen(s)));
	memset(s, 'a', 999);
	memcpy(s + 999, "\r\nb", 4);
	assert_false(mail_lines_ok(s, strlen(s)));
}

static void
test_date(void **state)
{
	char	 b[48];

	(void)state;
	assert_string_equal(mail_date(b, sizeof(b), 0),
	    "Thu, 1 Jan 1970 00:00:00 +0000");
	assert_string_equal(mail_date(b, sizeof(b), 1796000000),
	    "Mon, 30 Nov 2026 00:53:20 +0000");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode_ukrainian),
		cmocka_unit_test(test_encode_ascii_stays),
		cmocka_unit_test(test_encode_refuses_injection),
		cmocka_unit_test(test_build_structure),
		cmocka_unit_test(test_build_long_text_lines),
		cmocka_unit_test(test_build_refuses_unsafe),
		cmocka_unit_test(test_lines_ok),
		cmocka_unit_test(test_date),
	};

	return cmocka_run_group_tests_name("mail", tests, setup, teardown);
}
