/*
 * HTTP request and response as the programs see them.  The runner fills a
 * struct request from FastCGI (or CGI) parameters; everything in it lives in
 * the request's arena.  Handlers fill a struct response; the runner writes
 * it, so status lines, headers and error pages are produced in one place.
 */
#ifndef HROMADA_HTTP_H
#define HROMADA_HTTP_H

#include <stddef.h>
#include <time.h>
#include <stdint.h>

#include "arena.h"

/* Bounds on what a request may carry; beyond them the request is refused. */
#define HTTP_QUERY_MAX		4096	/* bytes of QUERY_STRING */
#define HTTP_BODY_MAX		(64 * 1024)
/* A route flagged ROUTE_BIG_BODY (official texts: 100,000 characters of
 * Cyrillic are 600 KB once percent-encoded). */
#define HTTP_BODY_BIG_MAX	(1024 * 1024)
#define HTTP_ARGS_MAX		64	/* name=value pairs, query and form */
#define HTTP_COOKIES_MAX	16
#define HTTP_HEADERS_MAX	16	/* response headers set by handlers */
/* A multipart/form-data body (ROUTE_MULTIPART: uploads); its text fields
 * each stay within HTTP_BODY_MAX. */
#define HTTP_UPLOAD_BODY_MAX	(20 * 1024 * 1024)
#define HTTP_FILES_MAX		4	/* file parts of one request */

enum http_method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_OPTIONS,	/* CORS preflight (the API) */
	METHOD_OTHER,
	METHOD__MAX
};

#define METHOD_BIT(m)	(1u << (m))

enum http_status {
	HTTP_OK = 200,
	HTTP_CREATED = 201,
	HTTP_ACCEPTED = 202,
	HTTP_NO_CONTENT = 204,
	HTTP_MOVED_PERMANENTLY = 301,
	HTTP_FOUND = 302,
	HTTP_SEE_OTHER = 303,
	HTTP_NOT_MODIFIED = 304,
	HTTP_BAD_REQUEST = 400,
	HTTP_UNAUTHORIZED = 401,
	HTTP_FORBIDDEN = 403,
	HTTP_NOT_FOUND = 404,
	HTTP_METHOD_NOT_ALLOWED = 405,
	HTTP_CONFLICT = 409,
	HTTP_PAYLOAD_TOO_LARGE = 413,
	HTTP_URI_TOO_LONG = 414,
	HTTP_UNSUPPORTED_MEDIA_TYPE = 415,
	HTTP_UNPROCESSABLE = 422,
	HTTP_TOO_MANY_REQUESTS = 429,
	HTTP_INTERNAL_ERROR = 500,
	HTTP_NOT_IMPLEMENTED = 501,
	HTTP_SERVICE_UNAVAILABLE = 503
};

/* A decoded name=value pair; both NUL-terminated, val may hold no NUL. */
struct kv {
	const char	*key;
	const char	*val;
	size_t		 vlen;
};

struct param;		/* valid.h */
struct db;		/* db.h */

/*
 * A file part of a multipart/form-data body.  Strings are in the arena
 * (filename as the browser sent it: it may hold a path); data points into
 * the request's body buffer, which the runner frees after the response.
 */
struct http_file {
	const char		*name;		/* the form field */
	const char		*filename;	/* "" when no file was chosen */
	const char		*content_type;	/* as sent, or "" */
	const unsigned char	*data;
	size_t			 len;
};

struct request {
	struct arena		*arena;
	enum http_method	 method;
	const char		*method_name;
	const char		*path;		/* DOCUMENT_URI, decoded */
	const char		*query;		/* raw QUERY_STRING */
	const char		*remote_addr;
	const char		*user_agent;
	const char		*if_none_match;	/* as sent, or NULL */
	const char		*if_modified_since;
	int			 https;
	struct kv		*args;		/* query, then form body */
	size_t			 nargs;
	uint64_t		 scrubbed;	/* args[i] had bytes replaced: bit i */
	struct kv		*cookies;
	size_t			 ncookies;
	struct param		*params;	/* validated, by rule index */
	size_t			 nparams;
	const char		*bad_param;	/* set when validation failed */
	struct db		*db;		/* the worker's connection */
	void			*ctx;		/* the program's worker state */
	const void		*user;		/* who is signed in (admin) */
	struct http_file	*files;		/* ROUTE_MULTIPART file parts */
	size_t			 nfiles;
	char			*body_big;	/* their buffer: mmap, not arena */
	size_t			 body_big_size;
	unsigned long		 id;		/* request id, for logs */
	/* The API's: CORS, idempotency, and a JSON body (ROUTE_JSON). */
	const char		*origin;	/* Origin, or NULL */
	const char		*idempotency_key;
	const char		*body;		/* raw, NUL-terminated */
	size_t			 body_len;
};

