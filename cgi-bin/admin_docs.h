/*
 * The documents of a consultation (issue 5): files uploaded by content
 * hash (lib/upload.h) or https links, listed with the public page's
 * documents.  Admins and editors of the consultation's unit.
 *
 *   GET  /admin/consultations/{id}/documents       the list and two forms
 *   POST /admin/consultations/{id}/documents       upload (multipart)
 *   POST /admin/consultations/{id}/documents/link  a link
 *   POST /admin/documents/{id}/delete              remove one
 */
#ifndef ADMIN_DOCS_H
#define ADMIN_DOCS_H

#include "admin.h"

int	h_docs(struct request *, struct response *);
int	h_doc_upload(struct request *, struct response *);
int	h_doc_link(struct request *, struct response *);
int	h_doc_delete(struct request *, struct response *);

extern const struct param_rule doc_upload_rules[3];
extern const struct param_rule doc_link_rules[4];

#define DOCS_ROUTES \
	{ GET, "/admin/consultations/{id}/documents", h_docs, id_rules, 1, \
	    ADM_ADMIN | ADM_EDITOR }, \
	{ POST, "/admin/consultations/{id}/documents", h_doc_upload, \
	    doc_upload_rules, 3, ADM_ADMIN | ADM_EDITOR | ROUTE_FORM | \
	    ROUTE_MULTIPART }, \
	{ POST, "/admin/consultations/{id}/documents/link", h_doc_link, \
	    doc_link_rules, 4, ADM_ADMIN | ADM_EDITOR | ROUTE_FORM }, \
	{ POST, "/admin/documents/{id}/delete", h_doc_delete, id_rules, \
	    1, ADM_ADMIN | ADM_EDITOR },

#endif
