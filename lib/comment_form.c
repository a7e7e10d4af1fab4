#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "comment_form.h"
#include "lifecycle.h"
#include "secret.h"
#include "utf8.h"

/* One line: no tab, CR or LF (utf8_valid() already refused the rest). */
#define ONE_LINE	"[^\\t\\r\\n]*"

static const char *const kinds[] = { "comment", "proposal", NULL };
static const char *const yes[] = { "yes", NULL };

const struct param_rule comment_rules[CF__MAX] = {
	{ "ref", PARAM_CUSTOM, PARAM_PATH | PARAM_REQUIRED, 0, 0, NULL, NULL,
	    valid_consultation_ref },
	{ "kind", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, kinds, NULL },
	{ "name", PARAM_TEXT, PARAM_REQUIRED, 2, 200,
	    "\\s*\\S" ONE_LINE, NULL, NULL },
	/* What a person can type and a relay will take; no display names. */
	{ "email", PARAM_TEXT, PARAM_REQUIRED, 6, 254,
	    "[^@\\s<>(),;:\"\\[\\]]{1,64}@[^@\\s<>(),;:\"\\[\\]]+\\.[^@\\s<>(),;:\"\\[\\].]{2,}",
	    NULL, NULL },
	{ "organisation", PARAM_TEXT, 0, 2, 300, ONE_LINE, NULL, NULL },
	/* The limit in code points is checked after CRLF becomes LF. */
	{ "text", PARAM_TEXT, PARAM_REQUIRED, 1, 4 * COMMENT_TEXT_MAX, NULL,
	    NULL, NULL },
	{ "consent", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, yes, NULL },
	/* Unticked is absent: a checkbox sends nothing. */
	{ "notify", PARAM_ENUM, 0, 0, 0, NULL, yes, NULL },
	{ "token", PARAM_TEXT, 0, 1, FORM_TOKEN_LEN, "[A-Za-z0-9_-]+", NULL,
	    NULL },
	{ "website", PARAM_TEXT, 0, 0, 2000, NULL, NULL, NULL },
};

size_t
comment_count_links(const char *s, size_t len)
{
	static const char *const marks[] = { "http://", "https://", "www." };
	size_t			 i, k, m, n = 0;

	for (i = 0; i < len; i++)
		for (k = 0; k < 3; k++) {
			m = strlen(marks[k]);
			if (len - i < m || strncasecmp(s + i, marks[k], m) != 0)
				continue;
			/* "https://www." is one link. */
			if (k < 2 || i < 2 || s[i - 1] != '/' || s[i - 2] != '/')
				n++;
			i += m - 1;
			break;
		}
	return n;
}

