/*
 * The listing engine (listing.h), pure and in memory: the input builds a
 * small taxonomy and index with listing_begin/add/link/finish, then runs
 * queries through listing_search().  Each answer is compared with a naive
 * reference computed row by row from the header's contract: the total is
 * the number of rows passing every filter; a facet value's count is the
 * number passing every filter but that facet's own, with that value; the
 * rows returned are the matching rows in the sort's order (closing: still
 * accepting soonest first, then ended latest first), from offset, at most
 * limit.  Plus total <= n, every count <= n, listing_row_find() and
 * listing_bits_from_ids().
 */
#include "fuzz.h"

#include "arena.h"
#include "lifecycle.h"
#include "listing.h"
#include "model.h"

#define ROWS_MAX	300
#define TAX_VALUES_MAX	20
#define QUERIES_MAX	8

/* A few instants, so that equal and adjacent times are common. */
static const time_t times[16] = {
	0, 1, 1700000000, 1700000001, 1700086400, 1750000000, 1750000000,
	1760000000, 1767225600, 1800000000, 1800000001, 2000000000,
	-1, 86400, 4102444800LL, 1700043200,
};

static time_t
pick_time(struct fdp *f)
{
	uint8_t	 b = fdp_u8(f);

	/* Mostly the palette, sometimes anything (only compared). */
	if (b < 0xf0)
		return times[b % 16];
	return (time_t)fdp_u64(f);
}

static time_t
ref_end(const struct listing_row *r)
{
	return r->closed_at != 0 && r->closed_at < r->closes ? r->closed_at :
	    r->closes;
}

/* lifecycle.h: the stored decision, then the dates. */
static int
ref_status(const struct listing_row *r, time_t now)
{
	if (r->stored == CS_DRAFT || r->stored == CS_COMPLETED ||
	    r->stored == CS_CANCELLED)
		return r->stored;
	if (now < r->opens)
		return CS_ANNOUNCED;
	return now < ref_end(r) ? CS_OPEN : CS_CLOSED;
}

/* Does row r carry value v of facet f? */
static int
has_value(const struct listing_row *r, size_t f, int v, time_t now)
{
	size_t	 s, j;

	switch (f) {
	case FACET_UNIT:
		return r->unit == v;
	case FACET_FORMAT:
		return r->format == v;
	case FACET_STATUS:
		return ref_status(r, now) == v;
	default:
		s = f == FACET_THEME ? 0 : f == FACET_DISTRICT ? 1 : 2;
		for (j = 0; j < r->nlinks[s]; j++)
			if (r->links[s][j] == v)
				return 1;
		return 0;
	}
}

static int
facet_ok(const struct listing_row *r, const struct listing_query *q,
    size_t f)
{
	size_t	 i;

	if (q->nsel[f] == 0)
		return 1;
	for (i = 0; i < q->nsel[f]; i++)
		if (has_value(r, f, q->sel[f][i], q->now))
			return 1;
	return 0;
}

static int
base_ok(const struct listing *l, const struct listing_row *r,
    const struct listing_query *q)
{
	size_t	 i = (size_t)(r - l->rows);

	if (q->from != 0 && ref_end(r) <= q->from)
		return 0;
	if (q->to != 0 && r->opens >= q->to)
		return 0;
	return q->text == NULL || (q->text[i / 64] >> (i % 64) & 1);
}

/* The sort order as listing.h states it; 1 when x comes before y. */
static int
before(const struct listing_row *x, const struct listing_row *y,
    enum listing_sort s, time_t now)
{
	time_t	 ex = ref_end(x), ey = ref_end(y);
	int	 ax, ay;

	switch (s) {
	case SORT_NEW:
		return x->opens != y->opens ? x->opens > y->opens :
		    x->id > y->id;
	case SORT_CLOSING:
		ax = ex >= now;
		ay = ey >= now;
		if (ax != ay)
			return ax;
		if (ax)
			return ex != ey ? ex < ey : x->id < y->id;
		return ex != ey ? ex > ey : x->id > y->id;
	case SORT_POPULAR:
		return x->comments != y->comments ?
		    x->comments > y->comments : x->id > y->id;
	case SORT_OPENING:
		return x->opens != y->opens ? x->opens < y->opens :
		    x->id < y->id;
	case SORT_COMPLETED:
		return x->completed != y->completed ?
		    x->completed > y->completed : x->id > y->id;
	default:
		abort();
	}
}

/* qsort has no context argument: the query being checked. */
static const struct listing_query *sort_q;

