/*
 * What the feeds need beyond the listing index: the places of in-person
 * meetings (the index keeps their times, not their addresses).
 */
#include <string.h>

#include "db.h"
#include "model.h"

enum stmt {
	STMT_PLACES,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_PLACES: by id, for a binary search per calendar row. */
	"SELECT id, COALESCE(event_place, '') FROM consultations "
	"WHERE event_at IS NOT NULL AND event_at >= FROM_UNIXTIME(?) "
	"AND status <> 'draft' ORDER BY id",
};

const struct db_family_def db_feed_def = { "feed", stmts, STMT__MAX };

int
db_event_places(struct db *db, struct arena *a, time_t since,
    struct event_place **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(since) };
	struct db_res	 res;
	int		 r;

	*n = 0;
	if (db_query(db, a, DBF_FEED, STMT_PLACES, arg, 1, &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1) {
		(*out)[*n].id = (uint32_t)db_int(&res, 0);
		if (((*out)[*n].place = arena_strdup(a, db_str(&res, 1))) ==
		    NULL) {
			r = -1;
			break;
		}
		(*n)++;
	}
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}
