/*
 * The parts of the admin's sign-in that need no database: roles and units
 * (auth_may), session ids and their cookie, expiry, the delay and lockout,
 * passwords (argon2id, needs_rehash), the CSRF token of a session, the
 * keyed hash of a login, and where a login may send the person next.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "auth.h"
#include "secret.h"

#define NOW	((time_t)1790000000)

static const unsigned char key1[SECRET_BYTES] = { 1 };
static const unsigned char key2[SECRET_BYTES] = { 2 };

static void
roles(void **state)
{
	struct auth_user	 admin = { .role = ROLE_ADMIN };
	struct auth_user	 ed = { .role = ROLE_EDITOR, .unit_id = 7 };
	struct auth_user	 lost = { .role = ROLE_EDITOR, .unit_id = 0 };
	struct auth_user	 mod = { .role = ROLE_MODERATOR };
	struct auth_user	 bad = { .role = ROLE__MAX };
	int			 w;

	(void)state;
	for (w = 0; w < WORK__MAX; w++) {
		assert_true(auth_may(&admin, (enum auth_work)w, 3));
		assert_false(auth_may(&bad, (enum auth_work)w, 3));
		assert_false(auth_may(&lost, (enum auth_work)w, 0));
	}
	assert_false(auth_may(NULL, WORK_MODERATE, 1));
	assert_false(auth_may(&admin, WORK__MAX, 1));
	/* Editors: their own unit's consultations and answers only. */
	assert_true(auth_may(&ed, WORK_CONSULTATION, 7));
	assert_true(auth_may(&ed, WORK_ANSWER, 7));
	assert_false(auth_may(&ed, WORK_CONSULTATION, 8));
	assert_false(auth_may(&ed, WORK_ANSWER, 0));
	assert_false(auth_may(&ed, WORK_MODERATE, 7));
	assert_false(auth_may(&ed, WORK_ADMINISTER, 7));
	/* Moderators: comments of every unit, nothing else. */
	assert_true(auth_may(&mod, WORK_MODERATE, 1));
	assert_true(auth_may(&mod, WORK_MODERATE, 30));
	assert_false(auth_may(&mod, WORK_CONSULTATION, 1));
	assert_false(auth_may(&mod, WORK_ANSWER, 1));
	assert_false(auth_may(&mod, WORK_ADMINISTER, 1));
}

static void
role_names(void **state)
{
	(void)state;
	assert_int_equal(auth_role_parse("admin"), ROLE_ADMIN);
	assert_int_equal(auth_role_parse("editor"), ROLE_EDITOR);
	assert_int_equal(auth_role_parse("moderator"), ROLE_MODERATOR);
	assert_int_equal(auth_role_parse("Admin"), ROLE__MAX);
	assert_int_equal(auth_role_parse(""), ROLE__MAX);
	assert_int_equal(auth_role_parse(NULL), ROLE__MAX);
}

static void
sid_roundtrip(void **state)
{
	unsigned char	 a[AUTH_SID_BYTES], b[AUTH_SID_BYTES], back[AUTH_SID_BYTES];
	unsigned char	 ha[32], hb[32];
	char		 ca[AUTH_SID_LEN + 1], cb[AUTH_SID_LEN + 1];

	(void)state;
	auth_sid_new(a, ca);
	auth_sid_new(b, cb);
	assert_int_equal(strlen(ca), AUTH_SID_LEN);
	assert_memory_not_equal(a, b, sizeof(a));
	assert_int_equal(auth_sid_decode(ca, strlen(ca), back), 0);
	assert_memory_equal(a, back, sizeof(a));
	auth_sid_hash(ha, a);
	auth_sid_hash(hb, b);
	assert_memory_not_equal(ha, hb, 32);
	/* The hash is not the id. */
	assert_memory_not_equal(ha, a, 32);
}

static void
sid_refused(void **state)
{
	static const char *const bad[] = {
		"", "abc", "A",
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",	/* 42 */
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",	/* 44 */
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",	/* not url */
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ",
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\xd0",
		NULL
	};
	unsigned char	 sid[AUTH_SID_BYTES];
	size_t		 i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++)
		assert_int_equal(auth_sid_decode(bad[i], strlen(bad[i]), sid),
		    -1);
	assert_int_equal(auth_sid_decode(NULL, 43, sid), -1);
	assert_int_equal(auth_sid_decode(
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 43, sid), 0);
}

static void
session_ages(void **state)
{
	(void)state;
	assert_int_equal(auth_session_age(NOW, NOW, NOW), AUTH_LIVE);
	assert_int_equal(auth_session_age(NOW - 100, NOW - 29 * 60, NOW),
	    AUTH_LIVE);
	assert_int_equal(auth_session_age(NOW - 100, NOW - 30 * 60, NOW),
	    AUTH_IDLE);
	assert_int_equal(auth_session_age(NOW - 12 * 3600 + 1, NOW, NOW),
	    AUTH_LIVE);
	assert_int_equal(auth_session_age(NOW - 12 * 3600, NOW, NOW),
	    AUTH_OLD);
	/* Old wins over idle: both end it. */
	assert_int_equal(auth_session_age(NOW - 13 * 3600, NOW - 3600, NOW),
	    AUTH_OLD);
}

