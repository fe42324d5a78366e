/* lib/field/dns.h: name resolution for fd.sip.name, done once when a filter
 * compiles (the filter compiler calls it). Not installed. */
#ifndef STRATO_FIELD_DNS_H
#define STRATO_FIELD_DNS_H

#include <stratocore/field.h>

#define STRATO_DNS_MAX_NAMES 256 /* names resolved per comparison */
#define STRATO_DNS_MAX_ADDRS 16	 /* addresses kept per name */
#define STRATO_DNS_TIMEOUT_MS 2000

/* Resolves `names` (host names or address literals) with getaddrinfo in
 * a few worker threads and stores the distinct IPv4/IPv6 addresses
 * (prefix 32/128) in out[0..*nout), at most STRATO_DNS_MAX_ADDRS per name
 * and `max` in all. Names past STRATO_DNS_MAX_NAMES, that fail, or that
 * are unanswered after timeout_ms add none; workers still waiting for the
 * resolver then finish in the background and free their memory. Returns
 * 0, -ENOMEM, or -EAGAIN when no worker thread could start. Thread-safe. */
int strato_dns_resolve(const char *const *names, unsigned n, unsigned timeout_ms, struct strato_ip *out, unsigned max,
		       unsigned *nout);

#endif
