/* lib/format/gzread.c: decompression of gzip captures for the reader.
 *
 * Inflating dominates the reading of gzip captures, so:
 *  - files the library writes are many gzip members of about 1 MiB each;
 *    with libdeflate (about twice as fast as zlib) each member is
 *    decompressed whole from a buffer. libdeflate has no streaming API, so
 *    a member whose data or output would exceed strato_gzread_member_max,
 *    or that libdeflate rejects, is handed to zlib's streaming inflate from
 *    its first byte: huge single-member files (sysdig -z) still read with
 *    bounded memory, and zlib names the error of a truncated or corrupt
 *    member exactly as before (truncated: -STRATO_ETRUNC, else EFORMAT);
 *  - a member streamed (too big for libdeflate, or without it) goes to
 *    ISA-L's inflate when the library was built with it (about three times
 *    zlib's speed, with the same bounded memory), else to zlib's. Both
 *    report a cut file as -STRATO_ETRUNC and damage as -STRATO_EFORMAT;
 *  - a thread decompresses into a ring of buffers ahead of the parser, so
 *    inflating and parsing overlap on two cores. Only for regular files:
 *    reading a pipe could block the thread, and close must never wait on it.
 * As with zlib's gzread, bytes after a member that do not start another
 * member are ignored. */
#include "config.h"

#include "core/internal.h"
#include "format/gzread.h"

#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#ifdef HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif
#ifdef HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#define STRATO_GZ_NBUF 3               /* output ring: parsed, ready, being filled */
/* Output buffer, and by default the largest member libdeflate is given:
 * the writer's members hold about 1 MiB, and trying a bigger member (one
 * of sysdig -z's, which are whole files) costs one wasted pass over this
 * much before zlib takes over. */
#define STRATO_GZ_OUT (4u << 20)
#define STRATO_GZ_IN (4u << 20)        /* compressed input buffer */
#define STRATO_GZ_ZCHUNK (1u << 20)    /* zlib path: output per hand-over */

unsigned strato_gzread_flags;
size_t strato_gzread_member_max = STRATO_GZ_OUT;

struct strato_gzbuf {
	uint8_t *p;
	size_t cap, len;
	int rc; /* after these bytes: 0 more to come, 1 end, < 0 error */
};

struct strato_gzread {
	int fd;
	/* compressed input: in[pos..end) not yet decompressed, ioff = file
	 * offset of in[0] relative to the start */
	uint8_t *in;
	size_t in_cap, pos, end;
	uint64_t ioff;
	bool in_eof;
	bool zmode;  /* zlib streams the rest */
	bool zinit;
	z_stream zs;
#ifdef HAVE_ISAL
	struct inflate_state *is; /* NULL: zlib streams */
	bool iinit;
#endif
	size_t member_max;
	size_t last_out; /* output of the last member: predicts the next one */
#ifdef HAVE_LIBDEFLATE
	struct libdeflate_decompressor *ld;
#endif
	/* producer -> consumer ring */
	struct strato_gzbuf buf[STRATO_GZ_NBUF];
	unsigned wr, rd, nfull; /* nfull: filled and not yet released */
	bool threaded, started, stop;
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t ready, space;
	char msg[STRATO_ERRMSG_MAX]; /* the producer's error text */
	/* consumer */
	struct strato_gzbuf *cur;
	size_t cur_pos;
	int final; /* 0 while data may come; 1 end; < 0 error */
};

const char *strato_gzread_engine(void)
{
#ifdef HAVE_LIBDEFLATE
	if (!(strato_gzread_flags & STRATO_GZREAD_NO_LIBDEFLATE))
		return "libdeflate";
#endif
	return "zlib";
}

const char *strato_gzread_stream_engine(void)
{
#ifdef HAVE_ISAL
	if (!(strato_gzread_flags & STRATO_GZREAD_NO_ISAL))
		return "isal";
#endif
	return "zlib";
}

/* The producer's errors: text kept for the consumer's thread. */
static int strato_gz_err(struct strato_gzread *g, int err, const char *fmt, const char *detail, uint64_t off)
{
	snprintf(g->msg, sizeof(g->msg), fmt, off, detail);
	return err;
}

/* Reads more compressed input, keeping in[pos..end). Returns 0, or -EIO. */
static int strato_gz_more(struct strato_gzread *g)
{
	if (g->pos) {
		memmove(g->in, g->in + g->pos, g->end - g->pos);
		g->ioff += g->pos;
		g->end -= g->pos;
		g->pos = 0;
	}
	while (g->end < g->in_cap && !g->in_eof) {
		ssize_t n = read(g->fd, g->in + g->end, g->in_cap - g->end);

		if (n > 0)
			g->end += (size_t)n;
		else if (n == 0)
			g->in_eof = true;
		else if (errno != EINTR)
			return strato_gz_err(g, -EIO, "read error at compressed offset %" PRIu64 ": %s", strerror(errno),
					     g->ioff + g->end);
	}
	return 0;
}

