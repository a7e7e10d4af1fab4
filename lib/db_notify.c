/*
 * Notifications: subscriptions, events, matching, the outbox.
 *
 * Matching an event to 100,000 subscriptions (scripts/bench.sh measures
 * it): the consultation's own values (its themes, districts, groups, its
 * format and unit: a dozen rows at most) are joined to subscription_filters
 * by its primary key (facet, value_id, subscription_id), so only the
 * subscriptions that name one of those values are read; a subscription
 * matches when it was hit in as many vocabularies as it restricts (nfacets;
 * the vocabularies hit are a bit mask, cheaper than COUNT(DISTINCT) with
 * its temporary table: 67 -> 24 ms for 11,000 filter rows, measured).
 * Those that restrict nothing come from ix_subscriptions_match alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_notify.h"

enum stmt {
	S_RATE,
	S_RATE_ADD,
	S_UPSERT,
	S_FILTER_ADD,
	S_CONFIRM_COUNT,
	S_QUEUE_CONFIRM,
	S_BY_CONFIRM,
	S_BY_MANAGE,
	S_CONFIRM,
	S_UNSUB,
	S_UNSUB_OUTBOX,
	S_FILTERS,
	S_SAME,
	S_DROP,
	S_CHANGE,
	S_FILTERS_DROP,
	S_DUE_NOW,
	W_OPENED,
	W_CLOSING,
	W_UNMATCHED,
	W_MATCH,
	W_MATCH_ALL,
	W_MATCH_ANSWER,
	W_REPORT_AUTHORS,
	W_MATCHED,
	W_EXPIRE,
	W_CLAIM,
	W_CLAIMED,
	W_GET,
	W_HANDED,
	W_SENT,
	W_RETRY,
	W_FAIL,
	W_CONSULTATION,
	W_ANSWER,
	W_CLAIM_SUB,
	W_DIGEST_ROWS,
	STMT__MAX
};

/* The consultation's values, as (facet, value_id) rows: enum tax_kind. */
#define VALUES_OF_EVENT							\
	"(SELECT 0 AS facet, theme_id AS value_id FROM consultation_themes " \
	    "WHERE consultation_id = ? "				\
	"UNION ALL SELECT 1, district_id FROM consultation_districts "	\
	    "WHERE consultation_id = ? "				\
	"UNION ALL SELECT 2, format_id FROM consultations WHERE id = ? " \
	"UNION ALL SELECT 3, group_id FROM consultation_groups "	\
	    "WHERE consultation_id = ? "				\
	"UNION ALL SELECT 4, unit_id FROM consultations WHERE id = ?)"

/*
 * When a matched event goes out: now, or for a weekly subscription with
 * the next digest, Monday 07:00 UTC (09:00 or 10:00 in Kyiv); the worker
 * then sends every due row of the subscription as one message.
 */
#define DUE_AT								\
	"IF(s.frequency = 'weekly', DATE(UTC_TIMESTAMP()) + "		\
	    "INTERVAL (7 - WEEKDAY(UTC_TIMESTAMP())) DAY + INTERVAL 7 HOUR, " \
	    "UTC_TIMESTAMP())"

