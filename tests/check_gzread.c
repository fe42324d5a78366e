/* tests/check_gzread.c: the reader's gzip decompression (lib/format/gzread.c)
 * through every path: libdeflate members or ISA-L / zlib streaming, in a thread or
 * in the caller's, members bigger than the libdeflate limit; all must give
 * the events of the plain file, and cut or damaged files must end in an
 * error (or a clean end at a cut between blocks), never a hang or crash. */
#include "writer_testutil.h"
#include "format/gzread.h"

#include <stratocore/writer.h>
#include <sys/wait.h>

#define NEVENTS 60000

/* Paths: multi-member gzip from the writer, plain, one zlib member. */
static char dir[64], multi[96], plain[96], single[96];
static uint64_t full_n, full_hash;

/* single: decompress in the caller's thread (strato_file_opts.single_thread) */
static const struct {
	unsigned flags;
	size_t member_max;
	bool single;
} modes[] = {
	{ 0, 4u << 20, false },                        /* the default */
	{ 0, 4u << 20, true },
	{ STRATO_GZREAD_NO_LIBDEFLATE, 4u << 20, false },
	{ STRATO_GZREAD_NO_LIBDEFLATE, 4u << 20, true },
	{ 0, 64u << 10, false },                       /* every member too big: zlib */
	{ 0, 16u << 20, true }, /* buffers grow to hold the single member */
	/* streaming with zlib where ISA-L would stream (same without ISA-L) */
	{ STRATO_GZREAD_NO_ISAL, 64u << 10, false },
	{ STRATO_GZREAD_NO_ISAL | STRATO_GZREAD_NO_LIBDEFLATE, 4u << 20, true },
};
static STRATO_OPTS(strato_file_opts, g_opts);

/* Reads every event; returns the last status of strato_capture_next (or of
 * the open) and the count and FNV-1a hash of the events' bytes. */
static int read_all(const char *path, uint64_t *n, uint64_t *hash)
{
	strato_capture *cap;
	const strato_event *ev;
	int rc = strato_capture_open_file(&cap, path, &g_opts);

	*n = 0;
	*hash = 1469598103934665603ull;
	if (rc)
		return rc;
	while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
		const uint8_t *p;
		size_t len;

		ck_assert_int_eq(strato_event_raw(ev, (const void **)&p, &len), 0);
		for (size_t i = 0; i < len; i++)
			*hash = (*hash ^ p[i]) * 1099511628211ull;
		(*n)++;
	}
	strato_capture_close(cap);
	return rc;
}

static void write_capture(const char *path, bool gz)
{
	STRATO_OPTS(strato_writer_opts, o, .profile = STRATO_PROFILE_CURRENT, .gzip = gz, .gzip_level = 1);
	strato_capture *src = strato_tcap_new(false);
	strato_writer *w;
	struct strato_tev t;
	char name[64];

	ck_assert_int_eq(strato_writer_open(&w, path, src, &o), 0);
	for (unsigned i = 0; i < NEVENTS; i++) {
		snprintf(name, sizeof(name), "/tmp/strato-gzread-%u-%u", i % 977, i * 2654435761u);
		strato_tev_openat(&t, 1000000000ull + i * 1000ull, 4242 + i % 7, (int64_t)(i % 1000), name, i & 3);
		ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	}
	ck_assert_int_eq(strato_writer_close(w), 0);
	strato_capture_close(src);
}

static uint8_t *load(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	uint8_t *d;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(fstat(fd, &st), 0);
	*len = (size_t)st.st_size;
	d = malloc(*len + 16);
	ck_assert_int_eq(read(fd, d, *len), (ssize_t)*len);
	close(fd);
	return d;
}

