/* lib/filter/program.c: the form a compiled filter runs in. The tree's
 * leaves become a flat array in evaluation order and AND, OR and NOT become
 * each leaf's jump targets, so a match is a loop without recursion. The
 * common checks get their own instruction: event header fields read
 * directly, strings compared by length before bytes, numbers compared
 * without boxing. Field values go to slots that every check of the filter
 * (or of a rule set) reading the same field shares for the event. The rest
 * (transformers, val(), globs, regexes, addresses...) runs through the tree
 * evaluator (eval.c) on that leaf. strato_filter_match() lives here so
 * that the program loop inlines into it. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <string.h>
#include "filter/filter.h"
#include "event/event.h"
#include "state/state.h"

/* Hash of a string for the literal sets: its length and first and last 8
 * bytes (paths in one list tend to share a prefix, and hashing every byte
 * would cost more than the lookup saves). */
static inline uint32_t strato_fp_hash(const void *p, size_t n)
{
	const uint8_t *s = p;
	uint64_t a = 0, b = 0, h;

	if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
	} else {
		for (size_t i = 0; i < n; i++)
			a = a << 8 | s[i];
	}
	h = a * 0x9e3779b97f4a7c15ull ^ b * 0xc2b2ae3d27d4eb4full ^ n * 0x165667b19e3779f9ull;
	return (uint32_t)(h >> 32 ^ h);
}

/* ---- building ---- */

/* The hash set of a leaf's literals: twice as many slots as literals, so
 * that lookups stop at an empty slot soon. */
static int strato_fp_set(struct strato_filter *f, struct strato_fins *in)
{
	uint32_t size = 16, *tab;

	while (size < 2 * (uint64_t)in->nvals)
		size *= 2;
	if (!(tab = strato_arena_alloc(&f->arena, size * sizeof(*tab))))
		return -ENOMEM;
	memset(tab, 0, size * sizeof(*tab));
	for (unsigned k = 0; k < in->nvals; k++) {
		uint32_t i = strato_fp_hash(in->vals[k].bytes, in->vals[k].nbytes) & (size - 1);

		while (tab[i])
			i = (i + 1) & (size - 1);
		tab[i] = k + 1;
	}
	in->set = tab;
	in->setmask = size - 1;
	return 0;
}

static uint32_t strato_fp_leaves(const struct strato_fnode *n)
{
	uint32_t c = 0;

	if (n->kind == STRATO_N_CMP || n->kind == STRATO_N_TYPES)
		return 1;
	for (unsigned i = 0; i < n->nkids; i++)
		c += strato_fp_leaves(n->kids[i]);
	return c;
}

static enum strato_fsrc strato_fp_src(const struct strato_fref *r)
{
	const struct strato_field *fl = r->field;

	if (fl->idx >= 0 || fl->argname)
		return STRATO_S_FIELD;
	switch (fl->def->id) {
	case STRATO_F_EVT_NUM:
		return STRATO_S_EVT_NUM;
	case STRATO_F_EVT_CPU:
		return STRATO_S_EVT_CPU;
	case STRATO_F_EVT_FAILED:
		return STRATO_S_EVT_FAILED;
	case STRATO_F_EVT_DIR:
		return STRATO_S_EVT_DIR;
	case STRATO_F_PROC_NAME:
		return STRATO_S_PROC_NAME;
	case STRATO_F_FD_NAME:
		return STRATO_S_FD_NAME;
	default:
		return STRATO_S_FIELD;
	}
}

/* The specialised instruction for a comparison, or STRATO_I_NODE. */
static enum strato_fiop strato_fp_op(const struct strato_fnode *n)
{
	const struct strato_fref *r = &n->lhs;

