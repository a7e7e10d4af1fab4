/*
 * Query strings and form bodies: http_form_parse() and http_url_decode()
 * against a reference decoder written from http.h, the append property
 * (parsing "x&y" equals parsing x then y into the same array), and the
 * round trip http_url_encode() -> http_url_decode() / http_form_parse().
 */
#include "fuzz.h"

#include "arena.h"
#include "http.h"
#include "utf8.h"

#define KEY_MAX	64	/* bytes of a decoded name (http.c) */

struct ref_kv {
	char	*key;
	size_t	 klen;
	char	*val;
	size_t	 vlen;
};

/* %XX and '+'; -1 on a bad or truncated escape.  out holds len bytes. */
static long
ref_decode(const uint8_t *s, size_t len, char *out)
{
	size_t	 i, o = 0;
	int	 hi, lo;

	for (i = 0; i < len; i++) {
		if (s[i] == '%') {
			if (len - i < 3 || (hi = ref_hexval(s[i + 1])) < 0 ||
			    (lo = ref_hexval(s[i + 2])) < 0)
				return -1;
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else
			out[o++] = s[i] == '+' ? ' ' : (char)s[i];
	}
	return (long)o;
}

/*
 * The contract: pairs split on '&' (empty pieces skipped), name and value
 * split on the first '=', both decoded; at most HTTP_ARGS_MAX pairs in all;
 * a name must decode, be non-empty, at most 64 bytes and valid text; a
 * value must decode and be valid text, and then the error names the key.
 * Returns 0 or -1; on -1, bad->key is the name the error should carry
 * (NULL when none).  Decoded strings go to buf (2 * len + 2 bytes).
 */
static int
ref_form(const uint8_t *s, size_t len, struct ref_kv *kv, size_t *n,
    char *buf, struct ref_kv *bad)
{
	size_t	 i = 0, j, eq;
	long	 kl, vl;

	bad->key = NULL;
	while (i < len) {
		for (j = i; j < len && s[j] != '&'; j++)
			continue;
		if (j == i) {
			i++;
			continue;
		}
		bad->key = NULL;
		if (*n >= HTTP_ARGS_MAX)
			return -1;
		for (eq = i; eq < j && s[eq] != '='; eq++)
			continue;
		kv[*n].key = buf;
		kl = ref_decode(s + i, eq - i, buf);
		if (kl >= 0)
			buf += kl + 1;
		kv[*n].val = buf;
		vl = eq < j ? ref_decode(s + eq + 1, j - eq - 1, buf) : 0;
		if (vl >= 0)
			buf += vl + 1;
		if (kl <= 0 || kl > KEY_MAX ||
		    !ref_utf8_valid(kv[*n].key, (size_t)kl, 1, NULL))
			return -1;
		kv[*n].klen = (size_t)kl;
		if (vl < 0 || !ref_utf8_valid(kv[*n].val, (size_t)vl, 1, NULL)) {
			bad->key = kv[*n].key;
			bad->klen = (size_t)kl;
			return -1;
		}
		kv[*n].vlen = (size_t)vl;
		(*n)++;
		i = j + 1;
	}
	return 0;
}

static void
same_args(const struct kv *a, const struct kv *b, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		CHECK(strcmp(a[i].key, b[i].key) == 0);
		CHECK(a[i].vlen == b[i].vlen);
		CHECK(memcmp(a[i].val, b[i].val, a[i].vlen) == 0);
	}
}

static void
check_form(struct arena *a, const uint8_t *data, size_t size)
{
	struct kv	 args[HTTP_ARGS_MAX], args2[HTTP_ARGS_MAX];
	struct ref_kv	 ref[HTTP_ARGS_MAX], bad;
	const char	*badkey = (const char *)1, *badkey2;
	const uint8_t	*amp;
	size_t		 n = 0, n2 = 0, nref = 0, i, cut;
	char		*buf;
	int		 rc, rc2, rcref;

	/* Room for every decoded name and value with their NULs. */
	if ((buf = malloc(2 * size + 2)) == NULL)
		abort();
	rc = http_form_parse(a, (const char *)data, size, args, &n, &badkey);
	rcref = ref_form(data, size, ref, &nref, buf, &bad);
	CHECK(rc == 0 || rc == -1);
	CHECK(rc == rcref);
	CHECK(n <= HTTP_ARGS_MAX);
	if (rc == 0) {
		CHECK(n == nref);
		for (i = 0; i < n; i++) {
			CHECK(args[i].key != NULL && args[i].val != NULL);
			CHECK(strlen(args[i].key) == ref[i].klen);
			CHECK(memcmp(args[i].key, ref[i].key, ref[i].klen) == 0);
			CHECK(args[i].vlen == ref[i].vlen);
			CHECK(memcmp(args[i].val, ref[i].val, ref[i].vlen) == 0);
			/* Valid text has no NUL: the value is a C string. */
			CHECK(args[i].val[args[i].vlen] == '\0');
			CHECK(strlen(args[i].val) == args[i].vlen);
			CHECK(utf8_valid(args[i].key, strlen(args[i].key)));
			CHECK(utf8_valid(args[i].val, args[i].vlen));
		}
	} else if (bad.key == NULL)
		CHECK(badkey == NULL);
	else {
		CHECK(badkey != NULL);
		CHECK(strlen(badkey) == bad.klen);
		CHECK(memcmp(badkey, bad.key, bad.klen) == 0);
	}

	/* Appending: x then y into one array is the same as "x&y". */
	cut = size / 2;
	if ((amp = memchr(data + cut, '&', size - cut)) != NULL) {
		cut = (size_t)(amp - data);
		badkey2 = (const char *)1;
		rc2 = http_form_parse(a, (const char *)data, cut, args2, &n2,
		    &badkey2);
		if (rc2 == 0)
			rc2 = http_form_parse(a, (const char *)data + cut + 1,
			    size - cut - 1, args2, &n2, &badkey2);
		CHECK(rc2 == rc);
		if (rc == 0) {
			CHECK(n2 == n);
			same_args(args, args2, n);
		} else if (badkey == NULL)
			CHECK(badkey2 == NULL);
		else
			CHECK(badkey2 != NULL && strcmp(badkey, badkey2) == 0);
	}
	free(buf);
}

