/* bpf/stratocore.bpf.c: the kernel side of live capture. A tp_btf program
 * on sys_exit turns each interesting system call into one scap exit event
 * (current layout: enter and exit arguments together) with the arguments
 * read from the user registers saved at entry. sys_enter only copies what
 * the exit cannot read safely: open/creat paths and connect addresses (the
 * caller may rewrite them meanwhile) and the execve file name (gone after
 * the exec). Process exit comes from sched_process_exit; sched_process_fork
 * extends the pid filter to children. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "probe_helpers.bpf.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* scap event ids written by this probe (current table; see
 * lib/event/event_table.c). Those from DUP2_X on have no 2022 twin: the
 * writer's compat profile maps them (lib/format/scap_write.c). */
#define STRATO_E_GENERIC_X 1
#define STRATO_E_OPEN_X 3
#define STRATO_E_CLOSE_X 5
#define STRATO_E_READ_X 7
#define STRATO_E_WRITE_X 9
#define STRATO_E_SOCKET_X 19
#define STRATO_E_BIND_X 21
#define STRATO_E_CONNECT_X 23
#define STRATO_E_LISTEN_X 25
#define STRATO_E_SENDTO_X 31
#define STRATO_E_RECVFROM_X 35
#define STRATO_E_SHUTDOWN_X 37
#define STRATO_E_SOCKETPAIR_X 43
#define STRATO_E_SENDMSG_X 49
#define STRATO_E_RECVMSG_X 53
#define STRATO_E_CREAT_X 59
#define STRATO_E_PIPE_X 61
#define STRATO_E_PREAD_X 113
#define STRATO_E_PWRITE_X 115
#define STRATO_E_READV_X 117
#define STRATO_E_WRITEV_X 119
#define STRATO_E_PREADV_X 121
#define STRATO_E_PWRITEV_X 123
#define STRATO_E_DUP_X 125
#define STRATO_E_KILL_X 129
#define STRATO_E_TKILL_X 131
#define STRATO_E_TGKILL_X 133
#define STRATO_E_RENAME_X 175
#define STRATO_E_RENAMEAT_X 177
#define STRATO_E_PROCEXIT_1_E 186
#define STRATO_E_CLONE_20_X 223
#define STRATO_E_FORK_20_X 225
#define STRATO_E_VFORK_20_X 227
#define STRATO_E_ACCEPT_5_X 247
#define STRATO_E_ACCEPT4_5_X 249
#define STRATO_E_MKDIR_2_X 277
#define STRATO_E_RMDIR_2_X 279
#define STRATO_E_EXECVE_19_X 293
#define STRATO_E_UNLINK_2_X 301
#define STRATO_E_UNLINKAT_2_X 303
#define STRATO_E_MKDIRAT_X 305
#define STRATO_E_OPENAT_2_X 307
#define STRATO_E_RENAMEAT2_X 319
#define STRATO_E_OPENAT2_X 327
#define STRATO_E_EXECVEAT_X 331
#define STRATO_E_CLONE3_X 335
#define STRATO_E_EVENTFD_X 63
#define STRATO_E_EPOLLWAIT_X 79
#define STRATO_E_POLL_X 81
#define STRATO_E_SELECT_X 83
#define STRATO_E_CHDIR_X 95
#define STRATO_E_FCHDIR_X 97
#define STRATO_E_FCNTL_X 151
#define STRATO_E_MMAP_X 161
#define STRATO_E_MUNMAP_X 165
#define STRATO_E_SPLICE_X 167
#define STRATO_E_IOCTL_3_X 171
#define STRATO_E_SYMLINK_X 179
#define STRATO_E_SYMLINKAT_X 181
#define STRATO_E_SENDFILE_X 189
#define STRATO_E_SETRESUID_X 193
#define STRATO_E_SETRESGID_X 195
#define STRATO_E_SETUID_X 199
#define STRATO_E_SETGID_X 201
#define STRATO_E_GETDENTS_X 237
#define STRATO_E_GETDENTS64_X 239
#define STRATO_E_PPOLL_X 255
#define STRATO_E_MOUNT_X 257
#define STRATO_E_UMOUNT_X 259
#define STRATO_E_CHROOT_X 267
#define STRATO_E_LINK_2_X 309
#define STRATO_E_LINKAT_2_X 311
#define STRATO_E_FCHMODAT_X 313
#define STRATO_E_CHMOD_X 315
#define STRATO_E_FCHMOD_X 317
#define STRATO_E_MPROTECT_X 329
#define STRATO_E_PTRACE_X 169
#define STRATO_E_DUP2_X 363
#define STRATO_E_DUP3_X 365
#define STRATO_E_DUP_1_X 367
#define STRATO_E_PIPE2_X 393
#define STRATO_E_BPF_2_X 369
#define STRATO_E_CAPSET_X 353
#define STRATO_E_PRCTL_X 401
#define STRATO_E_MEMFD_CREATE_X 405
#define STRATO_E_INIT_MODULE_X 411
#define STRATO_E_FINIT_MODULE_X 413
#define STRATO_E_DELETE_MODULE_X 425

/* Per syscall number: enum strato_kind in the low byte (0: not captured),
 * STRATO_NEEDS_ENTER (bit 8) when sys_enter copies an argument, PPM_SC code
 * in bits 16..31. Filled by user space. Global data (.bss): every system
 * call of every process reads its entry, and a direct load is the cheapest
 * test (the uninteresting path touches this one cache line). */
__u32 strato_interesting[STRATO_SYSCALL_MAX];

/* Thread groups to capture when cfg->filter_tgids is set: a bit per
 * possible pid (512 KiB of global data), so that every captured syscall
 * tests one word where a hash table lookup hashed and walked a bucket. */
__u64 strato_tgid_bits[STRATO_TGID_LIMIT / 64];

/* Bitmaps of STRATO_TGID_LIMIT bits, one per possible thread or process
 * id (this one and the parent and container ones below). */

/* The word of `id`'s bit. The compiler would compute the index from the
 * unchecked register; hiding it behind an empty asm keeps the mask, which
 * is what the verifier needs to see. */
static __always_inline __u64 *strato_bit_word(__u64 *bits, __u32 id)
{
	__u32 w = id / 64;

	asm volatile("" : "+r"(w));
	return &bits[w & (STRATO_TGID_LIMIT / 64 - 1)];
}

static __always_inline int strato_bit_test(__u64 *bits, __u32 id)
{
	if (id >= STRATO_TGID_LIMIT)
		return 0;
	return (*strato_bit_word(bits, id) >> (id % 64)) & 1;
}

/* Sets or clears `id`'s bit; user space and other CPUs may change other
 * bits of the word meanwhile. */
static __always_inline void strato_bit_put(__u64 *bits, __u32 id, int on)
{
	if (id >= STRATO_TGID_LIMIT)
		return;
	if (on)
		__sync_fetch_and_or(strato_bit_word(bits, id), 1ULL << (id % 64));
	else
		__sync_fetch_and_and(strato_bit_word(bits, id), ~(1ULL << (id % 64)));
}

/* Processes whose parent, as the user-space state knows it, is one of
 * cfg->ppids: set from /proc when the filter is set, then at fork and exec,
 * the events that tell the state a process's parent. The kernel's
 * real_parent alone would not do: after a parent dies the kernel reparents
 * its children, while the state keeps the parent it was told. */
__u64 strato_ppid_bits[STRATO_TGID_LIMIT / 64];

/* Threads whose comm or effective uid changed in a way no event reports
 * to the state (a write to /proc/PID/comm, setreuid), which therefore
 * still holds the old value: the comm it holds, and for the uid (whose
 * old value is gone by sys_exit) a pass. Kept from the start of the
 * capture, so that a filter set later knows them too, until an execve
 * (or, for the name, a PR_SET_NAME) event tells the state. Full:
 * strato_keep_full, and the checks let everything through rather than
 * drop what the state wants. */
struct strato_kept {
	__u32 why;                    /* STRATO_KEEP_NAME | STRATO_KEEP_UID */
	char comm[STRATO_COMM_LEN];   /* the state's comm, with STRATO_KEEP_NAME */
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, STRATO_KEEP_MAX);
	__type(key, __u32);
	__type(value, struct strato_kept);
} strato_keep SEC(".maps");
__u32 strato_nkeep;     /* entries added (an upper bound of the map's size) */
__u32 strato_keep_full;

/* The container check. Which container a thread is in is the state's
 * answer, from the cgroups its clone and execve events report; the probe
 * does not redo it. strato_identity_ts holds, per thread, the time of its
 * last successful clone or execve event; user space, once its state has
 * taken in that event, puts the thread into strato_outside with that
 * time when its container is not wanted. The probe drops a thread's events
 * only while the two times agree: until user space has seen a thread's
 * latest clone or execve, its events pass. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, STRATO_CONTAINER_MAX);
	__type(key, __u32);
	__type(value, __u64);
} strato_identity_ts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, STRATO_CONTAINER_MAX);
	__type(key, __u32);
	__type(value, __u64);
} strato_outside SEC(".maps");
__u32 strato_identity_full; /* an identity time was lost: the check passes all */
/* A bit per thread id that strato_outside may hold, set and cleared by user
 * space with its entries: most events of a filtered capture come from
 * threads it does not hold, and a bit test is far cheaper than a hash
 * lookup (bench/live-bench.sh measured about 80 ns for the lookups). */
__u64 strato_outside_bits[STRATO_TGID_LIMIT / 64];

/* Arguments taken at sys_enter, by thread id, for the syscalls whose
 * user memory may change before the exit reads it (open paths, connect
 * addresses: time-of-check to time-of-use) or is gone by then (execve). */
struct strato_enter_path {
	__u32 nr;  /* syscall it belongs to */
	__u32 len; /* bytes in path (string length + 1, or sockaddr length) */
	char path[STRATO_PATH_MAX];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct strato_enter_path);
} strato_enter_paths SEC(".maps");

/* Temporary value used to insert into strato_enter_paths (too big for the
 * stack). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct strato_enter_path);
} strato_enter_tmp SEC(".maps");

/* ---- registers and task state ---- */

/* The syscall's arguments and result, read once from the registers. */
struct strato_args {
	__u64 a[6];
	long ret;
	long nr;
};

#define STRATO_A(n) (a ? a->a[(n)] : 0)

/* The n-th syscall argument from the registers saved at entry. */
static __always_inline unsigned long strato_arg(struct pt_regs *regs, int n)
{
#if defined(__TARGET_ARCH_x86)
	switch (n) {
	case 0: return regs->di;
	case 1: return regs->si;
	case 2: return regs->dx;
	case 3: return regs->r10;
	case 4: return regs->r8;
	default: return regs->r9;
	}
#elif defined(__TARGET_ARCH_arm64)
	if (n == 0)
		return regs->orig_x0;
	return regs->regs[n & 7];
#else
#error "unsupported architecture"
#endif
}

static __always_inline long strato_syscall_nr(struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
	return regs->orig_ax;
#elif defined(__TARGET_ARCH_arm64)
	return regs->syscallno;
#endif
}

static __always_inline struct task_struct *strato_task(void)
{
	return (struct task_struct *)bpf_get_current_task_btf();
}

/* The id of a pid in its innermost namespace (vtid/vpid). */
static __always_inline __s64 strato_pid_vnr(struct pid *pid)
{
	unsigned int level;
	struct upid up = {};

	if (!pid)
		return 0;
	level = BPF_CORE_READ(pid, level);
	bpf_probe_read_kernel(&up, sizeof(up), &pid->numbers[level & 31]);
	return up.nr;
}

static __always_inline __s64 strato_pid_host(struct pid *pid)
{
	return pid ? BPF_CORE_READ(pid, numbers[0].nr) : 0;
}

/* The file behind descriptor `fd` of the current task, or NULL. */
static __always_inline struct file *strato_fd_file(long fd)
{
	struct task_struct *t = strato_task();
	struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
	struct file **fds;
	struct file *f = NULL;

	if (fd < 0 || !fdt || fd >= BPF_CORE_READ(fdt, max_fds))
		return NULL;
	fds = BPF_CORE_READ(fdt, fd);
	bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]);
	return f;
}

static __always_inline struct sock *strato_fd_sock(long fd)
{
	struct file *f = strato_fd_file(fd);
	struct socket *s;

	if (!f)
		return NULL;
	s = BPF_CORE_READ(f, private_data);
	return s ? BPF_CORE_READ(s, sk) : NULL;
}

/* new_encode_dev() of a kernel dev_t (major << 20 | minor). */
static __always_inline __u32 strato_encode_dev(__u32 dev)
{
	__u32 major = dev >> 20, minor = dev & 0xfffff;

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

/* ---- flag translations to the PPM encodings ---- */

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
	if ((f & 04010000) == 04010000) r |= 1 << 7; /* O_SYNC (includes O_DSYNC) */
	if (f & 01000) r |= 1 << 8;     /* O_TRUNC */
	if (f & 040000) r |= 1 << 9;    /* O_DIRECT */
	if (f & 0200000) r |= 1 << 10;  /* O_DIRECTORY */
	if (f & 0100000) r |= 1 << 11;  /* O_LARGEFILE */
	if (f & 02000000) r |= 1 << 12; /* O_CLOEXEC */
	if ((f & 020200000) == 020200000) r |= 1 << 13; /* O_TMPFILE */
	return r;
}

