#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <string.h>

#include "valid.h"
#include "utf8.h"

#define PATTERNS_MAX	64

/* Process lifetime: compiled once, shared read-only by forked workers. */
static struct {
	const char	*src;
	pcre2_code	*code;
} patterns[PATTERNS_MAX];
static size_t			 npatterns;
static pcre2_match_data		*match_data;

static pcre2_code *
pattern_find(const char *src)
{
	size_t	 i;

	for (i = 0; i < npatterns; i++)
		if (strcmp(patterns[i].src, src) == 0)
			return patterns[i].code;
	return NULL;
}

int
valid_compile(const struct param_rule *rules, size_t n)
{
	pcre2_code	*code;
	int		 err;
	PCRE2_SIZE	 off;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (rules[i].pattern == NULL ||
		    pattern_find(rules[i].pattern) != NULL)
			continue;
		if (npatterns == PATTERNS_MAX)
			return -1;
		code = pcre2_compile((PCRE2_SPTR)rules[i].pattern,
		    PCRE2_ZERO_TERMINATED,
		    PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
		    &err, &off, NULL);
		if (code == NULL)
			return -1;
		(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
		patterns[npatterns].src = rules[i].pattern;
		patterns[npatterns].code = code;
		npatterns++;
	}
	if (match_data == NULL &&
	    (match_data = pcre2_match_data_create(4, NULL)) == NULL)
		return -1;
	return 0;
}

void
valid_free(void)
{
	size_t	 i;

	for (i = 0; i < npatterns; i++)
		pcre2_code_free(patterns[i].code);
	npatterns = 0;
	pcre2_match_data_free(match_data);
	match_data = NULL;
}

int
valid_date(int y, int m, int d)
{
	static const int mdays[] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 leap;

	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

static int
valid_int(const struct param_rule *r, const char *s, size_t len,
    long long *out)
{
	long long	 v = 0;
	size_t		 i = 0;
	int		 neg = 0;

	if (len > 0 && s[0] == '-' && r->min < 0) {
		neg = 1;
		i = 1;
	}
	/* At most 18 digits: no overflow, and no leading zeros. */
	if (len == i || len - i > 18 || (s[i] == '0' && len - i > 1))
		return 0;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	if (neg)
		v = -v;
	if (v < r->min || v > r->max)
		return 0;
	*out = v;
	return 1;
}

static int
digits(const char *s, size_t n, int *out)
{
	size_t	 i;
	int	 v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

static int
valid_date_str(const char *s, size_t len, long long *out)
{
	int	 y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s, 4, &y) || !digits(s + 5, 2, &m) ||
	    !digits(s + 8, 2, &d) || !valid_date(y, m, d))
		return 0;
	*out = (long long)y * 10000 + m * 100 + d;
	return 1;
}

static int
valid_text(const struct param_rule *r, const char *s, size_t len)
{
	pcre2_code	*code;
	size_t		 n;

	if (!utf8_valid(s, len))
		return 0;
	n = utf8_len(s, len);
	if ((long long)n < r->min || (long long)n > r->max)
		return 0;
	if (r->pattern == NULL)
		return 1;
	if ((code = pattern_find(r->pattern)) == NULL || match_data == NULL)
		return 0;	/* not compiled: refuse rather than pass */
	return pcre2_match(code, (PCRE2_SPTR)s, len, 0, PCRE2_NO_UTF_CHECK,
	    match_data, NULL) >= 0;
}

int
valid_one(const struct param_rule *r, void *ctx, const char *s, size_t len,
    struct param_val *out)
{
	long long	 v = 0;
	size_t		 i;

