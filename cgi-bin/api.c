/*
 * api: the JSON API v1 for the city's mobile app and third parties
 * (DESIGN.md section 3, issue 7), described by templates/openapi.json
 * (OpenAPI 3.1, written by hand, read at start and served as is).
 *
 *   GET  /api/v1/consultations              the listing's filters, facets
 *   GET  /api/v1/consultations/{ref}        what the detail page shows
 *   GET  /api/v1/consultations/{ref}/comments   published, with answers
 *   POST /api/v1/consultations/{ref}/comments   the form's rules, as JSON
 *   GET  /api/v1/taxonomy                   the reference vocabularies
 *   POST /api/v1/subscriptions              the /subscribe double opt-in
 *   GET  /api/v1/agenda                     the plan, as /agenda filters it
 *   GET  /api/v1/stats                      the indicators /stats shows
 *   GET  /api/v1/openapi.json               the description
 *   GET  /api                               a page for developers
 *
 * Reads answer from the listing's in-memory index (lib/listing_query.c),
 * the detail's db_* functions and the agenda's and indicators' own lib
 * code (lib/agenda_plan.c, lib/stats.c), carry a strong ETag (a 128-bit
 * BLAKE2b of the bytes), answer 304 to If-None-Match, and count against a
 * per-address read limit told in RateLimit-* (lib/api_ratelimit.c).
 * Writes share the pages' per-address limits (lib/submit.c,
 * lib/subscription.c).  Every error under /api/, the runner's own
 * included, is {"error": {"code", "message", "field"}}.  CORS: any origin
 * reads; browsers may POST only from HROMADA_API_ORIGINS.
 *
 * The listing, the largest and busiest answer, is written straight into
 * its body (lib/api_json.c); the others are built with jansson.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "agenda_plan.h"
#include "api_agenda.h"
#include "api_comment.h"
#include "api_json.h"
#include "api_ratelimit.h"
#include "api_stats.h"
#include "api_subscription.h"
#include "comment_form.h"
#include "config.h"
#include "db.h"
#include "db_agenda.h"
#include "lifecycle.h"
#include "listing.h"
#include "listing_query.h"
#include "log.h"
#include "md.h"
#include "model.h"
#include "page.h"
#include "runner.h"
#include "secret.h"
#include "submit.h"
#include "subscription.h"
#include "view.h"

#define PER_PAGE_DEFAULT	20
#define PER_PAGE_MAX		100
#define COMMENTS_DEFAULT	50
#define IDEMPOTENCY_KEY_MAX	200
#define SPEC_MAX		(1024 * 1024)

#define EXPOSE	"ETag, Location, Retry-After, RateLimit-Limit, " \
		"RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy"

/* The description, read once per worker (process lifetime). */
static char	*spec;
static size_t	 spec_len;
static char	 spec_etag[40];

/* ---- JSON helpers ------------------------------------------------------ */

