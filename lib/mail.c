#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mail.h"
#include "utf8.h"

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* base64 of len bytes at out (4 * ((len + 2) / 3) characters, no NUL). */
static size_t
b64_put(char *out, const unsigned char *in, size_t len)
{
	size_t	 i, o = 0;
	unsigned v;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = b64[v >> 6 & 63];
		out[o++] = b64[v & 63];
	}
	if (i < len) {
		v = (unsigned)in[i] << 16;
		if (i + 1 < len)
			v |= (unsigned)in[i + 1] << 8;
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = i + 1 < len ? b64[v >> 6 & 63] : '=';
		out[o++] = '=';
	}
	return o;
}

char *
mail_base64_lines(struct arena *a, const void *data, size_t len)
{
	const unsigned char	*in = data;
	char			*out;
	size_t			 o = 0, i, n;

	/* 57 input bytes make one 76-character line. */
	if ((out = arena_alloc(a, (len + 56) / 57 * 78 + 1)) == NULL)
		return NULL;
	for (i = 0; i < len; i += 57) {
		n = len - i < 57 ? len - i : 57;
		o += b64_put(out + o, in + i, n);
		out[o++] = '\r';
		out[o++] = '\n';
	}
	out[o] = '\0';
	return out;
}

/* Printable ASCII only (no controls, no 8-bit). */
static int
plain_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return 0;
	return 1;
}

/* Length of the UTF-8 sequence that starts with byte c. */
static size_t
seqlen(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/*
 * "=?UTF-8?B?" + base64 + "?=" is 12 + 4 * ceil(n / 3): 45 bytes of text
 * make a word of 72 octets, 75 with a fold's leading space; the first line
 * holds the header's name and so takes fewer.  Every line stays within 76
 * (RFC 2047, section 2).
 */
#define WORD_BYTES	45

char *
mail_encode_header(struct arena *a, const char *s, size_t start)
{
	size_t	 len = strlen(s), i, n, k, o = 0, first;
	char	*out;

	if (!utf8_valid(s, len))
		return NULL;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return NULL;
	/* "=?" in a plain value would be read as an encoded word. */
	if (plain_ascii(s) && start + len <= 76 && strstr(s, "=?") == NULL)
		return arena_strdup(a, s);
	/* Each word of >= 3 bytes is at most twice as long, plus markers. */
	if ((out = arena_alloc(a, 4 * len + 128)) == NULL)
		return NULL;
	/* The first line also holds "Subject: ": fewer bytes there. */
	first = start + 12 < 76 ? (76 - start - 12) / 4 * 3 : 3;
	for (i = 0; i < len; i += n) {
		/* Whole characters only, up to the word's bytes. */
		for (n = 0; i + n < len; n += k) {
			k = seqlen((unsigned char)s[i + n]);
			if (n + k > (i == 0 ? first : WORD_BYTES))
				break;
		}
		if (n == 0)
			n = seqlen((unsigned char)s[i]);
		if (i > 0) {
			memcpy(out + o, "\r\n ", 3);
			o += 3;
		}
		memcpy(out + o, "=?UTF-8?B?", 10);
		o += 10;
		o += b64_put(out + o, (const unsigned char *)s + i, n);
		memcpy(out + o, "?=", 2);
		o += 2;
	}
	out[o] = '\0';
	return out;
}

char *
mail_date(char *buf, size_t cap, time_t t)
{
	static const char *const day[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 tm;

	/* Names by hand: strftime's follow the locale. */
	gmtime_r(&t, &tm);
	snprintf(buf, cap, "%s, %d %s %04d %02d:%02d:%02d +0000",
	    day[tm.tm_wday], tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
	return buf;
}

/* An ASCII header value on one line (no control characters). */
static int
safe_value(const char *s)
{
	return s != NULL && plain_ascii(s);
}

/* A header field name: printable ASCII without ":" or space. */
static int
safe_name(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s <= 0x20 || *s >= 0x7f || *s == ':')
			return 0;
	return 1;
}

/* A part: its headers, then the text in base64. */
static char *
part(struct arena *a, const char *boundary, const char *type,
    const char *body)
{
	const char	*enc;

	if ((enc = mail_base64_lines(a, body, strlen(body))) == NULL)
		return NULL;
	return arena_printf(a, "--%s\r\n"
	    "Content-Type: %s; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "\r\n%s", boundary, type, enc);
}

char *
mail_build(struct arena *a, const struct mail_msg *m, size_t *len)
{
	char		 date[48];
	const char	*subject, *from, *extra = "", *text, *html, *out;
	size_t		 i;

	if (!safe_value(m->from) || !safe_value(m->to) ||
	    !safe_value(m->message_id) || !safe_value(m->boundary) ||
	    m->text == NULL || m->html == NULL || m->subject == NULL)
		return NULL;
	if ((subject = mail_encode_header(a, m->subject, 9)) == NULL)
		return NULL;
	from = m->from;
	if (m->from_name != NULL && *m->from_name != '\0') {
		if ((from = mail_encode_header(a, m->from_name, 6)) == NULL ||
		    strchr(m->from, '<') != NULL)
			return NULL;
		/* A plain-ASCII name may hold specials: quote it. */
		if (plain_ascii(m->from_name) && (strchr(from, '"') != NULL ||
		    strchr(from, '\\') != NULL))
			return NULL;
		from = arena_printf(a, plain_ascii(m->from_name) ?
		    "\"%s\" <%s>" : "%s <%s>", from, m->from);
		if (from == NULL)
			return NULL;
	}
	for (i = 0; i < m->nextra; i++) {
		if (!safe_name(m->extra[i].name) ||
		    !safe_value(m->extra[i].value))
			return NULL;
		if ((extra = arena_printf(a, "%s%s: %s\r\n", extra,
		    m->extra[i].name, m->extra[i].value)) == NULL)
			return NULL;
	}
	if ((text = part(a, m->boundary, "text/plain", m->text)) == NULL ||
	    (html = part(a, m->boundary, "text/html", m->html)) == NULL)
		return NULL;
	out = arena_printf(a,
	    "From: %s\r\n"
	    "To: %s\r\n"
	    "Subject: %s\r\n"
	    "Date: %s\r\n"
	    "Message-ID: %s\r\n"
	    "MIME-Version: 1.0\r\n"
	    "%s"
	    "Content-Type: multipart/alternative; boundary=\"%s\"\r\n"
	    "\r\n"
	    "This is a message in the MIME format.\r\n"
	    "\r\n"
	    "%s\r\n%s\r\n--%s--\r\n",
	    from, m->to, subject, mail_date(date, sizeof(date), m->date),
	    m->message_id, extra, m->boundary, text, html, m->boundary);
	if (out == NULL || !mail_lines_ok(out, strlen(out)))
		return NULL;
	*len = strlen(out);
	return (char *)out;
}

int
mail_lines_ok(const char *s, size_t len)
{
	size_t	 i, start = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '\n') {
			if (i - start > MAIL_LINE_MAX + 1)
				return 0;
			start = i + 1;
		}
	return len - start <= MAIL_LINE_MAX;
}
