/* lib/format/scap_read.c: the file back end of strato_capture: reads .scap
 * captures (plain or gzip) block by block from one large buffer, fills the
 * capture's tables from the header blocks and lends events in place.
 *
 * Choices where the reference readers differ or fail (see the fixtures
 * README in the shared format folder):
 *  - a file without event blocks is an empty capture (clean EOF), not the
 *    "no events in file" error of sysdig and libscap;
 *  - a new section header after events starts a concatenated capture: its
 *    tables replace the previous ones and pending enter events are dropped;
 *    any other block after events is an error naming its offset, as in both
 *    reference readers (skipping it could hide a damaged file);
 *  - SHB options, FD types 17-21 and FD lists of unknown threads are
 *    accepted (like current libs), extra event parameters are kept;
 *  - the trailer of event blocks is not checked and bytes after the event
 *    inside its block are ignored (both readers); metadata trailers are;
 *  - event types the table does not know, or marks unused, are skipped and
 *    counted in strato_stats.skipped_unknown;
 *  - system call enter events are merged into their exit (merge.c); an
 *    enter whose exit never comes is delivered on its own when that shows
 *    (the thread's next system call or exit, the end of the section), so
 *    nothing in the file is lost; enter-only kinds (procexit, switch, ...)
 *    are delivered as they come. */
#include "capture/capture.h"
#include "format/gzread.h"
#include "format/readahead.h"
#include "format/reader.h"
#include "format/scap.h"

#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define STRATO_READ_CHUNK (1u << 18)     /* initial buffer: fits in L2 with room; most files never grow it */
#define STRATO_READ_ALIGN 4096u          /* see strato_fill_more */
#define STRATO_META_MAX (64u << 20)      /* any non-event block */
#define STRATO_LARGE_MAX (64u << 20)     /* _LARGE event blocks */
/* Memory the tables of one section may take (structs plus strings); a
 * hostile file cannot make the reader allocate more than this. */
#define STRATO_TABLES_BUDGET ((size_t)256 << 20)

/* Readers' string limits (longer is an error, as in libscap). */
#define STRATO_PATH_MAX 1024
#define STRATO_ARGS_MAX 4096
#define STRATO_FDNAME_MAX 4096
#define STRATO_USERSTR_MAX 255
#define STRATO_IFNAME_MAX 1024

struct strato_scap {
	int fd;
	struct strato_gzread *gz; /* NULL: a plain file, read(2) into buf */
	uint8_t *buf;
	size_t cap, pos, end; /* valid bytes: buf[pos..end) */
	uint64_t base;        /* file offset of buf[0] */
	bool eof;
	bool in_events;       /* the current section has had an event block */
	size_t budget;        /* bytes the tables may still take */
	uint64_t skipped_unknown;
	uint64_t nevents; /* event blocks read: evt.num, as sysdig numbers them */
	struct strato_event ev;
	struct strato_buf conv; /* legacy events rebuilt with nparams */
	struct strato_merge merge;
	/* A system call enter held in place in buf, not yet in the merge
	 * table: when the next block is its exit (the usual compat layout),
	 * the pair merges without copying the enter into a slot. */
	struct strato_event enter;
	bool pend;
	const strato_event *deferred; /* delivered on the next call */
	struct strato_tables *tables;
	/* Plain regular files are decoded in a thread ahead of the caller
	 * (readahead.c). The thread stops in front of a new section header,
	 * whose tables only the caller's thread may replace: the caller reads
	 * on (`ra_hold`) until that header is behind it, then starts a thread
	 * again. */
	bool ra_on; /* set before the thread starts: strato_step reads it there */
	/* The caller's side, on lines of its own: the thread writes the
	 * fields above for every event. */
	STRATO_OWN_LINE bool ra_ok;
	bool ra_hold;
	struct strato_readahead *ra;
	struct strato_merge finish; /* merged events */
	const volatile sig_atomic_t *brk; /* the capture's break flag */
};

/* Bounds-checked reader over one block body; the first failure sticks and
 * later reads yield zeros, so parsers check `err` once per entry. */
struct strato_cur {
	const uint8_t *p;
	size_t len, off;
	uint64_t foff; /* file offset of p[0] */
	const char *what;
	int err;
};

static bool strato_cur_need(struct strato_cur *c, size_t n)
{
	if (c->err)
		return false;
	if (n > c->len - c->off) {
		c->err = strato_fail(-STRATO_EFORMAT, "%s at offset %" PRIu64 ": needs %zu more bytes, only %zu left",
				     c->what, c->foff + c->off, n, c->len - c->off);
		return false;
	}
	return true;
}

static uint8_t strato_cur_u8(struct strato_cur *c)
{
	return strato_cur_need(c, 1) ? c->p[c->off++] : 0;
}

static uint16_t strato_cur_u16(struct strato_cur *c)
{
	uint16_t v = 0;

	if (strato_cur_need(c, 2)) {
		v = strato_ld16(c->p + c->off);
		c->off += 2;
	}
	return v;
}

static uint32_t strato_cur_u32(struct strato_cur *c)
{
	uint32_t v = 0;

	if (strato_cur_need(c, 4)) {
		v = strato_ld32(c->p + c->off);
		c->off += 4;
	}
	return v;
}

static uint64_t strato_cur_u64(struct strato_cur *c)
{
	uint64_t v = 0;

	if (strato_cur_need(c, 8)) {
		v = strato_ld64(c->p + c->off);
		c->off += 8;
	}
	return v;
}

static void strato_cur_bytes(struct strato_cur *c, void *dst, size_t n)
{
	if (strato_cur_need(c, n)) {
		memcpy(dst, c->p + c->off, n);
		c->off += n;
	} else {
		memset(dst, 0, n);
	}
}

/* Takes `n` bytes from the tables' memory budget. */
static bool strato_charge(struct strato_scap *s, struct strato_cur *c, size_t n)
{
	if (c->err)
		return false;
	if (n > s->budget) {
		c->err = strato_fail(-ENOMEM, "%s at offset %" PRIu64 ": the capture's tables exceed %zu MiB",
				     c->what, c->foff + c->off, STRATO_TABLES_BUDGET >> 20);
		return false;
	}
	s->budget -= n;
	return true;
}

/* A u16-length string without terminator, copied NUL-terminated; never
 * NULL unless `c->err` is set. */
