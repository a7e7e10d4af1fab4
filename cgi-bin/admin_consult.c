/*
 * The consultation editor (issue 5): see admin_consult.h for the routes.
 *
 * A handler reads as parse, check, write, answer.  The rules of the form
 * (what a draft needs, what publishing needs, the 15-day rule, in-person
 * formats) are lib/consult_form.c's; the SQL is lib/db_consult_admin.c's;
 * the row and its themes, districts and groups are written in one
 * transaction.  Dates are typed and shown in city time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "admin.h"
#include "admin_consult.h"
#include "consult_form.h"
#include "db.h"
#include "db_consult_admin.h"
#include "db_document.h"
#include "lifecycle.h"
#include "md.h"
#include "secret.h"
#include "upload.h"
#include "utf8.h"
#include "view.h"

/* ---- parameter rules ------------------------------------------------- */

static const char *const list_status[] = {
	"draft", "announced", "open", "closed", "completed", "cancelled", NULL
};
static const char *const moderation_modes[] = { "pre", "post", NULL };

#define SLUG_RULE(n) \
	{ n, PARAM_TEXT, 0, 1, 64, "[a-z0-9-]+", NULL, NULL }

const struct param_rule consult_list_rules[CL__MAX] = {
	{ "status", PARAM_ENUM, 0, 0, 0, NULL, list_status, NULL },
	SLUG_RULE("theme"),
	SLUG_RULE("district"),
	SLUG_RULE("format"),
	SLUG_RULE("group"),
	SLUG_RULE("unit"),
	{ "q", PARAM_TEXT, 0, 1, 200, NULL, NULL, NULL },
	{ "page", PARAM_INT, 0, 1, 100000, NULL, NULL, NULL },
};

#define TEXT_RULE(n, max) \
	{ n, PARAM_TEXT, 0, 1, max, NULL, NULL, NULL }
#define DATE_RULE(n) \
	{ n, PARAM_TEXT, 0, 16, 19, \
	    "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?", \
	    NULL, NULL }
#define TERM_RULE(n) \
	{ n, PARAM_INT, PARAM_MULTI, 1, 65535, NULL, NULL, NULL }

/* In enum cf_field order. */
#define FORM_RULES \
	TEXT_RULE("title", CF_TITLE_MAX), \
	TEXT_RULE("summary", CF_TEXT_MAX), \
	TEXT_RULE("body", CF_BODY_MAX), \
	TEXT_RULE("question", CF_TEXT_MAX), \
	TEXT_RULE("alternatives", CF_TEXT_MAX), \
	TEXT_RULE("stakeholders", CF_TEXT_MAX), \
	TEXT_RULE("consequences", CF_TEXT_MAX), \
	TEXT_RULE("how_to_participate", CF_TEXT_MAX), \
	TEXT_RULE("contact_name", CF_NAME_MAX), \
	{ "contact_email", PARAM_TEXT, 0, 3, CF_EMAIL_MAX, \
	    "[^\\s@]+@[^\\s@]+\\.[^\\s@]+", NULL, NULL }, \
	{ "contact_phone", PARAM_TEXT, 0, 3, CF_PHONE_MAX, "[0-9+() -]+", \
	    NULL, NULL }, \
	TEXT_RULE("results_publication", CF_TEXT_MAX), \
	{ "format", PARAM_INT, 0, 1, 65535, NULL, NULL, NULL }, \
	{ "unit", PARAM_INT, 0, 1, 65535, NULL, NULL, NULL }, \
	{ "moderation", PARAM_ENUM, 0, 0, 0, NULL, moderation_modes, NULL }, \
	DATE_RULE("opens_at"), \
	DATE_RULE("closes_at"), \
	DATE_RULE("event_at"), \
	TEXT_RULE("event_place", CF_PLACE_MAX), \
	TERM_RULE("theme"), \
	TERM_RULE("district"), \
	TERM_RULE("group"), \
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL }

const struct param_rule consult_new_rules[CF__MAX + 1] = { FORM_RULES };
const struct param_rule consult_edit_rules[CF__MAX + 2] = {
	FORM_RULES,
	{ "id", PARAM_INT, PARAM_PATH | PARAM_REQUIRED, 1, 4294967295LL, NULL,
	    NULL, NULL },
};

const struct param_rule consult_reason_rules[CR__MAX] = {
	{ "id", PARAM_INT, PARAM_PATH | PARAM_REQUIRED, 1, 4294967295LL, NULL,
	    NULL, NULL },
	{ "reason", PARAM_TEXT, 0, 1, CF_REASON_MAX, NULL, NULL, NULL },
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL },
};

/* The template's names of each field, by enum cf_field. */
static const char *const fkey[CF__MAX] = {
	"TITLE", "SUMMARY", "BODY", "QUESTION", "ALTERNATIVES",
	"STAKEHOLDERS", "CONSEQUENCES", "HOW", "CONTACT_NAME",
	"CONTACT_EMAIL", "CONTACT_PHONE", "RESULTS", "FORMAT", "UNIT",
	"MODERATION", "OPENS", "CLOSES", "EVENT_AT", "EVENT_PLACE", "THEMES",
	"DISTRICTS", "GROUPS",
};

/* The id of each field's control, for the error summary's links. */
static const char *const fid[CF__MAX] = {
	"c-title", "c-summary", "c-body", "c-question", "c-alternatives",
	"c-stakeholders", "c-consequences", "c-how", "c-contact-name",
	"c-contact-email", "c-contact-phone", "c-results", "c-format",
	"c-unit", "c-moderation-pre", "c-opens", "c-closes", "c-event-at",
	"c-event-place", "c-themes", "c-districts", "c-groups",
};

/* ---- the values a form holds ----------------------------------------- */

/* The public status now (lifecycle_status(), the one place it is decided). */
static enum cstatus
row_status(const struct crow *c)
{
	return lifecycle_status(cstatus_parse(c->status), c->opens, c->closes,
	    c->closed_at, time(NULL));
}


