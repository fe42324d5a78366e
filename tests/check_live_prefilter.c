/* tests/check_live_prefilter.c: what the probe sends to user space once a
 * filter's kernel part is installed, measured on a live capture. Worker
 * processes with known names, uids, parents and thread ids run the same
 * syscalls as decoys that differ in that one respect; every event that
 * reaches user space must be one the filter accepts or one of the identity
 * events the state needs, and every event the workers were made to produce
 * must arrive. Needs root and a kernel with BTF (skips otherwise). */
#include <check.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <stratocore/stratocore.h>
#include "capture/capture.h"
#include "filter/filter.h"
#include "state/state.h"
#include "event/event_table.h"
#include "testutil.h"

#define NOPS 50

enum job {
	JOB_OPEN_CONNECT, /* NOPS openat and NOPS connect (to a closed port) */
	JOB_SETUID_OPEN,  /* setuid(4242), then NOPS openat */
	JOB_FORK_OPEN,	  /* NOPS openat, and a child that does NOPS openat */
	JOB_FORK_EARLY,	  /* as JOB_FORK_OPEN, the child forked before the capture */
	JOB_PROCRENAME,	  /* rename through /proc/self/comm, then NOPS openat */
	JOB_RENAME_TWICE, /* as JOB_PROCRENAME, then prctl(PR_SET_NAME) before the openat */
	JOB_FORK_SLOW,	  /* a child that waits 100 ms, then does NOPS openat */
	JOB_CGROUP,	  /* moves into cgroup_procs, then JOB_FORK_SLOW */
};

/* cgroup.procs of a cgroup the state sees as a container (test_container) */
static char cgroup_procs[320];

static void do_opens(void)
{
	for (int i = 0; i < NOPS; i++) {
		int fd = open("/etc/hostname", O_RDONLY);

		if (fd >= 0)
			close(fd);
	}
}

/* Forks a process named `name` that waits for a byte on the pipe `go` and
 * then does `job`. */
static pid_t spawn(const char *name, enum job job, const int *gop)
{
	pid_t p = fork();
	int go = gop[0];
	char c;

	ck_assert_int_ge(p, 0);
	if (p)
		return p;
	close(gop[1]); /* EOF when the test is gone */
	prctl(PR_SET_NAME, name);
	if (job == JOB_FORK_EARLY && fork() == 0) {
		if (read(go, &c, 1) == 1)
			do_opens();
		_exit(0);
	}
	if (read(go, &c, 1) != 1)
		_exit(1);
	switch (job) {
	case JOB_OPEN_CONNECT: {
		struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(9)};

		sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		do_opens();
		for (int i = 0; i < NOPS; i++) {
			int s = socket(AF_INET, SOCK_STREAM, 0);

			connect(s, (struct sockaddr *)&sa, sizeof(sa));
			close(s);
		}
		break;
	}
	case JOB_FORK_EARLY:
		do_opens();
		wait(NULL);
		break;
	case JOB_CGROUP: {
		int fd = open(cgroup_procs, O_WRONLY);

		if (fd < 0 || write(fd, "0", 1) != 1) /* "0": the writing process */
			_exit(1);
		close(fd);
	}
		/* fall through */
	case JOB_FORK_SLOW: {
		pid_t k = fork();

		if (k == 0) {
			usleep(100000); /* user space sees the clone first */
			do_opens();
			_exit(0);
		}
		waitpid(k, NULL, 0);
		break;
	}
	case JOB_SETUID_OPEN:
		if (setuid(4242))
			_exit(1);
		do_opens();
		break;
	case JOB_FORK_OPEN: {
		pid_t k = fork();

		if (k == 0) {
			do_opens();
			_exit(0);
		}
		do_opens();
		waitpid(k, NULL, 0);
		break;
	}
	case JOB_PROCRENAME:
	case JOB_RENAME_TWICE: {
		int fd = open("/proc/self/comm", O_WRONLY);

		if (fd < 0 || write(fd, "renamed", 7) != 7)
			_exit(1);
		close(fd);
		if (job == JOB_RENAME_TWICE)
			prctl(PR_SET_NAME, "spf-other");
		do_opens();
		break;
	}
	}
	_exit(0);
}

