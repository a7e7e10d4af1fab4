/*
 * The public plan's filters (agenda_plan.h), moved here from
 * cgi-bin/agenda.c so that the page and the API filter alike.
 */
#include <string.h>

#include "agenda_plan.h"

const char *const agenda_quarters[] = { "1", "2", "3", "4", NULL };

const char *const agenda_statuses[] = {
	"planned", "scheduled", "held", "declined", NULL
};

const struct param_rule agenda_params[AP__MAX] = {
	{ "year", PARAM_INT, 0, 2000, 2100, NULL, NULL, NULL },
	{ "quarter", PARAM_ENUM, PARAM_MULTI, 0, 0, NULL, agenda_quarters,
	    NULL },
	{ "unit", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL, tax_check_unit },
	{ "theme", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL,
	    tax_check_theme },
	{ "district", PARAM_CUSTOM, PARAM_MULTI, 0, 0, NULL, NULL,
	    tax_check_district },
	{ "status", PARAM_ENUM, PARAM_MULTI, 0, 0, NULL, agenda_statuses,
	    NULL },
};

int
agenda_param_wants(const struct param *p, long long v)
{
	size_t	 i;

	if (p->n == 0)
		return 1;
	for (i = 0; i < p->n; i++)
		if (p->v[i].i == v)
			return 1;
	return 0;
}

/* Whether a topic has one of the wanted themes or districts. */
static int
linked(const struct param *p, const struct taxonomy *t, enum tax_kind k,
    const struct agenda_link *l, size_t nl, uint32_t item)
{
	size_t	 i;

	if (p->n == 0)
		return 1;
	for (i = 0; i < nl; i++)
		if (l[i].item == item && agenda_param_wants(p,
		    taxonomy_pos(t, k, l[i].id)))
			return 1;
	return 0;
}

static int
status_index(const char *s)
{
	int	 i;

	for (i = 0; agenda_statuses[i] != NULL; i++)
		if (strcmp(s, agenda_statuses[i]) == 0)
			return i;
	return -1;
}

size_t
agenda_filter(const struct param *p, const struct taxonomy *t,
    struct agenda_item *it, size_t n, const struct agenda_link *th,
    size_t nth, const struct agenda_link *di, size_t ndi, size_t inq[4])
{
	size_t	 i, shown = 0;

	memset(inq, 0, 4 * sizeof(inq[0]));
	for (i = 0; i < n; i++) {
		if (it[i].quarter < 1 || it[i].quarter > 4 ||
		    !agenda_param_wants(&p[AP_QUARTER], it[i].quarter - 1) ||
		    !agenda_param_wants(&p[AP_STATUS],
		    status_index(it[i].status)) ||
		    !agenda_param_wants(&p[AP_UNIT], taxonomy_pos(t, TAX_UNIT,
		    (int)it[i].unit_id)) ||
		    !linked(&p[AP_THEME], t, TAX_THEME, th, nth, it[i].id) ||
		    !linked(&p[AP_DISTRICT], t, TAX_DISTRICT, di, ndi,
		    it[i].id))
			it[i].id = 0;	/* filtered out */
		else {
			inq[it[i].quarter - 1]++;
			shown++;
		}
	}
	return shown;
}
