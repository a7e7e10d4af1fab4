#include <stdio.h>
#include <string.h>
#include <time.h>

#include "consult_form.h"
#include "lifecycle.h"
#include "valid.h"

const char *const cf_name[CF__MAX] = {
	"title", "summary", "body", "question", "alternatives",
	"stakeholders", "consequences", "how_to_participate", "contact_name",
	"contact_email", "contact_phone", "results_publication", "format",
	"unit", "moderation", "opens_at", "closes_at", "event_at",
	"event_place", "theme", "district", "group",
};

/* When a publishing check finds the field empty. */
static const char *const missing[CF__MAX] = {
	"Вкажіть назву консультації.",
	"Напишіть короткий опис (кілька речень для списку консультацій).",
	"Напишіть повний текст: що пропонується і чому.",
	"Опишіть питання або проєкт рішення, що виноситься на обговорення.",
	NULL,
	"Вкажіть соціальні групи населення та заінтересовані сторони, "
	    "яких стосується рішення.",
	"Опишіть можливі наслідки рішення для цих груп.",
	"Опишіть, як і до якого часу надсилати пропозиції.",
	"Вкажіть відповідальну особу.",
	"Вкажіть електронну пошту відповідальної особи.",
	NULL,
	"Опишіть, як і коли буде оприлюднено результати.",
	"Оберіть формат консультації.",
	"Оберіть організатора.",
	"Оберіть спосіб модерації.",
	"Вкажіть дату й час початку прийому пропозицій.",
	"Вкажіть дату й час завершення прийому пропозицій.",
	"Для очного формату вкажіть дату й час заходу.",
	"Для очного формату вкажіть місце проведення.",
	"Оберіть щонайменше одну тему.",
	NULL,
	NULL,
};

/* When the route's rule refused what was sent. */
static const char *const refused[CF__MAX] = {
	"Назва — до 300 символів.",
	"Короткий опис — до 15 000 символів.",
	"Повний текст — до 100 000 символів.",
	"Питання — до 15 000 символів.",
	"Альтернативи — до 15 000 символів.",
	"Заінтересовані сторони — до 15 000 символів.",
	"Наслідки — до 15 000 символів.",
	"Як взяти участь — до 15 000 символів.",
	"Ім’я відповідальної особи — до 200 символів.",
	"Вкажіть адресу електронної пошти у вигляді name@example.com.",
	"Телефон — цифри, пробіли, дужки, дефіси та «+», до 40 символів.",
	"Оприлюднення результатів — до 15 000 символів.",
	"Оберіть формат зі списку.",
	"Оберіть організатора зі списку.",
	"Оберіть попередню або подальшу модерацію.",
	"Вкажіть дату й час у вигляді 2026-12-01T10:00.",
	"Вкажіть дату й час у вигляді 2026-12-01T10:00.",
	"Вкажіть дату й час у вигляді 2026-12-01T10:00.",
	"Місце проведення — до 300 символів.",
	"Оберіть теми зі списку.",
	"Оберіть райони зі списку.",
	"Оберіть групи учасників зі списку.",
};

/* Fields a draft needs already (the row cannot be stored without them). */
static const int draft_needs[CF__MAX] = {
	[CF_TITLE] = 1, [CF_FORMAT] = 1, [CF_UNIT] = 1, [CF_MODERATION] = 1,
	[CF_OPENS] = 1, [CF_CLOSES] = 1,
};

enum cf_mode
cf_mode_parse(const char *s)
{
	if (s == NULL)
		return CF_MODE_NONE;
	if (strcmp(s, "online") == 0)
		return CF_MODE_ONLINE;
	if (strcmp(s, "offline") == 0)
		return CF_MODE_OFFLINE;
	if (strcmp(s, "mixed") == 0)
		return CF_MODE_MIXED;
	return CF_MODE_NONE;
}

