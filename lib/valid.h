/*
 * Declared parameter rules and the validators that enforce them.  Every
 * route lists its parameters in a table of struct param_rule; the runner
 * checks the whole request against it before the handler runs and hands the
 * handler typed values in request->params, in table order.  Handlers never
 * parse raw input themselves.
 *
 * Validators are pure: valid_one() returns 1 and stores the parsed value, or
 * 0.  Patterns are anchored pcre2 expressions compiled (and JIT-compiled)
 * once by valid_compile() before the workers fork.
 */
#ifndef HROMADA_VALID_H
#define HROMADA_VALID_H

#include <stddef.h>

#include "http.h"

enum param_type {
	PARAM_INT,	/* decimal integer in [min, max], no sign/space/junk */
	PARAM_TEXT,	/* UTF-8 text, [min, max] code points, optional pattern */
	PARAM_ENUM,	/* one of choices[]; value i is its index */
	PARAM_DATE,	/* YYYY-MM-DD, a real date; i is YYYYMMDD */
	PARAM_CUSTOM,	/* check() decides, e.g. a reference slug; i from it */
	PARAM__MAX
};

#define PARAM_REQUIRED	0x01u
#define PARAM_MULTI	0x02u	/* repeated keys allowed (OR within a facet) */
#define PARAM_PATH	0x04u	/* value comes from a {name} path segment */

#define PARAM_VALUES_MAX 32	/* values one MULTI parameter may carry */

/*
 * A custom check: returns 1 and stores a value in *out when s is acceptable.
 * ctx is the worker's program state (for reference data loaded from the
 * database).
 */
typedef int (*param_check_fn)(void *ctx, const char *s, size_t len,
    long long *out);

struct param_rule {
	const char		*name;
	enum param_type		 type;
	unsigned		 flags;
	long long		 min;		/* INT value; TEXT length */
	long long		 max;
	const char		*pattern;	/* TEXT: pcre2, NULL = any */
	const char *const	*choices;	/* ENUM: NULL-terminated */
	param_check_fn		 check;		/* CUSTOM */
};

struct param_val {
	const char	*s;	/* the raw value (decoded, valid UTF-8) */
	size_t		 len;
	long long	 i;	/* the parsed value, per type */
};

struct param {
	const struct param_rule	*rule;
	size_t			 n;	/* 0 when absent */
	struct param_val	*v;
	int			 bad;	/* valid_form(): refused or missing */
};

/* Compiles the patterns of a rule table; call before fork.  0 or -1. */
int	valid_compile(const struct param_rule *, size_t);

/* Releases every compiled pattern (process end). */
void	valid_free(void);

/* One value against one rule: 1 valid (out filled), 0 invalid. */
int	valid_one(const struct param_rule *, void *ctx, const char *s,
	    size_t len, struct param_val *out);

/*
 * Validates the request's path variables and arguments against the table,
 * filling r->params.  Unknown argument names are ignored (tracking tags and
 * the like); an empty value counts as absent, as browsers send empty form
 * fields.  Returns 0, or -1 with r->bad_param naming the parameter.
 */
int	valid_request(struct request *r, const struct param_rule *, size_t,
	    const struct kv *pathvars, size_t npathvars);

/*
 * The same for a form that comes back to the person with every error next
 * to its field: checks every field instead of stopping at the first, marks
 * each refused or missing one bad (its raw value stays in r->args for the
 * page).  Returns the number of bad fields, or -1 when a path variable is
 * bad (r->bad_param names it: not a form error, the URL is wrong).
 */
int	valid_form(struct request *r, const struct param_rule *, size_t,
	    const struct kv *pathvars, size_t npathvars);

/*
 * A consultation's {ref} in a path: "123" or "123-some-slug" (lower-case
 * ASCII, digits, '-', at most 120); the id goes to *out.  A param_check_fn.
 */
int	valid_consultation_ref(void *ctx, const char *s, size_t len,
	    long long *out);

/* A real calendar date? (Gregorian, year 1900-2999.) */
int	valid_date(int y, int m, int d);

#endif /* HROMADA_VALID_H */
