/* tests/check_writer_sysdig.c: files written by the library, read by the
 * reference reader sysdig 0.29.3 (`sysdig -r`): it must read each one
 * without error and print the values that went in (process, user and fd
 * names from the header blocks, openat arguments, read/write data, the fd a
 * read belongs to). The expected lines were taken from real sysdig runs.
 * Exits 77 when sysdig is not installed. */
#include "writer_testutil.h"

#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>

#define STRATO_SYSDIG_FMT \
	"*%evt.num %evt.cpu %evt.dir %evt.type %thread.tid %proc.name %user.name %group.name %fd.num %fd.name %evt.args"

static char *strato_out;

/* Runs `sysdig -r path -p fmt [filter]`; returns its exit status, output
 * (stdout and stderr) in strato_out (all of it: a reader stopping early
 * would kill sysdig with SIGPIPE). */
static int strato_sysdig(const char *path, const char *fmt, const char *filter)
{
	char cmd[1024];
	FILE *p;
	size_t n = 0, cap = 1 << 16, r;
	int st;

	snprintf(cmd, sizeof(cmd), "sysdig -r '%s' -p '%s' %s%s%s 2>&1", path, fmt, filter ? "'" : "",
		 filter ? filter : "", filter ? "'" : "");
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	free(strato_out);
	strato_out = malloc(cap);
	ck_assert_ptr_nonnull(strato_out);
	while ((r = fread(strato_out + n, 1, cap - 1 - n, p)) > 0) {
		n += r;
		if (n + 1 == cap) {
			strato_out = realloc(strato_out, cap *= 2);
			ck_assert_ptr_nonnull(strato_out);
		}
	}
	strato_out[n] = 0;
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int strato_count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* The scenario: a process known only from the header (fds 5, 7, 9 from its
 * fd list) reads fd 5, opens two files, reads and closes the first (which a
 * reader must still attribute to fd 3 although fd 4 was opened later),
 * writes to fd 4, fd 9, fd 7 (on cpu 1), accept4 (current id 389), exits. */
static void strato_write_scenario(const char *path, const struct strato_writer_opts *o)
{
	strato_capture *cap = strato_tcap_new(true);
	strato_writer *w;
	struct strato_tev t;
	const uint64_t ts = 1700000000000000000ull;

	ck_assert_int_eq(strato_writer_open(&w, path, cap, o), 0);
	strato_capture_close(cap);
	strato_tev_rw(&t, 7, ts + 100, 4242, 5, "hello");
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	strato_tev_openat(&t, ts + 200, 4242, 3, "/etc/passwd", 4097);
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	strato_tev_openat(&t, ts + 300, 4242, 4, "/etc/group", 1);
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	strato_tev_rw(&t, 7, ts + 400, 4242, 3, "root:");
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	strato_tev_close(&t, ts + 500, 4242, 3);
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	strato_tev_rw(&t, 9, ts + 600, 4242, 4, "grp");
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	strato_tev_rw(&t, 9, ts + 700, 4242, 9, "GET /");
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	strato_tev_rw(&t, 9, ts + 750, 4242, 7, "mem");
	t.ev.cpu = 1;
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	STRATO_TEV(&t, ts + 800, 4242, 389, STRATO_TI64(6), STRATO_TNONE, STRATO_TU8(0), STRATO_TU32(0),
		   STRATO_TU32(128), STRATO_TU32(2048));
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	STRATO_TEV(&t, ts + 900, 4242, 186, STRATO_TI64(0), STRATO_TI64(0), STRATO_TU8(0), STRATO_TU8(0),
		   STRATO_TI64(1));
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	ck_assert_int_eq(strato_writer_close(w), 0);
}

static const char strato_compat_expected[] =
	"1 0 > read 4242 stratotest stratouser stratogroup 5 /tmp/strato-fdl-file fd=5(<f>/tmp/strato-fdl-file) size=4096 \n"
	"2 0 < read 4242 stratotest stratouser stratogroup 5 /tmp/strato-fdl-file res=5 data=hello \n"
	"3 0 > openat 4242 stratotest stratouser stratogroup -1 <NA> dirfd=-100(AT_FDCWD) name=/etc/passwd flags=4097(O_RDONLY|O_CLOEXEC) mode=0 \n"
	"4 0 < openat 4242 stratotest stratouser stratogroup 3 /etc/passwd fd=3(<f>/etc/passwd) dirfd=-100(AT_FDCWD) name=/etc/passwd flags=4097(O_RDONLY|O_CLOEXEC) mode=0 dev=801 \n"
	"5 0 > openat 4242 stratotest stratouser stratogroup -1 <NA> dirfd=-100(AT_FDCWD) name=/etc/group flags=1(O_RDONLY) mode=0 \n"
	"6 0 < openat 4242 stratotest stratouser stratogroup 4 /etc/group fd=4(<f>/etc/group) dirfd=-100(AT_FDCWD) name=/etc/group flags=1(O_RDONLY) mode=0 dev=801 \n"
	"7 0 > read 4242 stratotest stratouser stratogroup 3 /etc/passwd fd=3(<f>/etc/passwd) size=4096 \n"
	"8 0 < read 4242 stratotest stratouser stratogroup 3 /etc/passwd res=5 data=root: \n"
	"9 0 > close 4242 stratotest stratouser stratogroup 3 /etc/passwd fd=3(<f>/etc/passwd) \n"
	"10 0 < close 4242 stratotest stratouser stratogroup 3 /etc/passwd res=0 \n"
	"11 0 > write 4242 stratotest stratouser stratogroup 4 /etc/group fd=4(<f>/etc/group) size=4096 \n"
	"12 0 < write 4242 stratotest stratouser stratogroup 4 /etc/group res=3 data=grp \n"
	"13 0 > write 4242 stratotest stratouser stratogroup 9 10.0.0.1:40000->10.0.0.2:80 fd=9(<4t>10.0.0.1:40000->10.0.0.2:80) size=4096 \n"
	"14 0 < write 4242 stratotest stratouser stratogroup 9 10.0.0.1:40000->10.0.0.2:80 res=5 data=GET / \n"
	"15 1 > write 4242 stratotest stratouser stratogroup 7 memfd:x fd=7(<X>memfd:x) size=4096 \n"
	"16 1 < write 4242 stratotest stratouser stratogroup 7 memfd:x res=3 data=mem \n"
	"17 0 > accept 4242 stratotest stratouser stratogroup -1 <NA> flags=800 \n"
	"18 0 < accept 4242 stratotest stratouser stratogroup 6 NULL fd=6 tuple=NULL queuepct=0 queuelen=0 queuemax=128 \n"
	"19 0 > procexit 4242 stratotest stratouser stratogroup <NA> <NA> status=0 ret=0 sig=0 core=0 \n";

START_TEST(test_compat)
{
	char path[128];
	STRATO_OPTS(strato_writer_opts, o, .gzip = _i == 1);

	strato_tpath(path, sizeof(path), _i ? "compat.scap.gz" : "compat.scap");
	strato_write_scenario(path, &o);
	ck_assert_int_eq(strato_sysdig(path, STRATO_SYSDIG_FMT, NULL), 0);
	ck_assert_str_eq(strato_out, strato_compat_expected);
	strato_trm(path);
}
END_TEST

/* Exit-only current layout: sysdig 0.29.3 reads it (extra parameters
 * ignored) but attributes fds of exit-only events to the thread's last fd,
 * as the format notes say; only what it gets right is checked here. */
START_TEST(test_current)
{
	char path[128];
	STRATO_OPTS(strato_writer_opts, o, .profile = STRATO_PROFILE_CURRENT, .gzip = _i == 1);

	strato_tpath(path, sizeof(path), _i ? "current.scap.gz" : "current.scap");
	strato_write_scenario(path, &o);
	ck_assert_int_eq(strato_sysdig(path, "*%evt.num %evt.dir %evt.type %proc.name %user.name %evt.args",
					"evt.type in (openat, read, procexit)"), 0);
	ck_assert_str_eq(strato_out,
		"1 < read stratotest stratouser res=5 data=hello \n"
		"2 < openat stratotest stratouser fd=3(<f>/etc/passwd) dirfd=-100(AT_FDCWD) name=/etc/passwd flags=4097(O_RDONLY|O_CLOEXEC) mode=0 dev=801 \n"
		"3 < openat stratotest stratouser fd=4(<f>/etc/group) dirfd=-100(AT_FDCWD) name=/etc/group flags=1(O_RDONLY) mode=0 dev=801 \n"
		"4 < read stratotest stratouser res=5 data=root: \n"
		"9 > procexit stratotest stratouser status=0 ret=0 sig=0 core=0 \n");
	strato_trm(path);
}
END_TEST

/* dup2 (a current-only id) written as the 2022 dup pair: sysdig must give
 * the new fd the name of the old one. */
START_TEST(test_dup2)
{
	char path[128];
	strato_capture *cap = strato_tcap_new(false);
	strato_writer *w;
	struct strato_tev t;

	strato_tpath(path, sizeof(path), "dup2.scap");
	ck_assert_int_eq(strato_writer_open(&w, path, cap, NULL), 0);
	strato_capture_close(cap);
	strato_tev_openat(&t, 1700000000000000100ull, 4242, 3, "/etc/passwd", 1);
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	STRATO_TEV(&t, 1700000000000000200ull, 4242, 363, STRATO_TI64(1), STRATO_TI64(3), STRATO_TI64(1));
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	strato_tev_rw(&t, 9, 1700000000000000300ull, 4242, 1, "x");
	ck_assert_int_eq(strato_writer_write(w, &t.ev), 0);
	ck_assert_int_eq(strato_writer_close(w), 0);
	ck_assert_int_eq(strato_sysdig(path, STRATO_SYSDIG_FMT, "evt.type in (dup, write)"), 0);
	ck_assert_str_eq(strato_out,
		"3 0 > dup 4242 stratotest stratouser stratogroup 3 /etc/passwd fd=3(<f>/etc/passwd) \n"
		"4 0 < dup 4242 stratotest stratouser stratogroup 1 /etc/passwd res=1(<f>/etc/passwd) \n"
		"5 0 > write 4242 stratotest stratouser stratogroup 1 /etc/passwd fd=1(<f>/etc/passwd) size=4096 \n"
		"6 0 < write 4242 stratotest stratouser stratogroup 1 /etc/passwd res=1 data=x \n");
	strato_trm(path);
}
END_TEST

/* Files cut short by a write error must stay readable to the end. */
START_TEST(test_error_files)
{
	static struct strato_tblk blks[64];
	char path[128], dir[] = "/tmp/strato-tmpfs-XXXXXX";
	size_t nb;
	bool tmpfs = _i >= 2;
	char *end;

	signal(SIGXFSZ, SIG_IGN);
	if (tmpfs) {
		if (unshare(CLONE_NEWNS) || mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL)) {
			fprintf(stderr, "test_error_files: cannot mount (%s), skipped\n", strerror(errno));
			return;
		}
		ck_assert_ptr_nonnull(mkdtemp(dir));
		ck_assert_int_eq(mount("tmpfs", dir, "tmpfs", 0, "size=64k"), 0);
		snprintf(path, sizeof(path), "%s/full.scap", dir);
	} else {
		strato_tpath(path, sizeof(path), "limit.scap");
	}
	nb = strato_fill_until_error(path, _i % 2, tmpfs ? -ENOSPC : -EFBIG, tmpfs ? 0 : 200 * 1024, blks, 64);
	ck_assert_int_eq(strato_sysdig(path, "%evt.num %evt.dir %evt.type %proc.name %fd.name", NULL), 0);
	/* header: SHB MI UL PL FDL; then every event block is one line */
	ck_assert_int_eq(strato_count_lines(strato_out), (int)nb - 5);
	end = strato_out + strlen(strato_out) - 1;
	while (end > strato_out && end[-1] != '\n')
		end--;
	ck_assert_msg(strstr(end, " < write stratotest /tmp/strato-fdl-file\n") != NULL, "last line: %s", end);
	if (tmpfs) {
		unlink(path);
		ck_assert_int_eq(umount(dir), 0);
		rmdir(dir);
	} else {
		strato_trm(path);
	}
}
END_TEST