int
cf_parse_local(const char *s, time_t *out)
{
	struct tm	 tm, back;
	int		 y, mo, d, h, mi, sec = 0, n = 0;
	char		 sep;
	time_t		 t;

	if (s == NULL || strlen(s) < 16 || strlen(s) > 19)
		return -1;
	if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi,
	    &n) != 6 || n != 16 || (sep != 'T' && sep != ' '))
		return -1;
	if (s[16] != '\0' && (sscanf(s + 16, ":%2d%n", &sec, &n) != 1 ||
	    n != 3 || s[19] != '\0'))
		return -1;
	/* Digits only where digits belong (sscanf takes signs and spaces). */
	for (n = 0; n < 16; n++)
		if (n != 4 && n != 7 && n != 10 && n != 13 &&
		    (s[n] < '0' || s[n] > '9'))
			return -1;
	if (s[4] != '-' || s[7] != '-' || s[13] != ':')
		return -1;
	if (!valid_date(y, mo, d) || h > 23 || mi > 59 || sec > 59)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return -1;
	/* A time the clocks skip (spring forward) comes back different. */
	localtime_r(&t, &back);
	if (back.tm_hour != h || back.tm_min != mi || back.tm_mday != d)
		return -1;
	*out = t;
	return 0;
}

char *
cf_format_local(char *buf, size_t cap, time_t t)
{
	struct tm	 tm;

	if (t == 0) {
		if (cap > 0)
			buf[0] = '\0';
		return buf;
	}
	localtime_r(&t, &tm);
	snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
	return buf;
}

/* The same clock time days later, in city time. */
static time_t
days_later(time_t t, int days)
{
	struct tm	 tm;

	localtime_r(&t, &tm);
	tm.tm_mday += days;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

int
cf_long_enough(time_t opens, time_t closes)
{
	return closes >= days_later(opens, MIN_DURATION_DAYS);
}

static void
err(struct cf_result *res, enum cf_field f, const char *msg)
{
	if (res->error[f] == NULL && msg != NULL) {
		res->error[f] = msg;
		res->nerrors++;
	}
}

/* A date field: parsed into *t when present and well-formed. */
static void
date_field(const struct cf_input *in, struct cf_result *res, enum cf_field f,
    time_t *t)
{
	*t = 0;
	if (in->bad[f] || (*in->text[f] != '\0' &&
	    cf_parse_local(in->text[f], t) == -1))
		err(res, f, refused[f]);
}

static void
dates(struct arena *a, const struct cf_input *in, struct cf_result *res)
{
	char	 buf[64];

	date_field(in, res, CF_OPENS, &res->opens);
	date_field(in, res, CF_CLOSES, &res->closes);
	date_field(in, res, CF_EVENT_AT, &res->event_at);
	if (res->opens == 0 || res->closes == 0)
		return;
	if (res->closes <= res->opens)
		err(res, CF_CLOSES, "Завершення прийому пропозицій має бути "
		    "пізніше за початок.");
	else if (in->electronic && !cf_long_enough(res->opens, res->closes))
		err(res, CF_CLOSES, arena_printf(a, "Електронна консультація "
		    "триває щонайменше %d днів: оберіть завершення не раніше "
		    "ніж %s.", MIN_DURATION_DAYS, fmt_datetime_uk(buf,
		    sizeof(buf), days_later(res->opens, MIN_DURATION_DAYS))));
}

size_t
cf_check(struct arena *a, const struct cf_input *in, int publishing,
    struct cf_result *res)
{
	size_t	 f;

	memset(res, 0, sizeof(*res));
	for (f = 0; f < CF__MAX; f++)
		if (in->bad[f])
			err(res, (enum cf_field)f, refused[f]);
	dates(a, in, res);
	for (f = 0; f < CF__MAX; f++) {
		/* Lists, and the in-person fields, are checked below. */
		if (f == CF_THEMES || f == CF_DISTRICTS || f == CF_GROUPS ||
		    f == CF_EVENT_AT || f == CF_EVENT_PLACE ||
		    *in->text[f] != '\0' || in->bad[f])
			continue;
		if (draft_needs[f] || publishing)
			err(res, (enum cf_field)f, missing[f]);
	}
	if (in->mode == CF_MODE_NONE && !in->bad[CF_FORMAT])
		err(res, CF_FORMAT, missing[CF_FORMAT]);
	/* In person: people must know when and where to come. */
	if (in->mode == CF_MODE_OFFLINE) {
		if (*in->text[CF_EVENT_AT] == '\0')
			err(res, CF_EVENT_AT, missing[CF_EVENT_AT]);
		if (*in->text[CF_EVENT_PLACE] == '\0')
			err(res, CF_EVENT_PLACE, missing[CF_EVENT_PLACE]);
	}
	if (publishing && in->nthemes == 0 && !in->bad[CF_THEMES])
		err(res, CF_THEMES, missing[CF_THEMES]);
	return res->nerrors;
}

int
cf_may(enum cstatus st, enum cf_action act, const char **why)
{
	const char	*no = NULL;

	switch (act) {
	case CFA_EDIT:
		if (st == CS_COMPLETED || st == CS_CANCELLED)
			no = "Звіт оприлюднено або консультацію скасовано: "
			    "змінити її вже не можна.";
		break;
	case CFA_PUBLISH:
		if (st != CS_DRAFT)
			no = "Консультацію вже оприлюднено.";
		break;
	case CFA_CLOSE:
		if (st != CS_OPEN)
			no = "Достроково завершити можна лише консультацію, "
			    "що триває.";
		break;
	case CFA_CANCEL:
		if (st == CS_DRAFT)
			no = "Чернетку не оприлюднено: скасовувати нічого.";
		else if (st == CS_COMPLETED || st == CS_CANCELLED)
			no = "Звіт оприлюднено або консультацію вже "
			    "скасовано.";
		break;
	default:
		no = "Невідома дія.";
		break;
	}
	if (why != NULL)
		*why = no;
	return no == NULL;
}

/* Latin for a lower-case Cyrillic letter: in a word, and at its start. */
static const char *
latin(unsigned cp, int start)
{
	static const char *const az[32] = {
		"a", "b", "v", "h", "d", "e", "zh", "z", "y", "i", "k", "l",
		"m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch",
		"sh", "shch", "", "y", "", "e", "iu", "ia",
	};

	if (cp >= 0x0430 && cp <= 0x044f) {
		if (start && cp == 0x0439)
			return "y";
		if (start && cp == 0x044e)
			return "yu";
		if (start && cp == 0x044f)
			return "ya";
		return az[cp - 0x0430];
	}
	switch (cp) {
	case 0x0454:
		return start ? "ye" : "ie";
	case 0x0456:
		return "i";
	case 0x0457:
		return start ? "yi" : "i";
	case 0x0491:
		return "g";
	case 0x0451:
		return "io";
	case 0x02bc:
	case 0x2019:
	case '\'':
		return "";
	default:
		return NULL;
	}
}

/* One code point of valid-or-not UTF-8; advances *p. */
static unsigned
next_cp(const unsigned char **p)
{
	const unsigned char	*s = *p;
	unsigned		 cp;

	if (s[0] < 0x80) {
		*p = s + 1;
		return s[0];
	}
	if ((s[0] & 0xe0) == 0xc0 && s[1] != '\0') {
		*p = s + 2;
		return ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
	}
	if ((s[0] & 0xf0) == 0xe0 && s[1] != '\0' && s[2] != '\0') {
		*p = s + 3;
		cp = ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) |
		    (s[2] & 0x3fu);
		return cp;
	}
	*p = s + 1;
	return 0xfffd;
}

