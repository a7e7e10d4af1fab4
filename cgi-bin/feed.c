/*
 * feed: the listing's filters as an Atom feed (/feed.atom, RFC 4287) and as
 * a calendar (/calendar.ics, RFC 5545): one saved filter, every channel.
 * Both take exactly the listing's parameters (lib/listing_query.c), answer
 * from the same in-memory index as the listing, carry ETag and
 * Last-Modified, and answer 304 to a matching conditional request, so
 * feed readers and calendar apps that poll every few minutes cost a hash.
 *
 * Links are absolute (HROMADA_BASE_URL): a feed is read away from the site.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "http.h"
#include "ics.h"
#include "lifecycle.h"
#include "listing.h"
#include "listing_query.h"
#include "model.h"
#include "runner.h"
#include "secret.h"
#include "tpl.h"
#include "view.h"

#define FEED_ENTRIES	50		/* newest first */
#define CAL_EVENTS	2000		/* at most, deadlines and meetings */
#define CAL_PAST	(60 * 86400L)	/* how far back a calendar reaches */
#define MEETING_LENGTH	"PT2H"		/* only the start is recorded */

/* The last time a row changed in a way a reader sees. */
static time_t
row_updated(const struct listing_row *r, time_t now)
{
	time_t	 t = r->published, end = lifecycle_end(r->closes, r->closed_at);

	if (r->opens <= now && r->opens > t)
		t = r->opens;
	if (end <= now && end > t)
		t = end;
	if (r->completed != 0 && r->completed <= now && r->completed > t)
		t = r->completed;
	return t;
}

static const char *
status_text(struct arena *a, const struct listing_row *r, time_t now)
{
	enum cstatus	 st = listing_row_status(r, now);
	time_t		 end = lifecycle_end(r->closes, r->closed_at);
	char		 b1[64], b2[64];

	switch (st) {
	case CS_ANNOUNCED:
		return arena_printf(a, "Оголошено. Пропозиції приймають з %s "
		    "до %s.", fmt_datetime_uk(b1, sizeof(b1), r->opens),
		    fmt_datetime_uk(b2, sizeof(b2), end));
	case CS_OPEN:
		return arena_printf(a, "Триває. Пропозиції приймають до %s.",
		    fmt_datetime_uk(b1, sizeof(b1), end));
	case CS_CLOSED:
		return arena_printf(a, "Прийом пропозицій завершено %s; звіт "
		    "готується.", fmt_datetime_uk(b1, sizeof(b1), end));
	case CS_COMPLETED:
		return "Завершено: звіт про результати оприлюднено.";
	case CS_CANCELLED:
		return "Скасовано.";
	default:
		return "";
	}
}

/* A quoted strong ETag from the bytes of a response. */
static const char *
body_etag(struct arena *a, const char *body, size_t len)
{
	char	 hex[65];

	sha256_hex(hex, body, len);
	return arena_printf(a, "\"%.32s\"", hex);
}

/* The listing's URL (or another path's) with the current filters. */
static const char *
with_filters(struct request *r, const char *path)
{
	const char	*q = listing_filters_query(r, LP__MAX, 0);

	if (q == NULL)
		return NULL;
	return arena_printf(r->arena, "%s%s%s%s", cfg.base_url, path,
	    *q != '\0' ? "?" : "", q);
}

static int
finish(struct request *r, struct response *resp, const char *type,
    char *body, size_t len, time_t lastmod)
{
	resp->status = HTTP_OK;
	resp->content_type = type;
	/* Readers poll; a copy may be kept a little, then revalidated. */
	resp->cache_control = "public, max-age=300";
	resp->body = body;
	resp->len = len;
	(void)http_conditional(r, resp, body_etag(r->arena, body, len),
	    lastmod);
	return 0;
}

