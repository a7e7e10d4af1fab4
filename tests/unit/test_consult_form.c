/*
 * The consultation editor's rules (lib/consult_form.c): dates typed in
 * city time, the 15-day rule of electronic consultations (DST included),
 * what a draft and publishing need, in-person formats, refused fields,
 * what the lifecycle allows, and slugs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "arena.h"
#include "consult_form.h"
#include "lifecycle.h"

static struct arena	 A;

static int
setup(void **state)
{
	(void)state;
	setenv("TZ", "Europe/Kyiv", 1);
	tzset();
	arena_init(&A, 1024 * 1024);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static void
parse_local(void **state)
{
	time_t		 t;
	char		 buf[32];
	static const char *const bad[] = {
		"", "2026-12-01", "2026-12-01T10", "2026-13-01T10:00",
		"2026-02-30T10:00", "2026-12-01T24:00", "2026-12-01T10:60",
		"2026-12-01X10:00", "+026-12-01T10:00", "2026-12-01T10:00:5",
		"2026-12-01T10:00Z", " 2026-12-01T10:00", "2026-1-01T10:00:00",
		/* Spring forward: 03:00 to 04:00 on 29 March 2026. */
		"2026-03-29T03:30",
	};
	size_t		 i;

	(void)state;
	/* Winter: UTC+2; summer: UTC+3. */
	assert_int_equal(cf_parse_local("2026-12-01T10:00", &t), 0);
	{
		struct tm	 g;

		gmtime_r(&t, &g);
		assert_int_equal(g.tm_hour, 8);
		assert_int_equal(g.tm_mday, 1);
		assert_int_equal(g.tm_mon, 11);
	}
	assert_string_equal(cf_format_local(buf, sizeof(buf), t),
	    "2026-12-01T10:00");
	assert_int_equal(cf_parse_local("2030-07-01T10:00", &t), 0);
	assert_string_equal(cf_format_local(buf, sizeof(buf), t),
	    "2030-07-01T10:00");
	{
		struct tm	 g;

		gmtime_r(&t, &g);
		assert_int_equal(g.tm_hour, 7);
	}
	assert_int_equal(cf_parse_local("2026-12-01 10:00:30", &t), 0);
	assert_string_equal(cf_format_local(buf, sizeof(buf), 0), "");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(cf_parse_local(bad[i], &t), -1);
	assert_int_equal(cf_parse_local(NULL, &t), -1);
}

static time_t
at(const char *s)
{
	time_t	 t = 0;

	assert_int_equal(cf_parse_local(s, &t), 0);
	return t;
}

static void
fifteen_days(void **state)
{
	(void)state;
	assert_true(cf_long_enough(at("2026-12-01T10:00"),
	    at("2026-12-16T10:00")));
	assert_false(cf_long_enough(at("2026-12-01T10:00"),
	    at("2026-12-16T09:59")));
	assert_false(cf_long_enough(at("2026-12-01T10:00"),
	    at("2026-12-10T10:00")));
	/* Across the change to summer time the day has 23 hours: still 15
	 * calendar days at the same clock time. */
	assert_true(cf_long_enough(at("2026-03-20T10:00"),
	    at("2026-04-04T10:00")));
	assert_false(cf_long_enough(at("2026-03-20T10:00"),
	    at("2026-04-04T09:30")));
}

/* A complete, publishable e-consultation. */
static void
full(struct cf_input *in)
{
	size_t	 f;

	memset(in, 0, sizeof(*in));
	for (f = 0; f < CF__MAX; f++)
		in->text[f] = "x";
	in->text[CF_CONTACT_PHONE] = "";
	in->text[CF_ALTERNATIVES] = "";
	in->text[CF_EVENT_AT] = "";
	in->text[CF_EVENT_PLACE] = "";
	in->text[CF_MODERATION] = "pre";
	in->text[CF_OPENS] = "2026-12-01T10:00";
	in->text[CF_CLOSES] = "2026-12-20T18:00";
	in->mode = CF_MODE_ONLINE;
	in->electronic = 1;
	in->nthemes = 1;
}

