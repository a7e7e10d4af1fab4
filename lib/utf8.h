/*
 * UTF-8 checks done once at the edge of a request, so that nothing further
 * in (pcre2 with PCRE2_NO_UTF_CHECK, MariaDB, ctemplate) sees invalid text.
 */
#ifndef HROMADA_UTF8_H
#define HROMADA_UTF8_H

#include <stddef.h>

#include "arena.h"

/*
 * Returns 1 when s[0..len) is well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF) with no NUL and no C0
 * control other than tab, LF and CR; 0 otherwise.
 */
int	utf8_valid(const char *s, size_t len);

/* Number of code points in a valid UTF-8 string. */
size_t	utf8_len(const char *s, size_t len);

/* Bytes of the first max code points of a valid UTF-8 string. */
size_t	utf8_prefix(const char *s, size_t len, size_t max);

/*
 * A copy of s in the arena where every byte that does not start a sequence
 * utf8_valid() accepts (bad UTF-8, NUL, controls) is U+FFFD, so a form can
 * show a person what they sent; NULL on allocation failure.
 */
char	*utf8_scrub(struct arena *, const char *s, size_t len, size_t *outlen);

#endif /* HROMADA_UTF8_H */