/* Length of the first gzip member of d, found with zlib. */
static size_t member_len(const uint8_t *d, size_t len)
{
	static uint8_t out[1 << 16];
	z_stream zs = { 0 };
	int zr;

	ck_assert_int_eq(inflateInit2(&zs, 15 + 16), Z_OK);
	zs.next_in = (uint8_t *)d;
	zs.avail_in = (uInt)len;
	do {
		zs.next_out = out;
		zs.avail_out = sizeof(out);
		zr = inflate(&zs, Z_NO_FLUSH);
	} while (zr == Z_OK);
	ck_assert_int_eq(zr, Z_STREAM_END);
	inflateEnd(&zs);
	return len - zs.avail_in;
}

static void setup(void)
{
	size_t len;
	uint8_t *d;
	gzFile f;

	snprintf(dir, sizeof(dir), "/tmp/strato-gzread-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(multi, sizeof(multi), "%s/multi.scap.gz", dir);
	snprintf(plain, sizeof(plain), "%s/plain.scap", dir);
	snprintf(single, sizeof(single), "%s/single.scap.gz", dir);
	write_capture(multi, true);
	write_capture(plain, false);
	/* One gzip member for the whole file, as sysdig -z writes. */
	d = strato_tslurp(plain, &len);
	ck_assert_uint_gt(len, 3u << 20);
	f = gzopen(single, "wb1");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(gzwrite(f, d, (unsigned)len), (int)len);
	ck_assert_int_eq(gzclose(f), Z_OK);
	free(d);
	strato_gzread_flags = 0;
	ck_assert_int_eq(read_all(plain, &full_n, &full_hash), STRATO_EOF);
	ck_assert_uint_eq(full_n, NEVENTS);
	/* The writer really made many members (each about 1 MiB of blocks). */
	d = load(multi, &len);
	ck_assert_uint_lt(member_len(d, len) * 3, len);
	free(d);
}

static void teardown(void)
{
	char p[128];

	unlink(multi);
	unlink(plain);
	unlink(single);
	snprintf(p, sizeof(p), "%s/cut.scap.gz", dir);
	unlink(p);
	rmdir(dir);
	strato_gzread_flags = 0;
	strato_gzread_member_max = 4u << 20;
	g_opts.single_thread = false;
}

static void set_mode(int i)
{
	strato_gzread_flags = modes[i].flags;
	strato_gzread_member_max = modes[i].member_max;
	g_opts.single_thread = modes[i].single;
}

/* Both gzip shapes give exactly the events of the plain file. */
START_TEST(test_same)
{
	uint64_t n, h;

	set_mode(_i);
	ck_assert_int_eq(read_all(multi, &n, &h), STRATO_EOF);
	ck_assert_uint_eq(n, full_n);
	ck_assert_uint_eq(h, full_hash);
	ck_assert_int_eq(read_all(single, &n, &h), STRATO_EOF);
	ck_assert_uint_eq(n, full_n);
	ck_assert_uint_eq(h, full_hash);
}
END_TEST

static void write_bytes(const char *path, const uint8_t *d, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, d, len), (ssize_t)len);
	close(fd);
}


/* Cuts anywhere (including inside member headers and trailers): -ETRUNC,
 * or a clean end with fewer events when the cut falls between members that
 * end on block boundaries. */
START_TEST(test_truncate)
{
	const char *const src[] = { multi, single };
	char cut[128];

	set_mode(_i);
	snprintf(cut, sizeof(cut), "%s/cut.scap.gz", dir);
	for (unsigned s = 0; s < 2; s++) {
		size_t len;
		uint8_t *d = load(src[s], &len);

		for (unsigned k = 1; k < 8; k++) {
			size_t at = len / 8 * k + (k * 7919) % 4096;
			uint64_t n, h;
			int rc;

			for (size_t c = at; c < at + 3 && c < len; c++) {
				write_bytes(cut, d, c);
				rc = read_all(cut, &n, &h);
				ck_assert_msg(rc == STRATO_EOF || rc == -STRATO_ETRUNC, "cut at %zu: %d %s", c, rc,
					      strato_last_error());
				ck_assert_uint_lt(n, full_n);
			}
		}
		/* The last bytes: the final member's deflate end and trailer. */
		for (size_t c = len - 10; c < len; c++) {
			uint64_t n, h;
			int rc;

			write_bytes(cut, d, c);
			rc = read_all(cut, &n, &h);
			ck_assert_msg(rc == -STRATO_ETRUNC || rc == STRATO_EOF, "cut at %zu of %zu: %d %s", c, len, rc,
				      strato_last_error());
		}
		free(d);
	}
}
END_TEST


