/*
 * Full-text search input.  A person's query is never handed to MariaDB's
 * boolean-mode parser as typed (its operators would be syntax errors or
 * tricks): it is cut into words of letters and digits, each becomes a
 * required prefix term (+word*), the rest is dropped.
 */
#ifndef HROMADA_SEARCH_H
#define HROMADA_SEARCH_H

#include <stddef.h>

#include "arena.h"

#define SEARCH_TERMS_MAX	8
#define SEARCH_TERM_MIN		2	/* innodb_ft_min_token_size */

/*
 * Returns the boolean-mode query for q (valid UTF-8), or "" when q holds no
 * searchable word; NULL on allocation failure.
 */
char	*search_query(struct arena *, const char *q, size_t len);

#endif /* HROMADA_SEARCH_H */
