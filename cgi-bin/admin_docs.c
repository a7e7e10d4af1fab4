/*
 * The documents page of a consultation (cgi-bin/admin_docs.h).  An upload
 * is checked by lib/upload.c (the name, then the bytes: the extension must
 * be what the content is), stored once per content under the upload
 * directory and served by nginx as /uploads/<hash>/<name>; a link must be
 * https.  Every add and delete is audited; refusals come back on the same
 * page with the title the person typed.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "admin_docs.h"
#include "config.h"
#include "db.h"
#include "db_document.h"
#include "log.h"
#include "secret.h"
#include "upload.h"
#include "view.h"

#define TITLE_MAX	300
#define URL_MAX		1000

enum { DU_ID, DU_TITLE, DU_CSRF };
enum { DL_ID, DL_TITLE, DL_URL, DL_CSRF };

const struct param_rule doc_upload_rules[3] = {
	{ "id", PARAM_INT, PARAM_PATH | PARAM_REQUIRED, 1, 4294967295LL, NULL,
	    NULL, NULL },
	{ "title", PARAM_TEXT, PARAM_REQUIRED, 1, TITLE_MAX, NULL, NULL,
	    NULL },
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL },
};

/* https only, a host without userinfo, no white space. */
const struct param_rule doc_link_rules[4] = {
	{ "id", PARAM_INT, PARAM_PATH | PARAM_REQUIRED, 1, 4294967295LL, NULL,
	    NULL, NULL },
	{ "title", PARAM_TEXT, PARAM_REQUIRED, 1, TITLE_MAX, NULL, NULL,
	    NULL },
	{ "url", PARAM_TEXT, PARAM_REQUIRED, 9, URL_MAX,
	    "https://[^\\s/?#@\\\\]+(?:[/?#][^\\s\\\\]*)?", NULL, NULL },
	{ "csrf", PARAM_TEXT, 0, 1, SESSION_CSRF_LEN, NULL, NULL, NULL },
};

/* Which form an error belongs to. */
enum form { F_NONE, F_UPLOAD, F_LINK };

static const char *
size_text(struct arena *a, long long n)
{
	if (n <= 0)
		return "";
	if (n < 1024 * 1024)
		return arena_printf(a, "%lld КБ", (n + 1023) / 1024);
	return arena_printf(a, "%lld,%lld МБ", n / (1024 * 1024),
	    n % (1024 * 1024) * 10 / (1024 * 1024));
}

static const char *
type_label(const struct doc_row *d)
{
	size_t	 i;

	if (*d->file_hash == '\0')
		return "Посилання";
	for (i = 0; i < UPLOAD__MAX; i++)
		if (strcmp(d->mime_type, upload_kinds[i].mime) == 0)
			return upload_kinds[i].label;
	return "Файл";
}

static void
docs_list(struct request *r, struct tpl_dict *d, const struct doc_row *docs,
    size_t n)
{
	struct tpl_dict	*s;
	size_t		 i;

	if (n == 0)
		tpl_show(d, "EMPTY");
	else
		tpl_show(d, "ANY");
	for (i = 0; i < n; i++) {
		if ((s = tpl_add(d, "DOC")) == NULL)
			return;
		tpl_set_int(s, "DOC_ID", docs[i].id);
		tpl_set(s, "DOC_TITLE", docs[i].title);
		tpl_set(s, "DOC_TYPE", type_label(&docs[i]));
		if (docs[i].size > 0)
			tpl_set(tpl_add(s, "DOC_SIZE"), "DOC_SIZE_TEXT",
			    size_text(r->arena, docs[i].size));
		if (*docs[i].file_hash != '\0') {
			tpl_set(s, "DOC_HREF", upload_href(r->arena,
			    docs[i].file_hash, docs[i].file_name));
			tpl_set(s, "DOC_FILE", docs[i].file_name);
		} else {
			tpl_set(s, "DOC_HREF", docs[i].url);
			tpl_set(s, "DOC_FILE", docs[i].url);
		}
		tpl_set(s, "DOC_DELETE_ACTION", arena_printf(r->arena,
		    "/admin/documents/%u/delete", docs[i].id));
	}
}

