/*
 * detail: one consultation, /consultations/{id} or /consultations/{id}-{slug}
 * (a wrong slug redirects to the right one), with its documents, published
 * comments and proposals 50 a page, the official answers, and the results
 * report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "comment_form.h"
#include "config.h"
#include "db.h"
#include "lifecycle.h"
#include "md.h"
#include "model.h"
#include "page.h"
#include "pagecache.h"
#include "runner.h"
#include "view.h"

/*
 * The longest a rendered page is kept (pagecache.h): what no version
 * covers, the age of the form's token and the names of reference data.
 */
#define DETAIL_CACHE_MAX_AGE	30

/* Worker state: the rendered pages. */
struct detail_ctx {
	struct pagecache	 cache;
};


enum dparam {
	P_REF,
	P_PAGE,
	P__MAX
};

static const struct param_rule detail_params[P__MAX] = {
	{ "ref", PARAM_CUSTOM, PARAM_PATH | PARAM_REQUIRED, 0, 0, NULL, NULL,
	    valid_consultation_ref },
	{ "page", PARAM_INT, 0, 1, 100000, NULL, NULL, NULL },
};

static const char *
decision_name(const char *d)
{
	if (strcmp(d, "accepted") == 0)
		return "Враховано";
	if (strcmp(d, "partially-accepted") == 0)
		return "Враховано частково";
	if (strcmp(d, "rejected") == 0)
		return "Не враховано";
	return "Не стосується предмета консультації";
}

static const char *
doc_type(const char *mime)
{
	if (strcmp(mime, "application/pdf") == 0)
		return "PDF";
	if (strstr(mime, "wordprocessingml") != NULL)
		return "DOCX";
	if (strstr(mime, "opendocument.text") != NULL)
		return "ODT";
	if (strstr(mime, "spreadsheetml") != NULL)
		return "XLSX";
	if (strncmp(mime, "image/", 6) == 0)
		return "Зображення";
	return "Файл";
}

static const char *
doc_size(struct arena *a, long long n)
{
	if (n <= 0)
		return "";
	if (n < 1024 * 1024)
		return arena_printf(a, "%lld КБ", (n + 1023) / 1024);
	return arena_printf(a, "%lld,%lld МБ", n / (1024 * 1024),
	    n % (1024 * 1024) * 10 / (1024 * 1024));
}

/* THEMES > THEME (THEME_NAME, THEME_HREF) and the like. */
static int
fill_terms(struct request *r, struct tpl_dict *d, const struct named *t,
    size_t n, const char *wrapper, const char *item, const char *param)
{
	struct tpl_dict	*w = NULL, *s;
	char		 key[32];
	size_t		 i;

	for (i = 0; i < n; i++) {
		if ((w == NULL && (w = tpl_add(d, wrapper)) == NULL) ||
		    (s = tpl_add(w, item)) == NULL)
			return -1;
		snprintf(key, sizeof(key), "%s_NAME", item);
		tpl_set(s, key, t[i].name);
		snprintf(key, sizeof(key), "%s_HREF", item);
		tpl_set(s, key, arena_printf(r->arena, "/consultations?%s=%s",
		    param, t[i].slug));
	}
	return 0;
}

