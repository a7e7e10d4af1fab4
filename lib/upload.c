#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "http.h"
#include "log.h"
#include "upload.h"
#include "utf8.h"

const struct upload_kind upload_kinds[UPLOAD__MAX] = {
	{ "pdf", "application/pdf", "PDF" },
	{ "docx", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document", "DOCX" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet", "XLSX" },
	{ "odt", "application/vnd.oasis.opendocument.text", "ODT" },
	{ "ods", "application/vnd.oasis.opendocument.spreadsheet", "ODS" },
	{ "png", "image/png", "PNG" },
	{ "jpg", "image/jpeg", "JPEG" },
};

static uint16_t
le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* OpenDocument: the first entry is "mimetype", stored, holding the type. */
static enum upload_type
detect_odf(const unsigned char *d, size_t len)
{
	static const char	 text[] = "application/vnd.oasis.opendocument.text";
	static const char	 sheet[] =
	    "application/vnd.oasis.opendocument.spreadsheet";
	size_t			 nlen, xlen, csize, off;

	if (len < 30)
		return UPLOAD__MAX;
	nlen = le16(d + 26);
	xlen = le16(d + 28);
	csize = le32(d + 18);
	if (le16(d + 8) != 0 || nlen != 8 || 30 + nlen > len ||
	    memcmp(d + 30, "mimetype", 8) != 0)
		return UPLOAD__MAX;
	off = 30 + nlen + xlen;
	if (off > len || csize > len - off)
		return UPLOAD__MAX;
	if (csize == sizeof(text) - 1 && memcmp(d + off, text, csize) == 0)
		return UPLOAD_ODT;
	if (csize == sizeof(sheet) - 1 && memcmp(d + off, sheet, csize) == 0)
		return UPLOAD_ODS;
	return UPLOAD__MAX;
}

/* OOXML: the central directory's names decide. */
static enum upload_type
detect_ooxml(const unsigned char *d, size_t len)
{
	size_t		 eocd, stop, cd, cdsize, p, n, i, nlen;
	int		 types = 0, word = 0, xl = 0;

	if (len < 22)
		return UPLOAD__MAX;
	/* The end record, after which at most a 64 KiB comment. */
	stop = len - 22 > 65535 ? len - 22 - 65535 : 0;
	for (eocd = len - 22; ; eocd--) {
		if (le32(d + eocd) == 0x06054b50)
			break;
		if (eocd == stop)
			return UPLOAD__MAX;
	}
	n = le16(d + eocd + 10);
	cdsize = le32(d + eocd + 12);
	cd = le32(d + eocd + 16);
	if (cd > eocd || cdsize > eocd - cd)
		return UPLOAD__MAX;
	for (p = cd, i = 0; i < n; i++) {
		if (cd + cdsize - p < 46 || le32(d + p) != 0x02014b50)
			return UPLOAD__MAX;
		nlen = le16(d + p + 28);
		if (cd + cdsize - p - 46 < nlen)
			return UPLOAD__MAX;
#define NAME_IS(s) (nlen == sizeof(s) - 1 && memcmp(d + p + 46, s, nlen) == 0)
		types |= NAME_IS("[Content_Types].xml");
		word |= NAME_IS("word/document.xml");
		xl |= NAME_IS("xl/workbook.xml");
#undef NAME_IS
		nlen += (size_t)le16(d + p + 30) + le16(d + p + 32);
		if (cd + cdsize - p - 46 < nlen)
			return UPLOAD__MAX;
		p += 46 + nlen;
	}
	if (!types || word == xl)
		return UPLOAD__MAX;
	return word ? UPLOAD_DOCX : UPLOAD_XLSX;
}

