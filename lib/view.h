/*
 * Pieces of pages shared by several programs, filled to the dictionary
 * contract of templates/README.md: a consultation card, the pager,
 * multi-paragraph text.  They set raw text (escaping is the templates') and
 * allocate from the request's arena.
 */
#ifndef HROMADA_VIEW_H
#define HROMADA_VIEW_H

#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "lifecycle.h"
#include "listing.h"
#include "tpl.h"

/* Comments a detail page shows at a time. */
#define COMMENTS_PER_PAGE	50

/* Adds a CARD include (card.tpl) for a listing row to d. */
void		 view_card(struct tpl_dict *d, struct arena *,
		    const struct listing *, const struct listing_row *,
		    time_t now);

/* "/consultations/123-slug" */
const char	*view_href(struct arena *, unsigned id, const char *slug);

/*
 * Adds the PAGER include (pager.tpl) to d when pages > 1.  base is a path
 * with or without a query, to which "page=N" is added; fragment (or NULL)
 * is appended to every link.
 */
void		 view_pager(struct tpl_dict *d, struct arena *,
		    const char *base, size_t page, size_t pages,
		    const char *fragment);

/*
 * Adds section `section` with one PARA (PARA_TEXT) per paragraph of text:
 * CRLF and CR become LF, blank lines split paragraphs, each is trimmed.
 * Nothing is added for empty text.
 */
void		 view_paras(struct tpl_dict *d, const char *section,
		    const char *text);

/* "1 234 консультації": the count formatted, with its plural noun. */
const char	*view_count(struct arena *, long long n, const char *one,
		    const char *few, const char *many);

/* Sets KEY_ISO and KEY_TEXT (date only) for a time. */
void		 view_date(struct tpl_dict *, const char *prefix, time_t);

#endif /* HROMADA_VIEW_H */