char *
cf_slug(char *buf, size_t cap, const char *title)
{
	const unsigned char	*p = (const unsigned char *)title;
	const char		*l;
	char			 one[2] = { 0, 0 };
	size_t			 n = 0, lastcut = 0, k;
	unsigned		 cp;
	int			 inword = 0;

	if (cap < 2)
		return NULL;
	while (*p != '\0') {
		cp = next_cp(&p);
		/* Upper-case Cyrillic to lower. */
		if (cp >= 0x0410 && cp <= 0x042f)
			cp += 0x20;
		else if (cp >= 0x0400 && cp <= 0x040f)
			cp += 0x50;
		else if (cp == 0x0490)
			cp = 0x0491;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			l = (one[0] = (char)cp, one);
		else if (cp >= 'A' && cp <= 'Z')
			l = (one[0] = (char)(cp + 32), one);
		else
			l = latin(cp, !inword);
		if (l == NULL) {
			/* A separator: at most one '-', never first. */
			if (inword && n + 1 < cap - 1) {
				lastcut = n;
				buf[n++] = '-';
			}
			inword = 0;
			continue;
		}
		k = strlen(l);
		if (n + k > 80 || n + k >= cap)
			break;
		memcpy(buf + n, l, k);
		n += k;
		inword = 1;
	}
	if (*p != '\0' && lastcut > 0)
		n = lastcut;		/* cut at a word */
	while (n > 0 && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
	if (n == 0)
		snprintf(buf, cap, "konsultatsiia");
	return buf;
}