	if (memchr(s, '\0', len) != NULL)
		return 0;
	switch (r->type) {
	case PARAM_INT:
		if (!valid_int(r, s, len, &v))
			return 0;
		break;
	case PARAM_TEXT:
		if (!valid_text(r, s, len))
			return 0;
		break;
	case PARAM_ENUM:
		for (i = 0; r->choices[i] != NULL; i++)
			if (strlen(r->choices[i]) == len &&
			    memcmp(r->choices[i], s, len) == 0)
				break;
		if (r->choices[i] == NULL)
			return 0;
		v = (long long)i;
		break;
	case PARAM_DATE:
		if (!valid_date_str(s, len, &v))
			return 0;
		break;
	case PARAM_CUSTOM:
		if (!utf8_valid(s, len) || r->check == NULL ||
		    !r->check(ctx, s, len, &v))
			return 0;
		break;
	default:
		return 0;
	}
	out->s = s;
	out->len = len;
	out->i = v;
	return 1;
}

static int
param_add(struct request *r, struct param *p, const char *s, size_t len)
{
	const struct param_rule	*rule = p->rule;

	if (p->n > 0 && !(rule->flags & PARAM_MULTI))
		return -1;
	if (p->n >= PARAM_VALUES_MAX)
		return -1;
	if (p->v == NULL && (p->v = arena_calloc(r->arena,
	    rule->flags & PARAM_MULTI ? PARAM_VALUES_MAX : 1,
	    sizeof(*p->v))) == NULL)
		return -1;
	if (!valid_one(rule, r->ctx, s, len, &p->v[p->n]))
		return -1;
	p->n++;
	return 0;
}

/*
 * Both modes: a bad path variable always fails the request (the URL is
 * wrong); a bad argument fails it too, or with form set marks its field
 * bad and goes on.  Returns the number of bad fields, or -1.
 */
static int
validate(struct request *r, const struct param_rule *rules, size_t n,
    const struct kv *pathvars, size_t npathvars, int form)
{
	struct param	*p;
	size_t		 i, j;
	int		 nbad = 0, path;

	r->bad_param = NULL;
	r->nparams = n;
	if ((r->params = arena_calloc(r->arena, n ? n : 1, sizeof(*p))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		p = &r->params[i];
		p->rule = &rules[i];
		path = (rules[i].flags & PARAM_PATH) != 0;
		if (path) {
			for (j = 0; j < npathvars; j++)
				if (strcmp(pathvars[j].key, rules[i].name) == 0 &&
				    param_add(r, p, pathvars[j].val,
				    pathvars[j].vlen) == -1)
					goto fail;
		} else {
			for (j = 0; j < r->nargs && !p->bad; j++) {
				if (r->args[j].vlen == 0 ||
				    strcmp(r->args[j].key, rules[i].name) != 0)
					continue;
				if ((j < 64 && (r->scrubbed >> j & 1)) ||
				    param_add(r, p, r->args[j].val,
				    r->args[j].vlen) == -1) {
					if (!form)
						goto fail;
					p->bad = 1;
				}
			}
		}
		if ((rules[i].flags & PARAM_REQUIRED) && p->n == 0) {
			if (path || !form)
				goto fail;
			p->bad = 1;
		}
		if (p->bad) {
			p->n = 0;
			nbad++;
		}
	}
	return nbad;
fail:
	r->bad_param = rules[i].name;
	return -1;
}

int
valid_consultation_ref(void *ctx, const char *s, size_t len, long long *out)
{
	unsigned long long	 id = 0;
	size_t			 i;

	(void)ctx;
	for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		if (i >= 10)
			return 0;
		id = id * 10 + (unsigned long long)(s[i] - '0');
	}
	if (i == 0 || s[0] == '0' || id > 4294967295ULL)
		return 0;
	if (i < len) {
		if (s[i] != '-' || len - i - 1 == 0 || len - i - 1 > 120)
			return 0;
		for (i++; i < len; i++)
			if (!((s[i] >= 'a' && s[i] <= 'z') ||
			    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
				return 0;
	}
	*out = (long long)id;
	return 1;
}

int
valid_request(struct request *r, const struct param_rule *rules, size_t n,
    const struct kv *pathvars, size_t npathvars)
{
	return validate(r, rules, n, pathvars, npathvars, 0) == 0 ? 0 : -1;
}

int
valid_form(struct request *r, const struct param_rule *rules, size_t n,
    const struct kv *pathvars, size_t npathvars)
{
	return validate(r, rules, n, pathvars, npathvars, 1);
}