static json_t *
jstr(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* Empty text is absent: null. */
static json_t *
jtext(const char *s)
{
	return s != NULL && *s != '\0' ? json_string(s) : json_null();
}

static json_t *
jtime(time_t t)
{
	char	 buf[40];

	return t != 0 ? json_string(fmt_iso(buf, sizeof(buf), t)) :
	    json_null();
}

static json_t *
jnamed(const char *slug, const char *name)
{
	return json_pack("{s:s, s:s}", "slug", slug, "name", name);
}

/* CORS for a read: any origin. */
static void
cors_read(struct response *resp)
{
	http_header_add(resp, "Access-Control-Allow-Origin", "*");
	http_header_add(resp, "Access-Control-Expose-Headers", EXPOSE);
}

/* CORS for a write: only the configured origins (others get none). */
static void
cors_write(const struct request *r, struct response *resp)
{
	if (r->origin == NULL || !config_api_origin_ok(r->origin))
		return;
	http_header_add(resp, "Access-Control-Allow-Origin", r->origin);
	http_header_add(resp, "Access-Control-Expose-Headers", EXPOSE);
	http_header_add(resp, "Vary", "Origin");
}

/*
 * Answers body (malloc'd, taken) with a strong ETag, answering 304 to a
 * matching If-None-Match.  The ETag is a 128-bit BLAKE2b of the bytes:
 * strong, and several times cheaper than SHA-256 on a 40 KB listing.
 */
static int
send_tagged(struct request *r, struct response *resp, int status, char *body,
    size_t len, const char *cache, const char *etag);

static int
send_body(struct request *r, struct response *resp, int status, char *body,
    size_t len, const char *cache)
{
	return send_tagged(r, resp, status, body, len, cache, NULL);
}

/* The same with the ETag given (NULL: a hash of the body). */
static int
send_tagged(struct request *r, struct response *resp, int status, char *body,
    size_t len, const char *cache, const char *etag)
{
	unsigned char	 h[16];
	char		 hex[sizeof(h) * 2 + 1];

	if (body == NULL)
		return HTTP_INTERNAL_ERROR;
	resp->status = status;
	resp->content_type = "application/json";
	resp->cache_control = cache;
	resp->body = body;
	resp->len = len;
	if (r->method == METHOD_POST) {
		cors_write(r, resp);
		return 0;
	}
	cors_read(resp);
	if (etag == NULL) {
		crypto_generichash(h, sizeof(h), (const unsigned char *)body,
		    len, NULL, 0);
		sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
		etag = arena_printf(r->arena, "\"%s\"", hex);
	}
	(void)http_conditional(r, resp, etag, 0);
	return 0;
}

/*
 * The JSON listing's ETag without reading its body (hashing 40 KB was a
 * third of a kept answer's time): the body is a function of its key and of
 * the index it was drawn from (version, load, the status epoch), as
 * listing_page_get() relies on.
 */
static const char *
list_etag(struct request *r, const char *key)
{
	struct listing_ctx	*c = r->ctx;
	unsigned char		 h[16];
	char			 hex[sizeof(h) * 2 + 1];
	const char		*in;

	if (key == NULL || (in = arena_printf(r->arena, "%s|%llu|%lld|%lld",
	    key, c->listing.version, (long long)c->listing.loaded,
	    (long long)c->listing.status_from)) == NULL)
		return NULL;
	crypto_generichash(h, sizeof(h), (const unsigned char *)in,
	    strlen(in), NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	return arena_printf(r->arena, "\"%s\"", hex);
}

/* Serialises root (reference taken) and answers it (send_body()). */
static int
send_json(struct request *r, struct response *resp, int status, json_t *root,
    const char *cache)
{
	char	*body;

	if (root == NULL)
		return HTTP_INTERNAL_ERROR;
	/* 15 digits: 66.7 is written 66.7, as the CSV has it. */
	body = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(root);
	if (body == NULL)
		return HTTP_INTERNAL_ERROR;
	return send_body(r, resp, status, body, strlen(body), cache);
}

/* An error the handler answers itself, naming a field. */
static int
fail(struct request *r, struct response *resp, int status, const char *field,
    const char *message)
{
	r->bad_param = field;
	resp->message = message;
	return status;
}

/* ---- errors of every kind -------------------------------------------- */

static const char *
error_code(int status)
{
	switch (status) {
	case 400: return "bad_request";
	case 403: return "forbidden";
	case 404: return "not_found";
	case 405: return "method_not_allowed";
	case 409: return "conflict";
	case 413: return "payload_too_large";
	case 414: return "uri_too_long";
	case 415: return "unsupported_media_type";
	case 422: return "unprocessable";
	case 429: return "too_many_requests";
	case 501: return "not_implemented";
	case 503: return "unavailable";
	default:  return "internal_error";
	}
}

/* The runner's error hook: JSON under /api/, the HTML page elsewhere. */
static int
api_error(struct request *r, struct response *resp, int status)
{
	const char	*msg;
	json_t		*root;
	char		*body;
	size_t		 i;
	int		 retry = 0;

	if (r->path == NULL || strncmp(r->path, "/api/", 5) != 0)
		return -1;
	msg = resp->message != NULL ? resp->message : resp->detail != NULL ?
	    resp->detail : page_error_message(status);
	root = json_pack("{s:{s:s, s:s, s:o}}", "error", "code",
	    error_code(status), "message", msg, "field", jstr(r->bad_param));
	if (root == NULL || (body = json_dumps(root, JSON_COMPACT)) == NULL) {
		json_decref(root);
		return -1;
	}
	json_decref(root);
	resp->status = status;
	resp->content_type = "application/json";
	resp->cache_control = "no-store";
	resp->body = body;
	resp->len = strlen(body);
	for (i = 0; i < resp->nheaders; i++)
		if (strcmp(resp->headers[i].name, "Retry-After") == 0)
			retry = 1;
	if (status == HTTP_SERVICE_UNAVAILABLE && !retry)
		http_header_add(resp, "Retry-After", "30");
	if (r->method == METHOD_POST)
		cors_write(r, resp);
	else
		cors_read(resp);
	return 0;
}

/*
 * The read limit (lib/api_ratelimit.c): every GET under /api/ is counted
 * and told its RateLimit-*; over the limit, 429 with Retry-After.  Not
 * the /api page (shared by everyone in nginx's micro-cache); the API's
 * own answers are cached per client address (nginx/site.conf.in).
 */
static int
reads_limit(struct request *r, struct response *resp)
{
	unsigned char	 h[32];
	long		 limit = cfg.api_reads_per_minute, left, reset;
	int		 ok;

	if (limit <= 0 || strncmp(r->path, "/api/", 5) != 0)
		return 0;
	addr_hash(h, r->remote_addr);
	ok = api_reads_take(h, time(NULL), limit, &left, &reset);
	http_header_add(resp, "RateLimit-Limit", arena_printf(r->arena, "%ld",
	    limit));
	http_header_add(resp, "RateLimit-Remaining", arena_printf(r->arena,
	    "%ld", left));
	http_header_add(resp, "RateLimit-Reset", arena_printf(r->arena, "%ld",
	    reset));
	http_header_add(resp, "RateLimit-Policy", arena_printf(r->arena,
	    "%ld;w=%d", limit, API_READS_WINDOW));
	if (ok)
		return 0;
	http_header_add(resp, "Retry-After", arena_printf(r->arena, "%ld",
	    reset));
	return fail(r, resp, HTTP_TOO_MANY_REQUESTS, NULL, arena_printf(
	    r->arena, "З вашої адреси надійшло забагато запитів на читання "
	    "(можна %ld на хвилину). Спробуйте за %ld с.", limit, reset));
}

/*
 * Before the database and validation: answers a CORS preflight, and
 * refuses a browser's write from an origin that is not configured.
 */
static int
api_guard(struct request *r, const struct route *rt, struct response *resp)
{
	int	 write = (rt->methods & METHOD_BIT(METHOD_POST)) &&
	    config_api_origin_ok(r->origin);

	if (r->method == METHOD_OPTIONS) {
		resp->status = HTTP_NO_CONTENT;
		resp->cache_control = "no-store";
		http_header_add(resp, "Access-Control-Allow-Origin", write ?
		    r->origin : "*");
		if (write)
			http_header_add(resp, "Vary", "Origin");
		http_header_add(resp, "Access-Control-Allow-Methods", write ?
		    "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS");
		http_header_add(resp, "Access-Control-Allow-Headers",
		    "Content-Type, Idempotency-Key, If-None-Match");
		http_header_add(resp, "Access-Control-Max-Age", "600");
		return -1;
	}
	if (r->method == METHOD_POST && r->origin != NULL &&
	    !config_api_origin_ok(r->origin))
		return fail(r, resp, HTTP_FORBIDDEN, NULL, "Надсилати дані з "
		    "цього сайту (Origin) не дозволено.");
	if (r->method == METHOD_GET || r->method == METHOD_HEAD)
		return reads_limit(r, resp);
	return 0;
}

/* ---- parameters ------------------------------------------------------ */

/* The listing's parameters (same indexes, LP_*), then per_page. */
static struct param_rule list_rules[LP__MAX + 1];
#define LP_PER_PAGE	LP__MAX

enum cparam {
	C_REF,
	C_PAGE,
	C_PER_PAGE,
	C__MAX
};

static const struct param_rule ref_rules[] = {
	{ "ref", PARAM_CUSTOM, PARAM_PATH | PARAM_REQUIRED, 0, 0, NULL, NULL,
	    valid_consultation_ref },
};

/* As the /stats page's (cgi-bin/stats.c), less its sort. */
static const struct param_rule stats_rules[3] = {
	{ "year", PARAM_INT, 0, 2000, 2100, NULL, NULL, NULL },
	{ "quarter", PARAM_INT, 0, 1, 4, NULL, NULL, NULL },
	{ "unit", PARAM_CUSTOM, 0, 0, 0, NULL, NULL, tax_check_unit },
};

static const struct param_rule comments_rules[C__MAX] = {
	{ "ref", PARAM_CUSTOM, PARAM_PATH | PARAM_REQUIRED, 0, 0, NULL, NULL,
	    valid_consultation_ref },
	{ "page", PARAM_INT, 0, 1, 100000, NULL, NULL, NULL },
	{ "per_page", PARAM_INT, 0, 1, PER_PAGE_MAX, NULL, NULL, NULL },
};

/* ---- the listing ----------------------------------------------------- */

/* A vocabulary's term at pos as {"slug", "name"}, or null. */
static void
taxon_write(struct jw *w, const struct taxonomy *t, enum tax_kind k, int pos)
{
	if (pos < 0 || (size_t)pos >= t->n[k]) {
		jw_null(w);
		return;
	}
	jw_open(w, '{');
	jw_key(w, "slug");
	jw_str(w, t->items[k][pos].slug);
	jw_key(w, "name");
	jw_str(w, t->items[k][pos].name_uk);
	jw_close(w, '}');
}

/* One item of the listing (ConsultationSummary in the spec). */
static void
row_write(struct request *r, struct jw *w, const struct listing_row *row,
    time_t now)
{
	struct listing_ctx	*c = r->ctx;
	const struct taxonomy	*t = &c->ts.tax;
	static const enum tax_kind kinds[3] = {
		TAX_THEME, TAX_DISTRICT, TAX_GROUP
	};
	static const char *const names[3] = { "themes", "districts", "groups" };
	size_t			 k, i;

	jw_open(w, '{');
	jw_key(w, "id");
	jw_int(w, row->id);
	jw_key(w, "slug");
	jw_str(w, row->slug);
	jw_key(w, "title");
	jw_str(w, row->title);
	jw_key(w, "summary");
	jw_str(w, row->summary);
	jw_key(w, "url");
	jw_str(w, arena_printf(r->arena, "%s%s", cfg.base_url,
	    view_href(r->arena, row->id, row->slug)));
	jw_key(w, "status");
	jw_str(w, cstatus_slug[listing_row_status(row, now)]);
	jw_key(w, "published_at");
	jw_time(w, row->published);
	jw_key(w, "opens_at");
	jw_time(w, row->opens);
	jw_key(w, "closes_at");
	jw_time(w, lifecycle_end(row->closes, row->closed_at));
	jw_key(w, "event_at");
	jw_time(w, row->event_at);
	jw_key(w, "completed_at");
	jw_time(w, row->completed);
	jw_key(w, "comments");
	jw_int(w, row->comments);
	jw_key(w, "has_report");
	jw_bool(w, row->has_report != 0);
	jw_key(w, "unit");
	taxon_write(w, t, TAX_UNIT, row->unit);
	jw_key(w, "format");
	taxon_write(w, t, TAX_FORMAT, row->format);
	for (k = 0; k < 3; k++) {
		jw_key(w, names[k]);
		jw_open(w, '[');
		for (i = 0; i < row->nlinks[k]; i++)
			taxon_write(w, t, kinds[k], row->links[k][i]);
		jw_close(w, ']');
	}
	jw_close(w, '}');
}

/* Every value of every facet with its count under the other filters. */
static void
facets_write(struct request *r, struct jw *w, const struct listing_result *res)
{
	struct listing_ctx	*c = r->ctx;
	size_t			 k, i, n, value;

	jw_open(w, '{');
	for (k = 0; k < FACET__MAX; k++) {
		jw_key(w, listing_params[k].name);
		jw_open(w, '[');
		n = k == FACET_STATUS ? CS__MAX - 1 : c->ts.tax.n[k];
		for (i = 0; i < n; i++) {
			value = k == FACET_STATUS ? i + 1 : i;
			jw_open(w, '{');
			jw_key(w, "slug");
			jw_str(w, k == FACET_STATUS ? cstatus_slug[value] :
			    c->ts.tax.items[k][i].slug);
			jw_key(w, "name");
			jw_str(w, k == FACET_STATUS ? cstatus_name[value] :
			    c->ts.tax.items[k][i].name_uk);
			jw_key(w, "count");
			jw_int(w, res->count[k][value]);
			jw_close(w, '}');
		}
		jw_close(w, ']');
	}
	jw_close(w, '}');
}

/*
 * The listing: written straight to the body (lib/api_json.c), as the HTML
 * listing renders straight from the index; no tree of JSON objects.
 */
static int
h_list(struct request *r, struct response *resp)
{
	struct listing_ctx	*c = r->ctx;
	struct listing_query	 q;
	struct listing_result	 res;
	struct jw		 w;
	char			*body;
	const char		*fq, *key = NULL;
	size_t			 per_page, page, i, len;
	int			 status;

	per_page = r->params[LP_PER_PAGE].n > 0 ?
	    (size_t)r->params[LP_PER_PAGE].v[0].i : PER_PAGE_DEFAULT;
	/* Kept like the HTML listing (listing_page_get()): the canonical
	 * filters, the page and its size name the whole body. */
	if ((fq = listing_filters_query(r, LP__MAX, 0)) != NULL)
		key = arena_printf(r->arena, "J%s#%lld#%zu", fq,
		    r->params[LP_PAGE].n > 0 ? r->params[LP_PAGE].v[0].i : 1,
		    per_page);
	if ((body = listing_page_get(r, key, &len)) != NULL)
		return send_tagged(r, resp, HTTP_OK, body, len,
		    "public, max-age=60", list_etag(r, key));
	if ((status = listing_query_build(r, &q, per_page)) != 0)
		return status == HTTP_BAD_REQUEST ? fail(r, resp, status, "to",
		    "Параметр «to»: дата «до» має бути не раніше за дату "
		    "«від».") : status;
	if (listing_search(&c->listing, &q, r->arena, &res) == -1)
		return HTTP_INTERNAL_ERROR;
	page = q.offset / per_page + 1;
	if (page > 1 && q.offset >= res.total)
		return fail(r, resp, HTTP_NOT_FOUND, "page", "Такої сторінки "
		    "немає: результатів менше.");
	jw_init(&w, 16384 + res.n * 1536);
	jw_open(&w, '{');
	jw_key(&w, "items");
	jw_open(&w, '[');
	for (i = 0; i < res.n; i++)
		row_write(r, &w, res.rows[i], q.now);
	jw_close(&w, ']');
	jw_key(&w, "total");
	jw_int(&w, (long long)res.total);
	jw_key(&w, "page");
	jw_int(&w, (long long)page);
	jw_key(&w, "per_page");
	jw_int(&w, (long long)per_page);
	jw_key(&w, "facets");
	facets_write(r, &w, &res);
	jw_close(&w, '}');
	if ((body = jw_finish(&w, &len)) == NULL)
		return HTTP_INTERNAL_ERROR;
	listing_page_keep(r, key, body, len, q.now);
	return send_tagged(r, resp, HTTP_OK, body, len, "public, max-age=60",
	    list_etag(r, key));
}

/* ---- one consultation ------------------------------------------------ */

static json_t *
terms_json(struct request *r, uint32_t id, int kind)
{
	struct named	*t;
	size_t		 n, i;
	json_t		*a;

	if (db_consultation_terms(r->db, r->arena, id, kind, &t, &n) == -1)
		return NULL;
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, jnamed(t[i].slug, t[i].name));
	return a;
}

static json_t *
documents_json(struct request *r, uint32_t id)
{
	struct document	*d;
	size_t		 n, i;
	json_t		*a;

	if (db_document_list(r->db, r->arena, id, &d, &n) == -1)
		return NULL;
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:o}",
		    "title", d[i].title,
		    "url", *d[i].url != '\0' ? d[i].url : arena_printf(
		    r->arena, "%s/uploads/%s", cfg.base_url, d[i].file_hash),
		    "mime_type", d[i].mime_type,
		    "size", d[i].size > 0 ? json_integer(d[i].size) :
		    json_null()));
	return a;
}

