#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "md.h"

char *
md_render(struct arena *a, const char *s, size_t len)
{
	char	*html, *out;

	/*
	 * CMARK_OPT_SAFE is the default since cmark 0.29; it is named anyway
	 * so that an older library does not silently render raw HTML.
	 */
	html = cmark_markdown_to_html(s, len,
	    CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART);
	if (html == NULL)
		return NULL;
	out = arena_strdup(a, html);
	free(html);
	return out;
}
