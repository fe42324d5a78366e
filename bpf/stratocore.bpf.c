/* bpf/stratocore.bpf.c: the kernel side of live capture. tp_btf programs on
 * sys_enter/sys_exit turn each interesting system call into one scap exit
 * event (current layout: enter and exit arguments together) in the ring
 * buffer. Arguments are read at exit from the saved user registers. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "probe_helpers.bpf.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* Syscall numbers (x86_64 / arm64 generic table) the probe decodes. */
#if defined(__TARGET_ARCH_x86)
#define STRATO_NR_openat 257
#elif defined(__TARGET_ARCH_arm64)
#define STRATO_NR_openat 56
#endif

/* scap event ids written by this probe */
#define STRATO_PPME_OPENAT_2_X 307

/* Non-zero entry: the syscall with that number is captured. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, STRATO_SYSCALL_MAX);
	__type(key, __u32);
	__type(value, __u8);
} strato_interesting SEC(".maps");

/* The n-th syscall argument from the registers saved at entry. */
static __always_inline unsigned long strato_arg(struct pt_regs *regs, int n)
{
#if defined(__TARGET_ARCH_x86)
	switch (n) {
	case 0: return BPF_CORE_READ(regs, di);
	case 1: return BPF_CORE_READ(regs, si);
	case 2: return BPF_CORE_READ(regs, dx);
	case 3: return BPF_CORE_READ(regs, r10);
	case 4: return BPF_CORE_READ(regs, r8);
	default: return BPF_CORE_READ(regs, r9);
	}
#elif defined(__TARGET_ARCH_arm64)
	if (n == 0)
		return BPF_CORE_READ(regs, orig_x0);
	return BPF_CORE_READ(regs, regs[n]);
#endif
}

static __always_inline long strato_syscall_nr(struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
	return BPF_CORE_READ(regs, orig_ax);
#elif defined(__TARGET_ARCH_arm64)
	return BPF_CORE_READ(regs, syscallno);
#endif
}

/* Linux open(2) flags to the scap PPM_O_* encoding. */
static __always_inline __u32 strato_open_flags(__u32 f)
{
	__u32 r = 0;

	switch (f & 3) {
	case 0: r = 1; break; /* O_RDONLY */
	case 1: r = 2; break; /* O_WRONLY */
	case 2: r = 3; break; /* O_RDWR */
	}
	if (f & 0100) r |= 1 << 2;      /* O_CREAT */
	if (f & 02000) r |= 1 << 3;     /* O_APPEND */
	if (f & 010000) r |= 1 << 4;    /* O_DSYNC */
	if (f & 0200) r |= 1 << 5;      /* O_EXCL */
	if (f & 04000) r |= 1 << 6;     /* O_NONBLOCK */
	if (f & 04000000) r |= 1 << 7;  /* O_SYNC (includes O_DSYNC) */
	if (f & 01000) r |= 1 << 8;     /* O_TRUNC */
	if (f & 040000) r |= 1 << 9;    /* O_DIRECT */
	if (f & 0200000) r |= 1 << 10;  /* O_DIRECTORY */
	if (f & 0100000) r |= 1 << 11;  /* O_LARGEFILE */
	if (f & 02000000) r |= 1 << 12; /* O_CLOEXEC */
	if ((f & 020200000) == 020200000) r |= 1 << 13; /* O_TMPFILE */
	return r;
}

/* Whether this event should be captured at all: settings from user space. */
static __always_inline int strato_wanted(long nr, long ret)
{
	struct strato_probe_config *cfg = strato_cfg();
	__u32 key = (__u32)nr;
	__u8 *on;

	if (!cfg || nr < 0 || nr >= STRATO_SYSCALL_MAX)
		return 0;
	on = bpf_map_lookup_elem(&strato_interesting, &key);
	if (!on || !*on)
		return 0;
	if (cfg->self_tgid && (bpf_get_current_pid_tgid() >> 32) == cfg->self_tgid)
		return 0;
	if (cfg->drop_failed && ret < 0)
		return 0;
	return 1;
}

static __always_inline void strato_openat_x(struct pt_regs *regs, long ret)
{
	struct strato_scratch *sc = strato_begin(STRATO_PPME_OPENAT_2_X, 7);
	__u32 flags, mode;

	if (!sc)
		return;
	flags = (__u32)strato_arg(regs, 2);
	mode = (flags & (0100 | 020000000)) ? (__u32)strato_arg(regs, 3) : 0;
	strato_push_u64(sc, ret);                                /* fd */
	strato_push_u64(sc, (__s64)(int)strato_arg(regs, 0));   /* dirfd */
	strato_push_user_str(sc, (const void *)strato_arg(regs, 1), STRATO_PATH_MAX); /* name */
	strato_push_u32(sc, strato_open_flags(flags));            /* flags */
	strato_push_u32(sc, mode);                                /* mode */
	strato_push_u32(sc, 0);                                   /* dev */
	strato_push_u64(sc, 0);                                   /* ino */
	strato_submit(sc);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(strato_sys_exit, struct pt_regs *regs, long ret)
{
	long nr = strato_syscall_nr(regs);

	if (!strato_wanted(nr, ret))
		return 0;
	switch (nr) {
	case STRATO_NR_openat:
		strato_openat_x(regs, ret);
		break;
	}
	return 0;
}