static __always_inline __u32 strato_clone_flags(__u64 f)
{
	__u32 r = 0;

	if (f & 0x400) r |= 1 << 0;         /* CLONE_FILES */
	if (f & 0x200) r |= 1 << 1;         /* CLONE_FS */
	if (f & 0x80000000ULL) r |= 1 << 2; /* CLONE_IO */
	if (f & 0x08000000) r |= 1 << 3;    /* CLONE_NEWIPC */
	if (f & 0x40000000) r |= 1 << 4;    /* CLONE_NEWNET */
	if (f & 0x00020000) r |= 1 << 5;    /* CLONE_NEWNS */
	if (f & 0x20000000) r |= 1 << 6;    /* CLONE_NEWPID */
	if (f & 0x04000000) r |= 1 << 7;    /* CLONE_NEWUTS */
	if (f & 0x8000) r |= 1 << 8;        /* CLONE_PARENT */
	if (f & 0x00100000) r |= 1 << 9;    /* CLONE_PARENT_SETTID */
	if (f & 0x2000) r |= 1 << 10;       /* CLONE_PTRACE */
	if (f & 0x800) r |= 1 << 11;        /* CLONE_SIGHAND */
	if (f & 0x00040000) r |= 1 << 12;   /* CLONE_SYSVSEM */
	if (f & 0x00010000) r |= 1 << 13;   /* CLONE_THREAD */
	if (f & 0x00800000) r |= 1 << 14;   /* CLONE_UNTRACED */
	if (f & 0x100) r |= 1 << 15;        /* CLONE_VM */
	if (f & 0x10000000) r |= 1 << 20;   /* CLONE_NEWUSER */
	if (f & 0x00200000) r |= 1 << 23;   /* CLONE_CHILD_CLEARTID */
	if (f & 0x01000000) r |= 1 << 24;   /* CLONE_CHILD_SETTID */
	if (f & 0x00080000) r |= 1 << 25;   /* CLONE_SETTLS */
	if (f & 0x4000) r |= 1 << 27;       /* CLONE_VFORK */
	if (f & 0x02000000) r |= 1 << 28;   /* CLONE_NEWCGROUP */
	return r;
}

static __always_inline __u32 strato_resolve_flags(__u64 f)
{
	__u32 r = 0;

	if (f & 0x08) r |= 1 << 0; /* RESOLVE_BENEATH */
	if (f & 0x10) r |= 1 << 1; /* RESOLVE_IN_ROOT */
	if (f & 0x02) r |= 1 << 2; /* RESOLVE_NO_MAGICLINKS */
	if (f & 0x04) r |= 1 << 3; /* RESOLVE_NO_SYMLINKS */
	if (f & 0x01) r |= 1 << 4; /* RESOLVE_NO_XDEV */
	if (f & 0x20) r |= 1 << 5; /* RESOLVE_CACHED */
	return r;
}

/* SOCK_NONBLOCK / SOCK_CLOEXEC of a socket type as PPM_O_* bits. */
static __always_inline __u32 strato_sock_flags(__u32 type)
{
	return ((type & 04000) ? 1 << 6 : 0) | ((type & 02000000) ? 1 << 12 : 0);
}

/* ---- paths ---- */

/* Builds the path of (dentry, vfsmount) right to left in sc->tmp, walking
 * up through mount points, and appends it as a parameter. The walk stops at
 * the task's root (rootd, rootmnt), so a chrooted or containerised process
 * gets the path it sees itself, as getcwd(2) gives it. */
__noinline int strato_push_dpath(struct strato_scratch *sc, __u64 dentry, __u64 vfsmnt, __u64 rootd,
				 __u64 rootmnt)
{
	struct dentry *d = (struct dentry *)dentry;
	struct mount *mnt = container_of((struct vfsmount *)vfsmnt, struct mount, mnt);
	__u32 pos = STRATO_TMP_MASK, room;
	long n;

	if (!sc)
		return 0;
	sc->tmp[STRATO_TMP_MASK] = 0;
	for (int i = 0; i < 32 && d; i++) {
		struct dentry *parent = BPF_CORE_READ(d, d_parent);
		struct dentry *mroot = BPF_CORE_READ(mnt, mnt.mnt_root);
		struct qstr q;

		if ((__u64)d == rootd && (__u64)&mnt->mnt == rootmnt)
			break;
		if (d == mroot || d == parent) {
			struct mount *up = BPF_CORE_READ(mnt, mnt_parent);

			if (d != mroot || up == mnt)
				break; /* the root of everything */
			d = BPF_CORE_READ(mnt, mnt_mountpoint);
			mnt = up;
			continue;
		}
		q = BPF_CORE_READ(d, d_name);
		if (q.len > 255 || pos < q.len + 2)
			break;
		pos -= q.len;
		bpf_probe_read_kernel(&sc->tmp[pos & STRATO_TMP_MASK], q.len & 255, q.name);
		pos--;
		sc->tmp[pos & STRATO_TMP_MASK] = '/';
		d = parent;
	}
	if (pos == STRATO_TMP_MASK) {
		pos--;
		sc->tmp[pos & STRATO_TMP_MASK] = '/';
	}
	n = STRATO_TMP_MASK + 1 - pos;
	room = strato_room(sc);
	if (n > room) {
		strato_push_null_str(sc);
		return 0;
	}
	if (bpf_probe_read_kernel(&sc->buf[sc->off & STRATO_HALF_MASK], n & STRATO_TMP_MASK,
				  &sc->tmp[pos & STRATO_TMP_MASK])) {
		strato_push_null_str(sc);
		return 0;
	}
	strato_set_len(sc, (__u16)n);
	return 0;
}

/* Path of a cgroup: kernfs node names up to the hierarchy root, written
 * right to left into sc->tmp; returns the start in tmp. */
struct kernfs_node___old {
	struct kernfs_node *parent;
};

static __always_inline struct kernfs_node *strato_kn_parent(struct kernfs_node *kn)
{
	if (bpf_core_field_exists(kn->__parent))
		return BPF_CORE_READ(kn, __parent);
	return BPF_CORE_READ((struct kernfs_node___old *)kn, parent);
}

/* Appends "name=path\0" for one cgroup subsystem state at the current
 * offset without closing the parameter; returns the bytes written. */
__noinline __u32 strato_cgroup_entry(struct strato_scratch *sc, __u32 at, __u64 cssp)
{
	struct cgroup_subsys_state *css = (struct cgroup_subsys_state *)cssp;
	struct kernfs_node *kn = BPF_CORE_READ(css, cgroup, kn);
	const char *ssname = BPF_CORE_READ(css, ss, name);
	__u32 pos = STRATO_TMP_MASK, len, total;
	long n;

	if (!sc)
		return 0;
	sc->tmp[STRATO_TMP_MASK] = 0;
	for (int i = 0; i < 24 && kn; i++) {
		struct kernfs_node *parent = strato_kn_parent(kn);
		const char *name;

		if (!parent)
			break; /* the hierarchy root is "/" */
		name = BPF_CORE_READ(kn, name);
		pos -= 256;
		n = bpf_probe_read_kernel_str(&sc->tmp[(pos + 1) & STRATO_TMP_MASK], 255, name);
		if (n <= 1)
			break;
		/* Move the name right so it ends where the previous one starts. */
		len = (__u32)(n - 1);
		pos += 256 - len;
		bpf_probe_read_kernel(&sc->tmp[pos & STRATO_TMP_MASK], len & 255,
				      &sc->tmp[(pos - 256 + len + 1) & STRATO_TMP_MASK]);
		pos--;
		sc->tmp[pos & STRATO_TMP_MASK] = '/';
		kn = parent;
		if (pos < 600)
			break;
	}
	if (pos == STRATO_TMP_MASK) {
		pos--;
		sc->tmp[pos & STRATO_TMP_MASK] = '/';
	}
	if (at >= STRATO_SCRATCH_HALF - STRATO_RESERVE - 5000)
		return 0;
	n = bpf_probe_read_kernel_str(&sc->buf[at & STRATO_HALF_MASK], 64, ssname);
	if (n <= 1)
		return 0;
	total = (__u32)n;
	sc->buf[(at + total - 1) & STRATO_HALF_MASK] = '=';
	len = STRATO_TMP_MASK + 1 - pos;
	if (bpf_probe_read_kernel(&sc->buf[(at + total) & STRATO_HALF_MASK], len & STRATO_TMP_MASK,
				  &sc->tmp[pos & STRATO_TMP_MASK]))
		return 0;
	return total + len;
}

/* cgroups: "subsys=path" NUL-separated, for every subsystem of the task. */
__noinline int strato_push_cgroups(struct strato_scratch *sc)
{
	struct task_struct *t = strato_task();
	struct css_set *cs = BPF_CORE_READ(t, cgroups);
	__u32 total = 0;

	if (!sc)
		return 0;
	for (int i = 0; i < 16 && cs; i++) {
		struct cgroup_subsys_state *css = NULL;

		if (i >= bpf_core_enum_value(enum cgroup_subsys_id, CGROUP_SUBSYS_COUNT))
			break;
		bpf_probe_read_kernel(&css, sizeof(css), &cs->subsys[i]);
		if (!css)
			continue;
		if (total > 16384)
			break;
		total += strato_cgroup_entry(sc, sc->off + total, (__u64)css) & 0x1fff;
	}
	strato_set_len(sc, (__u16)total);
	return 0;
}

/* ---- sockets ---- */

#define STRATO_AF_UNIX 1
#define STRATO_AF_INET 2
#define STRATO_AF_INET6 10

static __always_inline __u16 strato_ntohs(__u16 v)
{
	return __builtin_bswap16(v);
}

/* A user sockaddr (SOCKADDR parameter): family, address, host-order port;
 * unix: path. Empty for other families or unreadable memory. */
/* Reads user memory, or kernel memory when `kern` (a sys_enter copy). */
static __always_inline long strato_rd(void *dst, __u32 n, const void *src, int kern)
{
	return kern ? bpf_probe_read_kernel(dst, n, src) : bpf_probe_read_user(dst, n, src);
}

static __always_inline void strato_push_sockaddr(struct strato_scratch *sc, const void *uaddr, __u32 alen, int kern)
{
	__u32 off = sc->off;
	__u16 fam = 0, port = 0;

	if (!uaddr || alen < 2 || strato_rd(&fam, 2, uaddr, kern)) {
		strato_push_empty(sc);
		return;
	}
	if (fam == 2 && alen >= 8) {
		strato_rd(&port, 2, uaddr + 2, kern);
		port = strato_ntohs(port);
		sc->buf[off & STRATO_HALF_MASK] = STRATO_AF_INET;
		strato_rd(&sc->buf[(off + 1) & STRATO_HALF_MASK], 4, uaddr + 4, kern);
		__builtin_memcpy(&sc->buf[(off + 5) & STRATO_HALF_MASK], &port, 2);
		strato_set_len(sc, 7);
	} else if (fam == 10 && alen >= 24) {
		strato_rd(&port, 2, uaddr + 2, kern);
		port = strato_ntohs(port);
		sc->buf[off & STRATO_HALF_MASK] = STRATO_AF_INET6;
		strato_rd(&sc->buf[(off + 1) & STRATO_HALF_MASK], 16, uaddr + 8, kern);
		__builtin_memcpy(&sc->buf[(off + 17) & STRATO_HALF_MASK], &port, 2);
		strato_set_len(sc, 19);
	} else if (fam == 1) {
		long n;

		sc->buf[off & STRATO_HALF_MASK] = STRATO_AF_UNIX;
		n = kern ? bpf_probe_read_kernel_str(&sc->buf[(off + 1) & STRATO_HALF_MASK], 108, uaddr + 2) :
			   bpf_probe_read_user_str(&sc->buf[(off + 1) & STRATO_HALF_MASK], 108, uaddr + 2);
		if (n <= 0) {
			sc->buf[(off + 1) & STRATO_HALF_MASK] = 0;
			n = 1;
		}
		strato_set_len(sc, (__u16)(n + 1));
	} else {
		strato_push_empty(sc);
	}
}

static __always_inline void strato_push_user_sockaddr(struct strato_scratch *sc, const void *uaddr, __u32 alen)
{
	strato_push_sockaddr(sc, uaddr, alen, 0);
}

/* A SOCKTUPLE from a socket's own state. `inbound`: the remote end is the
 * source (accept, recv on a server); else the local end is. `uaddr` (user
 * sockaddr, may be NULL) replaces the remote end when the socket has none
 * (unconnected UDP). */
