/*
 * The model: the data the programs read, and the db_<noun>_<verb>
 * accessors that read it.  All SQL lives in the db_<family>.c files.
 * Unless said otherwise, strings returned through these structures are
 * allocated from the arena passed in (request lifetime).
 */
#ifndef HROMADA_MODEL_H
#define HROMADA_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "arena.h"
#include "db.h"

/* Reference vocabularies, in the order of the facets on the page. */
enum tax_kind {
	TAX_THEME,
	TAX_DISTRICT,
	TAX_FORMAT,
	TAX_GROUP,
	TAX_UNIT,
	TAX__MAX
};

struct taxon {
	int		 id;
	char		*slug;
	char		*name_uk;
	char		*name_en;
};

/*
 * The reference data of one worker, loaded once per connection
 * (process lifetime: malloc'd, freed by taxonomy_free).
 */
struct taxonomy {
	struct taxon	*items[TAX__MAX];	/* in display order */
	size_t		 n[TAX__MAX];
	int		 maxid[TAX__MAX];
	int		*index[TAX__MAX];	/* id -> position, or -1 */
};

extern const char *const tax_param[TAX__MAX];	/* "theme", "district"... */
extern const char *const tax_label[TAX__MAX];	/* Ukrainian facet names */

int		 db_taxonomy_load(struct db *, struct arena *, struct taxonomy *);
void		 taxonomy_free(struct taxonomy *);
/* Position of a slug in a vocabulary, or -1. */
int		 taxonomy_find(const struct taxonomy *, enum tax_kind,
		    const char *slug, size_t len);

/*
 * The reference data a worker keeps, read again on a new database
 * connection (a reconnect may mean a restored database) and when
 * listing_version.taxonomy changes (a unit created or renamed, migration
 * 090: one primary-key read per request).  A program whose worker state
 * begins with a struct tax_state can use the tax_check_* slug checks below
 * as PARAM_CUSTOM rules: the validator hands them that state as ctx.
 */
struct tax_state {
	struct taxonomy		 tax;
	int			 loaded;
	unsigned		 gen;
	unsigned long long	 version, latest;	/* loaded, last read */
};

/* Whether the state must be (re)loaded: 1 yes, 0 no, -1 database error. */
int		 tax_state_stale(struct tax_state *, struct db *,
		    struct arena *);
/* (Re)loads it, at the version tax_state_stale() read: 1 or -1. */
int		 tax_state_load(struct tax_state *, struct db *,
		    struct arena *);
/* Both: 0 when current, 1 when (re)loaded now, -1 on a database error. */
int		 tax_state_refresh(struct tax_state *, struct db *,
		    struct arena *);
void		 tax_state_free(struct tax_state *);
int		 tax_check_theme(void *, const char *, size_t, long long *);
int		 tax_check_district(void *, const char *, size_t, long long *);
int		 tax_check_format(void *, const char *, size_t, long long *);
int		 tax_check_group(void *, const char *, size_t, long long *);
int		 tax_check_unit(void *, const char *, size_t, long long *);
/*
 * The five vocabulary filters as parameter rules (struct param_rule rows,
 * in tax_kind order), the same wherever a listing's filters are taken:
 * the listing, the API, a subscription and its page.
 */
#define TAX_FILTER_RULES \
	{ "theme", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, \
	    tax_check_theme }, \
	{ "district", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, \
	    tax_check_district }, \
	{ "format", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, \
	    tax_check_format }, \
	{ "group", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, \
	    tax_check_group }, \
	{ "unit", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, tax_check_unit }
/* Position of an id, or -1. */
int		 taxonomy_pos(const struct taxonomy *, enum tax_kind, int id);

struct listing;

/* listing_version.version; 0 or -1. */
int		 db_listing_version(struct db *, struct arena *,
		    unsigned long long *);
/* Loads every public consultation into the index (listing.h). */
int		 db_listing_load(struct db *, struct arena *, struct listing *,
		    const struct taxonomy *);
/*
 * Ids of public consultations matching a FULLTEXT boolean query (see
 * search.h), into an arena array; 0 or -1.
 */
int		 db_consultation_search(struct db *, struct arena *,
		    const char *boolean_query, uint32_t **ids, size_t *n);

