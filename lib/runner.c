#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcgiapp.h>
#include <mysql.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "multipart.h"
#include "page.h"
#include "runner.h"
#include "secret.h"
#include "tpl.h"
#include "utf8.h"

#define ARENA_LIMIT	(32u * 1024 * 1024)	/* one request's memory */
#define PATHVARS_MAX	4
#define WORKERS_MAX	256

/* Where a request comes from: FastCGI streams, or CGI stdin/environ. */
struct io {
	FCGX_Request	*fcgi;		/* NULL in CGI mode */
};

/* Process-lifetime state of the master and (after fork) of a worker. */
static const struct program	*prog;
static volatile sig_atomic_t	 stopping, reloading, child_died;
static volatile sig_atomic_t	 busy;
static pid_t			 workers[WORKERS_MAX];
static guard_fn			 guard;
static error_fn			 error_hook;

void
runner_guard_set(guard_fn fn)
{
	guard = fn;
}

void
runner_error_set(error_fn fn)
{
	error_hook = fn;
}

static const char *
io_param(const struct io *io, const char *name)
{
	return io->fcgi != NULL ? FCGX_GetParam(name, io->fcgi->envp) :
	    getenv(name);
}

static ssize_t
io_read(const struct io *io, char *buf, size_t n)
{
	size_t	 got = 0, r;

	if (io->fcgi != NULL)
		return FCGX_GetStr(buf, (int)n, io->fcgi->in);
	while (got < n && (r = fread(buf + got, 1, n - got, stdin)) > 0)
		got += r;
	return (ssize_t)got;
}

static void
io_write(const struct io *io, const char *buf, size_t n)
{
	if (n == 0)
		return;
	if (io->fcgi != NULL)
		FCGX_PutStr(buf, (int)n, io->fcgi->out);
	else
		fwrite(buf, 1, n, stdout);
}

int
route_match(struct arena *a, const char *pattern, const char *path,
    struct kv *vars, size_t *nvars, size_t maxvars)
{
	const char	*p = pattern, *s = path, *pe, *se, *close;
	size_t		 plen, slen;

	*nvars = 0;
	while (*p != '\0' && *s != '\0') {
		if (*p != '/' || *s != '/')
			return 0;
		p++;
		s++;
		pe = strchr(p, '/');
		pe = pe != NULL ? pe : p + strlen(p);
		se = strchr(s, '/');
		se = se != NULL ? se : s + strlen(s);
		plen = (size_t)(pe - p);
		slen = (size_t)(se - s);
		if (plen > 2 && p[0] == '{' && p[plen - 1] == '}') {
			close = p + plen - 1;
			if (slen == 0 || *nvars >= maxvars)
				return 0;
			vars[*nvars].key = arena_strndup(a, p + 1,
			    (size_t)(close - p - 1));
			vars[*nvars].val = arena_strndup(a, s, slen);
			vars[*nvars].vlen = slen;
			if (vars[*nvars].key == NULL ||
			    vars[*nvars].val == NULL)
				return -1;
			(*nvars)++;
		} else if (plen != slen || memcmp(p, s, plen) != 0)
			return 0;
		p = pe;
		s = se;
	}
	return *p == '\0' && *s == '\0';
}

/*
 * Finds the route: returns it, or NULL with *status 404 or 405 (and the
 * allowed methods in *allow).
 */
static const struct route *
route_find(struct request *r, struct kv *vars, size_t *nvars, int *status,
    unsigned *allow)
{
	const struct route	*rt;
	unsigned		 m;
	size_t			 i;
	int			 rc;

	*allow = 0;
	*status = HTTP_NOT_FOUND;
	for (i = 0; i < prog->nroutes; i++) {
		rt = &prog->routes[i];
		rc = route_match(r->arena, rt->pattern, r->path, vars, nvars,
		    PATHVARS_MAX);
		if (rc == -1) {
			*status = HTTP_INTERNAL_ERROR;
			return NULL;
		}
		if (rc == 0)
			continue;
		m = rt->methods;
		if (m & METHOD_BIT(METHOD_GET))
			m |= METHOD_BIT(METHOD_HEAD);
		if (m & METHOD_BIT(r->method))
			return rt;
		*allow |= m;
		*status = HTTP_METHOD_NOT_ALLOWED;
	}
	return NULL;
}

