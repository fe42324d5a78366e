/* lib/format/reader.h: internals of the .scap reader shared between the
 * block reader (scap_read.c) and the enter/exit merge (merge.c). */
#ifndef STRATO_FORMAT_READER_H
#define STRATO_FORMAT_READER_H

#include <stdbool.h>
#include <stdint.h>
#include "core/buf.h"
#include "event/event.h"

/* Enter events wait here for their exit, one per thread. Both limits keep
 * the memory of a hostile file bounded (at most 1024 x 16 KiB): the oldest
 * waiting thread is evicted when all slots are taken, and an enter event
 * larger than STRATO_MERGE_MAX_ENTER is not kept (its exit is delivered
 * without the enter arguments, as when the enter is missing). */
#define STRATO_MERGE_SLOTS 1024
#define STRATO_MERGE_BUCKETS 2048
#define STRATO_MERGE_MAX_ENTER 16384

struct strato_merge_slot {
	int64_t tid;
	int32_t next;   /* next slot in the bucket chain, or the free list; -1 ends */
	bool used;
	uint32_t len, cap;
	uint8_t *raw;   /* copy of the enter event */
	uint16_t cpu;
	uint8_t nparams; /* its parameters as parsed when stored */
	uint32_t poff[STRATO_MAX_PARAMS], plen[STRATO_MAX_PARAMS];
	uint32_t dump_flags;
	uint64_t num; /* its number in the file (evt.num of an orphan) */
};

struct strato_merge {
	struct strato_merge_slot *slots;
	int32_t *buckets;
	int32_t free_head;
	uint32_t nused;
	uint32_t victim;         /* round-robin eviction cursor */
	struct strato_buf out;   /* the merged exit event */
	/* Set by the caller: attach the enter but leave the building of the
	 * merged event to strato_merge_finish() (in the read-ahead, the
	 * caller's thread does it, where the thread is the slower side). */
	bool defer;
	struct strato_event ev;
	struct strato_buf orphan_buf; /* an enter event that lost its exit */
	struct strato_event orphan;
};

int strato_merge_init(struct strato_merge *m);
void strato_merge_free(struct strato_merge *m);
/* Forgets every waiting enter event (a new capture section starts). */
void strato_merge_reset(struct strato_merge *m);
/* Does `type` need an exit to complete it (a system call enter event)?
 * Enter-only kinds (procexit, switch, container, ...) have an unused exit
 * slot and are delivered on their own. */
bool strato_merge_is_syscall_enter(uint16_t type);
/*
 * Enter events that lose their exit (a newer system call of the same thread,
 * the thread's exit, eviction, the end of the capture) are not dropped: the
 * calls below hand them back through `orphan` (NULL when there is none) as
 * events of their own, owned by `m` and valid until the next orphan, so the
 * caller delivers them before the event that revealed them. Nothing a file
 * holds is lost, and each thread's events keep their order.
 */
/* Remembers the validated enter event `ev` for its thread. */
int strato_merge_store(struct strato_merge *m, const struct strato_event *ev, const struct strato_event **orphan);
/* The slot half of strato_merge_store: keeps `ev` for its thread, which
 * has no waiting enter (strato_merge_flush_tid was called), in a free slot
 * (free_head >= 0). Used when an enter the reader held in its own buffer
 * did not meet its exit in the next block. */
int strato_merge_keep(struct strato_merge *m, const struct strato_event *ev);
/* Merges the exit `x` with its enter `e` (same thread, type x->type - 1),
 * which the reader still holds in place: no slot is involved. Sets *out as
 * strato_merge_exit does; e's bytes must outlive the lent event. */
int strato_merge_pair(struct strato_merge *m, struct strato_event *x, const struct strato_event *e,
		      const struct strato_event **out);
/* Takes the exit event `ev`; returns it in *out, or a merged copy owned by
 * `m` (valid until the next call) when a matching enter event was waiting
 * and the exit lacks parameters of the current layout. Either way the
 * matching enter's bytes are attached (enter_raw). */
int strato_merge_exit(struct strato_merge *m, struct strato_event *ev, const struct strato_event **out,
		      const struct strato_event **orphan);
/* Completes an exit delivered with `defer`: *out = x itself, or the
 * merged event built in `m` (which needs no slots: a zeroed struct will
 * do; free it with strato_merge_free). Returns 0 or -ENOMEM. */
int strato_merge_finish(struct strato_merge *m, const struct strato_event *x, const struct strato_event **out);
/* Hands back the waiting enter event of `tid`, if any (the thread exited). */
int strato_merge_flush_tid(struct strato_merge *m, int64_t tid, const struct strato_event **orphan);
/* Hands back the oldest waiting enter event, if any (end of the section). */
int strato_merge_flush_oldest(struct strato_merge *m, const struct strato_event **orphan);

#endif