/* One consultation as the detail page shows it (strings in the arena). */
struct consultation {
	uint32_t	 id;
	const char	*slug, *title, *summary, *body;
	const char	*unit_slug, *unit_name;
	const char	*format_slug, *format_name, *format_mode;
	const char	*status, *moderation;
	time_t		 opens, closes, closed_at, published, completed;
	time_t		 cancelled, event_at, updated;
	time_t		 archived;	/* imported from the archive, or 0 */
	const char	*archive_ref;	/* its reference there, or "" */
	const char	*event_place, *question, *alternatives, *stakeholders;
	const char	*consequences, *how_to_participate, *contact_name;
	const char	*contact_email, *contact_phone, *results_publication;
	const char	*close_reason, *cancel_reason;
	long long	 comments;	/* published, both kinds */
	long long	 proposals;	/* published proposals */
};

/* A (slug, name) pair for the themes, districts and groups of one. */
struct named {
	const char	*slug;
	const char	*name;
};

struct document {
	const char	*title, *url, *file_hash, *file_name, *mime_type;
	long long	 size;
};

struct report {
	const char	*summary;	/* Markdown */
	time_t		 published;	/* 0 = not published */
};

/* A published comment or proposal, with its official answer if any. */
struct comment {
	uint32_t	 id, parent_id;
	const char	*kind, *author_name, *organisation, *body;
	time_t		 created;
	const char	*decision, *reason;	/* NULL when unanswered */
	time_t		 answered;
};

/* 1 found, 0 not found (or a draft), -1 error. */
int		 db_consultation_get(struct db *, struct arena *, uint32_t id,
		    struct consultation *);
/*
 * What a cached detail page is checked against: the version its writes
 * bump (sql/migrations/050), the slug, and the dates its status follows.
 */
struct consultation_stamp {
	unsigned long long	 version;
	const char		*slug, *status;
	time_t			 opens, closes, closed_at;
};

/* 1 found, 0 not found (or a draft), -1 error. */
int		 db_consultation_stamp(struct db *, struct arena *,
		    uint32_t id, struct consultation_stamp *);
/* kind: TAX_THEME, TAX_DISTRICT or TAX_GROUP. */
int		 db_consultation_terms(struct db *, struct arena *, uint32_t id,
		    int kind, struct named **, size_t *n);
/*
 * Themes, districts and groups of one at once (one round trip): out[k] and
 * n[k] for TAX_THEME, TAX_DISTRICT and TAX_GROUP, the others empty.
 */
int		 db_consultation_terms_all(struct db *, struct arena *,
		    uint32_t id, struct named *out[TAX__MAX],
		    size_t n[TAX__MAX]);
int		 db_document_list(struct db *, struct arena *, uint32_t id,
		    struct document **, size_t *n);
/* 1 with a report, 0 without, -1 error. */
int		 db_report_get(struct db *, struct arena *, uint32_t id,
		    struct report *);
/* Published comments, oldest first, a page at a time. */
int		 db_comment_page(struct db *, struct arena *, uint32_t id,
		    size_t offset, size_t limit, struct comment **, size_t *n);
struct comment_counts {
	long long	 comments;	/* published, kind comment */
	long long	 proposals;	/* published, kind proposal */
};

/* Distinct e-mails among the published comments (the report's count). */
int		 db_comment_participants(struct db *, struct arena *,
		    uint32_t id, long long *);
/* Every published proposal with its answer, for the report table. */
int		 db_proposal_list(struct db *, struct arena *, uint32_t id,
		    struct comment **, size_t *n);

/* A submission to store (strings need not be NUL-terminated). */
struct submission {
	uint32_t	 consultation_id;
	const char	*kind;		/* "comment" or "proposal" */
	const char	*name, *email, *organisation, *body;
	size_t		 name_len, email_len, org_len, body_len;
	const char	*status;	/* "published", "pending" or "spam" */
	unsigned char	 client_hash[32];
	unsigned char	 key[32];	/* submit_key(): one row per key */
	int		 notify_author;	/* mail the answer and the report */
};

/* A stored submission as its receipt shows it. */
struct receipt {
	uint32_t	 id, consultation_id;
	const char	*kind, *name, *organisation, *body, *status;
	time_t		 created;
};

/*
 * Stores a submission.  1 stored (*id set), 0 when one with the same key
 * exists (*id is that one: a double submission), -1 on error.
 */