static char *strato_cur_str(struct strato_scap *s, struct strato_cur *c, size_t limit, size_t *lenp)
{
	size_t at = c->off;
	uint16_t n = strato_cur_u16(c);
	char *str;

	if (c->err)
		return NULL;
	if (n > limit) {
		c->err = strato_fail(-STRATO_EFORMAT, "%s at offset %" PRIu64 ": string of %u bytes exceeds the limit of %zu",
				     c->what, c->foff + at, n, limit);
		return NULL;
	}
	if (!strato_cur_need(c, n) || !strato_charge(s, c, (size_t)n + 1))
		return NULL;
	str = malloc((size_t)n + 1);
	if (!str) {
		c->err = strato_fail(-ENOMEM, "out of memory reading %s", c->what);
		return NULL;
	}
	memcpy(str, c->p + c->off, n);
	str[n] = 0;
	c->off += n;
	if (lenp)
		*lenp = n;
	return str;
}

/* The slow half of strato_fill: moves or grows the buffer and reads.
 *
 * The buffer keeps each byte at an address congruent to its offset in the
 * stream modulo STRATO_READ_ALIGN (the buffer itself is aligned so), so
 * read(2) copies from a page-cache page to a destination of the same
 * alignment. Destinations 1-31 bytes past the source's alignment (a plain
 * malloc'd buffer starts 16 bytes into its page) made the kernel's copy
 * about 3x slower on the reference machine, 4K aliasing most likely, and
 * that copy is a large part of what reading a plain file costs. */
static int strato_fill_more(struct strato_scap *s, size_t need, size_t limit)
{
	size_t lead = (size_t)((s->base + s->pos) % STRATO_READ_ALIGN), have = s->end - s->pos;

	if (lead + need > s->cap) {
		size_t cap = s->cap;
		size_t max = (limit + STRATO_READ_CHUNK + 2 * STRATO_READ_ALIGN) & ~(size_t)(STRATO_READ_ALIGN - 1);
		uint8_t *p;

		while (cap < lead + need)
			cap *= 2;
		if (cap > max)
			cap = max;
		p = aligned_alloc(STRATO_READ_ALIGN, cap);
		if (!p)
			return strato_fail(-ENOMEM, "out of memory for a %zu-byte block", need);
		memcpy(p + lead, s->buf + s->pos, have);
		free(s->buf);
		s->buf = p;
		s->cap = cap;
	} else if (s->pos + need > s->cap) {
		memmove(s->buf + lead, s->buf + s->pos, have);
	} else {
		lead = s->pos;
	}
	s->base += s->pos - lead;
	s->pos = lead;
	s->end = lead + have;
	while (s->end - s->pos < need && !s->eof) {
		size_t room = s->cap - s->end;
		ssize_t n = s->gz ? strato_gzread_read(s->gz, s->buf + s->end, room) : read(s->fd, s->buf + s->end, room);

		if (n > 0)
			s->end += (size_t)n;
		else if (n == 0)
			s->eof = true;
		else if (s->gz)
			return (int)n; /* message set by gzread */
		else if (errno != EINTR)
			return strato_fail(-EIO, "read error near offset %" PRIu64 ": %s", s->base + s->end,
					   strerror(errno));
	}
	return s->end - s->pos >= need ? 0 : 1;
}

/* Makes `need` bytes available at buf[pos]. Returns 0, 1 when the file
 * ends first (fewer bytes are then available), or a negative error. */
static inline int strato_fill(struct strato_scap *s, size_t need, size_t limit)
{
	return s->end - s->pos >= need ? 0 : strato_fill_more(s, need, limit);
}

static uint64_t strato_off(const struct strato_scap *s)
{
	return s->base + s->pos;
}

static void strato_thread_free(struct strato_thread_info *th)
{
	free(th->comm); free(th->exe); free(th->exepath); free(th->cwd); free(th->root);
	free(th->args); free(th->env); free(th->cgroups);
}

/* Empty string for fields a block version does not have. */
static char *strato_empty(struct strato_scap *s, struct strato_cur *c)
{
	char *e;

	if (c->err || !strato_charge(s, c, 1))
		return NULL;
	e = calloc(1, 1);
	if (!e)
		c->err = strato_fail(-ENOMEM, "out of memory reading %s", c->what);
	return e;
}

/* One process-list entry of block version `v` (1..9) into `th`. */
static void strato_read_thread(struct strato_scap *s, struct strato_cur *c, int v, struct strato_thread_info *th)
{
	th->tid = (int64_t)strato_cur_u64(c);
	th->pid = (int64_t)strato_cur_u64(c);
	th->ptid = (int64_t)strato_cur_u64(c);
	th->sid = v >= 6 ? (int64_t)strato_cur_u64(c) : -1;
	th->vpgid = v >= 8 ? (int64_t)strato_cur_u64(c) : -1;
	th->comm = strato_cur_str(s, c, STRATO_PATH_MAX, NULL);
	th->exe = strato_cur_str(s, c, STRATO_PATH_MAX, NULL);
	th->exepath = v >= 7 ? strato_cur_str(s, c, STRATO_PATH_MAX, NULL) : strato_empty(s, c);
	th->args = strato_cur_str(s, c, STRATO_ARGS_MAX, &th->args_len);
	th->cwd = strato_cur_str(s, c, STRATO_PATH_MAX, NULL);
	th->fdlimit = strato_cur_u64(c);
	th->flags = strato_cur_u32(c);
	th->uid = strato_cur_u32(c);
	th->gid = strato_cur_u32(c);
	if (v >= 2) {
		th->vmsize_kb = strato_cur_u32(c);
		th->vmrss_kb = strato_cur_u32(c);
		th->vmswap_kb = strato_cur_u32(c);
		th->pfmajor = strato_cur_u64(c);
		th->pfminor = strato_cur_u64(c);
	}
	th->env = v >= 3 ? strato_cur_str(s, c, STRATO_ARGS_MAX, &th->env_len) : strato_empty(s, c);
	if (v >= 4) {
		th->vtid = (int64_t)strato_cur_u64(c);
		th->vpid = (int64_t)strato_cur_u64(c);
		th->cgroups = strato_cur_str(s, c, STRATO_ARGS_MAX, &th->cgroups_len);
	} else {
		th->vtid = th->tid;
		th->vpid = th->pid;
		th->cgroups = strato_empty(s, c);
	}
	th->root = v >= 5 ? strato_cur_str(s, c, STRATO_PATH_MAX, NULL) : strato_empty(s, c);
	th->loginuid = 0xFFFFFFFFu;
	th->pgid = -1;
	if (v < 9 || c->err)
		return;
	/* Optional tail. libs 0.10 put pidns_init_start_ts and tty in front
	 * of loginuid; at most 29 bytes left (loginuid, exe_writable, three
	 * capability words) means the older layout. */
	size_t rest = c->len - c->off;

	if (rest > 29) {
		strato_cur_u64(c); /* pidns_init_start_ts */
		th->tty = strato_cur_u32(c);
		rest -= 12;
	}
	if (rest >= 4) {
		th->loginuid = strato_cur_u32(c);
		rest -= 4;
	}
	if (rest >= 1) {
		th->exe_writable = strato_cur_u8(c) != 0;
		rest -= 1;
	}
	if (rest >= 24) {
		th->cap_inheritable = strato_cur_u64(c);
		th->cap_permitted = strato_cur_u64(c);
		th->cap_effective = strato_cur_u64(c);
		rest -= 24;
	}
	/* exe_upper_layer 1, exe_ino* 24, exe_from_memfd 1, exe_lower_layer 1 */
	if (rest >= 26) {
		th->exe_upper_layer = strato_cur_u8(c) != 0;
		c->off += 24;
		th->exe_from_memfd = strato_cur_u8(c) != 0;
		rest -= 26;
	}
	if (rest >= 1 + 8) {
		c->off += 1;
		th->pgid = (int64_t)strato_cur_u64(c);
	}
}

