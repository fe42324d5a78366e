/* bpf/stratocore_events.h: definitions shared by the eBPF probe and the
 * user-space loader (lib/capture/probe.c): map layouts and limits. Fixed-width
 * types only, since both sides include it. */
#ifndef STRATO_BPF_EVENTS_H
#define STRATO_BPF_EVENTS_H

#define STRATO_SYSCALL_MAX 512      /* size of the interesting-syscall table */
#define STRATO_SCRATCH_HALF 65536   /* largest event the probe builds */
#define STRATO_MAX_SNAPLEN 65536
#define STRATO_PATH_MAX 4096
#define STRATO_ENV_MAX 4096         /* bytes of environment kept by execve events */
#define STRATO_TGID_LIMIT (4u << 20) /* pids below this fit the pid filter (PID_MAX_LIMIT) */
#define STRATO_MAX_RINGS 256

/* The probe-private event that marks lost events (see lib/event/event_table.h,
 * STRATO_EVENT_GAP): u64 lost because the ring buffer was full, u64 lost
 * for other reasons, since the previous marker of the same CPU. */
#define STRATO_GAP_EVENT_TYPE 0x7F00 /* == STRATO_EVENT_GAP (lib/event/event_table.h) */

/* What the probe does with a syscall: the low byte of its entry in the
 * interesting-syscall map (0: not captured); the high 16 bits hold the
 * PPM_SC code that generic events carry. */
enum strato_kind {
	STRATO_K_NONE = 0,
	STRATO_K_GENERIC = 1,
	STRATO_K_OPEN = 2,
	STRATO_K_OPENAT = 3,
	STRATO_K_OPENAT2 = 4,
	STRATO_K_CREAT = 5,
	STRATO_K_CLOSE = 6,
	STRATO_K_READ = 7,
	STRATO_K_WRITE = 8,
	STRATO_K_PREAD = 9,
	STRATO_K_PWRITE = 10,
	STRATO_K_READV = 11,
	STRATO_K_WRITEV = 12,
	STRATO_K_PREADV = 13,
	STRATO_K_PWRITEV = 14,
	STRATO_K_SOCKET = 15,
	STRATO_K_SOCKETPAIR = 16,
	STRATO_K_CONNECT = 17,
	STRATO_K_ACCEPT = 18,
	STRATO_K_ACCEPT4 = 19,
	STRATO_K_BIND = 20,
	STRATO_K_LISTEN = 21,
	STRATO_K_SENDTO = 22,
	STRATO_K_RECVFROM = 23,
	STRATO_K_SENDMSG = 24,
	STRATO_K_RECVMSG = 25,
	STRATO_K_SHUTDOWN = 26,
	STRATO_K_EXECVE = 27,
	STRATO_K_EXECVEAT = 28,
	STRATO_K_CLONE = 29,
	STRATO_K_CLONE3 = 30,
	STRATO_K_FORK = 31,
	STRATO_K_VFORK = 32,
	STRATO_K_KILL = 33,
	STRATO_K_TKILL = 34,
	STRATO_K_TGKILL = 35,
	STRATO_K_UNLINK = 36,
	STRATO_K_UNLINKAT = 37,
	STRATO_K_RENAME = 38,
	STRATO_K_RENAMEAT = 39,
	STRATO_K_RENAMEAT2 = 40,
	STRATO_K_MKDIR = 41,
	STRATO_K_MKDIRAT = 42,
	STRATO_K_RMDIR = 43,
	STRATO_K_PIPE = 44,
	STRATO_K_PIPE2 = 45,
	STRATO_K_DUP = 46,
	STRATO_K_DUP2 = 47,
	STRATO_K_DUP3 = 48,
	STRATO_K_CHDIR = 49,
	STRATO_K_FCHDIR = 50,
	STRATO_K_CHROOT = 51,
	STRATO_K_CHMOD = 52,
	STRATO_K_FCHMOD = 53,
	STRATO_K_FCHMODAT = 54,
	STRATO_K_LINK = 55,
	STRATO_K_LINKAT = 56,
	STRATO_K_SYMLINK = 57,
	STRATO_K_SYMLINKAT = 58,
	STRATO_K_SETUID = 59,
	STRATO_K_SETGID = 60,
	STRATO_K_SETRESUID = 61,
	STRATO_K_SETRESGID = 62,
	STRATO_K_GETDENTS = 63,
	STRATO_K_GETDENTS64 = 64,
	STRATO_K_IOCTL = 65,
	STRATO_K_MMAP = 66,
	STRATO_K_MUNMAP = 67,
	STRATO_K_MPROTECT = 68,
	STRATO_K_EVENTFD = 69,
	STRATO_K_EVENTFD2 = 70,
	STRATO_K_SPLICE = 71,
	STRATO_K_SENDFILE = 72,
	STRATO_K_FCNTL = 73,
	STRATO_K_MOUNT = 74,
	STRATO_K_UMOUNT2 = 75,
	STRATO_K_POLL = 76,
	STRATO_K_PPOLL = 77,
	STRATO_K_EPOLL_WAIT = 78,
	STRATO_K_SELECT = 79,
	STRATO_K_PTRACE = 80,
	STRATO_K_BPF = 81,
	STRATO_K_MEMFD_CREATE = 82,
	STRATO_K_PRCTL = 83,
	STRATO_K_CAPSET = 84,
	STRATO_K_INIT_MODULE = 85,
	STRATO_K_FINIT_MODULE = 86,
	STRATO_K_DELETE_MODULE = 87,
};

/* Flags in the interesting-syscall map: sys_enter keeps an argument copy;
 * the syscall's event describes a thread (clone, execve, prctl, set*id),
 * so the process checks below never drop it: the user-space state needs
 * every thread's identity to answer the fields those checks stand for;
 * the syscall changes the effective uid in a way no event reports
 * (setreuid), so its thread stays out of the uid check. */
#define STRATO_NEEDS_ENTER 0x100
#define STRATO_IDENTITY 0x200
#define STRATO_HIDDEN_EUID 0x400

/* Bounds of the process checks a filter pushes into the probe. */
#define STRATO_PF_NAMES 8
#define STRATO_PF_IDS 16
#define STRATO_COMM_LEN 16
#define STRATO_KEEP_MAX 4096 /* threads exempted from the name/uid checks */
#define STRATO_CONTAINER_MAX 65536 /* threads in the container check's maps */

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
	__u32 follow_children;  /* with filter_tgids: add children at fork */
	__u32 procexit;         /* emit process exit events */
	__u32 nrings;           /* ring buffers in strato_rings */
	__u32 wakeup;           /* 1: wake the consumer (get_fd() was called) */
	/* Process checks from strato_capture_set_filter() (0 = no check),
	 * applied to every event but those of STRATO_IDENTITY syscalls: */
	__u32 ntids;            /* thread id in tids[] */
	__u32 nnames;           /* comm in names[] (or the thread in strato_keep) */
	__u32 nuids;            /* effective uid in uids[] (or in strato_keep) */
	__u32 nppids;           /* bit set in strato_ppid_bits (parent in ppids[]) */
	__u32 note_ppids;       /* fork and exec keep strato_ppid_bits current */
	__u32 containers;       /* drop threads strato_outside marks (container check) */
	__u32 tids[STRATO_PF_IDS];
	__u32 uids[STRATO_PF_IDS];
	__u32 ppids[STRATO_PF_IDS];
	char names[STRATO_PF_NAMES][STRATO_COMM_LEN] __attribute__((aligned(8))); /* NUL-padded */
};

#endif
