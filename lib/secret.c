#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "log.h"
#include "secret.h"

/*
 * Subkeys are HMAC-SHA-256(secret, label): plain enough that a test (or an
 * operator's script) can compute a token with the same secret.
 */
enum use {
	USE_FORM,
	USE_ADDR,
	USE_SUBMIT,
	USE_RECEIPT,
	USE_LOGIN,
	USE_CSRF,
	USE_LINK,
	USE__MAX
};

static const char *const labels[USE__MAX] = {
	"hromada-form-token",
	"hromada-address",
	"hromada-submission",
	"hromada-receipt",
	"hromada-login",
	"hromada-admin-csrf",
	"hromada-mail-link",
};

static unsigned char	 subkey[USE__MAX][crypto_auth_hmacsha256_KEYBYTES];
static int		 loaded;

#define ISSUED_BYTES	8
#define MAC_BYTES	crypto_auth_hmacsha256_BYTES
#define TOKEN_RAW	(ISSUED_BYTES + MAC_BYTES)

void
secret_set(const unsigned char key[SECRET_BYTES])
{
	size_t	 i;

	for (i = 0; i < USE__MAX; i++)
		crypto_auth_hmacsha256(subkey[i],
		    (const unsigned char *)labels[i], strlen(labels[i]), key);
	loaded = 1;
}

