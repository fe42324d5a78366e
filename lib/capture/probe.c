/* lib/capture/probe.c: the live back end. Checks privilege and BTF, loads
 * the embedded probe skeleton (only the programs the options need),
 * configures it from strato_live_opts, attaches it, snapshots /proc, and
 * lends events straight out of the per-CPU ring buffers, oldest first. */
#include "capture/capture.h"
#include "capture/ringbuf.h"
#include "capture/syscalls.h"
#include "capture/proc_snapshot.h"
#include "event/event_table.h"
#include "event/flags.h"
#include "filter/filter.h"
#include "state/state.h"
#include <linux/types.h>
#include "bpf/stratocore_events.h"
#include "capture/stratocore.skel.h"

#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <dirent.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

_Static_assert(STRATO_GAP_EVENT_TYPE == STRATO_EVENT_GAP, "the probe and the event table disagree on the gap type");
_Static_assert(sizeof(((struct strato_fprefilter *)0)->names) == sizeof(((struct strato_probe_config *)0)->names) &&
		       STRATO_FPF_IDS == STRATO_PF_IDS,
	       "the filter's process checks and the probe's config differ in size");
_Static_assert(__builtin_offsetof(struct strato_probe_config, names) % 8 == 0, "the probe compares names by words");

#define STRATO_DEFAULT_RINGBUF (8u << 20)
#define STRATO_DEFAULT_SNAPLEN 80

/* Syscalls the probe decodes with their own event type; every other
 * syscall of lib/capture/syscalls.c is captured as a generic event. */
static const struct strato_syscall_kind {
	const char *name;
	uint8_t kind;
} strato_syscall_kinds[] = {
	{ "open", STRATO_K_OPEN }, { "openat", STRATO_K_OPENAT }, { "openat2", STRATO_K_OPENAT2 },
	{ "creat", STRATO_K_CREAT }, { "close", STRATO_K_CLOSE }, { "read", STRATO_K_READ },
	{ "write", STRATO_K_WRITE }, { "pread64", STRATO_K_PREAD }, { "pwrite64", STRATO_K_PWRITE },
	{ "readv", STRATO_K_READV }, { "writev", STRATO_K_WRITEV }, { "preadv", STRATO_K_PREADV },
	{ "pwritev", STRATO_K_PWRITEV }, { "socket", STRATO_K_SOCKET }, { "socketpair", STRATO_K_SOCKETPAIR },
	{ "connect", STRATO_K_CONNECT }, { "accept", STRATO_K_ACCEPT }, { "accept4", STRATO_K_ACCEPT4 },
	{ "bind", STRATO_K_BIND }, { "listen", STRATO_K_LISTEN }, { "sendto", STRATO_K_SENDTO },
	{ "recvfrom", STRATO_K_RECVFROM }, { "sendmsg", STRATO_K_SENDMSG }, { "recvmsg", STRATO_K_RECVMSG },
	{ "shutdown", STRATO_K_SHUTDOWN }, { "execve", STRATO_K_EXECVE }, { "execveat", STRATO_K_EXECVEAT },
	{ "clone", STRATO_K_CLONE }, { "clone3", STRATO_K_CLONE3 }, { "fork", STRATO_K_FORK },
	{ "vfork", STRATO_K_VFORK }, { "kill", STRATO_K_KILL }, { "tkill", STRATO_K_TKILL },
	{ "tgkill", STRATO_K_TGKILL }, { "unlink", STRATO_K_UNLINK }, { "unlinkat", STRATO_K_UNLINKAT },
	{ "rename", STRATO_K_RENAME }, { "renameat", STRATO_K_RENAMEAT }, { "renameat2", STRATO_K_RENAMEAT2 },
	{ "mkdir", STRATO_K_MKDIR }, { "mkdirat", STRATO_K_MKDIRAT }, { "rmdir", STRATO_K_RMDIR },
	{ "pipe", STRATO_K_PIPE }, { "pipe2", STRATO_K_PIPE2 }, { "dup", STRATO_K_DUP },
	{ "dup2", STRATO_K_DUP2 }, { "dup3", STRATO_K_DUP3 },
	{ "chdir", STRATO_K_CHDIR }, { "fchdir", STRATO_K_FCHDIR }, { "chroot", STRATO_K_CHROOT },
	{ "chmod", STRATO_K_CHMOD }, { "fchmod", STRATO_K_FCHMOD }, { "fchmodat", STRATO_K_FCHMODAT },
	{ "link", STRATO_K_LINK }, { "linkat", STRATO_K_LINKAT }, { "symlink", STRATO_K_SYMLINK },
	{ "symlinkat", STRATO_K_SYMLINKAT }, { "setuid", STRATO_K_SETUID }, { "setgid", STRATO_K_SETGID },
	{ "setresuid", STRATO_K_SETRESUID }, { "setresgid", STRATO_K_SETRESGID }, { "getdents", STRATO_K_GETDENTS },
	{ "getdents64", STRATO_K_GETDENTS64 }, { "ioctl", STRATO_K_IOCTL }, { "mmap", STRATO_K_MMAP },
	{ "munmap", STRATO_K_MUNMAP }, { "mprotect", STRATO_K_MPROTECT }, { "eventfd", STRATO_K_EVENTFD },
	{ "eventfd2", STRATO_K_EVENTFD2 }, { "splice", STRATO_K_SPLICE }, { "sendfile", STRATO_K_SENDFILE },
	{ "fcntl", STRATO_K_FCNTL }, { "mount", STRATO_K_MOUNT }, { "umount2", STRATO_K_UMOUNT2 },
	{ "poll", STRATO_K_POLL }, { "ppoll", STRATO_K_PPOLL }, { "epoll_wait", STRATO_K_EPOLL_WAIT },
	{ "select", STRATO_K_SELECT }, { "ptrace", STRATO_K_PTRACE },
	{ "bpf", STRATO_K_BPF }, { "memfd_create", STRATO_K_MEMFD_CREATE }, { "prctl", STRATO_K_PRCTL },
	{ "capset", STRATO_K_CAPSET }, { "init_module", STRATO_K_INIT_MODULE },
	{ "finit_module", STRATO_K_FINIT_MODULE }, { "delete_module", STRATO_K_DELETE_MODULE },
};

