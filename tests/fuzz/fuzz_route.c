/*
 * route_match() with a fuzzed pattern and path (first line of the input is
 * the pattern, the rest the path), and the programs' real patterns against
 * the whole input as a path.  Checked against a reference written from
 * runner.h: both split into '/'-led segments, a "{name}" segment (more than
 * the braces) captures one non-empty segment, others compare literally, at
 * most maxvars captures.  On a match, putting the captured values back into
 * the pattern gives the path again.
 */
#include "fuzz.h"

#include "arena.h"
#include "http.h"
#include "runner.h"

#define VARS_MAX	8
#define SEGS_MAX	4096

struct seg {
	const char	*s;
	size_t		 len;
};

/* "" has no segment; otherwise s must start with '/'.  -1 if it does not. */
static long
split(const char *s, struct seg *seg)
{
	size_t	 n = 0, len;

	if (*s == '\0')
		return 0;
	if (*s != '/')
		return -1;
	while (*s == '/') {
		s++;
		len = strcspn(s, "/");
		seg[n].s = s;
		seg[n].len = len;
		n++;
		s += len;
	}
	return (long)n;
}

static int
is_var(const struct seg *g)
{
	return g->len > 2 && g->s[0] == '{' && g->s[g->len - 1] == '}';
}

static int
ref_match(const char *pattern, const char *path, size_t maxvars,
    struct seg *ps, struct seg *ss)
{
	long	 np, ns, i;
	size_t	 nvars = 0;

	np = split(pattern, ps);
	ns = split(path, ss);
	if (np == 0 && ns == 0)
		return 1;
	if (np <= 0 || ns <= 0 || np != ns)
		return 0;
	for (i = 0; i < np; i++) {
		if (is_var(&ps[i])) {
			if (ss[i].len == 0 || nvars++ == maxvars)
				return 0;
		} else if (ps[i].len != ss[i].len ||
		    memcmp(ps[i].s, ss[i].s, ps[i].len) != 0)
			return 0;
	}
	return 1;
}

static void
check(struct arena *a, const char *pattern, const char *path,
    size_t maxvars, struct seg *ps, struct seg *ss)
{
	struct kv	 vars[VARS_MAX];
	size_t		 nvars = (size_t)-1, i, v;
	long		 np;
	int		 rc;
	char		*back, *o;

	rc = route_match(a, pattern, path, vars, &nvars, maxvars);
	CHECK(rc == ref_match(pattern, path, maxvars, ps, ss));
	if (rc != 1)
		return;
	CHECK(nvars <= maxvars);
	/* Rebuild the path from the pattern and the captures. */
	np = split(pattern, ps);
	if ((back = malloc(strlen(path) + 1)) == NULL)
		abort();
	o = back;
	for (i = 0, v = 0; i < (size_t)np; i++) {
		*o++ = '/';
		if (is_var(&ps[i])) {
			CHECK(v < nvars);
			CHECK(strlen(vars[v].key) == ps[i].len - 2);
			CHECK(memcmp(vars[v].key, ps[i].s + 1,
			    ps[i].len - 2) == 0);
			CHECK(vars[v].vlen > 0);
			CHECK(strlen(vars[v].val) == vars[v].vlen);
			CHECK(strchr(vars[v].val, '/') == NULL);
			CHECK((size_t)(o - back) + vars[v].vlen <= strlen(path));
			memcpy(o, vars[v].val, vars[v].vlen);
			o += vars[v].vlen;
			v++;
		} else {
			CHECK((size_t)(o - back) + ps[i].len <= strlen(path));
			memcpy(o, ps[i].s, ps[i].len);
			o += ps[i].len;
		}
	}
	*o = '\0';
	CHECK(v == nvars);
	CHECK(strcmp(back, path) == 0);
	free(back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The patterns of cgi-bin/ and a few shapes routes may take. */
	static const char *const real[] = {
		"/", "/consultations", "/healthz", "/consultations/{ref}",
		"/consultations/{ref}/comments/{id}", "/{a}/{b}/{c}/{d}/{e}",
		"/consultations/{ref}/", "", "/{}", "/{x}",
	};
	static struct seg	 ps[SEGS_MAX], ss[SEGS_MAX];
	struct arena		 a;
	char			*in, *nl, *path;
	size_t			 i;

	if (size >= SEGS_MAX)
		return 0;
	arena_init(&a, 0);
	in = fuzz_cstr(data, size);
	if ((nl = strchr(in, '\n')) != NULL) {
		*nl = '\0';
		path = nl + 1;
		check(&a, in, path, 4, ps, ss);
		check(&a, in, path, 1, ps, ss);
		check(&a, in, path, 0, ps, ss);
		*nl = '\n';
	}
	for (i = 0; i < sizeof(real) / sizeof(real[0]); i++)
		check(&a, real[i], in, 4, ps, ss);
	/*
	 * Under a tiny arena limit a refused allocation is -1; 0 and 1 still
	 * mean what the reference says.
	 */
	arena_free(&a);
	arena_init(&a, 16);
	if (nl != NULL) {
		struct kv	 vars[VARS_MAX];
		size_t		 nvars;
		int		 rc;

		*nl = '\0';
		rc = route_match(&a, in, nl + 1, vars, &nvars, 4);
		CHECK(rc == -1 || rc == ref_match(in, nl + 1, 4, ps, ss));
	}
	arena_free(&a);
	free(in);
	return 0;
}
