/* lib/format/scap_write.c: the .scap writer: header blocks from a capture's
 * tables, events in the 2022 layout (compat) or as they are (current),
 * plain or gzip output, and errors that never leave a file unreadable. */
#include "config.h"

#include "capture/capture.h"
#include "capture/syscalls.h"
#include "core/internal.h"
#include "event/event.h"
#include "format/scap.h"
#include "format/tables.h"
#include "format/writer_internal.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#ifdef HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

/* Output is collected in whole blocks and handed to the kernel (or to
 * deflate) in chunks of this size; with gzip every chunk becomes one gzip
 * member, so a failed chunk can be cut off and the file stays readable. */
#define STRATO_WCHUNK (1u << 20)

/* Limits of the readers: PL strings, UL strings (< 256), FDL names. */
#define STRATO_PL_PATH_MAX 1023u
#define STRATO_PL_LIST_MAX 4095u
#define STRATO_UL_STR_MAX 255u
#define STRATO_FD_NAME_MAX 1023u

/* A parameter ready to be written: `len` bytes from `p`, or from `tmp`
 * when the value was converted or defaulted; `nul` appends a terminator. */
struct strato_pout {
	const uint8_t *p;
	uint32_t len;
	bool nul;
	uint8_t tmp[16];
};

/* gzip: chunks are compressed by worker threads, each into a gzip member
 * of its own, and written in order by the writer's thread. Slots are used
 * round robin, so the oldest unfinished chunk is always the next slot. */
#define STRATO_GZ_SLOTS 4
#define STRATO_GZ_MAXTHREADS 4
#define STRATO_GZ_DEFAULT_LEVEL 1

enum strato_slot_state { STRATO_SLOT_FREE, STRATO_SLOT_QUEUED, STRATO_SLOT_BUSY, STRATO_SLOT_DONE };

struct strato_gzslot {
	uint8_t *in, *out;
	size_t in_len, in_cap, out_len, out_cap;
	enum strato_slot_state state;
	int zerr; /* 0, -ENOMEM or -EIO */
};

struct strato_gzpool {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	struct strato_gzslot slot[STRATO_GZ_SLOTS];
	unsigned next; /* slot of the next chunk */
	unsigned nthreads;
	pthread_t th[STRATO_GZ_MAXTHREADS];
	bool stop;
	int level;
};

struct strato_writer {
	int fd;
	char *path;
	enum strato_writer_profile profile;
	struct strato_gzpool *gz; /* NULL: plain */
	uint8_t *buf;   /* whole blocks not yet written */
	size_t len, cap;
	off_t good;     /* the file is complete and readable up to here */
	bool in_header; /* building the header blocks: grow, do not flush */
	int err;        /* first error, negative errno */
	char errmsg[STRATO_ERRMSG_MAX];
	struct strato_writer_counts counts;
	struct strato_pout pe[STRATO_MAX_PARAMS], px[STRATO_MAX_PARAMS];
};

/* ---- output ---- */

static int strato_wfail(struct strato_writer *w, int err, const char *what)
{
	if (!w->err) {
		w->err = strato_fail(err, "%s %s: %s", what, w->path, strerror(-err));
		strato_keep_error(w->errmsg, sizeof(w->errmsg));
	}
	return w->err;
}

/* Writes everything; on failure *done says how much reached the file. */
static int strato_write_all(int fd, const uint8_t *p, size_t n, size_t *done)
{
	*done = 0;
	while (*done < n) {
		ssize_t r = write(fd, p + *done, n - *done);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (r == 0)
			return -EIO;
		*done += (size_t)r;
	}
	return 0;
}

/* Where a plain file may end inside a buffer of which `done` bytes were
 * written: after the last complete block that is not a compat enter event
 * (an enter is only written together with its exit). */
static size_t strato_cut_point(const uint8_t *b, size_t len, size_t done)
{
	size_t off = 0, cut = 0;

	while (off + 12 <= len) {
		uint32_t blen = strato_ld32(b + off + 4), type = strato_ld32(b + off);
		size_t evoff = type == STRATO_BLK_EVF_V2 || type == STRATO_BLK_EVF_V2_LARGE ? 14 : 10;
		bool enter = false;

		if (off + blen > done)
			break;
		if (type == STRATO_BLK_EV_V2 || type == STRATO_BLK_EVF_V2 || type == STRATO_BLK_EV_V2_LARGE ||
		    type == STRATO_BLK_EVF_V2_LARGE) {
			uint16_t et = strato_ld16(b + off + evoff + 20);
			const struct strato_event_info *next = strato_event_info_get((uint16_t)(et + 1));

			enter = !(et & 1) && next && !(next->flags & STRATO_EF_UNUSED);
		}
		off += blen;
		if (!enter)
			cut = off;
	}
	return cut;
}

/* After a failed write: cut the file back to `end`, where it is complete. */
static void strato_wcut(struct strato_writer *w, off_t end)
{
	struct stat st;

	if (fstat(w->fd, &st) == 0 && S_ISREG(st.st_mode) && ftruncate(w->fd, end) == 0) {
		lseek(w->fd, end, SEEK_SET);
		w->good = end;
	}
}

/* One worker's compressor: libdeflate when available (about twice as fast
 * as zlib at the same level, same gzip member format), else zlib. */
struct strato_gzc {
#ifdef HAVE_LIBDEFLATE
	struct libdeflate_compressor *ld;
#else
	z_stream zs;
#endif
	bool ok;
};

