/*
 * The admin's part of the unified agenda (cgi-bin/admin_agenda.c): editors
 * plan their unit's topics (create, edit, schedule with a link to a
 * consultation of their unit, mark held or declined), accept residents'
 * proposed topics into the plan or decline them with a reason; admins do
 * the same for every unit and publish a year's plan.
 */
#ifndef ADMIN_AGENDA_H
#define ADMIN_AGENDA_H

#include "admin.h"

int	h_agenda_list(struct request *, struct response *);
int	h_agenda_new(struct request *, struct response *);
int	h_agenda_create(struct request *, struct response *);
int	h_agenda_edit(struct request *, struct response *);
int	h_agenda_save(struct request *, struct response *);
int	h_agenda_decide(struct request *, struct response *);
int	h_agenda_publish(struct request *, struct response *);

extern const struct param_rule agenda_year_rules[1];
extern const struct param_rule agenda_item_rules[];
extern const struct param_rule agenda_decide_rules[];
extern const struct param_rule agenda_publish_rules[];

#define AGENDA_ITEM_NPARAMS	13
#define AGENDA_DECIDE_NPARAMS	4
#define AGENDA_PUBLISH_NPARAMS	2

#define ADM_PLANNER	(ADM_ADMIN | ADM_EDITOR)

/* Fixed paths before /admin/agenda/{id}. */
#define AGENDA_ROUTES \
	{ GET, "/admin/agenda", h_agenda_list, agenda_year_rules, 1, \
	    ADM_PLANNER }, \
	{ GET, "/admin/agenda/new", h_agenda_new, agenda_year_rules, 1, \
	    ADM_PLANNER }, \
	{ POST, "/admin/agenda/new", h_agenda_create, agenda_item_rules, \
	    AGENDA_ITEM_NPARAMS, ADM_PLANNER | ROUTE_FORM }, \
	{ POST, "/admin/agenda/publish", h_agenda_publish, \
	    agenda_publish_rules, AGENDA_PUBLISH_NPARAMS, ADM_ADMIN }, \
	{ GET, "/admin/agenda/{id}", h_agenda_edit, id_rules, 1, \
	    ADM_PLANNER }, \
	{ POST, "/admin/agenda/{id}", h_agenda_save, agenda_item_rules, \
	    AGENDA_ITEM_NPARAMS, ADM_PLANNER | ROUTE_FORM }, \
	{ POST, "/admin/agenda/{id}/decide", h_agenda_decide, \
	    agenda_decide_rules, AGENDA_DECIDE_NPARAMS, ADM_PLANNER },

#endif