static json_t *
answer_json(const struct comment *c)
{
	if (c->decision == NULL)
		return json_null();
	return json_pack("{s:s, s:o, s:o}", "decision", c->decision,
	    "reason", jtext(c->reason), "answered_at", jtime(c->answered));
}

static json_t *
report_json(struct request *r, uint32_t id, const struct report *rep)
{
	struct comment	*p;
	long long	 participants;
	const char	*html;
	size_t		 n, i;
	json_t		*a;

	if (db_comment_participants(r->db, r->arena, id, &participants) == -1 ||
	    db_proposal_list(r->db, r->arena, id, &p, &n) == -1 ||
	    (html = md_render(r->arena, rep->summary, strlen(rep->summary))) ==
	    NULL)
		return NULL;
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:o, s:s, s:o}",
		    "id", (json_int_t)p[i].id, "author_name", p[i].author_name,
		    "organisation", jtext(p[i].organisation), "text", p[i].body,
		    "answer", answer_json(&p[i])));
	return json_pack("{s:o, s:s, s:s, s:I, s:o}",
	    "published_at", jtime(rep->published), "summary", rep->summary,
	    "summary_html", html, "participants", (json_int_t)participants,
	    "proposals", a);
}

static json_t *
contact_json(const struct consultation *c)
{
	if (*c->contact_name == '\0')
		return json_null();
	return json_pack("{s:s, s:o, s:o}", "name", c->contact_name,
	    "email", jtext(c->contact_email), "phone", jtext(c->contact_phone));
}

