/*
 * The API's JSON writer (api_json.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_json.h"
#include "lifecycle.h"

void
jw_init(struct jw *w, size_t hint)
{
	memset(w, 0, sizeof(*w));
	w->cap = hint > 64 ? hint : 64;
	if ((w->buf = malloc(w->cap)) == NULL)
		w->failed = 1;
}

/* Room for n more bytes and the final NUL. */
static int
room(struct jw *w, size_t n)
{
	char	*nb;
	size_t	 ncap;

	if (w->failed)
		return 0;
	if (w->len + n + 1 <= w->cap)
		return 1;
	ncap = w->cap;
	while (w->len + n + 1 > ncap)
		ncap *= 2;
	if ((nb = realloc(w->buf, ncap)) == NULL) {
		w->failed = 1;
		return 0;
	}
	w->buf = nb;
	w->cap = ncap;
	return 1;
}

static void
put(struct jw *w, const char *s, size_t n)
{
	if (!room(w, n))
		return;
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

/* A comma unless this value opens a container or follows a key. */
static void
sep(struct jw *w)
{
	char	 c;

	if (w->len == 0 || w->failed)
		return;
	c = w->buf[w->len - 1];
	if (c != '{' && c != '[' && c != ':')
		put(w, ",", 1);
}

void
jw_open(struct jw *w, char c)
{
	sep(w);
	put(w, &c, 1);
}

void
jw_close(struct jw *w, char c)
{
	put(w, &c, 1);
}

void
jw_key(struct jw *w, const char *key)
{
	sep(w);
	put(w, "\"", 1);
	put(w, key, strlen(key));
	put(w, "\":", 2);
}

void
jw_str(struct jw *w, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p, *run;
	char		 esc[6];

	if (s == NULL) {
		jw_null(w);
		return;
	}
	sep(w);
	put(w, "\"", 1);
	for (p = run = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		put(w, (const char *)run, (size_t)(p - run));
		run = p + 1;
		switch (*p) {
		case '"':
			put(w, "\\\"", 2);
			break;
		case '\\':
			put(w, "\\\\", 2);
			break;
		case '\n':
			put(w, "\\n", 2);
			break;
		case '\r':
			put(w, "\\r", 2);
			break;
		case '\t':
			put(w, "\\t", 2);
			break;
		default:
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[*p >> 4];
			esc[5] = hex[*p & 15];
			put(w, esc, 6);
			break;
		}
	}
	put(w, (const char *)run, (size_t)(p - run));
	put(w, "\"", 1);
}

void
jw_text(struct jw *w, const char *s)
{
	jw_str(w, s != NULL && *s != '\0' ? s : NULL);
}

void
jw_int(struct jw *w, long long v)
{
	char	 buf[32];
	int	 n = snprintf(buf, sizeof(buf), "%lld", v);

	sep(w);
	put(w, buf, (size_t)n);
}

void
jw_bool(struct jw *w, int v)
{
	sep(w);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void
jw_null(struct jw *w)
{
	sep(w);
	put(w, "null", 4);
}

void
jw_time(struct jw *w, time_t t)
{
	char	 buf[40];

	if (t == 0)
		jw_null(w);
	else
		jw_str(w, fmt_iso(buf, sizeof(buf), t));
}

char *
jw_finish(struct jw *w, size_t *len)
{
	char	*b;

	if (w->failed || !room(w, 0)) {
		jw_free(w);
		return NULL;
	}
	w->buf[w->len] = '\0';
	b = w->buf;
	*len = w->len;
	w->buf = NULL;
	return b;
}

void
jw_free(struct jw *w)
{
	free(w->buf);
	memset(w, 0, sizeof(*w));
}
