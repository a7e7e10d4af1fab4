/*
 * The agenda's receipt MAC (lib/secret.c): a proposal's receipt link is
 * unguessable, bound to its id and the server secret, and never the MAC of
 * a comment's receipt with the same number (one kind of receipt must not
 * open the other).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "secret.h"

static const unsigned char key1[SECRET_BYTES] = { 1 };
static const unsigned char key2[SECRET_BYTES] = { 2 };

static void
agenda_receipts(void **state)
{
	char	 a[RECEIPT_MAC_LEN + 1], c[RECEIPT_MAC_LEN + 1];
	char	 b[RECEIPT_MAC_LEN + 1];
	uint32_t id;

	(void)state;
	secret_set(key1);
	agenda_receipt_mac(a, 1001);
	assert_int_equal(strlen(a), RECEIPT_MAC_LEN);
	assert_true(agenda_receipt_mac_ok(a, strlen(a), 1001));
	assert_false(agenda_receipt_mac_ok(a, strlen(a), 1002));
	assert_false(agenda_receipt_mac_ok(a, strlen(a) - 1, 1001));
	assert_false(agenda_receipt_mac_ok("", 0, 1001));
	/* Same number, the other kind: different, and refused both ways. */
	for (id = 1; id < 2000; id += 37) {
		agenda_receipt_mac(a, id);
		receipt_mac(c, id);
		assert_string_not_equal(a, c);
		assert_false(agenda_receipt_mac_ok(c, strlen(c), id));
		assert_false(receipt_mac_ok(a, strlen(a), id));
	}
	/* Another secret, another MAC. */
	agenda_receipt_mac(a, 1001);
	secret_set(key2);
	agenda_receipt_mac(b, 1001);
	assert_string_not_equal(a, b);
	assert_false(agenda_receipt_mac_ok(a, strlen(a), 1001));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(agenda_receipts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
