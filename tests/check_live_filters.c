/* tests/check_live_filters.c: the in-kernel controls of a live capture
 * (pid filter with and without descendants, exclusion of the capturing
 * process, drop of failed calls, snaplen) and the wake-up paths
 * (strato_capture_break() from a signal handler and from another thread,
 * strato_capture_get_fd() in poll()). Skips (77) without root or BTF. */
#include <stratocore/stratocore.h>
#include "testutil.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

/* Runs `fn` in a child once the capture is open; returns its pid. */
static pid_t start_child(void (*fn)(void), int *go)
{
	int p[2];
	pid_t pid;

	ck_assert_int_eq(pipe(p), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char c;

		close(p[1]);
		if (read(p[0], &c, 1) != 1)
			_exit(1);
		fn();
		_exit(0);
	}
	close(p[0]);
	*go = p[1];
	return pid;
}

static void release_and_wait(int go, pid_t pid)
{
	int status;

	ck_assert_int_eq(write(go, "g", 1), 1);
	close(go);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Calls `cb` for every event until the capture is quiet for 300 ms. */
static void drain(strato_capture *cap, void (*cb)(const strato_event *ev, void *arg), void *arg)
{
	const strato_event *ev;
	int rc, quiet = 0;

	while (quiet < 3) {
		rc = strato_capture_next(cap, &ev);
		ck_assert_msg(rc > 0, "next: %d %s", rc, strato_capture_errmsg(cap));
		if (rc == STRATO_TIMEOUT)
			quiet++;
		else
			cb(ev, arg);
	}
}

static void count_cb(const strato_event *ev, void *arg)
{
	int64_t *counts = arg; /* [0] events, [1] tid to count, [2] events of that tid */

	counts[0]++;
	if (strato_event_tid(ev) == counts[1])
		counts[2]++;
}

static void child_open_twice(void)
{
	int fd = (int)syscall(SYS_openat, AT_FDCWD, "/nonexistent/strato", O_RDONLY);

	if (fd >= 0)
		_exit(2);
	fd = (int)syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
	if (fd < 0)
		_exit(3);
}

static void failed_cb(const strato_event *ev, void *arg)
{
	int64_t *seen = arg, fd;

	ck_assert_int_eq(strato_event_param_int(ev, 0, &fd), 0);
	ck_assert_int_ge(fd, 0); /* no failed openat may get through */
	(*seen)++;
}

START_TEST(test_drop_failed)
{
	const char *only[] = { "openat" };
	strato_capture *cap;
	int64_t seen = 0;
	int go;
	pid_t pid = start_child(child_open_twice, &go);
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, o, .syscalls = only, .nsyscalls = 1, .pids = pids, .npids = 1,
		    .drop_failed = true, .timeout_ms = 100);

	ck_assert_int_eq(strato_capture_open_live(&cap, &o), 0);
	release_and_wait(go, pid);
	drain(cap, failed_cb, &seen);
	ck_assert_int_eq(seen, 1);
	strato_capture_close(cap);
}
END_TEST

static void child_big_write(void)
{
	static char buf[100000];
	int fd = open("/dev/null", O_WRONLY);

	memset(buf, 'x', sizeof(buf));
	if (syscall(SYS_write, fd, buf, 300) != 300 || syscall(SYS_write, fd, buf, sizeof(buf)) != sizeof(buf))
		_exit(2);
}

struct strato_snap_seen {
	size_t len[2];
	int n;
};

static void snap_cb(const strato_event *ev, void *arg)
{
	struct strato_snap_seen *s = arg;
	const void *d;
	size_t len = 0;

	strato_event_param(ev, (unsigned)strato_event_param_index(ev, "data"), &d, &len);
	ck_assert_int_lt(s->n, 2);
	s->len[s->n++] = len;
	ck_assert(!len || ((const char *)d)[0] == 'x');
}

static void snaplen_case(uint32_t snaplen, size_t want_small, size_t want_big_min, size_t want_big_max)
{
	const char *only[] = { "write" };
	struct strato_snap_seen s = { 0 };
	strato_capture *cap;
	int go;
	pid_t pid = start_child(child_big_write, &go);
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, o, .syscalls = only, .nsyscalls = 1, .pids = pids, .npids = 1,
		    .snaplen = snaplen, .timeout_ms = 100);

	ck_assert_int_eq(strato_capture_open_live(&cap, &o), 0);
	release_and_wait(go, pid);
	drain(cap, snap_cb, &s);
	ck_assert_int_eq(s.n, 2);
	ck_assert_uint_eq(s.len[0], want_small);
	ck_assert_uint_ge(s.len[1], want_big_min);
	ck_assert_uint_le(s.len[1], want_big_max);
	strato_capture_close(cap);
}

