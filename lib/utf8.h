/*
 * UTF-8 checks done once at the edge of a request, so that nothing further
 * in (pcre2 with PCRE2_NO_UTF_CHECK, MariaDB, ctemplate) sees invalid text.
 */
#ifndef HROMADA_UTF8_H
#define HROMADA_UTF8_H

#include <stddef.h>

/*
 * Returns 1 when s[0..len) is well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF) with no NUL and no C0
 * control other than tab, LF and CR; 0 otherwise.
 */
int	utf8_valid(const char *s, size_t len);

/* Number of code points in a valid UTF-8 string. */
size_t	utf8_len(const char *s, size_t len);

#endif /* HROMADA_UTF8_H */