static const char *const stmts[STMT__MAX] = {
	/* S_RATE */
	"SELECT COALESCE(SUM(created_at > UTC_TIMESTAMP() - INTERVAL 1 MINUTE),"
	    " 0), COUNT(*) FROM subscribe_requests "
	"WHERE client_hash = ? "
	    "AND created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR",
	/* S_RATE_ADD */
	"INSERT INTO subscribe_requests (client_hash) VALUES (?)",
	/* S_UPSERT: LAST_INSERT_ID(id) gives the existing row's id. */
	"INSERT INTO subscriptions (email, filters_key, nfacets, "
	    "pending_frequency, frequency, confirm_nonce, confirm_hash, "
	    "confirm_expires_at, manage_nonce, manage_hash, client_hash) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP() + INTERVAL 48 HOUR, "
	    "?, ?, ?) "
	"ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), "
	    "pending_frequency = VALUES(pending_frequency), "
	    "confirm_nonce = VALUES(confirm_nonce), "
	    "confirm_hash = VALUES(confirm_hash), "
	    "confirm_expires_at = VALUES(confirm_expires_at), "
	    "client_hash = VALUES(client_hash), "
	    "requested_at = UTC_TIMESTAMP()",
	/* S_FILTER_ADD */
	"INSERT IGNORE INTO subscription_filters (subscription_id, facet, "
	    "value_id, nfacets) VALUES (?, ?, ?, ?)",
	/* S_CONFIRM_COUNT: no address gets a flood of confirmations. */
	"SELECT COUNT(*) FROM outbox WHERE email = ? AND kind = 'confirm' "
	    "AND created_at > UTC_TIMESTAMP() - INTERVAL 1 DAY",
	/* S_QUEUE_CONFIRM */
	"INSERT INTO outbox (kind, subscription_id, email) "
	"VALUES ('confirm', ?, ?)",
	/* S_BY_CONFIRM */
	"SELECT id, email, state, frequency, "
	    "confirm_expires_at > UTC_TIMESTAMP() FROM subscriptions "
	"WHERE confirm_hash = ?",
	/* S_BY_MANAGE: a pending row's frequency is the one it asked for;
	 * confirm_valid: whether its confirmation can still come. */
	"SELECT id, email, state, IF(state = 'pending', pending_frequency, "
	    "frequency), COALESCE(confirm_expires_at > UTC_TIMESTAMP(), 0) "
	"FROM subscriptions WHERE manage_hash = ?",
	/* S_CONFIRM: single use, the token is cleared. */
	"UPDATE subscriptions SET state = 'active', "
	    "frequency = pending_frequency, confirmed_at = UTC_TIMESTAMP(), "
	    "unsubscribed_at = NULL, confirm_hash = NULL, "
	    "confirm_nonce = NULL, confirm_expires_at = NULL "
	"WHERE id = ? AND confirm_hash = ? "
	    "AND confirm_expires_at > UTC_TIMESTAMP()",
	/* S_UNSUB */
	"UPDATE subscriptions SET state = 'unsubscribed', "
	    "unsubscribed_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND state <> 'unsubscribed'",
	/* S_UNSUB_OUTBOX: nothing more goes out, even if queued. */
	"UPDATE outbox SET state = 'failed', last_error = 'unsubscribed' "
	"WHERE subscription_id = ? AND kind = 'event' AND state = 'queued' "
	    "AND handed_at IS NULL",
	/* S_FILTERS */
	"SELECT facet, value_id FROM subscription_filters "
	"WHERE subscription_id = ? ORDER BY facet, value_id",
	/* S_SAME: another row of the address with the filters asked for. */
	"SELECT id, state FROM subscriptions "
	"WHERE email = ? AND filters_key = ? AND id <> ? FOR UPDATE",
	/*
	 * S_DROP: that row, when it is not active, is retired: unsubscribed,
	 * its link to confirm void, its key no longer the filters' (so that
	 * this one can take it).  Kept, not deleted: the web user deletes
	 * only filter rows.
	 */
	"UPDATE subscriptions SET state = 'unsubscribed', "
	    "unsubscribed_at = COALESCE(unsubscribed_at, UTC_TIMESTAMP()), "
	    "confirm_hash = NULL, confirm_nonce = NULL, "
	    "confirm_expires_at = NULL, "
	    "filters_key = UNHEX(SHA2(CONCAT('retired ', id), 256)) "
	"WHERE id = ? AND state <> 'active'",
	/* S_CHANGE: in place, no new opt-in (the link proves the address). */
	"UPDATE subscriptions SET filters_key = ?, nfacets = ?, frequency = ?, "
	    "pending_frequency = ? "
	"WHERE id = ? AND state <> 'unsubscribed'",
	/* S_FILTERS_DROP */
	"DELETE FROM subscription_filters WHERE subscription_id = ?",
	/* S_DUE_NOW: weekly rows waiting for Monday, for one now immediate. */
	"UPDATE outbox SET next_try_at = UTC_TIMESTAMP() "
	"WHERE subscription_id = ? AND kind = 'event' AND state = 'queued' "
	    "AND handed_at IS NULL AND attempts = 0 "
	    "AND next_try_at > UTC_TIMESTAMP()",
	/* W_OPENED: status follows the dates; no write says "opened". */
	"INSERT IGNORE INTO notify_events (kind, consultation_id) "
	"SELECT 'opened', id FROM consultations "
	"WHERE status IN ('announced', 'open') AND closed_at IS NULL "
	    "AND opens_at <= UTC_TIMESTAMP() "
	    "AND opens_at > UTC_TIMESTAMP() - INTERVAL 1 DAY "
	    "AND closes_at > UTC_TIMESTAMP()",
	/* W_CLOSING */
	"INSERT IGNORE INTO notify_events (kind, consultation_id) "
	"SELECT 'closing', id FROM consultations "
	"WHERE status IN ('announced', 'open') AND closed_at IS NULL "
	    "AND opens_at <= UTC_TIMESTAMP() "
	    "AND closes_at > UTC_TIMESTAMP() "
	    "AND closes_at <= UTC_TIMESTAMP() + INTERVAL 3 DAY",
	/*
	 * W_UNMATCHED: a second old at least, so that the links an editor
	 * writes beside the row (themes, districts) are there.
	 */
	"SELECT id, kind, consultation_id, comment_id FROM notify_events "
	"WHERE matched_at IS NULL "
	    "AND created_at < UTC_TIMESTAMP(3) - INTERVAL 1 SECOND "
	"ORDER BY id LIMIT ?",
	/* W_MATCH: see the comment at the top. */
	"INSERT IGNORE INTO outbox (kind, subscription_id, event_id, email, "
	    "next_try_at) "
	"SELECT 'event', s.id, ?, s.email, " DUE_AT " FROM ("
	    "SELECT f.subscription_id FROM " VALUES_OF_EVENT " v "
	    "JOIN subscription_filters f ON f.facet = v.facet "
		"AND f.value_id = v.value_id "
	    "GROUP BY f.subscription_id "
	    "HAVING BIT_COUNT(BIT_OR(1 << f.facet)) = MAX(f.nfacets)) m "
	"JOIN subscriptions s ON s.id = m.subscription_id "
	"WHERE s.state = 'active'",
	/* W_MATCH_ALL: IN lets ix_subscriptions_match take all 3 parts. */
	"INSERT IGNORE INTO outbox (kind, subscription_id, event_id, email, "
	    "next_try_at) "
	"SELECT 'event', s.id, ?, s.email, " DUE_AT " FROM subscriptions s "
	"WHERE s.state = 'active' AND s.frequency IN ('immediate', 'weekly') "
	    "AND s.nfacets = 0",
	/* W_MATCH_ANSWER: subscription 0 keeps the unique key working. */
	"INSERT IGNORE INTO outbox (kind, subscription_id, event_id, email) "
	"SELECT 'answer', 0, ?, author_email FROM comments "
	"WHERE id = ? AND notify_author = 1",
	/*
	 * W_REPORT_AUTHORS: a 'report' event per address of an author who
	 * asked, for a published report; one per address (its first comment
	 * stands for it), matched in a later round like an answer.
	 */
	"INSERT IGNORE INTO notify_events (kind, consultation_id, comment_id) "
	"SELECT 'report', consultation_id, MIN(id) FROM comments "
	"WHERE consultation_id = ? AND notify_author = 1 "
	    "AND status = 'published' "
	"GROUP BY consultation_id, author_email",
	/* W_MATCHED */
	"UPDATE notify_events SET matched_at = UTC_TIMESTAMP() WHERE id = ?",
	/* W_EXPIRE */
	"UPDATE outbox SET state = 'unknown', last_error = "
	    "'the sender stopped after handing the message to the relay: "
	    "possibly delivered, not sent again' "
	"WHERE state = 'queued' AND handed_at IS NOT NULL "
	    "AND lease_until < UTC_TIMESTAMP()",
	/* W_CLAIM */
	"UPDATE outbox SET claimed_by = ?, claimed_at = UTC_TIMESTAMP(), "
	    "lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND "
	"WHERE state = 'queued' AND next_try_at <= UTC_TIMESTAMP() "
	    "AND handed_at IS NULL "
	    "AND (lease_until IS NULL OR lease_until < UTC_TIMESTAMP()) "
	"ORDER BY next_try_at, id LIMIT ?",
	/* W_CLAIMED */
	"SELECT id FROM outbox WHERE claimed_by = ? AND state = 'queued' "
	    "AND handed_at IS NULL ORDER BY id",
	/* W_GET */
	"SELECT o.id, o.kind, o.email, COALESCE(o.subscription_id, 0), "
	    "COALESCE(s.state, ''), s.confirm_nonce, s.manage_nonce, "
	    "COALESCE(e.kind, ''), COALESCE(e.consultation_id, 0), "
	    "COALESCE(e.comment_id, 0), o.attempts, o.state, "
	    "o.handed_at IS NOT NULL, COALESCE(s.frequency, '') "
	"FROM outbox o "
	"LEFT JOIN subscriptions s ON s.id = o.subscription_id "
	"LEFT JOIN notify_events e ON e.id = o.event_id "
	"WHERE o.id = ?",
	/* W_HANDED */
	"UPDATE outbox SET handed_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND claimed_by = ?",
	/* W_SENT */
	"UPDATE outbox SET state = 'sent', sent_at = UTC_TIMESTAMP(), "
	    "attempts = attempts + 1, last_code = ?, last_error = NULL "
	"WHERE id = ? AND claimed_by = ?",
	/* W_RETRY */
	"UPDATE outbox SET attempts = attempts + 1, "
	    "next_try_at = UTC_TIMESTAMP() + INTERVAL ? SECOND, "
	    "last_code = ?, last_error = ?, claimed_by = NULL, "
	    "lease_until = NULL, handed_at = NULL "
	"WHERE id = ? AND claimed_by = ?",
	/* W_FAIL */
	"UPDATE outbox SET state = ?, attempts = attempts + 1, "
	    "last_code = ?, last_error = ? "
	"WHERE id = ? AND claimed_by = ?",
	/* W_CONSULTATION */
	"SELECT c.id, c.slug, c.title, c.summary, UNIX_TIMESTAMP(c.opens_at), "
	    "UNIX_TIMESTAMP(c.closes_at), u.name_uk "
	"FROM consultations c JOIN units u ON u.id = c.unit_id "
	"WHERE c.id = ?",
	/* W_ANSWER */
	"SELECT r.decision, r.reason, m.body FROM responses r "
	"JOIN comments m ON m.id = r.comment_id WHERE r.comment_id = ?",
	/* W_CLAIM_SUB: the due event rows of one (weekly) subscription. */
	"UPDATE outbox SET claimed_by = ?, claimed_at = UTC_TIMESTAMP(), "
	    "lease_until = UTC_TIMESTAMP() + INTERVAL ? SECOND "
	"WHERE subscription_id = ? AND kind = 'event' AND state = 'queued' "
	    "AND next_try_at <= UTC_TIMESTAMP() AND handed_at IS NULL "
	    "AND (claimed_by = ? OR lease_until IS NULL "
		"OR lease_until < UTC_TIMESTAMP())",
	/* W_DIGEST_ROWS */
	"SELECT o.id, e.kind, e.consultation_id FROM outbox o "
	"JOIN notify_events e ON e.id = o.event_id "
	"WHERE o.claimed_by = ? AND o.subscription_id = ? "
	    "AND o.state = 'queued' AND o.handed_at IS NULL "
	"ORDER BY o.id LIMIT ?",
};

