/* tests/check_reader.c: the .scap reader on the shared fixtures (expected
 * outcomes from their README, i.e. observed sysdig/libs behaviour), on the
 * public sample captures (values taken from `sysdig -r` output), and on
 * truncated and corrupted captures, which must end in a clean error or a
 * clean end of file. Skips (77) when the shared folder is absent. */
#include "capture/capture.h"
#include "format/reader.h"
#include "format/scap.h"
#include <stratocore/filter.h>
#include "testutil.h"

#include <sys/mman.h>

#define FIX "format/fixtures/"

static const char *shared(const char *rel)
{
	static char buf[4096];

	return strato_test_shared(rel, buf, sizeof(buf));
}

/* Reads a whole capture; returns the final status (STRATO_EOF or an error)
 * and the number of delivered events. */
static int read_all(const char *path, uint64_t *nev, strato_capture **keep)
{
	strato_capture *cap;
	const strato_event *ev;
	int rc = strato_capture_open_file(&cap, path, NULL);

	*nev = 0;
	if (rc)
		return rc;
	while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT)
		(*nev)++;
	if (keep)
		*keep = cap;
	else
		strato_capture_close(cap);
	return rc;
}

/* Expected outcome of each fixture: delivered events (exit events and
 * enter-only events; syscall enter events are merged into their exit, or
 * delivered alone when their exit never came),
 * and the error for the files the reader refuses. */
static const struct fixture {
	const char *file;
	int rc;           /* STRATO_EOF, or the error of open / next */
	bool open_fails;
	unsigned events;
	const char *msg;  /* substring of the error message */
	unsigned orphans; /* enter events delivered alone: their exit never came */
} fixtures[] = {
	{ "t1_min.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t2_mi.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t3_pl.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t4_pl_nomi.scap", STRATO_EOF, false, 1, NULL, 0 },
	/* No event blocks: a clean, empty capture (sysdig: "no events in file"). */
	{ "t5_noev.scap", STRATO_EOF, false, 0, NULL, 0 },
	{ "t6_gz.scap.gz", STRATO_EOF, false, 1, NULL, 0 },
	{ "t7_pairs.scap", STRATO_EOF, false, 3, NULL, 0 },
	{ "t8_exitonly_new.scap", STRATO_EOF, false, 3, NULL, 0 },
	{ "t9_pairs_superset.scap", STRATO_EOF, false, 3, NULL, 0 },
	{ "t10_unknown_evt.scap", STRATO_EOF, false, 2, NULL, 0 },
	{ "t11_unknown_block.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t12_fdl.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t13_fdl_memfd.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t14_pl_new.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t15_evf.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t16_execve_only.scap", STRATO_EOF, false, 2, NULL, 0 },
	{ "t17_execve_pair.scap", STRATO_EOF, false, 2, NULL, 0 },
	{ "t18_exitonly_wrongfd.scap", STRATO_EOF, false, 5, NULL, 0 },
	/* Metadata after events: the first event, then an error naming the block. */
	{ "t19_meta_after_events.scap", -STRATO_EFORMAT, false, 1, "type 0x215 at offset 484 follows events", 0 },
	{ "t20_concat.scap", STRATO_EOF, false, 2, NULL, 0 },
	{ "t21_unknown_after_events.scap", -STRATO_EFORMAT, false, 1, "type 0x300 at offset 484 follows events", 0 },
	{ "t22_bigendian_shb.scap", -STRATO_EFORMAT, true, 0, "offset 0: byte-swapped", 0 },
	{ "t23_shb_v2.scap", -STRATO_EVERSION, true, 0, "version 2.0", 0 },
	{ "t24_shb_opts.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t25_clone_exec.scap", STRATO_EOF, false, 6, NULL, 0 },
	{ "t26_fdl_unknown_tid.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t27_fdl_before_pl.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t28_pl_min_v9.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t29_empty_str.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t30_null_str.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t31_empty_int.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t32_short_int.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t33_extra_param.scap", STRATO_EOF, false, 1, NULL, 0 },
	/* READ_E then WRITE_X: the read's exit never came, its enter is
	 * delivered alone before the write (sysdig shows both too). */
	{ "t34_mismatched_enter.scap", STRATO_EOF, false, 2, NULL, 1 },
	{ "t35_enter_bad_nparams.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t36_exit_no_enter_old.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t37_unknown_type.scap", STRATO_EOF, false, 1, NULL, 0 },
	{ "t38_bad_ev_trailer.scap", STRATO_EOF, false, 2, NULL, 0 },
	{ "t39_bad_pl_trailer.scap", -STRATO_EFORMAT, true, 0, "offset 28: trailer 999 differs from its length 164", 0 },
	{ "t40_junk_in_evblock.scap", STRATO_EOF, false, 2, NULL, 0 },
};

START_TEST(test_fixture)
{
	const struct fixture *f = &fixtures[_i];
	char rel[256];
	const char *path;
	strato_capture *cap;
	const strato_event *ev;
	uint64_t n = 0, orphans = 0, last = 0;
	int rc;

	snprintf(rel, sizeof(rel), FIX "%s", f->file);
	path = shared(rel);
	ck_assert_msg(path, "%s missing", rel);
	rc = strato_capture_open_file(&cap, path, NULL);
	if (f->open_fails) {
		ck_assert_int_eq(rc, f->rc);
		ck_assert_ptr_nonnull(strstr(strato_last_error(), f->msg));
		return;
	}
	ck_assert_msg(rc == 0, "%s: %s", f->file, strato_last_error());
	while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
		n++;
		/* evt.num is the position in the file (enter halves count),
		 * so at least the delivered count; it grows, except for an
		 * orphan, which comes out after the event that revealed it. */
		ck_assert_uint_ge(strato_event_num(ev), n);
		/* A syscall enter event comes out only when its exit never
		 * came (an orphan); merged ones never do. */
		if (strato_merge_is_syscall_enter(strato_event_type(ev))) {
			ck_assert_uint_lt(orphans++, f->orphans);
		} else {
			ck_assert_uint_gt(strato_event_num(ev), last);
			last = strato_event_num(ev);
		}
	}
	ck_assert_msg(rc == f->rc, "%s: rc %d (%s)", f->file, rc, strato_capture_errmsg(cap));
	ck_assert_uint_eq(n, f->events);
	if (f->msg)
		ck_assert_msg(strstr(strato_capture_errmsg(cap), f->msg), "%s: %s", f->file, strato_capture_errmsg(cap));
	strato_capture_close(cap);
}
END_TEST

