/*
 * The units (cgi-bin/admin_units.h): admins create a unit and rename it.
 *
 * A unit's slug is in public URLs (?unit=dma, subscriptions, feeds), so it
 * is chosen once, checked like the listing's slugs, and never changes; the
 * names may.  The kind and the district (of a district administration)
 * are set at creation: consultations, stats and the agenda group by them.
 * A rename is one UPDATE; the triggers of sql/migrations/090 bump what
 * the public programs cache, in the same statement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "admin.h"
#include "admin_units.h"
#include "db.h"
#include "db_admin.h"
#include "db_consult_admin.h"
#include "secret.h"
#include "view.h"

static const char *const kinds[] = { "department", "rda", "council", NULL };
static const char *const kind_names[] = {
	"департамент, управління", "районна адміністрація", "міська рада",
};
static const char *const dones[] = { "created", "saved", NULL };
static const char *const done_text[] = {
	"Підрозділ створено.",
	"Назву змінено. Публічні сторінки показують нову назву.",
};

#define NAME_MAX_CHARS	300

/*
 * The slug as the listing takes it ([a-z0-9-], SLUG_RULE of
 * admin_consult.c), with no hyphen at either end or twice in a row.
 */
#define UNIT_RULES(idflags) { \
	{ "id", PARAM_INT, (idflags), 1, 65535, NULL, NULL, NULL }, \
	{ "slug", PARAM_TEXT, 0, 2, 64, "[a-z0-9]+(?:-[a-z0-9]+)*", NULL, \
	    NULL }, \
	{ "name", PARAM_TEXT, 0, 1, NAME_MAX_CHARS, ".*\\S.*", NULL, NULL }, \
	{ "name_en", PARAM_TEXT, 0, 1, NAME_MAX_CHARS, ".*\\S.*", NULL, \
	    NULL }, \
	{ "kind", PARAM_ENUM, 0, 0, 0, NULL, kinds, NULL }, \
	{ "district", PARAM_INT, 0, 1, 65535, NULL, NULL, NULL }, \
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL }, \
	{ "done", PARAM_ENUM, 0, 0, 0, NULL, dones, NULL }, \
}

const struct param_rule unit_rules[NP__MAX] =
    UNIT_RULES(PARAM_PATH | PARAM_REQUIRED);
/* POST /admin/units has no {id}. */
const struct param_rule unit_new_rules[NP__MAX] = UNIT_RULES(PARAM_PATH);

#define P(i)	(r->params[(i)])
#define PS(i)	(P(i).n > 0 ? P(i).v[0].s : NULL)

static const char *
kind_name(const char *kind)
{
	size_t	 i;

	for (i = 0; kinds[i] != NULL; i++)
		if (strcmp(kind, kinds[i]) == 0)
			return kind_names[i];
	return kind;
}

static const char *
unit_href(struct arena *a, uint32_t id)
{
	return arena_printf(a, "/admin/units/%u", id);
}

/* What the audit keeps of a unit; NULL fields are left out. */
static const char *
unit_json(struct arena *a, const char *slug, const char *name,
    const char *name_en, const char *kind, const char *district)
{
	json_t		*o;
	char		*s;
	const char	*out = NULL;

	if ((o = json_object()) == NULL)
		return NULL;
	if (slug != NULL)
		json_object_set_new(o, "slug", json_string(slug));
	json_object_set_new(o, "name_uk", json_string(name));
	json_object_set_new(o, "name_en", json_string(name_en));
	if (kind != NULL)
		json_object_set_new(o, "kind", json_string(kind));
	if (district != NULL)
		json_object_set_new(o, "district", *district != '\0' ?
		    json_string(district) : json_null());
	if ((s = json_dumps(o, JSON_COMPACT)) != NULL) {
		out = arena_strdup(a, s);
		free(s);
	}
	json_decref(o);
	return out;
}

/* ---- the list --------------------------------------------------------- */