static void
login_waits(void **state)
{
	long	 n;

	(void)state;
	/* The first failures cost nothing. */
	for (n = 0; n < AUTH_FAIL_FREE; n++)
		assert_int_equal(auth_login_wait(n, NOW, NOW - 10, NOW), 0);
	/* Then 1, 2, 4 ... seconds after the latest, at most a minute. */
	assert_int_equal(auth_login_wait(3, NOW, NOW - 10, NOW), 1);
	assert_int_equal(auth_login_wait(4, NOW, NOW - 10, NOW), 2);
	assert_int_equal(auth_login_wait(5, NOW, NOW - 10, NOW), 4);
	assert_int_equal(auth_login_wait(8, NOW, NOW - 10, NOW), 32);
	assert_int_equal(auth_login_wait(9, NOW, NOW - 10, NOW), 60);
	assert_int_equal(auth_login_wait(5, NOW - 3, NOW - 10, NOW), 1);
	assert_int_equal(auth_login_wait(5, NOW - 4, NOW - 10, NOW), 0);
	assert_int_equal(auth_login_wait(5, NOW - 100, NOW - 100, NOW), 0);
	/* Locked: until the oldest failure leaves the 15 minutes. */
	assert_int_equal(auth_login_wait(10, NOW, NOW - 60, NOW), 840);
	assert_int_equal(auth_login_wait(50, NOW, NOW - 899, NOW), 1);
	assert_int_equal(auth_login_wait(10, NOW, NOW - 2000, NOW), 1);
	/* Huge counts do not overflow the shift. */
	assert_int_equal(auth_login_wait(9, NOW, NOW, NOW), 60);
}

static void
passwords(void **state)
{
	char		 h[AUTH_HASH_MAX], weak[crypto_pwhash_STRBYTES];
	static const char pw[] = "довгий пароль 123";

	(void)state;
	assert_int_equal(auth_password_hash(h, pw, strlen(pw)), 0);
	assert_true(strncmp(h, "$argon2id$", 10) == 0);
	assert_int_equal(auth_password_check(h, pw, strlen(pw)), AUTH_PW_OK);
	assert_int_equal(auth_password_check(h, pw, strlen(pw) - 1),
	    AUTH_PW_BAD);
	assert_int_equal(auth_password_check(h, "", 0), AUTH_PW_BAD);
	assert_int_equal(auth_password_check("garbage", pw, strlen(pw)),
	    AUTH_PW_BAD);
	/* An unknown login: the same work, and never a yes. */
	assert_int_equal(auth_password_check(NULL, pw, strlen(pw)),
	    AUTH_PW_BAD);
	assert_int_equal(auth_password_check(NULL, "no such login", 13),
	    AUTH_PW_BAD);
	/* A hash made with lower limits is right but must be redone. */
	assert_int_equal(crypto_pwhash_str(weak, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN), 0);
	assert_int_equal(auth_password_check(weak, pw, strlen(pw)),
	    AUTH_PW_REHASH);
	assert_int_equal(auth_password_check(weak, "wrong", 5), AUTH_PW_BAD);
}

static void
cookies(void **state)
{
	char	 b[200];

	(void)state;
	assert_string_equal(auth_cookie(b, sizeof(b), "abc", 0),
	    "hromada_session=abc; Path=/admin; HttpOnly; SameSite=Strict");
	assert_string_equal(auth_cookie(b, sizeof(b), "abc", 1),
	    "hromada_session=abc; Path=/admin; HttpOnly; SameSite=Strict; "
	    "Secure");
	assert_string_equal(auth_cookie(b, sizeof(b), NULL, 0),
	    "hromada_session=; Path=/admin; HttpOnly; SameSite=Strict; "
	    "Max-Age=0");
	assert_null(auth_cookie(b, 20, "abc", 0));
}

