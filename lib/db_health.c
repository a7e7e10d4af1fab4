#include <string.h>

#include "db.h"
#include "model.h"

enum stmt {
	STMT_PING,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_PING */
	"SELECT 1",
};

const struct db_family_def db_health_def = { "health", stmts, STMT__MAX };

int
db_health_check(struct db *db, struct arena *a)
{
	struct db_res	 res;
	int		 rc;

	if (db_query(db, a, DBF_HEALTH, STMT_PING, NULL, 0, &res) == -1)
		return -1;
	rc = db_next(&res) == 1 ? 0 : -1;
	db_res_free(&res);
	return rc;
}
