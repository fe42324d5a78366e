/* lib/filter/compile.c: turns the syntax tree into an executable program:
 * fields resolved through the registry, literals parsed for the field's
 * type (type mismatches are compile errors), evt.type names resolved to
 * event-id sets, and the event-type set of the whole filter computed. */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include "filter/filter.h"
#include "event/event_table.h"
#include "event/flags.h"
#include "field/dns.h"

#define STRATO_FILTER_MAX_BYTES (64u << 20)

const char *strato_filter_ptype_name(enum strato_ptype t)
{
	static const char *const n[] = {
	    [STRATO_PT_INT8] = "int8",
	    [STRATO_PT_INT16] = "int16",
	    [STRATO_PT_INT32] = "int32",
	    [STRATO_PT_INT64] = "int64",
	    [STRATO_PT_UINT8] = "uint8",
	    [STRATO_PT_UINT16] = "uint16",
	    [STRATO_PT_UINT32] = "uint32",
	    [STRATO_PT_UINT64] = "uint64",
	    [STRATO_PT_CHARBUF] = "charbuf",
	    [STRATO_PT_BYTEBUF] = "bytebuf",
	    [STRATO_PT_ERRNO] = "errno",
	    [STRATO_PT_SOCKADDR] = "sockaddr",
	    [STRATO_PT_SOCKTUPLE] = "socktuple",
	    [STRATO_PT_FD] = "fd",
	    [STRATO_PT_PID] = "pid",
	    [STRATO_PT_FDLIST] = "fdlist",
	    [STRATO_PT_FSPATH] = "fspath",
	    [STRATO_PT_SYSCALLID] = "syscallid",
	    [STRATO_PT_SIGTYPE] = "sigtype",
	    [STRATO_PT_RELTIME] = "reltime",
	    [STRATO_PT_ABSTIME] = "abstime",
	    [STRATO_PT_PORT] = "port",
	    [STRATO_PT_L4PROTO] = "l4proto",
	    [STRATO_PT_SOCKFAMILY] = "sockfamily",
	    [STRATO_PT_BOOL] = "bool",
	    [STRATO_PT_IPV4ADDR] = "ipv4addr",
	    [STRATO_PT_DYN] = "dyn",
	    [STRATO_PT_FLAGS8] = "flags8",
	    [STRATO_PT_FLAGS16] = "flags16",
	    [STRATO_PT_FLAGS32] = "flags32",
	    [STRATO_PT_UID] = "uid",
	    [STRATO_PT_GID] = "gid",
	    [STRATO_PT_DOUBLE] = "double",
	    [STRATO_PT_SIGSET] = "sigset",
	    [STRATO_PT_CHARBUFARRAY] = "charbufarray",
	    [STRATO_PT_CHARBUF_PAIR_ARRAY] = "charbufpairarray",
	    [STRATO_PT_IPV4NET] = "ipv4net",
	    [STRATO_PT_IPV6ADDR] = "ipv6addr",
	    [STRATO_PT_IPV6NET] = "ipv6net",
	    [STRATO_PT_IPADDR] = "ipaddr",
	    [STRATO_PT_IPNET] = "ipnet",
	    [STRATO_PT_MODE] = "mode",
	    [STRATO_PT_FSRELPATH] = "fsrelpath",
	    [STRATO_PT_ENUMFLAGS8] = "enumflags8",
	    [STRATO_PT_ENUMFLAGS16] = "enumflags16",
	    [STRATO_PT_ENUMFLAGS32] = "enumflags32",
	    [STRATO_PT_FD32] = "fd32",
	    [STRATO_PT_PID32] = "pid32",
	};
	return (unsigned)t < STRATO_ARRAY_SIZE(n) && n[t] ? n[t] : "none";
}

/* How the evaluator reads and compares a field of type `t`. Types without
 * a typed getter (addresses, tuples, fd lists) compare as their text. */
