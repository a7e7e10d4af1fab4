/*
 * The iCalendar writer (ics.h) on any text: every physical line is at most
 * 75 octets and ends with CRLF, no bare CR or LF gets through, a line that
 * was valid UTF-8 stays valid on every physical line, and unfolding then
 * unescaping gives back the value (with other controls as spaces).
 */
#include "fuzz.h"

#include "ics.h"
#include "utf8.h"

/* The value as ics_text() promises to carry it. */
static char *
expected(const char *v, size_t n, size_t *outlen)
{
	char	*o = malloc(n + 1);
	size_t	 i, k = 0;

	for (i = 0; i < n; i++) {
		if (v[i] == '\r' && i + 1 < n && v[i + 1] == '\n')
			continue;
		if (v[i] == '\r' || v[i] == '\n')
			o[k++] = '\n';
		else if ((unsigned char)v[i] < 0x20 && v[i] != '\t')
			o[k++] = ' ';
		else
			o[k++] = v[i];
	}
	*outlen = k;
	return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ics	 c;
	char		*v, *out = NULL, *flat, *want;
	size_t		 len, i, start, k, wl;
	int		 valid;

	/* A C string: the writer takes NUL-terminated values. */
	v = malloc(size + 1);
	memcpy(v, data, size);
	v[size] = '\0';
	size = strlen(v);
	valid = utf8_valid(v, size);
	ics_init(&c);
	ics_text(&c, "DESCRIPTION", v);
	CHECK(ics_finish(&c, &out, &len) == 0);
	/* Physical lines. */
	for (i = 0, start = 0; i < len; i++) {
		if (out[i] == '\n') {
			CHECK(i > 0 && out[i - 1] == '\r');
			CHECK(i - 1 - start <= ICS_FOLD);
			if (valid)
				CHECK(utf8_valid(out + start, i - 1 - start));
			start = i + 1;
		} else if (out[i] == '\r') {
			CHECK(i + 1 < len && out[i + 1] == '\n');
		}
	}
	CHECK(start == len);
	/* Unfold and unescape. */
	flat = malloc(len + 1);
	for (i = 0, k = 0; i < len; i++) {
		if (out[i] == '\r' && out[i + 1] == '\n' && i + 2 < len &&
		    out[i + 2] == ' ') {
			i += 2;
			continue;
		}
		flat[k++] = out[i];
	}
	CHECK(k >= 2 && flat[k - 2] == '\r' && flat[k - 1] == '\n');
	k -= 2;
	CHECK(k >= 12 && memcmp(flat, "DESCRIPTION:", 12) == 0);
	want = expected(v, size, &wl);
	for (i = 12, len = 0; i < k; i++) {
		if (flat[i] == '\\') {
			CHECK(i + 1 < k);
			i++;
			CHECK(strchr("\\;,n", flat[i]) != NULL);
			CHECK(len < wl && want[len] == (flat[i] == 'n' ? '\n' :
			    flat[i]));
		} else {
			CHECK(flat[i] != ';' && flat[i] != ',' && flat[i] != '\n');
			CHECK(len < wl && want[len] == flat[i]);
		}
		len++;
	}
	CHECK(len == wl);
	free(want);
	free(flat);
	free(out);
	free(v);
	return 0;
}