const struct db_family_def db_notify_def = { "notify", stmts, STMT__MAX };

#define N(a)	(sizeof(a) / sizeof((a)[0]))
#define DUP(i)	arena_strdup(a, db_str(&res, (i)))

/* A statement without a result. */
static int
run(struct db *db, struct arena *a, int st, const struct db_arg *arg,
    size_t n)
{
	return db_query(db, a, DBF_NOTIFY, st, arg, n, NULL);
}

int
db_sub_rate(struct db *db, struct arena *a, const unsigned char h[32],
    long long *minute, long long *hour)
{
	struct db_arg	 arg[] = { DB_BLOB(h, 32) };
	struct db_res	 res;
	int		 rc = -1;

	if (db_query(db, a, DBF_NOTIFY, S_RATE, arg, 1, &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		*minute = db_int(&res, 0);
		*hour = db_int(&res, 1);
		rc = 0;
	}
	db_res_free(&res);
	return rc;
}

int
db_sub_rate_add(struct db *db, struct arena *a, const unsigned char h[32])
{
	struct db_arg	 arg[] = { DB_BLOB(h, 32) };

	return run(db, a, S_RATE_ADD, arg, 1);
}

/* SHA-256 of the canonical filters ("k:id,id;..." in vocabulary order). */
static void
filters_key(unsigned char out[32], const struct sub_filters *f)
{
	char	 buf[TAX__MAX * SUB_VALUES_MAX * 8 + 64];
	size_t	 k, i, len = 0;

	for (k = 0; k < TAX__MAX; k++) {
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%zu:", k);
		for (i = 0; i < f->n[k]; i++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
			    "%d,", f->id[k][i]);
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, ";");
	}
	link_token_hash(out, buf, len);
}