static strato_capture *open_fix(const char *name)
{
	char rel[256];
	strato_capture *cap;
	const char *path;

	snprintf(rel, sizeof(rel), FIX "%s", name);
	path = shared(rel);
	ck_assert_ptr_nonnull(path);
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	return cap;
}

static const strato_event *next_ev(strato_capture *cap)
{
	const strato_event *ev;

	ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EVENT);
	return ev;
}

static int64_t iparam(const strato_event *ev, const char *name)
{
	int idx = strato_event_param_index(ev, name);
	int64_t v = 0;

	ck_assert_msg(idx >= 0, "%s has no %s", strato_event_name(ev), name);
	ck_assert_int_eq(strato_event_param_int(ev, (unsigned)idx, &v), 0);
	return v;
}

static void sparam(const strato_event *ev, unsigned idx, const char *want, size_t wantlen)
{
	const void *p;
	size_t len;

	ck_assert_int_eq(strato_event_param(ev, idx, &p, &len), 0);
	ck_assert_uint_eq(len, wantlen);
	ck_assert_int_eq(memcmp(p, want, wantlen), 0);
}

/* Header tables: values from the fixtures README. */
START_TEST(test_tables)
{
	strato_capture *cap = open_fix("t3_pl.scap");
	struct strato_tables *t = &cap->tables;

	ck_assert(t->has_machine);
	ck_assert_uint_eq(t->machine.num_cpus, 4);
	ck_assert_uint_eq(t->machine.memory_bytes, 8ULL << 30);
	ck_assert_str_eq(t->machine.hostname, "testhost");
	ck_assert_uint_eq(t->nthreads, 1);
	ck_assert_int_eq(t->threads[0].tid, 1234);
	ck_assert_int_eq(t->threads[0].pid, 1234);
	ck_assert_int_eq(t->threads[0].ptid, 1);
	ck_assert_str_eq(t->threads[0].comm, "cat");
	ck_assert_str_eq(t->threads[0].exe, "cat");
	ck_assert_str_eq(t->threads[0].exepath, "/usr/bin/cat");
	ck_assert_uint_eq(t->threads[0].loginuid, 0xFFFFFFFFu);
	strato_capture_close(cap);

	cap = open_fix("t4_pl_nomi.scap");
	ck_assert(!cap->tables.has_machine);
	ck_assert_str_eq(cap->tables.threads[0].comm, "cat");
	strato_capture_close(cap);

	/* Post-0.10 tail: loginuid 1000 (sysdig misreads it as 0). */
	cap = open_fix("t14_pl_new.scap");
	ck_assert_uint_eq(cap->tables.threads[0].loginuid, 1000);
	strato_capture_close(cap);

	cap = open_fix("t28_pl_min_v9.scap");
	ck_assert_uint_eq(cap->tables.threads[0].loginuid, 0xFFFFFFFFu);
	ck_assert_str_eq(cap->tables.threads[0].comm, "cat");
	strato_capture_close(cap);

	cap = open_fix("t12_fdl.scap");
	t = &cap->tables;
	ck_assert_uint_eq(t->nthreads, 1);
	ck_assert_uint_eq(t->threads[0].nfds, 2);
	for (size_t i = 0; i < 2; i++) {
		struct strato_fd_info *fd = &t->threads[0].fds[i];

		if (fd->fd == 3) {
			ck_assert_uint_eq(fd->type, STRATO_FD_FILE_V2);
			ck_assert_str_eq(fd->name, "/etc/passwd");
			ck_assert_uint_eq(fd->open_flags, 1);
		} else {
			ck_assert_int_eq(fd->fd, 0);
			ck_assert_uint_eq(fd->type, STRATO_FD_FILE);
			ck_assert_str_eq(fd->name, "/dev/pts/0");
		}
	}
	strato_capture_close(cap);

	/* fd type 20 (memfd) is kept, named memfd:x. */
	cap = open_fix("t13_fdl_memfd.scap");
	ck_assert_uint_eq(cap->tables.threads[0].nfds, 1);
	ck_assert_int_eq(cap->tables.threads[0].fds[0].fd, 7);
	ck_assert_uint_eq(cap->tables.threads[0].fds[0].type, STRATO_FD_MEMFD);
	ck_assert_str_eq(cap->tables.threads[0].fds[0].name, "memfd:x");
	strato_capture_close(cap);

	/* FD lists of threads missing from the process list are ignored. */
	cap = open_fix("t26_fdl_unknown_tid.scap");
	ck_assert_uint_eq(cap->tables.threads[0].nfds, 0);
	strato_capture_close(cap);
	cap = open_fix("t27_fdl_before_pl.scap");
	ck_assert_uint_eq(cap->tables.nthreads, 1);
	ck_assert_uint_eq(cap->tables.threads[0].nfds, 0);
	strato_capture_close(cap);
}
END_TEST

