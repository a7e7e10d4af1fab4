/*
 * mail.h on any input: mail_encode_header() either refuses (invalid UTF-8,
 * control characters) or gives lines of at most 76 octets whose encoded
 * words decode back to the input exactly, each word holding whole UTF-8
 * characters; mail_build() with the input as subject, display name and
 * text never gives a line over 998 octets, a bare CR or LF, or a header
 * line that the input started (no injection).
 */
#include "fuzz.h"

#include "arena.h"
#include "mail.h"
#include "utf8.h"

static int
b64v(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Decodes the folded encoded words of e into out (cap bytes); length. */
static size_t
decode(const char *e, char *out, size_t cap)
{
	const char	*p = e;
	size_t		 o = 0, w;
	unsigned	 v;
	int		 bits, d;

	while (*p != '\0') {
		CHECK(strncmp(p, "=?UTF-8?B?", 10) == 0);
		p += 10;
		w = o;
		v = 0;
		bits = 0;
		for (; *p != '?'; p++) {
			CHECK(*p != '\0');
			if (*p == '=')
				continue;
			CHECK((d = b64v(*p)) >= 0);
			v = v << 6 | (unsigned)d;
			if ((bits += 6) >= 8) {
				bits -= 8;
				CHECK(o < cap);
				out[o++] = (char)(v >> bits & 0xff);
			}
		}
		CHECK(utf8_valid(out + w, o - w));
		CHECK(p[1] == '=');
		p += 2;
		if (*p == '\r') {
			CHECK(p[1] == '\n' && p[2] == ' ');
			p += 3;
		}
	}
	return o;
}

static void
lines_within(const char *s, size_t first, size_t max)
{
	size_t	 n = first;

	for (; *s != '\0'; s++) {
		if (*s == '\r') {
			CHECK(s[1] == '\n');
			CHECK(n <= max);
			n = 0;
			s++;
			continue;
		}
		CHECK(*s != '\n');
		n++;
	}
	CHECK(n <= max);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena	 a;
	static int		 init;
	struct mail_msg		 m;
	char			*s = fuzz_cstr(data, size), *e, *dec, *out;
	size_t			 len = strlen(s), n;
	int			 refused;

	if (!init) {
		arena_init(&a, 64 * 1024 * 1024);
		init = 1;
	}
	arena_reset(&a);
	refused = !utf8_valid(s, len) || strpbrk(s, "\t\r\n") != NULL ||
	    memchr(s, 0x7f, len) != NULL;
	e = mail_encode_header(&a, s, 9);
	CHECK((e == NULL) == refused);
	if (e != NULL) {
		lines_within(e, 9, 76);
		if (strncmp(e, "=?", 2) == 0) {
			CHECK((dec = malloc(len + 1)) != NULL);
			n = decode(e, dec, len + 1);
			CHECK(n == len && memcmp(dec, s, len) == 0);
			free(dec);
		} else
			CHECK(strcmp(e, s) == 0);
	}

	memset(&m, 0, sizeof(m));
	m.from = "consultations@kyiv.example";
	m.from_name = s;
	m.to = "olena@example.com";
	m.subject = s;
	m.message_id = "<outbox-1.abc@kyiv.example>";
	m.text = s;
	m.html = s;
	m.boundary = "=_hromada_0123";
	out = mail_build(&a, &m, &n);
	if (out != NULL) {
		CHECK(!refused);
		CHECK(strlen(out) == n && mail_lines_ok(out, n));
		lines_within(out, 0, MAIL_LINE_MAX);
		/* Every header line is one the builder wrote. */
		CHECK(strncmp(out, "From: ", 6) == 0);
		CHECK(strstr(out, "\r\nTo: olena@example.com\r\nSubject: ") !=
		    NULL);
	} else
		CHECK(refused || strpbrk(s, "\"\\") != NULL);
	free(s);
	return 0;
}
