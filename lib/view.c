#include <stdio.h>
#include <string.h>

#include "view.h"

const char *
view_href(struct arena *a, unsigned id, const char *slug)
{
	return arena_printf(a, "/consultations/%u-%s", id, slug);
}

const char *
view_count(struct arena *a, long long n, const char *one, const char *few,
    const char *many)
{
	char	 num[48];

	return arena_printf(a, "%s %s", fmt_count(num, sizeof(num), n),
	    plural_uk(n, one, few, many));
}

void
view_date(struct tpl_dict *d, const char *prefix, time_t t)
{
	char	 key[64], buf[64];

	snprintf(key, sizeof(key), "%s_ISO", prefix);
	tpl_set(d, key, fmt_iso(buf, sizeof(buf), t));
	snprintf(key, sizeof(key), "%s_TEXT", prefix);
	tpl_set(d, key, fmt_date_uk(buf, sizeof(buf), t));
}

static int
blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

void
view_paras(struct tpl_dict *d, const char *section, const char *text)
{
	struct tpl_dict	*sec = NULL, *p;
	const char	*s = text, *line, *nl, *start = NULL, *end = NULL;
	size_t		 n;

	/* Walk line by line; a blank line (or the end) closes a paragraph. */
	for (line = s; ; line = nl + 1) {
		nl = strchr(line, '\n');
		n = nl != NULL ? (size_t)(nl - line) : strlen(line);
		if (!blank(line, n)) {
			if (start == NULL)
				start = line;
			end = line + n;
		} else if (start != NULL) {
			if (sec == NULL && (sec = tpl_add(d, section)) == NULL)
				return;
			while (start < end && (*start == ' ' ||
			    *start == '\t'))
				start++;
			while (end > start && (end[-1] == ' ' ||
			    end[-1] == '\t' || end[-1] == '\r'))
				end--;
			if ((p = tpl_add(sec, "PARA")) != NULL)
				tpl_setn(p, "PARA_TEXT", start,
				    (size_t)(end - start));
			start = NULL;
		}
		if (nl == NULL)
			break;
	}
	if (start != NULL) {
		if (sec == NULL && (sec = tpl_add(d, section)) == NULL)
			return;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t' ||
		    end[-1] == '\r'))
			end--;
		if ((p = tpl_add(sec, "PARA")) != NULL)
			tpl_setn(p, "PARA_TEXT", start, (size_t)(end - start));
	}
}

/* What the card's date means, by status. */
static const char *
date_label(enum cstatus st)
{
	switch (st) {
	case CS_ANNOUNCED:
		return "розпочнеться";
	case CS_OPEN:
		return "прийом пропозицій до";
	case CS_CLOSED:
		return "прийом завершено";
	case CS_COMPLETED:
		return "звіт оприлюднено";
	default:
		return "скасовано";
	}
}

void
view_card(struct tpl_dict *parent, struct arena *a, const struct listing *l,
    const struct listing_row *r, time_t now)
{
	const struct taxonomy	*t = l->tax;
	struct tpl_dict		*d, *s, *w;
	enum cstatus		 st = listing_row_status(r, now);
	time_t			 end = lifecycle_end(r->closes, r->closed_at);
	time_t			 when;
	size_t			 i;

	if ((d = tpl_include(parent, "CARD", "card.tpl")) == NULL)
		return;
	tpl_set_int(d, "ID", r->id);
	tpl_set(d, "HREF", view_href(a, r->id, r->slug));
	tpl_set(d, "TITLE", r->title);
	tpl_set(d, "STATUS_SLUG", cstatus_slug[st]);
	tpl_set(d, "STATUS_LABEL", cstatus_name[st]);
	tpl_set(d, "DATE_LABEL", date_label(st));
	when = st == CS_ANNOUNCED ? r->opens :
	    (st == CS_COMPLETED || st == CS_CANCELLED) && r->completed != 0 ?
	    r->completed : end;
	view_date(d, "DATE", when);
	if (st == CS_CLOSED && !r->has_report &&
	    lifecycle_report_late_days(end, now) > 0)
		tpl_show(d, "LATE_REPORT");
	if (r->archived)
		tpl_show(d, "ARCHIVED");
	if (*r->summary != '\0' && (s = tpl_add(d, "SUMMARY")) != NULL)
		tpl_set(s, "SUMMARY_TEXT", r->summary);
	if (r->unit >= 0)
		tpl_set(d, "UNIT_NAME", t->items[TAX_UNIT][r->unit].name_uk);
	if (r->format >= 0)
		tpl_set(d, "FORMAT_NAME",
		    t->items[TAX_FORMAT][r->format].name_uk);
	if (r->nlinks[0] > 0 && (w = tpl_add(d, "THEMES")) != NULL)
		for (i = 0; i < r->nlinks[0]; i++)
			if ((s = tpl_add(w, "THEME")) != NULL)
				tpl_set(s, "THEME_NAME", t->items[TAX_THEME]
				    [r->links[0][i]].name_uk);
	if (r->nlinks[1] > 0 && (w = tpl_add(d, "DISTRICTS")) != NULL)
		for (i = 0; i < r->nlinks[1]; i++)
			if ((s = tpl_add(w, "DISTRICT")) != NULL)
				tpl_set(s, "DISTRICT_NAME", t->items
				    [TAX_DISTRICT][r->links[1][i]].name_uk);
	if (r->comments > 0 && (s = tpl_add(d, "COMMENTS")) != NULL)
		tpl_set(s, "COMMENTS_TEXT", view_count(a, r->comments,
		    "коментар чи пропозиція", "коментарі та пропозиції",
		    "коментарів і пропозицій"));
}

static const char *
page_href(struct arena *a, const char *base, size_t p, const char *frag)
{
	const char	*sep = strchr(base, '?') != NULL ? "&" : "?";

	if (p == 1)
		return arena_printf(a, "%s%s", base, frag);
	return arena_printf(a, "%s%spage=%zu%s", base, sep, p, frag);
}

void
view_pager(struct tpl_dict *parent, struct arena *a, const char *base,
    size_t page, size_t pages, const char *fragment)
{
	struct tpl_dict	*pg, *item;
	const char	*frag = fragment != NULL ? fragment : "";
	size_t		 p, lo, hi;

	if (pages <= 1 ||
	    (pg = tpl_include(parent, "PAGER", "pager.tpl")) == NULL)
		return;
	if (page > 1 && (item = tpl_add(pg, "PREV")) != NULL)
		tpl_set(item, "PREV_HREF", page_href(a, base, page - 1, frag));
	if (page < pages && (item = tpl_add(pg, "NEXT")) != NULL)
		tpl_set(item, "NEXT_HREF", page_href(a, base, page + 1, frag));
	/* Page 1, the last, and two either side of the current one. */
	lo = page > 3 ? page - 2 : 1;
	hi = page + 2 < pages ? page + 2 : pages;
	for (p = 1; p <= pages; p++) {
		if (p != 1 && p != pages && (p < lo || p > hi)) {
			if ((p == lo - 1 || p == hi + 1) &&
			    (item = tpl_add(pg, "PAGE")) != NULL)
				tpl_show(item, "PAGE_GAP");
			continue;
		}
		if ((item = tpl_add(pg, "PAGE")) == NULL)
			continue;
		tpl_set_int(item, "PAGE_NUMBER", (long long)p);
		tpl_set(item, "PAGE_HREF", page_href(a, base, p, frag));
		tpl_show(item, p == page ? "PAGE_CURRENT" : "PAGE_LINK");
	}
}