int		 db_submission_add(struct db *, struct arena *,
		    const struct submission *, uint32_t *id);
/* The submission with that key: 1 (*id set), 0 none, -1 error. */
int		 db_submission_find(struct db *, struct arena *,
		    const unsigned char key[32], uint32_t *id);
/* Submissions from a client hash in the last minute and the last hour. */
int		 db_submission_rate(struct db *, struct arena *,
		    const unsigned char hash[32], long long *minute,
		    long long *hour);
/* Published comments of a consultation before comment id (its position). */
int		 db_comment_position(struct db *, struct arena *,
		    uint32_t consultation, uint32_t id, long long *before);
/* 1 found, 0 not, -1 error. */
int		 db_receipt_get(struct db *, struct arena *, uint32_t id,
		    struct receipt *);

/* Whether the database answers (for /healthz). 0 or -1. */
int		 db_health_check(struct db *, struct arena *);

/* The place of each public in-person meeting at or after since, by id. */
struct event_place {
	uint32_t	 id;
	const char	*place;
};
int		 db_event_places(struct db *, struct arena *, time_t since,
		    struct event_place **, size_t *);

/*
 * One consultation's summary for the efficiency indicators (080_stats.sql);
 * unit and format are taxonomy positions, times 0 when not recorded.
 */
struct stats_row {
	uint32_t	 id;
	int		 unit, format;
	uint8_t		 stored;	/* enum cstatus as stored */
	time_t		 opens, ended;	/* ended: when accepting ended */
	unsigned	 comments, proposals, participants;
	unsigned	 answered, accepted;	/* published proposals */
	time_t		 last_answer, report;
	/* 110_stats_agenda.sql: first public in a published plan (0: never)
	 * and announced (published, else opens). */
	time_t		 agenda, announced;
};
/* Rows (not draft, not cancelled) whose accepting ended in [from, to). */
int		 db_stats_rows(struct db *, struct arena *,
		    const struct taxonomy *, time_t from, time_t to,
		    struct stats_row **, size_t *);
/*
 * Titles of the first 200 whose report is late or missing, ended in
 * [from, to), of one unit (its id) or of all (0), by end then id.
 */
struct stats_title {
	uint32_t	 id;
	const char	*title;
	uint32_t	 item;		/* the agenda topic (agenda titles) */
	int		 year;		/* of its plan */
};
int		 db_stats_late_titles(struct db *, struct arena *, time_t from,
		    time_t to, int unit_id, struct stats_title **, size_t *);
/*
 * Titles of the first 200 held ones announced in the agenda beforehand
 * (110_stats_agenda.sql), ended in [from, to), of one unit (its id) or all
 * (0), by end then id, with the first topic that announced each.
 */
int		 db_stats_agenda_titles(struct db *, struct arena *, time_t from,
		    time_t to, int unit_id, struct stats_title **, size_t *);
/*
 * Participants of a period (distinct e-mails, 110_stats_agenda.sql): pkey
 * is year * 10 + quarter, or year * 10 for the year; unit_id 0 is the
 * city.  Counts first the consultations that have ended since the last
 * request (the refresh), then reads.
 */
struct stats_people {
	int		 unit_id;
	unsigned long	 participants;
};
int		 db_stats_people(struct db *, struct arena *, int pkey,
		    struct stats_people **, size_t *);
/*
 * What a kept indicators page depends on (115_stats_version.sql): the sum
 * of the summary rows' counters, listing_version.version (titles, units,
 * deletions), and until, the first moment after now at which the clock
 * alone changes a figure (an end of accepting, a report deadline), 0 when
 * none is ahead.  0 or -1.
 */
struct stats_state {
	unsigned long long	 version, listing;
	time_t			 until;
};
int		 db_stats_state(struct db *, struct arena *, time_t now,
		    struct stats_state *);
/*
 * Per quarter [bounds[k], bounds[k + 1]) of eight, leaving out what ended
 * in [from, to): held, reports due, reports on time; of one unit (its id)
 * or all (0).
 */
int		 db_stats_quarters(struct db *, struct arena *,
		    const time_t bounds[9], time_t from, time_t to, int unit_id,
		    unsigned out[8][3]);

#endif /* HROMADA_MODEL_H */