char *
comment_normalise(struct arena *a, const char *s, size_t len, size_t *outlen)
{
	char	*out;
	size_t	 i, o = 0;

	if ((out = arena_alloc(a, len + 1)) == NULL)
		return NULL;
	for (i = 0; i < len; i++) {
		if (s[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

static const char *
field_error(enum cf f)
{
	switch (f) {
	case CF_KIND:
		return "Оберіть, що ви надсилаєте: коментар чи пропозицію.";
	case CF_NAME:
		return "Вкажіть ім’я та прізвище (від 2 до 200 символів, "
		    "в один рядок).";
	case CF_EMAIL:
		return "Вкажіть адресу електронної пошти у вигляді "
		    "name@example.com.";
	case CF_ORG:
		return "Назва організації — від 2 до 300 символів, в один "
		    "рядок.";
	case CF_TEXT:
		return "Напишіть текст коментаря або пропозиції.";
	case CF_CONSENT:
		return "Без згоди на обробку персональних даних ми не можемо "
		    "прийняти пропозицію: позначте поле згоди.";
	case CF_NOTIFY:
		return "Позначте поле, якщо хочете отримати відповідь листом, "
		    "або залиште його порожнім.";
	default:
		return "Поле заповнено неправильно.";
	}
}

/* The value a person sent for a field (the first one), or "". */
static const char *
sent(const struct request *r, enum cf f, size_t *len)
{
	size_t	 i;

	*len = 0;
	if (r == NULL)
		return "";
	for (i = 0; i < r->nargs; i++)
		if (strcmp(r->args[i].key, comment_rules[f].name) == 0) {
			*len = r->args[i].vlen;
			return r->args[i].val;
		}
	return "";
}

static int
is_bad(const struct request *r, enum cf f)
{
	return r != NULL && r->params != NULL && r->nparams == CF__MAX &&
	    r->params[f].bad;
}

/* FIELD_VALUE, and FIELD_ERROR (FIELD_ERROR_TEXT) when the field is bad. */
static void
field(struct tpl_dict *f, struct tpl_dict *errs, const struct request *r,
    enum cf which, const char *key, const char *id, const char *msg)
{
	struct tpl_dict	*s;
	char		 k[48];
	const char	*v;
	size_t		 len;

	v = sent(r, which, &len);
	snprintf(k, sizeof(k), "%s_VALUE", key);
	tpl_setn(f, k, v, len);
	if (msg == NULL && !is_bad(r, which))
		return;
	if (msg == NULL)
		msg = field_error(which);
	snprintf(k, sizeof(k), "%s_ERROR", key);
	if ((s = tpl_add(f, k)) != NULL) {
		snprintf(k, sizeof(k), "%s_ERROR_TEXT", key);
		tpl_set(s, k, msg);
	}
	if (errs != NULL && (s = tpl_add(errs, "ERROR")) != NULL) {
		tpl_set(s, "ERROR_FIELD_ID", id);
		tpl_set(s, "ERROR_TEXT", msg);
	}
}

int
comment_form_fill(struct tpl_dict *d, struct arena *a, uint32_t id,
    const char *unit_name, const struct request *r, const char *message,
    int closed, time_t now)
{
	struct tpl_dict	*f, *errs = NULL, *s;
	char		 token[FORM_TOKEN_LEN + 1];
	const char	*v, *textmsg = NULL;
	size_t		 len, n, cut;
	char		*text;
	int		 anybad = 0, i;

	if ((f = tpl_include(d, "COMMENT_FORM", "comment_form.tpl")) == NULL)
		return -1;
	tpl_set(f, "FORM_ACTION", arena_printf(a, "/consultations/%u/comments",
	    id));
	form_token_make(token, COMMENT_TOKEN_PURPOSE, id, now);
	tpl_set(f, "TOKEN", token);
	tpl_set_int(f, "TEXT_MAX", COMMENT_TEXT_MAX);
	tpl_set(f, "UNIT_NAME", unit_name);
	if (message != NULL && (s = tpl_add(f, "MESSAGE")) != NULL)
		tpl_set(s, "MESSAGE_TEXT", message);
	for (i = CF_KIND; i < CF_TOKEN; i++)
		anybad |= is_bad(r, (enum cf)i);
	if (anybad)
		errs = tpl_add(f, "ERRORS");

	v = sent(r, CF_KIND, &len);
	tpl_show(f, len == 8 && memcmp(v, "proposal", 8) == 0 ?
	    "KIND_PROPOSAL_CHECKED" : "KIND_COMMENT_CHECKED");
	if (is_bad(r, CF_KIND))
		field(f, errs, r, CF_KIND, "KIND", "cf-kind-comment", NULL);
	field(f, errs, r, CF_NAME, "NAME", "cf-name", NULL);
	field(f, errs, r, CF_EMAIL, "EMAIL", "cf-email", NULL);
	field(f, errs, r, CF_ORG, "ORG", "cf-org", NULL);

	/* The text: as sent, or cut at the limit with a word about it. */
	v = sent(r, CF_TEXT, &len);
	if ((text = comment_normalise(a, v, len, &len)) == NULL)
		return -1;
	n = utf8_len(text, len);
	if (n > COMMENT_TEXT_MAX) {
		cut = utf8_prefix(text, len, COMMENT_TEXT_MAX);
		textmsg = arena_printf(a, "Текст задовгий: %zu %s, а можна "
		    "до %d. Ми залишили у полі перші %d символів — перевірте "
		    "кінець тексту або скоротіть його й надішліть знову.", n,
		    plural_uk((long long)n, "символ", "символи", "символів"),
		    COMMENT_TEXT_MAX, COMMENT_TEXT_MAX);
		len = cut;
		if (errs == NULL)
			errs = tpl_add(f, "ERRORS");
	}
	tpl_setn(f, "TEXT_VALUE", text, len);
	tpl_set_int(f, "TEXT_COUNT", (long long)utf8_len(text, len));
	if (textmsg != NULL || is_bad(r, CF_TEXT)) {
		if ((s = tpl_add(f, "TEXT_ERROR")) != NULL)
			tpl_set(s, "TEXT_ERROR_TEXT", textmsg != NULL ? textmsg :
			    field_error(CF_TEXT));
		if (errs != NULL && (s = tpl_add(errs, "ERROR")) != NULL) {
			tpl_set(s, "ERROR_FIELD_ID", "cf-text");
			tpl_set(s, "ERROR_TEXT", textmsg != NULL ? textmsg :
			    field_error(CF_TEXT));
		}
	}

	v = sent(r, CF_CONSENT, &len);
	if (len == 3 && memcmp(v, "yes", 3) == 0)
		tpl_show(f, "CONSENT_CHECKED");
	if (is_bad(r, CF_CONSENT))
		field(f, errs, r, CF_CONSENT, "CONSENT", "cf-consent", NULL);
	v = sent(r, CF_NOTIFY, &len);
	if (len == 3 && memcmp(v, "yes", 3) == 0)
		tpl_show(f, "NOTIFY_CHECKED");
	if (is_bad(r, CF_NOTIFY))
		field(f, errs, r, CF_NOTIFY, "NOTIFY", "cf-notify", NULL);
	tpl_show(f, closed ? "FORM_CLOSED" : "FORM_OPEN");
	return 0;
}