/* Names that select process exit events (sched_process_exit) besides the
 * exit syscalls themselves. */
static const char *const strato_procexit_names[] = { "procexit", "exit", "exit_group" };

/* Syscalls whose arguments sys_enter copies: paths and addresses that the
 * caller could change before the exit reads them, and execve's file name,
 * which is gone after a successful exec. */
static bool strato_kind_needs_enter(uint8_t kind)
{
	return kind == STRATO_K_OPEN || kind == STRATO_K_OPENAT || kind == STRATO_K_OPENAT2 ||
	       kind == STRATO_K_CREAT || kind == STRATO_K_CONNECT || kind == STRATO_K_EXECVE;
}

static uint8_t strato_kind_of(const char *name)
{
	for (size_t i = 0; i < STRATO_ARRAY_SIZE(strato_syscall_kinds); i++)
		if (!strcmp(strato_syscall_kinds[i].name, name))
			return strato_syscall_kinds[i].kind;
	return STRATO_K_GENERIC;
}

struct strato_live {
	struct strato_probe *skel;
	struct strato_ring *rings; /* one per CPU */
	int *ring_fds;
	unsigned nrings;
	int epfd;                  /* every ring, for get_fd() */
	int timeout_ms;
	int holding;               /* index + 1 of the ring whose head is lent out */
	bool wakeup;               /* get_fd() was called: the probe wakes us */
	bool draining;             /* broken: the rings end where they were */
	unsigned drain_waits;      /* sleeps spent on records still written */
	unsigned backoff_us;       /* current idle sleep */
	struct strato_probe_config cfg;
	struct strato_event ev;
	/* strato_capture_set_filter(): the syscall table as the open options
	 * set it (restored when the filter goes) and whether the pid filter
	 * holds the filter's pids */
	uint32_t *open_table;
	bool filter_pids;
	/* the container check: wanted container.id values */
	char containers[STRATO_FPF_NAMES][16];
	unsigned ncontainers;
	uint16_t procexit_type;
};

/* Idle polling: sleeps grow from the first to the last value while no
 * event comes; any event resets them. */
#define STRATO_BACKOFF_MIN_US 50
#define STRATO_BACKOFF_MAX_US 4000
/* At most this many minimal sleeps for a record in flight at a break. */
#define STRATO_DRAIN_WAITS 200

static int strato_have_caps(void)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct d[2];
	uint64_t eff;

	if (syscall(SYS_capget, &h, d))
		return 0;
	eff = d[0].effective | ((uint64_t)d[1].effective << 32);
	if (eff & (1ULL << CAP_SYS_ADMIN))
		return 1;
	return (eff & (1ULL << 39 /* CAP_BPF */)) && (eff & (1ULL << 38 /* CAP_PERFMON */));
}

static uint64_t strato_boot_to_epoch(void)
{
	struct timespec rt, bt;

	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_BOOTTIME, &bt);
	return ((uint64_t)rt.tv_sec - bt.tv_sec) * 1000000000ULL + rt.tv_nsec - bt.tv_nsec;
}

/* The oldest head among the rings (k-way merge on timestamps); -1 if all
 * are empty. An event still being built on one CPU when a younger one of
 * another CPU is taken can come out of order; within a ring the order is
 * the CPU's. */
static int strato_live_oldest(struct strato_live *l, const uint8_t **rec, size_t *len)
{
	uint64_t best_ts = UINT64_MAX;
	int best = -1;

	for (unsigned i = 0; i < l->nrings; i++) {
		const uint8_t *r;
		size_t n = strato_ring_peek(&l->rings[i], &r);

		if (n >= 8 && strato_ld64(r) < best_ts) {
			best_ts = strato_ld64(r);
			best = (int)i;
			*rec = r;
			*len = n;
		} else if (n && n < 8 && best < 0) {
			best = (int)i; /* malformed: let the parser report it */
			*rec = r;
			*len = n;
		}
	}
	return best;
}

