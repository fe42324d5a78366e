/* tests/check_live.c: live capture end to end through the public API: a
 * child opens a unique path and the capture must report exactly that path,
 * fd and thread; events of several ring buffers come out merged in
 * timestamp order; a break still hands out what was captured before it.
 * Also checks the errors for missing privilege. Skips (77)
 * only when the machine cannot capture at all: not root, or no kernel BTF. */
#include <stratocore/stratocore.h>
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/* Starts a child that waits for a byte on a pipe, then opens `path`
 * (creating it) and writes the fd it got back through `report`. */
static pid_t spawn_opener(const char *path, int *go_fd, int *report_fd)
{
	int go[2], rep[2];
	pid_t pid;

	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(rep), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char c;
		int fd;

		close(go[1]);
		close(rep[0]);
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		fd = openat(AT_FDCWD, path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		if (write(rep[1], &fd, sizeof(fd)) != sizeof(fd))
			_exit(1);
		_exit(0);
	}
	close(go[0]);
	close(rep[1]);
	*go_fd = go[1];
	*report_fd = rep[0];
	return pid;
}

START_TEST(test_openat_roundtrip)
{
	char path[] = "/tmp/strato-live-XXXXXX";
	int tmp = mkstemp(path), go, rep, child_fd = -1, found = 0, rc;
	const strato_event *ev;
	strato_capture *cap;
	pid_t pid;

	ck_assert_int_ge(tmp, 0);
	close(tmp);
	unlink(path);
	const char *only[] = { "openat" };
	STRATO_OPTS(strato_live_opts, opts, .syscalls = only, .nsyscalls = 1, .timeout_ms = 200);
	rc = strato_capture_open_live(&cap, &opts);
	ck_assert_msg(rc == 0, "open_live failed: %d %s", rc, strato_last_error());

	pid = spawn_opener(path, &go, &rep);
	ck_assert_int_eq(write(go, "x", 1), 1);
	ck_assert_int_eq(read(rep, &child_fd, sizeof(child_fd)), sizeof(child_fd));
	ck_assert_int_ge(child_fd, 0);
	waitpid(pid, NULL, 0);

	for (int timeouts = 0; !found && timeouts < 20;) {
		rc = strato_capture_next(cap, &ev);
		ck_assert_msg(rc > 0, "next failed: %d %s", rc, strato_capture_errmsg(cap));
		if (rc == STRATO_TIMEOUT) {
			timeouts++;
			continue;
		}
		ck_assert_int_eq(rc, STRATO_EVENT);
		ck_assert_str_eq(strato_event_name(ev), "openat");
		if (strato_event_tid(ev) != pid)
			continue;
		const void *name;
		size_t len;
		int64_t fd, flags;
		int ni = strato_event_param_index(ev, "name");
		ck_assert_int_ge(ni, 0);
		ck_assert_int_eq(strato_event_param(ev, (unsigned)ni, &name, &len), 0);
		ck_assert_str_eq((const char *)name, path);
		ck_assert_uint_eq(len, strlen(path) + 1);
		ck_assert_int_eq(strato_event_param_int(ev, (unsigned)strato_event_param_index(ev, "fd"), &fd), 0);
		ck_assert_int_eq(fd, child_fd);
		ck_assert_int_eq(strato_event_param_int(ev, (unsigned)strato_event_param_index(ev, "flags"), &flags), 0);
		/* PPM encoding: O_WRONLY 2 | O_CREAT 4 | O_CLOEXEC 4096 */
		ck_assert_int_eq(flags, 2 | 4 | 4096);
		ck_assert_uint_gt(strato_event_ts(ev), 1700000000ULL * 1000000000ULL);
		found = 1;
	}
	ck_assert_msg(found, "the child's openat of %s never arrived", path);
	struct strato_stats st = { .sz = sizeof(st) };
	ck_assert_int_eq(strato_capture_stats(cap, &st), 0);
	ck_assert_uint_ge(st.events, 1);
	strato_capture_close(cap);
	unlink(path);
}
END_TEST