static enum strato_fclass strato_ptype_class(enum strato_ptype t, bool *as_text)
{
	*as_text = false;
	switch (t) {
	case STRATO_PT_INT8:
	case STRATO_PT_INT16:
	case STRATO_PT_INT32:
	case STRATO_PT_INT64:
	case STRATO_PT_ERRNO:
	case STRATO_PT_FD:
	case STRATO_PT_PID:
	case STRATO_PT_FD32:
	case STRATO_PT_PID32:
		return STRATO_C_NUM;
	case STRATO_PT_UINT8:
	case STRATO_PT_UINT16:
	case STRATO_PT_UINT32:
	case STRATO_PT_UINT64:
	case STRATO_PT_SYSCALLID:
	case STRATO_PT_SIGTYPE:
	case STRATO_PT_RELTIME:
	case STRATO_PT_ABSTIME:
	case STRATO_PT_PORT:
	case STRATO_PT_L4PROTO:
	case STRATO_PT_SOCKFAMILY:
	case STRATO_PT_BOOL:
	case STRATO_PT_FLAGS8:
	case STRATO_PT_FLAGS16:
	case STRATO_PT_FLAGS32:
	case STRATO_PT_UID:
	case STRATO_PT_GID:
	case STRATO_PT_MODE:
	case STRATO_PT_ENUMFLAGS8:
	case STRATO_PT_ENUMFLAGS16:
	case STRATO_PT_ENUMFLAGS32:
		return STRATO_C_UNUM;
	case STRATO_PT_DOUBLE:
		return STRATO_C_DOUBLE;
	case STRATO_PT_BYTEBUF:
		return STRATO_C_BYTES;
	case STRATO_PT_IPV4ADDR:
	case STRATO_PT_IPV4NET:
	case STRATO_PT_IPV6ADDR:
	case STRATO_PT_IPV6NET:
	case STRATO_PT_IPADDR:
	case STRATO_PT_IPNET:
		return STRATO_C_IP;
	case STRATO_PT_CHARBUF:
	case STRATO_PT_FSPATH:
	case STRATO_PT_FSRELPATH:
		return STRATO_C_STR;
	default:
		*as_text = true;
		return STRATO_C_STR;
	}
}

static const char *strato_class_name(enum strato_fclass c)
{
	static const char *const n[] = {"a number",	 "a number",	  "a string",
					"a byte buffer", "an IP address", "a number"};
	return n[c];
}

static int strato_cc_field(struct strato_fref *r, struct strato_filter_error *err)
{
	int rc = strato_field_lookup(r->name, &r->field);

	if (rc == -ENOMEM)
		return rc;
	if (rc == -STRATO_ENOFIELD) {
		/* keep the registry's did-you-mean list */
		const char *sug = strchr(strato_last_error(), ';');

		return strato_filter_seterr(err, rc, r->off, r->len, "unknown field '%.60s'%.120s", r->name,
					    sug ? sug : "");
	}
	if (rc)
		return strato_filter_seterr(err, -STRATO_ENOFIELD, r->off, r->len, "bad field '%.60s': %.120s", r->name,
					    strato_last_error());
	r->type = strato_field_type(r->field);
	r->hash = 1469598103934665603ull; /* FNV-1a */
	for (const char *c = r->name; *c; c++)
		r->hash = (r->hash ^ (unsigned char)*c) * 1099511628211ull;
	r->klass = r->base = strato_ptype_class(r->type, &r->as_text);
	/* transformers apply innermost first */
	for (unsigned i = r->nxf; i-- > 0;) {
		enum strato_fxform x = r->xf[i];

		if (r->klass != STRATO_C_STR && r->klass != STRATO_C_BYTES)
			return strato_filter_seterr(err, -STRATO_ETYPE, r->off, r->len, "%s() needs a string, got %s",
						    strato_fxform_names[x], strato_class_name(r->klass));
		r->klass = x == STRATO_X_LEN ? STRATO_C_UNUM : STRATO_C_STR;
	}
	return 0;
}