static bool strato_gz_magic(const uint8_t *p)
{
	return p[0] == 0x1f && p[1] == 0x8b;
}

/* After a member: is another one next? Returns 0 (yes), 1 (the data ends)
 * or an error. */
static int strato_gz_next_member(struct strato_gzread *g)
{
	int rc;

	if (g->end - g->pos < 2 && !g->in_eof && (rc = strato_gz_more(g)))
		return rc;
	return g->end - g->pos >= 2 && strato_gz_magic(g->in + g->pos) ? 0 : 1;
}

/* zlib path: inflates into b until it holds STRATO_GZ_ZCHUNK or more
 * bytes or the data ends. Returns 0, 1 (end) or an error. */
static int strato_gz_zlib(struct strato_gzread *g, struct strato_gzbuf *b)
{
	int rc;

	if (!g->zinit) {
		if (inflateInit2(&g->zs, 15 + 16) != Z_OK)
			return strato_gz_err(g, -ENOMEM, "out of memory for zlib at compressed offset %" PRIu64 "%s", "",
					     g->ioff + g->pos);
		g->zinit = true;
	}
	while (b->len < STRATO_GZ_ZCHUNK && b->len < b->cap) {
		int zr;

		if (g->pos == g->end && !g->in_eof && (rc = strato_gz_more(g)))
			return rc;
		g->zs.next_in = g->in + g->pos;
		g->zs.avail_in = (uInt)(g->end - g->pos);
		g->zs.next_out = b->p + b->len;
		g->zs.avail_out = (uInt)(b->cap - b->len);
		zr = inflate(&g->zs, Z_NO_FLUSH);
		g->pos = g->end - g->zs.avail_in;
		b->len = b->cap - g->zs.avail_out;
		if (zr == Z_STREAM_END) {
			rc = strato_gz_next_member(g);
			if (rc)
				return rc;
			inflateReset(&g->zs);
#ifdef HAVE_LIBDEFLATE
			if (g->ld) { /* that member was too big; the next may fit */
				g->zmode = false;
				return 0;
			}
#endif
		} else if (zr == Z_BUF_ERROR && g->pos == g->end && g->in_eof) {
			return strato_gz_err(g, -STRATO_ETRUNC, "compressed data ends early at compressed offset %" PRIu64
					     "%s", "", g->ioff + g->end);
		} else if (zr == Z_MEM_ERROR) {
			return strato_gz_err(g, -ENOMEM, "out of memory for zlib at compressed offset %" PRIu64 "%s", "",
					     g->ioff + g->pos);
		} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			return strato_gz_err(g, -STRATO_EFORMAT, "corrupt compressed data near compressed offset %" PRIu64 ": %s",
					     g->zs.msg ? g->zs.msg : "inflate failed", g->ioff + g->pos);
		}
	}
	return 0;
}

#ifdef HAVE_ISAL
static const char *strato_isal_error(int ir)
{
	switch (ir) {
	case ISAL_INVALID_BLOCK: return "invalid deflate block";
	case ISAL_INVALID_SYMBOL: return "invalid deflate symbol";
	case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
	case ISAL_INVALID_WRAPPER: return "invalid gzip header";
	case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
	case ISAL_INCORRECT_CHECKSUM: return "incorrect data check";
	}
	return "inflate failed";
}

/* ISA-L path, the zlib path's twin: inflates into b until it holds
 * STRATO_GZ_ZCHUNK or more bytes or the data ends. Returns 0, 1 (end) or
 * an error. */
