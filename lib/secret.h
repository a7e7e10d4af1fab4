/*
 * Everything keyed by the server secret (libsodium): form tokens against
 * cross-site and replayed posts, the keyed hash that stands for a client's
 * address, the key that makes a double submission land once, and the MAC
 * that makes a receipt's link unguessable.
 *
 * The secret is 32 random bytes in a file (HROMADA_SECRET_FILE, made by
 * scripts/stack.sh with mode 0600), read once before the workers fork.
 * Each use derives its own subkey, so no two uses can be confused.
 */
#ifndef HROMADA_SECRET_H
#define HROMADA_SECRET_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define SECRET_BYTES		32
/* A form token: base64url, no padding, of 29 bytes of payload and MAC. */
#define FORM_TOKEN_LEN		72	/* with room; actual length is fixed */
#define RECEIPT_MAC_LEN		22	/* base64url of 16 bytes */
#define SHA256_HEX_LEN		64
#define SESSION_CSRF_LEN	43	/* base64url of 32 bytes */

enum token_check {
	TOKEN_OK,
	TOKEN_BAD,	/* missing, malformed or forged */
	TOKEN_EXPIRED
};

/* Loads the secret; 0, or -1 with a message (missing, short, loose mode). */
int	secret_load(const char *path);
/* Uses a given key (tests, fuzzing). */
void	secret_set(const unsigned char key[SECRET_BYTES]);

/*
 * A token for a form of purpose (e.g. "comment") bound to one row (the
 * consultation id), issued at now.  out holds FORM_TOKEN_LEN + 1 bytes.
 */
void	form_token_make(char *out, const char *purpose, uint32_t bind,
	    time_t now);
/* Checks a token against purpose, row and a maximum age in seconds. */
enum token_check form_token_check(const char *token, size_t len,
	    const char *purpose, uint32_t bind, time_t now, long max_age);

/* The keyed hash of a client address (32 bytes), never the address. */
void	addr_hash(unsigned char out[32], const char *addr);

/*
 * The key of one submission: the same token, e-mail (case-folded ASCII)
 * and text give the same 32 bytes; anything else differs.
 */
void	submit_key(unsigned char out[32], const char *token, size_t toklen,
	    const char *email, size_t elen, const char *text, size_t tlen);

/* The MAC in a receipt's link for a submission id (RECEIPT_MAC_LEN + 1). */
void	receipt_mac(char *out, uint32_t id);
/* Whether s is the receipt MAC of id (constant time). */
int	receipt_mac_ok(const char *s, size_t len, uint32_t id);

/*
 * The same for the receipt of a topic proposed for the agenda: another
 * message than any comment's, so one kind of receipt never opens the other.
 */
void	agenda_receipt_mac(char *out, uint32_t id);
int	agenda_receipt_mac_ok(const char *s, size_t len, uint32_t id);

/*
 * The keyed hash that stands for a login in the count of failed logins
 * (case-folded ASCII, at most 255 bytes considered).
 */
void	login_hash(unsigned char out[32], const char *login, size_t len);

/*
 * The admin's CSRF token of a session: a MAC of the session's raw id, so it
 * needs no storage, changes with every new session and cannot be made
 * without the id (which only the HttpOnly cookie holds).  out holds
 * SESSION_CSRF_LEN + 1 bytes.
 */
void	session_csrf(char *out, const unsigned char sid[32]);
/* Whether s is the CSRF token of the session (constant time). */
int	session_csrf_ok(const char *s, size_t len, const unsigned char sid[32]);

/* SHA-256 of data as lower-case hex (SHA256_HEX_LEN + 1 bytes). */
void	sha256_hex(char *out, const void *data, size_t len);

/*
 * The token in a link of an e-mail (confirm, unsubscribe, change the
 * filters): HMAC of purpose and a random nonce kept in the subscription's
 * row, base64url (LINK_TOKEN_LEN + 1 bytes).  The row keeps the nonce and
 * link_token_hash() of the token, never the token: the worker that writes
 * the message makes it again from the nonce.
 */
#define LINK_NONCE_BYTES	16
#define LINK_TOKEN_LEN		43	/* base64url of 32 bytes */
void	link_token(char *out, const char *purpose,
	    const unsigned char nonce[LINK_NONCE_BYTES]);
/* SHA-256 of a token as sent (32 bytes): how the row is found. */
void	link_token_hash(unsigned char out[32], const char *token, size_t len);
/* Random bytes (libsodium). */
void	random_bytes(void *out, size_t len);

#endif /* HROMADA_SECRET_H */
