/*
 * Response headers: http_header_add() never lets CR or LF into a name or a
 * value (no response splitting) and holds at most HTTP_HEADERS_MAX; and
 * http_redirect() only accepts a location a browser resolves on this site:
 * after the URL parser drops tab, CR and LF (WHATWG URL, "basic URL
 * parser"), it must start with one '/' not followed by '/' or '\' (which
 * would make it scheme-relative, "//evil.example").
 */
#include "fuzz.h"

#include "http.h"

static int
same_site(const char *loc)
{
	char	 c[2];
	size_t	 n = 0;

	for (; *loc != '\0' && n < 2; loc++)
		if (*loc != '\t' && *loc != '\r' && *loc != '\n')
			c[n++] = *loc;
	return n >= 1 && c[0] == '/' && (n == 1 || (c[1] != '/' && c[1] != '\\'));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct response	 resp;
	char		*s = fuzz_cstr(data, size), *nl;
	size_t		 i;
	int		 rc;

	/* The whole input as a redirect target. */
	memset(&resp, 0, sizeof(resp));
	resp.status = 200;
	rc = http_redirect(&resp, HTTP_SEE_OTHER, s);
	CHECK(rc == 0 || rc == -1);
	if (rc == 0) {
		CHECK(same_site(s));
		CHECK(strpbrk(s, "\r\n\t") == NULL);
		CHECK(resp.status == HTTP_SEE_OTHER);
		CHECK(resp.nheaders == 1);
		CHECK(strcmp(resp.headers[0].name, "Location") == 0);
		CHECK(resp.headers[0].value == s);
	} else {
		CHECK(resp.status == 200 && resp.nheaders == 0);
		/* Refused: scheme-relative, off-site, or holding tab/CR/LF. */
		CHECK(!same_site(s) || strpbrk(s, "\r\n\t") != NULL);
	}

	/* First line a header name, the rest its value. */
	memset(&resp, 0, sizeof(resp));
	if ((nl = strchr(s, '\n')) != NULL) {
		*nl = '\0';
		for (i = 0; i <= HTTP_HEADERS_MAX; i++) {
			rc = http_header_add(&resp, s, nl + 1);
			if (*s == '\0' || strpbrk(s, "\r\n") != NULL ||
			    strpbrk(nl + 1, "\r\n") != NULL ||
			    i == HTTP_HEADERS_MAX)
				CHECK(rc == -1);
			else
				CHECK(rc == 0);
			CHECK(resp.nheaders <= HTTP_HEADERS_MAX);
		}
	}
	free(s);
	return 0;
}