START_TEST(test_not_root_is_eperm)
{
	struct passwd *pw = getpwnam("nobody");
	int status;
	pid_t pid;

	ck_assert_ptr_nonnull(pw);
	pid = fork();
	if (pid == 0) {
		strato_capture *cap = NULL;
		int rc;

		if (setgid(pw->pw_gid) || setuid(pw->pw_uid))
			_exit(10);
		rc = strato_capture_open_live(&cap, NULL);
		if (rc != -EPERM || cap)
			_exit(11);
		if (!strstr(strato_last_error(), "root"))
			_exit(12);
		_exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child status %d", status);
}
END_TEST

START_TEST(test_bad_options)
{
	strato_capture *cap = (strato_capture *)1;
	const char *bad[] = { "no_such_syscall" };

	STRATO_OPTS(strato_live_opts, o1, .snaplen = 1u << 20);
	ck_assert_int_eq(strato_capture_open_live(&cap, &o1), -EINVAL);
	ck_assert_ptr_null(cap);
	STRATO_OPTS(strato_live_opts, o2, .syscalls = bad, .nsyscalls = 1);
	ck_assert_int_eq(strato_capture_open_live(&cap, &o2), -EINVAL);
	ck_assert_ptr_nonnull(strstr(strato_last_error(), "no_such_syscall"));
	/* A struct from a "newer" caller with unknown non-zero bytes. */
	struct { struct strato_live_opts o; long extra; } big = { { .sz = sizeof(big) }, 42 };
	ck_assert_int_eq(strato_capture_open_live(&cap, &big.o), -EINVAL);
}
END_TEST

/* Two children pinned to different CPUs write into different ring
 * buffers; drained after they finish, the merged stream must be in
 * timestamp order and come from both rings. */
START_TEST(test_order_across_rings)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	const char *only[] = { "getppid" };
	int go[2], seen_cpu[2] = { 0, 0 }, n = 0, rc;
	uint64_t last = 0;
	pid_t kids[2];
	const strato_event *ev;
	strato_capture *cap;

	if (ncpu < 2)
		return; /* one ring only: nothing to merge */
	ck_assert_int_eq(pipe(go), 0);
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		ck_assert_int_ge(kids[k], 0);
		if (kids[k] == 0) {
			cpu_set_t one;
			char c;

			CPU_ZERO(&one);
			CPU_SET(k, &one);
			if (sched_setaffinity(0, sizeof(one), &one) || read(go[0], &c, 1) != 1)
				_exit(1);
			for (int i = 0; i < 2000; i++)
				syscall(SYS_getppid);
			_exit(0);
		}
	}
	int32_t pids[] = { kids[0], kids[1] };
	STRATO_OPTS(strato_live_opts, opts, .syscalls = only, .nsyscalls = 1, .pids = pids, .npids = 2,
		    .timeout_ms = 200);
	ck_assert_int_eq(strato_capture_open_live(&cap, &opts), 0);
	ck_assert_int_eq(write(go[1], "gg", 2), 2);
	for (int k = 0; k < 2; k++)
		ck_assert_int_eq(waitpid(kids[k], NULL, 0), kids[k]);
	while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
		ck_assert_uint_ge(strato_event_ts(ev), last);
		last = strato_event_ts(ev);
		ck_assert_uint_lt(strato_event_cpu(ev), 2);
		seen_cpu[strato_event_cpu(ev)] = 1;
		n++;
	}
	ck_assert_int_eq(rc, STRATO_TIMEOUT);
	ck_assert_int_eq(n, 4000);
	ck_assert(seen_cpu[0] && seen_cpu[1]);
	strato_capture_close(cap);
}
END_TEST

/* strato_capture_break() before any next(): the events already in the
 * rings still come out, every one, then STRATO_EOF (what stratoread -w
 * relies on when ^C ends a capture), even with more events arriving. */
START_TEST(test_break_drains)
{
	const char *only[] = { "getppid" };
	int go[2], n = 0, rc;
	pid_t kid, busy;
	const strato_event *ev;
	strato_capture *cap;

	ck_assert_int_eq(pipe(go), 0);
	kid = fork();
	ck_assert_int_ge(kid, 0);
	if (kid == 0) {
		char c;

		if (read(go[0], &c, 1) != 1)
			_exit(1);
		for (int i = 0; i < 3000; i++)
			syscall(SYS_getppid);
		_exit(0);
	}
	busy = fork(); /* keeps producing while the drain runs */
	ck_assert_int_ge(busy, 0);
	if (busy == 0) {
		char c;

		if (read(go[0], &c, 1) != 1)
			_exit(1);
		for (;;)
			syscall(SYS_getppid);
	}
	int32_t pids[] = { kid, busy };
	STRATO_OPTS(strato_live_opts, opts, .syscalls = only, .nsyscalls = 1, .pids = pids, .npids = 2,
		    .timeout_ms = 200);
	ck_assert_int_eq(strato_capture_open_live(&cap, &opts), 0);
	ck_assert_int_eq(write(go[1], "gg", 2), 2);
	ck_assert_int_eq(waitpid(kid, NULL, 0), kid);
	strato_capture_break(cap);
	while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT)
		n += strato_event_tid(ev) == kid;
	kill(busy, SIGKILL);
	waitpid(busy, NULL, 0);
	ck_assert_int_eq(rc, STRATO_EOF);
	ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EOF);
	struct strato_stats st = { .sz = sizeof(st) };
	ck_assert_int_eq(strato_capture_stats(cap, &st), 0);
	/* all of them, unless the rings overflowed and said so */
	if (st.drops == 0)
		ck_assert_int_eq(n, 3000);
	else
		ck_assert_int_gt(n, 0);
	strato_capture_close(cap);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("live");
	TCase *tc = tcase_create("live");

	if (strato_test_live_missing())
		return STRATO_TEST_SKIP;
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_openat_roundtrip);
	tcase_add_test(tc, test_not_root_is_eperm);
	tcase_add_test(tc, test_bad_options);
	tcase_add_test(tc, test_order_across_rings);
	tcase_add_test(tc, test_break_drains);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