/* Reads and decodes the request; 0 or an HTTP status. */
static int
request_read(struct request *r, const struct io *io)
{
	const char	*v;

	r->method_name = io_param(io, "REQUEST_METHOD");
	r->method = http_method_parse(r->method_name);
	r->path = io_param(io, "DOCUMENT_URI");
	if (r->path == NULL)
		r->path = io_param(io, "PATH_INFO");
	if (r->path == NULL || *r->path == '\0')
		r->path = "/";
	r->query = io_param(io, "QUERY_STRING");
	if (r->query == NULL)
		r->query = "";
	r->remote_addr = io_param(io, "REMOTE_ADDR");
	r->user_agent = io_param(io, "HTTP_USER_AGENT");
	r->if_none_match = io_param(io, "HTTP_IF_NONE_MATCH");
	r->if_modified_since = io_param(io, "HTTP_IF_MODIFIED_SINCE");
	r->origin = io_param(io, "HTTP_ORIGIN");
	r->idempotency_key = io_param(io, "HTTP_IDEMPOTENCY_KEY");
	v = io_param(io, "HTTPS");
	r->https = v != NULL && strcmp(v, "on") == 0;
	if (strlen(r->query) > HTTP_QUERY_MAX)
		return HTTP_URI_TOO_LONG;
	if (!utf8_valid(r->path, strlen(r->path)))
		return HTTP_BAD_REQUEST;
	r->args = arena_calloc(r->arena, HTTP_ARGS_MAX, sizeof(struct kv));
	r->cookies = arena_calloc(r->arena, HTTP_COOKIES_MAX,
	    sizeof(struct kv));
	if (r->args == NULL || r->cookies == NULL)
		return HTTP_INTERNAL_ERROR;
	if (http_form_parse(r->arena, r->query, strlen(r->query), r->args,
	    &r->nargs, &r->bad_param) == -1)
		return HTTP_BAD_REQUEST;
	/* Other sites of the city set cookies too: a bad one is ignored. */
	if ((v = io_param(io, "HTTP_COOKIE")) != NULL &&
	    http_cookie_parse(r->arena, v, r->cookies, &r->ncookies) == -1)
		r->ncookies = 0;
	return 0;
}

/*
 * The buffer of a large body: mapped and unmapped whole, because after a
 * free() of tens of megabytes glibc (which then raises its mmap threshold)
 * and ASan's quarantine both keep the memory in the worker.
 */
static char *
big_alloc(struct request *r, size_t n)
{
	void	*p;

	p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	r->body_big = p;
	r->body_big_size = n;
	return p;
}

static void
big_free(struct request *r)
{
	if (r->body_big != NULL)
		munmap(r->body_big, r->body_big_size);
	r->body_big = NULL;
}

/* Text fields of a multipart body into r->args, files into r->files. */
static int
multipart_fields(struct request *r, const struct mp_part *parts, size_t n,
    int form)
{
	struct kv	*kv;
	size_t		 i, vlen;
	char		*val;

	if ((r->files = arena_calloc(r->arena, HTTP_FILES_MAX,
	    sizeof(*r->files))) == NULL)
		return HTTP_INTERNAL_ERROR;
	for (i = 0; i < n; i++) {
		if (parts[i].filename != NULL) {
			if (r->nfiles >= HTTP_FILES_MAX)
				return HTTP_BAD_REQUEST;
			r->files[r->nfiles].name = parts[i].name;
			r->files[r->nfiles].filename = parts[i].filename;
			r->files[r->nfiles].content_type =
			    parts[i].content_type != NULL ?
			    parts[i].content_type : "";
			r->files[r->nfiles].data =
			    (const unsigned char *)parts[i].data;
			r->files[r->nfiles].len = parts[i].len;
			r->nfiles++;
			continue;
		}
		if (parts[i].len > HTTP_BODY_MAX)
			return HTTP_PAYLOAD_TOO_LARGE;
		if (r->nargs >= HTTP_ARGS_MAX || strlen(parts[i].name) > 64)
			return HTTP_BAD_REQUEST;
		vlen = parts[i].len;
		if ((val = arena_strndup(r->arena, parts[i].data, vlen)) ==
		    NULL)
			return HTTP_INTERNAL_ERROR;
		if (!utf8_valid(val, vlen)) {
			if (!form) {
				r->bad_param = parts[i].name;
				return HTTP_BAD_REQUEST;
			}
			r->scrubbed |= (uint64_t)1 << r->nargs;
			if ((val = utf8_scrub(r->arena, val, vlen, &vlen)) ==
			    NULL)
				return HTTP_INTERNAL_ERROR;
		}
		kv = &r->args[r->nargs++];
		kv->key = parts[i].name;
		kv->val = val;
		kv->vlen = vlen;
	}
	return 0;
}

