/* lib/field/dns.h: name resolution for fd.sip.name, done once when a filter
 * compiles (the filter compiler calls it). Not installed. */
#ifndef STRATO_FIELD_DNS_H
#define STRATO_FIELD_DNS_H

#include <stratocore/field.h>

#define STRATO_DNS_MAX_NAMES 256 /* names resolved per comparison */
#define STRATO_DNS_MAX_ADDRS 16	 /* addresses kept per name */
#define STRATO_DNS_TIMEOUT_MS 2000

/* Resolves `names` (host names or address literals) with getaddrinfo, all
 * at once, and stores the distinct IPv4/IPv6 addresses (prefix 32/128) in
 * out[0..*nout). Names past STRATO_DNS_MAX_NAMES, past `max` addresses in
 * all, that fail, or that are still unanswered after timeout_ms add none.
 * Lookups the resolver already started when the time runs out are waited
 * for (bounded by the resolver's own timeout, resolv.conf), as they cannot
 * be abandoned safely. Returns 0 or -ENOMEM. Thread-safe. */
int strato_dns_resolve(const char *const *names, unsigned n, unsigned timeout_ms, struct strato_ip *out, unsigned max,
		       unsigned *nout);

#endif