static int strato_parse_ip(const char *s, struct strato_ip *ip)
{
	char buf[64];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	unsigned maxp;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	memset(ip, 0, sizeof(*ip));
	if (inet_pton(AF_INET, buf, ip->addr) == 1) {
		ip->family = 4;
		maxp = 32;
	} else if (inet_pton(AF_INET6, buf, ip->addr) == 1) {
		ip->family = 6;
		maxp = 128;
	} else {
		return -1;
	}
	ip->prefix = (uint8_t)maxp;
	if (slash) {
		char *end;
		unsigned long p = strtoul(slash + 1, &end, 10);

		if (!slash[1] || *end || p > maxp)
			return -1;
		ip->prefix = (uint8_t)p;
	}
	return 0;
}

static int strato_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static bool strato_op_is_string(enum strato_fop op)
{
	return op >= STRATO_OP_CONTAINS && op <= STRATO_OP_REGEX;
}

static int strato_cc_literal(struct strato_filter *f, struct strato_fnode *n, struct strato_flit *v,
			     struct strato_filter_error *err)
{
	enum strato_fclass k = n->lhs.klass;
	char *end;

	if (n->op == STRATO_OP_BCONTAINS || n->op == STRATO_OP_BSTARTSWITH) {
		uint8_t *b = strato_arena_alloc(&f->arena, v->tlen / 2 + 1);

		if (!b)
			return -ENOMEM;
		for (size_t i = 0; i < v->tlen; i += 2) {
			int h = strato_hexval((unsigned char)v->text[i]);
			int l = i + 1 < v->tlen ? strato_hexval((unsigned char)v->text[i + 1]) : -1;

			if (h < 0 || l < 0)
				return strato_filter_seterr(err, -STRATO_ETYPE, v->off, v->len,
							    "%s needs hexadecimal bytes, got '%s'",
							    strato_fop_names[n->op], v->text);
			b[i / 2] = (uint8_t)(h * 16 + l);
		}
		v->bytes = b;
		v->nbytes = v->tlen / 2;
		return 0;
	}
	v->bytes = (const uint8_t *)v->text;
	v->nbytes = v->tlen;
	switch (k) {
	case STRATO_C_NUM:
	case STRATO_C_UNUM:
		if (n->lhs.type == STRATO_PT_BOOL && !n->lhs.nxf &&
		    (!strcmp(v->text, "true") || !strcmp(v->text, "false"))) {
			v->u = v->text[0] == 't';
			return 0;
		}
		errno = 0;
		if (v->text[0] == '-')
			v->i = strtoll(v->text, &end, 0);
		else
			v->u = strtoull(v->text, &end, 0);
		if (!v->tlen || *end || errno)
			return strato_filter_seterr(
			    err, -STRATO_ETYPE, v->off, v->len, "'%s' is not a number (%s is %s)", v->text,
			    n->lhs.name ? n->lhs.name : "the value", strato_filter_ptype_name(n->lhs.type));
		return 0;
	case STRATO_C_DOUBLE:
		v->d = strtod(v->text, &end);
		if (!v->tlen || *end)
			return strato_filter_seterr(err, -STRATO_ETYPE, v->off, v->len, "'%s' is not a number",
						    v->text);
		return 0;
	case STRATO_C_IP:
		if (strato_parse_ip(v->text, &v->ip))
			return strato_filter_seterr(err, -STRATO_ETYPE, v->off, v->len,
						    "'%s' is not an IP address or network (%s is %s)", v->text,
						    n->lhs.name, strato_filter_ptype_name(n->lhs.type));
		return 0;
	case STRATO_C_STR:
	case STRATO_C_BYTES:
		if (n->op == STRATO_OP_ICONTAINS || n->op == STRATO_OP_IGLOB) {
			char *lo = strato_arena_strndup(&f->arena, v->text, v->tlen);

			if (!lo)
				return -ENOMEM;
			for (size_t i = 0; i < v->tlen; i++)
				lo[i] = (char)tolower((unsigned char)lo[i]);
			v->text = lo;
			v->bytes = (const uint8_t *)lo;
		}
		if (n->op == STRATO_OP_REGEX) {
			int rc;

			v->re = calloc(1, sizeof(*v->re));
			if (!v->re)
				return -ENOMEM;
			rc = regcomp(v->re, v->text, REG_EXTENDED | REG_NOSUB);
			if (rc) {
				char m[120];

				regerror(rc, v->re, m, sizeof(m));
				free(v->re);
				v->re = NULL;
				return strato_filter_seterr(err, -STRATO_ESYNTAX, v->off, v->len,
							    "bad regular expression: %s", m);
			}
		}
		return 0;
	}
	return 0;
}