static int strato_gz_isal(struct strato_gzread *g, struct strato_gzbuf *b)
{
	struct inflate_state *st = g->is;
	int rc;

	if (!g->iinit) {
		isal_inflate_init(st);
		st->crc_flag = ISAL_GZIP; /* parse the header, check the trailer */
		g->iinit = true;
	}
	while (b->len < STRATO_GZ_ZCHUNK && b->len < b->cap) {
		size_t had = b->len;
		int ir;

		if (g->pos == g->end && !g->in_eof && (rc = strato_gz_more(g)))
			return rc;
		st->next_in = g->in + g->pos;
		st->avail_in = (uint32_t)(g->end - g->pos);
		st->next_out = b->p + b->len;
		st->avail_out = (uint32_t)(b->cap - b->len);
		ir = isal_inflate(st);
		g->pos = g->end - st->avail_in;
		b->len = b->cap - st->avail_out;
		if (ir < 0 || ir == ISAL_NEED_DICT)
			return strato_gz_err(g, -STRATO_EFORMAT, "corrupt compressed data near compressed offset %" PRIu64 ": %s",
					     strato_isal_error(ir), g->ioff + g->pos);
		if (st->block_state == ISAL_BLOCK_FINISH) {
			rc = strato_gz_next_member(g);
			if (rc)
				return rc;
			g->iinit = false;
#ifdef HAVE_LIBDEFLATE
			if (g->ld) { /* that member was too big; the next may fit */
				g->zmode = false;
				return 0;
			}
#endif
			isal_inflate_init(st);
			st->crc_flag = ISAL_GZIP;
			g->iinit = true;
		} else if (b->len == had && g->pos == g->end && g->in_eof) {
			/* all input used, nothing more came out, no end */
			return strato_gz_err(g, -STRATO_ETRUNC, "compressed data ends early at compressed offset %" PRIu64
					     "%s", "", g->ioff + g->end);
		}
	}
	return 0;
}
#endif

#ifdef HAVE_LIBDEFLATE
/* libdeflate path: decompresses whole members into b while they fit.
 * Returns 0, 1 (end), an error, or 2: this member goes to zlib. */
static int strato_gz_members(struct strato_gzread *g, struct strato_gzbuf *b)
{
	for (;;) {
		size_t in_used, out_len, room = b->cap - b->len;
		enum libdeflate_result r;
		int rc;

		/* Keep at least half the input buffer ahead so that a member
		 * rarely runs past the end of what was read. */
		if (g->end - g->pos < g->in_cap / 2 && !g->in_eof && (rc = strato_gz_more(g)))
			return rc;
		if (b->len && room < g->last_out + g->last_out / 4)
			return 0; /* hand this over; the member goes to the next buffer */
		r = libdeflate_gzip_decompress_ex(g->ld, g->in + g->pos, g->end - g->pos, b->p + b->len, room, &in_used,
						  &out_len);
		if (r == LIBDEFLATE_SUCCESS) {
			g->pos += in_used;
			b->len += out_len;
			g->last_out = out_len;
			rc = strato_gz_next_member(g);
			if (rc)
				return rc;
			continue;
		}
		if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
			if (b->len)
				return 0;
			if (b->cap >= g->member_max)
				return 2;
			/* One step to the limit: a retry redoes the work. */
			uint8_t *p = realloc(b->p, g->member_max);

			if (!p)
				return 2;
			b->p = p;
			b->cap = g->member_max;
			continue;
		}
		/* Bad data, or the member runs past the input read so far. */
		if (g->in_eof || g->end - g->pos >= g->member_max)
			return 2;
		if (g->end == g->in_cap && g->pos == 0) {
			size_t cap = g->in_cap * 2 > g->member_max ? g->member_max : g->in_cap * 2;
			uint8_t *p = realloc(g->in, cap);

			if (!p)
				return 2;
			g->in = p;
			g->in_cap = cap;
		}
		if ((rc = strato_gz_more(g)))
			return rc;
	}
}
#endif

/* Fills b with the next decompressed bytes and sets b->rc. */
static void strato_gz_produce(struct strato_gzread *g, struct strato_gzbuf *b)
{
	int rc = 0;

	b->len = 0;
#ifdef HAVE_LIBDEFLATE
	if (!g->zmode) {
		rc = strato_gz_members(g, b);
		if (rc == 2) {
			g->zmode = true;
			rc = 0;
		}
		if (rc || b->len) {
			b->rc = rc;
			return;
		}
	}
#endif
#ifdef HAVE_ISAL
	if (g->is) {
		b->rc = strato_gz_isal(g, b);
		return;
	}
#endif
	rc = strato_gz_zlib(g, b);
	b->rc = rc;
}

static void *strato_gz_thread(void *arg)
{
	struct strato_gzread *g = arg;

	pthread_mutex_lock(&g->mu);
	for (;;) {
		struct strato_gzbuf *b;

		while (!g->stop && g->nfull == STRATO_GZ_NBUF)
			pthread_cond_wait(&g->space, &g->mu);
		if (g->stop)
			break;
		b = &g->buf[g->wr];
		pthread_mutex_unlock(&g->mu);
		strato_gz_produce(g, b);
		pthread_mutex_lock(&g->mu);
		g->wr = (g->wr + 1) % STRATO_GZ_NBUF;
		g->nfull++;
		pthread_cond_signal(&g->ready);
		if (b->rc)
			break;
	}
	pthread_mutex_unlock(&g->mu);
	return NULL;
}