struct header {
	const char	*name;
	const char	*value;
};

struct response {
	int		 status;
	const char	*content_type;	/* default text/html; charset=utf-8 */
	const char	*cache_control;	/* default no-store for errors */
	struct header	 headers[HTTP_HEADERS_MAX];
	size_t		 nheaders;
	char		*body;		/* owned: freed with free() */
	size_t		 len;
	const char	*message;	/* for error pages: what went wrong */
	const char	*detail;	/* for error pages: which parameter */
};

/*
 * Decodes an application/x-www-form-urlencoded string into pairs allocated
 * from the arena, appending to *args (capacity HTTP_ARGS_MAX).  Returns 0,
 * or -1 when a pair is malformed (bad %-escape), the count is exceeded, or a
 * decoded name or value is not valid UTF-8 (see utf8_valid()); then, if
 * badkey is not NULL, *badkey is the failing pair's decoded name when that
 * name itself is sound (NULL otherwise), so the error can name it.
 */
int	 http_form_parse(struct arena *, const char *, size_t,
	    struct kv *args, size_t *nargs, const char **badkey);

/*
 * The same for a form that must come back to the person whatever they
 * sent: a value that is not valid UTF-8 (or holds NUL or a control) is kept
 * with each bad byte replaced by U+FFFD and its bit (1 << index in args)
 * set in *scrubbed, so the handler can refuse the field and still show the
 * rest of the text.
 */
int	 http_form_parse_scrub(struct arena *, const char *, size_t,
	    struct kv *args, size_t *nargs, const char **badkey,
	    uint64_t *scrubbed);

/* Decodes %XX and '+' in place semantics into a new arena string. */
char	*http_url_decode(struct arena *, const char *, size_t, size_t *outlen);

/*
 * Appends s to the buffer of at most cap bytes as a URL query component
 * (RFC 3986 unreserved kept, everything else %XX).  Returns the length it
 * would need, like snprintf; the output is always NUL-terminated when
 * cap > 0.
 */
size_t	 http_url_encode(char *buf, size_t cap, const char *s);

/* Parses a Cookie header value into pairs (no decoding, names validated). */
int	 http_cookie_parse(struct arena *, const char *,
	    struct kv *cookies, size_t *ncookies);

/* The first value of an argument, or NULL. */
const char *http_arg(const struct request *, const char *key);

/*
 * Adds a response header.  Refuses (returns -1) a name or value holding CR,
 * LF or NUL, so no caller can split a response.
 */
int	 http_header_add(struct response *, const char *name, const char *value);

/* Sets a redirect response to a path of this site (must start with '/'). */
int	 http_redirect(struct response *, int status, const char *location);

/* The reason phrase for a status code. */
const char *http_status_text(int status);

/*
 * Conditional GET (RFC 9110, 13.1): adds ETag (etag quoted, as given) and,
 * when lastmod is not 0, Last-Modified to the response, then answers 304 in
 * place of the body when the request's If-None-Match matches etag (weak
 * comparison) or, without If-None-Match, If-Modified-Since is not older than
 * lastmod.  Returns 1 when the response became a 304 (body freed), else 0.
 */
int	 http_conditional(const struct request *, struct response *,
	    const char *etag, time_t lastmod);

/* Whether an If-None-Match field value lists etag ("*" lists every one). */
int	 http_etag_match(const char *if_none_match, const char *etag);

/* IMF-fixdate (RFC 9110, 5.6.7) into buf of at least 30 bytes. */
char	*http_date(char *buf, size_t cap, time_t);
/* Parses an IMF-fixdate; 0, or -1 when it is not one. */
int	 http_date_parse(const char *, time_t *);

enum http_method http_method_parse(const char *);

#endif /* HROMADA_HTTP_H */
