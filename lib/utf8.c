#include <stddef.h>
#include <string.h>

#include "utf8.h"

/*
 * The length of the well-formed sequence at s[i], or 0 when there is none
 * (or it is a refused control character).
 */
static size_t
seq_len(const unsigned char *s, size_t i, size_t len)
{
	unsigned	 c = s[i];

	if (c < 0x80) {
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f)
			return 0;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		return i + 1 < len && (s[i + 1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (i + 2 >= len || (s[i + 1] & 0xc0) != 0x80 ||
		    (s[i + 2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && s[i + 1] < 0xa0)
			return 0;	/* overlong */
		if (c == 0xed && s[i + 1] > 0x9f)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (i + 3 >= len || (s[i + 1] & 0xc0) != 0x80 ||
		    (s[i + 2] & 0xc0) != 0x80 || (s[i + 3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && s[i + 1] < 0x90)
			return 0;	/* overlong */
		if (c == 0xf4 && s[i + 1] > 0x8f)
			return 0;	/* above U+10FFFF */
		return 4;
	}
	return 0;
}

int
utf8_valid(const char *str, size_t len)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, n;

	while (i < len) {
		if ((n = seq_len(s, i, len)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

size_t
utf8_len(const char *str, size_t len)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i, n = 0;

	for (i = 0; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

size_t
utf8_prefix(const char *str, size_t len, size_t max)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i, n = 0;

	for (i = 0; i < len; i++)
		if ((s[i] & 0xc0) != 0x80 && n++ == max)
			return i;
	return len;
}

char *
utf8_scrub(struct arena *a, const char *str, size_t len, size_t *outlen)
{
	static const char	 repl[] = "\xef\xbf\xbd";	/* U+FFFD */
	const unsigned char	*s = (const unsigned char *)str;
	char			*out;
	size_t			 i = 0, o = 0, n;

	/* Each bad byte becomes three: the worst case is 3 * len. */
	if (len > ((size_t)-1 - 1) / 3 ||
	    (out = arena_alloc(a, 3 * len + 1)) == NULL)
		return NULL;
	while (i < len) {
		if ((n = seq_len(s, i, len)) == 0) {
			memcpy(out + o, repl, 3);
			o += 3;
			i++;
			continue;
		}
		memcpy(out + o, s + i, n);
		o += n;
		i += n;
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}