static int
fill_facts(struct request *r, struct tpl_dict *d, const struct consultation *c)
{
	char		 buf[64], iso[40];
	struct tpl_dict	*s, *o;
	struct named	*t[TAX__MAX];
	size_t		 n[TAX__MAX];
	const char	*contact;

	tpl_set(d, "UNIT_NAME", c->unit_name);
	tpl_set(d, "UNIT_HREF", arena_printf(r->arena, "/consultations?unit=%s",
	    c->unit_slug));
	tpl_set(d, "FORMAT_NAME", c->format_name);
	tpl_set(d, "FORMAT_HREF", arena_printf(r->arena,
	    "/consultations?format=%s", c->format_slug));
	/* The three vocabularies in one round trip. */
	if (db_consultation_terms_all(r->db, r->arena, c->id, t, n) == -1 ||
	    fill_terms(r, d, t[TAX_THEME], n[TAX_THEME], "THEMES", "THEME",
	    "theme") == -1 ||
	    fill_terms(r, d, t[TAX_DISTRICT], n[TAX_DISTRICT], "DISTRICTS",
	    "DISTRICT", "district") == -1 ||
	    fill_terms(r, d, t[TAX_GROUP], n[TAX_GROUP], "GROUPS", "GROUP",
	    "group") == -1)
		return -1;
	if (c->event_at != 0 && (s = tpl_add(d, "EVENT")) != NULL) {
		tpl_set(s, "EVENT_TEXT", fmt_datetime_uk(buf, sizeof(buf),
		    c->event_at));
		tpl_set(s, "EVENT_ISO", fmt_iso(iso, sizeof(iso), c->event_at));
		tpl_set(s, "EVENT_PLACE", c->event_place);
	}
	tpl_show(d, strcmp(c->moderation, "pre") == 0 ? "MODERATION_PRE" :
	    "MODERATION_POST");
	if (*c->contact_name != '\0' && (o = tpl_add(d, "OFFICER")) != NULL) {
		tpl_set(o, "OFFICER_NAME", c->contact_name);
		contact = *c->contact_phone != '\0' ?
		    arena_printf(r->arena, "%s, %s", c->contact_phone,
		    c->contact_email) : c->contact_email;
		if (*contact != '\0' &&
		    (s = tpl_add(o, "OFFICER_CONTACT")) != NULL)
			tpl_set(s, "OFFICER_CONTACT_TEXT", contact);
	}
	return 0;
}

static void
fill_texts(struct request *r, struct tpl_dict *d, const struct consultation *c,
    const char *body_html)
{
	struct tpl_dict	*s;

	if (*body_html != '\0' && (s = tpl_add(d, "BODY")) != NULL)
		tpl_set(s, "BODY_HTML", body_html);
	if ((*c->question != '\0' || *c->alternatives != '\0' ||
	    *c->stakeholders != '\0' || *c->consequences != '\0' ||
	    *c->results_publication != '\0') &&
	    (s = tpl_add(d, "ANNOUNCEMENT")) != NULL) {
		view_paras(s, "QUESTION", c->question);
		view_paras(s, "ALTERNATIVES", c->alternatives);
		view_paras(s, "STAKEHOLDERS", c->stakeholders);
		view_paras(s, "CONSEQUENCES", c->consequences);
		view_paras(s, "RESULTS_PUBLICATION", c->results_publication);
	}
	view_paras(d, "HOW_TO_PARTICIPATE", c->how_to_participate);
	if (*c->summary != '\0' && (s = tpl_add(d, "SUMMARY")) != NULL)
		tpl_set(s, "SUMMARY_TEXT", c->summary);
	(void)r;
}