static __always_inline void strato_push_socktuple(struct strato_scratch *sc, struct sock *sk, int inbound,
						   const void *uaddr, __u32 alen)
{
	__u32 off = sc->off;
	__u16 fam, lport, rport;

	if (!sk) {
		strato_push_empty(sc);
		return;
	}
	fam = BPF_CORE_READ(sk, __sk_common.skc_family);
	lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	rport = strato_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
	if (fam == 2) {
		__u32 laddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u32 raddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		__u16 ufam = 0;

		if (!raddr && uaddr && alen >= 8 && !bpf_probe_read_user(&ufam, 2, uaddr) && ufam == 2) {
			bpf_probe_read_user(&rport, 2, uaddr + 2);
			rport = strato_ntohs(rport);
			bpf_probe_read_user(&raddr, 4, uaddr + 4);
		}
		sc->buf[off & STRATO_HALF_MASK] = STRATO_AF_INET;
		if (inbound) {
			__builtin_memcpy(&sc->buf[(off + 1) & STRATO_HALF_MASK], &raddr, 4);
			__builtin_memcpy(&sc->buf[(off + 5) & STRATO_HALF_MASK], &rport, 2);
			__builtin_memcpy(&sc->buf[(off + 7) & STRATO_HALF_MASK], &laddr, 4);
			__builtin_memcpy(&sc->buf[(off + 11) & STRATO_HALF_MASK], &lport, 2);
		} else {
			__builtin_memcpy(&sc->buf[(off + 1) & STRATO_HALF_MASK], &laddr, 4);
			__builtin_memcpy(&sc->buf[(off + 5) & STRATO_HALF_MASK], &lport, 2);
			__builtin_memcpy(&sc->buf[(off + 7) & STRATO_HALF_MASK], &raddr, 4);
			__builtin_memcpy(&sc->buf[(off + 11) & STRATO_HALF_MASK], &rport, 2);
		}
		strato_set_len(sc, 13);
	} else if (fam == 10) {
		struct in6_addr la = BPF_CORE_READ(sk, __sk_common.skc_v6_rcv_saddr);
		struct in6_addr ra = BPF_CORE_READ(sk, __sk_common.skc_v6_daddr);

		sc->buf[off & STRATO_HALF_MASK] = STRATO_AF_INET6;
		if (inbound) {
			__builtin_memcpy(&sc->buf[(off + 1) & STRATO_HALF_MASK], &ra, 16);
			__builtin_memcpy(&sc->buf[(off + 17) & STRATO_HALF_MASK], &rport, 2);
			__builtin_memcpy(&sc->buf[(off + 19) & STRATO_HALF_MASK], &la, 16);
			__builtin_memcpy(&sc->buf[(off + 35) & STRATO_HALF_MASK], &lport, 2);
		} else {
			__builtin_memcpy(&sc->buf[(off + 1) & STRATO_HALF_MASK], &la, 16);
			__builtin_memcpy(&sc->buf[(off + 17) & STRATO_HALF_MASK], &lport, 2);
			__builtin_memcpy(&sc->buf[(off + 19) & STRATO_HALF_MASK], &ra, 16);
			__builtin_memcpy(&sc->buf[(off + 35) & STRATO_HALF_MASK], &rport, 2);
		}
		strato_set_len(sc, 37);
	} else if (fam == 1) {
		struct unix_sock *us = (struct unix_sock *)sk;
		struct sock *peer = BPF_CORE_READ(us, peer);
		struct unix_address *ua = NULL;
		__u64 src = (__u64)sk, dst = (__u64)peer;
		long n = 0;

		if (peer)
			ua = BPF_CORE_READ((struct unix_sock *)peer, addr);
		if (!ua)
			ua = BPF_CORE_READ(us, addr);
		sc->buf[off & STRATO_HALF_MASK] = STRATO_AF_UNIX;
		__builtin_memcpy(&sc->buf[(off + 1) & STRATO_HALF_MASK], &src, 8);
		__builtin_memcpy(&sc->buf[(off + 9) & STRATO_HALF_MASK], &dst, 8);
		if (ua) {
			char *p = (char *)&ua->name[0].sun_path[0];
			char c0 = 0;

			/* Abstract names start with a NUL byte; show what follows. */
			bpf_probe_read_kernel(&c0, 1, p);
			n = bpf_probe_read_kernel_str(&sc->buf[(off + 17) & STRATO_HALF_MASK], 108, c0 ? p : p + 1);
		}
		if (n <= 0) {
			sc->buf[(off + 17) & STRATO_HALF_MASK] = 0;
			n = 1;
		}
		strato_set_len(sc, (__u16)(17 + n));
	} else {
		strato_push_empty(sc);
	}
}

/* ---- I/O data ---- */

static __always_inline __u32 strato_snaplen(void)
{
	struct strato_probe_config *cfg = strato_cfg();

	return cfg ? cfg->snaplen : 80;
}

/* Data of a read-like call: `ret` bytes (at most the snaplen) at `ubuf`. */
static __always_inline void strato_push_data(struct strato_scratch *sc, const void *ubuf, long ret)
{
	__u64 n = ret > 0 ? (__u64)ret : 0;
	__u32 snap = strato_snaplen();

	if (n > snap)
		n = snap;
	strato_push_user_bytes(sc, ubuf, n);
}

/* Data from an iovec array: up to `total` bytes (and the snaplen) gathered
 * from at most 16 vectors. */
static __always_inline void strato_push_iov_data(struct strato_scratch *sc, const struct iovec *uiov, __u64 iovcnt,
						  long total)
{
	__u32 want = total > 0 ? (__u32)total : 0, got = 0, snap = strato_snaplen();

	if (want > snap)
		want = snap;
	if (want > strato_room(sc))
		want = strato_room(sc);
	for (int i = 0; i < 16 && i < iovcnt && got < want; i++) {
		struct iovec v;
		__u32 n;

		if (bpf_probe_read_user(&v, sizeof(v), &uiov[i]))
			break;
		n = v.iov_len > want - got ? want - got : (__u32)v.iov_len;
		got += strato_copy_user(sc, sc->off + got, v.iov_base, n);
	}
	strato_set_len(sc, (__u16)got);
}

static __always_inline __u64 strato_iov_total(const struct iovec *uiov, __u64 iovcnt)
{
	__u64 total = 0;

	for (int i = 0; i < 32 && i < iovcnt; i++) {
		struct iovec v;

		if (bpf_probe_read_user(&v, sizeof(v), &uiov[i]))
			break;
		total += v.iov_len;
	}
	return total;
}

/* ---- process information (execve and clone families) ---- */

/* exe (argv[0]) and args (argv[1..]) from the process's argument area. */
static __always_inline void strato_push_exe_args(struct strato_scratch *sc, struct task_struct *t)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	unsigned long start = 0, end = 0;
	__u32 total, n0;
	long n;

	if (mm) {
		start = BPF_CORE_READ(mm, arg_start);
		end = BPF_CORE_READ(mm, arg_end);
	}
	n = start ? bpf_probe_read_user_str(&sc->buf[sc->off & STRATO_HALF_MASK], STRATO_PATH_MAX, (void *)start) : -1;
	if (n <= 0) {
		strato_push_null_str(sc);
		strato_push_empty(sc);
		return;
	}
	n0 = (__u32)n;
	strato_set_len(sc, (__u16)n0);
	total = end > start + n0 ? (__u32)(end - start - n0) : 0;
	if (total > STRATO_PATH_MAX * 4)
		total = STRATO_PATH_MAX * 4;
	strato_push_user_bytes(sc, (void *)(start + n0), total);
}

/* exe and args from the argv pointer array of a failed execve, whose
 * argument area was never replaced. */
static __always_inline void strato_push_argv(struct strato_scratch *sc, const char *const *argv)
{
	const char *p = NULL;
	__u32 total = 0;

	if (!argv || bpf_probe_read_user(&p, sizeof(p), &argv[0]) || !p) {
		strato_push_null_str(sc);
		strato_push_empty(sc);
		return;
	}
	strato_push_user_str(sc, p, STRATO_PATH_MAX);
	for (int i = 1; i < 32; i++) {
		long n;

		if (bpf_probe_read_user(&p, sizeof(p), &argv[i]) || !p)
			break;
		if (total > STRATO_PATH_MAX * 4)
			break;
		n = bpf_probe_read_user_str(&sc->buf[(sc->off + total) & STRATO_HALF_MASK], STRATO_PATH_MAX, p);
		if (n <= 0)
			break;
		total += (__u32)n;
	}
	strato_set_len(sc, (__u16)total);
}

static __always_inline void strato_push_cwd(struct strato_scratch *sc, struct task_struct *t)
{
	struct fs_struct *fs = BPF_CORE_READ(t, fs);

	if (!fs) {
		strato_push_null_str(sc);
		return;
	}
	strato_push_dpath(sc, (__u64)BPF_CORE_READ(fs, pwd.dentry), (__u64)BPF_CORE_READ(fs, pwd.mnt),
			  (__u64)BPF_CORE_READ(fs, root.dentry), (__u64)BPF_CORE_READ(fs, root.mnt));
}

/* Older layouts of kernel structures, for CO-RE: the probe is built
 * against 6.18 types and must still load where these fields differ. */
struct mm_struct___pre62 {
	struct {
		atomic_long_t count[4];
	} rss_stat;
};

struct kernel_cap_struct___pre63 {
	__u32 cap[2];
};

struct inode___pre66 {
	struct timespec64 i_ctime;
	struct timespec64 i_mtime;
};

struct inode___pre611 {
	struct timespec64 __i_ctime;
	struct timespec64 i_mtime;
};

static __always_inline __u64 strato_rss_pages(struct mm_struct *mm, int which)
{
	__s64 v = 0;

	struct mm_struct___pre62 *old = (void *)mm;

	if (bpf_core_field_exists(old->rss_stat.count))
		bpf_probe_read_kernel(&v, sizeof(v), &old->rss_stat.count[which & 3]);
	else
		bpf_probe_read_kernel(&v, sizeof(v), &mm->rss_stat[which & 3].count);
	return v > 0 ? (__u64)v : 0;
}

/* A capability set as the 64-bit mask scap writes (same bit numbers). */
static __always_inline __u64 strato_caps(kernel_cap_t *c)
{
	__u64 v = 0;

	if (bpf_core_field_exists(c->val)) {
		bpf_probe_read_kernel(&v, sizeof(v), &c->val);
	} else {
		__u32 w[2] = {};

		bpf_probe_read_kernel(w, sizeof(w), &((struct kernel_cap_struct___pre63 *)c)->cap);
		v = w[0] | (__u64)w[1] << 32;
	}
	return v;
}

/* ctime (0) or mtime (1) of an inode, in ns since the epoch. */
static __always_inline __u64 strato_inode_time(struct inode *ino, int mtime)
{
	struct timespec64 ts = {};

	if (bpf_core_field_exists(ino->i_ctime_sec)) {
		if (mtime)
			return BPF_CORE_READ(ino, i_mtime_sec) * 1000000000ULL + BPF_CORE_READ(ino, i_mtime_nsec);
		/* the top bits of i_ctime_nsec are flags (e.g. ctime queried) */
		return BPF_CORE_READ(ino, i_ctime_sec) * 1000000000ULL + (BPF_CORE_READ(ino, i_ctime_nsec) & 0x3fffffff);
	}
	if (bpf_core_field_exists(((struct inode___pre611 *)ino)->__i_ctime)) {
		struct inode___pre611 *o = (void *)ino;

		ts = mtime ? BPF_CORE_READ(o, i_mtime) : BPF_CORE_READ(o, __i_ctime);
	} else {
		struct inode___pre66 *o = (void *)ino;

		ts = mtime ? BPF_CORE_READ(o, i_mtime) : BPF_CORE_READ(o, i_ctime);
	}
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap:
 * the part of the execve/clone events after exe and args. */
static __always_inline void strato_push_proc_common(struct strato_scratch *sc, struct task_struct *t)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	__u64 vsz = 0, rss = 0, swap = 0;

	strato_push_u64(sc, BPF_CORE_READ(t, pid));
	strato_push_u64(sc, BPF_CORE_READ(t, tgid));
	strato_push_u64(sc, BPF_CORE_READ(t, real_parent, tgid));
	strato_push_cwd(sc, t);
	strato_push_u64(sc, BPF_CORE_READ(t, signal, rlim[7].rlim_cur)); /* RLIMIT_NOFILE */
	strato_push_u64(sc, BPF_CORE_READ(t, maj_flt));
	strato_push_u64(sc, BPF_CORE_READ(t, min_flt));
	if (mm) {
		/* pages to KiB, 4 KiB pages */
		vsz = BPF_CORE_READ(mm, total_vm) << 2;
		rss = (strato_rss_pages(mm, 0) + strato_rss_pages(mm, 1) + strato_rss_pages(mm, 3)) << 2;
		swap = strato_rss_pages(mm, 2) << 2;
	}
	strato_push_u32(sc, (__u32)vsz);
	strato_push_u32(sc, (__u32)rss);
	strato_push_u32(sc, (__u32)swap);
}

static __always_inline void strato_push_comm(struct strato_scratch *sc)
{
	__u32 off = sc->off & STRATO_HALF_MASK;
	long n;

	bpf_get_current_comm(&sc->buf[off], 16);
	sc->buf[(off + 15) & STRATO_HALF_MASK] = 0;
	n = bpf_probe_read_kernel_str(&sc->buf[off], 16, &sc->buf[off]);
	strato_set_len(sc, n > 0 ? (__u16)n : 1);
}

static __always_inline __u32 strato_tty(struct task_struct *t)
{
	struct tty_struct *tty = BPF_CORE_READ(t, signal, tty);
	__u32 major, minor;

	if (!tty)
		return 0;
	major = BPF_CORE_READ(tty, driver, major);
	minor = BPF_CORE_READ(tty, driver, minor_start) + BPF_CORE_READ(tty, index);
	return strato_encode_dev(major << 20 | minor);
}

static __always_inline __s64 strato_vpid(struct task_struct *t)
{
	return strato_pid_vnr(BPF_CORE_READ(t, group_leader, thread_pid));
}

/* Clone family exit: both in the parent (res = child tid) and the child
 * (res = 0). */
__noinline int strato_clone_x(struct strato_args *a, __u16 type, int kind)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(type, 21);
	struct task_struct *t = strato_task();
	__u64 raw = 0;
	__u32 flags;
	struct pid_namespace *ns;
	struct task_struct *reaper;

	if (!sc)
		return 0;
	if (kind == STRATO_K_CLONE)
		raw = STRATO_A(0);
	else if (kind == STRATO_K_CLONE3)
		bpf_probe_read_user(&raw, sizeof(raw), (void *)STRATO_A(0)); /* clone_args.flags */
	else if (kind == STRATO_K_VFORK)
		raw = 0x4000 | 0x100; /* CLONE_VFORK | CLONE_VM */
	flags = strato_clone_flags(raw);
	if (BPF_CORE_READ(t, thread_pid, level) > 0)
		flags |= 1 << 29; /* PPM_CL_CHILD_IN_PIDNS */
	strato_push_u64(sc, ret);
	strato_push_exe_args(sc, t);
	strato_push_proc_common(sc, t);
	strato_push_comm(sc);
	strato_push_cgroups(sc);
	strato_push_u32(sc, flags);
	strato_push_u32(sc, BPF_CORE_READ(t, cred, euid.val));
	strato_push_u32(sc, BPF_CORE_READ(t, cred, egid.val));
	strato_push_u64(sc, strato_pid_vnr(BPF_CORE_READ(t, thread_pid)));
	strato_push_u64(sc, strato_vpid(t));
	ns = BPF_CORE_READ(t, nsproxy, pid_ns_for_children);
	reaper = ns ? BPF_CORE_READ(ns, child_reaper) : NULL;
	strato_push_u64(sc, reaper ? BPF_CORE_READ(reaper, start_boottime) + strato_cfg()->boot_to_epoch_ns : 0);
	strato_submit(sc);
	return 0;
}

