/*
 * Shared by the libFuzzer targets: the check that stops the run on a broken
 * invariant, a reader that turns fuzz bytes into structured choices, and an
 * independent UTF-8 decoder the targets use as a reference.  Everything
 * here is written from the contracts in the lib headers, not from the .c
 * files, so that a target compares the library with a second opinion.
 */
#ifndef HROMADA_FUZZ_H
#define HROMADA_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A broken invariant is a crash: libFuzzer saves the input. */
#define CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

/* Structured choices from the input; past its end every read is 0. */
struct fdp {
	const uint8_t	*p;
	size_t		 n;
};

static inline uint8_t
fdp_u8(struct fdp *f)
{
	uint8_t	 v;

	if (f->n == 0)
		return 0;
	v = *f->p++;
	f->n--;
	return v;
}

static inline uint16_t
fdp_u16(struct fdp *f)
{
	uint16_t	 lo = fdp_u8(f);

	return (uint16_t)(lo | fdp_u8(f) << 8);
}

static inline uint32_t
fdp_u32(struct fdp *f)
{
	uint32_t	 lo = fdp_u16(f);

	return lo | (uint32_t)fdp_u16(f) << 16;
}

static inline uint64_t
fdp_u64(struct fdp *f)
{
	uint64_t	 lo = fdp_u32(f);

	return lo | (uint64_t)fdp_u32(f) << 32;
}

/* The input up to its end or to the next NUL, as a new C string. */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	const uint8_t	*z = memchr(data, '\0', size);
	size_t		 n = z != NULL ? (size_t)(z - data) : size;
	char		*s;

	if ((s = malloc(n + 1)) == NULL)
		abort();
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

/*
 * Decodes one code point at s[*i] by value (RFC 3629): 1 and advances, or
 * 0 when the sequence is truncated, malformed, overlong, a surrogate or
 * above U+10FFFF.
 */
static inline int
ref_utf8_next(const uint8_t *s, size_t len, size_t *i, uint32_t *cp)
{
	uint32_t	 v, min;
	size_t		 n, k;
	uint8_t		 c = s[*i];

	if (c < 0x80) {
		*cp = c;
		(*i)++;
		return 1;
	}
	if ((c & 0xe0) == 0xc0) {
		n = 1; v = c & 0x1f; min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 2; v = c & 0x0f; min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		n = 3; v = c & 0x07; min = 0x10000;
	} else
		return 0;
	if (len - *i <= n)
		return 0;
	for (k = 1; k <= n; k++) {
		if ((s[*i + k] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[*i + k] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	*i += n + 1;
	return 1;
}

/* The project's text rule: no NUL, no C0 control but tab/LF/CR, no DEL. */
static inline int
ref_cp_allowed(uint32_t cp)
{
	if (cp == 0x7f)
		return 0;
	return cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r';
}

/*
 * Well-formed UTF-8 (strict: also the project's control rule); the number
 * of code points in *ncp when not NULL.
 */
static inline int
ref_utf8_valid(const void *p, size_t len, int strict, size_t *ncp)
{
	const uint8_t	*s = p;
	size_t		 i = 0, n = 0;
	uint32_t	 cp;

	while (i < len) {
		if (!ref_utf8_next(s, len, &i, &cp))
			return 0;
		if (strict && !ref_cp_allowed(cp))
			return 0;
		n++;
	}
	if (ncp != NULL)
		*ncp = n;
	return 1;
}

static inline int
ref_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static inline int
ref_ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

#endif /* HROMADA_FUZZ_H */
