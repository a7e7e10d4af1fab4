#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "listing.h"

/* Card texts are packed into chunks of this size (or one text's size). */
#define TEXT_CHUNK	(64 * 1024)

struct listing_text {
	struct listing_text	*next;
	size_t			 used, cap;
	char			 data[];
};

const char *const listing_sort_slug[SORT__MAX] = {
	"new", "closing", "popular", "opening", "completed"
};

/* Link slots of a row, by vocabulary: only these three are many-valued. */
static const int link_kind[3] = { TAX_THEME, TAX_DISTRICT, TAX_GROUP };

void
listing_init(struct listing *l)
{
	memset(l, 0, sizeof(*l));
}

void
listing_free(struct listing *l)
{
	struct listing_text	*t, *next;
	size_t			 i;

	if (l == NULL)
		return;
	for (t = l->text; t != NULL; t = next) {
		next = t->next;
		free(t);
	}
	free(l->rows);
	for (i = 0; i < TAX__MAX; i++)
		free(l->bits[i]);
	for (i = 0; i < SORT__MAX; i++)
		free(l->order[i]);
	for (i = 0; i < CS__MAX; i++)
		free(l->status[i]);
	listing_init(l);
}

int
listing_begin(struct listing *l, const struct taxonomy *tax, size_t nrows)
{
	listing_free(l);
	l->tax = tax;
	l->cap = nrows > 0 ? nrows : 256;
	if ((l->rows = calloc(l->cap, sizeof(*l->rows))) == NULL)
		return -1;
	return 0;
}

/* A copy of s among the index's texts, or NULL. */
static const char *
text_copy(struct listing *l, const char *s)
{
	struct listing_text	*t = l->text;
	size_t			 len = strlen(s) + 1, cap;
	char			*p;

	if (t == NULL || t->cap - t->used < len) {
		cap = len > TEXT_CHUNK ? len : TEXT_CHUNK;
		if ((t = malloc(sizeof(*t) + cap)) == NULL)
			return NULL;
		t->next = l->text;
		t->used = 0;
		t->cap = cap;
		l->text = t;
	}
	p = t->data + t->used;
	memcpy(p, s, len);
	t->used += len;
	return p;
}

/*
 * Rows arrive in ascending id order; nrows given to listing_begin() is a
 * first guess (a streamed result has no count), the array grows as needed.
 */
struct listing_row *
listing_add(struct listing *l, uint32_t id, const char *slug,
    const char *title, const char *summary)
{
	struct listing_row	*r, *grown;

	if (l->n > 0 && l->rows[l->n - 1].id >= id)
		return NULL;
	if (l->n == l->cap) {
		if ((grown = reallocarray(l->rows, l->cap * 2,
		    sizeof(*l->rows))) == NULL)
			return NULL;
		l->rows = grown;
		l->cap *= 2;
	}
	r = &l->rows[l->n];
	memset(r, 0, sizeof(*r));
	r->id = id;
	r->unit = r->format = -1;
	if ((r->slug = text_copy(l, slug)) == NULL ||
	    (r->title = text_copy(l, title)) == NULL ||
	    (r->summary = text_copy(l, summary)) == NULL)
		return NULL;
	l->n++;
	return r;
}