static int
cmp_ref(const void *a, const void *b)
{
	const struct listing_row *x = *(const struct listing_row *const *)a;
	const struct listing_row *y = *(const struct listing_row *const *)b;

	if (x == y)
		return 0;
	return before(x, y, sort_q->sort, sort_q->now) ? -1 : 1;
}

/* Not const: listing_search() keeps the status bits until the clock moves. */
static void
check_query(struct listing *l, const struct taxonomy *tax,
    const struct listing_query *q, struct arena *a)
{
	static const struct listing_row	*match[ROWS_MAX];
	static unsigned char		 base[ROWS_MAX], ok[FACET__MAX][ROWS_MAX];
	static unsigned			 count[FACET__MAX][TAX_VALUES_MAX + CS__MAX];
	const struct listing_row	*r;
	struct listing_result		 res;
	size_t				 i, f, g, v, nv, nmatch = 0, want;

	CHECK(listing_search(l, q, a, &res) == 0);
	CHECK(res.total <= l->n);
	CHECK(res.n <= q->limit);
	memset(count, 0, sizeof(count));
	for (i = 0; i < l->n; i++) {
		r = &l->rows[i];
		CHECK((int)listing_row_status(r, q->now) ==
		    ref_status(r, q->now));
		base[i] = (unsigned char)base_ok(l, r, q);
		for (f = 0; f < FACET__MAX; f++)
			ok[f][i] = (unsigned char)facet_ok(r, q, f);
	}
	for (i = 0; i < l->n; i++) {
		r = &l->rows[i];
		if (!base[i])
			continue;
		/* Counts: every filter but the facet's own, per value. */
		for (f = 0; f < FACET__MAX; f++) {
			for (g = 0; g < FACET__MAX; g++)
				if (g != f && !ok[g][i])
					break;
			if (g < FACET__MAX)
				continue;
			nv = f == FACET_STATUS ? CS__MAX : tax->n[f];
			for (v = 0; v < nv; v++)
				count[f][v] += (unsigned)has_value(r, f, (int)v,
				    q->now);
		}
		for (f = 0; f < FACET__MAX && ok[f][i]; f++)
			continue;
		if (f == FACET__MAX)
			match[nmatch++] = r;
	}
	CHECK(res.total == nmatch);
	sort_q = q;
	qsort(match, nmatch, sizeof(match[0]), cmp_ref);
	want = q->offset < nmatch ? nmatch - q->offset : 0;
	if (want > q->limit)
		want = q->limit;
	CHECK(res.n == want);
	for (i = 0; i < res.n; i++)
		CHECK(res.rows[i] == match[q->offset + i]);
	for (f = 0; f < FACET__MAX; f++) {
		CHECK(res.count[f] != NULL);
		nv = f == FACET_STATUS ? CS__MAX : tax->n[f];
		for (v = 0; v < nv; v++) {
			CHECK(res.count[f][v] <= l->n);
			if (res.count[f][v] != count[f][v])
				fprintf(stderr, "facet %zu value %zu: count %u, "
				    "reference %u\n", f, v, res.count[f][v],
				    count[f][v]);
			CHECK(res.count[f][v] == count[f][v]);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int	 kinds[3] = { TAX_THEME, TAX_DISTRICT, TAX_GROUP };
	struct fdp		 f = { data, size };
	struct taxonomy		 tax;
	struct listing		 l;
	struct listing_query	 q;
	struct listing_row	*r;
	struct arena		 a;
	uint32_t		 id = 0, ids[16];
	size_t			 nrows, i, k, s, nlink, nq, nids;
	uint64_t		*bits;
	int			 pos, want;
	uint8_t			 before_n;

	memset(&tax, 0, sizeof(tax));
	for (k = 0; k < TAX__MAX; k++)
		tax.n[k] = fdp_u8(&f) % (TAX_VALUES_MAX + 1);
	nrows = fdp_u16(&f) % (ROWS_MAX + 1);
	listing_init(&l);
	CHECK(listing_begin(&l, &tax, nrows) == 0);
	for (i = 0; i < nrows; i++) {
		id += 1 + fdp_u8(&f) % 4;
		r = listing_add(&l, id, "slug", "Назва", "Короткий опис");
		CHECK(r != NULL);
		CHECK(r->id == id);
		CHECK(r->unit == -1 && r->format == -1);
		r->stored = fdp_u8(&f) % CS__MAX;
		r->unit = (int16_t)(fdp_u8(&f) % (tax.n[TAX_UNIT] + 1)) - 1;
		r->format = (int16_t)(fdp_u8(&f) % (tax.n[TAX_FORMAT] + 1)) - 1;
		r->opens = pick_time(&f);
		r->closes = pick_time(&f);
		r->closed_at = fdp_u8(&f) & 1 ? pick_time(&f) : 0;
		r->completed = pick_time(&f);
		r->comments = fdp_u8(&f) & 1 ? fdp_u8(&f) % 4 : fdp_u32(&f);
	}
	CHECK(l.n == nrows);
	/* Out of order: refused. */
	if (nrows > 0)
		CHECK(listing_add(&l, id, "x", "x", "x") == NULL);
	/* Links: up to LISTING_LINKS_MAX kept per row and vocabulary. */
	nlink = nrows > 0 ? fdp_u8(&f) * 4u : 0;
	for (i = 0; i < nlink; i++) {
		r = &l.rows[fdp_u16(&f) % nrows];
		s = fdp_u8(&f) % 3;
		if (tax.n[kinds[s]] == 0)
			continue;
		pos = (int)(fdp_u8(&f) % tax.n[kinds[s]]);
		before_n = r->nlinks[s];
		CHECK(listing_link(&l, r->id, kinds[s], pos) == 0);
		if (before_n < LISTING_LINKS_MAX) {
			CHECK(r->nlinks[s] == before_n + 1);
			CHECK(r->links[s][before_n] == pos);
		} else
			CHECK(r->nlinks[s] == LISTING_LINKS_MAX);
	}
	/* What the loader never passes on: refused, nothing changed. */
	if (nrows > 0) {
		CHECK(listing_link(&l, l.rows[0].id, TAX_FORMAT, 0) == -1);
		CHECK(listing_link(&l, l.rows[0].id, TAX_THEME, -1) == -1);
	}
	CHECK(listing_link(&l, id + 1, TAX_THEME, 0) == -1);
	CHECK(listing_finish(&l) == 0);

	/* listing_row_find: every id present, the gaps absent. */
	for (i = 0; i < l.n; i++) {
		CHECK(listing_row_find(&l, l.rows[i].id) == &l.rows[i]);
		if (i > 0 && l.rows[i].id - l.rows[i - 1].id > 1)
			CHECK(listing_row_find(&l, l.rows[i].id - 1) == NULL);
	}
	CHECK(listing_row_find(&l, 0) == NULL);
	CHECK(listing_row_find(&l, id + 1) == NULL);

	arena_init(&a, 0);
	nq = 1 + fdp_u8(&f) % QUERIES_MAX;
	while (nq-- > 0) {
		memset(&q, 0, sizeof(q));
		for (k = 0; k < FACET__MAX; k++) {
			size_t	 nv = k == FACET_STATUS ? CS__MAX : tax.n[k];
			uint8_t	 b = fdp_u8(&f);

			if (nv == 0)
				continue;
			/* Mostly none or a few; sometimes the full 32. */
			q.nsel[k] = b >= 0xf8 ? 32 : b & 1 ? 0 : 1 + b / 2 % 3;
			for (i = 0; i < q.nsel[k]; i++)
				q.sel[k][i] = (int)(fdp_u8(&f) % nv);
		}
		if (fdp_u8(&f) % 3 == 0) {
			nids = fdp_u8(&f) % 16;
			for (i = 0; i < nids; i++)
				ids[i] = fdp_u16(&f) % (id + 3);
			bits = listing_bits_from_ids(&l, &a, ids, nids);
			CHECK(bits != NULL);
			for (i = 0; i < l.n; i++) {
				for (want = 0, k = 0; k < nids; k++)
					want |= ids[k] == l.rows[i].id;
				CHECK((int)(bits[i / 64] >> (i % 64) & 1) ==
				    want);
			}
			q.text = bits;
		}
		q.from = fdp_u8(&f) & 1 ? pick_time(&f) : 0;
		q.to = fdp_u8(&f) & 1 ? pick_time(&f) : 0;
		q.sort = (enum listing_sort)(fdp_u8(&f) % SORT__MAX);
		q.offset = fdp_u8(&f) & 1 ? fdp_u8(&f) % (l.n + 3) :
		    fdp_u8(&f) / 64 * 20;
		q.limit = fdp_u8(&f) % 26;
		q.now = pick_time(&f);
		check_query(&l, &tax, &q, &a);
		arena_reset(&a);
	}
	arena_free(&a);
	listing_free(&l);
	return 0;
}