static void
check_decode(struct arena *a, const uint8_t *data, size_t size)
{
	char	*out, *ref;
	size_t	 olen = (size_t)-1;
	long	 rlen;

	if ((ref = malloc(size + 1)) == NULL)
		abort();
	out = http_url_decode(a, (const char *)data, size, &olen);
	rlen = ref_decode(data, size, ref);
	if (rlen < 0)
		CHECK(out == NULL);
	else {
		CHECK(out != NULL);
		CHECK(olen == (size_t)rlen);
		CHECK(memcmp(out, ref, olen) == 0);
		CHECK(out[olen] == '\0');
	}
	free(ref);
}

static int
unreserved(int c)
{
	return ref_ascii_alnum(c) || c == '-' || c == '_' || c == '.' ||
	    c == '~';
}

static void
check_encode(struct arena *a, const uint8_t *data, size_t size)
{
	char		*s = fuzz_cstr(data, size), *enc, *small, *dec, *form;
	size_t		 need, n, i, slen = strlen(s), cap, dlen;
	struct kv	 args[HTTP_ARGS_MAX];
	const char	*badkey;
	int		 rc;

	need = http_url_encode(NULL, 0, s);
	if ((enc = malloc(need + 1)) == NULL)
		abort();
	CHECK(http_url_encode(enc, need + 1, s) == need);
	CHECK(strlen(enc) == need);
	/* Only unreserved bytes and %XX with upper-case hex. */
	for (i = 0; i < need; i++) {
		if (enc[i] == '%') {
			CHECK(i + 2 < need);
			CHECK(strchr("0123456789ABCDEF", enc[i + 1]) != NULL);
			CHECK(strchr("0123456789ABCDEF", enc[i + 2]) != NULL);
			i += 2;
		} else
			CHECK(unreserved((unsigned char)enc[i]));
	}
	/* Truncation keeps a NUL-terminated prefix and reports the need. */
	cap = size > 0 ? data[0] % (need + 2) : 0;
	if ((small = malloc(cap + 1)) == NULL)
		abort();
	memset(small, 'Z', cap + 1);
	CHECK(http_url_encode(small, cap, s) == need);
	if (cap > 0) {
		n = need < cap ? need : cap - 1;
		CHECK(small[n] == '\0');
		CHECK(memcmp(small, enc, n) == 0);
	}
	CHECK(small[cap] == 'Z');
	free(small);

	/* Decoding gives the bytes back. */
	dec = http_url_decode(a, enc, need, &dlen);
	CHECK(dec != NULL);
	CHECK(dlen == slen);
	CHECK(memcmp(dec, s, slen) == 0);

	/* As a form value: back exactly when s is valid text. */
	if ((form = malloc(need + 3)) == NULL)
		abort();
	memcpy(form, "k=", 2);
	memcpy(form + 2, enc, need + 1);
	n = 0;
	badkey = NULL;
	rc = http_form_parse(a, form, need + 2, args, &n, &badkey);
	if (ref_utf8_valid(s, slen, 1, NULL)) {
		CHECK(rc == 0 && n == 1);
		CHECK(strcmp(args[0].key, "k") == 0);
		CHECK(args[0].vlen == slen);
		CHECK(memcmp(args[0].val, s, slen) == 0);
	} else {
		CHECK(rc == -1);
		CHECK(badkey != NULL && strcmp(badkey, "k") == 0);
	}
	free(form);
	free(enc);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;

	arena_init(&a, 0);
	check_form(&a, data, size);
	check_decode(&a, data, size);
	check_encode(&a, data, size);
	arena_free(&a);
	return 0;
}