/* PPM_EXE_WRITABLE when the executable is writable by the caller's fsuid
 * (owner or other write bit; groups are not resolved). */
static __always_inline __u32 strato_exe_flags(struct task_struct *t, struct inode *ino)
{
	__u16 mode;
	__u32 uid, fsuid;

	if (!ino)
		return 0;
	mode = BPF_CORE_READ(ino, i_mode);
	uid = BPF_CORE_READ(ino, i_uid.val);
	fsuid = BPF_CORE_READ(t, cred, fsuid.val);
	if (fsuid == 0 || (mode & 02) || (uid == fsuid && (mode & 0200)))
		return 1;
	return 0;
}

/* PPM_EXE_FROM_MEMFD when the executable is a memfd: its dentry is its
 * own parent (it lives in no directory) and is named "memfd:NAME". */
static __always_inline __u32 strato_exe_memfd(struct file *exe)
{
	struct dentry *d = exe ? BPF_CORE_READ(exe, f_path.dentry) : NULL;
	char nm[7];

	if (!d || BPF_CORE_READ(d, d_parent) != d)
		return 0;
	if (bpf_probe_read_kernel_str(nm, sizeof(nm), BPF_CORE_READ(d, d_name.name)) != sizeof(nm))
		return 0;
	return nm[0] == 'm' && nm[1] == 'e' && nm[2] == 'm' && nm[3] == 'f' && nm[4] == 'd' && nm[5] == ':' ? 4 : 0;
}

#define STRATO_OVERLAYFS_MAGIC 0x794c7630

/* PPM_EXE_UPPER_LAYER when the executable is an overlayfs file held by the
 * upper layer. overlayfs's inode (struct ovl_inode, a module type, so not
 * relocatable here) keeps the upper dentry right after the VFS inode it
 * embeds: it is read at the size of struct inode past the inode. */
static __always_inline __u32 strato_exe_upper(struct file *exe)
{
	struct dentry *d = exe ? BPF_CORE_READ(exe, f_path.dentry) : NULL;
	unsigned long sz = bpf_core_type_size(struct inode);
	struct dentry *up = NULL;
	struct inode *ino;

	if (!d || !sz || BPF_CORE_READ(d, d_sb, s_magic) != STRATO_OVERLAYFS_MAGIC)
		return 0;
	ino = BPF_CORE_READ(d, d_inode);
	if (!ino || bpf_probe_read_kernel(&up, sizeof(up), (char *)ino + sz) || !up)
		return 0;
	return BPF_CORE_READ(up, d_inode, i_ino) ? 2 : 0;
}

__noinline int strato_execve_x(struct strato_args *a, int at)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(at ? STRATO_E_EXECVEAT_X : STRATO_E_EXECVE_19_X, at ? 30 : 31);
	struct task_struct *t = strato_task();
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	struct file *exe = mm ? BPF_CORE_READ(mm, exe_file) : NULL;
	struct inode *ino = exe ? BPF_CORE_READ(exe, f_inode) : NULL;
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	struct strato_enter_path *ep;
	unsigned long es, ee;
	__u64 caps;

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	if (ret == 0)
		strato_push_exe_args(sc, t);
	else
		strato_push_argv(sc, (const char *const *)STRATO_A(at ? 2 : 1));
	strato_push_proc_common(sc, t);
	strato_push_comm(sc);
	strato_push_cgroups(sc);
	/* env: only the new image's (the old one's is gone after success) */
	es = mm && ret == 0 ? BPF_CORE_READ(mm, env_start) : 0;
	ee = mm && ret == 0 ? BPF_CORE_READ(mm, env_end) : 0;
	strato_push_user_bytes(sc, (void *)es, ee > es ? (ee - es > STRATO_ENV_MAX ? STRATO_ENV_MAX : ee - es) : 0);
	strato_push_u32(sc, strato_tty(t));
	strato_push_u64(sc, strato_pid_vnr(BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID])));
	strato_push_u32(sc, BPF_CORE_READ(t, loginuid.val));
	strato_push_u32(sc, strato_exe_flags(t, ino) | strato_exe_memfd(exe) | strato_exe_upper(exe));
	{
		const struct cred *cr = BPF_CORE_READ(t, cred);

		caps = strato_caps((kernel_cap_t *)&cr->cap_inheritable);
		strato_push_u64(sc, caps);
		caps = strato_caps((kernel_cap_t *)&cr->cap_permitted);
		strato_push_u64(sc, caps);
		caps = strato_caps((kernel_cap_t *)&cr->cap_effective);
		strato_push_u64(sc, caps);
	}
	strato_push_u64(sc, ino ? BPF_CORE_READ(ino, i_ino) : 0);
	strato_push_u64(sc, ino ? strato_inode_time(ino, 0) : 0);
	strato_push_u64(sc, ino ? strato_inode_time(ino, 1) : 0);
	strato_push_u32(sc, BPF_CORE_READ(t, cred, euid.val));
	if (exe)
		strato_push_dpath(sc, (__u64)BPF_CORE_READ(exe, f_path.dentry), (__u64)BPF_CORE_READ(exe, f_path.mnt),
				  (__u64)BPF_CORE_READ(t, fs, root.dentry), (__u64)BPF_CORE_READ(t, fs, root.mnt));
	else
		strato_push_null_str(sc);
	strato_push_u64(sc, strato_pid_host(BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID])));
	strato_push_u32(sc, BPF_CORE_READ(t, cred, egid.val));
	if (!at) {
		/* After success the kernel has copied the name to the new stack
		 * right after the environment strings (where AT_EXECFN points),
		 * which is always readable; the copy taken at sys_enter is for
		 * failures, as the caller's string may sit in a page that is not
		 * mapped in yet (e.g. read-only data after fork). */
		ep = bpf_map_lookup_elem(&strato_enter_paths, &tid);
		if (ret == 0 && ee)
			strato_push_user_str(sc, (void *)ee, STRATO_PATH_MAX);
		else if (ep)
			strato_push_kernel_str(sc, ep->path, STRATO_PATH_MAX);
		else
			strato_push_user_str(sc, (void *)STRATO_A(0), STRATO_PATH_MAX);
	}
	bpf_map_delete_elem(&strato_enter_paths, &tid);
	strato_submit(sc);
	return 0;
}

/* The argument copy sys_enter took for this thread's current syscall, or
 * NULL (then the exit reads user memory). */
static __always_inline struct strato_enter_path *strato_enter_copy(__u32 nr)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	struct strato_enter_path *ep = bpf_map_lookup_elem(&strato_enter_paths, &tid);

	return ep && ep->nr == nr ? ep : NULL;
}

static __always_inline void strato_enter_done(void)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();

	bpf_map_delete_elem(&strato_enter_paths, &tid);
}

/* A path argument: the sys_enter copy when there is one. */
static __always_inline void strato_push_path_arg(struct strato_scratch *sc, struct strato_enter_path *ep, __u64 uptr)
{
	if (ep)
		strato_push_kernel_str(sc, ep->path, STRATO_PATH_MAX);
	else
		strato_push_user_str(sc, (void *)uptr, STRATO_PATH_MAX);
}

/* ---- files ---- */

/* dev and ino of the file behind `fd`. */
static __always_inline void strato_push_dev_ino(struct strato_scratch *sc, long fd)
{
	struct file *f = fd >= 0 ? strato_fd_file(fd) : NULL;
	struct inode *ino = f ? BPF_CORE_READ(f, f_inode) : NULL;

	strato_push_u32(sc, ino ? strato_encode_dev(BPF_CORE_READ(ino, i_sb, s_dev)) : 0);
	strato_push_u64(sc, ino ? BPF_CORE_READ(ino, i_ino) : 0);
}

static __always_inline __u32 strato_open_mode(__u32 flags, __u32 mode)
{
	/* the mode only means something when a file may be created */
	return (flags & (0100 | 020000000)) ? (mode & 07777) : 0;
}

__noinline int strato_open_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_enter_path *ep;
	struct strato_scratch *sc = strato_begin(STRATO_E_OPEN_X, 6);
	__u32 flags = (__u32)STRATO_A(1);

	if (!sc)
		return 0;
	ep = a ? strato_enter_copy((__u32)a->nr) : NULL;
	strato_push_u64(sc, ret);
	strato_push_path_arg(sc, ep, STRATO_A(0));
	strato_push_u32(sc, strato_open_flags(flags));
	strato_push_u32(sc, strato_open_mode(flags, (__u32)STRATO_A(2)));
	strato_push_dev_ino(sc, ret);
	strato_submit(sc);
	if (ep)
		strato_enter_done();
	return 0;
}

__noinline int strato_openat_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_enter_path *ep;
	struct strato_scratch *sc = strato_begin(STRATO_E_OPENAT_2_X, 7);
	__u32 flags = (__u32)STRATO_A(2);

	if (!sc)
		return 0;
	ep = a ? strato_enter_copy((__u32)a->nr) : NULL;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_path_arg(sc, ep, STRATO_A(1));
	strato_push_u32(sc, strato_open_flags(flags));
	strato_push_u32(sc, strato_open_mode(flags, (__u32)STRATO_A(3)));
	strato_push_dev_ino(sc, ret);
	strato_submit(sc);
	if (ep)
		strato_enter_done();
	return 0;
}

__noinline int strato_openat2_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_enter_path *ep;
	struct strato_scratch *sc = strato_begin(STRATO_E_OPENAT2_X, 8);
	struct { __u64 flags, mode, resolve; } how = {};

	if (!sc)
		return 0;
	ep = a ? strato_enter_copy((__u32)a->nr) : NULL;
	bpf_probe_read_user(&how, sizeof(how), (void *)STRATO_A(2));
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_path_arg(sc, ep, STRATO_A(1));
	strato_push_u32(sc, strato_open_flags((__u32)how.flags));
	strato_push_u32(sc, strato_open_mode((__u32)how.flags, (__u32)how.mode));
	strato_push_u32(sc, strato_resolve_flags(how.resolve));
	strato_push_dev_ino(sc, ret);
	strato_submit(sc);
	if (ep)
		strato_enter_done();
	return 0;
}

__noinline int strato_creat_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_enter_path *ep;
	struct strato_scratch *sc = strato_begin(STRATO_E_CREAT_X, 6);

	if (!sc)
		return 0;
	ep = a ? strato_enter_copy((__u32)a->nr) : NULL;
	strato_push_u64(sc, ret);
	strato_push_path_arg(sc, ep, STRATO_A(0));
	strato_push_u32(sc, (__u32)STRATO_A(1) & 07777);
	strato_push_dev_ino(sc, ret);
	strato_push_u16(sc, 0); /* creat_flags: overlay layers are not detected */
	strato_submit(sc);
	if (ep)
		strato_enter_done();
	return 0;
}

/* Events whose parameters are res followed by 1 to 3 path/fd parameters. */
__noinline int strato_res_path_x(struct strato_args *a, __u16 type)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(type, 2);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_user_str(sc, (void *)STRATO_A(0), STRATO_PATH_MAX);
	strato_submit(sc);
	return 0;
}

__noinline int strato_unlinkat_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_UNLINKAT_2_X, 4);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
	strato_push_u32(sc, (__u32)STRATO_A(2) & 0x200); /* AT_REMOVEDIR == PPM_AT_REMOVEDIR */
	strato_submit(sc);
	return 0;
}

__noinline int strato_rename_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_RENAME_X, 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_user_str(sc, (void *)STRATO_A(0), STRATO_PATH_MAX);
	strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
	strato_submit(sc);
	return 0;
}

__noinline int strato_renameat_x(struct strato_args *a, int two)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(two ? STRATO_E_RENAMEAT2_X : STRATO_E_RENAMEAT_X, two ? 6 : 5);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
	strato_push_u64(sc, (__s64)(int)STRATO_A(2));
	strato_push_user_str(sc, (void *)STRATO_A(3), STRATO_PATH_MAX);
	if (two)
		strato_push_u32(sc, (__u32)STRATO_A(4) & 7); /* RENAME_* == PPM_RENAME_* */
	strato_submit(sc);
	return 0;
}

__noinline int strato_mkdir_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_MKDIR_2_X, 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_user_str(sc, (void *)STRATO_A(0), STRATO_PATH_MAX);
	strato_push_u32(sc, (__u32)STRATO_A(1));
	strato_submit(sc);
	return 0;
}

__noinline int strato_mkdirat_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_MKDIRAT_X, 4);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
	strato_push_u32(sc, (__u32)STRATO_A(2));
	strato_submit(sc);
	return 0;
}

__noinline int strato_close_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_CLOSE_X, 2);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_submit(sc);
	return 0;
}

/* read, write, pread64, pwrite64: res, data, fd, size[, pos] */
__noinline int strato_rw_x(struct strato_args *a, __u16 type, int pos)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(type, pos ? 5 : 4);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_data(sc, (void *)STRATO_A(1), ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_u32(sc, (__u32)STRATO_A(2));
	if (pos)
		strato_push_u64(sc, STRATO_A(3));
	strato_submit(sc);
	return 0;
}

/* readv/preadv: res, size, data, fd[, pos]; writev/pwritev: res, data, fd, size[, pos] */
__noinline int strato_rwv_x(struct strato_args *a, __u16 type, int reading, int pos)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(type, pos ? 5 : 4);
	const struct iovec *iov = (const struct iovec *)STRATO_A(1);
	__u64 cnt = STRATO_A(2);
	__u32 size = (__u32)strato_iov_total(iov, cnt);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	if (reading)
		strato_push_u32(sc, size);
	strato_push_iov_data(sc, iov, cnt, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	if (!reading)
		strato_push_u32(sc, size);
	if (pos)
		strato_push_u64(sc, STRATO_A(3));
	strato_submit(sc);
	return 0;
}

/* dup: res, oldfd; dup2: res, oldfd, newfd; dup3: res, oldfd, newfd,
 * flags (only O_CLOEXEC is valid there) */