/* Enter/exit merge and parameter decoding on the fixtures. */
START_TEST(test_merge)
{
	strato_capture *cap = open_fix("t7_pairs.scap");
	const strato_event *ev;

	/* OPEN_X: 2022 layout (5 params) + ino, absent from OPEN_E: empty. */
	ev = next_ev(cap);
	ck_assert_str_eq(strato_event_name(ev), "open");
	ck_assert_uint_eq(strato_event_nparams(ev), 6);
	ck_assert_int_eq(iparam(ev, "fd"), 3);
	sparam(ev, 1, "/etc/passwd", 12);
	ck_assert_int_eq(iparam(ev, "flags"), 1);
	ck_assert_int_eq(iparam(ev, "dev"), 0x801);
	{
		const void *p;
		size_t len;

		ck_assert_int_eq(strato_event_param(ev, 5, &p, &len), -STRATO_ENOVALUE);
	}
	/* READ_X gets fd and size from READ_E. */
	ev = next_ev(cap);
	ck_assert_str_eq(strato_event_name(ev), "read");
	ck_assert_uint_eq(strato_event_type(ev), 7);
	ck_assert_uint_eq(strato_event_nparams(ev), 4);
	ck_assert_int_eq(iparam(ev, "res"), 5);
	sparam(ev, 1, "root:", 5);
	ck_assert_int_eq(iparam(ev, "fd"), 3);
	ck_assert_int_eq(iparam(ev, "size"), 4096);
	ev = next_ev(cap);
	ck_assert_str_eq(strato_event_name(ev), "close");
	ck_assert_uint_eq(strato_event_nparams(ev), 2);
	ck_assert_int_eq(iparam(ev, "res"), 0);
	ck_assert_int_eq(iparam(ev, "fd"), 3);
	ck_assert_int_eq(strato_event_tid(ev), 1234);
	ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EOF);
	strato_capture_close(cap);

	/* Enter with one parameter: fd merged, size left empty. */
	cap = open_fix("t35_enter_bad_nparams.scap");
	ev = next_ev(cap);
	ck_assert_uint_eq(strato_event_nparams(ev), 4);
	ck_assert_int_eq(iparam(ev, "fd"), 3);
	ck_assert_int_eq(strato_event_param_int(ev, 3, &(int64_t){ 0 }), -STRATO_ENOVALUE);
	strato_capture_close(cap);

	/* Lone 2022 exit: delivered as it is. */
	cap = open_fix("t36_exit_no_enter_old.scap");
	ev = next_ev(cap);
	ck_assert_uint_eq(strato_event_nparams(ev), 2);
	ck_assert_int_eq(iparam(ev, "res"), 5);
	strato_capture_close(cap);

	/* READ_E then WRITE_X: the read's exit never came; its enter comes
	 * out alone, before the write exit, which stays as it is. */
	cap = open_fix("t34_mismatched_enter.scap");
	ev = next_ev(cap);
	ck_assert_str_eq(strato_event_name(ev), "read");
	ck_assert_uint_eq(strato_event_type(ev), 6);
	ck_assert_int_eq(iparam(ev, "fd"), 3);
	ev = next_ev(cap);
	ck_assert_str_eq(strato_event_name(ev), "write");
	ck_assert_uint_eq(strato_event_nparams(ev), 2);
	strato_capture_close(cap);

	/* Five parameters where the table has four: all kept. */
	cap = open_fix("t33_extra_param.scap");
	ev = next_ev(cap);
	ck_assert_uint_eq(strato_event_nparams(ev), 5);
	strato_capture_close(cap);

	/* execve exit gets the enter's filename. */
	cap = open_fix("t17_execve_pair.scap");
	ev = next_ev(cap);
	ck_assert_str_eq(strato_event_name(ev), "execve");
	{
		int idx = strato_event_param_index(ev, "filename");

		ck_assert_int_ge(idx, 0);
		sparam(ev, (unsigned)idx, "/usr/bin/cat", 13);
	}
	strato_capture_close(cap);

	/* Clone pair, child clone, execve pair, open, procexit, open. */
	cap = open_fix("t25_clone_exec.scap");
	{
		static const char *const want[] = { "clone", "clone", "execve", "open", "procexit", "open" };

		for (size_t i = 0; i < 6; i++) {
			ev = next_ev(cap);
			ck_assert_str_eq(strato_event_name(ev), want[i]);
		}
		ck_assert_int_eq(strato_event_tid(ev), 200);
	}
	strato_capture_close(cap);
}
END_TEST

START_TEST(test_misc)
{
	strato_capture *cap = open_fix("t15_evf.scap");
	const strato_event *ev = next_ev(cap);
	STRATO_OPTS(strato_stats, st);

	ck_assert_uint_eq(strato_event_dump_flags(ev), STRATO_DF_STATE_ONLY);
	ck_assert_uint_eq(strato_event_cpu(ev), 0);
	strato_capture_close(cap);

	cap = open_fix("t10_unknown_evt.scap");
	ck_assert_str_eq(strato_event_name(next_ev(cap)), "open");
	ck_assert_str_eq(strato_event_name(next_ev(cap)), "close");
	ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EOF);
	ck_assert_int_eq(strato_capture_stats(cap, &st), 0);
	ck_assert_uint_eq(st.events, 2);
	ck_assert_uint_eq(st.skipped_unknown, 1);
	ck_assert_uint_eq(st.received, 2);
	/* a caller built before `received` existed: nothing past its struct
	 * is written */
	{
		unsigned char buf[sizeof(struct strato_stats)];
		struct strato_stats old;

		memset(buf, 0xA5, sizeof(buf));
		old.sz = offsetof(struct strato_stats, received);
		memcpy(buf, &old.sz, sizeof(old.sz));
		ck_assert_int_eq(strato_capture_stats(cap, (struct strato_stats *)buf), 0);
		memcpy(&old, buf, offsetof(struct strato_stats, received));
		ck_assert_uint_eq(old.events, 2);
		ck_assert_uint_eq(old.skipped_unknown, 1);
		for (size_t i = offsetof(struct strato_stats, received); i < sizeof(buf); i++)
			ck_assert_uint_eq(buf[i], 0xA5);
	}
	strato_capture_close(cap);

	/* received counts what the filter rejected too */
	{
		strato_filter *f;

		cap = open_fix("t10_unknown_evt.scap");
		ck_assert_int_eq(strato_filter_compile(&f, "evt.type = close", NULL, NULL), 0);
		ck_assert_int_eq(strato_capture_set_filter(cap, f), 0);
		strato_filter_free(f);
		ck_assert_str_eq(strato_event_name(next_ev(cap)), "close");
		ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EOF);
		ck_assert_int_eq(strato_capture_stats(cap, &st), 0);
		ck_assert_uint_eq(st.events, 1);
		ck_assert_uint_eq(st.received, 2);
		strato_capture_close(cap);
	}

	/* Concatenated sections: the second one's tables replace the first's. */
	cap = open_fix("t20_concat.scap");
	ck_assert_str_eq(cap->tables.threads[0].comm, "cat");
	ev = next_ev(cap);
	ck_assert_int_eq(strato_event_tid(ev), 1234);
	ev = next_ev(cap);
	ck_assert_int_eq(strato_event_tid(ev), 999);
	ck_assert_uint_eq(cap->tables.nthreads, 1);
	ck_assert_str_eq(cap->tables.threads[0].comm, "dog");
	strato_capture_close(cap);

	cap = open_fix("t1_min.scap");
	ck_assert_int_eq(strato_capture_get_fd(cap), -ENOTSUP);
	strato_capture_close(cap);
	ck_assert_int_eq(strato_capture_open_file(&cap, "/nonexistent/x.scap", NULL), -ENOENT);
	ck_assert_int_eq(strato_capture_open_file(&cap, "/", NULL), -EISDIR);
	ck_assert_int_eq(strato_capture_open_file(&cap, "/dev/null", NULL), -STRATO_EFORMAT);
}
END_TEST