int
db_sub_request(struct db *db, struct arena *a, struct sub_request *r,
    int max_per_day)
{
	unsigned char	 key[32];
	long long	 nfacets = 0, sent = 0;
	uint32_t	 id;
	size_t		 k, i;
	struct db_res	 res;

	for (k = 0; k < TAX__MAX; k++)
		nfacets += r->filters->n[k] > 0;
	filters_key(key, r->filters);
	{
		struct db_arg	 arg[] = {
			DB_STR(r->email), DB_BLOB(key, 32), DB_INT(nfacets),
			DB_STR(r->frequency), DB_STR(r->frequency),
			DB_BLOB(r->confirm_nonce, LINK_NONCE_BYTES),
			DB_BLOB(r->confirm_hash, 32),
			DB_BLOB(r->manage_nonce, LINK_NONCE_BYTES),
			DB_BLOB(r->manage_hash, 32),
			DB_BLOB(r->client_hash, 32),
		};
		if (run(db, a, S_UPSERT, arg, N(arg)) == -1)
			return -1;
	}
	id = (uint32_t)db_insert_id(db);
	for (k = 0; k < TAX__MAX; k++)
		for (i = 0; i < r->filters->n[k]; i++) {
			struct db_arg	 arg[] = { DB_INT(id), DB_INT(k),
			    DB_INT(r->filters->id[k][i]), DB_INT(nfacets) };
			if (run(db, a, S_FILTER_ADD, arg, N(arg)) == -1)
				return -1;
		}
	{
		struct db_arg	 arg[] = { DB_STR(r->email) };
		if (db_query(db, a, DBF_NOTIFY, S_CONFIRM_COUNT, arg, 1,
		    &res) == -1)
			return -1;
		if (db_next(&res) == 1)
			sent = db_int(&res, 0);
		db_res_free(&res);
	}
	if (sent >= max_per_day)
		return 0;
	{
		struct db_arg	 arg[] = { DB_INT(id), DB_STR(r->email) };
		return run(db, a, S_QUEUE_CONFIRM, arg, N(arg));
	}
}

