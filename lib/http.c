#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "http.h"
#include "utf8.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
http_url_decode(struct arena *a, const char *s, size_t len, size_t *outlen)
{
	char	*out;
	size_t	 i, o = 0;
	int	 hi, lo;

	if ((out = arena_alloc(a, len + 1)) == NULL)
		return NULL;
	for (i = 0; i < len; i++) {
		if (s[i] == '+')
			out[o++] = ' ';
		else if (s[i] == '%') {
			if (i + 2 >= len)
				return NULL;
			if ((hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0)
				return NULL;
			out[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	if (outlen != NULL)
		*outlen = o;
	return out;
}

static int
form_parse(struct arena *a, const char *s, size_t len, struct kv *args,
    size_t *nargs, const char **badkey, uint64_t *scrub)
{
	const char	*p, *end, *amp, *eq;
	char		*key, *val;
	size_t		 klen, vlen;

	p = s;
	end = s + len;
	while (p < end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if (amp == p) {		/* empty pair: "a=1&&b=2" */
			p++;
			continue;
		}
		if (badkey != NULL)
			*badkey = NULL;
		if (*nargs >= HTTP_ARGS_MAX)
			return -1;
		if ((eq = memchr(p, '=', (size_t)(amp - p))) == NULL)
			eq = amp;
		key = http_url_decode(a, p, (size_t)(eq - p), &klen);
		val = eq < amp ?
		    http_url_decode(a, eq + 1, (size_t)(amp - eq - 1), &vlen) :
		    http_url_decode(a, "", 0, &vlen);
		if (key == NULL || klen == 0 || !utf8_valid(key, klen) ||
		    klen > 64)
			return -1;
		if (val != NULL && scrub != NULL && !utf8_valid(val, vlen)) {
			*scrub |= (uint64_t)1 << *nargs;
			if ((val = utf8_scrub(a, val, vlen, &vlen)) == NULL)
				return -1;
		} else if (val == NULL || !utf8_valid(val, vlen)) {
			if (badkey != NULL)
				*badkey = key;
			return -1;
		}
		args[*nargs].key = key;
		args[*nargs].val = val;
		args[*nargs].vlen = vlen;
		(*nargs)++;
		p = amp + 1;
	}
	return 0;
}

int
http_form_parse(struct arena *a, const char *s, size_t len,
    struct kv *args, size_t *nargs, const char **badkey)
{
	return form_parse(a, s, len, args, nargs, badkey, NULL);
}

int
http_form_parse_scrub(struct arena *a, const char *s, size_t len,
    struct kv *args, size_t *nargs, const char **badkey, uint64_t *scrubbed)
{
	return form_parse(a, s, len, args, nargs, badkey, scrubbed);
}

size_t
http_url_encode(char *buf, size_t cap, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 n = 0;
	unsigned char		 c;

#define PUT(ch) do { if (n + 1 < cap) buf[n] = (ch); n++; } while (0)
	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~')
			PUT((char)c);
		else {
			PUT('%');
			PUT(hex[c >> 4]);
			PUT(hex[c & 15]);
		}
	}
#undef PUT
	if (cap > 0)
		buf[n < cap ? n : cap - 1] = '\0';
	return n;
}

static int
cookie_name_char(int c)
{
	/* RFC 6265 token: visible ASCII minus separators. */
	return c > 0x20 && c < 0x7f && strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

int
http_cookie_parse(struct arena *a, const char *s, struct kv *cookies,
    size_t *ncookies)
{
	const char	*p, *name, *eq, *end;
	size_t		 nlen, vlen;

	for (p = s; *p != '\0'; ) {
		while (*p == ' ' || *p == ';')
			p++;
		if (*p == '\0')
			break;
		name = p;
		while (cookie_name_char((unsigned char)*p))
			p++;
		nlen = (size_t)(p - name);
		if (nlen == 0 || *p != '=')
			return -1;
		eq = p++;
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		vlen = (size_t)(end - p);
		while (vlen > 0 && p[vlen - 1] == ' ')
			vlen--;
		if (*ncookies >= HTTP_COOKIES_MAX)
			return -1;
		cookies[*ncookies].key = arena_strndup(a, name, nlen);
		cookies[*ncookies].val = arena_strndup(a, eq + 1, vlen);
		cookies[*ncookies].vlen = vlen;
		if (cookies[*ncookies].key == NULL ||
		    cookies[*ncookies].val == NULL ||
		    !utf8_valid(cookies[*ncookies].val, vlen))
			return -1;
		(*ncookies)++;
		p = end;
	}
	return 0;
}

const char *
http_arg(const struct request *r, const char *key)
{
	size_t	 i;

	for (i = 0; i < r->nargs; i++)
		if (strcmp(r->args[i].key, key) == 0)
			return r->args[i].val;
	return NULL;
}

static int
header_safe(const char *s)
{
	return s != NULL && strpbrk(s, "\r\n") == NULL;
}

int
http_header_add(struct response *resp, const char *name, const char *value)
{
	if (resp->nheaders >= HTTP_HEADERS_MAX || !header_safe(name) ||
	    !header_safe(value) || *name == '\0')
		return -1;
	resp->headers[resp->nheaders].name = name;
	resp->headers[resp->nheaders].value = value;
	resp->nheaders++;
	return 0;
}

int
http_redirect(struct response *resp, int status, const char *location)
{
	/*
	 * Only local paths: "//host" would be an open redirect, and so would
	 * "/\t/host": browsers drop tabs (and CR, LF) from URLs.
	 */
	if (location[0] != '/' || location[1] == '/' || location[1] == '\\' ||
	    strchr(location, '\t') != NULL)
		return -1;
	if (http_header_add(resp, "Location", location) == -1)
		return -1;
	resp->status = status;
	return 0;
}

const char *
http_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 202: return "Accepted";
	case 204: return "No Content";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	default:  return "Internal Server Error";
	}
}

enum http_method
http_method_parse(const char *s)
{
	if (s == NULL)
		return METHOD_OTHER;
	if (strcmp(s, "GET") == 0)
		return METHOD_GET;
	if (strcmp(s, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(s, "POST") == 0)
		return METHOD_POST;
	if (strcmp(s, "OPTIONS") == 0)
		return METHOD_OPTIONS;
	return METHOD_OTHER;
}

int
http_etag_match(const char *inm, const char *etag)
{
	const char	*p = inm, *tag;
	size_t		 elen, n;

	if (inm == NULL || etag == NULL)
		return 0;
	/* Weak comparison: a W/ prefix on either side does not count. */
	if (strncmp(etag, "W/", 2) == 0)
		etag += 2;
	elen = strlen(etag);
	while (*p != '\0') {
		p += strspn(p, " \t,");
		if (*p == '\0')
			break;
		if (*p == '*')
			return 1;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (*p != '"')
			return 0;	/* malformed: nothing matches */
		tag = p;
		if ((p = strchr(p + 1, '"')) == NULL)
			return 0;
		p++;
		n = (size_t)(p - tag);
		if (n == elen && memcmp(tag, etag, n) == 0)
			return 1;
	}
	return 0;
}

static const char *const wday[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char *const month[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

char *
http_date(char *buf, size_t cap, time_t t)
{
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	/* By hand, not strftime: %a and %b follow the locale. */
	snprintf(buf, cap, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    wday[tm.tm_wday % 7], tm.tm_mday, month[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return buf;
}

int
http_date_parse(const char *s, time_t *out)
{
	struct tm	 tm;
	char		 wd[4], mon[4];
	int		 n = 0, i;

	memset(&tm, 0, sizeof(tm));
	if (s == NULL || strlen(s) != 29 ||
	    sscanf(s, "%3s, %2d %3s %4d %2d:%2d:%2d GMT%n", wd, &tm.tm_mday,
	    mon, &tm.tm_year, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 7 ||
	    n != 29)
		return -1;
	for (i = 0; i < 12; i++)
		if (strcmp(mon, month[i]) == 0)
			break;
	if (i == 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 60 || tm.tm_year < 1970)
		return -1;
	tm.tm_mon = i;
	tm.tm_year -= 1900;
	*out = timegm(&tm);
	return 0;
}

int
http_conditional(const struct request *r, struct response *resp,
    const char *etag, time_t lastmod)
{
	char	 date[40];
	time_t	 since;
	int	 fresh;

	if (etag != NULL)
		http_header_add(resp, "ETag", etag);
	if (lastmod != 0)
		http_header_add(resp, "Last-Modified", arena_strdup(r->arena,
		    http_date(date, sizeof(date), lastmod)));
	if (r->if_none_match != NULL)
		fresh = etag != NULL && http_etag_match(r->if_none_match, etag);
	else
		fresh = lastmod != 0 && r->if_modified_since != NULL &&
		    http_date_parse(r->if_modified_since, &since) == 0 &&
		    lastmod <= since;
	if (!fresh)
		return 0;
	resp->status = HTTP_NOT_MODIFIED;
	free(resp->body);
	resp->body = NULL;
	resp->len = 0;
	return 1;
}
