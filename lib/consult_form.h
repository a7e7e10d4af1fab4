/*
 * The consultation editor's rules that need no database (issue 5): the
 * fields of the announcement CMU Resolution 996 asks for, which of them a
 * draft needs and which publishing needs, dates typed in city time
 * (Europe/Kyiv, the process's TZ; the database keeps UTC), the 15-day rule
 * of electronic consultations, the time and place of in-person formats,
 * which lifecycle actions a status allows, and the slug of a title.
 *
 * cf_check() is the one place the rules are written: the admin's save and
 * publish both call it, so the page shows the same message for the same
 * mistake.  Messages are Ukrainian, static strings or from the arena.
 */
#ifndef HROMADA_CONSULT_FORM_H
#define HROMADA_CONSULT_FORM_H

#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "lifecycle.h"

enum cf_field {
	CF_TITLE,
	CF_SUMMARY,
	CF_BODY,		/* Markdown */
	CF_QUESTION,
	CF_ALTERNATIVES,
	CF_STAKEHOLDERS,
	CF_CONSEQUENCES,
	CF_HOW,			/* how_to_participate */
	CF_CONTACT_NAME,
	CF_CONTACT_EMAIL,
	CF_CONTACT_PHONE,
	CF_RESULTS,		/* results_publication */
	CF_FORMAT,
	CF_UNIT,
	CF_MODERATION,
	CF_OPENS,		/* "YYYY-MM-DDTHH:MM", city time */
	CF_CLOSES,
	CF_EVENT_AT,
	CF_EVENT_PLACE,
	CF_THEMES,
	CF_DISTRICTS,
	CF_GROUPS,
	CF__MAX
};

/* Lengths in code points (the columns' sizes, the body's promise). */
#define CF_TITLE_MAX	300
#define CF_TEXT_MAX	15000	/* TEXT columns: 65,535 bytes, 4 a code point */
#define CF_BODY_MAX	100000
#define CF_NAME_MAX	200
#define CF_EMAIL_MAX	254
#define CF_PHONE_MAX	40
#define CF_PLACE_MAX	300
#define CF_REASON_MAX	1000

/* The form's field names (the POST keys), by enum cf_field. */
extern const char *const cf_name[CF__MAX];

/* How a format is held (formats.mode). */
enum cf_mode {
	CF_MODE_NONE,		/* no format chosen */
	CF_MODE_ONLINE,
	CF_MODE_OFFLINE,	/* in person: time and place required */
	CF_MODE_MIXED
};

enum cf_mode	 cf_mode_parse(const char *);

/* What cf_check() looks at; text[] "" for absent, never NULL. */
struct cf_input {
	const char	*text[CF__MAX];
	int		 bad[CF__MAX];	/* refused by the route's rule */
	enum cf_mode	 mode;		/* of the chosen format */
	int		 electronic;	/* the format is e-consultation */
	size_t		 nthemes;
};

/* What cf_check() found: parsed dates (0 when absent) and messages. */
struct cf_result {
	time_t		 opens, closes, event_at;
	const char	*error[CF__MAX];	/* NULL: fine */
	size_t		 nerrors;
};

/*
 * Checks a consultation's fields: every present field's form, the dates'
 * order, the 15-day rule, an in-person format's time and place; with
 * publishing also every field the announcement must carry.  Returns the
 * number of errors.
 */
size_t		 cf_check(struct arena *, const struct cf_input *,
		    int publishing, struct cf_result *);

/*
 * "YYYY-MM-DDTHH:MM" (a ":SS" and a space for the T accepted) in city time
 * to Unix seconds; 0, or -1 when malformed, impossible (31 June) or a time
 * the clocks skip.
 */
int		 cf_parse_local(const char *, time_t *);
/* The same form from Unix seconds ("" for 0); returns buf (17 bytes). */
char		*cf_format_local(char *buf, size_t cap, time_t);
/* Whether closes is at least MIN_DURATION_DAYS calendar days after opens
 * (same clock time, in city time: a DST change does not count). */
int		 cf_long_enough(time_t opens, time_t closes);

/* What an editor may do to a consultation in a public status. */
enum cf_action {
	CFA_EDIT,
	CFA_PUBLISH,
	CFA_CLOSE,		/* close early */
	CFA_CANCEL,
	CFA__MAX
};

/*
 * Whether the lifecycle (DESIGN.md section 5) allows action in status st
 * (lifecycle_status()'s answer); when not, *why says so in Ukrainian.
 */
int		 cf_may(enum cstatus st, enum cf_action, const char **why);

/*
 * A URL slug from a title: Ukrainian transliterated (the national system
 * of 2010), lower-case ASCII letters, digits and single '-', at most 80
 * bytes cut at a word; "konsultatsiia" when nothing is left.  buf needs 81.
 */
char		*cf_slug(char *buf, size_t cap, const char *title);

#endif /* HROMADA_CONSULT_FORM_H */
