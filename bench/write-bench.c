/* bench/write-bench.c: speed of the .scap writer. Synthesizes N realistic
 * events in memory (threads opening files, reading and writing text-like
 * data up to sysdig's default 80-byte snaplen, closing them), then times
 * strato_writer_open + write of every event + close in each configuration
 * and prints events/s. With --out it only writes one capture file, e.g. the
 * >= 1M event input of the read benchmark. */
#include "core/internal.h"
#include "event/event.h"
#include "format/writer_internal.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *const strato_paths[] = {
	"/etc/passwd", "/etc/group", "/etc/hosts", "/etc/resolv.conf", "/etc/nsswitch.conf",
	"/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libssl.so.3",
	"/var/log/syslog", "/var/lib/dpkg/status", "/proc/self/maps", "/proc/meminfo",
	"/home/user/project/src/main.c", "/home/user/project/Makefile", "/tmp/build-1234/out.o",
	"/usr/share/zoneinfo/Europe/Paris", "/sys/fs/cgroup/cpu.max", "/dev/null", "/dev/urandom",
};

static const char *const strato_words[] = {
	"the", "request", "GET", "HTTP/1.1", "200", "OK", "user", "root", "error", "value", "config",
	"=", "{", "}", "\n", "127.0.0.1", "Content-Length:", "json", "\"id\":", "42", "true", "null",
	"static", "int", "return", "/usr/bin", "x86_64", "Linux", "debug", "info", "warning", "main",
};

/* xorshift: deterministic, so every run writes the same events */
static uint64_t strato_rng = 88172645463325252ull;
static uint32_t strato_rand(uint32_t n)
{
	strato_rng ^= strato_rng << 13;
	strato_rng ^= strato_rng >> 7;
	strato_rng ^= strato_rng << 17;
	return (uint32_t)(strato_rng % n);
}

struct strato_bev {
	struct strato_event ev;
};

static uint8_t *strato_arena;
static size_t strato_arena_len, strato_arena_cap;

static uint8_t *strato_put_event(uint64_t ts, int64_t tid, uint16_t type, unsigned n, const void *const *pp,
				 const uint32_t *pl)
{
	uint32_t len = STRATO_EVT_HDR_LEN + 2 * n;
	uint8_t *e, *d;

	for (unsigned i = 0; i < n; i++)
		len += pl[i];
	if (strato_arena_len + len > strato_arena_cap) {
		fprintf(stderr, "arena full\n");
		exit(1);
	}
	e = strato_arena + strato_arena_len;
	strato_st64(e, ts);
	strato_st64(e + 8, (uint64_t)tid);
	strato_st32(e + 16, len);
	strato_st16(e + 20, type);
	strato_st32(e + 22, n);
	d = e + STRATO_EVT_HDR_LEN + 2 * n;
	for (unsigned i = 0; i < n; i++) {
		strato_st16(e + STRATO_EVT_HDR_LEN + 2 * i, (uint16_t)pl[i]);
		memcpy(d, pp[i], pl[i]);
		d += pl[i];
	}
	strato_arena_len += len;
	return e;
}

/* Text-like I/O data: words, numbers and punctuation, `n` bytes. */
static void strato_fill_text(char *b, uint32_t n)
{
	uint32_t k = 0;

	while (k < n) {
		const char *w = strato_words[strato_rand(STRATO_ARRAY_SIZE(strato_words))];
		size_t l = strlen(w);

		if (k + l + 1 > n)
			l = n - k > 1 ? n - k - 1 : 0;
		memcpy(b + k, w, l);
		k += (uint32_t)l;
		if (k < n)
			b[k++] = ' ';
	}
}

/* Builds `count` events: 32 threads, each cycling open -> 1..8 reads or
 * writes -> close, with timestamps a few microseconds apart. */
static struct strato_bev *strato_synthesize(size_t count)
{
	struct strato_bev *evs = calloc(count, sizeof(*evs));
	int64_t fdof[32] = { 0 };
	int left[32] = { 0 };
	uint64_t ts = 1700000000000000000ull;
	char data[80];

