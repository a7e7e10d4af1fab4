/*
 * stats: the efficiency indicators (/stats, /stats.csv; issue 8, DESIGN.md
 * section 5), for the city and for each unit, per quarter or per year.
 *
 * A consultation counts in the period in which accepting proposals ended
 * (closed_at when closed early, else closes_at): "held" means published,
 * not cancelled, and ended by now (or completed).  Everything is computed
 * from the per-consultation summary rows that triggers keep current
 * (sql/migrations/080_stats.sql): one indexed range read of at most two
 * years of rows per request, never a scan of the comments.  Medians come
 * from those rows.  Every figure links to the listing with by=end and the
 * same dates, unit and format, so anyone can see what was counted.
 *
 * "Announced in the agenda beforehand": a held consultation that a topic of
 * a published plan (scheduled or held) links to, and that topic was public
 * before the consultation was announced (sql/migrations/110_stats_agenda.sql
 * keeps both times in the summary row; the comparison is stats_in_agenda()).
 *
 * Participants are distinct e-mails across the scope's period (a person
 * in two consultations of a quarter counts once), read from per-period
 * counts the triggers keep (110_stats_agenda.sql); consultations that
 * ended since the last write are counted in first by the refresh.
 * Counting distinct addresses per request instead would read every author
 * row of the period (20-40 ms at the demo's 60,000 comments for a year,
 * several hundred at the benchmark's 500,000).  The sum per consultation
 * (participations) stays in the CSV.
 *
 * The figures are computed in lib/stats.c, shared with GET /api/v1/stats.
 *
 * A page or CSV once made is kept by the worker (lib/pagecache.h) under
 * its parameters, and answers again while db_stats_state() reads the same
 * versions (115_stats_version.sql) and the clock is before the next end of
 * accepting or report deadline: one short read per request instead of the
 * ranges, medians and templates (about 45 ms at the benchmark's size).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "lifecycle.h"
#include "model.h"
#include "page.h"
#include "pagecache.h"
#include "runner.h"
#include "stats.h"
#include "tpl.h"

#define DAY		86400L
#define LATE_LIST_MAX	200	/* rows of the late-report list shown */
#define CHART_QUARTERS	STATS_CHART_QUARTERS
/* The longest an answer is kept: a bound for what no version covers. */
#define STATS_KEEP_MAX	3600

/* The ranking's columns (enum stats_col); also the sort keys. */
static const char *const col_slug[COL__MAX + 1] = {
	"name", "held", "participants", "comments", "proposals", "answered",
	"accepted", "answer-days", "reports", "e-days", "e-short", "agenda", NULL
};

static const char *const col_label[COL__MAX] = {
	"Підрозділ", "Проведено", "Учасники (різні e-mail)",
	"Коментарі", "Пропозиції",
	"З відповіддю, %", "Враховано, %", "Днів до відповіді (медіана)",
	"Звіти вчасно, %", "Тривалість е-консультацій, днів (медіана)",
	"Е-консультацій коротших за 15 днів",
	"Оголошено в плані заздалегідь, %"
};

static const char *const dir_choices[] = { "asc", "desc", NULL };

enum sparam { SP_YEAR, SP_QUARTER, SP_UNIT, SP_SORT, SP_DIR, SP__MAX };

/*
 * Worker state: the reference data only (read once per connection).  Not
 * the listing's index: the page needs titles only for late reports, and
 * each worker would otherwise hold and reload every consultation's card.
 */
struct stats_ctx {
	struct tax_state	 ts;
	struct pagecache	 pages;
};

static void *
ctx_new(void)
{
	return calloc(1, sizeof(struct stats_ctx));
}

static void
ctx_free(void *p)
{
	struct stats_ctx	*c = p;

	if (c == NULL)
		return;
	tax_state_free(&c->ts);
	pagecache_free(&c->pages);
	free(c);
}

static int
ctx_prepare(struct request *r)
{
	struct stats_ctx	*c = r->ctx;

	return tax_state_refresh(&c->ts, r->db, r->arena) == -1 ?
	    HTTP_SERVICE_UNAVAILABLE : 0;
}

static const struct param_rule stats_params[SP__MAX] = {
	{ "year", PARAM_INT, 0, 2000, 2100, NULL, NULL, NULL },
	{ "quarter", PARAM_INT, 0, 1, 4, NULL, NULL, NULL },
	{ "unit", PARAM_CUSTOM, 0, 0, 0, NULL, NULL, tax_check_unit },
	{ "sort", PARAM_ENUM, 0, 0, 0, NULL, col_slug, NULL },
	{ "dir", PARAM_ENUM, 0, 0, 0, NULL, dir_choices, NULL },
};

