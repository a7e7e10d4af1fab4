/*
 * The efficiency indicators' summary rows (sql/migrations/080_stats.sql):
 * one short row per consultation, kept current by triggers, read by the
 * stats program for a range of "accepting ended" times.
 */
#include <string.h>

#include "db.h"
#include "lifecycle.h"
#include "model.h"

enum stmt {
	STMT_ROWS,
	STMT_LATE_TITLES,
	STMT_QUARTERS,
	STMT_AGENDA_TITLES,
	STMT_REFRESH,
	STMT_PEOPLE,
	STMT_STATE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/*
	 * STMT_ROWS: by the index on ended_at.  Drafts and cancelled ones
	 * are never counted; the caller decides what has ended by now.
	 */
	"SELECT consultation_id, unit_id, format_id, status, "
	"UNIX_TIMESTAMP(opens_at), UNIX_TIMESTAMP(ended_at), comments, "
	"proposals, participants, answered, accepted, "
	"UNIX_TIMESTAMP(last_answer_at), UNIX_TIMESTAMP(report_at), "
	"UNIX_TIMESTAMP(agenda_at), UNIX_TIMESTAMP(announced_at) "
	"FROM consultation_stats "
	"WHERE ended_at >= FROM_UNIXTIME(?) AND ended_at < FROM_UNIXTIME(?) "
	"AND status NOT IN ('draft', 'cancelled')",
	/*
	 * STMT_LATE_TITLES: titles of the first 200 (LATE_LIST_MAX in
	 * cgi-bin/stats.c) held ones with a late report or none when due,
	 * in the page's order; the caller decides again with its own clock.
	 */
	"SELECT consultation_id, c.title FROM consultation_stats s "
	"JOIN consultations c ON c.id = s.consultation_id "
	"WHERE s.ended_at >= FROM_UNIXTIME(?) AND s.ended_at < FROM_UNIXTIME(?) "
	"AND s.status NOT IN ('draft', 'cancelled') "
	"AND (s.report_at > s.ended_at + INTERVAL 14 DAY OR (s.report_at IS NULL "
	"AND s.ended_at < UTC_TIMESTAMP() - INTERVAL 14 DAY)) "
	"AND (? = 0 OR s.unit_id = ?) "
	"ORDER BY s.ended_at, s.consultation_id LIMIT 200",
	/*
	 * STMT_QUARTERS: the line's quarters outside the period (whose rows
	 * the caller has) in two range reads, before and after it: the
	 * quarter's number is how many of the seven inner boundaries the end
	 * is past.  Held (as held() in cgi-bin/stats.c), reports due
	 * (published, or 14 days passed), reports on time.
	 */
	"SELECT (ended_at >= FROM_UNIXTIME(?)) + (ended_at >= FROM_UNIXTIME(?)) + "
	"(ended_at >= FROM_UNIXTIME(?)) + (ended_at >= FROM_UNIXTIME(?)) + "
	"(ended_at >= FROM_UNIXTIME(?)) + (ended_at >= FROM_UNIXTIME(?)) + "
	"(ended_at >= FROM_UNIXTIME(?)) AS k, COUNT(*), "
	"COALESCE(SUM(report_at IS NOT NULL OR "
	"UTC_TIMESTAMP() > ended_at + INTERVAL 14 DAY), 0), "
	"COALESCE(SUM(report_at <= ended_at + INTERVAL 14 DAY), 0) "
	"FROM consultation_stats "
	"WHERE ((ended_at >= FROM_UNIXTIME(?) AND ended_at < FROM_UNIXTIME(?)) "
	"OR (ended_at >= FROM_UNIXTIME(?) AND ended_at < FROM_UNIXTIME(?))) "
	"AND status NOT IN ('draft', 'cancelled') "
	"AND (status = 'completed' OR ended_at <= UTC_TIMESTAMP()) "
	"AND (? = 0 OR unit_id = ?) GROUP BY k",
	/*
	 * STMT_AGENDA_TITLES: held ones announced in the agenda beforehand,
	 * as stats_agenda() in 110_stats_agenda.sql defines it, with the
	 * first topic of a published plan that links each (the oldest id).
	 */
	"SELECT s.consultation_id, c.title, t.id, t.year "
	"FROM consultation_stats s "
	"JOIN consultations c ON c.id = s.consultation_id "
	"JOIN agenda_items t ON t.id = (SELECT MIN(i.id) FROM agenda_items i "
	    "JOIN agenda_plans p ON p.year = i.year "
	    "WHERE i.consultation_id = s.consultation_id "
	    "AND i.status IN ('scheduled', 'held') "
	    "AND p.published_at IS NOT NULL) "
	"WHERE s.ended_at >= FROM_UNIXTIME(?) AND s.ended_at < FROM_UNIXTIME(?) "
	"AND s.status NOT IN ('draft', 'cancelled') "
	"AND (s.status = 'completed' OR s.ended_at <= UTC_TIMESTAMP()) "
	"AND s.agenda_at < s.announced_at "
	"AND (? = 0 OR s.unit_id = ?) "
	"ORDER BY s.ended_at, s.consultation_id LIMIT 200",
	/*
	 * STMT_REFRESH: the rows held since the last write counted in their
	 * period's participants, by the BEFORE UPDATE trigger of
	 * 110_stats_agenda.sql (which sets counted_q itself).  By the index
	 * ix_cstats_uncounted: nothing to read when nothing has ended.
	 */
	"UPDATE consultation_stats SET counted_q = counted_q "
	"WHERE counted_q IS NULL "
	"AND status IN ('announced', 'open', 'closed', 'completed') "
	"AND ended_at <= UTC_TIMESTAMP()",
	/* STMT_PEOPLE */
	"SELECT unit_id, participants FROM stats_period_participants "
	"WHERE pkey = ?",
	/*
	 * STMT_STATE: the versions (115_stats_version.sql) and the next two
	 * moments the clock alone changes a figure, each the first entry of
	 * an index past a point: an end of accepting (ix_cstats_ended; held
	 * from then), a report deadline without a report
	 * (ix_cstats_report_due, 125; late from then).
	 */
	"SELECT (SELECT COALESCE(SUM(v), 0) FROM stats_version), l.version, "
	"UNIX_TIMESTAMP((SELECT MIN(ended_at) FROM consultation_stats "
	    "WHERE ended_at > FROM_UNIXTIME(?))), "
	"UNIX_TIMESTAMP((SELECT MIN(ended_at) FROM consultation_stats "
	    "WHERE ended_at >= FROM_UNIXTIME(?) AND report_at IS NULL)) "
	"FROM listing_version l WHERE l.id = 1",
};

