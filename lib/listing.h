/*
 * The listing index: every public consultation's facets, dates and card
 * text held in each worker's memory, so that a filtered listing with facet
 * counts under the other active filters is bitset arithmetic instead of a
 * dozen GROUP BY queries.  The database stays the source of truth: the
 * index is rebuilt when listing_version changes (triggers bump it) and at
 * least every LISTING_MAX_AGE seconds (comment counts).
 *
 * Process lifetime: listing_load() allocates with malloc, listing_free()
 * releases.  listing_search() allocates its answer from the arena.
 *
 * Memory (each worker holds one index; DESIGN.md section 7 gives a worker
 * 16 MB): the rows are read from a streamed result (no client-side copy of
 * the whole set), the old index is freed before the new one is built (a
 * failed rebuild answers 503 and the next request tries again), the card
 * texts are packed into large chunks rather than three allocations a row,
 * and the freed heap is handed back to the system after a rebuild.
 */
#ifndef HROMADA_LISTING_H
#define HROMADA_LISTING_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "arena.h"
#include "lifecycle.h"
#include "model.h"

#define LISTING_MAX_AGE		60
#define LISTING_LINKS_MAX	8	/* themes/districts/groups per row */

/* Facets: the five vocabularies, then the status. */
enum facet {
	FACET_THEME = TAX_THEME,
	FACET_DISTRICT = TAX_DISTRICT,
	FACET_FORMAT = TAX_FORMAT,
	FACET_GROUP = TAX_GROUP,
	FACET_UNIT = TAX_UNIT,
	FACET_STATUS = TAX__MAX,
	FACET__MAX
};

enum listing_sort {
	SORT_NEW,
	SORT_CLOSING,
	SORT_POPULAR,
	SORT_OPENING,		/* internal: opens soonest first */
	SORT_COMPLETED,		/* internal: latest report first */
	SORT__MAX
};

extern const char *const listing_sort_slug[SORT__MAX];

struct listing_row {
	uint32_t	 id;
	const char	*slug;
	const char	*title;
	const char	*summary;	/* the first few hundred characters */
	time_t		 opens, closes, closed_at, published;
	time_t		 completed;	/* completed, or cancelled, at */
	time_t		 event_at;
	uint32_t	 comments;	/* published */
	uint8_t		 stored;	/* enum cstatus as stored */
	uint8_t		 has_report;	/* a published report */
	int16_t		 unit, format;	/* taxonomy positions */
	uint8_t		 nlinks[3];	/* themes, districts, groups */
	uint8_t		 archived;	/* imported from the archive */
	int16_t		 links[3][LISTING_LINKS_MAX];
};

struct listing_text;

struct listing {
	struct listing_row	*rows;		/* by id ascending */
	size_t			 n;
	size_t			 cap;		/* rows allocated */
	struct listing_text	*text;		/* the rows' strings, packed */
	size_t			 words;		/* uint64_t per bitset */
	uint64_t		*bits[TAX__MAX];	/* value x words */
	uint32_t		*order[SORT__MAX];
	/* Each row's status by value (CS_*) from status_from to before
	 * status_until, when the first row opens or closes; see listing.c. */
	uint64_t		*status[CS__MAX];
	time_t			 status_from, status_until;
	unsigned long long	 version;
	time_t			 loaded;
	unsigned		 generation;	/* db_generation at load */
	const struct taxonomy	*tax;
};

struct listing_query {
	/* Selected values (taxonomy positions; statuses for FACET_STATUS). */
	int			 sel[FACET__MAX][32];
	size_t			 nsel[FACET__MAX];
	const uint64_t		*text;		/* rows matching q, or NULL */
	time_t			 from, to;	/* 0 = open-ended */
	int			 by_end;	/* from/to: when accepting ended */
	enum listing_sort	 sort;
	size_t			 offset, limit;
	time_t			 now;
};

struct listing_result {
	size_t		 total;
	const struct listing_row **rows;	/* limit entries at most */
	size_t		 n;
	unsigned	*count[FACET__MAX];	/* per value */
};

void	listing_init(struct listing *);
void	listing_free(struct listing *);

/*
 * Rebuilds the index when the database says it changed; 0 when current,
 * -1 when the database cannot be read (the old index is kept).
 */
/* Whether the index is the one for that listing_version, still young. */
int	listing_current(const struct listing *, const struct taxonomy *,
	    unsigned long long version, time_t now);
int	listing_refresh(struct listing *, const struct taxonomy *, struct db *,
	    struct arena *, time_t now);

/* A bitset (from the arena) of rows whose id is among ids[0..n). */
uint64_t *listing_bits_from_ids(const struct listing *, struct arena *,
	    const uint32_t *ids, size_t n);

/* Not const: the index keeps its rows' statuses between calls. */
int	listing_search(struct listing *, const struct listing_query *,
	    struct arena *, struct listing_result *);

/* The row with an id, or NULL. */
const struct listing_row *listing_row_find(const struct listing *, uint32_t);

/* Status of a row at now. */
enum cstatus listing_row_status(const struct listing_row *, time_t now);

/* Building blocks, used by the loader and by the unit tests. */
int	listing_begin(struct listing *, const struct taxonomy *, size_t nrows);
struct listing_row *listing_add(struct listing *, uint32_t id,
	    const char *slug, const char *title, const char *summary);
int	listing_link(struct listing *, uint32_t id, int kind, int pos);
int	listing_finish(struct listing *);

#endif /* HROMADA_LISTING_H */
