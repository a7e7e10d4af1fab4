/*
 * The efficiency indicators as JSON (api_stats.h).
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_stats.h"
#include "config.h"
#include "lifecycle.h"
#include "view.h"

#define DAY	86400L

enum ftype {
	F_UINT,		/* unsigned */
	F_ULONG,	/* unsigned long */
	F_SIZE,		/* size_t */
	F_VALUE		/* double, rounded to 0.1; NAN is null */
};

/*
 * The figures of a scope, in the CSV's order and with its names: a field
 * more is a line more here (and in the spec's StatsFigures).
 */
static const struct {
	const char	*name;
	size_t		 off;
	enum ftype	 type;
} fields[] = {
	{ "held", offsetof(struct stats_agg, held), F_UINT },
	{ "participants", offsetof(struct stats_agg, people), F_ULONG },
	{ "comments", offsetof(struct stats_agg, comments), F_ULONG },
	{ "proposals", offsetof(struct stats_agg, proposals), F_ULONG },
	{ "answered", offsetof(struct stats_agg, answered), F_ULONG },
	{ "accepted", offsetof(struct stats_agg, accepted), F_ULONG },
	{ "answered_pct", offsetof(struct stats_agg, v[COL_ANSWERED]),
	    F_VALUE },
	{ "accepted_pct", offsetof(struct stats_agg, v[COL_ACCEPTED]),
	    F_VALUE },
	{ "answer_days_median", offsetof(struct stats_agg,
	    v[COL_ANSWER_DAYS]), F_VALUE },
	{ "fully_answered", offsetof(struct stats_agg, nanswer), F_SIZE },
	{ "reports_on_time_pct", offsetof(struct stats_agg, v[COL_REPORTS]),
	    F_VALUE },
	{ "reports_due", offsetof(struct stats_agg, rep_due), F_UINT },
	{ "reports_on_time", offsetof(struct stats_agg, rep_on_time), F_UINT },
	{ "reports_late", offsetof(struct stats_agg, rep_late), F_UINT },
	{ "reports_missing", offsetof(struct stats_agg, rep_missing), F_UINT },
	{ "e_held", offsetof(struct stats_agg, e_held), F_UINT },
	{ "e_days_median", offsetof(struct stats_agg, v[COL_E_DAYS]),
	    F_VALUE },
	{ "e_shorter_than_15_days", offsetof(struct stats_agg, e_short),
	    F_UINT },
	{ "agenda_announced", offsetof(struct stats_agg, agenda), F_UINT },
	{ "agenda_announced_pct", offsetof(struct stats_agg, v[COL_AGENDA]),
	    F_VALUE },
	{ "participations", offsetof(struct stats_agg, participants), F_ULONG },
};

/*
 * A share or a median as the CSV and the page write it: printf's "%.1f"
 * (which rounds a tie such as 81.25 to even, unlike round()), or null.
 */
static json_t *
real1(double d)
{
	char	 buf[64];

	if (isnan(d))
		return json_null();
	snprintf(buf, sizeof(buf), "%.1f", d);
	return json_real(strtod(buf, NULL));
}

static json_t *
value(const struct stats_agg *g, size_t i)
{
	const char	*p = (const char *)g + fields[i].off;
	double		 d;

	switch (fields[i].type) {
	case F_UINT:
		return json_integer(*(const unsigned *)(const void *)p);
	case F_ULONG:
		return json_integer((json_int_t)
		    *(const unsigned long *)(const void *)p);
	case F_SIZE:
		return json_integer((json_int_t)
		    *(const size_t *)(const void *)p);
	default:
		d = *(const double *)(const void *)p;
		return real1(d);
	}
}

static json_t *
figures(const struct stats_period *st, const struct stats_agg *g)
{
	json_t	*o = json_object(), *f = json_object();
	size_t	 i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		json_object_set_new(o, fields[i].name, value(g, i));
	for (i = 0; i < st->tax->n[TAX_FORMAT]; i++)
		json_object_set_new(f, st->tax->items[TAX_FORMAT][i].slug,
		    json_integer(g->by_format[i]));
	json_object_set_new(o, "held_by_format", f);
	return o;
}