/* Builds a READ_E (fd, size) or READ_X (res, data) event of `tid`. */
static size_t build_read(uint8_t *buf, bool enter, int64_t tid, size_t datalen)
{
	uint32_t off = STRATO_EVT_HDR_LEN + 4;
	int64_t v = enter ? 3 : (int64_t)datalen;

	memset(buf, 0, STRATO_EVT_HDR_LEN + 4 + 8 + datalen);
	strato_st64(buf, 1700000000000000000ULL);
	strato_st64(buf + 8, (uint64_t)tid);
	strato_st16(buf + 20, enter ? 6 : 7);
	strato_st32(buf + 22, 2);
	strato_st16(buf + STRATO_EVT_HDR_LEN, 8);
	strato_st16(buf + STRATO_EVT_HDR_LEN + 2, enter ? 4 : (uint16_t)datalen);
	strato_st64(buf + off, (uint64_t)v);
	off += 8;
	if (enter) {
		strato_st32(buf + off, (uint32_t)(4096 + tid));
		off += 4;
	} else {
		off += (uint32_t)datalen;
	}
	strato_st32(buf + 16, off);
	return off;
}

/* The enter table is bounded: past STRATO_MERGE_SLOTS waiting threads the
 * oldest are evicted, and their exits come out unmerged. */
START_TEST(test_merge_bounds)
{
	struct strato_merge m;
	struct strato_event ev;
	const struct strato_event *out, *orphan;
	static uint8_t buf[STRATO_MERGE_MAX_ENTER + 256];
	int orphans = 0;
	const int nthreads = STRATO_MERGE_SLOTS + 476;
	int merged = 0;
	int64_t v;

	ck_assert_int_eq(strato_merge_init(&m), 0);
	ck_assert(strato_merge_is_syscall_enter(6));
	ck_assert(!strato_merge_is_syscall_enter(186)); /* procexit */
	ck_assert(!strato_merge_is_syscall_enter(7));
	for (int t = 0; t < nthreads; t++) {
		ck_assert_int_eq(strato_event_parse(&ev, buf, build_read(buf, true, 100 + t, 0)), 0);
		ck_assert_int_eq(strato_merge_store(&m, &ev, &orphan), 0);
		if (orphan) { /* evicted, the oldest first */
			ck_assert_int_eq(strato_event_tid(orphan), 100 + orphans);
			orphans++;
		}
	}
	ck_assert_int_eq(orphans, nthreads - STRATO_MERGE_SLOTS);
	ck_assert_uint_eq(m.nused, STRATO_MERGE_SLOTS);
	for (int t = 0; t < nthreads; t++) {
		ck_assert_int_eq(strato_event_parse(&ev, buf, build_read(buf, false, 100 + t, 5)), 0);
		ck_assert_int_eq(strato_merge_exit(&m, &ev, &out, &orphan), 0);
		ck_assert_ptr_null(orphan);
		if (t < nthreads - STRATO_MERGE_SLOTS) {
			ck_assert_ptr_eq(out, &ev);
			continue;
		}
		merged++;
		ck_assert_uint_eq(out->nparams, 4);
		ck_assert_int_eq(strato_event_param_int(out, 2, &v), 0);
		ck_assert_int_eq(v, 3);
		ck_assert_int_eq(strato_event_param_int(out, 3, &v), 0);
		ck_assert_int_eq(v, 4096 + 100 + t);
	}
	ck_assert_int_eq(merged, STRATO_MERGE_SLOTS);
	ck_assert_uint_eq(m.nused, 0);
	strato_merge_free(&m);
}
END_TEST


/* Appends a block of `type` with `body` (padded) to buf at *off. */
static void put_block(uint8_t *buf, size_t *off, uint32_t type, const void *body, size_t n)
{
	uint32_t total = (uint32_t)(12 + ((n + 3) & ~(size_t)3));

	strato_st32(buf + *off, type);
	strato_st32(buf + *off + 4, total);
	memset(buf + *off + 8, 0, total - 12);
	memcpy(buf + *off + 8, body, n);
	strato_st32(buf + *off + total - 4, total);
	*off += total;
}

/* Pre-release block ids (_INT) and legacy event blocks, whose 22-byte
 * event header has no parameter count. */
