/* lib/format/merge.c: turns the enter+exit pairs of older captures into the
 * library's model of one exit event per system call carrying the arguments
 * of both halves in the current parameter layout. */
#include "core/internal.h"
#include "format/reader.h"

#include <pthread.h>
#include <stdlib.h>

/* A merged event holds at most STRATO_MAX_PARAMS parameters of u16 length
 * plus the exit's own bytes; 1 MiB is far above both. */
#define STRATO_MERGE_OUT_LIMIT (1u << 20)

/* For every exit type, where each parameter of its current layout comes
 * from in the enter event: the index of the enter parameter with the same
 * name, or -1. Worked out once, so merging never compares names. */
static int8_t strato_merge_src[STRATO_EVENT_TABLE_SIZE][STRATO_MAX_PARAMS];
/* Bit k set: an exit that has its first k parameters takes all the others
 * from one run of consecutive enter parameters (src[k], src[k] + 1, ...)
 * whose lengths have the exit's width, so merging copies two blocks. */
static uint64_t strato_merge_runs[STRATO_EVENT_TABLE_SIZE];
static pthread_once_t strato_merge_once = PTHREAD_ONCE_INIT;

static void strato_merge_plan(void)
{
	for (unsigned t = 1; t < STRATO_EVENT_TABLE_SIZE; t += 2) {
		const struct strato_event_info *xi = &strato_event_table[t], *ei = &strato_event_table[t - 1];
		const struct strato_param_info *ep = ei->params_2022 ? ei->params_2022 : ei->params;
		unsigned en = ei->params_2022 ? (unsigned)ei->nparams_2022 : ei->nparams;

		for (unsigned i = 0; i < STRATO_MAX_PARAMS; i++) {
			strato_merge_src[t][i] = -1;
			for (unsigned j = 0; xi->name && i < xi->nparams && j < en && j < STRATO_MAX_PARAMS; j++)
				if (!strcmp(ep[j].name, xi->params[i].name)) {
					strato_merge_src[t][i] = (int8_t)j;
					break;
				}
		}
		if (!xi->name || strato_event_lenwidth((uint16_t)t) != strato_event_lenwidth((uint16_t)(t - 1)))
			continue;
		for (unsigned k = 0; k < xi->nparams && k < STRATO_MAX_PARAMS; k++) {
			bool run = true;

			for (unsigned i = k; i < xi->nparams && i < STRATO_MAX_PARAMS; i++)
				if (strato_merge_src[t][i] < 0 || strato_merge_src[t][i] != strato_merge_src[t][k] + (int)(i - k))
					run = false;
			if (run)
				strato_merge_runs[t] |= 1ull << k;
		}
	}
}

static uint32_t strato_merge_hash(int64_t tid)
{
	uint64_t h = (uint64_t)tid * 0x9E3779B97F4A7C15ULL;

	return (uint32_t)(h >> 40) % STRATO_MERGE_BUCKETS;
}

void strato_merge_reset(struct strato_merge *m)
{
	for (int32_t i = 0; i < STRATO_MERGE_BUCKETS; i++)
		m->buckets[i] = -1;
	/* Slot buffers stay allocated for reuse; only the chains are rebuilt. */
	for (int32_t i = 0; i < STRATO_MERGE_SLOTS; i++) {
		m->slots[i].used = false;
		m->slots[i].next = i + 1 < STRATO_MERGE_SLOTS ? i + 1 : -1;
	}
	m->free_head = 0;
	m->nused = 0;
	m->victim = 0;
}

int strato_merge_init(struct strato_merge *m)
{
	memset(m, 0, sizeof(*m));
	pthread_once(&strato_merge_once, strato_merge_plan);
	m->slots = calloc(STRATO_MERGE_SLOTS, sizeof(*m->slots));
	m->buckets = calloc(STRATO_MERGE_BUCKETS, sizeof(*m->buckets));
	if (!m->slots || !m->buckets) {
		strato_merge_free(m);
		return strato_fail(-ENOMEM, "out of memory for the enter event table");
	}
	strato_merge_reset(m);
	return 0;
}

void strato_merge_free(struct strato_merge *m)
{
	if (m->slots)
		for (int32_t i = 0; i < STRATO_MERGE_SLOTS; i++)
			free(m->slots[i].raw);
	free(m->slots);
	free(m->buckets);
	strato_buf_free(&m->out);
	strato_buf_free(&m->orphan_buf);
	memset(m, 0, sizeof(*m));
}

