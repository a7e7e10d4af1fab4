/*
 * The comment and proposal form: its declared fields, the checks that need
 * more than a rule (the text's length, links), and filling its include
 * (templates/comment_form.tpl) fresh or with what the person sent and the
 * errors next to each field.  The detail page shows it fresh; the comment
 * program shows it back after any refusal.
 */
#ifndef HROMADA_COMMENT_FORM_H
#define HROMADA_COMMENT_FORM_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "http.h"
#include "tpl.h"
#include "valid.h"

#define COMMENT_TEXT_MAX	5000	/* code points */
#define COMMENT_LINKS_MAX	3	/* more goes to moderation */

/* The fields, in the order of comment_rules[]; CF_REF is the path. */
enum cf {
	CF_REF,
	CF_KIND,
	CF_NAME,
	CF_EMAIL,
	CF_ORG,
	CF_TEXT,
	CF_CONSENT,
	CF_NOTIFY,	/* "yes": mail me the answer and the report */
	CF_TOKEN,
	CF_WEBSITE,	/* the honeypot: people never see it */
	CF__MAX
};

extern const struct param_rule comment_rules[CF__MAX];

/* What a form token of this form is bound to: "comment" and the id. */
#define COMMENT_TOKEN_PURPOSE	"comment"

/* URLs (http://, https://, www.) in a text. */
size_t	comment_count_links(const char *s, size_t len);

/* CRLF and lone CR as LF, in the arena (what is stored and hashed). */
char	*comment_normalise(struct arena *, const char *s, size_t len,
	    size_t *outlen);

/*
 * Adds the COMMENT_FORM include to d for consultation id of unit.  With r
 * NULL the form is fresh; otherwise it holds r's values, and every field of
 * r->params marked bad gets its error (the text's error says whether it was
 * cut).  message, if not NULL, is shown above the fields (role=alert).
 * closed: no button, the text kept only to be copied.
 */
int	comment_form_fill(struct tpl_dict *d, struct arena *, uint32_t id,
	    const char *unit_name, const struct request *r,
	    const char *message, int closed, time_t now);

#endif /* HROMADA_COMMENT_FORM_H */
