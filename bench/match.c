/*
 * bench-match: the time to match one event to the subscriptions (issue 6),
 * through the worker's own statements (lib/db_notify.c), for each
 * consultation id given: an "opened" event with a fresh id, so that every
 * run queues its outbox rows anew (nothing is skipped as a duplicate).
 * Prints one line per event and a summary line:
 *
 *   match: N events, median X ms, max Y ms, Z outbox rows per event
 *
 * scripts/bench-match.sh makes the 100,000 subscriptions and runs it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>

#include "config.h"
#include "db.h"
#include "db_notify.h"
#include "log.h"

static int
cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char *argv[])
{
	struct db		*db;
	struct arena		 a;
	struct timespec		 t0, t1;
	unsigned long long	 rows, total = 0;
	double			*ms;
	uint64_t		 ev;
	int			 i, n = argc - 1;

	log_init("bench-match");
	if (n < 1 || config_load(&cfg) == -1 ||
	    mysql_library_init(0, NULL, NULL) != 0) {
		fprintf(stderr, "usage: bench-match CONSULTATION_ID...\n");
		return 2;
	}
	if ((db = db_new(&cfg)) == NULL || db_ensure(db) == -1 ||
	    (ms = calloc((size_t)n, sizeof(*ms))) == NULL)
		return 1;
	arena_init(&a, 1024 * 1024);
	/* Above any real event id, and new at every run. */
	ev = (uint64_t)time(NULL) * 1000000ULL;
	for (i = 0; i < n; i++) {
		arena_reset(&a);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (db_notify_match_one(db, &a, ev + (uint64_t)i, "opened",
		    (uint32_t)strtoul(argv[i + 1], NULL, 10), 0, &rows) == -1)
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
		total += rows;
		printf("event for consultation %s: %.2f ms, %llu outbox rows\n",
		    argv[i + 1], ms[i], rows);
	}
	qsort(ms, (size_t)n, sizeof(*ms), cmp);
	printf("match: %d events, median %.2f ms, max %.2f ms, %.0f outbox "
	    "rows per event\n", n, ms[n / 2], ms[n - 1], (double)total / n);
	free(ms);
	arena_free(&a);
	db_free(db);
	mysql_library_end();
	return 0;
}
