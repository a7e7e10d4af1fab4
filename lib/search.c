#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "utf8.h"

char *
search_query(struct arena *a, const char *q, size_t len)
{
	static pcre2_code	*word;	/* process lifetime, compiled once */
	pcre2_match_data	*md;
	PCRE2_SIZE		*ov, off = 0;
	char			*out, *o;
	size_t			 terms = 0, wlen;
	int			 err;
	PCRE2_SIZE		 eoff;

	/*
	 * Letters and digits only: every apostrophe (' ’ ʼ) splits a word, as
	 * InnoDB's parser splits the stored texts, which use ’.
	 */
	if (word == NULL && (word = pcre2_compile((PCRE2_SPTR)
	    "[\\p{L}\\p{N}]+", PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP, &err, &eoff, NULL)) == NULL)
		return NULL;
	if (!utf8_valid(q, len))
		return arena_strdup(a, "");
	/* Each term grows by at most "+" and "* ". */
	if ((out = arena_alloc(a, len * 2 + 4 * SEARCH_TERMS_MAX + 1)) == NULL)
		return NULL;
	o = out;
	if ((md = pcre2_match_data_create(1, NULL)) == NULL)
		return NULL;
	while (terms < SEARCH_TERMS_MAX && off < len &&
	    pcre2_match(word, (PCRE2_SPTR)q, len, off, PCRE2_NO_UTF_CHECK, md,
	    NULL) > 0) {
		ov = pcre2_get_ovector_pointer(md);
		off = ov[1];
		wlen = ov[1] - ov[0];
		if (utf8_len(q + ov[0], wlen) < SEARCH_TERM_MIN)
			continue;
		if (o != out)
			*o++ = ' ';
		*o++ = '+';
		memcpy(o, q + ov[0], wlen);
		o += wlen;
		*o++ = '*';
		terms++;
	}
	*o = '\0';
	pcre2_match_data_free(md);
	return out;
}

const struct search_hit *
search_cache_get(struct search_cache *sc, const char *query,
    unsigned long long version, long long loaded)
{
	struct search_hit	*h;
	size_t			 i;

	for (i = 0; i < SEARCH_CACHE_N; i++) {
		h = &sc->hit[i];
		if (h->query != NULL && h->version == version &&
		    h->loaded == loaded && strcmp(h->query, query) == 0) {
			h->used = ++sc->clock;
			return h;
		}
	}
	return NULL;
}

static void
hit_clear(struct search_hit *h)
{
	free(h->query);
	free(h->ids);
	memset(h, 0, sizeof(*h));
}

void
search_cache_put(struct search_cache *sc, const char *query,
    unsigned long long version, long long loaded, const uint32_t *ids,
    size_t n)
{
	struct search_hit	*h = &sc->hit[0];
	size_t			 i;

	/* A free slot, or the least recently used one. */
	for (i = 0; i < SEARCH_CACHE_N; i++) {
		if (sc->hit[i].query == NULL) {
			h = &sc->hit[i];
			break;
		}
		if (sc->hit[i].used < h->used)
			h = &sc->hit[i];
	}
	hit_clear(h);
	if ((h->query = strdup(query)) == NULL ||
	    (h->ids = malloc((n ? n : 1) * sizeof(*ids))) == NULL) {
		hit_clear(h);
		return;
	}
	if (n > 0)
		memcpy(h->ids, ids, n * sizeof(*ids));
	h->n = n;
	h->version = version;
	h->loaded = loaded;
	h->used = ++sc->clock;
}

void
search_cache_free(struct search_cache *sc)
{
	size_t	 i;

	for (i = 0; i < SEARCH_CACHE_N; i++)
		hit_clear(&sc->hit[i]);
}
