/*
 * Pages: every HTML page is the layout (layout.tpl) with the page's own
 * template included as CONTENT, and every error is the same layout with
 * error.tpl.  The content dictionary belongs to the page; values set on it
 * are escaped by the templates.
 */
#ifndef HROMADA_PAGE_H
#define HROMADA_PAGE_H

#include "http.h"
#include "tpl.h"

struct page {
	struct tpl_dict	*layout;
	struct tpl_dict	*content;
};

/* Starts a page: returns the content dictionary, or NULL. */
struct tpl_dict	*page_begin(struct page *, const char *content_tpl,
		    const char *title, const char *nav);
/*
 * Renders the page into resp (status 200 unless already set) and frees the
 * dictionaries.  0, or -1 (dictionaries freed all the same).
 */
int		 page_finish(struct page *, struct response *);
/* Frees a page that will not be rendered (NULL-safe fields). */
void		 page_abort(struct page *);

/*
 * Fills resp with the error page for status, with resp->message (or the
 * default for the status) and resp->detail.  Falls back to plain text if
 * the templates fail.  Adds Retry-After to 503 and 429.
 */
void		 page_error(struct response *, int status);

/* The default Ukrainian message for an error status. */
const char	*page_error_message(int status);

#endif /* HROMADA_PAGE_H */