START_TEST(test_snaplen)
{
	snaplen_case(0, 80, 80, 80);      /* default */
	snaplen_case(200, 200, 200, 200);
	/* the largest: what fits in one event next to the other parameters */
	snaplen_case(65536, 300, 60000, 65535);
}
END_TEST

static void child_fork_getpid(void)
{
	pid_t p = fork();

	if (p == 0) {
		syscall(SYS_getpid);
		_exit(0);
	}
	syscall(SYS_getpid);
	waitpid(p, NULL, 0);
}

static void descendants_case(bool follow, int64_t want)
{
	const char *only[] = { "getpid" };
	int64_t counts[3] = { 0, -1, 0 };
	strato_capture *cap;
	int go;
	pid_t pid = start_child(child_fork_getpid, &go);
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, o, .syscalls = only, .nsyscalls = 1, .pids = pids, .npids = 1,
		    .follow_children = follow, .timeout_ms = 100);

	ck_assert_int_eq(strato_capture_open_live(&cap, &o), 0);
	counts[1] = pid;
	release_and_wait(go, pid);
	drain(cap, count_cb, counts);
	ck_assert_int_eq(counts[2], 1);       /* the child's own call */
	ck_assert_int_eq(counts[0], want);    /* with or without the grandchild's */
	strato_capture_close(cap);
}

START_TEST(test_pid_filter)
{
	descendants_case(false, 1);
	descendants_case(true, 2);
}
END_TEST

START_TEST(test_include_self)
{
	const char *only[] = { "getppid" };
	int64_t counts[3] = { 0, 0, 0 };
	strato_capture *cap;

	counts[1] = syscall(SYS_gettid);
	STRATO_OPTS(strato_live_opts, o1, .syscalls = only, .nsyscalls = 1, .timeout_ms = 100);
	ck_assert_int_eq(strato_capture_open_live(&cap, &o1), 0);
	syscall(SYS_getppid);
	drain(cap, count_cb, counts);
	ck_assert_int_eq(counts[2], 0);
	strato_capture_close(cap);

	STRATO_OPTS(strato_live_opts, o2, .syscalls = only, .nsyscalls = 1, .include_self = true, .timeout_ms = 100);
	ck_assert_int_eq(strato_capture_open_live(&cap, &o2), 0);
	syscall(SYS_getppid);
	drain(cap, count_cb, counts);
	ck_assert_int_ge(counts[2], 1);
	strato_capture_close(cap);
}
END_TEST

static strato_capture *strato_alarm_cap;

static void on_alarm(int sig)
{
	strato_capture_break(strato_alarm_cap);
}

static void *break_later(void *arg)
{
	struct timespec ts = { 0, 200 * 1000 * 1000 };

	nanosleep(&ts, NULL);
	strato_capture_break(arg);
	return NULL;
}

START_TEST(test_break)
{
	const char *only[] = { "getppid" };
	int32_t pids[] = { getpid() }; /* excluded itself: no event can come */
	STRATO_OPTS(strato_live_opts, o, .syscalls = only, .nsyscalls = 1, .pids = pids, .npids = 1,
		    .timeout_ms = -1);
	const strato_event *ev;
	struct sigaction sa = { .sa_handler = on_alarm };
	pthread_t th;

	/* from a signal handler, while next() waits forever */
	ck_assert_int_eq(strato_capture_open_live(&strato_alarm_cap, &o), 0);
	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	ck_assert_int_eq(strato_capture_next(strato_alarm_cap, &ev), STRATO_EOF);
	ck_assert_int_eq(strato_capture_next(strato_alarm_cap, &ev), STRATO_EOF);
	strato_capture_close(strato_alarm_cap);

	/* from another thread */
	ck_assert_int_eq(strato_capture_open_live(&strato_alarm_cap, &o), 0);
	ck_assert_int_eq(pthread_create(&th, NULL, break_later, strato_alarm_cap), 0);
	ck_assert_int_eq(strato_capture_next(strato_alarm_cap, &ev), STRATO_EOF);
	pthread_join(th, NULL);
	strato_capture_close(strato_alarm_cap);
}
END_TEST

