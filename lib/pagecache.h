/*
 * A small per-worker cache of rendered pages, for pages whose every input
 * has a version in the database that the writes bump (the detail page:
 * consultations.page_version, kept by triggers, sql/migrations/050).
 *
 * An entry answers only for the same key (an id and a page number, or a
 * string: the listing's canonical query), the
 * same version, the same clock signature (whatever the page shows that
 * changes with time alone: the status by dates, the days left) and before
 * it expires (what no version covers: the age of a form token, the names
 * of reference data).  The caller reads the version from the database on
 * every request, so a write shows on the next request.
 *
 * Process lifetime, malloc'd; bounded by PAGECACHE_N entries and
 * PAGECACHE_BYTES of bodies, least recently used out.  Nothing is kept when
 * memory is short: a cache that cannot keep a page renders it again.
 */
#ifndef HROMADA_PAGECACHE_H
#define HROMADA_PAGECACHE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define PAGECACHE_N		32
#define PAGECACHE_BYTES		(2u * 1024 * 1024)
#define PAGECACHE_ONE_MAX	(256u * 1024)	/* larger pages not kept */

struct pagecache_entry {
	char			*body;		/* NULL: unused */
	size_t			 len;
	char			*key;		/* NULL: keyed by id, page */
	uint32_t		 id, page;
	unsigned long long	 version, sig;
	time_t			 expires;
	unsigned long long	 used;		/* LRU clock */
};

struct pagecache {
	struct pagecache_entry	 e[PAGECACHE_N];
	size_t			 bytes;		/* of all bodies */
	unsigned long long	 clock;
	unsigned		 generation;	/* the caller's; see below */
};

/* The entry for (id, page) at that version and signature, or NULL. */
const struct pagecache_entry *pagecache_get(struct pagecache *, uint32_t id,
	    uint32_t page, unsigned long long version, unsigned long long sig,
	    time_t now);
/* Keeps a copy of body, good until expires (replaces one for the key). */
void	pagecache_put(struct pagecache *, uint32_t id, uint32_t page,
	    unsigned long long version, unsigned long long sig, time_t expires,
	    const char *body, size_t len);
/*
 * The same keyed by a string (compared whole: a hash alone could be made to
 * collide by a crafted query and answer one visitor with another's page).
 */
const struct pagecache_entry *pagecache_get_key(struct pagecache *,
	    const char *key, unsigned long long version, unsigned long long sig,
	    time_t now);
void	pagecache_put_key(struct pagecache *, const char *key,
	    unsigned long long version, unsigned long long sig, time_t expires,
	    const char *body, size_t len);

/*
 * A malloc'd copy of an entry's body for a response to own and free (the
 * entry may go with the next put), its length in *len; NULL when memory is
 * short.
 */
char	*pagecache_copy(const struct pagecache_entry *, size_t *len);

/*
 * Forgets everything when generation differs from the one given last (a
 * new database connection may be a restored database, whose versions mean
 * other contents).
 */
void	pagecache_generation(struct pagecache *, unsigned generation);
void	pagecache_free(struct pagecache *);

#endif /* HROMADA_PAGECACHE_H */
