/*
 * notify: the e-mail worker.  Not behind nginx: scripts/stack.sh starts it
 * beside the FastCGI programs.  A master process keeps one worker alive
 * (restarted a second after it dies) and answers on HROMADA_SOCKET, which
 * it accepts and closes, so that stack.sh can tell it is up.
 *
 * The worker loops: adds the events that follow from dates (opened, closes
 * in 3 days; each minute), matches new events to subscriptions (outbox
 * rows), then claims due outbox rows, renders each from the templates
 * mail.txt.tpl and mail.html.tpl and sends it through SMTP with libcurl.
 * An author who ticked "notify" on the comment form (comments.notify_author)
 * gets the answer to their proposal and, once per address, the results
 * report ('report' events, added when 'completed' is matched).  Those
 * messages belong to no subscription: no footer, no List-Unsubscribe (one
 * message per answer and one per report is all such an address ever gets).
 * A weekly subscription's rows fall due together on Monday morning (see
 * DUE_AT in lib/db_notify.c) and go out as one message, the digest: its
 * rows are claimed, handed and marked together.
 *
 * Never twice.  Claim: UPDATE ... SET claimed_by = me, lease_until = now +
 * HROMADA_NOTIFY_LEASE WHERE queued, due, not handed and not leased.  Just
 * before the final "." of DATA (libcurl asks the read callback for more and
 * gets the end) the row is marked handed_at, and as soon as the relay's
 * reply is known it is marked sent (2xx), back to the queue with a back-off
 * (4xx, connection trouble: base x 2^attempts), or failed with the reply
 * (5xx after HROMADA_NOTIFY_MAX_PERMANENT, 4xx after
 * HROMADA_NOTIFY_MAX_ATTEMPTS).  A worker killed
 *   - before the final ".": the relay dropped the unfinished message; the
 *     row is claimed again when its lease lapses and sent then;
 *   - after handed_at was written, before "sent" was: the message may have
 *     been delivered.  When the lease lapses the row becomes 'unknown' with
 *     the reason, and is not sent again.
 * So each message is delivered at most once, and every message not caught
 * in that window (milliseconds: the relay's reply to the ".", and one
 * UPDATE) is delivered after a restart: exactly once in practice, at most
 * once always.  We chose a possible loss of one marked message over a
 * possible duplicate: a resident told twice distrusts the service, and an
 * 'unknown' row is visible to the operator (SELECT ... WHERE state =
 * 'unknown'), who can re-queue it.
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <mysql.h>

#include "config.h"
#include "db.h"
#include "db_agenda.h"
#include "db_notify.h"
#include "lifecycle.h"
#include "log.h"
#include "mail.h"
#include "secret.h"
#include "tpl.h"
#include "view.h"

#define BATCH		20
#define ARENA_LIMIT	(4 * 1024 * 1024)

static volatile sig_atomic_t	 stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

#define DIGEST_MAX	100	/* events in one weekly message */

struct sending {
	struct db	*db;
	struct arena	*a;
	const uint64_t	*ids;		/* the rows this message stands for */
	size_t		 nids;
	const char	*who;
	const char	*msg;
	size_t		 len, off;
	int		 handed;
	int		 refused;
};

/*
 * libcurl's reader.  At the end of the message, before libcurl sends the
 * final ".", the row is marked handed; if that cannot be written the
 * transfer is aborted, so nothing is delivered that the table does not
 * know of.
 */
static size_t
reader(char *buf, size_t size, size_t nmemb, void *p)
{
	struct sending	*s = p;
	size_t		 n = size * nmemb;
	size_t		 i;

	if (s->off == s->len) {
		if (!s->handed) {
			for (i = 0; i < s->nids; i++)
				if (db_outbox_handed(s->db, s->a, s->ids[i],
				    s->who) == -1) {
					s->refused = 1;
					return CURL_READFUNC_ABORT;
				}
			s->handed = 1;
		}
		return 0;
	}
	if (n > s->len - s->off)
		n = s->len - s->off;
	memcpy(buf, s->msg + s->off, n);
	s->off += n;
	return n;
}

static const char *
abs_href(struct arena *a, const char *path)
{
	const char	*b = cfg.base_url;
	size_t		 n = strlen(b);

	return arena_printf(a, "%.*s%s", (int)(n > 0 && b[n - 1] == '/' ?
	    n - 1 : n), b, path);
}

