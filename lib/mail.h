/*
 * Building an Internet message (RFC 5322, MIME): the headers the notify
 * worker sends, a Ukrainian subject as RFC 2047 encoded words, and a
 * multipart/alternative body with a text/plain and a text/html part, both
 * UTF-8 in base64 (so no line is longer than 76 octets, whatever the text,
 * and no line of the body can start with a "." or be taken for a boundary).
 *
 * Header values passed in are refused (-1) when they hold CR, LF or other
 * control characters: nothing a person typed can add a header.
 *
 * libcurl's SMTP sends the message as given and does the dot-stuffing of the
 * DATA phase itself (lines that start with "." get another); this module
 * does not, so the message stays the one a reader sees.
 */
#ifndef HROMADA_MAIL_H
#define HROMADA_MAIL_H

#include <stddef.h>
#include <time.h>

#include "arena.h"

#define MAIL_LINE_MAX	998	/* octets per line, CRLF not counted */

struct mail_header {
	const char	*name;
	const char	*value;		/* ASCII, one line */
};

struct mail_msg {
	const char	*from;		/* "addr" or "Name <addr>" (ASCII) */
	const char	*from_name;	/* optional display name, UTF-8 */
	const char	*to;		/* addr */
	const char	*subject;	/* UTF-8 */
	const char	*message_id;	/* "<...@...>" */
	time_t		 date;
	const char	*text;		/* UTF-8, LF or CRLF line ends */
	const char	*html;		/* UTF-8 */
	const struct mail_header *extra;	/* e.g. List-Unsubscribe */
	size_t		 nextra;
	const char	*boundary;	/* ASCII, no "=_" in either part */
};

/*
 * The header value of a UTF-8 text as encoded words ("=?UTF-8?B?...?=")
 * folded so that each line stays within 76 octets, or the text itself when
 * it is printable ASCII that fits and holds no "=?" (which a reader would
 * take for an encoded word).  start is the length of "Name: " on the first line.
 * Encoded words never split a UTF-8 sequence.  NULL on allocation failure
 * or invalid UTF-8 / control characters.
 */
char	*mail_encode_header(struct arena *, const char *utf8, size_t start);

/* base64 of data in lines of 76 characters, each ending in CRLF. */
char	*mail_base64_lines(struct arena *, const void *data, size_t len);

/* Date as RFC 5322 wants it (UTC, "+0000"), in buf of at least 40. */
char	*mail_date(char *buf, size_t cap, time_t t);

/*
 * The whole message with CRLF line ends, NUL-terminated, from the arena;
 * *len its length.  NULL when a header value is unsafe or on allocation
 * failure.
 */
char	*mail_build(struct arena *, const struct mail_msg *, size_t *len);

/* Whether every line of s (CRLF separated) is at most MAIL_LINE_MAX. */
int	 mail_lines_ok(const char *s, size_t len);

#endif /* HROMADA_MAIL_H */
