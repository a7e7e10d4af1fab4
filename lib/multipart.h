/*
 * A bounded multipart/form-data parser (RFC 7578 over RFC 2046), for the
 * admin's uploads.  It works on a body that is already in memory (the
 * runner read it whole, bounded by its own limit) and copies nothing but
 * the part headers' values: a part's data points into the body.
 *
 * What it accepts: the boundary of the Content-Type (1 to 70 characters,
 * quoted or not); an optional preamble; parts separated by CRLF--boundary;
 * transport padding (spaces, tabs) after a delimiter; the close delimiter
 * --boundary--, then anything (the epilogue).  Each part's header block is
 * CRLF-separated lines up to an empty line, at most MP_HEADER_MAX bytes and
 * MP_HEADER_LINES lines; obs-fold (a continuation line) is refused.  A part
 * needs `Content-Disposition: form-data; name="..."`, optionally with
 * filename="..."; Content-Type is kept as sent.  Quoted values end at the
 * next '"' (browsers percent-encode '"', CR and LF in names and never
 * escape '\\', so "C:\\x\\y.pdf" from an old browser stays as sent).
 * Names and file names must be valid text (utf8_valid) without CR/LF and
 * the name non-empty; unknown parameters (filename*) are ignored.
 */
#ifndef HROMADA_MULTIPART_H
#define HROMADA_MULTIPART_H

#include <stddef.h>

#include "arena.h"

#define MP_BOUNDARY_MAX	70	/* RFC 2046 */
#define MP_HEADER_MAX	8192	/* bytes of one part's header block */
#define MP_HEADER_LINES	16	/* header lines of one part */
#define MP_VALUE_MAX	1024	/* bytes of a name, file name or type */

struct mp_part {
	const char	*name;		/* the field's name (arena) */
	const char	*filename;	/* NULL: a text field; may be "" */
	const char	*content_type;	/* NULL when the part had none */
	const char	*data;		/* into the body; not NUL-terminated */
	size_t		 len;
};

enum mp_error {
	MP_OK = 0,
	MP_ERR_SYNTAX,		/* not well-formed multipart/form-data */
	MP_ERR_TOO_MANY,	/* more parts than the caller allows */
	MP_ERR_NOMEM		/* the arena refused */
};

/*
 * The boundary of a Content-Type value "multipart/form-data; boundary=..."
 * (type and parameter names case-insensitive, the value a token or a
 * quoted string of RFC 2046 bchars).  Copies it NUL-terminated into out
 * (MP_BOUNDARY_MAX + 1 bytes) and returns its length, or -1 when the type
 * is not multipart/form-data or the boundary is missing or malformed.
 */
int	mp_boundary(const char *content_type, char *out);

/*
 * Splits body[0..len) into at most maxparts parts, filling parts[] and
 * *nparts.  Strings come from the arena, data points into body.  On an
 * error *nparts says how many parts were complete (their values are
 * usable, but callers should refuse the request).
 */
enum mp_error mp_parse(struct arena *, const char *body, size_t len,
	    const char *boundary, struct mp_part *parts, size_t maxparts,
	    size_t *nparts);

#endif /* HROMADA_MULTIPART_H */