/* A wrong CRC is corruption; bytes after the last member are ignored, as
 * zlib's gzread (and so sysdig) ignores them. */
START_TEST(test_damage)
{
	char cut[128];
	uint64_t n, h;
	size_t len;
	size_t at;
	uint8_t *d = load(multi, &len);

	set_mode(_i);
	snprintf(cut, sizeof(cut), "%s/cut.scap.gz", dir);
	d[len - 8] ^= 0x55;
	write_bytes(cut, d, len);
	ck_assert_int_eq(read_all(cut, &n, &h), -STRATO_EFORMAT);
	ck_assert_ptr_nonnull(strstr(strato_last_error(), "compressed"));
	d[len - 8] ^= 0x55;
	memcpy(d + len, "garbage", 7);
	write_bytes(cut, d, len + 7);
	ck_assert_int_eq(read_all(cut, &n, &h), STRATO_EOF);
	ck_assert_uint_eq(h, full_hash);
	/* A damaged second member header after a good first one. */
	free(d);
	d = load(multi, &len);
	at = member_len(d, len);
	ck_assert_uint_lt(at + 4, len);
	ck_assert_int_eq(d[at], 0x1f);
	d[at + 2] = 7; /* no such compression method */
	write_bytes(cut, d, len);
	ck_assert_int_eq(read_all(cut, &n, &h), -STRATO_EFORMAT);
	ck_assert_uint_lt(n, full_n);
	free(d);
}
END_TEST

/* Closing while the decompression thread is busy, and breaking. */
START_TEST(test_close_early)
{
	strato_capture *cap;
	const strato_event *ev;

	set_mode(_i);
	for (int k = 0; k < 20; k++) {
		ck_assert_int_eq(strato_capture_open_file(&cap, k & 1 ? single : multi, &g_opts), 0);
		for (int j = 0; j < k * 100; j++)
			ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EVENT);
		if (k % 3 == 0) {
			strato_capture_break(cap);
			ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EOF);
		}
		strato_capture_close(cap);
	}
}
END_TEST

/* A pipe: no seeking, no thread; the magic bytes read first are kept. */
START_TEST(test_pipe)
{
	uint64_t n, h;
	char path[64];
	int p[2];
	pid_t pid;
	size_t len;
	uint8_t *d = load(multi, &len);

	set_mode(_i);
	ck_assert_int_eq(pipe(p), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(p[0]);
		for (size_t off = 0; off < len;) {
			ssize_t k = write(p[1], d + off, len - off);

			if (k <= 0)
				_exit(1);
			off += (size_t)k;
		}
		_exit(0);
	}
	close(p[1]);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	ck_assert_int_eq(read_all(path, &n, &h), STRATO_EOF);
	ck_assert_uint_eq(h, full_hash);
	close(p[0]);
	waitpid(pid, NULL, 0);
	free(d);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("gzread");
	TCase *tc = tcase_create("gzread");
	int nm = (int)STRATO_ARRAY_SIZE(modes);

	printf("gzip engine: %s, streaming: %s\n", strato_gzread_engine(), strato_gzread_stream_engine());
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, test_same, 0, nm);
	tcase_add_loop_test(tc, test_truncate, 0, nm);
	tcase_add_loop_test(tc, test_damage, 0, nm);
	tcase_add_loop_test(tc, test_close_early, 0, nm);
	tcase_add_loop_test(tc, test_pipe, 0, nm);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