static void child_getppid(void)
{
	syscall(SYS_getppid);
}

START_TEST(test_get_fd)
{
	const char *only[] = { "getppid" };
	strato_capture *cap;
	const strato_event *ev;
	int go, fd;
	pid_t pid = start_child(child_getppid, &go);
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, o, .syscalls = only, .nsyscalls = 1, .pids = pids, .npids = 1,
		    .timeout_ms = 0);

	ck_assert_int_eq(strato_capture_open_live(&cap, &o), 0);
	fd = strato_capture_get_fd(cap);
	ck_assert_int_ge(fd, 0);
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ck_assert_int_eq(poll(&pfd, 1, 0), 0); /* nothing yet */
	release_and_wait(go, pid);
	ck_assert_int_eq(poll(&pfd, 1, 5000), 1);
	ck_assert(pfd.revents & POLLIN);
	ck_assert_int_eq(strato_capture_next(cap, &ev), STRATO_EVENT);
	ck_assert_int_eq(strato_event_tid(ev), pid);
	strato_capture_close(cap);
}
END_TEST

/* The path of an open is the one the kernel used, even if the caller
 * rewrites its buffer while the call blocks (here: opening a FIFO that has
 * no writer yet): it is copied at sys_enter. */
START_TEST(test_open_path_toctou)
{
	char fifo[64], line[64];
	const char *only[] = { "openat" };
	char *shm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	strato_capture *cap;
	const strato_event *ev;
	int go, found = 0, rc, status;
	pid_t pid;

	ck_assert_ptr_ne(shm, MAP_FAILED);
	snprintf(fifo, sizeof(fifo), "/tmp/strato-fifo-%d", (int)getpid());
	unlink(fifo);
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	strcpy(shm, fifo);
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char c;

		if (read(p[0], &c, 1) != 1)
			_exit(1);
		/* Touch the buffer: a page the process never used since fork is
		 * not mapped in yet, and sys_enter cannot fault it (then the exit
		 * reads the name, as the kernel faulted it in meanwhile). */
		*(volatile char *)shm = shm[0];
		_exit(syscall(SYS_openat, AT_FDCWD, shm, O_RDONLY) >= 0 ? 0 : 2);
	}
	go = p[1];
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, o, .syscalls = only, .nsyscalls = 1, .pids = pids, .npids = 1, .timeout_ms = 100);
	ck_assert_int_eq(strato_capture_open_live(&cap, &o), 0);
	ck_assert_int_eq(write(go, "g", 1), 1);
	/* wait until the child sits in openat (/proc/PID/syscall starts with its number) */
	for (int i = 0; i < 500; i++) {
		char path[64];
		FILE *f;

		snprintf(path, sizeof(path), "/proc/%d/syscall", (int)pid);
		f = fopen(path, "r");
		line[0] = 0;
		if (f) {
			if (!fgets(line, sizeof(line), f))
				line[0] = 0;
			fclose(f);
		}
		if (atoi(line) == SYS_openat)
			break;
		usleep(10000);
	}
	ck_assert_int_eq(atoi(line), SYS_openat);
	strcpy(shm, "/tmp/strato-rewritten-by-the-caller");
	int wfd = open(fifo, O_WRONLY);
	ck_assert_int_ge(wfd, 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(wfd);
	while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
		const void *name;
		size_t len;

		if (strato_event_tid(ev) != pid)
			continue;
		ck_assert_int_eq(strato_event_param(ev, (unsigned)strato_event_param_index(ev, "name"), &name, &len), 0);
		ck_assert_str_eq(name, fifo);
		found = 1;
	}
	ck_assert(found);
	strato_capture_close(cap);
	unlink(fifo);
	munmap(shm, 4096);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("live_filters");
	TCase *tc = tcase_create("filters");

	if (strato_test_live_missing())
		return STRATO_TEST_SKIP;
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_drop_failed);
	tcase_add_test(tc, test_snaplen);
	tcase_add_test(tc, test_pid_filter);
	tcase_add_test(tc, test_include_self);
	tcase_add_test(tc, test_break);
	tcase_add_test(tc, test_get_fd);
	tcase_add_test(tc, test_open_path_toctou);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
