/*
 * upload.h: types by their bytes (and not by a look-alike), file names
 * (last component, double extensions, controls and direction marks,
 * what the stored name keeps), storage by SHA-256 (once, 0644, no
 * temporary file left, errors), the public URL.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "arena.h"
#include "upload.h"

#define S(x)	(const unsigned char *)(x), sizeof(x) - 1

/* ---- a ZIP of stored entries, in order (like the HTTP test's) ---------- */

struct zentry {
	const char	*name, *data;
	int		 method;
};

static uint32_t
crc32_of(const char *s, size_t n)
{
	uint32_t	 c = 0xffffffffu;
	size_t		 i;
	int		 k;

	for (i = 0; i < n; i++) {
		c ^= (unsigned char)s[i];
		for (k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0xedb88320u : c >> 1;
	}
	return ~c;
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xffff);
	put16(p + 2, v >> 16);
}

/* Builds a ZIP into buf (cap bytes); returns its length. */
static size_t
zip(unsigned char *buf, size_t cap, const struct zentry *e, size_t n)
{
	unsigned char	 cd[4096];
	size_t		 off = 0, cdn = 0, i, nl, dl;
	uint32_t	 crc;

	for (i = 0; i < n; i++) {
		nl = strlen(e[i].name);
		dl = strlen(e[i].data);
		crc = crc32_of(e[i].data, dl);
		assert_true(off + 30 + nl + dl < cap && cdn + 46 + nl < sizeof(cd));
		memset(buf + off, 0, 30);
		put32(buf + off, 0x04034b50);
		put16(buf + off + 4, 20);
		put16(buf + off + 8, (unsigned)e[i].method);
		put32(buf + off + 14, crc);
		put32(buf + off + 18, (uint32_t)dl);
		put32(buf + off + 22, (uint32_t)dl);
		put16(buf + off + 26, (unsigned)nl);
		memcpy(buf + off + 30, e[i].name, nl);
		memcpy(buf + off + 30 + nl, e[i].data, dl);
		memset(cd + cdn, 0, 46);
		put32(cd + cdn, 0x02014b50);
		put16(cd + cdn + 10, (unsigned)e[i].method);
		put32(cd + cdn + 16, crc);
		put32(cd + cdn + 20, (uint32_t)dl);
		put32(cd + cdn + 24, (uint32_t)dl);
		put16(cd + cdn + 28, (unsigned)nl);
		put32(cd + cdn + 42, (uint32_t)off);
		memcpy(cd + cdn + 46, e[i].name, nl);
		cdn += 46 + nl;
		off += 30 + nl + dl;
	}
	assert_true(off + cdn + 22 < cap);
	memcpy(buf + off, cd, cdn);
	memset(buf + off + cdn, 0, 22);
	put32(buf + off + cdn, 0x06054b50);
	put16(buf + off + cdn + 8, (unsigned)n);
	put16(buf + off + cdn + 10, (unsigned)n);
	put32(buf + off + cdn + 12, (uint32_t)cdn);
	put32(buf + off + cdn + 16, (uint32_t)off);
	return off + cdn + 22;
}

#define ZIP(buf, ...) zip(buf, sizeof(buf), (const struct zentry[]){ \
	__VA_ARGS__ }, sizeof((const struct zentry[]){ __VA_ARGS__ }) / \
	sizeof(struct zentry))

#define CT	{ "[Content_Types].xml", "<Types/>", 0 }
#define ODT_MT	"application/vnd.oasis.opendocument.text"

/* ---- detection --------------------------------------------------------- */

static void
test_detect_signatures(void **state)
{
	(void)state;
	assert_int_equal(upload_detect(S("%PDF-1.7\n...")), UPLOAD_PDF);
	assert_int_equal(upload_detect(S("\x89PNG\r\n\x1a\n\0\0\0\rIHDR")),
	    UPLOAD_PNG);
	assert_int_equal(upload_detect(S("\xff\xd8\xff\xe0\0\x10JFIF")),
	    UPLOAD_JPEG);
	/* Look-alikes and fragments. */
	assert_int_equal(upload_detect(S("%PDF")), UPLOAD__MAX);
	assert_int_equal(upload_detect(S(" %PDF-1.7")), UPLOAD__MAX);
	assert_int_equal(upload_detect(S("\x89PNG\r\n")), UPLOAD__MAX);
	assert_int_equal(upload_detect(S("\xff\xd8")), UPLOAD__MAX);
	assert_int_equal(upload_detect(S("MZ\x90\0")), UPLOAD__MAX);
	assert_int_equal(upload_detect(S("<html><script>")), UPLOAD__MAX);
	assert_int_equal(upload_detect(S("GIF89a")), UPLOAD__MAX);
	assert_int_equal(upload_detect(S("")), UPLOAD__MAX);
	assert_int_equal(upload_detect(S("PK\x03\x04")), UPLOAD__MAX);
}

