/*
 * Uploaded documents: what a file is (by its bytes, never by what the
 * browser said), whether its name is acceptable, and storing it by content
 * hash.  Used by the admin's documents page (cgi-bin/admin_docs.c).
 *
 * The public URL of an upload is /uploads/<sha256 hex>/<stored name>
 * (upload_href()); nginx maps it to <upload dir>/<first two hex>/<hex>,
 * takes the Content-Type from the name's extension (which upload_name()
 * made match the detected type) and the Content-Disposition's file name
 * from the URL, so no program is asked when a document is downloaded.
 */
#ifndef HROMADA_UPLOAD_H
#define HROMADA_UPLOAD_H

#include <stddef.h>

#include "arena.h"

#define UPLOAD_MAX		(20u * 1024 * 1024)	/* bytes of a file */
#define UPLOAD_NAME_MAX		200	/* bytes of a stored file name */
#define UPLOAD_HASH_LEN		64	/* SHA-256 in lower-case hex */

enum upload_type {
	UPLOAD_PDF,
	UPLOAD_DOCX,
	UPLOAD_XLSX,
	UPLOAD_ODT,
	UPLOAD_ODS,
	UPLOAD_PNG,
	UPLOAD_JPEG,
	UPLOAD__MAX		/* none of these */
};

struct upload_kind {
	const char	*ext;		/* the canonical extension */
	const char	*mime;		/* Content-Type nginx sends */
	const char	*label;		/* shown in lists */
};

extern const struct upload_kind upload_kinds[UPLOAD__MAX];

/*
 * The type of a file by its bytes: PDF ("%PDF-"), PNG and JPEG by their
 * signatures; a ZIP whose first entry is a stored "mimetype" holding the
 * OpenDocument text or spreadsheet type; a ZIP whose central directory
 * has [Content_Types].xml and word/document.xml (DOCX) or xl/workbook.xml
 * (XLSX).  UPLOAD__MAX for anything else, or a damaged ZIP.
 * XXX #5: old binary Office files (.xls, .doc: OLE2 compound files) are
 * not taken; telling them apart needs a reader of the OLE2 directory.
 */
enum upload_type upload_detect(const unsigned char *, size_t);

enum upload_name_error {
	UPLOAD_NAME_OK,
	UPLOAD_NAME_BAD,	/* empty, too long, controls, bidi marks */
	UPLOAD_NAME_TYPE,	/* no extension, or not one we take */
	UPLOAD_NAME_DOUBLE	/* x.php.pdf, rishennia.pdf.exe */
};

/*
 * Checks a file name as a browser sent it and makes the name to store:
 * only the last path component is kept (after '/' or '\\'); the name must
 * be valid UTF-8 with no control character (C0, DEL, C1) and no invisible
 * or direction mark (U+200B-U+200F, U+202A-U+202E, U+2060-U+2069,
 * U+FEFF), and not start with '.'; its extension must be one of the
 * kinds' (jpeg as well as jpg; any case); no inner dot-separated part may
 * be a known file extension (pdf, exe, php, html, ...).  In the stored
 * name (out, cap >= UPLOAD_NAME_MAX + 1) every ASCII character other than
 * letters, digits, '-', '_' and '.' becomes '_' and the extension is
 * lower-case, so it can stand in a URL path and in nginx's
 * Content-Disposition as it is.  *type is the extension's kind.
 */
enum upload_name_error upload_name(const char *sent, char *out, size_t cap,
	    enum upload_type *type);

/*
 * Stores data under dir as dir/<h0h1>/<hash> (mode 0644; directories
 * 0755), written to a temporary file in the same directory and renamed,
 * so a reader never sees half a file.  The same content is stored once:
 * when the file exists, *existed is 1 and nothing is written.  hash gets
 * the SHA-256 hex (UPLOAD_HASH_LEN + 1 bytes).  0, or -1 (errno set,
 * logged).
 */
int	upload_store(const char *dir, const unsigned char *data, size_t len,
	    char *hash, int *existed);

/* The SHA-256 hex of data, as upload_store() names it (UPLOAD_HASH_LEN + 1). */
void	upload_hash(const unsigned char *data, size_t len, char *hash);

/*
 * The lock of a stored file against its removal, across processes: an
 * upload holds it from upload_store() until the document that uses the
 * file is recorded, a delete from counting the file's uses until it is
 * unlinked; so a file is never removed between an upload finding it
 * stored and its document being written.  An exclusive flock(2) on
 * dir/<h0h1>/.lock (one lock per directory: 1/256 of the files; nginx
 * serves only dir/<h0h1>/<hash>), waited for at most UPLOAD_LOCK_MS.
 * Returns the descriptor to give upload_unlock(), or -1 (errno set,
 * logged; ETIMEDOUT when the wait ran out).  Released when the process
 * dies, too.
 */
#define UPLOAD_LOCK_MS	10000
int	upload_lock(const char *dir, const char *hash);
void	upload_unlock(int fd);

/* Whether dir holds a file of that hash (for tests and deletes). */
int	upload_exists(const char *dir, const char *hash);

/* The public URL of an upload (arena). */
const char *upload_href(struct arena *, const char *hash, const char *name);

#endif /* HROMADA_UPLOAD_H */