static int
sub_by(struct db *db, struct arena *a, int st, const unsigned char h[32],
    struct subscription *s)
{
	struct db_arg	 arg[] = { DB_BLOB(h, 32) };
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_NOTIFY, st, arg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1) {
		s->id = (uint32_t)db_int(&res, 0);
		s->email = DUP(1);
		s->state = DUP(2);
		s->frequency = DUP(3);
		s->confirm_valid = db_int(&res, 4) == 1;
		if (s->email == NULL || s->state == NULL ||
		    s->frequency == NULL)
			rc = -1;
	}
	db_res_free(&res);
	return rc;
}

int
db_sub_by_confirm(struct db *db, struct arena *a, const unsigned char h[32],
    struct subscription *s)
{
	return sub_by(db, a, S_BY_CONFIRM, h, s);
}

int
db_sub_by_manage(struct db *db, struct arena *a, const unsigned char h[32],
    struct subscription *s)
{
	return sub_by(db, a, S_BY_MANAGE, h, s);
}

int
db_sub_confirm(struct db *db, struct arena *a, uint32_t id,
    const unsigned char h[32])
{
	struct db_arg	 arg[] = { DB_INT(id), DB_BLOB(h, 32) };

	if (run(db, a, S_CONFIRM, arg, N(arg)) == -1)
		return -1;
	return db_affected(db) == 1;
}