/* Waits for more data: epoll when the probe wakes us (get_fd() mode),
 * else sleeps that grow while the capture is idle. A signal handler's
 * break interrupts either at once (EINTR); a break from another thread is
 * seen after at most one sleep or one 50 ms epoll slice. Returns the
 * microseconds waited or a negative error. */
static long strato_live_wait(struct strato_live *l, long max_us)
{
	if (l->wakeup) {
		struct epoll_event e;
		int ms = max_us < 0 || max_us > 50000 ? 50 : (int)((max_us + 999) / 1000);
		int n = epoll_wait(l->epfd, &e, 1, ms);

		if (n < 0 && errno != EINTR)
			return strato_fail(-errno, "epoll_wait on the ring buffers: %s", strerror(errno));
		return n == 0 ? ms * 1000L : 0;
	}
	long us = l->backoff_us;
	struct timespec ts;

	if (max_us >= 0 && us > max_us)
		us = max_us;
	ts.tv_sec = 0;
	ts.tv_nsec = us * 1000;
	nanosleep(&ts, NULL);
	if (l->backoff_us < STRATO_BACKOFF_MAX_US)
		l->backoff_us *= 2;
	return us;
}

static int strato_live_next(strato_capture *cap, const strato_event **ev_out)
{
	struct strato_live *l = cap->priv;
	long waited = 0, limit = l->timeout_ms < 0 ? -1 : l->timeout_ms * 1000L;
	const uint8_t *rec;
	size_t len;
	int err, i;

	if (l->holding) {
		strato_ring_release(&l->rings[l->holding - 1]);
		l->holding = 0;
	}
	for (;;) {
		if (cap->brk && !l->draining) {
			for (unsigned r = 0; r < l->nrings; r++)
				strato_ring_close_end(&l->rings[r]);
			l->draining = true;
		}
		i = strato_live_oldest(l, &rec, &len);
		if (i >= 0) {
			err = strato_event_parse(&l->ev, rec, len);
			l->holding = i + 1;
			if (err)
				return err;
			l->ev.cpu = (uint16_t)i;
			l->backoff_us = STRATO_BACKOFF_MIN_US;
			*ev_out = &l->ev;
			return STRATO_EVENT;
		}
		if (l->draining) {
			/* A record reserved before the break may still be being
			 * written: wait for it, a little. */
			bool done = true;

			for (unsigned r = 0; r < l->nrings; r++)
				done &= strato_ring_drained(&l->rings[r]);
			if (done || l->drain_waits++ >= STRATO_DRAIN_WAITS)
				return STRATO_EOF;
			nanosleep(&(struct timespec){ .tv_nsec = STRATO_BACKOFF_MIN_US * 1000L }, NULL);
			continue;
		}
		if (limit >= 0 && waited >= limit)
			return STRATO_TIMEOUT;
		long w = strato_live_wait(l, limit < 0 ? -1 : limit - waited);

		if (w < 0)
			return (int)w;
		waited += w;
	}
}

/* Switches the probe to waking the consumer, so the descriptor (an epoll
 * set of every ring) becomes readable when events arrive. */
static int strato_live_get_fd(strato_capture *cap)
{
	struct strato_live *l = cap->priv;

	if (!l->wakeup) {
		l->cfg.wakeup = 1;
		__atomic_store_n(&l->skel->bss->strato_conf.wakeup, 1, __ATOMIC_RELEASE);
		l->wakeup = true;
	}
	return l->epfd;
}

static void strato_live_stats(strato_capture *cap, struct strato_stats *st)
{
	struct strato_live *l = cap->priv;
	int ncpu = libbpf_num_possible_cpus();
	int fd = bpf_map__fd(l->skel->maps.strato_drops);

	for (uint32_t reason = 0; reason < STRATO_DROP_NREASONS && ncpu > 0; reason++) {
		uint64_t vals[ncpu];
		uint64_t sum = 0;

		if (bpf_map_lookup_elem(fd, &reason, vals))
			continue;
		for (int i = 0; i < ncpu; i++)
			sum += vals[i];
		if (reason == STRATO_DROP_BUFFER)
			st->drops_buffer = sum;
		else
			st->drops_other = sum;
	}
}

static void strato_live_free(struct strato_live *l)
{
	if (!l)
		return;
	for (unsigned i = 0; l->rings && i < l->nrings; i++)
		strato_ring_unmap(&l->rings[i]);
	for (unsigned i = 0; l->ring_fds && i < l->nrings; i++)
		if (l->ring_fds[i] >= 0)
			close(l->ring_fds[i]);
	free(l->rings);
	free(l->ring_fds);
	if (l->epfd >= 0)
		close(l->epfd);
	strato_probe__destroy(l->skel);
	free(l->open_table);
	free(l);
}

/* Creates and maps one ring buffer per CPU (registered in the probe's
 * map of rings after load). */
static int strato_live_make_rings(struct strato_live *l, uint32_t rbsize)
{
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (l->epfd < 0)
		return strato_fail(-errno, "epoll_create1: %s", strerror(errno));
	for (unsigned i = 0; i < l->nrings; i++) {
		int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "strato_ring", 0, 0, rbsize, NULL);
		int err;

		if (fd < 0)
			return strato_fail(-errno, "cannot create ring buffer %u of %u bytes: %s", i, rbsize,
					   strerror(errno));
		l->ring_fds[i] = fd;
		err = strato_ring_map(&l->rings[i], fd, rbsize);
		if (err)
			return err;
		if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, fd, &(struct epoll_event){ .events = EPOLLIN }))
			return strato_fail(-errno, "epoll on the ring buffers: %s", strerror(errno));
	}
	return 0;
}

