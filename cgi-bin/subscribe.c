/*
 * subscribe: e-mail notifications with the listing's filters, double
 * opt-in (issue 6).
 *
 *   GET  /subscribe                  the form, prefilled from the query
 *                                    (the listing's theme, district, format,
 *                                    group, unit)
 *   POST /subscribe                  a request; 303 to /subscribe/sent,
 *                                    the same whether the address is new,
 *                                    pending or already subscribed
 *   GET  /subscribe/sent             "check your mail"
 *   GET  /subscribe/confirm?token=   a button (mail scanners follow GETs)
 *   POST /subscribe/confirm?token=   confirms (single use, 48 hours)
 *   GET  /unsubscribe?token=         a button
 *   POST /unsubscribe?token=         unsubscribes; also RFC 8058 one-click
 *                                    (List-Unsubscribe=One-Click in the body)
 *   GET  /subscribe/manage?token=    the subscription's filters and
 *                                    frequency in a form, unsubscribing
 *   POST /subscribe/manage?token=    changes them in place (form token)
 *
 * The form follows the comment form's rules: a form token, every field
 * checked with its error beside it (400, everything kept), a limit per
 * client address (database, and nginx's limit_req), a honeypot.  The
 * confirmation and unsubscribe links carry their own secret: their POSTs
 * need no form token (a mail client's one-click POST has none).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "db.h"
#include "db_notify.h"
#include "model.h"
#include "page.h"
#include "runner.h"
#include "secret.h"
#include "subscription.h"

#define SUBSCRIBE_PURPOSE	"subscribe"

struct sub_ctx {
	struct tax_state	 ts;	/* first: the slug checks' ctx */
};

enum sf {
	SF_THEME, SF_DISTRICT, SF_FORMAT, SF_GROUP, SF_UNIT, /* = tax_kind */
	SF_EMAIL,
	SF_FREQUENCY,
	SF_CONSENT,
	SF_TOKEN,
	SF_WEBSITE,
	SF__MAX
};


static const char *const frequencies[] = { "immediate", "weekly", NULL };
static const char *const yes[] = { "yes", NULL };

static const struct param_rule sub_rules[SF__MAX] = {
	TAX_FILTER_RULES,
	/* As the comment form's: what a relay will take. */
	{ "email", PARAM_TEXT, PARAM_REQUIRED, 6, 254,
	    "[^@\\s<>(),;:\"\\[\\]]{1,64}@[^@\\s<>(),;:\"\\[\\]]+\\.[^@\\s<>(),;:\"\\[\\].]{2,}",
	    NULL, NULL },
	{ "frequency", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, frequencies,
	    NULL },
	{ "consent", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, yes, NULL },
	{ "token", PARAM_TEXT, 0, 1, FORM_TOKEN_LEN, "[A-Za-z0-9_-]+", NULL,
	    NULL },
	{ "website", PARAM_TEXT, 0, 0, 2000, NULL, NULL, NULL },
};

/* The GET form reads only the filters (and may be given an address). */
static const struct param_rule get_rules[SF_EMAIL + 1] = {
	TAX_FILTER_RULES,
	{ "email", PARAM_TEXT, 0, 0, 254, "[^\\s]*", NULL, NULL },
};

static const struct param_rule link_rules[2] = {
	{ "token", PARAM_TEXT, PARAM_REQUIRED, LINK_TOKEN_LEN, LINK_TOKEN_LEN,
	    "[A-Za-z0-9_-]+", NULL, NULL },
	/* RFC 8058: "List-Unsubscribe=One-Click" in the POST body. */
	{ "List-Unsubscribe", PARAM_TEXT, 0, 0, 32, NULL, NULL, NULL },
};

static void *
ctx_new(void)
{
	return calloc(1, sizeof(struct sub_ctx));
}

static void
ctx_free(void *p)
{
	struct sub_ctx	*c = p;

	if (c == NULL)
		return;
	tax_state_free(&c->ts);
	free(c);
}