static const char *
mk_link(struct arena *a, const char *path, const char *purpose,
    const unsigned char *nonce)
{
	char	 tok[LINK_TOKEN_LEN + 1];

	link_token(tok, purpose, nonce);
	return abs_href(a, arena_printf(a, "%s?token=%s", path, tok));
}

struct rendered {
	const char	*subject;
	const char	*unsubscribe;	/* NULL: no List-Unsubscribe */
	char		*text, *html;
};

/* What the event says: the subject's start and the first line. */
static void
event_words(const char *kind, const char **subj, const char **lead)
{
	if (strcmp(kind, "announced") == 0) {
		*subj = "Оголошено консультацію";
		*lead = "Оголошено нову консультацію за вашою підпискою.";
	} else if (strcmp(kind, "opened") == 0) {
		*subj = "Розпочалася консультація";
		*lead = "Розпочався прийом пропозицій до консультації за вашою "
		    "підпискою.";
	} else if (strcmp(kind, "closing") == 0) {
		*subj = "Залишилося 3 дні";
		*lead = "За три дні завершується прийом пропозицій до "
		    "консультації за вашою підпискою.";
	} else if (strcmp(kind, "completed") == 0) {
		*subj = "Оприлюднено звіт";
		*lead = "Оприлюднено звіт про результати консультації за вашою "
		    "підпискою.";
	} else if (strcmp(kind, "report") == 0) {
		*subj = "Оприлюднено звіт";
		*lead = "Оприлюднено звіт про результати консультації, до якої "
		    "ви надіслали коментар або пропозицію.";
	} else {
		*subj = "Відповідь на вашу пропозицію";
		*lead = "Організатор консультації відповів на вашу пропозицію.";
	}
}

static const char *
decision_uk(const char *d)
{
	if (strcmp(d, "accepted") == 0)
		return "Враховано";
	if (strcmp(d, "partially-accepted") == 0)
		return "Враховано частково";
	if (strcmp(d, "rejected") == 0)
		return "Не враховано";
	return "Не стосується предмета консультації";
}

/*
 * Fills the dictionary of a message; 1 ready, 0 nothing to send (the why
 * in *why), -1 database trouble.
 */
/* A weekly digest: one ITEM per event, oldest first. */
static int
fill_digest(struct db *db, struct arena *a, struct tpl_dict *d,
    struct rendered *m, const struct digest_item *items, size_t n)
{
	struct mail_consultation c;
	struct tpl_dict	*s, *it;
	const char	*subj, *lead;
	char		 buf[64];
	size_t		 i;
	int		 rc;

	m->subject = "Щотижневий огляд консультацій";
	s = tpl_add(d, "DIGEST");
	for (i = 0; i < n; i++) {
		if ((rc = db_mail_consultation(db, a, items[i].consultation_id,
		    &c)) == -1)
			return -1;
		if (rc == 0 || (it = tpl_add(s, "ITEM")) == NULL)
			continue;
		event_words(items[i].kind, &subj, &lead);
		tpl_set(it, "ITEM_WHAT", subj);
		tpl_set(it, "ITEM_TITLE", c.title);
		tpl_set(it, "ITEM_UNIT", c.unit);
		tpl_set(it, "ITEM_CLOSES_TEXT", fmt_date_uk(buf, sizeof(buf),
		    c.closes));
		tpl_set(it, "ITEM_HREF", abs_href(a, view_href(a, c.id,
		    c.slug)));
	}
	return 1;
}

/*
 * The unit's decision on a topic a resident proposed for the agenda
 * (kind 'agenda', queued by the trigger of 110_stats_agenda.sql when the
 * topic leaves 'proposed'), from mail_agenda.*.tpl.  What the topic is now
 * decides the words: a decision taken back to 'proposed' sends nothing.
 */
static int
fill_agenda(struct db *db, struct arena *a, const struct outbox_row *o,
    struct tpl_dict *d, struct rendered *m, const char **why)
{
	struct agenda_item	 it;
	struct tpl_dict		*s;
	time_t			 published;
	int			 rc, declined;

