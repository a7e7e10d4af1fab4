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

int
config_load(struct config *c)
{
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