static void
csrf_tokens(void **state)
{
	unsigned char	 a[AUTH_SID_BYTES] = { 1 }, b[AUTH_SID_BYTES] = { 2 };
	char		 ta[SESSION_CSRF_LEN + 1], tb[SESSION_CSRF_LEN + 1];
	char		 t2[SESSION_CSRF_LEN + 1];

	(void)state;
	secret_set(key1);
	session_csrf(ta, a);
	session_csrf(tb, b);
	assert_int_equal(strlen(ta), SESSION_CSRF_LEN);
	assert_string_not_equal(ta, tb);
	assert_true(session_csrf_ok(ta, strlen(ta), a));
	assert_false(session_csrf_ok(ta, strlen(ta), b));
	assert_false(session_csrf_ok(ta, strlen(ta) - 1, a));
	assert_false(session_csrf_ok(NULL, 0, a));
	assert_false(session_csrf_ok("", 0, a));
	memcpy(t2, ta, sizeof(t2));
	t2[5] = t2[5] == 'A' ? 'B' : 'A';
	assert_false(session_csrf_ok(t2, strlen(t2), a));
	/* Another server secret, another token. */
	secret_set(key2);
	assert_false(session_csrf_ok(ta, strlen(ta), a));
	session_csrf(t2, a);
	assert_string_not_equal(ta, t2);
}

static void
login_hashes(void **state)
{
	unsigned char	 a[32], b[32], c[32];

	(void)state;
	secret_set(key1);
	/* Case does not buy more attempts. */
	login_hash(a, "Olena", 5);
	login_hash(b, "olena", 5);
	assert_memory_equal(a, b, 32);
	login_hash(c, "olena2", 6);
	assert_memory_not_equal(a, c, 32);
	/* Not the address hash of the same text. */
	addr_hash(c, "olena");
	assert_memory_not_equal(a, c, 32);
}

static void
next_paths(void **state)
{
	static const char *const good[] = {
		"/admin", "/admin/", "/admin/moderation",
		"/admin/consultations/12/answers", NULL
	};
	static const char *const bad[] = {
		"", "/", "/administrator", "//admin", "/admin//evil.example",
		"/admin/../consultations", "/admin/.hidden", "https://x/admin",
		"/admin?x=1", "/admin/a b", "/admin/\\evil", "/admin/%2e%2e",
		"admin", NULL
	};
	size_t	 i;

	(void)state;
	for (i = 0; good[i] != NULL; i++)
		assert_true(auth_next_ok(good[i]));
	for (i = 0; bad[i] != NULL; i++)
		assert_false(auth_next_ok(bad[i]));
	assert_false(auth_next_ok(NULL));
}

static void
logins(void **state)
{
	static const char *const good[] = {
		"a", "olena.k", "Олена", "admin_1", "x@example.com", NULL
	};
	static const char *const bad[] = {
		"", "two words", "tab\there", "new\nline", "del\x7f",
		"\xff\xfe", "\xd0", NULL
	};
	char	 long_login[66];
	size_t	 i;

	(void)state;
	for (i = 0; good[i] != NULL; i++)
		assert_true(auth_login_ok(good[i], strlen(good[i])));
	for (i = 0; bad[i] != NULL; i++)
		assert_false(auth_login_ok(bad[i], strlen(bad[i])));
	memset(long_login, 'a', sizeof(long_login));
	assert_true(auth_login_ok(long_login, 64));
	assert_false(auth_login_ok(long_login, 65));
	/* An embedded NUL is not a login. */
	assert_false(auth_login_ok("ab\0cd", 5));
}

static void
password_rules(void **state)
{
	char	 big[AUTH_PASSWORD_MAX + 1];

	(void)state;
	assert_true(auth_password_ok("0123456789", 10));
	assert_false(auth_password_ok("012345678", 9));
	/* Code points, not bytes: nine Cyrillic letters (18 bytes) are short. */
	assert_false(auth_password_ok("пароль123", strlen("пароль123")));
	assert_true(auth_password_ok("пароль1234", strlen("пароль1234")));
	assert_false(auth_password_ok("\xff" "123456789", 10));
	memset(big, 'x', sizeof(big));
	assert_true(auth_password_ok(big, AUTH_PASSWORD_MAX));
	assert_false(auth_password_ok(big, AUTH_PASSWORD_MAX + 1));
}

static void
generated_passwords(void **state)
{
	char	 a[AUTH_PASSWORD_GEN + 1], b[AUTH_PASSWORD_GEN + 1];
	size_t	 i;

	(void)state;
	auth_password_new(a);
	auth_password_new(b);
	assert_int_equal(strlen(a), AUTH_PASSWORD_GEN);
	assert_string_not_equal(a, b);
	for (i = 0; a[i] != '\0'; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789-_", a[i]));
	/* What it makes, the rule for typed ones accepts. */
	assert_true(auth_password_ok(a, strlen(a)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roles),
		cmocka_unit_test(role_names),
		cmocka_unit_test(sid_roundtrip),
		cmocka_unit_test(sid_refused),
		cmocka_unit_test(session_ages),
		cmocka_unit_test(login_waits),
		cmocka_unit_test(passwords),
		cmocka_unit_test(cookies),
		cmocka_unit_test(csrf_tokens),
		cmocka_unit_test(login_hashes),
		cmocka_unit_test(next_paths),
		cmocka_unit_test(logins),
		cmocka_unit_test(password_rules),
		cmocka_unit_test(generated_passwords),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
