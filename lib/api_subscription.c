/*
 * The API's subscription body (api_subscription.h), checked by the
 * /subscribe form's rules.
 */
#include <string.h>

#include <jansson.h>

#include "api_comment.h"
#include "api_subscription.h"
#include "comment_form.h"
#include "valid.h"

/* In enum tax_kind order, as tax_param[] (lib/db_taxonomy.c). */
const char *const api_filter_names[TAX__MAX] = {
	"theme", "district", "format", "group", "unit"
};

static const char *const field_names[TAX__MAX] = {
	"filters.theme", "filters.district", "filters.format",
	"filters.group", "filters.unit"
};

static int
fail(const char **field, const char **message, const char *f,
    const char *m, int status)
{
	*field = f;
	*message = m;
	return status;
}

static int
slug_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || n > API_SLUG_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* Types of "filters" (400) first, then its rules (422). */
static int
filters_decode(struct arena *a, json_t *f, struct api_subscription *out,
    const char **field, const char **message)
{
	const char	*key, *s;
	json_t		*v, *e;
	size_t		 k, i, j, n;

	if (!json_is_object(f))
		return fail(field, message, "filters", "Поле «filters» має "
		    "бути об'єктом.", 400);
	json_object_foreach(f, key, v) {
		for (k = 0; k < TAX__MAX; k++)
			if (strcmp(key, api_filter_names[k]) == 0)
				break;
		if (k == TAX__MAX)
			return fail(field, message, "filters", "Поле "
			    "«filters»: відомі фільтри — theme, district, "
			    "format, group, unit.", 422);
		if (!json_is_array(v))
			return fail(field, message, field_names[k],
			    "Фільтр має бути масивом рядків.", 400);
		json_array_foreach(v, i, e)
			if (!json_is_string(e))
				return fail(field, message, field_names[k],
				    "Фільтр має бути масивом рядків.", 400);
	}
	for (k = 0; k < TAX__MAX; k++) {
		v = json_object_get(f, api_filter_names[k]);
		json_array_foreach(v, i, e) {
			s = json_string_value(e);
			n = json_string_length(e);
			if (!slug_ok(s, n))
				return fail(field, message, field_names[k],
				    "Невідоме значення фільтра: значення "
				    "дивіться в GET /taxonomy.", 422);
			for (j = 0; j < out->nslugs[k]; j++)
				if (strcmp(out->slugs[k][j], s) == 0)
					break;
			if (j < out->nslugs[k])
				continue;
			if (out->nslugs[k] == SUB_VALUES_MAX)
				return fail(field, message, field_names[k],
				    "Забагато значень одного фільтра (не "
				    "більше 32).", 422);
			if ((out->slugs[k][out->nslugs[k]++] =
			    arena_strndup(a, s, n)) == NULL)
				return 500;
		}
	}
	return 0;
}

int
api_subscription_decode(struct arena *a, const char *body, size_t len,
    struct api_subscription *out, const char **field, const char **message)
{
	json_t		*root, *v;
	const char	*key, *s;
	struct param_val pv;
	size_t		 n;
	int		 rc = 0;

	memset(out, 0, sizeof(*out));
	*field = NULL;
	*message = NULL;
	if ((rc = api_json_object(body, len, &root, message)) != 0)
		return rc;
	json_object_foreach(root, key, v) {
		if ((strcmp(key, "email") == 0 || strcmp(key,
		    "frequency") == 0) && !json_is_string(v)) {
			rc = fail(field, message, *key == 'e' ? "email" :
			    "frequency", "Поле має бути рядком.", 400);
			goto out;
		}
		if (strcmp(key, "consent") == 0 && !json_is_boolean(v)) {
			rc = fail(field, message, "consent", "Поле «consent» "
			    "має бути true або false.", 400);
			goto out;
		}
	}
	json_object_foreach(root, key, v)
		if (strcmp(key, "email") != 0 &&
		    strcmp(key, "frequency") != 0 &&
		    strcmp(key, "consent") != 0 &&
		    strcmp(key, "filters") != 0) {
			rc = fail(field, message, api_member_name(a, key),
			    "Невідоме поле.", 422);
			goto out;
		}
	if ((v = json_object_get(root, "filters")) != NULL &&
	    (rc = filters_decode(a, v, out, field, message)) != 0)
		goto out;
	v = json_object_get(root, "email");
	s = json_string_value(v);
	n = json_string_length(v);
	if (s == NULL || !valid_one(&comment_rules[CF_EMAIL], NULL, s, n,
	    &pv)) {
		rc = fail(field, message, "email", "Поле «email»: вкажіть "
		    "адресу електронної пошти, наприклад name@example.com.",
		    422);
		goto out;
	}
	if ((out->email = arena_strndup(a, s, n)) == NULL) {
		rc = 500;
		goto out;
	}
	s = json_string_value(json_object_get(root, "frequency"));
	if (s != NULL && strcmp(s, "immediate") == 0)
		out->frequency = "immediate";
	else if (s != NULL && strcmp(s, "weekly") == 0)
		out->frequency = "weekly";
	else {
		rc = fail(field, message, "frequency", "Поле «frequency»: "
		    "«immediate» (одразу) або «weekly» (щотижневий огляд).",
		    422);
		goto out;
	}
	if (!json_is_true(json_object_get(root, "consent")))
		rc = fail(field, message, "consent", "Поле «consent»: потрібна "
		    "згода на обробку адреси електронної пошти (true).", 422);
out:
	json_decref(root);
	return rc;
}
