/*
 * The admin's work on participation (DBF_MODERATION, lib/db_moderation.c):
 * the moderation queue, answers to proposals, the results report and the
 * dashboard's counts.  Unit filters take 0 for "every unit".  Strings are
 * from the arena; 1 found / 0 not found, 0 done, -1 database error.
 */
#ifndef HROMADA_DB_MODERATION_H
#define HROMADA_DB_MODERATION_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "arena.h"

struct db;

/* What the checks need of a consultation, drafts included. */
struct cbrief {
	uint32_t	 id, unit_id;
	const char	*title, *status, *slug;
	time_t		 opens, closes, closed_at;
};

/* What the checks need of a comment. */
struct mbrief {
	uint32_t	 id, consultation_id, unit_id;
	const char	*status, *kind;
};

/* A comment awaiting moderation, or a proposal for answering. */
struct mrow {
	uint32_t	 id, consultation_id;
	const char	*consultation_title, *unit_name, *kind;
	const char	*author_name, *author_email, *organisation, *body;
	time_t		 created;
	const char	*decision, *reason, *answered_by;	/* or NULL */
	time_t		 answered;
};

int	db_cbrief_get(struct db *, struct arena *, uint32_t id,
	    struct cbrief *);
int	db_mbrief_get(struct db *, struct arena *, uint32_t id,
	    struct mbrief *);

#define QUEUE_PAGE	30

int	db_queue_list(struct db *, struct arena *, uint32_t consultation,
	    uint32_t unit, struct mrow **, size_t *n, long long *total);
/* status: published, rejected or spam; reason NULL unless rejected. */
int	db_comment_moderate(struct db *, struct arena *, uint32_t id,
	    const char *status, const char *reason, uint32_t by);

/* Published proposals of a consultation, with their answers. */
int	db_answer_list(struct db *, struct arena *, uint32_t consultation,
	    struct mrow **, size_t *n);
/* The answer to a proposal: 1 (decision, reason), 0 none. */
int	db_answer_get(struct db *, struct arena *, uint32_t comment,
	    const char **decision, const char **reason);
int	db_answer_set(struct db *, struct arena *, uint32_t comment,
	    const char *decision, const char *reason, size_t rlen,
	    uint32_t by);
/* Published proposals of a consultation still without an answer. */
int	db_unanswered_count(struct db *, struct arena *, uint32_t consultation,
	    long long *);

/* The report, published or not: 1 (summary, published or 0), 0 none. */
int	db_report_draft(struct db *, struct arena *, uint32_t consultation,
	    const char **summary, time_t *published);
int	db_report_save(struct db *, struct arena *, uint32_t consultation,
	    const char *summary, size_t len, uint32_t by);
/* Publishes the report and completes the consultation. */
int	db_report_publish(struct db *, struct arena *, uint32_t consultation,
	    uint32_t by);

struct dash {
	long long	 pending, pending_old, unanswered;
};

/* A consultation whose report is due or late. */
struct due {
	uint32_t	 id;
	const char	*title;
	time_t		 end;
};

int	db_dash_counts(struct db *, struct arena *, uint32_t unit,
	    struct dash *);
int	db_dash_due(struct db *, struct arena *, uint32_t unit,
	    struct due **, size_t *n);

#endif /* HROMADA_DB_MODERATION_H */