	strato_arena_cap = count * 140 + 4096;
	strato_arena = malloc(strato_arena_cap);
	if (!evs || !strato_arena) {
		fprintf(stderr, "out of memory\n");
		exit(1);
	}
	for (size_t i = 0; i < count; i++) {
		unsigned th = strato_rand(32);
		int64_t tid = 1000 + th * 7, fd, res, dirfd = -100, zero = 0;
		uint32_t flags, mode = 0, dev = 0x801, size;
		uint64_t ino;
		const uint8_t *raw;

		ts += 500 + strato_rand(5000);
		if (!left[th]) {
			const char *p = strato_paths[strato_rand(STRATO_ARRAY_SIZE(strato_paths))];

			fd = 3 + strato_rand(60);
			flags = strato_rand(4) ? 4097 : (2 | 4 | 256 | 4096);
			ino = 100000 + strato_rand(1000000);
			fdof[th] = fd;
			left[th] = 1 + (int)strato_rand(8);
			const void *pp[] = { &fd, &dirfd, p, &flags, &mode, &dev, &ino };
			const uint32_t pl[] = { 8, 8, (uint32_t)strlen(p) + 1, 4, 4, 4, 8 };
			raw = strato_put_event(ts, tid, 307, 7, pp, pl);
		} else if (left[th] == 1) {
			fd = fdof[th];
			left[th] = 0;
			const void *pp[] = { &zero, &fd };
			const uint32_t pl[] = { 8, 8 };
			raw = strato_put_event(ts, tid, 5, 2, pp, pl);
		} else {
			uint32_t n = strato_rand(81);

			left[th]--;
			fd = fdof[th];
			size = 4096;
			res = n;
			strato_fill_text(data, n);
			const void *pp[] = { &res, data, &fd, &size };
			const uint32_t pl[] = { 8, n, 8, 4 };
			raw = strato_put_event(ts, tid, strato_rand(3) ? 7 : 9, 4, pp, pl);
		}
		if (strato_event_parse(&evs[i].ev, raw, strato_ld32(raw + 16))) {
			fprintf(stderr, "bad event: %s\n", strato_last_error());
			exit(1);
		}
		evs[i].ev.cpu = (uint16_t)(th & 1);
	}
	return evs;
}

static double strato_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Writes every event; returns seconds, or < 0 on error. */
static double strato_run(const char *path, struct strato_bev *evs, size_t count, const struct strato_writer_opts *o)
{
	strato_writer *w;
	double t0 = strato_now();

	if (strato_writer_open(&w, path, NULL, o)) {
		fprintf(stderr, "open %s: %s\n", path, strato_last_error());
		return -1;
	}
	for (size_t i = 0; i < count; i++)
		if (strato_writer_write(w, &evs[i].ev)) {
			fprintf(stderr, "write: %s\n", strato_last_error());
			strato_writer_close(w);
			return -1;
		}
	if (strato_writer_close(w)) {
		fprintf(stderr, "close: %s\n", strato_last_error());
		return -1;
	}
	return strato_now() - t0;
}

static void strato_usage(void)
{
	fprintf(stderr, "usage: write-bench [--events N] [--dir DIR]\n"
			"       write-bench --out FILE [--events N] [--current] [--gzip LEVEL]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "events", required_argument, NULL, 'n' }, { "dir", required_argument, NULL, 'd' },
		{ "out", required_argument, NULL, 'o' },    { "current", no_argument, NULL, 'c' },
		{ "gzip", required_argument, NULL, 'z' },   { NULL, 0, NULL, 0 },
	};
	size_t count = 1000000;
	const char *dir = "/tmp", *out = NULL;
	bool current = false;
	int gz = -1, c;

	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'n': count = strtoul(optarg, NULL, 10); break;
		case 'd': dir = optarg; break;
		case 'o': out = optarg; break;
		case 'c': current = true; break;
		case 'z': gz = atoi(optarg); break;
		default: strato_usage();
		}
	}
	if (!count || optind != argc)
		strato_usage();

	struct strato_bev *evs = strato_synthesize(count);

	if (out) {
		STRATO_OPTS(strato_writer_opts, o, .profile = current ? STRATO_PROFILE_CURRENT : STRATO_PROFILE_COMPAT,
			    .gzip = gz >= 0, .gzip_level = gz > 0 ? gz : 0);
		double s = strato_run(out, evs, count, &o);

		if (s < 0)
			return 1;
		printf("wrote %zu events to %s in %.2f s\n", count, out, s);
		return 0;
	}

	static const struct {
		const char *name;
		enum strato_writer_profile profile;
		bool gzip;
		int level;
	} cfg[] = {
		{ "compat-plain", STRATO_PROFILE_COMPAT, false, 0 },
		{ "compat-gzip6", STRATO_PROFILE_COMPAT, true, 6 },
		{ "compat-gzip1", STRATO_PROFILE_COMPAT, true, 1 },
		{ "current-plain", STRATO_PROFILE_CURRENT, false, 0 },
		{ "current-gzip6", STRATO_PROFILE_CURRENT, true, 6 },
		{ "current-gzip1", STRATO_PROFILE_CURRENT, true, 1 },
	};
	char path[4096];

	for (size_t i = 0; i < STRATO_ARRAY_SIZE(cfg); i++) {
		STRATO_OPTS(strato_writer_opts, o, .profile = cfg[i].profile, .gzip = cfg[i].gzip,
			    .gzip_level = cfg[i].level);
		struct stat st;
		double s;

		snprintf(path, sizeof(path), "%s/strato-write-bench-%d.scap", dir, (int)getpid());
		s = strato_run(path, evs, count, &o);
		if (s < 0 || stat(path, &st))
			return 1;
		printf("%-14s %10.0f events/s %8.1f MB/s in %7.1f MB out\n", cfg[i].name, (double)count / s,
		       (double)strato_arena_len / s / 1e6, (double)st.st_size / 1e6);
		unlink(path);
	}
	return 0;
}
