/*
 * The efficiency indicators' figures (stats.h), moved here from
 * cgi-bin/stats.c so that the page, the CSV and the API count alike.
 * Everything is computed from the per-consultation summary rows that
 * triggers keep current (sql/migrations/080_stats.sql): one indexed range
 * read of at most two years of rows per request, never a scan of the
 * comments.  Medians come from those rows.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "lifecycle.h"
#include "stats.h"

#define DAY		86400L

int
stats_held(const struct stats_row *s, time_t now)
{
	return s->stored == CS_COMPLETED || now >= s->ended;
}

/* Midnight in city time starting year y, month m (1-13). */
static time_t
month_start(int y, int m)
{
	if (m > 12) {
		y++;
		m -= 12;
	}
	return date_start((long long)y * 10000 + m * 100 + 1);
}

int
stats_agg_init(struct arena *a, struct stats_agg *g, size_t cap, size_t nformats)
{
	memset(g, 0, sizeof(*g));
	g->cap = cap;
	g->by_format = arena_calloc(a, nformats + 1, sizeof(unsigned));
	g->answer_days = arena_calloc(a, cap + 1, sizeof(double));
	g->e_days = arena_calloc(a, cap + 1, sizeof(double));
	return g->by_format == NULL || g->answer_days == NULL ||
	    g->e_days == NULL ? -1 : 0;
}

int
stats_in_agenda(const struct stats_row *s)
{
	time_t	 announced = s->announced != 0 ? s->announced : s->opens;

	return s->agenda != 0 && s->agenda < announced;
}

/* Whether a held row's report is late or missing at now. */
int
stats_report_late(const struct stats_row *s, time_t now)
{
	time_t	 due = s->ended + REPORT_DUE_DAYS * DAY;

	return s->report != 0 ? s->report > due : now > due;
}

