/*
 * One logging module: lines to stderr (the start script sends each
 * program's stderr to var/log/<program>.log).  User-supplied text passed
 * to log_request() is length-capped and its control characters escaped, so
 * a request cannot forge log lines.
 */
#ifndef HROMADA_LOG_H
#define HROMADA_LOG_H

#ifdef __cplusplus
extern "C" {
#endif

struct request;

void	log_init(const char *program);
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_error(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_request(const struct request *, int status, double ms);

#ifdef __cplusplus
}
#endif

#endif /* HROMADA_LOG_H */