	if (r->nxf || r->as_text || r->base == STRATO_C_DOUBLE)
		return STRATO_I_NODE;
	for (unsigned i = 0; i < n->nvals; i++)
		if (n->vals[i].ref)
			return STRATO_I_NODE;
	if (n->op == STRATO_OP_EXISTS)
		return STRATO_I_EXISTS;
	if (!n->nvals)
		return STRATO_I_NODE;
	switch (r->klass) {
	case STRATO_C_NUM:
	case STRATO_C_UNUM:
		if (n->op > STRATO_OP_GE && n->op != STRATO_OP_IN)
			return STRATO_I_NODE;
		return r->klass == STRATO_C_NUM ? STRATO_I_NUM : STRATO_I_UNUM;
	case STRATO_C_STR:
		switch (n->op) {
		case STRATO_OP_EQ:
		case STRATO_OP_IN:
		case STRATO_OP_INTERSECTS:
			if (n->sorted)
				return STRATO_I_STR_SET;
			return n->nvals == 1 ? STRATO_I_STR_EQ : STRATO_I_STR_IN;
		case STRATO_OP_NE:
			return n->nvals == 1 ? STRATO_I_STR_NE : STRATO_I_NODE;
		case STRATO_OP_STARTSWITH:
			return n->nvals == 1 ? STRATO_I_STR_PREFIX : STRATO_I_NODE;
		case STRATO_OP_ENDSWITH:
			return n->nvals == 1 ? STRATO_I_STR_SUFFIX : STRATO_I_NODE;
		case STRATO_OP_CONTAINS:
			return n->nvals == 1 ? STRATO_I_STR_CONTAINS : STRATO_I_NODE;
		default:
			return STRATO_I_NODE;
		}
	default:
		return STRATO_I_NODE;
	}
}

static uint8_t strato_fp_slot(struct strato_filter *f, const char *name, unsigned *uses)
{
	unsigned s;

	for (s = 0; s < f->nslots; s++)
		if (!strcmp(f->slotname[s], name))
			break;
	if (s == STRATO_NSLOTS)
		return STRATO_NOSLOT;
	if (s == f->nslots)
		f->slotname[f->nslots++] = name;
	uses[s]++;
	return (uint8_t)s;
}

static int strato_fp_leaf(struct strato_filter *f, struct strato_fins *in, const struct strato_fnode *n,
			  unsigned *uses)
{
	memset(in, 0, sizeof(*in));
	in->node = n;
	in->slot = STRATO_NOSLOT;
	if (n->kind == STRATO_N_TYPES) {
		in->op = STRATO_I_TYPES;
		in->types = n->types;
		in->cmp = n->neg;
		return 0;
	}
	in->op = (uint8_t)strato_fp_op(n);
	if (in->op == STRATO_I_NODE)
		return 0;
	in->field = n->lhs.field;
	in->src = (uint8_t)strato_fp_src(&n->lhs);
	in->cmp = (uint8_t)(n->op == STRATO_OP_IN ? STRATO_OP_EQ : n->op);
	in->vals = n->vals;
	in->nvals = n->nvals;
	if (n->nvals) {
		in->s = n->vals[0].bytes;
		in->n = n->vals[0].nbytes;
		in->i = n->vals[0].i;
	}
	if (in->src == STRATO_S_FIELD || in->src == STRATO_S_PROC_NAME || in->src == STRATO_S_FD_NAME)
		in->slot = strato_fp_slot(f, n->lhs.name, uses);
	return in->op == STRATO_I_STR_SET ? strato_fp_set(f, in) : 0;
}

/* Lays out n's leaves from `pos` on; t and fl are where n being true or
 * false continues. Returns where n starts (t or fl itself when n has no
 * leaves: an empty and/or). */
