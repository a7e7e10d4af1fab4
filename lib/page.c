#include <stdlib.h>
#include <string.h>

#include "page.h"

struct tpl_dict *
page_begin(struct page *pg, const char *content_tpl, const char *title,
    const char *nav)
{
	pg->content = NULL;
	if ((pg->layout = tpl_dict_new("layout")) == NULL)
		return NULL;
	tpl_set(pg->layout, "TITLE", title);
	if (nav != NULL)
		tpl_show(pg->layout, nav);
	pg->content = tpl_include(pg->layout, "CONTENT", content_tpl);
	if (pg->content == NULL) {
		page_abort(pg);
		return NULL;
	}
	return pg->content;
}

void
page_abort(struct page *pg)
{
	tpl_dict_free(pg->layout);
	pg->layout = NULL;
	pg->content = NULL;
}

int
page_finish(struct page *pg, struct response *resp)
{
	int	 rc;

	free(resp->body);
	resp->body = NULL;
	rc = tpl_render("layout.tpl", pg->layout, &resp->body, &resp->len);
	page_abort(pg);
	if (rc == -1)
		return -1;
	if (resp->status == 0)
		resp->status = HTTP_OK;
	if (resp->content_type == NULL)
		resp->content_type = "text/html; charset=utf-8";
	return 0;
}

const char *
page_error_message(int status)
{
	switch (status) {
	case 400: return "Запит містить помилку.";
	case 403: return "Доступ заборонено.";
	case 404: return "Сторінку не знайдено.";
	case 405: return "Цей метод запиту не підтримується для цієї адреси.";
	case 409: return "Дію зараз виконати неможливо.";
	case 413: return "Запит завеликий.";
	case 414: return "Адреса запиту задовга.";
	case 415: return "Непідтримуваний формат даних.";
	case 429: return "Забагато запитів. Спробуйте трохи пізніше.";
	case 503: return "Сервіс тимчасово недоступний. "
	    "Спробуйте, будь ласка, за хвилину.";
	default:  return "Внутрішня помилка сервера. Ми вже знаємо про неї.";
	}
}

static const char *
error_title(int status)
{
	switch (status) {
	case 400: return "Помилка в запиті";
	case 404: return "Сторінку не знайдено";
	case 503: return "Сервіс тимчасово недоступний";
	default:  return "Помилка";
	}
}

void
page_error(struct response *resp, int status)
{
	struct page	 pg;
	struct tpl_dict	*d, *sec;
	const char	*msg;
	static const char fallback[] = "Помилка. Спробуйте пізніше.\n";

	resp->status = status;
	resp->cache_control = "no-store";
	msg = resp->message != NULL ? resp->message : page_error_message(status);
	if (status == 503)
		http_header_add(resp, "Retry-After", "30");
	if ((d = page_begin(&pg, "error.tpl", error_title(status), NULL)) != NULL) {
		tpl_show(pg.layout, "NOINDEX");
		tpl_set_int(d, "STATUS", status);
		tpl_set(d, "HEADING", error_title(status));
		tpl_set(d, "MESSAGE", msg);
		if (resp->detail != NULL &&
		    (sec = tpl_add(d, "DETAIL")) != NULL)
			tpl_set(sec, "DETAIL_TEXT", resp->detail);
		resp->content_type = NULL;
		if (page_finish(&pg, resp) == 0)
			return;
	}
	/* The templates failed: a plain answer is better than none. */
	free(resp->body);
	resp->body = strdup(fallback);
	resp->len = resp->body != NULL ? strlen(fallback) : 0;
	resp->content_type = "text/plain; charset=utf-8";
}
