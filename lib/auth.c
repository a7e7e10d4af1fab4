#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "utf8.h"

const char *const auth_role_slug[ROLE__MAX] = {
	"admin", "editor", "moderator",
};

const char *const auth_role_name[ROLE__MAX] = {
	"адміністратор", "редактор", "модератор",
};

enum auth_role
auth_role_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < ROLE__MAX; i++)
		if (strcmp(s, auth_role_slug[i]) == 0)
			return (enum auth_role)i;
	return ROLE__MAX;
}

int
auth_may(const struct auth_user *u, enum auth_work work, uint32_t row_unit)
{
	if (u == NULL)
		return 0;
	switch (u->role) {
	case ROLE_ADMIN:
		return work < WORK__MAX;
	case ROLE_EDITOR:
		/* An editor without a unit touches nothing. */
		return (work == WORK_CONSULTATION || work == WORK_ANSWER) &&
		    u->unit_id != 0 && u->unit_id == row_unit;
	case ROLE_MODERATOR:
		return work == WORK_MODERATE;
	default:
		return 0;
	}
}

void
auth_sid_new(unsigned char sid[AUTH_SID_BYTES], char *cookie)
{
	randombytes_buf(sid, AUTH_SID_BYTES);
	sodium_bin2base64(cookie, AUTH_SID_LEN + 1, sid, AUTH_SID_BYTES,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int
auth_sid_decode(const char *s, size_t len, unsigned char sid[AUTH_SID_BYTES])
{
	size_t	 n;

	if (s == NULL || len != AUTH_SID_LEN ||
	    sodium_base642bin(sid, AUTH_SID_BYTES, s, len, NULL, &n, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    n != AUTH_SID_BYTES)
		return -1;
	return 0;
}

void
auth_sid_hash(unsigned char out[32], const unsigned char sid[AUTH_SID_BYTES])
{
	/* The id is 256 random bits: a plain hash cannot be reversed. */
	crypto_generichash(out, 32, sid, AUTH_SID_BYTES, NULL, 0);
}

enum auth_age
auth_session_age(time_t created, time_t seen, time_t now)
{
	if (now - created >= AUTH_ABSOLUTE_SECONDS)
		return AUTH_OLD;
	if (now - seen >= AUTH_IDLE_SECONDS)
		return AUTH_IDLE;
	return AUTH_LIVE;
}

long
auth_login_wait(long n, time_t last, time_t oldest, time_t now)
{
	long	 d;

	if (n >= AUTH_FAIL_LOCK) {
		d = (long)(oldest + AUTH_FAIL_WINDOW - now);
		return d > 0 ? d : 1;
	}
	if (n < AUTH_FAIL_FREE)
		return 0;
	d = n - AUTH_FAIL_FREE >= 6 ? AUTH_DELAY_MAX :
	    1L << (n - AUTH_FAIL_FREE);
	if (d > AUTH_DELAY_MAX)
		d = AUTH_DELAY_MAX;
	d = (long)(last + d - now);
	return d > 0 ? d : 0;
}

int
auth_password_hash(char *out, const char *pw, size_t len)
{
	return crypto_pwhash_str(out, pw, len,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int
auth_login_ok(const char *login, size_t len)
{
	size_t	 i;

	if (len == 0 || len > 64 || !utf8_valid(login, len))
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)login[i] <= ' ' ||
		    (unsigned char)login[i] == 0x7f)
			return 0;
	return 1;
}

int
auth_password_ok(const char *pw, size_t len)
{
	return len <= AUTH_PASSWORD_MAX && utf8_valid(pw, len) &&
	    utf8_len(pw, len) >= AUTH_PASSWORD_MIN;
}

void
auth_password_new(char out[AUTH_PASSWORD_GEN + 1])
{
	unsigned char	 raw[AUTH_PASSWORD_GEN * 3 / 4];

	/* 15 bytes: 120 bits, exactly 20 characters of base64url. */
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, AUTH_PASSWORD_GEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

enum auth_pw
auth_password_check(const char *hash, const char *pw, size_t len)
{
	/* Process lifetime: made once per worker, on the first unknown login. */
	static char	 dummy[crypto_pwhash_STRBYTES];

	if (hash == NULL) {
		if (*dummy == '\0' && auth_password_hash(dummy,
		    "no such login", 13) == -1)
			return AUTH_PW_BAD;
		/* The same work as for a real login; the answer is no. */
		if (crypto_pwhash_str_verify(dummy, pw, len) == 0)
			return AUTH_PW_BAD;
		return AUTH_PW_BAD;
	}
	if (crypto_pwhash_str_verify(hash, pw, len) != 0)
		return AUTH_PW_BAD;
	return crypto_pwhash_str_needs_rehash(hash,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? AUTH_PW_OK :
	    AUTH_PW_REHASH;
}

char *
auth_cookie(char *buf, size_t cap, const char *value, int https)
{
	int	 n;

	n = snprintf(buf, cap, "%s=%s; Path=/admin; HttpOnly; "
	    "SameSite=Strict%s%s", AUTH_COOKIE, value != NULL ? value : "",
	    value == NULL ? "; Max-Age=0" : "", https ? "; Secure" : "");
	return n > 0 && (size_t)n < cap ? buf : NULL;
}

int
auth_next_ok(const char *next)
{
	const char	*p;

	if (next == NULL || strncmp(next, "/admin", 6) != 0 ||
	    strlen(next) > 200)
		return 0;
	for (p = next + 6; *p != '\0'; p++) {
		if (*p == '/') {
			if (p[1] == '/' || p[1] == '.')
				return 0;
			continue;
		}
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return 0;
	}
	/* "/admin" itself, or "/admin/..."; not "/administrator". */
	return next[6] == '\0' || next[6] == '/';
}