static int
prepare(struct request *r)
{
	struct sub_ctx	*c = r->ctx;

	if (!db_up(r->db))
		return 0;	/* the form handlers answer 503 themselves */
	return tax_state_refresh(&c->ts, r->db, r->arena) == -1 ?
	    HTTP_SERVICE_UNAVAILABLE : 0;
}

static int
is_selected(const struct request *r, size_t k, size_t pos)
{
	size_t	 i;

	if (r->params == NULL || k >= r->nparams)
		return 0;
	for (i = 0; i < r->params[k].n; i++)
		if ((size_t)r->params[k].v[i].i == pos)
			return 1;
	return 0;
}

/* The raw value sent for a field, or "". */
static const char *
sent(const struct request *r, const char *key)
{
	const char	*v = http_arg(r, key);

	return v != NULL ? v : "";
}

static int
bad(const struct request *r, enum sf f)
{
	return r->method == METHOD_POST && r->params != NULL &&
	    r->nparams == SF__MAX && r->params[f].bad;
}

static void
field_error(struct tpl_dict *d, struct tpl_dict **errs, const char *key,
    const char *id, const char *msg)
{
	struct tpl_dict	*s;
	char		 k[48];

	snprintf(k, sizeof(k), "%s_ERROR", key);
	if ((s = tpl_add(d, k)) != NULL) {
		snprintf(k, sizeof(k), "%s_ERROR_TEXT", key);
		tpl_set(s, k, msg);
	}
	if (*errs == NULL)
		*errs = tpl_add(d, "ERRORS");
	if (*errs != NULL && (s = tpl_add(*errs, "ERROR")) != NULL) {
		tpl_set(s, "ERROR_FIELD_ID", id);
		tpl_set(s, "ERROR_TEXT", msg);
	}
}