/* Levels are zlib's 1..9; 0 picks STRATO_GZ_DEFAULT_LEVEL. */
static void strato_gzc_init(struct strato_gzc *c, int level)
{
#ifdef HAVE_LIBDEFLATE
	c->ld = libdeflate_alloc_compressor(level);
	c->ok = c->ld != NULL;
#else
	memset(&c->zs, 0, sizeof(c->zs));
	c->ok = deflateInit2(&c->zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
#endif
}

static void strato_gzc_free(struct strato_gzc *c)
{
	if (!c->ok)
		return;
#ifdef HAVE_LIBDEFLATE
	libdeflate_free_compressor(c->ld);
#else
	deflateEnd(&c->zs);
#endif
}

static int strato_gz_compress(struct strato_gzc *c, struct strato_gzslot *s)
{
#ifdef HAVE_LIBDEFLATE
	size_t bound = libdeflate_gzip_compress_bound(c->ld, s->in_len);
#else
	size_t bound = deflateBound(&c->zs, s->in_len);
#endif

	if (bound > s->out_cap) {
		uint8_t *o = realloc(s->out, bound);

		if (!o)
			return -ENOMEM;
		s->out = o;
		s->out_cap = bound;
	}
#ifdef HAVE_LIBDEFLATE
	s->out_len = libdeflate_gzip_compress(c->ld, s->in, s->in_len, s->out, s->out_cap);
	return s->out_len ? 0 : -EIO;
#else
	deflateReset(&c->zs);
	c->zs.next_in = s->in;
	c->zs.avail_in = (uInt)s->in_len;
	c->zs.next_out = s->out;
	c->zs.avail_out = (uInt)s->out_cap;
	if (deflate(&c->zs, Z_FINISH) != Z_STREAM_END)
		return -EIO;
	s->out_len = s->out_cap - c->zs.avail_out;
	return 0;
#endif
}

static void *strato_gz_worker(void *arg)
{
	struct strato_gzpool *gp = arg;
	struct strato_gzc c;

	strato_gzc_init(&c, gp->level);
	pthread_mutex_lock(&gp->mu);
	for (;;) {
		struct strato_gzslot *s = NULL;

		for (unsigned i = 0; i < STRATO_GZ_SLOTS && !s; i++)
			if (gp->slot[i].state == STRATO_SLOT_QUEUED)
				s = &gp->slot[i];
		if (!s) {
			if (gp->stop)
				break;
			pthread_cond_wait(&gp->work, &gp->mu);
			continue;
		}
		s->state = STRATO_SLOT_BUSY;
		pthread_mutex_unlock(&gp->mu);
		s->zerr = c.ok ? strato_gz_compress(&c, s) : -ENOMEM;
		pthread_mutex_lock(&gp->mu);
		s->state = STRATO_SLOT_DONE;
		pthread_cond_broadcast(&gp->done);
	}
	pthread_mutex_unlock(&gp->mu);
	strato_gzc_free(&c);
	return NULL;
}

/* Waits for a slot's chunk to be compressed and writes it (unless the
 * writer already failed); the slot is free afterwards. */
static int strato_gz_reap(struct strato_writer *w, struct strato_gzslot *s)
{
	struct strato_gzpool *gp = w->gz;
	size_t done;
	int err;

	enum strato_slot_state was;

	/* The workers scan every slot's state under the lock, so it only
	 * changes under the lock (ThreadSanitizer found the unlocked write). */
	pthread_mutex_lock(&gp->mu);
	while (s->state == STRATO_SLOT_QUEUED || s->state == STRATO_SLOT_BUSY)
		pthread_cond_wait(&gp->done, &gp->mu);
	was = s->state;
	s->state = STRATO_SLOT_FREE;
	pthread_mutex_unlock(&gp->mu);
	if (was == STRATO_SLOT_FREE)
		return w->err;
	if (w->err)
		return w->err;
	if (s->zerr)
		return strato_wfail(w, s->zerr, "compressing for");
	err = strato_write_all(w->fd, s->out, s->out_len, &done);
	if (err) {
		strato_wcut(w, w->good); /* back to the end of the last whole member */
		return strato_wfail(w, err, "writing");
	}
	w->good += (off_t)s->out_len;
	return 0;
}

/* Writes every chunk still in the pool, oldest first. */
static int strato_gz_drain(struct strato_writer *w)
{
	for (unsigned i = 0; i < STRATO_GZ_SLOTS; i++)
		strato_gz_reap(w, &w->gz->slot[(w->gz->next + i) % STRATO_GZ_SLOTS]);
	return w->err;
}

/* Hands the buffer to the compressors and takes the slot's old buffer. */
static int strato_gz_submit(struct strato_writer *w)
{
	struct strato_gzpool *gp = w->gz;
	struct strato_gzslot *s = &gp->slot[gp->next];
	uint8_t *b;
	size_t c;

	if (strato_gz_reap(w, s))
		return w->err;
	if (!s->in) {
		s->in = malloc(w->cap);
		if (!s->in)
			return strato_wfail(w, -ENOMEM, "buffering");
		s->in_cap = w->cap;
	}
	b = s->in;
	c = s->in_cap;
	s->in = w->buf;
	s->in_cap = w->cap;
	s->in_len = w->len;
	w->buf = b;
	w->cap = c;
	w->len = 0;
	pthread_mutex_lock(&gp->mu);
	s->state = STRATO_SLOT_QUEUED;
	pthread_cond_signal(&gp->work);
	pthread_mutex_unlock(&gp->mu);
	gp->next = (gp->next + 1) % STRATO_GZ_SLOTS;
	return 0;
}

static int strato_gz_start(struct strato_writer *w, int level)
{
	struct strato_gzpool *gp = calloc(1, sizeof(*gp));
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned want = ncpu < 1 ? 1 : ncpu > STRATO_GZ_MAXTHREADS ? STRATO_GZ_MAXTHREADS : (unsigned)ncpu;
	sigset_t all, old;

	if (!gp)
		return strato_fail(-ENOMEM, "out of memory");
	gp->level = level ? level : STRATO_GZ_DEFAULT_LEVEL;
	pthread_mutex_init(&gp->mu, NULL);
	pthread_cond_init(&gp->work, NULL);
	pthread_cond_init(&gp->done, NULL);
	w->gz = gp;
	/* The application's signals must keep going to its own threads. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (; gp->nthreads < want; gp->nthreads++)
		if (pthread_create(&gp->th[gp->nthreads], NULL, strato_gz_worker, gp))
			break;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!gp->nthreads)
		return strato_fail(-EAGAIN, "cannot start a compression thread");
	return 0;
}

/* Stops the compressors (after strato_gz_drain) and frees the pool. */
static void strato_gz_stop(struct strato_writer *w)
{
	struct strato_gzpool *gp = w->gz;

	if (!gp)
		return;
	pthread_mutex_lock(&gp->mu);
	gp->stop = true;
	pthread_cond_broadcast(&gp->work);
	pthread_mutex_unlock(&gp->mu);
	for (unsigned i = 0; i < gp->nthreads; i++)
		pthread_join(gp->th[i], NULL);
	for (unsigned i = 0; i < STRATO_GZ_SLOTS; i++) {
		free(gp->slot[i].in);
		free(gp->slot[i].out);
	}
	pthread_mutex_destroy(&gp->mu);
	pthread_cond_destroy(&gp->work);
	pthread_cond_destroy(&gp->done);
	free(gp);
	w->gz = NULL;
}

/* Writes the buffered blocks (gzip: queues them for compression). On a
 * failed write the file is cut back to a block boundary (plain) or to the
 * end of the last whole gzip member, so what is in the file stays readable. */
static int strato_wflush(struct strato_writer *w)
{
	size_t done;
	int err;

	if (w->err)
		return w->err;
	if (!w->len)
		return 0;
	if (w->gz)
		return strato_gz_submit(w);
	err = strato_write_all(w->fd, w->buf, w->len, &done);
	if (err) {
		strato_wcut(w, w->good + (off_t)strato_cut_point(w->buf, w->len, done));
		return strato_wfail(w, err, "writing");
	}
	w->good += (off_t)w->len;
	w->len = 0;
	return 0;
}

/* Room for `n` more bytes at the end of the buffer, flushing first when the
 * chunk is full (never while the header is built: its blocks are patched in
 * place). Callers reserve a whole record (an enter+exit pair) at once
 * so that a chunk never splits it. */
static uint8_t *strato_wreserve(struct strato_writer *w, size_t n)
{
	if (w->len + n > w->cap) {
		if (w->len && !w->in_header && strato_wflush(w))
			return NULL;
		if (w->len + n > w->cap) {
			size_t cap = w->cap * 2 > w->len + n ? w->cap * 2 : w->len + n;
			uint8_t *b = realloc(w->buf, cap);

			if (!b) {
				strato_wfail(w, -ENOMEM, "buffering");
				return NULL;
			}
			w->buf = b;
			w->cap = cap;
		}
	}
	return w->buf + w->len;
}

/* ---- header blocks ---- */

static uint8_t *strato_hput(struct strato_writer *w, const void *p, size_t n)
{
	uint8_t *d = strato_wreserve(w, n);

	if (d) {
		memcpy(d, p, n);
		w->len += n;
	}
	return d;
}

static void strato_h8(struct strato_writer *w, uint8_t v) { strato_hput(w, &v, 1); }
static void strato_h16(struct strato_writer *w, uint16_t v) { strato_hput(w, &v, 2); }
static void strato_h32(struct strato_writer *w, uint32_t v) { strato_hput(w, &v, 4); }
static void strato_h64(struct strato_writer *w, uint64_t v) { strato_hput(w, &v, 8); }

/* u16 length + bytes, no terminator, at most `max` bytes. */
static void strato_hstr(struct strato_writer *w, const char *s, size_t n, size_t max)
{
	if (!s)
		n = 0;
	if (n > max)
		n = max;
	strato_h16(w, (uint16_t)n);
	if (n)
		strato_hput(w, s, n);
}

static void strato_hcstr(struct strato_writer *w, const char *s, size_t max)
{
	strato_hstr(w, s, s ? strlen(s) : 0, max);
}

/* Blocks and entries are written with a placeholder length that is patched
 * when they end; offsets stay valid while the header is built because the
 * buffer is only flushed after the last header block. */
static size_t strato_hbegin(struct strato_writer *w, uint32_t type)
{
	size_t at = w->len;

	strato_h32(w, type);
	strato_h32(w, 0);
	return at;
}

static void strato_hend(struct strato_writer *w, size_t at)
{
	static const uint8_t zero[4];
	uint32_t total;

	if (w->err)
		return;
	strato_hput(w, zero, (4 - (w->len - at) % 4) % 4);
	total = (uint32_t)(w->len - at + 4);
	strato_h32(w, total);
	if (!w->err)
		strato_st32(w->buf + at + 4, total);
}

static void strato_entry_end(struct strato_writer *w, size_t at, uint32_t adjust)
{
	if (!w->err)
		strato_st32(w->buf + at, (uint32_t)(w->len - at) - adjust);
}

static void strato_local_machine(struct strato_machine_info *m)
{
	struct timespec rt, bt;
	long n = sysconf(_SC_NPROCESSORS_ONLN), pages = sysconf(_SC_PHYS_PAGES),
	     psz = sysconf(_SC_PAGESIZE);
	FILE *f = fopen("/proc/sys/kernel/pid_max", "re");
	unsigned long long pid_max = 0;

	memset(m, 0, sizeof(*m));
	m->num_cpus = n > 0 ? (uint32_t)n : 0;
	m->memory_bytes = pages > 0 && psz > 0 ? (uint64_t)pages * (uint64_t)psz : 0;
	if (f) {
		if (fscanf(f, "%llu", &pid_max) != 1)
			pid_max = 0;
		fclose(f);
	}
	m->max_pid = pid_max;
	if (gethostname(m->hostname, sizeof(m->hostname) - 1))
		m->hostname[0] = 0;
	if (!clock_gettime(CLOCK_REALTIME, &rt) && !clock_gettime(CLOCK_BOOTTIME, &bt))
		m->boot_ts_epoch = ((uint64_t)rt.tv_sec - (uint64_t)bt.tv_sec) * 1000000000ull +
				   (uint64_t)rt.tv_nsec - (uint64_t)bt.tv_nsec;
}

static void strato_put_mi(struct strato_writer *w, const struct strato_machine_info *m)
{
	size_t at = strato_hbegin(w, STRATO_BLK_MI);
	uint8_t body[STRATO_MI_BODY_LEN] = { 0 };

	strato_st32(body, m->num_cpus);
	strato_st64(body + 4, m->memory_bytes);
	strato_st64(body + 12, m->max_pid);
	memcpy(body + 20, m->hostname, strnlen(m->hostname, 127));
	strato_st64(body + 148, m->boot_ts_epoch);
	strato_st64(body + 156, m->flags);
	strato_hput(w, body, sizeof(body));
	strato_hend(w, at);
}

static void strato_put_il(struct strato_writer *w, const struct strato_tables *t)
{
	size_t at = strato_hbegin(w, STRATO_BLK_IL_V2);

	for (size_t i = 0; i < t->nifaces; i++) {
		const struct strato_iface_info *ifc = &t->ifaces[i];
		size_t alen = ifc->ipv6 ? 16 : 4, nlen = strnlen(ifc->name ? ifc->name : "", 255);
		size_t e = w->len;

		/* IL entry lengths exclude their own 4 bytes (PL/FDL/UL include them). */
		strato_h32(w, 0);
		strato_h16(w, ifc->ipv6 ? 2 : 1);
		strato_h16(w, (uint16_t)nlen);
		strato_hput(w, ifc->addr, alen);
		strato_hput(w, ifc->netmask, alen);
		strato_hput(w, ifc->bcast, alen);
		strato_h64(w, ifc->linkspeed);
		if (nlen)
			strato_hput(w, ifc->name, nlen);
		strato_entry_end(w, e, 4);
	}
	strato_hend(w, at);
}

static void strato_put_ul(struct strato_writer *w, const struct strato_tables *t)
{
	size_t at = strato_hbegin(w, STRATO_BLK_UL_V2);

	for (size_t i = 0; i < t->nusers; i++) {
		const struct strato_user_info *u = &t->users[i];
		size_t e = w->len;

		strato_h32(w, 0);
		strato_h8(w, 0);
		strato_h32(w, u->uid);
		strato_h32(w, u->gid);
		strato_hcstr(w, u->name, STRATO_UL_STR_MAX);
		strato_hcstr(w, u->home, STRATO_UL_STR_MAX);
		strato_hcstr(w, u->shell, STRATO_UL_STR_MAX);
		strato_entry_end(w, e, 0);
	}
	for (size_t i = 0; i < t->ngroups; i++) {
		size_t e = w->len;

		strato_h32(w, 0);
		strato_h8(w, 1);
		strato_h32(w, t->groups[i].gid);
		strato_hcstr(w, t->groups[i].name, STRATO_UL_STR_MAX);
		strato_entry_end(w, e, 0);
	}
	strato_hend(w, at);
}

static void strato_put_pl(struct strato_writer *w, const struct strato_tables *t)
{
	size_t at = strato_hbegin(w, STRATO_BLK_PL_V9);

	for (size_t i = 0; i < t->nthreads; i++) {
		const struct strato_thread_info *th = &t->threads[i];
		size_t e = w->len;

		strato_h32(w, 0);
		strato_h64(w, (uint64_t)th->tid);
		strato_h64(w, (uint64_t)th->pid);
		strato_h64(w, (uint64_t)th->ptid);
		strato_h64(w, (uint64_t)th->sid);
		strato_h64(w, (uint64_t)th->vpgid);
		strato_hcstr(w, th->comm, STRATO_PL_PATH_MAX);
		strato_hcstr(w, th->exe, STRATO_PL_PATH_MAX);
		strato_hcstr(w, th->exepath, STRATO_PL_PATH_MAX);
		strato_hstr(w, th->args, th->args_len, STRATO_PL_LIST_MAX);
		strato_hcstr(w, th->cwd, STRATO_PL_PATH_MAX);
		strato_h64(w, th->fdlimit);
		strato_h32(w, th->flags);
		strato_h32(w, th->uid);
		strato_h32(w, th->gid);
		strato_h32(w, th->vmsize_kb);
		strato_h32(w, th->vmrss_kb);
		strato_h32(w, th->vmswap_kb);
		strato_h64(w, th->pfmajor);
		strato_h64(w, th->pfminor);
		strato_hstr(w, th->env, th->env_len, STRATO_PL_LIST_MAX);
		strato_h64(w, (uint64_t)th->vtid);
		strato_h64(w, (uint64_t)th->vpid);
		strato_hstr(w, th->cgroups, th->cgroups_len, STRATO_PL_LIST_MAX);
		strato_hcstr(w, th->root, STRATO_PL_PATH_MAX);
		/* The pre-0.10 tail (29 bytes): sysdig 0.29.3 reads loginuid right
		 * after root, and current readers recognise this length. */
		strato_h32(w, th->loginuid);
		strato_h8(w, th->exe_writable);
		strato_h64(w, th->cap_inheritable);
		strato_h64(w, th->cap_permitted);
		strato_h64(w, th->cap_effective);
		strato_entry_end(w, e, 0);
	}
	strato_hend(w, at);
}

static void strato_put_fdl(struct strato_writer *w, const struct strato_thread_info *th)
{
	size_t at = strato_hbegin(w, STRATO_BLK_FDL_V2);

	strato_h64(w, (uint64_t)th->tid);
	for (size_t i = 0; i < th->nfds; i++) {
		const struct strato_fd_info *f = &th->fds[i];
		uint8_t type = f->type;
		size_t e = w->len;

		/* sysdig 0.29.3 aborts on fd types it does not know (0, >= 17):
		 * keep the fd and its name as "unsupported". */
		if (type == STRATO_FD_UNINITIALIZED || type > STRATO_FD_FILE_V2)
			type = STRATO_FD_UNSUPPORTED;
		if (type == STRATO_FD_FILE)
			type = STRATO_FD_FILE_V2;
		strato_h32(w, 0);
		strato_h64(w, (uint64_t)f->fd);
		strato_h64(w, f->ino);
		strato_h8(w, type);
		switch (type) {
		case STRATO_FD_IPV4_SOCK:
			strato_hput(w, f->sip, 4);
			strato_hput(w, f->dip, 4);
			strato_h16(w, f->sport);
			strato_h16(w, f->dport);
			strato_h8(w, f->l4proto);
			break;
		case STRATO_FD_IPV6_SOCK:
			strato_hput(w, f->sip, 16);
			strato_hput(w, f->dip, 16);
			strato_h16(w, f->sport);
			strato_h16(w, f->dport);
			strato_h8(w, f->l4proto);
			break;
		case STRATO_FD_IPV4_SERVSOCK:
		case STRATO_FD_IPV6_SERVSOCK:
			/* A listening socket's own address is kept in sip/sport. */
			strato_hput(w, f->sip, type == STRATO_FD_IPV4_SERVSOCK ? 4 : 16);
			strato_h16(w, f->sport);
			strato_h8(w, f->l4proto);
			break;
		case STRATO_FD_UNIX_SOCK:
			strato_h64(w, f->unix_src);
			strato_h64(w, f->unix_dst);
			strato_hcstr(w, f->name, STRATO_FD_NAME_MAX);
			break;
		case STRATO_FD_FILE_V2:
			strato_h32(w, f->open_flags);
			strato_hcstr(w, f->name, STRATO_FD_NAME_MAX);
			if (f->has_dev)
				strato_h32(w, f->dev);
			break;
		default:
			strato_hcstr(w, f->name, STRATO_FD_NAME_MAX);
			break;
		}
		strato_entry_end(w, e, 0);
	}
	strato_hend(w, at);
}

static void strato_put_header(struct strato_writer *w, const struct strato_tables *t)
{
	uint8_t shb[28];
	struct strato_machine_info m;

	strato_st32(shb, STRATO_SHB_TYPE);
	strato_st32(shb + 4, sizeof(shb));
	strato_st32(shb + 8, STRATO_SHB_MAGIC);
	strato_st16(shb + 12, STRATO_SHB_MAJOR);
	strato_st16(shb + 14, STRATO_SHB_MINOR);
	strato_st64(shb + 16, UINT64_MAX);
	strato_st32(shb + 24, sizeof(shb));
	strato_hput(w, shb, sizeof(shb));
	if (t && t->has_machine)
		m = t->machine;
	else
		strato_local_machine(&m);
	strato_put_mi(w, &m);
	if (!t)
		return;
	if (t->nifaces)
		strato_put_il(w, t);
	if (t->nusers || t->ngroups)
		strato_put_ul(w, t);
	if (t->nthreads)
		strato_put_pl(w, t);
	for (size_t i = 0; i < t->nthreads; i++)
		if (t->threads[i].nfds)
			strato_put_fdl(w, &t->threads[i]);
}

/* ---- events ---- */

enum strato_evkind { STRATO_K_UNKNOWN, STRATO_K_EXIT, STRATO_K_ENTER, STRATO_K_ENTER_ONLY };

static bool strato_slot_used(unsigned type)
{
	const struct strato_event_info *ei = strato_event_info_get((uint16_t)type);

	return type < STRATO_EVENT_TABLE_SIZE && ei && !(ei->flags & STRATO_EF_UNUSED);
}

static enum strato_evkind strato_kind(uint16_t type)
{
	if (!strato_slot_used(type))
		return STRATO_K_UNKNOWN;
	if (type & 1)
		return STRATO_K_EXIT;
	return strato_slot_used(type + 1u) ? STRATO_K_ENTER : STRATO_K_ENTER_ONLY;
}

/* How compat mode writes each current event type, worked out once: the
 * 2022 type (-1: none), whether its enter event goes first, and for every
 * 2022 parameter the index of the current parameter it comes from (-1:
 * none, a default is written). */
#define STRATO_PLAN_MAX 32
struct strato_plan {
	int16_t tgt;
	bool enter;
	bool clone; /* clone, fork, vfork, clone3: see strato_is_clone_child() */
	bool generic;    /* written as a generic pair (tgt 1): see strato_fill_generic() */
	uint16_t sc;     /* generic: the syscall's PPM_SC code */
	uint16_t native; /* generic: its number on this architecture */
	uint8_t ne, nx;
	int8_t esrc[STRATO_PLAN_MAX], xsrc[STRATO_PLAN_MAX];
};
static struct strato_plan strato_plans[STRATO_EVENT_TABLE_SIZE];
static pthread_once_t strato_compat_once = PTHREAD_ONCE_INIT;

static const struct strato_param_info *strato_params_2022(const struct strato_event_info *ei)
{
	return ei->params_2022 ? ei->params_2022 : ei->params;
}

/* Syscalls the 2022 drivers reported through another syscall's pair (the
 * format notes, 4.4): dup2 and dup3 as dup, pipe2 as pipe. */
static const struct {
	uint16_t cur, old;
} strato_compat_alias[] = { { 363, 125 }, { 365, 125 }, { 393, 61 } };

/* A 2022 parameter the current layout renamed: dup's enter "fd" is the
 * "oldfd" of the current exits, bpf's "res_or_fd" the "fd" of BPF_2_X. */
static int strato_plan_find(const struct strato_event_info *si, const char *name)
{
	for (int pass = 0; pass < 2; pass++) {
		const char *want = !pass ? name : !strcmp(name, "fd") ? "oldfd" : !strcmp(name, "res_or_fd") ? "fd" : NULL;

		for (unsigned k = 0; want && k < si->nparams && k < STRATO_MAX_PARAMS; k++)
			if (!strcmp(si->params[k].name, want))
				return (int)k;
	}
	return -1;
}

/* Source index of each 2022 parameter of `tgt` in current type `src`: by
 * position when they are the same type, else by name. */
static uint8_t strato_plan_params(int8_t *map, unsigned src, unsigned tgt, bool by_name)
{
	const struct strato_event_info *si = &strato_event_table[src], *ti = &strato_event_table[tgt];
	const struct strato_param_info *pp = strato_params_2022(ti);
	unsigned n = ti->nparams_2022 > 0 ? (unsigned)ti->nparams_2022 : 0;

	if (n > STRATO_PLAN_MAX)
		n = STRATO_PLAN_MAX;
	for (unsigned i = 0; i < n; i++) {
		map[i] = -1;
		if (!by_name) {
			if (i < si->nparams)
				map[i] = (int8_t)i;
			continue;
		}
		map[i] = (int8_t)strato_plan_find(si, pp[i].name);
	}
	return (uint8_t)n;
}

/* "SOCKET_ACCEPT4_6_X" -> "SOCKET_ACCEPT4": the enumerator without its
 * direction and version suffixes, shared by all versions of a syscall. */
static size_t strato_ename_base(const char *en)
{
	size_t n = strlen(en), d;

	if (n > 2 && en[n - 2] == '_')
		n -= 2;
	for (d = n; d > 0 && en[d - 1] >= '0' && en[d - 1] <= '9'; d--)
		;
	if (d < n && d > 1 && en[d - 1] == '_')
		n = d - 1;
	return n;
}

static void strato_compat_init(void)
{
	for (unsigned t = 0; t < STRATO_EVENT_TABLE_SIZE; t++) {
		const struct strato_event_info *ei = &strato_event_table[t];
		enum strato_evkind k = strato_kind((uint16_t)t);
		struct strato_plan *pl = &strato_plans[t];
		int best = -1;

		pl->tgt = -1;
		if (k == STRATO_K_UNKNOWN || k == STRATO_K_ENTER)
			continue;
		if (t < STRATO_EVENT_TABLE_2022 && ei->nparams_2022 >= 0) {
			best = (int)t;
		} else if (k == STRATO_K_EXIT) {
			/* A syscall only the current table numbers this way (accept4
			 * 388/389): the 2022 pair of the same syscall, newest non-old. */
			size_t bl = strato_ename_base(ei->ename);

			for (unsigned c = 1; c < STRATO_EVENT_TABLE_2022; c += 2) {
				const struct strato_event_info *ci = &strato_event_table[c];

				if (strato_kind((uint16_t)c) != STRATO_K_EXIT || ci->nparams_2022 < 0 ||
				    strato_event_table[c - 1].nparams_2022 < 0)
					continue;
				if (strcmp(ci->name, ei->name) &&
				    (strato_ename_base(ci->ename) != bl || strncmp(ci->ename, ei->ename, bl)))
					continue;
				if (best < 0 || !(ci->flags & STRATO_EF_OLD_VERSION) ||
				    (strato_event_table[best].flags & STRATO_EF_OLD_VERSION))
					best = (int)c;
			}
			for (size_t a = 0; a < STRATO_ARRAY_SIZE(strato_compat_alias); a++)
				if (strato_compat_alias[a].cur == t)
					best = strato_compat_alias[a].old;
		}
		if (best < 0 && k == STRATO_K_EXIT) {
			/* No 2022 pair at all (capset, prctl, memfd_create, the
			 * module calls, the chown family): the generic pair, as
			 * the 2022 drivers reported them. */
			const struct strato_syscall_def *d = strato_syscall_by_name(ei->name);

			if (d && d->nr >= 0 && d->nr <= UINT16_MAX) {
				pl->tgt = 1;
				pl->generic = pl->enter = true;
				pl->sc = d->ppm_sc;
				pl->native = (uint16_t)d->nr;
				pl->nx = (uint8_t)strato_event_table[1].nparams_2022;
				pl->ne = (uint8_t)strato_event_table[0].nparams_2022;
			}
			continue;
		}
		if (best < 0)
			continue;
		pl->tgt = (int16_t)best;
		pl->clone = !strcmp(ei->name, "clone") || !strcmp(ei->name, "fork") || !strcmp(ei->name, "vfork") ||
			    !strcmp(ei->name, "clone3");
		pl->nx = strato_plan_params(pl->xsrc, t, (unsigned)best, (unsigned)best != t);
		pl->enter = k == STRATO_K_EXIT && strato_event_table[best - 1].nparams_2022 >= 0;
		if (pl->enter)
			pl->ne = strato_plan_params(pl->esrc, t, (unsigned)best - 1, true);
	}
}

static unsigned strato_ptype_width(enum strato_ptype t)
{
	switch (t) {
	case STRATO_PT_INT8: case STRATO_PT_UINT8: case STRATO_PT_SIGTYPE: case STRATO_PT_L4PROTO:
	case STRATO_PT_SOCKFAMILY: case STRATO_PT_FLAGS8: case STRATO_PT_ENUMFLAGS8:
		return 1;
	case STRATO_PT_INT16: case STRATO_PT_UINT16: case STRATO_PT_SYSCALLID: case STRATO_PT_PORT:
	case STRATO_PT_FLAGS16: case STRATO_PT_ENUMFLAGS16:
		return 2;
	case STRATO_PT_INT32: case STRATO_PT_UINT32: case STRATO_PT_BOOL: case STRATO_PT_IPV4ADDR:
	case STRATO_PT_FLAGS32: case STRATO_PT_ENUMFLAGS32: case STRATO_PT_UID: case STRATO_PT_GID:
	case STRATO_PT_SIGSET: case STRATO_PT_MODE: case STRATO_PT_FD32: case STRATO_PT_PID32:
		return 4;
	case STRATO_PT_INT64: case STRATO_PT_UINT64: case STRATO_PT_ERRNO: case STRATO_PT_FD:
	case STRATO_PT_PID: case STRATO_PT_RELTIME: case STRATO_PT_ABSTIME: case STRATO_PT_DOUBLE:
		return 8;
	case STRATO_PT_IPV6ADDR:
		return 16;
	default:
		return 0;
	}
}

static bool strato_ptype_signed(enum strato_ptype t)
{
	return t == STRATO_PT_INT8 || t == STRATO_PT_INT16 || t == STRATO_PT_INT32 ||
	       t == STRATO_PT_INT64 || t == STRATO_PT_ERRNO || t == STRATO_PT_FD ||
	       t == STRATO_PT_PID || t == STRATO_PT_FD32 || t == STRATO_PT_PID32;
}

/* Makes parameter value `src` (`slen` bytes of type `st`; NULL = absent)
 * safe for sysdig 0.29.3, which trusts lengths: numbers full width (converted
 * between widths, or a default), strings NUL-terminated ("(NULL)" when empty
 * or absent). Only byte buffers, socket addresses/tuples and fd lists may stay
 * empty. Defaults: -1 for fds, 0xFFFFFFFF for uid/gid (the "none" value), 0
 * for other numbers. */
static void strato_norm(struct strato_pout *o, enum strato_ptype t, const uint8_t *src, uint32_t slen,
			enum strato_ptype st)
{
	unsigned w = strato_ptype_width(t);

	o->p = src;
	o->len = src ? slen : 0;
	o->nul = false;
	switch (t) {
	case STRATO_PT_BYTEBUF: case STRATO_PT_SOCKADDR: case STRATO_PT_SOCKTUPLE:
	case STRATO_PT_FDLIST:
		return;
	case STRATO_PT_CHARBUF: case STRATO_PT_FSPATH: case STRATO_PT_FSRELPATH:
		if (!o->len) {
			o->p = (const uint8_t *)"(NULL)";
			o->len = 7;
		} else if (o->p[o->len - 1]) {
			if (o->len < UINT16_MAX) {
				o->nul = true;
				o->len++;
			} else {
				o->nul = true; /* no room: the terminator replaces the last byte */
			}
		}
		return;
	case STRATO_PT_DYN:
		if (st != STRATO_PT_DYN && o->len == 8) {
			/* bpf's fd or error as its 2022 DYN res_or_fd:
			 * alternative 0 an fd, 1 an error (strato_dyn_bpf) */
			o->tmp[0] = (int64_t)strato_ld64(src) < 0 ? 1 : 0;
			memcpy(o->tmp + 1, src, 8);
			o->p = o->tmp;
			o->len = 9;
		} else if (!o->len) {
			memset(o->tmp, 0, 9); /* alternative 0, an 8-byte zero value */
			o->p = o->tmp;
			o->len = 9;
		}
		return;
	case STRATO_PT_IPADDR:
		if (o->len != 4 && o->len != 16) {
			memset(o->tmp, 0, 4);
			o->p = o->tmp;
			o->len = 4;
		}
		return;
	default:
		break;
	}
	if (!w || o->len == w)
		return;
	o->p = o->tmp;
	if (o->len && w <= 8 && t != STRATO_PT_DOUBLE && (o->len == 1 || o->len == 2 || o->len == 4 || o->len == 8)) {
		uint64_t v = 0;
		bool sg = strato_ptype_signed(st);

		switch (o->len) {
		case 1: v = sg ? (uint64_t)(int64_t)(int8_t)src[0] : src[0]; break;
		case 2: v = sg ? (uint64_t)(int64_t)(int16_t)strato_ld16(src) : strato_ld16(src); break;
		case 4: v = sg ? (uint64_t)(int64_t)(int32_t)strato_ld32(src) : strato_ld32(src); break;
		default: v = strato_ld64(src); break;
		}
		strato_st64(o->tmp, v); /* little-endian: the low `w` bytes */
	} else if (t == STRATO_PT_FD || t == STRATO_PT_UID || t == STRATO_PT_GID) {
		memset(o->tmp, 0xff, w);
	} else {
		memset(o->tmp, 0, w);
	}
	o->len = w;
}

static uint32_t strato_params_size(const struct strato_pout *po, unsigned n, unsigned width)
{
	uint32_t s = STRATO_EVT_HDR_LEN + n * width;

	for (unsigned i = 0; i < n; i++)
		s += po[i].len;
	return s;
}

static uint32_t strato_block_len(uint32_t evlen, uint32_t flags)
{
	uint32_t body = 2 + (flags ? 4 : 0) + evlen;

	return 8 + ((body + 3) & ~3u) + 4;
}

/* Block header + cpu [+ flags]; returns where the event goes. */
static uint8_t *strato_block_open(uint8_t *p, uint16_t type, uint32_t total, uint16_t cpu, uint32_t flags)
{
	bool large = strato_event_lenwidth(type) == 4;

	strato_st32(p, flags ? (large ? STRATO_BLK_EVF_V2_LARGE : STRATO_BLK_EVF_V2) :
			       (large ? STRATO_BLK_EV_V2_LARGE : STRATO_BLK_EV_V2));
	strato_st32(p + 4, total);
	strato_st16(p + 8, cpu);
	if (flags) {
		strato_st32(p + 10, flags);
		return p + 14;
	}
	return p + 10;
}

static uint8_t *strato_block_close(uint8_t *blk, uint8_t *end, uint32_t total)
{
	memset(end, 0, (size_t)(blk + total - 4 - end));
	strato_st32(blk + total - 4, total);
	return blk + total;
}

/* Writes one event block built from normalized parameters. */
static uint8_t *strato_emit(uint8_t *p, const struct strato_event *ev, uint16_t type, const struct strato_pout *po,
			    unsigned n, uint32_t evlen, uint32_t total, uint32_t flags)
{
	unsigned width = strato_event_lenwidth(type);
	uint8_t *blk = p, *e = strato_block_open(p, type, total, ev->cpu, flags), *d;

	memcpy(e, ev->raw, 16); /* ts, tid */
	strato_st32(e + 16, evlen);
	strato_st16(e + 20, type);
	strato_st32(e + 22, n);
	d = e + STRATO_EVT_HDR_LEN + n * width;
	for (unsigned i = 0; i < n; i++) {
		uint32_t copy = po[i].len - (po[i].nul ? 1 : 0);

		if (width == 2)
			strato_st16(e + STRATO_EVT_HDR_LEN + 2 * i, (uint16_t)po[i].len);
		else
			strato_st32(e + STRATO_EVT_HDR_LEN + 4 * i, po[i].len);
		memcpy(d, po[i].p, copy);
		d += copy;
		if (po[i].nul)
			*d++ = 0;
	}
	return strato_block_close(blk, d, total);
}

static bool strato_fits_block(uint16_t type, uint32_t total)
{
	return strato_event_lenwidth(type) == 4 || total - 8 <= STRATO_BLK_MAX_SMALL;
}

int strato_writer_put_raw(strato_writer *w, const uint8_t *raw, uint32_t len, uint16_t cpu, uint32_t flags)
{
	uint16_t type = strato_ld16(raw + 20);
	uint32_t total = strato_block_len(len, flags);
	uint8_t *p, *e;

	if (w->err)
		return w->err;
	if ((uint64_t)len + 24 > UINT32_MAX || !strato_fits_block(type, total)) {
		w->counts.unsupported++;
		return 0;
	}
	p = strato_wreserve(w, total);
	if (!p)
		return w->err;
	e = strato_block_open(p, type, total, cpu, flags);
	memcpy(e, raw, len);
	strato_block_close(p, e + len, total);
	w->len += total;
	w->counts.blocks++;
	return 0;
}

/* Fills `po` with the `n` parameters of 2022 type `tgt` taken from `ev`
 * as `map` says. */
static void strato_fill_2022(struct strato_pout *po, const struct strato_event *ev, uint16_t tgt, unsigned n,
			     const int8_t *map)
{
	const struct strato_param_info *pp = strato_params_2022(&strato_event_table[tgt]);
	const struct strato_param_info *sp = strato_event_table[ev->type].params;

	for (unsigned i = 0; i < n; i++) {
		int k = map[i];

		if (k >= 0 && (unsigned)k < ev->nparams)
			strato_norm(&po[i], pp[i].type, ev->raw + ev->poff[k], ev->plen[k], sp[k].type);
		else
			strato_norm(&po[i], pp[i].type, NULL, 0, pp[i].type);
	}
}

/* The generic pair of a syscall without a 2022 pair: ID (and nativeID on
 * the enter). Its arguments have no place there and are not written. */
static void strato_fill_generic(struct strato_pout *px, struct strato_pout *pe, const struct strato_plan *pl)
{
	strato_st16(px[0].tmp, pl->sc);
	strato_st16(pe[0].tmp, pl->sc);
	strato_st16(pe[1].tmp, pl->native);
	for (unsigned i = 0; i < 2; i++) {
		pe[i].p = pe[i].tmp;
		pe[i].len = 2;
		pe[i].nul = false;
	}
	px[0].p = px[0].tmp;
	px[0].len = 2;
	px[0].nul = false;
}

/* Syscall codes (PPM_SC) of the 2022 table end at 332; sysdig 0.29.3 stops
 * reading a file, silently, at a generic event carrying a newer code. Such
 * calls are written as code 0, "unknown syscall", as a 2022 driver would. */
#define STRATO_PPM_SC_MAX_2022 333

static void strato_compat_syscall_id(struct strato_pout *po, uint16_t type, unsigned n)
{
	if (type > 1 || !n || po[0].len != 2 || strato_ld16(po[0].p) < STRATO_PPM_SC_MAX_2022)
		return;
	strato_st16(po[0].tmp, 0);
	po[0].p = po[0].tmp;
}

/* The child's side of clone/fork/vfork/clone3 (result 0) never entered the
 * system call, so it has no enter event. Making one up would be worse than
 * wrong: sysdig creates a placeholder thread for the enter, then takes the
 * child's exit for an already known thread and, when the parent's exit
 * comes, replaces the child with a copy of the parent (a vforked child that
 * exec'd shows the parent's name again). */
static bool strato_is_clone_child(const struct strato_plan *pl, const struct strato_event *ev)
{
	int64_t res;

	return pl->clone && strato_event_param_int(ev, 0, &res) == 0 && res == 0;
}

/* Does a file's own enter event fit the 2022 layout as it is? */
static bool strato_enter_is_2022(const uint8_t *raw, uint16_t want)
{
	const struct strato_event_info *ei = strato_event_info_get(want);

	return strato_ld16(raw + 20) == want && ei && ei->nparams_2022 >= 0 &&
	       strato_ld32(raw + 22) <= (uint32_t)ei->nparams_2022;
}

static int strato_write_compat(struct strato_writer *w, const struct strato_event *ev)
{
	const struct strato_plan *pl = &strato_plans[ev->type];
	uint16_t tgt = (uint16_t)pl->tgt;
	uint32_t flags = ev->dump_flags & ~4u; /* 4 = "large": a writer instruction only */
	uint32_t xlen, xtot, elen = 0, etot = 0;
	bool file = ev->origin == STRATO_ORIGIN_FILE;
	/* A live event gets an enter made up from its arguments. An event read
	 * from a file is written with the enter it had there, byte for byte
	 * (time and CPU included), or with none, so a rewrite shows what the
	 * original showed. */
	bool enter = pl->enter && (!file || ev->enter_raw) && !strato_is_clone_child(pl, ev);
	bool verbatim = enter && file && strato_enter_is_2022(ev->enter_raw, (uint16_t)(tgt - 1));
	/* An exit of an older layout keeps its own, shorter parameter list. */
	unsigned nx = file && ev->file_nparams < pl->nx && tgt == ev->type ?
			      ev->file_nparams : pl->nx;
	uint8_t *p;

	if (pl->tgt < 0) {
		w->counts.unsupported++;
		return 0;
	}
	if (pl->generic)
		strato_fill_generic(w->px, w->pe, pl);
	else
		strato_fill_2022(w->px, ev, tgt, nx, pl->xsrc);
	strato_compat_syscall_id(w->px, tgt, nx);
	xlen = strato_params_size(w->px, nx, strato_event_lenwidth(tgt));
	xtot = strato_block_len(xlen, flags);
	if (verbatim) {
		elen = ev->enter_len;
		etot = strato_block_len(elen, flags);
	} else if (enter) {
		if (!pl->generic)
			strato_fill_2022(w->pe, ev, tgt - 1, pl->ne, pl->esrc);
		strato_compat_syscall_id(w->pe, tgt - 1, pl->ne);
		elen = strato_params_size(w->pe, pl->ne, strato_event_lenwidth(tgt - 1));
		etot = strato_block_len(elen, flags);
	}
	if (!strato_fits_block(tgt, xtot) || (enter && !strato_fits_block(tgt - 1, etot))) {
		w->counts.unsupported++;
		return 0;
	}
	/* One reservation for the pair: the enter is always followed by its exit. */
	p = strato_wreserve(w, (size_t)etot + xtot);
	if (!p)
		return w->err;
	if (verbatim) {
		uint8_t *e = strato_block_open(p, (uint16_t)(tgt - 1), etot, ev->enter_cpu, flags);

		memcpy(e, ev->enter_raw, elen);
		p = strato_block_close(p, e + elen, etot);
	} else if (enter) {
		p = strato_emit(p, ev, tgt - 1, w->pe, pl->ne, elen, etot, flags);
	}
	strato_emit(p, ev, tgt, w->px, nx, xlen, xtot, flags);
	w->len += (size_t)etot + xtot;
	w->counts.blocks += enter ? 2 : 1;
	w->counts.written++;
	return 0;
}

int strato_writer_write(strato_writer *w, const strato_event *ev)
{
	enum strato_evkind k;
	int err;

	if (!w || !ev)
		return strato_fail(-EINVAL, "strato_writer_write: NULL argument");
	if (w->err)
		return strato_fail(w->err, "%s", w->errmsg);
	k = strato_kind(ev->type);
	/* A lone enter event comes only from a file whose exit never came (the
	 * reader merges all others): compat keeps it when its layout is the
	 * 2022 one, as the original had it; current readers refuse an enter
	 * that another call's exit follows, so the current profile drops it. */
	if (k == STRATO_K_ENTER) {
		if (w->profile == STRATO_PROFILE_COMPAT && ev->origin == STRATO_ORIGIN_FILE &&
		    strato_enter_is_2022(ev->raw, ev->type)) {
			err = strato_writer_put_raw(w, ev->raw, ev->len, ev->cpu, ev->dump_flags & ~4u);
			return err ? strato_fail(err, "%s", w->errmsg) : 0;
		}
		w->counts.enter_dropped++;
		return 0;
	}
	/* A gap marker (events lost before this point) is kept in both
	 * profiles as it is: its private type id lies beyond every reader's
	 * table, so sysdig and Falco skip it, and this library reads it back. */
	if (ev->type == STRATO_EVENT_GAP) {
		err = strato_writer_put_raw(w, ev->raw, ev->len, ev->cpu, 0);
	} else if (w->profile == STRATO_PROFILE_COMPAT) {
		if (k == STRATO_K_UNKNOWN) {
			w->counts.unsupported++;
			return 0;
		}
		err = strato_write_compat(w, ev);
	} else {
		uint64_t before = w->counts.blocks;

		err = strato_writer_put_raw(w, ev->raw, ev->len, ev->cpu, ev->dump_flags & ~4u);
		if (!err && w->counts.blocks != before)
			w->counts.written++;
	}
	if (err)
		return strato_fail(err, "%s", w->errmsg);
	return 0;
}

void strato_writer_get_counts(const strato_writer *w, struct strato_writer_counts *c)
{
	*c = w->counts;
}

static void strato_writer_free(struct strato_writer *w)
{
	if (w->gz)
		strato_gz_drain(w);
	strato_gz_stop(w);
	free(w->buf);
	free(w->path);
	free(w);
}

int strato_writer_open(strato_writer **out, const char *path, strato_capture *src,
		       const struct strato_writer_opts *opts)
{
	struct strato_writer *w;
	struct stat st = { 0 };
	int level, err;

	if (!out || !path)
		return strato_fail(-EINVAL, "strato_writer_open: NULL argument");
	*out = NULL;
	if (!STRATO_OPTS_CHECK(opts, strato_writer_opts))
		return -EINVAL;
	level = STRATO_OPTS_GET(opts, gzip_level, 0);
	if (level < 0 || level > 9)
		return strato_fail(-EINVAL, "gzip_level %d is outside 0..9", level);
	w = calloc(1, sizeof(*w));
	if (!w || !(w->path = strdup(path))) {
		free(w);
		return strato_fail(-ENOMEM, "out of memory");
	}
	w->profile = STRATO_OPTS_GET(opts, profile, STRATO_PROFILE_COMPAT);
	if (w->profile != STRATO_PROFILE_COMPAT && w->profile != STRATO_PROFILE_CURRENT) {
		strato_writer_free(w);
		return strato_fail(-EINVAL, "unknown writer profile %d", (int)STRATO_OPTS_GET(opts, profile, 0));
	}
	if (STRATO_OPTS_GET(opts, gzip, false) && (err = strato_gz_start(w, level))) {
		strato_writer_free(w);
		return err;
	}
	w->cap = STRATO_WCHUNK + (STRATO_WCHUNK >> 2);
	w->buf = malloc(w->cap);
	if (!w->buf) {
		strato_writer_free(w);
		return strato_fail(-ENOMEM, "out of memory");
	}
	pthread_once(&strato_compat_once, strato_compat_init);
	w->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (w->fd < 0) {
		err = -errno;
		strato_writer_free(w);
		return strato_fail(err, "cannot create %s: %s", path, strerror(-err));
	}
	/* An existing file keeps its mode through O_CREAT: captures hold
	 * private data, so make it 0600 (devices such as /dev/null are left alone). */
	if (fstat(w->fd, &st) == 0 && S_ISREG(st.st_mode) && fchmod(w->fd, 0600)) {
		err = -errno;
		close(w->fd);
		strato_writer_free(w);
		return strato_fail(err, "cannot make %s private (mode 0600): %s", path, strerror(-err));
	}
	w->in_header = true;
	strato_put_header(w, src ? &src->tables : NULL);
	w->in_header = false;
	err = strato_wflush(w);
	if (!err && w->gz)
		err = strato_gz_drain(w);
	if (err) {
		/* Without its header the file is useless to every reader. */
		if (S_ISREG(st.st_mode))
			unlink(path);
		close(w->fd);
		err = strato_fail(err, "%s", w->errmsg);
		strato_writer_free(w);
		return err;
	}
	*out = w;
	return 0;
}

int strato_writer_close(strato_writer *w)
{
	int err;

	if (!w)
		return 0;
	strato_wflush(w);
	if (w->gz)
		strato_gz_drain(w);
	if (close(w->fd) && !w->err)
		strato_wfail(w, -errno, "closing");
	err = w->err;
	if (err)
		strato_fail(err, "%s", w->errmsg);
	strato_writer_free(w);
	return err;
}
