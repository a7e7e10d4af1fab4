/*
 * The JSON body of POST /api/v1/consultations/{id}/comments, decoded and
 * checked by the same rules as the HTML form (comment_rules[] of
 * comment_form.h): the fields the form has, less the form token and the
 * honeypot, and "consent" a JSON true instead of a ticked box.
 *
 *   { "kind": "comment" | "proposal", "name": "...", "email": "...",
 *     "organisation": "..." | null (optional), "text": "...",
 *     "consent": true, "notify": true | false (optional) }
 *
 * notify: tell the author of a proposal of its official answer and of the
 * results report (the form's box; stored as comments.notify_author).
 *
 * Pure (no database, no I/O): a fuzz target feeds it any bytes.
 */
#ifndef HROMADA_API_COMMENT_H
#define HROMADA_API_COMMENT_H

#include <stddef.h>

#include "arena.h"

/* Deeper JSON is refused before any field is looked at. */
#define API_JSON_DEPTH_MAX	32
/* An unknown member's name in an error is cut to this many bytes. */
#define API_FIELD_NAME_MAX	64

struct api_comment {
	const char	*kind;			/* "comment" or "proposal" */
	const char	*name, *email, *organisation, *text;
	size_t		 name_len, email_len, org_len, text_len;
	/* text: CRLF and CR as LF (what is stored and hashed). */
	int		 notify;		/* 1: "notify": true */
};

/*
 * Decodes and checks body.  Returns 0 with out filled (strings in the
 * arena, organisation NULL when absent); 400 when the body is not one JSON
 * object of the right member types (not JSON, invalid UTF-8, too deep,
 * a member of the wrong type); 422 when it is but breaks a rule (a missing
 * or unknown member, a value the form would refuse, consent not true);
 * 500 when out of memory.  On an error *field names the member (or is
 * NULL; an unknown member's name is cut to API_FIELD_NAME_MAX bytes,
 * "" for a member named "", NULL when it holds a control character) and *message says what is wrong, in Ukrainian (static strings).
 */
int	api_comment_decode(struct arena *, const char *body, size_t len,
	    struct api_comment *out, const char **field, const char **message);

/*
 * Shared by the API's body decoders: the deepest nesting of arrays and
 * objects in the bytes, outside strings (checked before parsing, so a deep
 * body costs no recursion); an unknown member's name for an error's field
 * (at most API_FIELD_NAME_MAX bytes, from the arena; NULL when it holds a
 * control character).
 */
size_t		 api_json_depth(const char *, size_t);
const char	*api_member_name(struct arena *, const char *key);
/*
 * The body as a JSON object (*root, a reference the caller releases), or
 * 400 with *message (static) when it is empty, too deep, not UTF-8 JSON,
 * or not an object; 0 on success.
 */
struct json_t;
int		 api_json_object(const char *body, size_t len,
		    struct json_t **root, const char **message);

#endif /* HROMADA_API_COMMENT_H */