static void strato_live_close(strato_capture *cap)
{
	strato_live_free(cap->priv);
}

/* Whether syscall `name` produces events of a type in `set`. The probe
 * names its events after the syscall or after the syscall without its
 * version digits (dup2 -> dup, pread64 -> pread, umount2 -> umount,
 * accept4 -> accept); `unknown` answers for a syscall none of whose names
 * is in the event table. */
static bool strato_live_syscall_in(const struct strato_ftypeset *set, const char *name, bool unknown)
{
	char base[64];
	size_t n = strlen(name);
	bool known = false;

	if (n >= sizeof(base))
		return unknown;
	memcpy(base, name, n + 1);
	while (n && base[n - 1] >= '0' && base[n - 1] <= '9')
		base[--n] = 0;
	for (unsigned id = 2; id < STRATO_EVENT_TABLE_SIZE; id++) {
		const char *en = strato_event_table[id].name;

		if (!en || (strcmp(en, name) && strcmp(en, base)))
			continue;
		known = true;
		if (strato_ftypes_has(set, id))
			return true;
	}
	return known ? false : unknown;
}

/* Syscalls that change the effective uid in a way the state cannot see:
 * setreuid always (its event is generic), setuid and setresuid when they
 * are not captured. */
static bool strato_live_hides_euid(const struct strato_syscall_def *d, uint32_t val)
{
	return !strcmp(d->name, "setreuid") || (!val && (!strcmp(d->name, "setuid") || !strcmp(d->name, "setresuid")));
}

/* Can syscall `d` produce an event the prefilter keeps? */
static bool strato_live_pf_wants(const struct strato_fprefilter *pf, const struct strato_syscall_def *d)
{
	if (strato_kind_of(d->name) == STRATO_K_GENERIC) /* evt.type: the PPM_SC name */
		return !d->ppm_sc || d->ppm_sc >= STRATO_SYSCALL_NAMES || !strato_syscall_names[d->ppm_sc] ||
		       strato_fprefilter_wants_name(pf, strato_syscall_names[d->ppm_sc]);
	return strato_live_syscall_in(&pf->ktypes, d->name, true);
}

/* Sets or clears `id`'s bit in one of the probe's bitmaps, which it reads
 * in place and whose other bits it may change meanwhile. */
static void strato_live_bit(__u64 *bits, int64_t id, bool on)
{
	if (id <= 0 || id >= STRATO_TGID_LIMIT)
		return;
	if (on)
		__atomic_fetch_or(&bits[id / 64], 1ULL << (id % 64), __ATOMIC_RELAXED);
	else
		__atomic_fetch_and(&bits[id / 64], ~(1ULL << (id % 64)), __ATOMIC_RELAXED);
}

/* Adds a thread group to the probe's pid filter. */
static void strato_live_add_tgid(struct strato_live *l, uint32_t tgid)
{
	strato_live_bit(l->skel->bss->strato_tgid_bits, tgid, true);
}

