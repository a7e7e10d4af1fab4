#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
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
