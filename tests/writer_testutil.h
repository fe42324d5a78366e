/* tests/writer_testutil.h: helpers of the writer tests: events built byte by
 * byte, a capture holding hand-made tables, a walker over a written file's
 * blocks, and small file utilities. */
#ifndef STRATO_WRITER_TESTUTIL_H
#define STRATO_WRITER_TESTUTIL_H

#include "testutil.h"
#include "capture/capture.h"
#include "event/event.h"
#include "format/scap.h"
#include "format/writer_internal.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

struct strato_tparam {
	const void *p;
	uint32_t len;
};

#define STRATO_TI64(v) ((struct strato_tparam){ &(int64_t){ (v) }, 8 })
#define STRATO_TU32(v) ((struct strato_tparam){ &(uint32_t){ (v) }, 4 })
#define STRATO_TU8(v) ((struct strato_tparam){ &(uint8_t){ (v) }, 1 })
#define STRATO_TSTR(s) ((struct strato_tparam){ (s), (uint32_t)strlen(s) + 1 })
#define STRATO_TBUF(s) ((struct strato_tparam){ (s), (uint32_t)strlen(s) })
#define STRATO_TNONE ((struct strato_tparam){ "", 0 })

/* An event kept with its bytes. */
struct strato_tev {
	struct strato_event ev;
	uint8_t raw[4096];
};

/* Encodes an event (lengths u16 or u32 as the type demands) and parses it. */
static inline void strato_tev_make(struct strato_tev *t, uint64_t ts, int64_t tid, uint16_t type, unsigned n,
				   const struct strato_tparam *pp)
{
	unsigned w = strato_event_lenwidth(type);
	uint32_t len = STRATO_EVT_HDR_LEN + n * w, off;

	for (unsigned i = 0; i < n; i++)
		len += pp[i].len;
	ck_assert_uint_le(len, sizeof(t->raw));
	memset(&t->ev, 0, sizeof(t->ev));
	strato_st64(t->raw, ts);
	strato_st64(t->raw + 8, (uint64_t)tid);
	strato_st32(t->raw + 16, len);
	strato_st16(t->raw + 20, type);
	strato_st32(t->raw + 22, n);
	off = STRATO_EVT_HDR_LEN + n * w;
	for (unsigned i = 0; i < n; i++) {
		if (w == 2)
			strato_st16(t->raw + STRATO_EVT_HDR_LEN + 2 * i, (uint16_t)pp[i].len);
		else
			strato_st32(t->raw + STRATO_EVT_HDR_LEN + 4 * i, pp[i].len);
		memcpy(t->raw + off, pp[i].p, pp[i].len);
		off += pp[i].len;
	}
	ck_assert_int_eq(strato_event_parse(&t->ev, t->raw, len), 0);
}

#define STRATO_TEV(t, ts, tid, type, ...)                                                              \
	do {                                                                                            \
		const struct strato_tparam strato_tp_[] = { __VA_ARGS__ };                              \
		strato_tev_make((t), (ts), (tid), (type), STRATO_ARRAY_SIZE(strato_tp_), strato_tp_);   \
	} while (0)

/* Current-layout exit events of the tests. */
static inline void strato_tev_openat(struct strato_tev *t, uint64_t ts, int64_t tid, int64_t fd, const char *name,
				     uint32_t flags)
{
	STRATO_TEV(t, ts, tid, 307, STRATO_TI64(fd), STRATO_TI64(-100), STRATO_TSTR(name), STRATO_TU32(flags),
		   STRATO_TU32(0), STRATO_TU32(0x801), STRATO_TI64(4242));
}

static inline void strato_tev_rw(struct strato_tev *t, uint16_t type, uint64_t ts, int64_t tid, int64_t fd,
				 const char *data)
{
	STRATO_TEV(t, ts, tid, type, STRATO_TI64((int64_t)strlen(data)), STRATO_TBUF(data), STRATO_TI64(fd),
		   STRATO_TU32(4096));
}

static inline void strato_tev_close(struct strato_tev *t, uint64_t ts, int64_t tid, int64_t fd)
{
	STRATO_TEV(t, ts, tid, 5, STRATO_TI64(0), STRATO_TI64(fd));
}

static inline char *strato_tdup(const char *s)
{
	char *d = strdup(s);

	ck_assert_ptr_nonnull(d);
	return d;
}

static const struct strato_capture_ops strato_tcap_ops = { 0 };

/* A capture (no events) whose tables hold one process "stratotest"
 * (tid 4242, uid 4242) with fd 5 = /tmp/strato-fdl-file (a file), fd 7 =
 * memfd:x (type 20, which sysdig 0.29.3 does not know), fd 9 an IPv4 TCP
 * connection; a user and a group; with `iface` an interface list. */
