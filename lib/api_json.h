/*
 * A JSON writer for the API's largest answers (the listing): values are
 * written straight into one growing buffer, with no tree of objects to
 * build and free (jansson's per-member allocations were most of the JSON
 * listing's time).  Commas are placed by the writer: before a value or a
 * key unless it follows "{", "[" or ":".  Strings are escaped as RFC 8259
 * requires (the quote, the backslash and the controls below U+0020); they
 * must be valid UTF-8 already (they come from the database, whose text was
 * checked on the way in).
 *
 * The buffer is malloc'd: jw_finish() hands it to the caller (a response
 * body) or jw_free() drops it.  A failed allocation makes every later call
 * a no-op and jw_finish() return NULL.
 */
#ifndef HROMADA_API_JSON_H
#define HROMADA_API_JSON_H

#include <stddef.h>
#include <time.h>

struct jw {
	char	*buf;
	size_t	 len, cap;
	int	 failed;
};

void	 jw_init(struct jw *, size_t hint);
void	 jw_open(struct jw *, char c);		/* '{' or '[' */
void	 jw_close(struct jw *, char c);		/* '}' or ']' */
void	 jw_key(struct jw *, const char *key);	/* plain ASCII, no escape */
void	 jw_str(struct jw *, const char *s);	/* NULL: null */
void	 jw_text(struct jw *, const char *s);	/* NULL or "": null */
void	 jw_int(struct jw *, long long);
void	 jw_bool(struct jw *, int);
void	 jw_null(struct jw *);
void	 jw_time(struct jw *, time_t);		/* ISO 8601, 0: null */
/* The bytes (NUL-terminated, *len without it), or NULL after a failure. */
char	*jw_finish(struct jw *, size_t *len);
void	 jw_free(struct jw *);

#endif /* HROMADA_API_JSON_H */