static bool strato_class_numeric(enum strato_fclass k)
{
	return k == STRATO_C_NUM || k == STRATO_C_UNUM || k == STRATO_C_DOUBLE;
}

static int strato_cc_valcmp(const void *a, const void *b)
{
	const struct strato_flit *x = a, *y = b;

	if (x->nbytes != y->nbytes)
		return x->nbytes < y->nbytes ? -1 : 1;
	return memcmp(x->bytes, y->bytes, x->nbytes);
}

/* Long string lists (Falco's are often dozens of names) are searched in
 * O(log n): sorted once here by (length, bytes). */
static void strato_cc_sort(struct strato_fnode *n)
{
	if ((n->op != STRATO_OP_IN && n->op != STRATO_OP_INTERSECTS) || n->nvals < 8 ||
	    (n->lhs.klass != STRATO_C_STR && n->lhs.klass != STRATO_C_BYTES))
		return;
	for (unsigned i = 0; i < n->nvals; i++)
		if (n->vals[i].ref)
			return;
	qsort(n->vals, n->nvals, sizeof(n->vals[0]), strato_cc_valcmp);
	n->sorted = true;
}

/* evt.type compared by name: a set of event ids. */
static int strato_cc_types(struct strato_filter *f, struct strato_fnode *n, struct strato_filter_error *err)
{
	n->types = strato_arena_alloc(&f->arena, sizeof(*n->types));
	if (!n->types)
		return -ENOMEM;
	for (unsigned i = 0; i < n->nvals; i++) {
		struct strato_flit *v = &n->vals[i];
		bool found = false;

		if (v->ref)
			return strato_filter_seterr(err, -STRATO_ETYPE, v->off, v->len,
						    "evt.type compares with event type names");
		for (unsigned id = 0; id < STRATO_EVENT_TABLE_SIZE && id < STRATO_FTYPES; id++) {
			const char *nm = strato_event_table[id].name;

			if (nm && !strcmp(nm, v->text)) {
				n->types->w[id / 64] |= 1ull << (id % 64);
				found = true;
			}
		}
		/* syscalls without their own event type arrive as generic
		 * events named after the syscall: valid names, no table id */
		for (unsigned sc = 0; !found && sc < STRATO_SYSCALL_NAMES; sc++)
			found = strato_syscall_names[sc] && !strcmp(strato_syscall_names[sc], v->text);
		if (!found)
			return strato_filter_seterr(err, -STRATO_ETYPE, v->off, v->len, "unknown event type '%s'",
						    v->text);
		v->bytes = (const uint8_t *)v->text;
		v->nbytes = v->tlen;
	}
	n->neg = n->op == STRATO_OP_NE;
	n->kind = STRATO_N_TYPES;
	return 0;
}

/* fd.cip.name, fd.sip.name, fd.lip.name, fd.rip.name: the address field
 * they compare, or NULL. */
static const char *strato_cc_domain_base(const char *name)
{
	static const char *const m[][2] = {{"fd.cip.name", "fd.cip"},
					   {"fd.sip.name", "fd.sip"},
					   {"fd.lip.name", "fd.lip"},
					   {"fd.rip.name", "fd.rip"}};

	for (unsigned i = 0; i < STRATO_ARRAY_SIZE(m); i++)
		if (!strcmp(name, m[i][0]))
			return m[i][1];
	return NULL;
}

/* fd.sip.name = NAME / in (NAMES): libsinsp resolves the names and tests
 * the server address. The names are resolved now (lib/field/dns.c) and
 * the node becomes fd.sip in (addresses); none resolved: it matches
 * nothing. The same for the client, local and remote address. */
