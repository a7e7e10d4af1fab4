/*
 * What an edit changed, for the audit log's page: the fields of two JSON
 * objects (an audit row's before_json and after_json) whose values differ,
 * as text a person reads.  Strings are from the arena.
 */
#ifndef HROMADA_AUDIT_DIFF_H
#define HROMADA_AUDIT_DIFF_H

#include <stddef.h>

#include "arena.h"

struct audit_change {
	const char	*field;
	const char	*before;	/* "—" when absent or null */
	const char	*after;
};

/*
 * The changed fields of before and after (either may be NULL or "": no
 * object), in the order of after's keys and then before's remaining ones.
 * A value that is not an object (or text that is not JSON) counts as one
 * field named "значення".  Returns the number of changes (0: none) with
 * *out set, or -1 when out of memory.
 */
int	audit_diff(struct arena *, const char *before, const char *after,
	    struct audit_change **out);

#endif /* HROMADA_AUDIT_DIFF_H */
