/*
 * The FastCGI runner.  A program declares its routes and calls
 * runner_main(); the runner does the rest:
 *
 *  - binds HROMADA_SOCKET, forks HROMADA_WORKERS workers (default 2 x cores)
 *    and restarts any that dies; SIGTERM/SIGINT stop it gracefully (a busy
 *    worker finishes its request first); SIGHUP reloads the templates and
 *    replaces the workers; SIGPIPE is ignored;
 *  - without HROMADA_SOCKET but with GATEWAY_INTERFACE set, serves exactly
 *    one request as plain CGI (tests need no server);
 *  - per request: parses and bounds the input (414/413/400), matches the
 *    route (404, or 405 with Allow), ensures the worker's database
 *    connection, calls the program's prepare hook, validates every declared
 *    parameter (400 naming it), calls the handler, renders error pages for
 *    any status >= 400 without a body, writes the response, logs one line.
 *
 * A handler returns 0 when it filled the response, or an HTTP status for
 * the runner to answer with its error page (resp->detail may name what was
 * wrong).
 */
#ifndef HROMADA_RUNNER_H
#define HROMADA_RUNNER_H

#include <stddef.h>

#include "http.h"
#include "valid.h"

struct db;

typedef int (*handler_fn)(struct request *, struct response *);

struct route {
	unsigned		 methods;	/* METHOD_BIT() set; GET => HEAD */
	const char		*pattern;	/* "/consultations/{ref}" */
	handler_fn		 handler;
	const struct param_rule	*params;
	size_t			 nparams;
	unsigned		 flags;		/* ROUTE_* */
};

#define ROUTE_NO_DB	0x01u	/* does not need the database (e.g. 404) */
/*
 * A form that must come back to the person, whatever went wrong: the body's
 * bad UTF-8 is scrubbed rather than refused, every field is checked
 * (valid_form(), errors per field), and the handler runs even when the
 * database is away (it checks db_up() and answers 503 with the form).
 */
#define ROUTE_FORM	0x02u
/* The body may be up to HTTP_BODY_BIG_MAX instead of HTTP_BODY_MAX. */
#define ROUTE_BIG_BODY	0x04u
/*
 * A POST that may be multipart/form-data (uploads), up to
 * HTTP_UPLOAD_BODY_MAX bytes (413 beyond): its text fields become
 * r->args, validated like any form's, and its file parts r->files.  The
 * body is read into one mapped buffer unmapped after the response, so a
 * worker keeps no upload's memory.  An urlencoded body on such a route is
 * still held to HTTP_BODY_MAX.
 */
#define ROUTE_MULTIPART	0x08u
/*
 * A JSON body (the API): Content-Type application/json or 415, at most
 * HTTP_BODY_MAX bytes or 413, kept raw in r->body for the handler to
 * decode; the query string is still parsed into r->args.
 */
#define ROUTE_JSON	0x10u
/* Flags from this bit up are the program's own (e.g. the admin's roles). */
#define ROUTE_OWN	0x100u

struct program {
	const char		*name;
	const struct route	*routes;
	size_t			 nroutes;
	/* Worker state, made once per worker after fork; may be NULL. */
	void			*(*ctx_new)(void);
	void			 (*ctx_free)(void *);
	/*
	 * Called with a connected database before validation, so that
	 * reference data the validators use is current; returns 0 or an
	 * HTTP status (503 when the data cannot be read).  May be NULL.
	 */
	int			 (*prepare)(struct request *);
};

int	runner_main(int argc, char *argv[], const struct program *);

/*
 * A check of every matched request, run after the body is read and before
 * the database prepare hook and validation, so that nothing about a route's
 * parameters is told to someone who may not use it (the admin's sign-in
 * and CSRF check).  Returns 0 to go on, an HTTP status for the error page,
 * or -1 when it filled resp itself (a redirect).  Set before runner_main;
 * process lifetime.
 */
typedef int (*guard_fn)(struct request *, const struct route *,
    struct response *);
void	runner_guard_set(guard_fn);

/*
 * The error body of a program whose answers are not HTML pages (the API's
 * JSON): called in place of the error page for every status >= 400 the
 * runner or a handler answers, including the runner's own 404, 405, 413,
 * 415 and 503.  Fills resp (status, content type, body) and returns 0, or
 * returns -1 to have the usual error page.  Set before runner_main.
 */
typedef int (*error_fn)(struct request *, struct response *, int status);
void	runner_error_set(error_fn);

/*
 * Matches a path against a pattern of literal segments and {name}
 * segments (one non-empty segment each).  On a match returns 1 and fills
 * vars (at most nvars) from the arena; 0 when it does not match; -1 on
 * allocation failure.  Exposed for tests and fuzzing.
 */
int	route_match(struct arena *, const char *pattern, const char *path,
	    struct kv *vars, size_t *nvars, size_t maxvars);

#endif /* HROMADA_RUNNER_H */
