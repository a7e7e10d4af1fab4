/*
 * Every validator: valid_one() over INT, TEXT (no pattern, a compiled
 * pattern, a pattern never compiled), ENUM, DATE and CUSTOM rules, each
 * against a reference written from valid.h (INT: the canonical decimal
 * spelling via strtoll/snprintf; DATE: a timegm() round trip; TEXT: the
 * UTF-8 reference and a hand-written matcher for the slug pattern), then
 * valid_request() over a request built from the input (path values before
 * the first newline, a query string after it) against a reference of how
 * values are gathered per rule and which rule a failure names.
 */
#include <errno.h>
#include <limits.h>
#include <time.h>

#include "fuzz.h"

#include "arena.h"
#include "http.h"
#include "utf8.h"
#include "valid.h"

#define NELEM(t)	(sizeof(t) / sizeof((t)[0]))
#define SLUG		"[a-z0-9-]{1,64}"
#define NAME		"\\p{L}[\\p{L}\\p{M}\\p{N} .,'\u2019\u02bc-]*"
#define UNCOMPILED	"never compiled [a-z]+"

static const char *const status_choices[] = {
	"announced", "open", "closed", "completed", "cancelled", NULL
};
static const char *const sort_choices[] = { "new", "closing", "popular", NULL };
/* A repeated choice: the first one's index counts. */
static const char *const odd_choices[] = {
	"a", "ab", "Київ", "a", "", NULL
};
static const char *const themes[] = {
	"ecology", "transport", "parks", "culture", "Культура", "a-b", NULL
};

/* The context a CUSTOM check is handed, and what the last call saw. */
static struct ctx {
	int		 token;
	const void	*seen_ctx;
	const char	*seen_s;
	size_t		 seen_len;
	int		 calls;
} the_ctx;

static int
check_theme(void *ctx, const char *s, size_t len, long long *out)
{
	struct ctx	*c = ctx;
	size_t		 i;

	c->seen_ctx = ctx;
	c->seen_s = s;
	c->seen_len = len;
	c->calls++;
	for (i = 0; themes[i] != NULL; i++)
		if (strlen(themes[i]) == len && memcmp(themes[i], s, len) == 0) {
			*out = (long long)i;
			return 1;
		}
	return 0;
}