static inline strato_capture *strato_tcap_new(bool iface)
{
	strato_capture *cap;
	struct strato_tables *t;
	struct strato_thread_info *th;
	struct strato_fd_info *f;

	ck_assert_int_eq(strato_capture_new(&cap, &strato_tcap_ops, NULL), 0);
	t = &cap->tables;
	t->has_machine = true;
	t->machine.num_cpus = 3;
	t->machine.memory_bytes = 1ull << 30;
	t->machine.max_pid = 32768;
	strcpy(t->machine.hostname, "strato-host");
	t->machine.boot_ts_epoch = 1600000000000000000ull;
	t->nthreads = 1;
	t->threads = th = calloc(1, sizeof(*th));
	th->tid = th->pid = 4242;
	th->ptid = 1;
	th->sid = th->vpgid = th->pgid = 4242;
	th->vtid = th->vpid = 4242;
	th->comm = strato_tdup("stratotest");
	th->exe = strato_tdup("stratotest");
	th->exepath = strato_tdup("/usr/bin/stratotest");
	th->cwd = strato_tdup("/tmp/");
	th->root = strato_tdup("/");
	th->args = malloc(8);
	memcpy(th->args, "-v\0-x\0", 6);
	th->args_len = 6;
	th->env = malloc(12);
	memcpy(th->env, "HOME=/root", 11);
	th->env_len = 11;
	th->cgroups = strato_tdup("");
	th->fdlimit = 1024;
	th->uid = th->gid = 4242;
	th->loginuid = 0xFFFFFFFFu;
	th->nfds = 3;
	th->fds = f = calloc(3, sizeof(*f));
	f[0].fd = 5;
	f[0].ino = 77;
	f[0].type = STRATO_FD_FILE_V2;
	f[0].open_flags = 1;
	f[0].name = strato_tdup("/tmp/strato-fdl-file");
	f[1].fd = 7;
	f[1].type = STRATO_FD_MEMFD;
	f[1].name = strato_tdup("memfd:x");
	f[2].fd = 9;
	f[2].type = STRATO_FD_IPV4_SOCK;
	f[2].l4proto = 2;
	memcpy(f[2].sip, "\x0a\x00\x00\x01", 4);
	memcpy(f[2].dip, "\x0a\x00\x00\x02", 4);
	f[2].sport = 40000;
	f[2].dport = 80;
	f[2].name = strato_tdup("");
	t->nusers = 1;
	t->users = calloc(1, sizeof(*t->users));
	t->users[0].uid = 4242;
	t->users[0].gid = 4242;
	t->users[0].name = strato_tdup("stratouser");
	t->users[0].home = strato_tdup("/home/stratouser");
	t->users[0].shell = strato_tdup("/bin/sh");
	t->ngroups = 1;
	t->groups = calloc(1, sizeof(*t->groups));
	t->groups[0].gid = 4242;
	t->groups[0].name = strato_tdup("stratogroup");
	if (iface) {
		t->nifaces = 2;
		t->ifaces = calloc(2, sizeof(*t->ifaces));
		memcpy(t->ifaces[0].addr, "\x7f\x00\x00\x01", 4);
		memcpy(t->ifaces[0].netmask, "\xff\x00\x00\x00", 4);
		t->ifaces[0].name = strato_tdup("lo");
		t->ifaces[1].ipv6 = true;
		t->ifaces[1].addr[15] = 1;
		memset(t->ifaces[1].netmask, 0xff, 16);
		t->ifaces[1].linkspeed = 1000;
		t->ifaces[1].name = strato_tdup("lo6");
	}
	return cap;
}

/* Whole file in memory (gunzipped when it is gzip); caller frees. */
static inline uint8_t *strato_tslurp(const char *path, size_t *len)
{
	gzFile f = gzopen(path, "rb");
	size_t cap = 1 << 16, n = 0;
	uint8_t *b = malloc(cap);
	int r;

	ck_assert_ptr_nonnull(f);
	while ((r = gzread(f, b + n, (unsigned)(cap - n))) > 0) {
		n += (size_t)r;
		if (n == cap)
			b = realloc(b, cap *= 2);
	}
	ck_assert_msg(r == 0, "gzread failed on %s", path);
	gzclose(f);
	*len = n;
	return b;
}

/* One block of a file, with the event inside when it is an event block. */
struct strato_tblk {
	uint32_t type, len;
	const uint8_t *body; /* len - 12 bytes */
	bool is_event;
	struct strato_event ev;
};

/* Walks the blocks of `data`: every block must be complete, with a matching
 * trailer and zero padding; events must parse and end inside their block.
 * Returns the number of blocks; `out` receives the first `max` - 1 and, in
 * its last slot, the file's last block. */