static int strato_cmp_tid(const void *a, const void *b)
{
	int64_t x = ((const struct strato_thread_info *)a)->tid, y = ((const struct strato_thread_info *)b)->tid;

	return x < y ? -1 : x > y;
}

static int strato_read_pl(struct strato_scap *s, struct strato_cur *c, int v)
{
	struct strato_tables *t = s->tables;
	size_t have = t->nthreads;

	/* Entries until only padding (< 4 bytes) is left. */
	while (c->len - c->off >= 4) {
		struct strato_thread_info *th;
		struct strato_cur e = *c;
		size_t start = c->off;

		if (t->nthreads == have) {
			size_t n = have ? have * 2 : 64;
			void *p;

			if (!strato_charge(s, c, (n - have) * sizeof(*th)))
				return c->err;
			p = realloc(t->threads, n * sizeof(*th));
			if (!p)
				return strato_fail(-ENOMEM, "out of memory for the process list");
			t->threads = p;
			have = n;
		}
		if (v == 9) {
			uint32_t elen = strato_cur_u32(c);

			if (c->err)
				return c->err;
			if (elen < 4 || elen > c->len - start)
				return strato_fail(-STRATO_EFORMAT, "process list entry at offset %" PRIu64
						   ": entry length %u outside 4..%zu", c->foff + start, elen, c->len - start);
			/* A sub-cursor confined to the entry. */
			e.p = c->p + start;
			e.len = elen;
			e.off = 4;
			e.foff = c->foff + start;
			c->off = start + elen;
		}
		th = &t->threads[t->nthreads];
		memset(th, 0, sizeof(*th));
		strato_read_thread(s, v == 9 ? &e : c, v, th);
		if (v == 9 && e.err)
			c->err = e.err;
		if (c->err) {
			strato_thread_free(th);
			return c->err;
		}
		t->nthreads++;
	}
	/* Sorted by tid so FD lists find their thread in log time. */
	qsort(t->threads, t->nthreads, sizeof(*t->threads), strato_cmp_tid);
	return 0;
}

static struct strato_thread_info *strato_find_thread(struct strato_tables *t, int64_t tid)
{
	size_t lo = 0, hi = t->nthreads;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->threads[mid].tid == tid)
			return &t->threads[mid];
		if (t->threads[mid].tid < tid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* One fd entry's type-specific part; `v2` entries may end early (FILE_V2
 * dev is optional) and unknown types are kept as UNSUPPORTED. */
static void strato_read_fd(struct strato_scap *s, struct strato_cur *c, bool v2, struct strato_fd_info *fd)
{
	size_t at = c->off;

	fd->fd = (int64_t)strato_cur_u64(c);
	fd->ino = strato_cur_u64(c);
	fd->type = strato_cur_u8(c);
	switch (fd->type) {
	case STRATO_FD_IPV4_SOCK:
		strato_cur_bytes(c, fd->sip, 4);
		strato_cur_bytes(c, fd->dip, 4);
		fd->sport = strato_cur_u16(c);
		fd->dport = strato_cur_u16(c);
		fd->l4proto = strato_cur_u8(c);
		break;
	case STRATO_FD_IPV6_SOCK:
		strato_cur_bytes(c, fd->sip, 16);
		strato_cur_bytes(c, fd->dip, 16);
		fd->sport = strato_cur_u16(c);
		fd->dport = strato_cur_u16(c);
		fd->l4proto = strato_cur_u8(c);
		break;
	case STRATO_FD_IPV4_SERVSOCK: /* the listening address goes to sip/sport */
		strato_cur_bytes(c, fd->sip, 4);
		fd->sport = strato_cur_u16(c);
		fd->l4proto = strato_cur_u8(c);
		break;
	case STRATO_FD_IPV6_SERVSOCK:
		strato_cur_bytes(c, fd->sip, 16);
		fd->sport = strato_cur_u16(c);
		fd->l4proto = strato_cur_u8(c);
		break;
	case STRATO_FD_UNIX_SOCK:
		fd->unix_src = strato_cur_u64(c);
		fd->unix_dst = strato_cur_u64(c);
		fd->name = strato_cur_str(s, c, STRATO_FDNAME_MAX, NULL);
		return;
	case STRATO_FD_FILE_V2:
		fd->open_flags = strato_cur_u32(c);
		fd->name = strato_cur_str(s, c, STRATO_FDNAME_MAX, NULL);
		if (v2 && c->len - c->off >= 4) {
			fd->dev = strato_cur_u32(c);
			fd->has_dev = true;
		}
		return;
	case STRATO_FD_FILE: case STRATO_FD_DIRECTORY: case STRATO_FD_FIFO: case STRATO_FD_EVENT:
	case STRATO_FD_UNSUPPORTED: case STRATO_FD_SIGNALFD: case STRATO_FD_EVENTPOLL: case STRATO_FD_INOTIFY:
	case STRATO_FD_TIMERFD: case STRATO_FD_NETLINK: case STRATO_FD_BPF: case STRATO_FD_USERFAULTFD:
	case STRATO_FD_IOURING: case STRATO_FD_MEMFD: case STRATO_FD_PIDFD:
		fd->name = strato_cur_str(s, c, STRATO_FDNAME_MAX, NULL);
		return;
	default:
		if (c->err)
			return;
		if (!v2) {
			c->err = strato_fail(-STRATO_EFORMAT, "%s at offset %" PRIu64 ": unknown fd type %u",
					     c->what, c->foff + at, fd->type);
			return;
		}
		/* Newer kinds: the entry length lets us skip the payload. */
		char name[32];

		snprintf(name, sizeof(name), "unknown-type:[%u]", fd->type);
		fd->type = STRATO_FD_UNSUPPORTED;
		if (strato_charge(s, c, strlen(name) + 1) && !(fd->name = strdup(name)))
			c->err = strato_fail(-ENOMEM, "out of memory reading %s", c->what);
		c->off = c->len;
		return;
	}
	fd->name = strato_empty(s, c);
}

