// The only C++ file: every entry point catches, so no exception reaches C.
#include <ctemplate/template.h>
#include <ctemplate/template_dictionary.h>

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "log.h"
#include "tpl.h"

using ctemplate::TemplateDictionary;
using ctemplate::TemplateString;

static std::vector<std::string> *loaded;

static inline TemplateDictionary *
D(struct tpl_dict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

// ctemplate reports syntax errors only on std::cerr: capture them for the log.
static int
load_all(bool reload)
{
	std::ostringstream	 errs;
	std::streambuf		*old = std::cerr.rdbuf(errs.rdbuf());
	int			 rc = 0;

	ctemplate::TemplateCache *cache =
	    ctemplate::mutable_default_template_cache();
	if (reload) {
		// Parse on the side first, so that a broken edit keeps the old.
		ctemplate::TemplateCache trial;

		trial.SetTemplateRootDirectory(
		    cache->template_root_directory());
		for (const std::string &name : *loaded) {
			if (!trial.LoadTemplate(name,
			    ctemplate::STRIP_BLANK_LINES)) {
				log_error("template %s does not reload: %s",
				    name.c_str(), errs.str().c_str());
				rc = -1;
			}
		}
		if (rc == 0)
			cache->ReloadAllIfChanged(
			    ctemplate::TemplateCache::LAZY_RELOAD);
	}
	for (const std::string &name : *loaded) {
		if (!cache->LoadTemplate(name, ctemplate::STRIP_BLANK_LINES)) {
			log_error("template %s does not load: %s",
			    name.c_str(), errs.str().c_str());
			rc = -1;
		}
	}
	std::cerr.rdbuf(old);
	return rc;
}

extern "C" int
tpl_init(const char *dir)
{
	try {
		DIR		*dp;
		struct dirent	*de;
		size_t		 n;

		if ((dp = opendir(dir)) == NULL) {
			log_error("templates: cannot open %s", dir);
			return -1;
		}
		delete loaded;
		loaded = new std::vector<std::string>();
		while ((de = readdir(dp)) != NULL) {
			n = strlen(de->d_name);
			if (n > 4 && strcmp(de->d_name + n - 4, ".tpl") == 0)
				loaded->push_back(de->d_name);
		}
		closedir(dp);
		ctemplate::mutable_default_template_cache()->
		    SetTemplateRootDirectory(dir);
		return load_all(false);
	} catch (...) {
		log_error("templates: exception while loading");
		return -1;
	}
}

extern "C" int
tpl_reload(void)
{
	try {
		return loaded == NULL ? -1 : load_all(true);
	} catch (...) {
		return -1;
	}
}

extern "C" void
tpl_shutdown(void)
{
	try {
		ctemplate::mutable_default_template_cache()->ClearCache();
		delete loaded;
		loaded = NULL;
	} catch (...) {
	}
}

extern "C" struct tpl_dict *
tpl_dict_new(const char *name)
{
	try {
		return reinterpret_cast<struct tpl_dict *>(
		    new TemplateDictionary(name));
	} catch (...) {
		return NULL;
	}
}

extern "C" void
tpl_dict_free(struct tpl_dict *d)
{
	delete D(d);
}

extern "C" void
tpl_setn(struct tpl_dict *d, const char *key, const char *val, size_t len)
{
	try {
		if (val == NULL)
			val = "", len = 0;
		D(d)->SetValue(key, TemplateString(val, len));
	} catch (...) {
	}
}

extern "C" void
tpl_set(struct tpl_dict *d, const char *key, const char *val)
{
	tpl_setn(d, key, val, val == NULL ? 0 : strlen(val));
}

extern "C" void
tpl_set_int(struct tpl_dict *d, const char *key, long long v)
{
	char	 buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	tpl_set(d, key, buf);
}

extern "C" void
tpl_setf(struct tpl_dict *d, const char *key, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[512];
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	tpl_setn(d, key, buf, (size_t)n < sizeof(buf) ? (size_t)n :
	    sizeof(buf) - 1);
}

extern "C" void
tpl_show(struct tpl_dict *d, const char *section)
{
	try {
		D(d)->ShowSection(section);
	} catch (...) {
	}
}

extern "C" struct tpl_dict *
tpl_add(struct tpl_dict *d, const char *section)
{
	try {
		return reinterpret_cast<struct tpl_dict *>(
		    D(d)->AddSectionDictionary(section));
	} catch (...) {
		return NULL;
	}
}

extern "C" struct tpl_dict *
tpl_include(struct tpl_dict *d, const char *name, const char *file)
{
	try {
		TemplateDictionary *inc = D(d)->AddIncludeDictionary(name);
		inc->SetFilename(file);
		return reinterpret_cast<struct tpl_dict *>(inc);
	} catch (...) {
		return NULL;
	}
}

extern "C" int
tpl_render(const char *file, const struct tpl_dict *d, char **out,
    size_t *len)
{
	try {
		std::string	 s;

		*out = NULL;
		*len = 0;
		s.reserve(16384);
		if (!ctemplate::ExpandTemplate(file,
		    ctemplate::STRIP_BLANK_LINES,
		    reinterpret_cast<const TemplateDictionary *>(d), &s))
			return -1;
		if ((*out = static_cast<char *>(malloc(s.size() + 1))) == NULL)
			return -1;
		memcpy(*out, s.data(), s.size());
		(*out)[s.size()] = '\0';
		*len = s.size();
		return 0;
	} catch (...) {
		free(*out);
		*out = NULL;
		return -1;
	}
}
