/* bench/bench_fields.c: costs of the state engine and the field API.
 *   bench_fields events FILE N  read FILE over and over until N events have
 *     gone by, once per configuration, and print nanoseconds per event:
 *     state off, state on, + proc.name, + fd.name, + evt.args.
 *   bench_fields memory THREADS FDS  build a state of THREADS processes
 *     holding FDS fds in all from events, print its size (accounted bytes
 *     and the process's RSS growth).
 *   bench_fields getter FILE FIELD REPEAT  read FILE once with the state
 *     on, calling strato_field_get_str(FIELD) REPEAT times per event; run
 *     under `perf stat -e task-clock` with REPEAT 20 and 0, the difference
 *     over 20 x events is the CPU time of one call.
 * bench/fields.sh runs it and reports medians. */
#include "capture/capture.h"
#include "state/state.h"
#include <stratocore/field.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t strato_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* What is done with every event, cumulative: 0 state off, 1 state on,
 * 2 + proc.name, 3 + fd.name, 4 + evt.args. */
static double strato_run(const char *file, uint64_t want, int level)
{
	static const char *const names[] = {"proc.name", "fd.name", "evt.args"};
	strato_field *f[3];
	uint64_t n = 0, t0, sink = 0;
	char buf[8192];

	for (int i = 0; i < 3; i++)
		if (strato_field_lookup(names[i], &f[i]))
			return -1;
	t0 = strato_now_ns();
	while (n < want) {
		strato_capture *cap;
		const strato_event *ev;
		STRATO_OPTS(strato_state_opts, so, .disable = level == 0);

		if (strato_capture_open_file(&cap, file, NULL) || strato_capture_state_config(cap, &so))
			return -1;
		while (n < want && strato_capture_next(cap, &ev) == STRATO_EVENT) {
			const char *s;

			n++;
			if (level >= 2 && strato_field_get_str(f[0], ev, &s, NULL) == 0)
				sink += (unsigned char)s[0];
			if (level >= 3 && strato_field_get_str(f[1], ev, &s, NULL) == 0)
				sink += (unsigned char)s[0];
			if (level >= 4 && strato_field_format(f[2], ev, buf, sizeof(buf)) > 0)
				sink += (unsigned char)buf[0];
		}
		strato_capture_close(cap);
	}
	for (int i = 0; i < 3; i++)
		strato_field_free(f[i]);
	if (sink == 42)
		fputc(' ', stderr); /* keeps the work from being optimised out */
	return (double)(strato_now_ns() - t0) / (double)n;
}

static long strato_rss_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = 0, rss = 0;

	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
			rss = 0;
		fclose(f);
	}
	return rss * 4;
}

/* A raw event, as the file reader would deliver it. */
static void strato_mk(struct strato_event *ev, uint8_t *raw, uint16_t type, int64_t tid, unsigned n,
		      const void *const *data, const size_t *len)
{
	size_t off = STRATO_EVT_HDR_LEN + 2 * n;

	for (unsigned i = 0; i < n; i++) {
		strato_st16(raw + STRATO_EVT_HDR_LEN + 2 * i, (uint16_t)len[i]);
		memcpy(raw + off, data[i], len[i]);
		off += len[i];
	}
	strato_st64(raw, 1);
	strato_st64(raw + 8, (uint64_t)tid);
	strato_st32(raw + 16, (uint32_t)off);
	strato_st16(raw + 20, type);
	strato_st32(raw + 22, n);
	memset(ev, 0, sizeof(*ev));
	strato_event_parse(ev, raw, off);
}

static int strato_memory(long threads, long fds)
{
	struct strato_state *st;
	struct strato_event ev;
	static uint8_t raw[4096];
	long rss0 = strato_rss_kb(), per = fds / threads;
	char name[64];

	if (strato_state_new(&st, NULL))
		return 1;
	st->max_threads = (size_t)threads + 1;
	st->max_fds = (size_t)fds + 1;
	for (long i = 0; i < threads; i++) {
		int64_t res = 0, tid = 1000 + i, ptid = 1, fdlimit = 1024, z64 = 0;
		uint32_t z32 = 0;
		const char comm[] = "worker", args[] = "--serve";
		const void *cd[] = {&res,  comm,   args,     &tid, &tid,
				    &ptid, "/srv", &fdlimit, &z64, &z64,
				    &z32,  &z32,   &z32,     comm, "cpu=/system.slice/app.service",
				    &z32,  &z32,   &z32,     &tid, &tid,
				    &z64};
		size_t cl[] = {8, sizeof(comm), sizeof(args), 8, 8, 8, 5, 8, 8, 8, 4, 4,
			       4, sizeof(comm), 31,	      4, 4, 4, 8, 8, 8};

		strato_mk(&ev, raw, 223, tid, 21, cd, cl);
		strato_state_update(st, &ev);
		for (long k = 0; k < per; k++) {
			int64_t fd = 3 + k, dirfd = -100, ino = 0;
			uint32_t flags = 1, mode = 0, dev = 0;

			snprintf(name, sizeof(name), "/var/lib/app/data-%ld.db", k);
			const void *od[] = {&fd, &dirfd, name, &flags, &mode, &dev, &ino};
			size_t ol[] = {8, 8, strlen(name) + 1, 4, 4, 4, 8};

			strato_mk(&ev, raw, 307, tid, 7, od, ol);
			strato_state_update(st, &ev);
		}
	}
	printf("threads %zu fds %zu accounted_bytes %zu rss_growth_kb %ld\n", st->threads.n, st->nfds,
	       strato_state_memory(st), strato_rss_kb() - rss0);
	strato_state_free(st);
	return 0;
}

static int strato_getter(const char *file, const char *name, long repeat)
{
	strato_field *f;
	strato_capture *cap;
	const strato_event *ev;
	uint64_t n = 0, sink = 0;

	if (strato_field_lookup(name, &f) || strato_capture_open_file(&cap, file, NULL))
		return 1;
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		for (long i = 0; i < repeat; i++) {
			const char *s;
			size_t len;

			if (strato_field_get_str(f, ev, &s, &len) == 0)
				sink += len;
		}
		n++;
	}
	strato_capture_close(cap);
	strato_field_free(f);
	printf("events %" PRIu64 " checksum %" PRIu64 "\n", n, sink & 0xff);
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const labels[] = {"state-off", "state-on", "proc.name", "fd.name", "evt.args"};

	if (argc == 4 && !strcmp(argv[1], "events")) {
		uint64_t n = strtoull(argv[3], NULL, 10);

		for (int level = 0; level < 5; level++) {
			double ns = strato_run(argv[2], n, level);

			if (ns < 0) {
				fprintf(stderr, "bench_fields: cannot read %s: %s\n", argv[2], strato_last_error());
				return 1;
			}
			printf("%s %.1f\n", labels[level], ns);
		}
		return 0;
	}
	if (argc == 4 && !strcmp(argv[1], "memory"))
		return strato_memory(strtol(argv[2], NULL, 10), strtol(argv[3], NULL, 10));
	if (argc == 5 && !strcmp(argv[1], "getter"))
		return strato_getter(argv[2], argv[3], strtol(argv[4], NULL, 10));
	fprintf(stderr, "usage: bench_fields events FILE N | memory THREADS FDS | getter FILE FIELD REPEAT\n");
	return 2;
}
