/* lib/event/event.c: validation of raw scap events and the public accessors
 * of strato_event (header fields, parameters, copies). */
#include "core/internal.h"
#include "event/event.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* Names the first parameter of `ev` (lengths at `lp`, `width` bytes each)
 * that overruns the event: the error path of strato_event_parse. */
static int strato_event_overrun(const struct strato_event *ev, const uint8_t *lp, unsigned width, uint32_t n,
				uint32_t off)
{
	for (uint32_t i = 0; i < n; i++) {
		uint32_t pl = width == 2 ? strato_ld16(lp + 2 * i) : strato_ld32(lp + 4 * i);

		if (pl > ev->len - off)
			return strato_fail(-STRATO_EFORMAT,
					   "event type %u: parameter %u of %u bytes overruns the %u-byte event",
					   ev->type, i, pl, ev->len);
		off += pl;
	}
	return strato_fail(-STRATO_EFORMAT, "event type %u: parameters overrun the %u-byte event", ev->type, ev->len);
}

int strato_event_parse(struct strato_event *ev, const uint8_t *raw, size_t avail)
{
	const uint8_t *lp = raw + STRATO_EVT_HDR_LEN;
	uint32_t len, n, width, off;
	uint64_t end;

	if (avail < STRATO_EVT_HDR_LEN)
		return strato_fail(-STRATO_EFORMAT, "event shorter than its 26-byte header (%zu bytes)", avail);
	len = strato_ld32(raw + 16);
	if (len < STRATO_EVT_HDR_LEN || len > avail)
		return strato_fail(-STRATO_EFORMAT, "event length %u outside 26..%zu", len, avail);
	ev->raw = raw;
	ev->len = len;
	ev->enter_raw = NULL;
	ev->enter_len = 0;
	ev->type = strato_ld16(raw + 20);
	n = strato_ld32(raw + 22);
	width = strato_event_lenwidth(ev->type);
	if ((uint64_t)n * width > len - STRATO_EVT_HDR_LEN)
		return strato_fail(-STRATO_EFORMAT, "event type %u: %u parameter lengths do not fit in %u bytes",
				   ev->type, n, len);
	off = STRATO_EVT_HDR_LEN + n * width;
	if (n > STRATO_MAX_PARAMS)
		n = STRATO_MAX_PARAMS;
	/* Offsets are summed in 64 bits (64 lengths of at most 2^32 cannot
	 * wrap) and checked once at the end; the loops only store. */
	end = off;
	if (width == 2) {
		for (uint32_t i = 0; i < n; i++) {
			uint32_t pl = strato_ld16(lp + 2 * i);

			ev->poff[i] = (uint32_t)end;
			ev->plen[i] = pl;
			end += pl;
		}
	} else {
		for (uint32_t i = 0; i < n; i++) {
			uint32_t pl = strato_ld32(lp + 4 * i);

			ev->poff[i] = (uint32_t)end;
			ev->plen[i] = pl;
			end += pl;
		}
	}
	if (end > len)
		return strato_event_overrun(ev, lp, width, n, off);
	ev->nparams = n;
	return 0;
}

uint16_t strato_event_type(const strato_event *ev) { return ev->type; }
uint64_t strato_event_ts(const strato_event *ev) { return strato_ld64(ev->raw); }
int64_t strato_event_tid(const strato_event *ev) { return (int64_t)strato_ld64(ev->raw + 8); }
uint16_t strato_event_cpu(const strato_event *ev) { return ev->cpu; }
uint64_t strato_event_num(const strato_event *ev) { return ev->num; }
uint32_t strato_event_dump_flags(const strato_event *ev) { return ev->dump_flags; }
unsigned strato_event_nparams(const strato_event *ev) { return ev->nparams; }

const char *strato_event_name(const strato_event *ev)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);

	return ei ? ei->name : "unknown";
}

int strato_event_param(const strato_event *ev, unsigned idx, const void **data, size_t *len)
{
	if (idx >= ev->nparams)
		return -ERANGE;
	*data = ev->raw + ev->poff[idx];
	*len = ev->plen[idx];
	return ev->plen[idx] ? 0 : -STRATO_ENOVALUE;
}

int strato_event_param_index(const strato_event *ev, const char *name)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);

	if (ei) {
		for (unsigned i = 0; i < ei->nparams && i < ev->nparams; i++)
			if (!strcmp(ei->params[i].name, name))
				return (int)i;
	}
	return -STRATO_ENOFIELD;
}

