/*
 * The public plan's filters (GET /agenda and GET /api/v1/agenda): the
 * parameters, shared by the page (cgi-bin/agenda.c) and the API, and the
 * filtering of a year's topics (db_agenda_list(), db_agenda_links()) by
 * them, so that both show the same topics for the same query.
 */
#ifndef HROMADA_AGENDA_PLAN_H
#define HROMADA_AGENDA_PLAN_H

#include <stddef.h>

#include "db_agenda.h"
#include "model.h"
#include "valid.h"

enum aparam {
	AP_YEAR,
	AP_QUARTER,
	AP_UNIT,
	AP_THEME,
	AP_DISTRICT,
	AP_STATUS,
	AP__MAX
};

/* "1" to "4", NULL-terminated. */
extern const char *const agenda_quarters[];
/* The public statuses, in the order the filter offers them; NULL-ended. */
extern const char *const agenda_statuses[];
/* year, quarter, unit, theme, district, status (the slug checks need a
 * worker state that begins with a struct tax_state). */
extern const struct param_rule agenda_params[AP__MAX];

/* Whether v is among the values of a parameter (none: any). */
int	agenda_param_wants(const struct param *, long long v);

/*
 * Marks the topics the parameters p (AP__MAX, validated) leave out by
 * setting their id to 0; returns how many are left and, in inq, how many
 * of them in each quarter.  th and di: the year's theme and district
 * links.
 */
size_t	agenda_filter(const struct param *p, const struct taxonomy *,
	    struct agenda_item *, size_t n, const struct agenda_link *th,
	    size_t nth, const struct agenda_link *di, size_t ndi,
	    size_t inq[4]);

#endif /* HROMADA_AGENDA_PLAN_H */
