/*
 * smtp-sink: the local mail relay of `make run` and `make test`.  Accepts
 * SMTP on 127.0.0.1:PORT and keeps each message as a file DIR/<n>.eml
 * (written to a temporary name, then renamed, so a reader never sees half
 * a message), so a person can read what would be sent and the tests can
 * follow its links.  Nothing leaves the machine.
 *
 *   smtp-sink -p PORT -d DIR
 *
 * Test modes, by the recipient's address (so that tests running at the
 * same time never change each other's answers):
 *   ...+tempfailN...@  RCPT gets "451" the first N times, then "250"
 *   ...+permfail...@   RCPT gets "550" every time
 *   ...+slow...@       the message is stored, then the "250" after DATA
 *                      comes 400 ms later (a window to kill a sender in)
 *
 * One connection at a time: the notify worker is one process.  A master
 * keeps one worker (the one that serves) alive, as the other programs of
 * the stack do, so that tests which watch masters and workers see the
 * same shape.  Built by
 * the Makefile into build/bin/smtp-sink; lives in scripts/ with the other
 * tools that run the stack, not in cgi-bin/ (it is not part of Hromada).
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define LINE_MAX_SINK	4096
#define MSG_MAX		(4 * 1024 * 1024)
#define SEEN_MAX	1024

struct seen {
	char	 addr[256];
	int	 n;
};

static struct seen	 seen[SEEN_MAX];
static volatile pid_t	 child;
static size_t		 nseen;
static const char	*dir;
static unsigned long	 serial;

struct conn {
	int	 fd;
	char	 buf[8192];
	size_t	 len, off;
};

/* The master stops its worker with it. */
static void
on_term(int sig)
{
	(void)sig;
	if (child > 0)
		kill(child, SIGTERM);
	_exit(0);
}

static int
say(int fd, const char *s)
{
	size_t	 len = strlen(s), o = 0;
	ssize_t	 n;

	while (o < len) {
		if ((n = write(fd, s + o, len - o)) <= 0) {
			if (n == -1 && errno == EINTR)
				continue;
			return -1;
		}
		o += (size_t)n;
	}
	return 0;
}

/* One line without its CRLF into line; its length, or -1 at EOF/error. */
static long
readline(struct conn *c, char *line, size_t cap)
{
	size_t	 n = 0;
	ssize_t	 r;
	char	 ch;

	for (;;) {
		if (c->off == c->len) {
			r = read(c->fd, c->buf, sizeof(c->buf));
			if (r == -1 && errno == EINTR)
				continue;
			if (r <= 0)
				return -1;
			c->len = (size_t)r;
			c->off = 0;
		}
		ch = c->buf[c->off++];
		if (ch == '\n')
			break;
		if (n + 1 < cap)
			line[n++] = ch;
	}
	if (n > 0 && line[n - 1] == '\r')
		n--;
	line[n] = '\0';
	return (long)n;
}

/* How many times this address was seen at RCPT before (counts this one). */
static int
count(const char *addr)
{
	size_t	 i;

	for (i = 0; i < nseen; i++)
		if (strcmp(seen[i].addr, addr) == 0)
			return ++seen[i].n;
	if (nseen < SEEN_MAX) {
		snprintf(seen[nseen].addr, sizeof(seen[nseen].addr), "%s",
		    addr);
		seen[nseen].n = 1;
		nseen++;
	}
	return 1;
}

/* The answer to RCPT TO for addr, by the test modes. */
static const char *
rcpt(const char *addr)
{
	const char	*p;
	int		 n;

	if (strstr(addr, "+permfail") != NULL)
		return "550 5.1.1 Mailbox unavailable (sink permfail mode)\r\n";
	if ((p = strstr(addr, "+tempfail")) != NULL) {
		n = atoi(p + 9);
		if (count(addr) <= n)
			return "451 4.7.1 Try again later (sink tempfail "
			    "mode)\r\n";
	}
	return "250 2.1.5 OK\r\n";
}

static int
store(const char *msg, size_t len, char *name, size_t cap)
{
	char	 tmp[4096], path[4096];
	FILE	*f;
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	snprintf(name, cap, "%lld%09ld-%d-%lu.eml", (long long)ts.tv_sec,
	    ts.tv_nsec, (int)getpid(), ++serial);
	snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", dir, name);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(tmp, "wb")) == NULL)
		return -1;
	if (fwrite(msg, 1, len, f) != len || fclose(f) != 0) {
		unlink(tmp);
		return -1;
	}
	return rename(tmp, path);
}

