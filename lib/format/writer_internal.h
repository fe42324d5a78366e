/* lib/format/writer_internal.h: what the .scap writer exposes inside the
 * library: its counters (for tests) and the low-level block emitter that
 * later stream markers (e.g. a "lost N events" event) go through. */
#ifndef STRATO_FORMAT_WRITER_INTERNAL_H
#define STRATO_FORMAT_WRITER_INTERNAL_H

#include <stdint.h>
#include <stratocore/writer.h>

struct strato_writer_counts {
	uint64_t written;       /* events given to strato_writer_write() that reached the stream */
	uint64_t blocks;        /* event blocks produced (compat: enter + exit count twice) */
	uint64_t unsupported;   /* skipped: no representation in the profile (e.g. compat and a
				 * type that sysdig 0.29.3's table lacks), or an event too big
				 * for a non-large block */
	uint64_t enter_dropped; /* syscall enter events received directly; each profile
				 * writes exits only (compat makes its own enter events) */
};

void strato_writer_get_counts(const strato_writer *w, struct strato_writer_counts *c);

/* Appends one event block holding `raw` (a complete scap event of `len`
 * bytes, already in the layout of the writer's profile) with the given CPU
 * and dump flags, choosing EV_V2/EVF_V2 and their _LARGE forms. This is the
 * extension point for stream markers the writer makes itself, such as a
 * future "lost N events" meta event: build the event bytes, then call this.
 * Returns 0 or the writer's (first) error. */
int strato_writer_put_raw(strato_writer *w, const uint8_t *raw, uint32_t len, uint16_t cpu,
			  uint32_t dump_flags);

#endif
