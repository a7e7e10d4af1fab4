/*
 * The units, the organisers of consultations (cgi-bin/admin_units.c,
 * issue 5): admins only.
 *
 *   GET  /admin/units              every unit, with its users and
 *                                  consultations
 *   GET  /admin/units/new          the form for a new unit
 *   POST /admin/units              create: slug, names, kind, district
 *   GET, POST /admin/units/{id}    rename (the slug, in URLs, stays)
 *
 * Every change is audited, a rename with before and after; the public
 * pages show a new name on their next request (sql/migrations/090).
 */
#ifndef ADMIN_UNITS_H
#define ADMIN_UNITS_H

#include "admin.h"

int	h_units(struct request *, struct response *);
int	h_unit_new(struct request *, struct response *);
int	h_unit_create(struct request *, struct response *);
int	h_unit(struct request *, struct response *);
int	h_unit_update(struct request *, struct response *);

enum unit_param {
	NP_ID,
	NP_SLUG,
	NP_NAME,
	NP_NAME_EN,
	NP_KIND,
	NP_DISTRICT,
	NP_CSRF,
	NP_DONE,
	NP__MAX
};

/* One table for every unit route, as for users (admin_users.h). */
extern const struct param_rule unit_rules[NP__MAX];
extern const struct param_rule unit_new_rules[NP__MAX];

#define UNITS_ROUTES \
	{ GET, "/admin/units", h_units, NULL, 0, ADM_ADMIN }, \
	{ GET, "/admin/units/new", h_unit_new, NULL, 0, ADM_ADMIN }, \
	{ POST, "/admin/units", h_unit_create, unit_new_rules, NP__MAX, \
	    ADM_ADMIN | ROUTE_FORM }, \
	{ GET, "/admin/units/{id}", h_unit, unit_rules, NP__MAX, ADM_ADMIN }, \
	{ POST, "/admin/units/{id}", h_unit_update, unit_rules, NP__MAX, \
	    ADM_ADMIN | ROUTE_FORM },

#endif