static uint32_t strato_fp_gen(struct strato_filter *f, const struct strato_fnode *n, uint32_t pos, uint32_t t,
			      uint32_t fl, unsigned *uses)
{
	uint32_t next, p;

	switch (n->kind) {
	case STRATO_N_CMP:
	case STRATO_N_TYPES:
		if (strato_fp_leaf(f, &f->prog[pos], n, uses))
			f->oom = true;
		f->prog[pos].jt = t;
		f->prog[pos].jf = fl;
		return pos;
	case STRATO_N_NOT:
		return strato_fp_gen(f, n->kids[0], pos, fl, t, uses);
	case STRATO_N_AND:
	case STRATO_N_OR:
		break;
	}
	/* the kids follow in order and each one continues into the next
	 * one's start, known once that kid is laid out: go last to first */
	next = n->kind == STRATO_N_AND ? t : fl;
	p = pos + strato_fp_leaves(n);
	for (unsigned k = n->nkids; k-- > 0;) {
		p -= strato_fp_leaves(n->kids[k]);
		next = n->kind == STRATO_N_AND ? strato_fp_gen(f, n->kids[k], p, next, fl, uses)
					       : strato_fp_gen(f, n->kids[k], p, t, next, uses);
	}
	return next;
}

int strato_fprog_build(struct strato_filter *f)
{
	unsigned uses[STRATO_NSLOTS] = {0};
	uint32_t n = strato_fp_leaves(f->root);
	bool shared = false;

	if (n >= STRATO_PC_TRUE)
		return -E2BIG;
	f->prog = strato_arena_alloc(&f->arena, (n ? n : 1) * sizeof(*f->prog));
	if (!f->prog)
		return -ENOMEM;
	f->nprog = n;
	f->nslots = 0;
	f->oom = false;
	f->entry = strato_fp_gen(f, f->root, 0, STRATO_PC_TRUE, STRATO_PC_FALSE, uses);
	if (f->oom)
		return -ENOMEM;
	for (unsigned s = 0; s < f->nslots; s++)
		shared |= uses[s] > 1;
	f->map = NULL;
	if (shared) {
		uint8_t *m = strato_arena_alloc(&f->arena, STRATO_NSLOTS);

		if (!m)
			return -ENOMEM;
		for (unsigned s = 0; s < STRATO_NSLOTS; s++)
			m[s] = (uint8_t)s;
		f->map = m;
	}
	return 0;
}

/* ---- running ---- */

/* Short strings (most literals) compare inline, as two overlapping words
 * (both sides hold n bytes); longer ones by memcmp. */
static inline bool strato_fp_eq(const char *a, const uint8_t *b, size_t n)
{
	if (n >= 8 && n <= 16)
		return strato_ld64(a) == strato_ld64(b) && strato_ld64(a + n - 8) == strato_ld64(b + n - 8);
	if (n >= 4 && n < 8)
		return strato_ld32(a) == strato_ld32(b) && strato_ld32(a + n - 4) == strato_ld32(b + n - 4);
	if (n > 16)
		return !memcmp(a, b, n);
	for (size_t i = 0; i < n; i++)
		if ((uint8_t)a[i] != b[i])
			return false;
	return true;
}

/* The field's value for the event, from its slot when the event already
 * had it read. *rc 0 or the getter's error (no value). */
static inline const struct strato_fval *strato_fp_get(const struct strato_fins *in, const strato_event *ev,
						     struct strato_fctx *c, struct strato_fval *tmp, int *rc)
{
	unsigned s;

	if (c->map && in->slot != STRATO_NOSLOT && (s = c->map[in->slot]) != STRATO_NOSLOT) {
		struct strato_fslot *e = &c->slot[s];

		if (!((c->valid >> s) & 1)) {
			e->rc = strato_field_extract(in->field, ev, &e->v);
			/* strings of events without state live in a small
			 * rotating pool: those are not kept */
			if (ev->state || !e->v.s)
				c->valid |= 1ull << s;
		}
		*rc = e->rc;
		return &e->v;
	}
	*rc = strato_field_extract(in->field, ev, tmp);
	return tmp;
}

/* A number: 1 with *out, 0 without a value (as strato_field_get_i64 /
 * get_u64 would refuse it: not an integer, or out of the class's range). */
