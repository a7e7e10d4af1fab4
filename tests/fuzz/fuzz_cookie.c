/*
 * Cookie headers: http_cookie_parse() against a reference parser written
 * from RFC 6265 section 4.2.1 and http.h (names are tokens, values are
 * taken as sent up to ';' less trailing spaces and must be valid text, at
 * most HTTP_COOKIES_MAX pairs), and the round trip: serialising the pairs
 * as "k=v; k=v" and parsing again gives the same pairs.
 */
#include "fuzz.h"

#include "arena.h"
#include "http.h"
#include "utf8.h"

struct ref_cookie {
	const char	*name;
	size_t		 nlen;
	const char	*val;
	size_t		 vlen;
};

static int
token_char(int c)
{
	return c > 0x20 && c < 0x7f && strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

static int
ref_cookies(const char *s, struct ref_cookie *c, size_t *n)
{
	const char	*p = s, *name, *semi;
	size_t		 nlen, vlen;

	*n = 0;
	for (;;) {
		p += strspn(p, " ;");
		if (*p == '\0')
			return 0;
		for (name = p; token_char((unsigned char)*p); p++)
			continue;
		if ((nlen = (size_t)(p - name)) == 0 || *p != '=')
			return -1;
		p++;
		semi = strchr(p, ';');
		vlen = semi != NULL ? (size_t)(semi - p) : strlen(p);
		while (vlen > 0 && p[vlen - 1] == ' ')
			vlen--;
		if (*n == HTTP_COOKIES_MAX ||
		    !ref_utf8_valid(p, vlen, 1, NULL))
			return -1;
		c[*n].name = name;
		c[*n].nlen = nlen;
		c[*n].val = p;
		c[*n].vlen = vlen;
		(*n)++;
		p = semi != NULL ? semi : p + strlen(p);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		 a;
	struct kv		 ck[HTTP_COOKIES_MAX], ck2[HTTP_COOKIES_MAX];
	struct ref_cookie	 ref[HTTP_COOKIES_MAX];
	char			*s = fuzz_cstr(data, size), *joined, *o;
	size_t			 n = 0, n2 = 0, nref, i, j, cap;
	int			 rc, rcref;

	arena_init(&a, 0);
	rc = http_cookie_parse(&a, s, ck, &n);
	rcref = ref_cookies(s, ref, &nref);
	CHECK(rc == 0 || rc == -1);
	CHECK(rc == rcref);
	CHECK(n <= HTTP_COOKIES_MAX);
	if (rc == 0) {
		CHECK(n == nref);
		cap = 1;
		for (i = 0; i < n; i++) {
			CHECK(strlen(ck[i].key) == ref[i].nlen);
			CHECK(memcmp(ck[i].key, ref[i].name, ref[i].nlen) == 0);
			CHECK(ck[i].vlen == ref[i].vlen);
			CHECK(strlen(ck[i].val) == ck[i].vlen);
			CHECK(memcmp(ck[i].val, ref[i].val, ref[i].vlen) == 0);
			for (j = 0; ck[i].key[j] != '\0'; j++)
				CHECK(token_char((unsigned char)ck[i].key[j]));
			CHECK(strchr(ck[i].val, ';') == NULL);
			CHECK(ck[i].vlen == 0 || ck[i].val[ck[i].vlen - 1] != ' ');
			CHECK(utf8_valid(ck[i].val, ck[i].vlen));
			cap += strlen(ck[i].key) + ck[i].vlen + 3;
		}
		/* Round trip through the form browsers send. */
		if ((joined = malloc(cap)) == NULL)
			abort();
		o = joined;
		*o = '\0';
		for (i = 0; i < n; i++)
			o += sprintf(o, "%s%s=%s", i > 0 ? "; " : "",
			    ck[i].key, ck[i].val);
		CHECK(http_cookie_parse(&a, joined, ck2, &n2) == 0);
		CHECK(n2 == n);
		for (i = 0; i < n; i++) {
			CHECK(strcmp(ck2[i].key, ck[i].key) == 0);
			CHECK(ck2[i].vlen == ck[i].vlen);
			CHECK(strcmp(ck2[i].val, ck[i].val) == 0);
		}
		free(joined);
	}
	arena_free(&a);
	free(s);
	return 0;
}