static void
test_detect_office(void **state)
{
	unsigned char	 b[4096];
	size_t		 n;

	(void)state;
	n = ZIP(b, CT, { "_rels/.rels", "<r/>", 0 },
	    { "word/document.xml", "<w/>", 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD_DOCX);
	n = ZIP(b, CT, { "xl/workbook.xml", "<x/>", 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD_XLSX);
	n = ZIP(b, { "mimetype", ODT_MT, 0 }, { "content.xml", "<c/>", 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD_ODT);
	n = ZIP(b, { "mimetype", "application/vnd.oasis.opendocument."
	    "spreadsheet", 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD_ODS);
	/* A presentation, a plain ZIP, both word and xl, no content types. */
	n = ZIP(b, CT, { "ppt/presentation.xml", "<p/>", 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	n = ZIP(b, { "readme.txt", "hi", 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	n = ZIP(b, CT, { "word/document.xml", "", 0 },
	    { "xl/workbook.xml", "", 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	n = ZIP(b, { "word/document.xml", "<w/>", 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	/* OpenDocument: mimetype must be first, stored, and exact. */
	n = ZIP(b, { "content.xml", "<c/>", 0 }, { "mimetype", ODT_MT, 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	n = ZIP(b, { "mimetype", ODT_MT, 8 });
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	n = ZIP(b, { "mimetype", "application/vnd.oasis.opendocument.textx",
	    0 });
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	n = ZIP(b, { "mimetype", "application/vnd.oasis.opendocument."
	    "presentation", 0 });
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
}

static void
test_detect_damaged_zip(void **state)
{
	unsigned char	 b[4096];
	size_t		 n, cut;

	(void)state;
	n = ZIP(b, CT, { "word/document.xml", "<w/>", 0 });
	/* Every truncation is refused, never read past the end. */
	for (cut = 0; cut < n; cut++)
		assert_int_equal(upload_detect(b, cut), UPLOAD__MAX);
	/* A central directory offset or size pointing outside. */
	put32(b + n - 6, 0xfffffff0u);
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	n = ZIP(b, CT, { "word/document.xml", "<w/>", 0 });
	put32(b + n - 10, 0xfffffff0u);
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	/* More entries than the directory holds. */
	n = ZIP(b, CT, { "word/document.xml", "<w/>", 0 });
	put16(b + n - 12, 60000);
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	/* A name length running past the directory. */
	n = ZIP(b, CT, { "word/document.xml", "<w/>", 0 });
	put16(b + n - 22 - (46 + 17) + 28, 4000);
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
	/* A mimetype entry claiming more bytes than there are. */
	n = ZIP(b, { "mimetype", ODT_MT, 0 });
	put32(b + 18, 0x7fffffff);
	assert_int_equal(upload_detect(b, n), UPLOAD__MAX);
}

/* ---- names --------------------------------------------------------------- */

static void
test_name_good(void **state)
{
	static const struct {
		const char		*sent, *stored;
		enum upload_type	 type;
	} t[] = {
		{ "rishennia.pdf", "rishennia.pdf", UPLOAD_PDF },
		{ "Рішення №5 від 01.02.2026.pdf", "Рішення_№5_від_01.02.2026.pdf",
		    UPLOAD_PDF },
		{ "../../etc/passwd.pdf", "passwd.pdf", UPLOAD_PDF },
		{ "C:\\x\\y.pdf", "y.pdf", UPLOAD_PDF },
		{ "/a/b\\c/d.DOCX", "d.docx", UPLOAD_DOCX },
		{ "zvit v1.2.xlsx", "zvit_v1.2.xlsx", UPLOAD_XLSX },
		{ "a.odt", "a.odt", UPLOAD_ODT },
		{ "a.ods", "a.ods", UPLOAD_ODS },
		{ "photo.JPEG", "photo.jpeg", UPLOAD_JPEG },
		{ "photo.jpg", "photo.jpg", UPLOAD_JPEG },
		{ "a&b;c\"d'e<f>%g#h?i.png", "a_b_c_d_e_f__g_h_i.png",
		    UPLOAD_PNG },
		{ "draft.final.pdf", "draft.final.pdf", UPLOAD_PDF },
	};
	char			 out[UPLOAD_NAME_MAX + 1];
	enum upload_type	 type;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(upload_name(t[i].sent, out, sizeof(out),
		    &type), UPLOAD_NAME_OK);
		assert_string_equal(out, t[i].stored);
		assert_int_equal(type, t[i].type);
	}
}

static void
test_name_refused(void **state)
{
	static const struct {
		const char		*sent;
		enum upload_name_error	 err;
	} t[] = {
		{ "", UPLOAD_NAME_BAD },
		{ "a/b/", UPLOAD_NAME_BAD },
		{ "C:\\", UPLOAD_NAME_BAD },
		{ ".pdf", UPLOAD_NAME_BAD },
		{ "..", UPLOAD_NAME_BAD },
		{ "x/.htaccess.pdf", UPLOAD_NAME_BAD },
		{ "a\tb.pdf", UPLOAD_NAME_BAD },
		{ "a\x7f.pdf", UPLOAD_NAME_BAD },
		{ "a\xc2\x85.pdf", UPLOAD_NAME_BAD },		/* C1 NEL */
		{ "rishennia\xe2\x80\xaepdf.exe", UPLOAD_NAME_BAD }, /* RLO */
		{ "a\xe2\x80\x8b.pdf", UPLOAD_NAME_BAD },	/* ZWSP */
		{ "a\xe2\x81\xa6.pdf", UPLOAD_NAME_BAD },	/* LRI */
		{ "a\xef\xbb\xbf.pdf", UPLOAD_NAME_BAD },	/* BOM */
		{ "a\xff.pdf", UPLOAD_NAME_BAD },
		{ "noextension", UPLOAD_NAME_TYPE },
		{ "setup.exe", UPLOAD_NAME_TYPE },
		{ "a.pdf.", UPLOAD_NAME_TYPE },
		{ "a.pdf ", UPLOAD_NAME_TYPE },
		{ "a.doc", UPLOAD_NAME_TYPE },
		{ "a.svg", UPLOAD_NAME_TYPE },
		{ "a.html", UPLOAD_NAME_TYPE },
		{ "rishennia.pdf.exe", UPLOAD_NAME_TYPE },
		{ "x.php.pdf", UPLOAD_NAME_DOUBLE },
		{ "x.PhP5.pdf", UPLOAD_NAME_DOUBLE },
		{ "x.exe.pdf", UPLOAD_NAME_DOUBLE },
		{ "x.pdf.pdf", UPLOAD_NAME_DOUBLE },
		{ "x.html.png", UPLOAD_NAME_DOUBLE },
		{ "a.b.js.c.jpg", UPLOAD_NAME_DOUBLE },
	};
	char			 out[UPLOAD_NAME_MAX + 1];
	enum upload_type	 type;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (upload_name(t[i].sent, out, sizeof(out), &type) !=
		    t[i].err)
			fail_msg("case %zu (%s) not refused as %d", i,
			    t[i].sent, (int)t[i].err);
}

static void
test_name_length(void **state)
{
	char			 name[UPLOAD_NAME_MAX + 16];
	char			 out[UPLOAD_NAME_MAX + 1];
	enum upload_type	 type;

	(void)state;
	memset(name, 'a', UPLOAD_NAME_MAX - 4);
	memcpy(name + UPLOAD_NAME_MAX - 4, ".pdf", 5);
	assert_int_equal(upload_name(name, out, sizeof(out), &type),
	    UPLOAD_NAME_OK);
	assert_int_equal(strlen(out), UPLOAD_NAME_MAX);
	memset(name, 'a', UPLOAD_NAME_MAX - 3);
	memcpy(name + UPLOAD_NAME_MAX - 3, ".pdf", 5);
	assert_int_equal(upload_name(name, out, sizeof(out), &type),
	    UPLOAD_NAME_BAD);
	/* A long path is fine: only its last component counts. */
	memset(name, '/', UPLOAD_NAME_MAX);
	memcpy(name + UPLOAD_NAME_MAX, "x.pdf", 6);
	assert_int_equal(upload_name(name, out, sizeof(out), &type),
	    UPLOAD_NAME_OK);
	assert_string_equal(out, "x.pdf");
	/* A buffer too small is refused, not overrun. */
	assert_int_equal(upload_name("x.pdf", out, 10, &type),
	    UPLOAD_NAME_BAD);
}

/* ---- storage ------------------------------------------------------------- */

struct store {
	char	 dir[64];
};

static int
store_setup(void **state)
{
	static struct store	 s;

	strcpy(s.dir, "/tmp/hromada-upload-XXXXXX");
	if (mkdtemp(s.dir) == NULL)
		return -1;
	*state = &s;
	return 0;
}

static int
store_teardown(void **state)
{
	struct store	*s = *state;
	char		 cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", s->dir);
	return system(cmd) == 0 ? 0 : -1;
}

static size_t
entries(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	size_t		 n = 0;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void
test_store_once(void **state)
{
	struct store	*s = *state;
	char		 hash[UPLOAD_HASH_LEN + 1], path[256], buf[16];
	struct stat	 st;
	FILE		*f;
	int		 existed = -1;

	assert_int_equal(upload_store(s->dir, S("abc"), hash, &existed), 0);
	assert_int_equal(existed, 0);
	assert_string_equal(hash, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	snprintf(path, sizeof(path), "%s/ba/%s", s->dir, hash);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(st.st_size, 3);
	assert_non_null(f = fopen(path, "rb"));
	assert_int_equal(fread(buf, 1, sizeof(buf), f), 3);
	fclose(f);
	assert_memory_equal(buf, "abc", 3);
	assert_true(upload_exists(s->dir, hash));
	/* Again: nothing written, still one file, no temporary left. */
	assert_int_equal(upload_store(s->dir, S("abc"), hash, &existed), 0);
	assert_int_equal(existed, 1);
	snprintf(path, sizeof(path), "%s/ba", s->dir);
	assert_int_equal(entries(path), 1);
	/* Empty content has a hash too. */
	assert_int_equal(upload_store(s->dir, S(""), hash, &existed), 0);
	assert_string_equal(hash, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	assert_int_equal(entries(s->dir), 2);
}

static void
test_store_fails_cleanly(void **state)
{
	struct store	*s = *state;
	char		 hash[UPLOAD_HASH_LEN + 1], dir[128];
	FILE		*f;
	int		 existed;

	/* The upload directory is a file: refused, nothing made. */
	snprintf(dir, sizeof(dir), "%s/file", s->dir);
	assert_non_null(f = fopen(dir, "w"));
	fclose(f);
	assert_int_equal(upload_store(dir, S("x"), hash, &existed), -1);
	assert_false(upload_exists(dir, hash));
	/* A missing directory is made. */
	snprintf(dir, sizeof(dir), "%s/new", s->dir);
	assert_int_equal(upload_store(dir, S("x"), hash, &existed), 0);
	assert_true(upload_exists(dir, hash));
}

static void
test_href(void **state)
{
	struct arena	 a;

	(void)state;
	arena_init(&a, 0);
	assert_string_equal(upload_href(&a, "ab12", "Рі_1.pdf"),
	    "/uploads/ab12/%D0%A0%D1%96_1.pdf");
	arena_free(&a);
}

#define T(t)	cmocka_unit_test(t)
#define TS(t)	cmocka_unit_test_setup_teardown(t, store_setup, store_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_detect_signatures),
		T(test_detect_office),
		T(test_detect_damaged_zip),
		T(test_name_good),
		T(test_name_refused),
		T(test_name_length),
		TS(test_store_once),
		TS(test_store_fails_cleanly),
		T(test_href),
	};

	return cmocka_run_group_tests_name("upload", tests, NULL, NULL);
}