int strato_gzread_open(struct strato_gzread **out, int fd, const void *pre, size_t npre, bool thread)
{
	struct strato_gzread *g = calloc(1, sizeof(*g));
	struct stat st;
	sigset_t all, old;

	*out = NULL;
	if (!g)
		return strato_fail(-ENOMEM, "out of memory");
	g->fd = fd;
	g->member_max = strato_gzread_member_max < (64u << 10) ? (64u << 10) : strato_gzread_member_max;
	g->in_cap = STRATO_GZ_IN;
	g->in = malloc(g->in_cap);
	g->zmode = true;
#ifdef HAVE_LIBDEFLATE
	if (!(strato_gzread_flags & STRATO_GZREAD_NO_LIBDEFLATE)) {
		g->ld = libdeflate_alloc_decompressor();
		g->zmode = !g->ld;
	}
#endif
#ifdef HAVE_ISAL
	if (!(strato_gzread_flags & STRATO_GZREAD_NO_ISAL) && !(g->is = malloc(sizeof(*g->is)))) {
		strato_gzread_close(g);
		return strato_fail(-ENOMEM, "out of memory");
	}
#endif
	g->threaded = thread && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	for (unsigned i = 0; i < (g->threaded ? STRATO_GZ_NBUF : 1u); i++) {
		g->buf[i].cap = g->member_max < STRATO_GZ_OUT ? g->member_max : STRATO_GZ_OUT;
		g->buf[i].p = malloc(g->buf[i].cap);
		if (!g->buf[i].p) {
			strato_gzread_close(g);
			return strato_fail(-ENOMEM, "out of memory");
		}
	}
	if (!g->in) {
		strato_gzread_close(g);
		return strato_fail(-ENOMEM, "out of memory");
	}
	memcpy(g->in, pre, npre);
	g->end = npre;
	if (g->threaded) {
		pthread_mutex_init(&g->mu, NULL);
		pthread_cond_init(&g->ready, NULL);
		pthread_cond_init(&g->space, NULL);
		/* The application's signals must keep going to its own threads. */
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		g->started = pthread_create(&g->th, NULL, strato_gz_thread, g) == 0;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		if (!g->started) {
			pthread_mutex_destroy(&g->mu);
			pthread_cond_destroy(&g->ready);
			pthread_cond_destroy(&g->space);
			g->threaded = false; /* decompress in the caller's thread */
		}
	}
	*out = g;
	return 0;
}

/* The consumer takes the next filled buffer, releasing the previous one. */
static void strato_gz_take(struct strato_gzread *g)
{
	if (!g->threaded) {
		strato_gz_produce(g, &g->buf[0]);
		g->cur = &g->buf[0];
	} else {
		pthread_mutex_lock(&g->mu);
		if (g->cur) {
			g->nfull--;
			g->rd = (g->rd + 1) % STRATO_GZ_NBUF;
			pthread_cond_signal(&g->space);
		}
		while (!g->nfull)
			pthread_cond_wait(&g->ready, &g->mu);
		g->cur = &g->buf[g->rd];
		pthread_mutex_unlock(&g->mu);
	}
	g->cur_pos = 0;
	g->final = g->cur->rc;
}

ssize_t strato_gzread_read(struct strato_gzread *g, void *dst, size_t n)
{
	size_t k;

	while (!g->cur || g->cur_pos == g->cur->len) {
		if (g->final < 0)
			return strato_fail(g->final, "%s", g->msg);
		if (g->final)
			return 0;
		strato_gz_take(g);
	}
	k = g->cur->len - g->cur_pos;
	if (k > n)
		k = n;
	memcpy(dst, g->cur->p + g->cur_pos, k);
	g->cur_pos += k;
	return (ssize_t)k;
}

void strato_gzread_close(struct strato_gzread *g)
{
	if (!g)
		return;
	if (g->threaded) {
		pthread_mutex_lock(&g->mu);
		g->stop = true;
		pthread_cond_signal(&g->space);
		pthread_mutex_unlock(&g->mu);
		pthread_join(g->th, NULL);
		pthread_mutex_destroy(&g->mu);
		pthread_cond_destroy(&g->ready);
		pthread_cond_destroy(&g->space);
	}
	if (g->zinit)
		inflateEnd(&g->zs);
#ifdef HAVE_ISAL
	free(g->is);
#endif
#ifdef HAVE_LIBDEFLATE
	if (g->ld)
		libdeflate_free_decompressor(g->ld);
#endif
	for (unsigned i = 0; i < STRATO_GZ_NBUF; i++)
		free(g->buf[i].p);
	free(g->in);
	free(g);
}
