/* lib/event/event.h: the in-memory event (what strato_event points to) and
 * the parser that validates a raw scap event before anything reads it. */
#ifndef STRATO_EVENT_EVENT_H
#define STRATO_EVENT_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include "core/internal.h"
#include "event/event_table.h"

#define STRATO_EVT_HDR_LEN 26 /* ts u64, tid u64, len u32, type u16, nparams u32 */

struct strato_event {
	const uint8_t *raw; /* header, length array, data: the scap encoding */
	uint32_t len;       /* bytes at raw (the header's len field) */
	uint16_t type;
	uint16_t cpu;
	uint32_t dump_flags;
	uint64_t num;
	uint32_t nparams; /* parameters decoded, at most STRATO_MAX_PARAMS */
	uint32_t poff[STRATO_MAX_PARAMS]; /* offset of each parameter's data in raw */
	uint32_t plen[STRATO_MAX_PARAMS];
	/* Read from a file: the file's own enter event that was merged into
	 * this exit (NULL if it had none), so a rewrite can reproduce the
	 * original pair exactly. Valid as long as the event. */
	const uint8_t *enter_raw;
	uint32_t enter_len;
	uint16_t enter_cpu;
	/* Read from a file: how many parameters the exit had there before the
	 * merge (older layouts have fewer than the 2022 table). */
	uint8_t file_nparams;
	uint8_t origin; /* enum strato_event_origin */
	/* The capture's state as of this event (set by strato_capture_next
	 * when state is on; NULL in clones): what the field getters read. */
	struct strato_state *state;
};

/* Where an event came from decides how the compat writer pairs it: a live
 * event gets an enter event made up from its arguments; a file event is
 * written with exactly the enter event it had (or none). */
enum strato_event_origin {
	STRATO_ORIGIN_LIVE = 0,
	STRATO_ORIGIN_FILE = 1,
};

/* Validates the event at `raw` (at most `avail` bytes) and fills `ev`'s raw,
 * len, type, nparams, poff and plen. Every length is checked against the
 * event and `avail`, so later reads never leave the buffer. Parameters past
 * STRATO_MAX_PARAMS are ignored. Returns 0 or -STRATO_EFORMAT (message set). */
int strato_event_parse(struct strato_event *ev, const uint8_t *raw, size_t avail);

/* Width of the parameter length array entries for `type`: 2 or 4. */
static inline unsigned strato_event_lenwidth(uint16_t type)
{
	const struct strato_event_info *ei;

	if (type < STRATO_EVENT_TABLE_SIZE) /* every event parse asks: the short way */
		ei = &strato_event_table[type];
	else if (!(ei = strato_event_info_get(type)))
		return 2;
	return ei->name && (ei->flags & STRATO_EF_LARGE_PAYLOAD) ? 4 : 2;
}

/* Whether parameter `idx` (< nparams) of `type` is an integer: 1 signed,
 * 2 unsigned, 0 not. The table is filled on first use. */
extern uint8_t strato_param_kinds[STRATO_EVENT_TABLE_SIZE][STRATO_MAX_PARAMS];
extern bool strato_param_kinds_ready;
unsigned strato_param_kind_slow(uint16_t type, unsigned idx);

static inline unsigned strato_param_kind(uint16_t type, unsigned idx)
{
	if (type < STRATO_EVENT_TABLE_SIZE && __atomic_load_n(&strato_param_kinds_ready, __ATOMIC_ACQUIRE))
		return strato_param_kinds[type][idx];
	return strato_param_kind_slow(type, idx);
}

/* strato_event_param_int() with its usual case inline: an 8-byte integer
 * (fds, results) read in place, anything else through the full call. For
 * the reads the state update makes for every event. */
static inline int strato_event_param_i64(const struct strato_event *ev, unsigned idx, int64_t *out)
{
	if (idx < ev->nparams && ev->plen[idx] == 8 && strato_param_kind(ev->type, idx)) {
		*out = (int64_t)strato_ld64(ev->raw + ev->poff[idx]);
		return 0;
	}
	return strato_event_param_int(ev, idx, out);
}

#endif
