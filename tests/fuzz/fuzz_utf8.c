/*
 * utf8_valid() and utf8_len() against two independent references: glibc's
 * iconv (UTF-8 to UTF-32, which refuses overlongs, surrogates and anything
 * above U+10FFFF) and the by-value decoder of fuzz.h, both with the
 * project's extra rule applied to the decoded code points (no NUL, no C0
 * control but tab, LF and CR, no DEL).  Also: a valid string cut inside a
 * sequence is invalid, and cut at a boundary stays valid.
 */
#include <errno.h>
#include <iconv.h>

#include "fuzz.h"

#include "utf8.h"

static iconv_t	 cd;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if ((cd = iconv_open("UTF-32LE", "UTF-8")) == (iconv_t)-1) {
		perror("iconv_open");
		abort();
	}
	return 0;
}

/* -1 when iconv refuses s, else the number of code points (all allowed). */
static long
iconv_ref(const uint8_t *s, size_t len)
{
	uint8_t		*out;
	char		*in = (char *)s, *op;
	size_t		 il = len, ol = 4 * len + 4, i, n;
	uint32_t	 cp;
	long		 rc = -1;

	if ((out = malloc(ol)) == NULL)
		abort();
	op = (char *)out;
	(void)iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &in, &il, &op, &ol) != (size_t)-1 && il == 0) {
		n = (size_t)(op - (char *)out) / 4;
		for (i = 0; i < n; i++) {
			cp = (uint32_t)out[4 * i] | (uint32_t)out[4 * i + 1] << 8 |
			    (uint32_t)out[4 * i + 2] << 16 |
			    (uint32_t)out[4 * i + 3] << 24;
			if (cp > 0x10ffff || !ref_cp_allowed(cp))
				break;
		}
		if (i == n)
			rc = (long)n;
	}
	free(out);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	size_t		 ncp = 0, k, i;
	long		 viaiconv;
	int		 v, ref;

	v = utf8_valid(s, size);
	ref = ref_utf8_valid(data, size, 1, &ncp);
	viaiconv = iconv_ref(data, size);
	CHECK(v == 0 || v == 1);
	CHECK(ref == (viaiconv >= 0));		/* the references agree */
	CHECK(v == ref);
	if (!v)
		return 0;
	CHECK(utf8_len(s, size) == ncp);
	CHECK((long)ncp == viaiconv);
	/* Cuts: at a code point boundary valid, inside a sequence invalid. */
	for (i = 0; i < 8 && size > 0; i++) {
		k = (size_t)data[i % size] * 131 % (size + 1);
		CHECK(utf8_valid(s, k) ==
		    (k == size || (data[k] & 0xc0) != 0x80));
	}
	return 0;
}
