/* bpf/probe_helpers.bpf.h: building scap events inside the probe. An event
 * is assembled in a per-CPU scratch area (header, parameter length array,
 * data), exactly as the scap format lays it out, then copied into the ring
 * buffer in one piece, so user space never re-encodes it. */
#ifndef STRATO_PROBE_HELPERS_BPF_H
#define STRATO_PROBE_HELPERS_BPF_H

#include "stratocore_events.h"

#define STRATO_HDR_LEN 26
#define STRATO_HALF_MASK (STRATO_SCRATCH_HALF - 1)
/* Variable-size parameters stop this far before the end of the scratch
 * half, which keeps room for the fixed-size parameters after them. */
#define STRATO_RESERVE 1024
#define STRATO_TMP_SIZE 8192 /* path building area: 4 KiB window + slack */
#define STRATO_TMP_MASK 4095

struct strato_scratch {
	__u64 busy;    /* set while a program builds an event on this CPU */
	__u32 off;     /* where the next parameter's data goes */
	__u32 idx;     /* index of the next parameter */
	__u32 nparams; /* parameters announced in the header */
	__u32 pad;
	__u64 lost[STRATO_DROP_NREASONS]; /* not yet reported by a gap marker */
	__u8 buf[STRATO_SCRATCH_HALF * 2];
	__u8 tmp[STRATO_TMP_SIZE]; /* paths are built here right to left */
	__u8 gap[STRATO_HDR_LEN + 2 * 2 + 16];
};

/* One scratch area per CPU. A plain array (sized to the CPU count by the
 * loader) rather than a per-CPU map, whose values are limited to 32 KiB. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1); /* resized at load time */
	__type(key, __u32);
	__type(value, struct strato_scratch);
} strato_scratch_map SEC(".maps");

/* One ring buffer per CPU (or per group of CPUs: CPU c writes to ring
 * c % nrings), created and sized by the loader. strato_rings has a slot per
 * possible CPU, slot c holding ring c % nrings, so that the probe indexes
 * it with the CPU number and no division. */
struct strato_ring_def {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20); /* resized at load time */
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1); /* resized at load time */
	__type(key, __u32);
	__array(values, struct strato_ring_def);
} strato_rings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, STRATO_DROP_NREASONS);
	__type(key, __u32);
	__type(value, __u64);
} strato_drops SEC(".maps");

/* The run-time settings live in global data (.bss): user space writes them
 * through the skeleton's mapping and the programs read them with a plain
 * load, where a map lookup costs a call-free but longer sequence per use. */
struct strato_probe_config strato_conf;

static __always_inline void strato_count_drop(__u32 reason)
{
	__u64 *c = bpf_map_lookup_elem(&strato_drops, &reason);

	if (c)
		*c += 1; /* per-CPU value: no other writer */
}

static __always_inline struct strato_probe_config *strato_cfg(void)
{
	return &strato_conf;
}

static __always_inline struct strato_scratch *strato_this_scratch(void)
{
	__u32 cpu = bpf_get_smp_processor_id();

	return bpf_map_lookup_elem(&strato_scratch_map, &cpu);
}

/* Takes this CPU's scratch area and writes the event header for thread
 * `tid`. Returns NULL (and counts a drop) if another program on this CPU is
 * mid-event, which can only happen if the first one was preempted. */
static __always_inline struct strato_scratch *strato_begin_tid(__u16 type, __u32 nparams, __u64 tid)
{
	struct strato_scratch *sc = strato_this_scratch();
	struct strato_probe_config *cfg = strato_cfg();
	__u64 ts;

	if (!sc || !cfg)
		return NULL;
	if (__sync_lock_test_and_set(&sc->busy, 1)) {
		strato_count_drop(STRATO_DROP_OTHER);
		__sync_fetch_and_add(&sc->lost[STRATO_DROP_OTHER], 1);
		return NULL;
	}
	ts = bpf_ktime_get_boot_ns() + cfg->boot_to_epoch_ns;
	__builtin_memcpy(&sc->buf[0], &ts, 8);
	__builtin_memcpy(&sc->buf[8], &tid, 8);
	__builtin_memcpy(&sc->buf[20], &type, 2);
	__builtin_memcpy(&sc->buf[22], &nparams, 4);
	sc->nparams = nparams;
	sc->idx = 0;
	sc->off = STRATO_HDR_LEN + nparams * 2;
	return sc;
}

static __always_inline struct strato_scratch *strato_begin(__u16 type, __u32 nparams)
{
	return strato_begin_tid(type, nparams, (__u32)bpf_get_current_pid_tgid());
}

/* Bytes a variable-size parameter may still take. */
static __always_inline __u32 strato_room(struct strato_scratch *sc)
{
	__u32 off = sc->off;

	if (off >= STRATO_SCRATCH_HALF - STRATO_RESERVE)
		return 0;
	return STRATO_SCRATCH_HALF - STRATO_RESERVE - off;
}

/* Records the length of the parameter just written. */
static __always_inline void strato_set_len(struct strato_scratch *sc, __u16 len)
{
	__u32 pos = (STRATO_HDR_LEN + sc->idx * 2) & STRATO_HALF_MASK;

	__builtin_memcpy(&sc->buf[pos], &len, 2);
	sc->idx++;
	sc->off += len;
}

static __always_inline void strato_push_u64(struct strato_scratch *sc, __u64 v)
{
	__builtin_memcpy(&sc->buf[sc->off & STRATO_HALF_MASK], &v, 8);
	strato_set_len(sc, 8);
}

static __always_inline void strato_push_u32(struct strato_scratch *sc, __u32 v)
{
	__builtin_memcpy(&sc->buf[sc->off & STRATO_HALF_MASK], &v, 4);
	strato_set_len(sc, 4);
}

