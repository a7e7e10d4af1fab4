/*
 * GET /api/v1/stats: the efficiency indicators of a period as JSON, from
 * the figures the /stats page and /stats.csv show (lib/stats.c).  The
 * figures of a scope carry the CSV's column names; shares and medians are
 * rounded to 0.1 as there, and a figure with nothing to count is null.
 */
#ifndef HROMADA_API_STATS_H
#define HROMADA_API_STATS_H

#include <jansson.h>

#include "stats.h"

/* At most this many late or missing reports are listed by name. */
#define API_STATS_LATE_MAX	200

/*
 * The whole answer for a computed period (stats_compute()); a new
 * reference, or NULL when out of memory or the titles cannot be read.
 */
json_t	*api_stats_json(struct stats_period *);

#endif /* HROMADA_API_STATS_H */