/* The page; an error (message) shows next to the form it came from. */
static int
docs_page(struct request *r, struct response *resp, const struct cbrief *c,
    int status, enum form form, const char *message)
{
	struct page	 pg;
	struct tpl_dict	*d;
	struct doc_row	*docs;
	size_t		 n;

	if (db_doc_list(r->db, r->arena, c->id, &docs, &n) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if ((d = admin_page(&pg, r, "admin_docs.tpl", arena_printf(r->arena,
	    "Документи: %s", c->title), NULL)) == NULL)
		return HTTP_INTERNAL_ERROR;
	tpl_set(d, "CONSULTATION_TITLE", c->title);
	tpl_set(d, "PUBLIC_HREF", view_href(r->arena, c->id, c->slug));
	tpl_set(d, "EDIT_HREF", arena_printf(r->arena,
	    "/admin/consultations/%u", c->id));
	tpl_set(d, "UPLOAD_ACTION", arena_printf(r->arena,
	    "/admin/consultations/%u/documents", c->id));
	tpl_set(d, "LINK_ACTION", arena_printf(r->arena,
	    "/admin/consultations/%u/documents/link", c->id));
	docs_list(r, d, docs, n);
	if (form == F_UPLOAD) {
		tpl_set(d, "UPLOAD_TITLE_VALUE", sent(r, "title"));
		if (message != NULL)
			tpl_set(tpl_add(d, "UPLOAD_ERROR"),
			    "UPLOAD_ERROR_TEXT", message);
	} else if (form == F_LINK) {
		tpl_set(d, "LINK_TITLE_VALUE", sent(r, "title"));
		tpl_set(d, "LINK_URL_VALUE", sent(r, "url"));
		if (message != NULL)
			tpl_set(tpl_add(d, "LINK_ERROR"), "LINK_ERROR_TEXT",
			    message);
	}
	return admin_finish(&pg, resp, status);
}

int
h_docs(struct request *r, struct response *resp)
{
	struct cbrief	 c;
	int		 rc;

	if ((rc = consultation_for(r, resp, (uint32_t)r->params[0].v[0].i,
	    WORK_CONSULTATION, &c)) != 0)
		return rc;
	return docs_page(r, resp, &c, HTTP_OK, F_NONE, NULL);
}

/* The audit's picture of a document. */
static const char *
doc_json(struct arena *a, const struct doc_row *d)
{
	json_t		*o;
	char		*s;
	const char	*out = NULL;

	if ((o = json_object()) == NULL)
		return NULL;
	json_object_set_new(o, "consultation", json_integer(
	    d->consultation_id));
	json_object_set_new(o, "title", json_string(d->title));
	if (*d->file_hash != '\0') {
		json_object_set_new(o, "file", json_string(d->file_name));
		json_object_set_new(o, "sha256", json_string(d->file_hash));
		json_object_set_new(o, "type", json_string(d->mime_type));
		json_object_set_new(o, "size", json_integer(d->size));
	} else
		json_object_set_new(o, "url", json_string(d->url));
	if ((s = json_dumps(o, JSON_COMPACT)) != NULL) {
		out = arena_strdup(a, s);
		free(s);
	}
	json_decref(o);
	return out;
}

/* Records the document; lock (upload_lock(), or -1) is released once the
 * row is written. */
static int
doc_added(struct request *r, struct response *resp, const struct cbrief *c,
    struct doc_row *d, int lock)
{
	uint32_t	 id;
	int		 rc;

	d->consultation_id = c->id;
	rc = db_doc_add(r->db, r->arena, d, &id);
	upload_unlock(lock);
	if (rc == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	d->id = id;
	(void)admin_audit(r, "document-add", "document", id, c->unit_id, NULL,
	    doc_json(r->arena, d), NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/consultations/%u/documents", c->id));
}

static const struct http_file *
file_part(const struct request *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->nfiles; i++)
		if (strcmp(r->files[i].name, name) == 0)
			return &r->files[i];
	return NULL;
}

/* Why a file is refused (400 or 413), or NULL when it may be stored. */
static const char *
file_check(struct request *r, const struct http_file *f, char *name,
    enum upload_type *type, int *status)
{
	enum upload_type	 got;

	*status = HTTP_BAD_REQUEST;
	if (f == NULL || *f->filename == '\0' || f->len == 0)
		return "Оберіть файл документа.";
	if (f->len > UPLOAD_MAX) {
		*status = HTTP_PAYLOAD_TOO_LARGE;
		return "Файл більший за 20 МБ. Зменште його або додайте "
		    "посилання на документ.";
	}
	switch (upload_name(f->filename, name, UPLOAD_NAME_MAX + 1, type)) {
	case UPLOAD_NAME_OK:
		break;
	case UPLOAD_NAME_TYPE:
		return "Такий тип файлу не приймається. Можна завантажити "
		    "PDF, DOCX, XLSX, ODT, ODS, PNG або JPEG.";
	case UPLOAD_NAME_DOUBLE:
		return "Назва файлу має подвійне розширення (наприклад, "
		    "«рішення.pdf.exe»). Перейменуйте файл так, щоб у назві "
		    "було лише одне розширення.";
	default:
		return "Назва файлу порожня, задовга або містить недопустимі "
		    "символи. Перейменуйте файл.";
	}
	got = upload_detect(f->data, f->len);
	if (got != *type)
		return arena_printf(r->arena, "Вміст файлу не відповідає його "
		    "розширенню: це не %s-файл%s. Перевірте, чи той файл "
		    "обрано.", upload_kinds[*type].label, got == UPLOAD__MAX ?
		    " і не жоден з прийнятих типів" : "");
	return NULL;
}

int
h_doc_upload(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;
	const struct http_file	*f;
	struct cbrief		 c;
	struct doc_row		 d;
	enum upload_type	 type;
	const char		*why;
	char			 name[UPLOAD_NAME_MAX + 1];
	char			 hash[UPLOAD_HASH_LEN + 1];
	int			 rc, status, existed, lock;

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = consultation_for(r, resp, (uint32_t)p[DU_ID].v[0].i,
	    WORK_CONSULTATION, &c)) != 0)
		return rc;
	if (p[DU_TITLE].bad)
		return docs_page(r, resp, &c, HTTP_BAD_REQUEST, F_UPLOAD,
		    "Вкажіть назву документа (до 300 символів).");
	f = file_part(r, "file");
	if ((why = file_check(r, f, name, &type, &status)) != NULL)
		return docs_page(r, resp, &c, status, F_UPLOAD, why);
	/* Held until the document is written: a delete of the file's last
	 * other document cannot remove it in between (upload.h). */
	upload_hash(f->data, f->len, hash);
	if ((lock = upload_lock(cfg.upload_dir, hash)) == -1)
		return docs_page(r, resp, &c, HTTP_SERVICE_UNAVAILABLE,
		    F_UPLOAD, "Не вдалося зберегти файл. Спробуйте ще раз "
		    "за хвилину.");
	if (upload_store(cfg.upload_dir, f->data, f->len, hash, &existed) ==
	    -1) {
		upload_unlock(lock);
		return docs_page(r, resp, &c, HTTP_INTERNAL_ERROR, F_UPLOAD,
		    "Не вдалося зберегти файл. Спробуйте ще раз пізніше.");
	}
	memset(&d, 0, sizeof(d));
	d.title = p[DU_TITLE].v[0].s;
	d.url = "";
	d.file_hash = hash;
	d.file_name = name;
	d.mime_type = upload_kinds[type].mime;
	d.size = (long long)f->len;
	return doc_added(r, resp, &c, &d, lock);
}