int
db_sub_unsubscribe(struct db *db, struct arena *a, uint32_t id)
{
	struct db_arg	 arg[] = { DB_INT(id) };

	if (run(db, a, S_UNSUB, arg, 1) == -1)
		return -1;
	return run(db, a, S_UNSUB_OUTBOX, arg, 1);
}

int
db_sub_filters(struct db *db, struct arena *a, uint32_t id,
    struct sub_filters *f)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	long long	 k;
	int		 rc;

	memset(f, 0, sizeof(*f));
	if (db_query(db, a, DBF_NOTIFY, S_FILTERS, arg, 1, &res) == -1)
		return -1;
	while ((rc = db_next(&res)) == 1) {
		k = db_int(&res, 0);
		if (k >= 0 && k < TAX__MAX && f->n[k] < SUB_VALUES_MAX)
			f->id[k][f->n[k]++] = (int)db_int(&res, 1);
	}
	db_res_free(&res);
	return rc;
}

static int
cmp_int(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

int
db_sub_change(struct db *db, struct arena *a, const struct subscription *s,
    const struct sub_filters *want, const char *frequency)
{
	struct sub_filters f = *want;
	unsigned char	 key[32];
	long long	 nfacets = 0, other = 0;
	char		*ostate = NULL;
	struct db_res	 res;
	size_t		 k, i;
	int		 rc;

	/* Sorted: the key of a set is the same in any order. */
	for (k = 0; k < TAX__MAX; k++) {
		qsort(f.id[k], f.n[k], sizeof(f.id[k][0]), cmp_int);
		nfacets += f.n[k] > 0;
	}
	filters_key(key, &f);
	if (db_begin(db) == -1)
		return -1;
	{
		struct db_arg	 arg[] = { DB_STR(s->email), DB_BLOB(key, 32),
		    DB_INT(s->id) };
		if (db_query(db, a, DBF_NOTIFY, S_SAME, arg, N(arg),
		    &res) == -1)
			goto fail;
		if ((rc = db_next(&res)) == 1) {
			other = db_int(&res, 0);
			ostate = DUP(1);
		}
		db_res_free(&res);
		if (rc == -1 || (rc == 1 && ostate == NULL))
			goto fail;
	}
	if (other != 0) {
		struct db_arg	 arg[] = { DB_INT(other) };
		if (strcmp(ostate, "active") == 0) {
			db_rollback(db);
			return 0;
		}
		if (run(db, a, S_DROP, arg, 1) == -1)
			goto fail;
	}
	{
		struct db_arg	 arg[] = { DB_BLOB(key, 32), DB_INT(nfacets),
		    DB_STR(frequency), DB_STR(frequency), DB_INT(s->id) };
		if (run(db, a, S_CHANGE, arg, N(arg)) == -1)
			goto fail;
	}
	{
		struct db_arg	 arg[] = { DB_INT(s->id) };
		if (run(db, a, S_FILTERS_DROP, arg, 1) == -1)
			goto fail;
	}
	for (k = 0; k < TAX__MAX; k++)
		for (i = 0; i < f.n[k]; i++) {
			struct db_arg	 arg[] = { DB_INT(s->id), DB_INT(k),
			    DB_INT(f.id[k][i]), DB_INT(nfacets) };
			if (run(db, a, S_FILTER_ADD, arg, N(arg)) == -1)
				goto fail;
		}
	if (strcmp(frequency, "immediate") == 0) {
		struct db_arg	 arg[] = { DB_INT(s->id) };
		if (run(db, a, S_DUE_NOW, arg, 1) == -1)
			goto fail;
	}
	if (db_commit(db) == -1)
		goto fail;
	return 1;
fail:
	db_rollback(db);
	return -1;
}

int
db_notify_date_events(struct db *db, struct arena *a)
{
	if (run(db, a, W_OPENED, NULL, 0) == -1)
		return -1;
	return run(db, a, W_CLOSING, NULL, 0);
}

int
db_notify_match_one(struct db *db, struct arena *a, uint64_t ev,
    const char *kind, uint32_t cid, uint32_t comment,
    unsigned long long *rows)
{
	*rows = 0;
	if (strcmp(kind, "answer") == 0 || strcmp(kind, "report") == 0) {
		struct db_arg	 arg[] = { DB_INT(ev), DB_INT(comment) };
		if (run(db, a, W_MATCH_ANSWER, arg, N(arg)) == -1)
			return -1;
		*rows = db_affected(db);
		return 0;
	} else {
		struct db_arg	 arg[] = { DB_INT(ev), DB_INT(cid),
		    DB_INT(cid), DB_INT(cid), DB_INT(cid), DB_INT(cid) };
		if (run(db, a, W_MATCH, arg, N(arg)) == -1)
			return -1;
		*rows = db_affected(db);
		if (run(db, a, W_MATCH_ALL, arg, 1) == -1)
			return -1;
		*rows += db_affected(db);
		if (strcmp(kind, "completed") == 0) {
			struct db_arg	 c[] = { DB_INT(cid) };
			if (run(db, a, W_REPORT_AUTHORS, c, 1) == -1)
				return -1;
		}
		return 0;
	}
}

int
db_notify_match(struct db *db, struct arena *a, size_t max, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(max) };
	struct db_res	 res;
	uint64_t	 ids[256];
	uint32_t	 cid[256], com[256];
	const char	*kind[256];
	unsigned long long rows;
	size_t		 i, got = 0;
	int		 rc;

	*n = 0;
	if (max > 256)
		max = 256;
	arg[0].i = (long long)max;
	if (db_query(db, a, DBF_NOTIFY, W_UNMATCHED, arg, 1, &res) == -1)
		return -1;
	while (got < max && (rc = db_next(&res)) == 1) {
		ids[got] = (uint64_t)db_int(&res, 0);
		kind[got] = DUP(1);
		cid[got] = (uint32_t)db_int(&res, 2);
		com[got] = (uint32_t)db_int(&res, 3);
		if (kind[got] != NULL)
			got++;
	}
	db_res_free(&res);
	for (i = 0; i < got; i++) {
		struct db_arg	 m[] = { DB_INT(ids[i]) };
		if (db_notify_match_one(db, a, ids[i], kind[i], cid[i], com[i],
		    &rows) == -1)
			return -1;
		/* After the rows: a crash in between matches it again, and
		 * the unique key queues nothing twice. */
		if (run(db, a, W_MATCHED, m, 1) == -1)
			return -1;
		(*n)++;
	}
	return 0;
}

