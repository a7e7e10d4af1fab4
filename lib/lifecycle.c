#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lifecycle.h"

const char *const cstatus_slug[CS__MAX] = {
	"draft", "announced", "open", "closed", "completed", "cancelled"
};

const char *const cstatus_name[CS__MAX] = {
	"Чернетка", "Оголошено", "Триває", "Завершено, очікує звіту",
	"Звіт оприлюднено", "Скасовано"
};

static const char *const months_gen[12] = {
	"січня", "лютого", "березня", "квітня", "травня", "червня",
	"липня", "серпня", "вересня", "жовтня", "листопада", "грудня"
};

enum cstatus
cstatus_parse(const char *s)
{
	size_t	 i;

	for (i = 0; i < CS__MAX; i++)
		if (strcmp(s, cstatus_slug[i]) == 0)
			return (enum cstatus)i;
	return CS_ANNOUNCED;
}

time_t
lifecycle_end(time_t closes, time_t closed_at)
{
	return closed_at != 0 && closed_at < closes ? closed_at : closes;
}

enum cstatus
lifecycle_status(enum cstatus stored, time_t opens, time_t closes,
    time_t closed_at, time_t now)
{
	switch (stored) {
	case CS_DRAFT:
	case CS_COMPLETED:
	case CS_CANCELLED:
		return stored;
	default:
		break;
	}
	if (now < opens)
		return CS_ANNOUNCED;
	if (now < lifecycle_end(closes, closed_at))
		return CS_OPEN;
	return CS_CLOSED;
}

int
lifecycle_report_late_days(time_t end, time_t now)
{
	time_t	 due = end + (time_t)REPORT_DUE_DAYS * 86400;

	if (now <= due)
		return 0;
	return (int)((now - due + 86399) / 86400);
}

char *
fmt_date_uk(char *buf, size_t cap, time_t t)
{
	struct tm	 tm;

	localtime_r(&t, &tm);
	snprintf(buf, cap, "%d %s %d", tm.tm_mday, months_gen[tm.tm_mon],
	    tm.tm_year + 1900);
	return buf;
}

char *
fmt_datetime_uk(char *buf, size_t cap, time_t t)
{
	struct tm	 tm;

	localtime_r(&t, &tm);
	snprintf(buf, cap, "%d %s %d, %02d:%02d", tm.tm_mday,
	    months_gen[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
	return buf;
}

char *
fmt_iso(char *buf, size_t cap, time_t t)
{
	struct tm	 tm;
	char		 z[8];

	localtime_r(&t, &tm);
	strftime(z, sizeof(z), "%z", &tm);	/* +0200 */
	snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02d%.3s:%.2s",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, z, z + 3);
	return buf;
}

char *
fmt_count(char *buf, size_t cap, long long n)
{
	char	 digits[32], *o = buf;
	size_t	 len, i, left = cap;
	int	 w;

	if (cap == 0)
		return buf;
	len = (size_t)snprintf(digits, sizeof(digits), "%lld", n < 0 ? -n : n);
	if (n < 0 && left > 1) {
		*o++ = '-';
		left--;
	}
	for (i = 0; i < len && left > 1; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			/* U+202F NARROW NO-BREAK SPACE */
			if (left <= 4)
				break;
			w = snprintf(o, left, "\xe2\x80\xaf");
			o += w;
			left -= (size_t)w;
		}
		*o++ = digits[i];
		left--;
	}
	*o = '\0';
	return buf;
}

const char *
plural_uk(long long n, const char *one, const char *few, const char *many)
{
	long long	 m10, m100;

	if (n < 0)
		n = -n;
	m10 = n % 10;
	m100 = n % 100;
	if (m10 == 1 && m100 != 11)
		return one;
	if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14))
		return few;
	return many;
}

time_t
date_start(long long ymd)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = (int)(ymd / 10000) - 1900;
	tm.tm_mon = (int)(ymd / 100 % 100) - 1;
	tm.tm_mday = (int)(ymd % 100);
	tm.tm_isdst = -1;
	return mktime(&tm);
}