/* A multipart/form-data body of clen bytes; 0 or an HTTP status. */
static int
multipart_read(struct request *r, const struct io *io, size_t clen,
    const char *boundary, int form)
{
	struct mp_part	*parts;
	size_t		 n;

	if ((parts = arena_calloc(r->arena, HTTP_ARGS_MAX,
	    sizeof(*parts))) == NULL)
		return HTTP_INTERNAL_ERROR;
	/* Not the arena: it keeps its first block between requests. */
	if (big_alloc(r, clen + 1) == NULL)
		return HTTP_INTERNAL_ERROR;
	if (io_read(io, r->body_big, clen) != (ssize_t)clen)
		return HTTP_BAD_REQUEST;
	r->body_big[clen] = '\0';
	switch (mp_parse(r->arena, r->body_big, clen, boundary, parts,
	    HTTP_ARGS_MAX, &n)) {
	case MP_OK:
		break;
	case MP_ERR_NOMEM:
		return HTTP_INTERNAL_ERROR;
	default:
		return HTTP_BAD_REQUEST;
	}
	return multipart_fields(r, parts, n, form);
}

/*
 * Reads and decodes a POST body; 0 or an HTTP status.  A form route gets
 * values that are not valid UTF-8 scrubbed, not refused, so its page can
 * come back with the person's text.
 */
static int
body_read(struct request *r, const struct io *io, unsigned flags)
{
	const char	*v, *ct;
	char		*body, *end, boundary[MP_BOUNDARY_MAX + 1];
	long		 clen;
	ssize_t		 got;
	int		 form = (flags & ROUTE_FORM) != 0;
	int		 json = (flags & ROUTE_JSON) != 0;

	if (r->method != METHOD_POST)
		return 0;
	v = io_param(io, "CONTENT_LENGTH");
	clen = v != NULL && *v != '\0' ? strtol(v, &end, 10) : 0;
	if (v != NULL && *v != '\0' && (*end != '\0' || clen < 0))
		return HTTP_BAD_REQUEST;
	if (clen > ((flags & ROUTE_MULTIPART) ? HTTP_UPLOAD_BODY_MAX :
	    (flags & ROUTE_BIG_BODY) ? HTTP_BODY_BIG_MAX : HTTP_BODY_MAX))
		return HTTP_PAYLOAD_TOO_LARGE;
	if (clen == 0)
		return 0;
	ct = io_param(io, "CONTENT_TYPE");
	if ((flags & ROUTE_MULTIPART) && mp_boundary(ct, boundary) > 0)
		return multipart_read(r, io, (size_t)clen, boundary, form);
	if (clen > ((flags & ROUTE_BIG_BODY) ? HTTP_BODY_BIG_MAX :
	    HTTP_BODY_MAX))
		return HTTP_PAYLOAD_TOO_LARGE;
	if (json) {
		/* "application/json", with parameters (charset) or not. */
		if (ct == NULL || strncasecmp(ct, "application/json", 16) != 0 ||
		    (ct[16] != '\0' && ct[16] != ';' && ct[16] != ' '))
			return HTTP_UNSUPPORTED_MEDIA_TYPE;
		if ((body = arena_alloc(r->arena, (size_t)clen + 1)) == NULL)
			return HTTP_INTERNAL_ERROR;
		if (io_read(io, body, (size_t)clen) != clen)
			return HTTP_BAD_REQUEST;
		body[clen] = '\0';
		r->body = body;
		r->body_len = (size_t)clen;
		return 0;
	}
	if (ct == NULL || strncmp(ct, "application/x-www-form-urlencoded",
	    33) != 0)
		return HTTP_UNSUPPORTED_MEDIA_TYPE;
	if ((body = arena_alloc(r->arena, (size_t)clen + 1)) == NULL)
		return HTTP_INTERNAL_ERROR;
	if ((got = io_read(io, body, (size_t)clen)) != clen)
		return HTTP_BAD_REQUEST;
	body[clen] = '\0';
	if ((form ? http_form_parse_scrub(r->arena, body, (size_t)clen,
	    r->args, &r->nargs, &r->bad_param, &r->scrubbed) :
	    http_form_parse(r->arena, body, (size_t)clen, r->args, &r->nargs,
	    &r->bad_param)) == -1)
		return HTTP_BAD_REQUEST;
	return 0;
}