static void
check_complete(void **state)
{
	struct cf_input		 in;
	struct cf_result	 res;

	(void)state;
	full(&in);
	assert_int_equal(cf_check(&A, &in, 1, &res), 0);
	assert_int_equal(res.opens, at("2026-12-01T10:00"));
	assert_int_equal(res.closes, at("2026-12-20T18:00"));
	assert_int_equal(res.event_at, 0);
}

static void
check_draft_and_publish(void **state)
{
	struct cf_input		 in;
	struct cf_result	 res;
	size_t			 f;

	(void)state;
	/* A draft: the title, format, unit, moderation and dates only. */
	full(&in);
	for (f = 0; f < CF__MAX; f++)
		if (f != CF_TITLE && f != CF_FORMAT && f != CF_UNIT &&
		    f != CF_MODERATION && f != CF_OPENS && f != CF_CLOSES)
			in.text[f] = "";
	in.nthemes = 0;
	assert_int_equal(cf_check(&A, &in, 0, &res), 0);
	/* Publishing needs the announcement. */
	assert_int_equal(cf_check(&A, &in, 1, &res), 10);
	assert_non_null(res.error[CF_SUMMARY]);
	assert_non_null(res.error[CF_QUESTION]);
	assert_non_null(res.error[CF_STAKEHOLDERS]);
	assert_non_null(res.error[CF_CONSEQUENCES]);
	assert_non_null(res.error[CF_HOW]);
	assert_non_null(res.error[CF_CONTACT_NAME]);
	assert_non_null(res.error[CF_CONTACT_EMAIL]);
	assert_non_null(res.error[CF_RESULTS]);
	assert_non_null(res.error[CF_BODY]);
	assert_non_null(res.error[CF_THEMES]);
	assert_null(res.error[CF_ALTERNATIVES]);
	assert_null(res.error[CF_CONTACT_PHONE]);
	assert_null(res.error[CF_EVENT_AT]);
	/* Even a draft needs a title and dates. */
	full(&in);
	in.text[CF_TITLE] = "";
	in.text[CF_OPENS] = "";
	in.mode = CF_MODE_NONE;
	assert_int_equal(cf_check(&A, &in, 0, &res), 3);
	assert_string_equal(res.error[CF_TITLE], "Вкажіть назву консультації.");
	assert_non_null(res.error[CF_OPENS]);
	assert_string_equal(res.error[CF_FORMAT],
	    "Оберіть формат консультації.");
}

static void
check_dates(void **state)
{
	struct cf_input		 in;
	struct cf_result	 res;

	(void)state;
	full(&in);
	in.text[CF_CLOSES] = "2026-12-10T10:00";
	assert_int_equal(cf_check(&A, &in, 0, &res), 1);
	assert_non_null(strstr(res.error[CF_CLOSES],
	    "щонайменше 15 днів"));
	assert_non_null(strstr(res.error[CF_CLOSES], "16 грудня 2026, 10:00"));
	/* Other formats may be shorter. */
	in.electronic = 0;
	assert_int_equal(cf_check(&A, &in, 0, &res), 0);
	/* But never end before they start. */
	in.text[CF_CLOSES] = "2026-11-30T10:00";
	assert_int_equal(cf_check(&A, &in, 0, &res), 1);
	assert_non_null(strstr(res.error[CF_CLOSES], "пізніше за початок"));
	/* A malformed date is named as such. */
	in.text[CF_CLOSES] = "2026-02-30T10:00";
	assert_int_equal(cf_check(&A, &in, 0, &res), 1);
	assert_non_null(strstr(res.error[CF_CLOSES], "2026-12-01T10:00"));
}

static void
check_in_person(void **state)
{
	struct cf_input		 in;
	struct cf_result	 res;

	(void)state;
	full(&in);
	in.mode = CF_MODE_OFFLINE;
	in.electronic = 0;
	assert_int_equal(cf_check(&A, &in, 0, &res), 2);
	assert_non_null(res.error[CF_EVENT_AT]);
	assert_non_null(res.error[CF_EVENT_PLACE]);
	in.text[CF_EVENT_AT] = "2026-12-05T18:00";
	in.text[CF_EVENT_PLACE] = "Хрещатик, 36";
	assert_int_equal(cf_check(&A, &in, 1, &res), 0);
	assert_int_equal(res.event_at, at("2026-12-05T18:00"));
	/* Mixed and online formats do not require them. */
	full(&in);
	in.mode = CF_MODE_MIXED;
	assert_int_equal(cf_check(&A, &in, 1, &res), 0);
}

