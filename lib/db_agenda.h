/*
 * The unified agenda (DBF_AGENDA, lib/db_agenda.c): the yearly plan of
 * consultation topics, residents' proposals of topics, the plan's
 * publication.  Read by the agenda program (public) and written by it
 * (proposals) and by the admin (cgi-bin/admin_agenda.c).  Strings are from
 * the arena; 1 found / 0 not found, 0 done, -1 database error (logged).
 */
#ifndef HROMADA_DB_AGENDA_H
#define HROMADA_DB_AGENDA_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "arena.h"

struct db;

/* One topic of the plan, as the pages show it ("" for what is missing). */
struct agenda_item {
	uint32_t	 id, unit_id, consultation_id;
	int		 year, quarter;
	const char	*topic, *description, *status, *reason;
	const char	*unit_slug, *unit_name, *format_slug, *format_name;
	const char	*proposer_name, *proposer_email, *proposer_org;
	const char	*consultation_slug, *consultation_title;
	time_t		 created, decided;
};

/* A theme or district of a topic. */
struct agenda_link {
	uint32_t	 item;
	int		 id;
	const char	*slug, *name;
};

/* A choice of a form: a unit, format, theme or district. */
struct agenda_term {
	int		 id;
	const char	*slug, *name;
};

enum agenda_term_kind {
	AGT_UNIT,
	AGT_FORMAT,
	AGT_THEME,
	AGT_DISTRICT,
	AGT__MAX
};

/* A topic to store, from a resident's form or an editor's. */
struct agenda_write {
	int		 year, quarter;
	const char	*topic, *description;
	size_t		 topic_len, description_len;
	uint32_t	 unit_id;
	int		 format_id;		/* 0: not decided */
	const char	*status;
	uint32_t	 consultation_id;	/* 0: none */
	const char	*reason;		/* NULL: none */
	size_t		 reason_len;
	/* A resident's proposal (name NULL for an editor's topic). */
	const char	*name, *email, *org;
	size_t		 name_len, email_len, org_len;
	const unsigned char *client_hash, *key;	/* 32 bytes each */
	uint32_t	 user_id;		/* 0: a resident */
};

/* When a year's plan was published: 1 (*at 0 when not yet), 0 no plan. */
int	db_agenda_plan_get(struct db *, struct arena *, int year, time_t *at);
/* Years that have a plan (published or not), ascending. */
int	db_agenda_years(struct db *, struct arena *, int **years, size_t *n);
/* Publishes a year's plan (the first date stays); 0 or -1. */
int	db_agenda_publish(struct db *, struct arena *, int year,
	    uint32_t user_id);

/*
 * The topics of a year in quarter order.  public: only planned, scheduled,
 * held and declined, and only published consultations are linked; else
 * every status but spam, of unit (0: every unit).
 */
int	db_agenda_list(struct db *, struct arena *, int year, int public,
	    uint32_t unit, struct agenda_item **, size_t *n);
/* Themes (AGT_THEME) or districts (AGT_DISTRICT) of a year's topics, or of
 * one topic (item not 0), by topic. */
int	db_agenda_links(struct db *, struct arena *, enum agenda_term_kind,
	    int year, uint32_t item, struct agenda_link **, size_t *n);
/* Proposals of a year awaiting the unit's decision. */
int	db_agenda_pending(struct db *, struct arena *, int year,
	    long long *n);
/* Any topic by id (spam included), with the proposer's e-mail. */
int	db_agenda_get(struct db *, struct arena *, uint32_t id,
	    struct agenda_item *);

/*
 * The topic of an outbox row of kind 'agenda' (the decision's e-mail to
 * the proposer, queued by 110_stats_agenda.sql): 1, 0 (gone), -1.
 */
int	db_agenda_outbox(struct db *, struct arena *, uint64_t outbox_id,
	    struct agenda_item *);

/* A form's choices, in display order. */
int	db_agenda_terms(struct db *, struct arena *, enum agenda_term_kind,
	    struct agenda_term **, size_t *n);

/*
 * Stores a topic.  1 stored (*id), 0 a proposal with the same key exists
 * (*id is that one), -1 error.
 */
int	db_agenda_add(struct db *, struct arena *, const struct agenda_write *,
	    uint32_t *id);
/* Replaces what an editor edits of a topic (not the proposer). */
int	db_agenda_update(struct db *, struct arena *, uint32_t id,
	    const struct agenda_write *);
/* Accepts ("planned") or declines a proposed topic; 1 done, 0 when it is no
 * longer proposed, -1. */
int	db_agenda_decide(struct db *, struct arena *, uint32_t id,
	    const char *status, const char *reason, size_t reason_len,
	    uint32_t user_id);
/* Adds a theme or district to a topic (the public program's: it may not
 * delete). */
int	db_agenda_add_link(struct db *, struct arena *, enum agenda_term_kind,
	    uint32_t item, int id);
/* Replaces a topic's themes or districts by these ids (the admin's). */
int	db_agenda_set_links(struct db *, struct arena *, enum agenda_term_kind,
	    uint32_t item, const int *ids, size_t n);
/* Proposals from a client hash in the last minute and the last hour. */
int	db_agenda_rate(struct db *, struct arena *, const unsigned char h[32],
	    long long *minute, long long *hour);

#endif /* HROMADA_DB_AGENDA_H */
