/*
 * The SQL of notifications (sql/migrations/060_notify.sql): subscriptions
 * and their tokens for cgi-bin/subscribe; events, matching and the outbox
 * for cgi-bin/notify.  Strings come from the arena passed in.
 */
#ifndef HROMADA_DB_NOTIFY_H
#define HROMADA_DB_NOTIFY_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "arena.h"
#include "db.h"
#include "model.h"
#include "secret.h"

/* Filter values of a subscription: ids per vocabulary (enum tax_kind). */
#define SUB_VALUES_MAX	32
struct sub_filters {
	int		 id[TAX__MAX][SUB_VALUES_MAX];
	size_t		 n[TAX__MAX];
};

struct sub_request {
	const char		*email;		/* lower-cased */
	const struct sub_filters *filters;
	const char		*frequency;	/* immediate | weekly */
	unsigned char		 confirm_nonce[LINK_NONCE_BYTES];
	unsigned char		 confirm_hash[32];
	unsigned char		 manage_nonce[LINK_NONCE_BYTES];
	unsigned char		 manage_hash[32];
	unsigned char		 client_hash[32];
};

struct subscription {
	uint32_t	 id;
	const char	*email;
	const char	*state;		/* pending | active | unsubscribed */
	const char	*frequency;
	int		 confirm_valid;	/* token not expired */
};

/* Requests from a client address in the last minute and hour. */
int	db_sub_rate(struct db *, struct arena *, const unsigned char h[32],
	    long long *minute, long long *hour);
int	db_sub_rate_add(struct db *, struct arena *, const unsigned char h[32]);
/*
 * Stores a request: a new pending row, or the row of the same address and
 * filters with a new confirmation token.  Queues the confirmation unless
 * the address had max_per_day of them in the last day.  0 or -1.
 */
int	db_sub_request(struct db *, struct arena *, struct sub_request *,
	    int max_per_day);
/* The row of a token's hash (purpose "confirm" or "manage"): 1, 0, -1. */
int	db_sub_by_confirm(struct db *, struct arena *, const unsigned char h[32],
	    struct subscription *);
int	db_sub_by_manage(struct db *, struct arena *, const unsigned char h[32],
	    struct subscription *);
/* Confirms (1), or 0 when the token is no longer valid; -1 on error. */
int	db_sub_confirm(struct db *, struct arena *, uint32_t id,
	    const unsigned char h[32]);
/* Unsubscribes and drops its queued messages; 0 or -1. */
int	db_sub_unsubscribe(struct db *, struct arena *, uint32_t id);
/*
 * Changes the filters and frequency of s in place (the manage page: no new
 * opt-in).  Another row of the address with the same filters is retired
 * (unsubscribed) unless it is active: then nothing changes and 0 is
 * returned.  Not for
 * an unsubscribed row (its state is kept).  1 changed, -1 on error.
 */
int	db_sub_change(struct db *, struct arena *, const struct subscription *,
	    const struct sub_filters *, const char *frequency);
/* The filter values of a row. */
int	db_sub_filters(struct db *, struct arena *, uint32_t id,
	    struct sub_filters *);

/* ---- the worker ---- */

/* Inserts the events that follow from dates (opened, closes in 3 days). */
int	db_notify_date_events(struct db *, struct arena *);
/*
 * Matches up to max unmatched events to subscriptions, queueing outbox
 * rows; *n gets how many events were matched.  0 or -1.
 */
int	db_notify_match(struct db *, struct arena *, size_t max, size_t *n);
/* Matches one event (for the benchmark and tests); rows queued in *rows. */
int	db_notify_match_one(struct db *, struct arena *, uint64_t event,
	    const char *kind, uint32_t consultation, uint32_t comment,
	    unsigned long long *rows);

struct outbox_row {
	uint64_t	 id;
	const char	*kind;		/* confirm | event | answer */
	const char	*email;
	uint32_t	 subscription_id;
	const char	*sub_state;	/* "" when none */
	const unsigned char *confirm_nonce;	/* NULL when none */
	const unsigned char *manage_nonce;
	const char	*event_kind;	/* "" for confirm */
	uint32_t	 consultation_id;
	uint32_t	 comment_id;
	long		 attempts;
	const char	*state;		/* queued | sent | failed | unknown */
	int		 handed;
	const char	*frequency;	/* of the subscription, or "" */
};

/* One event row of a weekly digest. */
struct digest_item {
	uint64_t	 id;		/* the outbox row */
	const char	*kind;		/* the event's */
	uint32_t	 consultation_id;
};

/*
 * Claims every due event row of a subscription for who (those of its
 * batch included) and lists them, oldest first, up to max: the rows of
 * one weekly digest.  0 or -1.
 */
int	db_outbox_digest(struct db *, struct arena *, const char *who,
	    long lease, uint32_t sub, struct digest_item *, size_t max,
	    size_t *n);

/*
 * Marks lapsed leases: a row handed to the relay whose sender died is
 * 'unknown' (never sent again); one that was not is free to be claimed.
 */
int	db_outbox_expire(struct db *, struct arena *);
/* Claims up to max due rows for who; their ids in ids, count in *n. */
int	db_outbox_claim(struct db *, struct arena *, const char *who,
	    long lease, size_t max, uint64_t *ids, size_t *n);
int	db_outbox_get(struct db *, struct arena *, uint64_t id,
	    struct outbox_row *);
int	db_outbox_handed(struct db *, struct arena *, uint64_t id,
	    const char *who);
int	db_outbox_sent(struct db *, struct arena *, uint64_t id,
	    const char *who, long code);
/* Back to the queue in delay seconds, with the reason. */
int	db_outbox_retry(struct db *, struct arena *, uint64_t id,
	    const char *who, long delay, long code, const char *why);
int	db_outbox_fail(struct db *, struct arena *, uint64_t id,
	    const char *who, const char *state, long code, const char *why);

/* What a message about a consultation says. */
struct mail_consultation {
	uint32_t	 id;
	const char	*slug;
	const char	*title;
	const char	*summary;
	const char	*unit;
	time_t		 opens, closes;
};
int	db_mail_consultation(struct db *, struct arena *, uint32_t id,
	    struct mail_consultation *);
/* The answer to a proposal: decision slug, reason, the proposal's text. */
int	db_mail_answer(struct db *, struct arena *, uint32_t comment,
	    const char **decision, const char **reason, const char **body);

#endif /* HROMADA_DB_NOTIFY_H */
