/*
 * md_render(): whatever the Markdown, the HTML it returns is safe to insert
 * unescaped.  The output is scanned as a browser would tokenise it: every
 * '<' opens a tag cmark emits (or the "raw HTML omitted" comment), every
 * attribute is one cmark writes (so no on...= handler, no style), every
 * attribute value is double-quoted with no quote or angle bracket inside,
 * no '>' or '"' stands in text, no <script/<style/<iframe anywhere, and no
 * href or src leads, after the browser's entity decoding and stripping, to
 * a javascript:, vbscript:, file: or non-image data: URL.  The output is
 * well-formed UTF-8 and rendering is deterministic.
 */
#include <ctype.h>
#include <strings.h>

#include "fuzz.h"

#include "arena.h"
#include "md.h"

static const char *const tags[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
	"pre", "code", "em", "strong", "a", "img", "hr", "br", NULL
};
static const char *const attrs[] = {
	"href", "src", "alt", "title", "class", "start", NULL
};
#define OMITTED	"<!-- raw HTML omitted -->"

static int
in_list(const char *const *list, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return 1;
	return 0;
}

/* Decodes the entities cmark writes in attributes (and any numeric one). */
static size_t
entity_decode(const char *s, size_t len, char *out)
{
	static const struct { const char *name; char c; } named[] = {
		{ "&amp;", '&' }, { "&quot;", '"' }, { "&lt;", '<' },
		{ "&gt;", '>' }, { "&apos;", '\'' },
	};
	size_t		 i = 0, o = 0, k, n;
	unsigned long	 v;
	char		*end;

	while (i < len) {
		if (s[i] != '&') {
			out[o++] = s[i++];
			continue;
		}
		for (k = 0; k < sizeof(named) / sizeof(named[0]); k++) {
			n = strlen(named[k].name);
			if (len - i >= n &&
			    strncasecmp(s + i, named[k].name, n) == 0)
				break;
		}
		if (k < sizeof(named) / sizeof(named[0])) {
			out[o++] = named[k].c;
			i += strlen(named[k].name);
		} else if (len - i > 2 && s[i + 1] == '#') {
			v = (s[i + 2] | 0x20) == 'x' ?
			    strtoul(s + i + 3, &end, 16) :
			    strtoul(s + i + 2, &end, 10);
			/* Only ASCII matters for the scheme check. */
			out[o++] = v > 0 && v < 0x80 ? (char)v : '?';
			i = (size_t)(end - s);
			if (i < len && s[i] == ';')
				i++;
		} else
			out[o++] = s[i++];
	}
	out[o] = '\0';
	return o;
}

/* What a browser does to a URL before it looks for the scheme. */
static void
check_url(const char *v, size_t len)
{
	char		*dec, *u;
	size_t		 n, i, o = 0;
	const char	*p, *colon;

	if ((dec = malloc(len + 1)) == NULL || (u = malloc(len + 1)) == NULL)
		abort();
	n = entity_decode(v, len, dec);
	/* Leading C0 controls and spaces go; tab, CR, LF go everywhere. */
	for (i = 0; i < n && (unsigned char)dec[i] <= 0x20; i++)
		continue;
	for (; i < n; i++)
		if (dec[i] != '\t' && dec[i] != '\n' && dec[i] != '\r')
			u[o++] = (char)tolower((unsigned char)dec[i]);
	u[o] = '\0';
	/* A scheme: a letter, then letters, digits, '+', '-', '.', a ':'. */
	if ((colon = strchr(u, ':')) != NULL && isalpha((unsigned char)u[0])) {
		for (p = u; p < colon; p++)
			if (!isalnum((unsigned char)*p) && !strchr("+-.", *p))
				break;
		if (p == colon) {
			CHECK(strncmp(u, "javascript:", 11) != 0);
			CHECK(strncmp(u, "vbscript:", 9) != 0);
			CHECK(strncmp(u, "file:", 5) != 0);
			if (strncmp(u, "data:", 5) == 0)
				CHECK(strncmp(u, "data:image/png", 14) == 0 ||
				    strncmp(u, "data:image/gif", 14) == 0 ||
				    strncmp(u, "data:image/jpeg", 15) == 0 ||
				    strncmp(u, "data:image/webp", 15) == 0);
		}
	}
	free(dec);
	free(u);
}

static void
check_html(const char *h)
{
	const char	*p = h, *name, *val;
	size_t		 nlen;
	int		 url;

	CHECK(ref_utf8_valid(h, strlen(h), 0, NULL));
	for (p = h; (p = strchr(p, '<')) != NULL; ) {
		if (strncasecmp(p, "<script", 7) == 0 ||
		    strncasecmp(p, "<style", 6) == 0 ||
		    strncasecmp(p, "<iframe", 7) == 0)
			CHECK(!"dangerous element");
		if (strncmp(p, OMITTED, strlen(OMITTED)) == 0) {
			p += strlen(OMITTED);
			continue;
		}
		p++;
		if (*p == '/')
			p++;
		for (name = p; islower((unsigned char)*p) ||
		    isdigit((unsigned char)*p); p++)
			continue;
		CHECK(in_list(tags, name, (size_t)(p - name)));
		for (;;) {
			while (*p == ' ')
				p++;
			if (*p == '>' || (p[0] == '/' && p[1] == '>'))
				break;
			for (name = p; islower((unsigned char)*p); p++)
				continue;
			nlen = (size_t)(p - name);
			CHECK(in_list(attrs, name, nlen));
			url = (nlen == 4 && memcmp(name, "href", 4) == 0) ||
			    (nlen == 3 && memcmp(name, "src", 3) == 0);
			CHECK(p[0] == '=' && p[1] == '"');
			p += 2;
			for (val = p; *p != '"' && *p != '\0'; p++)
				CHECK(*p != '<' && *p != '>');
			CHECK(*p == '"');
			if (url)
				check_url(val, (size_t)(p - val));
			p++;
		}
		p = strchr(p, '>') + 1;
		/* Text up to the next tag: escaped, no '>' or '"'. */
		for (; *p != '\0' && *p != '<'; p++)
			CHECK(*p != '>' && *p != '"');
	}
	/* Text before the first tag. */
	for (p = h; *p != '\0' && *p != '<'; p++)
		CHECK(*p != '>' && *p != '"');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	char		*html, *again;

	arena_init(&a, 0);
	html = md_render(&a, (const char *)data, size);
	CHECK(html != NULL);
	check_html(html);
	again = md_render(&a, (const char *)data, size);
	CHECK(again != NULL && strcmp(html, again) == 0);
	arena_free(&a);
	return 0;
}
