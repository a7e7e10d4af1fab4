#include <string.h>

#include "csv.h"

void
csv_out_init(struct csv_out *o, FILE *f)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->first = 1;
}

int
csv_formula_like(const char *s, size_t len)
{
	return len > 0 && strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
}

static void
field(struct csv_out *o, const char *s, size_t len, int neutralise)
{
	size_t	 i;
	int	 quote = 0;

	if (!o->first)
		(void)putc(',', o->f);
	o->first = 0;
	for (i = 0; i < len && !quote; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			quote = 1;
	if (neutralise && csv_formula_like(s, len))
		quote = 1;
	if (!quote) {
		(void)fwrite(s, 1, len, o->f);
		return;
	}
	(void)putc('"', o->f);
	if (neutralise && csv_formula_like(s, len))
		(void)putc('\'', o->f);
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			(void)putc('"', o->f);
		(void)putc(s[i], o->f);
	}
	(void)putc('"', o->f);
}

void
csv_text(struct csv_out *o, const char *s, size_t len)
{
	field(o, s, len, 1);
}

void
csv_raw(struct csv_out *o, const char *s)
{
	field(o, s, strlen(s), 0);
}

void
csv_end(struct csv_out *o)
{
	(void)fputs("\r\n", o->f);
	o->first = 1;
	o->records++;
}

void
csv_in_init(struct csv_in *in, const char *buf, size_t len)
{
	in->p = buf;
	in->end = buf + len;
	in->line = 1;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		in->p += 3;
}

/* Past the end of the current physical line (a malformed record). */
static void
skip_line(struct csv_in *in)
{
	while (in->p < in->end && *in->p != '\n')
		in->p++;
	if (in->p < in->end) {
		in->p++;
		in->line++;
	}
}

/* Field values are collected in one growing buffer, then copied. */
struct fbuf {
	char	*b;
	size_t	 len, cap;
};

static int
fb_put(struct arena *a, struct fbuf *fb, char c)
{
	char	*nb;

	if (fb->len + 2 > fb->cap) {
		fb->cap = fb->cap == 0 ? 256 : fb->cap * 2;
		if ((nb = arena_alloc(a, fb->cap)) == NULL)
			return -1;
		if (fb->len > 0)
			memcpy(nb, fb->b, fb->len);
		fb->b = nb;
	}
	fb->b[fb->len++] = c;
	return 0;
}

int
csv_read(struct csv_in *in, struct arena *a, char ***fields, size_t *n,
    size_t maxfields, unsigned long *line, const char **err)
{
	struct fbuf	 fb;
	char		**f;
	int		 quoted, after;
	char		 c;

	*n = 0;
	/* Blank lines between records are not records. */
	while (in->p < in->end && (*in->p == '\n' || (*in->p == '\r' &&
	    in->p + 1 < in->end && in->p[1] == '\n'))) {
		in->p += *in->p == '\r' ? 2 : 1;
		in->line++;
	}
	*line = in->line;
	if (in->p >= in->end)
		return 0;
	if ((f = arena_calloc(a, maxfields + 1, sizeof(char *))) == NULL) {
		*err = "бракує пам'яті";
		return -1;
	}
	*fields = f;
	for (;;) {
		memset(&fb, 0, sizeof(fb));
		quoted = after = 0;
		if (in->p < in->end && *in->p == '"') {
			quoted = 1;
			in->p++;
		}
		for (;;) {
			if (in->p >= in->end) {
				if (quoted && !after) {
					*err = "лапки не закрито до кінця файлу";
					return -1;
				}
				break;
			}
			c = *in->p;
			if (c == '\0') {
				*err = "нульовий байт у полі";
				skip_line(in);
				return -1;
			}
			if (quoted && !after) {
				in->p++;
				if (c == '"') {
					if (in->p < in->end && *in->p == '"') {
						in->p++;
					} else {
						after = 1;
						continue;
					}
				} else if (c == '\n')
					in->line++;
				if (fb_put(a, &fb, c) == -1) {
					*err = "бракує пам'яті";
					return -1;
				}
				continue;
			}
			if (c == ',' || c == '\n' || (c == '\r' &&
			    in->p + 1 < in->end && in->p[1] == '\n') ||
			    (c == '\r' && in->p + 1 == in->end))
				break;
			if (after || c == '"') {
				*err = after ? "після закривних лапок є "
				    "інші символи" : "лапки всередині поля без "
				    "лапок";
				skip_line(in);
				return -1;
			}
			if (fb_put(a, &fb, c) == -1) {
				*err = "бракує пам'яті";
				return -1;
			}
			in->p++;
		}
		if (*n == maxfields) {
			*err = "забагато полів";
			skip_line(in);
			return -1;
		}
		f[(*n)++] = fb.len == 0 ? arena_strdup(a, "") :
		    arena_strndup(a, fb.b, fb.len);
		if (f[*n - 1] == NULL) {
			*err = "бракує пам'яті";
			return -1;
		}
		if (in->p < in->end && *in->p == ',') {
			in->p++;
			continue;
		}
		/* The record's end: CRLF, LF, a lone final CR, or EOF. */
		if (in->p < in->end && *in->p == '\r')
			in->p++;
		if (in->p < in->end && *in->p == '\n') {
			in->p++;
			in->line++;
		}
		return 1;
	}
}