const struct db_family_def db_stats_def = { "stats", stmts, STMT__MAX };

int
db_stats_rows(struct db *db, struct arena *a, const struct taxonomy *tax,
    time_t from, time_t to, struct stats_row **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(from), DB_INT(to) };
	struct db_res	 res;
	struct stats_row *s;
	int		 r;

	*n = 0;
	if (db_query(db, a, DBF_STATS, STMT_ROWS, arg, 2, &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1) {
		s = &(*out)[*n];
		s->id = (uint32_t)db_int(&res, 0);
		s->unit = taxonomy_pos(tax, TAX_UNIT, (int)db_int(&res, 1));
		s->format = taxonomy_pos(tax, TAX_FORMAT, (int)db_int(&res, 2));
		s->stored = (uint8_t)cstatus_parse(db_str(&res, 3));
		s->opens = (time_t)db_int(&res, 4);
		s->ended = (time_t)db_int(&res, 5);
		s->comments = (unsigned)db_int(&res, 6);
		s->proposals = (unsigned)db_int(&res, 7);
		s->participants = (unsigned)db_int(&res, 8);
		s->answered = (unsigned)db_int(&res, 9);
		s->accepted = (unsigned)db_int(&res, 10);
		s->last_answer = (time_t)db_int(&res, 11);
		s->report = (time_t)db_int(&res, 12);
		s->agenda = (time_t)db_int(&res, 13);
		s->announced = (time_t)db_int(&res, 14);
		if (s->unit >= 0 && s->format >= 0)
			(*n)++;
	}
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}

static int
titles(struct db *db, struct arena *a, int stmt, time_t from, time_t to,
    int unit_id, struct stats_title **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(from), DB_INT(to), DB_INT(unit_id),
	    DB_INT(unit_id) };
	struct db_res	 res;
	int		 r;

	*n = 0;
	if (db_query(db, a, DBF_STATS, stmt, arg, 4, &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1) {
		(*out)[*n].id = (uint32_t)db_int(&res, 0);
		if (res.ncols > 3) {
			(*out)[*n].item = (uint32_t)db_int(&res, 2);
			(*out)[*n].year = (int)db_int(&res, 3);
		}
		if (((*out)[*n].title = arena_strdup(a, db_str(&res, 1))) ==
		    NULL) {
			r = -1;
			break;
		}
		(*n)++;
	}
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}

