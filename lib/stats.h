/*
 * The efficiency indicators' figures (DESIGN.md section 5, issue 8), the
 * same for the page and CSV (cgi-bin/stats) and the JSON API
 * (GET /api/v1/stats): a period (a year or a quarter), a scope (the city
 * or a unit), the summary rows of the consultations whose accepting ended
 * in it (db_stats_rows()), and the figures of the scope, of every unit and
 * of the eight quarters of the line, computed from them.
 *
 * A consultation counts in the period in which accepting proposals ended;
 * "held" means published, not cancelled, and ended by now (or completed).
 * Everything lives in the request's arena.
 */
#ifndef HROMADA_STATS_H
#define HROMADA_STATS_H

#include <stddef.h>
#include <time.h>

#include "model.h"
#include "runner.h"

#define STATS_CHART_QUARTERS	8	/* the line: last year's and this */
#define STATS_E_FORMAT		"e-consultation"

/* Ranking columns; also the sort keys, in this order. */
enum stats_col {
	COL_NAME, COL_HELD, COL_PARTICIPANTS, COL_COMMENTS, COL_PROPOSALS,
	COL_ANSWERED, COL_ACCEPTED, COL_ANSWER_DAYS, COL_REPORTS,
	COL_E_DAYS, COL_E_SHORT, COL_AGENDA, COL__MAX
};

/* The figures of one scope (the city, a unit, a quarter). */
struct stats_agg {
	unsigned	 held, *by_format;
	unsigned long	 participants, comments, proposals, answered,
			 accepted;	/* participants: summed per consultation */
	unsigned long	 people;	/* distinct e-mails over the period */
	double		*answer_days;	/* per fully answered consultation */
	size_t		 nanswer, cap;
	unsigned	 rep_due, rep_on_time, rep_late, rep_missing;
	unsigned	 e_held, e_short;
	unsigned	 agenda;	/* announced in the agenda beforehand */
	double		*e_days;
	size_t		 ne;
	double		 v[COL__MAX];	/* column values, NAN when none */
};

/* The request: the period, the rows, and the scopes computed from them. */
struct stats_period {
	struct request		*r;
	const struct taxonomy	*tax;
	int			 year, quarter, unit, sort, desc;
	int			 chart;		/* the line is drawn */
	time_t			 from, to, now;
	char			 from_s[16], to_s[16];
	struct stats_row	*rows;
	size_t			 nrows;
	int			 e_format;
	struct stats_agg	 city;		/* or the selected unit */
	struct stats_agg	*units;		/* per unit, all of them */
	struct stats_agg	 quarters[STATS_CHART_QUARTERS];
	time_t			 qstart[STATS_CHART_QUARTERS + 1];
	int			 qyear[STATS_CHART_QUARTERS], qnum[STATS_CHART_QUARTERS];
};

/* Whether a row counts as held at now. */
int	stats_held(const struct stats_row *, time_t now);
/* Whether a held row's report is late or missing at now. */
int	stats_report_late(const struct stats_row *, time_t now);
/*
 * Whether a row was announced in the agenda beforehand: a topic linking it
 * was public in a published plan before the consultation was announced.
 */
int	stats_in_agenda(const struct stats_row *);

/*
 * One scope's figures by hand (the open-data export has no request): init
 * for at most cap rows of nformats formats (arena memory; 0 or -1), add
 * each row (only held ones count), finish into v[] (people, the distinct
 * e-mails, is the caller's to set before).
 */
int	stats_agg_init(struct arena *, struct stats_agg *, size_t cap,
	    size_t nformats);
void	stats_agg_add(struct stats_agg *, const struct stats_row *,
	    time_t now, int e_format);
void	stats_agg_finish(struct stats_agg *);

/*
 * Sets the period of year (0: this year in city time), quarter (1-4; 0:
 * the whole year) and unit (a taxonomy position; -1: the city), and the
 * line's quarters when chart; st->sort and st->desc are the page's.
 */
void	stats_period_set(struct stats_period *, struct request *,
	    const struct taxonomy *, int year, int quarter, int unit,
	    int chart);
/* Reads the rows and computes every scope; 0 or an HTTP status. */
int	stats_compute(struct stats_period *);

#endif /* HROMADA_STATS_H */
