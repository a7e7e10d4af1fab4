/*
 * Markdown for official texts (consultation bodies, reports), rendered by
 * cmark in its safe mode: raw HTML is dropped and javascript:, vbscript:,
 * file: and data: (other than images) links are emptied.  The result is the
 * one kind of value templates insert unescaped ({{..._HTML:none}}).
 */
#ifndef HROMADA_MD_H
#define HROMADA_MD_H

#include <stddef.h>

#include "arena.h"

/* Renders s[0..len) to HTML in the arena; NULL on failure. */
char	*md_render(struct arena *, const char *s, size_t len);

#endif /* HROMADA_MD_H */
