/*
 * multipart/form-data: mp_boundary() and mp_parse() against their contract
 * in multipart.h.  The input's first line is a Content-Type value, the rest
 * a body parsed with its boundary (or a fixed one).  Checked: the boundary
 * is 1-70 bchars taken from the value; every part is well-formed (a
 * non-empty text name, text file name, data inside the body and followed by
 * the delimiter, never holding it); parts come in order without overlap;
 * fewer slots than parts gives MP_ERR_TOO_MANY with the first parts the
 * same; and writing the parts back as a body parses to the same parts.
 */
#include "fuzz.h"

#include "arena.h"
#include "multipart.h"
#include "utf8.h"

#define MAXP	16

static int
bchar(int c)
{
	return ref_ascii_alnum(c) || (c != '\0' &&
	    strchr("'()+_,-./:=? ", c) != NULL);
}

static void
check_text(const char *s, int empty_ok)
{
	size_t	 n;

	CHECK(s != NULL);
	n = strlen(s);
	CHECK(empty_ok || n > 0);
	CHECK(n <= MP_VALUE_MAX);
	CHECK(ref_utf8_valid(s, n, 1, NULL));
	CHECK(strchr(s, '\r') == NULL && strchr(s, '\n') == NULL);
}

static void
check_parts(const char *body, size_t len, const char *b,
    const struct mp_part *p, size_t n)
{
	const char	*prev = body;
	char		 delim[MP_BOUNDARY_MAX + 5];
	size_t		 i, dlen = strlen(b) + 4;

	snprintf(delim, sizeof(delim), "\r\n--%s", b);
	for (i = 0; i < n; i++) {
		check_text(p[i].name, 0);
		CHECK(strchr(p[i].name, '"') == NULL);
		if (p[i].filename != NULL) {
			check_text(p[i].filename, 1);
			CHECK(strchr(p[i].filename, '"') == NULL);
		}
		if (p[i].content_type != NULL)
			check_text(p[i].content_type, 1);
		CHECK(p[i].data >= prev);
		CHECK(p[i].data + p[i].len <= body + len);
		CHECK((size_t)(body + len - (p[i].data + p[i].len)) >= dlen);
		CHECK(memcmp(p[i].data + p[i].len, delim, dlen) == 0);
		CHECK(memmem(p[i].data, p[i].len, delim, dlen) == NULL);
		prev = p[i].data + p[i].len + dlen;
	}
}

/* The parts written back as a body; the caller frees it. */
static char *
serialize(const char *b, const struct mp_part *p, size_t n, size_t *len)
{
	size_t	 cap = 64, i, o = 0;
	char	*out;

	for (i = 0; i < n; i++)
		cap += 3 * MP_VALUE_MAX + 200 + p[i].len;
	if ((out = malloc(cap)) == NULL)
		abort();
	for (i = 0; i < n; i++) {
		o += (size_t)snprintf(out + o, cap - o, "--%s\r\nContent-"
		    "Disposition: form-data; name=\"%s\"", b, p[i].name);
		if (p[i].filename != NULL)
			o += (size_t)snprintf(out + o, cap - o,
			    "; filename=\"%s\"", p[i].filename);
		if (p[i].content_type != NULL)
			o += (size_t)snprintf(out + o, cap - o,
			    "\r\nContent-Type: %s", p[i].content_type);
		o += (size_t)snprintf(out + o, cap - o, "\r\n\r\n");
		memcpy(out + o, p[i].data, p[i].len);
		o += p[i].len;
		o += (size_t)snprintf(out + o, cap - o, "\r\n");
	}
	o += (size_t)snprintf(out + o, cap - o, "--%s--\r\n", b);
	*len = o;
	return out;
}

static int
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct mp_part	 p[MAXP], q[MAXP];
	const uint8_t	*nl = memchr(data, '\n', size);
	char		*ct, b[MP_BOUNDARY_MAX + 1], *body2;
	const char	*body;
	size_t		 ctlen, len, n, n2, i, len2;
	enum mp_error	 rc, rc2;
	int		 bl;

	ctlen = nl != NULL ? (size_t)(nl - data) : 0;
	ct = fuzz_cstr(data, ctlen);
	body = (const char *)data + (nl != NULL ? ctlen + 1 : 0);
	len = size - (size_t)(body - (const char *)data);
	memset(b, 'Z', sizeof(b));
	bl = mp_boundary(ct, b);
	if (bl == -1)
		strcpy(b, "XyZ");
	else {
		CHECK(bl >= 1 && bl <= MP_BOUNDARY_MAX);
		CHECK(b[bl] == '\0' && strlen(b) == (size_t)bl);
		CHECK(b[bl - 1] != ' ');
		for (i = 0; i < (size_t)bl; i++)
			CHECK(bchar((unsigned char)b[i]));
		CHECK(strstr(ct, b) != NULL);
	}
	free(ct);

	arena_init(&a, 0);
	rc = mp_parse(&a, body, len, b, p, MAXP, &n);
	CHECK(rc == MP_OK || rc == MP_ERR_SYNTAX || rc == MP_ERR_TOO_MANY);
	CHECK(n <= MAXP);
	check_parts(body, len, b, p, n);
	if (rc == MP_ERR_TOO_MANY)
		CHECK(n == MAXP);
	if (rc == MP_OK && n > 0) {
		rc2 = mp_parse(&a, body, len, b, q, n - 1, &n2);
		CHECK(rc2 == MP_ERR_TOO_MANY && n2 == n - 1);
		for (i = 0; i < n2; i++)
			CHECK(q[i].data == p[i].data && q[i].len == p[i].len &&
			    strcmp(q[i].name, p[i].name) == 0);
	}
	if (rc == MP_OK) {
		body2 = serialize(b, p, n, &len2);
		rc2 = mp_parse(&a, body2, len2, b, q, MAXP, &n2);
		CHECK(rc2 == MP_OK && n2 == n);
		for (i = 0; i < n; i++) {
			CHECK(strcmp(q[i].name, p[i].name) == 0);
			CHECK(same_str(q[i].filename, p[i].filename));
			CHECK(same_str(q[i].content_type, p[i].content_type));
			CHECK(q[i].len == p[i].len);
			CHECK(memcmp(q[i].data, p[i].data, p[i].len) == 0);
		}
		free(body2);
	}
	arena_free(&a);
	return 0;
}