int
secret_load(const char *path)
{
	unsigned char	 key[SECRET_BYTES + 1];
	struct stat	 st;
	ssize_t		 n;
	int		 fd;

	if (sodium_init() < 0) {
		log_error("libsodium could not start");
		return -1;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_error("secret %s: %s (scripts/stack.sh makes one)", path,
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || (st.st_mode & 077) != 0) {
		log_error("secret %s: must be readable by its owner only", path);
		close(fd);
		return -1;
	}
	n = read(fd, key, sizeof(key));
	close(fd);
	if (n != SECRET_BYTES) {
		log_error("secret %s: must hold exactly %d bytes", path,
		    SECRET_BYTES);
		sodium_memzero(key, sizeof(key));
		return -1;
	}
	secret_set(key);
	sodium_memzero(key, sizeof(key));
	return 0;
}

/* HMAC-SHA-256 over the parts, each followed by a NUL. */
static void
mac_parts(unsigned char out[MAC_BYTES], enum use u, const void *const *part,
    const size_t *len, size_t n)
{
	crypto_auth_hmacsha256_state	 st;
	static const unsigned char	 nul;
	size_t				 i;

	crypto_auth_hmacsha256_init(&st, subkey[u], sizeof(subkey[u]));
	for (i = 0; i < n; i++) {
		crypto_auth_hmacsha256_update(&st, part[i], len[i]);
		crypto_auth_hmacsha256_update(&st, &nul, 1);
	}
	crypto_auth_hmacsha256_final(&st, out);
}

static void
token_mac(unsigned char out[MAC_BYTES], const char *purpose, uint32_t bind,
    unsigned long long issued)
{
	char		 b[16], t[24];
	const void	*part[3];
	size_t		 len[3];

	snprintf(b, sizeof(b), "%u", bind);
	snprintf(t, sizeof(t), "%llu", issued);
	part[0] = purpose;
	len[0] = strlen(purpose);
	part[1] = b;
	len[1] = strlen(b);
	part[2] = t;
	len[2] = strlen(t);
	mac_parts(out, USE_FORM, part, len, 3);
}

void
form_token_make(char *out, const char *purpose, uint32_t bind, time_t now)
{
	unsigned char		 raw[TOKEN_RAW];
	unsigned long long	 issued = now > 0 ? (unsigned long long)now : 0;
	int			 i;

	for (i = 0; i < ISSUED_BYTES; i++)
		raw[i] = (unsigned char)(issued >> (8 * (ISSUED_BYTES - 1 - i)));
	token_mac(raw + ISSUED_BYTES, purpose, bind, issued);
	sodium_bin2base64(out, FORM_TOKEN_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

enum token_check
form_token_check(const char *token, size_t len, const char *purpose,
    uint32_t bind, time_t now, long max_age)
{
	unsigned char		 raw[TOKEN_RAW + 1], want[MAC_BYTES];
	unsigned long long	 issued = 0;
	size_t			 rawlen;
	int			 i;

	if (!loaded || token == NULL || len == 0 || len > FORM_TOKEN_LEN ||
	    sodium_base642bin(raw, sizeof(raw), token, len, NULL, &rawlen,
	    NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    rawlen != TOKEN_RAW)
		return TOKEN_BAD;
	for (i = 0; i < ISSUED_BYTES; i++)
		issued = issued << 8 | raw[i];
	token_mac(want, purpose, bind, issued);
	if (sodium_memcmp(want, raw + ISSUED_BYTES, MAC_BYTES) != 0)
		return TOKEN_BAD;
	/* A token from the future (clock skew between hosts) of a minute is
	 * fine; more is not one we made. */
	if (issued > (unsigned long long)now + 60)
		return TOKEN_BAD;
	if ((unsigned long long)now > issued &&
	    (unsigned long long)now - issued > (unsigned long long)max_age)
		return TOKEN_EXPIRED;
	return TOKEN_OK;
}

void
addr_hash(unsigned char out[32], const char *addr)
{
	const void	*part[1] = { addr != NULL ? addr : "" };
	size_t		 len[1] = { strlen(part[0]) };

	mac_parts(out, USE_ADDR, part, len, 1);
}

void
submit_key(unsigned char out[32], const char *token, size_t toklen,
    const char *email, size_t elen, const char *text, size_t tlen)
{
	char		 lower[320];
	const void	*part[3];
	size_t		 len[3], i;

	/* Addresses differ in case only in the domain, in practice. */
	if (elen >= sizeof(lower))
		elen = sizeof(lower) - 1;
	for (i = 0; i < elen; i++)
		lower[i] = (char)tolower((unsigned char)email[i]);
	part[0] = token;
	len[0] = toklen;
	part[1] = lower;
	len[1] = elen;
	part[2] = text;
	len[2] = tlen;
	mac_parts(out, USE_SUBMIT, part, len, 3);
}

static void
receipt_raw(unsigned char out[MAC_BYTES], uint32_t id)
{
	char		 b[16];
	const void	*part[1] = { b };
	size_t		 len[1];

	len[0] = (size_t)snprintf(b, sizeof(b), "%u", id);
	mac_parts(out, USE_RECEIPT, part, len, 1);
}

void
receipt_mac(char *out, uint32_t id)
{
	unsigned char	 m[MAC_BYTES];

	receipt_raw(m, id);
	sodium_bin2base64(out, RECEIPT_MAC_LEN + 1, m, 16,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int
receipt_mac_ok(const char *s, size_t len, uint32_t id)
{
	char	 want[RECEIPT_MAC_LEN + 1];

	if (len != RECEIPT_MAC_LEN)
		return 0;
	receipt_mac(want, id);
	return sodium_memcmp(want, s, RECEIPT_MAC_LEN) == 0;
}

void
agenda_receipt_mac(char *out, uint32_t id)
{
	unsigned char	 m[MAC_BYTES];
	char		 b[16];
	const void	*part[2] = { "agenda", b };
	size_t		 len[2] = { 6, 0 };

	len[1] = (size_t)snprintf(b, sizeof(b), "%u", id);
	mac_parts(m, USE_RECEIPT, part, len, 2);
	sodium_bin2base64(out, RECEIPT_MAC_LEN + 1, m, 16,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int
agenda_receipt_mac_ok(const char *s, size_t len, uint32_t id)
{
	char	 want[RECEIPT_MAC_LEN + 1];

	if (len != RECEIPT_MAC_LEN)
		return 0;
	agenda_receipt_mac(want, id);
	return sodium_memcmp(want, s, RECEIPT_MAC_LEN) == 0;
}

void
sha256_hex(char *out, const void *data, size_t len)
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, SHA256_HEX_LEN + 1, h, sizeof(h));
}

void
login_hash(unsigned char out[32], const char *login, size_t len)
{
	char		 lower[256];
	const void	*part[1] = { lower };
	size_t		 n[1], i;

	/*
	 * Case-folded (ASCII), so that "Admin" and "admin" share one count of
	 * failures: trying every capitalisation buys no extra attempts.
	 */
	if (len >= sizeof(lower))
		len = sizeof(lower) - 1;
	for (i = 0; i < len; i++)
		lower[i] = (char)tolower((unsigned char)login[i]);
	n[0] = len;
	mac_parts(out, USE_LOGIN, part, n, 1);
}

void
session_csrf(char *out, const unsigned char sid[32])
{
	unsigned char	 m[MAC_BYTES];
	const void	*part[1] = { sid };
	size_t		 len[1] = { 32 };

	mac_parts(m, USE_CSRF, part, len, 1);
	sodium_bin2base64(out, SESSION_CSRF_LEN + 1, m, sizeof(m),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int
session_csrf_ok(const char *s, size_t len, const unsigned char sid[32])
{
	char	 want[SESSION_CSRF_LEN + 1];

	if (!loaded || s == NULL || len != SESSION_CSRF_LEN)
		return 0;
	session_csrf(want, sid);
	return sodium_memcmp(want, s, SESSION_CSRF_LEN) == 0;
}

void
link_token(char *out, const char *purpose,
    const unsigned char nonce[LINK_NONCE_BYTES])
{
	unsigned char	 m[MAC_BYTES];
	const void	*part[2];
	size_t		 len[2];

	part[0] = purpose;
	len[0] = strlen(purpose);
	part[1] = nonce;
	len[1] = LINK_NONCE_BYTES;
	mac_parts(m, USE_LINK, part, len, 2);
	sodium_bin2base64(out, LINK_TOKEN_LEN + 1, m, sizeof(m),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
link_token_hash(unsigned char out[32], const char *token, size_t len)
{
	crypto_hash_sha256(out, (const unsigned char *)token, len);
}

void
random_bytes(void *out, size_t len)
{
	randombytes_buf(out, len);
}
