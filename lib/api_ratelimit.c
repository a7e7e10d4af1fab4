/*
 * The API's shared read counter (api_ratelimit.h).
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "api_ratelimit.h"
#include "log.h"

#define PROBES	8	/* slots looked at for one address */

struct slot {
	uint64_t	 tag;		/* the address hash's start */
	uint32_t	 window;	/* now / API_READS_WINDOW */
	uint32_t	 count;
};

struct table {
	pthread_mutex_t	 lock;
	struct slot	 slots[API_READS_SLOTS];
};

static struct table	*table;

int
api_reads_init(void)
{
	pthread_mutexattr_t	 ma;
	void			*p;

	if (table != NULL)
		return 0;
	p = mmap(NULL, sizeof(*table), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		log_error("api reads: mmap: %s", strerror(errno));
		return -1;
	}
	table = p;
	if (pthread_mutexattr_init(&ma) != 0 ||
	    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED) != 0 ||
	    pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST) != 0 ||
	    pthread_mutex_init(&table->lock, &ma) != 0) {
		log_error("api reads: a shared mutex cannot be made");
		munmap(p, sizeof(*table));
		table = NULL;
		return -1;
	}
	pthread_mutexattr_destroy(&ma);
	return 0;
}

void
api_reads_free(void)
{
	if (table != NULL)
		munmap(table, sizeof(*table));
	table = NULL;
}

static int
lock(void)
{
	int	 rc = pthread_mutex_lock(&table->lock);

	/* Its holder died mid-count: a count may be off by one, no more. */
	if (rc == EOWNERDEAD)
		rc = pthread_mutex_consistent(&table->lock);
	return rc;
}

/* The address's slot: its own, else a free or stale one, else the first. */
static struct slot *
find(uint64_t tag, uint32_t window)
{
	struct slot	*s, *spare = NULL;
	size_t		 i, start = (size_t)(tag % API_READS_SLOTS);

	for (i = 0; i < PROBES; i++) {
		s = &table->slots[(start + i) % API_READS_SLOTS];
		if (s->tag == tag)
			return s;
		if (spare == NULL && (s->tag == 0 || s->window != window))
			spare = s;
	}
	s = spare != NULL ? spare : &table->slots[start];
	s->tag = tag;
	s->window = window;
	s->count = 0;
	return s;
}

int
api_reads_take(const unsigned char h[32], time_t now, long limit,
    long *left, long *reset)
{
	struct slot	*s;
	uint64_t	 tag;
	uint32_t	 window = (uint32_t)(now / API_READS_WINDOW);
	int		 ok;

	*reset = API_READS_WINDOW - (long)(now % API_READS_WINDOW);
	*left = limit;
	if (table == NULL || limit <= 0)
		return 1;
	memcpy(&tag, h, sizeof(tag));
	if (tag == 0)
		tag = 1;	/* never 0, the empty slot's */
	if (lock() != 0)
		return 1;
	s = find(tag, window);
	if (s->window != window) {
		s->window = window;
		s->count = 0;
	}
	if ((ok = (long)s->count < limit))
		s->count++;
	*left = limit - (long)s->count;
	pthread_mutex_unlock(&table->lock);
	return ok;
}