static const char *field_text(const char *name, const strato_event *ev)
{
	static char buf[2][64];
	static int n;
	strato_field *fl;
	const char *s;

	ck_assert_int_eq(strato_field_lookup(name, &fl), 0);
	n ^= 1;
	snprintf(buf[n], sizeof(buf[n]), "%s", strato_field_get_str(fl, ev, &s, NULL) ? "<NA>" : s);
	strato_field_free(fl);
	return buf[n];
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct tally {
	uint64_t received, identity, accepted, leaked, gaps;
	uint64_t decoy_leaked; /* of the leaked, those of the decoy and its child */
	unsigned by_type[STRATO_EVENT_TABLE_SIZE]; /* identity events */
};

/* Reads events until the workers are gone and the rings are empty. With
 * `f`, classifies each event: accepted by f, an identity event, or leaked
 * (neither: the kernel part let through what it could have dropped). */
static struct tally drain(strato_capture *cap, const strato_filter *f, pid_t *kids, int nkids)
{
	struct tally t = {0};
	const strato_event *ev;
	int rc, live = nkids, idle = 0;
	double gone = now();

	/* Once the workers are reaped, their events are in the rings: read
	 * until three timeouts, or (unfiltered, on a machine that never falls
	 * silent) for another half second. */
	while (live > 0 || (idle < 3 && now() < gone + 0.5)) {
		rc = strato_capture_next(cap, &ev);
		if (rc == STRATO_EVENT) {
			int m = f ? strato_filter_match(f, ev) : 1;

			if (m < 0) /* no ck_assert per event: in fork mode each writes to a file */
				ck_abort_msg("filter error %d", m);
			if (m)
				t.accepted++;
			else if (strato_event_type(ev) == STRATO_EVENT_GAP)
				t.gaps++; /* losses from before the filter (asserted below) */
			else if (strato_state_identity_event(strato_event_type(ev)) && ++t.identity)
				t.by_type[strato_event_type(ev)]++;
			else if ((t.decoy_leaked += !strcmp(field_text("proc.name", ev), "spf-decoy")), t.leaked++ < 5)
				fprintf(stderr, "leaked: %s by %s\n", field_text("evt.type", ev),
					field_text("proc.name", ev));
			if (++t.received % 256)
				continue;
		} else if (rc != STRATO_TIMEOUT) {
			ck_abort_msg("strato_capture_next: %d", rc);
		}
		for (int i = 0; i < nkids; i++)
			if (kids[i] > 0 && waitpid(kids[i], NULL, WNOHANG) == kids[i]) {
				kids[i] = 0;
				live--;
			}
		if (live > 0)
			gone = now();
		else
			idle += rc == STRATO_TIMEOUT;
	}
	return t;
}

/* Runs `job` in a worker named `name` and in a decoy named `decoy` under
 * the filter `expr` (%d: the worker's pid), the filter's kernel part alone
 * installed (`full` false) or the whole filter (`full` true). */
static struct tally run(const char *fmt, const char *name, const char *decoy, enum job job, enum job decoy_job,
			bool full, uint64_t *received_out)
{
	STRATO_OPTS(strato_live_opts, lo, .timeout_ms = 50);
	STRATO_OPTS(strato_stats, st);
	STRATO_OPTS(strato_stats, st0);
	const strato_event *ev;
	struct strato_fprefilter pf;
	strato_capture *cap;
	strato_filter *f;
	char expr[256];
	int go[2];
	pid_t kids[2];
	struct tally t;

	ck_assert_int_eq(pipe(go), 0);
	kids[0] = spawn(name, job, go);
	kids[1] = spawn(decoy, decoy_job, go);
	close(go[0]);
	usleep(100000); /* named, and JOB_FORK_EARLY's child made */
	snprintf(expr, sizeof(expr), fmt, (int)kids[0]);
	ck_assert_int_eq(strato_filter_compile(&f, expr, NULL, NULL), 0);
	ck_assert_int_eq(strato_capture_open_live(&cap, &lo), 0);
	if (full) {
		ck_assert_int_eq(strato_capture_set_filter(cap, f), 0);
	} else {
		strato_filter_prefilter(f, &pf);
		ck_assert_int_eq(cap->ops->prefilter(cap, &pf), 0);
	}
	/* what the probe sent before the filter was in place goes first */
	while (strato_capture_next(cap, &ev) == STRATO_EVENT)
		;
	ck_assert_int_eq(strato_capture_stats(cap, &st0), 0);
	ck_assert_int_eq(write(go[1], "gggg", 4), 4); /* a byte per process */
	close(go[1]);
	t = drain(cap, full ? NULL : f, kids, 2);
	ck_assert_int_eq(strato_capture_stats(cap, &st), 0);
	/* on a busy machine the unfiltered time before the filter may lose
	 * events; after it, nothing may be lost */
	ck_assert_uint_eq(st.drops, st0.drops);
	*received_out = st.received - st0.received;
	printf("%-55s %s: received %llu, accepted %llu, leaked %llu, identity %llu", fmt,
	       full ? "full filter" : "kernel part", (unsigned long long)*received_out, (unsigned long long)t.accepted,
	       (unsigned long long)t.leaked, (unsigned long long)t.identity);
	for (unsigned i = 0; i < STRATO_EVENT_TABLE_SIZE; i++)
		if (t.by_type[i])
			printf(" %s:%u", strato_event_type_name((uint16_t)i), t.by_type[i]);
	printf("\n");
	strato_capture_close(cap);
	strato_filter_free(f);
	return t;
}

/* The kernel part passes exactly the filter's events plus identity
 * events; the whole filter then delivers each event the job made. */
static void check(const char *fmt, const char *name, const char *decoy, enum job job, enum job decoy_job, uint64_t want)
{
	uint64_t received;
	struct tally t = run(fmt, name, decoy, job, decoy_job, false, &received);

	/* The container check lets a new process through until user space
	 * has read its clone or execve: on a busy machine other processes'
	 * events arrive then. The decoy's child waits for that; none of its
	 * events may come. */
	if (strstr(fmt, "container.id"))
		ck_assert_uint_eq(t.decoy_leaked, 0);
	else
		ck_assert_uint_eq(t.leaked, 0);
	ck_assert_uint_eq(t.accepted, want);
	t = run(fmt, name, decoy, job, decoy_job, true, &received);
	ck_assert_uint_eq(t.accepted, want); /* delivered by strato_capture_next() */
}

START_TEST(test_name)
{
	/* the acceptance filter */
	check("proc.name=spf-worker and evt.type in (openat, connect)", "spf-worker", "spf-decoy", JOB_OPEN_CONNECT,
	      JOB_OPEN_CONNECT, 2 * NOPS);
}
END_TEST

START_TEST(test_uid)
{
	check("user.uid = 4242 and evt.type = openat", "spf-uid", "spf-decoy", JOB_SETUID_OPEN, JOB_OPEN_CONNECT, NOPS);
}
END_TEST

START_TEST(test_ppid)
{
	/* only the worker's child: the worker's own parent is this test */
	check("proc.ppid = %d and evt.type = openat", "spf-parent", "spf-decoy", JOB_FORK_OPEN, JOB_FORK_OPEN, NOPS);
	/* a child that was there before the filter: found in /proc */
	check("proc.ppid = %d and evt.type = openat", "spf-parent", "spf-decoy", JOB_FORK_EARLY, JOB_FORK_EARLY, NOPS);
}
END_TEST

START_TEST(test_tid)
{
	check("thread.tid = %d and evt.type = openat", "spf-tid", "spf-decoy", JOB_FORK_OPEN, JOB_OPEN_CONNECT, NOPS);
}
END_TEST

START_TEST(test_proc_rename)
{
	/* The state learns no name from a write to /proc/self/comm, so the
	 * filter still sees spf-renamer afterwards: the probe must keep the
	 * thread although its comm changed (the open of the comm file is
	 * one more event). */
	check("proc.name = spf-renamer and evt.type = openat", "spf-renamer", "spf-decoy", JOB_PROCRENAME,
	      JOB_OPEN_CONNECT, NOPS + 1);
	/* a prctl rename then tells the state: the thread leaves (its opens
	 * would count as leaked) */
	check("proc.name = spf-renamer and evt.type = openat", "spf-renamer", "spf-decoy", JOB_RENAME_TWICE,
	      JOB_OPEN_CONNECT, 1);
}
END_TEST

/* Makes a cgroup at a path container runtimes use (docker/<64 hex>) in a
 * hierarchy whose path the probe reports: the cgroup v2 root, else the
 * v1 pids or cpu hierarchy. Returns its directory, or NULL. */
static const char *make_container_cgroup(char *dir, size_t len, const char *id64)
{
	static const char *const bases[] = {"/sys/fs/cgroup", "/sys/fs/cgroup/pids", "/sys/fs/cgroup/cpu"};

	for (size_t i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
		char probe[300];

		snprintf(probe, sizeof(probe), "%s/cgroup.procs", bases[i]);
		if (access(probe, W_OK))
			continue;
		snprintf(dir, len, "%s/docker", bases[i]);
		mkdir(dir, 0755);
		snprintf(dir, len, "%s/docker/%s", bases[i], id64);
		if (mkdir(dir, 0755) && errno != EEXIST)
			continue;
		snprintf(cgroup_procs, sizeof(cgroup_procs), "%s/cgroup.procs", dir);
		if (!access(cgroup_procs, W_OK))
			return dir;
		rmdir(dir);
	}
	return NULL;
}

START_TEST(test_container)
{
	const char *id64 = "5caf0a55e7a1c0de5caf0a55e7a1c0de5caf0a55e7a1c0de5caf0a55e7a1c0de";
	char dir[300], parent[300];

	if (!make_container_cgroup(dir, sizeof(dir), id64)) {
		printf("no writable cgroup hierarchy: the container check was not run\n");
		return;
	}
	/* the worker's child runs in the container, the decoy's on the host;
	 * both children wait until user space has classified them */
	check("container.id = 5caf0a55e7a1 and evt.type = openat", "spf-cont", "spf-decoy", JOB_CGROUP, JOB_FORK_SLOW,
	      NOPS);
	rmdir(dir);
	snprintf(parent, sizeof(parent), "%s", dir);
	*strrchr(parent, '/') = 0;
	rmdir(parent);
}
END_TEST

/* The same workload without any filter: what the kernel part saves. */
START_TEST(test_baseline)
{
	STRATO_OPTS(strato_live_opts, lo, .timeout_ms = 50);
	STRATO_OPTS(strato_stats, st);
	strato_capture *cap;
	int go[2];
	pid_t kids[2];

	ck_assert_int_eq(pipe(go), 0);
	kids[0] = spawn("spf-worker", JOB_OPEN_CONNECT, go);
	kids[1] = spawn("spf-decoy", JOB_OPEN_CONNECT, go);
	close(go[0]);
	ck_assert_int_eq(strato_capture_open_live(&cap, &lo), 0);
	ck_assert_int_eq(write(go[1], "gg", 2), 2);
	close(go[1]);
	drain(cap, NULL, kids, 2);
	ck_assert_int_eq(strato_capture_stats(cap, &st), 0);
	printf("%-55s no filter  : received %llu\n", "(the proc.name workload)", (unsigned long long)st.received);
	ck_assert_uint_gt(st.received, 4 * NOPS); /* both processes' syscalls at least */
	strato_capture_close(cap);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("live_prefilter");
	TCase *tc = tcase_create("live_prefilter");
	SRunner *sr;
	int nf;

	if (geteuid() != 0 || access("/sys/kernel/btf/vmlinux", R_OK)) {
		printf("live capture needs root and /sys/kernel/btf/vmlinux: skipped\n");
		return STRATO_TEST_SKIP;
	}
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_name);
	tcase_add_test(tc, test_uid);
	tcase_add_test(tc, test_ppid);
	tcase_add_test(tc, test_tid);
	tcase_add_test(tc, test_proc_rename);
	tcase_add_test(tc, test_container);
	tcase_add_test(tc, test_baseline);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf ? 1 : 0;
}
