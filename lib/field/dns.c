/* lib/field/dns.c: resolves the domain names a filter compares fd.sip.name
 * with. libsinsp matches such a comparison by resolving the names and
 * testing the server address against the result; here the names are
 * resolved once, when the filter compiles, so evaluation never waits for
 * DNS. A few worker threads call getaddrinfo; the compiler waits for them
 * at most the given time, then goes on with what has been answered. A
 * worker still blocked in the resolver finishes on its own and frees the
 * shared job when it is the last one holding it. Answers are kept for the
 * life of the process (refreshed after STRATO_DNS_TTL_MS), so the many
 * rules of one rule set that name the same domains wait at most once; a
 * name whose lookup is still running counts as unresolved meanwhile. */
#include "field/dns.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#define STRATO_DNS_WORKERS 8
#define STRATO_DNS_TTL_MS 300000
#define STRATO_DNS_CACHE_MAX 4096

/* The process-wide cache of answers (names without an answer yet: pending). */
struct strato_dns_ent {
	char *name;
	int64_t when_ms;
	bool pending;
	unsigned nips;
	struct strato_ip ips[STRATO_DNS_MAX_ADDRS];
};
static pthread_mutex_t strato_dns_mu = PTHREAD_MUTEX_INITIALIZER;
static struct strato_dns_ent *strato_dns_cache;
static unsigned strato_dns_ncache;

static int64_t strato_dns_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The cache entry of a name, made (pending) when `make`; NULL when absent
 * or the cache is full. Under strato_dns_mu. */
static struct strato_dns_ent *strato_dns_find(const char *name, bool make)
{
	struct strato_dns_ent *e;

	for (unsigned i = 0; i < strato_dns_ncache; i++)
		if (!strcmp(strato_dns_cache[i].name, name))
			return &strato_dns_cache[i];
	if (!make || strato_dns_ncache >= STRATO_DNS_CACHE_MAX)
		return NULL;
	if (!strato_dns_cache && !(strato_dns_cache = calloc(STRATO_DNS_CACHE_MAX, sizeof(*strato_dns_cache))))
		return NULL;
	e = &strato_dns_cache[strato_dns_ncache];
	if (!(e->name = strdup(name)))
		return NULL;
	e->pending = true;
	strato_dns_ncache++;
	return e;
}

/* Adds ip to list[0..*n) unless there or full. */
static bool strato_dns_put(struct strato_ip *list, unsigned *n, unsigned max, const struct strato_ip *ip)
{
	for (unsigned i = 0; i < *n; i++)
		if (list[i].family == ip->family && !memcmp(list[i].addr, ip->addr, 16))
			return false;
	if (*n >= max)
		return false;
	list[(*n)++] = *ip;
	return true;
}

struct strato_dns_job {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	unsigned refs; /* the caller and every running worker */
	bool abandoned;
	unsigned n, next, done;
	char **names;
	struct strato_ip *ips;
	unsigned nips, max;
};

static void strato_dns_job_free(struct strato_dns_job *j)
{
	for (unsigned i = 0; i < j->n; i++)
		free(j->names[i]);
	free(j->names);
	free(j->ips);
	pthread_cond_destroy(&j->cv);
	pthread_mutex_destroy(&j->mu);
	free(j);
}

/* A job whose lookups never started (before its mutex exists). */
static void strato_dns_job_free_names(struct strato_dns_job *j)
{
	for (unsigned i = 0; i < j->n; i++)
		free(j->names[i]);
	free(j->names);
	free(j);
}

/* Undoes the pending marks of names no worker will look up (out of memory,
 * no thread): left pending they would stay unresolved for good; stale,
 * the next compile asks again. */
static void strato_dns_unpend(char *const *names, unsigned n)
{
	pthread_mutex_lock(&strato_dns_mu);
	for (unsigned i = 0; i < n; i++) {
		struct strato_dns_ent *e = strato_dns_find(names[i], false);

		if (e && e->pending) {
			e->pending = false;
			e->when_ms = INT64_MIN / 2;
		}
	}
	pthread_mutex_unlock(&strato_dns_mu);
}

static void strato_dns_unref(struct strato_dns_job *j)
{
	bool last;

	pthread_mutex_lock(&j->mu);
	last = --j->refs == 0;
	pthread_mutex_unlock(&j->mu);
	if (last)
		strato_dns_job_free(j);
}

/* An addrinfo's address as a strato_ip; false for other families. */
static bool strato_dns_ip(const struct addrinfo *ai, struct strato_ip *ip)
{
	memset(ip, 0, sizeof(*ip));
	if (ai->ai_family == AF_INET && ai->ai_addrlen >= sizeof(struct sockaddr_in)) {
		ip->family = 4;
		ip->prefix = 32;
		memcpy(ip->addr, &((const struct sockaddr_in *)ai->ai_addr)->sin_addr, 4);
		return true;
	}
	if (ai->ai_family == AF_INET6 && ai->ai_addrlen >= sizeof(struct sockaddr_in6)) {
		ip->family = 6;
		ip->prefix = 128;
		memcpy(ip->addr, &((const struct sockaddr_in6 *)ai->ai_addr)->sin6_addr, 16);
		return true;
	}
	return false;
}

/* "localhost" and names under it are the loopback addresses whatever the
 * host's configuration says (RFC 6761 6.3): a minimal container may have
 * no /etc/hosts, and a filter on localhost must not depend on that. */
