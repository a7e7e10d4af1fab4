/*
 * The arena of lib/arena.h for the fuzz build, linked in place of
 * lib/arena.c.  lib/arena.c carves allocations out of 64 KiB blocks, so an
 * overflow from one arena string into the next stays inside one malloc'd
 * block and AddressSanitizer cannot see it.  Here every allocation is its
 * own malloc of exactly the size asked for, and ASan reports the first byte
 * read or written past it.  Same contract: NULL on failure, the same limit
 * accounting (sizes rounded up to 16), arena_reset/arena_free release
 * everything.  lib/arena.c itself is covered by tests/unit/test_arena.c.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ALIGN	16

/* One allocation; the list head is kept in a->head. */
struct arena_block {
	struct arena_block	*next;
	void			*p;
};

void
arena_init(struct arena *a, size_t limit)
{
	a->head = NULL;
	a->used = 0;
	a->limit = limit;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block	*b;
	size_t			 need;

	if (n == 0)
		n = 1;
	if (n > (size_t)PTRDIFF_MAX - ALIGN - sizeof(struct arena_block))
		return NULL;
	need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (a->limit != 0 && (need > a->limit || a->used > a->limit - need))
		return NULL;
	if ((b = malloc(sizeof(*b))) == NULL)
		return NULL;
	if ((b->p = malloc(n)) == NULL) {
		free(b);
		return NULL;
	}
	b->next = a->head;
	a->head = b;
	a->used += need;
	return b->p;
}

void *
arena_calloc(struct arena *a, size_t nmemb, size_t size)
{
	void	*p;

	if (size != 0 && nmemb > SIZE_MAX / size)
		return NULL;
	if ((p = arena_alloc(a, nmemb * size)) != NULL)
		memset(p, 0, nmemb * size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	if (n == SIZE_MAX || (p = arena_alloc(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (p = arena_alloc(a, (size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_reset(struct arena *a)
{
	arena_free(a);
}

void
arena_free(struct arena *a)
{
	struct arena_block	*b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b->p);
		free(b);
	}
	a->head = NULL;
	a->used = 0;
}