START_TEST(test_legacy_blocks)
{
	static uint8_t buf[4096], body[1024];
	size_t off = 0, n;
	strato_capture *cap;
	const strato_event *ev;
	char path[64];
	int fd = memfd_create("strato-legacy", 0);
	int64_t v;

	ck_assert_int_ge(fd, 0);
	memset(body, 0, sizeof(body));
	strato_st32(body, STRATO_SHB_MAGIC);
	strato_st16(body + 4, 1);
	strato_st16(body + 6, 0);
	memset(body + 8, 0xff, 8);
	put_block(buf, &off, STRATO_SHB_TYPE, body, 16);
	memset(body, 0, sizeof(body));
	strato_st32(body, 2); /* num_cpus */
	memcpy(body + 20, "legacyhost", 10);
	put_block(buf, &off, STRATO_BLK_MI_INT, body, STRATO_MI_BODY_LEN);
	/* EVF legacy: cpu 3, flags 2, OPEN_X with its 5 2022 parameters. */
	n = 0;
	strato_st16(body, 3);
	strato_st32(body + 2, STRATO_DF_TRACER);
	n = 6;
	strato_st64(body + n, 1700000000000000001ULL);
	strato_st64(body + n + 8, 4321);
	strato_st16(body + n + 20, 3);
	{
		static const uint16_t lens[] = { 8, 5, 4, 4, 4 };
		uint8_t *p = body + n + 22 + 10;

		for (int i = 0; i < 5; i++)
			strato_st16(body + n + 22 + 2 * i, lens[i]);
		strato_st64(p, 7);
		memcpy(p + 8, "/tmp", 5);
		strato_st32(p + 13, 1);
		strato_st32(p + 17, 0);
		strato_st32(p + 21, 0x801);
		strato_st32(body + n + 16, 22 + 10 + 25);
		n += 22 + 10 + 25;
	}
	put_block(buf, &off, STRATO_BLK_EVF, body, n);
	/* EV (_INT id): CLOSE_X with res only, cpu 1. */
	strato_st16(body, 1);
	strato_st64(body + 2, 1700000000000000002ULL);
	strato_st64(body + 10, 4321);
	strato_st32(body + 18, 22 + 2 + 8);
	strato_st16(body + 22, 5);
	strato_st16(body + 24, 8);
	strato_st64(body + 26, 0);
	put_block(buf, &off, STRATO_BLK_EV_INT, body, 2 + 22 + 2 + 8);
	ck_assert_int_eq(pwrite(fd, buf, off, 0), (ssize_t)off);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);

	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	ck_assert(cap->tables.has_machine);
	ck_assert_uint_eq(cap->tables.machine.num_cpus, 2);
	ck_assert_str_eq(cap->tables.machine.hostname, "legacyhost");
	ev = next_ev(cap);
	ck_assert_str_eq(strato_event_name(ev), "open");
	ck_assert_uint_eq(strato_event_cpu(ev), 3);
	ck_assert_uint_eq(strato_event_dump_flags(ev), STRATO_DF_TRACER);
	ck_assert_uint_eq(strato_event_nparams(ev), 5);
	ck_assert_int_eq(iparam(ev, "fd"), 7);
	sparam(ev, 1, "/tmp", 5);
	ck_assert_int_eq(iparam(ev, "dev"), 0x801);
	ev = next_ev(cap);
	ck_assert_str_eq(strato_event_name(ev), "close");
	ck_assert_uint_eq(strato_event_cpu(ev), 1);
	ck_assert_uint_eq(strato_event_nparams(ev), 1);
	ck_assert_int_eq(strato_event_param_int(ev, 0, &v), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EOF);
	strato_capture_close(cap);
	close(fd);
}
END_TEST

static const char *const samples[] = {
	"draios-sysdig-inspect/502Error.scap",
	"falcosecurity-falco/cat_write.scap",
	"falcosecurity-falco/connect_localhost.scap",
	"falcosecurity-falco/empty.scap",
	"falcosecurity-falco/open-multiple-files.scap",
	"falcosecurity-falco/ping_sendto.scap",
	"falcosecurity-falco/psp_privileged.scap",
	"falcosecurity-falco/psp_run_as_user_0_container.scap",
	"falcosecurity-falco/psp_run_as_user_65534_container.scap",
	"falcosecurity-falco/psp_write_tmp_test.scap",
	"falcosecurity-falco/syscall.scap",
	"falcosecurity-falco/test_empty.scap",
	"falcosecurity-libs/curl_google.scap",
	"falcosecurity-libs/curl_google_comments.scap",
	"falcosecurity-libs/single_ipv6_conn.scap",
	"falcosecurity-libs/test_ipv6_client.scap",
	"xxradar-stratoshark-http-https/docker-curl-https.scap",
};

START_TEST(test_sample)
{
	char rel[256];
	const char *path;
	uint64_t n;
	int rc;

	snprintf(rel, sizeof(rel), "scap-samples/%s", samples[_i]);
	path = shared(rel);
	ck_assert_msg(path, "%s missing", rel);
	rc = read_all(path, &n, NULL);
	ck_assert_msg(rc == STRATO_EOF, "%s: %d %s", rel, rc, strato_last_error());
	ck_assert_uint_gt(n, 0);
}
END_TEST

/* Finds the event of `tid` at `ts` (both from sysdig -p '%evt.rawtime %thread.tid'). */
static const strato_event *find_ev(strato_capture *cap, uint64_t ts, int64_t tid)
{
	const strato_event *ev;

	while (strato_capture_next(cap, &ev) == STRATO_EVENT)
		if (strato_event_ts(ev) == ts && strato_event_tid(ev) == tid)
			return ev;
	ck_abort_msg("no event at %llu", (unsigned long long)ts);
	return NULL;
}

