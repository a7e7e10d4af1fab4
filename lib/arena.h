/*
 * Per-request memory: every allocation a request makes comes from its arena
 * and is released at once by arena_reset() when the request ends.  Strings
 * returned by arena_* are owned by the arena; never free them one by one.
 * Allocation failure is reported as NULL (callers answer 500), never abort().
 */
#ifndef HROMADA_ARENA_H
#define HROMADA_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*head;	/* current block, newest first */
	size_t			 used;	/* bytes handed out in total */
	size_t			 limit;	/* 0 = unlimited; else refuse past it */
};

void	 arena_init(struct arena *, size_t limit);
void	*arena_alloc(struct arena *, size_t);
void	*arena_calloc(struct arena *, size_t, size_t);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_strdup(struct arena *, const char *);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 arena_reset(struct arena *);	/* keeps the first block for reuse */
void	 arena_free(struct arena *);	/* NULL-safe; releases everything */

#endif /* HROMADA_ARENA_H */
