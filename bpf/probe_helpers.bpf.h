/* bpf/probe_helpers.bpf.h: building scap events inside the probe. An event
 * is assembled in a per-CPU scratch area (header, parameter length array,
 * data), exactly as the scap format lays it out, then copied into the ring
 * buffer in one piece, so user space never re-encodes it. */
#ifndef STRATO_PROBE_HELPERS_BPF_H
#define STRATO_PROBE_HELPERS_BPF_H

#include "stratocore_events.h"

#define STRATO_HDR_LEN 26
#define STRATO_HALF_MASK (STRATO_SCRATCH_HALF - 1)

struct strato_scratch {
	__u64 busy;    /* set while a program builds an event on this CPU */
	__u32 off;     /* where the next parameter's data goes */
	__u32 idx;     /* index of the next parameter */
	__u32 nparams; /* parameters announced in the header */
	__u8 buf[STRATO_SCRATCH_HALF * 2];
};

/* One scratch area per CPU. A plain array (sized to the CPU count by the
 * loader) rather than a per-CPU map, whose values are limited to 32 KiB. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1); /* resized at load time */
	__type(key, __u32);
	__type(value, struct strato_scratch);
} strato_scratch_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 << 20); /* resized at load time */
} strato_ringbuf SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, STRATO_DROP_NREASONS);
	__type(key, __u32);
	__type(value, __u64);
} strato_drops SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct strato_probe_config);
} strato_config SEC(".maps");

static __always_inline void strato_count_drop(__u32 reason)
{
	__u64 *c = bpf_map_lookup_elem(&strato_drops, &reason);

	if (c)
		*c += 1; /* per-CPU value: no other writer */
}

static __always_inline struct strato_probe_config *strato_cfg(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&strato_config, &zero);
}

/* Takes this CPU's scratch area and writes the event header. Returns NULL
 * (and counts a drop) if another program on this CPU is mid-event, which can
 * only happen if the first one was preempted. */
static __always_inline struct strato_scratch *strato_begin(__u16 type, __u32 nparams)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct strato_scratch *sc = bpf_map_lookup_elem(&strato_scratch_map, &cpu);
	struct strato_probe_config *cfg = strato_cfg();
	__u64 ts;

	if (!sc || !cfg)
		return NULL;
	if (__sync_lock_test_and_set(&sc->busy, 1)) {
		strato_count_drop(STRATO_DROP_OTHER);
		return NULL;
	}
	ts = bpf_ktime_get_boot_ns() + cfg->boot_to_epoch_ns;
	__builtin_memcpy(&sc->buf[0], &ts, 8);
	__u64 tid = (__u32)bpf_get_current_pid_tgid();
	__builtin_memcpy(&sc->buf[8], &tid, 8);
	__builtin_memcpy(&sc->buf[20], &type, 2);
	__builtin_memcpy(&sc->buf[22], &nparams, 4);
	sc->nparams = nparams;
	sc->idx = 0;
	sc->off = STRATO_HDR_LEN + nparams * 2;
	return sc;
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

/* A NUL-terminated user string of at most `max` bytes. A string that cannot
 * be read is written as "(NULL)", the convention every reader understands. */
static __always_inline void strato_push_user_str(struct strato_scratch *sc, const void *uptr, __u32 max)
{
	__u32 off = sc->off & STRATO_HALF_MASK;
	long n = -1;

	if (uptr)
		n = bpf_probe_read_user_str(&sc->buf[off], max & STRATO_HALF_MASK, uptr);
	if (n <= 0) {
		__builtin_memcpy(&sc->buf[off], "(NULL)", 7);
		n = 7;
	}
	strato_set_len(sc, (__u16)n);
}

/* Up to `len` bytes of user memory, no terminator (BYTEBUF). */
static __always_inline void strato_push_user_bytes(struct strato_scratch *sc, const void *uptr, __u32 len)
{
	__u32 off = sc->off & STRATO_HALF_MASK;

	len &= STRATO_HALF_MASK;
	if (!uptr || !len || bpf_probe_read_user(&sc->buf[off], len, uptr))
		len = 0;
	strato_set_len(sc, (__u16)len);
}

/* Finishes the header and copies the event into the ring buffer. */
static __always_inline void strato_submit(struct strato_scratch *sc)
{
	__u32 len = sc->off;

	__builtin_memcpy(&sc->buf[16], &len, 4);
	if (bpf_ringbuf_output(&strato_ringbuf, sc->buf, len & STRATO_HALF_MASK, 0))
		strato_count_drop(STRATO_DROP_BUFFER);
	sc->busy = 0;
}

#endif