	if ((rc = db_agenda_outbox(db, a, o->id, &it)) != 1) {
		*why = "the agenda topic is gone";
		return rc;
	}
	declined = strcmp(it.status, "declined") == 0;
	if (!declined && strcmp(it.status, "planned") != 0 &&
	    strcmp(it.status, "scheduled") != 0 &&
	    strcmp(it.status, "held") != 0) {
		*why = "the topic is no longer decided";
		return 0;
	}
	if ((rc = db_agenda_plan_get(db, a, it.year, &published)) == -1)
		return -1;
	if (rc == 0)
		published = 0;
	m->subject = arena_printf(a, "%s: %s", declined ?
	    "Вашу пропозицію теми консультації відхилено" :
	    "Вашу тему включено до плану консультацій", it.topic);
	tpl_set(d, "NAME", it.proposer_name);
	tpl_set(d, "TOPIC", it.topic);
	tpl_set(d, "UNIT", it.unit_name);
	tpl_set_int(d, "YEAR", it.year);
	tpl_set_int(d, "PREV_YEAR", it.year - 1);
	tpl_set_int(d, "QUARTER", it.quarter);
	tpl_set(d, "AGENDA_HREF", abs_href(a, arena_printf(a,
	    "/agenda?year=%d#topic-%u", it.year, it.id)));
	tpl_set(d, "PROPOSE_HREF", abs_href(a, "/agenda/propose"));
	if (declined)
		tpl_set(tpl_add(d, "DECLINED"), "REASON", it.reason);
	else
		tpl_show(d, "ACCEPTED");
	s = tpl_add(d, published != 0 ? "PLAN_PUBLISHED" : "PLAN_PENDING");
	tpl_set_int(s, "YEAR", it.year);
	tpl_set_int(s, "PREV_YEAR", it.year - 1);
	tpl_set(s, "AGENDA_HREF", abs_href(a, arena_printf(a,
	    "/agenda?year=%d#topic-%u", it.year, it.id)));
	return 1;
}

static int
fill(struct db *db, struct arena *a, const struct outbox_row *o,
    const struct digest_item *items, size_t nitems, struct tpl_dict *d,
    struct rendered *m, const char **why)
{
	struct mail_consultation c;
	struct tpl_dict	*s;
	const char	*subj, *lead, *dec, *reason, *body;
	char		 buf[64];
	int		 rc;

	if (o->manage_nonce != NULL) {
		m->unsubscribe = mk_link(a, "/unsubscribe", "manage",
		    o->manage_nonce);
		s = tpl_add(d, "FOOTER");
		tpl_set(s, "UNSUBSCRIBE_HREF", m->unsubscribe);
		tpl_set(s, "MANAGE_HREF", mk_link(a, "/subscribe/manage", "manage",
		    o->manage_nonce));
	}
	if (strcmp(o->kind, "agenda") == 0)
		return fill_agenda(db, a, o, d, m, why);
	if (strcmp(o->kind, "confirm") == 0) {
		if (o->confirm_nonce == NULL) {
			*why = "no confirmation pending (already confirmed)";
			return 0;
		}
		m->subject = "Підтвердьте підписку на консультації";
		s = tpl_add(d, "CONFIRM");
		tpl_set(s, "CONFIRM_HREF", mk_link(a, "/subscribe/confirm",
		    "confirm", o->confirm_nonce));
		return 1;
	}
	if (strcmp(o->kind, "event") == 0 &&
	    strcmp(o->sub_state, "active") != 0) {
		*why = "the subscription is not active";
		return 0;
	}
	if (nitems > 0)
		return fill_digest(db, a, d, m, items, nitems);
	if ((rc = db_mail_consultation(db, a, o->consultation_id, &c)) != 1) {
		*why = "the consultation is gone";
		return rc;
	}
	event_words(o->event_kind, &subj, &lead);
	m->subject = arena_printf(a, "%s: %s", subj, c.title);
	s = tpl_add(d, "EVENT");
	tpl_set(s, "LEAD", lead);
	tpl_set(s, "TITLE", c.title);
	tpl_set(s, "SUMMARY", c.summary);
	tpl_set(s, "UNIT", c.unit);
	tpl_set(s, "CONSULTATION_HREF", abs_href(a, arena_printf(a, "%s%s",
	    view_href(a, c.id, c.slug), strcmp(o->event_kind, "report") == 0 ?
	    "#report" : "")));
	tpl_set(s, "OPENS_TEXT", fmt_date_uk(buf, sizeof(buf), c.opens));
	tpl_set(s, "CLOSES_TEXT", fmt_date_uk(buf, sizeof(buf), c.closes));
	if (strcmp(o->kind, "answer") == 0 &&
	    strcmp(o->event_kind, "answer") == 0) {
		if ((rc = db_mail_answer(db, a, o->comment_id, &dec, &reason,
		    &body)) != 1) {
			*why = "the answer is gone";
			return rc;
		}
		s = tpl_add(d, "ANSWER");
		tpl_set(s, "DECISION", decision_uk(dec));
		tpl_set(s, "REASON", reason);
		tpl_set(s, "PROPOSAL", body);
	}
	return 1;
}

