/*
 * iCalendar content lines (RFC 5545, 3.1 and 3.3.11).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ics.h"

void
ics_init(struct ics *c)
{
	memset(c, 0, sizeof(*c));
}

void
ics_free(struct ics *c)
{
	free(c->buf);
	memset(c, 0, sizeof(*c));
}

static int
reserve(struct ics *c, size_t more)
{
	size_t	 cap;
	char	*p;

	if (c->err)
		return -1;
	if (more > ICS_MAX || c->len > ICS_MAX - more) {
		c->err = 1;
		return -1;
	}
	if (c->len + more <= c->cap)
		return 0;
	cap = c->cap != 0 ? c->cap : 4096;
	while (cap < c->len + more)
		cap *= 2;
	if ((p = realloc(c->buf, cap)) == NULL) {
		c->err = 1;
		return -1;
	}
	c->buf = p;
	c->cap = cap;
	return 0;
}

/*
 * Appends one logical line (n octets of s) folded: after 75 octets on a
 * physical line, CRLF and a space, moving back to the start of a UTF-8
 * sequence so that none is cut.
 */
static void
put_line(struct ics *c, const char *s, size_t n)
{
	size_t	 room = ICS_FOLD, take;

	/* Worst case: a fold (3 octets) every 74, and the final CRLF. */
	if (reserve(c, n + (n / 70 + 1) * 3 + 2) == -1)
		return;
	while (n > room) {
		take = room;
		while (take > 0 && ((unsigned char)s[take] & 0xc0) == 0x80)
			take--;
		if (take == 0)		/* not UTF-8: cut where the room ends */
			take = room;
		memcpy(c->buf + c->len, s, take);
		c->len += take;
		memcpy(c->buf + c->len, "\r\n ", 3);
		c->len += 3;
		s += take;
		n -= take;
		room = ICS_FOLD - 1;	/* the leading space counts */
	}
	memcpy(c->buf + c->len, s, n);
	c->len += n;
	memcpy(c->buf + c->len, "\r\n", 2);
	c->len += 2;
}

void
ics_text(struct ics *c, const char *name, const char *value)
{
	size_t	 nl = strlen(name), vl = strlen(value), i, n;
	char	*line;

	if (c->err)
		return;
	/* Each value octet takes two at most when escaped. */
	if (vl > ICS_MAX / 2 || (line = malloc(nl + 1 + 2 * vl + 1)) == NULL) {
		c->err = 1;
		return;
	}
	memcpy(line, name, nl);
	n = nl;
	line[n++] = ':';
	for (i = 0; i < vl; i++) {
		switch (value[i]) {
		case '\\':
		case ';':
		case ',':
			line[n++] = '\\';
			line[n++] = value[i];
			break;
		case '\r':
			/* CRLF is one line break; a lone CR is one too. */
			if (value[i + 1] == '\n')
				break;
			/* FALLTHROUGH */
		case '\n':
			line[n++] = '\\';
			line[n++] = 'n';
			break;
		default:
			/* Other controls are not allowed in TEXT. */
			if ((unsigned char)value[i] < 0x20 && value[i] != '\t')
				line[n++] = ' ';
			else
				line[n++] = value[i];
		}
	}
	put_line(c, line, n);
	free(line);
}

void
ics_raw(struct ics *c, const char *name, const char *value)
{
	size_t	 nl = strlen(name), vl = strlen(value);
	char	*line;

	if (c->err)
		return;
	if (vl > ICS_MAX || (line = malloc(nl + 1 + vl + 1)) == NULL) {
		c->err = 1;
		return;
	}
	memcpy(line, name, nl);
	line[nl] = ':';
	memcpy(line + nl + 1, value, vl);
	put_line(c, line, nl + 1 + vl);
	free(line);
}

void
ics_utc(struct ics *c, const char *name, time_t t)
{
	struct tm	 tm;
	char		 v[64];

	if (gmtime_r(&t, &tm) == NULL) {
		c->err = 1;
		return;
	}
	snprintf(v, sizeof(v), "%04d%02d%02dT%02d%02d%02dZ", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	ics_raw(c, name, v);
}

int
ics_finish(struct ics *c, char **out, size_t *len)
{
	if (c->err) {
		ics_free(c);
		return -1;
	}
	*out = c->buf;
	*len = c->len;
	memset(c, 0, sizeof(*c));
	return 0;
}