/* The form page, fresh or with what was sent; status and message. */
static int
form_page(struct request *r, struct response *resp, int status,
    const char *message)
{
	struct sub_ctx	*c = r->ctx;
	struct page	 pg;
	struct tpl_dict	*d, *f, *o, *errs = NULL, *s;
	char		 token[FORM_TOKEN_LEN + 1];
	size_t		 k, v;

	if ((d = page_begin(&pg, "subscribe.tpl",
	    "Підписка на консультації", NULL)) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_show(pg.layout, "NOINDEX");
	form_token_make(token, SUBSCRIBE_PURPOSE, 0, time(NULL));
	tpl_set(d, "TOKEN", token);
	if (message != NULL && (s = tpl_add(d, "MESSAGE")) != NULL)
		tpl_set(s, "MESSAGE_TEXT", message);
	for (k = 0; c->ts.loaded && k < TAX__MAX; k++) {
		if ((f = tpl_add(d, "FACET")) == NULL)
			continue;
		tpl_set(f, "FACET_NAME", tax_param[k]);
		tpl_set(f, "FACET_LABEL", tax_label[k]);
		for (v = 0; v < c->ts.tax.n[k]; v++) {
			if ((o = tpl_add(f, "OPTION")) == NULL)
				continue;
			tpl_set(o, "OPTION_VALUE", c->ts.tax.items[k][v].slug);
			tpl_set(o, "OPTION_LABEL", c->ts.tax.items[k][v].name_uk);
			tpl_setf(o, "OPTION_ID", "sf-%s-%zu", tax_param[k], v);
			if (is_selected(r, k, v))
				tpl_show(o, "OPTION_CHECKED");
		}
	}
	tpl_set(d, "EMAIL_VALUE", sent(r, "email"));
	tpl_show(d, strcmp(sent(r, "frequency"), "weekly") == 0 ?
	    "WEEKLY_CHECKED" : "IMMEDIATE_CHECKED");
	if (strcmp(sent(r, "consent"), "yes") == 0)
		tpl_show(d, "CONSENT_CHECKED");
	if (bad(r, SF_EMAIL))
		field_error(d, &errs, "EMAIL", "sf-email", "Вкажіть адресу "
		    "електронної пошти у вигляді name@example.com.");
	if (bad(r, SF_FREQUENCY))
		field_error(d, &errs, "FREQUENCY", "sf-frequency-immediate",
		    "Оберіть, як часто надсилати листи.");
	if (bad(r, SF_CONSENT))
		field_error(d, &errs, "CONSENT", "sf-consent", "Без згоди на "
		    "обробку адреси ми не можемо надсилати листи: позначте "
		    "поле згоди.");
	for (k = 0; k < TAX__MAX; k++)
		if (bad(r, (enum sf)k)) {
			field_error(d, &errs, "FILTER", "sf-filters",
			    "Один із фільтрів має невідоме значення; оберіть "
			    "фільтри ще раз.");
			break;
		}
	resp->status = status;
	resp->cache_control = "no-store";
	if (status == HTTP_SERVICE_UNAVAILABLE)
		http_header_add(resp, "Retry-After", "30");
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

static int
h_form(struct request *r, struct response *resp)
{
	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	return form_page(r, resp, HTTP_OK, NULL);
}

static const char *const down_msg = "Зараз ми не можемо прийняти підписку: "
    "сервіс тимчасово недоступний. Дані залишилися у формі — спробуйте ще "
    "раз за хвилину.";

static int
h_submit(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;
	struct sub_ctx		*c = r->ctx;
	struct sub_filters	 f;
	unsigned char		 hash[32];
	long long		 minute, hour;
	size_t			 k, i;
	int			 nbad = 0;

	if (!db_up(r->db) || !c->ts.loaded)
		return form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, down_msg);
	switch (form_token_check(p[SF_TOKEN].n > 0 ? p[SF_TOKEN].v[0].s : NULL,
	    p[SF_TOKEN].n > 0 ? p[SF_TOKEN].v[0].len : 0, SUBSCRIBE_PURPOSE, 0,
	    time(NULL), cfg.form_token_ttl)) {
	case TOKEN_OK:
		break;
	case TOKEN_EXPIRED:
		return form_page(r, resp, HTTP_FORBIDDEN, "Форма застаріла: її "
		    "відкрили надто давно. Дані збережено у формі — надішліть "
		    "її ще раз.");
	default:
		return form_page(r, resp, HTTP_FORBIDDEN, "Не вдалося перевірити "
		    "форму (можливо, її надіслано з іншого сайту). Дані "
		    "збережено у формі — надішліть її ще раз.");
	}
	for (k = 0; k < SF_TOKEN; k++)
		nbad += p[k].bad;
	if (nbad > 0)
		return form_page(r, resp, HTTP_BAD_REQUEST, NULL);

	addr_hash(hash, r->remote_addr);
	switch (subscription_limit(r->db, r->arena, hash, &minute, &hour)) {
	case SUB_LIMIT_OK:
		break;
	case SUB_LIMIT_OVER:
		http_header_add(resp, "Retry-After",
		    subscription_retry_after(minute));
		return form_page(r, resp, HTTP_TOO_MANY_REQUESTS,
		    "З вашої адреси надійшло забагато запитів на "
		    "підписку за короткий час. Дані збережено у формі "
		    "— надішліть її трохи згодом.");
	default:
		return form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, down_msg);
	}
	/* A bot fills every field: it is told what a person is told. */
	if (p[SF_WEBSITE].n > 0 || p[SF_WEBSITE].bad)
		goto sent;

	memset(&f, 0, sizeof(f));
	for (k = 0; k < TAX__MAX; k++)
		for (i = 0; i < p[k].n && f.n[k] < SUB_VALUES_MAX; i++)
			f.id[k][f.n[k]++] =
			    c->ts.tax.items[k][p[k].v[i].i].id;
	if (subscription_request(r->db, r->arena, hash, p[SF_EMAIL].v[0].s,
	    &f, frequencies[p[SF_FREQUENCY].v[0].i]) == -1)
		return form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, down_msg);
