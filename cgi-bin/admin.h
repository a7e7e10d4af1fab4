/*
 * The admin program is one binary built from cgi-bin/admin.c (the guard,
 * login, dashboard, moderation, answers, reports, the commands) and the
 * parts cgi-bin/admin_*.c, each a screen of its own.  A part declares its
 * handlers, parameter rules and a ROUTES macro in its own header, and adds
 * that macro to ADMIN_PART_ROUTES below; the helpers here are what every
 * part shares, so that every screen audits, refuses and renders alike.
 */
#ifndef ADMIN_H
#define ADMIN_H

#include <stdint.h>

#include "auth.h"
#include "db_admin.h"
#include "db_moderation.h"
#include "page.h"
#include "runner.h"

#define GET	METHOD_BIT(METHOD_GET)
#define POST	METHOD_BIT(METHOD_POST)

/* The route flags of this program: who may use a route. */
#define ADM_PUBLIC	(ROUTE_OWN << 0)	/* no session needed */
#define ADM_ADMIN	(ROUTE_OWN << 1)
#define ADM_EDITOR	(ROUTE_OWN << 2)
#define ADM_MODERATOR	(ROUTE_OWN << 3)
#define ADM_ANY		(ADM_ADMIN | ADM_EDITOR | ADM_MODERATOR)

/* The parts' routes, in the order they are matched (before the 404s). */
#define ADMIN_PART_ROUTES \
	CONSULT_ROUTES \
	USERS_ROUTES \
	UNITS_ROUTES \
	DOCS_ROUTES \
	AGENDA_ROUTES

/* {"csrf"} alone, and {"id"} from the path. */
extern const struct param_rule csrf_rules[1];
extern const struct param_rule id_rules[1];

/* An audit row for the signed-in user; 0 or -1. */
int	 admin_audit(struct request *, const char *action, const char *type,
	    unsigned long long id, uint32_t unit, const char *before,
	    const char *after, const char *detail);
/* 403 with an audit row: for a handler to return as is. */
int	 admin_forbidden(struct request *, struct response *, const char *type,
	    unsigned long long id, uint32_t unit);
/* A page with the admin bar (NULL on error); nav names the current link. */
struct tpl_dict *admin_page(struct page *, struct request *, const char *tpl,
	    const char *title, const char *nav);
int	 admin_finish(struct page *, struct response *, int status);
/* 303 to a path of ours. */
int	 admin_see(struct request *, struct response *, const char *to);
/* 0 (every unit) for admins and moderators, the own unit for editors. */
uint32_t admin_scope(const struct auth_user *);
/* {"k1": v1[, "k2": v2]} as compact JSON in the arena. */
const char *jpair(struct arena *, const char *k1, const char *v1,
	    const char *k2, const char *v2);
/* The consultation of a page if this user may do work on it: 0, or the
 * status to return (404, 403 with an audit row, 503). */
int	 consultation_for(struct request *, struct response *, uint32_t id,
	    enum auth_work work, struct cbrief *);
/* A form field as sent, or "". */
const char *sent(const struct request *, const char *key);

#endif