/* The message of a row, in the arena; 1, 0 (skip: *why), -1. */
static int
render(struct db *db, struct arena *a, const struct outbox_row *o,
    const struct digest_item *items, size_t nitems, const char **msg,
    size_t *len, const char **why)
{
	struct tpl_dict		*d;
	struct rendered		 m;
	struct mail_msg		 mm;
	struct mail_header	 h[2];
	const char		*dom, *txt = "mail.txt.tpl", *html = "mail.html.tpl";
	unsigned char		 rnd[8];
	int			 rc;
	size_t			 n;

	memset(&m, 0, sizeof(m));
	if ((d = tpl_dict_new("mail")) == NULL)
		return -1;
	if ((rc = fill(db, a, o, items, nitems, d, &m, why)) != 1) {
		tpl_dict_free(d);
		return rc;
	}
	if (strcmp(o->kind, "agenda") == 0) {
		txt = "mail_agenda.txt.tpl";
		html = "mail_agenda.html.tpl";
	}
	if (tpl_render(txt, d, &m.text, &n) == -1 ||
	    tpl_render(html, d, &m.html, &n) == -1) {
		free(m.text);
		tpl_dict_free(d);
		*why = "a mail template does not render";
		return 0;
	}
	tpl_dict_free(d);
	memset(&mm, 0, sizeof(mm));
	dom = strchr(cfg.mail_from, '@');
	random_bytes(rnd, sizeof(rnd));
	mm.from = cfg.mail_from;
	mm.from_name = cfg.mail_from_name;
	mm.to = o->email;
	mm.subject = m.subject;
	/* Unique per row and per attempt; the row's id for the operator. */
	mm.message_id = arena_printf(a, "<outbox-%llu.%02x%02x%02x%02x%02x%02x"
	    "@%s>", (unsigned long long)o->id, rnd[0], rnd[1], rnd[2], rnd[3],
	    rnd[4], rnd[5], dom != NULL ? dom + 1 : "localhost");
	mm.date = time(NULL);
	mm.text = m.text;
	mm.html = m.html;
	mm.boundary = arena_printf(a, "=_hromada_%02x%02x%02x%02x", rnd[4],
	    rnd[5], rnd[6], rnd[7]);
	if (m.unsubscribe != NULL) {
		h[0].name = "List-Unsubscribe";
		h[0].value = arena_printf(a, "<%s>", m.unsubscribe);
		h[1].name = "List-Unsubscribe-Post";
		h[1].value = "List-Unsubscribe=One-Click";
		mm.extra = h;
		mm.nextra = 2;
	}
	*msg = mail_build(a, &mm, len);
	free(m.text);
	free(m.html);
	if (*msg == NULL) {
		*why = "the message could not be built (unsafe header value)";
		return 0;
	}
	return 1;
}

/* Back-off: base x 2^attempts, at most a day. */
static long
backoff(long attempts)
{
	long	 d = cfg.notify_retry_base;

	while (attempts-- > 0 && d < 86400)
		d *= 2;
	return d < 86400 ? d : 86400;
}

/* What became of a message: the same for each of its rows. */
static void
settle(struct db *db, struct arena *a, const uint64_t *ids, size_t n,
    const char *who, const char *state, long code, const char *why)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < n; i++) {
		if (state == NULL) {
			/* Sent; retried while the database is away, since a
			 * lapsed lease would make the row 'unknown'. */
			for (k = 0; k < 5; k++) {
				if (db_ensure(db) == 0 && db_outbox_sent(db, a,
				    ids[i], who, code) == 0)
					break;
				sleep(1);
			}
		} else
			db_outbox_fail(db, a, ids[i], who, state, code, why);
	}
}