static int
h_atom(struct request *r, struct response *resp)
{
	struct listing_ctx		*c = r->ctx;
	const struct taxonomy		*t = &c->ts.tax;
	struct listing_query		 q;
	struct listing_result		 res;
	const struct listing_row	*row;
	struct tpl_dict			*d, *e, *cat;
	const char			*self;
	char				 buf[40], *body;
	size_t				 i, k, len;
	time_t				 up, newest = 0;
	int				 status;
	static const int		 kinds[3] = {
		TAX_THEME, TAX_DISTRICT, TAX_GROUP
	};

	if ((status = listing_query_build(r, &q, FEED_ENTRIES)) != 0)
		return status;
	/* A feed is the newest first, whatever the listing's sort. */
	q.sort = SORT_NEW;
	q.offset = 0;
	if (listing_search(&c->listing, &q, r->arena, &res) == -1 ||
	    (d = tpl_dict_new("atom")) == NULL)
		return HTTP_INTERNAL_ERROR;
	self = with_filters(r, "/feed.atom");
	tpl_set(d, "FEED_ID", self);
	tpl_set(d, "SELF_HREF", self);
	tpl_set(d, "LISTING_HREF", with_filters(r, "/consultations"));
	tpl_set(d, "SITE_HREF", arena_printf(r->arena, "%s/", cfg.base_url));
	tpl_set(d, "FEED_TITLE", "Консультації з громадськістю — Київ");
	for (i = 0; i < res.n; i++) {
		row = res.rows[i];
		if ((e = tpl_add(d, "ENTRY")) == NULL)
			break;
		up = row_updated(row, q.now);
		if (up > newest)
			newest = up;
		tpl_set(e, "ENTRY_ID", arena_printf(r->arena,
		    "%s/consultations/%u", cfg.base_url, row->id));
		tpl_set(e, "ENTRY_HREF", arena_printf(r->arena, "%s%s",
		    cfg.base_url, view_href(r->arena, row->id, row->slug)));
		tpl_set(e, "ENTRY_TITLE", row->title);
		tpl_set(e, "ENTRY_PUBLISHED", arena_strdup(r->arena,
		    fmt_iso(buf, sizeof(buf), row->published)));
		tpl_set(e, "ENTRY_UPDATED", arena_strdup(r->arena,
		    fmt_iso(buf, sizeof(buf), up)));
		tpl_set(e, "ENTRY_UNIT", row->unit >= 0 ?
		    t->items[TAX_UNIT][row->unit].name_uk : "КМДА");
		tpl_set(e, "ENTRY_SUMMARY", row->summary);
		tpl_set(e, "ENTRY_STATUS", status_text(r->arena, row, q.now));
		for (k = 0; k < 3; k++)
			for (len = 0; len < row->nlinks[k]; len++) {
				if ((cat = tpl_add(e, "CATEGORY")) == NULL)
					continue;
				tpl_set(cat, "CATEGORY_TERM", t->items[kinds[k]]
				    [row->links[k][len]].slug);
				tpl_set(cat, "CATEGORY_LABEL", t->items
				    [kinds[k]][row->links[k][len]].name_uk);
				tpl_set(cat, "CATEGORY_SCHEME", arena_printf(
				    r->arena, "%s/consultations?%s=",
				    cfg.base_url, tax_param[kinds[k]]));
			}
	}
	/* An empty feed is as old as the index it was read from. */
	if (newest == 0)
		newest = c->listing.loaded;
	tpl_set(d, "FEED_UPDATED", arena_strdup(r->arena, fmt_iso(buf,
	    sizeof(buf), newest)));
	status = tpl_render("feed_atom.tpl", d, &body, &len);
	tpl_dict_free(d);
	if (status == -1)
		return HTTP_INTERNAL_ERROR;
	return finish(r, resp, "application/atom+xml; charset=utf-8", body,
	    len, newest);
}