static inline int strato_fp_num(const struct strato_fins *in, const strato_event *ev, struct strato_fctx *c,
				int64_t *out)
{
	struct strato_fval tmp;
	const struct strato_fval *v;
	int64_t res;
	int rc;
	bool uns;

	switch (in->src) {
	case STRATO_S_EVT_NUM:
		*out = (int64_t)ev->num;
		return 1;
	case STRATO_S_EVT_CPU:
		*out = ev->cpu;
		return 1;
	case STRATO_S_EVT_FAILED:
		*out = strato_event_res(ev, &res) == 0 && res < 0;
		return 1;
	default:
		break;
	}
	v = strato_fp_get(in, ev, c, &tmp, &rc);
	if (rc)
		return rc == -ENOMEM ? rc : 0;
	if (!strato_ptype_intlike(v->type))
		return 0;
	uns = v->type == STRATO_PT_UINT64 || v->type == STRATO_PT_ABSTIME || v->type == STRATO_PT_RELTIME;
	if (v->i < 0 && uns == (in->node->lhs.klass == STRATO_C_NUM))
		return 0;
	*out = v->i;
	return 1;
}

/* A string: 1 with *s and *n, 0 without one. */
static inline __attribute__((always_inline)) int strato_fp_str(const struct strato_fins *in, const strato_event *ev,
								 struct strato_fctx *c, struct strato_fval *tmp,
								 const char **s, size_t *n)
{
	const struct strato_fval *v;
	int rc;

	if (in->src == STRATO_S_EVT_DIR) {
		*s = strato_event_is_enter(ev->type) ? ">" : "<";
		*n = 1;
		return 1;
	}
	if (in->src == STRATO_S_PROC_NAME && (*s = strato_state_cur_comm(ev))) {
		*n = strlen(*s);
		return 1;
	}
	if (in->src == STRATO_S_FD_NAME && (*s = strato_state_cur_fdname(ev, n)))
		return 1;
	v = strato_fp_get(in, ev, c, tmp, &rc);
	if (rc)
		return rc == -ENOMEM ? rc : 0;
	if (v->type != STRATO_PT_CHARBUF)
		return 0;
	*s = v->s;
	*n = v->n;
	return 1;
}

static int strato_fp_in_set(const struct strato_fins *in, const char *s, size_t n)
{
	for (uint32_t i = strato_fp_hash(s, n) & in->setmask;; i = (i + 1) & in->setmask) {
		uint32_t k = in->set[i];

		if (!k)
			return 0;
		if (in->vals[k - 1].nbytes == n && strato_fp_eq(s, in->vals[k - 1].bytes, n))
			return 1;
	}
}

