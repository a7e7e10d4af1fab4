/*
 * The API's comment body (api_comment.h), checked by the form's rules.
 */
#include <string.h>

#include <jansson.h>

#include "api_comment.h"
#include "comment_form.h"
#include "utf8.h"
#include "valid.h"

/* The JSON members, in the order of their rules in comment_rules[]. */
static const struct {
	const char	*name;
	enum cf		 rule;
} members[] = {
	{ "kind", CF_KIND },
	{ "name", CF_NAME },
	{ "email", CF_EMAIL },
	{ "organisation", CF_ORG },
	{ "text", CF_TEXT },
};

#define NMEMBERS	(sizeof(members) / sizeof(members[0]))

static const char *
rule_message(enum cf f)
{
	switch (f) {
	case CF_KIND:
		return "Поле «kind»: має бути «comment» або «proposal».";
	case CF_NAME:
		return "Поле «name»: вкажіть ім'я (від 2 до 200 символів, "
		    "один рядок).";
	case CF_EMAIL:
		return "Поле «email»: вкажіть адресу електронної пошти, "
		    "наприклад name@example.com.";
	case CF_ORG:
		return "Поле «organisation»: від 2 до 300 символів, один "
		    "рядок.";
	default:
		return "Поле «text»: напишіть текст коментаря чи пропозиції "
		    "(до 5000 символів).";
	}
}

/*
 * The deepest nesting of arrays and objects in the bytes, outside strings:
 * checked before parsing, so a deep body costs no recursion.
 */
size_t
api_json_depth(const char *s, size_t len)
{
	size_t	 i, d = 0, max = 0;
	int	 in_str = 0;

	for (i = 0; i < len; i++) {
		if (in_str) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '"')
				in_str = 0;
			continue;
		}
		switch (s[i]) {
		case '"':
			in_str = 1;
			break;
		case '[':
		case '{':
			if (++d > max)
				max = d;
			break;
		case ']':
		case '}':
			if (d > 0)
				d--;
			break;
		default:
			break;
		}
	}
	return max;
}

/*
 * An unknown member's name as the error's field: at most
 * API_FIELD_NAME_MAX bytes, cut at a character boundary ("" for "").
 */
const char *
api_member_name(struct arena *a, const char *key)
{
	size_t	 n = strlen(key);

	if (n > API_FIELD_NAME_MAX) {
		n = API_FIELD_NAME_MAX;
		while (n > 0 && ((unsigned char)key[n] & 0xc0) == 0x80)
			n--;
	}
	/* Controls (DEL too) never travel back into an error. */
	if (!utf8_valid(key, n))
		return NULL;
	return arena_strndup(a, key, n);
}

int
api_json_object(const char *body, size_t len, json_t **root,
    const char **message)
{
	json_error_t	 jerr;

	*root = NULL;
	if (body == NULL || len == 0)
		*message = "Тіло запиту порожнє: надішліть об'єкт JSON.";
	else if (api_json_depth(body, len) > API_JSON_DEPTH_MAX)
		*message = "JSON має надто глибоку вкладеність.";
	/* jansson refuses invalid UTF-8, \u0000 and duplicate members. */
	else if ((*root = json_loadb(body, len, JSON_REJECT_DUPLICATES,
	    &jerr)) == NULL)
		*message = "Тіло запиту не є коректним JSON у кодуванні UTF-8.";
	else if (!json_is_object(*root)) {
		json_decref(*root);
		*root = NULL;
		*message = "Тіло запиту має бути об'єктом JSON.";
	} else
		return 0;
	return 400;
}

static int
fail(const char **field, const char **message, const char *f,
    const char *m, int status)
{
	*field = f;
	*message = m;
	return status;
}

int
api_comment_decode(struct arena *a, const char *body, size_t len,
    struct api_comment *out, const char **field, const char **message)
{
	json_t		*root, *v;
	const char	*key, *s;
	const char	*vals[NMEMBERS];
	size_t		 lens[NMEMBERS], i, n;
	struct param_val pv;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	memset(vals, 0, sizeof(vals));
	memset(lens, 0, sizeof(lens));
	*field = NULL;
	*message = NULL;
	if ((rc = api_json_object(body, len, &root, message)) != 0)
		return rc;
	/* Types first: a wrong type is a malformed request (400). */
	json_object_foreach(root, key, v) {
		for (i = 0; i < NMEMBERS; i++)
			if (strcmp(key, members[i].name) == 0)
				break;
		if (i < NMEMBERS) {
			if (json_is_string(v) || (json_is_null(v) &&
			    members[i].rule == CF_ORG))
				continue;
			rc = fail(field, message, members[i].name,
			    members[i].rule == CF_ORG ? "Поле має бути рядком "
			    "або null." : "Поле має бути рядком.", 400);
			goto out;
		}
		if (strcmp(key, "consent") == 0 || strcmp(key,
		    "notify") == 0) {
			if (json_is_boolean(v))
				continue;
			rc = fail(field, message, *key == 'c' ? "consent" :
			    "notify", *key == 'c' ? "Поле «consent» має бути "
			    "true або false." : "Поле «notify» має бути true "
			    "або false.", 400);
			goto out;
		}
	}
	/* Then the rules: valid JSON that breaks one is 422. */
	json_object_foreach(root, key, v) {
		for (i = 0; i < NMEMBERS; i++)
			if (strcmp(key, members[i].name) == 0)
				break;
		if (i == NMEMBERS && strcmp(key, "consent") != 0 &&
		    strcmp(key, "notify") != 0) {
			rc = fail(field, message, api_member_name(a, key),
			    "Невідоме поле.", 422);
			goto out;
		}
	}
	for (i = 0; i < NMEMBERS; i++) {
		v = json_object_get(root, members[i].name);
		if (v == NULL || json_is_null(v)) {
			if (comment_rules[members[i].rule].flags &
			    PARAM_REQUIRED) {
				rc = fail(field, message, members[i].name,
				    rule_message(members[i].rule), 422);
				goto out;
			}
			continue;
		}
		s = json_string_value(v);
		n = json_string_length(v);
		if (!valid_one(&comment_rules[members[i].rule], NULL, s, n,
		    &pv)) {
			rc = fail(field, message, members[i].name,
			    rule_message(members[i].rule), 422);
			goto out;
		}
		if ((vals[i] = arena_strndup(a, s, n)) == NULL) {
			rc = 500;
			goto out;
		}
		lens[i] = n;
	}
	v = json_object_get(root, "consent");
	if (!json_is_true(v)) {
		rc = fail(field, message, "consent", "Поле «consent»: потрібна "
		    "згода на обробку персональних даних (true).", 422);
		goto out;
	}
	out->notify = json_is_true(json_object_get(root, "notify"));
	out->kind = strcmp(vals[0], "proposal") == 0 ? "proposal" : "comment";
	out->name = vals[1];
	out->name_len = lens[1];
	out->email = vals[2];
	out->email_len = lens[2];
	out->organisation = vals[3];
	out->org_len = lens[3];
	if ((out->text = comment_normalise(a, vals[4], lens[4],
	    &out->text_len)) == NULL) {
		rc = 500;
		goto out;
	}
	if (utf8_len(out->text, out->text_len) > COMMENT_TEXT_MAX)
		rc = fail(field, message, "text", "Поле «text»: не більше 5000 "
		    "символів.", 422);
out:
	json_decref(root);
	return rc;
}
