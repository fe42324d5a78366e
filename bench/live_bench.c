/* bench/live_bench.c: the measuring half of bench/live-bench.sh. Each mode
 * times a tight getpid loop in a child process (pinned to CPU 0) and
 * prints nanoseconds of the child's CPU time per call; the capture, when there is one, runs in
 * this process on the other CPU.
 *
 *   live_bench loop N            the bare loop (also run under bpftrace)
 *   live_bench loop-wall N       the same in wall time (run under strace, whose
 *                                cost is mostly time the loop spends stopped)
 *   live_bench floor N           with empty tp_btf programs on sys_enter/sys_exit
 *   live_bench uninteresting N   libstratocore attached, getpid not captured
 *   live_bench uninteresting-enter N   the same with execve selected, which
 *                                adds the sys_enter program
 *   live_bench capture N         every getpid captured, each event decoded
 *   live_bench capture-checks N  the same through a filter whose name, uid,
 *                                thread id and container checks run in the probe
 *   live_bench rate SECONDS P    P producers at full speed: events/s and drops
 */
#include <stratocore/stratocore.h>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <inttypes.h>
#include <linux/bpf.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t strato_clock_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static uint64_t strato_now_ns(void)
{
	return strato_clock_ns(CLOCK_MONOTONIC);
}

static void strato_pin(int cpu)
{
	cpu_set_t s;

	CPU_ZERO(&s);
	CPU_SET(cpu % (int)sysconf(_SC_NPROCESSORS_ONLN), &s);
	sched_setaffinity(0, sizeof(s), &s);
}

/* Child: waits for a byte, runs n getpid calls, writes ns/call back: CPU
 * time, then wall time. */
static pid_t strato_loop_child(long n, int *go, int *res)
{
	int g[2], r[2];
	pid_t pid;

	if (pipe(g) || pipe(r))
		exit(1);
	pid = fork();
	if (pid == 0) {
		char c;
		double per[2];
		uint64_t t0, w0;

		strato_pin(0);
		prctl(PR_SET_NAME, "live_bench"); /* what capture-checks filters on */
		if (read(g[0], &c, 1) != 1)
			_exit(1);
		/* CPU time of this thread, not wall time: on a shared machine
		 * the time other tasks hold CPU 0 is not the probe's cost. */
		w0 = strato_now_ns();
		t0 = strato_clock_ns(CLOCK_THREAD_CPUTIME_ID);
		for (long i = 0; i < n; i++)
			syscall(SYS_getpid);
		per[0] = (double)(strato_clock_ns(CLOCK_THREAD_CPUTIME_ID) - t0) / (double)n;
		per[1] = (double)(strato_now_ns() - w0) / (double)n;
		if (write(r[1], per, sizeof(per)) != sizeof(per))
			_exit(1);
		_exit(0);
	}
	close(g[0]);
	close(r[1]);
	*go = g[1];
	*res = r[0];
	return pid;
}

/* Empty programs on both syscall tracepoints, through raw BPF calls. */
static int strato_attach_empty(const char *tp, int *link)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	struct btf *vmlinux = btf__load_vmlinux_btf();
	char name[64];
	int id, fd;

	if (!vmlinux)
		return -1;
	snprintf(name, sizeof(name), "btf_trace_%s", tp);
	id = btf__find_by_name_kind(vmlinux, name, BTF_KIND_TYPEDEF);
	btf__free(vmlinux);
	if (id < 0)
		return -1;
	LIBBPF_OPTS(bpf_prog_load_opts, o, .expected_attach_type = BPF_TRACE_RAW_TP, .attach_btf_id = (__u32)id);
	fd = bpf_prog_load(BPF_PROG_TYPE_TRACING, "strato_empty", "GPL", insns, 2, &o);
	if (fd < 0)
		return -1;
	*link = bpf_raw_tracepoint_open(NULL, fd);
	return *link < 0 ? -1 : fd;
}

/* Releases a loop child, consuming events meanwhile when `cap` is set. */
static double strato_run_loop(pid_t pid, int go, int res, strato_capture *cap, uint64_t *consumed, int wall)
{
	double per[2] = { -1, -1 };

	if (write(go, "g", 1) != 1)
		exit(1);
	if (cap) {
		const strato_event *ev;
		int64_t v;
		int rc;

		/* Decode every event while the loop runs, then drain. */
		for (;;) {
			rc = strato_capture_next(cap, &ev);
			if (rc == STRATO_EVENT) {
				strato_event_param_int(ev, 0, &v);
				strato_event_param_int(ev, 1, &v);
				(*consumed)++;
				continue;
			}
			if (rc != STRATO_TIMEOUT || waitpid(pid, NULL, WNOHANG) == pid)
				break;
		}
		while (strato_capture_next(cap, &ev) == STRATO_EVENT)
			(*consumed)++;
	}
	if (read(res, per, sizeof(per)) != sizeof(per))
		exit(1);
	waitpid(pid, NULL, 0);
	close(go);
	close(res);
	return per[wall];
}

/* interesting: 1 getpid captured; 0 getppid selected (sys_exit only);
 * 2 execve selected (sys_enter attached too); 3 getpid captured through a
 * filter with process checks in the probe. */
