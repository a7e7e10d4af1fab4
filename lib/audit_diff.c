/*
 * The changed fields of an audit row (lib/audit_diff.h), with jansson.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "audit_diff.h"

#define NONE	"—"

/* A JSON text as an object: a non-object (or bad JSON) is wrapped. */
static json_t *
as_object(const char *s)
{
	json_t		*v, *o;
	json_error_t	 e;

	if (s == NULL || *s == '\0')
		return json_object();
	if ((v = json_loads(s, JSON_DECODE_ANY, &e)) == NULL)
		v = json_string(s);
	if (v == NULL || json_is_object(v))
		return v;
	if ((o = json_object()) != NULL)
		json_object_set(o, "значення", v);
	json_decref(v);
	return o;
}

/* A value as a person reads it: text as is, null or absent as a dash. */
static const char *
show(struct arena *a, const json_t *v)
{
	char		*s;
	const char	*out;

	if (v == NULL || json_is_null(v))
		return NONE;
	if (json_is_string(v))
		return arena_strdup(a, json_string_value(v));
	if (json_is_true(v))
		return "так";
	if (json_is_false(v))
		return "ні";
	if ((s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)) == NULL)
		return NULL;
	out = arena_strdup(a, s);
	free(s);
	return out;
}

static int
add(struct arena *a, struct audit_change *v, int *n, const char *key,
    const json_t *b, const json_t *af)
{
	if (b != NULL && af != NULL && json_equal(b, af))
		return 0;
	if ((b == NULL || json_is_null(b)) && (af == NULL || json_is_null(af)))
		return 0;
	v[*n].field = arena_strdup(a, key);
	v[*n].before = show(a, b);
	v[*n].after = show(a, af);
	if (v[*n].field == NULL || v[*n].before == NULL ||
	    v[*n].after == NULL)
		return -1;
	(*n)++;
	return 0;
}

int
audit_diff(struct arena *a, const char *before, const char *after,
    struct audit_change **out)
{
	json_t		*b, *af, *val;
	const char	*key;
	int		 n = 0, rc = -1;

	*out = NULL;
	b = as_object(before);
	af = as_object(after);
	if (b == NULL || af == NULL)
		goto done;
	if ((*out = arena_calloc(a, json_object_size(b) +
	    json_object_size(af) + 1, sizeof(**out))) == NULL)
		goto done;
	json_object_foreach(af, key, val)
		if (add(a, *out, &n, key, json_object_get(b, key), val) == -1)
			goto done;
	json_object_foreach(b, key, val)
		if (json_object_get(af, key) == NULL &&
		    add(a, *out, &n, key, val, NULL) == -1)
			goto done;
	rc = n;
done:
	json_decref(b);
	json_decref(af);
	return rc;
}