/* Spawns a child that waits on a pipe, then opens `path`. */
static pid_t strato_spawn_opener(const char *path, int *go_fd)
{
	int go[2];
	pid_t pid;

	ck_assert_int_eq(pipe(go), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char c;
		int fd;

		close(go[1]);
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		fd = openat(AT_FDCWD, path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		_exit(fd >= 0 ? 0 : 1);
	}
	close(go[0]);
	*go_fd = go[1];
	return pid;
}

/* Events of the live capture (openat exits) written in both profiles. */
START_TEST(test_live)
{
	char path[128], cpath[160], upath[160], filter[256], want[512];
	const char *only[] = { "openat" };
	STRATO_OPTS(strato_live_opts, lo, .syscalls = only, .nsyscalls = 1, .timeout_ms = 200);
	STRATO_OPTS(strato_writer_opts, oc);
	STRATO_OPTS(strato_writer_opts, ou, .profile = STRATO_PROFILE_CURRENT, .gzip = true);
	strato_capture *cap;
	strato_writer *wc, *wu;
	const strato_event *ev;
	int go, rc, found = 0, status;
	pid_t pid;

	strato_tpath(path, sizeof(path), "target");
	snprintf(cpath, sizeof(cpath), "%s.compat.scap", path);
	snprintf(upath, sizeof(upath), "%s.current.scap.gz", path);
	rc = strato_capture_open_live(&cap, &lo);
	ck_assert_msg(rc == 0, "open_live: %d %s", rc, strato_last_error());
	ck_assert_int_eq(strato_writer_open(&wc, cpath, cap, &oc), 0);
	ck_assert_int_eq(strato_writer_open(&wu, upath, cap, &ou), 0);
	pid = strato_spawn_opener(path, &go);
	ck_assert_int_eq(write(go, "x", 1), 1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	for (int timeouts = 0; !found && timeouts < 20;) {
		rc = strato_capture_next(cap, &ev);
		ck_assert_msg(rc > 0, "next: %d %s", rc, strato_capture_errmsg(cap));
		if (rc == STRATO_TIMEOUT) {
			timeouts++;
			continue;
		}
		ck_assert_int_eq(strato_writer_write(wc, ev), 0);
		ck_assert_int_eq(strato_writer_write(wu, ev), 0);
		found = strato_event_tid(ev) == pid;
	}
	ck_assert_msg(found, "the child's openat never arrived");
	ck_assert_int_eq(strato_writer_close(wc), 0);
	ck_assert_int_eq(strato_writer_close(wu), 0);
	strato_capture_close(cap);

	snprintf(filter, sizeof(filter), "thread.tid=%d", (int)pid);
	ck_assert_int_eq(strato_sysdig(cpath, "*%evt.dir %evt.type %evt.arg.name %evt.arg.flags", filter), 0);
	snprintf(want, sizeof(want), "> openat %s O_CREAT|O_WRONLY|O_CLOEXEC\n< openat %s O_CREAT|O_WRONLY|O_CLOEXEC\n",
		 path, path);
	ck_assert_str_eq(strato_out, want);
	ck_assert_int_eq(strato_sysdig(upath, "*%evt.dir %evt.type %evt.arg.name %fd.name", filter), 0);
	snprintf(want, sizeof(want), "< openat %s %s\n", path, path);
	ck_assert_str_eq(strato_out, want);
	unlink(path);
	unlink(cpath);
	unlink(upath);
	strato_trm(path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("writer-sysdig");
	TCase *tc = tcase_create("sysdig");

	if (system("sysdig --version >/dev/null 2>&1") != 0) {
		fprintf(stderr, "sysdig is not installed: skipped\n");
		return STRATO_TEST_SKIP;
	}
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_compat, 0, 2);
	tcase_add_loop_test(tc, test_current, 0, 2);
	tcase_add_loop_test(tc, test_error_files, 0, 4);
	tcase_add_test(tc, test_dup2);
	/* The live part needs what check_live needs: root and kernel BTF. */
	if (geteuid() == 0 && access("/sys/kernel/btf/vmlinux", R_OK) == 0)
		tcase_add_test(tc, test_live);
	else
		fprintf(stderr, "not root or no BTF: live capture part not run\n");
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