__noinline int strato_dup_x(struct strato_args *a, int kind)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(kind == STRATO_K_DUP ? STRATO_E_DUP_1_X :
						 kind == STRATO_K_DUP2 ? STRATO_E_DUP2_X : STRATO_E_DUP3_X,
						 kind == STRATO_K_DUP ? 2 : kind == STRATO_K_DUP2 ? 3 : 4);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	if (kind != STRATO_K_DUP)
		strato_push_u64(sc, (__s64)(int)STRATO_A(1));
	if (kind == STRATO_K_DUP3)
		strato_push_u32(sc, (STRATO_A(2) & 02000000) ? 1 << 12 : 0); /* O_CLOEXEC */
	strato_submit(sc);
	return 0;
}

/* pipe: res, fd1, fd2, ino; pipe2: the same + flags (O_CLOEXEC,
 * O_NONBLOCK, O_DIRECT as PPM_O_*) */
__noinline int strato_pipe_x(struct strato_args *a, int two)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(two ? STRATO_E_PIPE2_X : STRATO_E_PIPE_X, two ? 5 : 4);
	int fds[2] = { -1, -1 };
	struct file *f;
	__u64 fl = STRATO_A(1);

	if (!sc)
		return 0;
	if (ret == 0)
		bpf_probe_read_user(fds, sizeof(fds), (void *)STRATO_A(0));
	f = ret == 0 ? strato_fd_file(fds[0]) : NULL;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, fds[0]);
	strato_push_u64(sc, fds[1]);
	strato_push_u64(sc, f ? BPF_CORE_READ(f, f_inode, i_ino) : 0);
	if (two)
		strato_push_u32(sc, ((fl & 02000000) ? 1 << 12 : 0) | ((fl & 04000) ? 1 << 6 : 0) |
					    ((fl & 040000) ? 1 << 9 : 0));
	strato_submit(sc);
	return 0;
}

__noinline int strato_kill_x(struct strato_args *a, int kind)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc;

	if (kind == STRATO_K_TGKILL) {
		sc = strato_begin(STRATO_E_TGKILL_X, 4);
		if (!sc)
			return 0;
		strato_push_u64(sc, ret);
		strato_push_u64(sc, (__s64)(int)STRATO_A(0));
		strato_push_u64(sc, (__s64)(int)STRATO_A(1));
		strato_push_u8(sc, (__u8)STRATO_A(2));
	} else {
		sc = strato_begin(kind == STRATO_K_KILL ? STRATO_E_KILL_X : STRATO_E_TKILL_X, 3);
		if (!sc)
			return 0;
		strato_push_u64(sc, ret);
		strato_push_u64(sc, (__s64)(int)STRATO_A(0));
		strato_push_u8(sc, (__u8)STRATO_A(1));
	}
	strato_submit(sc);
	return 0;
}

/* ---- more files, credentials, memory, polling ---- */

/* res + one path (chdir, chroot, umount2) */
__noinline int strato_res_str_x(struct strato_args *a, __u16 type)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(type, 2);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_user_str(sc, (void *)STRATO_A(0), STRATO_PATH_MAX);
	strato_submit(sc);
	return 0;
}

/* res + fd (fchdir, getdents, getdents64) */
__noinline int strato_res_fd_x(struct strato_args *a, __u16 type)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(type, 2);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_submit(sc);
	return 0;
}

/* chmod: res, filename, mode; fchmod: res, fd, mode; fchmodat: res, dirfd,
 * filename, mode. PPM_S_* are the Linux mode bits. */
__noinline int strato_chmod_x(struct strato_args *a, int kind)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(kind == STRATO_K_CHMOD ? STRATO_E_CHMOD_X :
						 kind == STRATO_K_FCHMOD ? STRATO_E_FCHMOD_X : STRATO_E_FCHMODAT_X,
						 kind == STRATO_K_FCHMODAT ? 4 : 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	if (kind == STRATO_K_CHMOD) {
		strato_push_user_str(sc, (void *)STRATO_A(0), STRATO_PATH_MAX);
		strato_push_u32(sc, (__u32)STRATO_A(1) & 07777);
	} else if (kind == STRATO_K_FCHMOD) {
		strato_push_u64(sc, (__s64)(int)STRATO_A(0));
		strato_push_u32(sc, (__u32)STRATO_A(1) & 07777);
	} else {
		strato_push_u64(sc, (__s64)(int)STRATO_A(0));
		strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
		strato_push_u32(sc, (__u32)STRATO_A(2) & 07777);
	}
	strato_submit(sc);
	return 0;
}

/* link: res, oldpath, newpath; linkat: res, olddir, oldpath, newdir,
 * newpath, flags (AT_SYMLINK_FOLLOW/AT_EMPTY_PATH == PPM_AT_*) */
__noinline int strato_link_x(struct strato_args *a, int at)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(at ? STRATO_E_LINKAT_2_X : STRATO_E_LINK_2_X, at ? 6 : 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	if (at) {
		strato_push_u64(sc, (__s64)(int)STRATO_A(0));
		strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
		strato_push_u64(sc, (__s64)(int)STRATO_A(2));
		strato_push_user_str(sc, (void *)STRATO_A(3), STRATO_PATH_MAX);
		strato_push_u32(sc, (__u32)STRATO_A(4) & (0x400 | 0x1000));
	} else {
		strato_push_user_str(sc, (void *)STRATO_A(0), STRATO_PATH_MAX);
		strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
	}
	strato_submit(sc);
	return 0;
}

/* symlink: res, target, linkpath; symlinkat: res, target, linkdirfd, linkpath */
__noinline int strato_symlink_x(struct strato_args *a, int at)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(at ? STRATO_E_SYMLINKAT_X : STRATO_E_SYMLINK_X, at ? 4 : 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_user_str(sc, (void *)STRATO_A(0), STRATO_PATH_MAX);
	if (at) {
		strato_push_u64(sc, (__s64)(int)STRATO_A(1));
		strato_push_user_str(sc, (void *)STRATO_A(2), STRATO_PATH_MAX);
	} else {
		strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
	}
	strato_submit(sc);
	return 0;
}

/* setuid/setgid: res, id; setresuid/setresgid: res, r, e, s */
__noinline int strato_setid_x(struct strato_args *a, __u16 type, int three)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(type, three ? 4 : 2);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u32(sc, (__u32)STRATO_A(0));
	if (three) {
		strato_push_u32(sc, (__u32)STRATO_A(1));
		strato_push_u32(sc, (__u32)STRATO_A(2));
	}
	strato_submit(sc);
	return 0;
}

__noinline int strato_ioctl_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_IOCTL_3_X, 4);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_u64(sc, STRATO_A(1));
	strato_push_u64(sc, STRATO_A(2));
	strato_submit(sc);
	return 0;
}

/* vm_size, vm_rss, vm_swap of the current process, in KiB */
static __always_inline void strato_push_vm(struct strato_scratch *sc)
{
	struct mm_struct *mm = BPF_CORE_READ(strato_task(), mm);
	__u64 vsz = 0, rss = 0, swap = 0;

	if (mm) {
		vsz = BPF_CORE_READ(mm, total_vm) << 2;
		rss = (strato_rss_pages(mm, 0) + strato_rss_pages(mm, 1) + strato_rss_pages(mm, 3)) << 2;
		swap = strato_rss_pages(mm, 2) << 2;
	}
	strato_push_u32(sc, (__u32)vsz);
	strato_push_u32(sc, (__u32)rss);
	strato_push_u32(sc, (__u32)swap);
}

/* PROT_READ/WRITE/EXEC/SEM/GROWSDOWN/GROWSUP to PPM_PROT_* */
static __always_inline __u32 strato_prot_flags(__u64 p)
{
	return (p & 7) | ((p & 0x8) ? 1 << 3 : 0) | ((p & 0x01000000) ? 1 << 4 : 0) | ((p & 0x02000000) ? 1 << 5 : 0);
}

static __always_inline __u32 strato_mmap_flags(__u64 f)
{
	__u32 r = 0;

	if (f & 0x01) r |= 1 << 0;    /* MAP_SHARED */
	if (f & 0x02) r |= 1 << 1;    /* MAP_PRIVATE */
	if (f & 0x10) r |= 1 << 2;    /* MAP_FIXED */
	if (f & 0x20) r |= 1 << 3;    /* MAP_ANONYMOUS */
	if (f & 0x40) r |= 1 << 4;    /* MAP_32BIT */
	if (f & 0x4000) r |= 1 << 6;  /* MAP_NORESERVE */
	if (f & 0x8000) r |= 1 << 7;  /* MAP_POPULATE */
	if (f & 0x10000) r |= 1 << 8; /* MAP_NONBLOCK */
	if (f & 0x100) r |= 1 << 9;   /* MAP_GROWSDOWN */
	if (f & 0x800) r |= 1 << 10;  /* MAP_DENYWRITE */
	if (f & 0x1000) r |= 1 << 11; /* MAP_EXECUTABLE */
	if (f & 0x2000) r |= 1 << 14; /* MAP_LOCKED */
	return r;
}

/* mmap: res, vm_size, vm_rss, vm_swap, addr, length, prot, flags, fd, offset;
 * munmap: res, vm_size, vm_rss, vm_swap, addr, length;
 * mprotect: res, addr, length, prot */
__noinline int strato_mem_x(struct strato_args *a, int kind)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(kind == STRATO_K_MMAP ? STRATO_E_MMAP_X :
						 kind == STRATO_K_MUNMAP ? STRATO_E_MUNMAP_X : STRATO_E_MPROTECT_X,
						 kind == STRATO_K_MMAP ? 10 : kind == STRATO_K_MUNMAP ? 6 : 4);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	if (kind != STRATO_K_MPROTECT)
		strato_push_vm(sc);
	strato_push_u64(sc, STRATO_A(0));
	strato_push_u64(sc, STRATO_A(1));
	if (kind == STRATO_K_MMAP) {
		strato_push_u32(sc, strato_prot_flags(STRATO_A(2)));
		strato_push_u32(sc, strato_mmap_flags(STRATO_A(3)));
		strato_push_u64(sc, (__s64)(int)STRATO_A(4));
		strato_push_u64(sc, STRATO_A(5));
	} else if (kind == STRATO_K_MPROTECT) {
		strato_push_u32(sc, strato_prot_flags(STRATO_A(2)));
	}
	strato_submit(sc);
	return 0;
}

/* eventfd/eventfd2: res, initval, flags (raw) */
__noinline int strato_eventfd_x(struct strato_args *a, int two)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_EVENTFD_X, 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, STRATO_A(0));
	strato_push_u32(sc, two ? (__u32)STRATO_A(1) : 0);
	strato_submit(sc);
	return 0;
}

/* splice: res, fd_in, fd_out, size, flags (SPLICE_F_* == PPM_SPLICE_F_*) */
__noinline int strato_splice_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_SPLICE_X, 5);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_u64(sc, (__s64)(int)STRATO_A(2));
	strato_push_u64(sc, STRATO_A(4));
	strato_push_u32(sc, (__u32)STRATO_A(5) & 0xf);
	strato_submit(sc);
	return 0;
}

/* sendfile: res, offset (after the call), out_fd, in_fd, size */
__noinline int strato_sendfile_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_SENDFILE_X, 5);
	__u64 off = 0;

	if (!sc)
		return 0;
	if (STRATO_A(2))
		bpf_probe_read_user(&off, sizeof(off), (void *)STRATO_A(2));
	strato_push_u64(sc, ret);
	strato_push_u64(sc, off);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_u64(sc, (__s64)(int)STRATO_A(1));
	strato_push_u64(sc, STRATO_A(3));
	strato_submit(sc);
	return 0;
}

static __always_inline __u8 strato_fcntl_cmd(__u64 c)
{
	switch (c) {
	case 0: return 1;    /* F_DUPFD */
	case 1: return 2;    /* F_GETFD */
	case 2: return 3;    /* F_SETFD */
	case 3: return 4;    /* F_GETFL */
	case 4: return 5;    /* F_SETFL */
	case 5: return 6;    /* F_GETLK */
	case 6: return 8;    /* F_SETLK */
	case 7: return 9;    /* F_SETLKW */
	case 8: return 10;   /* F_SETOWN */
	case 9: return 12;   /* F_GETOWN */
	case 10: return 13;  /* F_SETSIG */
	case 11: return 15;  /* F_GETSIG */
	case 15: return 21;  /* F_SETOWN_EX */
	case 16: return 22;  /* F_GETOWN_EX */
	case 36: return 30;  /* F_OFD_GETLK */
	case 37: return 31;  /* F_OFD_SETLK */
	case 38: return 32;  /* F_OFD_SETLKW */
	case 1024: return 23; /* F_SETLEASE */
	case 1025: return 24; /* F_GETLEASE */
	case 1026: return 27; /* F_NOTIFY */
	case 1029: return 25; /* F_CANCELLK */
	case 1030: return 26; /* F_DUPFD_CLOEXEC */
	case 1031: return 28; /* F_SETPIPE_SZ */
	case 1032: return 29; /* F_GETPIPE_SZ */
	default: return 0;
	}
}

/* fcntl: res, fd, cmd (PPM_FCNTL_*), arg */
__noinline int strato_fcntl_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_FCNTL_X, 4);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_u8(sc, strato_fcntl_cmd(STRATO_A(1)));
	strato_push_u64(sc, STRATO_A(2));
	strato_submit(sc);
	return 0;
}

/* mount: res, dev, dir, type, flags (MS_* == PPM_MS_*, without the old
 * magic number in the high half) */
__noinline int strato_mount_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_MOUNT_X, 5);
	__u32 flags = (__u32)STRATO_A(3);

	if (!sc)
		return 0;
	if ((flags & 0xffff0000) == 0xC0ED0000)
		flags &= 0xffff;
	strato_push_u64(sc, ret);
	strato_push_user_str(sc, (void *)STRATO_A(0), STRATO_PATH_MAX);
	strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
	strato_push_user_str(sc, (void *)STRATO_A(2), 256);
	strato_push_u32(sc, flags);
	strato_submit(sc);
	return 0;
}