static int
h_detail(struct request *r, struct response *resp)
{
	uint32_t		 id = (uint32_t)r->params[0].v[0].i;
	struct consultation	 c;
	struct report		 rep;
	const char		*html;
	json_t			*o, *th, *di, *gr, *docs, *report = NULL;
	time_t			 end, now = time(NULL);
	int			 rc, has_report;

	memset(&c, 0, sizeof(c));
	memset(&rep, 0, sizeof(rep));
	if ((rc = db_consultation_get(r->db, r->arena, id, &c)) != 1)
		return rc == 0 ? HTTP_NOT_FOUND : HTTP_SERVICE_UNAVAILABLE;
	if ((has_report = db_report_get(r->db, r->arena, id, &rep)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((html = md_render(r->arena, c.body, strlen(c.body))) == NULL)
		return HTTP_INTERNAL_ERROR;
	th = terms_json(r, id, TAX_THEME);
	di = terms_json(r, id, TAX_DISTRICT);
	gr = terms_json(r, id, TAX_GROUP);
	docs = documents_json(r, id);
	if (has_report == 1)
		report = report_json(r, id, &rep);
	if (th == NULL || di == NULL || gr == NULL || docs == NULL ||
	    (has_report == 1 && report == NULL)) {
		json_decref(th);
		json_decref(di);
		json_decref(gr);
		json_decref(docs);
		json_decref(report);
		return HTTP_SERVICE_UNAVAILABLE;
	}
	end = lifecycle_end(c.closes, c.closed_at);
	o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
	    "id", (json_int_t)c.id, "slug", c.slug, "title", c.title,
	    "summary", c.summary, "body", c.body, "body_html", html,
	    "url", arena_printf(r->arena, "%s%s", cfg.base_url,
	    view_href(r->arena, c.id, c.slug)),
	    "status", cstatus_slug[lifecycle_status(cstatus_parse(c.status),
	    c.opens, c.closes, c.closed_at, now)],
	    "moderation", strcmp(c.moderation, "pre") == 0 ? "pre" : "post");
	if (o == NULL)
		return HTTP_INTERNAL_ERROR;
	json_object_set_new(o, "published_at", jtime(c.published));
	json_object_set_new(o, "opens_at", jtime(c.opens));
	json_object_set_new(o, "closes_at", jtime(end));
	json_object_set_new(o, "closed_early_at", jtime(c.closed_at));
	json_object_set_new(o, "close_reason", jtext(c.close_reason));
	json_object_set_new(o, "completed_at", jtime(c.completed));
	json_object_set_new(o, "cancelled_at", jtime(c.cancelled));
	json_object_set_new(o, "cancel_reason", jtext(c.cancel_reason));
	json_object_set_new(o, "report_due_at", jtime(end +
	    (time_t)REPORT_DUE_DAYS * 86400));
	json_object_set_new(o, "updated_at", jtime(c.updated));
	json_object_set_new(o, "event", c.event_at != 0 ? json_pack(
	    "{s:o, s:o}", "at", jtime(c.event_at), "place",
	    jtext(c.event_place)) : json_null());
	json_object_set_new(o, "unit", jnamed(c.unit_slug, c.unit_name));
	json_object_set_new(o, "format", json_pack("{s:s, s:s, s:s}", "slug",
	    c.format_slug, "name", c.format_name, "mode", c.format_mode));
	json_object_set_new(o, "themes", th);
	json_object_set_new(o, "districts", di);
	json_object_set_new(o, "groups", gr);
	json_object_set_new(o, "announcement", json_pack("{s:o, s:o, s:o, "
	    "s:o, s:o, s:o}", "question", jtext(c.question), "alternatives",
	    jtext(c.alternatives), "stakeholders", jtext(c.stakeholders),
	    "consequences", jtext(c.consequences), "how_to_participate",
	    jtext(c.how_to_participate), "results_publication",
	    jtext(c.results_publication)));
	json_object_set_new(o, "contact", contact_json(&c));
	json_object_set_new(o, "counts", json_pack("{s:I, s:I}", "comments",
	    (json_int_t)(c.comments - c.proposals), "proposals",
	    (json_int_t)c.proposals));
	json_object_set_new(o, "documents", docs);
	json_object_set_new(o, "report", report != NULL ? report :
	    json_null());
	json_object_set_new(o, "archive", c.archived != 0 ? json_pack(
	    "{s:o, s:o}", "imported_at", jtime(c.archived), "ref",
	    jtext(c.archive_ref)) : json_null());
	return send_json(r, resp, HTTP_OK, o, "public, max-age=60");
}

/* ---- comments --------------------------------------------------------- */

static int
comments_list(struct request *r, struct response *resp)
{
	uint32_t		 id = (uint32_t)r->params[C_REF].v[0].i;
	struct consultation	 c;
	struct comment		*cm;
	size_t			 page, per_page, n, i;
	json_t			*items;
	int			 rc;

	memset(&c, 0, sizeof(c));
	if ((rc = db_consultation_get(r->db, r->arena, id, &c)) != 1)
		return rc == 0 ? HTTP_NOT_FOUND : HTTP_SERVICE_UNAVAILABLE;
	page = r->params[C_PAGE].n > 0 ? (size_t)r->params[C_PAGE].v[0].i : 1;
	per_page = r->params[C_PER_PAGE].n > 0 ?
	    (size_t)r->params[C_PER_PAGE].v[0].i : COMMENTS_DEFAULT;
	if (page > 1 && (long long)((page - 1) * per_page) >= c.comments)
		return fail(r, resp, HTTP_NOT_FOUND, "page", "Такої сторінки "
		    "немає: коментарів менше.");
	if (db_comment_page(r->db, r->arena, id, (page - 1) * per_page,
	    per_page, &cm, &n) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	items = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:o, s:s, s:s, "
		    "s:o, s:s, s:o, s:o}",
		    "id", (json_int_t)cm[i].id,
		    "parent_id", cm[i].parent_id != 0 ?
		    json_integer(cm[i].parent_id) : json_null(),
		    "kind", cm[i].kind, "author_name", cm[i].author_name,
		    "organisation", jtext(cm[i].organisation),
		    "text", cm[i].body, "created_at", jtime(cm[i].created),
		    "answer", answer_json(&cm[i])));
	return send_json(r, resp, HTTP_OK, json_pack("{s:o, s:I, s:I, s:I}",
	    "items", items, "total", (json_int_t)c.comments, "page",
	    (json_int_t)page, "per_page", (json_int_t)per_page),
	    "public, max-age=30");
}