static json_t *
named(const struct stats_period *st, enum tax_kind k, int pos)
{
	return json_pack("{s:s, s:s}", "slug", st->tax->items[k][pos].slug,
	    "name", st->tax->items[k][pos].name_uk);
}

static json_t *
jtime(time_t t)
{
	char	 buf[40];

	return t != 0 ? json_string(fmt_iso(buf, sizeof(buf), t)) :
	    json_null();
}

static int
cmp_ended(const void *a, const void *b)
{
	const struct stats_row *x = *(const struct stats_row *const *)a;
	const struct stats_row *y = *(const struct stats_row *const *)b;

	if (x->ended != y->ended)
		return x->ended < y->ended ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The held ones of the scope whose report is late or missing, as the
 * page lists them (by the day accepting ended). */
static json_t *
late(struct stats_period *st)
{
	struct arena		*a = st->r->arena;
	const struct stats_row	**l, *s;
	struct stats_title	*titles;
	const char		*title;
	size_t			 i, k, n = 0, nt = 0;
	json_t			*items;

	if ((l = arena_calloc(a, st->nrows + 1, sizeof(*l))) == NULL)
		return NULL;
	for (i = 0; i < st->nrows; i++) {
		s = &st->rows[i];
		if (s->ended >= st->from && s->ended < st->to &&
		    (st->unit < 0 || s->unit == st->unit) &&
		    stats_held(s, st->now) && stats_report_late(s, st->now))
			l[n++] = s;
	}
	qsort(l, n, sizeof(*l), cmp_ended);
	if (n > 0 && db_stats_late_titles(st->r->db, a, st->from, st->to,
	    st->unit < 0 ? 0 : st->tax->items[TAX_UNIT][st->unit].id, &titles,
	    &nt) == -1)
		return NULL;
	items = json_array();
	for (i = 0; i < n && i < API_STATS_LATE_MAX; i++) {
		s = l[i];
		for (title = NULL, k = 0; k < nt && title == NULL; k++)
			if (titles[k].id == s->id)
				title = titles[k].title;
		json_array_append_new(items, json_pack("{s:I, s:o, s:s, s:o, "
		    "s:o, s:o, s:o}", "id", (json_int_t)s->id,
		    "title", title != NULL ? json_string(title) : json_null(),
		    "url", arena_printf(a, "%s/consultations/%u", cfg.base_url,
		    s->id),
		    "unit", named(st, TAX_UNIT, s->unit),
		    "ended_at", jtime(s->ended),
		    "report_due_at", jtime(s->ended + REPORT_DUE_DAYS * DAY),
		    "report_published_at", jtime(s->report)));
	}
	return json_pack("{s:I, s:o}", "count", (json_int_t)n, "items",
	    items);
}

json_t *
api_stats_json(struct stats_period *st)
{
	json_t	*root, *units, *qs, *lt;
	size_t	 k;

	if ((lt = late(st)) == NULL)
		return NULL;
	units = json_array();
	for (k = 0; k < st->tax->n[TAX_UNIT]; k++)
		json_array_append_new(units, json_pack("{s:s, s:s, s:o}",
		    "slug", st->tax->items[TAX_UNIT][k].slug,
		    "name", st->tax->items[TAX_UNIT][k].name_uk,
		    "figures", figures(st, &st->units[k])));
	qs = json_array();
	for (k = 0; k < STATS_CHART_QUARTERS; k++)
		json_array_append_new(qs, json_pack("{s:i, s:i, s:I, s:I, s:I, "
		    "s:o}", "year", st->qyear[k], "quarter", st->qnum[k],
		    "held", (json_int_t)st->quarters[k].held,
		    "reports_due", (json_int_t)st->quarters[k].rep_due,
		    "reports_on_time", (json_int_t)st->quarters[k].rep_on_time,
		    "reports_on_time_pct",
		    real1(st->quarters[k].v[COL_REPORTS])));
	root = json_pack("{s:i, s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:o}",
	    "year", st->year,
	    "quarter", st->quarter > 0 ? json_integer(st->quarter) :
	    json_null(),
	    "from", st->from_s, "to", st->to_s,
	    "scope", st->unit < 0 ? json_null() : named(st, TAX_UNIT,
	    st->unit),
	    "figures", figures(st, &st->city),
	    "units", units, "quarters", qs, "late_reports", lt);
	return root;
}