sent:
	resp->cache_control = "no-store";
	return http_redirect(resp, HTTP_SEE_OTHER, "/subscribe/sent") == 0 ?
	    0 : HTTP_INTERNAL_ERROR;
}

/* A page of one template with a flag shown; 0 or a status. */
static int
simple_page(struct response *resp, int status, const char *title,
    const char *flag, const char *token)
{
	struct page	 pg;
	struct tpl_dict	*d;

	if ((d = page_begin(&pg, "subscribe_done.tpl", title, NULL)) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_show(pg.layout, "NOINDEX");
	tpl_set(d, "HEADING", title);
	tpl_show(d, flag);
	if (token != NULL) {
		tpl_setf(d, "CONFIRM_HREF", "/subscribe/confirm?token=%s", token);
		tpl_setf(d, "UNSUB_HREF", "/unsubscribe?token=%s", token);
	}
	resp->status = status;
	resp->cache_control = "no-store";
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

static int
h_sent(struct request *r, struct response *resp)
{
	(void)r;
	return simple_page(resp, HTTP_OK, "Перевірте пошту", "SENT", NULL);
}

/* The row of the link's token; 1, 0 (unknown), -1. */
static int
by_token(struct request *r, int manage, struct subscription *s,
    unsigned char h[32])
{
	const struct param_val	*t = &r->params[0].v[0];

	link_token_hash(h, t->s, t->len);
	return manage ? db_sub_by_manage(r->db, r->arena, h, s) :
	    db_sub_by_confirm(r->db, r->arena, h, s);
}

static int
h_confirm(struct request *r, struct response *resp)
{
	struct subscription	 s;
	unsigned char		 h[32];
	int			 rc;

	if ((rc = by_token(r, 0, &s, h)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0 || !s.confirm_valid)
		return simple_page(resp, HTTP_NOT_FOUND, "Посилання недійсне",
		    "CONFIRM_INVALID", NULL);
	if (r->method != METHOD_POST)
		return simple_page(resp, HTTP_OK, "Підтвердження підписки",
		    "CONFIRM_ASK", r->params[0].v[0].s);
	if ((rc = db_sub_confirm(r->db, r->arena, s.id, h)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0)
		return simple_page(resp, HTTP_NOT_FOUND, "Посилання недійсне",
		    "CONFIRM_INVALID", NULL);
	return simple_page(resp, HTTP_OK, "Підписку підтверджено",
	    "CONFIRM_DONE", NULL);
}

static int
h_unsubscribe(struct request *r, struct response *resp)
{
	struct subscription	 s;
	unsigned char		 h[32];
	int			 rc;

	if ((rc = by_token(r, 1, &s, h)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0)
		return simple_page(resp, HTTP_NOT_FOUND, "Посилання недійсне",
		    "UNSUB_INVALID", NULL);
	if (r->method != METHOD_POST)
		return simple_page(resp, HTTP_OK, "Відписатися",
		    strcmp(s.state, "unsubscribed") == 0 ? "UNSUB_DONE" :
		    "UNSUB_ASK", r->params[0].v[0].s);
	if (db_sub_unsubscribe(r->db, r->arena, s.id) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	return simple_page(resp, HTTP_OK, "Ви відписалися", "UNSUB_DONE",
	    NULL);
}

/*
 * The subscription's page, from the footer of every message: its filters
 * and frequency, changed in place (no new opt-in: the link's token proves
 * the address), and unsubscribing.  A token that is unknown, malformed or
 * of a pending subscription whose confirmation lapsed is one 404, whoever
 * asks: the page says nothing of any address.  The form token is bound to
 * the subscription, so one page's form cannot change another.
 */
#define MANAGE_PURPOSE	"subscribe-manage"

enum mf {
	MF_THEME, MF_DISTRICT, MF_FORMAT, MF_GROUP, MF_UNIT, /* = tax_kind */
	MF_FREQUENCY,
	MF_CSRF,
	MF_TOKEN,	/* the link's, in the query */
	MF__MAX
};

static const struct param_rule manage_rules[MF__MAX] = {
	TAX_FILTER_RULES,
	{ "frequency", PARAM_ENUM, PARAM_REQUIRED, 0, 0, NULL, frequencies,
	    NULL },
	{ "csrf", PARAM_TEXT, 0, 1, FORM_TOKEN_LEN, "[A-Za-z0-9_-]+", NULL,
	    NULL },
	{ "token", PARAM_TEXT, PARAM_REQUIRED, LINK_TOKEN_LEN, LINK_TOKEN_LEN,
	    "[A-Za-z0-9_-]+", NULL, NULL },
};

static const char *const one[] = { "1", NULL };

static const struct param_rule manage_get_rules[2] = {
	{ "token", PARAM_TEXT, PARAM_REQUIRED, LINK_TOKEN_LEN, LINK_TOKEN_LEN,
	    "[A-Za-z0-9_-]+", NULL, NULL },
	{ "saved", PARAM_ENUM, 0, 0, 0, NULL, one, NULL },
};

/* The row of the manage link in params[k]; 1, 0 (no such link), -1. */
static int
manage_lookup(struct request *r, size_t k, struct subscription *s)
{
	const struct param	*p = &r->params[k];
	unsigned char		 h[32];
	int			 rc;

	if (p->bad || p->n != 1)
		return 0;
	link_token_hash(h, p->v[0].s, p->v[0].len);
	if ((rc = db_sub_by_manage(r->db, r->arena, h, s)) != 1)
		return rc;
	/* Never confirmed and no longer confirmable: the link is void. */
	if (strcmp(s->state, "pending") == 0 && !s->confirm_valid)
		return 0;
	return 1;
}

static int
manage_invalid(struct response *resp)
{
	return simple_page(resp, HTTP_NOT_FOUND, "Посилання недійсне",
	    "UNSUB_INVALID", NULL);
}

/*
 * The page.  cur: the stored filters to tick; NULL on a POST sent back,
 * whose own values are ticked and whose bad fields get their errors.
 */
static int
manage_page(struct request *r, struct response *resp, int status,
    const struct subscription *s, const char *tok,
    const struct sub_filters *cur, const char *message, int saved)
{
	struct sub_ctx	*c = r->ctx;
	struct page	 pg;
	struct tpl_dict	*d, *e, *f, *o, *errs = NULL, *m;
	char		 csrf[FORM_TOKEN_LEN + 1];
	const char	*q = "/subscribe", *freq;
	size_t		 k, v, i;
	int		 on, post = cur == NULL && r->nparams == MF__MAX;

	if ((d = page_begin(&pg, "subscribe_manage.tpl", "Ваша підписка",
	    NULL)) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_show(pg.layout, "NOINDEX");
	tpl_set(d, "EMAIL", s->email);
	if (saved)
		tpl_show(d, "SAVED");
	if (strcmp(s->state, "unsubscribed") == 0) {
		tpl_show(d, "STATE_UNSUBSCRIBED");
		if ((e = tpl_add(d, "RESUBSCRIBE")) == NULL)
			goto fail;
		for (k = 0; cur != NULL && c->ts.loaded && k < TAX__MAX; k++)
			for (i = 0; i < cur->n[k]; i++) {
				int pos = taxonomy_pos(&c->ts.tax,
				    (enum tax_kind)k, cur->id[k][i]);
				if (pos < 0)
					continue;
				q = arena_printf(r->arena, "%s%c%s=%s", q,
				    strchr(q, '?') == NULL ? '?' : '&',
				    tax_param[k], c->ts.tax.items[k][pos].slug);
			}
		tpl_set(e, "RESUBSCRIBE_HREF", q);
		if (message != NULL && (m = tpl_add(e, "MESSAGE")) != NULL)
			tpl_set(m, "MESSAGE_TEXT", message);
		goto done;
	}
	tpl_show(d, strcmp(s->state, "active") == 0 ? "STATE_ACTIVE" :
	    "STATE_PENDING");
	if ((e = tpl_add(d, "EDITABLE")) == NULL)
		goto fail;
	tpl_setf(e, "ACTION", "/subscribe/manage?token=%s", tok);
	tpl_setf(e, "UNSUB_HREF", "/unsubscribe?token=%s", tok);
	form_token_make(csrf, MANAGE_PURPOSE, s->id, time(NULL));
	tpl_set(e, "CSRF", csrf);
	if (message != NULL && (m = tpl_add(e, "MESSAGE")) != NULL)
		tpl_set(m, "MESSAGE_TEXT", message);
	for (k = 0; c->ts.loaded && k < TAX__MAX; k++) {
		if ((f = tpl_add(e, "FACET")) == NULL)
			continue;
		tpl_set(f, "FACET_NAME", tax_param[k]);
		tpl_set(f, "FACET_LABEL", tax_label[k]);
		for (v = 0; v < c->ts.tax.n[k]; v++) {
			if ((o = tpl_add(f, "OPTION")) == NULL)
				continue;
			tpl_set(o, "OPTION_VALUE", c->ts.tax.items[k][v].slug);
			tpl_set(o, "OPTION_LABEL", c->ts.tax.items[k][v].name_uk);
			tpl_setf(o, "OPTION_ID", "mf-%s-%zu", tax_param[k], v);
			on = 0;
			if (cur != NULL) {
				for (i = 0; i < cur->n[k]; i++)
					on |= cur->id[k][i] ==
					    c->ts.tax.items[k][v].id;
			} else
				on = is_selected(r, k, v);
			if (on)
				tpl_show(o, "OPTION_CHECKED");
		}
	}
	freq = cur != NULL ? s->frequency : sent(r, "frequency");
	tpl_show(e, strcmp(freq, "weekly") == 0 ? "WEEKLY_CHECKED" :
	    "IMMEDIATE_CHECKED");
	if (post && r->params[MF_FREQUENCY].bad)
		field_error(e, &errs, "FREQUENCY", "mf-frequency-immediate",
		    "Оберіть, як часто надсилати листи.");
	for (k = 0; post && k < TAX__MAX; k++)
		if (r->params[k].bad) {
			field_error(e, &errs, "FILTER", "mf-filters",
			    "Один із фільтрів має невідоме значення; оберіть "
			    "фільтри ще раз.");
			break;
		}
done:
	resp->status = status;
	resp->cache_control = "no-store";
	if (status == HTTP_SERVICE_UNAVAILABLE)
		http_header_add(resp, "Retry-After", "30");
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
fail:
	page_abort(&pg);
	return HTTP_INTERNAL_ERROR;
}

static int
h_manage(struct request *r, struct response *resp)
{
	struct sub_ctx		*c = r->ctx;
	struct subscription	 s;
	struct sub_filters	 f;
	int			 rc;

	if (!db_up(r->db) || !c->ts.loaded)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = manage_lookup(r, 0, &s)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0)
		return manage_invalid(resp);
	if (db_sub_filters(r->db, r->arena, s.id, &f) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	return manage_page(r, resp, HTTP_OK, &s, r->params[0].v[0].s, &f,
	    NULL, r->params[1].n > 0);
}

static int
h_manage_save(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;
	struct sub_ctx		*c = r->ctx;
	struct subscription	 s;
	struct sub_filters	 f;
	const char		*tok;
	size_t			 k, i;
	int			 rc, nbad = 0;

	if (!db_up(r->db) || !c->ts.loaded)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = manage_lookup(r, MF_TOKEN, &s)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0)
		return manage_invalid(resp);
	tok = p[MF_TOKEN].v[0].s;
	if (strcmp(s.state, "unsubscribed") == 0) {
		if (db_sub_filters(r->db, r->arena, s.id, &f) == -1)
			return HTTP_SERVICE_UNAVAILABLE;
		return manage_page(r, resp, HTTP_CONFLICT, &s, tok, &f,
		    "Ви відписалися, тож змінити цю підписку вже не можна. "
		    "Щоб знову отримувати листи, підпишіться ще раз.", 0);
	}
	switch (form_token_check(p[MF_CSRF].n > 0 ? p[MF_CSRF].v[0].s : NULL,
	    p[MF_CSRF].n > 0 ? p[MF_CSRF].v[0].len : 0, MANAGE_PURPOSE, s.id,
	    time(NULL), cfg.form_token_ttl)) {
	case TOKEN_OK:
		break;
	case TOKEN_EXPIRED:
		return manage_page(r, resp, HTTP_FORBIDDEN, &s, tok, NULL,
		    "Форма застаріла: її відкрили надто давно. Ваш вибір "
		    "збережено у формі — надішліть її ще раз.", 0);
	default:
		return manage_page(r, resp, HTTP_FORBIDDEN, &s, tok, NULL,
		    "Не вдалося перевірити форму (можливо, її надіслано з "
		    "іншого сайту). Ваш вибір збережено у формі — надішліть "
		    "її ще раз.", 0);
	}
	for (k = 0; k <= MF_FREQUENCY; k++)
		nbad += p[k].bad;
	if (nbad > 0)
		return manage_page(r, resp, HTTP_BAD_REQUEST, &s, tok, NULL,
		    NULL, 0);
	memset(&f, 0, sizeof(f));
	for (k = 0; k < TAX__MAX; k++)
		for (i = 0; i < p[k].n && f.n[k] < SUB_VALUES_MAX; i++)
			f.id[k][f.n[k]++] =
			    c->ts.tax.items[k][p[k].v[i].i].id;
	switch (db_sub_change(r->db, r->arena, &s, &f,
	    frequencies[p[MF_FREQUENCY].v[0].i])) {
	case -1:
		return manage_page(r, resp, HTTP_SERVICE_UNAVAILABLE, &s, tok,
		    NULL, "Зараз ми не можемо зберегти зміни: сервіс "
		    "тимчасово недоступний. Ваш вибір залишився у формі — "
		    "спробуйте ще раз за хвилину.", 0);
	case 0:
		return manage_page(r, resp, HTTP_CONFLICT, &s, tok, NULL,
		    "На цю адресу вже діє інша підписка з такими самими "
		    "фільтрами. Оберіть інші фільтри або відпишіться від цієї "
		    "підписки.", 0);
	default:
		break;
	}
	resp->cache_control = "no-store";
	return http_redirect(resp, HTTP_SEE_OTHER, arena_printf(r->arena,
	    "/subscribe/manage?token=%s&saved=1", tok)) == 0 ? 0 :
	    HTTP_INTERNAL_ERROR;
}

#define GET	METHOD_BIT(METHOD_GET)
#define POST	METHOD_BIT(METHOD_POST)

static const struct route routes[] = {
	{ POST, "/subscribe", h_submit, sub_rules, SF__MAX, ROUTE_FORM },
	{ GET, "/subscribe", h_form, get_rules, SF_EMAIL + 1, ROUTE_FORM },
	{ GET, "/subscribe/sent", h_sent, NULL, 0, ROUTE_NO_DB },
	{ GET | POST, "/subscribe/confirm", h_confirm, link_rules, 2, 0 },
	{ GET | POST, "/unsubscribe", h_unsubscribe, link_rules, 2, 0 },
	{ GET, "/subscribe/manage", h_manage, manage_get_rules, 2,
	    ROUTE_FORM },
	{ POST, "/subscribe/manage", h_manage_save, manage_rules, MF__MAX,
	    ROUTE_FORM },
};

static const struct program program = {
	"subscribe", routes, sizeof(routes) / sizeof(routes[0]),
	ctx_new, ctx_free, prepare
};

int
main(int argc, char *argv[])
{
	return runner_main(argc, argv, &program);
}