/* Argument values of sample events as printed by sysdig 0.29.3. */
START_TEST(test_sample_values)
{
	const char *path = shared("scap-samples/falcosecurity-falco/cat_write.scap");
	strato_capture *cap;
	const strato_event *ev;
	const void *p;
	size_t len;

	ck_assert_ptr_nonnull(path);
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	/* sysdig #141: < open fd=3 name=/etc/ld.so.cache flags=4097 mode=0 */
	ev = find_ev(cap, 1470327477881785348ULL, 20072);
	ck_assert_str_eq(strato_event_name(ev), "open");
	ck_assert_int_eq(iparam(ev, "fd"), 3);
	sparam(ev, 1, "/etc/ld.so.cache", 17);
	ck_assert_int_eq(iparam(ev, "flags"), 4097);
	ck_assert_int_eq(iparam(ev, "mode"), 0);
	/* sysdig #152/#153: > read fd=3 size=832, < read res=832 data=.ELF... */
	ev = find_ev(cap, 1470327477881801607ULL, 20072);
	ck_assert_str_eq(strato_event_name(ev), "read");
	ck_assert_int_eq(iparam(ev, "res"), 832);
	ck_assert_int_eq(iparam(ev, "fd"), 3);
	ck_assert_int_eq(iparam(ev, "size"), 832);
	ck_assert_int_eq(strato_event_param(ev, 1, &p, &len), 0);
	ck_assert_int_eq(memcmp(p, "\177ELF", 4), 0);
	ck_assert_uint_eq(strato_event_cpu(ev), 0);
	/* sysdig #164/#165: > close fd=3, < close res=0 */
	ev = find_ev(cap, 1470327477881824357ULL, 20072);
	ck_assert_str_eq(strato_event_name(ev), "close");
	ck_assert_int_eq(iparam(ev, "res"), 0);
	ck_assert_int_eq(iparam(ev, "fd"), 3);
	strato_capture_close(cap);

	/* Legacy (v1 header) events on CPU 1; sysdig #131/#132:
	 * > recvfrom fd=0 size=15360, < recvfrom res=-11(EAGAIN) data= tuple=NULL */
	path = shared("scap-samples/draios-sysdig-inspect/502Error.scap");
	ck_assert_ptr_nonnull(path);
	ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
	ck_assert_uint_eq(cap->tables.machine.num_cpus, 4);
	ev = find_ev(cap, 1506127469904947769ULL, 13969);
	ck_assert_str_eq(strato_event_name(ev), "recvfrom");
	ck_assert_uint_eq(strato_event_cpu(ev), 1);
	ck_assert_int_eq(iparam(ev, "res"), -11);
	ck_assert_int_eq(strato_event_param(ev, 1, &p, &len), -STRATO_ENOVALUE);
	ck_assert_int_eq(iparam(ev, "fd"), 0);
	ck_assert_int_eq(iparam(ev, "size"), 15360);
	strato_capture_close(cap);
}
END_TEST

/* ---- robustness ---- */

static int memfd = -1;
static char memfd_path[64];

/* Reads `data[0..len)` as a capture; the outcome must be a clean EOF or a
 * library error with a message. Returns the final status. */
static int read_mem(const uint8_t *data, size_t len, uint64_t *nev)
{
	int rc;

	ck_assert_int_eq(ftruncate(memfd, 0), 0);
	ck_assert_int_eq(pwrite(memfd, data, len, 0), (ssize_t)len);
	rc = read_all(memfd_path, nev, NULL);
	if (rc != STRATO_EOF) {
		ck_assert_msg(rc < 0, "status %d", rc);
		ck_assert_msg(strato_last_error()[0] || rc == -STRATO_EFORMAT, "error %d without message", rc);
	}
	return rc;
}

static uint8_t *load_raw(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *d;

	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	d = malloc(*len);
	ck_assert_uint_eq(fread(d, 1, *len, f), *len);
	fclose(f);
	return d;
}

/* The first blocks of 502Error.scap (SHB, MI, IL, UL, PL_V5, FDL, legacy
 * events) up to about `want` bytes, cut at a block boundary. */
static uint8_t *real_prefix(size_t want, size_t *len)
{
	const char *path = shared("scap-samples/draios-sysdig-inspect/502Error.scap");
	size_t n, off = 0;
	uint8_t *d;

	ck_assert_ptr_nonnull(path);
	d = load_raw(path, &n);
	while (off + 8 <= n && off + strato_ld32(d + off + 4) <= want)
		off += strato_ld32(d + off + 4);
	*len = off;
	return d;
}

static void setup_memfd(void)
{
	memfd = memfd_create("strato-reader-test", 0);
	ck_assert_int_ge(memfd, 0);
	snprintf(memfd_path, sizeof(memfd_path), "/proc/self/fd/%d", memfd);
}

static unsigned long ntrunc_cases, nflip_cases;

/* Every prefix of every fixture and of a real capture: an error naming the
 * cut (ETRUNC) or, at a block boundary, a clean EOF with fewer events. */
START_TEST(test_truncate)
{
	static const char *const extra[] = { "scap-samples/falcosecurity-falco/cat_write.scap" };
	size_t len;
	uint64_t full, n;

	setup_memfd();
	for (size_t f = 0; f < STRATO_ARRAY_SIZE(fixtures) + 2; f++) {
		uint8_t *d;
		char rel[256];
		bool gz = false;

		if (f < STRATO_ARRAY_SIZE(fixtures)) {
			if (fixtures[f].rc != STRATO_EOF)
				continue;
			snprintf(rel, sizeof(rel), FIX "%s", fixtures[f].file);
			gz = strstr(rel, ".gz") != NULL;
			d = load_raw(shared(rel), &len);
		} else if (f == STRATO_ARRAY_SIZE(fixtures)) {
			snprintf(rel, sizeof(rel), "502Error.scap prefix");
			d = real_prefix(24576, &len);
		} else {
			/* compressed: every cut of the gzip stream */
			snprintf(rel, sizeof(rel), "%s", extra[0]);
			d = load_raw(shared(rel), &len);
			gz = true;
		}
		ck_assert_int_eq(read_mem(d, len, &full), STRATO_EOF);
		for (size_t cut = 0; cut < len; cut++) {
			int rc = read_mem(d, cut, &n);

			ntrunc_cases++;
			ck_assert_msg(rc == STRATO_EOF || rc == -STRATO_ETRUNC || (cut < 8 && rc == -STRATO_EFORMAT),
				      "%s cut at %zu: %d %s", rel, cut, rc, strato_last_error());
			if (rc == -STRATO_ETRUNC && !gz)
				ck_assert_msg(strstr(strato_last_error(), "offset") || cut < 8, "%s", strato_last_error());
			ck_assert_uint_le(n, full);
		}
		free(d);
	}
	printf("truncation cases: %lu\n", ntrunc_cases);
	close(memfd);
}
END_TEST

