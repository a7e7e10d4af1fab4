#include <string.h>
#include <strings.h>

#include "multipart.h"
#include "utf8.h"

/* RFC 2046 bchars: DIGIT / ALPHA / "'()+_,-./:=? " (space not last). */
static int
bchar(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || (c != '\0' && strchr("'()+_,-./:=? ",
	    c) != NULL);
}

/* RFC 2045 token characters. */
static int
tchar(int c)
{
	return c > 0x20 && c < 0x7f && strchr("()<>@,;:\\\"/[]?=", c) == NULL;
}

static const char *
ows(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

int
mp_boundary(const char *ct, char *out)
{
	static const char	 type[] = "multipart/form-data";
	const char		*p, *end, *v;
	size_t			 n, i, tl = sizeof(type) - 1;

	if (ct == NULL || strncasecmp(ct, type, tl) != 0)
		return -1;
	end = ct + strlen(ct);
	p = ct + tl;
	while (p < end) {
		p = ows(p, end);
		if (p == end)
			break;
		if (*p++ != ';')
			return -1;
		p = ows(p, end);
		v = p;
		while (p < end && tchar((unsigned char)*p))
			p++;
		if (p == end || *p != '=' || p == v)
			return -1;
		n = (size_t)(p - v);
		p++;
		if (n == 8 && strncasecmp(v, "boundary", 8) == 0) {
			if (p < end && *p == '"') {
				v = ++p;
				while (p < end && *p != '"')
					p++;
				if (p == end)
					return -1;
				n = (size_t)(p - v);
				p++;
			} else {
				v = p;
				while (p < end && tchar((unsigned char)*p))
					p++;
				n = (size_t)(p - v);
			}
			if (n == 0 || n > MP_BOUNDARY_MAX || v[n - 1] == ' ')
				return -1;
			memcpy(out, v, n);
			out[n] = '\0';
			for (i = 0; i < n; i++)
				if (!bchar((unsigned char)out[i]))
					return -1;
			return (int)n;
		}
		/* Another parameter (charset): skip its value. */
		if (p < end && *p == '"') {
			p++;
			while (p < end && *p != '"')
				p++;
			if (p == end)
				return -1;
			p++;
		} else
			while (p < end && tchar((unsigned char)*p))
				p++;
	}
	return -1;
}

/* A parameter value: a quoted string (up to the next '"') or a token. */
static const char *
param_value(const char *p, const char *end, const char **v, size_t *n)
{
	if (p < end && *p == '"') {
		*v = ++p;
		while (p < end && *p != '"')
			p++;
		if (p == end)
			return NULL;
		*n = (size_t)(p - *v);
		return p + 1;
	}
	*v = p;
	while (p < end && tchar((unsigned char)*p))
		p++;
	*n = (size_t)(p - *v);
	return *n > 0 ? p : NULL;
}

static char *
text_dup(struct arena *a, const char *s, size_t n, enum mp_error *err)
{
	char	*t;

	if (n > MP_VALUE_MAX || !utf8_valid(s, n) ||
	    memchr(s, '\r', n) != NULL || memchr(s, '\n', n) != NULL) {
		*err = MP_ERR_SYNTAX;
		return NULL;
	}
	if ((t = arena_strndup(a, s, n)) == NULL)
		*err = MP_ERR_NOMEM;
	return t;
}

/* Content-Disposition: form-data; name="..."[; filename="..."]. */
static enum mp_error
disposition(struct arena *a, const char *p, const char *end,
    struct mp_part *part)
{
	const char	*k, *v;
	size_t		 kn, vn;
	enum mp_error	 err = MP_OK;

	p = ows(p, end);
	if ((size_t)(end - p) < 9 || strncasecmp(p, "form-data", 9) != 0)
		return MP_ERR_SYNTAX;
	p += 9;
	for (;;) {
		p = ows(p, end);
		if (p == end)
			break;
		if (*p++ != ';')
			return MP_ERR_SYNTAX;
		p = ows(p, end);
		k = p;
		while (p < end && tchar((unsigned char)*p))
			p++;
		kn = (size_t)(p - k);
		if (kn == 0 || p == end || *p != '=')
			return MP_ERR_SYNTAX;
		if ((p = param_value(p + 1, end, &v, &vn)) == NULL)
			return MP_ERR_SYNTAX;
		if (kn == 4 && strncasecmp(k, "name", 4) == 0) {
			if (part->name != NULL || vn == 0)
				return MP_ERR_SYNTAX;
			if ((part->name = text_dup(a, v, vn, &err)) == NULL)
				return err;
		} else if (kn == 8 && strncasecmp(k, "filename", 8) == 0) {
			if (part->filename != NULL)
				return MP_ERR_SYNTAX;
			if ((part->filename = text_dup(a, v, vn, &err)) ==
			    NULL)
				return err;
		}
	}
	return part->name != NULL ? MP_OK : MP_ERR_SYNTAX;
}

/*
 * The header block at *pp: fills part, leaves *pp after the empty line.
 */
static enum mp_error
headers(struct arena *a, const char **pp, const char *end,
    struct mp_part *part)
{
	const char	*p = *pp, *eol, *colon, *v, *limit;
	size_t		 lines = 0, n;
	int		 seen_cd = 0;
	enum mp_error	 err = MP_OK;

	limit = (size_t)(end - p) > MP_HEADER_MAX ? p + MP_HEADER_MAX : end;
	for (;;) {
		eol = memmem(p, (size_t)(limit - p), "\r\n", 2);
		if (eol == NULL)
			return MP_ERR_SYNTAX;
		if (eol == p)
			break;
		if (++lines > MP_HEADER_LINES || *p == ' ' || *p == '\t' ||
		    memchr(p, '\n', (size_t)(eol - p)) != NULL ||
		    memchr(p, '\r', (size_t)(eol - p)) != NULL ||
		    memchr(p, '\0', (size_t)(eol - p)) != NULL)
			return MP_ERR_SYNTAX;
		colon = p;
		while (colon < eol && tchar((unsigned char)*colon))
			colon++;
		if (colon == p || colon == eol || *colon != ':')
			return MP_ERR_SYNTAX;
		n = (size_t)(colon - p);
		if (n == 19 && strncasecmp(p, "content-disposition", 19) == 0) {
			if (seen_cd++)
				return MP_ERR_SYNTAX;
			if ((err = disposition(a, colon + 1, eol, part)) !=
			    MP_OK)
				return err;
		} else if (n == 12 && strncasecmp(p, "content-type", 12) == 0) {
			if (part->content_type != NULL)
				return MP_ERR_SYNTAX;
			v = ows(colon + 1, eol);
			n = (size_t)(eol - v);
			while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
				n--;
			if ((part->content_type = text_dup(a, v, n, &err)) ==
			    NULL)
				return err;
		}
		p = eol + 2;
	}
	if (!seen_cd)
		return MP_ERR_SYNTAX;
	*pp = p + 2;
	return MP_OK;
}

enum mp_error
mp_parse(struct arena *a, const char *body, size_t len, const char *boundary,
    struct mp_part *parts, size_t maxparts, size_t *nparts)
{
	const char	*end = body + len, *p, *next;
	char		 delim[MP_BOUNDARY_MAX + 5];
	size_t		 blen = strlen(boundary), dlen;
	enum mp_error	 err;

	*nparts = 0;
	if (blen == 0 || blen > MP_BOUNDARY_MAX)
		return MP_ERR_SYNTAX;
	/* "\r\n--boundary"; the first may come without the CRLF. */
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);
	dlen = blen + 4;
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0)
		p = body + dlen - 2;
	else if ((p = memmem(body, len, delim, dlen)) != NULL)
		p += dlen;
	else
		return MP_ERR_SYNTAX;
	for (;;) {
		/* After a delimiter: "--" closes, else padding and CRLF. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return MP_OK;
		p = ows(p, end);
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return MP_ERR_SYNTAX;
		p += 2;
		if (*nparts >= maxparts)
			return MP_ERR_TOO_MANY;
		memset(&parts[*nparts], 0, sizeof(parts[*nparts]));
		if ((err = headers(a, &p, end, &parts[*nparts])) != MP_OK)
			return err;
		if ((next = memmem(p, (size_t)(end - p), delim, dlen)) == NULL)
			return MP_ERR_SYNTAX;
		parts[*nparts].data = p;
		parts[*nparts].len = (size_t)(next - p);
		(*nparts)++;
		p = next + dlen;
	}
}
