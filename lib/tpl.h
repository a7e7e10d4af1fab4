/*
 * The template shim: a C API over Google ctemplate (tpl.cc, the only C++ in
 * the project; no exception crosses into C).  HTML templates start with
 * {{%AUTOESCAPE context="HTML"}}, so every value set here is escaped by the
 * engine for the context it lands in; C never escapes HTML by hand.
 *
 * Lifetimes: templates are process-lifetime (tpl_init before fork, reloaded
 * by tpl_reload on SIGHUP).  A dictionary made by tpl_dict_new is owned by
 * the caller and released with tpl_dict_free; dictionaries returned by
 * tpl_add and tpl_include belong to their parent.  Values are copied.
 */
#ifndef HROMADA_TPL_H
#define HROMADA_TPL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tpl_dict;

/* Loads and parses every *.tpl under dir; -1 if any fails (logged). */
int		 tpl_init(const char *dir);
/* Re-reads changed templates; -1 if one no longer parses (old kept). */
int		 tpl_reload(void);
void		 tpl_shutdown(void);

struct tpl_dict	*tpl_dict_new(const char *name);
void		 tpl_dict_free(struct tpl_dict *);

/* A NULL value is set as the empty string. */
void		 tpl_set(struct tpl_dict *, const char *key, const char *val);
void		 tpl_setn(struct tpl_dict *, const char *key, const char *val,
		    size_t len);
void		 tpl_set_int(struct tpl_dict *, const char *key, long long);
void		 tpl_setf(struct tpl_dict *, const char *key, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));
void		 tpl_show(struct tpl_dict *, const char *section);
/* Adds one repetition of a section and returns its dictionary. */
struct tpl_dict	*tpl_add(struct tpl_dict *, const char *section);
/* Adds an include {{>name}} rendering file, with its own dictionary. */
struct tpl_dict	*tpl_include(struct tpl_dict *, const char *name,
		    const char *file);

/*
 * Renders file with the dictionary into a malloc'd buffer (*out, *len; the
 * caller frees it).  Returns 0, or -1 (nothing allocated).
 */
int		 tpl_render(const char *file, const struct tpl_dict *,
		    char **out, size_t *len);

#ifdef __cplusplus
}
#endif

#endif /* HROMADA_TPL_H */