static uint64_t rng = 0x5EED5EED12345678ULL;

static uint64_t xorshift(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Random byte flips (fixed seed) in a real capture and in fixtures. */
START_TEST(test_flip)
{
	size_t len, flen;
	uint8_t *orig = real_prefix(16384, &len), *d = malloc(len);
	uint64_t n, errors = 0;

	setup_memfd();
	for (int i = 0; i < 3000; i++) {
		int k = 1 + (int)(xorshift() % 4);

		memcpy(d, orig, len);
		for (int j = 0; j < k; j++)
			d[xorshift() % len] ^= (uint8_t)(1 + xorshift() % 255);
		if (read_mem(d, len, &n) < 0)
			errors++;
		nflip_cases++;
	}
	free(orig);
	free(d);
	for (int i = 0; i < 2000; i++) {
		const struct fixture *f = &fixtures[xorshift() % STRATO_ARRAY_SIZE(fixtures)];
		char rel[256];

		snprintf(rel, sizeof(rel), FIX "%s", f->file);
		d = load_raw(shared(rel), &flen);
		d[xorshift() % flen] ^= (uint8_t)(1 + xorshift() % 255);
		if (i % 2)
			d[xorshift() % flen] = (uint8_t)xorshift();
		if (read_mem(d, flen, &n) < 0)
			errors++;
		nflip_cases++;
		free(d);
	}
	printf("flip cases: %lu, ending in an error: %llu\n", nflip_cases, (unsigned long long)errors);
	close(memfd);
}
END_TEST

/* ---- the read-ahead thread ---- */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ ((const uint8_t *)p)[i]) * 1099511628211ull;
	return h;
}

/* What a reading delivers, to the byte: every event's fields, bytes and
 * enter bytes, the final status and message, the skip count. */
struct reading {
	uint64_t hash, nev, skipped;
	int rc;
	char msg[512];
};