static int strato_cc_domain(struct strato_filter *f, struct strato_fnode *n, const char *base,
			    struct strato_filter_error *err)
{
	const char **names;
	struct strato_ip *ips;
	struct strato_flit *vals;
	unsigned nips = 0, max = STRATO_DNS_MAX_NAMES * STRATO_DNS_MAX_ADDRS;
	int rc;

	if ((n->op != STRATO_OP_EQ && n->op != STRATO_OP_IN) || n->lhs.nxf)
		return strato_filter_seterr(err, -STRATO_ETYPE, n->off, n->len,
					    "%s compares only with = or in, without transformers", n->lhs.name);
	names = strato_arena_alloc(&f->arena, (n->nvals + 1) * sizeof(*names));
	ips = calloc(max, sizeof(*ips));
	if (!names || !ips) {
		free(ips);
		return -ENOMEM;
	}
	for (unsigned i = 0; i < n->nvals; i++) {
		if (n->vals[i].ref) {
			free(ips);
			return strato_filter_seterr(err, -STRATO_ETYPE, n->vals[i].off, n->vals[i].len,
						    "%s compares with domain names, not fields", n->lhs.name);
		}
		names[i] = n->vals[i].text;
	}
	rc = strato_dns_resolve(names, n->nvals, STRATO_DNS_TIMEOUT_MS, ips, max, &nips);
	if (rc == -EAGAIN) /* no thread to resolve with: as without DNS */
		rc = 0;
	vals = rc ? NULL : strato_arena_alloc(&f->arena, (nips + 1) * sizeof(*vals));
	if (!vals) {
		free(ips);
		return -ENOMEM;
	}
	for (unsigned i = 0; i < nips; i++) {
		char a[INET6_ADDRSTRLEN];

		memset(&vals[i], 0, sizeof(vals[i]));
		inet_ntop(ips[i].family == 4 ? AF_INET : AF_INET6, ips[i].addr, a, sizeof(a));
		vals[i].text = strato_arena_strndup(&f->arena, a, strlen(a));
		if (!vals[i].text) {
			free(ips);
			return -ENOMEM;
		}
		vals[i].tlen = strlen(a);
		vals[i].off = n->off;
		vals[i].len = n->len;
		vals[i].ip = ips[i];
	}
	free(ips);
	strato_field_free(n->lhs.field);
	n->lhs.field = NULL;
	if ((rc = strato_field_lookup(base, &n->lhs.field)))
		return rc == -ENOMEM ? rc : strato_filter_seterr(err, rc, n->off, n->len, "%s", strato_last_error());
	n->lhs.type = strato_field_type(n->lhs.field);
	n->lhs.klass = n->lhs.base = STRATO_C_IP;
	n->lhs.as_text = false;
	n->op = STRATO_OP_IN;
	n->vals = vals;
	n->nvals = nips;
	return 0;
}

