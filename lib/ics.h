/*
 * An iCalendar (RFC 5545) writer: content lines with TEXT escaping and
 * folding at 75 octets that never splits a UTF-8 sequence.  The buffer
 * grows with malloc up to ICS_MAX; past it (or out of memory) the writer
 * stops and ics_finish() says so, so a calendar is whole or not sent.
 */
#ifndef HROMADA_ICS_H
#define HROMADA_ICS_H

#include <stddef.h>
#include <time.h>

#define ICS_MAX		(8u * 1024 * 1024)
#define ICS_FOLD	75		/* octets a line, CRLF not counted */

struct ics {
	char	*buf;
	size_t	 len, cap;
	int	 err;
};

void	 ics_init(struct ics *);
/* name:value, value as TEXT (backslash, semicolon, comma, newline escaped). */
void	 ics_text(struct ics *, const char *name, const char *value);
/* name:value, value already in its property's syntax (dates, URIs, enums). */
void	 ics_raw(struct ics *, const char *name, const char *value);
/* name:YYYYMMDDTHHMMSSZ. */
void	 ics_utc(struct ics *, const char *name, time_t);
/*
 * The buffer (the caller frees it) and its length; -1 (nothing to free)
 * when a limit or malloc failed along the way.
 */
int	 ics_finish(struct ics *, char **out, size_t *len);
void	 ics_free(struct ics *);

#endif /* HROMADA_ICS_H */