/* "Europe/Kyiv" with the rules in force since 1996 (EU transition days). */
static void
cal_timezone(struct ics *c)
{
	ics_raw(c, "BEGIN", "VTIMEZONE");
	ics_raw(c, "TZID", "Europe/Kyiv");
	ics_raw(c, "BEGIN", "DAYLIGHT");
	ics_raw(c, "TZOFFSETFROM", "+0200");
	ics_raw(c, "TZOFFSETTO", "+0300");
	ics_raw(c, "TZNAME", "EEST");
	ics_raw(c, "DTSTART", "19700329T030000");
	ics_raw(c, "RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
	ics_raw(c, "END", "DAYLIGHT");
	ics_raw(c, "BEGIN", "STANDARD");
	ics_raw(c, "TZOFFSETFROM", "+0300");
	ics_raw(c, "TZOFFSETTO", "+0200");
	ics_raw(c, "TZNAME", "EET");
	ics_raw(c, "DTSTART", "19701025T040000");
	ics_raw(c, "RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
	ics_raw(c, "END", "STANDARD");
	ics_raw(c, "END", "VTIMEZONE");
}

/* YYYYMMDD, or YYYYMMDDTHHMMSS, of t in city time. */
static const char *
local_stamp(struct arena *a, time_t t, int with_time)
{
	struct tm	 tm;

	localtime_r(&t, &tm);
	if (!with_time)
		return arena_printf(a, "%04d%02d%02d", tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday);
	return arena_printf(a, "%04d%02d%02dT%02d%02d%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static const char *
place_of(const struct event_place *p, size_t n, uint32_t id)
{
	size_t	 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (p[mid].id == id)
			return p[mid].place;
		if (p[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The host part of the base URL, for UIDs ("…@kyivcity.gov.ua"). */
static const char *
uid_host(struct arena *a)
{
	const char	*h = strstr(cfg.base_url, "://") + 3;

	return arena_strndup(a, h, strcspn(h, ":/"));
}

static void
cal_event(struct request *r, struct ics *c, const char *host,
    const struct listing_row *row, const char *kind, const char *summary,
    time_t stamp, time_t now)
{
	const char	*url = arena_printf(r->arena, "%s%s", cfg.base_url,
	    view_href(r->arena, row->id, row->slug));

	ics_raw(c, "BEGIN", "VEVENT");
	ics_raw(c, "UID", arena_printf(r->arena, "consultation-%u-%s@%s",
	    row->id, kind, host));
	ics_utc(c, "DTSTAMP", stamp);
	ics_text(c, "SUMMARY", summary);
	ics_text(c, "DESCRIPTION", arena_printf(r->arena, "%s\n\n%s\n%s",
	    row->summary, status_text(r->arena, row, now), url));
	ics_raw(c, "URL", url);
	if (listing_row_status(row, now) == CS_CANCELLED)
		ics_raw(c, "STATUS", "CANCELLED");
	else
		ics_raw(c, "STATUS", "CONFIRMED");
}

static int
h_calendar(struct request *r, struct response *resp)
{
	struct listing_ctx		*c = r->ctx;
	struct listing_query		 q;
	struct listing_result		 res;
	const struct listing_row	*row;
	struct event_place		*places;
	struct ics			 cal;
	const char			*place, *host = uid_host(r->arena);
	char				*body;
	size_t				 i, nplaces, len, events = 0;
	time_t				 end, stamp, newest = 0, since;
	int				 status;

	if ((status = listing_query_build(r, &q, CAL_EVENTS)) != 0)
		return status;
	q.sort = SORT_CLOSING;
	q.offset = 0;
	since = q.now - CAL_PAST;
	if (listing_search(&c->listing, &q, r->arena, &res) == -1)
		return HTTP_INTERNAL_ERROR;
	if (db_event_places(r->db, r->arena, since, &places, &nplaces) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	ics_init(&cal);
	ics_raw(&cal, "BEGIN", "VCALENDAR");
	ics_raw(&cal, "VERSION", "2.0");
	ics_raw(&cal, "PRODID", "-//Kyiv City State Administration//Hromada//UK");
	ics_raw(&cal, "CALSCALE", "GREGORIAN");
	ics_raw(&cal, "METHOD", "PUBLISH");
	ics_text(&cal, "X-WR-CALNAME", "Консультації з громадськістю — Київ");
	ics_raw(&cal, "X-WR-TIMEZONE", "Europe/Kyiv");
	cal_timezone(&cal);
	for (i = 0; i < res.n && events < CAL_EVENTS; i++) {
		row = res.rows[i];
		stamp = row_updated(row, q.now);
		end = lifecycle_end(row->closes, row->closed_at);
		if (end >= since) {
			if (stamp > newest)
				newest = stamp;
			/* The last day proposals are taken, in city time: a
			 * deadline at midnight belongs to the day before. */
			cal_event(r, &cal, host, row, "deadline", arena_printf(
			    r->arena, "Останній день пропозицій: %s",
			    row->title), stamp, q.now);
			ics_raw(&cal, "DTSTART;VALUE=DATE",
			    local_stamp(r->arena, end - 1, 0));
			ics_raw(&cal, "DTEND;VALUE=DATE",
			    local_stamp(r->arena, end - 1 + 86400, 0));
			ics_raw(&cal, "TRANSP", "TRANSPARENT");
			ics_raw(&cal, "END", "VEVENT");
			events++;
		}
		if (row->event_at != 0 && row->event_at >= since &&
		    (place = place_of(places, nplaces, row->id)) != NULL) {
			if (stamp > newest)
				newest = stamp;
			cal_event(r, &cal, host, row, "meeting", arena_printf(
			    r->arena, "Громадське обговорення: %s",
			    row->title), stamp, q.now);
			ics_raw(&cal, "DTSTART;TZID=Europe/Kyiv",
			    local_stamp(r->arena, row->event_at, 1));
			ics_raw(&cal, "DURATION", MEETING_LENGTH);
			if (*place != '\0')
				ics_text(&cal, "LOCATION", place);
			ics_raw(&cal, "END", "VEVENT");
			events++;
		}
	}
	ics_raw(&cal, "END", "VCALENDAR");
	if (ics_finish(&cal, &body, &len) == -1)
		return HTTP_INTERNAL_ERROR;
	if (newest == 0)
		newest = c->listing.loaded;
	http_header_add(resp, "Content-Disposition",
	    "inline; filename=\"kyiv-consultations.ics\"");
	return finish(r, resp, "text/calendar; charset=utf-8", body, len,
	    newest);
}

#define GET	METHOD_BIT(METHOD_GET)

static const struct route routes[] = {
	{ GET, "/feed.atom", h_atom, listing_params, LP__MAX, 0 },
	{ GET, "/calendar.ics", h_calendar, listing_params, LP__MAX, 0 },
};

static const struct program program = {
	"feed", routes, sizeof(routes) / sizeof(routes[0]),
	listing_ctx_new, listing_ctx_free, listing_ctx_prepare
};

int
main(int argc, char *argv[])
{
	return runner_main(argc, argv, &program);
}
