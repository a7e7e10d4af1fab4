/*
 * Users, units and the audit log (cgi-bin/admin_users.c, issue 5): admins
 * only.
 *
 *   GET  /admin/users                     every user
 *   GET  /admin/users/new                 the form for a new user
 *   POST /admin/users                     create (a generated password is
 *                                         shown once on the answer)
 *   GET, POST /admin/users/{id}           name, role, unit
 *   POST /admin/users/{id}/disable        and ends the user's sessions
 *   POST /admin/users/{id}/enable
 *   POST /admin/users/{id}/password       a new generated password, shown
 *                                         once; ends the user's sessions
 *   (the units: cgi-bin/admin_units.h)
 *   GET  /admin/audit                     the audit log, filtered, paged
 */
#ifndef ADMIN_USERS_H
#define ADMIN_USERS_H

#include "admin.h"

int	h_users(struct request *, struct response *);
int	h_user_new(struct request *, struct response *);
int	h_user_create(struct request *, struct response *);
int	h_user(struct request *, struct response *);
int	h_user_update(struct request *, struct response *);
int	h_user_disable(struct request *, struct response *);
int	h_user_enable(struct request *, struct response *);
int	h_user_password(struct request *, struct response *);
int	h_audit(struct request *, struct response *);

enum user_param {
	UP_ID,
	UP_LOGIN,
	UP_NAME,
	UP_ROLE,
	UP_UNIT,
	UP_PWMODE,
	UP_PASSWORD,
	UP_CSRF,
	UP_DONE,
	UP__MAX
};

enum audit_param {
	AP_LOGIN,
	AP_ACTION,
	AP_TYPE,
	AP_OBJECT,
	AP_UNIT,
	AP_FROM,
	AP_TO,
	AP_OLDER_T,	/* the page: rows older than this time and id */
	AP_OLDER_ID,
	AP__MAX
};

/* One table for every users route: fields a route does not use are
 * ignored, {id} is only in the paths that have it. */
extern const struct param_rule user_rules[UP__MAX];
extern const struct param_rule user_new_rules[UP__MAX];
extern const struct param_rule audit_rules[AP__MAX];

#define USERS_ROUTES \
	{ GET, "/admin/users", h_users, NULL, 0, ADM_ADMIN }, \
	{ GET, "/admin/users/new", h_user_new, NULL, 0, ADM_ADMIN }, \
	{ POST, "/admin/users", h_user_create, user_new_rules, UP__MAX, \
	    ADM_ADMIN | ROUTE_FORM }, \
	{ GET, "/admin/users/{id}", h_user, user_rules, UP__MAX, ADM_ADMIN }, \
	{ POST, "/admin/users/{id}", h_user_update, user_rules, UP__MAX, \
	    ADM_ADMIN | ROUTE_FORM }, \
	{ POST, "/admin/users/{id}/disable", h_user_disable, id_rules, 1, \
	    ADM_ADMIN }, \
	{ POST, "/admin/users/{id}/enable", h_user_enable, id_rules, 1, \
	    ADM_ADMIN }, \
	{ POST, "/admin/users/{id}/password", h_user_password, id_rules, 1, \
	    ADM_ADMIN }, \
	{ GET, "/admin/audit", h_audit, audit_rules, AP__MAX, ADM_ADMIN },

#endif