static int strato_read_fdl(struct strato_scap *s, struct strato_cur *c, bool v2)
{
	int64_t tid = (int64_t)strato_cur_u64(c);
	struct strato_thread_info *th = strato_find_thread(s->tables, tid);
	size_t have;

	if (c->err)
		return c->err;
	/* Like current libs: fds of a thread missing from the process list
	 * are ignored. */
	if (!th)
		return 0;
	have = th->nfds;
	while (c->len - c->off >= 4) {
		struct strato_cur e = *c;
		size_t start = c->off;
		struct strato_fd_info *fd;

		if (th->nfds == have) {
			size_t n = have ? have * 2 : 16;
			void *p;

			if (!strato_charge(s, c, (n - have) * sizeof(*fd)))
				return c->err;
			p = realloc(th->fds, n * sizeof(*fd));
			if (!p)
				return strato_fail(-ENOMEM, "out of memory for an fd list");
			th->fds = p;
			have = n;
		}
		if (v2) {
			uint32_t elen = strato_cur_u32(c);

			if (c->err)
				return c->err;
			if (elen < 4 || elen > c->len - start)
				return strato_fail(-STRATO_EFORMAT, "fd list entry at offset %" PRIu64
						   ": entry length %u outside 4..%zu", c->foff + start, elen, c->len - start);
			e.p = c->p + start;
			e.len = elen;
			e.off = 4;
			e.foff = c->foff + start;
			c->off = start + elen;
		}
		fd = &th->fds[th->nfds];
		memset(fd, 0, sizeof(*fd));
		strato_read_fd(s, v2 ? &e : c, v2, fd);
		if (v2 && e.err)
			c->err = e.err;
		if (c->err) {
			free(fd->name);
			return c->err;
		}
		th->nfds++;
	}
	return 0;
}

static int strato_read_il(struct strato_scap *s, struct strato_cur *c, bool v2)
{
	struct strato_tables *t = s->tables;

	while (c->len - c->off >= 4) {
		struct strato_cur e = *c;
		struct strato_iface_info ifc = { 0 };
		uint16_t type, namelen;
		size_t start = c->off, alen;

		if (v2) {
			/* IL_V2 entry lengths do not count themselves. */
			uint32_t elen = strato_cur_u32(c);

			if (c->err)
				return c->err;
			if (elen > c->len - start - 4)
				return strato_fail(-STRATO_EFORMAT, "interface list entry at offset %" PRIu64
						   ": entry length %u exceeds the %zu bytes left",
						   c->foff + start, elen, c->len - start - 4);
			e.p = c->p + start + 4;
			e.len = elen;
			e.off = 0;
			e.foff = c->foff + start + 4;
			c->off = start + 4 + elen;
		}
		struct strato_cur *r = v2 ? &e : c;

		type = strato_cur_u16(r);
		namelen = strato_cur_u16(r);
		if (r->err)
			return c->err = r->err;
		if (type < 1 || type > 4) {
			if (v2)
				continue;
			return strato_fail(-STRATO_EFORMAT, "interface list entry at offset %" PRIu64
					   ": unknown address type %u", c->foff + start, type);
		}
		if (namelen > STRATO_IFNAME_MAX)
			return strato_fail(-STRATO_EFORMAT, "interface list entry at offset %" PRIu64
					   ": name of %u bytes", c->foff + start, namelen);
		ifc.ipv6 = type == 2 || type == 4;
		alen = ifc.ipv6 ? 16 : 4;
		strato_cur_bytes(r, ifc.addr, alen);
		strato_cur_bytes(r, ifc.netmask, alen);
		strato_cur_bytes(r, ifc.bcast, alen);
		if (type <= 2)
			ifc.linkspeed = strato_cur_u64(r);
		if (!strato_cur_need(r, namelen) || !strato_charge(s, r, namelen + 1 + sizeof(ifc)))
			return c->err = r->err;
		ifc.name = malloc((size_t)namelen + 1);
		if (!ifc.name)
			return strato_fail(-ENOMEM, "out of memory for the interface list");
		memcpy(ifc.name, r->p + r->off, namelen);
		ifc.name[namelen] = 0;
		r->off += namelen;
		void *p = realloc(t->ifaces, (t->nifaces + 1) * sizeof(ifc));

		if (!p) {
			free(ifc.name);
			return strato_fail(-ENOMEM, "out of memory for the interface list");
		}
		t->ifaces = p;
		t->ifaces[t->nifaces++] = ifc;
	}
	return 0;
}

static int strato_read_ul(struct strato_scap *s, struct strato_cur *c, bool v2)
{
	struct strato_tables *t = s->tables;

	while (c->len - c->off >= 4) {
		struct strato_cur e = *c;
		size_t start = c->off;

		if (v2) {
			uint32_t elen = strato_cur_u32(c);

			if (c->err)
				return c->err;
			if (elen < 4 || elen > c->len - start)
				return strato_fail(-STRATO_EFORMAT, "user list entry at offset %" PRIu64
						   ": entry length %u outside 4..%zu", c->foff + start, elen, c->len - start);
			e.p = c->p + start;
			e.len = elen;
			e.off = 4;
			e.foff = c->foff + start;
			c->off = start + elen;
		}
		struct strato_cur *r = v2 ? &e : c;
		uint8_t kind = strato_cur_u8(r);

		if (kind == 0) {
			struct strato_user_info u = { 0 };
			void *p = NULL;

			u.uid = strato_cur_u32(r);
			u.gid = strato_cur_u32(r);
			u.name = strato_cur_str(s, r, STRATO_USERSTR_MAX, NULL);
			u.home = strato_cur_str(s, r, STRATO_USERSTR_MAX, NULL);
			u.shell = strato_cur_str(s, r, STRATO_USERSTR_MAX, NULL);
			if (!r->err && strato_charge(s, r, sizeof(u)) &&
			    !(p = realloc(t->users, (t->nusers + 1) * sizeof(u))))
				r->err = strato_fail(-ENOMEM, "out of memory for the user list");
			if (r->err) {
				free(u.name); free(u.home); free(u.shell);
				return c->err = r->err;
			}
			t->users = p;
			t->users[t->nusers++] = u;
		} else if (kind == 1) {
			struct strato_group_info g = { 0 };
			void *p = NULL;

			g.gid = strato_cur_u32(r);
			g.name = strato_cur_str(s, r, STRATO_USERSTR_MAX, NULL);
			if (!r->err && strato_charge(s, r, sizeof(g)) &&
			    !(p = realloc(t->groups, (t->ngroups + 1) * sizeof(g))))
				r->err = strato_fail(-ENOMEM, "out of memory for the group list");
			if (r->err) {
				free(g.name);
				return c->err = r->err;
			}
			t->groups = p;
			t->groups[t->ngroups++] = g;
		} else if (r->err) {
			return c->err = r->err;
		} else if (!v2) {
			return strato_fail(-STRATO_EFORMAT, "user list entry at offset %" PRIu64 ": unknown kind %u",
					   c->foff + start, kind);
		}
	}
	return 0;
}

