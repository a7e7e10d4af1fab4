/*
 * md.h: Markdown renders, and nothing an author (or an attacker who got
 * text into a consultation) writes turns into script in the page.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "md.h"
#include "utf8.h"

#define NELEM(t) (sizeof(t) / sizeof((t)[0]))

static int
setup(void **state)
{
	static struct arena	 a;

	arena_init(&a, 0);
	*state = &a;
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static const char *
md(void **state, const char *s)
{
	const char	*html;

	html = md_render(*state, s, strlen(s));
	assert_non_null(html);
	return html;
}

struct md_case {
	const char	*in;
	const char	*out;
};

static void
check_exact(void **state, const struct md_case *t, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		assert_string_equal(md(state, t[i].in), t[i].out);
}

static void
test_blocks(void **state)
{
	static const struct md_case t[] = {
		{ "", "" },
		{ "# Заголовок", "<h1>Заголовок</h1>\n" },
		{ "## Розділ 2", "<h2>Розділ 2</h2>\n" },
		{ "Абзац один.\n\nАбзац два.",
		    "<p>Абзац один.</p>\n<p>Абзац два.</p>\n" },
		{ "- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n" },
		{ "1. x\n2. y", "<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n" },
		{ "**b** _i_", "<p><strong>b</strong> <em>i</em></p>\n" },
		{ "> цитата", "<blockquote>\n<p>цитата</p>\n</blockquote>\n" },
	};

	check_exact(state, t, NELEM(t));
}

static void
test_links(void **state)
{
	static const struct md_case t[] = {
		{ "[Київ](https://kyiv.gov.ua/)",
		    "<p><a href=\"https://kyiv.gov.ua/\">Київ</a></p>\n" },
		{ "[q](/search?a=1&b=2)",
		    "<p><a href=\"/search?a=1&amp;b=2\">q</a></p>\n" },
		{ "[m](mailto:info@kyiv.gov.ua)",
		    "<p><a href=\"mailto:info@kyiv.gov.ua\">m</a></p>\n" },
		{ "[x](/a \"t\\\"onmouseover=x\")",
		    "<p><a href=\"/a\" title=\"t&quot;onmouseover=x\">x</a>"
		    "</p>\n" },
		{ "[x](/a\"onmouseover=x)",
		    "<p><a href=\"/a%22onmouseover=x\">x</a></p>\n" },
	};

	check_exact(state, t, NELEM(t));
}

/* Raw HTML, block or inline, never reaches the output. */
static void
test_raw_html_dropped(void **state)
{
	static const char *const t[] = {
		"<script>alert(1)</script>",
		"text <script>alert(1)</script> text",
		"<img src=x onerror=alert(1)>",
		"a <img src=x onerror=alert(1)> b",
		"<iframe src=\"https://evil.example\"></iframe>",
		"<div onclick=\"alert(1)\">hi</div>",
		"<a href=\"javascript:alert(1)\">y</a>",
		"<svg onload=alert(1)>",
		"<style>body{display:none}</style>",
		"<object data=x></object>",
		"<form action=https://evil.example><input></form>",
		"<SCRIPT>alert(1)</SCRIPT>",
		"- item <script>alert(1)</script>",
		"<details open ontoggle=alert(1)>",
	};
	static const char *const never[] = {
		"<script", "<SCRIPT", "<img", "<iframe", "<div", "<svg",
		"<style", "<object", "<form", "<input", "<details",
		"onerror", "onclick", "onload", "ontoggle", "javascript:",
	};
	const char	*html;
	size_t		 i, j;

	for (i = 0; i < NELEM(t); i++) {
		html = md(state, t[i]);
		for (j = 0; j < NELEM(never); j++)
			if (strstr(html, never[j]) != NULL)
				fail_msg("\"%s\" rendered as \"%s\"", t[i],
				    html);
		assert_non_null(strstr(html, "<!-- raw HTML omitted -->"));
	}
}

static void
test_raw_html_exact(void **state)
{
	static const struct md_case t[] = {
		{ "<script>alert(1)</script>", "<!-- raw HTML omitted -->\n" },
		{ "a <img src=x onerror=alert(1)> b",
		    "<p>a <!-- raw HTML omitted --> b</p>\n" },
	};

	check_exact(state, t, NELEM(t));
}