static void
check_refused(void **state)
{
	struct cf_input		 in;
	struct cf_result	 res;

	(void)state;
	full(&in);
	in.bad[CF_CONTACT_EMAIL] = 1;
	in.bad[CF_TITLE] = 1;
	in.bad[CF_THEMES] = 1;
	assert_int_equal(cf_check(&A, &in, 1, &res), 3);
	assert_non_null(strstr(res.error[CF_CONTACT_EMAIL], "name@example.com"));
	assert_non_null(strstr(res.error[CF_TITLE], "300"));
	assert_non_null(res.error[CF_THEMES]);
}

static void
lifecycle_rules(void **state)
{
	const char	*why;

	(void)state;
	assert_true(cf_may(CS_DRAFT, CFA_EDIT, &why));
	assert_null(why);
	assert_true(cf_may(CS_OPEN, CFA_EDIT, NULL));
	assert_false(cf_may(CS_COMPLETED, CFA_EDIT, &why));
	assert_non_null(why);
	assert_false(cf_may(CS_CANCELLED, CFA_EDIT, NULL));
	assert_true(cf_may(CS_DRAFT, CFA_PUBLISH, NULL));
	assert_false(cf_may(CS_ANNOUNCED, CFA_PUBLISH, NULL));
	assert_true(cf_may(CS_OPEN, CFA_CLOSE, NULL));
	assert_false(cf_may(CS_ANNOUNCED, CFA_CLOSE, NULL));
	assert_false(cf_may(CS_CLOSED, CFA_CLOSE, NULL));
	assert_false(cf_may(CS_DRAFT, CFA_CLOSE, NULL));
	assert_true(cf_may(CS_ANNOUNCED, CFA_CANCEL, NULL));
	assert_true(cf_may(CS_OPEN, CFA_CANCEL, NULL));
	assert_true(cf_may(CS_CLOSED, CFA_CANCEL, NULL));
	assert_false(cf_may(CS_DRAFT, CFA_CANCEL, &why));
	assert_non_null(strstr(why, "Чернетку"));
	assert_false(cf_may(CS_COMPLETED, CFA_CANCEL, NULL));
	assert_false(cf_may(CS_CANCELLED, CFA_CANCEL, NULL));
	assert_false(cf_may(CS_OPEN, CFA__MAX, NULL));
}

static void
slugs(void **state)
{
	char		 buf[96], big[400];
	size_t		 i;

	(void)state;
	assert_string_equal(cf_slug(buf, sizeof(buf),
	    "Реконструкція скверу на Подолі"),
	    "rekonstruktsiia-skveru-na-podoli");
	assert_string_equal(cf_slug(buf, sizeof(buf), "Єдине вікно, їжа, "
	    "йога, юнь, ялинка, ґанок"),
	    "yedyne-vikno-yizha-yoha-yun-yalynka-ganok");
	assert_string_equal(cf_slug(buf, sizeof(buf), "Зв’язок м'ясо ПАРК 2026"),
	    "zviazok-miaso-park-2026");
	assert_string_equal(cf_slug(buf, sizeof(buf), "  --!!  "),
	    "konsultatsiia");
	assert_string_equal(cf_slug(buf, sizeof(buf), ""), "konsultatsiia");
	/* Long titles are cut at a word, at most 80 bytes. */
	big[0] = '\0';
	for (i = 0; i < 30; i++)
		strcat(big, "слово ");
	cf_slug(buf, sizeof(buf), big);
	assert_true(strlen(buf) <= 80);
	assert_true(buf[strlen(buf) - 1] != '-');
	assert_int_equal(strlen(buf) % 6, 5);	/* "slovo" words */
	/* Invalid bytes are separators, never copied. */
	assert_string_equal(cf_slug(buf, sizeof(buf), "a\xff\xfe b"), "a-b");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_local),
		cmocka_unit_test(fifteen_days),
		cmocka_unit_test(check_complete),
		cmocka_unit_test(check_draft_and_publish),
		cmocka_unit_test(check_dates),
		cmocka_unit_test(check_in_person),
		cmocka_unit_test(check_refused),
		cmocka_unit_test(lifecycle_rules),
		cmocka_unit_test(slugs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
