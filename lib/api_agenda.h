/*
 * GET /api/v1/agenda: a year's published plan of consultation topics as
 * JSON, the topics the /agenda page shows for the same filters
 * (lib/agenda_plan.c): their unit, planned quarter and format, themes and
 * districts, state, the consultation announced for them, the reason when
 * declined, and who proposed them (a name and organisation, never the
 * e-mail).
 */
#ifndef HROMADA_API_AGENDA_H
#define HROMADA_API_AGENDA_H

#include <time.h>

#include <jansson.h>

#include "arena.h"
#include "db_agenda.h"

/*
 * The answer for year: published (0: not yet, and then no topics),
 * pending proposals, and the topics it (id 0: filtered out, skipped) with
 * their links th and di.  A new reference, or NULL (out of memory).
 */
json_t	*api_agenda_json(struct arena *, int year, time_t published,
	    long long pending, const struct agenda_item *it, size_t n,
	    size_t shown, const struct agenda_link *th, size_t nth,
	    const struct agenda_link *di, size_t ndi);

#endif /* HROMADA_API_AGENDA_H */
