/* lib/format/readahead.c: a capture file's events decoded in a thread
 * ahead of the caller.
 *
 * Reading a file is about half of what a filtering reader (stratoread
 * with a filter) spends per event; the state update and the filter are
 * the other half. The thread calls the source and appends each event (a
 * small header, its bytes, its enter's bytes, its parameter offsets) to
 * one of four batches. The caller rebuilds each event from its record into a struct
 * of its own, lends it until the next call, as the API promises, and
 * gives a batch back when it moves past it. Batches change hands under a
 * mutex, about a thousand times per million events. Memory is bounded:
 * four batches of at most STRATO_RA_EVENTS events in STRATO_RA_BYTES,
 * unless one event alone is larger. */
#include "core/buf.h"
#include "core/internal.h"
#include "event/event.h"
#include "format/readahead.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <stratocore/capture.h>

#define STRATO_RA_NBUF 4
#define STRATO_RA_EVENTS 1024
#define STRATO_RA_BYTES (512u << 10)
/* A single event may be a 64 MiB _LARGE block plus its enter. */
#define STRATO_RA_EVENT_MAX ((size_t)160 << 20)

/* An event in a batch: this header, its bytes, its enter's bytes, then
 * its parameter offsets and lengths, 8-byte aligned. Compact and written
 * in one sweep: each line the thread writes is a line the caller's core
 * must fetch from it. */
struct strato_ra_rec {
	uint32_t size; /* of the whole record */
	uint32_t len, enter_len, nparams, dump_flags;
	uint16_t type, cpu, enter_cpu;
	uint8_t file_nparams, origin;
	uint64_t num;
};

#define STRATO_RA_ALIGN(n) (((n) + 7) & ~(size_t)7)

struct strato_ra_batch {
	struct strato_buf bytes; /* the records */
	unsigned n;
	int end; /* 0: more batches follow; else the source's final status */
	char msg[STRATO_ERRMSG_MAX];
	uint64_t counter;
};

struct strato_readahead {
	strato_ra_pull pull;
	void *ctx;
	const uint64_t *counter;
	uint64_t counter0; /* *counter when the thread started */
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t ready, space;
	struct strato_ra_batch buf[STRATO_RA_NBUF];
	unsigned rd, wr, nfull; /* under mu */
	bool stop;              /* under mu */
	bool starved;           /* under mu: the caller waited for a batch */
	bool waiting_ready, waiting_space; /* under mu: signal only a sleeper */
	/* the thread's side */
	STRATO_OWN_LINE const struct strato_event *carry; /* did not fit the last batch */
	/* the caller's side: the event lent, rebuilt from its record */
	STRATO_OWN_LINE struct strato_ra_batch *cur;
	unsigned idx;
	size_t pos;
	struct strato_event ev;
};

/* Appends `ev` to batch `b`; false when it does not fit (b not empty). */
static bool strato_ra_put(struct strato_ra_batch *b, const struct strato_event *ev, int *err)
{
	size_t arrays = (size_t)ev->nparams * 4;
	size_t size = STRATO_RA_ALIGN(sizeof(struct strato_ra_rec) + STRATO_RA_ALIGN((size_t)ev->len + ev->enter_len) +
				      2 * arrays);
	struct strato_ra_rec *r;
	uint8_t *p;

	if (b->bytes.len + size > b->bytes.cap) {
		if (b->n)
			return false;
		*err = strato_buf_reserve(&b->bytes, size, STRATO_RA_EVENT_MAX);
		if (*err) {
			*err = strato_fail(*err, "out of memory for a %zu-byte event", size);
			return false;
		}
	}
	r = (struct strato_ra_rec *)(void *)(b->bytes.data + b->bytes.len);
	p = (uint8_t *)(r + 1);
	*r = (struct strato_ra_rec){
		.size = (uint32_t)size, .len = ev->len, .enter_len = ev->enter_raw ? ev->enter_len : 0,
		.nparams = ev->nparams, .dump_flags = ev->dump_flags, .type = ev->type, .cpu = ev->cpu,
		.enter_cpu = ev->enter_cpu, .file_nparams = ev->file_nparams, .origin = ev->origin, .num = ev->num,
	};
	strato_copy(p, ev->raw, ev->len);
	if (ev->enter_raw)
		strato_copy(p + ev->len, ev->enter_raw, ev->enter_len);
	p += STRATO_RA_ALIGN((size_t)ev->len + r->enter_len);
	strato_copy(p, ev->poff, arrays);
	strato_copy(p + arrays, ev->plen, arrays);
	b->bytes.len += size;
	b->n++;
	return true;
}

/* Fills batch `b` from the source. */
static void strato_ra_fill(struct strato_readahead *ra, struct strato_ra_batch *b, bool hurry)
{
	const struct strato_event *ev;
	int rc = 0;

	b->n = 0;
	b->end = 0;
	b->bytes.len = 0;
	/* one huge event made this batch's bytes big: give them back */
	if (b->bytes.cap > 4 * STRATO_RA_BYTES) {
		strato_buf_free(&b->bytes);
		rc = strato_buf_reserve(&b->bytes, STRATO_RA_BYTES, STRATO_RA_BYTES);
	}
	while (!rc && b->n < STRATO_RA_EVENTS) {
		if (ra->carry) {
			ev = ra->carry;
			ra->carry = NULL;
		} else {
			rc = ra->pull(ra->ctx, &ev, hurry);
			if (rc != STRATO_EVENT)
				break;
			rc = 0;
		}
		if (!strato_ra_put(b, ev, &rc) && !rc)
			ra->carry = ev; /* the batch is full */
		if (ra->carry)
			break;
	}
	if (rc) {
		b->end = rc;
		if (rc < 0)
			strato_keep_error(b->msg, sizeof(b->msg));
	}
	b->counter = *ra->counter;
}