void
stats_agg_add(struct stats_agg *g, const struct stats_row *s, time_t now, int e_format)
{
	time_t	 due = s->ended + REPORT_DUE_DAYS * DAY;
	double	 d;

	if (!stats_held(s, now) || g->held >= g->cap)
		return;
	g->held++;
	g->by_format[s->format]++;
	g->participants += s->participants;
	g->comments += s->comments;
	g->proposals += s->proposals;
	g->answered += s->answered;
	g->accepted += s->accepted;
	if (s->proposals > 0 && s->answered >= s->proposals &&
	    s->last_answer != 0) {
		d = (double)(s->last_answer - s->ended) / DAY;
		g->answer_days[g->nanswer++] = d < 0 ? 0 : d;
	}
	if (s->report != 0 && s->report <= due) {
		g->rep_due++;
		g->rep_on_time++;
	} else if (s->report != 0) {
		g->rep_due++;
		g->rep_late++;
	} else if (now > due) {
		g->rep_due++;
		g->rep_missing++;
	}
	if (stats_in_agenda(s))
		g->agenda++;
	if (s->format == e_format) {
		g->e_days[g->ne++] = (double)(s->ended - s->opens) / DAY;
		g->e_held++;
		if (s->ended - s->opens < MIN_DURATION_DAYS * DAY)
			g->e_short++;
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, size_t n)
{
	if (n == 0)
		return NAN;
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
share(unsigned long part, unsigned long whole)
{
	return whole == 0 ? NAN : 100.0 * (double)part / (double)whole;
}

void
stats_agg_finish(struct stats_agg *g)
{
	g->v[COL_NAME] = NAN;
	g->v[COL_HELD] = g->held;
	g->v[COL_PARTICIPANTS] = (double)g->people;
	g->v[COL_COMMENTS] = (double)g->comments;
	g->v[COL_PROPOSALS] = (double)g->proposals;
	g->v[COL_ANSWERED] = share(g->answered, g->proposals);
	g->v[COL_ACCEPTED] = share(g->accepted, g->answered);
	g->v[COL_ANSWER_DAYS] = median(g->answer_days, g->nanswer);
	g->v[COL_REPORTS] = share(g->rep_on_time, g->rep_due);
	g->v[COL_E_DAYS] = median(g->e_days, g->ne);
	g->v[COL_E_SHORT] = g->e_held == 0 ? NAN : g->e_short;
	g->v[COL_AGENDA] = share(g->agenda, g->held);
}

/*
 * The line's quarters outside the period: counts from the database rather
 * than rows (the line of a quarter's page spans two years).
 */
static int
quarter_counts(struct stats_period *st, const int inside[STATS_CHART_QUARTERS])
{
	unsigned	 c[STATS_CHART_QUARTERS][3];
	size_t		 k;

	if (db_stats_quarters(st->r->db, st->r->arena, st->qstart, st->from,
	    st->to, st->unit < 0 ? 0 : st->tax->items[TAX_UNIT][st->unit].id, c) == -1)
		return -1;
	for (k = 0; k < STATS_CHART_QUARTERS; k++)
		if (!inside[k]) {
			st->quarters[k].held = c[k][0];
			st->quarters[k].rep_due = c[k][1];
			st->quarters[k].rep_on_time = c[k][2];
		}
	return 0;
}

/* Distinct participants of the period, for the city and every unit. */
static int
people(struct stats_period *st)
{
	struct stats_people	*p;
	size_t			 i, n;
	int			 k;

	if (db_stats_people(st->r->db, st->r->arena, st->year * 10 +
	    st->quarter, &p, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (p[i].unit_id == 0) {
			if (st->unit < 0)
				st->city.people = p[i].participants;
			continue;
		}
		if ((k = taxonomy_pos(st->tax, TAX_UNIT, p[i].unit_id)) < 0)
			continue;
		st->units[k].people = p[i].participants;
		if (k == st->unit)
			st->city.people = p[i].participants;
	}
	return 0;
}

int
stats_compute(struct stats_period *st)
{
	struct arena	*a = st->r->arena;
	size_t		 i, k, nunits = st->tax->n[TAX_UNIT],
			 nf = st->tax->n[TAX_FORMAT], *per_unit;
	const struct stats_row *s;
	int		 inside[STATS_CHART_QUARTERS];

	if (db_stats_rows(st->r->db, a, st->tax, st->from, st->to, &st->rows,
	    &st->nrows) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((st->units = arena_calloc(a, nunits + 1, sizeof(*st->units))) ==
	    NULL || (per_unit = arena_calloc(a, nunits + 1,
	    sizeof(size_t))) == NULL)
		return HTTP_INTERNAL_ERROR;
	for (i = 0; i < st->nrows; i++)
		per_unit[st->rows[i].unit]++;
	if (stats_agg_init(a, &st->city, st->nrows, nf) == -1)
		return HTTP_INTERNAL_ERROR;
	for (k = 0; k < nunits; k++)
		if (stats_agg_init(a, &st->units[k], per_unit[k], nf) == -1)
			return HTTP_INTERNAL_ERROR;
	for (k = 0; k < STATS_CHART_QUARTERS; k++) {
		inside[k] = st->qstart[k] >= st->from &&
		    st->qstart[k + 1] <= st->to;
		if (stats_agg_init(a, &st->quarters[k], inside[k] ? st->nrows : 0,
		    nf) == -1)
			return HTTP_INTERNAL_ERROR;
	}
	if (st->chart && quarter_counts(st, inside) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (people(st) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	for (i = 0; i < st->nrows; i++) {
		s = &st->rows[i];
		for (k = 0; k < STATS_CHART_QUARTERS; k++)
			if (inside[k] && s->ended >= st->qstart[k] &&
			    s->ended < st->qstart[k + 1] &&
			    (st->unit < 0 || s->unit == st->unit))
				stats_agg_add(&st->quarters[k], s, st->now,
				    st->e_format);
		stats_agg_add(&st->units[s->unit], s, st->now, st->e_format);
		if (st->unit < 0 || s->unit == st->unit)
			stats_agg_add(&st->city, s, st->now, st->e_format);
	}
	stats_agg_finish(&st->city);
	for (k = 0; k < nunits; k++)
		stats_agg_finish(&st->units[k]);
	for (k = 0; k < STATS_CHART_QUARTERS; k++)
		stats_agg_finish(&st->quarters[k]);
	return 0;
}

void
stats_period_set(struct stats_period *st, struct request *r,
    const struct taxonomy *tax, int year, int quarter, int unit, int chart)
{
	struct tm	 tm;
	time_t		 last;
	int		 k, y, q;

	memset(st, 0, sizeof(*st));
	st->r = r;
	st->chart = chart;
	st->tax = tax;
	st->e_format = taxonomy_find(tax, TAX_FORMAT, STATS_E_FORMAT,
	    strlen(STATS_E_FORMAT));
	st->sort = COL_HELD;
	st->desc = 1;
	st->now = time(NULL);
	localtime_r(&st->now, &tm);
	st->year = year != 0 ? year : tm.tm_year + 1900;
	st->quarter = quarter;
	st->unit = unit;
	if (st->quarter == 0) {
		st->from = month_start(st->year, 1);
		st->to = month_start(st->year, 13);
	} else {
		st->from = month_start(st->year, st->quarter * 3 - 2);
		st->to = month_start(st->year, st->quarter * 3 + 1);
	}
	localtime_r(&st->from, &tm);
	strftime(st->from_s, sizeof(st->from_s), "%Y-%m-%d", &tm);
	last = st->to - DAY / 2;	/* the period's last day, DST or not */
	localtime_r(&last, &tm);
	strftime(st->to_s, sizeof(st->to_s), "%Y-%m-%d", &tm);
	/* The line: the eight quarters of last year and this one. */
	for (k = 0; k <= STATS_CHART_QUARTERS; k++) {
		y = st->year - 1 + k / 4;
		q = k % 4 + 1;
		st->qstart[k] = month_start(y, q * 3 - 2);
		if (k < STATS_CHART_QUARTERS) {
			st->qyear[k] = y;
			st->qnum[k] = q;
		}
	}
}