static void
session(int fd)
{
	struct conn	 c = { .fd = fd };
	char		 line[LINE_MAX_SINK], to[256] = "", name[256], *msg;
	char		 reply[512];
	size_t		 mlen;
	long		 n;
	int		 slow = 0, data_ok = 0;

	if ((msg = malloc(MSG_MAX)) == NULL)
		return;
	say(fd, "220 localhost hromada smtp-sink ESMTP\r\n");
	while ((n = readline(&c, line, sizeof(line))) >= 0) {
		if (strncasecmp(line, "EHLO", 4) == 0)
			say(fd, "250-localhost\r\n250-8BITMIME\r\n"
			    "250 SIZE 4194304\r\n");
		else if (strncasecmp(line, "HELO", 4) == 0)
			say(fd, "250 localhost\r\n");
		else if (strncasecmp(line, "MAIL FROM:", 10) == 0) {
			data_ok = 0;
			slow = 0;
			say(fd, "250 2.1.0 OK\r\n");
		} else if (strncasecmp(line, "RCPT TO:", 8) == 0) {
			const char *r;
			snprintf(to, sizeof(to), "%.250s", line + 8);
			r = rcpt(to);
			if (r[0] == '2') {
				data_ok = 1;
				slow = strstr(to, "+slow") != NULL;
			}
			say(fd, r);
		} else if (strcasecmp(line, "DATA") == 0) {
			if (!data_ok) {
				say(fd, "554 5.5.1 No valid recipients\r\n");
				continue;
			}
			say(fd, "354 End data with <CR><LF>.<CR><LF>\r\n");
			mlen = 0;
			while ((n = readline(&c, line, sizeof(line))) >= 0) {
				const char *l = line;
				if (strcmp(line, ".") == 0)
					break;
				if (line[0] == '.')	/* dot-stuffing */
					l++, n--;
				if (mlen + (size_t)n + 2 < MSG_MAX) {
					memcpy(msg + mlen, l, (size_t)n);
					mlen += (size_t)n;
					msg[mlen++] = '\r';
					msg[mlen++] = '\n';
				}
			}
			if (n < 0)
				break;	/* no final dot: nothing is stored */
			if (store(msg, mlen, name, sizeof(name)) == -1) {
				say(fd, "451 4.3.0 Cannot store\r\n");
				continue;
			}
			fprintf(stderr, "smtp-sink: %s for %s\n", name, to);
			if (slow)
				usleep(400000);
			snprintf(reply, sizeof(reply),
			    "250 2.0.0 OK queued as %s\r\n", name);
			say(fd, reply);
			data_ok = 0;
		} else if (strcasecmp(line, "RSET") == 0) {
			data_ok = 0;
			say(fd, "250 2.0.0 OK\r\n");
		} else if (strcasecmp(line, "NOOP") == 0)
			say(fd, "250 2.0.0 OK\r\n");
		else if (strcasecmp(line, "QUIT") == 0) {
			say(fd, "221 2.0.0 Bye\r\n");
			break;
		} else
			say(fd, "502 5.5.2 Command not recognised\r\n");
	}
	free(msg);
}

int
main(int argc, char *argv[])
{
	struct sockaddr_in	 sin;
	struct timeval		 tv = { 30, 0 };
	int			 ch, s, fd, one = 1, port = 0, st;

	while ((ch = getopt(argc, argv, "p:d:")) != -1)
		switch (ch) {
		case 'p':
			port = atoi(optarg);
			break;
		case 'd':
			dir = optarg;
			break;
		default:
			goto usage;
		}
	if (port <= 0 || port > 65535 || dir == NULL)
		goto usage;
	signal(SIGPIPE, SIG_IGN);
	mkdir(dir, 0755);
	if ((s = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((unsigned short)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(s, 16) == -1) {
		fprintf(stderr, "smtp-sink: 127.0.0.1:%d: %s\n", port,
		    strerror(errno));
		return 1;
	}
	fprintf(stderr, "smtp-sink: listening on 127.0.0.1:%d, mail in %s\n",
	    port, dir);
	/* A master and one worker, as every program of the stack. */
	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	for (;;) {
		if ((child = fork()) == 0) {
			signal(SIGTERM, SIG_DFL);
			signal(SIGINT, SIG_DFL);
			for (;;) {
				if ((fd = accept(s, NULL, NULL)) == -1)
					continue;
				setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv,
				    sizeof(tv));
				session(fd);
				close(fd);
			}
		}
		if (child == -1)
			return 1;
		while (waitpid(child, &st, 0) == -1)
			;
		fprintf(stderr, "smtp-sink: worker died (status %d); "
		    "restarting\n", st);
		sleep(1);
	}
usage:
	fprintf(stderr, "usage: smtp-sink -p PORT -d DIR\n");
	return 2;
}
