/*
 * comment: comments and proposals from residents.
 *
 *   GET  /consultations/{ref}/comments          the form alone
 *   POST /consultations/{ref}/comments          a submission; 303 to its
 *                                                receipt
 *   GET  /consultations/{ref}/receipt/{n}-{mac} the receipt
 *
 * Nothing a person typed is lost: every refusal (400 fields, 403 token,
 * 409 not open, 429 too many, 503 database) answers with the form holding
 * their text.  The row is committed before the 303.  A double submission
 * (same token, e-mail and text) stores one row and gets the first receipt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "comment_form.h"
#include "config.h"
#include "db.h"
#include "lifecycle.h"
#include "model.h"
#include "page.h"
#include "runner.h"
#include "secret.h"
#include "submit.h"
#include "utf8.h"
#include "view.h"

/* The form page: the consultation (NULL when unknown) and the form. */
static int
form_page(struct request *r, struct response *resp, int status,
    const struct consultation *c, uint32_t id, const char *message,
    int closed)
{
	struct page	 pg;
	struct tpl_dict	*d, *s;

	if ((d = page_begin(&pg, "comment.tpl", "Коментар або пропозиція",
	    "NAV_CONSULTATIONS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_show(pg.layout, "NOINDEX");
	if (c != NULL && (s = tpl_add(d, "CONSULTATION")) != NULL) {
		tpl_set(s, "CONSULTATION_TITLE", c->title);
		tpl_set(s, "CONSULTATION_HREF", view_href(r->arena, c->id,
		    c->slug));
	}
	if (comment_form_fill(d, r->arena, id, c != NULL ? c->unit_name :
	    "організатор консультації", r->method == METHOD_POST ? r : NULL,
	    message, closed, time(NULL)) == -1) {
		page_abort(&pg);
		return HTTP_INTERNAL_ERROR;
	}
	resp->status = status;
	resp->cache_control = "no-store";
	if (status == HTTP_SERVICE_UNAVAILABLE)
		http_header_add(resp, "Retry-After", "30");
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

/* Why a consultation takes no submission now, or NULL when it does. */
static const char *
not_open(struct arena *a, const struct consultation *c, time_t now)
{
	char	 buf[64];

	switch (lifecycle_status(cstatus_parse(c->status), c->opens,
	    c->closes, c->closed_at, now)) {
	case CS_OPEN:
		return NULL;
	case CS_ANNOUNCED:
		return arena_printf(a, "Прийом коментарів і пропозицій до цієї "
		    "консультації ще не розпочався: він відкриється %s.",
		    fmt_datetime_uk(buf, sizeof(buf), c->opens));
	case CS_CANCELLED:
		return "Цю консультацію скасовано, тому коментарі й "
		    "пропозиції до неї не приймаються.";
	default:
		return arena_printf(a, "Прийом коментарів і пропозицій до цієї "
		    "консультації завершився %s.", fmt_datetime_uk(buf,
		    sizeof(buf), lifecycle_end(c->closes, c->closed_at)));
	}
}

static const char *
receipt_href(struct arena *a, uint32_t cid, uint32_t id)
{
	char	 mac[RECEIPT_MAC_LEN + 1];

	receipt_mac(mac, id);
	return arena_printf(a, "/consultations/%u/receipt/%u-%s", cid, id, mac);
}

static int
see_receipt(struct request *r, struct response *resp, uint32_t cid,
    uint32_t id)
{
	resp->cache_control = "no-store";
	return http_redirect(resp, HTTP_SEE_OTHER, receipt_href(r->arena, cid,
	    id)) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

static int
h_form(struct request *r, struct response *resp)
{
	uint32_t		 id = (uint32_t)r->params[CF_REF].v[0].i;
	struct consultation	 c;
	const char		*why;
	int			 rc;

	memset(&c, 0, sizeof(c));
	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = db_consultation_get(r->db, r->arena, id, &c)) != 1)
		return rc == 0 ? HTTP_NOT_FOUND : HTTP_SERVICE_UNAVAILABLE;
	why = not_open(r->arena, &c, time(NULL));
	return form_page(r, resp, why == NULL ? HTTP_OK : HTTP_CONFLICT, &c, id,
	    why, why != NULL);
}

static int
h_submit(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;
	uint32_t		 id = (uint32_t)p[CF_REF].v[0].i, sid;
	struct consultation	 c;
	struct submission	 s;
	const char		*why, *tok;
	size_t			 toklen, i;
	long long		 minute, hour;
	time_t			 now = time(NULL);
	int			 rc, nbad = 0;

	memset(&c, 0, sizeof(c));
	if (!db_up(r->db))
		return form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, NULL, id,
		    "Зараз ми не можемо зберегти ваш текст: сервіс тимчасово "
		    "недоступний. Текст залишився у формі — спробуйте надіслати "
		    "його ще раз за хвилину.", 0);
	if ((rc = db_consultation_get(r->db, r->arena, id, &c)) == 0)
		return HTTP_NOT_FOUND;
	if (rc == -1)
		return form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, NULL, id,
		    "Зараз ми не можемо зберегти ваш текст: сервіс тимчасово "
		    "недоступний. Текст залишився у формі — спробуйте надіслати "
		    "його ще раз за хвилину.", 0);
	if ((why = not_open(r->arena, &c, now)) != NULL)
		return form_page(r, resp, HTTP_CONFLICT, &c, id, why, 1);

	/* The token first: a refused one says nothing about the fields. */
	tok = p[CF_TOKEN].n > 0 ? p[CF_TOKEN].v[0].s : NULL;
	toklen = p[CF_TOKEN].n > 0 ? p[CF_TOKEN].v[0].len : 0;
	switch (form_token_check(tok, toklen, COMMENT_TOKEN_PURPOSE, id, now,
	    cfg.form_token_ttl)) {
	case TOKEN_OK:
		break;
	case TOKEN_EXPIRED:
		return form_page(r, resp, HTTP_FORBIDDEN, &c, id,
		    "Форма застаріла: її відкрили надто давно. Ваш текст "
		    "збережено у формі нижче — надішліть його ще раз.", 0);
	default:
		return form_page(r, resp, HTTP_FORBIDDEN, &c, id,
		    "Не вдалося перевірити форму (можливо, її надіслано з "
		    "іншого сайту). Ваш текст збережено у формі нижче — "
		    "надішліть його ще раз.", 0);
	}

	memset(&s, 0, sizeof(s));
	for (i = CF_KIND; i < CF_TOKEN; i++)
		nbad += p[i].bad;
	if (p[CF_TEXT].n > 0) {
		if ((s.body = comment_normalise(r->arena, p[CF_TEXT].v[0].s,
		    p[CF_TEXT].v[0].len, &s.body_len)) == NULL)
			return HTTP_INTERNAL_ERROR;
		if (utf8_len(s.body, s.body_len) > COMMENT_TEXT_MAX)
			nbad++;		/* comment_form_fill() says it */
	}
	if (nbad > 0)
		return form_page(r, resp, HTTP_BAD_REQUEST, &c, id, NULL, 0);

	s.consultation_id = id;
	s.kind = comment_rules[CF_KIND].choices[p[CF_KIND].v[0].i];
	s.name = p[CF_NAME].v[0].s;
	s.name_len = p[CF_NAME].v[0].len;
	s.email = p[CF_EMAIL].v[0].s;
	s.email_len = p[CF_EMAIL].v[0].len;
	if (p[CF_ORG].n > 0) {
		s.organisation = p[CF_ORG].v[0].s;
		s.org_len = p[CF_ORG].v[0].len;
	}
	s.notify_author = p[CF_NOTIFY].n > 0;
	s.status = submit_status(c.moderation, s.body, s.body_len,
	    p[CF_WEBSITE].n > 0 || p[CF_WEBSITE].bad);
	addr_hash(s.client_hash, r->remote_addr);
	submit_key(s.key, tok, toklen, s.email, s.email_len, s.body,
	    s.body_len);
	switch (submit_store(r->db, r->arena, &s, &sid, &minute, &hour)) {
	case SUBMIT_DOWN:
		goto down;
	case SUBMIT_LIMITED:
		http_header_add(resp, "Retry-After", submit_retry_after(minute));
		return form_page(r, resp, HTTP_TOO_MANY_REQUESTS, &c, id,
		    arena_printf(r->arena, "З вашої адреси надійшло забагато "
		    "коментарів за короткий час (можна %d на хвилину і %d на "
		    "годину). Текст збережено у формі — надішліть його трохи "
		    "згодом.", cfg.submit_per_minute, cfg.submit_per_hour), 0);
	case SUBMIT_STORED:
	case SUBMIT_RETRY:
		break;
	}
	return see_receipt(r, resp, id, sid);
down:
	return form_page(r, resp, HTTP_SERVICE_UNAVAILABLE, &c, id,
	    "Зараз ми не можемо зберегти ваш текст: сервіс тимчасово "
	    "недоступний. Текст залишився у формі — спробуйте надіслати його "
	    "ще раз за хвилину.", 0);
}

/*
 * "{n}-{mac}" in shape; whether the MAC is n's own is the handler's (a
 * wrong one is an unknown receipt: 404, not a malformed URL).
 */
static int
check_receipt(void *ctx, const char *s, size_t len, long long *out)
{
	unsigned long long	 id = 0;
	size_t			 i;

	(void)ctx;
	for (i = 0; i < len && i < 11 && s[i] >= '0' && s[i] <= '9'; i++)
		id = id * 10 + (unsigned long long)(s[i] - '0');
	if (i == 0 || s[0] == '0' || id > 4294967295ULL || i >= len ||
	    s[i] != '-' || len - i - 1 != RECEIPT_MAC_LEN)
		return 0;
	*out = (long long)id;
	return 1;
}

enum rparam {
	R_REF,
	R_KEY,
	R__MAX
};

static const struct param_rule receipt_params[R__MAX] = {
	{ "ref", PARAM_CUSTOM, PARAM_PATH | PARAM_REQUIRED, 0, 0, NULL, NULL,
	    valid_consultation_ref },
	{ "key", PARAM_CUSTOM, PARAM_PATH | PARAM_REQUIRED, 0, 0, NULL, NULL,
	    check_receipt },
};

static int
h_receipt(struct request *r, struct response *resp)
{
	uint32_t		 cid = (uint32_t)r->params[R_REF].v[0].i;
	uint32_t		 id = (uint32_t)r->params[R_KEY].v[0].i;
	struct consultation	 c;
	struct receipt		 rc;
	struct page		 pg;
	struct tpl_dict		*d;
	const char		*href, *link;
	long long		 before;
	char			 hash[SHA256_HEX_LEN + 1], buf[64];
	int			 got;
	const struct param_val	*key = &r->params[R_KEY].v[0];
	const char		*mac = strchr(key->s, '-') + 1;

	if (!receipt_mac_ok(mac, strlen(mac), id))
		return HTTP_NOT_FOUND;
	memset(&c, 0, sizeof(c));
	if ((got = db_receipt_get(r->db, r->arena, id, &rc)) != 1)
		return got == 0 ? HTTP_NOT_FOUND : HTTP_SERVICE_UNAVAILABLE;
	if (rc.consultation_id != cid)
		return HTTP_NOT_FOUND;
	if ((got = db_consultation_get(r->db, r->arena, cid, &c)) != 1)
		return got == 0 ? HTTP_NOT_FOUND : HTTP_SERVICE_UNAVAILABLE;
	if ((d = page_begin(&pg, "receipt.tpl", arena_printf(r->arena,
	    "Квитанція № %u", id), "NAV_CONSULTATIONS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_show(pg.layout, "NOINDEX");
	href = view_href(r->arena, c.id, c.slug);
	tpl_set(d, "CONSULTATION_TITLE", c.title);
	tpl_set(d, "CONSULTATION_HREF", href);
	tpl_set_int(d, "NUMBER", id);
	tpl_set(d, "KIND_LABEL", strcmp(rc.kind, "proposal") == 0 ?
	    "Пропозицію" : "Коментар");
	view_date(d, "CREATED", rc.created);
	tpl_set(d, "CREATED_TEXT", fmt_datetime_uk(buf, sizeof(buf),
	    rc.created));
	tpl_set(d, "AUTHOR", *rc.organisation != '\0' ? arena_printf(r->arena,
	    "%s (%s)", rc.name, rc.organisation) : rc.name);
	/* The page of the detail it is on (it may be pending: then where it
	 * will be when published, as long as none before it is removed). */
	if (db_comment_position(r->db, r->arena, cid, id, &before) == -1) {
		page_abort(&pg);
		return HTTP_SERVICE_UNAVAILABLE;
	}
	link = before >= COMMENTS_PER_PAGE ? arena_printf(r->arena,
	    "%s?page=%lld#comment-%u", href, before / COMMENTS_PER_PAGE + 1,
	    id) : arena_printf(r->arena, "%s#comment-%u", href, id);
	tpl_set(d, "PERMALINK", link);
	tpl_set(d, "PERMALINK_TEXT", link);
	/* A spam row's receipt looks like any awaiting moderation. */
	tpl_show(d, strcmp(rc.status, "published") == 0 ?
	    "STATUS_PUBLISHED" : "STATUS_PENDING");
	sha256_hex(hash, rc.body, strlen(rc.body));
	tpl_set(d, "SHA256", hash);
	view_paras(d, "RECEIPT_TEXT", rc.body);
	resp->cache_control = "no-store";
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

#define GET	METHOD_BIT(METHOD_GET)
#define POST	METHOD_BIT(METHOD_POST)

static const struct route routes[] = {
	{ POST, "/consultations/{ref}/comments", h_submit, comment_rules,
	    CF__MAX, ROUTE_FORM },
	{ GET, "/consultations/{ref}/comments", h_form, comment_rules,
	    CF__MAX, ROUTE_FORM },
	{ GET, "/consultations/{ref}/receipt/{key}", h_receipt,
	    receipt_params, R__MAX, 0 },
};

static const struct program program = {
	"comment", routes, sizeof(routes) / sizeof(routes[0]), NULL, NULL, NULL
};

int
main(int argc, char *argv[])
{
	return runner_main(argc, argv, &program);
}
