/*
 * CSV (RFC 4180) for the open data: a writer that streams records to a
 * FILE, and a reader of one record at a time from a buffer, for the
 * archive's import.
 *
 * The writer quotes a field when it holds a comma, a quote, CR or LF
 * (quotes doubled), ends records with CRLF, and keeps spreadsheets from
 * running what residents wrote: a text field starting with = + - @, tab or
 * CR gets a leading apostrophe (OWASP's "CSV injection" advice), so
 * "=HYPERLINK(...)" shows as text.  Numbers and dates the exporter formats
 * itself are written as they are (a negative number stays a number).
 */
#ifndef HROMADA_CSV_H
#define HROMADA_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "arena.h"

struct csv_out {
	FILE			*f;	/* borrowed */
	int			 first;	/* no field yet in this record */
	unsigned long long	 records; /* ended records, header included */
};

void	 csv_out_init(struct csv_out *, FILE *);
/* A text field: quoted when needed, neutralised when formula-like. */
void	 csv_text(struct csv_out *, const char *s, size_t len);
/* A field written verbatim (numbers, ISO dates): quoted only if needed. */
void	 csv_raw(struct csv_out *, const char *s);
/* Ends the record (CRLF). */
void	 csv_end(struct csv_out *);

/* Whether a text field would be prefixed (exposed for the tests). */
int	 csv_formula_like(const char *s, size_t len);

/* A reader over a buffer the caller keeps for the reader's lifetime. */
struct csv_in {
	const char	*p, *end;
	unsigned long	 line;		/* physical line of the next record */
};

/* Starts reading buf; skips a UTF-8 byte order mark. */
void	 csv_in_init(struct csv_in *, const char *buf, size_t len);

/*
 * Reads the next record.  Returns 1 with *fields (n of them, each a
 * NUL-terminated copy in the arena) and *line (the physical line the record
 * starts on, from 1); 0 at the end of the buffer; -1 on a malformed record
 * with *err (a static Ukrainian message) and *line set, after skipping to
 * the next line so that the caller can go on and report every problem.
 * A record of only an empty line is skipped.  Fields with a NUL byte are
 * malformed.  At most maxfields fields (more is an error).
 */
int	 csv_read(struct csv_in *, struct arena *, char ***fields, size_t *n,
	    size_t maxfields, unsigned long *line, const char **err);

#endif /* HROMADA_CSV_H */