static inline size_t strato_twalk(const uint8_t *data, size_t n, struct strato_tblk *out, size_t max)
{
	size_t off = 0, k = 0;

	while (off < n) {
		uint32_t type, len;
		struct strato_tblk b = { 0 };

		ck_assert_msg(n - off >= 12, "partial block at %zu", off);
		type = strato_ld32(data + off);
		len = strato_ld32(data + off + 4);
		ck_assert_msg(len >= 12 && len % 4 == 0 && len <= n - off, "bad block length %u at %zu", len, off);
		ck_assert_msg(strato_ld32(data + off + len - 4) == len, "trailer mismatch at %zu", off);
		b.type = type;
		b.len = len;
		b.body = data + off + 8;
		if (type == STRATO_BLK_EV_V2 || type == STRATO_BLK_EVF_V2 || type == STRATO_BLK_EV_V2_LARGE ||
		    type == STRATO_BLK_EVF_V2_LARGE) {
			bool fl = type == STRATO_BLK_EVF_V2 || type == STRATO_BLK_EVF_V2_LARGE;
			size_t evoff = 2 + (fl ? 4 : 0);

			b.is_event = true;
			ck_assert_int_eq(strato_event_parse(&b.ev, b.body + evoff, len - 12 - evoff), 0);
			b.ev.cpu = strato_ld16(b.body);
			b.ev.dump_flags = fl ? strato_ld32(b.body + 2) : 0;
			ck_assert_msg(len - 12 - evoff - b.ev.len < 4, "event block with slack at %zu", off);
			for (size_t i = evoff + b.ev.len; i < len - 12; i++)
				ck_assert_msg(b.body[i] == 0, "non-zero padding at %zu", off);
		}
		if (max)
			out[k < max ? k : max - 1] = b;
		k++;
		off += len;
	}
	return k;
}

/* Integer value of parameter i of a walked event (any width). */
static inline int64_t strato_tint(const struct strato_event *ev, unsigned i)
{
	const uint8_t *p = ev->raw + ev->poff[i];

	switch (ev->plen[i]) {
	case 1: return (int8_t)p[0];
	case 2: return (int16_t)strato_ld16(p);
	case 4: return (int32_t)strato_ld32(p);
	case 8: return (int64_t)strato_ld64(p);
	}
	ck_abort_msg("parameter %u of event %u has length %u", i, ev->type, ev->plen[i]);
	return 0;
}

static inline const char *strato_tstr(const struct strato_event *ev, unsigned i)
{
	ck_assert_uint_gt(ev->plen[i], 0);
	ck_assert_int_eq(ev->raw[ev->poff[i] + ev->plen[i] - 1], 0);
	return (const char *)ev->raw + ev->poff[i];
}

/* Removes a file made under strato_tpath() and its directory. */
static inline void strato_trm(const char *path)
{
	char dir[256];
	char *slash;

	unlink(path);
	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash) {
		*slash = 0;
		rmdir(dir);
	}
}

/* A fresh path in a fresh directory under /tmp. */
static inline void strato_tpath(char *buf, size_t len, const char *name)
{
	char dir[] = "/tmp/strato-writer-XXXXXX";

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(buf, len, "%s/%s", dir, name);
}

/* Writes events until the writer fails; checks the error sticks and the file
 * holds only complete blocks and ends on an exit event. With `limit`, the
 * file size limit applies only while writing: Check records every assertion
 * in a file of its own, so no assertion may run under the limit. Returns the
 * number of blocks in the file. */
static inline size_t strato_fill_until_error(const char *path, bool gzip, int want, rlim_t limit,
					      struct strato_tblk *blks, size_t max)
{
	strato_writer *w;
	struct strato_tev t;
	STRATO_OPTS(strato_writer_opts, o, .gzip = gzip, .gzip_level = 1);
	uint8_t *d, *data;
	size_t n, nb;
	int rc = 0, rc2, rc3, i;
	char msg[STRATO_ERRMSG_MAX];
	strato_capture *cap = strato_tcap_new(false);
	struct rlimit old, rl;
	const struct strato_tblk *last;

	ck_assert_int_eq(strato_writer_open(&w, path, cap, &o), 0);
	strato_capture_close(cap);
	strato_tev_rw(&t, 9, 1000, 4242, 5, "................................................................"
					     "................................................................");
	data = t.raw + t.ev.poff[1];
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	rl = old;
	rl.rlim_cur = limit;
	if (limit)
		ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	for (i = 0; i < 2000000 && !rc; i++) {
		/* poorly compressible data so that gzip output grows too */
		for (size_t k = 0; k < t.ev.plen[1]; k++)
			data[k] = (uint8_t)('!' + ((uint32_t)i * 2654435761u + k * 40503u) % 90);
		strato_st64(t.raw, 1000 + (uint64_t)i);
		rc = strato_writer_write(w, &t.ev);
	}
	snprintf(msg, sizeof(msg), "%s", strato_last_error());
	rc2 = strato_writer_write(w, &t.ev);
	rc3 = strato_writer_close(w);
	if (limit)
		setrlimit(RLIMIT_FSIZE, &old);
	ck_assert_int_eq(rc, want);
	ck_assert_ptr_nonnull(strstr(msg, path));
	ck_assert_int_eq(rc2, want); /* refused from now on */
	ck_assert_int_eq(rc3, want); /* and close reports the first error */
	d = strato_tslurp(path, &n);
	nb = strato_twalk(d, n, blks, max);
	ck_assert_uint_gt(nb, 7);
	last = &blks[nb < max ? nb - 1 : max - 1];
	ck_assert(last->is_event);
	ck_assert_uint_eq(last->ev.type, 9);
	free(d);
	return nb;
}

#endif