static bool strato_live_id_in(const uint32_t *ids, uint32_t n, int64_t id)
{
	for (uint32_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* Marks the processes whose parent is in the config's ppids: those the
 * capture started from (the parent the state holds) and those /proc shows
 * now (forks and execs since, which the probe did not note yet). Only sets
 * bits: one too many lets events through, one too few would drop them.
 * False when /proc cannot be read: then the check must not be made. */
static bool strato_live_fill_ppids(struct strato_live *l, const strato_capture *cap)
{
	const struct strato_probe_config *c = &l->cfg;
	__u64 *bits = l->skel->bss->strato_ppid_bits;
	DIR *d = opendir("/proc");
	struct dirent *de;

	if (!d)
		return false;
	for (size_t i = 0; i < cap->tables.nthreads; i++) {
		const struct strato_thread_info *t = &cap->tables.threads[i];

		if (t->tid == t->pid && strato_live_id_in(c->ppids, c->nppids, t->ptid))
			strato_live_bit(bits, t->pid, true);
	}
	while ((de = readdir(d))) {
		char path[64], buf[512], *p;
		long pid = strtol(de->d_name, &p, 10), ppid;
		ssize_t n;
		int fd;

		if (*p || pid <= 0 || pid >= STRATO_TGID_LIMIT)
			continue;
		snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		buf[n > 0 ? n : 0] = 0;
		/* "pid (comm) state ppid ...": comm may hold ") " itself */
		p = strrchr(buf, ')');
		if (p && sscanf(p + 1, " %*c %ld", &ppid) == 1 && strato_live_id_in(c->ppids, c->nppids, ppid))
			strato_live_bit(bits, pid, true);
	}
	closedir(d);
	return true;
}

/* Copies the filter's process checks into l->cfg (lists and counts). */
static void strato_live_checks_of(struct strato_live *l, const struct strato_fprefilter *pf)
{
	struct strato_probe_config *c = &l->cfg;

	c->ntids = pf ? pf->ntids : 0;
	c->nuids = pf ? pf->nuids : 0;
	c->nppids = pf ? pf->nppids : 0;
	c->nnames = pf ? pf->nnames : 0;
	for (unsigned i = 0; i < c->ntids; i++)
		c->tids[i] = (uint32_t)pf->tids[i];
	for (unsigned i = 0; i < c->nuids; i++)
		c->uids[i] = (uint32_t)pf->uids[i];
	for (unsigned i = 0; i < c->nppids; i++)
		c->ppids[i] = (uint32_t)pf->ppids[i];
	memset(c->names, 0, sizeof(c->names));
	if (pf)
		memcpy(c->names, pf->names, sizeof(c->names));
	c->note_ppids = c->nppids != 0;
	c->containers = 0; /* set by the caller, who knows whether there is a state */
}

/* Hands l->cfg to the probe, which reads it while it changes: the checks
 * are off (everything passes) while their lists are written and the
 * parents noted, then on. */
static void strato_live_publish(struct strato_live *l, const strato_capture *cap)
{
	struct strato_probe_config *k = &l->skel->bss->strato_conf, c = l->cfg;

	__atomic_store_n(&k->ntids, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&k->nnames, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&k->nuids, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&k->nppids, 0, __ATOMIC_SEQ_CST);
	c.ntids = c.nnames = c.nuids = c.nppids = 0;
	*k = c;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (l->cfg.nppids && !strato_live_fill_ppids(l, cap)) { /* unknown parents: no check */
		l->cfg.nppids = l->cfg.note_ppids = 0;
		__atomic_store_n(&k->note_ppids, 0, __ATOMIC_SEQ_CST);
	}
	__atomic_store_n(&k->ntids, l->cfg.ntids, __ATOMIC_SEQ_CST);
	__atomic_store_n(&k->nnames, l->cfg.nnames, __ATOMIC_SEQ_CST);
	__atomic_store_n(&k->nuids, l->cfg.nuids, __ATOMIC_SEQ_CST);
	__atomic_store_n(&k->nppids, l->cfg.nppids, __ATOMIC_SEQ_CST);
}

/* Whether container id `id` (NULL: the thread has none) is one the filter
 * wants. */
static bool strato_live_container_wanted(const struct strato_live *l, const char *id)
{
	for (unsigned i = 0; id && i < l->ncontainers; i++)
		if (!strcmp(l->containers[i], id))
			return true;
	return false;
}

/* Tells the probe the container check's verdict on thread `tid` as of the
 * state's last clone or execve event of it, at time `ts` (0: none): the
 * probe drops the thread's events while that is also the last one it
 * sent (see strato_outside in the probe). */
static void strato_live_verdict(struct strato_live *l, int64_t tid, uint64_t ts, bool wanted)
{
	int fd = bpf_map__fd(l->skel->maps.strato_outside);
	uint32_t key = (uint32_t)tid;

	if (tid <= 0 || tid >= STRATO_TGID_LIMIT)
		return;
	/* entry, then the bit that sends the probe to it; either alone passes */
	if (wanted) {
		bpf_map_delete_elem(fd, &key);
		strato_live_bit(l->skel->bss->strato_outside_bits, tid, false);
	} else if (!bpf_map_update_elem(fd, &key, &ts, BPF_ANY)) { /* full: the thread passes */
		strato_live_bit(l->skel->bss->strato_outside_bits, tid, true);
	}
}

/* The container.id the state gives thread `t`, or NULL (none). */
static const char *strato_live_container_of(const struct strato_thread *t)
{
	return t && !t->stub ? strato_thread_container(t, NULL, NULL, 0) : NULL;
}

/* Classifies every thread the capture knows for a new container check: from
 * the state when it exists, else from the tables it will start from. */
static void strato_live_classify_all(struct strato_live *l, const strato_capture *cap)
{
	if (cap->state) {
		for (const struct strato_thread *t = cap->state->lru_head; t; t = t->lru_next)
			strato_live_verdict(l, t->tid, t->identity_ts,
					    strato_live_container_wanted(l, strato_live_container_of(t)));
		return;
	}
	for (size_t i = 0; i < cap->tables.nthreads; i++) {
		const struct strato_thread_info *ti = &cap->tables.threads[i];
		struct strato_thread t = { .cgroups = ti->cgroups, .cgroups_len = ti->cgroups_len };

		strato_thread_container_refresh(&t); /* as the state will */
		strato_live_verdict(l, ti->tid, 0, strato_live_container_wanted(l, strato_live_container_of(&t)));
	}
}

/* After the state took in an event: a clone or execve of the thread gives
 * a new verdict; a process exit forgets the thread. */
static void strato_live_after_state(strato_capture *cap, const struct strato_event *ev)
{
	struct strato_live *l = cap->priv;
	const struct strato_thread *t;

	if (!l->ncontainers || !cap->state)
		return;
	if (ev->type == l->procexit_type) {
		strato_live_verdict(l, strato_event_tid(ev), 0, true);
		return;
	}
	t = cap->state->cur_thread;
	if (t && t->identity_ts && t->identity_ts == strato_event_ts(ev))
		strato_live_verdict(l, t->tid, t->identity_ts,
				    strato_live_container_wanted(l, strato_live_container_of(t)));
}

/* Empties a hash map of the probe. */
static void strato_live_clear_map(struct bpf_map *m)
{
	int fd = bpf_map__fd(m);
	uint32_t key;

	while (!bpf_map_get_next_key(fd, NULL, &key))
		bpf_map_delete_elem(fd, &key);
}

/* strato_capture_set_filter(): narrows the interesting-syscall table, the
 * process checks and, when the open options set no pid filter, the tgid
 * filter to what the filter can accept (pf NULL: back to the open options). */
static int strato_live_prefilter(strato_capture *cap, const struct strato_fprefilter *pf)
{
	struct strato_live *l = cap->priv;
	uint32_t *table = l->skel->bss->strato_interesting;
	/* the container check needs the state's answers */
	unsigned ncontainers = pf && !cap->state_off ? pf->ncontainers : 0;
	bool pids = false, checks = pf && (pf->ntids || pf->nnames || pf->nuids || pf->nppids || ncontainers);

	if (!l->open_table) {
		l->open_table = calloc(STRATO_SYSCALL_MAX, sizeof(*l->open_table));
		if (!l->open_table)
			return strato_fail(-ENOMEM, "out of memory");
		memcpy(l->open_table, table, STRATO_SYSCALL_MAX * sizeof(*table));
	}
	/* the old checks go first: a table entry without its identity flag
	 * must not meet them */
	strato_live_checks_of(l, NULL);
	strato_live_publish(l, cap);
	memset(l->skel->bss->strato_ppid_bits, 0, sizeof(l->skel->bss->strato_ppid_bits));
	strato_live_clear_map(l->skel->maps.strato_outside);
	memset(l->skel->bss->strato_outside_bits, 0, sizeof(l->skel->bss->strato_outside_bits));
	l->ncontainers = 0;
	for (uint32_t nr = 0; nr < STRATO_SYSCALL_MAX; nr++) {
		const struct strato_syscall_def *d = strato_syscall_by_nr(nr);
		uint32_t val = l->open_table[nr];

		if (val && pf && !pf->all_types && d && !strato_live_pf_wants(pf, d))
			val = 0;
		if ((val & 0xff) && checks && d && strato_kind_of(d->name) != STRATO_K_GENERIC &&
		    strato_live_syscall_in(&pf->itypes, d->name, false))
			val |= STRATO_IDENTITY;
		if (d && strato_live_hides_euid(d, val))
			val |= STRATO_HIDDEN_EUID;
		__atomic_store_n(&table[nr], val, __ATOMIC_RELAXED);
	}
	if (l->filter_pids) { /* drop the previous filter's pids */
		__atomic_store_n(&l->skel->bss->strato_conf.filter_tgids, 0, __ATOMIC_SEQ_CST);
		memset(l->skel->bss->strato_tgid_bits, 0, sizeof(l->skel->bss->strato_tgid_bits));
		l->cfg.filter_tgids = 0;
		l->filter_pids = false;
	}
	if (pf && pf->npids && !l->cfg.filter_tgids) {
		pids = true;
		for (unsigned i = 0; i < pf->npids; i++)
			pids &= pf->pids[i] > 0 && pf->pids[i] < (int64_t)STRATO_TGID_LIMIT;
	}
	for (unsigned i = 0; pids && i < pf->npids; i++)
		strato_live_add_tgid(l, (uint32_t)pf->pids[i]);
	if (pids) {
		l->cfg.filter_tgids = 1;
		l->filter_pids = true;
	}
	if (ncontainers) {
		memcpy(l->containers, pf->containers, sizeof(l->containers));
		l->ncontainers = ncontainers;
		strato_live_classify_all(l, cap);
	}
	strato_live_checks_of(l, pf);
	l->cfg.containers = ncontainers != 0;
	strato_live_publish(l, cap);
	return 0;
}

static const struct strato_capture_ops strato_live_ops = {
	.next = strato_live_next,
	.get_fd = strato_live_get_fd,
	.stats = strato_live_stats,
	.close = strato_live_close,
	.prefilter = strato_live_prefilter,
	.after_state = strato_live_after_state,
	.drains_on_break = true,
};

static bool strato_name_listed(const char *const *names, size_t n, const char *name)
{
	for (size_t j = 0; j < n; j++)
		if (names[j] && !strcmp(names[j], name))
			return true;
	return false;
}

/* Fills the interesting-syscall table from the option's names (NULL: every
 * syscall) and tells whether process exits are wanted. */
static int strato_live_set_syscalls(struct strato_live *l, const struct strato_live_opts *opts, uint32_t *procexit)
{
	const char *const *names = STRATO_OPTS_GET(opts, syscalls, NULL);
	size_t n = STRATO_OPTS_GET(opts, nsyscalls, 0);

	for (size_t j = 0; names && j < n; j++) {
		if (!names[j] || (!strato_syscall_by_name(names[j]) &&
				  !strato_name_listed(strato_procexit_names, 3, names[j])))
			return strato_fail(-EINVAL, "unknown or unsupported syscall \"%s\"", names[j] ? names[j] : "(null)");
	}
	for (size_t i = 0; i < strato_syscall_ndefs; i++) {
		const struct strato_syscall_def *d = &strato_syscall_defs[i];
		uint8_t kind = strato_kind_of(d->name);
		uint32_t val = kind | (uint32_t)d->ppm_sc << 16;

		if (strato_kind_needs_enter(kind))
			val |= STRATO_NEEDS_ENTER;

		if (names && !strato_name_listed(names, n, d->name))
			continue;
		if (d->nr < 0 || d->nr >= STRATO_SYSCALL_MAX)
			continue;
		l->skel->bss->strato_interesting[d->nr] = val;
	}
	for (size_t i = 0; i < strato_syscall_ndefs; i++) {
		const struct strato_syscall_def *d = &strato_syscall_defs[i];

		if (d->nr >= 0 && d->nr < STRATO_SYSCALL_MAX &&
		    strato_live_hides_euid(d, l->skel->bss->strato_interesting[d->nr]))
			l->skel->bss->strato_interesting[d->nr] |= STRATO_HIDDEN_EUID;
	}
	*procexit = !names;
	for (size_t k = 0; names && k < 3; k++)
		*procexit |= strato_name_listed(names, n, strato_procexit_names[k]);
	return 0;
}

/* Loads the pid filter. */
static int strato_live_set_pids(struct strato_live *l, const struct strato_live_opts *opts)
{
	const int32_t *pids = STRATO_OPTS_GET(opts, pids, NULL);
	size_t n = STRATO_OPTS_GET(opts, npids, 0);

	for (size_t i = 0; pids && i < n; i++) {
		if (pids[i] <= 0 || pids[i] >= (int32_t)STRATO_TGID_LIMIT)
			return strato_fail(-EINVAL, "pid %d in the filter is not a process id", (int)pids[i]);
		strato_live_add_tgid(l, (uint32_t)pids[i]);
	}
	return 0;
}

static bool strato_kernel_at_least(int major, int minor)
{
	struct utsname u;
	int ma = 0, mi = 0;

	return !uname(&u) && sscanf(u.release, "%d.%d", &ma, &mi) == 2 && (ma > major || (ma == major && mi >= minor));
}

/* One ring per online CPU (CPU c writes to ring c % n, so CPUs beyond the
 * count share), fewer when that would take more than STRATO_RINGS_TOTAL
 * bytes in all. */
#define STRATO_RINGS_TOTAL (512ULL << 20)

static unsigned strato_live_nrings(uint32_t rbsize)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		n = 1;
	if (n > STRATO_MAX_RINGS)
		n = STRATO_MAX_RINGS;
	while (n > 1 && (uint64_t)n * rbsize > STRATO_RINGS_TOTAL)
		n--;
	return (unsigned)n;
}

int strato_capture_open_live(strato_capture **out, const struct strato_live_opts *opts)
{
	struct strato_live *l;
	struct strato_probe_config cfg = { 0 };
	uint32_t rbsize, snaplen;
	int err;

	if (!out)
		return strato_fail(-EINVAL, "strato_capture_open_live: out is NULL");
	*out = NULL;
	if (!STRATO_OPTS_CHECK(opts, strato_live_opts))
		return -EINVAL;
	snaplen = STRATO_OPTS_GET(opts, snaplen, 0);
	if (!snaplen)
		snaplen = STRATO_DEFAULT_SNAPLEN;
	if (snaplen > STRATO_MAX_SNAPLEN)
		return strato_fail(-EINVAL, "snaplen %u is larger than %u", snaplen, STRATO_MAX_SNAPLEN);
	rbsize = STRATO_OPTS_GET(opts, buffer_bytes, 0);
	if (!rbsize)
		rbsize = STRATO_DEFAULT_RINGBUF;
	if (rbsize < 4096 || (rbsize & (rbsize - 1)))
		return strato_fail(-EINVAL, "buffer_bytes %u is not a power of two of at least 4096", rbsize);
	if (!strato_have_caps())
		return strato_fail(-EPERM, "live capture needs root, or CAP_BPF and CAP_PERFMON (this process has %s)",
				   geteuid() ? "neither: it is not root" : "root's uid but not the capabilities");
	if (access("/sys/kernel/btf/vmlinux", R_OK))
		return strato_fail(-STRATO_ENOBTF, "the kernel exposes no BTF (/sys/kernel/btf/vmlinux: %s); "
				   "live capture needs a kernel built with CONFIG_DEBUG_INFO_BTF", strerror(errno));

	l = calloc(1, sizeof(*l));
	if (!l)
		return strato_fail(-ENOMEM, "out of memory");
	l->epfd = -1;
	l->backoff_us = STRATO_BACKOFF_MIN_US;
	l->nrings = strato_live_nrings(rbsize);
	l->rings = calloc(l->nrings, sizeof(*l->rings));
	l->ring_fds = malloc(l->nrings * sizeof(*l->ring_fds));
	if (!l->rings || !l->ring_fds) {
		err = strato_fail(-ENOMEM, "out of memory");
		goto fail;
	}
	for (unsigned i = 0; i < l->nrings; i++)
		l->ring_fds[i] = -1;
	l->timeout_ms = STRATO_OPTS_GET(opts, timeout_ms, 0);
	if (!l->timeout_ms)
		l->timeout_ms = 100;
	strato_log_hook_libbpf();
	l->skel = strato_probe__open();
	if (!l->skel) {
		err = strato_fail(-STRATO_EPROBE, "cannot open the embedded probe: %s", strerror(errno));
		goto fail;
	}
	/* Programs nobody needs stay out of the kernel: every syscall pays
	 * for sys_enter, which only serves open*, creat, connect and execve.
	 * The process-lifetime programs (exit, fork, exec, rename) run once
	 * per process and stay: a filter set later may need them. */
	{
		const char *const *names = STRATO_OPTS_GET(opts, syscalls, NULL);
		size_t n = STRATO_OPTS_GET(opts, nsyscalls, 0);
		bool enter = !names;

		for (size_t k = 0; names && k < n; k++)
			enter |= names[k] && strato_syscall_by_name(names[k]) &&
				 strato_kind_needs_enter(strato_kind_of(names[k]));
		bpf_program__set_autoload(l->skel->progs.strato_sys_enter, enter);
	}
	/* The hash maps of the process checks allocate entries as they come
	 * rather than all at load (5.2 MB for each container map), where
	 * tracing programs may use such maps: from Linux 6.1. */
	if (strato_kernel_at_least(6, 1)) {
		bpf_map__set_map_flags(l->skel->maps.strato_keep, BPF_F_NO_PREALLOC);
		bpf_map__set_map_flags(l->skel->maps.strato_identity_ts, BPF_F_NO_PREALLOC);
		bpf_map__set_map_flags(l->skel->maps.strato_outside, BPF_F_NO_PREALLOC);
	}
	bpf_map__set_max_entries(l->skel->maps.strato_scratch_map, libbpf_num_possible_cpus());
	bpf_map__set_max_entries(l->skel->maps.strato_rings, (uint32_t)libbpf_num_possible_cpus());
	err = strato_live_make_rings(l, rbsize);
	if (err)
		goto fail;
	/* The inner map template is a ring of the real size, as the kernel
	 * only accepts inner maps equal to the template. */
	err = bpf_map__set_inner_map_fd(l->skel->maps.strato_rings, l->ring_fds[0]);
	if (err) {
		err = strato_fail(-STRATO_EPROBE, "cannot set the ring buffer template: %s", strerror(-err));
		goto fail;
	}
	err = strato_probe__load(l->skel);
	if (err) {
		err = strato_fail(err == -EPERM ? -EPERM : -STRATO_EPROBE,
				  "the kernel refused the probe: %s (run with log level debug for the verifier log)",
				  strerror(-err));
		goto fail;
	}
	cfg.boot_to_epoch_ns = strato_boot_to_epoch();
	cfg.snaplen = snaplen;
	cfg.self_tgid = STRATO_OPTS_GET(opts, include_self, false) ? 0 : (uint32_t)getpid();
	cfg.drop_failed = STRATO_OPTS_GET(opts, drop_failed, false);
	cfg.filter_tgids = STRATO_OPTS_GET(opts, pids, NULL) != NULL;
	cfg.follow_children = STRATO_OPTS_GET(opts, follow_children, false);
	cfg.nrings = l->nrings;
	l->procexit_type = UINT16_MAX;
	for (unsigned id = 0; id < STRATO_EVENT_TABLE_SIZE; id += 2)
		if (strato_event_table[id].name && !strcmp(strato_event_table[id].name, "procexit"))
			l->procexit_type = (uint16_t)id;
	err = strato_live_set_syscalls(l, opts, &cfg.procexit);
	if (err)
		goto fail;
	err = strato_live_set_pids(l, opts);
	if (err)
		goto fail;
	l->skel->bss->strato_conf = cfg;
	/* A slot per possible CPU: the probe indexes the rings by CPU. */
	for (unsigned i = 0; i < (unsigned)libbpf_num_possible_cpus(); i++) {
		if (bpf_map_update_elem(bpf_map__fd(l->skel->maps.strato_rings), &i, &l->ring_fds[i % l->nrings],
					BPF_ANY)) {
			err = strato_fail(-errno, "cannot register ring buffer %u for CPU %u: %s", i % l->nrings, i,
					  strerror(errno));
			goto fail;
		}
	}
	l->cfg = cfg;
	err = strato_probe__attach(l->skel);
	if (err) {
		err = strato_fail(-STRATO_EPROBE, "cannot attach the probe to the syscall tracepoints: %s",
				  strerror(-err));
		goto fail;
	}
	err = strato_capture_new(out, &strato_live_ops, l);
	if (err)
		goto fail;
	/* The snapshot follows the attach so that nothing happens unseen
	 * between them; events may describe processes the snapshot also has. */
	err = strato_proc_snapshot(&(*out)->tables, NULL, NULL);
	if (err) {
		strato_capture_close(*out);
		*out = NULL;
		return err;
	}
	return 0;
fail:
	strato_live_free(l);
	return err;
}