static void read_digest(const char *path, bool thread, struct reading *r)
{
	struct strato_stats st = { .sz = sizeof(st) };
	STRATO_OPTS(strato_file_opts, fo, .single_thread = !thread);
	strato_capture *cap;
	const strato_event *ev;

	memset(r, 0, sizeof(*r));
	r->hash = 14695981039346656037ull;
	r->rc = strato_capture_open_file(&cap, path, &fo);
	if (!r->rc) {
		while ((r->rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
			uint64_t f[] = { ev->len, ev->type, ev->cpu, ev->dump_flags, ev->num, ev->nparams,
					 ev->enter_len, ev->enter_cpu, ev->file_nparams, ev->origin };

			r->hash = fnv(r->hash, f, sizeof(f));
			r->hash = fnv(r->hash, ev->raw, ev->len);
			r->hash = fnv(r->hash, ev->poff, ev->nparams * sizeof(ev->poff[0]));
			r->hash = fnv(r->hash, ev->plen, ev->nparams * sizeof(ev->plen[0]));
			if (ev->enter_raw)
				r->hash = fnv(r->hash, ev->enter_raw, ev->enter_len);
			r->nev++;
		}
		ck_assert_int_eq(strato_capture_stats(cap, &st), 0);
		r->skipped = st.skipped_unknown;
		strato_capture_close(cap);
	}
	if (r->rc < 0)
		snprintf(r->msg, sizeof(r->msg), "%s", strato_last_error());
}

static void same_reading(const char *path, const char *what)
{
	struct reading a, b;

	read_digest(path, true, &a);
	read_digest(path, false, &b);
	ck_assert_msg(a.nev == b.nev && a.hash == b.hash && a.rc == b.rc && a.skipped == b.skipped &&
			      !strcmp(a.msg, b.msg),
		      "%s: thread %llu events rc %d skipped %llu \"%s\"; caller %llu rc %d skipped %llu \"%s\"", what,
		      (unsigned long long)a.nev, a.rc, (unsigned long long)a.skipped, a.msg, (unsigned long long)b.nev,
		      b.rc, (unsigned long long)b.skipped, b.msg);
}

/* Every plain sample and fixture, the samples concatenated (the thread
 * hands back at each new section header, whose tables replace the
 * first), and cut files (errors after the same events, same message):
 * reading in the thread delivers exactly what the caller's thread does. */
START_TEST(test_readahead)
{
	uint8_t *all = NULL;
	size_t total = 0;
	char rel[256];

	setup_memfd();
	for (size_t i = 0; i < STRATO_ARRAY_SIZE(samples); i++) {
		size_t len;
		uint8_t *d;

		snprintf(rel, sizeof(rel), "scap-samples/%s", samples[i]);
		same_reading(shared(rel), rel);
		d = load_raw(shared(rel), &len);
		if (len >= 2 && !(d[0] == 0x1f && d[1] == 0x8b)) {
			all = realloc(all, total + len);
			memcpy(all + total, d, len);
			total += len;
		}
		free(d);
	}
	for (size_t i = 0; i < STRATO_ARRAY_SIZE(fixtures); i++) {
		snprintf(rel, sizeof(rel), FIX "%s", fixtures[i].file);
		same_reading(shared(rel), rel);
	}
	ck_assert_int_eq(ftruncate(memfd, 0), 0);
	ck_assert_int_eq(pwrite(memfd, all, total, 0), (ssize_t)total);
	same_reading(memfd_path, "samples concatenated");
	for (size_t cut = 1; cut < 40; cut++) {
		size_t at = total / 40 * cut + cut * 7;

		ck_assert_int_eq(ftruncate(memfd, 0), 0);
		ck_assert_int_eq(pwrite(memfd, all, at, 0), (ssize_t)at);
		snprintf(rel, sizeof(rel), "samples concatenated, cut at %zu", at);
		same_reading(memfd_path, rel);
	}
	free(all);
	close(memfd);
}
END_TEST

/* Blocks larger than the read buffer, at offsets of every alignment,
 * between small ones: the buffer grows and moves its tail (keeping bytes
 * congruent to their file offsets) without losing or shifting a byte, in
 * the thread and in the caller's thread alike. */
START_TEST(test_big_blocks)
{
	static const uint32_t sizes[] = { 300000, 70000, 1500000, 262100, 5, 700001 };
	size_t cap = 4 << 20, off = 0, nbig = 0, nev = 0;
	uint8_t *buf = calloc(1, cap), *body = malloc(2 << 20), shb[16] = { 0 };
	strato_capture *cap_;
	const strato_event *ev;

	ck_assert_ptr_nonnull(buf);
	ck_assert_ptr_nonnull(body);
	/* plugin events: 32-bit parameter lengths, so one parameter can
	 * outgrow the buffer */
	ck_assert_uint_eq(strato_event_lenwidth(322), 4);
	strato_st32(shb, STRATO_SHB_MAGIC);
	strato_st16(shb + 4, 1);
	memset(shb + 8, 0xff, 8);
	put_block(buf, &off, STRATO_SHB_TYPE, shb, 16);
	for (size_t i = 0; i < 60; i++) {
		/* small events of odd sizes shift each big one's alignment */
		uint32_t dlen = i % 10 == 9 ? sizes[nbig++ % STRATO_ARRAY_SIZE(sizes)] : (uint32_t)(1 + i * 37 % 301);
		uint32_t elen = STRATO_EVT_HDR_LEN + 2 * 4 + 4 + dlen;
		uint8_t *e = body + 2, *d = e + STRATO_EVT_HDR_LEN + 2 * 4;

		strato_st16(body, 0); /* cpu */
		strato_st64(e, 1700000000000000000ULL + i);
		strato_st64(e + 8, 100 + i % 3);
		strato_st32(e + 16, elen);
		strato_st16(e + 20, 322);
		strato_st32(e + 22, 2);
		strato_st32(e + STRATO_EVT_HDR_LEN, 4);
		strato_st32(e + STRATO_EVT_HDR_LEN + 4, dlen);
		strato_st32(d, dlen); /* plugin id: the length, checked below */
		for (uint32_t k = 0; k < dlen; k++)
			d[4 + k] = (uint8_t)(k * 7 + i);
		ck_assert_uint_le(off + elen + 64, cap);
		put_block(buf, &off, elen + 2 > STRATO_BLK_MAX_SMALL ? STRATO_BLK_EV_V2_LARGE : STRATO_BLK_EV_V2, body,
			  elen + 2);
	}
	setup_memfd();
	ck_assert_int_eq(pwrite(memfd, buf, off, 0), (ssize_t)off);
	same_reading(memfd_path, "big blocks");
	ck_assert_int_eq(strato_capture_open_file(&cap_, memfd_path, NULL), 0);
	while (strato_capture_next(cap_, &ev) == STRATO_EVENT) {
		const void *p;
		size_t n;
		int64_t v;

		ck_assert_int_eq(strato_event_param(ev, 1, &p, &n), 0);
		ck_assert_int_eq(strato_event_param_int(ev, 0, &v), 0);
		ck_assert_uint_eq(n, (uint64_t)v);
		for (size_t k = 0; k < n; k++)
			ck_assert_uint_eq(((const uint8_t *)p)[k], (uint8_t)(k * 7 + nev));
		nev++;
	}
	ck_assert_uint_eq(nev, 60);
	strato_capture_close(cap_);
	close(memfd);
	free(body);
	free(buf);
}
END_TEST

/* A break stops the reading at once, and closing while the thread works
 * ahead (or waits for room) frees everything (ASan in scripts/check). */
START_TEST(test_readahead_stop)
{
	const char *path = shared("scap-samples/draios-sysdig-inspect/502Error.scap");
	strato_capture *cap;
	const strato_event *ev;

	for (int n = 0; n < 200; n += 7) {
		ck_assert_int_eq(strato_capture_open_file(&cap, path, NULL), 0);
		for (int i = 0; i < n; i++)
			ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EVENT);
		if (n % 2) {
			strato_capture_break(cap);
			ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EOF);
		}
		strato_capture_close(cap);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("reader");
	TCase *tc = tcase_create("fixtures");
	char buf[4096];

	if (!strato_test_shared(FIX "README.md", buf, sizeof(buf)) ||
	    !strato_test_shared("scap-samples/SOURCES.md", buf, sizeof(buf)))
		return STRATO_TEST_SKIP;
	tcase_add_loop_test(tc, test_fixture, 0, (int)STRATO_ARRAY_SIZE(fixtures));
	tcase_add_test(tc, test_tables);
	tcase_add_test(tc, test_merge);
	tcase_add_test(tc, test_misc);
	tcase_add_test(tc, test_merge_bounds);
	tcase_add_test(tc, test_legacy_blocks);
	suite_add_tcase(s, tc);
	tc = tcase_create("samples");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_sample, 0, (int)STRATO_ARRAY_SIZE(samples));
	tcase_add_test(tc, test_sample_values);
	suite_add_tcase(s, tc);
	tc = tcase_create("robustness");
	tcase_set_timeout(tc, 900);
	tcase_add_test(tc, test_truncate);
	tcase_add_test(tc, test_flip);
	tcase_add_test(tc, test_readahead);
	tcase_add_test(tc, test_readahead_stop);
	tcase_add_test(tc, test_big_blocks);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