static void
response_write(const struct io *io, const struct request *r,
    const struct response *resp)
{
	char	 head[4096];
	size_t	 n = 0, i;
	int	 w;

#define ADD(...) do { \
	w = snprintf(head + n, sizeof(head) - n, __VA_ARGS__); \
	if (w > 0) n = (size_t)w < sizeof(head) - n ? n + (size_t)w : \
	    sizeof(head) - 1; \
} while (0)
	ADD("Status: %d %s\r\n", resp->status, http_status_text(resp->status));
	/*
	 * The documented default: a handler that answers a body without
	 * naming its type (the detail page's cache did) must not leave the
	 * browser to guess, which under nosniff renders the HTML as text.
	 */
	if (resp->content_type != NULL)
		ADD("Content-Type: %s\r\n", resp->content_type);
	else if (resp->len > 0)
		ADD("Content-Type: text/html; charset=utf-8\r\n");
	ADD("Cache-Control: %s\r\n", resp->cache_control != NULL ?
	    resp->cache_control : "no-cache");
	for (i = 0; i < resp->nheaders; i++)
		ADD("%s: %s\r\n", resp->headers[i].name,
		    resp->headers[i].value);
	ADD("Content-Length: %zu\r\n\r\n", resp->len);
#undef ADD
	io_write(io, head, n);
	if (r->method != METHOD_HEAD && resp->body != NULL)
		io_write(io, resp->body, resp->len);
}