static int strato_cc_node(struct strato_filter *f, struct strato_fnode *n, struct strato_filter_error *err)
{
	int rc;

	if (n->kind != STRATO_N_CMP) {
		for (unsigned i = 0; i < n->nkids; i++)
			if ((rc = strato_cc_node(f, n->kids[i], err)))
				return rc;
		return 0;
	}
	if ((rc = strato_cc_field(&n->lhs, err)))
		goto wrap;
	enum strato_fclass k = n->lhs.klass;
	if (strato_cc_domain_base(n->lhs.name)) {
		rc = strato_cc_domain(f, n, strato_cc_domain_base(n->lhs.name), err);
		goto wrap;
	}
	if (!strcmp(n->lhs.name, "evt.type") && !n->lhs.nxf &&
	    (n->op == STRATO_OP_EQ || n->op == STRATO_OP_NE || n->op == STRATO_OP_IN)) {
		rc = strato_cc_types(f, n, err);
		goto wrap;
	}
	/* < and > on strings compare bytes, as sysdig 0.29.3 does (evt.res
	 * is a string there too) */
	if ((n->op >= STRATO_OP_LT && n->op <= STRATO_OP_GE && !strato_class_numeric(k) && k != STRATO_C_STR) ||
	    (strato_op_is_string(n->op) && k != STRATO_C_STR && k != STRATO_C_BYTES) ||
	    (n->op == STRATO_OP_PMATCH && k != STRATO_C_STR) ||
	    (k == STRATO_C_BYTES &&
	     (n->op == STRATO_OP_GLOB || n->op == STRATO_OP_IGLOB || n->op == STRATO_OP_REGEX))) {
		rc = strato_filter_seterr(err, -STRATO_ETYPE, n->off, n->len,
					  "operator %s does not apply to %s (%s is %s)", strato_fop_names[n->op],
					  strato_class_name(k), n->lhs.name, strato_filter_ptype_name(n->lhs.type));
		goto wrap;
	}
	for (unsigned i = 0; i < n->nvals; i++) {
		struct strato_flit *v = &n->vals[i];

		if (v->ref) {
			if ((rc = strato_cc_field(v->ref, err)))
				goto wrap;
			if (v->ref->klass != k && !(strato_class_numeric(k) && strato_class_numeric(v->ref->klass))) {
				rc = strato_filter_seterr(err, -STRATO_ETYPE, v->off, v->len,
							  "cannot compare %s with %s", strato_class_name(k),
							  strato_class_name(v->ref->klass));
				goto wrap;
			}
			continue;
		}
		if ((rc = strato_cc_literal(f, n, v, err)))
			goto wrap;
	}
	strato_cc_sort(n);
	return 0;
wrap:
	if (rc && n->macro && err && rc != -ENOMEM) {
		char m[sizeof(err->message)];

		snprintf(m, sizeof(m), "in macro %.60s: %.120s", n->macro, err->message);
		snprintf(err->message, sizeof(err->message), "%s", m);
		strato_fail(rc, "%s (at offset %zu)", m, err->offset);
	}
	return rc;
}

/* Collects the hashes of the field operands (at most 64 looked at). */
static void strato_cc_hashes(const struct strato_fnode *n, uint64_t *h, unsigned *nh, bool *dup)
{
	for (unsigned i = 0; i < n->nkids; i++)
		strato_cc_hashes(n->kids[i], h, nh, dup);
	if (n->kind != STRATO_N_CMP && n->kind != STRATO_N_TYPES)
		return;
	for (unsigned i = 0; i <= n->nvals; i++) {
		const struct strato_fref *r = i < n->nvals ? n->vals[i].ref : &n->lhs;

		if (!r || !r->field || *nh == 64)
			continue;
		for (unsigned j = 0; j < *nh; j++)
			*dup |= h[j] == r->hash;
		h[(*nh)++] = r->hash;
	}
}

int strato_filter_compile_tree(struct strato_filter *f, struct strato_filter_error *err)
{
	uint64_t h[64];
	unsigned nh = 0;

	struct strato_ftypeset fs;

	int rc = strato_cc_node(f, f->root, err);
	if (rc)
		return rc;
	strato_filter_typesets(f->root, &f->types, &fs);
	strato_cc_hashes(f->root, h, &nh, &f->cache);
	rc = strato_fprog_build(f);
	if (rc == -E2BIG)
		return strato_filter_seterr(err, rc, 0, 0, "filter too large (over %u checks)", STRATO_PC_TRUE - 1);
	return rc;
}

/* Generic syscall events (ids 0 and 1) carry the syscall's own name in
 * evt.type, so a set of names can never exclude them. */
static void strato_ts_fill(struct strato_ftypeset *s, bool v)
{
	memset(s, v ? 0xff : 0, sizeof(*s));
}