enum upload_type
upload_detect(const unsigned char *d, size_t len)
{
	enum upload_type	 t;

	if (len >= 5 && memcmp(d, "%PDF-", 5) == 0)
		return UPLOAD_PDF;
	if (len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return UPLOAD_PNG;
	if (len >= 3 && memcmp(d, "\xff\xd8\xff", 3) == 0)
		return UPLOAD_JPEG;
	if (len >= 4 && memcmp(d, "PK\x03\x04", 4) == 0) {
		if ((t = detect_odf(d, len)) != UPLOAD__MAX)
			return t;
		return detect_ooxml(d, len);
	}
	return UPLOAD__MAX;
}

/* Extensions a file of its own may have: never in the middle of a name. */
static const char *const known_ext[] = {
	"pdf", "doc", "docx", "docm", "dot", "xls", "xlsx", "xlsm", "ppt",
	"pptx", "odt", "ods", "odp", "rtf", "txt", "csv", "xml", "png", "jpg",
	"jpeg", "gif", "bmp", "tif", "tiff", "svg", "svgz", "webp", "ico",
	"html", "htm", "xhtml", "shtml", "xht", "js", "mjs", "css", "php",
	"php3", "php4", "php5", "php7", "phtml", "phar", "pht", "asp", "aspx",
	"jsp", "jspx", "cgi", "fcgi", "pl", "py", "pyc", "rb", "sh", "bash",
	"bat", "cmd", "com", "exe", "dll", "msi", "scr", "vbs", "vbe", "wsf",
	"ps1", "jar", "war", "apk", "lnk", "hta", "swf", "zip", "rar", "7z",
	"gz", "tar", "iso", "img", NULL
};

static int
known(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; known_ext[i] != NULL; i++)
		if (strlen(known_ext[i]) == n &&
		    strncasecmp(known_ext[i], s, n) == 0)
			return 1;
	return 0;
}