static __always_inline void strato_push_u16(struct strato_scratch *sc, __u16 v)
{
	__builtin_memcpy(&sc->buf[sc->off & STRATO_HALF_MASK], &v, 2);
	strato_set_len(sc, 2);
}

static __always_inline void strato_push_u8(struct strato_scratch *sc, __u8 v)
{
	sc->buf[sc->off & STRATO_HALF_MASK] = v;
	strato_set_len(sc, 1);
}

/* A parameter with no value (length 0): only for BYTEBUF, SOCKADDR,
 * SOCKTUPLE and FDLIST, which every reader accepts empty. */
static __always_inline void strato_push_empty(struct strato_scratch *sc)
{
	strato_set_len(sc, 0);
}

/* "(NULL)", the string convention every reader understands. */
static __always_inline void strato_push_null_str(struct strato_scratch *sc)
{
	__builtin_memcpy(&sc->buf[sc->off & STRATO_HALF_MASK], "(NULL)", 7);
	strato_set_len(sc, 7);
}

/* A NUL-terminated user string of at most `max` bytes. */
static __always_inline void strato_push_user_str(struct strato_scratch *sc, const void *uptr, __u32 max)
{
	__u32 off = sc->off & STRATO_HALF_MASK, room = strato_room(sc);
	long n = -1;

	if (max > room)
		max = room;
	if (uptr && max)
		n = bpf_probe_read_user_str(&sc->buf[off], max & STRATO_HALF_MASK, uptr);
	if (n <= 0) {
		strato_push_null_str(sc);
		return;
	}
	strato_set_len(sc, (__u16)n);
}

static __always_inline void strato_push_kernel_str(struct strato_scratch *sc, const void *kptr, __u32 max)
{
	__u32 off = sc->off & STRATO_HALF_MASK, room = strato_room(sc);
	long n = -1;

	if (max > room)
		max = room;
	if (kptr && max)
		n = bpf_probe_read_kernel_str(&sc->buf[off], max & STRATO_HALF_MASK, kptr);
	if (n <= 0) {
		strato_push_null_str(sc);
		return;
	}
	strato_set_len(sc, (__u16)n);
}

/* Copies up to `len` bytes of user memory to the current offset without
 * finishing a parameter; returns the bytes copied. */
static __always_inline __u32 strato_copy_user(struct strato_scratch *sc, __u32 at, const void *uptr, __u32 len)
{
	if (!uptr || !len)
		return 0;
	len &= STRATO_HALF_MASK;
	if (bpf_probe_read_user(&sc->buf[at & STRATO_HALF_MASK], len, uptr))
		return 0;
	return len;
}

/* Up to `len` bytes of user memory, no terminator (BYTEBUF). */
static __always_inline void strato_push_user_bytes(struct strato_scratch *sc, const void *uptr, __u64 len)
{
	__u32 room = strato_room(sc);

	if (len > room)
		len = room;
	strato_set_len(sc, (__u16)strato_copy_user(sc, sc->off, uptr, (__u32)len));
}

/* This CPU's ring buffer, or NULL. */
static __always_inline void *strato_ring(void)
{
	__u32 cpu = bpf_get_smp_processor_id();

	return bpf_map_lookup_elem(&strato_rings, &cpu);
}

/* Submission flags: no wake-up (the consumer polls) unless a caller asked
 * for a pollable descriptor. */
static __always_inline __u64 strato_rb_flags(void)
{
	struct strato_probe_config *cfg = strato_cfg();

	return cfg && cfg->wakeup ? 0 : BPF_RB_NO_WAKEUP;
}

/* Emits the gap marker for this CPU's unreported losses, if any. Called
 * with the scratch area held, before the event that follows the gap. */
static __always_inline void strato_flush_gap(struct strato_scratch *sc, void *rb)
{
	__u64 lb = sc->lost[STRATO_DROP_BUFFER], lo = sc->lost[STRATO_DROP_OTHER];
	__u32 len = sizeof(sc->gap), np = 2;
	__u16 type = STRATO_GAP_EVENT_TYPE, l8 = 8;

	if (!lb && !lo)
		return;
	__builtin_memcpy(&sc->gap[0], &sc->buf[0], 16); /* ts and tid of the next event */
	__builtin_memcpy(&sc->gap[16], &len, 4);
	__builtin_memcpy(&sc->gap[20], &type, 2);
	__builtin_memcpy(&sc->gap[22], &np, 4);
	__builtin_memcpy(&sc->gap[26], &l8, 2);
	__builtin_memcpy(&sc->gap[28], &l8, 2);
	__builtin_memcpy(&sc->gap[30], &lb, 8);
	__builtin_memcpy(&sc->gap[38], &lo, 8);
	if (!rb || bpf_ringbuf_output(rb, sc->gap, sizeof(sc->gap), strato_rb_flags()))
		return; /* still full: the counts carry over to the next try */
	__sync_fetch_and_sub(&sc->lost[STRATO_DROP_BUFFER], lb);
	__sync_fetch_and_sub(&sc->lost[STRATO_DROP_OTHER], lo);
}

/* Finishes the header and copies the event into the ring buffer, after a
 * gap marker if events of this CPU were lost since the last marker. */
static __always_inline void strato_submit(struct strato_scratch *sc)
{
	__u32 len = sc->off;
	void *rb = strato_ring();

	__builtin_memcpy(&sc->buf[16], &len, 4);
	strato_flush_gap(sc, rb);
	if (!rb || bpf_ringbuf_output(rb, sc->buf, len & STRATO_HALF_MASK, strato_rb_flags())) {
		strato_count_drop(STRATO_DROP_BUFFER);
		__sync_fetch_and_add(&sc->lost[STRATO_DROP_BUFFER], 1);
	}
	sc->busy = 0;
}


#endif