void strato_filter_typesets(const struct strato_fnode *n, struct strato_ftypeset *t, struct strato_ftypeset *fs)
{
	struct strato_ftypeset kt, kf;

	switch (n->kind) {
	case STRATO_N_TYPES:
		for (unsigned i = 0; i < STRATO_ARRAY_SIZE(t->w); i++) {
			t->w[i] = n->neg ? ~n->types->w[i] : n->types->w[i];
			fs->w[i] = ~t->w[i];
		}
		t->w[0] |= 3;
		fs->w[0] |= 3;
		return;
	case STRATO_N_NOT:
		strato_filter_typesets(n->kids[0], fs, t);
		return;
	case STRATO_N_AND:
	case STRATO_N_OR:
		strato_ts_fill(t, n->kind == STRATO_N_AND);
		strato_ts_fill(fs, n->kind == STRATO_N_OR);
		for (unsigned k = 0; k < n->nkids; k++) {
			strato_filter_typesets(n->kids[k], &kt, &kf);
			for (unsigned i = 0; i < STRATO_ARRAY_SIZE(t->w); i++) {
				if (n->kind == STRATO_N_AND) {
					t->w[i] &= kt.w[i];
					fs->w[i] |= kf.w[i];
				} else {
					t->w[i] |= kt.w[i];
					fs->w[i] &= kf.w[i];
				}
			}
		}
		return;
	case STRATO_N_CMP:
		strato_ts_fill(t, true);
		strato_ts_fill(fs, true);
		return;
	}
}

void strato_filter_release(struct strato_fnode *n)
{
	if (!n)
		return;
	for (unsigned i = 0; i < n->nkids; i++)
		strato_filter_release(n->kids[i]);
	strato_field_free(n->lhs.field);
	n->lhs.field = NULL;
	for (unsigned i = 0; i < n->nvals; i++) {
		if (n->vals[i].re) {
			regfree(n->vals[i].re);
			free(n->vals[i].re);
			n->vals[i].re = NULL;
		}
		if (n->vals[i].ref) {
			strato_field_free(n->vals[i].ref->field);
			n->vals[i].ref->field = NULL;
		}
	}
}

int strato_filter_compile(strato_filter **out, const char *expr, const struct strato_filter_opts *opts,
			  struct strato_filter_error *err)
{
	struct strato_filter *f;
	int rc;

	if (err)
		memset(err, 0, sizeof(*err));
	if (!out || !expr)
		return strato_filter_seterr(err, -EINVAL, 0, 0, "strato_filter_compile: NULL argument");
	*out = NULL;
	if (opts && !STRATO_OPTS_CHECK(opts, strato_filter_opts))
		return strato_filter_seterr(err, -EINVAL, 0, 0, "%s", strato_last_error());
	f = calloc(1, sizeof(*f));
	if (!f || !(f->expr = strdup(expr))) {
		free(f);
		return strato_filter_seterr(err, -ENOMEM, 0, 0, "out of memory");
	}
	atomic_init(&f->refs, 1);
	/* macros can expand exponentially: bound what one filter may take */
	f->arena.limit = STRATO_FILTER_MAX_BYTES;
	struct strato_fparse p = {
	    .src = f->expr,
	    .arena = &f->arena,
	    .defs = STRATO_OPTS_GET(opts, defs, NULL),
	    .err = err,
	};
	rc = strato_filter_parse(&p, &f->root);
	if (!rc)
		rc = strato_filter_compile_tree(f, err);
	if (rc) {
		if (rc == -ENOMEM && f->arena.total + 8192 > f->arena.limit)
			rc = strato_filter_seterr(err, -E2BIG, 0, 0,
						  "filter too large after macro expansion (over %u MiB)",
						  STRATO_FILTER_MAX_BYTES >> 20);
		else if (rc == -ENOMEM)
			strato_filter_seterr(err, rc, 0, 0, "out of memory");
		strato_filter_free(f);
		return rc;
	}
	*out = f;
	return 0;
}

struct strato_filter *strato_filter_ref(const struct strato_filter *f)
{
	struct strato_filter *m = (struct strato_filter *)f;

	atomic_fetch_add(&m->refs, 1);
	return m;
}

void strato_filter_free(strato_filter *f)
{
	if (!f || atomic_fetch_sub(&f->refs, 1) != 1)
		return;
	strato_filter_release(f->root);
	strato_arena_free(&f->arena);
	free(f->expr);
	free(f);
}