/* The parameters with their defaults: this year, the city, by held. */
struct stats_args {
	int	 year, quarter, unit, sort, desc;
	int	 this_year;	/* the form offers the years up to it */
};

static void
stats_args(const struct request *r, struct stats_args *a, time_t now)
{
	const struct param	*p = r->params;
	struct tm		 tm;

	localtime_r(&now, &tm);
	a->this_year = tm.tm_year + 1900;
	a->year = p[SP_YEAR].n > 0 ? (int)p[SP_YEAR].v[0].i : a->this_year;
	a->quarter = p[SP_QUARTER].n > 0 ? (int)p[SP_QUARTER].v[0].i : 0;
	a->unit = p[SP_UNIT].n > 0 ? (int)p[SP_UNIT].v[0].i : -1;
	a->sort = p[SP_SORT].n > 0 ? (int)p[SP_SORT].v[0].i : COL_HELD;
	a->desc = p[SP_DIR].n > 0 ? p[SP_DIR].v[0].i == 1 :
	    a->sort != COL_NAME;
}

/* The period, scope and sort (lib/stats.c). */
static int
stats_begin(struct request *r, const struct stats_args *a,
    struct stats_period *st, int chart)
{
	struct stats_ctx	*c = r->ctx;

	stats_period_set(st, r, &c->ts.tax, a->year, a->quarter, a->unit,
	    chart);
	st->sort = a->sort;
	st->desc = a->desc;
	return stats_compute(st);
}

/*
 * The kept answer for the key (what and the arguments) into resp, 1; 0
 * when none is good now (ss is then what a new one is kept with); or an
 * HTTP status.  The state is read before any figure, so a kept answer is
 * never taken for newer than it is.
 */
static int
kept_get(struct request *r, struct response *resp, const char *key,
    struct stats_state *ss, time_t now)
{
	struct stats_ctx		*c = r->ctx;
	const struct pagecache_entry	*e;

