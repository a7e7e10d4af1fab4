/*
 * tpl.h: the engine escapes every value for the context it lands in (text,
 * quoted attribute, URL, URL query, script string), sections, includes,
 * and the load/reload/render failures.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "tpl.h"

#define NELEM(t) (sizeof(t) / sizeof((t)[0]))
#define AUTOESCAPE	"{{%AUTOESCAPE context=\"HTML\"}}\n"

static const struct {
	const char	*name;
	const char	*text;
} templates[] = {
	{ "text.tpl", AUTOESCAPE "<p>{{V}}</p>" },
	{ "attr.tpl", AUTOESCAPE "<a title=\"{{V}}\">x</a>" },
	{ "query.tpl", AUTOESCAPE
	    "<a href=\"/search?q={{V:u}}&amp;p=1\">s</a>" },
	{ "href.tpl", AUTOESCAPE "<a href=\"{{V}}\">l</a>" },
	{ "script.tpl", AUTOESCAPE "<script>var v = \"{{V}}\";</script>" },
	{ "list.tpl", AUTOESCAPE
	    "<ul>{{#ITEM}}<li>{{NAME}}</li>{{/ITEM}}</ul>"
	    "{{#EMPTY}}<p>none</p>{{/EMPTY}}" },
	{ "outer.tpl", AUTOESCAPE "<main>{{>CONTENT}}</main>{{V}}" },
	{ "inner.tpl", AUTOESCAPE "<b>{{V}}</b>" },
	{ "reload.tpl", AUTOESCAPE "<i>v1 {{V}}</i>" },
};

static char	 dir[64];	/* the good templates */
static char	 bad[64];	/* a directory with one broken template */

static void
put(const char *d, const char *name, const char *text, time_t mtime)
{
	struct timespec	 ts[2];
	char		 path[128];
	FILE		*fp;

	snprintf(path, sizeof(path), "%s/%s", d, name);
	if ((fp = fopen(path, "w")) == NULL)
		fail_msg("%s: %s", path, strerror(errno));
	fputs(text, fp);
	fputc('\n', fp);
	fclose(fp);
	/* ctemplate notices changes by mtime: make each one distinct. */
	ts[0].tv_sec = ts[1].tv_sec = mtime;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	if (utimensat(AT_FDCWD, path, ts, 0) == -1)
		fail_msg("%s: %s", path, strerror(errno));
}

static void
rm(const char *d, const char *name)
{
	char	 path[128];

	snprintf(path, sizeof(path), "%s/%s", d, name);
	unlink(path);
}

static int
setup(void **state)
{
	size_t	 i;

	(void)state;
	strcpy(dir, "/tmp/hromada-tpl-XXXXXX");
	strcpy(bad, "/tmp/hromada-tpl-bad-XXXXXX");
	if (mkdtemp(dir) == NULL || mkdtemp(bad) == NULL)
		return -1;
	for (i = 0; i < NELEM(templates); i++)
		put(dir, templates[i].name, templates[i].text, 1000000000);
	return tpl_init(dir) == 0 ? 0 : -1;
}

static int
teardown(void **state)
{
	size_t	 i;

	(void)state;
	tpl_shutdown();
	for (i = 0; i < NELEM(templates); i++)
		rm(dir, templates[i].name);
	rm(bad, "ok.tpl");
	rm(bad, "broken.tpl");
	rmdir(dir);
	rmdir(bad);
	return 0;
}