/* Dangerous link targets lose their href, however they are spelled. */
static void
test_dangerous_links_emptied(void **state)
{
	static const struct md_case t[] = {
		{ "[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n" },
		{ "[x](JaVaScRiPt:alert(1))", "<p><a href=\"\">x</a></p>\n" },
		{ "[x]( javascript:alert(1))", "<p><a href=\"\">x</a></p>\n" },
		{ "[x](<javascript:alert(1)>)",
		    "<p><a href=\"\">x</a></p>\n" },
		{ "[x](&#106;avascript:alert(1))",
		    "<p><a href=\"\">x</a></p>\n" },
		{ "[x](&#x6A;avascript:alert(1))",
		    "<p><a href=\"\">x</a></p>\n" },
		{ "[x](vbscript:msgbox(1))", "<p><a href=\"\">x</a></p>\n" },
		{ "[x](file:///etc/passwd)", "<p><a href=\"\">x</a></p>\n" },
		{ "[x](data:text/html;base64,PHNjcmlwdD4=)",
		    "<p><a href=\"\">x</a></p>\n" },
		{ "[x](data:text/html,<script>alert(1)</script>)",
		    "<p><a href=\"\">x</a></p>\n" },
		{ "<javascript:alert(1)>",
		    "<p><a href=\"\">javascript:alert(1)</a></p>\n" },
		{ "[a]: javascript:alert(1)\n\n[a]",
		    "<p><a href=\"\">a</a></p>\n" },
		{ "![i](javascript:alert(1))",
		    "<p><img src=\"\" alt=\"i\" /></p>\n" },
	};

	check_exact(state, t, NELEM(t));
}

/* data: stays allowed for images only, as the header says. */
static void
test_data_image_allowed(void **state)
{
	assert_string_equal(md(state, "![i](data:image/png;base64,iVBOR)"),
	    "<p><img src=\"data:image/png;base64,iVBOR\" alt=\"i\" /></p>\n");
}

/* Entities and angle brackets in text stay escaped. */
static void
test_entities_stay_escaped(void **state)
{
	static const struct md_case t[] = {
		{ "&lt;script&gt;alert(1)&lt;/script&gt;",
		    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n" },
		{ "a < b & c > d", "<p>a &lt; b &amp; c &gt; d</p>\n" },
		{ "&amp;lt;", "<p>&amp;lt;</p>\n" },
		{ "`<b>x</b>`", "<p><code>&lt;b&gt;x&lt;/b&gt;</code></p>\n" },
		{ "    <script>alert(1)</script>",
		    "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n"
		    "</code></pre>\n" },
		{ "\\<script>", "<p>&lt;script&gt;</p>\n" },
		{ "&#60;script&#62;", "<p>&lt;script&gt;</p>\n" },
	};

	check_exact(state, t, NELEM(t));
}

/* Invalid UTF-8 in the source does not reach the page. */
static void
test_invalid_utf8_replaced(void **state)
{
	static const char *const t[] = {
		"a\xff" "b", "\xc0\xaf", "\xed\xa0\x80", "кін\xd0",
	};
	const char	*html;
	size_t		 i;

	for (i = 0; i < NELEM(t); i++) {
		html = md(state, t[i]);
		assert_true(utf8_valid(html, strlen(html)));
	}
	assert_string_equal(md(state, "a\xff" "b"),
	    "<p>a\xef\xbf\xbd" "b</p>\n");
}

/* len bounds the input; the result is a NUL-terminated arena string. */
static void
test_len_bound(void **state)
{
	const char	*html;

	html = md_render(*state, "# a<script>", 3);
	assert_string_equal(html, "<h1>a</h1>\n");
	html = md_render(*state, "", 0);
	assert_string_equal(html, "");
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_blocks),
		T(test_links),
		T(test_raw_html_dropped),
		T(test_raw_html_exact),
		T(test_dangerous_links_emptied),
		T(test_data_image_allowed),
		T(test_entities_stay_escaped),
		T(test_invalid_utf8_replaced),
		T(test_len_bound),
	};

	return cmocka_run_group_tests_name("md", tests, NULL, NULL);
}