static void
send_one(CURL *h, struct db *db, struct arena *a, uint64_t id,
    const char *who)
{
	struct outbox_row	 o;
	struct sending		 s;
	struct digest_item	 items[DIGEST_MAX];
	uint64_t		 ids[DIGEST_MAX];
	struct curl_slist	*rcpt = NULL;
	char			 err[CURL_ERROR_SIZE] = "";
	const char		*msg, *why = "", *from;
	size_t			 len, nitems = 0, nids, i;
	long			 code = 0;
	CURLcode		 cc;
	int			 rc;

	/* Already sent as part of a digest earlier in the batch. */
	if (db_outbox_get(db, a, id, &o) != 1 ||
	    strcmp(o.state, "queued") != 0 || o.handed)
		return;
	ids[0] = id;
	nids = 1;
	if (strcmp(o.kind, "event") == 0 &&
	    strcmp(o.frequency, "weekly") == 0 &&
	    strcmp(o.sub_state, "active") == 0) {
		if (db_outbox_digest(db, a, who, cfg.notify_lease,
		    o.subscription_id, items, DIGEST_MAX, &nitems) == -1)
			return;
		if (nitems == 0)
			return;
		for (i = 0; i < nitems; i++)
			ids[i] = items[i].id;
		nids = nitems;
	}
	if ((rc = render(db, a, &o, items, nitems, &msg, &len, &why)) != 1) {
		if (rc == 0)
			settle(db, a, ids, nids, who, "failed", 0, why);
		return;
	}
	memset(&s, 0, sizeof(s));
	s.db = db;
	s.a = a;
	s.ids = ids;
	s.nids = nids;
	s.who = who;
	s.msg = msg;
	s.len = len;
	from = arena_printf(a, "<%s>", cfg.mail_from);
	rcpt = curl_slist_append(NULL, arena_printf(a, "<%s>", o.email));
	curl_easy_reset(h);
	curl_easy_setopt(h, CURLOPT_URL, cfg.smtp_url);
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, reader);
	curl_easy_setopt(h, CURLOPT_READDATA, &s);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	/* STARTTLS when the relay offers it; plain on the local sink. */
	curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	if (cfg.smtp_user != NULL) {
		curl_easy_setopt(h, CURLOPT_USERNAME, cfg.smtp_user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, cfg.smtp_password);
	}
	curl_easy_setopt(h, CURLOPT_TIMEOUT, cfg.smtp_timeout);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
	cc = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpt);
	if (*err == '\0')
		snprintf(err, sizeof(err), "%s", curl_easy_strerror(cc));

	if (cc == CURLE_OK) {
		settle(db, a, ids, nids, who, NULL, code, NULL);
		log_info("outbox %llu: sent to the relay (%ld; %zu rows)",
		    (unsigned long long)id, code, nids);
	} else if (s.refused)
		log_error("outbox %llu: could not mark it handed; not sent",
		    (unsigned long long)id);
	else if (s.handed && (code == 354 || code == 0))
		/* The "." went out and no reply came: maybe delivered. */
		settle(db, a, ids, nids, who, "unknown", code, arena_printf(a,
		    "no reply after the message was sent (%s): possibly "
		    "delivered, not sent again", err));
	else if (code >= 500 && o.attempts + 1 >= cfg.notify_max_permanent)
		settle(db, a, ids, nids, who, "failed", code, arena_printf(a,
		    "permanent failure, gave up after %ld attempts: %s",
		    o.attempts + 1, err));
	else if (code < 500 && o.attempts + 1 >= cfg.notify_max_attempts)
		settle(db, a, ids, nids, who, "failed", code, arena_printf(a,
		    "temporary failures, gave up after %ld attempts: %s",
		    o.attempts + 1, err));
	else
		for (i = 0; i < nids; i++)
			db_outbox_retry(db, a, ids[i], who,
			    backoff(o.attempts), code, arena_printf(a,
			    "%s failure: %s", code >= 500 ? "permanent" :
			    "temporary", err));
	if (cc != CURLE_OK)
		log_info("outbox %llu: %s (code %ld)", (unsigned long long)id,
		    err, code);
}

