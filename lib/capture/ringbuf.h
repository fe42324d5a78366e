/* lib/capture/ringbuf.h: a zero-copy reader of one BPF ring buffer map.
 * libbpf 1.1's ring_buffer API only lends records for the duration of a
 * callback; reading the mapped ring directly lets strato_capture_next() lend
 * a record in place and release it on the following call. */
#ifndef STRATO_CAPTURE_RINGBUF_H
#define STRATO_CAPTURE_RINGBUF_H

#include <stddef.h>
#include <stdint.h>

struct strato_ring {
	unsigned long *consumer_pos; /* read-write page */
	unsigned long *producer_pos; /* read-only page, data follows */
	uint8_t *data;
	size_t mask;                 /* ring size - 1 */
	size_t page;
	unsigned long cons;          /* our position */
	unsigned long published;     /* what the producer has been told */
	unsigned long prod;          /* producer position when last read */
	unsigned long end;           /* strato_ring_close_end(): read no further */
};

int strato_ring_map(struct strato_ring *r, int map_fd, size_t size);
void strato_ring_unmap(struct strato_ring *r);
/* Next committed record at or after the current position, skipping discarded
 * ones; returns its length and sets *rec, or 0 when the ring is empty (or the
 * next record is still being written). Does not consume. The producer
 * position is read again only once the records it announced are consumed. */
size_t strato_ring_peek(struct strato_ring *r, const uint8_t **rec);
/* Consumes the record last returned by peek. The position is published
 * when 1/16 of the ring was consumed since the last time, and whenever peek
 * finds the ring empty. */
void strato_ring_release(struct strato_ring *r);
/* Ends the ring at the producer's current position: peek returns nothing
 * beyond it, so a drain after a break finishes even while events keep
 * coming. */
void strato_ring_close_end(struct strato_ring *r);
/* Whether every record before the end was consumed (none is still being
 * written). */
int strato_ring_drained(const struct strato_ring *r);

#endif