int
db_outbox_expire(struct db *db, struct arena *a)
{
	return run(db, a, W_EXPIRE, NULL, 0);
}

int
db_outbox_claim(struct db *db, struct arena *a, const char *who, long lease,
    size_t max, uint64_t *ids, size_t *n)
{
	struct db_arg	 arg[] = { DB_STR(who), DB_INT(lease), DB_INT(max) };
	struct db_res	 res;
	int		 rc;

	*n = 0;
	if (run(db, a, W_CLAIM, arg, N(arg)) == -1)
		return -1;
	if (db_query(db, a, DBF_NOTIFY, W_CLAIMED, arg, 1, &res) == -1)
		return -1;
	while (*n < max && (rc = db_next(&res)) == 1)
		ids[(*n)++] = (uint64_t)db_int(&res, 0);
	db_res_free(&res);
	return 0;
}

/* A binary column of LINK_NONCE_BYTES, copied, or NULL. */
static const unsigned char *
nonce(struct arena *a, const struct db_res *res, size_t col)
{
	unsigned char	*p;

	if (db_isnull(res, col) ||
	    ((unsigned long *)res->len)[col] != LINK_NONCE_BYTES ||
	    (p = arena_alloc(a, LINK_NONCE_BYTES)) == NULL)
		return NULL;
	memcpy(p, res->val[col], LINK_NONCE_BYTES);
	return p;
}

int
db_outbox_get(struct db *db, struct arena *a, uint64_t id,
    struct outbox_row *o)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 rc;

	memset(o, 0, sizeof(*o));
	if (db_query(db, a, DBF_NOTIFY, W_GET, arg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1) {
		o->id = (uint64_t)db_int(&res, 0);
		o->kind = DUP(1);
		o->email = DUP(2);
		o->subscription_id = (uint32_t)db_int(&res, 3);
		o->sub_state = DUP(4);
		o->confirm_nonce = nonce(a, &res, 5);
		o->manage_nonce = nonce(a, &res, 6);
		o->event_kind = DUP(7);
		o->consultation_id = (uint32_t)db_int(&res, 8);
		o->comment_id = (uint32_t)db_int(&res, 9);
		o->attempts = (long)db_int(&res, 10);
		o->state = DUP(11);
		o->handed = db_int(&res, 12) == 1;
		o->frequency = DUP(13);
		if (o->kind == NULL || o->email == NULL ||
		    o->sub_state == NULL || o->event_kind == NULL ||
		    o->state == NULL || o->frequency == NULL)
			rc = -1;
	}
	db_res_free(&res);
	return rc;
}

