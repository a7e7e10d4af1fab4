/*
 * The API's read limit per client address (HROMADA_API_READS_PER_MINUTE),
 * shared by all the workers of the program: a fixed table in memory mapped
 * MAP_SHARED before the workers are forked, guarded by one process-shared
 * robust mutex (a worker killed inside it does not stop the others).  A
 * client's reads are counted per minute of the clock (a fixed window), so
 * RateLimit-Reset is the seconds left in it.
 *
 * The table holds API_READS_SLOTS addresses; when more than that read in
 * one minute, the oldest windows are taken over first and, failing that,
 * an address may lose its count (the limit errs on the generous side).
 */
#ifndef HROMADA_API_RATELIMIT_H
#define HROMADA_API_RATELIMIT_H

#include <time.h>

#define API_READS_SLOTS		8192
#define API_READS_WINDOW	60	/* seconds */

/* Maps the table; call once before fork.  0 or -1 (logged). */
int	api_reads_init(void);
/* Unmaps it (process exit). */
void	api_reads_free(void);

/*
 * Counts one read of the client hashed as h at now against limit a
 * window.  Returns 1 when it is allowed, 0 when the client is over the
 * limit (not counted); *left is what remains after it, *reset the seconds
 * until the window ends.  Without a table (init failed or not called)
 * every read is allowed and *left is limit.
 */
int	api_reads_take(const unsigned char h[32], time_t now, long limit,
	    long *left, long *reset);

#endif /* HROMADA_API_RATELIMIT_H */
