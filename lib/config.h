/*
 * Configuration from environment variables, read once at start-up; the
 * defaults suit `make run` from the repository root.  The README lists each
 * key.  Process lifetime; never modified after config_load().
 */
#ifndef HROMADA_CONFIG_H
#define HROMADA_CONFIG_H

struct config {
	const char	*socket;	/* HROMADA_SOCKET: FastCGI unix socket */
	int		 workers;	/* HROMADA_WORKERS: default 2 x cores */
	const char	*templates;	/* HROMADA_TEMPLATES */
	const char	*db_socket;	/* HROMADA_DB_SOCKET */
	const char	*db_name;	/* HROMADA_DB_NAME */
	const char	*db_user;	/* HROMADA_DB_USER */
	const char	*db_password;	/* HROMADA_DB_PASSWORD */
	const char	*timezone;	/* HROMADA_TZ: city time, Europe/Kyiv */
	const char	*secret_file;	/* HROMADA_SECRET_FILE */
	/*
	 * The site's address as residents reach it (HROMADA_BASE_URL, no
	 * trailing slash): links that leave the site (feeds, calendars,
	 * e-mail) are absolute, and the Host header is the client's to choose.
	 */
	const char	*base_url;
	/*
	 * Submissions a client address may make (HROMADA_SUBMIT_PER_MINUTE,
	 * HROMADA_SUBMIT_PER_HOUR; 0 lifts the limit, for load tests).
	 */
	int		 submit_per_minute;
	int		 submit_per_hour;
	long		 form_token_ttl; /* HROMADA_FORM_TOKEN_TTL, seconds */
	/* HROMADA_UPLOAD_DIR: uploaded documents; $HROMADA_VAR/uploads */
	const char	*upload_dir;
	/* Subscriptions (cgi-bin/subscribe) per client address. */
	int		 subscribe_per_minute;	/* HROMADA_SUBSCRIBE_PER_MINUTE */
	int		 subscribe_per_hour;	/* HROMADA_SUBSCRIBE_PER_HOUR */
	/* E-mail (cgi-bin/notify). */
	const char	*smtp_url;	/* HROMADA_SMTP_URL: smtp://host:port */
	const char	*smtp_user;	/* HROMADA_SMTP_USER: none = no AUTH */
	const char	*smtp_password;	/* HROMADA_SMTP_PASSWORD */
	long		 smtp_timeout;	/* HROMADA_SMTP_TIMEOUT, seconds */
	const char	*mail_from;	/* HROMADA_MAIL_FROM: the address */
	const char	*mail_from_name; /* HROMADA_MAIL_FROM_NAME */
	long		 notify_max_attempts;	/* HROMADA_NOTIFY_MAX_ATTEMPTS */
	long		 notify_max_permanent;	/* HROMADA_NOTIFY_MAX_PERMANENT */
	long		 notify_retry_base;	/* HROMADA_NOTIFY_RETRY_BASE, s */
	long		 notify_lease;		/* HROMADA_NOTIFY_LEASE, s */
	long		 notify_poll_ms;	/* HROMADA_NOTIFY_POLL_MS */
	/*
	 * Origins whose pages may POST to the API from a browser
	 * (HROMADA_API_ORIGINS: space-separated "https://host[:port]"; empty
	 * by default: none).  Every origin may read (GET).
	 */
	const char	*api_origins;
	/*
	 * API reads (GET, HEAD under /api/v1/) a client address may make a
	 * minute (HROMADA_API_READS_PER_MINUTE; 0 lifts the limit).
	 */
	long		 api_reads_per_minute;
};

/* Whether origin is listed in cfg.api_origins (exact match). */
int	config_api_origin_ok(const char *origin);

/* The configuration of this process, once config_load() has run. */
extern struct config cfg;

/* Fills c from the environment; -1 with a message if a value is bad. */
int	config_load(struct config *c);

#endif /* HROMADA_CONFIG_H */