/* Code point at s (valid UTF-8); *n its length. */
static uint32_t
cp_at(const unsigned char *s, size_t *n)
{
	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] < 0xe0) {
		*n = 2;
		return (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
	}
	if (s[0] < 0xf0) {
		*n = 3;
		return (uint32_t)(s[0] & 0x0f) << 12 |
		    (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	}
	*n = 4;
	return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 |
	    (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
}

static int
invisible(uint32_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
	    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
}

enum upload_name_error
upload_name(const char *sent, char *out, size_t cap, enum upload_type *type)
{
	const char	*name, *p, *dot, *seg;
	size_t		 len, n, i;
	unsigned char	 c;

	*type = UPLOAD__MAX;
	if (cap < UPLOAD_NAME_MAX + 1)
		return UPLOAD_NAME_BAD;
	*out = '\0';
	name = sent;
	for (p = sent; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			name = p + 1;
	len = strlen(name);
	if (len == 0 || len > UPLOAD_NAME_MAX || !utf8_valid(name, len) ||
	    *name == '.')
		return UPLOAD_NAME_BAD;
	for (i = 0; i < len; i += n)
		if (invisible(cp_at((const unsigned char *)name + i, &n)))
			return UPLOAD_NAME_BAD;
	if ((dot = strrchr(name, '.')) == NULL)
		return UPLOAD_NAME_TYPE;
	for (i = 0; i < UPLOAD__MAX; i++)
		if (strcasecmp(dot + 1, upload_kinds[i].ext) == 0)
			*type = (enum upload_type)i;
	if (strcasecmp(dot + 1, "jpeg") == 0)
		*type = UPLOAD_JPEG;
	if (*type == UPLOAD__MAX)
		return UPLOAD_NAME_TYPE;
	/* Every part between the first and the extension. */
	for (seg = strchr(name, '.'); seg != dot; seg = p) {
		p = strchr(seg + 1, '.');
		if (known(seg + 1, (size_t)(p - seg - 1)))
			return UPLOAD_NAME_DOUBLE;
	}
	for (i = 0; i < len; i++) {
		c = (unsigned char)name[i];
		if (&name[i] > dot)
			c = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		else if (c < 0x80 && !((c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.'))
			c = '_';
		out[i] = (char)c;
	}
	out[len] = '\0';
	return UPLOAD_NAME_OK;
}

static void
hash_hex(const unsigned char *data, size_t len, char *hex)
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(hex, UPLOAD_HASH_LEN + 1, h, sizeof(h));
}

static int
write_all(int fd, const unsigned char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

void
upload_hash(const unsigned char *data, size_t len, char *hash)
{
	hash_hex(data, len, hash);
}

#define LOCK_STEP_MS	10

int
upload_lock(const char *dir, const char *hash)
{
	char		 sub[PATH_MAX], path[PATH_MAX];
	struct timespec	 step = { 0, LOCK_STEP_MS * 1000000L };
	int		 fd, w, w2, waited = 0;

	w = snprintf(sub, sizeof(sub), "%s/%.2s", dir, hash);
	w2 = snprintf(path, sizeof(path), "%s/.lock", sub);
	if (w < 0 || w2 < 0 || (size_t)w >= sizeof(sub) ||
	    (size_t)w2 >= sizeof(path)) {
		errno = ENAMETOOLONG;
		goto fail;
	}
	if ((mkdir(dir, 0755) == -1 && errno != EEXIST) ||
	    (mkdir(sub, 0755) == -1 && errno != EEXIST))
		goto fail;
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1)
		goto fail;
	/* Polled, so that the wait has an end (flock has no timeout). */
	while (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			w = errno;
			close(fd);
			errno = w;
			goto fail;
		}
		if (waited >= UPLOAD_LOCK_MS) {
			close(fd);
			errno = ETIMEDOUT;
			goto fail;
		}
		(void)nanosleep(&step, NULL);
		waited += LOCK_STEP_MS;
	}
	return fd;
fail:
	log_error("upload: locking %.2s in %s: %s", hash, dir,
	    strerror(errno));
	return -1;
}

void
upload_unlock(int fd)
{
	if (fd != -1)
		close(fd);		/* and with it the lock */
}

int
upload_exists(const char *dir, const char *hash)
{
	char		 path[PATH_MAX];
	struct stat	 st;
	int		 w;

	w = snprintf(path, sizeof(path), "%s/%.2s/%s", dir, hash, hash);
	return w > 0 && (size_t)w < sizeof(path) && stat(path, &st) == 0 &&
	    S_ISREG(st.st_mode);
}

int
upload_store(const char *dir, const unsigned char *data, size_t len,
    char *hash, int *existed)
{
	char		 sub[PATH_MAX], path[PATH_MAX], tmp[PATH_MAX];
	int		 fd = -1, w, w2, w3;

	*existed = 0;
	hash_hex(data, len, hash);
	w = snprintf(sub, sizeof(sub), "%s/%.2s", dir, hash);
	w2 = snprintf(path, sizeof(path), "%s/%s", sub, hash);
	w3 = snprintf(tmp, sizeof(tmp), "%s/.tmp-XXXXXX", sub);
	if (w < 0 || w2 < 0 || w3 < 0 || (size_t)w2 >= sizeof(path) ||
	    (size_t)w3 >= sizeof(tmp)) {
		errno = ENAMETOOLONG;
		goto fail;
	}
	if (upload_exists(dir, hash)) {
		*existed = 1;
		return 0;
	}
	if ((mkdir(dir, 0755) == -1 && errno != EEXIST) ||
	    (mkdir(sub, 0755) == -1 && errno != EEXIST))
		goto fail;
	if ((fd = mkstemp(tmp)) == -1)
		goto fail;
	if (write_all(fd, data, len) == -1 || fchmod(fd, 0644) == -1 ||
	    fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) == -1)
		goto fail;
	return 0;
fail:
	log_error("upload: storing %s in %s: %s", hash, dir, strerror(errno));
	if (fd != -1) {
		close(fd);
		(void)unlink(tmp);
	} else if (w3 > 0 && (size_t)w3 < sizeof(tmp) &&
	    strstr(tmp, "XXXXXX") == NULL)
		(void)unlink(tmp);
	return -1;
}

const char *
upload_href(struct arena *a, const char *hash, const char *name)
{
	char	 enc[UPLOAD_NAME_MAX * 3 + 1];

	http_url_encode(enc, sizeof(enc), name);
	return arena_printf(a, "/uploads/%s/%s", hash, enc);
}