bool strato_merge_is_syscall_enter(uint16_t type)
{
	const struct strato_event_info *x;

	if (!strato_event_is_enter(type))
		return false;
	x = strato_event_info_get((uint16_t)(type + 1));
	return x && !(x->flags & STRATO_EF_UNUSED);
}

/* Unlinks the slot of `tid` from its chain and frees it; returns its index
 * (its bytes stay readable until the slot is reused) or -1. */
static int32_t strato_merge_take(struct strato_merge *m, int64_t tid)
{
	int32_t *link = &m->buckets[strato_merge_hash(tid)];

	while (*link >= 0) {
		struct strato_merge_slot *s = &m->slots[*link];
		int32_t idx = *link;

		if (s->tid == tid) {
			*link = s->next;
			s->used = false;
			s->next = m->free_head;
			m->free_head = idx;
			m->nused--;
			return idx;
		}
		link = &s->next;
	}
	return -1;
}

/* Copies the enter event of slot `idx` (just taken) out as an orphan. */
static int strato_merge_orphan(struct strato_merge *m, int32_t idx, const struct strato_event **orphan)
{
	const struct strato_merge_slot *s = &m->slots[idx];
	int err;

	m->orphan_buf.len = 0;
	err = strato_buf_append(&m->orphan_buf, s->raw, s->len, STRATO_MERGE_MAX_ENTER);
	if (!err)
		err = strato_event_parse(&m->orphan, m->orphan_buf.data, s->len);
	if (err)
		return err;
	m->orphan.cpu = s->cpu;
	m->orphan.dump_flags = s->dump_flags;
	m->orphan.origin = STRATO_ORIGIN_FILE;
	m->orphan.num = s->num;
	*orphan = &m->orphan;
	return 0;
}

int strato_merge_flush_tid(struct strato_merge *m, int64_t tid, const struct strato_event **orphan)
{
	int32_t idx = m->nused ? strato_merge_take(m, tid) : -1;

	*orphan = NULL;
	return idx < 0 ? 0 : strato_merge_orphan(m, idx, orphan);
}

int strato_merge_flush_oldest(struct strato_merge *m, const struct strato_event **orphan)
{
	int32_t best = -1;

	*orphan = NULL;
	for (int32_t i = 0; m->nused && i < STRATO_MERGE_SLOTS; i++)
		if (m->slots[i].used && (best < 0 || strato_ld64(m->slots[i].raw) < strato_ld64(m->slots[best].raw)))
			best = i;
	if (best < 0)
		return 0;
	return strato_merge_orphan(m, strato_merge_take(m, m->slots[best].tid), orphan);
}

int strato_merge_keep(struct strato_merge *m, const struct strato_event *ev)
{
	int32_t idx = m->free_head;
	struct strato_merge_slot *s = &m->slots[idx];
	uint32_t b;

	if (s->cap < ev->len) {
		uint32_t cap = ev->len < 256 ? 256 : ev->len;
		uint8_t *p = realloc(s->raw, cap);

		if (!p)
			return strato_fail(-ENOMEM, "out of memory keeping an enter event");
		s->raw = p;
		s->cap = cap;
	}
	m->free_head = s->next;
	memcpy(s->raw, ev->raw, ev->len);
	s->len = ev->len;
	s->cpu = ev->cpu;
	s->dump_flags = ev->dump_flags;
	s->num = ev->num;
	/* Keeping the offsets spares a parse when the exit comes. */
	s->nparams = (uint8_t)ev->nparams;
	memcpy(s->poff, ev->poff, ev->nparams * sizeof(s->poff[0]));
	memcpy(s->plen, ev->plen, ev->nparams * sizeof(s->plen[0]));
	s->tid = (int64_t)strato_ld64(ev->raw + 8);
	s->used = true;
	b = strato_merge_hash(s->tid);
	s->next = m->buckets[b];
	m->buckets[b] = idx;
	m->nused++;
	return 0;
}