/* Whether the request sent key=id (a ticked checkbox). */
static int
sent_id(const struct request *r, const char *key, uint32_t id)
{
	char	 buf[16];
	size_t	 i;

	snprintf(buf, sizeof(buf), "%u", id);
	for (i = 0; i < r->nargs; i++)
		if (strcmp(r->args[i].key, key) == 0 &&
		    strcmp(r->args[i].val, buf) == 0)
			return 1;
	return 0;
}

static int
has_id(const uint32_t *ids, size_t n, uint32_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* A stored row's fields as the form shows them (times in city time). */
static void
row_texts(struct arena *a, const struct crow *c, const char *t[CF__MAX])
{
	char	 buf[32];

	t[CF_TITLE] = c->title;
	t[CF_SUMMARY] = c->summary;
	t[CF_BODY] = c->body;
	t[CF_QUESTION] = c->question;
	t[CF_ALTERNATIVES] = c->alternatives;
	t[CF_STAKEHOLDERS] = c->stakeholders;
	t[CF_CONSEQUENCES] = c->consequences;
	t[CF_HOW] = c->how;
	t[CF_CONTACT_NAME] = c->contact_name;
	t[CF_CONTACT_EMAIL] = c->contact_email;
	t[CF_CONTACT_PHONE] = c->contact_phone;
	t[CF_RESULTS] = c->results;
	t[CF_FORMAT] = c->format_id != 0 ?
	    arena_printf(a, "%u", c->format_id) : "";
	t[CF_UNIT] = c->unit_id != 0 ? arena_printf(a, "%u", c->unit_id) : "";
	t[CF_MODERATION] = c->moderation;
	t[CF_OPENS] = arena_strdup(a, cf_format_local(buf, sizeof(buf),
	    c->opens));
	t[CF_CLOSES] = arena_strdup(a, cf_format_local(buf, sizeof(buf),
	    c->closes));
	t[CF_EVENT_AT] = arena_strdup(a, cf_format_local(buf, sizeof(buf),
	    c->event_at));
	t[CF_EVENT_PLACE] = c->event_place;
	t[CF_THEMES] = t[CF_DISTRICTS] = t[CF_GROUPS] = "";
}

/* ---- the form page --------------------------------------------------- */

struct form_state {
	const struct crow	*row;		/* NULL: a new consultation */
	const struct cref	*ref;
	const char		*text[CF__MAX];	/* what the fields hold */
	int			 posted;	/* boxes from the request */
	const struct cf_result	*res;		/* errors, or NULL */
	const char		*message;
	const char		*close_error, *cancel_error;
};

static void
form_boxes(struct request *r, struct tpl_dict *d, const struct form_state *fs,
    enum cref_kind k, const char *section, enum cf_field f,
    const uint32_t *ids, size_t n)
{
	const struct cref_item	*it;
	struct tpl_dict		*s;
	size_t			 i;

	for (i = 0; i < fs->ref->n[k]; i++) {
		it = &fs->ref->items[k][i];
		if ((s = tpl_add(d, section)) == NULL)
			return;
		tpl_set_int(s, "BOX_ID", it->id);
		tpl_set(s, "BOX_NAME", it->name);
		tpl_set(s, "BOX_HTML_ID", arena_printf(r->arena, "%s-%u",
		    fid[f], it->id));
		if (fs->posted ? sent_id(r, cf_name[f], it->id) :
		    has_id(ids, n, it->id))
			tpl_show(s, "BOX_CHECKED");
	}
}

static void
form_selects(struct request *r, struct tpl_dict *d, const struct form_state *fs)
{
	const struct auth_user	*u = r->user;
	const struct cref_item	*it;
	struct tpl_dict		*s, *w;
	size_t			 i;
	char			 buf[16];

	for (i = 0; i < fs->ref->n[CREF_FORMAT]; i++) {
		it = &fs->ref->items[CREF_FORMAT][i];
		s = tpl_add(d, "FORMAT_OPT");
		tpl_set_int(s, "FMT_ID", it->id);
		tpl_set(s, "FMT_NAME", it->name);
		snprintf(buf, sizeof(buf), "%u", it->id);
		if (strcmp(buf, fs->text[CF_FORMAT]) == 0)
			tpl_show(s, "FMT_SELECTED");
	}
	if (u->role != ROLE_ADMIN) {
		tpl_set(tpl_add(d, "UNIT_FIXED"), "UNIT_FIXED_NAME",
		    u->unit_name);
		return;
	}
	w = tpl_add(d, "UNIT_CHOICE");
	for (i = 0; i < fs->ref->n[CREF_UNIT]; i++) {
		it = &fs->ref->items[CREF_UNIT][i];
		s = tpl_add(w, "UNIT_OPT");
		tpl_set_int(s, "UNIT_OPT_ID", it->id);
		tpl_set(s, "UNIT_OPT_NAME", it->name);
		snprintf(buf, sizeof(buf), "%u", it->id);
		if (strcmp(buf, fs->text[CF_UNIT]) == 0)
			tpl_show(s, "UNIT_SELECTED");
	}
}

static void
form_errors(struct tpl_dict *d, const struct form_state *fs)
{
	struct tpl_dict	*w = NULL, *s;
	char		 key[40];
	size_t		 f;

	if (fs->res == NULL || fs->res->nerrors == 0)
		return;
	for (f = 0; f < CF__MAX; f++) {
		if (fs->res->error[f] == NULL)
			continue;
		if (w == NULL)
			w = tpl_add(d, "ERRORS");
		s = tpl_add(w, "ERROR");
		tpl_set(s, "ERROR_FIELD_ID", fid[f]);
		tpl_set(s, "ERROR_TEXT", fs->res->error[f]);
		snprintf(key, sizeof(key), "%s_ERROR", fkey[f]);
		s = tpl_add(d, key);
		snprintf(key, sizeof(key), "%s_ERROR_TEXT", fkey[f]);
		tpl_set(s, key, fs->res->error[f]);
	}
}

/* The lifecycle's part of an existing consultation's page. */
static void
form_lifecycle(struct request *r, struct tpl_dict *d,
    const struct form_state *fs)
{
	const struct crow	*c = fs->row;
	struct tpl_dict		*e, *s;
	enum cstatus		 st;
	char			 buf[64];

	st = lifecycle_status(cstatus_parse(c->status), c->opens, c->closes,
	    c->closed_at, time(NULL));
	e = tpl_add(d, "EXISTING");
	tpl_set(e, "STATUS_SLUG", cstatus_slug[st]);
	tpl_set(e, "STATUS_LABEL", cstatus_name[st]);
	tpl_set(e, "PREVIEW_HREF", arena_printf(r->arena,
	    "/admin/consultations/%u/preview", c->id));
	tpl_set(e, "DOCUMENTS_HREF", arena_printf(r->arena,
	    "/admin/consultations/%u/documents", c->id));
	tpl_set(e, "ANSWERS_HREF", arena_printf(r->arena,
	    "/admin/consultations/%u/answers", c->id));
	tpl_set(e, "REPORT_HREF", arena_printf(r->arena,
	    "/admin/consultations/%u/report", c->id));
	if (st != CS_DRAFT)
		tpl_set(tpl_add(e, "PUBLIC"), "PUBLIC_HREF",
		    view_href(r->arena, c->id, c->slug));
	if (c->published != 0)
		tpl_set(tpl_add(e, "PUBLISHED"), "PUBLISHED_TEXT",
		    fmt_datetime_uk(buf, sizeof(buf), c->published));
	if (*c->close_reason != '\0')
		tpl_set(tpl_add(e, "CLOSED_EARLY"), "CLOSE_REASON_TEXT",
		    c->close_reason);
	if (*c->cancel_reason != '\0')
		tpl_set(tpl_add(e, "CANCELLED"), "CANCEL_REASON_TEXT",
		    c->cancel_reason);
	if (cf_may(st, CFA_PUBLISH, NULL))
		tpl_set(tpl_add(d, "PUBLISH"), "PUBLISH_ACTION",
		    arena_printf(r->arena, "/admin/consultations/%u/publish",
		    c->id));
	if (cf_may(st, CFA_CLOSE, NULL)) {
		s = tpl_add(d, "CLOSE");
		tpl_set(s, "CLOSE_ACTION", arena_printf(r->arena,
		    "/admin/consultations/%u/close", c->id));
		tpl_set(s, "CLOSE_VALUE", fs->close_error != NULL ?
		    sent(r, "reason") : "");
		if (fs->close_error != NULL)
			tpl_set(tpl_add(s, "CLOSE_ERROR"), "CLOSE_ERROR_TEXT",
			    fs->close_error);
	}
	if (cf_may(st, CFA_CANCEL, NULL)) {
		s = tpl_add(d, "CANCEL");
		tpl_set(s, "CANCEL_ACTION", arena_printf(r->arena,
		    "/admin/consultations/%u/cancel", c->id));
		tpl_set(s, "CANCEL_VALUE", fs->cancel_error != NULL ?
		    sent(r, "reason") : "");
		if (fs->cancel_error != NULL)
			tpl_set(tpl_add(s, "CANCEL_ERROR"),
			    "CANCEL_ERROR_TEXT", fs->cancel_error);
	}
}

static int
form_page(struct request *r, struct response *resp,
    const struct form_state *fs, int status)
{
	const struct crow	*c = fs->row;
	struct page		 pg;
	struct tpl_dict		*d;
	char			 key[40];
	size_t			 f;

	if ((d = admin_page(&pg, r, "admin_consult_form.tpl", c == NULL ?
	    "Нова консультація" : arena_printf(r->arena, "Консультація: %s",
	    c->title), "NAV_CONSULTATIONS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "HEADING", c == NULL ? "Нова консультація" : c->title);
	tpl_set(d, "FORM_ACTION", c == NULL ? "/admin/consultations" :
	    arena_printf(r->arena, "/admin/consultations/%u", c->id));
	if (fs->message != NULL)
		tpl_set(tpl_add(d, "MESSAGE"), "MESSAGE_TEXT", fs->message);
	for (f = 0; f < CF__MAX; f++) {
		snprintf(key, sizeof(key), "%s_VALUE", fkey[f]);
		tpl_set(d, key, fs->text[f]);
	}
	tpl_show(d, strcmp(fs->text[CF_MODERATION], "post") == 0 ?
	    "MOD_POST_CHECKED" : "MOD_PRE_CHECKED");
	form_selects(r, d, fs);
	form_boxes(r, d, fs, CREF_THEME, "THEME_BOX", CF_THEMES,
	    c != NULL ? c->themes : NULL, c != NULL ? c->nthemes : 0);
	form_boxes(r, d, fs, CREF_DISTRICT, "DISTRICT_BOX", CF_DISTRICTS,
	    c != NULL ? c->districts : NULL, c != NULL ? c->ndistricts : 0);
	form_boxes(r, d, fs, CREF_GROUP, "GROUP_BOX", CF_GROUPS,
	    c != NULL ? c->groups : NULL, c != NULL ? c->ngroups : 0);
	form_errors(d, fs);
	/* A completed or cancelled consultation is a record: no save. */
	if (c == NULL || cf_may(row_status(c), CFA_EDIT, NULL))
		tpl_show(d, "EDITABLE");
	else
		tpl_show(d, "LOCKED");
	if (c != NULL)
		form_lifecycle(r, d, fs);
	return admin_finish(&pg, resp, status);
}

/* The form as the request sent it, with the errors found. */
static int
form_again(struct request *r, struct response *resp, const struct crow *row,
    const struct cref *ref, const struct cf_result *res, int status)
{
	struct form_state	 fs;
	size_t			 f;

	memset(&fs, 0, sizeof(fs));
	fs.row = row;
	fs.ref = ref;
	fs.posted = 1;
	fs.res = res;
	for (f = 0; f < CF__MAX; f++)
		fs.text[f] = sent(r, cf_name[f]);
	if (*fs.text[CF_MODERATION] == '\0')
		fs.text[CF_MODERATION] = "pre";
	fs.message = "Зміни не збережено: виправте позначені поля.";
	return form_page(r, resp, &fs, status);
}

/* ---- reading a posted form ------------------------------------------- */

/*
 * Fills in and row from the request: ids checked against the reference
 * data, the unit fixed for editors.  The caller runs cf_check().
 */
static void
form_read(struct request *r, const struct cref *ref, struct cf_input *in,
    struct crow *row)
{
	const struct auth_user	*u = r->user;
	const struct param	*p = r->params;
	const struct cref_item	*it;
	uint32_t		*ids[3] = { row->themes, row->districts,
				    row->groups };
	size_t			*n[3] = { &row->nthemes, &row->ndistricts,
				    &row->ngroups };
	static const enum cref_kind kinds[3] = {
		CREF_THEME, CREF_DISTRICT, CREF_GROUP
	};
	size_t			 f, k, i;

	memset(in, 0, sizeof(*in));
	for (f = 0; f < CF__MAX; f++) {
		in->text[f] = sent(r, cf_name[f]);
		in->bad[f] = p[f].bad;
	}
	in->mode = CF_MODE_NONE;
	if (p[CF_FORMAT].n > 0 && !p[CF_FORMAT].bad) {
		it = cref_find(ref, CREF_FORMAT, (uint32_t)p[CF_FORMAT].v[0].i);
		if (it == NULL)
			in->bad[CF_FORMAT] = 1;
		else {
			row->format_id = it->id;
			in->mode = cf_mode_parse(it->mode);
			in->electronic = strcmp(it->slug, "e-consultation") == 0;
		}
	}
	if (u->role != ROLE_ADMIN) {
		row->unit_id = u->unit_id;
		in->text[CF_UNIT] = "own";
		in->bad[CF_UNIT] = 0;
	} else if (p[CF_UNIT].n > 0 && !p[CF_UNIT].bad) {
		if ((it = cref_find(ref, CREF_UNIT,
		    (uint32_t)p[CF_UNIT].v[0].i)) == NULL)
			in->bad[CF_UNIT] = 1;
		else
			row->unit_id = it->id;
	}
	for (k = 0; k < 3; k++) {
		*n[k] = 0;
		for (i = 0; i < p[CF_THEMES + k].n; i++) {
			if (cref_find(ref, kinds[k],
			    (uint32_t)p[CF_THEMES + k].v[i].i) == NULL) {
				in->bad[CF_THEMES + k] = 1;
				continue;
			}
			if (!has_id(ids[k], *n[k],
			    (uint32_t)p[CF_THEMES + k].v[i].i) &&
			    *n[k] < CTERMS_MAX)
				ids[k][(*n[k])++] =
				    (uint32_t)p[CF_THEMES + k].v[i].i;
		}
	}
	in->nthemes = row->nthemes;
}

/* The row's columns from a checked form. */
static void
form_row(struct request *r, const struct cf_input *in,
    const struct cf_result *res, struct crow *row)
{
	char	 slug[96];

	row->title = in->text[CF_TITLE];
	row->slug = arena_strdup(r->arena, cf_slug(slug, sizeof(slug),
	    row->title));
	row->summary = in->text[CF_SUMMARY];
	row->body = in->text[CF_BODY];
	row->question = in->text[CF_QUESTION];
	row->alternatives = in->text[CF_ALTERNATIVES];
	row->stakeholders = in->text[CF_STAKEHOLDERS];
	row->consequences = in->text[CF_CONSEQUENCES];
	row->how = in->text[CF_HOW];
	row->contact_name = in->text[CF_CONTACT_NAME];
	row->contact_email = in->text[CF_CONTACT_EMAIL];
	row->contact_phone = in->text[CF_CONTACT_PHONE];
	row->results = in->text[CF_RESULTS];
	row->moderation = in->text[CF_MODERATION];
	row->opens = res->opens;
	row->closes = res->closes;
	row->event_at = res->event_at;
	row->event_place = in->text[CF_EVENT_PLACE];
}

/* ---- audit values ---------------------------------------------------- */

static json_t *
jids(const uint32_t *ids, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; a != NULL && i < n; i++)
		json_array_append_new(a, json_integer(ids[i]));
	return a;
}

static int
same_ids(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t	 i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (!has_id(b, nb, a[i]))
			return 0;
	return 1;
}

/* Every audited field of a row as JSON, by enum cf_field. */
static void
row_json(struct arena *a, const struct crow *c, json_t *v[CF__MAX])
{
	const char	*t[CF__MAX];
	size_t		 f;

	row_texts(a, c, t);
	for (f = 0; f < CF__MAX; f++)
		v[f] = json_string(t[f]);
	json_decref(v[CF_THEMES]);
	json_decref(v[CF_DISTRICTS]);
	json_decref(v[CF_GROUPS]);
	v[CF_THEMES] = jids(c->themes, c->nthemes);
	v[CF_DISTRICTS] = jids(c->districts, c->ndistricts);
	v[CF_GROUPS] = jids(c->groups, c->ngroups);
}

static const char *
jdump(struct arena *a, json_t *o)
{
	char		*s;
	const char	*out = NULL;

	if (o != NULL && (s = json_dumps(o, JSON_COMPACT)) != NULL) {
		out = arena_strdup(a, s);
		free(s);
	}
	return out;
}

/* {field: old} and {field: new} of the fields that changed. */
static void
diff_json(struct arena *a, const struct crow *old, const struct crow *new,
    const char **before, const char **after)
{
	json_t	*ov[CF__MAX], *nv[CF__MAX], *bo, *ao;
	size_t	 f;
	int	 same;

	row_json(a, old, ov);
	row_json(a, new, nv);
	bo = json_object();
	ao = json_object();
	for (f = 0; f < CF__MAX; f++) {
		if (f == CF_THEMES)
			same = same_ids(old->themes, old->nthemes,
			    new->themes, new->nthemes);
		else if (f == CF_DISTRICTS)
			same = same_ids(old->districts, old->ndistricts,
			    new->districts, new->ndistricts);
		else if (f == CF_GROUPS)
			same = same_ids(old->groups, old->ngroups,
			    new->groups, new->ngroups);
		else
			same = json_equal(ov[f], nv[f]);
		if (!same && bo != NULL && ao != NULL) {
			json_object_set(bo, cf_name[f], ov[f]);
			json_object_set(ao, cf_name[f], nv[f]);
		}
		json_decref(ov[f]);
		json_decref(nv[f]);
	}
	*before = jdump(a, bo);
	*after = jdump(a, ao);
	json_decref(bo);
	json_decref(ao);
}

/* ---- create and save ------------------------------------------------- */

/* Writes a row and its terms in one transaction; 0 or -1. */
static int
row_write(struct request *r, struct crow *row, int insert)
{
	const struct auth_user	*u = r->user;

	if (db_begin(r->db) == -1)
		return -1;
	if ((insert ? db_crow_insert(r->db, r->arena, row, u->id) :
	    db_crow_update(r->db, r->arena, row, u->id)) == -1 ||
	    db_commit(r->db) == -1) {
		(void)db_rollback(r->db);
		return -1;
	}
	return 0;
}

int
h_consult_new(struct request *r, struct response *resp)
{
	struct form_state	 fs;
	struct cref		 ref;
	size_t			 f;

	if (db_cref_load(r->db, r->arena, &ref) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	memset(&fs, 0, sizeof(fs));
	fs.ref = &ref;
	for (f = 0; f < CF__MAX; f++)
		fs.text[f] = "";
	fs.text[CF_MODERATION] = "pre";
	return form_page(r, resp, &fs, HTTP_OK);
}

int
h_consult_create(struct request *r, struct response *resp)
{
	struct cref		 ref;
	struct cf_input		 in;
	struct cf_result	 res;
	struct crow		 row;

	if (!db_up(r->db) || db_cref_load(r->db, r->arena, &ref) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	memset(&row, 0, sizeof(row));
	form_read(r, &ref, &in, &row);
	if (cf_check(r->arena, &in, 0, &res) > 0)
		return form_again(r, resp, NULL, &ref, &res,
		    HTTP_BAD_REQUEST);
	form_row(r, &in, &res, &row);
	if (row_write(r, &row, 1) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	(void)admin_audit(r, "consultation-create", "consultation", row.id,
	    row.unit_id, NULL, jpair(r->arena, "title", row.title, "status",
	    "draft"), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/consultations/%u?saved=1", row.id));
}

/* The consultation of a route's {id} if this user may work on it. */
static int
row_for(struct request *r, struct response *resp, struct crow *c)
{
	struct cbrief	 b;
	int		 rc;

	if ((rc = consultation_for(r, resp, (uint32_t)r->params[
	    r->params[0].rule->flags & PARAM_PATH ? 0 : CFP_ID].v[0].i,
	    WORK_CONSULTATION, &b)) != 0)
		return rc;
	if ((rc = db_crow_get(r->db, r->arena, b.id, c)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	return rc == 0 ? HTTP_NOT_FOUND : 0;
}

static int
edit_page(struct request *r, struct response *resp, const struct crow *c,
    const struct cref *ref, int status, const char *message,
    const struct cf_result *res)
{
	struct form_state	 fs;

	memset(&fs, 0, sizeof(fs));
	fs.row = c;
	fs.ref = ref;
	fs.res = res;
	fs.message = message;
	row_texts(r->arena, c, fs.text);
	return form_page(r, resp, &fs, status);
}

int
h_consult_edit(struct request *r, struct response *resp)
{
	struct crow	 c;
	struct cref	 ref;
	const char	*q = r->query, *msg = NULL;
	int		 rc;

	if ((rc = row_for(r, resp, &c)) != 0)
		return rc;
	if (db_cref_load(r->db, r->arena, &ref) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	/* After a redirect: say what happened (fixed texts only). */
	if (q != NULL && strstr(q, "saved=1") != NULL)
		msg = "Зміни збережено.";
	else if (q != NULL && strstr(q, "published=1") != NULL)
		msg = "Консультацію оприлюднено.";
	else if (q != NULL && strstr(q, "closed=1") != NULL)
		msg = "Прийом пропозицій достроково завершено.";
	else if (q != NULL && strstr(q, "cancelled=1") != NULL)
		msg = "Консультацію скасовано.";
	return edit_page(r, resp, &c, &ref, HTTP_OK, msg, NULL);
}

int
h_consult_save(struct request *r, struct response *resp)
{
	struct crow		 old, row;
	struct cref		 ref;
	struct cf_input		 in;
	struct cf_result	 res;
	const char		*why, *before, *after;
	int			 rc;

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = row_for(r, resp, &old)) != 0)
		return rc;
	if (!cf_may(row_status(&old), CFA_EDIT, &why)) {
		resp->message = why;
		return HTTP_CONFLICT;
	}
	if (db_cref_load(r->db, r->arena, &ref) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	row = old;
	form_read(r, &ref, &in, &row);
	if (cf_check(r->arena, &in, row_status(&old) != CS_DRAFT, &res) > 0)
		return form_again(r, resp, &old, &ref, &res,
		    HTTP_BAD_REQUEST);
	form_row(r, &in, &res, &row);
	if (row_write(r, &row, 0) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	diff_json(r->arena, &old, &row, &before, &after);
	(void)admin_audit(r, "consultation-edit", "consultation", row.id,
	    row.unit_id, before, after, NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/consultations/%u?saved=1", row.id));
}

/* ---- publish, close, cancel ------------------------------------------ */

/* A stored row as cf_check() reads it, to check it before publishing. */
static void
row_input(struct arena *a, const struct crow *c, const struct cref *ref,
    struct cf_input *in)
{
	const struct cref_item	*it;

	memset(in, 0, sizeof(*in));
	row_texts(a, c, in->text);
	if ((it = cref_find(ref, CREF_FORMAT, c->format_id)) != NULL) {
		in->mode = cf_mode_parse(it->mode);
		in->electronic = strcmp(it->slug, "e-consultation") == 0;
	}
	in->nthemes = c->nthemes;
}

int
h_consult_publish(struct request *r, struct response *resp)
{
	struct crow		 c;
	struct cref		 ref;
	struct cf_input		 in;
	struct cf_result	 res;
	const char		*why;
	int			 rc;

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = row_for(r, resp, &c)) != 0)
		return rc;
	if (!cf_may(row_status(&c), CFA_PUBLISH, &why)) {
		resp->message = why;
		return HTTP_CONFLICT;
	}
	if (db_cref_load(r->db, r->arena, &ref) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	row_input(r->arena, &c, &ref, &in);
	(void)cf_check(r->arena, &in, 1, &res);
	/* Published after its end, it would never take a proposal. */
	if (res.error[CF_CLOSES] == NULL && c.closes <= time(NULL)) {
		res.error[CF_CLOSES] = "Дата завершення прийому пропозицій уже "
		    "минула: вкажіть нову й збережіть.";
		res.nerrors++;
	}
	if (res.nerrors > 0)
		return edit_page(r, resp, &c, &ref, HTTP_BAD_REQUEST,
		    "Консультацію не оприлюднено: оголошення має містити "
		    "все, що вимагає Постанова КМУ № 996. Заповніть позначені "
		    "поля й збережіть.", &res);
	if ((rc = db_crow_publish(r->db, r->arena, c.id,
	    ((const struct auth_user *)r->user)->id)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0) {
		resp->message = "Консультацію вже оприлюднено.";
		return HTTP_CONFLICT;
	}
	(void)admin_audit(r, "consultation-publish", "consultation", c.id,
	    c.unit_id, jpair(r->arena, "status", c.status, NULL, NULL),
	    jpair(r->arena, "status", "announced", NULL, NULL), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/consultations/%u?published=1", c.id));
}

/* Close early or cancel: the same shape, a reason required. */
static int
end_with_reason(struct request *r, struct response *resp, int cancel)
{
	const struct param	*p = r->params;
	const struct auth_user	*u = r->user;
	struct crow		 c;
	struct cref		 ref;
	struct form_state	 fs;
	const char		*why, *reason;
	int			 rc;

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = row_for(r, resp, &c)) != 0)
		return rc;
	if (!cf_may(row_status(&c), cancel ? CFA_CANCEL : CFA_CLOSE, &why)) {
		resp->message = why;
		return HTTP_CONFLICT;
	}
	if (p[CR_REASON].n == 0 || p[CR_REASON].bad) {
		if (db_cref_load(r->db, r->arena, &ref) == -1)
			return HTTP_SERVICE_UNAVAILABLE;
		memset(&fs, 0, sizeof(fs));
		fs.row = &c;
		fs.ref = &ref;
		row_texts(r->arena, &c, fs.text);
		why = p[CR_REASON].bad ? "Причина — до 1000 символів." :
		    cancel ? "Вкажіть причину скасування: її побачать "
		    "мешканці." : "Вкажіть причину дострокового завершення: "
		    "її побачать мешканці.";
		if (cancel)
			fs.cancel_error = why;
		else
			fs.close_error = why;
		return form_page(r, resp, &fs, HTTP_BAD_REQUEST);
	}
	reason = p[CR_REASON].v[0].s;
	if ((rc = (cancel ? db_crow_cancel : db_crow_close)(r->db, r->arena,
	    c.id, reason, u->id)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0) {
		resp->message = "Стан консультації щойно змінився. Оновіть "
		    "сторінку.";
		return HTTP_CONFLICT;
	}
	(void)admin_audit(r, cancel ? "consultation-cancel" :
	    "consultation-close", "consultation", c.id, c.unit_id,
	    jpair(r->arena, "status", c.status, NULL, NULL),
	    jpair(r->arena, "status", cancel ? "cancelled" : "closed",
	    "reason", reason), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/consultations/%u?%s=1", c.id, cancel ? "cancelled" :
	    "closed"));
}

int
h_consult_close(struct request *r, struct response *resp)
{
	return end_with_reason(r, resp, 0);
}

int
h_consult_cancel(struct request *r, struct response *resp)
{
	return end_with_reason(r, resp, 1);
}

/* ---- the list -------------------------------------------------------- */

static const char *const list_status_names[] = {
	"Чернетка", "Оголошено", "Триває", "Завершено", "Звіт оприлюднено",
	"Скасовано",
};

/* The filters of the list, by enum clparam (CL_Q and CL_PAGE apart). */
static const struct {
	const char	*label;
	enum cref_kind	 kind;
} list_facets[CL_UNIT + 1] = {
	{ "Стан", CREF__MAX },
	{ "Тема", CREF_THEME },
	{ "Район", CREF_DISTRICT },
	{ "Формат", CREF_FORMAT },
	{ "Учасники", CREF_GROUP },
	{ "Організатор", CREF_UNIT },
};

static const char *
pval(const struct request *r, enum clparam k)
{
	return r->params[k].n > 0 ? r->params[k].v[0].s : NULL;
}

/* One <select> of the filter form. */
static void
list_facet(struct request *r, struct tpl_dict *d, const struct cref *ref,
    enum clparam k)
{
	struct tpl_dict	*s, *o;
	const char	*cur = pval(r, k), *v, *name;
	size_t		 i, n;

	s = tpl_add(d, "FILTER");
	tpl_set(s, "FILTER_NAME", consult_list_rules[k].name);
	tpl_set(s, "FILTER_ID", arena_printf(r->arena, "f-%s",
	    consult_list_rules[k].name));
	tpl_set(s, "FILTER_LABEL", list_facets[k].label);
	n = k == CL_STATUS ? CS__MAX : ref->n[list_facets[k].kind];
	for (i = 0; i < n; i++) {
		v = k == CL_STATUS ? list_status[i] :
		    ref->items[list_facets[k].kind][i].slug;
		name = k == CL_STATUS ? list_status_names[i] :
		    ref->items[list_facets[k].kind][i].name;
		o = tpl_add(s, "FOPT");
		tpl_set(o, "FOPT_VALUE", v);
		tpl_set(o, "FOPT_NAME", name);
		if (cur != NULL && strcmp(cur, v) == 0)
			tpl_show(o, "FOPT_SELECTED");
	}
}

/* The list's own address with its filters, for the pager. */
static const char *
list_base(struct request *r)
{
	const char	*base = "/admin/consultations", *v;
	char		 enc[800];
	size_t		 k;
	int		 first = 1;

	for (k = 0; k < CL_PAGE; k++) {
		if ((v = pval(r, (enum clparam)k)) == NULL)
			continue;
		http_url_encode(enc, sizeof(enc), v);
		base = arena_printf(r->arena, "%s%c%s=%s", base, first ? '?' :
		    '&', consult_list_rules[k].name, enc);
		first = 0;
	}
	return base;
}

static void
list_rows(struct request *r, struct tpl_dict *d, struct clist_row *rows,
    size_t n)
{
	struct tpl_dict	*w, *s;
	enum cstatus	 st;
	char		 buf[64];
	size_t		 i;

	if (n == 0) {
		tpl_show(d, "EMPTY");
		return;
	}
	w = tpl_add(d, "ROWS");
	for (i = 0; i < n; i++) {
		s = tpl_add(w, "ROW");
		st = lifecycle_status(cstatus_parse(rows[i].status),
		    rows[i].opens, rows[i].closes, rows[i].closed_at,
		    time(NULL));
		tpl_set(s, "ROW_TITLE", rows[i].title);
		tpl_set(s, "ROW_STATUS_SLUG", cstatus_slug[st]);
		tpl_set(s, "ROW_STATUS_LABEL", cstatus_name[st]);
		tpl_set(s, "ROW_UNIT", rows[i].unit_name);
		tpl_set(s, "ROW_FORMAT", rows[i].format_name);
		tpl_set(s, "ROW_OPENS", fmt_date_uk(buf, sizeof(buf),
		    rows[i].opens));
		tpl_set(s, "ROW_CLOSES", fmt_date_uk(buf, sizeof(buf),
		    lifecycle_end(rows[i].closes, rows[i].closed_at)));
		tpl_set(s, "EDIT_HREF", arena_printf(r->arena,
		    "/admin/consultations/%u", rows[i].id));
		tpl_set(s, "PREVIEW_HREF", arena_printf(r->arena,
		    "/admin/consultations/%u/preview", rows[i].id));
		tpl_set(s, "ANSWERS_HREF", arena_printf(r->arena,
		    "/admin/consultations/%u/answers", rows[i].id));
		tpl_set(s, "REPORT_HREF", arena_printf(r->arena,
		    "/admin/consultations/%u/report", rows[i].id));
	}
}

int
h_consult_list(struct request *r, struct response *resp)
{
	const struct auth_user	*u = r->user;
	struct cref		 ref;
	struct cfilter		 f;
	struct clist_row	*rows;
	struct page		 pg;
	struct tpl_dict		*d;
	size_t			 n, k, pages;
	long long		 total;

	if (db_cref_load(r->db, r->arena, &ref) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	/* An unknown slug is a wrong address, not an empty list. */
	for (k = CL_THEME; k <= CL_UNIT; k++)
		if (pval(r, (enum clparam)k) != NULL && cref_slug(&ref,
		    list_facets[k].kind, pval(r, (enum clparam)k)) == NULL) {
			resp->detail = arena_printf(r->arena, "Параметр «%s» "
			    "має неприпустиме значення.",
			    consult_list_rules[k].name);
			return HTTP_BAD_REQUEST;
		}
	memset(&f, 0, sizeof(f));
	f.status = pval(r, CL_STATUS);
	f.theme = pval(r, CL_THEME);
	f.district = pval(r, CL_DISTRICT);
	f.format = pval(r, CL_FORMAT);
	f.group = pval(r, CL_GROUP);
	f.unit = u->role == ROLE_ADMIN ? pval(r, CL_UNIT) : NULL;
	f.q = pval(r, CL_Q);
	f.scope = admin_scope(u);
	f.page = r->params[CL_PAGE].n > 0 ?
	    (size_t)r->params[CL_PAGE].v[0].i : 1;
	if (db_clist(r->db, r->arena, &f, &rows, &n, &total) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	pages = (size_t)((total + CLIST_PAGE - 1) / CLIST_PAGE);
	if (f.page > 1 && f.page > pages)
		return HTTP_NOT_FOUND;
	if ((d = admin_page(&pg, r, "admin_consult_list.tpl", "Консультації",
	    "NAV_CONSULTATIONS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "SCOPE", u->role == ROLE_EDITOR ? u->unit_name :
	    "усі організатори");
	tpl_set(d, "TOTAL", view_count(r->arena, total, "консультація",
	    "консультації", "консультацій"));
	for (k = 0; k <= CL_UNIT; k++)
		if (k != CL_UNIT || u->role == ROLE_ADMIN)
			list_facet(r, d, &ref, (enum clparam)k);
	tpl_set(d, "Q_VALUE", f.q != NULL ? f.q : "");
	list_rows(r, d, rows, n);
	view_pager(d, r->arena, list_base(r), f.page, pages, NULL);
	return admin_finish(&pg, resp, HTTP_OK);
}

/* ---- preview --------------------------------------------------------- */

static void
preview_terms(struct tpl_dict *d, const struct cref *ref, enum cref_kind k,
    const uint32_t *ids, size_t n, const char *wrapper, const char *item)
{
	const struct cref_item	*it;
	struct tpl_dict		*w = NULL;
	char			 key[32];
	size_t			 i;

	for (i = 0; i < n; i++) {
		if ((it = cref_find(ref, k, ids[i])) == NULL)
			continue;
		if (w == NULL)
			w = tpl_add(d, wrapper);
		snprintf(key, sizeof(key), "%s_NAME", item);
		tpl_set(tpl_add(w, item), key, it->name);
	}
}

static void
preview_fill(struct request *r, struct tpl_dict *d, const struct crow *c,
    const struct cref *ref)
{
	struct tpl_dict	*s;
	char		 buf[64], iso[40];
	const char	*contact;

	tpl_set(d, "UNIT_NAME", c->unit_name);
	tpl_set(d, "FORMAT_NAME", c->format_name);
	preview_terms(d, ref, CREF_THEME, c->themes, c->nthemes, "THEMES",
	    "THEME");
	preview_terms(d, ref, CREF_DISTRICT, c->districts, c->ndistricts,
	    "DISTRICTS", "DISTRICT");
	preview_terms(d, ref, CREF_GROUP, c->groups, c->ngroups, "GROUPS",
	    "GROUP");
	view_date(d, "OPENS", c->opens);
	view_date(d, "CLOSES", lifecycle_end(c->closes, c->closed_at));
	if (c->event_at != 0 && (s = tpl_add(d, "EVENT")) != NULL) {
		tpl_set(s, "EVENT_TEXT", fmt_datetime_uk(buf, sizeof(buf),
		    c->event_at));
		tpl_set(s, "EVENT_ISO", fmt_iso(iso, sizeof(iso), c->event_at));
		tpl_set(s, "EVENT_PLACE", c->event_place);
	}
	tpl_show(d, strcmp(c->moderation, "pre") == 0 ? "MODERATION_PRE" :
	    "MODERATION_POST");
	if (*c->contact_name != '\0' && (s = tpl_add(d, "OFFICER")) != NULL) {
		tpl_set(s, "OFFICER_NAME", c->contact_name);
		contact = *c->contact_phone != '\0' ? arena_printf(r->arena,
		    "%s, %s", c->contact_phone, c->contact_email) :
		    c->contact_email;
		if (*contact != '\0')
			tpl_set(tpl_add(s, "OFFICER_CONTACT"),
			    "OFFICER_CONTACT_TEXT", contact);
	}
	if (*c->summary != '\0')
		tpl_set(tpl_add(d, "SUMMARY"), "SUMMARY_TEXT", c->summary);
	if (*c->question != '\0' || *c->alternatives != '\0' ||
	    *c->stakeholders != '\0' || *c->consequences != '\0' ||
	    *c->results != '\0') {
		s = tpl_add(d, "ANNOUNCEMENT");
		view_paras(s, "QUESTION", c->question);
		view_paras(s, "ALTERNATIVES", c->alternatives);
		view_paras(s, "STAKEHOLDERS", c->stakeholders);
		view_paras(s, "CONSEQUENCES", c->consequences);
		view_paras(s, "RESULTS_PUBLICATION", c->results);
	}
	view_paras(d, "HOW_TO_PARTICIPATE", c->how);
}

/* The documents as the public page lists them (cgi-bin/detail.c). */
static int
preview_docs(struct request *r, struct tpl_dict *d, uint32_t id)
{
	struct doc_row	*docs;
	struct tpl_dict	*w = NULL, *s;
	const char	*label;
	size_t		 n, i, k;

	if (db_doc_list(r->db, r->arena, id, &docs, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if ((w == NULL && (w = tpl_add(d, "DOCUMENTS")) == NULL) ||
		    (s = tpl_add(w, "DOCUMENT")) == NULL)
			return -1;
		tpl_set(s, "DOC_TITLE", docs[i].title);
		label = *docs[i].file_hash == '\0' ? "Посилання" : "Файл";
		for (k = 0; k < UPLOAD__MAX && *docs[i].file_hash != '\0'; k++)
			if (strcmp(docs[i].mime_type, upload_kinds[k].mime) == 0)
				label = upload_kinds[k].label;
		tpl_set(s, "DOC_TYPE", label);
		tpl_set(s, "DOC_HREF", *docs[i].file_hash != '\0' ?
		    upload_href(r->arena, docs[i].file_hash,
		    docs[i].file_name) : docs[i].url);
	}
	return 0;
}

int
h_consult_preview(struct request *r, struct response *resp)
{
	struct crow	 c;
	struct cref	 ref;
	struct page	 pg;
	struct tpl_dict	*d;
	const char	*html;
	enum cstatus	 st;
	int		 rc;

	if ((rc = row_for(r, resp, &c)) != 0)
		return rc;
	if (db_cref_load(r->db, r->arena, &ref) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((html = md_render(r->arena, c.body, strlen(c.body))) == NULL)
		return HTTP_INTERNAL_ERROR;
	if ((d = admin_page(&pg, r, "admin_preview.tpl", arena_printf(r->arena,
	    "Попередній перегляд: %s", c.title), "NAV_CONSULTATIONS")) ==
	    NULL)
		return HTTP_INTERNAL_ERROR;
	st = row_status(&c);
	if (st == CS_DRAFT)
		tpl_show(d, "UNPUBLISHED");
	else
		tpl_set(tpl_add(d, "PUBLISHED_COPY"), "PUBLIC_HREF",
		    view_href(r->arena, c.id, c.slug));
	tpl_set(d, "EDIT_HREF", arena_printf(r->arena,
	    "/admin/consultations/%u", c.id));
	tpl_set(d, "TITLE", c.title);
	tpl_set(d, "STATUS_SLUG", cstatus_slug[st]);
	tpl_set(d, "STATUS_LABEL", cstatus_name[st]);
	if (*html != '\0')
		tpl_set(tpl_add(d, "BODY"), "BODY_HTML", html);
	preview_fill(r, d, &c, &ref);
	if (preview_docs(r, d, c.id) == -1) {
		page_abort(&pg);
		return HTTP_SERVICE_UNAVAILABLE;
	}
	return admin_finish(&pg, resp, HTTP_OK);
}
