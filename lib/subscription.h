/*
 * A subscription request, the same for the page (cgi-bin/subscribe) and
 * the API (POST /api/v1/subscriptions): the per-address limits of the
 * configuration, then a pending row (or the same address and filters'
 * row) with fresh confirmation and manage tokens, and the confirmation
 * message queued in the outbox (db_sub_request()).  What a caller answers
 * never depends on whether the address was new, pending or subscribed.
 */
#ifndef HROMADA_SUBSCRIPTION_H
#define HROMADA_SUBSCRIPTION_H

#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "db_notify.h"

/* Confirmation messages per address and day: no mail bombing. */
#define SUB_CONFIRMS_PER_DAY	3

enum sub_limit {
	SUB_LIMIT_OK,		/* under the limits; this one counted */
	SUB_LIMIT_OVER,		/* over a limit: nothing counted */
	SUB_LIMIT_DOWN		/* the database failed */
};

/*
 * Checks the address (client hash) against HROMADA_SUBSCRIBE_PER_MINUTE
 * and _PER_HOUR and counts this request.  *minute and *hour are the
 * address's requests in the last minute and hour before this one (0 when
 * the limits are off).
 */
enum sub_limit	 subscription_limit(struct db *, struct arena *,
		    const unsigned char hash[32], long long *minute,
		    long long *hour);

/* Retry-After, in seconds, for a SUB_LIMIT_OVER with that minute count. */
const char	*subscription_retry_after(long long minute);

/*
 * Stores the request of email (lower-cased here) with filters (database
 * ids; sorted here, so one set in any order is one subscription) and
 * frequency ("immediate" or "weekly").  0 or -1 (database).
 */
int		 subscription_request(struct db *, struct arena *,
		    const unsigned char hash[32], const char *email,
		    struct sub_filters *filters, const char *frequency);

#endif /* HROMADA_SUBSCRIPTION_H */