int strato_merge_store(struct strato_merge *m, const struct strato_event *ev, const struct strato_event **orphan)
{
	int64_t tid = (int64_t)strato_ld64(ev->raw + 8);
	int32_t idx;
	int err;

	/* A newer enter of the same thread: the old system call's exit was
	 * lost, and its enter is handed back on its own. */
	err = strato_merge_flush_tid(m, tid, orphan);
	if (err)
		return err;
	if (ev->len > STRATO_MERGE_MAX_ENTER)
		return 0;
	if (m->free_head < 0) {
		/* All slots wait for an exit: evict the next one round-robin,
		 * roughly the oldest. Only reachable when the thread had no
		 * slot, so at most one orphan comes out of a store. */
		while (!m->slots[m->victim].used)
			m->victim = (m->victim + 1) % STRATO_MERGE_SLOTS;
		idx = strato_merge_take(m, m->slots[m->victim].tid);
		m->victim = (m->victim + 1) % STRATO_MERGE_SLOTS;
		err = strato_merge_orphan(m, idx, orphan);
		if (err)
			return err;
	}
	return strato_merge_keep(m, ev);
}

/* Does the exit `x` lack parameters of the current layout (that its enter
 * may have)? Only system call exits, whose types index the merge plan. */
static bool strato_merge_lacks(const struct strato_event *x)
{
	return x->type < STRATO_EVENT_TABLE_SIZE && strato_event_table[x->type].name &&
	       x->nparams < strato_event_table[x->type].nparams && x->nparams < STRATO_MAX_PARAMS;
}

/* Builds in m->ev the exit `x` completed with the parameters of its enter
 * (raw bytes `eraw`, `en` parameters at epoff/eplen) that the current
 * layout has and the exit lacks (x->nparams < the table's count, at most
 * STRATO_MAX_PARAMS - 1). */
static int strato_merge_build(struct strato_merge *m, const struct strato_event *x, const uint8_t *eraw, unsigned en,
			      const uint32_t *epoff, const uint32_t *eplen, const struct strato_event **out)
{
	const struct strato_event_info *xi = &strato_event_table[x->type];
	const int8_t *plan = strato_merge_src[x->type];
	unsigned n, k = x->nparams, width = strato_event_lenwidth(x->type);
	uint32_t total, off, xdata = 0, edata = 0;
	int j0 = plan[k];
	bool runs;
	uint8_t *p;
	int err;

	n = xi->nparams < STRATO_MAX_PARAMS ? xi->nparams : STRATO_MAX_PARAMS;
	if (k)
		xdata = x->poff[k - 1] + x->plen[k - 1] - x->poff[0];
	/* The common case: what the exit lacks is one run of the enter's
	 * parameters, all present, so each half is copied as one block. */
	runs = (strato_merge_runs[x->type] >> k & 1) && j0 + (n - k) <= en;
	if (runs) {
		edata = epoff[j0 + n - k - 1] + eplen[j0 + n - k - 1] - epoff[j0];
	} else {
		for (unsigned i = k; i < n; i++)
			if (plan[i] >= 0 && plan[i] < (int)en)
				edata += eplen[plan[i]];
	}
	total = STRATO_EVT_HDR_LEN + n * width + xdata + edata;
	if (total > m->out.cap) {
		m->out.len = 0;
		err = strato_buf_reserve(&m->out, total, STRATO_MERGE_OUT_LIMIT);
		if (err)
			return strato_fail(err, "merged %s event of %u bytes is too large", xi->name, total);
	}
	p = m->out.data;
	m->out.len = total;
	memcpy(p, x->raw, 20); /* ts, tid, len (rewritten below), type */
	strato_st32(p + 16, total);
	strato_st16(p + 20, x->type);
	strato_st32(p + 22, n);
	off = STRATO_EVT_HDR_LEN + n * width;
	if (runs) {
		/* the exit's lengths and data are contiguous in its raw bytes */
		uint32_t d = off - (STRATO_EVT_HDR_LEN + k * width);

		strato_copy(p + STRATO_EVT_HDR_LEN, x->raw + STRATO_EVT_HDR_LEN, k * width);
		strato_copy(p + STRATO_EVT_HDR_LEN + k * width, eraw + STRATO_EVT_HDR_LEN + j0 * width, (n - k) * width);
		strato_copy(p + off, x->raw + STRATO_EVT_HDR_LEN + k * width, xdata);
		for (unsigned i = 0; i < k; i++) {
			m->ev.poff[i] = x->poff[i] + d;
			m->ev.plen[i] = x->plen[i];
		}
		off += xdata;
		strato_copy(p + off, eraw + epoff[j0], edata);
		d = off - epoff[j0];
		for (unsigned i = k; i < n; i++) {
			m->ev.poff[i] = epoff[j0 + i - k] + d;
			m->ev.plen[i] = eplen[j0 + i - k];
		}
	} else {
		for (unsigned i = 0; i < n; i++) {
			const uint8_t *from = NULL;
			uint32_t len = 0;

			if (i < k) {
				from = x->raw + x->poff[i];
				len = x->plen[i];
			} else if (plan[i] >= 0 && plan[i] < (int)en) {
				from = eraw + epoff[plan[i]];
				len = eplen[plan[i]];
			}
			if (width == 2)
				strato_st16(p + STRATO_EVT_HDR_LEN + 2 * i, (uint16_t)len);
			else
				strato_st32(p + STRATO_EVT_HDR_LEN + 4 * i, len);
			if (len)
				strato_copy(p + off, from, len);
			/* Built here, so its offsets are known: no second parse. */
			m->ev.poff[i] = off;
			m->ev.plen[i] = len;
			off += len;
		}
	}
	m->ev.raw = p;
	m->ev.len = total;
	m->ev.type = x->type;
	m->ev.nparams = n;
	m->ev.cpu = x->cpu;
	m->ev.dump_flags = x->dump_flags;
	m->ev.origin = x->origin;
	m->ev.enter_raw = x->enter_raw;
	m->ev.enter_len = x->enter_len;
	m->ev.enter_cpu = x->enter_cpu;
	m->ev.file_nparams = x->file_nparams;
	m->ev.num = x->num;
	*out = &m->ev;
	return 0;
}

