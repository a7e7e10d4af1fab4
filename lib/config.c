#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "log.h"

static const char *
env(const char *key, const char *def)
{
	const char	*v = getenv(key);

	return v != NULL && *v != '\0' ? v : def;
}

struct config cfg;

/* An integer setting in [min, max]; -1 with a message when malformed. */
static int
env_int(const char *key, long def, long min, long max, long *out)
{
	const char	*v = env(key, NULL);
	char		*end;
	long		 n;

	*out = def;
	if (v == NULL)
		return 0;
	n = strtol(v, &end, 10);
	if (*end != '\0' || n < min || n > max) {
		log_error("%s must be %ld..%ld, not %s", key, min, max, v);
		return -1;
	}
	*out = n;
	return 0;
}

int
config_load(struct config *c)
{
	long		 v;

	static char	 uploads[PATH_MAX];
	const char	*w;
	char		*end;
	long		 n, cores;

	c->socket = env("HROMADA_SOCKET", NULL);
	c->templates = env("HROMADA_TEMPLATES", "templates");
	c->db_socket = env("HROMADA_DB_SOCKET", "var/run/mysqld.sock");
	c->db_name = env("HROMADA_DB_NAME", "hromada");
	c->db_user = env("HROMADA_DB_USER", "hromada_web");
	c->db_password = env("HROMADA_DB_PASSWORD", "hromada-local");
	c->timezone = env("HROMADA_TZ", "Europe/Kyiv");
	c->secret_file = env("HROMADA_SECRET_FILE", "var/secret");
	c->base_url = env("HROMADA_BASE_URL", "http://127.0.0.1:8080");
	if (strncmp(c->base_url, "http://", 7) != 0 &&
	    strncmp(c->base_url, "https://", 8) != 0) {
		log_error("HROMADA_BASE_URL must start with http:// or "
		    "https://, not %s", c->base_url);
		return -1;
	}
	if (strlen(c->base_url) > 200 ||
	    c->base_url[strlen(c->base_url) - 1] == '/' ||
	    strpbrk(c->base_url, "\"<>'& \t\r\n") != NULL) {
		log_error("HROMADA_BASE_URL: at most 200 characters, no "
		    "trailing slash, no quotes or spaces");
		return -1;
	}
	/* nginx serves this directory as /uploads/ (nginx/site.conf.in). */
	c->upload_dir = env("HROMADA_UPLOAD_DIR", NULL);
	if (c->upload_dir == NULL) {
		n = snprintf(uploads, sizeof(uploads), "%s/uploads",
		    env("HROMADA_VAR", "var"));
		if (n < 0 || (size_t)n >= sizeof(uploads)) {
			log_error("HROMADA_VAR is too long");
			return -1;
		}
		c->upload_dir = uploads;
	}
	if (env_int("HROMADA_SUBMIT_PER_MINUTE", 3, 0, 100000, &v) == -1)
		return -1;
	c->submit_per_minute = (int)v;
	if (env_int("HROMADA_SUBMIT_PER_HOUR", 10, 0, 1000000, &v) == -1)
		return -1;
	c->submit_per_hour = (int)v;
	/* A day: long proposals are written over an evening. */
	if (env_int("HROMADA_FORM_TOKEN_TTL", 86400, 60, 30 * 86400,
	    &c->form_token_ttl) == -1)
		return -1;
	if (env_int("HROMADA_SUBSCRIBE_PER_MINUTE", 3, 0, 100000, &v) == -1)
		return -1;
	c->subscribe_per_minute = (int)v;
	if (env_int("HROMADA_SUBSCRIBE_PER_HOUR", 10, 0, 1000000, &v) == -1)
		return -1;
	c->subscribe_per_hour = (int)v;
	c->smtp_url = env("HROMADA_SMTP_URL", "smtp://127.0.0.1:2525");
	c->smtp_user = env("HROMADA_SMTP_USER", NULL);
	c->smtp_password = env("HROMADA_SMTP_PASSWORD", "");
	c->mail_from = env("HROMADA_MAIL_FROM", "consultations@hromada.localhost");
	c->mail_from_name = env("HROMADA_MAIL_FROM_NAME",
	    "Громадські консультації · Київ");
	if (strncmp(c->smtp_url, "smtp://", 7) != 0 &&
	    strncmp(c->smtp_url, "smtps://", 8) != 0) {
		log_error("HROMADA_SMTP_URL must start with smtp:// or smtps://");
		return -1;
	}
	/*
	 * A lease longer than a send may take (the SMTP timeout), so a row
	 * is never claimed again while its first sender still talks.
	 */
	if (env_int("HROMADA_SMTP_TIMEOUT", 60, 1, 3600,
	    &c->smtp_timeout) == -1 ||
	    env_int("HROMADA_NOTIFY_LEASE", 300, 2, 86400,
	    &c->notify_lease) == -1 ||
	    env_int("HROMADA_NOTIFY_MAX_ATTEMPTS", 8, 1, 100,
	    &c->notify_max_attempts) == -1 ||
	    env_int("HROMADA_NOTIFY_MAX_PERMANENT", 1, 1, 100,
	    &c->notify_max_permanent) == -1 ||
	    env_int("HROMADA_NOTIFY_RETRY_BASE", 60, 1, 86400,
	    &c->notify_retry_base) == -1 ||
	    env_int("HROMADA_NOTIFY_POLL_MS", 1000, 10, 600000,
	    &c->notify_poll_ms) == -1)
		return -1;
	if (c->notify_lease <= c->smtp_timeout) {
		log_error("HROMADA_NOTIFY_LEASE must be longer than "
		    "HROMADA_SMTP_TIMEOUT");
		return -1;
	}
	c->api_origins = env("HROMADA_API_ORIGINS", "");
	/* Generous: a watchdog may download everything, 20 a second. */
	if (env_int("HROMADA_API_READS_PER_MINUTE", 1200, 0, 10000000,
	    &c->api_reads_per_minute) == -1)
		return -1;
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	c->workers = cores > 0 ? (int)(2 * cores) : 2;
	if ((w = env("HROMADA_WORKERS", NULL)) != NULL) {
		n = strtol(w, &end, 10);
		if (*end != '\0' || n < 1 || n > 256) {
			log_error("HROMADA_WORKERS must be 1..256, not %s", w);
			return -1;
		}
		c->workers = (int)n;
	}
	return 0;
}

int
config_api_origin_ok(const char *origin)
{
	const char	*p, *e;
	size_t		 n;

	if (origin == NULL || *origin == '\0' || cfg.api_origins == NULL)
		return 0;
	n = strlen(origin);
	for (p = cfg.api_origins; *p != '\0'; p = e) {
		while (*p == ' ' || *p == ',')
			p++;
		for (e = p; *e != '\0' && *e != ' ' && *e != ','; e++)
			;
		if ((size_t)(e - p) == n && memcmp(p, origin, n) == 0)
			return 1;
	}
	return 0;
}