/*
 * RateLimit-* (draft-ietf-httpapi-ratelimit-headers-07) of a write with
 * the limits lm a minute and lh an hour (0: none): the window with the
 * fewest left.  used counts this one when it was stored.
 */
static void
ratelimit_headers(struct request *r, struct response *resp, long long lm,
    long long lh, long long minute, long long hour)
{
	long long	 rm = lm - minute, rh = lh - hour, limit, left;
	int		 w;

	if (lm <= 0 && lh <= 0)
		return;
	if (lm > 0 && (lh <= 0 || rm <= rh)) {
		limit = lm;
		left = rm;
		w = 60;
	} else {
		limit = lh;
		left = rh;
		w = 3600;
	}
	http_header_add(resp, "RateLimit-Limit", arena_printf(r->arena, "%lld",
	    limit));
	http_header_add(resp, "RateLimit-Remaining", arena_printf(r->arena,
	    "%lld", left > 0 ? left : 0));
	http_header_add(resp, "RateLimit-Reset", arena_printf(r->arena, "%d",
	    w));
	http_header_add(resp, "RateLimit-Policy", lm > 0 && lh > 0 ?
	    arena_printf(r->arena, "%lld;w=60, %lld;w=3600", lm, lh) :
	    arena_printf(r->arena, "%lld;w=%d", limit, w));
}