	if (db_stats_state(r->db, r->arena, now, ss) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	pagecache_generation(&c->pages, db_generation(r->db));
	if ((e = pagecache_get_key(&c->pages, key, ss->version, ss->listing,
	    now)) == NULL)
		return 0;
	if ((resp->body = pagecache_copy(e, &resp->len)) == NULL)
		return HTTP_INTERNAL_ERROR;
	resp->status = HTTP_OK;
	return 1;
}

static void
kept_put(struct request *r, const struct response *resp, const char *key,
    const struct stats_state *ss, time_t now)
{
	struct stats_ctx	*c = r->ctx;
	time_t			 expires = now + STATS_KEEP_MAX;

	if (ss->until != 0 && ss->until < expires)
		expires = ss->until;
	if (resp->status == HTTP_OK && resp->body != NULL && expires > now)
		pagecache_put_key(&c->pages, key, ss->version, ss->listing,
		    expires, resp->body, resp->len);
}

static const char *
kept_key(struct request *r, char what, const struct stats_args *a)
{
	return arena_printf(r->arena, "%c %d %d %d %d %d %d", what,
	    a->this_year, a->year, a->quarter, a->unit, a->sort, a->desc);
}

/* ---- links ------------------------------------------------------------ */

/*
 * The listing of what a figure counts: held (closed or completed) and
 * ended in the period, in a unit and a format when given.  Slugs are
 * lower-case ASCII from the reference data and need no encoding.
 */
static const char *
listing_href(const struct stats_period *st, int unit, int format)
{
	const struct taxonomy	*t = st->tax;

	return arena_printf(st->r->arena, "/consultations?%s%s%s%s%s%s"
	    "status=closed&status=completed&from=%s&to=%s&by=end",
	    unit >= 0 ? "unit=" : "", unit >= 0 ? t->items[TAX_UNIT][unit].slug
	    : "", unit >= 0 ? "&" : "", format >= 0 ? "format=" : "",
	    format >= 0 ? t->items[TAX_FORMAT][format].slug : "",
	    format >= 0 ? "&" : "", st->from_s, st->to_s);
}

/* This page with another period, unit or sort. */
static const char *
stats_href(const struct stats_period *st, const char *path, int year,
    int quarter,
    int unit, int sort, int desc, const char *frag)
{
	return arena_printf(st->r->arena, "%s?year=%d%s%.0d%s%s&sort=%s&dir=%s%s",
	    path, year, quarter > 0 ? "&quarter=" : "", quarter,
	    unit >= 0 ? "&unit=" : "",
	    unit >= 0 ? st->tax->items[TAX_UNIT][unit].slug : "",
	    col_slug[sort], desc ? "desc" : "asc", frag);
}

/* ---- formatting ---------------------------------------------------------- */

/* "66,7" (Ukrainian decimal comma) or "—". */
static const char *
fmt_num(struct arena *a, double v, int decimals)
{
	char	*s, *p;

	if (isnan(v))
		return "—";
	if ((s = arena_printf(a, "%.*f", decimals, v)) != NULL &&
	    (p = strchr(s, '.')) != NULL)
		*p = ',';
	return s;
}

/* The same for machines: "66.7", or "" when there is no value. */
static const char *
raw_num(struct arena *a, double v, int decimals)
{
	return isnan(v) ? "" : arena_printf(a, "%.*f", decimals, v);
}

static int
col_decimals(int col)
{
	switch (col) {
	case COL_ANSWERED:
	case COL_ACCEPTED:
	case COL_ANSWER_DAYS:
	case COL_REPORTS:
	case COL_E_DAYS:
	case COL_AGENDA:
		return 1;
	default:
		return 0;
	}
}

static const char *
period_name(const struct stats_period *st)
{
	if (st->quarter == 0)
		return arena_printf(st->r->arena, "%d рік", st->year);
	return arena_printf(st->r->arena, "%d квартал %d року", st->quarter,
	    st->year);
}

/* ---- the page -------------------------------------------------------------- */

static void
fig(struct stats_period *st, struct tpl_dict *d, const char *key,
    const char *label,
    const char *value, double raw, int decimals, const char *href,
    const char *note)
{
	struct tpl_dict	*f;

	if ((f = tpl_add(d, "FIG")) == NULL)
		return;
	tpl_set(f, "FIG_KEY", key);
	tpl_set(f, "FIG_LABEL", label);
	tpl_set(f, "FIG_VALUE", value);
	tpl_set(f, "FIG_RAW", raw_num(st->r->arena, raw, decimals));
	if (href != NULL)
		tpl_set(tpl_add(f, "FIG_LINK"), "FIG_HREF", href);
	else
		tpl_show(f, "FIG_NOLINK");
	if (note != NULL)
		tpl_set(tpl_add(f, "FIG_NOTE"), "FIG_NOTE_TEXT", note);
}

static void
fill_figures(struct stats_period *st, struct tpl_dict *d)
{
	struct arena	*a = st->r->arena;
	const struct stats_agg *g = &st->city;
	const char	*all = listing_href(st, st->unit, -1);
	const char	*e = listing_href(st, st->unit, st->e_format);
	struct tpl_dict	*f;
	size_t		 k;

	fig(st, d, "held", "Проведено консультацій", fmt_num(a, g->held, 0),
	    g->held, 0, all, NULL);
	fig(st, d, "participants", "Учасники (різні e-mail за період)",
	    fmt_num(a, (double)g->people, 0), (double)g->people, 0, all,
	    arena_printf(a, "участей, за кожною консультацією окремо: %lu",
	    g->participants));
	fig(st, d, "comments", "Коментарі", fmt_num(a, (double)g->comments, 0),
	    (double)g->comments, 0, all, NULL);
	fig(st, d, "proposals", "Пропозиції", fmt_num(a, (double)g->proposals,
	    0), (double)g->proposals, 0, all, NULL);
	fig(st, d, "answered", "Пропозицій з офіційною відповіддю, %",
	    fmt_num(a, g->v[COL_ANSWERED], 1), g->v[COL_ANSWERED], 1, all,
	    arena_printf(a, "%lu з %lu", g->answered, g->proposals));
	fig(st, d, "accepted", "Враховано повністю або частково, % відповідей",
	    fmt_num(a, g->v[COL_ACCEPTED], 1), g->v[COL_ACCEPTED], 1, all,
	    arena_printf(a, "%lu з %lu", g->accepted, g->answered));
	fig(st, d, "answer-days", "Днів від завершення до останньої відповіді "
	    "(медіана)", fmt_num(a, g->v[COL_ANSWER_DAYS], 1),
	    g->v[COL_ANSWER_DAYS], 1, all, arena_printf(a, "консультацій з "
	    "усіма відповідями: %zu", g->nanswer));
	fig(st, d, "reports", "Звіти оприлюднено вчасно (до 14 днів), %",
	    fmt_num(a, g->v[COL_REPORTS], 1), g->v[COL_REPORTS], 1, all,
	    arena_printf(a, "%u з %u; із запізненням — %u, немає — %u",
	    g->rep_on_time, g->rep_due, g->rep_late, g->rep_missing));
	fig(st, d, "e-days", "Тривалість електронних консультацій, днів "
	    "(медіана)", fmt_num(a, g->v[COL_E_DAYS], 1), g->v[COL_E_DAYS], 1,
	    e, arena_printf(a, "електронних консультацій: %u", g->e_held));
	fig(st, d, "e-short", "Електронних консультацій коротших за 15 днів",
	    fmt_num(a, g->e_short, 0), g->e_short, 0, e, NULL);
	fig(st, d, "agenda", "Оголошено в плані консультацій заздалегідь, %",
	    fmt_num(a, g->v[COL_AGENDA], 1), g->v[COL_AGENDA], 1, all,
	    arena_printf(a, "%u з %u; перелік — нижче", g->agenda, g->held));
	for (k = 0; k < st->tax->n[TAX_FORMAT]; k++) {
		if ((f = tpl_add(d, "FORMAT")) == NULL)
			return;
		tpl_set(f, "FORMAT_NAME", st->tax->items[TAX_FORMAT][k].name_uk);
		tpl_set(f, "FORMAT_SLUG", st->tax->items[TAX_FORMAT][k].slug);
		tpl_set_int(f, "FORMAT_COUNT", g->by_format[k]);
		tpl_set(f, "FORMAT_HREF", listing_href(st, st->unit, (int)k));
	}
}

/* Late or missing reports of the scope, by the day accepting ended. */
static int
cmp_ended(const void *a, const void *b)
{
	const struct stats_row *x = *(const struct stats_row *const *)a;
	const struct stats_row *y = *(const struct stats_row *const *)b;

	if (x->ended != y->ended)
		return x->ended < y->ended ? -1 : 1;
	return x->id < y->id ? -1 : 1;
}

static void
fill_late(struct stats_period *st, struct tpl_dict *d)
{
	const struct stats_row	**late, *s;
	struct stats_title	*titles;
	struct tpl_dict		*sec, *row;
	const char		*title;
	char			 buf[64];
	size_t			 i, k, n = 0, ntitles = 0;
	time_t			 due;

	if ((late = arena_calloc(st->r->arena, st->nrows + 1,
	    sizeof(*late))) == NULL)
		return;
	for (i = 0; i < st->nrows; i++) {
		s = &st->rows[i];
		if (s->ended >= st->from && s->ended < st->to &&
		    (st->unit < 0 || s->unit == st->unit) &&
		    stats_held(s, st->now) && stats_report_late(s, st->now))
			late[n++] = s;
	}
	if (n == 0) {
		tpl_show(d, "NO_LATE");
		return;
	}
	qsort(late, n, sizeof(*late), cmp_ended);
	if (db_stats_late_titles(st->r->db, st->r->arena, st->from, st->to,
	    st->unit < 0 ? 0 : st->tax->items[TAX_UNIT][st->unit].id, &titles,
	    &ntitles) == -1)
		ntitles = 0;
	if ((sec = tpl_add(d, "LATE")) == NULL)
		return;
	tpl_set_int(sec, "LATE_COUNT", (long long)n);
	if (n > LATE_LIST_MAX)
		tpl_set_int(tpl_add(sec, "LATE_MORE"), "LATE_SHOWN",
		    LATE_LIST_MAX);
	for (i = 0; i < n && i < LATE_LIST_MAX; i++) {
		s = late[i];
		if ((row = tpl_add(sec, "LATE_ROW")) == NULL)
			return;
		for (title = NULL, k = 0; k < ntitles && title == NULL; k++)
			if (titles[k].id == s->id)
				title = titles[k].title;
		tpl_set_int(row, "LATE_ID", s->id);
		tpl_set(row, "LATE_TITLE", title != NULL ? title :
		    arena_printf(st->r->arena, "Консультація № %u", s->id));
		tpl_set(row, "LATE_HREF", arena_printf(st->r->arena,
		    "/consultations/%u", s->id));
		tpl_set(row, "LATE_UNIT", st->tax->items[TAX_UNIT][s->unit].name_uk);
		tpl_set(row, "LATE_ENDED", fmt_date_uk(buf, sizeof(buf),
		    s->ended));
		due = s->ended + REPORT_DUE_DAYS * DAY;
		tpl_set(row, "LATE_DUE", fmt_date_uk(buf, sizeof(buf), due));
		if (s->report != 0)
			tpl_set(row, "LATE_REPORT", arena_printf(st->r->arena,
			    "оприлюднено %s", fmt_date_uk(buf, sizeof(buf),
			    s->report)));
		else
			tpl_set(row, "LATE_REPORT", "немає");
		tpl_set(row, "LATE_STATE", s->report != 0 ? "late" :
		    "missing");
	}
}

/* The held ones announced in the agenda beforehand, with their topics. */
static void
fill_agenda(struct stats_period *st, struct tpl_dict *d)
{
	struct arena		*a = st->r->arena;
	struct stats_title	*titles;
	struct tpl_dict		*sec, *row;
	size_t			 i, k, n = 0, ntitles = 0;
	const struct stats_row	*s;

	for (i = 0; i < st->nrows; i++) {
		s = &st->rows[i];
		if (s->ended >= st->from && s->ended < st->to &&
		    (st->unit < 0 || s->unit == st->unit) &&
		    stats_held(s, st->now) && stats_in_agenda(s))
			n++;
	}
	if (n == 0) {
		tpl_show(d, "NO_AGENDA");
		return;
	}
	if (db_stats_agenda_titles(st->r->db, a, st->from, st->to,
	    st->unit < 0 ? 0 : st->tax->items[TAX_UNIT][st->unit].id, &titles,
	    &ntitles) == -1)
		ntitles = 0;
	if ((sec = tpl_add(d, "AGENDA")) == NULL)
		return;
	tpl_set_int(sec, "AGENDA_COUNT", (long long)n);
	if (n > ntitles)
		tpl_set_int(tpl_add(sec, "AGENDA_MORE"), "AGENDA_SHOWN",
		    (long long)ntitles);
	for (k = 0; k < ntitles; k++) {
		if ((row = tpl_add(sec, "AGENDA_ROW")) == NULL)
			return;
		tpl_set_int(row, "AGENDA_ID", titles[k].id);
		tpl_set(row, "AGENDA_TITLE", titles[k].title);
		tpl_set(row, "AGENDA_HREF", arena_printf(a,
		    "/consultations/%u", titles[k].id));
		for (i = 0; i < st->nrows; i++)
			if (st->rows[i].id == titles[k].id)
				tpl_set(row, "AGENDA_UNIT", st->tax->items[TAX_UNIT]
				    [st->rows[i].unit].name_uk);
		tpl_set(row, "AGENDA_TOPIC_HREF", arena_printf(a,
		    "/agenda?year=%d#topic-%u", titles[k].year, titles[k].item));
		tpl_set_int(row, "AGENDA_YEAR", titles[k].year);
	}
}

/* Unit positions in the ranking's order; no-value cells sort last. */
static const struct stats_period *rank_st;

static int
cmp_rank(const void *a, const void *b)
{
	const struct stats_period *st = rank_st;
	int		 x = *(const int *)a, y = *(const int *)b, c = 0;
	double		 vx = st->units[x].v[st->sort],
			 vy = st->units[y].v[st->sort];

	if (st->sort == COL_NAME)
		c = strcmp(st->tax->items[TAX_UNIT][x].name_uk,
		    st->tax->items[TAX_UNIT][y].name_uk);
	else if (isnan(vx) || isnan(vy))
		return isnan(vx) - isnan(vy) != 0 ? isnan(vx) ? 1 : -1 : x - y;
	else
		c = vx < vy ? -1 : vx > vy;
	if (c == 0)
		return x - y;
	return st->desc ? -c : c;
}

static void
fill_ranking(struct stats_period *st, struct tpl_dict *d)
{
	struct arena	*a = st->r->arena;
	struct tpl_dict	*h, *row, *cell;
	int		*order, k, i, n = (int)st->tax->n[TAX_UNIT], desc;

	for (k = 0; k < COL__MAX; k++) {
		if ((h = tpl_add(d, "RANK_HEAD")) == NULL)
			return;
		tpl_set(h, "HEAD_LABEL", col_label[k]);
		tpl_set(h, "HEAD_KEY", col_slug[k]);
		/* A second click on the sorted column turns it round. */
		desc = k == st->sort ? !st->desc : k != COL_NAME;
		tpl_set(h, "HEAD_HREF", stats_href(st, "/stats", st->year,
		    st->quarter, st->unit, k, desc, "#ranking"));
		if (k == st->sort)
			tpl_set(tpl_add(h, "HEAD_SORTED"), "HEAD_ARIA_SORT",
			    st->desc ? "descending" : "ascending");
		if (k == st->sort)
			tpl_set(h, "HEAD_ARROW", st->desc ? "↓" : "↑");
	}
	if ((order = arena_calloc(a, (size_t)n + 1, sizeof(int))) == NULL)
		return;
	for (i = 0; i < n; i++)
		order[i] = i;
	rank_st = st;
	qsort(order, (size_t)n, sizeof(int), cmp_rank);
	for (i = 0; i < n; i++) {
		const struct stats_agg *g = &st->units[order[i]];

		if ((row = tpl_add(d, "RANK_ROW")) == NULL)
			return;
		tpl_set(row, "RANK_UNIT", st->tax->items[TAX_UNIT][order[i]].name_uk);
		tpl_set(row, "RANK_SLUG", st->tax->items[TAX_UNIT][order[i]].slug);
		tpl_set(row, "RANK_UNIT_HREF", stats_href(st, "/stats",
		    st->year, st->quarter, order[i], st->sort, st->desc, ""));
		if (order[i] == st->unit)
			tpl_show(row, "RANK_CURRENT");
		for (k = COL_HELD; k < COL__MAX; k++) {
			if ((cell = tpl_add(row, "CELL")) == NULL)
				return;
			tpl_set(cell, "CELL_KEY", col_slug[k]);
			tpl_set(cell, "CELL_VALUE", fmt_num(a, g->v[k],
			    col_decimals(k)));
			tpl_set(cell, "CELL_RAW", raw_num(a, g->v[k],
			    col_decimals(k)));
			tpl_set(cell, "CELL_HREF", listing_href(st, order[i],
			    k >= COL_E_DAYS ? st->e_format : -1));
		}
	}
}

/* Bars: consultations held per unit in the period (SVG in stats.tpl). */
#define BAR_ROW		30
#define BAR_MAX_W	520

static void
fill_bars(struct stats_period *st, struct tpl_dict *d)
{
	struct tpl_dict	*b;
	unsigned	 max = 1;
	size_t		 k, n = st->tax->n[TAX_UNIT];

	for (k = 0; k < n; k++)
		if (st->units[k].held > max)
			max = st->units[k].held;
	tpl_set_int(d, "BAR_H", (long long)(n * BAR_ROW + 10));
	for (k = 0; k < n; k++) {
		unsigned w = st->units[k].held * BAR_MAX_W / max;

		if ((b = tpl_add(d, "BAR")) == NULL)
			return;
		tpl_set(b, "BAR_LABEL", st->tax->items[TAX_UNIT][k].name_uk);
		tpl_set_int(b, "BAR_VALUE", st->units[k].held);
		tpl_set_int(b, "BAR_TEXT_Y", (long long)(k * BAR_ROW + 12));
		tpl_set_int(b, "BAR_Y", (long long)(k * BAR_ROW + 16));
		tpl_set_int(b, "BAR_W", w > 0 ? w : 1);
		tpl_set_int(b, "BAR_VALUE_X", (long long)(w + 6));
		tpl_set(b, "BAR_HREF", listing_href(st, (int)k, -1));
	}
}

/* The line: consultations held per quarter over two years. */
#define LINE_X0		50
#define LINE_DX		80
#define LINE_Y0		200
#define LINE_H		160

static void
fill_line(struct stats_period *st, struct tpl_dict *d)
{
	static const char *const roman[4] = { "I", "II", "III", "IV" };
	struct arena	*a = st->r->arena;
	struct tpl_dict	*p;
	unsigned	 max = 1;
	char		*pts, *end;
	size_t		 k, cap = CHART_QUARTERS * 24 + 1;
	long		 x, y;
	int		 len = 0;

	for (k = 0; k < CHART_QUARTERS; k++)
		if (st->quarters[k].held > max)
			max = st->quarters[k].held;
	if ((pts = arena_alloc(a, cap)) == NULL)
		return;
	end = pts;
	*end = '\0';
	tpl_set_int(d, "LINE_MAX", max);
	tpl_set(d, "LINE_SCOPE", st->unit < 0 ? "Київ" :
	    st->tax->items[TAX_UNIT][st->unit].name_uk);
	for (k = 0; k < CHART_QUARTERS; k++) {
		x = LINE_X0 + (long)k * LINE_DX;
		y = LINE_Y0 - (long)(st->quarters[k].held * LINE_H / max);
		len += snprintf(pts + len, cap - (size_t)len, "%s%ld,%ld",
		    k > 0 ? " " : "", x, y);
		if ((p = tpl_add(d, "POINT")) == NULL)
			return;
		tpl_set_int(p, "POINT_X", x);
		tpl_set_int(p, "POINT_Y", y);
		tpl_set_int(p, "POINT_LABEL_Y", y - 10);
		tpl_set_int(p, "POINT_VALUE", st->quarters[k].held);
		tpl_set(p, "POINT_KEY", arena_printf(a, "%d-%d", st->qyear[k],
		    st->qnum[k]));
		tpl_set(p, "POINT_LABEL", arena_printf(a, "%s %d",
		    roman[st->qnum[k] - 1], st->qyear[k]));
		tpl_set(p, "POINT_REPORTS", fmt_num(a,
		    st->quarters[k].v[COL_REPORTS], 1));
		tpl_set(p, "POINT_HREF", stats_href(st, "/stats", st->qyear[k],
		    st->qnum[k], st->unit, st->sort, st->desc, ""));
	}
	tpl_set(d, "LINE_POINTS", pts);
}

static void
fill_form(struct stats_period *st, struct tpl_dict *d)
{
	struct tpl_dict	*o;
	struct tm	 tm;
	int		 y, q, last;
	size_t		 k;

	localtime_r(&st->now, &tm);
	last = tm.tm_year + 1900;
	if (st->year > last)
		last = st->year;
	/* From the first pilots (2017), or the year asked for. */
	for (y = last; y >= (st->year < 2017 ? st->year : 2017); y--) {
		o = tpl_add(d, "YEAR_OPT");
		tpl_set_int(o, "YEAR_VALUE", y);
		if (y == st->year)
			tpl_show(o, "YEAR_SELECTED");
	}
	for (q = 1; q <= 4; q++) {
		o = tpl_add(d, "QUARTER_OPT");
		tpl_set_int(o, "QUARTER_VALUE", q);
		if (q == st->quarter)
			tpl_show(o, "QUARTER_SELECTED");
	}
	if (st->quarter == 0)
		tpl_show(d, "YEAR_WHOLE");
	for (k = 0; k < st->tax->n[TAX_UNIT]; k++) {
		o = tpl_add(d, "UNIT_OPT");
		tpl_set(o, "UNIT_VALUE", st->tax->items[TAX_UNIT][k].slug);
		tpl_set(o, "UNIT_NAME", st->tax->items[TAX_UNIT][k].name_uk);
		if ((int)k == st->unit)
			tpl_show(o, "UNIT_SELECTED");
	}
	if (st->unit < 0)
		tpl_show(d, "UNIT_ALL");
	tpl_set(d, "SORT_VALUE", col_slug[st->sort]);
	tpl_set(d, "DIR_VALUE", st->desc ? "desc" : "asc");
}

static int
h_page(struct request *r, struct response *resp)
{
	struct page	 pg;
	struct tpl_dict	*d;
	struct stats_period st;
	struct stats_args a;
	struct stats_state ss;
	const char	*key;
	time_t		 now = time(NULL);
	int		 status;

	resp->cache_control = "public, max-age=0, must-revalidate";
	stats_args(r, &a, now);
	key = kept_key(r, 'p', &a);
	if ((status = kept_get(r, resp, key, &ss, now)) != 0)
		return status == 1 ? 0 : status;
	if ((status = stats_begin(r, &a, &st, 1)) != 0)
		return status;
	if ((d = page_begin(&pg, "stats.tpl", "Показники ефективності",
	    "NAV_STATS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "PERIOD_NAME", period_name(&st));
	tpl_set(d, "SCOPE_NAME", st.unit < 0 ? "Київ" :
	    st.tax->items[TAX_UNIT][st.unit].name_uk);
	tpl_set(d, "FROM", st.from_s);
	tpl_set(d, "TO", st.to_s);
	if (st.unit >= 0)
		tpl_show(d, "SCOPE_UNIT");
	tpl_set(d, "CSV_HREF", stats_href(&st, "/stats.csv", st.year,
	    st.quarter, st.unit, st.sort, st.desc, ""));
	fill_form(&st, d);
	fill_figures(&st, d);
	fill_late(&st, d);
	fill_agenda(&st, d);
	fill_ranking(&st, d);
	fill_bars(&st, d);
	fill_line(&st, d);
	if (page_finish(&pg, resp) == -1)
		return HTTP_INTERNAL_ERROR;
	kept_put(r, resp, key, &ss, now);
	return 0;
}

/* ---- CSV (RFC 4180) ------------------------------------------------------ */

struct csv {
	char	*buf;
	size_t	 len, cap;
	int	 failed;
};

static void
csv_put(struct csv *c, const char *s, size_t n)
{
	char	*nb;
	size_t	 ncap;

	if (c->failed)
		return;
	if (c->len + n + 1 > c->cap) {
		ncap = (c->len + n + 1) * 2;
		if ((nb = realloc(c->buf, ncap)) == NULL) {
			c->failed = 1;
			return;
		}
		c->buf = nb;
		c->cap = ncap;
	}
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

/* One field: quoted (with doubled quotes) when it needs to be. */
static void
csv_field(struct csv *c, const char *s, int first)
{
	const char	*p;

	if (!first)
		csv_put(c, ",", 1);
	if (strpbrk(s, ",\"\r\n") == NULL) {
		csv_put(c, s, strlen(s));
		return;
	}
	csv_put(c, "\"", 1);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			csv_put(c, "\"", 1);
		csv_put(c, p, 1);
	}
	csv_put(c, "\"", 1);
}

static void
csv_end(struct csv *c)
{
	csv_put(c, "\r\n", 2);
}

static void
csv_scope(struct stats_period *st, struct csv *c, const char *slug,
    const char *name,
    const struct stats_agg *g)
{
	struct arena	*a = st->r->arena;
	size_t		 f;
	int		 k;

	csv_field(c, slug, 1);
	csv_field(c, name, 0);
	csv_field(c, st->from_s, 0);
	csv_field(c, st->to_s, 0);
	csv_field(c, arena_printf(a, "%u", g->held), 0);
	for (f = 0; f < st->tax->n[TAX_FORMAT]; f++)
		csv_field(c, arena_printf(a, "%u", g->by_format[f]), 0);
	csv_field(c, arena_printf(a, "%lu", g->people), 0);
	csv_field(c, arena_printf(a, "%lu", g->comments), 0);
	csv_field(c, arena_printf(a, "%lu", g->proposals), 0);
	csv_field(c, arena_printf(a, "%lu", g->answered), 0);
	csv_field(c, arena_printf(a, "%lu", g->accepted), 0);
	for (k = COL_ANSWERED; k <= COL_REPORTS; k++)
		csv_field(c, raw_num(a, g->v[k], 1), 0);
	csv_field(c, arena_printf(a, "%u", g->rep_due), 0);
	csv_field(c, arena_printf(a, "%u", g->rep_on_time), 0);
	csv_field(c, arena_printf(a, "%u", g->rep_late), 0);
	csv_field(c, arena_printf(a, "%u", g->rep_missing), 0);
	csv_field(c, arena_printf(a, "%u", g->e_held), 0);
	csv_field(c, raw_num(a, g->v[COL_E_DAYS], 1), 0);
	csv_field(c, arena_printf(a, "%u", g->e_short), 0);
	csv_field(c, arena_printf(a, "%u", g->agenda), 0);
	csv_field(c, raw_num(a, g->v[COL_AGENDA], 1), 0);
	csv_field(c, arena_printf(a, "%lu", g->participants), 0);
	csv_end(c);
}

/* Only on success: an error page is a page, not a download. */
static int
csv_headers(struct request *r, struct response *resp,
    const struct stats_args *a)
{
	resp->content_type = "text/csv; charset=utf-8; header=present";
	return http_header_add(resp, "Content-Disposition", arena_printf(
	    r->arena, "attachment; filename=\"kyiv-consultations-stats-%d%s"
	    "%.0d.csv\"", a->year, a->quarter > 0 ? "-q" : "", a->quarter)) ==
	    -1 ? HTTP_INTERNAL_ERROR : 0;
}

static int
h_csv(struct request *r, struct response *resp)
{
	static const char *const head[] = {
		"participants", "comments", "proposals", "answered",
		"accepted", "answered_pct", "accepted_pct",
		"answer_days_median", "reports_on_time_pct", "reports_due",
		"reports_on_time", "reports_late", "reports_missing",
		"e_held", "e_days_median", "e_shorter_than_15_days",
		"agenda_announced", "agenda_announced_pct", "participations"
	};
	struct stats_period st;
	struct stats_args a;
	struct stats_state ss;
	struct csv	 c;
	const char	*key;
	time_t		 now = time(NULL);
	size_t		 k;
	int		 status;

	resp->cache_control = "public, max-age=0, must-revalidate";
	stats_args(r, &a, now);
	key = kept_key(r, 'c', &a);
	if ((status = kept_get(r, resp, key, &ss, now)) != 0)
		return status == 1 ? csv_headers(r, resp, &a) : status;
	if ((status = stats_begin(r, &a, &st, 0)) != 0)
		return status;
	memset(&c, 0, sizeof(c));
	csv_field(&c, "scope", 1);
	csv_field(&c, "name", 0);
	csv_field(&c, "from", 0);
	csv_field(&c, "to", 0);
	csv_field(&c, "held", 0);
	for (k = 0; k < st.tax->n[TAX_FORMAT]; k++)
		csv_field(&c, arena_printf(r->arena, "held_%s",
		    st.tax->items[TAX_FORMAT][k].slug), 0);
	for (k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		csv_field(&c, head[k], 0);
	csv_end(&c);
	csv_scope(&st, &c, st.unit < 0 ? "city" :
	    st.tax->items[TAX_UNIT][st.unit].slug, st.unit < 0 ? "Київ" :
	    st.tax->items[TAX_UNIT][st.unit].name_uk, &st.city);
	for (k = 0; k < st.tax->n[TAX_UNIT]; k++)
		if (st.unit < 0)
			csv_scope(&st, &c, st.tax->items[TAX_UNIT][k].slug,
			    st.tax->items[TAX_UNIT][k].name_uk, &st.units[k]);
	if (c.failed) {
		free(c.buf);
		return HTTP_INTERNAL_ERROR;
	}
	resp->status = HTTP_OK;
	resp->body = c.buf;
	resp->len = c.len;
	kept_put(r, resp, key, &ss, now);
	return csv_headers(r, resp, &a);
}

#define GET	METHOD_BIT(METHOD_GET)

static const struct route routes[] = {
	{ GET, "/stats", h_page, stats_params, SP__MAX, 0 },
	{ GET, "/stats.csv", h_csv, stats_params, SP__MAX, 0 },
};

static const struct program program = {
	"stats", routes, sizeof(routes) / sizeof(routes[0]),
	ctx_new, ctx_free, ctx_prepare
};

int
main(int argc, char *argv[])
{
	return runner_main(argc, argv, &program);
}
