#include <stdlib.h>
#include <string.h>

#include "pagecache.h"

static void
entry_clear(struct pagecache *pc, struct pagecache_entry *e)
{
	if (e->body != NULL)
		pc->bytes -= e->len;
	free(e->body);
	memset(e, 0, sizeof(*e));
}

const struct pagecache_entry *
pagecache_get(struct pagecache *pc, uint32_t id, uint32_t page,
    unsigned long long version, unsigned long long sig, time_t now)
{
	struct pagecache_entry	*e;
	size_t			 i;

	for (i = 0; i < PAGECACHE_N; i++) {
		e = &pc->e[i];
		if (e->body == NULL || e->id != id || e->page != page)
			continue;
		if (e->version != version || e->sig != sig ||
		    now >= e->expires) {
			entry_clear(pc, e);
			return NULL;
		}
		e->used = ++pc->clock;
		return e;
	}
	return NULL;
}

/* The least recently used entry in use, or NULL when all are free. */
static struct pagecache_entry *
oldest(struct pagecache *pc)
{
	struct pagecache_entry	*o = NULL;
	size_t			 i;

	for (i = 0; i < PAGECACHE_N; i++)
		if (pc->e[i].body != NULL &&
		    (o == NULL || pc->e[i].used < o->used))
			o = &pc->e[i];
	return o;
}

void
pagecache_put(struct pagecache *pc, uint32_t id, uint32_t page,
    unsigned long long version, unsigned long long sig, time_t expires,
    const char *body, size_t len)
{
	struct pagecache_entry	*e = NULL, *o;
	size_t			 i;

	if (len > PAGECACHE_ONE_MAX)
		return;
	for (i = 0; i < PAGECACHE_N; i++)
		if (pc->e[i].body != NULL && pc->e[i].id == id &&
		    pc->e[i].page == page)
			entry_clear(pc, &pc->e[i]);
	while (pc->bytes + len > PAGECACHE_BYTES && (o = oldest(pc)) != NULL)
		entry_clear(pc, o);
	for (i = 0; i < PAGECACHE_N && e == NULL; i++)
		if (pc->e[i].body == NULL)
			e = &pc->e[i];
	if (e == NULL) {
		e = oldest(pc);
		entry_clear(pc, e);
	}
	if ((e->body = malloc(len > 0 ? len : 1)) == NULL)
		return;
	memcpy(e->body, body, len);
	e->len = len;
	e->id = id;
	e->page = page;
	e->version = version;
	e->sig = sig;
	e->expires = expires;
	e->used = ++pc->clock;
	pc->bytes += len;
}

void
pagecache_generation(struct pagecache *pc, unsigned generation)
{
	size_t	 i;

	if (pc->generation == generation)
		return;
	for (i = 0; i < PAGECACHE_N; i++)
		entry_clear(pc, &pc->e[i]);
	pc->generation = generation;
}

void
pagecache_free(struct pagecache *pc)
{
	size_t	 i;

	if (pc == NULL)
		return;
	for (i = 0; i < PAGECACHE_N; i++)
		entry_clear(pc, &pc->e[i]);
}
