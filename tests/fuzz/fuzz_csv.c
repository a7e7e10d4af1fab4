/*
 * csv_read() on any bytes: it ends, its line numbers never go back, no
 * field holds a NUL, no record has more fields than asked; and every record
 * it reads, written again with csv_raw() (quoted as RFC 4180 says), reads
 * back as the same fields on one record.
 */
#include "fuzz.h"

#include "arena.h"
#include "csv.h"

#define MAXF	16

static void
round_trip(struct arena *a, char **f, size_t n)
{
	struct csv_out	 o;
	struct csv_in	 in;
	char		*buf = NULL, **g;
	const char	*err;
	size_t		 len = 0, m, i;
	unsigned long	 line;
	FILE		*fp;

	/* One empty field is written as an empty line, which is no record. */
	if (n == 1 && f[0][0] == '\0')
		return;
	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	/* A header first: a byte order mark opening the buffer is skipped. */
	csv_out_init(&o, fp);
	csv_raw(&o, "h");
	csv_end(&o);
	for (i = 0; i < n; i++)
		csv_raw(&o, f[i]);
	csv_end(&o);
	fclose(fp);
	csv_in_init(&in, buf, len);
	CHECK(csv_read(&in, a, &g, &m, MAXF, &line, &err) == 1);
	CHECK(line == 1 && m == 1 && strcmp(g[0], "h") == 0);
	CHECK(csv_read(&in, a, &g, &m, MAXF, &line, &err) == 1);
	CHECK(line == 2 && m == n);
	for (i = 0; i < n; i++)
		CHECK(strcmp(f[i], g[i]) == 0);
	CHECK(csv_read(&in, a, &g, &m, MAXF, &line, &err) == 0);
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct csv_in	 in;
	char		**f;
	const char	*err;
	size_t		 n, i, records = 0;
	unsigned long	 line, last = 0;
	int		 r;

	arena_init(&a, 0);
	csv_in_init(&in, (const char *)data, size);
	while ((r = csv_read(&in, &a, &f, &n, MAXF, &line, &err)) != 0) {
		CHECK(r == 1 || r == -1);
		CHECK(line >= 1 && line > last - (last > 0));
		CHECK(records++ <= size);
		last = line;
		if (r == -1) {
			CHECK(err != NULL);
			continue;
		}
		CHECK(n >= 1 && n <= MAXF);
		for (i = 0; i < n; i++)
			CHECK(f[i] != NULL);
		round_trip(&a, f, n);
	}
	arena_free(&a);
	return 0;
}