const struct listing_row *
listing_row_find(const struct listing *l, uint32_t id)
{
	size_t	 lo = 0, hi = l->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (l->rows[mid].id == id)
			return &l->rows[mid];
		if (l->rows[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int
listing_link(struct listing *l, uint32_t id, int kind, int pos)
{
	struct listing_row	*r;
	size_t			 slot;

	if ((r = (struct listing_row *)listing_row_find(l, id)) == NULL ||
	    pos < 0)
		return -1;
	for (slot = 0; slot < 3; slot++)
		if (link_kind[slot] == kind)
			break;
	if (slot == 3)
		return -1;
	if (r->nlinks[slot] < LISTING_LINKS_MAX)
		r->links[slot][r->nlinks[slot]++] = (int16_t)pos;
	return 0;
}

static inline void
bit_set(uint64_t *b, size_t i)
{
	b[i / 64] |= (uint64_t)1 << (i % 64);
}

static inline int
bit_get(const uint64_t *b, size_t i)
{
	return (int)(b[i / 64] >> (i % 64) & 1);
}

/* qsort has no context argument: the rows being sorted, for one call. */
static const struct listing_row *sort_rows;

static int
cmp_new(const void *a, const void *b)
{
	const struct listing_row *x = &sort_rows[*(const uint32_t *)a];
	const struct listing_row *y = &sort_rows[*(const uint32_t *)b];

	if (x->opens != y->opens)
		return x->opens > y->opens ? -1 : 1;
	return x->id > y->id ? -1 : 1;
}

static int
cmp_closing(const void *a, const void *b)
{
	const struct listing_row *x = &sort_rows[*(const uint32_t *)a];
	const struct listing_row *y = &sort_rows[*(const uint32_t *)b];
	time_t ex = lifecycle_end(x->closes, x->closed_at);
	time_t ey = lifecycle_end(y->closes, y->closed_at);

	if (ex != ey)
		return ex < ey ? -1 : 1;
	return x->id < y->id ? -1 : 1;
}

static int
cmp_popular(const void *a, const void *b)
{
	const struct listing_row *x = &sort_rows[*(const uint32_t *)a];
	const struct listing_row *y = &sort_rows[*(const uint32_t *)b];

	if (x->comments != y->comments)
		return x->comments > y->comments ? -1 : 1;
	return x->id > y->id ? -1 : 1;
}

static int
cmp_opening(const void *a, const void *b)
{
	const struct listing_row *x = &sort_rows[*(const uint32_t *)a];
	const struct listing_row *y = &sort_rows[*(const uint32_t *)b];

	if (x->opens != y->opens)
		return x->opens < y->opens ? -1 : 1;
	return x->id < y->id ? -1 : 1;
}

static int
cmp_completed(const void *a, const void *b)
{
	const struct listing_row *x = &sort_rows[*(const uint32_t *)a];
	const struct listing_row *y = &sort_rows[*(const uint32_t *)b];

	if (x->completed != y->completed)
		return x->completed > y->completed ? -1 : 1;
	return x->id > y->id ? -1 : 1;
}

int
listing_finish(struct listing *l)
{
	static int (*const cmp[SORT__MAX])(const void *, const void *) = {
		cmp_new, cmp_closing, cmp_popular, cmp_opening, cmp_completed
	};
	const struct listing_row	*r;
	struct listing_row		*shrunk;
	size_t				 i, k, s, j;

	/* The rows' final size: what doubling left over goes back. */
	if (l->cap > l->n + 1 && (shrunk = realloc(l->rows, (l->n + 1) *
	    sizeof(*l->rows))) != NULL) {
		l->rows = shrunk;
		l->cap = l->n + 1;
	}
	l->words = (l->n + 63) / 64;
	if (l->words == 0)
		l->words = 1;
	for (k = 0; k < TAX__MAX; k++)
		if ((l->bits[k] = calloc(l->tax->n[k] * l->words + 1,
		    sizeof(uint64_t))) == NULL)
			return -1;
	for (i = 0; i < l->n; i++) {
		r = &l->rows[i];
		if (r->unit >= 0)
			bit_set(l->bits[TAX_UNIT] + (size_t)r->unit * l->words,
			    i);
		if (r->format >= 0)
			bit_set(l->bits[TAX_FORMAT] +
			    (size_t)r->format * l->words, i);
		for (s = 0; s < 3; s++)
			for (j = 0; j < r->nlinks[s]; j++)
				bit_set(l->bits[link_kind[s]] +
				    (size_t)r->links[s][j] * l->words, i);
	}
	for (s = 0; s < SORT__MAX; s++) {
		if ((l->order[s] = malloc((l->n + 1) * sizeof(uint32_t))) ==
		    NULL)
			return -1;
		for (i = 0; i < l->n; i++)
			l->order[s][i] = (uint32_t)i;
		sort_rows = l->rows;
		qsort(l->order[s], l->n, sizeof(uint32_t), cmp[s]);
	}
	return 0;
}

enum cstatus
listing_row_status(const struct listing_row *r, time_t now)
{
	return lifecycle_status((enum cstatus)r->stored, r->opens, r->closes,
	    r->closed_at, now);
}

uint64_t *
listing_bits_from_ids(const struct listing *l, struct arena *a,
    const uint32_t *ids, size_t n)
{
	const struct listing_row	*r;
	uint64_t			*b;
	size_t				 i;

	if ((b = arena_calloc(a, l->words, sizeof(uint64_t))) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if ((r = listing_row_find(l, ids[i])) != NULL)
			bit_set(b, (size_t)(r - l->rows));
	return b;
}

/*
 * Facet counts are popcounts of ANDed bitsets.  Built for any x86-64 (no
 * -mpopcnt: the city's servers vary), __builtin_popcountll is a call into
 * libgcc's table code; the POPCNT instruction, where the processor has
 * one (checked once), took a search of 10,000 rows from about 90 to 55 us
 * (CPU time, measured with the statuses kept, below).
 */
static size_t
popcount_and_table(const uint64_t *a, const uint64_t *b, size_t words)
{
	size_t	 i, c = 0;

	for (i = 0; i < words; i++)
		c += (size_t)__builtin_popcountll(a[i] & b[i]);
	return c;
}

#if defined(__x86_64__)
__attribute__((target("popcnt"))) static size_t
popcount_and_insn(const uint64_t *a, const uint64_t *b, size_t words)
{
	size_t	 i, c = 0;

	for (i = 0; i < words; i++)
		c += (size_t)__builtin_popcountll(a[i] & b[i]);
	return c;
}
#endif

static size_t
popcount_and(const uint64_t *a, const uint64_t *b, size_t words)
{
#if defined(__x86_64__)
	static int	 insn = -1;

	if (insn == -1)
		insn = __builtin_cpu_supports("popcnt") ? 1 : 0;
	if (insn)
		return popcount_and_insn(a, b, words);
#endif
	return popcount_and_table(a, b, words);
}

/* The rows one facet's selection admits: the OR of its values' bits. */
static void
facet_mask(const struct listing *l, const struct listing_query *q,
    uint64_t *const *status_bits, size_t f, uint64_t *out)
{
	const uint64_t	*vb;
	size_t		 i, w;

	if (q->nsel[f] == 0) {
		memset(out, 0xff, l->words * sizeof(uint64_t));
		return;
	}
	memset(out, 0, l->words * sizeof(uint64_t));
	for (i = 0; i < q->nsel[f]; i++) {
		vb = f == FACET_STATUS ? status_bits[q->sel[f][i]] :
		    l->bits[f] + (size_t)q->sel[f][i] * l->words;
		for (w = 0; w < l->words; w++)
			out[w] |= vb[w];
	}
}

static size_t
facet_nvalues(const struct listing *l, size_t f)
{
	return f == FACET_STATUS ? CS__MAX : l->tax->n[f];
}

/* Positions in order[SORT_CLOSING] walked: still-accepting soonest first. */
static size_t
closing_pos(const struct listing *l, size_t k, time_t now)
{
	const uint32_t	*o = l->order[SORT_CLOSING];
	size_t		 lo = 0, hi = l->n, mid, split;
	const struct listing_row *r;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		r = &l->rows[o[mid]];
		if (lifecycle_end(r->closes, r->closed_at) < now)
			lo = mid + 1;
		else
			hi = mid;
	}
	split = lo;
	return k < l->n - split ? split + k : split - 1 - (k - (l->n - split));
}

/*
 * Each row's status at now, as bitsets kept in the index: reading 10,000
 * rows per request to compute them was two thirds of a search's time (a
 * search went from about 170 to 50 us of CPU without that pass), and
 * they change only when some row opens or closes.  Kept from the time they
 * were computed until the first such instant.
 */
static int
status_at(struct listing *l, time_t now)
{
	const struct listing_row	*r;
	enum cstatus			 st;
	time_t				 until = (time_t)INT64_MAX, end;
	size_t				 i;

	if (l->status[0] != NULL && now >= l->status_from &&
	    now < l->status_until)
		return 0;
	for (i = 0; i < CS__MAX; i++) {
		if (l->status[i] == NULL && (l->status[i] = malloc(l->words *
		    sizeof(uint64_t))) == NULL)
			return -1;
		memset(l->status[i], 0, l->words * sizeof(uint64_t));
	}
	for (i = 0; i < l->n; i++) {
		r = &l->rows[i];
		st = listing_row_status(r, now);
		bit_set(l->status[st], i);
		if (st != CS_ANNOUNCED && st != CS_OPEN)
			continue;
		/* lifecycle_status(): the next instant this row changes. */
		end = lifecycle_end(r->closes, r->closed_at);
		if (st == CS_ANNOUNCED && r->opens < until)
			until = r->opens;
		if (end > now && end < until)
			until = end;
	}
	l->status_from = now;
	l->status_until = until;
	return 0;
}

int
listing_search(struct listing *l, const struct listing_query *q,
    struct arena *a, struct listing_result *res)
{
	uint64_t	*const *status_bits, *mask[FACET__MAX], *base, *all,
			*other;
	const struct listing_row *r;
	size_t		 f, g, v, w, i, k, skipped, pos;
	time_t		 end;

	memset(res, 0, sizeof(*res));
	base = arena_calloc(a, l->words, sizeof(uint64_t));
	all = arena_calloc(a, l->words, sizeof(uint64_t));
	other = arena_calloc(a, l->words, sizeof(uint64_t));
	if (base == NULL || all == NULL || other == NULL ||
	    status_at(l, q->now) == -1)
		return -1;
	status_bits = l->status;
	/* A pass over the rows only for the dates; the text is bits. */
	if (q->from != 0 || q->to != 0) {
		for (i = 0; i < l->n; i++) {
			r = &l->rows[i];
			end = lifecycle_end(r->closes, r->closed_at);
			if (q->by_end ? (q->from != 0 && end < q->from) ||
			    (q->to != 0 && end >= q->to) :
			    (q->from != 0 && end <= q->from) ||
			    (q->to != 0 && r->opens >= q->to))
				continue;
			bit_set(base, i);
		}
	} else
		for (i = 0; i < l->n; i++)
			bit_set(base, i);
	if (q->text != NULL)
		for (w = 0; w < l->words; w++)
			base[w] &= q->text[w];
	for (f = 0; f < FACET__MAX; f++) {
		if ((mask[f] = arena_alloc(a, l->words *
		    sizeof(uint64_t))) == NULL)
			return -1;
		facet_mask(l, q, status_bits, f, mask[f]);
	}
	for (w = 0; w < l->words; w++) {
		all[w] = base[w];
		for (f = 0; f < FACET__MAX; f++)
			all[w] &= mask[f][w];
	}
	/* Counts of each value under every active filter but its own. */
	for (f = 0; f < FACET__MAX; f++) {
		if ((res->count[f] = arena_calloc(a, facet_nvalues(l, f) + 1,
		    sizeof(unsigned))) == NULL)
			return -1;
		for (w = 0; w < l->words; w++) {
			other[w] = base[w];
			for (g = 0; g < FACET__MAX; g++)
				if (g != f)
					other[w] &= mask[g][w];
		}
		for (v = 0; v < facet_nvalues(l, f); v++)
			res->count[f][v] = (unsigned)popcount_and(other,
			    f == FACET_STATUS ? status_bits[v] :
			    l->bits[f] + v * l->words, l->words);
	}
	for (w = 0; w < l->words; w++)
		res->total += (size_t)__builtin_popcountll(all[w]);
	if ((res->rows = arena_calloc(a, q->limit + 1,
	    sizeof(*res->rows))) == NULL)
		return -1;
	for (k = 0, skipped = 0; k < l->n && res->n < q->limit; k++) {
		pos = q->sort == SORT_CLOSING ? closing_pos(l, k, q->now) : k;
		i = l->order[q->sort][pos];
		if (!bit_get(all, i))
			continue;
		if (skipped++ < q->offset)
			continue;
		res->rows[res->n++] = &l->rows[i];
	}
	return 0;
}

int
listing_current(const struct listing *l, const struct taxonomy *tax,
    unsigned long long version, time_t now)
{
	return l->rows != NULL && version == l->version && l->tax == tax &&
	    now - l->loaded < LISTING_MAX_AGE;
}

int
listing_refresh(struct listing *l, const struct taxonomy *tax, struct db *db,
    struct arena *a, time_t now)
{
	unsigned long long	 v;
	int			 rc;

	/* No stale answers while the database is away: the page says 503. */
	if (db_listing_version(db, a, &v) == -1)
		return -1;
	if (listing_current(l, tax, v, now))
		return 0;
	/*
	 * The old index goes first: two at once would double a worker's
	 * peak memory.  Should the load fail, the index stays empty and the
	 * next request loads it again.
	 */
	listing_free(l);
	rc = db_listing_load(db, a, l, tax);
	/* What the old index and the load's buffers held, back to the system. */
	malloc_trim(0);
	if (rc == -1)
		return -1;
	l->version = v;
	l->loaded = now;
	return 0;
}