/* Integer parameter types: 1 signed, 2 unsigned, 0 not an integer. */
static const uint8_t strato_int_kind[64] = {
	[STRATO_PT_INT8] = 1, [STRATO_PT_INT16] = 1, [STRATO_PT_INT32] = 1, [STRATO_PT_INT64] = 1,
	[STRATO_PT_ERRNO] = 1, [STRATO_PT_FD] = 1, [STRATO_PT_PID] = 1, [STRATO_PT_FD32] = 1,
	[STRATO_PT_PID32] = 1,
	[STRATO_PT_UINT8] = 2, [STRATO_PT_UINT16] = 2, [STRATO_PT_UINT32] = 2, [STRATO_PT_UINT64] = 2,
	[STRATO_PT_SYSCALLID] = 2, [STRATO_PT_SIGTYPE] = 2, [STRATO_PT_RELTIME] = 2,
	[STRATO_PT_ABSTIME] = 2, [STRATO_PT_PORT] = 2, [STRATO_PT_L4PROTO] = 2,
	[STRATO_PT_SOCKFAMILY] = 2, [STRATO_PT_BOOL] = 2, [STRATO_PT_FLAGS8] = 2,
	[STRATO_PT_FLAGS16] = 2, [STRATO_PT_FLAGS32] = 2, [STRATO_PT_UID] = 2, [STRATO_PT_GID] = 2,
	[STRATO_PT_SIGSET] = 2, [STRATO_PT_MODE] = 2, [STRATO_PT_ENUMFLAGS8] = 2,
	[STRATO_PT_ENUMFLAGS16] = 2, [STRATO_PT_ENUMFLAGS32] = 2,
};

/* strato_int_kind of every parameter of every table type, worked out once:
 * strato_event_param_int runs for most parameters a reader decodes. */
uint8_t strato_param_kinds[STRATO_EVENT_TABLE_SIZE][STRATO_MAX_PARAMS];
static pthread_once_t strato_param_kinds_once = PTHREAD_ONCE_INIT;
bool strato_param_kinds_ready;

static void strato_param_kinds_init(void)
{
	for (unsigned t = 0; t < STRATO_EVENT_TABLE_SIZE; t++) {
		const struct strato_event_info *ei = &strato_event_table[t];

		for (unsigned i = 0; ei->name && i < ei->nparams && i < STRATO_MAX_PARAMS; i++)
			strato_param_kinds[t][i] = strato_int_kind[ei->params[i].type & 63];
	}
	__atomic_store_n(&strato_param_kinds_ready, true, __ATOMIC_RELEASE);
}

/* The first call and the library's own types (gap): kept out of line so
 * that the common lookup (strato_param_kind() in event.h) needs no stack
 * frame. */
__attribute__((noinline)) unsigned strato_param_kind_slow(uint16_t type, unsigned idx)
{
	const struct strato_event_info *ei;

	if (type < STRATO_EVENT_TABLE_SIZE) {
		pthread_once(&strato_param_kinds_once, strato_param_kinds_init);
		return strato_param_kinds[type][idx];
	}
	ei = strato_event_info_get(type);
	return ei && idx < ei->nparams ? strato_int_kind[ei->params[idx].type & 63] : 0;
}

int strato_event_param_int(const strato_event *ev, unsigned idx, int64_t *out)
{
	const uint8_t *p;
	unsigned kind;

	if (idx >= ev->nparams)
		return -ERANGE;
	if (!ev->plen[idx])
		return -STRATO_ENOVALUE;
	kind = strato_param_kind(ev->type, idx);
	if (!kind)
		return -STRATO_ETYPE;
	p = ev->raw + ev->poff[idx];
	switch (ev->plen[idx]) {
	case 1: *out = kind == 1 ? *(const int8_t *)p : (int64_t)*p; return 0;
	case 2: *out = kind == 1 ? (int16_t)strato_ld16(p) : (int64_t)strato_ld16(p); return 0;
	case 4: *out = kind == 1 ? (int32_t)strato_ld32(p) : (int64_t)strato_ld32(p); return 0;
	case 8: *out = (int64_t)strato_ld64(p); return 0;
	}
	return -STRATO_EFORMAT;
}

int strato_event_raw(const strato_event *ev, const void **data, size_t *len)
{
	*data = ev->raw;
	*len = ev->len;
	return 0;
}

int strato_event_clone(const strato_event *ev, strato_event **out)
{
	struct strato_event *c = malloc(sizeof(*c) + ev->len + ev->enter_len);

	if (!c)
		return strato_fail(-ENOMEM, "out of memory copying an event");
	*c = *ev;
	c->state = NULL; /* the copy outlives the state as of its event */
	memcpy(c + 1, ev->raw, ev->len);
	c->raw = (const uint8_t *)(c + 1);
	if (ev->enter_raw) {
		memcpy((uint8_t *)(c + 1) + ev->len, ev->enter_raw, ev->enter_len);
		c->enter_raw = (const uint8_t *)(c + 1) + ev->len;
	}
	*out = c;
	return 0;
}

void strato_event_free(strato_event *ev)
{
	free(ev);
}

unsigned strato_event_type_count(void)
{
	return STRATO_EVENT_TABLE_SIZE;
}

const char *strato_event_type_name(uint16_t type)
{
	const struct strato_event_info *ei = strato_event_info_get(type);

	return ei ? ei->name : NULL;
}

int strato_event_type_param(uint16_t type, unsigned idx, const char **name, enum strato_ptype *ptype)
{
	const struct strato_event_info *ei = strato_event_info_get(type);

	if (!ei || idx >= ei->nparams)
		return -ERANGE;
	if (name)
		*name = ei->params[idx].name;
	if (ptype)
		*ptype = ei->params[idx].type;
	return 0;
}
