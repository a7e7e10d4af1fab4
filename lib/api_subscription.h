/*
 * The JSON body of POST /api/v1/subscriptions, decoded and checked by the
 * rules of the /subscribe form (cgi-bin/subscribe.c): the e-mail by the
 * comment form's rule (as the page's), the frequency, consent a JSON true,
 * and the listing's filters as arrays of slugs.
 *
 *   { "email": "...", "frequency": "immediate" | "weekly",
 *     "consent": true,
 *     "filters": { "theme": ["ecology"], "district": [], "format": [],
 *                  "group": [], "unit": [] } (optional, each optional) }
 *
 * Pure (no database, no I/O): a slug is checked for its shape here and
 * looked up by the caller.  A fuzz target feeds it any bytes.
 */
#ifndef HROMADA_API_SUBSCRIPTION_H
#define HROMADA_API_SUBSCRIPTION_H

#include <stddef.h>

#include "arena.h"
#include "db_notify.h"
#include "model.h"

/* A slug: 1 to this many bytes of [a-z0-9-]. */
#define API_SLUG_MAX	64

struct api_subscription {
	const char	*email;		/* as sent (the caller folds) */
	const char	*frequency;	/* "immediate" or "weekly" */
	/* Distinct slugs per vocabulary, in the order sent (enum tax_kind). */
	const char	*slugs[TAX__MAX][SUB_VALUES_MAX];
	size_t		 nslugs[TAX__MAX];
};

/* The member of "filters" for a vocabulary: "theme", "district", ... */
extern const char *const api_filter_names[TAX__MAX];

/*
 * Decodes and checks body as api_comment_decode() does (api_comment.h):
 * 0 with out filled (strings in the arena); 400 when it is not one JSON
 * object of the right member types (not JSON, invalid UTF-8, too deep,
 * a wrong type: "filters" not an object, a filter not an array of
 * strings); 422 when it breaks a rule (a missing or unknown member, an
 * e-mail the form would refuse, a frequency not offered, consent not true,
 * a malformed slug, more than SUB_VALUES_MAX values in a filter); 500 when
 * out of memory.  *field names the member ("filters.theme" for a filter;
 * NULL for the body) and *message says what is wrong (static strings).
 */
int	api_subscription_decode(struct arena *, const char *body, size_t len,
	    struct api_subscription *out, const char **field,
	    const char **message);

#endif /* HROMADA_API_SUBSCRIPTION_H */
