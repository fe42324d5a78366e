/* lib/filter/eval.c: the syntax-tree evaluator: what the program
 * (program.c) runs for the checks it has no instruction of its own for,
 * and the reference its instructions are tested against. Reentrant:
 * values and transformer output live on the caller's stack (the heap only
 * for values longer than 256 bytes). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* FNM_CASEFOLD, memmem */
#endif
#include <fnmatch.h>
#include <ctype.h>
#include <stdlib.h>
#include "filter/filter.h"
#include "event/event.h"

#define STRATO_FBUF 256

struct strato_fgot {
	enum strato_fclass k;
	int64_t i;
	uint64_t u;
	double d;
	struct strato_ip ip;
	const char *s;
	size_t n;
	char buf[2][STRATO_FBUF];
	char *heap[2];
};

static char *strato_fgot_buf(struct strato_fgot *g, int idx, size_t need)
{
	if (need <= STRATO_FBUF)
		return g->buf[idx];
	free(g->heap[idx]);
	g->heap[idx] = malloc(need);
	return g->heap[idx];
}

static inline void strato_fgot_done(struct strato_fgot *g)
{
	if (g->heap[0])
		free(g->heap[0]);
	if (g->heap[1])
		free(g->heap[1]);
}

static int strato_b64val(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Decodes base64 into out (room for n*3/4+1); -1 when not base64. */
static long strato_b64_decode(const char *s, size_t n, char *out)
{
	size_t o = 0;
	unsigned acc = 0, bits = 0;

	for (size_t i = 0; i < n; i++) {
		int v;

		if (s[i] == '=')
			break;
		if ((v = strato_b64val((unsigned char)s[i])) < 0)
			return -1;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)(acc >> bits);
		}
	}
	out[o] = 0;
	return (long)o;
}

/* Reads a field and applies its transformers. 1 = value, 0 = the field
 * has no value for this event, <0 = error. */
/* Cached values are only those the getters return without our buffers:
 * numbers, addresses, and strings that point into the capture's state
 * (which keeps them, scratch memory included, until the next event). */
static struct strato_fcache_ent *strato_fcache_find(struct strato_fcache *c, const struct strato_fref *r,
						    const strato_event *ev, bool *hit)
{
	*hit = false;
	if (!c || r->as_text || r->base == STRATO_C_DOUBLE ||
	    ((r->base == STRATO_C_STR || r->base == STRATO_C_BYTES) && !ev->state))
		return NULL;
	if (c->ev != ev) {
		c->ev = ev;
		c->n = 0;
	}
	for (unsigned i = 0; i < c->n; i++) {
		if (c->e[i].hash == r->hash && !strcmp(c->e[i].name, r->name)) {
			*hit = true;
			return &c->e[i];
		}
	}
	if (c->n == STRATO_FCACHE)
		return NULL;
	c->e[c->n].hash = r->hash;
	c->e[c->n].name = r->name;
	return &c->e[c->n++];
}

static int strato_ev_get(const struct strato_fref *r, const strato_event *ev, struct strato_fgot *g,
			 struct strato_fcache *c)
{
	int rc = 0;
	const void *b;
	bool hit;
	struct strato_fcache_ent *ce = strato_fcache_find(c, r, ev, &hit);

	g->k = r->base;
	if (hit) {
		rc = ce->rc;
		g->i = ce->i;
		g->u = ce->u;
		g->ip = ce->ip;
		g->s = ce->s;
		g->n = ce->len;
	} else if (r->as_text || r->base == STRATO_C_DOUBLE) {
		rc = strato_field_format(r->field, ev, g->buf[0], STRATO_FBUF);
		if (rc >= STRATO_FBUF) {
			char *h = strato_fgot_buf(g, 0, (size_t)rc + 1);

			if (!h)
				return -ENOMEM;
			rc = strato_field_format(r->field, ev, h, (size_t)rc + 1);
			g->s = h;
		} else {
			g->s = g->buf[0];
		}
		if (rc >= 0) {
			g->n = (size_t)rc;
			rc = 0;
			if (r->base == STRATO_C_DOUBLE)
				g->d = strtod(g->s, NULL);
		}
	} else {
		switch (r->base) {
		case STRATO_C_NUM:
			rc = strato_field_get_i64(r->field, ev, &g->i);
			break;
		case STRATO_C_UNUM:
			rc = strato_field_get_u64(r->field, ev, &g->u);
			break;
		case STRATO_C_STR:
			rc = strato_field_get_str(r->field, ev, &g->s, &g->n);
			break;
		case STRATO_C_BYTES:
			rc = strato_field_get_bytes(r->field, ev, &b, &g->n);
			g->s = b;
			break;
		case STRATO_C_IP:
			rc = strato_field_get_ip(r->field, ev, &g->ip);
			break;
		case STRATO_C_DOUBLE:
			break;
		}
	}
	if (rc == -ENOMEM)
		return rc;
	if (ce && !hit) {
		ce->rc = rc;
		ce->i = g->i;
		ce->u = g->u;
		ce->ip = g->ip;
		ce->s = g->s;
		ce->len = g->n;
	}
	if (rc)
		return 0; /* no value (or one the getter cannot give): the check is false */
	for (unsigned i = r->nxf; i-- > 0;) {
		enum strato_fxform x = r->xf[i];
		char *o;
		long n;

		if (x == STRATO_X_LEN) {
			g->u = g->n;
			g->k = STRATO_C_UNUM;
			break;
		}
		o = strato_fgot_buf(g, g->s == g->buf[0] || (g->heap[0] && g->s == g->heap[0]), g->n + 1);
		if (!o)
			return -ENOMEM;
		switch (x) {
		case STRATO_X_TOLOWER:
		case STRATO_X_TOUPPER:
			for (size_t j = 0; j < g->n; j++)
				o[j] = (char)(x == STRATO_X_TOLOWER ? tolower((unsigned char)g->s[j])
								    : toupper((unsigned char)g->s[j]));
			o[g->n] = 0;
			break;
		case STRATO_X_BASENAME: {
			size_t st = g->n;

			while (st > 0 && g->s[st - 1] != '/')
				st--;
			memmove(o, g->s + st, g->n - st);
			g->n -= st;
			o[g->n] = 0;
			break;
		}
		case STRATO_X_B64:
			if ((n = strato_b64_decode(g->s, g->n, o)) < 0)
				return 0;
			g->n = (size_t)n;
			break;
		default:
			break;
		}
		g->s = o;
		g->k = STRATO_C_STR;
	}
	return 1;
}

