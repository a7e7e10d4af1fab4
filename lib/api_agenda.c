/*
 * The plan of consultation topics as JSON (api_agenda.h).
 */
#include <string.h>

#include "api_agenda.h"
#include "config.h"
#include "lifecycle.h"
#include "view.h"

static json_t *
jtime(time_t t)
{
	char	 buf[40];

	return t != 0 ? json_string(fmt_iso(buf, sizeof(buf), t)) :
	    json_null();
}

static json_t *
jtext(const char *s)
{
	return s != NULL && *s != '\0' ? json_string(s) : json_null();
}

static json_t *
links(const struct agenda_link *l, size_t nl, uint32_t item)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < nl; i++)
		if (l[i].item == item)
			json_array_append_new(a, json_pack("{s:s, s:s}",
			    "slug", l[i].slug, "name", l[i].name));
	return a;
}

/* What the page shows of a topic (cgi-bin/agenda.c, item_fill()). */
static json_t *
item(struct arena *a, const struct agenda_item *it,
    const struct agenda_link *th, size_t nth, const struct agenda_link *di,
    size_t ndi)
{
	json_t	*o;
	int	 linked = it->consultation_id != 0 &&
	    (strcmp(it->status, "scheduled") == 0 ||
	    strcmp(it->status, "held") == 0);

	o = json_pack("{s:I, s:i, s:i, s:s, s:o, s:s, s:{s:s, s:s}}",
	    "id", (json_int_t)it->id, "year", it->year,
	    "quarter", it->quarter, "topic", it->topic,
	    "description", jtext(it->description), "status", it->status,
	    "unit", "slug", it->unit_slug, "name", it->unit_name);
	if (o == NULL)
		return NULL;
	json_object_set_new(o, "format", *it->format_slug != '\0' ?
	    json_pack("{s:s, s:s}", "slug", it->format_slug, "name",
	    it->format_name) : json_null());
	json_object_set_new(o, "themes", links(th, nth, it->id));
	json_object_set_new(o, "districts", links(di, ndi, it->id));
	json_object_set_new(o, "consultation", linked ? json_pack(
	    "{s:I, s:s, s:s}", "id", (json_int_t)it->consultation_id,
	    "title", it->consultation_title, "url", arena_printf(a, "%s%s",
	    cfg.base_url, view_href(a, it->consultation_id,
	    it->consultation_slug))) : json_null());
	json_object_set_new(o, "decline_reason",
	    strcmp(it->status, "declined") == 0 ? jtext(it->reason) :
	    json_null());
	json_object_set_new(o, "proposer", *it->proposer_name != '\0' ?
	    json_pack("{s:s, s:o, s:o}", "name", it->proposer_name,
	    "organisation", jtext(it->proposer_org), "proposed_at",
	    jtime(it->created)) : json_null());
	return o;
}

json_t *
api_agenda_json(struct arena *a, int year, time_t published,
    long long pending, const struct agenda_item *it, size_t n, size_t shown,
    const struct agenda_link *th, size_t nth, const struct agenda_link *di,
    size_t ndi)
{
	json_t	*items = json_array();
	size_t	 i;

	for (i = 0; published != 0 && i < n; i++)
		if (it[i].id != 0)
			json_array_append_new(items, item(a, &it[i], th, nth,
			    di, ndi));
	return json_pack("{s:i, s:o, s:I, s:I, s:o}", "year", year,
	    "published_at", jtime(published), "pending_proposals",
	    (json_int_t)pending, "total", (json_int_t)(published != 0 ?
	    shown : 0), "items", items);
}
