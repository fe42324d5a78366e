/* lib/field/dns.c: resolves the domain names a filter compares fd.sip.name
 * with. libsinsp matches such a comparison by resolving the names and
 * testing the server address against the result; here the names are
 * resolved once, in parallel (getaddrinfo_a), when the filter compiles, so
 * evaluation never waits for DNS. */
#include "field/dns.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

static int64_t strato_dns_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Adds one address unless already there or out of room. */
static void strato_dns_add(const struct addrinfo *ai, struct strato_ip *out, unsigned max, unsigned *nout)
{
	struct strato_ip ip = {0};

	if (ai->ai_family == AF_INET && ai->ai_addrlen >= sizeof(struct sockaddr_in)) {
		ip.family = 4;
		ip.prefix = 32;
		memcpy(ip.addr, &((const struct sockaddr_in *)ai->ai_addr)->sin_addr, 4);
	} else if (ai->ai_family == AF_INET6 && ai->ai_addrlen >= sizeof(struct sockaddr_in6)) {
		ip.family = 6;
		ip.prefix = 128;
		memcpy(ip.addr, &((const struct sockaddr_in6 *)ai->ai_addr)->sin6_addr, 16);
	} else {
		return;
	}
	for (unsigned i = 0; i < *nout; i++)
		if (out[i].family == ip.family && !memcmp(out[i].addr, ip.addr, 16))
			return;
	if (*nout < max)
		out[(*nout)++] = ip;
}

int strato_dns_resolve(const char *const *names, unsigned n, unsigned timeout_ms, struct strato_ip *out, unsigned max,
		       unsigned *nout)
{
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
	struct gaicb *cb, **wait;
	int64_t deadline = strato_dns_now_ms() + timeout_ms;
	unsigned pending;

	*nout = 0;
	if (n > STRATO_DNS_MAX_NAMES)
		n = STRATO_DNS_MAX_NAMES;
	if (!n)
		return 0;
	cb = calloc(n, sizeof(*cb));
	wait = calloc(n, sizeof(*wait));
	if (!cb || !wait) {
		free(cb);
		free(wait);
		return -ENOMEM;
	}
	for (unsigned i = 0; i < n; i++) {
		cb[i].ar_name = names[i];
		cb[i].ar_request = &hints;
		wait[i] = &cb[i];
	}
	/* EAI_SYSTEM/EAI_AGAIN: some requests were not queued; gai_error
	 * tells which, below */
	getaddrinfo_a(GAI_NOWAIT, wait, (int)n, NULL);
	for (;;) {
		int64_t left = deadline - strato_dns_now_ms();
		struct timespec ts;

		pending = 0;
		for (unsigned i = 0; i < n; i++) {
			if (wait[i] && gai_error(wait[i]) != EAI_INPROGRESS)
				wait[i] = NULL;
			pending += wait[i] != NULL;
		}
		if (!pending || left <= 0)
			break;
		ts.tv_sec = left / 1000;
		ts.tv_nsec = (left % 1000) * 1000000;
		gai_suspend((const struct gaicb *const *)wait, (int)n, &ts);
	}
	/* out of time: drop what has not started, wait for what has (the
	 * resolver writes into cb until it finishes) */
	for (unsigned i = 0; i < n; i++) {
		if (!wait[i] || gai_cancel(wait[i]) != EAI_NOTCANCELED)
			continue;
		while (gai_error(wait[i]) == EAI_INPROGRESS)
			gai_suspend((const struct gaicb *const *)&wait[i], 1, NULL);
	}
	for (unsigned i = 0; i < n; i++) {
		unsigned kept = 0;

		if (gai_error(&cb[i]) != 0)
			continue;
		for (const struct addrinfo *ai = cb[i].ar_result; ai && kept < STRATO_DNS_MAX_ADDRS; ai = ai->ai_next) {
			unsigned before = *nout;

			strato_dns_add(ai, out, max, nout);
			kept += *nout > before;
		}
		freeaddrinfo(cb[i].ar_result);
	}
	free(cb);
	free(wait);
	return 0;
}
