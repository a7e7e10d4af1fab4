#include <stdlib.h>
#include <string.h>

#include "pagecache.h"

static void
entry_clear(struct pagecache *pc, struct pagecache_entry *e)
{
	if (e->body != NULL)
		pc->bytes -= e->len;
	free(e->body);
	free(e->key);
	memset(e, 0, sizeof(*e));
}

static int
same_key(const struct pagecache_entry *e, const char *key, uint32_t id,
    uint32_t page)
{
	if (e->body == NULL)
		return 0;
	if (key != NULL)
		return e->key != NULL && strcmp(e->key, key) == 0;
	return e->key == NULL && e->id == id && e->page == page;
}

static const struct pagecache_entry *
get(struct pagecache *pc, const char *key, uint32_t id, uint32_t page,
    unsigned long long version, unsigned long long sig, time_t now)
{
	struct pagecache_entry	*e;
	size_t			 i;

	for (i = 0; i < PAGECACHE_N; i++) {
		e = &pc->e[i];
		if (!same_key(e, key, id, page))
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

const struct pagecache_entry *
pagecache_get(struct pagecache *pc, uint32_t id, uint32_t page,
    unsigned long long version, unsigned long long sig, time_t now)
{
	return get(pc, NULL, id, page, version, sig, now);
}

const struct pagecache_entry *
pagecache_get_key(struct pagecache *pc, const char *key,
    unsigned long long version, unsigned long long sig, time_t now)
{
	return key == NULL ? NULL : get(pc, key, 0, 0, version, sig, now);
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

static void
put(struct pagecache *pc, const char *key, uint32_t id, uint32_t page,
    unsigned long long version, unsigned long long sig, time_t expires,
    const char *body, size_t len)
{
	struct pagecache_entry	*e = NULL, *o;
	char			*k = NULL;
	size_t			 i;

	if (len > PAGECACHE_ONE_MAX)
		return;
	for (i = 0; i < PAGECACHE_N; i++)
		if (same_key(&pc->e[i], key, id, page))
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
	if (key != NULL && (k = strdup(key)) == NULL)
		return;
	if ((e->body = malloc(len > 0 ? len : 1)) == NULL) {
		free(k);
		return;
	}
	memcpy(e->body, body, len);
	e->len = len;
	e->key = k;
	e->id = id;
	e->page = page;
	e->version = version;
	e->sig = sig;
	e->expires = expires;
	e->used = ++pc->clock;
	pc->bytes += len;
}

void
pagecache_put(struct pagecache *pc, uint32_t id, uint32_t page,
    unsigned long long version, unsigned long long sig, time_t expires,
    const char *body, size_t len)
{
	put(pc, NULL, id, page, version, sig, expires, body, len);
}

void
pagecache_put_key(struct pagecache *pc, const char *key,
    unsigned long long version, unsigned long long sig, time_t expires,
    const char *body, size_t len)
{
	if (key != NULL)
		put(pc, key, 0, 0, version, sig, expires, body, len);
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

char *
pagecache_copy(const struct pagecache_entry *e, size_t *len)
{
	char	*body;

	if ((body = malloc(e->len > 0 ? e->len : 1)) == NULL)
		return NULL;
	memcpy(body, e->body, e->len);
	*len = e->len;
	return body;
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
