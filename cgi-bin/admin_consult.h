/*
 * The consultation editor of the admin program (issue 5), in
 * cgi-bin/admin_consult.c:
 *
 *   GET  /admin/consultations              the list, with the public filters
 *                                          plus drafts; editors: own unit
 *   GET  /admin/consultations/new          an empty form
 *   POST /admin/consultations              create a draft (303 to its page)
 *   GET, POST /admin/consultations/{id}    edit and save
 *   GET  /admin/consultations/{id}/preview as residents will see it
 *   POST /admin/consultations/{id}/publish a draft becomes public
 *   POST /admin/consultations/{id}/close   close early, with a reason
 *   POST /admin/consultations/{id}/cancel  cancel, with a reason
 *
 * Admins and editors (their own unit) only; moderators get 403 from the
 * guard.  Every change is audited, edits with before and after.
 */
#ifndef ADMIN_CONSULT_H
#define ADMIN_CONSULT_H

#include "admin.h"
#include "consult_form.h"

enum clparam {
	CL_STATUS,
	CL_THEME,
	CL_DISTRICT,
	CL_FORMAT,
	CL_GROUP,
	CL_UNIT,
	CL_Q,
	CL_PAGE,
	CL__MAX
};

/* The form's fields in enum cf_field order, then these. */
#define CFP_CSRF	CF__MAX
#define CFP_ID		(CF__MAX + 1)

enum crparam {
	CR_ID,
	CR_REASON,
	CR_CSRF,
	CR__MAX
};

extern const struct param_rule consult_list_rules[CL__MAX];
extern const struct param_rule consult_new_rules[CF__MAX + 1];
extern const struct param_rule consult_edit_rules[CF__MAX + 2];
extern const struct param_rule consult_reason_rules[CR__MAX];

int	h_consult_list(struct request *, struct response *);
int	h_consult_new(struct request *, struct response *);
int	h_consult_create(struct request *, struct response *);
int	h_consult_edit(struct request *, struct response *);
int	h_consult_save(struct request *, struct response *);
int	h_consult_preview(struct request *, struct response *);
int	h_consult_publish(struct request *, struct response *);
int	h_consult_close(struct request *, struct response *);
int	h_consult_cancel(struct request *, struct response *);

/* Flags written out in each route: tests/http/90-admin-auth reads them. */

#define CONSULT_ROUTES \
	{ GET, "/admin/consultations", h_consult_list, consult_list_rules, \
	    CL__MAX, ADM_ADMIN | ADM_EDITOR }, \
	{ POST, "/admin/consultations", h_consult_create, consult_new_rules, \
	    CF__MAX + 1, ADM_ADMIN | ADM_EDITOR | ROUTE_FORM | \
	    ROUTE_BIG_BODY }, \
	{ GET, "/admin/consultations/new", h_consult_new, NULL, 0, \
	    ADM_ADMIN | ADM_EDITOR }, \
	{ GET, "/admin/consultations/{id}", h_consult_edit, id_rules, 1, \
	    ADM_ADMIN | ADM_EDITOR }, \
	{ POST, "/admin/consultations/{id}", h_consult_save, \
	    consult_edit_rules, CF__MAX + 2, \
	    ADM_ADMIN | ADM_EDITOR | ROUTE_FORM | ROUTE_BIG_BODY }, \
	{ GET, "/admin/consultations/{id}/preview", h_consult_preview, \
	    id_rules, 1, ADM_ADMIN | ADM_EDITOR }, \
	{ POST, "/admin/consultations/{id}/publish", h_consult_publish, \
	    consult_reason_rules, CR__MAX, \
	    ADM_ADMIN | ADM_EDITOR | ROUTE_FORM }, \
	{ POST, "/admin/consultations/{id}/close", h_consult_close, \
	    consult_reason_rules, CR__MAX, \
	    ADM_ADMIN | ADM_EDITOR | ROUTE_FORM }, \
	{ POST, "/admin/consultations/{id}/cancel", h_consult_cancel, \
	    consult_reason_rules, CR__MAX, \
	    ADM_ADMIN | ADM_EDITOR | ROUTE_FORM },

#endif