/* "123": an id without leading zero, as a path value. */
static int
check_id(void *ctx, const char *s, size_t len, long long *out)
{
	long long	 v = 0;
	size_t		 i;

	(void)ctx;
	if (len == 0 || len > 9 || s[0] == '0')
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

static const struct param_rule rules[] = {
	{ "page", PARAM_INT, 0, 1, 100000, NULL, NULL, NULL },
	{ "delta", PARAM_INT, 0, -1000, 1000, NULL, NULL, NULL },
	{ "big", PARAM_INT, 0, 0, LLONG_MAX, NULL, NULL, NULL },
	{ "any", PARAM_INT, 0, LLONG_MIN, LLONG_MAX, NULL, NULL, NULL },
	{ "q", PARAM_TEXT, 0, 1, 200, NULL, NULL, NULL },
	{ "short", PARAM_TEXT, 0, 0, 5, NULL, NULL, NULL },
	{ "slug", PARAM_TEXT, 0, 0, 1000, SLUG, NULL, NULL },
	{ "name", PARAM_TEXT, 0, 1, 100, NAME, NULL, NULL },
	{ "status", PARAM_ENUM, 0, 0, 0, NULL, status_choices, NULL },
	{ "odd", PARAM_ENUM, 0, 0, 0, NULL, odd_choices, NULL },
	{ "from", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL },
	{ "theme", PARAM_CUSTOM, 0, 0, 0, NULL, NULL, check_theme },
	{ "nocheck", PARAM_CUSTOM, 0, 0, 0, NULL, NULL, NULL },
	{ "raw", PARAM_TEXT, 0, 0, 100, UNCOMPILED, NULL, NULL },
};
#define R_UNCOMPILED	(NELEM(rules) - 1)

/* Like cgi-bin/list.c: optional, MULTI facets. */
static const struct param_rule listing_rules[] = {
	{ "theme", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, check_theme },
	{ "status", PARAM_ENUM, PARAM_MULTI, 0, 0, NULL, status_choices,
	    NULL },
	{ "q", PARAM_TEXT, 0, 1, 200, NULL, NULL, NULL },
	{ "from", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL },
	{ "to", PARAM_DATE, 0, 0, 0, NULL, NULL, NULL },
	{ "sort", PARAM_ENUM, 0, 0, 0, NULL, sort_choices, NULL },
	{ "page", PARAM_INT, 0, 1, 100000, NULL, NULL, NULL },
	{ "slug", PARAM_TEXT, PARAM_MULTI, 1, 64, SLUG, NULL, NULL },
};

/* Like cgi-bin/detail.c: a required path value, then required text. */
static const struct param_rule detail_rules[] = {
	{ "ref", PARAM_CUSTOM, PARAM_PATH | PARAM_REQUIRED, 0, 0, NULL, NULL,
	    check_id },
	{ "page", PARAM_INT, 0, 1, 100000, NULL, NULL, NULL },
	{ "name", PARAM_TEXT, PARAM_REQUIRED, 1, 100, NAME, NULL, NULL },
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (valid_compile(rules, R_UNCOMPILED) == -1 ||
	    valid_compile(listing_rules, NELEM(listing_rules)) == -1 ||
	    valid_compile(detail_rules, NELEM(detail_rules)) == -1) {
		fprintf(stderr, "valid_compile failed\n");
		abort();
	}
	return 0;
}

static int
ref_int(const struct param_rule *r, const char *s, size_t len, long long *out)
{
	char		 buf[32], canon[32];
	char		*end;
	long long	 v;

	if (len == 0 || len >= sizeof(buf))
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* strtoll would take leading space and '+': only [-]digits here. */
	if (!(buf[0] >= '0' && buf[0] <= '9') &&
	    !(buf[0] == '-' && buf[1] >= '0' && buf[1] <= '9'))
		return 0;
	errno = 0;
	v = strtoll(buf, &end, 10);
	if (errno != 0 || *end != '\0')
		return 0;
	snprintf(canon, sizeof(canon), "%lld", v);
	/*
	 * The canonical spelling only.  KNOWN: valid.c takes "-0" for 0 when
	 * negative values are allowed (no rule of the programs has min < 0);
	 * tolerated here, reported.
	 */
	if (strcmp(canon, buf) != 0 && !(strcmp(buf, "-0") == 0 && r->min < 0))
		return 0;
	/* valid.c's bound: at most 18 digits. */
	if (len - (buf[0] == '-') > 18)
		return 0;
	if (v < r->min || v > r->max)
		return 0;
	*out = v;
	return 1;
}

static int
ref_date(const char *s, size_t len, long long *out)
{
	struct tm	 tm, back;
	time_t		 t;
	size_t		 i;
	int		 y, m, d;

	if (len != 10)
		return 0;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	y = atoi(s);
	m = (s[5] - '0') * 10 + s[6] - '0';
	d = (s[8] - '0') * 10 + s[9] - '0';
	if (y < 1900 || y > 2999)
		return 0;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	t = timegm(&tm);
	if (gmtime_r(&t, &back) == NULL || back.tm_year != y - 1900 ||
	    back.tm_mon != m - 1 || back.tm_mday != d)
		return 0;
	*out = (long long)y * 10000 + m * 100 + d;
	return 1;
}

static int
ref_slug(const char *s, size_t len)
{
	size_t	 i;

	if (len < 1 || len > 64)
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* NAME for ASCII-only text: a letter, then letters, digits, " .,'-". */
static int
ref_name_ascii(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return 0;
	for (i = 1; i < len; i++)
		if (!ref_ascii_alnum((unsigned char)s[i]) &&
		    strchr(" .,'-", s[i]) == NULL)
			return 0;
	return 1;
}

static int
ascii_only(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/*
 * The reference verdict for one rule: 1 or 0, or -1 when only "valid
 * implies well-formed text" can be said (NAME on non-ASCII text).
 */
static int
ref_one(const struct param_rule *r, const char *s, size_t len, long long *v)
{
	size_t	 ncp, i;

	*v = 0;
	if (memchr(s, '\0', len) != NULL)
		return 0;
	switch (r->type) {
	case PARAM_INT:
		return ref_int(r, s, len, v);
	case PARAM_TEXT:
		if (!ref_utf8_valid(s, len, 1, &ncp) ||
		    (long long)ncp < r->min || (long long)ncp > r->max)
			return 0;
		if (r->pattern == NULL)
			return 1;
		if (strcmp(r->pattern, UNCOMPILED) == 0)
			return 0;
		if (strcmp(r->pattern, SLUG) == 0)
			return ref_slug(s, len);
		return ascii_only(s, len) ? ref_name_ascii(s, len) : -1;
	case PARAM_ENUM:
		for (i = 0; r->choices[i] != NULL; i++)
			if (strlen(r->choices[i]) == len &&
			    memcmp(r->choices[i], s, len) == 0) {
				*v = (long long)i;
				return 1;
			}
		return 0;
	case PARAM_DATE:
		return ref_date(s, len, v);
	case PARAM_CUSTOM:
		if (r->check == NULL || !ref_utf8_valid(s, len, 1, NULL))
			return 0;
		for (i = 0; themes[i] != NULL; i++)
			if (strlen(themes[i]) == len &&
			    memcmp(themes[i], s, len) == 0) {
				*v = (long long)i;
				return 1;
			}
		return 0;
	default:
		return 0;
	}
}

static void
check_one(const struct param_rule *r, const char *s, size_t len)
{
	struct param_val	 out;
	long long		 v;
	int			 rc, ref;

	memset(&out, 0, sizeof(out));
	the_ctx.calls = 0;
	the_ctx.seen_ctx = NULL;
	rc = valid_one(r, &the_ctx, s, len, &out);
	ref = ref_one(r, s, len, &v);
	CHECK(rc == 0 || rc == 1);
	if (ref == -1) {
		if (rc == 1)
			CHECK(ref_utf8_valid(s, len, 1, NULL));
	} else {
		if (rc != ref)
			fprintf(stderr, "rule %s: valid_one %d, reference %d\n",
			    r->name, rc, ref);
		CHECK(rc == ref);
	}
	if (rc == 1) {
		CHECK(out.s == s && out.len == len);
		if (ref == 1)
			CHECK(out.i == v);
		else if (r->type == PARAM_TEXT)
			CHECK(out.i == 0);
	}
	/* A check sees the caller's context and only well-formed text. */
	if (r->type == PARAM_CUSTOM && the_ctx.calls > 0) {
		CHECK(the_ctx.calls == 1);
		CHECK(the_ctx.seen_ctx == &the_ctx);
		CHECK(the_ctx.seen_s == s && the_ctx.seen_len == len);
		CHECK(ref_utf8_valid(s, len, 1, NULL));
	}
}

/*
 * The reference for valid_request(): per rule in table order, the path
 * values (PARAM_PATH) or the non-empty arguments of that name, each
 * refused when it is a second value of a single rule, the 33rd of a MULTI
 * one, or invalid; a REQUIRED rule with none fails.  Returns the index of
 * the failing rule, or n.
 */
static size_t
ref_request(const struct request *r, const struct param_rule *rules_,
    size_t n, const struct kv *pv, size_t npv, size_t *count)
{
	struct param_val	 tmp;
	const struct kv		*src;
	size_t			 i, j, nsrc;

	for (i = 0; i < n; i++) {
		count[i] = 0;
		src = rules_[i].flags & PARAM_PATH ? pv : r->args;
		nsrc = rules_[i].flags & PARAM_PATH ? npv : r->nargs;
		for (j = 0; j < nsrc; j++) {
			if (strcmp(src[j].key, rules_[i].name) != 0 ||
			    (!(rules_[i].flags & PARAM_PATH) &&
			    src[j].vlen == 0))
				continue;
			if ((count[i] > 0 && !(rules_[i].flags & PARAM_MULTI)) ||
			    count[i] >= PARAM_VALUES_MAX ||
			    valid_one(&rules_[i], r->ctx, src[j].val,
			    src[j].vlen, &tmp) != 1)
				return i;
			count[i]++;
		}
		if ((rules_[i].flags & PARAM_REQUIRED) && count[i] == 0)
			return i;
	}
	return n;
}

static void
check_request(struct request *r, const struct param_rule *rules_, size_t n,
    const struct kv *pv, size_t npv)
{
	size_t			 count[16], fail, i, j, k;
	const struct kv		*src;
	size_t			 nsrc;
	int			 rc;

	rc = valid_request(r, rules_, n, pv, npv);
	fail = ref_request(r, rules_, n, pv, npv, count);
	CHECK(rc == 0 || rc == -1);
	if (fail < n) {
		CHECK(rc == -1);
		CHECK(r->bad_param == rules_[fail].name);
		return;
	}
	CHECK(rc == 0);
	CHECK(r->bad_param == NULL);
	CHECK(r->nparams == n);
	for (i = 0; i < n; i++) {
		CHECK(r->params[i].rule == &rules_[i]);
		CHECK(r->params[i].n == count[i]);
		src = rules_[i].flags & PARAM_PATH ? pv : r->args;
		nsrc = rules_[i].flags & PARAM_PATH ? npv : r->nargs;
		/* The values are the sources, in order, not copies. */
		for (j = 0, k = 0; j < nsrc; j++)
			if (strcmp(src[j].key, rules_[i].name) == 0 &&
			    src[j].vlen > 0) {
				CHECK(k < r->params[i].n);
				CHECK(r->params[i].v[k].s == src[j].val);
				CHECK(r->params[i].v[k].len == src[j].vlen);
				k++;
			}
		CHECK(k == r->params[i].n);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct request	 r;
	struct kv	 args[HTTP_ARGS_MAX], pv[8];
	const char	*s = (const char *)data, *nl, *q, *seg, *end;
	const char	*badkey;
	size_t		 i, qlen, npv = 0, len;

	for (i = 0; i < NELEM(rules); i++)
		check_one(&rules[i], s, size);

	/* The request: path values before the first newline, then a query. */
	arena_init(&a, 0);
	memset(&r, 0, sizeof(r));
	r.arena = &a;
	r.args = args;
	r.ctx = &the_ctx;
	q = s;
	qlen = size;
	if ((nl = memchr(s, '\n', size)) != NULL) {
		/* Like route_match(): non-empty, '/'-free, NUL-terminated. */
		for (seg = s; seg < nl && npv < NELEM(pv); seg = end + 1) {
			if ((end = memchr(seg, '/', (size_t)(nl - seg))) == NULL)
				end = nl;
			if ((len = (size_t)(end - seg)) == 0)
				continue;
			pv[npv].key = "ref";
			pv[npv].val = arena_strndup(&a, seg, len);
			pv[npv].vlen = strlen(pv[npv].val);
			if (pv[npv].vlen > 0)
				npv++;
		}
		q = nl + 1;
		qlen = size - (size_t)(q - s);
	}
	if (http_form_parse(&a, q, qlen, args, &r.nargs, &badkey) == 0) {
		check_request(&r, listing_rules, NELEM(listing_rules), pv, npv);
		check_request(&r, detail_rules, NELEM(detail_rules), pv, npv);
		check_request(&r, rules, NELEM(rules), pv, npv);
		check_request(&r, rules, 0, pv, npv);
	}
	arena_free(&a);
	return 0;
}