int
h_units(struct request *r, struct response *resp)
{
	struct page	 pg;
	struct tpl_dict	*d, *s;
	struct unit_row	*u;
	size_t		 n, i;

	if (db_unit_list(r->db, r->arena, &u, &n) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = admin_page(&pg, r, "admin_units.tpl", "Підрозділи",
	    "NAV_USERS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "COUNT", view_count(r->arena, (long long)n, "підрозділ",
	    "підрозділи", "підрозділів"));
	for (i = 0; i < n; i++) {
		if ((s = tpl_add(d, "UNIT")) == NULL)
			break;
		tpl_set(s, "UNIT_HREF", unit_href(r->arena, u[i].id));
		tpl_set(s, "NAME", u[i].name);
		tpl_set(s, "KIND", kind_name(u[i].kind));
		tpl_set(s, "SLUG", u[i].slug);
		tpl_set_int(s, "USERS", u[i].users);
		tpl_set_int(s, "CONSULTATIONS", u[i].consultations);
		tpl_set(s, "AUDIT_HREF", arena_printf(r->arena,
		    "/admin/audit?unit=%u", u[i].id));
	}
	return admin_finish(&pg, resp, HTTP_OK);
}

/* ---- the form: a new unit or one unit's page -------------------------- */

struct unit_errors {
	const char	*message, *slug, *name, *name_en, *kind, *district;
};

static void
field_error(struct tpl_dict *d, const char *field, const char *text)
{
	if (text != NULL)
		tpl_set(tpl_add(d, field), "ERROR_TEXT", text);
}

/*
 * The new-unit form (u NULL) or a unit's page; after a refused POST the
 * fields hold what was sent and each error sits next to its field.
 */