static __always_inline __u16 strato_poll_flags(__u16 e)
{
	__u16 r = 0;

	if (e & 0x001) r |= 1 << 0;  /* POLLIN */
	if (e & 0x002) r |= 1 << 1;  /* POLLPRI */
	if (e & 0x004) r |= 1 << 2;  /* POLLOUT */
	if (e & 0x2000) r |= 1 << 3; /* POLLRDHUP */
	if (e & 0x008) r |= 1 << 4;  /* POLLERR */
	if (e & 0x010) r |= 1 << 5;  /* POLLHUP */
	if (e & 0x020) r |= 1 << 6;  /* POLLNVAL */
	if (e & 0x040) r |= 1 << 7;  /* POLLRDNORM */
	if (e & 0x080) r |= 1 << 8;  /* POLLRDBAND */
	if (e & 0x100) r |= 1 << 9;  /* POLLWRNORM */
	if (e & 0x200) r |= 1 << 10; /* POLLWRBAND */
	return r;
}

/* FDLIST of a pollfd array (at most 16 entries): u16 count, then per fd
 * i64 fd and i16 flags: the returned events when the call returned some,
 * else the requested ones. */
static __always_inline void strato_push_fdlist(struct strato_scratch *sc, const struct pollfd *ufds, __u64 nfds,
						long ret)
{
	__u32 off = sc->off;
	__u16 n = 0;

	for (int i = 0; i < 16 && i < nfds; i++) {
		struct pollfd p;
		__s64 fd;
		__u16 fl;

		if (bpf_probe_read_user(&p, sizeof(p), &ufds[i]))
			break;
		fd = p.fd;
		fl = strato_poll_flags(ret > 0 ? p.revents : p.events);
		__builtin_memcpy(&sc->buf[(off + 2 + n * 10) & STRATO_HALF_MASK], &fd, 8);
		__builtin_memcpy(&sc->buf[(off + 10 + n * 10) & STRATO_HALF_MASK], &fl, 2);
		n++;
	}
	__builtin_memcpy(&sc->buf[off & STRATO_HALF_MASK], &n, 2);
	strato_set_len(sc, 2 + n * 10);
}

/* poll: res, fds, timeout (ms); ppoll: res, fds, timeout (ns), sigmask */
__noinline int strato_poll_x(struct strato_args *a, int p)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(p ? STRATO_E_PPOLL_X : STRATO_E_POLL_X, p ? 4 : 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_fdlist(sc, (const struct pollfd *)STRATO_A(0), STRATO_A(1), ret);
	if (p) {
		struct { __s64 sec, nsec; } ts = { -1, 0 };
		__u64 mask = 0;

		if (STRATO_A(2))
			bpf_probe_read_user(&ts, sizeof(ts), (void *)STRATO_A(2));
		if (STRATO_A(3))
			bpf_probe_read_user(&mask, sizeof(mask), (void *)STRATO_A(3));
		strato_push_u64(sc, ts.sec < 0 ? (__u64)-1 : (__u64)ts.sec * 1000000000ULL + (__u64)ts.nsec);
		strato_push_u32(sc, (__u32)mask);
	} else {
		strato_push_u64(sc, (__s64)(int)STRATO_A(2));
	}
	strato_submit(sc);
	return 0;
}

/* epoll_wait: res, maxevents; select: res */
__noinline int strato_wait_x(struct strato_args *a, int epoll)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(epoll ? STRATO_E_EPOLLWAIT_X : STRATO_E_SELECT_X, epoll ? 2 : 1);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	if (epoll)
		strato_push_u64(sc, (__s64)(int)STRATO_A(2));
	strato_submit(sc);
	return 0;
}

/* Linux PTRACE_* requests to PPM_PTRACE_* (0: unknown). */
static __always_inline __u16 strato_ptrace_req(__u64 r)
{
	switch (r) {
	case 0: return 1;   /* TRACEME */
	case 1: return 2;   /* PEEKTEXT */
	case 2: return 3;   /* PEEKDATA */
	case 3: return 4;   /* PEEKUSR */
	case 4: return 5;   /* POKETEXT */
	case 5: return 6;   /* POKEDATA */
	case 6: return 7;   /* POKEUSR */
	case 7: return 8;   /* CONT */
	case 8: return 9;   /* KILL */
	case 9: return 10;  /* SINGLESTEP */
	case 12: return 26; /* GETREGS */
	case 13: return 27; /* SETREGS */
	case 14: return 28; /* GETFPREGS */
	case 15: return 29; /* SETFPREGS */
	case 16: return 11; /* ATTACH */
	case 17: return 12; /* DETACH */
	case 18: return 30; /* GETFPXREGS */
	case 19: return 31; /* SETFPXREGS */
	case 21: return 32; /* OLDSETOPTIONS */
	case 24: return 13; /* SYSCALL */
	case 25: return 33; /* GET_THREAD_AREA */
	case 26: return 34; /* SET_THREAD_AREA */
	case 30: return 35; /* ARCH_PRCTL */
	case 31: return 36; /* SYSEMU */
	case 32: return 37; /* SYSEMU_SINGLESTEP */
	case 33: return 38; /* SINGLEBLOCK */
	case 0x4200: return 14; /* SETOPTIONS */
	case 0x4201: return 15; /* GETEVENTMSG */
	case 0x4202: return 16; /* GETSIGINFO */
	case 0x4203: return 17; /* SETSIGINFO */
	case 0x4204: return 18; /* GETREGSET */
	case 0x4205: return 19; /* SETREGSET */
	case 0x4206: return 20; /* SEIZE */
	case 0x4207: return 21; /* INTERRUPT */
	case 0x4208: return 22; /* LISTEN */
	case 0x4209: return 23; /* PEEKSIGINFO */
	case 0x420a: return 24; /* GETSIGMASK */
	case 0x420b: return 25; /* SETSIGMASK */
	default: return 0;
	}
}

/* ptrace: res, addr (DYN), data (DYN), request, pid. DYN index 0 is a
 * UINT64, 1 a SIGTYPE: data is the peeked word for PEEK* requests, the
 * signal for resuming ones, else the raw argument; both are 0 on failure. */
__noinline int strato_ptrace_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_PTRACE_X, 5);
	__u16 req = strato_ptrace_req(STRATO_A(0));
	__u64 v = 0;
	__u32 off;

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	off = sc->off;
	sc->buf[off & STRATO_HALF_MASK] = 0;
	v = ret < 0 ? 0 : STRATO_A(2);
	__builtin_memcpy(&sc->buf[(off + 1) & STRATO_HALF_MASK], &v, 8);
	strato_set_len(sc, 9);
	off = sc->off;
	v = 0;
	if (ret >= 0 && (req == 8 || req == 10 || req == 12 || req == 13)) {
		sc->buf[off & STRATO_HALF_MASK] = 1;
		sc->buf[(off + 1) & STRATO_HALF_MASK] = (__u8)STRATO_A(3);
		strato_set_len(sc, 2);
	} else {
		if (ret >= 0 && req >= 2 && req <= 4)
			bpf_probe_read_user(&v, sizeof(v), (void *)STRATO_A(3));
		else if (ret >= 0)
			v = STRATO_A(3);
		sc->buf[off & STRATO_HALF_MASK] = 0;
		__builtin_memcpy(&sc->buf[(off + 1) & STRATO_HALF_MASK], &v, 8);
		strato_set_len(sc, 9);
	}
	strato_push_u16(sc, req);
	strato_push_u64(sc, (__s64)(int)STRATO_A(1));
	strato_submit(sc);
	return 0;
}

/* ---- bpf, memfd, prctl, capabilities, kernel modules ---- */

/* bpf: fd (the result: a new fd or -errno), cmd (bpf_cmd == PPM_BPF_*) */
__noinline int strato_bpf_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_BPF_2_X, 2);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u32(sc, (__u32)STRATO_A(0));
	strato_submit(sc);
	return 0;
}

/* memfd_create: fd, name (at most 249 bytes + NUL), flags (MFD_CLOEXEC,
 * MFD_ALLOW_SEALING, MFD_HUGETLB == PPM_MFD_*) */
__noinline int strato_memfd_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_MEMFD_CREATE_X, 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_user_str(sc, (void *)STRATO_A(0), 256);
	strato_push_u32(sc, (__u32)STRATO_A(1) & 7);
	strato_submit(sc);
	return 0;
}

#define STRATO_PR_SET_NAME 15
#define STRATO_PR_GET_NAME 16
#define STRATO_PR_GET_CHILD_SUBREAPER 37

/* prctl: res, option (PR_* == PPM_PR_*), arg2_str (the name of
 * PR_SET_NAME/PR_GET_NAME), arg2_int (arg2, or the value stored by
 * PR_GET_CHILD_SUBREAPER) */
__noinline int strato_prctl_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_PRCTL_X, 4);
	__u32 opt = (__u32)STRATO_A(0);
	__s64 arg2 = (__s64)STRATO_A(1);
	int v = 0;

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u32(sc, opt);
	if (opt == STRATO_PR_SET_NAME || opt == STRATO_PR_GET_NAME) {
		strato_push_user_str(sc, (void *)arg2, 16); /* TASK_COMM_LEN */
		arg2 = 0;
	} else {
		strato_push_null_str(sc);
		if (opt == STRATO_PR_GET_CHILD_SUBREAPER) {
			if (ret == 0)
				bpf_probe_read_user(&v, sizeof(v), (void *)arg2);
			arg2 = v;
		}
	}
	strato_push_u64(sc, arg2);
	strato_submit(sc);
	return 0;
}

/* capset: res and the thread's capability sets after the call */
__noinline int strato_capset_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_CAPSET_X, 4);
	const struct cred *cr = BPF_CORE_READ(strato_task(), cred);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, strato_caps((kernel_cap_t *)&cr->cap_inheritable));
	strato_push_u64(sc, strato_caps((kernel_cap_t *)&cr->cap_permitted));
	strato_push_u64(sc, strato_caps((kernel_cap_t *)&cr->cap_effective));
	strato_submit(sc);
	return 0;
}

/* init_module: res, img (the first snaplen bytes), length, uargs;
 * finit_module: res, fd, uargs, flags (MODULE_INIT_* == PPM_*);
 * delete_module: res, name, flags (O_TRUNC -> 1, O_NONBLOCK -> 2) */
__noinline int strato_module_x(struct strato_args *a, int kind)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(kind == STRATO_K_INIT_MODULE ? STRATO_E_INIT_MODULE_X :
						 kind == STRATO_K_FINIT_MODULE ? STRATO_E_FINIT_MODULE_X :
										 STRATO_E_DELETE_MODULE_X,
						 kind == STRATO_K_DELETE_MODULE ? 3 : 4);
	__u64 len = STRATO_A(1), snap = strato_snaplen();

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	if (kind == STRATO_K_INIT_MODULE) {
		strato_push_user_bytes(sc, (void *)STRATO_A(0), len < snap ? len : snap);
		strato_push_u64(sc, len);
		strato_push_user_str(sc, (void *)STRATO_A(2), STRATO_PATH_MAX);
	} else if (kind == STRATO_K_FINIT_MODULE) {
		strato_push_u64(sc, (__s64)(int)STRATO_A(0));
		strato_push_user_str(sc, (void *)STRATO_A(1), STRATO_PATH_MAX);
		strato_push_u32(sc, (__u32)STRATO_A(2) & 7);
	} else {
		strato_push_user_str(sc, (void *)STRATO_A(0), 64); /* MODULE_NAME_LEN */
		strato_push_u32(sc, ((len & 01000) ? 1 : 0) | ((len & 04000) ? 2 : 0));
	}
	strato_submit(sc);
	return 0;
}

/* ---- network ---- */

__noinline int strato_socket_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_SOCKET_X, 5);
	__u32 type = (__u32)STRATO_A(1);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u32(sc, (__u32)STRATO_A(0)); /* PPM_AF_* == AF_* */
	strato_push_u32(sc, type & 0xf);
	strato_push_u32(sc, (__u32)STRATO_A(2));
	strato_push_u32(sc, strato_sock_flags(type));
	strato_submit(sc);
	return 0;
}

__noinline int strato_socketpair_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_SOCKETPAIR_X, 8);
	int fds[2] = { -1, -1 };
	struct sock *sk = NULL;
	__u64 peer = 0;

	if (!sc)
		return 0;
	if (ret == 0)
		bpf_probe_read_user(fds, sizeof(fds), (void *)STRATO_A(3));
	if (ret == 0)
		sk = strato_fd_sock(fds[0]);
	if (sk && BPF_CORE_READ(sk, __sk_common.skc_family) == 1)
		peer = (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
	strato_push_u64(sc, ret);
	strato_push_u64(sc, fds[0]);
	strato_push_u64(sc, fds[1]);
	strato_push_u64(sc, (__u64)sk);
	strato_push_u64(sc, peer);
	strato_push_u32(sc, (__u32)STRATO_A(0));
	strato_push_u32(sc, (__u32)STRATO_A(1) & 0xf);
	strato_push_u32(sc, (__u32)STRATO_A(2));
	strato_submit(sc);
	return 0;
}

__noinline int strato_connect_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_CONNECT_X, 4);
	struct strato_enter_path *ep;
	long fd = (int)STRATO_A(0);
	const void *ua = (void *)STRATO_A(1);
	__u32 alen = (__u32)STRATO_A(2);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	/* The tuple needs a connection or a pending one (non-blocking). */
	if (ret == 0 || ret == -115 /* EINPROGRESS */)
		strato_push_socktuple(sc, strato_fd_sock(fd), 0, ua, alen);
	else
		strato_push_empty(sc);
	strato_push_u64(sc, fd);
	ep = a ? strato_enter_copy((__u32)a->nr) : NULL;
	if (ep)
		strato_push_sockaddr(sc, ep->path, ep->len, 1);
	else
		strato_push_user_sockaddr(sc, ua, alen);
	strato_submit(sc);
	if (ep)
		strato_enter_done();
	return 0;
}

