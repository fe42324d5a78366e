/* tests/check_live_drops.c: lost events are counted exactly and marked in
 * the stream. A child pinned to one CPU makes N getpid calls into a 4 KiB
 * ring buffer that nobody reads, so most are lost; then it makes one more
 * after the ring was drained. Every call must be accounted for: delivered
 * + dropped == N + 1, and the gap marker before the last call must carry
 * exactly the number of lost events. Skips (77) without root or BTF. */
#include <stratocore/stratocore.h>
#include "testutil.h"

#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define STRATO_TEST_N 10000

static void wait_byte(int fd)
{
	char c;

	if (read(fd, &c, 1) != 1)
		_exit(1);
}

/* Drains the capture: counts the child's getpid events and the gap totals;
 * *last_is_gap tells whether a gap marker came right before the last
 * getpid. */
static void drain(strato_capture *cap, pid_t pid, uint64_t *getpids, uint64_t *gap_buffer, uint64_t *gap_other,
		  int *gap_before_last)
{
	const strato_event *ev;
	int rc, prev_gap = 0;

	while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
		if (!strcmp(strato_event_name(ev), "gap")) {
			int64_t b, o;

			ck_assert_int_eq(strato_event_nparams(ev), 2);
			ck_assert_int_eq(strato_event_param_int(ev, 0, &b), 0);
			ck_assert_int_eq(strato_event_param_int(ev, 1, &o), 0);
			*gap_buffer += (uint64_t)b;
			*gap_other += (uint64_t)o;
			prev_gap = 1;
			continue;
		}
		ck_assert_int_eq(strato_event_tid(ev), pid);
		ck_assert_str_eq(strato_event_name(ev), "syscall");
		(*getpids)++;
		*gap_before_last = prev_gap;
		prev_gap = 0;
	}
	ck_assert_msg(rc == STRATO_TIMEOUT, "next: %d %s", rc, strato_capture_errmsg(cap));
}

START_TEST(test_gap_accounting)
{
	int go[2], again[2], done[2];
	uint64_t getpids = 0, gb = 0, go_ = 0;
	int gap_before_last = 0, status;
	strato_capture *cap;
	pid_t pid;
	char c;

	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(again), 0);
	ck_assert_int_eq(pipe(done), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		cpu_set_t one;

		CPU_ZERO(&one);
		CPU_SET(0, &one);
		if (sched_setaffinity(0, sizeof(one), &one))
			_exit(2);
		wait_byte(go[0]);
		for (int i = 0; i < STRATO_TEST_N; i++)
			syscall(SYS_getpid);
		if (write(done[1], "d", 1) != 1)
			_exit(3);
		wait_byte(again[0]);
		syscall(SYS_getpid);
		if (write(done[1], "d", 1) != 1)
			_exit(3);
		wait_byte(again[0]);
		_exit(0);
	}
	const char *only[] = { "getpid" };
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, opts, .syscalls = only, .nsyscalls = 1, .pids = pids, .npids = 1,
		    .buffer_bytes = 4096, .timeout_ms = 100);
	int rc = strato_capture_open_live(&cap, &opts);
	ck_assert_msg(rc == 0, "open_live: %d %s", rc, strato_last_error());

	ck_assert_int_eq(write(go[1], "g", 1), 1);
	ck_assert_int_eq(read(done[0], &c, 1), 1);
	drain(cap, pid, &getpids, &gb, &go_, &gap_before_last);
	ck_assert_uint_lt(getpids, STRATO_TEST_N); /* the ring cannot hold them all */
	ck_assert_int_eq(write(again[1], "a", 1), 1);
	ck_assert_int_eq(read(done[0], &c, 1), 1);
	drain(cap, pid, &getpids, &gb, &go_, &gap_before_last);

	struct strato_stats st = { .sz = sizeof(st) };
	ck_assert_int_eq(strato_capture_stats(cap, &st), 0);
	ck_assert_uint_gt(st.drops_buffer, 0);
	ck_assert_uint_eq(getpids + st.drops, STRATO_TEST_N + 1);
	ck_assert_uint_eq(gb, st.drops_buffer);
	ck_assert_uint_eq(go_, st.drops_other);
	ck_assert_msg(gap_before_last, "no gap marker before the call that followed the losses");
	strato_capture_close(cap);
	ck_assert_int_eq(write(again[1], "a", 1), 1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("live_drops");
	TCase *tc = tcase_create("drops");

	if (strato_test_live_missing())
		return STRATO_TEST_SKIP;
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_gap_accounting);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