static int
fill_documents(struct request *r, struct tpl_dict *d, uint32_t id)
{
	struct document	*docs;
	struct tpl_dict	*w = NULL, *s, *z;
	const char	*size;
	size_t		 n, i;

	if (db_document_list(r->db, r->arena, id, &docs, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if ((w == NULL && (w = tpl_add(d, "DOCUMENTS")) == NULL) ||
		    (s = tpl_add(w, "DOCUMENT")) == NULL)
			return -1;
		tpl_set(s, "DOC_TITLE", docs[i].title);
		tpl_set(s, "DOC_HREF", *docs[i].url != '\0' ? docs[i].url :
		    arena_printf(r->arena, "/uploads/%s/%s", docs[i].file_hash,
		    docs[i].file_name));
		tpl_set(s, "DOC_TYPE", doc_type(docs[i].mime_type));
		size = doc_size(r->arena, docs[i].size);
		if (*size != '\0' && (z = tpl_add(s, "DOC_SIZE")) != NULL)
			tpl_set(z, "DOC_SIZE_TEXT", size);
	}
	return 0;
}

/* The report and its table of every proposal with its decision. */
static int
fill_report(struct request *r, struct tpl_dict *d, uint32_t id,
    const struct comment_counts *cc, const struct report *rep)
{
	struct comment	*p;
	struct tpl_dict	*s, *t = NULL, *row;
	const char	*html;
	char		 num[32];
	long long	 participants;
	size_t		 n, i;

	if (db_comment_participants(r->db, r->arena, id, &participants) == -1 ||
	    (s = tpl_add(d, "REPORT")) == NULL ||
	    (html = md_render(r->arena, rep->summary, strlen(rep->summary))) ==
	    NULL)
		return -1;
	tpl_set(s, "REPORT_HTML", html);
	tpl_set(s, "REPORT_PARTICIPANTS", fmt_count(num, sizeof(num),
	    participants));
	tpl_set(s, "REPORT_PROPOSALS", fmt_count(num, sizeof(num),
	    cc->proposals));
	if (db_proposal_list(r->db, r->arena, id, &p, &n) == -1)
		return -1;
	if (n == 0)
		tpl_show(s, "REPORT_NO_PROPOSALS");
	for (i = 0; i < n; i++) {
		if ((t == NULL && (t = tpl_add(s, "REPORT_TABLE")) == NULL) ||
		    (row = tpl_add(t, "ROW")) == NULL)
			return -1;
		tpl_set_int(row, "ROW_NUMBER", (long long)i + 1);
		tpl_set(row, "ROW_AUTHOR", *p[i].organisation != '\0' ?
		    arena_printf(r->arena, "%s (%s)", p[i].author_name,
		    p[i].organisation) : p[i].author_name);
		view_paras(row, "ROW_TEXT", p[i].body);
		tpl_set(row, "ROW_RESULT_SLUG", p[i].decision != NULL ?
		    p[i].decision : "pending");
		tpl_set(row, "ROW_RESULT_LABEL", p[i].decision != NULL ?
		    decision_name(p[i].decision) : "Відповідь готується");
		if (p[i].reason != NULL)
			view_paras(row, "ROW_REASON", p[i].reason);
	}
	return 0;
}

static void
fill_answer(struct tpl_dict *s, const struct comment *c)
{
	struct tpl_dict	*a;
	char		 buf[64], iso[40];

	if (strcmp(c->kind, "proposal") != 0)
		return;
	if (c->decision == NULL) {
		tpl_show(s, "ANSWER_PENDING");
		return;
	}
	if ((a = tpl_add(s, "ANSWER")) == NULL)
		return;
	tpl_set(a, "DECISION_SLUG", c->decision);
	tpl_set(a, "DECISION_LABEL", decision_name(c->decision));
	tpl_set(a, "ANSWER_DATE_TEXT", fmt_date_uk(buf, sizeof(buf),
	    c->answered));
	tpl_set(a, "ANSWER_DATE_ISO", fmt_iso(iso, sizeof(iso), c->answered));
	if (c->reason != NULL)
		view_paras(a, "ANSWER_REASON", c->reason);
}

static int
fill_comments(struct request *r, struct tpl_dict *d, uint32_t id,
    const char *href, size_t page, size_t pages, long long total)
{
	struct comment	*c;
	struct tpl_dict	*w = NULL, *s, *o;
	char		 buf[64], iso[40];
	size_t		 n, i;

	if (db_comment_page(r->db, r->arena, id, (page - 1) *
	    COMMENTS_PER_PAGE, COMMENTS_PER_PAGE, &c, &n) == -1)
		return -1;
	tpl_set(d, "COMMENTS_TOTAL", fmt_count(buf, sizeof(buf), total));
	if (n == 0)
		tpl_show(d, "NO_COMMENTS");
	for (i = 0; i < n; i++) {
		if (w == NULL) {
			if ((w = tpl_add(d, "COMMENT_LIST")) == NULL)
				return -1;
			tpl_set_int(w, "COMMENTS_START", (long long)((page - 1) *
			    COMMENTS_PER_PAGE + 1));
		}
		if ((s = tpl_add(w, "COMMENT")) == NULL)
			return -1;
		tpl_set_int(s, "COMMENT_ID", c[i].id);
		tpl_set(s, "COMMENT_KIND_SLUG", c[i].kind);
		tpl_set(s, "COMMENT_KIND_LABEL", strcmp(c[i].kind,
		    "proposal") == 0 ? "Пропозиція" : "Коментар");
		tpl_set(s, "AUTHOR_NAME", c[i].author_name);
		if (*c[i].organisation != '\0' &&
		    (o = tpl_add(s, "ORGANISATION")) != NULL)
			tpl_set(o, "ORGANISATION_NAME", c[i].organisation);
		tpl_set(s, "COMMENT_DATE_TEXT", fmt_datetime_uk(buf,
		    sizeof(buf), c[i].created));
		tpl_set(s, "COMMENT_DATE_ISO", fmt_iso(iso, sizeof(iso),
		    c[i].created));
		view_paras(s, "COMMENT_TEXT", c[i].body);
		fill_answer(s, &c[i]);
	}
	view_pager(d, r->arena, href, page, pages, "#comments");
	return 0;
}

/* Exactly one NEXT_* section: what happens next, by status and dates. */
static void
fill_next(struct request *r, struct tpl_dict *d, const struct consultation *c,
    enum cstatus st, const struct report *rep, int has_report, time_t now)
{
	struct tpl_dict	*s, *x;
	time_t		 end = lifecycle_end(c->closes, c->closed_at);
	time_t		 due = end + (time_t)REPORT_DUE_DAYS * 86400;
	long long	 left;
	int		 late;

	view_date(d, "REPORT_DUE", due);
	if (has_report)
		view_date(d, "REPORT_PUBLISHED", rep->published);
	switch (st) {
	case CS_ANNOUNCED:
		tpl_show(d, "NEXT_ANNOUNCED");
		break;
	case CS_OPEN:
		if ((s = tpl_add(d, "NEXT_OPEN")) == NULL)
			break;
		left = (long long)((end - now + 86399) / 86400);
		if ((x = tpl_add(s, "DAYS_LEFT")) != NULL)
			tpl_set(x, "DAYS_LEFT_TEXT", view_count(r->arena, left,
			    "день", "дні", "днів"));
		break;
	case CS_CLOSED:
		late = has_report ? 0 : lifecycle_report_late_days(end, now);
		if (late == 0) {
			tpl_show(d, "NEXT_CLOSED");
			break;
		}
		if ((s = tpl_add(d, "NEXT_OVERDUE")) == NULL)
			break;
		tpl_set_int(s, "LATE_DAYS", late);
		tpl_set(s, "LATE_DAYS_TEXT", view_count(r->arena, late, "день",
		    "дні", "днів"));
		break;
	case CS_COMPLETED:
		if ((s = tpl_add(d, "NEXT_COMPLETED")) == NULL)
			break;
		late = has_report ? lifecycle_report_late_days(end,
		    rep->published) : 0;
		if (late > 0) {
			tpl_show(s, "PUBLISHED_LATE");
			tpl_set(s, "LATE_DAYS_TEXT", view_count(r->arena, late,
			    "день", "дні", "днів"));
		}
		break;
	default:
		if ((s = tpl_add(d, "NEXT_CANCELLED")) == NULL)
			break;
		view_date(d, "CANCELLED", c->cancelled);
		if (*c->cancel_reason != '\0' &&
		    (x = tpl_add(s, "CANCEL_REASON")) != NULL)
			tpl_set(x, "CANCEL_REASON_TEXT", c->cancel_reason);
		break;
	}
}

/*
 * An archived consultation (sql/migrations/105) says so above its texts:
 * its dates and report come from papers, not from this platform.  Written
 * by the INSERT that makes the row, so page_version already covers it.
 */
static void
fill_archive(struct tpl_dict *d, const struct consultation *c)
{
	struct tpl_dict	*s, *x;

	if (c->archived == 0 || (s = tpl_add(d, "ARCHIVE")) == NULL)
		return;
	view_date(s, "ARCHIVED", c->archived);
	if (*c->archive_ref != '\0' && (x = tpl_add(s, "ARCHIVE_REF")) != NULL)
		tpl_set(x, "ARCHIVE_REF_TEXT", c->archive_ref);
}

static void *
ctx_new(void)
{
	return calloc(1, sizeof(struct detail_ctx));
}

static void
ctx_free(void *p)
{
	struct detail_ctx	*c = p;

	if (c == NULL)
		return;
	pagecache_free(&c->cache);
	free(c);
}

/*
 * What the page shows that changes with the clock alone (fill_next): the
 * status by dates, the days left to comment, the days a report is late.
 */
static unsigned long long
clock_sig(enum cstatus st, time_t end, time_t now)
{
	long long	 left = 0, late = 0;

	if (st == CS_OPEN)
		left = (long long)((end - now + 86399) / 86400);
	else if (st == CS_CLOSED)
		late = lifecycle_report_late_days(end, now);
	return (unsigned long long)st << 48 |
	    ((unsigned long long)left & 0xffffff) << 24 |
	    ((unsigned long long)late & 0xffffff);
}

/* Renders the page into resp: 0 or an HTTP status. */
static int
render(struct request *r, struct response *resp, uint32_t id, size_t page,
    const char *href, time_t now)
{
	struct consultation	 c;
	struct comment_counts	 cc;
	struct report		 rep;
	struct page		 pg;
	struct tpl_dict		*d, *s;
	const char		*html;
	size_t			 pages;
	enum cstatus		 st;
	int			 rc, has_report;

	memset(&c, 0, sizeof(c));
	memset(&rep, 0, sizeof(rep));
	if ((rc = db_consultation_get(r->db, r->arena, id, &c)) != 1)
		return rc == 0 ? HTTP_NOT_FOUND : HTTP_SERVICE_UNAVAILABLE;
	/* Kept by the writes (sql/migrations/010): no scan of comments. */
	cc.proposals = c.proposals;
	cc.comments = c.comments - c.proposals;
	if ((has_report = db_report_get(r->db, r->arena, c.id, &rep)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	pages = (size_t)((cc.comments + cc.proposals + COMMENTS_PER_PAGE - 1) /
	    COMMENTS_PER_PAGE);
	if (page > 1 && page > pages)
		return HTTP_NOT_FOUND;
	if ((html = md_render(r->arena, c.body, strlen(c.body))) == NULL)
		return HTTP_INTERNAL_ERROR;
	if ((d = page_begin(&pg, "detail.tpl", c.title,
	    "NAV_CONSULTATIONS")) == NULL)
		return HTTP_INTERNAL_ERROR;
	if ((s = tpl_add(pg.layout, "CANONICAL")) != NULL)
		tpl_set(s, "CANONICAL_HREF", href);
	st = lifecycle_status(cstatus_parse(c.status), c.opens, c.closes,
	    c.closed_at, now);
	tpl_set(d, "TITLE", c.title);
	tpl_set(d, "STATUS_SLUG", cstatus_slug[st]);
	tpl_set(d, "STATUS_LABEL", cstatus_name[st]);
	view_date(d, "OPENS", c.opens);
	view_date(d, "CLOSES", lifecycle_end(c.closes, c.closed_at));
	fill_next(r, d, &c, st, &rep, has_report == 1, now);
	fill_archive(d, &c);
	fill_texts(r, d, &c, html);
	/* The token in the form is the same for every visitor of a cached
	 * copy: it proves the form came from here, not who sent it. */
	if (st == CS_OPEN && ((s = tpl_add(d, "FORM_SECTION")) == NULL ||
	    comment_form_fill(s, r->arena, c.id, c.unit_name, NULL, NULL, 0,
	    now) == -1)) {
		page_abort(&pg);
		return HTTP_INTERNAL_ERROR;
	}
	if (fill_facts(r, d, &c) == -1 || fill_documents(r, d, c.id) == -1 ||
	    (has_report == 1 && fill_report(r, d, c.id, &cc, &rep) == -1) ||
	    fill_comments(r, d, c.id, href, page, pages, cc.comments +
	    cc.proposals) == -1) {
		page_abort(&pg);
		return HTTP_SERVICE_UNAVAILABLE;
	}
	return page_finish(&pg, resp) == 0 ? 0 : HTTP_INTERNAL_ERROR;
}

/*
 * The page comes from the worker's cache when the consultation's
 * page_version (bumped by every write the page shows, read here on every
 * request), the page number and the clock signature are those it was
 * rendered with; otherwise it is rendered and kept.  The version is read
 * before the page's data, so a kept page is never older than its version.
 */
static int
h_detail(struct request *r, struct response *resp)
{
	const struct param_val		*ref = &r->params[P_REF].v[0];
	struct detail_ctx		*ctx = r->ctx;
	struct consultation_stamp	 stamp;
	const struct pagecache_entry	*e;
	const char			*slug, *href;
	unsigned long long		 sig;
	size_t				 page;
	enum cstatus			 st;
	time_t				 now = time(NULL), max_age;
	uint32_t			 id = (uint32_t)ref->i;
	int				 rc;

	if ((rc = db_consultation_stamp(r->db, r->arena, id, &stamp)) != 1)
		return rc == 0 ? HTTP_NOT_FOUND : HTTP_SERVICE_UNAVAILABLE;
	href = view_href(r->arena, id, stamp.slug);
	slug = memchr(ref->s, '-', ref->len);
	if (slug != NULL && strcmp(slug + 1, stamp.slug) != 0) {
		if (r->params[P_PAGE].n > 0)
			href = arena_printf(r->arena, "%s?page=%lld", href,
			    r->params[P_PAGE].v[0].i);
		resp->cache_control = "public, max-age=3600";
		return http_redirect(resp, HTTP_MOVED_PERMANENTLY, href) == 0 ?
		    0 : HTTP_INTERNAL_ERROR;
	}
	page = r->params[P_PAGE].n > 0 ? (size_t)r->params[P_PAGE].v[0].i : 1;
	st = lifecycle_status(cstatus_parse(stamp.status), stamp.opens,
	    stamp.closes, stamp.closed_at, now);
	sig = clock_sig(st, lifecycle_end(stamp.closes, stamp.closed_at), now);
	resp->cache_control = "public, max-age=0, must-revalidate";
	pagecache_generation(&ctx->cache, db_generation(r->db));
	if ((e = pagecache_get(&ctx->cache, id, (uint32_t)page, stamp.version,
	    sig, now)) != NULL) {
		if ((resp->body = pagecache_copy(e, &resp->len)) == NULL)
			return HTTP_INTERNAL_ERROR;
		resp->status = HTTP_OK;
		return 0;
	}
	if ((rc = render(r, resp, id, page, href, now)) != 0)
		return rc;
	/* A form's token must stay young enough to be accepted. */
	max_age = DETAIL_CACHE_MAX_AGE;
	if (st == CS_OPEN && cfg.form_token_ttl / 10 < max_age)
		max_age = cfg.form_token_ttl / 10;
	if (resp->status == HTTP_OK && max_age > 0)
		pagecache_put(&ctx->cache, id, (uint32_t)page, stamp.version,
		    sig, now + max_age, resp->body, resp->len);
	return 0;
}

#define GET	METHOD_BIT(METHOD_GET)

static const struct route routes[] = {
	{ GET, "/consultations/{ref}", h_detail, detail_params, P__MAX, 0 },
};

static const struct program program = {
	"detail", routes, sizeof(routes) / sizeof(routes[0]), ctx_new, ctx_free,
	NULL
};

int
main(int argc, char *argv[])
{
	return runner_main(argc, argv, &program);
}
