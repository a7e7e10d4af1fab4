/*
 * The API's JSON writer (api_json.h) on any valid UTF-8 without NUL: a
 * string written by jw_str() inside an array with a number and a key parses
 * (jansson, strict) back to exactly the bytes given.
 */
#include "fuzz.h"

#include <jansson.h>

#include "api_json.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jw	 w;
	json_error_t	 err;
	json_t		*j, *s;
	char		*in, *b;
	size_t		 len;

	/* Valid UTF-8 (controls included: the writer escapes them). */
	if (size > 16384 || memchr(data, 0, size) != NULL ||
	    (s = json_stringn((const char *)data, size)) == NULL)
		return 0;
	json_decref(s);
	if ((in = malloc(size + 1)) == NULL)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	jw_init(&w, 0);
	jw_open(&w, '[');
	jw_int(&w, (long long)size);
	jw_open(&w, '{');
	jw_key(&w, "s");
	jw_str(&w, in);
	jw_close(&w, '}');
	jw_close(&w, ']');
	b = jw_finish(&w, &len);
	CHECK(b != NULL && strlen(b) == len);
	j = json_loadb(b, len, JSON_REJECT_DUPLICATES, &err);
	CHECK(j != NULL && json_array_size(j) == 2);
	CHECK(json_integer_value(json_array_get(j, 0)) == (json_int_t)size);
	s = json_object_get(json_array_get(j, 1), "s");
	CHECK(s != NULL && json_string_length(s) == size &&
	    memcmp(json_string_value(s), in, size) == 0);
	json_decref(j);
	free(b);
	free(in);
	return 0;
}