static void
nap(long ms)
{
	struct timespec	 ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (!stopping && nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static int
worker(void)
{
	struct db	*db;
	struct arena	 a;
	CURL		*h;
	uint64_t	 ids[BATCH];
	size_t		 n, i, matched;
	time_t		 last_dates = 0;
	unsigned long	 batch = 0;
	char		 who[64];

	signal(SIGTERM, on_stop);
	signal(SIGINT, on_stop);
	if ((db = db_new(&cfg)) == NULL || (h = curl_easy_init()) == NULL)
		return 1;
	arena_init(&a, ARENA_LIMIT);
	log_info("worker %d: sending through %s", (int)getpid(), cfg.smtp_url);
	while (!stopping) {
		arena_reset(&a);
		if (db_ensure(db) == -1) {
			nap(1000);
			continue;
		}
		if (time(NULL) - last_dates >= 60 &&
		    db_notify_date_events(db, &a) == 0)
			last_dates = time(NULL);
		if (db_notify_match(db, &a, 100, &matched) == -1 ||
		    db_outbox_expire(db, &a) == -1) {
			nap(1000);
			continue;
		}
		snprintf(who, sizeof(who), "notify-%d-%ld-%lu", (int)getpid(),
		    (long)time(NULL), ++batch);
		if (db_outbox_claim(db, &a, who, cfg.notify_lease, BATCH, ids,
		    &n) == -1) {
			nap(1000);
			continue;
		}
		for (i = 0; i < n && !stopping; i++)
			send_one(h, db, &a, ids[i], who);
		if (n == 0 && matched == 0)
			nap(cfg.notify_poll_ms);
	}
	curl_easy_cleanup(h);
	arena_free(&a);
	db_free(db);
	return 0;
}

/* The liveness socket at HROMADA_SOCKET, or -1 (then none). */
static int
listen_socket(void)
{
	struct sockaddr_un	 sun;
	int			 s;

	if (cfg.socket == NULL || strlen(cfg.socket) >= sizeof(sun.sun_path))
		return -1;
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	memcpy(sun.sun_path, cfg.socket, strlen(cfg.socket));
	unlink(cfg.socket);
	if ((s = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
		return -1;
	if (bind(s, (struct sockaddr *)&sun, sizeof(sun)) == -1 ||
	    listen(s, 8) == -1) {
		close(s);
		return -1;
	}
	return s;
}

static pid_t
spawn(int ls)
{
	pid_t	 pid;

	if ((pid = fork()) == 0) {
		if (ls != -1)
			close(ls);
		_exit(worker());
	}
	if (pid == -1)
		log_error("fork: %s", strerror(errno));
	return pid;
}

int
main(int argc, char *argv[])
{
	struct pollfd	 pfd;
	pid_t		 child, w;
	int		 ls, st, fd;

	(void)argc;
	(void)argv;
	log_init("notify");
	if (config_load(&cfg) == -1 || secret_load(cfg.secret_file) == -1)
		return 1;
	setenv("TZ", cfg.timezone, 1);
	tzset();
	if (mysql_library_init(0, NULL, NULL) != 0 ||
	    curl_global_init(CURL_GLOBAL_DEFAULT) != 0 ||
	    tpl_init(cfg.templates) == -1)
		return 1;
	signal(SIGPIPE, SIG_IGN);
	signal(SIGTERM, on_stop);
	signal(SIGINT, on_stop);
	ls = listen_socket();
	child = spawn(ls);
	pfd.fd = ls;
	pfd.events = POLLIN;
	while (!stopping) {
		if (ls != -1 && poll(&pfd, 1, 200) > 0 &&
		    (fd = accept(ls, NULL, NULL)) != -1)
			close(fd);
		else if (ls == -1)
			nap(200);
		if ((w = waitpid(-1, &st, WNOHANG)) > 0 && w == child) {
			log_error("worker %d died (status %d); restarting",
			    (int)w, st);
			nap(1000);
			if (!stopping)
				child = spawn(ls);
		}
	}
	log_info("stopping");
	if (child > 0) {
		kill(child, SIGTERM);
		waitpid(child, &st, 0);
	}
	if (ls != -1) {
		close(ls);
		unlink(cfg.socket);
	}
	curl_global_cleanup();
	tpl_shutdown();
	mysql_library_end();
	return 0;
}