static int strato_mode_capture(long n, int interesting)
{
	const char *sel[] = { interesting & 1 ? "getpid" : interesting == 2 ? "execve" : "getppid" };
	strato_capture *cap;
	uint64_t consumed = 0;
	struct strato_stats st = { .sz = sizeof(st) };
	STRATO_OPTS(strato_live_opts, o, .syscalls = sel, .nsyscalls = 1, .timeout_ms = 10, .buffer_bytes = 64u << 20);
	double per;
	int go, res;
	pid_t pid = strato_loop_child(n, &go, &res);
	int32_t pids[] = { pid };

	o.pids = pids;
	o.npids = 1;
	strato_pin(1);
	if (strato_capture_open_live(&cap, &o)) {
		fprintf(stderr, "live_bench: %s\n", strato_last_error());
		kill(pid, SIGKILL);
		return 1;
	}
	if (interesting == 3) {
		char expr[128];
		strato_filter *f;

		snprintf(expr, sizeof(expr),
			 "proc.name = live_bench and user.uid = %u and thread.tid = %d and container.id = host", geteuid(),
			 (int)pid);
		if (strato_filter_compile(&f, expr, NULL, NULL) || strato_capture_set_filter(cap, f)) {
			fprintf(stderr, "live_bench: %s\n", strato_last_error());
			kill(pid, SIGKILL);
			return 1;
		}
		strato_filter_free(f);
	}
	per = strato_run_loop(pid, go, res, cap, &consumed, 0);
	strato_capture_stats(cap, &st);
	strato_capture_close(cap);
	printf("%.1f\n", per);
	fprintf(stderr, "events %" PRIu64 " drops %" PRIu64 "\n", consumed, st.drops);
	return 0;
}

/* P producers at full speed for `secs`; the consumer decodes everything. */
static int strato_mode_rate(int secs, int nprod)
{
	const char *sel[] = { "getpid" };
	int32_t pids[8];
	strato_capture *cap;
	const strato_event *ev;
	uint64_t n = 0, t0;
	int64_t v;
	struct strato_stats st = { .sz = sizeof(st) };

	for (int p = 0; p < nprod && p < 8; p++) {
		pids[p] = fork();
		if (pids[p] == 0) {
			strato_pin(p);
			raise(SIGSTOP);
			for (;;)
				syscall(SYS_getpid);
		}
		waitpid(pids[p], NULL, WUNTRACED);
	}
	STRATO_OPTS(strato_live_opts, o, .syscalls = sel, .nsyscalls = 1, .pids = pids, .npids = (size_t)nprod,
		    .timeout_ms = 10, .buffer_bytes = 64u << 20);
	if (strato_capture_open_live(&cap, &o)) {
		fprintf(stderr, "live_bench: %s\n", strato_last_error());
		return 1;
	}
	for (int p = 0; p < nprod; p++)
		kill(pids[p], SIGCONT);
	t0 = strato_now_ns();
	while (strato_now_ns() - t0 < (uint64_t)secs * 1000000000ULL) {
		if (strato_capture_next(cap, &ev) == STRATO_EVENT) {
			strato_event_param_int(ev, 0, &v);
			n++;
		}
	}
	for (int p = 0; p < nprod; p++) {
		kill(pids[p], SIGKILL);
		waitpid(pids[p], NULL, 0);
	}
	while (strato_capture_next(cap, &ev) == STRATO_EVENT)
		n++;
	strato_capture_stats(cap, &st);
	strato_capture_close(cap);
	printf("%.0f %" PRIu64 "\n", (double)n / secs, st.drops);
	return 0;
}

int main(int argc, char **argv)
{
	long n = argc > 2 ? strtol(argv[2], NULL, 10) : 1000000;

	if (argc < 2) {
		fprintf(stderr, "usage: live_bench loop|loop-wall|floor|uninteresting|uninteresting-enter|capture N\n"
				"       live_bench rate SECONDS PRODUCERS\n");
		return 2;
	}
	if (!strcmp(argv[1], "loop") || !strcmp(argv[1], "loop-wall")) {
		uint64_t c = 0;
		int go, res;
		pid_t pid = strato_loop_child(n, &go, &res);

		printf("%.1f\n", strato_run_loop(pid, go, res, NULL, &c, argv[1][4] == '-'));
		return 0;
	}
	if (!strcmp(argv[1], "floor")) {
		int l1 = -1, l2 = -1;
		uint64_t c = 0;

		if (strato_attach_empty("sys_enter", &l1) < 0 || strato_attach_empty("sys_exit", &l2) < 0) {
			fprintf(stderr, "live_bench: cannot attach empty tp_btf programs: %s\n", strerror(errno));
			return 1;
		}
		int go, res;
		pid_t pid = strato_loop_child(n, &go, &res);

		printf("%.1f\n", strato_run_loop(pid, go, res, NULL, &c, 0));
		return 0;
	}
	if (!strcmp(argv[1], "uninteresting"))
		return strato_mode_capture(n, 0);
	if (!strcmp(argv[1], "uninteresting-enter"))
		return strato_mode_capture(n, 2);
	if (!strcmp(argv[1], "capture-checks"))
		return strato_mode_capture(atol(argv[2]), 3);
	if (!strcmp(argv[1], "capture"))
		return strato_mode_capture(n, 1);
	if (!strcmp(argv[1], "rate"))
		return strato_mode_rate((int)n, argc > 3 ? atoi(argv[3]) : 1);
	return 2;
}