int
db_outbox_handed(struct db *db, struct arena *a, uint64_t id,
    const char *who)
{
	struct db_arg	 arg[] = { DB_INT(id), DB_STR(who) };

	if (run(db, a, W_HANDED, arg, N(arg)) == -1)
		return -1;
	return db_affected(db) == 1 ? 0 : -1;
}

int
db_outbox_sent(struct db *db, struct arena *a, uint64_t id, const char *who,
    long code)
{
	struct db_arg	 arg[] = { DB_INT(code), DB_INT(id), DB_STR(who) };

	return run(db, a, W_SENT, arg, N(arg));
}

int
db_outbox_retry(struct db *db, struct arena *a, uint64_t id, const char *who,
    long delay, long code, const char *why)
{
	struct db_arg	 arg[] = { DB_INT(delay), DB_INT(code),
	    DB_STRN(why, strnlen(why, 500)), DB_INT(id), DB_STR(who) };

	return run(db, a, W_RETRY, arg, N(arg));
}

int
db_outbox_fail(struct db *db, struct arena *a, uint64_t id, const char *who,
    const char *state, long code, const char *why)
{
	struct db_arg	 arg[] = { DB_STR(state), DB_INT(code),
	    DB_STRN(why, strnlen(why, 500)), DB_INT(id), DB_STR(who) };

	return run(db, a, W_FAIL, arg, N(arg));
}

int
db_mail_consultation(struct db *db, struct arena *a, uint32_t id,
    struct mail_consultation *c)
{
	struct db_arg	 arg[] = { DB_INT(id) };
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_NOTIFY, W_CONSULTATION, arg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1) {
		c->id = (uint32_t)db_int(&res, 0);
		c->slug = DUP(1);
		c->title = DUP(2);
		c->summary = DUP(3);
		c->opens = (time_t)db_int(&res, 4);
		c->closes = (time_t)db_int(&res, 5);
		c->unit = DUP(6);
		if (c->slug == NULL || c->title == NULL || c->summary == NULL ||
		    c->unit == NULL)
			rc = -1;
	}
	db_res_free(&res);
	return rc;
}

int
db_mail_answer(struct db *db, struct arena *a, uint32_t comment,
    const char **decision, const char **reason, const char **body)
{
	struct db_arg	 arg[] = { DB_INT(comment) };
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_NOTIFY, W_ANSWER, arg, 1, &res) == -1)
		return -1;
	if ((rc = db_next(&res)) == 1) {
		*decision = DUP(0);
		*reason = DUP(1);
		*body = DUP(2);
		if (*decision == NULL || *reason == NULL || *body == NULL)
			rc = -1;
	}
	db_res_free(&res);
	return rc;
}

int
db_outbox_digest(struct db *db, struct arena *a, const char *who, long lease,
    uint32_t sub, struct digest_item *items, size_t max, size_t *n)
{
	struct db_arg	 c[] = { DB_STR(who), DB_INT(lease), DB_INT(sub),
	    DB_STR(who) };
	struct db_arg	 arg[] = { DB_STR(who), DB_INT(sub), DB_INT(max) };
	struct db_res	 res;
	int		 rc;

	*n = 0;
	if (run(db, a, W_CLAIM_SUB, c, N(c)) == -1)
		return -1;
	if (db_query(db, a, DBF_NOTIFY, W_DIGEST_ROWS, arg, N(arg),
	    &res) == -1)
		return -1;
	while (*n < max && (rc = db_next(&res)) == 1) {
		items[*n].id = (uint64_t)db_int(&res, 0);
		items[*n].kind = DUP(1);
		items[*n].consultation_id = (uint32_t)db_int(&res, 2);
		if (items[*n].kind != NULL)
			(*n)++;
	}
	db_res_free(&res);
	return 0;
}