static bool strato_icontains(const char *s, size_t n, const uint8_t *lo, size_t vn)
{
	if (vn > n)
		return false;
	for (size_t i = 0; i + vn <= n; i++) {
		size_t j = 0;

		while (j < vn && tolower((unsigned char)s[i + j]) == lo[j])
			j++;
		if (j == vn)
			return true;
	}
	return false;
}

static bool strato_ip_in(const struct strato_ip *net, const struct strato_ip *a)
{
	unsigned p = net->prefix, full = p / 8, rem = p % 8;

	if (net->family != a->family)
		return false;
	if (memcmp(net->addr, a->addr, full))
		return false;
	return !rem || ((net->addr[full] ^ a->addr[full]) & (0xff00 >> rem) & 0xff) == 0;
}

static bool strato_ip_eq(const struct strato_ip *a, const struct strato_ip *v)
{
	unsigned fa = a->family == 4 ? 32 : 128, fv = v->family == 4 ? 32 : 128;

	if (v->prefix < fv)
		return strato_ip_in(v, a);
	if (a->prefix < fa)
		return strato_ip_in(a, v);
	return a->family == v->family && !memcmp(a->addr, v->addr, a->family == 4 ? 4 : 16);
}

static int strato_cmp3(const struct strato_fgot *g, int64_t vi, uint64_t vu, double vd)
{
	if (g->k == STRATO_C_NUM)
		return g->i < vi ? -1 : g->i > vi;
	if (g->k == STRATO_C_UNUM)
		return g->u < vu ? -1 : g->u > vu;
	return g->d < vd ? -1 : g->d > vd;
}

/* Compares the value with one literal (or val() operand, already read into
 * `rv`). */
static bool strato_ev_one(const struct strato_fnode *n, const struct strato_fgot *g, const struct strato_flit *v,
			  const struct strato_fgot *rv)
{
	enum strato_fop op = n->op;
	const uint8_t *vb = v->bytes;
	size_t vn = v->nbytes;

	if (g->k == STRATO_C_NUM || g->k == STRATO_C_UNUM || g->k == STRATO_C_DOUBLE) {
		int c;

		if (rv) {
			int64_t ri = rv->k == STRATO_C_NUM    ? rv->i
				     : rv->k == STRATO_C_UNUM ? (int64_t)rv->u
							      : (int64_t)rv->d;
			uint64_t ru = rv->k == STRATO_C_UNUM  ? rv->u
				      : rv->k == STRATO_C_NUM ? (uint64_t)rv->i
							      : (uint64_t)rv->d;
			double rd = rv->k == STRATO_C_DOUBLE ? rv->d
				    : rv->k == STRATO_C_NUM  ? (double)rv->i
							     : (double)rv->u;
			c = strato_cmp3(g, ri, ru, rd);
		} else {
			c = strato_cmp3(g, v->i, v->u, v->d);
		}
		return strato_fop_holds(op, c);
	}
	if (g->k == STRATO_C_IP) {
		bool eq = strato_ip_eq(&g->ip, rv ? &rv->ip : &v->ip);
		return op == STRATO_OP_NE ? !eq : eq;
	}
	if (rv) {
		vb = (const uint8_t *)rv->s;
		vn = rv->n;
	}
	switch (op) {
	case STRATO_OP_EQ:
	case STRATO_OP_IN:
	case STRATO_OP_INTERSECTS:
		return g->n == vn && !memcmp(g->s, vb, vn);
	case STRATO_OP_NE:
		return !(g->n == vn && !memcmp(g->s, vb, vn));
	case STRATO_OP_LT:
	case STRATO_OP_LE:
	case STRATO_OP_GT:
	case STRATO_OP_GE: {
		int c = memcmp(g->s, vb, g->n < vn ? g->n : vn);

		if (!c)
			c = g->n < vn ? -1 : g->n > vn;
		return strato_fop_holds(op, c);
	}
	case STRATO_OP_CONTAINS:
	case STRATO_OP_BCONTAINS:
		return vn == 0 || memmem(g->s, g->n, vb, vn) != NULL;
	case STRATO_OP_ICONTAINS:
		return strato_icontains(g->s, g->n, vb, vn);
	case STRATO_OP_STARTSWITH:
	case STRATO_OP_BSTARTSWITH:
		return g->n >= vn && !memcmp(g->s, vb, vn);
	case STRATO_OP_ENDSWITH:
		return g->n >= vn && !memcmp(g->s + g->n - vn, vb, vn);
	case STRATO_OP_GLOB:
		return fnmatch(rv ? rv->s : v->text, g->s, 0) == 0;
	case STRATO_OP_IGLOB:
		return fnmatch(rv ? rv->s : v->text, g->s, FNM_CASEFOLD) == 0;
	case STRATO_OP_REGEX:
		return v->re && regexec(v->re, g->s, 0, NULL, 0) == 0;
	case STRATO_OP_PMATCH:
		/* a path prefix: the prefix itself or anything below it */
		return g->n >= vn && !memcmp(g->s, vb, vn) &&
		       (g->n == vn || (vn && vb[vn - 1] == '/') || g->s[vn] == '/');
	default:
		return false;
	}
}