__noinline int strato_accept_x(struct strato_args *a, int four)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(four ? STRATO_E_ACCEPT4_5_X : STRATO_E_ACCEPT_5_X, 5);
	struct sock *lsk = strato_fd_sock((int)STRATO_A(0));
	__u32 qlen = 0, qmax = 0;

	if (!sc)
		return 0;
	if (lsk) {
		qlen = BPF_CORE_READ(lsk, sk_ack_backlog);
		qmax = BPF_CORE_READ(lsk, sk_max_ack_backlog);
	}
	strato_push_u64(sc, ret);
	if (ret >= 0)
		strato_push_socktuple(sc, strato_fd_sock(ret), 1, NULL, 0);
	else
		strato_push_empty(sc);
	strato_push_u8(sc, qmax ? (__u8)(qlen * 100 / qmax) : 0);
	strato_push_u32(sc, qlen);
	strato_push_u32(sc, qmax);
	strato_submit(sc);
	return 0;
}

__noinline int strato_bind_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_BIND_X, 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_user_sockaddr(sc, (void *)STRATO_A(1), (__u32)STRATO_A(2));
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_submit(sc);
	return 0;
}

__noinline int strato_listen_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_LISTEN_X, 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_u32(sc, (__u32)STRATO_A(1));
	strato_submit(sc);
	return 0;
}

__noinline int strato_shutdown_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_SHUTDOWN_X, 3);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_u64(sc, (__s64)(int)STRATO_A(0));
	strato_push_u8(sc, (__u8)STRATO_A(1)); /* SHUT_* == PPM_SHUT_* */
	strato_submit(sc);
	return 0;
}

/* sendto: res, data, fd, size, tuple */
__noinline int strato_sendto_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_SENDTO_X, 5);
	long fd = (int)STRATO_A(0);

	if (!sc)
		return 0;
	strato_push_u64(sc, ret);
	strato_push_data(sc, (void *)STRATO_A(1), ret);
	strato_push_u64(sc, fd);
	strato_push_u32(sc, (__u32)STRATO_A(2));
	strato_push_socktuple(sc, strato_fd_sock(fd), 0, (void *)STRATO_A(4), (__u32)STRATO_A(5));
	strato_submit(sc);
	return 0;
}

/* recvfrom: res, data, tuple, fd, size */
__noinline int strato_recvfrom_x(struct strato_args *a)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(STRATO_E_RECVFROM_X, 5);
	long fd = (int)STRATO_A(0);
	int alen = 0;
	void *alenp = (void *)STRATO_A(5);

	if (!sc)
		return 0;
	if (alenp)
		bpf_probe_read_user(&alen, sizeof(alen), alenp);
	strato_push_u64(sc, ret);
	strato_push_data(sc, (void *)STRATO_A(1), ret);
	if (ret >= 0)
		strato_push_socktuple(sc, strato_fd_sock(fd), 1, (void *)STRATO_A(4), (__u32)alen);
	else
		strato_push_empty(sc);
	strato_push_u64(sc, fd);
	strato_push_u32(sc, (__u32)STRATO_A(2));
	strato_submit(sc);
	return 0;
}

/* sendmsg: res, data, fd, size, tuple; recvmsg: res, size, data, tuple,
 * msgcontrol, fd */
__noinline int strato_msg_x(struct strato_args *a, int recv)
{
	long ret = a ? a->ret : 0;
	struct strato_scratch *sc = strato_begin(recv ? STRATO_E_RECVMSG_X : STRATO_E_SENDMSG_X, recv ? 6 : 5);
	long fd = (int)STRATO_A(0);
	struct user_msghdr mh = {};
	__u32 size;

	if (!sc)
		return 0;
	bpf_probe_read_user(&mh, sizeof(mh), (void *)STRATO_A(1));
	size = (__u32)strato_iov_total(mh.msg_iov, mh.msg_iovlen);
	strato_push_u64(sc, ret);
	if (recv)
		strato_push_u32(sc, size);
	strato_push_iov_data(sc, mh.msg_iov, mh.msg_iovlen, ret);
	if (!recv) {
		strato_push_u64(sc, fd);
		strato_push_u32(sc, size);
	}
	if (!recv || ret >= 0)
		strato_push_socktuple(sc, strato_fd_sock(fd), recv, mh.msg_name, mh.msg_namelen);
	else
		strato_push_empty(sc);
	if (recv) {
		__u64 cl = ret >= 0 ? mh.msg_controllen : 0;

		strato_push_user_bytes(sc, mh.msg_control, cl > 256 ? 256 : cl);
		strato_push_u64(sc, fd);
	}
	strato_submit(sc);
	return 0;
}

/* Generic events have a fixed size: they are written straight into the
 * ring (no scratch copy, no lock) unless losses of this CPU are waiting
 * for their gap marker, which the general path emits first. */
struct strato_generic_evt {
	__u64 ts, tid;
	__u32 len;
	__u16 type;
	__u32 nparams;
	__u16 l0, l1;
	__u16 id, native;
} __attribute__((packed, aligned(8))); /* ring records start 8-aligned: word stores */

#define STRATO_GENERIC_LEN 34 /* the packed size, without the alignment padding */
_Static_assert(__builtin_offsetof(struct strato_generic_evt, native) + 2 == STRATO_GENERIC_LEN, "generic event size");

static __always_inline void strato_generic_x(struct strato_probe_config *cfg, long nr, __u32 val)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct strato_scratch *sc = bpf_map_lookup_elem(&strato_scratch_map, &cpu);
	struct strato_generic_evt *e;
	void *rb;

	if (!sc)
		return;
	if (sc->lost[STRATO_DROP_BUFFER] || sc->lost[STRATO_DROP_OTHER] || !cfg->nrings) {
		sc = strato_begin(STRATO_E_GENERIC_X, 2);
		if (!sc)
			return;
		strato_push_u16(sc, (__u16)(val >> 16));
		strato_push_u16(sc, (__u16)nr);
		strato_submit(sc);
		return;
	}
	rb = bpf_map_lookup_elem(&strato_rings, &cpu);
	if (!rb)
		return;
	e = bpf_ringbuf_reserve(rb, STRATO_GENERIC_LEN, 0);
	if (!e) {
		strato_count_drop(STRATO_DROP_BUFFER);
		__sync_fetch_and_add(&sc->lost[STRATO_DROP_BUFFER], 1);
		return;
	}
	e->ts = bpf_ktime_get_boot_ns() + cfg->boot_to_epoch_ns;
	e->tid = (__u32)bpf_get_current_pid_tgid();
	e->len = STRATO_GENERIC_LEN;
	e->type = STRATO_E_GENERIC_X;
	e->nparams = 2;
	e->l0 = 2;
	e->l1 = 2;
	e->id = (__u16)(val >> 16);
	e->native = (__u16)nr;
	bpf_ringbuf_submit(e, cfg->wakeup ? 0 : BPF_RB_NO_WAKEUP);
}

/* ---- programs ---- */

static __always_inline int strato_id_listed(const __u32 *ids, __u32 n, __u32 id)
{
	for (int i = 0; i < STRATO_PF_IDS; i++)
		if (i < n && ids[i] == id)
			return 1;
	return 0;
}

/* Records the parent the state will hold for process `p` (at fork and exec). */
static __always_inline void strato_note_parent(struct strato_probe_config *cfg, struct task_struct *p)
{
	if (cfg->note_ppids)
		strato_bit_put(strato_ppid_bits, BPF_CORE_READ(p, tgid),
			       strato_id_listed(cfg->ppids, cfg->nppids, BPF_CORE_READ(p, real_parent, tgid)));
}

/* Why a thread is in strato_keep (a bit each): an execve event tells the
 * state both its comm and its euid, a PR_SET_NAME only the comm. */
#define STRATO_KEEP_NAME 1
#define STRATO_KEEP_UID 2

/* Notes a change the state cannot see; `t` is the thread, its comm still
 * the old one when `why` is STRATO_KEEP_NAME. */
static __always_inline void strato_keep_thread(struct task_struct *t, __u32 why)
{
	__u32 tid = t->pid;
	struct strato_kept *old = bpf_map_lookup_elem(&strato_keep, &tid), v = {};

	if (old)
		v = *old;
	if ((why & STRATO_KEEP_NAME) && !(v.why & STRATO_KEEP_NAME))
		__builtin_memcpy(v.comm, (const char *)(const __u64[2]){((const __u64 *)t->comm)[0],
									((const __u64 *)t->comm)[1]},
				 sizeof(v.comm));
	v.why |= why;
	if (bpf_map_update_elem(&strato_keep, &tid, &v, BPF_ANY))
		strato_keep_full = 1;
	else if (!old)
		__sync_fetch_and_add(&strato_nkeep, 1);
}

/* The state has learnt what `why` was about: the thread may leave. */
static __always_inline void strato_unkeep_thread(__u32 tid, __u32 why)
{
	struct strato_kept *old = bpf_map_lookup_elem(&strato_keep, &tid), v;

	if (!old)
		return;
	v = *old;
	v.why &= ~why;
	if (v.why)
		bpf_map_update_elem(&strato_keep, &tid, &v, BPF_ANY);
	else
		bpf_map_delete_elem(&strato_keep, &tid);
}

/* Whether `comm` (16 bytes) is one of cfg->names, compared as two words. */
static __always_inline int strato_comm_listed(struct strato_probe_config *cfg, const char *comm)
{
	__u64 c0 = ((const __u64 *)comm)[0], c1 = ((const __u64 *)comm)[1];

	for (int i = 0; i < STRATO_PF_NAMES; i++) {
		const __u64 *n = (const __u64 *)cfg->names[i];

		if (i < cfg->nnames && n[0] == c0 && n[1] == c1)
			return 1;
	}
	return 0;
}

/* Whether the container check drops the thread's events (see strato_outside). */
static __always_inline int strato_outside_container(__u32 tid)
{
	__u64 *out, *ts;

	if (!strato_bit_test(strato_outside_bits, tid))
		return 0;
	out = bpf_map_lookup_elem(&strato_outside, &tid);
	if (!out || strato_identity_full)
		return 0;
	ts = bpf_map_lookup_elem(&strato_identity_ts, &tid);
	return *out == (ts ? *ts : 0);
}

/* Records the time of the clone or execve event just sent for this thread,
 * for the container check; always, so that a check set later knows
 * whether the state has caught up with the thread. */
static __always_inline void strato_note_identity(__u32 tid)
{
	struct strato_scratch *sc = strato_this_scratch();
	__u64 ts;

	if (!sc)
		return;
	__builtin_memcpy(&ts, &sc->buf[0], sizeof(ts)); /* the event's header */
	if (bpf_map_update_elem(&strato_identity_ts, &tid, &ts, BPF_ANY))
		strato_identity_full = 1;
}

/* The process checks pushed by a filter (thread id, container, parent,
 * name, uid). */
static __always_inline int strato_proc_match(struct strato_probe_config *cfg, __u64 pt)
{
	__u32 tid = (__u32)pt;

	if (cfg->ntids && !strato_id_listed(cfg->tids, cfg->ntids, tid))
		return 0;
	if (cfg->containers && strato_outside_container(tid))
		return 0;
	if (cfg->nppids && !strato_bit_test(strato_ppid_bits, pt >> 32))
		return 0;
	/* Direct loads through the task's BTF pointer: a helper call
	 * (bpf_get_current_comm, bpf_probe_read_kernel) cost 60-110 ns more
	 * per event in bench/live-bench.sh. */
	if (cfg->nnames && !strato_comm_listed(cfg, strato_task()->comm)) {
		struct strato_kept *k = strato_nkeep ? bpf_map_lookup_elem(&strato_keep, &tid) : NULL;

		if (!strato_keep_full && !(k && (k->why & STRATO_KEEP_NAME) && strato_comm_listed(cfg, k->comm)))
			return 0;
	}
	if (cfg->nuids && !strato_id_listed(cfg->uids, cfg->nuids, strato_task()->cred->euid.val)) {
		struct strato_kept *k = strato_nkeep ? bpf_map_lookup_elem(&strato_keep, &tid) : NULL;

		if (!strato_keep_full && !(k && (k->why & STRATO_KEEP_UID)))
			return 0;
	}
	return 1;
}

/* Whether the current thread passes the process filters, for an event of
 * a syscall whose interesting-table entry is `val`. */