static int strato_read_mi(struct strato_scap *s, struct strato_cur *c)
{
	struct strato_machine_info *mi = &s->tables->machine;

	if (c->len < STRATO_MI_BODY_LEN)
		return strato_fail(-STRATO_EFORMAT, "machine info block at offset %" PRIu64 ": body of %zu bytes, needs %u",
				   c->foff - 8, c->len, STRATO_MI_BODY_LEN);
	mi->num_cpus = strato_cur_u32(c);
	mi->memory_bytes = strato_cur_u64(c);
	mi->max_pid = strato_cur_u64(c);
	strato_cur_bytes(c, mi->hostname, sizeof(mi->hostname));
	mi->hostname[sizeof(mi->hostname) - 1] = 0;
	mi->boot_ts_epoch = strato_cur_u64(c);
	mi->flags = strato_cur_u64(c);
	s->tables->has_machine = true;
	return 0;
}

/* Version of a process-list block type, or 0. */
static int strato_pl_version(uint32_t type)
{
	switch (type) {
	case STRATO_BLK_PL_V1: case STRATO_BLK_PL_V1_INT: return 1;
	case STRATO_BLK_PL_V2: case STRATO_BLK_PL_V2_INT: return 2;
	case STRATO_BLK_PL_V3: case STRATO_BLK_PL_V3_INT: return 3;
	case STRATO_BLK_PL_V4: return 4;
	case STRATO_BLK_PL_V5: return 5;
	case STRATO_BLK_PL_V6: return 6;
	case STRATO_BLK_PL_V7: return 7;
	case STRATO_BLK_PL_V8: return 8;
	case STRATO_BLK_PL_V9: return 9;
	}
	return 0;
}

/* Parses a complete non-event block at buf[pos] (trailer already checked).
 * Returns 0, or an error; unknown types are skipped. */
static int strato_read_meta(struct strato_scap *s, uint32_t type, uint32_t len)
{
	struct strato_cur c = {
		.p = s->buf + s->pos + 8, .len = len - 12, .foff = strato_off(s) + 8,
	};
	int v = strato_pl_version(type), err;

	if (v) {
		c.what = "process list";
		err = strato_read_pl(s, &c, v);
	} else {
		switch (type) {
		case STRATO_BLK_MI: case STRATO_BLK_MI_INT:
			c.what = "machine info";
			err = strato_read_mi(s, &c);
			break;
		case STRATO_BLK_FDL: case STRATO_BLK_FDL_INT: case STRATO_BLK_FDL_V2:
			c.what = "fd list";
			err = strato_read_fdl(s, &c, type == STRATO_BLK_FDL_V2);
			break;
		case STRATO_BLK_IL: case STRATO_BLK_IL_INT: case STRATO_BLK_IL_V2:
			c.what = "interface list";
			err = strato_read_il(s, &c, type == STRATO_BLK_IL_V2);
			break;
		case STRATO_BLK_UL: case STRATO_BLK_UL_INT: case STRATO_BLK_UL_V2:
			c.what = "user list";
			err = strato_read_ul(s, &c, type == STRATO_BLK_UL_V2);
			break;
		default:
			err = 0; /* unknown block before the events: skipped */
		}
	}
	return err ? err : c.err;
}

static bool strato_is_event_block(uint32_t type)
{
	switch (type) {
	case STRATO_BLK_EV: case STRATO_BLK_EV_INT: case STRATO_BLK_EVF: case STRATO_BLK_EV_V2:
	case STRATO_BLK_EVF_V2: case STRATO_BLK_EV_V2_LARGE: case STRATO_BLK_EVF_V2_LARGE:
		return true;
	}
	return false;
}

/* Rebuilds a legacy event (22-byte header without nparams) in the current
 * encoding. The parameter count is the largest one, starting from the
 * 2022 table's, whose length array adds up to the event's length. */
static int strato_legacy_event(struct strato_scap *s, const uint8_t *raw, size_t avail, uint64_t off,
			       const uint8_t **out, size_t *outlen)
{
	uint32_t len = strato_ld32(raw + 16);
	uint16_t type = strato_ld16(raw + 20);
	const struct strato_event_info *ei = strato_event_info_get(type);
	unsigned width = strato_event_lenwidth(type);
	int n = ei->nparams_2022 >= 0 ? ei->nparams_2022 : ei->nparams;
	int err;

	if (len < 22 || len > avail)
		return strato_fail(-STRATO_EFORMAT, "event at offset %" PRIu64 ": length %u outside 22..%zu", off, len,
				   avail);
	for (; n >= 0; n--) {
		uint64_t sum = 22 + (uint64_t)n * width;

		if (sum > len)
			continue;
		for (int i = 0; i < n; i++)
			sum += width == 2 ? strato_ld16(raw + 22 + 2 * i) : strato_ld32(raw + 22 + 4 * i);
		if (sum == len)
			break;
	}
	if (n < 0)
		return strato_fail(-STRATO_EFORMAT, "legacy %s event at offset %" PRIu64
				   ": no parameter count matches its length %u", ei->name, off, len);
	s->conv.len = 0;
	err = strato_buf_reserve(&s->conv, (size_t)len + 4, STRATO_LARGE_MAX + 4);
	if (err)
		return strato_fail(err, "out of memory converting a legacy event");
	memcpy(s->conv.data, raw, 22);
	strato_st32(s->conv.data + 16, len + 4);
	strato_st32(s->conv.data + 22, (uint32_t)n);
	memcpy(s->conv.data + 26, raw + 22, len - 22);
	*out = s->conv.data;
	*outlen = (size_t)len + 4;
	return 0;
}