static int strato_ev_cmp(const struct strato_fnode *n, const strato_event *ev, struct strato_fcache *c)
{
	struct strato_fgot g;
	int rc, res = 0;

	g.heap[0] = g.heap[1] = NULL;
	rc = strato_ev_get(&n->lhs, ev, &g, c);
	if (rc <= 0 || n->op == STRATO_OP_EXISTS) {
		strato_fgot_done(&g);
		return rc;
	}
	if (n->sorted) {
		unsigned lo = 0, hi = n->nvals;

		while (lo < hi) {
			unsigned mid = (lo + hi) / 2;
			const struct strato_flit *v = &n->vals[mid];
			int cmp = g.n != v->nbytes ? (g.n < v->nbytes ? -1 : 1) : memcmp(g.s, v->bytes, g.n);

			if (!cmp) {
				res = 1;
				break;
			}
			if (cmp < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
		strato_fgot_done(&g);
		return res;
	}
	for (unsigned i = 0; i < n->nvals && !res; i++) {
		const struct strato_flit *v = &n->vals[i];

		if (v->ref) {
			struct strato_fgot r;

			r.heap[0] = r.heap[1] = NULL;
			rc = strato_ev_get(v->ref, ev, &r, c);
			if (rc > 0)
				res = strato_ev_one(n, &g, v, &r);
			strato_fgot_done(&r);
			if (rc < 0) {
				res = rc;
				break;
			}
		} else {
			res = strato_ev_one(n, &g, v, NULL);
		}
	}
	strato_fgot_done(&g);
	return res;
}

/* evt.type by name: a bit test, except for generic syscall events whose
 * evt.type is the name of the syscall they stand for. */
static int strato_ev_types(const struct strato_fnode *n, const strato_event *ev, struct strato_fcache *c)
{
	unsigned id = ev->type;
	struct strato_fgot g;
	int rc, hit = 0;

	if (id > 1 && id < STRATO_FTYPES)
		return strato_ftypes_has(n->types, id) != n->neg;
	g.heap[0] = g.heap[1] = NULL;
	rc = strato_ev_get(&n->lhs, ev, &g, c);
	if (rc > 0 && g.k == STRATO_C_STR)
		for (unsigned i = 0; i < n->nvals && !hit; i++)
			hit = g.n == n->vals[i].tlen && !memcmp(g.s, n->vals[i].text, g.n);
	strato_fgot_done(&g);
	if (rc <= 0)
		return rc;
	return hit != n->neg;
}

int strato_filter_eval(const struct strato_fnode *n, const strato_event *ev, struct strato_fcache *c)
{
	int rc;

	switch (n->kind) {
	case STRATO_N_AND:
		for (unsigned i = 0; i < n->nkids; i++)
			if ((rc = strato_filter_eval(n->kids[i], ev, c)) <= 0)
				return rc;
		return 1;
	case STRATO_N_OR:
		for (unsigned i = 0; i < n->nkids; i++)
			if ((rc = strato_filter_eval(n->kids[i], ev, c)) != 0)
				return rc;
		return 0;
	case STRATO_N_NOT:
		rc = strato_filter_eval(n->kids[0], ev, c);
		return rc < 0 ? rc : !rc;
	case STRATO_N_TYPES:
		return strato_ev_types(n, ev, c);
	case STRATO_N_CMP:
		return strato_ev_cmp(n, ev, c);
	}
	return 0;
}
