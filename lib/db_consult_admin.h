/*
 * SQL of the admin's consultation editor (issue 5): the full row of a
 * consultation, drafts included, with its themes, districts and groups;
 * the staff list with the public filters plus drafts; create, save (the
 * caller wraps the row and its link tables in db_begin/db_commit), publish,
 * close early and cancel.  Times are Unix seconds (the session's time zone
 * is UTC; the programs convert to city time).  Strings are from the arena.
 */
#ifndef HROMADA_DB_CONSULT_ADMIN_H
#define HROMADA_DB_CONSULT_ADMIN_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "arena.h"

struct db;

/* Reference vocabularies the editor offers. */
enum cref_kind {
	CREF_THEME,
	CREF_DISTRICT,
	CREF_FORMAT,
	CREF_GROUP,
	CREF_UNIT,
	CREF__MAX
};

struct cref_item {
	uint32_t	 id;
	const char	*slug, *name, *mode;	/* mode: formats only */
};

struct cref {
	struct cref_item	*items[CREF__MAX];
	size_t			 n[CREF__MAX];
};

int	db_cref_load(struct db *, struct arena *, struct cref *);
/* The item with an id, or NULL. */
const struct cref_item *cref_find(const struct cref *, enum cref_kind,
	    uint32_t id);
const struct cref_item *cref_slug(const struct cref *, enum cref_kind,
	    const char *slug);

#define CTERMS_MAX	64

/* Every column a clerk writes, and the facts the lifecycle records. */
struct crow {
	uint32_t	 id, unit_id, format_id;
	const char	*slug, *title, *summary, *body, *question;
	const char	*alternatives, *stakeholders, *consequences, *how;
	const char	*contact_name, *contact_email, *contact_phone;
	const char	*results, *moderation, *event_place, *status;
	const char	*unit_name, *format_name, *format_slug, *format_mode;
	const char	*close_reason, *cancel_reason;
	time_t		 opens, closes, event_at, published, closed_at;
	time_t		 cancelled, completed;
	/* Link tables: ids, ascending. */
	uint32_t	 themes[CTERMS_MAX], districts[CTERMS_MAX];
	uint32_t	 groups[CTERMS_MAX];
	size_t		 nthemes, ndistricts, ngroups;
};

/* 1 found (with its terms), 0 none, -1 error. */
int	db_crow_get(struct db *, struct arena *, uint32_t id, struct crow *);
/* A new draft from c (id set on success); 0 or -1.  by: the user. */
int	db_crow_insert(struct db *, struct arena *, struct crow *,
	    uint32_t by);
/* Writes c's columns and replaces its terms; 0 or -1. */
int	db_crow_update(struct db *, struct arena *, const struct crow *,
	    uint32_t by);
/* Draft to announced, published_at now; 1 done, 0 not a draft, -1. */
int	db_crow_publish(struct db *, struct arena *, uint32_t id, uint32_t by);
int	db_crow_close(struct db *, struct arena *, uint32_t id,
	    const char *reason, uint32_t by);
int	db_crow_cancel(struct db *, struct arena *, uint32_t id,
	    const char *reason, uint32_t by);

/* The staff list's filters; 0 / "" / NULL: any. */
struct cfilter {
	const char	*status;	/* draft, announced, open, ... */
	const char	*theme, *district, *format, *group, *unit;
	const char	*q;		/* in the title */
	uint32_t	 scope;		/* an editor's unit */
	size_t		 page;		/* from 1 */
};

#define CLIST_PAGE	30

struct clist_row {
	uint32_t	 id;
	const char	*slug, *title, *status, *unit_name, *format_name;
	time_t		 opens, closes, closed_at;
};

int	db_clist(struct db *, struct arena *, const struct cfilter *,
	    struct clist_row **, size_t *n, long long *total);

#endif /* HROMADA_DB_CONSULT_ADMIN_H */