static int
request_dispatch(struct request *r, struct response *resp,
    const struct io *io)
{
	const struct route	*rt;
	struct kv		 vars[PATHVARS_MAX];
	size_t			 nvars = 0;
	unsigned		 allow;
	char			 allowbuf[32];
	int			 status;

	if ((status = request_read(r, io)) != 0)
		goto bad;
	if ((rt = route_find(r, vars, &nvars, &status, &allow)) == NULL) {
		if (status == HTTP_METHOD_NOT_ALLOWED) {
			snprintf(allowbuf, sizeof(allowbuf), "%s%s%s%s",
			    allow & METHOD_BIT(METHOD_GET) ? "GET, HEAD" : "",
			    (allow & METHOD_BIT(METHOD_GET)) &&
			    (allow & METHOD_BIT(METHOD_POST)) ? ", " : "",
			    allow & METHOD_BIT(METHOD_POST) ? "POST" : "",
			    allow & METHOD_BIT(METHOD_OPTIONS) ? ", OPTIONS" :
			    "");
			http_header_add(resp, "Allow",
			    arena_strdup(r->arena, allowbuf));
		}
		return status;
	}
	if ((status = body_read(r, io, rt->flags)) != 0)
		goto bad;
	if (guard != NULL && (status = guard(r, rt, resp)) != 0)
		return status < 0 ? 0 : status;
	if (rt->flags & ROUTE_FORM) {
		/* The handler answers even with the database away, so the
		 * person's text comes back to them. */
		if (db_ensure(r->db) == 0 && prog->prepare != NULL &&
		    (status = prog->prepare(r)) != 0 &&
		    status != HTTP_SERVICE_UNAVAILABLE)
			return status;
		if (valid_form(r, rt->params, rt->nparams, vars, nvars) == -1) {
			status = HTTP_BAD_REQUEST;
			goto bad;
		}
		return rt->handler(r, resp);
	}
	if (!(rt->flags & ROUTE_NO_DB) && db_ensure(r->db) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (!(rt->flags & ROUTE_NO_DB) && prog->prepare != NULL &&
	    (status = prog->prepare(r)) != 0)
		return status;
	if (valid_request(r, rt->params, rt->nparams, vars, nvars) == -1) {
		status = HTTP_BAD_REQUEST;
		goto bad;
	}
	return rt->handler(r, resp);
bad:
	if (status == HTTP_BAD_REQUEST && r->bad_param != NULL)
		resp->detail = arena_printf(r->arena,
		    "Параметр «%s» має неприпустиме значення або відсутній.",
		    r->bad_param);
	return status;
}

static void
request_serve(const struct io *io, struct arena *a, struct db *db, void *ctx)
{
	static unsigned long	 counter;
	struct request		 r;
	struct response		 resp;
	struct timespec		 t0, t1;
	int			 status;
	size_t			 i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&r, 0, sizeof(r));
	memset(&resp, 0, sizeof(resp));
	r.arena = a;
	r.db = db;
	r.ctx = ctx;
	r.id = ++counter;
	status = request_dispatch(&r, &resp, io);
	if (status == 0 && resp.status == 0)
		status = HTTP_INTERNAL_ERROR;
	if (status != 0) {
		/* Keep what the handler said (e.g. Allow), drop any body. */
		free(resp.body);
		resp.body = NULL;
		resp.len = 0;
		if (error_hook == NULL || error_hook(&r, &resp, status) == -1)
			page_error(&resp, status);
	}
	for (i = 0; i < resp.nheaders; i++)
		if (resp.headers[i].value == NULL)
			resp.headers[i].value = "";
	response_write(io, &r, &resp);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	log_request(&r, resp.status, (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	free(resp.body);
	big_free(&r);
	arena_reset(a);
}

static void
on_worker_term(int sig)
{
	(void)sig;
	/* Idle in accept(): nothing to finish, leave now. */
	if (!busy)
		_exit(0);
	stopping = 1;
}

static void
worker_run(int listen_fd)
{
	FCGX_Request		 fr;
	struct sigaction	 sa;
	sigset_t		 none;
	struct arena		 arena;
	struct io		 io;
	struct db		*db;
	void			*ctx = NULL;

	prctl(PR_SET_PDEATHSIG, SIGTERM);
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_worker_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	/* The master forked us with its signals blocked. */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (getppid() == 1)
		_exit(0);
	if ((db = db_new(&cfg)) == NULL)
		_exit(1);
	(void)db_ensure(db);	/* a server that is down is retried later */
	if (prog->ctx_new != NULL && (ctx = prog->ctx_new()) == NULL)
		_exit(1);
	arena_init(&arena, ARENA_LIMIT);
	FCGX_InitRequest(&fr, listen_fd, 0);
	io.fcgi = &fr;
	while (!stopping) {
		busy = 0;
		if (stopping)
			break;
		if (FCGX_Accept_r(&fr) < 0) {
			if (stopping || errno == EINTR)
				continue;
			log_error("accept failed: %s", strerror(errno));
			break;
		}
		busy = 1;
		request_serve(&io, &arena, db, ctx);
		FCGX_Finish_r(&fr);
	}
	if (prog->ctx_free != NULL)
		prog->ctx_free(ctx);
	db_free(db);
	arena_free(&arena);
	FCGX_Free(&fr, 1);
	tpl_shutdown();
	valid_free();
	mysql_library_end();
	_exit(0);
}

static pid_t
worker_start(int listen_fd)
{
	pid_t	 pid;

	if ((pid = fork()) == -1) {
		log_error("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		worker_run(listen_fd);
	return pid;
}

static void
on_master_signal(int sig)
{
	if (sig == SIGCHLD)
		child_died = 1;
	else if (sig == SIGHUP)
		reloading = 1;
	else
		stopping = 1;
}

static void
workers_signal(int n, int sig)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (workers[i] > 0)
			kill(workers[i], sig);
}

/* Waits up to 10 s for every worker to exit, then kills the rest. */
static void
workers_reap_all(int n)
{
	struct timespec	 ts = { 0, 50 * 1000 * 1000 };
	pid_t		 pid;
	int		 i, left, tries;

	for (tries = 0; tries < 200; tries++) {
		while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
			for (i = 0; i < n; i++)
				if (workers[i] == pid)
					workers[i] = 0;
		for (left = 0, i = 0; i < n; i++)
			left += workers[i] > 0;
		if (left == 0)
			return;
		nanosleep(&ts, NULL);
	}
	workers_signal(n, SIGKILL);
	while (waitpid(-1, NULL, 0) > 0)
		;
}

static int
master_run(int listen_fd)
{
	struct sigaction	 sa;
	sigset_t		 block, old;
	struct timespec		 pause = { 0, 100 * 1000 * 1000 };
	pid_t			 pid;
	int			 i, n = cfg.workers, status;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_master_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	for (i = 0; i < n; i++)
		workers[i] = worker_start(listen_fd);
	log_info("serving %s with %d workers", cfg.socket, n);
	while (!stopping) {
		sigsuspend(&old);
		if (reloading) {
			reloading = 0;
			/* Check first: a broken template keeps the old set. */
			if (tpl_reload() == 0) {
				log_info("templates reloaded; replacing workers");
				workers_signal(n, SIGTERM);
			} else
				log_error("reload refused: templates broken");
		}
		if (!child_died)
			continue;
		child_died = 0;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			for (i = 0; i < n; i++) {
				if (workers[i] != pid)
					continue;
				if (!stopping && (!WIFEXITED(status) ||
				    WEXITSTATUS(status) != 0))
					log_error("worker %d died (status %d); "
					    "restarting", (int)pid, status);
				workers[i] = 0;
				if (stopping)
					break;
				/* Crash loops must not spin the CPU. */
				if (!WIFEXITED(status) ||
				    WEXITSTATUS(status) != 0)
					nanosleep(&pause, NULL);
				workers[i] = worker_start(listen_fd);
			}
		}
	}
	log_info("stopping");
	workers_signal(n, SIGTERM);
	sigprocmask(SIG_SETMASK, &old, NULL);
	workers_reap_all(n);
	return 0;
}

static int
cgi_once(void)
{
	struct arena	 arena;
	struct io	 io = { NULL };
	struct db	*db;
	void		*ctx = NULL;

	if ((db = db_new(&cfg)) == NULL)
		return 1;
	if (prog->ctx_new != NULL && (ctx = prog->ctx_new()) == NULL) {
		db_free(db);
		return 1;
	}
	arena_init(&arena, ARENA_LIMIT);
	request_serve(&io, &arena, db, ctx);
	fflush(stdout);
	if (prog->ctx_free != NULL)
		prog->ctx_free(ctx);
	arena_free(&arena);
	db_free(db);
	return 0;
}

static int
socket_open(void)
{
	const char	*mode_s = getenv("HROMADA_SOCKET_MODE");
	long		 mode = 0660;
	int		 fd;

	if (mode_s != NULL && *mode_s != '\0')
		mode = strtol(mode_s, NULL, 8);
	(void)unlink(cfg.socket);	/* stale from an unclean stop */
	/*
	 * A burst of visitors waits in this queue while the workers are busy;
	 * past it nginx answers 502 at once.  The kernel caps it (somaxconn).
	 */
	if ((fd = FCGX_OpenSocket(cfg.socket, 1024)) < 0) {
		log_error("cannot listen on %s", cfg.socket);
		return -1;
	}
	if (chmod(cfg.socket, (mode_t)mode) == -1)
		log_error("chmod %s: %s", cfg.socket, strerror(errno));
	return fd;
}

int
runner_main(int argc, char *argv[], const struct program *p)
{
	size_t	 i;
	int	 fd, rc = 1;

	(void)argc;
	(void)argv;
	prog = p;
	log_init(p->name);
	signal(SIGPIPE, SIG_IGN);
	if (config_load(&cfg) == -1 || secret_load(cfg.secret_file) == -1)
		return 1;
	setenv("TZ", cfg.timezone, 1);
	tzset();
	if (mysql_library_init(0, NULL, NULL) != 0) {
		log_error("mysql_library_init failed");
		return 1;
	}
	if (tpl_init(cfg.templates) == -1)
		goto out;
	for (i = 0; i < p->nroutes; i++)
		if (valid_compile(p->routes[i].params,
		    p->routes[i].nparams) == -1) {
			log_error("route %s: a parameter pattern does not "
			    "compile", p->routes[i].pattern);
			goto out;
		}
	if (cfg.socket == NULL) {
		if (getenv("GATEWAY_INTERFACE") == NULL) {
			log_error("set HROMADA_SOCKET (FastCGI) or run as CGI");
			goto out;
		}
		rc = cgi_once();
		goto out;
	}
	if (cfg.workers > WORKERS_MAX)
		cfg.workers = WORKERS_MAX;
	if (FCGX_Init() != 0 || (fd = socket_open()) == -1)
		goto out;
	rc = master_run(fd);
	close(fd);
	(void)unlink(cfg.socket);
out:
	tpl_shutdown();
	valid_free();
	mysql_library_end();
	return rc;
}