int
h_doc_link(struct request *r, struct response *resp)
{
	const struct param	*p = r->params;
	struct cbrief		 c;
	struct doc_row		 d;
	int			 rc;

	if (!db_up(r->db))
		return HTTP_SERVICE_UNAVAILABLE;
	if ((rc = consultation_for(r, resp, (uint32_t)p[DL_ID].v[0].i,
	    WORK_CONSULTATION, &c)) != 0)
		return rc;
	if (p[DL_TITLE].bad)
		return docs_page(r, resp, &c, HTTP_BAD_REQUEST, F_LINK,
		    "Вкажіть назву документа (до 300 символів).");
	if (p[DL_URL].bad)
		return docs_page(r, resp, &c, HTTP_BAD_REQUEST, F_LINK,
		    "Вкажіть повну адресу документа, що починається з "
		    "https:// (без пробілів, до 1000 символів).");
	memset(&d, 0, sizeof(d));
	d.title = p[DL_TITLE].v[0].s;
	d.url = p[DL_URL].v[0].s;
	d.file_hash = "";
	d.file_name = "";
	d.mime_type = "text/html";
	return doc_added(r, resp, &c, &d, -1);
}

/* The stored file goes when no document uses it any more. */
static void
file_release(struct request *r, const char *hash)
{
	char		 path[PATH_MAX];
	long long	 uses;
	int		 w, lock;

	/*
	 * Counted and removed under the file's lock, which an upload of the
	 * same bytes holds from finding the file stored until its document
	 * is written: so either that document is counted here, or the file
	 * is gone before the upload looks and it stores it again.  Without
	 * the lock (or on an error) the file stays: an unused file costs
	 * disk, a removed one in use would be a broken link.
	 */
	if ((lock = upload_lock(cfg.upload_dir, hash)) == -1)
		return;
	if (db_doc_hash_uses(r->db, r->arena, hash, &uses) == -1 ||
	    uses > 0) {
		upload_unlock(lock);
		return;
	}
	w = snprintf(path, sizeof(path), "%s/%.2s/%s", cfg.upload_dir, hash,
	    hash);
	if (w > 0 && (size_t)w < sizeof(path) && unlink(path) == -1 &&
	    errno != ENOENT)
		log_error("upload: removing %s: %s", path, strerror(errno));
	upload_unlock(lock);
}

int
h_doc_delete(struct request *r, struct response *resp)
{
	struct doc_row	 d;
	struct cbrief	 c;
	int		 rc;

	if ((rc = db_doc_get(r->db, r->arena, (uint32_t)r->params[0].v[0].i,
	    &d)) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (rc == 0)
		return HTTP_NOT_FOUND;
	if ((rc = consultation_for(r, resp, d.consultation_id,
	    WORK_CONSULTATION, &c)) != 0)
		return rc;
	if (db_doc_delete(r->db, r->arena, d.id) == -1)
		return HTTP_SERVICE_UNAVAILABLE;
	if (*d.file_hash != '\0')
		file_release(r, d.file_hash);
	(void)admin_audit(r, "document-delete", "document", d.id, c.unit_id,
	    doc_json(r->arena, &d), NULL, NULL);
	return admin_see(r, resp, arena_printf(r->arena,
	    "/admin/consultations/%u/documents", c.id));
}
