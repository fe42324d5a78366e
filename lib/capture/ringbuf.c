/* lib/capture/ringbuf.c: zero-copy BPF ring buffer reader (see ringbuf.h).
 * Layout of a ring buffer map's mmap: page 0 consumer position (rw), page 1
 * producer position (ro), then the data area mapped twice in a row so a
 * record that wraps around is still contiguous. Each record has an 8-byte
 * header: u32 length with BUSY (bit 31) and DISCARD (bit 30) flags, u32 page
 * offset; records are 8-byte aligned. */
#include "capture/ringbuf.h"
#include "core/internal.h"

#include <sys/mman.h>
#include <unistd.h>

#define STRATO_RB_BUSY (1U << 31)
#define STRATO_RB_DISCARD (1U << 30)
#define STRATO_RB_HDR 8

int strato_ring_map(struct strato_ring *r, int map_fd, size_t size)
{
	void *c, *p;

	memset(r, 0, sizeof(*r));
	r->page = (size_t)sysconf(_SC_PAGESIZE);
	c = mmap(NULL, r->page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (c == MAP_FAILED)
		return strato_fail(-errno, "mmap of the ring buffer consumer page: %s", strerror(errno));
	p = mmap(NULL, r->page + 2 * size, PROT_READ, MAP_SHARED, map_fd, (off_t)r->page);
	if (p == MAP_FAILED) {
		int err = -errno;

		munmap(c, r->page);
		return strato_fail(err, "mmap of the ring buffer data: %s", strerror(-err));
	}
	r->consumer_pos = c;
	r->producer_pos = p;
	r->data = (uint8_t *)p + r->page;
	r->mask = size - 1;
	r->cons = __atomic_load_n(r->consumer_pos, __ATOMIC_ACQUIRE);
	r->published = r->cons;
	r->prod = r->cons;
	r->end = ~0UL;
	return 0;
}

void strato_ring_unmap(struct strato_ring *r)
{
	if (r->consumer_pos)
		munmap(r->consumer_pos, r->page);
	if (r->producer_pos)
		munmap(r->producer_pos, r->page + 2 * (r->mask + 1));
	memset(r, 0, sizeof(*r));
}

/* The consumer position is published in batches: every store is a cache
 * line the producing CPU must fetch back, once per event otherwise. */
static void strato_ring_publish(struct strato_ring *r)
{
	if (r->published != r->cons) {
		__atomic_store_n(r->consumer_pos, r->cons, __ATOMIC_RELEASE);
		r->published = r->cons;
	}
}

/* The producer's position is re-read only when the consumer has caught up
 * with the last value read: the producer writes that cache line at every
 * record, and each read by this CPU makes its next write wait for the line
 * to come back. The records before it are committed or busy, which their
 * headers tell. */
size_t strato_ring_peek(struct strato_ring *r, const uint8_t **rec)
{
	if (r->cons >= r->prod) {
		r->prod = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);
		if (r->prod > r->end)
			r->prod = r->end;
		if (r->cons >= r->prod) {
			strato_ring_publish(r); /* caught up: give all the space back */
			return 0;
		}
	}

	while (r->cons < r->prod) {
		uint32_t *hdr = (uint32_t *)(r->data + (r->cons & r->mask));
		uint32_t len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);

		if (len & STRATO_RB_BUSY)
			return 0;
		if (!(len & STRATO_RB_DISCARD)) {
			*rec = (const uint8_t *)hdr + STRATO_RB_HDR;
			return len;
		}
		/* Discarded: skip it and let the producer reuse the space. */
		r->cons += (len + STRATO_RB_HDR + 7) & ~7UL;
	}
	strato_ring_publish(r);
	return 0;
}

void strato_ring_release(struct strato_ring *r)
{
	uint32_t len = *(uint32_t *)(r->data + (r->cons & r->mask)) & ~(STRATO_RB_BUSY | STRATO_RB_DISCARD);

	r->cons += (len + STRATO_RB_HDR + 7) & ~7UL;
	if (r->cons - r->published >= (r->mask + 1) / 16)
		strato_ring_publish(r);
}

void strato_ring_close_end(struct strato_ring *r)
{
	r->end = __atomic_load_n(r->producer_pos, __ATOMIC_ACQUIRE);
	if (r->prod > r->end)
		r->prod = r->end;
}

int strato_ring_drained(const struct strato_ring *r)
{
	return r->cons >= r->end;
}
