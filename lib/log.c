#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "http.h"
#include "log.h"

#define LOG_VALUE_MAX	200

static const char	*progname = "hromada";

void
log_init(const char *program)
{
	progname = program;
}

static void
vlog(const char *level, const char *fmt, va_list ap)
{
	char		 msg[1024], ts[32];
	struct tm	 tm;
	time_t		 now = time(NULL);

	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	/* One write per line so that workers' lines do not interleave. */
	dprintf(STDERR_FILENO, "%s %s[%d] %s: %s\n", ts, progname,
	    (int)getpid(), level, msg);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog("info", fmt, ap);
	va_end(ap);
}

void
log_error(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog("error", fmt, ap);
	va_end(ap);
}

/* Copies at most LOG_VALUE_MAX bytes of s, escaping control bytes. */
static void
clean(char *out, size_t cap, const char *s)
{
	size_t		 o = 0;
	unsigned char	 c;

	for (; s != NULL && *s != '\0' && o + 5 < cap; s++) {
		c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
			o += (size_t)snprintf(out + o, cap - o, "\\x%02x", c);
		else
			out[o++] = (char)c;
	}
	out[o] = '\0';
}

void
log_request(const struct request *r, int status, double ms)
{
	char	 path[LOG_VALUE_MAX + 8], query[LOG_VALUE_MAX + 8];

	clean(path, sizeof(path), r->path);
	clean(query, sizeof(query), r->query);
	log_info("req=%lu %s \"%s%s%s\" %d %.2fms", r->id,
	    r->method_name != NULL ? r->method_name : "-", path,
	    query[0] != '\0' ? "?" : "", query, status, ms);
}
