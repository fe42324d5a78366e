/* lib/format/readahead.h: runs a capture file's event source in a thread of
 * its own, a few batches of decoded events ahead of the caller, so that
 * reading, decoding and merging overlap on a second core with what the
 * caller does with each event (state update, filter, output). */
#ifndef STRATO_FORMAT_READAHEAD_H
#define STRATO_FORMAT_READAHEAD_H

#include <stdbool.h>
#include <stdint.h>

struct strato_event;
struct strato_readahead;

/* The source, called in the thread: STRATO_EVENT with *ev set (borrowed
 * until its next call), STRATO_EOF, a negative error (message set with
 * strato_fail), or STRATO_RA_STOP: the thread must hand the source back
 * to the caller (a new section of the file is about to replace the
 * tables the caller reads). `hurry`: the caller had to wait for this
 * batch, so the source should leave what work it can to the caller's
 * thread (which then has time for it). */
typedef int (*strato_ra_pull)(void *ctx, const struct strato_event **ev, bool hurry);
#define STRATO_RA_STOP 100

/* Starts the thread. From now until strato_readahead_free() only the
 * thread calls `pull`; after each batch it copies *counter (a number the
 * source keeps, e.g. events skipped) for strato_readahead_counter().
 * Returns 0, -ENOMEM or -EAGAIN (no thread: the caller reads itself). */
int strato_readahead_start(struct strato_readahead **out, strato_ra_pull pull, void *ctx, const uint64_t *counter);

/* The next event, in the source's order; it stays valid until the next
 * call. Returns what the source returned: STRATO_EVENT, then its final
 * status (STRATO_EOF or an error, with the source's message, repeated on
 * later calls), or STRATO_RA_STOP once, after which the caller frees the
 * read-ahead and may call the source itself. */
int strato_readahead_next(struct strato_readahead *ra, const struct strato_event **ev);

/* *counter as of the end of the batch the last event came from. */
uint64_t strato_readahead_counter(const struct strato_readahead *ra);

/* Stops the thread (even in the middle of the source), waits for it and
 * frees everything, events lent included; NULL is a no-op. */
void strato_readahead_free(struct strato_readahead *ra);

#endif