static __always_inline int strato_task_wanted(struct strato_probe_config *cfg, __u64 pt, __u32 val)
{
	__u32 tgid = pt >> 32;

	if (cfg->self_tgid && tgid == cfg->self_tgid)
		return 0;
	if (cfg->filter_tgids && !strato_bit_test(strato_tgid_bits, tgid))
		return 0;
	if (val & STRATO_IDENTITY || !(cfg->ntids | cfg->nnames | cfg->nuids | cfg->nppids | cfg->containers))
		return 1;
	return strato_proc_match(cfg, pt);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(strato_sys_enter, struct pt_regs *regs, long id)
{
	struct strato_probe_config *cfg;
	struct strato_enter_path *ep;
	__u64 pt;
	__u32 key = (__u32)id, zero = 0, tid, *val, kind;
	const void *uptr;

	if (id < 0 || id >= STRATO_SYSCALL_MAX)
		return 0;
	val = &strato_interesting[key];
	if (!(*val & STRATO_NEEDS_ENTER))
		return 0;
	cfg = strato_cfg();
	pt = bpf_get_current_pid_tgid();
	tid = (__u32)pt;
	if (!cfg || !strato_task_wanted(cfg, pt, *val))
		return 0;
	ep = bpf_map_lookup_elem(&strato_enter_tmp, &zero);
	if (!ep)
		return 0;
	kind = *val & 0xff;
	ep->nr = key;
	if (kind == STRATO_K_CONNECT) {
		__u32 alen = (__u32)strato_arg(regs, 2);

		if (alen > 128)
			alen = 128;
		if (alen < 2 || bpf_probe_read_user(ep->path, alen & 127, (void *)strato_arg(regs, 1)))
			goto none;
		ep->len = alen;
	} else {
		long n;

		uptr = (void *)strato_arg(regs, kind == STRATO_K_OPENAT || kind == STRATO_K_OPENAT2 ? 1 : 0);
		n = bpf_probe_read_user_str(ep->path, sizeof(ep->path), uptr);
		if (n <= 0)
			goto none; /* not mapped in yet: the exit reads it */
		ep->len = (__u32)n;
	}
	bpf_map_update_elem(&strato_enter_paths, &tid, ep, BPF_ANY);
	return 0;
none:
	/* No copy: an older one of this thread (whose exit was filtered out,
	 * e.g. by drop_failed) must not stand in for this call's. */
	bpf_map_delete_elem(&strato_enter_paths, &tid);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(strato_sys_exit, struct pt_regs *regs, long ret)
{
	long nr = strato_syscall_nr(regs);
	struct strato_probe_config *cfg;
	__u32 key = (__u32)nr, *val, kind;
	struct strato_args a;

	if (nr < 0 || nr >= STRATO_SYSCALL_MAX)
		return 0;
	val = &strato_interesting[key];
	if (!*val)
		return 0;
	cfg = strato_cfg();
	if (!cfg)
		return 0;
	if ((*val & STRATO_HIDDEN_EUID) && ret == 0)
		strato_keep_thread(strato_task(), STRATO_KEEP_UID);
	kind = *val & 0xff;
	if (!kind || !strato_task_wanted(cfg, bpf_get_current_pid_tgid(), *val))
		return 0;
	if (cfg->drop_failed && ret < 0)
		return 0;
#if defined(__TARGET_ARCH_x86)
	/* 32-bit (ia32) syscalls have other numbers: the table would name them
	 * wrongly, so they are not captured. */
	if (strato_task()->thread_info.status & 0x0002 /* TS_COMPAT */)
		return 0;
#endif
	/* the state learns this thread's new comm (and euid) from this event */
	if (strato_nkeep && ret == 0) {
		if (kind == STRATO_K_EXECVE || kind == STRATO_K_EXECVEAT)
			strato_unkeep_thread((__u32)bpf_get_current_pid_tgid(), STRATO_KEEP_NAME | STRATO_KEEP_UID);
		else if (kind == STRATO_K_PRCTL && strato_arg(regs, 0) == 15 /* PR_SET_NAME */)
			strato_unkeep_thread((__u32)bpf_get_current_pid_tgid(), STRATO_KEEP_NAME);
	}
	if (kind == STRATO_K_GENERIC) {
		strato_generic_x(cfg, nr, *val); /* needs no argument */
		return 0;
	}
	for (int i = 0; i < 6; i++)
		a.a[i] = strato_arg(regs, i);
	a.ret = ret;
	a.nr = nr;
	switch (kind) {
	case STRATO_K_OPEN: strato_open_x(&a); break;
	case STRATO_K_OPENAT: strato_openat_x(&a); break;
	case STRATO_K_OPENAT2: strato_openat2_x(&a); break;
	case STRATO_K_CREAT: strato_creat_x(&a); break;
	case STRATO_K_CLOSE: strato_close_x(&a); break;
	case STRATO_K_READ: strato_rw_x(&a, STRATO_E_READ_X, 0); break;
	case STRATO_K_WRITE: strato_rw_x(&a, STRATO_E_WRITE_X, 0); break;
	case STRATO_K_PREAD: strato_rw_x(&a, STRATO_E_PREAD_X, 1); break;
	case STRATO_K_PWRITE: strato_rw_x(&a, STRATO_E_PWRITE_X, 1); break;
	case STRATO_K_READV: strato_rwv_x(&a, STRATO_E_READV_X, 1, 0); break;
	case STRATO_K_WRITEV: strato_rwv_x(&a, STRATO_E_WRITEV_X, 0, 0); break;
	case STRATO_K_PREADV: strato_rwv_x(&a, STRATO_E_PREADV_X, 1, 1); break;
	case STRATO_K_PWRITEV: strato_rwv_x(&a, STRATO_E_PWRITEV_X, 0, 1); break;
	case STRATO_K_SOCKET: strato_socket_x(&a); break;
	case STRATO_K_SOCKETPAIR: strato_socketpair_x(&a); break;
	case STRATO_K_CONNECT: strato_connect_x(&a); break;
	case STRATO_K_ACCEPT: strato_accept_x(&a, 0); break;
	case STRATO_K_ACCEPT4: strato_accept_x(&a, 1); break;
	case STRATO_K_BIND: strato_bind_x(&a); break;
	case STRATO_K_LISTEN: strato_listen_x(&a); break;
	case STRATO_K_SENDTO: strato_sendto_x(&a); break;
	case STRATO_K_RECVFROM: strato_recvfrom_x(&a); break;
	case STRATO_K_SENDMSG: strato_msg_x(&a, 0); break;
	case STRATO_K_RECVMSG: strato_msg_x(&a, 1); break;
	case STRATO_K_SHUTDOWN: strato_shutdown_x(&a); break;
	case STRATO_K_EXECVE: strato_execve_x(&a, 0); break;
	case STRATO_K_EXECVEAT: strato_execve_x(&a, 1); break;
	case STRATO_K_CLONE: strato_clone_x(&a, STRATO_E_CLONE_20_X, kind); break;
	case STRATO_K_CLONE3: strato_clone_x(&a, STRATO_E_CLONE3_X, kind); break;
	case STRATO_K_FORK: strato_clone_x(&a, STRATO_E_FORK_20_X, kind); break;
	case STRATO_K_VFORK: strato_clone_x(&a, STRATO_E_VFORK_20_X, kind); break;
	case STRATO_K_KILL:
	case STRATO_K_TKILL:
	case STRATO_K_TGKILL: strato_kill_x(&a, kind); break;
	case STRATO_K_UNLINK: strato_res_path_x(&a, STRATO_E_UNLINK_2_X); break;
	case STRATO_K_RMDIR: strato_res_path_x(&a, STRATO_E_RMDIR_2_X); break;
	case STRATO_K_UNLINKAT: strato_unlinkat_x(&a); break;
	case STRATO_K_RENAME: strato_rename_x(&a); break;
	case STRATO_K_RENAMEAT: strato_renameat_x(&a, 0); break;
	case STRATO_K_RENAMEAT2: strato_renameat_x(&a, 1); break;
	case STRATO_K_MKDIR: strato_mkdir_x(&a); break;
	case STRATO_K_MKDIRAT: strato_mkdirat_x(&a); break;
	case STRATO_K_PIPE: strato_pipe_x(&a, 0); break;
	case STRATO_K_PIPE2: strato_pipe_x(&a, 1); break;
	case STRATO_K_DUP:
	case STRATO_K_DUP2:
	case STRATO_K_DUP3: strato_dup_x(&a, kind); break;
	case STRATO_K_CHDIR: strato_res_str_x(&a, STRATO_E_CHDIR_X); break;
	case STRATO_K_CHROOT: strato_res_str_x(&a, STRATO_E_CHROOT_X); break;
	case STRATO_K_UMOUNT2: strato_res_str_x(&a, STRATO_E_UMOUNT_X); break;
	case STRATO_K_FCHDIR: strato_res_fd_x(&a, STRATO_E_FCHDIR_X); break;
	case STRATO_K_GETDENTS: strato_res_fd_x(&a, STRATO_E_GETDENTS_X); break;
	case STRATO_K_GETDENTS64: strato_res_fd_x(&a, STRATO_E_GETDENTS64_X); break;
	case STRATO_K_CHMOD:
	case STRATO_K_FCHMOD:
	case STRATO_K_FCHMODAT: strato_chmod_x(&a, kind); break;
	case STRATO_K_LINK: strato_link_x(&a, 0); break;
	case STRATO_K_LINKAT: strato_link_x(&a, 1); break;
	case STRATO_K_SYMLINK: strato_symlink_x(&a, 0); break;
	case STRATO_K_SYMLINKAT: strato_symlink_x(&a, 1); break;
	case STRATO_K_SETUID: strato_setid_x(&a, STRATO_E_SETUID_X, 0); break;
	case STRATO_K_SETGID: strato_setid_x(&a, STRATO_E_SETGID_X, 0); break;
	case STRATO_K_SETRESUID: strato_setid_x(&a, STRATO_E_SETRESUID_X, 1); break;
	case STRATO_K_SETRESGID: strato_setid_x(&a, STRATO_E_SETRESGID_X, 1); break;
	case STRATO_K_IOCTL: strato_ioctl_x(&a); break;
	case STRATO_K_MMAP:
	case STRATO_K_MUNMAP:
	case STRATO_K_MPROTECT: strato_mem_x(&a, kind); break;
	case STRATO_K_EVENTFD: strato_eventfd_x(&a, 0); break;
	case STRATO_K_EVENTFD2: strato_eventfd_x(&a, 1); break;
	case STRATO_K_SPLICE: strato_splice_x(&a); break;
	case STRATO_K_SENDFILE: strato_sendfile_x(&a); break;
	case STRATO_K_FCNTL: strato_fcntl_x(&a); break;
	case STRATO_K_MOUNT: strato_mount_x(&a); break;
	case STRATO_K_POLL: strato_poll_x(&a, 0); break;
	case STRATO_K_PPOLL: strato_poll_x(&a, 1); break;
	case STRATO_K_EPOLL_WAIT: strato_wait_x(&a, 1); break;
	case STRATO_K_SELECT: strato_wait_x(&a, 0); break;
	case STRATO_K_PTRACE: strato_ptrace_x(&a); break;
	case STRATO_K_BPF: strato_bpf_x(&a); break;
	case STRATO_K_MEMFD_CREATE: strato_memfd_x(&a); break;
	case STRATO_K_PRCTL: strato_prctl_x(&a); break;
	case STRATO_K_CAPSET: strato_capset_x(&a); break;
	case STRATO_K_INIT_MODULE:
	case STRATO_K_FINIT_MODULE:
	case STRATO_K_DELETE_MODULE: strato_module_x(&a, kind); break;
	default: strato_generic_x(cfg, nr, *val); break;
	}
	if (ret >= 0 && (kind == STRATO_K_CLONE || kind == STRATO_K_CLONE3 || kind == STRATO_K_FORK ||
			 kind == STRATO_K_VFORK || kind == STRATO_K_EXECVE || kind == STRATO_K_EXECVEAT))
		strato_note_identity((__u32)bpf_get_current_pid_tgid());
	return 0;
}

/* Process exit (PROCEXIT_1_E): one per thread, like the scap drivers. */
SEC("tp_btf/sched_process_exit")
int BPF_PROG(strato_proc_exit, struct task_struct *p)
{
	struct strato_probe_config *cfg = strato_cfg();
	struct strato_scratch *sc;
	__u32 tgid = BPF_CORE_READ(p, tgid);
	__s64 code, reaper = 0;
	struct list_head *kids;

	if (!cfg)
		return 0;
	if (cfg->procexit && strato_task_wanted(cfg, (__u64)tgid << 32 | BPF_CORE_READ(p, pid), STRATO_IDENTITY)) {
		sc = strato_begin_tid(STRATO_E_PROCEXIT_1_E, 5, BPF_CORE_READ(p, pid));
		if (sc) {
			code = BPF_CORE_READ(p, exit_code);
			kids = &p->children;
			/* With children left, they go to the pid namespace's
			 * reaper (subreapers are not resolved). */
			if (BPF_CORE_READ(p, children.next) != kids) {
				struct task_struct *r = BPF_CORE_READ(p, nsproxy, pid_ns_for_children, child_reaper);

				reaper = r ? BPF_CORE_READ(r, pid) : 0;
			}
			strato_push_u64(sc, code);
			strato_push_u64(sc, (code >> 8) & 0xff);
			strato_push_u8(sc, code & 0x7f);
			strato_push_u8(sc, (code & 0x80) != 0);
			strato_push_u64(sc, reaper);
			strato_submit(sc);
		}
	}
	{
		__u32 tid = BPF_CORE_READ(p, pid);

		if (strato_nkeep)
			bpf_map_delete_elem(&strato_keep, &tid);
		bpf_map_delete_elem(&strato_identity_ts, &tid);
	}
	/* The last thread of a followed group leaves the filter. */
	if (cfg->filter_tgids && cfg->follow_children && BPF_CORE_READ(p, signal, live.counter) == 0)
		strato_bit_put(strato_tgid_bits, tgid, 0);
	return 0;
}

/* Children of followed processes join the pid filter; a new process's
 * parent is noted for the parent check. */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(strato_proc_fork, struct task_struct *parent, struct task_struct *child)
{
	struct strato_probe_config *cfg = strato_cfg();
	__u32 ptgid, ctgid;

	if (!cfg)
		return 0;
	ptgid = BPF_CORE_READ(parent, tgid);
	ctgid = BPF_CORE_READ(child, tgid);
	if (ptgid == ctgid)
		return 0; /* a thread: its process's parent stays */
	strato_note_parent(cfg, child);
	if (cfg->filter_tgids && cfg->follow_children && strato_bit_test(strato_tgid_bits, ptgid))
		strato_bit_put(strato_tgid_bits, ctgid, 1);
	return 0;
}

/* execve's event reports the parent again (it may have changed since the
 * fork, by reparenting). */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(strato_proc_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct strato_probe_config *cfg = strato_cfg();

	if (cfg)
		strato_note_parent(cfg, p);
	return 0;
}

/* A comm change the state learns of comes with an execve or prctl event
 * of the thread itself; any other (a write to /proc/PID/comm) leaves the
 * state with the old name, which strato_keep records until the exit of
 * the thread's next execve or prctl(PR_SET_NAME) reaches user space
 * (sys_exit drops it then). Those two rename the thread here first. */
SEC("tp_btf/task_rename")
int BPF_PROG(strato_task_rename, struct task_struct *task, const char *comm)
{
	strato_keep_thread(task, STRATO_KEEP_NAME); /* task->comm: still the old name */
	return 0;
}
