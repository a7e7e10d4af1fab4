/*
 * The parts of signing in to /admin that need no database: session ids and
 * their cookie, session expiry, the delay and lockout after failed logins,
 * passwords (libsodium argon2id), roles and what each may touch.  The
 * admin program (cgi-bin/admin.c) puts them together with lib/db_admin.c.
 *
 * A session id is 32 random bytes; the cookie holds it in base64url, the
 * database only its hash (auth_sid_hash), and the CSRF token of every form
 * is a MAC of it (session_csrf() in secret.h).
 */
#ifndef HROMADA_AUTH_H
#define HROMADA_AUTH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define AUTH_COOKIE		"hromada_session"
#define AUTH_SID_BYTES		32
#define AUTH_SID_LEN		43	/* base64url, no padding */
#define AUTH_IDLE_SECONDS	(30 * 60)
#define AUTH_ABSOLUTE_SECONDS	(12 * 60 * 60)
/* Failed logins: counted over a window, per login and per address. */
#define AUTH_FAIL_WINDOW	(15 * 60)
#define AUTH_FAIL_LOCK		10	/* in the window: locked out */
#define AUTH_FAIL_FREE		3	/* before the first delay */
#define AUTH_DELAY_MAX		60	/* seconds, the longest delay */
#define AUTH_PASSWORD_MIN	10	/* code points, for new passwords */
#define AUTH_PASSWORD_MAX	1024	/* bytes */
#define AUTH_HASH_MAX		128	/* crypto_pwhash_STRBYTES */

enum auth_role {
	ROLE_ADMIN,
	ROLE_EDITOR,
	ROLE_MODERATOR,
	ROLE__MAX
};

extern const char *const auth_role_slug[ROLE__MAX];
extern const char *const auth_role_name[ROLE__MAX];	/* Ukrainian */

/* The role of a stored slug; ROLE__MAX when unknown. */
enum auth_role	 auth_role_parse(const char *);

/* Who is signed in, for one request (strings from the request's arena). */
struct auth_user {
	uint32_t	 id;
	const char	*login;
	const char	*name;
	enum auth_role	 role;
	uint32_t	 unit_id;	/* 0: none (admins, moderators) */
	const char	*unit_name;
	unsigned char	 sid[AUTH_SID_BYTES];
	char		 csrf[AUTH_SID_LEN + 1];
};

/* The kinds of work the roles split. */
enum auth_work {
	WORK_CONSULTATION,	/* create, edit, publish, close; documents */
	WORK_ANSWER,		/* answers to proposals and the report */
	WORK_MODERATE,		/* publish, reject, mark spam */
	WORK_ADMINISTER,	/* users, units, the audit log */
	WORK__MAX
};

/*
 * Whether u may do work on a row of unit row_unit: admins everything;
 * editors consultations and answers of their own unit only; moderators the
 * comments of every unit.  The one place the rule is written.
 */
int		 auth_may(const struct auth_user *u, enum auth_work work,
		    uint32_t row_unit);

/* A new session id and its cookie value (AUTH_SID_LEN + 1 bytes). */
void		 auth_sid_new(unsigned char sid[AUTH_SID_BYTES], char *cookie);
/* The id in a cookie value; 0, or -1 when it is not one we could make. */
int		 auth_sid_decode(const char *s, size_t len,
		    unsigned char sid[AUTH_SID_BYTES]);
/* What the database keeps of a session id. */
void		 auth_sid_hash(unsigned char out[32],
		    const unsigned char sid[AUTH_SID_BYTES]);

enum auth_age {
	AUTH_LIVE,
	AUTH_IDLE,	/* not used for AUTH_IDLE_SECONDS */
	AUTH_OLD	/* older than AUTH_ABSOLUTE_SECONDS */
};

enum auth_age	 auth_session_age(time_t created, time_t seen, time_t now);

/*
 * Seconds to wait before a login may be tried again, 0 when it may be now,
 * from one count of recent failures (of a login or of an address): n
 * failures in the window, the latest at last and the oldest at oldest.
 * After AUTH_FAIL_FREE failures each one doubles the wait (1, 2, 4 ...
 * seconds, at most AUTH_DELAY_MAX); at AUTH_FAIL_LOCK the login is locked
 * until the oldest failure leaves the window.
 */
long		 auth_login_wait(long n, time_t last, time_t oldest, time_t now);

/*
 * Hashes a password (argon2id, interactive limits) into out
 * (AUTH_HASH_MAX bytes).  0, or -1 (out of memory).
 */
int		 auth_password_hash(char *out, const char *pw, size_t len);

/*
 * Whether a login is one we store: 1 to 64 bytes of valid UTF-8 with no
 * space or control character (the same rule for the form and the
 * command).
 */
int		 auth_login_ok(const char *login, size_t len);

/* Whether a typed password may be set: valid UTF-8, at least
 * AUTH_PASSWORD_MIN code points, at most AUTH_PASSWORD_MAX bytes. */
int		 auth_password_ok(const char *pw, size_t len);

/*
 * A new random password (libsodium), AUTH_PASSWORD_GEN characters of
 * base64url and a NUL into out: for a new user or a reset, shown once and
 * never stored in clear.
 */
#define AUTH_PASSWORD_GEN	20
void		 auth_password_new(char out[AUTH_PASSWORD_GEN + 1]);

enum auth_pw {
	AUTH_PW_BAD,
	AUTH_PW_OK,
	AUTH_PW_REHASH		/* right, but hashed with older limits */
};

/* Checks a password against a stored hash (NULL: an unknown login, for
 * which the same work is done so the time does not tell). */
enum auth_pw	 auth_password_check(const char *hash, const char *pw,
		    size_t len);

/*
 * The Set-Cookie value for a session (value NULL: the one that removes
 * it), Secure when the request came over TLS.  Returns buf, or NULL when
 * cap is too small.
 */
char		*auth_cookie(char *buf, size_t cap, const char *value,
		    int https);

/*
 * Whether next is a safe place to go after login: a path under /admin
 * made of letters, digits, '-', '_' and single slashes (no "//", no "..",
 * no scheme, no query).
 */
int		 auth_next_ok(const char *next);

#endif /* HROMADA_AUTH_H */