/* 201 (published) or 202 (awaiting moderation) with the receipt. */
static int
receipt_send(struct request *r, struct response *resp, uint32_t cid,
    uint32_t sid)
{
	struct receipt	 rc;
	char		 hash[SHA256_HEX_LEN + 1], mac[RECEIPT_MAC_LEN + 1];
	const char	*url;
	int		 got, published;

	if ((got = db_receipt_get(r->db, r->arena, sid, &rc)) != 1)
		return got == 0 ? HTTP_INTERNAL_ERROR :
		    HTTP_SERVICE_UNAVAILABLE;
	receipt_mac(mac, sid);
	url = arena_printf(r->arena, "%s/consultations/%u/receipt/%u-%s",
	    cfg.base_url, cid, sid, mac);
	sha256_hex(hash, rc.body, strlen(rc.body));
	published = strcmp(rc.status, "published") == 0;
	http_header_add(resp, "Location", url);
	/* A spam row's receipt looks like any awaiting moderation. */
	return send_json(r, resp, published ? HTTP_CREATED : HTTP_ACCEPTED,
	    json_pack("{s:{s:I, s:I, s:s, s:s, s:o, s:s, s:s}}", "receipt",
	    "number", (json_int_t)sid, "consultation_id", (json_int_t)cid,
	    "kind", rc.kind, "status", published ? "published" : "pending",
	    "created_at", jtime(rc.created), "sha256", hash, "url", url),
	    "no-store");
}

static int
idempotency_ok(const char *k)
{
	size_t	 i;

	for (i = 0; k[i] != '\0'; i++)
		if (i >= IDEMPOTENCY_KEY_MAX || k[i] < 0x21 || k[i] > 0x7e)
			return 0;
	return i > 0;
}

static int
comments_post(struct request *r, struct response *resp)
{
	uint32_t		 id = (uint32_t)r->params[C_REF].v[0].i, sid;
	struct consultation	 c;
	struct api_comment	 in;
	struct submission	 s;
	const char		*field, *msg, *tok, *ik = r->idempotency_key;
	long long		 minute = 0, hour = 0;
	int			 rc;

	if (ik != NULL && !idempotency_ok(ik))
		return fail(r, resp, HTTP_BAD_REQUEST, "Idempotency-Key",
		    "Заголовок Idempotency-Key: від 1 до 200 видимих символів "
		    "ASCII.");
	if ((rc = api_comment_decode(r->arena, r->body, r->body_len, &in,
	    &field, &msg)) != 0)
		return fail(r, resp, rc, field, msg);
	memset(&c, 0, sizeof(c));
	if ((rc = db_consultation_get(r->db, r->arena, id, &c)) != 1)
		return rc == 0 ? HTTP_NOT_FOUND : HTTP_SERVICE_UNAVAILABLE;
	if (lifecycle_status(cstatus_parse(c.status), c.opens, c.closes,
	    c.closed_at, time(NULL)) != CS_OPEN)
		return fail(r, resp, HTTP_CONFLICT, NULL, "Ця консультація "
		    "зараз не приймає коментарів і пропозицій.");
	memset(&s, 0, sizeof(s));
	s.consultation_id = id;
	s.kind = in.kind;
	s.name = in.name;
	s.name_len = in.name_len;
	s.email = in.email;
	s.email_len = in.email_len;
	s.organisation = in.organisation;
	s.org_len = in.org_len;
	s.body = in.text;
	s.body_len = in.text_len;
	s.notify_author = in.notify;
	/* As the form, with no honeypot: an API client fills what it means. */
	s.status = submit_status(c.moderation, s.body, s.body_len, 0);
	addr_hash(s.client_hash, r->remote_addr);
	/* The form's token is the API's consultation and idempotency key. */
	tok = arena_printf(r->arena, "api:%u:%s", id, ik != NULL ? ik : "");
	submit_key(s.key, tok, strlen(tok), s.email, s.email_len, s.body,
	    s.body_len);
	switch (submit_store(r->db, r->arena, &s, &sid, &minute, &hour)) {
	case SUBMIT_DOWN:
		return HTTP_SERVICE_UNAVAILABLE;
	case SUBMIT_LIMITED:
		ratelimit_headers(r, resp, cfg.submit_per_minute,
		    cfg.submit_per_hour, minute, hour);
		http_header_add(resp, "Retry-After", submit_retry_after(minute));
		return fail(r, resp, HTTP_TOO_MANY_REQUESTS, NULL,
		    arena_printf(r->arena, "З вашої адреси надійшло забагато "
		    "коментарів за короткий час (можна %d на хвилину і %d на "
		    "годину).", cfg.submit_per_minute, cfg.submit_per_hour));
	case SUBMIT_RETRY:
		/* Not counted again: the address's standing as it is. */
		if (db_submission_rate(r->db, r->arena, s.client_hash, &minute,
		    &hour) == 0)
			ratelimit_headers(r, resp, cfg.submit_per_minute,
			    cfg.submit_per_hour, minute, hour);
		return receipt_send(r, resp, id, sid);
	case SUBMIT_STORED:
		break;
	}
	ratelimit_headers(r, resp, cfg.submit_per_minute, cfg.submit_per_hour,
	    minute + 1, hour + 1);
	return receipt_send(r, resp, id, sid);
}