static int
unit_page(struct request *r, struct response *resp, const struct unit_row *u,
    int status, const struct unit_errors *e, const char *done)
{
	struct page		 pg;
	struct tpl_dict		*d, *s, *o;
	struct cref		 ref;
	int			 post = r->method == METHOD_POST;
	long long		 kind = -1, district = 0;
	size_t			 i;

	if ((d = admin_page(&pg, r, "admin_unit.tpl", u == NULL ?
	    "Новий підрозділ" : arena_printf(r->arena, "Підрозділ %s",
	    u->name), "NAV_USERS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	if (e != NULL && e->message != NULL)
		tpl_set(tpl_add(d, "MESSAGE"), "MESSAGE_TEXT", e->message);
	if (done != NULL)
		tpl_set(tpl_add(d, "DONE"), "DONE_TEXT", done);
	if (e != NULL) {
		field_error(d, "NAME_ERROR", e->name);
		field_error(d, "NAME_EN_ERROR", e->name_en);
	}
	tpl_set(d, "NAME_VALUE", post ? sent(r, "name") : u != NULL ?
	    u->name : "");
	tpl_set(d, "NAME_EN_VALUE", post ? sent(r, "name_en") : u != NULL ?
	    u->name_en : "");
	if (u != NULL) {
		s = tpl_add(d, "EXISTING");
		tpl_set(d, "FORM_ACTION", unit_href(r->arena, u->id));
		tpl_set(s, "SLUG", u->slug);
		tpl_set(s, "KIND", kind_name(u->kind));
		if (*u->district_name != '\0')
			tpl_set(tpl_add(s, "DISTRICT"), "DISTRICT_NAME",
			    u->district_name);
		tpl_set_int(s, "USERS", u->users);
		tpl_set_int(s, "CONSULTATIONS", u->consultations);
		tpl_set(s, "PUBLIC_HREF", arena_printf(r->arena,
		    "/consultations?unit=%s", u->slug));
		tpl_set(s, "AUDIT_HREF", arena_printf(r->arena,
		    "/admin/audit?type=unit&object=%u", u->id));
		return admin_finish(&pg, resp, status);
	}
	if (db_cref_load(r->db, r->arena, &ref) == -1) {
		page_abort(&pg);
		return HTTP_SERVICE_UNAVAILABLE;
	}
	if (post) {
		if (P(NP_KIND).n > 0 && !P(NP_KIND).bad)
			kind = P(NP_KIND).v[0].i;
		if (P(NP_DISTRICT).n > 0 && !P(NP_DISTRICT).bad)
			district = P(NP_DISTRICT).v[0].i;
	}
	s = tpl_add(d, "NEW");
	tpl_set(d, "FORM_ACTION", "/admin/units");
	tpl_set(s, "SLUG_VALUE", sent(r, "slug"));
	if (e != NULL) {
		field_error(s, "SLUG_ERROR", e->slug);
		field_error(s, "KIND_ERROR", e->kind);
		field_error(s, "DISTRICT_ERROR", e->district);
	}
	for (i = 0; kinds[i] != NULL; i++) {
		if ((o = tpl_add(s, "KIND_OPTION")) == NULL)
			break;
		tpl_set(o, "KIND_SLUG", kinds[i]);
		tpl_set(o, "KIND_NAME", kind_names[i]);
		tpl_set(o, "KIND_ID", arena_printf(r->arena, "n-kind-%s",
		    kinds[i]));
		if ((long long)i == kind || (kind < 0 && i == 0))
			tpl_show(o, "CHECKED");
	}
	for (i = 0; i < ref.n[CREF_DISTRICT]; i++) {
		if ((o = tpl_add(s, "DISTRICT_OPTION")) == NULL)
			break;
		tpl_set_int(o, "DISTRICT_ID", ref.items[CREF_DISTRICT][i].id);
		tpl_set(o, "DISTRICT_NAME", ref.items[CREF_DISTRICT][i].name);
		if (ref.items[CREF_DISTRICT][i].id == (uint32_t)district)
			tpl_show(o, "SELECTED");
	}
	return admin_finish(&pg, resp, status);
}

int
h_unit_new(struct request *r, struct response *resp)
{
	return unit_page(r, resp, NULL, HTTP_OK, NULL, NULL);
}

/*
 * The names of a form: 0, -1 with e filled, -2 on a database error.  Two
 * units with one Ukrainian name could not be told apart in the filters.
 */
static int
check_names(struct request *r, struct unit_errors *e, uint32_t self)
{
	int	 taken = 0;

	if (P(NP_NAME).bad || P(NP_NAME).n == 0)
		e->name = "Вкажіть назву українською (до 300 символів).";
	else if (db_unit_name_taken(r->db, r->arena, PS(NP_NAME), self,
	    &taken) == -1)
		return -2;
	else if (taken)
		e->name = "Підрозділ з такою назвою вже є.";
	if (P(NP_NAME_EN).bad || P(NP_NAME_EN).n == 0)
		e->name_en = "Вкажіть назву англійською (до 300 символів): "
		    "її показує англійська версія та відкриті дані.";
	return e->name != NULL || e->name_en != NULL ? -1 : 0;
}

int
h_unit_create(struct request *r, struct response *resp)
{
	struct unit_errors	 e;
	struct cref		 ref;
	const struct cref_item	*dist = NULL;
	const char		*kind = NULL;
	uint32_t		 district = 0, id;
	int			 rc, bad = 0;

	memset(&e, 0, sizeof(e));
	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if (P(NP_SLUG).bad || P(NP_SLUG).n == 0) {
		e.slug = "Ідентифікатор — від 2 до 64 малих латинських літер і "
		    "цифр, слова через дефіс (наприклад, «dep-osvity»).";
		bad = 1;
	}
	if ((rc = check_names(r, &e, 0)) == -2)
		return HTTP_SERVICE_UNAVAILABLE;
	bad |= rc == -1;
	if (P(NP_KIND).bad || P(NP_KIND).n == 0) {
		e.kind = "Оберіть вид підрозділу.";
		bad = 1;
	} else
		kind = kinds[P(NP_KIND).v[0].i];
	if (P(NP_DISTRICT).n > 0 && !P(NP_DISTRICT).bad)
		district = (uint32_t)P(NP_DISTRICT).v[0].i;
	if (P(NP_DISTRICT).bad) {
		e.district = "Оберіть район зі списку.";
		bad = 1;
	} else if (kind != NULL && strcmp(kind, "rda") == 0 && district == 0) {
		e.district = "Районній адміністрації потрібен її район.";
		bad = 1;
	} else if (kind != NULL && strcmp(kind, "rda") != 0 && district != 0) {
		e.district = "Район вказують лише для районної адміністрації; "
		    "оберіть «без району».";
		bad = 1;
	} else if (district != 0) {
		if (db_cref_load(r->db, r->arena, &ref) == -1)
			return HTTP_SERVICE_UNAVAILABLE;
		if ((dist = cref_find(&ref, CREF_DISTRICT, district)) ==
		    NULL) {
			e.district = "Такого району немає.";
			bad = 1;
		}
	}
	if (bad) {
		e.message = "Перевірте позначені поля.";
		return unit_page(r, resp, NULL, HTTP_BAD_REQUEST, &e, NULL);
	}
	if ((rc = db_unit_add(r->db, r->arena, PS(NP_SLUG), PS(NP_NAME),
	    PS(NP_NAME_EN), kind, district, &id)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0) {
		e.slug = "Цей ідентифікатор уже зайнятий: оберіть інший.";
		e.message = "Перевірте позначені поля.";
		return unit_page(r, resp, NULL, HTTP_CONFLICT, &e, NULL);
	}
	(void)admin_audit(r, "unit-create", "unit", id, id, NULL,
	    unit_json(r->arena, PS(NP_SLUG), PS(NP_NAME), PS(NP_NAME_EN),
	    kind, dist != NULL ? dist->slug : ""), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/units/%u?done=created", id));
}

/* The unit of {id}: 0 (u filled), or the status to return. */
static int
unit_of(struct request *r, struct unit_row *u)
{
	int	 rc;

	if ((rc = db_unit_get(r->db, r->arena, (uint32_t)P(NP_ID).v[0].i,
	    u)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	return rc == 0 ? HTTP_NOT_FOUND : 0;
}

int
h_unit(struct request *r, struct response *resp)
{
	struct unit_row	 u;
	int		 rc;

	if ((rc = unit_of(r, &u)) != 0)
		return rc;
	return unit_page(r, resp, &u, HTTP_OK, NULL, P(NP_DONE).n > 0 ?
	    done_text[P(NP_DONE).v[0].i] : NULL);
}

/* A new name (either language); the slug, kind and district stay. */
int
h_unit_update(struct request *r, struct response *resp)
{
	struct unit_errors	 e;
	struct unit_row		 u;
	const char		*name, *name_en;
	int			 rc;

	memset(&e, 0, sizeof(e));
	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = unit_of(r, &u)) != 0)
		return rc;
	if ((rc = check_names(r, &e, u.id)) == -2)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == -1) {
		e.message = "Перевірте позначені поля.";
		return unit_page(r, resp, &u, HTTP_BAD_REQUEST, &e, NULL);
	}
	name = P(NP_NAME).v[0].s;	/* both present: check_names() */
	name_en = P(NP_NAME_EN).v[0].s;
	if (strcmp(u.name, name) != 0 || strcmp(u.name_en, name_en) != 0) {
		if (db_unit_rename(r->db, r->arena, u.id, name, name_en) ==
		    -1)
			return HTTP_SERVICE_UNAVAILABLE;
		(void)admin_audit(r, "unit-rename", "unit", u.id, u.id,
		    unit_json(r->arena, NULL, u.name, u.name_en, NULL, NULL),
		    unit_json(r->arena, NULL, name, name_en, NULL, NULL),
		    NULL);
	}
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/units/%u?done=saved", u.id));
}
