/*
 * search_query(): whatever a person types, the boolean-mode query is "" or
 * up to SEARCH_TERMS_MAX space-separated terms "+word*", each word at least
 * SEARCH_TERM_MIN code points of well-formed text holding no ASCII other
 * than letters and digits (so none of MariaDB's operators + - < > ( ) ~ * "
 * @ can get through), taken in order from the input as whole words.  For
 * ASCII input the exact answer is known: the first eight runs of two or
 * more ASCII letters/digits.
 */
#include "fuzz.h"

#include "arena.h"
#include "search.h"

static void
check_ascii(const uint8_t *q, size_t len, const char *out)
{
	char	*want, *o;
	size_t	 i = 0, j, terms = 0;

	if ((want = malloc(len * 3 + 1)) == NULL)
		abort();
	o = want;
	while (i < len && terms < SEARCH_TERMS_MAX) {
		while (i < len && !ref_ascii_alnum(q[i]))
			i++;
		for (j = i; j < len && ref_ascii_alnum(q[j]); j++)
			continue;
		if (j - i >= SEARCH_TERM_MIN) {
			if (o != want)
				*o++ = ' ';
			*o++ = '+';
			memcpy(o, q + i, j - i);
			o += j - i;
			*o++ = '*';
			terms++;
		}
		i = j;
	}
	*o = '\0';
	CHECK(strcmp(out, want) == 0);
	free(want);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	const char	*q = (const char *)data, *at, *tok, *sp;
	char		*out;
	size_t		 i, wlen, ncp, terms = 0, from = 0, olen;
	int		 ascii = 1;

	arena_init(&a, 0);
	out = search_query(&a, q, size);
	CHECK(out != NULL);
	olen = strlen(out);
	CHECK(olen <= size * 2 + 4 * SEARCH_TERMS_MAX);
	if (!ref_utf8_valid(data, size, 1, NULL)) {
		CHECK(*out == '\0');
		arena_free(&a);
		return 0;
	}
	for (tok = out; *tok != '\0'; tok = *sp == ' ' ? sp + 1 : sp) {
		sp = tok + strcspn(tok, " ");
		/* "+word*" */
		CHECK(sp - tok >= 3);
		CHECK(tok[0] == '+' && sp[-1] == '*');
		wlen = (size_t)(sp - tok) - 2;
		CHECK(ref_utf8_valid(tok + 1, wlen, 1, &ncp));
		CHECK(ncp >= SEARCH_TERM_MIN);
		for (i = 1; i <= wlen; i++)
			if ((unsigned char)tok[i] < 0x80)
				CHECK(ref_ascii_alnum((unsigned char)tok[i]));
		/* The word is next in the input, and whole as far as ASCII. */
		at = memmem(q + from, size - from, tok + 1, wlen);
		CHECK(at != NULL);
		if (at > q)
			CHECK(!ref_ascii_alnum((unsigned char)at[-1]));
		if (at + wlen < q + size)
			CHECK(!ref_ascii_alnum((unsigned char)at[wlen]));
		from = (size_t)(at - q) + wlen;
		terms++;
		CHECK(*sp == '\0' || sp[1] != '\0');	/* no trailing space */
	}
	CHECK(terms <= SEARCH_TERMS_MAX);
	for (i = 0; i < size; i++)
		if (data[i] >= 0x80)
			ascii = 0;
	if (ascii)
		check_ascii(data, size, out);
	arena_free(&a);
	return 0;
}
