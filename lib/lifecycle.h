/*
 * The consultation lifecycle (DESIGN.md section 5) and the city-time
 * formatting the pages use.  A published consultation's status follows its
 * dates: lifecycle_status() is the one place that decides it, so the
 * listing, the detail page and the tests agree.  Times are Unix seconds;
 * the process runs with TZ=Europe/Kyiv (runner_main sets it).
 */
#ifndef HROMADA_LIFECYCLE_H
#define HROMADA_LIFECYCLE_H

#include <stddef.h>
#include <time.h>

enum cstatus {
	CS_DRAFT,
	CS_ANNOUNCED,
	CS_OPEN,
	CS_CLOSED,
	CS_COMPLETED,
	CS_CANCELLED,
	CS__MAX
};

#define REPORT_DUE_DAYS		14
#define MIN_DURATION_DAYS	15

extern const char *const cstatus_slug[CS__MAX];
extern const char *const cstatus_name[CS__MAX];

/* The stored status column's value; CS_ANNOUNCED for unknown text. */
enum cstatus	 cstatus_parse(const char *);

/*
 * The public status at time now, from the stored lifecycle decision and
 * the dates (closed_at is 0 unless closed early).
 */
enum cstatus	 lifecycle_status(enum cstatus stored, time_t opens,
		    time_t closes, time_t closed_at, time_t now);

/* When accepting ended: closed_at if closed early, else closes. */
time_t		 lifecycle_end(time_t closes, time_t closed_at);

/*
 * Days by which the report is late at now (> 0), or 0 when not late, for a
 * consultation that is closed and has no published report.
 */
int		 lifecycle_report_late_days(time_t end, time_t now);

/* "12 грудня 2026" in city time; returns buf. */
char		*fmt_date_uk(char *buf, size_t cap, time_t);
/* "12 грудня 2026, 18:00" in city time. */
char		*fmt_datetime_uk(char *buf, size_t cap, time_t);
/* "2026-12-12T18:00:00+02:00" for <time datetime>. */
char		*fmt_iso(char *buf, size_t cap, time_t);
/* "1 234" with a narrow no-break space as the thousands separator. */
char		*fmt_count(char *buf, size_t cap, long long);
/* Ukrainian plural form: one (1, 21), few (2-4, 22-24), many. */
const char	*plural_uk(long long n, const char *one, const char *few,
		    const char *many);
/* Midnight starting a YYYYMMDD date in city time; -1 if impossible. */
time_t		 date_start(long long yyyymmdd);

#endif /* HROMADA_LIFECYCLE_H */