/* Gives the exit `x` its enter (kept in a slot, or the block just before
 * it) and completes its parameters from it when the exit lacks some. */
static int strato_merge_with(struct strato_merge *m, struct strato_event *x, const uint8_t *eraw, uint32_t elen,
			     uint16_t ecpu, unsigned en, const uint32_t *epoff, const uint32_t *eplen,
			     const struct strato_event **out)
{
	x->enter_raw = eraw;
	x->enter_len = elen;
	x->enter_cpu = ecpu;
	if (!strato_merge_lacks(x))
		return 0;
	/* Deferred only where the merged event cannot exceed the limit, so
	 * that the only failure left to strato_merge_finish is memory. */
	if (m->defer && (size_t)x->len + elen + 4 * STRATO_MAX_PARAMS < STRATO_MERGE_OUT_LIMIT)
		return 0;
	return strato_merge_build(m, x, eraw, en, epoff, eplen, out);
}

int strato_merge_finish(struct strato_merge *m, const struct strato_event *x, const struct strato_event **out)
{
	struct strato_event e;

	*out = x;
	if (!x->enter_raw || !strato_merge_lacks(x))
		return 0;
	/* the enter was validated when it was read */
	if (strato_event_parse(&e, x->enter_raw, x->enter_len))
		return 0;
	return strato_merge_build(m, x, e.raw, e.nparams, e.poff, e.plen, out);
}

int strato_merge_exit(struct strato_merge *m, struct strato_event *x, const struct strato_event **out,
		      const struct strato_event **orphan)
{
	const struct strato_merge_slot *e;
	int32_t idx;

	*out = x;
	*orphan = NULL;
	if (!m->nused)
		return 0;
	idx = strato_merge_take(m, (int64_t)strato_ld64(x->raw + 8));
	if (idx < 0)
		return 0;
	/* Only the enter half of the same system call completes this exit; an
	 * enter of another call on this thread lost its exit. */
	e = &m->slots[idx];
	if (strato_ld16(e->raw + 20) != x->type - 1)
		return strato_merge_orphan(m, idx, orphan);
	/* The slot's bytes stay put until a later store reuses the slot, which
	 * cannot happen while this event is lent. */
	return strato_merge_with(m, x, e->raw, e->len, e->cpu, e->nparams, e->poff, e->plen, out);
}

int strato_merge_pair(struct strato_merge *m, struct strato_event *x, const struct strato_event *e,
		      const struct strato_event **out)
{
	*out = x;
	return strato_merge_with(m, x, e->raw, e->len, e->cpu, e->nparams, e->poff, e->plen, out);
}
