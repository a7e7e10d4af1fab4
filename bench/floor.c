/*
 * floor: the floor of the architecture, for the benchmark (scripts/bench.sh).
 *
 * A FastCGI program of ours, on the same runner as the real programs
 * (prefork workers, request parsing, routing, validation, the response
 * writer, one log line per request), whose handler does no work: it answers
 * GET /floor/{name} with the bytes of a page held in memory.  The benchmark
 * saves each real page once and serves the same bytes three ways (nginx
 * static file, this program, the real program); the real page's distance
 * from this one is what our own code costs.
 *
 * At start, before the workers fork (so they share the pages), every
 * regular file of the directory $HROMADA_BENCH_PAGES whose name is
 * [A-Za-z0-9._-]+ (not starting with a dot) is read into memory, and
 * answered as /floor/<file name> with a Content-Type from its extension
 * (.html: text/html; charset=utf-8, .json, .txt, .xml, .css; otherwise
 * application/octet-stream) and the Cache-Control of the real pages.  Any
 * other name: our 404 page.  The set is fixed until the program restarts.
 *
 * The route needs no database (ROUTE_NO_DB); the runner still opens each
 * worker's connection at start, as it does for every program.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http.h"
#include "log.h"
#include "runner.h"
#include "valid.h"

#define PAGES_MAX	256
#define PAGE_MAX	(8u * 1024 * 1024)
#define NAME_MAX_LEN	100

struct page_copy {
	char		*name;
	const char	*type;
	char		*bytes;
	size_t		 len;
};

static struct page_copy	 pages[PAGES_MAX];
static size_t		 npages;

enum fparam { P_NAME, P__MAX };

static const struct param_rule floor_params[P__MAX] = {
	{ "name", PARAM_TEXT, PARAM_PATH | PARAM_REQUIRED, 1, NAME_MAX_LEN,
	    "[A-Za-z0-9_-][A-Za-z0-9._-]*", NULL, NULL },
};

static const char *
type_of(const char *name)
{
	static const struct {
		const char	*ext;
		const char	*type;
	} types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".xml", "application/xml" },
		{ ".css", "text/css; charset=utf-8" },
	};
	const char	*dot = strrchr(name, '.');
	size_t		 i;

	for (i = 0; dot != NULL && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

static int
name_ok(const char *s)
{
	size_t	 n = strlen(s);

	if (n == 0 || n > NAME_MAX_LEN || s[0] == '.')
		return 0;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._-") == n;
}

static void
page_clear(struct page_copy *pc)
{
	free(pc->bytes);
	free(pc->name);
	memset(pc, 0, sizeof(*pc));
}

/*
 * Reads one file whole into pc: 0; 1 when it is not a regular file
 * (skipped); -1 with a message logged.  pc is left empty unless 0.
 */
static int
read_file(int dirfd, const char *name, struct page_copy *pc)
{
	struct stat	 st;
	ssize_t		 r;
	size_t		 got = 0;
	int		 fd;

	if ((fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC)) == -1) {
		log_error("floor: %s: %s", name, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 1;	/* not a regular file: skipped */
	}
	if ((size_t)st.st_size > PAGE_MAX) {
		log_error("floor: %s: larger than %u bytes", name, PAGE_MAX);
		close(fd);
		return -1;
	}
	pc->len = (size_t)st.st_size;
	if ((pc->bytes = malloc(pc->len + 1)) == NULL ||
	    (pc->name = strdup(name)) == NULL) {
		log_error("floor: out of memory");
		close(fd);
		page_clear(pc);
		return -1;
	}
	while (got < pc->len &&
	    (r = read(fd, pc->bytes + got, pc->len - got)) > 0)
		got += (size_t)r;
	close(fd);
	if (got != pc->len) {
		log_error("floor: %s: short read", name);
		page_clear(pc);
		return -1;
	}
	pc->type = type_of(name);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct page_copy *)a)->name,
	    ((const struct page_copy *)b)->name);
}

/* Loads $HROMADA_BENCH_PAGES; 0 or -1. */
static int
pages_load(void)
{
	const char	*dir = getenv("HROMADA_BENCH_PAGES");
	DIR		*d;
	struct dirent	*e;
	int		 rc = 0, r;

	if (dir == NULL || *dir == '\0') {
		log_error("floor: set HROMADA_BENCH_PAGES to a directory of "
		    "pages");
		return -1;
	}
	if ((d = opendir(dir)) == NULL) {
		log_error("floor: %s: %s", dir, strerror(errno));
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (!name_ok(e->d_name))
			continue;
		if (npages == PAGES_MAX) {
			log_error("floor: more than %d pages in %s", PAGES_MAX,
			    dir);
			rc = -1;
			break;
		}
		if ((r = read_file(dirfd(d), e->d_name, &pages[npages])) == -1)
			rc = -1;
		else if (r == 0)
			npages++;
	}
	closedir(d);
	if (rc == 0) {
		qsort(pages, npages, sizeof(pages[0]), by_name);
		log_info("floor: %zu pages from %s", npages, dir);
	}
	return rc;
}

static int
h_floor(struct request *r, struct response *resp)
{
	struct page_copy	 key, *pc;

	key.name = (char *)r->params[P_NAME].v[0].s;
	if ((pc = bsearch(&key, pages, npages, sizeof(pages[0]),
	    by_name)) == NULL)
		return HTTP_NOT_FOUND;
	/* The runner frees the body: each response gets its own copy. */
	if ((resp->body = malloc(pc->len > 0 ? pc->len : 1)) == NULL)
		return HTTP_INTERNAL_ERROR;
	memcpy(resp->body, pc->bytes, pc->len);
	resp->len = pc->len;
	resp->status = HTTP_OK;
	resp->content_type = pc->type;
	resp->cache_control = "public, max-age=0, must-revalidate";
	return 0;
}

#define GET	METHOD_BIT(METHOD_GET)

static const struct route routes[] = {
	{ GET, "/floor/{name}", h_floor, floor_params, P__MAX, ROUTE_NO_DB },
};

static const struct program program = {
	"floor", routes, sizeof(routes) / sizeof(routes[0]), NULL, NULL, NULL
};

int
main(int argc, char *argv[])
{
	log_init("floor");
	if (pages_load() == -1)
		return 1;
	return runner_main(argc, argv, &program);
}
