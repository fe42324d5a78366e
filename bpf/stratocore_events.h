/* bpf/stratocore_events.h: definitions shared by the eBPF probe and the
 * user-space loader (lib/capture/probe.c): map layouts and limits. Fixed-width
 * types only, since both sides include it. */
#ifndef STRATO_BPF_EVENTS_H
#define STRATO_BPF_EVENTS_H

#define STRATO_SYSCALL_MAX 512      /* size of the interesting-syscall table */
#define STRATO_SCRATCH_HALF 65536   /* largest event the probe builds */
#define STRATO_MAX_SNAPLEN 65536
#define STRATO_PATH_MAX 4096

/* Indexes of the per-CPU drop counters. */
enum strato_drop_reason {
	STRATO_DROP_BUFFER = 0, /* ring buffer full */
	STRATO_DROP_OTHER = 1,  /* event could not be built */
	STRATO_DROP_NREASONS = 2,
};

/* The probe's run-time settings, one entry of the config map. */
struct strato_probe_config {
	__u64 boot_to_epoch_ns; /* added to bpf_ktime_get_boot_ns() */
	__u32 snaplen;
	__u32 self_tgid;        /* 0: do not exclude the capturing process */
	__u32 drop_failed;
	__u32 filter_tgids;     /* 1: only thread groups in the tgid map */
};

#endif