/* Renders file with V set to val; returns the malloc'd output. */
static char *
render_v(const char *file, const char *val)
{
	struct tpl_dict	*d;
	char		*out;
	size_t		 len;

	assert_non_null(d = tpl_dict_new("test"));
	tpl_set(d, "V", val);
	assert_int_equal(tpl_render(file, d, &out, &len), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	tpl_dict_free(d);
	return out;
}

struct esc_case {
	const char	*val;
	const char	*out;
};

static void
check_escaping(const char *file, const struct esc_case *t, size_t n)
{
	char	*out;
	size_t	 i;

	for (i = 0; i < n; i++) {
		out = render_v(file, t[i].val);
		if (strcmp(out, t[i].out) != 0)
			fail_msg("%s with \"%s\":\n got  %s want %s", file,
			    t[i].val, out, t[i].out);
		free(out);
	}
}

#define ESC(f, t)	check_escaping(f, t, NELEM(t))

static void
test_escape_text(void **state)
{
	static const struct esc_case t[] = {
		{ "<script>alert(1)</script>",
		    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n" },
		{ "\" onmouseover=\"x", "<p>&quot; onmouseover=&quot;x</p>\n" },
		{ "a&b c/д", "<p>a&amp;b c/д</p>\n" },
		{ "'", "<p>&#39;</p>\n" },
		{ "Київ", "<p>Київ</p>\n" },
		{ "", "<p></p>\n" },
	};

	(void)state;
	ESC("text.tpl", t);
}

static void
test_escape_attribute(void **state)
{
	static const struct esc_case t[] = {
		{ "<script>alert(1)</script>",
		    "<a title=\"&lt;script&gt;alert(1)&lt;/script&gt;\">"
		    "x</a>\n" },
		{ "\" onmouseover=\"x",
		    "<a title=\"&quot; onmouseover=&quot;x\">x</a>\n" },
		{ "a&b c/д", "<a title=\"a&amp;b c/д\">x</a>\n" },
		{ "' onfocus='x", "<a title=\"&#39; onfocus=&#39;x\">x</a>\n" },
	};

	(void)state;
	ESC("attr.tpl", t);
}

static void
test_escape_url_query(void **state)
{
	static const struct esc_case t[] = {
		{ "<script>alert(1)</script>",
		    "<a href=\"/search?q=%3Cscript%3Ealert(1)%3C/script%3E"
		    "&amp;p=1\">s</a>\n" },
		{ "\" onmouseover=\"x",
		    "<a href=\"/search?q=%22+onmouseover%3D%22x&amp;p=1\">"
		    "s</a>\n" },
		{ "a&b c/д",
		    "<a href=\"/search?q=a%26b+c/%D0%B4&amp;p=1\">s</a>\n" },
		{ "x&p=2#f",
		    "<a href=\"/search?q=x%26p%3D2%23f&amp;p=1\">s</a>\n" },
	};

	(void)state;
	ESC("query.tpl", t);
}

/* A whole URL from a value: escaped, and javascript: neutralised. */
static void
test_escape_href(void **state)
{
	static const struct esc_case t[] = {
		{ "javascript:alert(1)", "<a href=\"#\">l</a>\n" },
		{ "JavaScript:alert(1)", "<a href=\"#\">l</a>\n" },
		{ "\" onmouseover=\"x",
		    "<a href=\"&quot; onmouseover=&quot;x\">l</a>\n" },
		{ "/consultations?a=1&b=2",
		    "<a href=\"/consultations?a=1&amp;b=2\">l</a>\n" },
		{ "https://kyiv.gov.ua/",
		    "<a href=\"https://kyiv.gov.ua/\">l</a>\n" },
	};

	(void)state;
	ESC("href.tpl", t);
}

static void
test_escape_script_string(void **state)
{
	static const struct esc_case t[] = {
		{ "<script>alert(1)</script>",
		    "<script>var v = \""
		    "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e\";</script>\n" },
		{ "\" onmouseover=\"x",
		    "<script>var v = \"\\x22 onmouseover\\x3d\\x22x\";"
		    "</script>\n" },
		{ "a&b c/д", "<script>var v = \"a\\x26b c/д\";</script>\n" },
		{ "\";alert(1)//",
		    "<script>var v = \"\\x22;alert(1)//\";</script>\n" },
		{ "</script><script>alert(1)</script>",
		    "<script>var v = \"\\x3c/script\\x3e"
		    "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e\";</script>\n" },
	};

	(void)state;
	ESC("script.tpl", t);
}

static void
test_set_null_is_empty(void **state)
{
	char	*out;

	(void)state;
	out = render_v("text.tpl", NULL);
	assert_string_equal(out, "<p></p>\n");
	free(out);
	out = render_v("attr.tpl", NULL);
	assert_string_equal(out, "<a title=\"\">x</a>\n");
	free(out);
}

static void
test_unset_is_empty(void **state)
{
	struct tpl_dict	*d;
	char		*out;
	size_t		 len;

	(void)state;
	d = tpl_dict_new("t");
	assert_int_equal(tpl_render("text.tpl", d, &out, &len), 0);
	assert_string_equal(out, "<p></p>\n");
	free(out);
	tpl_dict_free(d);
}

static void
test_set_variants(void **state)
{
	struct tpl_dict	*d;
	char		*out;
	size_t		 len;

	(void)state;
	d = tpl_dict_new("t");
	tpl_setn(d, "V", "abc<def", 4);
	assert_int_equal(tpl_render("text.tpl", d, &out, &len), 0);
	assert_string_equal(out, "<p>abc&lt;</p>\n");
	free(out);
	tpl_setn(d, "V", NULL, 5);
	assert_int_equal(tpl_render("text.tpl", d, &out, &len), 0);
	assert_string_equal(out, "<p></p>\n");
	free(out);
	tpl_set_int(d, "V", -9223372036854775807LL - 1);
	assert_int_equal(tpl_render("text.tpl", d, &out, &len), 0);
	assert_string_equal(out, "<p>-9223372036854775808</p>\n");
	free(out);
	tpl_setf(d, "V", "%s=%d", "<b>", 7);	/* formatted, still escaped */
	assert_int_equal(tpl_render("text.tpl", d, &out, &len), 0);
	assert_string_equal(out, "<p>&lt;b&gt;=7</p>\n");
	free(out);
	tpl_set(d, "V", "original");		/* values are copied */
	{
		char	 buf[] = "copied";

		tpl_set(d, "V", buf);
		buf[0] = 'X';
	}
	assert_int_equal(tpl_render("text.tpl", d, &out, &len), 0);
	assert_string_equal(out, "<p>copied</p>\n");
	free(out);
	tpl_dict_free(d);
}

static void
test_section_repeated(void **state)
{
	struct tpl_dict	*d, *item;
	char		*out;
	size_t		 len;

	(void)state;
	d = tpl_dict_new("t");
	assert_int_equal(tpl_render("list.tpl", d, &out, &len), 0);
	assert_string_equal(out, "<ul></ul>\n");	/* hidden by default */
	free(out);
	assert_non_null(item = tpl_add(d, "ITEM"));
	tpl_set(item, "NAME", "<a>");
	assert_non_null(item = tpl_add(d, "ITEM"));
	tpl_set(item, "NAME", "b&");
	assert_non_null(item = tpl_add(d, "ITEM"));
	tpl_set(item, "NAME", "Поділ");
	assert_int_equal(tpl_render("list.tpl", d, &out, &len), 0);
	assert_string_equal(out,
	    "<ul><li>&lt;a&gt;</li><li>b&amp;</li><li>Поділ</li></ul>\n");
	free(out);
	tpl_dict_free(d);
}

static void
test_section_show(void **state)
{
	struct tpl_dict	*d;
	char		*out;
	size_t		 len;

	(void)state;
	d = tpl_dict_new("t");
	tpl_show(d, "EMPTY");
	assert_int_equal(tpl_render("list.tpl", d, &out, &len), 0);
	assert_string_equal(out, "<ul></ul><p>none</p>\n");
	free(out);
	tpl_dict_free(d);
}

/* An include has its own dictionary: the parent's values stay out. */
static void
test_include_own_dictionary(void **state)
{
	struct tpl_dict	*d, *inc;
	char		*out;
	size_t		 len;

	(void)state;
	d = tpl_dict_new("t");
	tpl_set(d, "V", "outer<");
	assert_non_null(inc = tpl_include(d, "CONTENT", "inner.tpl"));
	assert_int_equal(tpl_render("outer.tpl", d, &out, &len), 0);
	assert_string_equal(out, "<main><b></b>\n</main>outer&lt;\n");
	free(out);
	tpl_set(inc, "V", "inner\" onclick=\"x");
	assert_int_equal(tpl_render("outer.tpl", d, &out, &len), 0);
	assert_string_equal(out,
	    "<main><b>inner&quot; onclick=&quot;x</b>\n</main>outer&lt;\n");
	free(out);
	tpl_dict_free(d);
}

static void
test_render_unknown_file(void **state)
{
	struct tpl_dict	*d;
	char		 stale[] = "stale";
	char		*out = stale;
	size_t		 len = 99;

	(void)state;
	d = tpl_dict_new("t");
	assert_int_equal(tpl_render("no-such.tpl", d, &out, &len), -1);
	assert_null(out);
	assert_int_equal(len, 0);
	tpl_dict_free(d);
}

static void
test_dict_free_null(void **state)
{
	(void)state;
	tpl_dict_free(NULL);
}

/* One broken template fails the whole init; a good dir loads again. */
static void
test_init_broken_template(void **state)
{
	char	*out;

	(void)state;
	put(bad, "ok.tpl", AUTOESCAPE "<p>{{V}}</p>", 1000000000);
	put(bad, "broken.tpl", AUTOESCAPE "{{#A}}never closed", 1000000000);
	assert_int_equal(tpl_init(bad), -1);
	assert_int_equal(tpl_init("/nonexistent/hromada-templates"), -1);
	assert_int_equal(tpl_init(dir), 0);
	out = render_v("text.tpl", "ok");
	assert_string_equal(out, "<p>ok</p>\n");
	free(out);
}

/* A changed template is picked up; a broken change keeps the old one. */
static void
test_reload(void **state)
{
	char	*out;

	(void)state;
	out = render_v("reload.tpl", "<x>");
	assert_string_equal(out, "<i>v1 &lt;x&gt;</i>\n");
	free(out);

	assert_int_equal(tpl_reload(), 0);		/* nothing changed */
	out = render_v("reload.tpl", "<x>");
	assert_string_equal(out, "<i>v1 &lt;x&gt;</i>\n");
	free(out);

	put(dir, "reload.tpl", AUTOESCAPE "<i>v2 {{V}}</i>", 1000000100);
	assert_int_equal(tpl_reload(), 0);
	out = render_v("reload.tpl", "<x>");
	assert_string_equal(out, "<i>v2 &lt;x&gt;</i>\n");
	free(out);

	put(dir, "reload.tpl", AUTOESCAPE "{{#A}}v3 broken", 1000000200);
	assert_int_equal(tpl_reload(), -1);
	out = render_v("reload.tpl", "<x>");
	assert_string_equal(out, "<i>v2 &lt;x&gt;</i>\n");
	free(out);

	put(dir, "reload.tpl", AUTOESCAPE "<i>v1 {{V}}</i>", 1000000300);
	assert_int_equal(tpl_reload(), 0);
	out = render_v("reload.tpl", "<x>");
	assert_string_equal(out, "<i>v1 &lt;x&gt;</i>\n");
	free(out);
	out = render_v("text.tpl", "still");		/* others unharmed */
	assert_string_equal(out, "<p>still</p>\n");
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_text),
		cmocka_unit_test(test_escape_attribute),
		cmocka_unit_test(test_escape_url_query),
		cmocka_unit_test(test_escape_href),
		cmocka_unit_test(test_escape_script_string),
		cmocka_unit_test(test_set_null_is_empty),
		cmocka_unit_test(test_unset_is_empty),
		cmocka_unit_test(test_set_variants),
		cmocka_unit_test(test_section_repeated),
		cmocka_unit_test(test_section_show),
		cmocka_unit_test(test_include_own_dictionary),
		cmocka_unit_test(test_render_unknown_file),
		cmocka_unit_test(test_dict_free_null),
		cmocka_unit_test(test_init_broken_template),
		cmocka_unit_test(test_reload),
	};

	return cmocka_run_group_tests_name("tpl", tests, setup, teardown);
}
