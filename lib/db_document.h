/*
 * The admin's documents of a consultation (DBF_DOCUMENT,
 * lib/db_document.c): an uploaded file (by content hash, lib/upload.h) or
 * an external https link.  The public page reads them through
 * db_document_list() (model.h).  Strings are from the arena; functions
 * return 1 found / 0 not found, or 0 done, and -1 on a database error.
 */
#ifndef HROMADA_DB_DOCUMENT_H
#define HROMADA_DB_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "arena.h"

struct db;

struct doc_row {
	uint32_t	 id, consultation_id;
	const char	*title;
	const char	*url;		/* "" for an upload */
	const char	*file_hash;	/* "" for a link */
	const char	*file_name;	/* the stored name of an upload */
	const char	*mime_type;
	long long	 size;
	time_t		 created;
};

#define DOCS_MAX	200	/* documents listed for one consultation */

int	db_doc_list(struct db *, struct arena *, uint32_t consultation,
	    struct doc_row **, size_t *n);
int	db_doc_get(struct db *, struct arena *, uint32_t id, struct doc_row *);
/* Adds a document (after the others); *id is its id. */
int	db_doc_add(struct db *, struct arena *, const struct doc_row *,
	    uint32_t *id);
int	db_doc_delete(struct db *, struct arena *, uint32_t id);
/* Documents of any consultation that use a stored file. */
int	db_doc_hash_uses(struct db *, struct arena *, const char *hash,
	    long long *n);

#endif /* HROMADA_DB_DOCUMENT_H */