int
db_stats_late_titles(struct db *db, struct arena *a, time_t from, time_t to,
    int unit_id, struct stats_title **out, size_t *n)
{
	return titles(db, a, STMT_LATE_TITLES, from, to, unit_id, out, n);
}

int
db_stats_agenda_titles(struct db *db, struct arena *a, time_t from, time_t to,
    int unit_id, struct stats_title **out, size_t *n)
{
	return titles(db, a, STMT_AGENDA_TITLES, from, to, unit_id, out, n);
}

int
db_stats_quarters(struct db *db, struct arena *a, const time_t bounds[9],
    time_t from, time_t to, int unit_id, unsigned out[8][3])
{
	struct db_arg	 arg[13];
	struct db_res	 res;
	long long	 k;
	size_t		 i;
	int		 r;

	memset(out, 0, sizeof(unsigned) * 8 * 3);
	for (i = 0; i < 7; i++)
		arg[i] = (struct db_arg)DB_INT(bounds[i + 1]);
	arg[7] = (struct db_arg)DB_INT(bounds[0]);
	arg[8] = (struct db_arg)DB_INT(from);
	arg[9] = (struct db_arg)DB_INT(to);
	arg[10] = (struct db_arg)DB_INT(bounds[8]);
	arg[11] = (struct db_arg)DB_INT(unit_id);
	arg[12] = (struct db_arg)DB_INT(unit_id);
	if (db_query(db, a, DBF_STATS, STMT_QUARTERS, arg, 13, &res) == -1)
		return -1;
	while ((r = db_next(&res)) == 1) {
		if ((k = db_int(&res, 0)) < 0 || k > 7)
			continue;
		out[k][0] = (unsigned)db_int(&res, 1);
		out[k][1] = (unsigned)db_int(&res, 2);
		out[k][2] = (unsigned)db_int(&res, 3);
	}
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}

int
db_stats_people(struct db *db, struct arena *a, int pkey,
    struct stats_people **out, size_t *n)
{
	struct db_arg	 arg[] = { DB_INT(pkey) };
	struct db_res	 res;
	int		 r;

	*n = 0;
	if (db_query(db, a, DBF_STATS, STMT_REFRESH, NULL, 0, NULL) == -1)
		return -1;
	if (db_query(db, a, DBF_STATS, STMT_PEOPLE, arg, 1, &res) == -1)
		return -1;
	if ((*out = arena_calloc(a, (size_t)res.rows + 1,
	    sizeof(**out))) == NULL) {
		db_res_free(&res);
		return -1;
	}
	while ((r = db_next(&res)) == 1) {
		(*out)[*n].unit_id = (int)db_int(&res, 0);
		(*out)[*n].participants = (unsigned long)db_int(&res, 1);
		(*n)++;
	}
	db_res_free(&res);
	return r == 0 ? 0 : -1;
}

int
db_stats_state(struct db *db, struct arena *a, time_t now,
    struct stats_state *out)
{
	struct db_arg	 arg[] = { DB_INT(now),
	    DB_INT(now - REPORT_DUE_DAYS * 86400L) };
	struct db_res	 res;
	time_t		 end, due;
	int		 r;

	memset(out, 0, sizeof(*out));
	if (db_query(db, a, DBF_STATS, STMT_STATE, arg, 2, &res) == -1)
		return -1;
	if ((r = db_next(&res)) == 1) {
		out->version = (unsigned long long)db_int(&res, 0);
		out->listing = (unsigned long long)db_int(&res, 1);
		/* NULL (none) reads as 0: no such moment. */
		end = (time_t)db_int(&res, 2);
		due = (time_t)db_int(&res, 3);
		/* Late once past the deadline (stats_report_late()). */
		if (due != 0)
			due += REPORT_DUE_DAYS * 86400L + 1;
		out->until = end != 0 && (due == 0 || end < due) ? end : due;
		r = db_next(&res) == 0 ? 0 : -1;
	} else
		r = -1;
	db_res_free(&res);
	return r;
}
