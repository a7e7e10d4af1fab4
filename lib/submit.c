/*
 * Storing a submission (submit.h).
 */
#include <string.h>

#include "comment_form.h"
#include "config.h"
#include "submit.h"

const char *
submit_status(const char *moderation, const char *body, size_t len,
    int honeypot)
{
	/* A bot fills every field; it is told nothing and never shown. */
	if (honeypot)
		return "spam";
	if (strcmp(moderation, "pre") == 0 ||
	    comment_count_links(body, len) > COMMENT_LINKS_MAX)
		return "pending";
	return "published";
}

enum submit_rc
submit_store(struct db *db, struct arena *a, const struct submission *s,
    uint32_t *id, long long *minute, long long *hour)
{
	int	 rc;

	*minute = *hour = 0;
	/* A retry of one already stored is not a new submission. */
	if ((rc = db_submission_find(db, a, s->key, id)) == 1)
		return SUBMIT_RETRY;
	if (rc == -1)
		return SUBMIT_DOWN;
	if (cfg.submit_per_minute > 0 || cfg.submit_per_hour > 0) {
		if (db_submission_rate(db, a, s->client_hash, minute,
		    hour) == -1)
			return SUBMIT_DOWN;
		if ((cfg.submit_per_minute > 0 &&
		    *minute >= cfg.submit_per_minute) ||
		    (cfg.submit_per_hour > 0 && *hour >= cfg.submit_per_hour))
			return SUBMIT_LIMITED;
	}
	/* A concurrent double submission loses the race on the unique key:
	 * it is a retry too (db_submission_add() gives the stored id). */
	switch (db_submission_add(db, a, s, id)) {
	case -1:
		return SUBMIT_DOWN;
	case 0:
		return SUBMIT_RETRY;
	default:
		return SUBMIT_STORED;
	}
}

const char *
submit_retry_after(long long minute)
{
	return cfg.submit_per_minute > 0 && minute >= cfg.submit_per_minute ?
	    "60" : "3600";
}