/* Always inlined: a call per leaf costs the rule sets more than the size. */
static inline __attribute__((always_inline)) int strato_fp_leaf_run(const struct strato_fins *in,
								     const strato_event *ev, struct strato_fctx *c)
{
	struct strato_fval tmp;
	const char *s;
	size_t n;
	int64_t x;
	int r;

	switch (in->op) {
	case STRATO_I_TYPES: {
		unsigned id = ev->type;

		if (id > 1 && id < STRATO_FTYPES)
			return ((in->types->w[id / 64] >> (id % 64)) & 1) != in->cmp;
		return strato_filter_eval(in->node, ev, c->oldc);
	}
	case STRATO_I_NUM:
	case STRATO_I_UNUM:
		if ((r = strato_fp_num(in, ev, c, &x)) <= 0)
			return r;
		for (unsigned k = 0; k < in->nvals; k++) {
			int64_t v = in->vals[k].i;
			int cmp = in->op == STRATO_I_NUM ? (x < v ? -1 : x > v)
							 : ((uint64_t)x < (uint64_t)v ? -1 : (uint64_t)x > (uint64_t)v);

			if (strato_fop_holds(in->cmp, cmp))
				return 1;
		}
		return 0;
	case STRATO_I_EXISTS:
		switch (in->node->lhs.klass) {
		case STRATO_C_NUM:
		case STRATO_C_UNUM:
			return strato_fp_num(in, ev, c, &x);
		case STRATO_C_STR:
			return strato_fp_str(in, ev, c, &tmp, &s, &n);
		default: {
			const struct strato_fval *v = strato_fp_get(in, ev, c, &tmp, &r);

			if (r)
				return r == -ENOMEM ? r : 0;
			if (in->node->lhs.klass == STRATO_C_IP)
				return v->type == STRATO_PT_IPADDR || v->type == STRATO_PT_IPNET;
			return v->type == STRATO_PT_BYTEBUF || v->type == STRATO_PT_CHARBUF;
		}
		}
	default:
		break;
	}
	if ((r = strato_fp_str(in, ev, c, &tmp, &s, &n)) <= 0)
		return r;
	switch (in->op) {
	case STRATO_I_STR_EQ:
		return n == in->n && strato_fp_eq(s, in->s, n);
	case STRATO_I_STR_NE:
		return !(n == in->n && strato_fp_eq(s, in->s, n));
	case STRATO_I_STR_PREFIX:
		return n >= in->n && strato_fp_eq(s, in->s, in->n);
	case STRATO_I_STR_SUFFIX:
		return n >= in->n && strato_fp_eq(s + n - in->n, in->s, in->n);
	case STRATO_I_STR_CONTAINS:
		return in->n == 0 || memmem(s, n, in->s, in->n) != NULL;
	case STRATO_I_STR_IN:
		for (unsigned k = 0; k < in->nvals; k++)
			if (n == in->vals[k].nbytes && strato_fp_eq(s, in->vals[k].bytes, n))
				return 1;
		return 0;
	case STRATO_I_STR_SET:
		return strato_fp_in_set(in, s, n);
	default:
		return 0;
	}
}

static inline __attribute__((always_inline)) int strato_fp_run(const struct strato_filter *f, const strato_event *ev,
								 struct strato_fctx *c)
{
	const struct strato_fins *prog = f->prog;
	uint32_t pc = f->entry, end = f->nprog;

	while (pc < end) {
		const struct strato_fins *in = &prog[pc];
		int r = in->op == STRATO_I_NODE ? strato_filter_eval(in->node, ev, c->oldc)
						: strato_fp_leaf_run(in, ev, c);

		if (r < 0)
			return r;
		pc = r ? in->jt : in->jf;
	}
	return pc == STRATO_PC_TRUE;
}

int strato_fprog_run(const struct strato_filter *f, const strato_event *ev, struct strato_fctx *c)
{
	return strato_fp_run(f, ev, c);
}

/* Past the type test: the program, with its values on this stack (the
 * slots only for filters that read a field twice: a large frame costs). */
static __attribute__((noinline)) int strato_filter_run_shared(const strato_filter *f, const strato_event *ev)
{
	struct strato_fslot slot[STRATO_NSLOTS];
	struct strato_fcache old;
	struct strato_fctx c = {.map = f->map, .slot = slot, .oldc = &old};

	old.ev = NULL;
	return strato_fp_run(f, ev, &c);
}

static __attribute__((noinline)) int strato_filter_run(const strato_filter *f, const strato_event *ev)
{
	struct strato_fctx c = {.map = NULL};

	if (f->map || f->cache)
		return strato_filter_run_shared(f, ev);
	return strato_fp_run(f, ev, &c);
}

int strato_filter_match(const strato_filter *f, const strato_event *ev)
{
	unsigned id;

	if (__builtin_expect(!f | !ev, 0))
		return strato_fail(-EINVAL, "strato_filter_match: NULL argument");
	/* most events of a typical filter end here: keep it straight */
	id = ev->type;
	if (__builtin_expect(id < STRATO_FTYPES && !((f->types.w[id / 64] >> (id % 64)) & 1), 1))
		return 0;
	return strato_filter_run(f, ev);
}
