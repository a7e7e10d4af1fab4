/*
 * Open data (issue 8): what the export publishes, file by file and column
 * by column, with the SQL that reads it, and the archive's import.
 *
 * od_specs[] is the one description of the files: the exporter writes
 * exactly these columns in this order, and the /opendata page renders its
 * data dictionary from the same table, so the two cannot disagree.  The
 * SQL of each file (db_opendata.c) returns the spec's columns first, in
 * order, then the hidden columns its computed ones need.
 *
 * Only public rows are read: consultations that are not drafts; their
 * documents; published comments (never e-mail, address hash, submission
 * key or moderation data); answers to published proposals; published
 * reports; agenda items of published plans in public states, without the
 * proposer.  Who in the staff did what (user ids) is not published either.
 */
#ifndef HROMADA_DB_OPENDATA_H
#define HROMADA_DB_OPENDATA_H

#include <stdint.h>
#include <time.h>

#include "arena.h"
#include "db.h"

enum od_file {
	OD_CONSULTATIONS,
	OD_DOCUMENTS,
	OD_COMMENTS,
	OD_ANSWERS,
	OD_REPORTS,
	OD_AGENDA,
	OD_INDICATORS,		/* computed, not read row by row */
	OD__MAX
};

enum od_type {
	OD_INT,		/* a whole number */
	OD_DEC,		/* a number with one decimal, empty/null when none */
	OD_TEXT,	/* UTF-8 text (Markdown where said) */
	OD_SLUG,	/* a reference slug (ASCII) */
	OD_TIME,	/* UTC, "2026-03-01T09:00:00Z" */
	OD_LIST,	/* slugs: "a;b" in CSV, an array in JSON */
	OD_BOOL,	/* "true" / "false" */
	OD_STATUS,	/* computed: the public status (lib/lifecycle.h) */
	OD_URL		/* computed: a document's address */
};

struct od_col {
	const char	*name;
	enum od_type	 type;
	const char	*meaning;	/* Ukrainian, for the dictionary */
};

struct od_spec {
	const char		*name;		/* file name without extension */
	const char		*title;		/* Ukrainian */
	const char		*about;		/* Ukrainian: what a row is */
	const struct od_col	*cols;
	size_t			 ncols;
};

extern const struct od_spec	 od_specs[OD__MAX];
/* Ukrainian names of the types, by enum od_type. */
extern const char *const	 od_type_name[];

/* Hidden columns after the spec's: the consultation status's inputs. */
#define OD_HIDDEN_STATUS	4	/* stored status, opens, closes, closed */
#define OD_HIDDEN_URL		3	/* url, file hash, file name */

/*
 * Rows of file f (not OD_INDICATORS) whose key (the first column) is
 * greater than after, by key, at most limit: a stored result the caller
 * reads with db_next() and frees with db_res_free().  0 or -1.
 */
int	db_od_batch(struct db *, struct arena *, enum od_file, long long after,
	    int limit, struct db_res *);

/* The first and last "accepting ended" of the indicators' rows; 0 none. */
int	db_od_stats_range(struct db *, struct arena *, time_t *first,
	    time_t *last);

/* ---- the archive's import ------------------------------------------ */

struct od_archive {
	const char	*ref, *slug, *title, *summary, *body, *question;
	const char	*stakeholders, *contact_name, *contact_email;
	const char	*outcome;		/* "completed" or "cancelled" */
	const char	*cancel_reason;		/* "" unless cancelled */
	int		 unit_id, format_id;
	time_t		 opens, closes;
	time_t		 completed, cancelled;		/* 0 unless so */
};

/* Whether a consultation with that archive reference exists: 1, 0, -1. */
int	db_od_ref_exists(struct db *, struct arena *, const char *ref);
/* Sets (on) or clears @hromada_bulk for the session.  0 or -1. */
int	db_od_bulk(struct db *, struct arena *, int on);
int	db_od_archive_add(struct db *, struct arena *,
	    const struct od_archive *, uint32_t *id);
/* A theme, district or group link (kind: 0, 1, 2). */
int	db_od_link(struct db *, struct arena *, int kind, uint32_t cid,
	    int term_id);
int	db_od_report_add(struct db *, struct arena *, uint32_t cid,
	    const char *summary, time_t published);
/* Tells the listing's workers to reload (the bulk flag skips triggers). */
int	db_od_listing_bump(struct db *, struct arena *);

#endif /* HROMADA_DB_OPENDATA_H */
