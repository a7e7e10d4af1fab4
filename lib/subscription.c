/*
 * A subscription request (subscription.h).
 */
#include <ctype.h>
#include <string.h>

#include "config.h"
#include "secret.h"
#include "subscription.h"

enum sub_limit
subscription_limit(struct db *db, struct arena *a,
    const unsigned char hash[32], long long *minute, long long *hour)
{
	*minute = *hour = 0;
	if (cfg.subscribe_per_minute > 0 || cfg.subscribe_per_hour > 0) {
		if (db_sub_rate(db, a, hash, minute, hour) == -1)
			return SUB_LIMIT_DOWN;
		if ((cfg.subscribe_per_minute > 0 &&
		    *minute >= cfg.subscribe_per_minute) ||
		    (cfg.subscribe_per_hour > 0 &&
		    *hour >= cfg.subscribe_per_hour))
			return SUB_LIMIT_OVER;
	}
	return db_sub_rate_add(db, a, hash) == -1 ? SUB_LIMIT_DOWN :
	    SUB_LIMIT_OK;
}

const char *
subscription_retry_after(long long minute)
{
	return cfg.subscribe_per_minute > 0 &&
	    minute >= cfg.subscribe_per_minute ? "60" : "3600";
}

int
subscription_request(struct db *db, struct arena *a,
    const unsigned char hash[32], const char *email,
    struct sub_filters *f, const char *frequency)
{
	struct sub_request	 sr;
	char			 tok[LINK_TOKEN_LEN + 1], *lower;
	size_t			 k, i, j;
	int			 t;

	for (k = 0; k < TAX__MAX; k++)
		for (i = 1; i < f->n[k]; i++) {
			t = f->id[k][i];
			for (j = i; j > 0 && f->id[k][j - 1] > t; j--)
				f->id[k][j] = f->id[k][j - 1];
			f->id[k][j] = t;
		}
	if ((lower = arena_strdup(a, email)) == NULL)
		return -1;
	for (i = 0; lower[i] != '\0'; i++)
		lower[i] = (char)tolower((unsigned char)lower[i]);
	memset(&sr, 0, sizeof(sr));
	memcpy(sr.client_hash, hash, sizeof(sr.client_hash));
	sr.email = lower;
	sr.filters = f;
	sr.frequency = frequency;
	random_bytes(sr.confirm_nonce, LINK_NONCE_BYTES);
	link_token(tok, "confirm", sr.confirm_nonce);
	link_token_hash(sr.confirm_hash, tok, strlen(tok));
	random_bytes(sr.manage_nonce, LINK_NONCE_BYTES);
	link_token(tok, "manage", sr.manage_nonce);
	link_token_hash(sr.manage_hash, tok, strlen(tok));
	return db_sub_request(db, a, &sr, SUB_CONFIRMS_PER_DAY);
}
