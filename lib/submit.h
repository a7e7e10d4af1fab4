/*
 * Storing a comment or proposal, the same for the form (cgi-bin/comment)
 * and the API (cgi-bin/api): which status it gets, one row for a retry of
 * the same submission, and the per-address limits of the configuration.
 */
#ifndef HROMADA_SUBMIT_H
#define HROMADA_SUBMIT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "db.h"
#include "model.h"

enum submit_rc {
	SUBMIT_STORED,		/* stored now */
	SUBMIT_RETRY,		/* the same key was stored before */
	SUBMIT_LIMITED,		/* over a per-address limit: nothing stored */
	SUBMIT_DOWN		/* the database failed */
};

/*
 * "spam" for a filled honeypot, "pending" under pre-moderation or with
 * more than COMMENT_LINKS_MAX links, else "published".
 */
const char	*submit_status(const char *moderation, const char *body,
		    size_t len, int honeypot);

/*
 * Stores s unless its key is already stored (SUBMIT_RETRY, *id that row)
 * or the address is over a limit; *minute and *hour are the address's
 * submissions in the last minute and hour before this one (0 when the
 * limits are off or for a retry).
 */
enum submit_rc	 submit_store(struct db *, struct arena *,
		    const struct submission *s, uint32_t *id,
		    long long *minute, long long *hour);

/* Retry-After, in seconds, for a SUBMIT_LIMITED with that minute count. */
const char	*submit_retry_after(long long minute);

#endif /* HROMADA_SUBMIT_H */