/* What the reader does with each event type (worked out once). */
enum {
	STRATO_RK_SKIP,     /* unknown or unused: skipped and counted */
	STRATO_RK_ENTER,    /* system call enter: waits for its exit */
	STRATO_RK_EXIT,     /* exit: merged with its waiting enter */
	STRATO_RK_OTHER,    /* enter-only kind: delivered as it is */
	STRATO_RK_PROCEXIT, /* also ends the thread's pending system call */
};
static uint8_t strato_read_kinds[STRATO_EVENT_TABLE_SIZE];
static pthread_once_t strato_read_kinds_once = PTHREAD_ONCE_INIT;

static void strato_read_kinds_init(void)
{
	for (unsigned t = 0; t < STRATO_EVENT_TABLE_SIZE; t++) {
		const struct strato_event_info *info = strato_event_info_get((uint16_t)t);

		if (!info || (info->flags & STRATO_EF_UNUSED))
			strato_read_kinds[t] = STRATO_RK_SKIP;
		else if (strato_merge_is_syscall_enter((uint16_t)t))
			strato_read_kinds[t] = STRATO_RK_ENTER;
		else if (!strato_event_is_enter((uint16_t)t))
			strato_read_kinds[t] = STRATO_RK_EXIT;
		else if (!strcmp(info->name, "procexit"))
			strato_read_kinds[t] = STRATO_RK_PROCEXIT;
		else
			strato_read_kinds[t] = STRATO_RK_OTHER;
	}
}

static unsigned strato_read_kind(uint16_t type)
{
	if (type < STRATO_EVENT_TABLE_SIZE)
		return strato_read_kinds[type];
	return type == STRATO_EVENT_GAP ? STRATO_RK_OTHER : STRATO_RK_SKIP;
}

/* The held enter's exit is not the next block, or the buffer is about to
 * move: the enter goes into the merge table as a copy. A slot is free: one
 * was when the enter was held, and nothing was stored since. */
static int strato_pend_commit(struct strato_scap *s)
{
	s->pend = false;
	return strato_merge_keep(&s->merge, &s->enter);
}

/* Is the next block a whole small event block already in buf, so that
 * reading it cannot move the held enter's bytes? */
static bool strato_pend_ok(const struct strato_scap *s)
{
	size_t have = s->end - s->pos;
	uint32_t type, len;

	if (have < 8)
		return false;
	type = strato_ld32(s->buf + s->pos);
	len = strato_ld32(s->buf + s->pos + 4);
	return (type == STRATO_BLK_EV_V2 || type == STRATO_BLK_EVF_V2) && len >= 12 && len <= have &&
	       len <= STRATO_BLK_MAX_SMALL + 8;
}

/* Decodes the event block at buf[pos]. Returns STRATO_EVENT with *out set,
 * or 0 when the event is not delivered (unknown type, enter event).
 * Inlined into both of strato_step's paths, so that its fast path gets a
 * copy specialised for the one block type nearly every file uses. */
static inline __attribute__((always_inline)) int strato_read_event(struct strato_scap *s, uint32_t type,
								   uint32_t len, const strato_event **out)
{
	const uint8_t *b = s->buf + s->pos;
	bool flags = type == STRATO_BLK_EVF || type == STRATO_BLK_EVF_V2 || type == STRATO_BLK_EVF_V2_LARGE;
	bool legacy = type == STRATO_BLK_EV || type == STRATO_BLK_EV_INT || type == STRATO_BLK_EVF;
	size_t hdr = 8 + 2 + (flags ? 4 : 0), minev = legacy ? 22 : STRATO_EVT_HDR_LEN;
	uint64_t off = strato_off(s);
	const uint8_t *raw = b + hdr;
	const strato_event *orphan = NULL;
	struct strato_event *ev;
	size_t avail;
	uint16_t etype;
	unsigned kind;
	bool pair = false;
	int err = 0;

	if (len < hdr + minev + 4) {
		err = strato_fail(-STRATO_EFORMAT, "event block at offset %" PRIu64 ": length %u is too small", off, len);
		goto fail;
	}
	/* The trailer of event blocks is not checked and bytes between the
	 * event and the trailer are ignored, as both reference readers do. */
	avail = len - 4 - hdr;
	s->nevents++; /* skipped ones too: numbers are positions in the file */
	etype = strato_ld16(raw + 20);
	if (s->pend) {
		pair = !legacy && etype == s->enter.type + 1 && strato_ld64(raw + 8) == strato_ld64(s->enter.raw + 8);
		if (!pair && (err = strato_pend_commit(s)))
			return err;
	}
	kind = strato_read_kind(etype);
	if (kind == STRATO_RK_SKIP) {
		s->skipped_unknown++;
		if (pair)
			err = strato_pend_commit(s);
		return err;
	}
	if (legacy) {
		err = strato_legacy_event(s, raw, avail, off + hdr, &raw, &avail);
		if (err)
			return err;
	}
	ev = kind == STRATO_RK_ENTER ? &s->enter : &s->ev;
	err = strato_event_parse(ev, raw, avail);
	if (err) {
		err = strato_fail(err, "event block at offset %" PRIu64 ": %s", off, strato_last_error());
		goto fail;
	}
	ev->cpu = strato_ld16(b + 8);
	ev->dump_flags = flags ? strato_ld32(b + 10) : 0;
	ev->origin = STRATO_ORIGIN_FILE;
	ev->num = s->nevents;
	ev->file_nparams = (uint8_t)(ev->nparams < 255 ? ev->nparams : 255);
	*out = ev;
	if (pair) {
		s->pend = false;
		err = strato_merge_pair(&s->merge, ev, &s->enter, out);
		if (err)
			return strato_fail(err, "event block at offset %" PRIu64 ": %s", off, strato_last_error());
		return STRATO_EVENT;
	}
	switch (kind) {
	case STRATO_RK_ENTER:
		if (ev->len > STRATO_MERGE_MAX_ENTER) {
			/* too large to keep waiting: delivered as it is */
			err = strato_merge_flush_tid(&s->merge, strato_event_tid(ev), &orphan);
			break;
		}
		*out = NULL;
		/* nothing waits in the table in the usual compat layout */
		if (s->merge.nused && (err = strato_merge_flush_tid(&s->merge, strato_ld64(raw + 8), &orphan)))
			break;
		if (!legacy && s->merge.free_head >= 0) {
			s->pend = true; /* bytes in buf (a legacy one is in conv) */
		} else {
			const strato_event *evicted = NULL;

			/* no orphan came from the flush (it would have freed a
			 * slot), so at most one comes from here */
			err = strato_merge_store(&s->merge, ev, &evicted);
			if (evicted)
				orphan = evicted;
		}
		break;
	case STRATO_RK_EXIT:
		err = strato_merge_exit(&s->merge, ev, out, &orphan);
		break;
	case STRATO_RK_PROCEXIT:
		/* A thread that exits ends its pending system call (exit_group). */
		err = strato_merge_flush_tid(&s->merge, strato_event_tid(ev), &orphan);
		break;
	}
	if (err)
		return strato_fail(err, "event block at offset %" PRIu64 ": %s", off, strato_last_error());
	if (orphan) {
		s->deferred = *out;
		*out = orphan;
	}
	return *out ? STRATO_EVENT : 0;
fail:
	/* The held enter waits in the table, as if it had never been held. */
	if (s->pend)
		strato_pend_commit(s);
	return err;
}