static bool strato_dns_localhost(const char *name, struct strato_ip *got, unsigned *kept)
{
	size_t n = strlen(name);
	struct strato_ip ip = { .family = 4, .prefix = 32, .addr = { 127, 0, 0, 1 } };

	if (n && name[n - 1] == '.')
		n--; /* the root label */
	if (!(n == 9 || (n > 9 && name[n - 10] == '.')) || strncasecmp(name + n - 9, "localhost", 9))
		return false;
	strato_dns_put(got, kept, STRATO_DNS_MAX_ADDRS, &ip);
	ip = (struct strato_ip){ .family = 6, .prefix = 128, .addr = { [15] = 1 } };
	strato_dns_put(got, kept, STRATO_DNS_MAX_ADDRS, &ip);
	return true;
}

static void *strato_dns_worker(void *arg)
{
	struct strato_dns_job *j = arg;
	const struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};

	for (;;) {
		struct addrinfo *res = NULL;
		unsigned i, kept = 0;

		pthread_mutex_lock(&j->mu);
		if (j->abandoned || j->next >= j->n) {
			pthread_mutex_unlock(&j->mu);
			break;
		}
		i = j->next++;
		pthread_mutex_unlock(&j->mu);
		struct strato_ip got[STRATO_DNS_MAX_ADDRS], ip;
		struct strato_dns_ent *e;

		if (strato_dns_localhost(j->names[i], got, &kept))
			res = NULL;
		else if (getaddrinfo(j->names[i], NULL, &hints, &res))
			res = NULL;
		for (const struct addrinfo *ai = res; ai; ai = ai->ai_next)
			if (strato_dns_ip(ai, &ip))
				strato_dns_put(got, &kept, STRATO_DNS_MAX_ADDRS, &ip);
		pthread_mutex_lock(&strato_dns_mu);
		if ((e = strato_dns_find(j->names[i], true))) {
			memcpy(e->ips, got, kept * sizeof(got[0]));
			e->nips = kept;
			e->pending = false;
			e->when_ms = strato_dns_now_ms();
		}
		pthread_mutex_unlock(&strato_dns_mu);
		pthread_mutex_lock(&j->mu);
		for (unsigned k = 0; k < kept && !j->abandoned; k++)
			strato_dns_put(j->ips, &j->nips, j->max, &got[k]);
		j->done++;
		pthread_cond_signal(&j->cv);
		pthread_mutex_unlock(&j->mu);
		if (res)
			freeaddrinfo(res);
	}
	strato_dns_unref(j);
	return NULL;
}

int strato_dns_resolve(const char *const *names, unsigned n, unsigned timeout_ms, struct strato_ip *out, unsigned max,
		       unsigned *nout)
{
	struct strato_dns_job *j;
	pthread_condattr_t ca;
	struct timespec dl;
	unsigned workers = 0;

	*nout = 0;
	if (n > STRATO_DNS_MAX_NAMES)
		n = STRATO_DNS_MAX_NAMES;
	if (!n || !max)
		return 0;
	j = calloc(1, sizeof(*j));
	if (j && !(j->names = calloc(n, sizeof(*j->names)))) {
		free(j);
		j = NULL;
	}
	if (!j)
		return -ENOMEM;
	/* answers already known; the others are looked up (once: a name
	 * being looked up is pending) */
	pthread_mutex_lock(&strato_dns_mu);
	for (unsigned i = 0; i < n; i++) {
		struct strato_dns_ent *e = strato_dns_find(names[i], false);
		int64_t now = strato_dns_now_ms();

		if (e && (e->pending || now - e->when_ms < STRATO_DNS_TTL_MS)) {
			for (unsigned k = 0; k < e->nips; k++)
				strato_dns_put(out, nout, max, &e->ips[k]);
			continue;
		}
		if (e)
			e->pending = true;
		else
			strato_dns_find(names[i], true);
		if (!(j->names[j->n] = strdup(names[i]))) {
			/* not looked up after all: stale, not pending */
			if ((e = strato_dns_find(names[i], false))) {
				e->pending = false;
				e->when_ms = INT64_MIN / 2;
			}
			break;
		}
		j->n++;
	}
	pthread_mutex_unlock(&strato_dns_mu);
	if (!j->n) {
		free(j->names);
		free(j);
		return 0;
	}
	j->ips = calloc(max, sizeof(*j->ips));
	if (!j->ips) {
		strato_dns_unpend(j->names, j->n);
		strato_dns_job_free_names(j);
		return -ENOMEM;
	}
	pthread_mutex_init(&j->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&j->cv, &ca);
	pthread_condattr_destroy(&ca);
	j->max = max;
	j->refs = 1;
	pthread_mutex_lock(&j->mu);
	for (unsigned i = 0; i < STRATO_DNS_WORKERS && i < j->n; i++) {
		pthread_attr_t a;
		pthread_t th;

		pthread_attr_init(&a);
		pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&th, &a, strato_dns_worker, j) == 0) {
			j->refs++;
			workers++;
		}
		pthread_attr_destroy(&a);
	}
	clock_gettime(CLOCK_MONOTONIC, &dl);
	dl.tv_sec += timeout_ms / 1000;
	dl.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
	if (dl.tv_nsec >= 1000000000) {
		dl.tv_sec++;
		dl.tv_nsec -= 1000000000;
	}
	while (workers && j->done < j->n && pthread_cond_timedwait(&j->cv, &j->mu, &dl) != ETIMEDOUT)
		;
	if (!workers)
		strato_dns_unpend(j->names, j->n);
	for (unsigned i = 0; i < j->nips; i++)
		strato_dns_put(out, nout, max, &j->ips[i]);
	j->abandoned = true;
	pthread_mutex_unlock(&j->mu);
	strato_dns_unref(j);
	return workers ? 0 : -EAGAIN;
}