static void *strato_ra_thread(void *arg)
{
	struct strato_readahead *ra = arg;

	pthread_mutex_lock(&ra->mu);
	for (;;) {
		struct strato_ra_batch *b;
		bool hurry;

		while (!ra->stop && ra->nfull == STRATO_RA_NBUF) {
			ra->waiting_space = true;
			pthread_cond_wait(&ra->space, &ra->mu);
			ra->waiting_space = false;
		}
		if (ra->stop)
			break;
		b = &ra->buf[ra->wr];
		hurry = ra->starved;
		ra->starved = false;
		pthread_mutex_unlock(&ra->mu);
		strato_ra_fill(ra, b, hurry);
		pthread_mutex_lock(&ra->mu);
		ra->wr = (ra->wr + 1) % STRATO_RA_NBUF;
		ra->nfull++;
		if (ra->waiting_ready)
			pthread_cond_signal(&ra->ready);
		if (b->end)
			break;
	}
	pthread_mutex_unlock(&ra->mu);
	return NULL;
}

static void strato_ra_release(struct strato_readahead *ra)
{
	for (unsigned i = 0; i < STRATO_RA_NBUF; i++)
		strato_buf_free(&ra->buf[i].bytes);
	free(ra);
}

int strato_readahead_start(struct strato_readahead **out, strato_ra_pull pull, void *ctx, const uint64_t *counter)
{
	struct strato_readahead *ra;
	sigset_t all, old;
	int rc;

	*out = NULL;
	ra = strato_zalloc_lines(sizeof(*ra));
	if (!ra)
		return strato_fail(-ENOMEM, "out of memory");
	for (unsigned i = 0; i < STRATO_RA_NBUF; i++) {
		if (strato_buf_reserve(&ra->buf[i].bytes, STRATO_RA_BYTES, STRATO_RA_BYTES)) {
			strato_ra_release(ra);
			return strato_fail(-ENOMEM, "out of memory");
		}
	}
	ra->pull = pull;
	ra->ctx = ctx;
	ra->counter = counter;
	ra->counter0 = *counter;
	pthread_mutex_init(&ra->mu, NULL);
	pthread_cond_init(&ra->ready, NULL);
	pthread_cond_init(&ra->space, NULL);
	/* The application's signals must keep going to its own threads. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&ra->th, NULL, strato_ra_thread, ra);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc) {
		pthread_mutex_destroy(&ra->mu);
		pthread_cond_destroy(&ra->ready);
		pthread_cond_destroy(&ra->space);
		strato_ra_release(ra);
		return -EAGAIN;
	}
	*out = ra;
	return 0;
}

int strato_readahead_next(struct strato_readahead *ra, const struct strato_event **ev)
{
	struct strato_ra_batch *b = ra->cur;
	const struct strato_ra_rec *r;
	struct strato_event *e = &ra->ev;
	const uint8_t *p;

	if (b && ra->idx == b->n) {
		if (b->end) {
			if (b->end < 0)
				strato_fail(b->end, "%s", b->msg);
			return b->end;
		}
		pthread_mutex_lock(&ra->mu);
		ra->nfull--;
		ra->rd = (ra->rd + 1) % STRATO_RA_NBUF;
		if (ra->waiting_space)
			pthread_cond_signal(&ra->space);
		pthread_mutex_unlock(&ra->mu);
		b = NULL;
	}
	if (!b) {
		pthread_mutex_lock(&ra->mu);
		while (!ra->nfull) {
			ra->starved = true;
			ra->waiting_ready = true;
			pthread_cond_wait(&ra->ready, &ra->mu);
			ra->waiting_ready = false;
		}
		b = ra->cur = &ra->buf[ra->rd];
		pthread_mutex_unlock(&ra->mu);
		ra->idx = 0;
		ra->pos = 0;
		if (!b->n)
			return strato_readahead_next(ra, ev);
	}
	r = (const struct strato_ra_rec *)(const void *)(b->bytes.data + ra->pos);
	p = (const uint8_t *)(r + 1);
	e->raw = p;
	e->len = r->len;
	e->type = r->type;
	e->cpu = r->cpu;
	e->dump_flags = r->dump_flags;
	e->num = r->num;
	e->nparams = r->nparams;
	e->enter_raw = r->enter_len ? p + r->len : NULL;
	e->enter_len = r->enter_len;
	e->enter_cpu = r->enter_cpu;
	e->file_nparams = r->file_nparams;
	e->origin = r->origin;
	e->state = NULL;
	p += STRATO_RA_ALIGN((size_t)r->len + r->enter_len);
	strato_copy(e->poff, p, r->nparams * 4);
	strato_copy(e->plen, p + r->nparams * 4, r->nparams * 4);
	ra->pos += r->size;
	ra->idx++;
	*ev = e;
	return STRATO_EVENT;
}

uint64_t strato_readahead_counter(const struct strato_readahead *ra)
{
	return ra->cur ? ra->cur->counter : ra->counter0;
}

void strato_readahead_free(struct strato_readahead *ra)
{
	if (!ra)
		return;
	pthread_mutex_lock(&ra->mu);
	ra->stop = true;
	pthread_cond_signal(&ra->space);
	pthread_mutex_unlock(&ra->mu);
	pthread_join(ra->th, NULL);
	pthread_mutex_destroy(&ra->mu);
	pthread_cond_destroy(&ra->ready);
	pthread_cond_destroy(&ra->space);
	strato_ra_release(ra);
}