/* Starts a section at the section header block at buf[pos]; its first 12
 * bytes are available. */
static int strato_read_shb(struct strato_scap *s, uint32_t len)
{
	uint64_t off = strato_off(s);
	uint32_t magic = strato_ld32(s->buf + s->pos + 8);
	uint16_t major, minor;
	int rc;

	if (magic == __builtin_bswap32(STRATO_SHB_MAGIC))
		return strato_fail(-STRATO_EFORMAT, "section header at offset %" PRIu64
				   ": byte-swapped (big-endian) capture, not supported", off);
	if (magic != STRATO_SHB_MAGIC)
		return strato_fail(-STRATO_EFORMAT, "section header at offset %" PRIu64 ": bad magic 0x%08x", off, magic);
	if (len < 28 || len > STRATO_META_MAX)
		return strato_fail(-STRATO_EFORMAT, "section header at offset %" PRIu64 ": length %u outside 28..%u", off,
				   len, STRATO_META_MAX);
	rc = strato_fill(s, len, STRATO_META_MAX);
	if (rc)
		return rc < 0 ? rc : strato_fail(-STRATO_ETRUNC, "file ends inside the section header at offset %" PRIu64, off);
	major = strato_ld16(s->buf + s->pos + 12);
	minor = strato_ld16(s->buf + s->pos + 14);
	if (major != STRATO_SHB_MAJOR)
		return strato_fail(-STRATO_EVERSION, "section header at offset %" PRIu64 ": format version %u.%u, only 1.x is supported",
				   off, major, minor);
	if (strato_ld32(s->buf + s->pos + len - 4) != len)
		return strato_fail(-STRATO_EFORMAT, "section header at offset %" PRIu64 ": trailer %u differs from its length %u",
				   off, strato_ld32(s->buf + s->pos + len - 4), len);
	/* pcapng options may follow section_length; they are skipped. A new
	 * section is a new capture: its tables replace the previous ones. */
	strato_tables_clear(s->tables);
	strato_merge_reset(&s->merge);
	s->budget = STRATO_TABLES_BUDGET;
	s->in_events = false;
	s->ra_hold = false;
	s->pos += len;
	return 0;
}

/* Handles the next block. `out` NULL: stop (return 1) in front of the first
 * event block instead of reading it. Returns STRATO_EVENT, STRATO_EOF, 0
 * (a block without an event to deliver), 1 or a negative error. */
static int strato_step(struct strato_scap *s, const strato_event **out)
{
	uint64_t off;
	uint32_t type, len, limit;
	bool event;
	int rc;

	/* The block of nearly every event: a small event block of the
	 * current kind, whole in the buffer. None of the checks below can
	 * apply to it (a held enter stays valid: strato_pend_ok). An enter
	 * held for its exit goes straight on to the next block. */
	while (out && s->end - s->pos >= 8) {
		type = strato_ld32(s->buf + s->pos);
		len = strato_ld32(s->buf + s->pos + 4);
		if (type != STRATO_BLK_EV_V2 || len < 12 || len > s->end - s->pos || len > STRATO_BLK_MAX_SMALL + 8)
			break;
		s->in_events = true;
		rc = strato_read_event(s, STRATO_BLK_EV_V2, len, out);
		if (rc < 0)
			return rc;
		s->pos += len;
		if (rc)
			return rc;
	}
	if (s->pend && !strato_pend_ok(s) && (rc = strato_pend_commit(s)))
		return rc;
	rc = strato_fill(s, 8, 0);
	if (rc < 0)
		return rc;
	off = strato_off(s);
	if (rc) {
		if (s->end == s->pos)
			return STRATO_EOF;
		return strato_fail(-STRATO_ETRUNC, "file ends inside a block header at offset %" PRIu64, off);
	}
	type = strato_ld32(s->buf + s->pos);
	len = strato_ld32(s->buf + s->pos + 4);
	if (type == STRATO_SHB_TYPE) {
		/* The section ends: enter events still waiting come out first. */
		if (out && s->merge.nused) {
			rc = strato_merge_flush_oldest(&s->merge, out);
			return rc ? rc : *out ? STRATO_EVENT : 0;
		}
		if (out && s->ra_on)
			return STRATO_RA_STOP;
		rc = strato_fill(s, 12, 0);
		if (rc)
			return rc < 0 ? rc : strato_fail(-STRATO_ETRUNC, "file ends inside the section header at offset %" PRIu64, off);
		return strato_read_shb(s, len);
	}
	event = strato_is_event_block(type);
	if (event) {
		if (!out) {
			s->in_events = true;
			return 1;
		}
		s->in_events = true;
		limit = type == STRATO_BLK_EV_V2_LARGE || type == STRATO_BLK_EVF_V2_LARGE ? STRATO_LARGE_MAX
											     : STRATO_BLK_MAX_SMALL + 8;
	} else {
		if (s->in_events)
			return strato_fail(-STRATO_EFORMAT, "block of type 0x%x at offset %" PRIu64
					   " follows events; only a new section header may come after events",
					   type, off);
		limit = STRATO_META_MAX;
	}
	if (len < 12 || len > limit)
		return strato_fail(-STRATO_EFORMAT, "block of type 0x%x at offset %" PRIu64 ": length %u outside 12..%u",
				   type, off, len, limit);
	rc = strato_fill(s, len, limit);
	if (rc)
		return rc < 0 ? rc : strato_fail(-STRATO_ETRUNC, "file ends inside the %u-byte block at offset %" PRIu64
						 " (%zu bytes present)", len, off, s->end - s->pos);
	if (event) {
		rc = strato_read_event(s, type, len, out);
	} else {
		uint32_t trailer = strato_ld32(s->buf + s->pos + len - 4);

		if (trailer != len)
			return strato_fail(-STRATO_EFORMAT, "block of type 0x%x at offset %" PRIu64
					   ": trailer %u differs from its length %u", type, off, trailer, len);
		rc = strato_read_meta(s, type, len);
	}
	if (rc >= 0)
		s->pos += len;
	return rc;
}