static int
h_comments(struct request *r, struct response *resp)
{
	return r->method == METHOD_POST ? comments_post(r, resp) :
	    comments_list(r, resp);
}

/* ---- subscriptions ---------------------------------------------------- */

/*
 * The /subscribe form's double opt-in (lib/subscription.c): 202 whether
 * the address is new, pending or already subscribed, and the confirmation
 * message queued for the notify worker.
 */
static int
h_subscribe(struct request *r, struct response *resp)
{
	struct listing_ctx	*c = r->ctx;
	struct api_subscription	 in;
	struct sub_filters	 f;
	unsigned char		 hash[32];
	const char		*field, *msg;
	long long		 minute, hour;
	size_t			 k, i;
	int			 rc, pos;

	if ((rc = api_subscription_decode(r->arena, r->body, r->body_len, &in,
	    &field, &msg)) != 0)
		return fail(r, resp, rc, field, msg);
	memset(&f, 0, sizeof(f));
	for (k = 0; k < TAX__MAX; k++)
		for (i = 0; i < in.nslugs[k]; i++) {
			if ((pos = taxonomy_find(&c->ts.tax, (enum tax_kind)k,
			    in.slugs[k][i], strlen(in.slugs[k][i]))) < 0)
				return fail(r, resp, HTTP_UNPROCESSABLE,
				    arena_printf(r->arena, "filters.%s",
				    api_filter_names[k]), "Невідоме значення "
				    "фільтра: значення дивіться в GET "
				    "/api/v1/taxonomy.");
			f.id[k][f.n[k]++] = c->ts.tax.items[k][pos].id;
		}
	addr_hash(hash, r->remote_addr);
	switch (subscription_limit(r->db, r->arena, hash, &minute, &hour)) {
	case SUB_LIMIT_OK:
		break;
	case SUB_LIMIT_OVER:
		ratelimit_headers(r, resp, cfg.subscribe_per_minute,
		    cfg.subscribe_per_hour, minute, hour);
		http_header_add(resp, "Retry-After",
		    subscription_retry_after(minute));
		return fail(r, resp, HTTP_TOO_MANY_REQUESTS, NULL,
		    arena_printf(r->arena, "З вашої адреси надійшло забагато "
		    "запитів на підписку за короткий час (можна %d на хвилину "
		    "і %d на годину).", cfg.subscribe_per_minute,
		    cfg.subscribe_per_hour));
	default:
		return HTTP_SERVICE_UNAVAILABLE;
	}
	if (subscription_request(r->db, r->arena, hash, in.email, &f,
	    in.frequency) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	ratelimit_headers(r, resp, cfg.subscribe_per_minute,
	    cfg.subscribe_per_hour, minute + 1, hour + 1);
	return send_json(r, resp, HTTP_ACCEPTED, json_pack("{s:s}", "message",
	    "Перевірте пошту: якщо адресу вказано правильно, на неї надійде "
	    "лист із посиланням для підтвердження підписки (дійсне 48 "
	    "годин). Без підтвердження листів не буде."), "no-store");
}

/* ---- the rest ---------------------------------------------------------- */

static int
h_taxonomy(struct request *r, struct response *resp)
{
	struct listing_ctx	*c = r->ctx;
	static const char *const names[TAX__MAX] = {
		"themes", "districts", "formats", "groups", "units"
	};
	json_t			*root = json_object(), *a;
	size_t			 k, i;

	for (k = 0; k < TAX__MAX; k++) {
		a = json_array();
		for (i = 0; i < c->ts.tax.n[k]; i++)
			json_array_append_new(a, json_pack("{s:s, s:s, s:s}",
			    "slug", c->ts.tax.items[k][i].slug,
			    "name", c->ts.tax.items[k][i].name_uk,
			    "name_en", c->ts.tax.items[k][i].name_en));
		json_object_set_new(root, names[k], a);
	}
	a = json_array();
	for (i = CS_ANNOUNCED; i < CS__MAX; i++)
		json_array_append_new(a, jnamed(cstatus_slug[i],
		    cstatus_name[i]));
	json_object_set_new(root, "statuses", a);
	return send_json(r, resp, HTTP_OK, root, "public, max-age=3600");
}

/* ---- the agenda and the indicators ------------------------------------ */

/* The /agenda page's parameters and filtering (lib/agenda_plan.c). */
static int
h_agenda(struct request *r, struct response *resp)
{
	struct listing_ctx	*c = r->ctx;
	const struct param	*p = r->params;
	struct agenda_item	*it = NULL;
	struct agenda_link	*th = NULL, *di = NULL;
	size_t			 n = 0, nth = 0, ndi = 0, shown = 0;
	size_t			 inq[4];
	long long		 pending;
	time_t			 published = 0, now = time(NULL);
	struct tm		 tm;
	int			 year;

	localtime_r(&now, &tm);
	year = p[AP_YEAR].n > 0 ? (int)p[AP_YEAR].v[0].i : tm.tm_year + 1900;
	if (db_agenda_plan_get(r->db, r->arena, year, &published) == -1 ||
	    db_agenda_pending(r->db, r->arena, year, &pending) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (published != 0) {
		if (db_agenda_list(r->db, r->arena, year, 1, 0, &it, &n) ==
		    -1 || db_agenda_links(r->db, r->arena, AGT_THEME, year, 0,
		    &th, &nth) == -1 || db_agenda_links(r->db, r->arena,
		    AGT_DISTRICT, year, 0, &di, &ndi) == -1)
			return HTTP_SERVICE_UNAVAILABLE;
		shown = agenda_filter(p, &c->ts.tax, it, n, th, nth, di, ndi,
		    inq);
	}
	return send_json(r, resp, HTTP_OK, api_agenda_json(r->arena, year,
	    published, pending, it, n, shown, th, nth, di, ndi),
	    "public, max-age=60");
}

/* The /stats page's period and scope (lib/stats.c). */
static int
h_stats(struct request *r, struct response *resp)
{
	struct listing_ctx	*c = r->ctx;
	const struct param	*p = r->params;
	struct stats_period	 st;
	json_t			*root;
	int			 status;

	stats_period_set(&st, r, &c->ts.tax, p[0].n > 0 ? (int)p[0].v[0].i :
	    0, p[1].n > 0 ? (int)p[1].v[0].i : 0, p[2].n > 0 ?
	    (int)p[2].v[0].i : -1, 1);
	if ((status = stats_compute(&st)) != 0)
		return status;
	if ((root = api_stats_json(&st)) == NULL)
		return HTTP_SERVICE_UNAVAILABLE;
	return send_json(r, resp, HTTP_OK, root, "public, max-age=300");
}

static int
h_openapi(struct request *r, struct response *resp)
{
	if ((resp->body = malloc(spec_len)) == NULL)
		return HTTP_INTERNAL_ERROR;
	memcpy(resp->body, spec, spec_len);
	resp->len = spec_len;
	resp->status = HTTP_OK;
	resp->content_type = "application/json";
	resp->cache_control = "public, max-age=3600";
	cors_read(resp);
	(void)http_conditional(r, resp, spec_etag, 0);
	return 0;
}

static int
h_docs(struct request *r, struct response *resp)
{
	struct page	 pg;
	struct tpl_dict	*d;

	if ((d = page_begin(&pg, "api.tpl", "API для розробників",
	    NULL)) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "BASE", cfg.base_url);
	resp->cache_control = "public, max-age=3600";
	(void)r;
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

/* The worker's state: the listing's, after reading the description. */
static void *
api_ctx_new(void)
{
	char		 hex[SHA256_HEX_LEN + 1], p[1024];
	FILE		*f;
	json_t		*j;
	json_error_t	 err;

	if (spec == NULL) {
		snprintf(p, sizeof(p), "%s/openapi.json", cfg.templates);
		if ((f = fopen(p, "rb")) == NULL ||
		    (spec = malloc(SPEC_MAX)) == NULL) {
			log_error("cannot read %s", p);
			if (f != NULL)
				fclose(f);
			return NULL;
		}
		spec_len = fread(spec, 1, SPEC_MAX, f);
		fclose(f);
		if (spec_len == 0 || spec_len == SPEC_MAX ||
		    (j = json_loadb(spec, spec_len, 0, &err)) == NULL) {
			log_error("%s: not JSON, or larger than 1 MB", p);
			free(spec);
			spec = NULL;
			return NULL;
		}
		json_decref(j);
		sha256_hex(hex, spec, spec_len);
		snprintf(spec_etag, sizeof(spec_etag), "\"%.32s\"", hex);
	}
	return listing_ctx_new();
}

static void
api_ctx_free(void *p)
{
	listing_ctx_free(p);
	free(spec);
	spec = NULL;
}

#define GET	METHOD_BIT(METHOD_GET)
#define POST	METHOD_BIT(METHOD_POST)
#define OPT	METHOD_BIT(METHOD_OPTIONS)

static const struct route routes[] = {
	{ GET | OPT, "/api/v1/consultations", h_list, list_rules,
	    LP__MAX + 1, 0 },
	{ GET | OPT, "/api/v1/consultations/{ref}", h_detail, ref_rules, 1,
	    0 },
	{ GET | POST | OPT, "/api/v1/consultations/{ref}/comments",
	    h_comments, comments_rules, C__MAX, ROUTE_JSON },
	{ GET | OPT, "/api/v1/taxonomy", h_taxonomy, NULL, 0, 0 },
	{ POST | OPT, "/api/v1/subscriptions", h_subscribe, NULL, 0,
	    ROUTE_JSON },
	{ GET | OPT, "/api/v1/agenda", h_agenda, agenda_params, AP__MAX, 0 },
	{ GET | OPT, "/api/v1/stats", h_stats, stats_rules, 3, 0 },
	{ GET | OPT, "/api/v1/openapi.json", h_openapi, NULL, 0,
	    ROUTE_NO_DB },
	{ GET, "/api", h_docs, NULL, 0, ROUTE_NO_DB },
};

static const struct program program = {
	"api", routes, sizeof(routes) / sizeof(routes[0]),
	api_ctx_new, api_ctx_free, listing_ctx_prepare
};

int
main(int argc, char *argv[])
{
	static const struct param_rule per_page = {
		"per_page", PARAM_INT, 0, 1, PER_PAGE_MAX, NULL, NULL, NULL
	};

	memcpy(list_rules, listing_params, sizeof(listing_params));
	list_rules[LP_PER_PAGE] = per_page;
	/* The JSON body is checked by the form's rules (api_comment.c). */
	if (valid_compile(comment_rules, CF__MAX) == -1 ||
	    api_reads_init() == -1)
		return 1;
	runner_guard_set(api_guard);
	runner_error_set(api_error);
	return runner_main(argc, argv, &program);
}
