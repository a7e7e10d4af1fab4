#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "model.h"

enum stmt {
	STMT_THEMES,
	STMT_DISTRICTS,
	STMT_FORMATS,
	STMT_GROUPS,
	STMT_UNITS,
	STMT_VERSION,
	STMT__MAX
};

/* Indexed like enum tax_kind. */
static const char *const stmts[STMT__MAX] = {
	"SELECT id, slug, name_uk, name_en FROM themes ORDER BY sort, id",
	"SELECT id, slug, name_uk, name_en FROM districts ORDER BY sort, id",
	"SELECT id, slug, name_uk, name_en FROM formats ORDER BY sort, id",
	"SELECT id, slug, name_uk, name_en FROM participant_groups "
	    "ORDER BY sort, id",
	"SELECT id, slug, name_uk, name_en FROM units "
	    "ORDER BY kind = 'rda', sort, id",
	/* STMT_VERSION: bumped by a change of a unit (migration 090). */
	"SELECT taxonomy FROM listing_version WHERE id = 1",
};

const struct db_family_def db_taxonomy_def = { "taxonomy", stmts, STMT__MAX };

const char *const tax_param[TAX__MAX] = {
	"theme", "district", "format", "group", "unit"
};

const char *const tax_label[TAX__MAX] = {
	"Тема", "Район", "Формат", "Учасники", "Організатор"
};

void
taxonomy_free(struct taxonomy *t)
{
	size_t	 k, i;

	if (t == NULL)
		return;
	for (k = 0; k < TAX__MAX; k++) {
		for (i = 0; t->items[k] != NULL && i < t->n[k]; i++) {
			free(t->items[k][i].slug);
			free(t->items[k][i].name_uk);
			free(t->items[k][i].name_en);
		}
		free(t->items[k]);
		free(t->index[k]);
	}
	memset(t, 0, sizeof(*t));
}

static int
load_kind(struct db *db, struct arena *a, struct taxonomy *t,
    enum tax_kind k)
{
	struct db_res	 res;
	struct taxon	*x;
	size_t		 i;
	int		 rc = -1, r;

	if (db_query(db, a, DBF_TAXONOMY, (int)k, NULL, 0, &res) == -1)
		return -1;
	if ((t->items[k] = calloc(res.rows + 1, sizeof(struct taxon))) == NULL)
		goto out;
	while ((r = db_next(&res)) == 1) {
		x = &t->items[k][t->n[k]++];
		x->id = (int)db_int(&res, 0);
		x->slug = strdup(db_str(&res, 1));
		x->name_uk = strdup(db_str(&res, 2));
		x->name_en = strdup(db_str(&res, 3));
		if (x->slug == NULL || x->name_uk == NULL || x->name_en == NULL)
			goto out;
		if (x->id > t->maxid[k])
			t->maxid[k] = x->id;
	}
	if (r == -1)
		goto out;
	if ((t->index[k] = malloc(sizeof(int) *
	    ((size_t)t->maxid[k] + 1))) == NULL)
		goto out;
	for (i = 0; i <= (size_t)t->maxid[k]; i++)
		t->index[k][i] = -1;
	for (i = 0; i < t->n[k]; i++)
		t->index[k][t->items[k][i].id] = (int)i;
	rc = 0;
out:
	db_res_free(&res);
	return rc;
}

int
db_taxonomy_load(struct db *db, struct arena *a, struct taxonomy *t)
{
	size_t	 k;

	memset(t, 0, sizeof(*t));
	for (k = 0; k < TAX__MAX; k++)
		if (load_kind(db, a, t, (enum tax_kind)k) == -1) {
			taxonomy_free(t);
			return -1;
		}
	return 0;
}

int
taxonomy_find(const struct taxonomy *t, enum tax_kind k, const char *slug,
    size_t len)
{
	size_t	 i;

	for (i = 0; i < t->n[k]; i++)
		if (strlen(t->items[k][i].slug) == len &&
		    memcmp(t->items[k][i].slug, slug, len) == 0)
			return (int)i;
	return -1;
}

int
taxonomy_pos(const struct taxonomy *t, enum tax_kind k, int id)
{
	if (id < 0 || id > t->maxid[k] || t->index[k] == NULL)
		return -1;
	return t->index[k][id];
}

static int
taxonomy_version(struct db *db, struct arena *a, unsigned long long *v)
{
	struct db_res	 res;
	int		 rc = -1;

	if (db_query(db, a, DBF_TAXONOMY, STMT_VERSION, NULL, 0, &res) == -1)
		return -1;
	if (db_next(&res) == 1) {
		*v = (unsigned long long)db_int(&res, 0);
		rc = 0;
	}
	db_res_free(&res);
	return rc;
}

int
tax_state_stale(struct tax_state *ts, struct db *db, struct arena *a)
{
	/* Read before the data: a change during a load shows next time. */
	if (taxonomy_version(db, a, &ts->latest) == -1)
		return -1;
	return !ts->loaded || ts->gen != db_generation(db) ||
	    ts->version != ts->latest;
}

int
tax_state_load(struct tax_state *ts, struct db *db, struct arena *a)
{
	taxonomy_free(&ts->tax);
	ts->loaded = 0;
	if (db_taxonomy_load(db, a, &ts->tax) == -1)
		return -1;
	ts->loaded = 1;
	ts->gen = db_generation(db);
	ts->version = ts->latest;
	return 1;
}

int
tax_state_refresh(struct tax_state *ts, struct db *db, struct arena *a)
{
	int	 rc;

	/* The version unread, what this connection loaded still serves: the
	 * page's own queries say whether the database is there. */
	if ((rc = tax_state_stale(ts, db, a)) == -1)
		return ts->loaded && ts->gen == db_generation(db) ? 0 : -1;
	if (rc == 0)
		return 0;
	return tax_state_load(ts, db, a);
}

void
tax_state_free(struct tax_state *ts)
{
	taxonomy_free(&ts->tax);
	ts->loaded = 0;
}

/* A slug of vocabulary k: its position, for the validator's value. */
static int
check_slug(void *ctx, enum tax_kind k, const char *s, size_t len,
    long long *out)
{
	const struct tax_state	*ts = ctx;
	int			 pos;

	if ((pos = taxonomy_find(&ts->tax, k, s, len)) < 0)
		return 0;
	*out = pos;
	return 1;
}

#define SLUG_CHECK(fn, kind)						\
int									\
fn(void *ctx, const char *s, size_t len, long long *out)		\
{									\
	return check_slug(ctx, kind, s, len, out);			\
}
SLUG_CHECK(tax_check_theme, TAX_THEME)
SLUG_CHECK(tax_check_district, TAX_DISTRICT)
SLUG_CHECK(tax_check_format, TAX_FORMAT)
SLUG_CHECK(tax_check_group, TAX_GROUP)
SLUG_CHECK(tax_check_unit, TAX_UNIT)