/* The next event of the file: in the caller's thread (brk: the capture's
 * break flag) or in the read-ahead thread (brk NULL). */
static int strato_file_pull(struct strato_scap *s, const volatile sig_atomic_t *brk, const strato_event **ev_out)
{
	int rc;

	if (s->deferred) {
		*ev_out = s->deferred;
		s->deferred = NULL;
		return STRATO_EVENT;
	}
	do {
		if (brk && *brk)
			return STRATO_EOF;
		rc = strato_step(s, ev_out);
	} while (rc == 0);
	if (rc == STRATO_EOF && s->merge.nused) {
		/* Enter events whose exit the file never had. */
		rc = strato_merge_flush_oldest(&s->merge, ev_out);
		if (!rc)
			rc = *ev_out ? STRATO_EVENT : STRATO_EOF;
	}
	return rc;
}

/* In the read-ahead thread. Merging an exit with its enter is the one
 * step the caller's thread can take over (strato_merge_finish): the
 * thread leaves it there while the caller waits for events, and does it
 * itself while the caller is the slower side. */
static int strato_file_pull_ra(void *ctx, const strato_event **ev_out, bool hurry)
{
	struct strato_scap *s = ctx;

	s->merge.defer = hurry;
	return strato_file_pull(s, NULL, ev_out);
}

static int strato_file_next(strato_capture *cap, const strato_event **ev_out)
{
	struct strato_scap *s = cap->priv;
	int rc;

	if (cap->brk)
		return STRATO_EOF;
	/* Started at the first call, when the event lent last (by this
	 * thread) is no longer needed. */
	if (s->ra_ok && !s->ra && !s->ra_hold) {
		s->ra_on = true; /* before the thread runs: it reads the flag */
		if (strato_readahead_start(&s->ra, strato_file_pull_ra, s, &s->skipped_unknown))
			s->ra_on = false; /* no thread */
	}
	if (s->ra) {
		rc = strato_readahead_next(s->ra, ev_out);
		if (rc == STRATO_EVENT && (rc = strato_merge_finish(&s->finish, *ev_out, ev_out)) == 0)
			return STRATO_EVENT;
		if (rc != STRATO_RA_STOP)
			return rc;
		strato_readahead_free(s->ra);
		s->ra = NULL;
		s->ra_on = s->merge.defer = false;
		s->ra_hold = true;
	}
	return strato_file_pull(s, s->brk, ev_out);
}

static void strato_file_stats(strato_capture *cap, struct strato_stats *st)
{
	const struct strato_scap *s = cap->priv;

	st->skipped_unknown = s->ra ? strato_readahead_counter(s->ra) : s->skipped_unknown;
}

static void strato_scap_free(struct strato_scap *s)
{
	if (!s)
		return;
	strato_readahead_free(s->ra); /* first: its thread uses all the rest */
	strato_gzread_close(s->gz); /* stops its thread before the fd goes */
	if (s->fd >= 0)
		close(s->fd);
	free(s->buf);
	strato_buf_free(&s->conv);
	strato_merge_free(&s->merge);
	strato_merge_free(&s->finish);
	free(s);
}

static void strato_file_close(strato_capture *cap)
{
	strato_scap_free(cap->priv);
}

static const struct strato_capture_ops strato_file_ops = {
	.next = strato_file_next,
	.stats = strato_file_stats,
	.close = strato_file_close,
	.numbers = true,
};

int strato_capture_open_file(strato_capture **out, const char *path, const struct strato_file_opts *opts)
{
	struct strato_scap *s;
	strato_capture *cap = NULL;
	struct stat st;
	int fd, rc;

	if (!out || !path)
		return strato_fail(-EINVAL, "strato_capture_open_file: NULL argument");
	*out = NULL;
	if (!STRATO_OPTS_CHECK(opts, strato_file_opts))
		return -EINVAL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return strato_fail(-errno, "cannot open %s: %s", path, strerror(errno));
	if (fstat(fd, &st))
		st.st_mode = 0;
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return strato_fail(-EISDIR, "%s is a directory", path);
	}
	s = strato_zalloc_lines(sizeof(*s));
	if (!s) {
		close(fd);
		return strato_fail(-ENOMEM, "out of memory");
	}
	pthread_once(&strato_read_kinds_once, strato_read_kinds_init);
	s->fd = fd;
	s->cap = STRATO_READ_CHUNK;
	s->buf = aligned_alloc(STRATO_READ_ALIGN, s->cap);
	rc = s->buf ? strato_merge_init(&s->merge) : strato_fail(-ENOMEM, "out of memory");
	/* gzip by its magic; anything else is read as it is (as zlib's
	 * transparent mode did before). read(2), not pread: pipes work too. */
	while (!rc && s->end < 2) {
		ssize_t n = read(fd, s->buf + s->end, 2 - s->end);

		if (n == 0)
			break;
		if (n > 0)
			s->end += (size_t)n;
		else if (errno != EINTR)
			rc = strato_fail(-EIO, "cannot read %s: %s", path, strerror(errno));
	}
	if (!rc && s->end == 2 && s->buf[0] == 0x1f && s->buf[1] == 0x8b) {
		rc = strato_gzread_open(&s->gz, fd, s->buf, 2, !STRATO_OPTS_GET(opts, single_thread, false));
		s->end = 0;
	}
	if (!rc)
		rc = strato_capture_new(&cap, &strato_file_ops, s);
	if (rc) {
		strato_scap_free(s);
		return rc;
	}
	s->tables = &cap->tables;
	s->budget = STRATO_TABLES_BUDGET;
	s->brk = &cap->brk;
	/* a pipe could block the thread, and close must never wait on it;
	 * gzip files are inflated in a thread already */
	s->ra_ok = !s->gz && S_ISREG(st.st_mode) && !STRATO_OPTS_GET(opts, single_thread, false);
	/* The first block must be a section header. */
	rc = strato_fill(s, 8, 0);
	if (rc == 0 && strato_ld32(s->buf) != STRATO_SHB_TYPE)
		rc = strato_fail(-STRATO_EFORMAT, "%s is not a .scap capture: block type 0x%08x at offset 0 is not a section header",
				 path, strato_ld32(s->buf));
	else if (rc > 0)
		rc = strato_fail(s->end ? -STRATO_ETRUNC : -STRATO_EFORMAT, "%s is not a .scap capture: %zu bytes long", path,
				 s->end);
	/* Header blocks up to the first event block (or the end). */
	while (rc == 0)
		rc = strato_step(s, NULL);
	if (rc < 0) {
		strato_capture_close(cap);
		return rc;
	}
	*out = cap;
	return 0;
}
