/* tests/check_live_syscalls.c: issue #4 acceptance for syscall coverage. A
 * child makes dup, dup2, dup3, pipe2, memfd_create, prctl, capset, bpf,
 * delete_module, finit_module and init_module with known arguments
 * (tests/syscall_workload.h); the live capture must deliver each as its own
 * event type with every parameter equal to what the call was given and
 * returned. The capture is also written in the compat profile and, when
 * sysdig is installed, sysdig 0.29.3 must read all of it and see the dup'ed
 * fds. Skips (77) only without root or kernel BTF. */
#include <stratocore/stratocore.h>
#include "testutil.h"
#include "syscall_workload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static int64_t strato_ti(const strato_event *ev, const char *name)
{
	int i = strato_event_param_index(ev, name);
	int64_t v = 0;

	ck_assert_msg(i >= 0, "%s has no parameter %s", strato_event_name(ev), name);
	ck_assert_int_eq(strato_event_param_int(ev, (unsigned)i, &v), 0);
	return v;
}

/* A string parameter, compared with its terminating NUL. */
static void strato_tstr_eq(const strato_event *ev, const char *name, const char *want)
{
	int i = strato_event_param_index(ev, name);
	const void *d;
	size_t n;

	ck_assert_msg(i >= 0, "%s has no parameter %s", strato_event_name(ev), name);
	ck_assert_int_eq(strato_event_param(ev, (unsigned)i, &d, &n), 0);
	ck_assert_uint_eq(n, strlen(want) + 1);
	ck_assert_mem_eq(d, want, n);
}

enum { STRATO_S_DUP, STRATO_S_DUP2, STRATO_S_DUP3, STRATO_S_PIPE2, STRATO_S_MEMFD, STRATO_S_PRCTL,
       STRATO_S_CAPSET, STRATO_S_BPF, STRATO_S_DELETE, STRATO_S_FINIT, STRATO_S_INIT, STRATO_S_N };
static const char *const strato_snames[STRATO_S_N] = { "dup", "dup2", "dup3", "pipe2", "memfd_create", "prctl",
						      "capset", "bpf", "delete_module", "finit_module",
						      "init_module" };

/* Checks one event of the child against the workload's results; returns
 * which syscall it was, or -1 for other events. */
static int strato_check_event(const strato_event *ev, const struct strato_wl_result *r)
{
	const char *n = strato_event_name(ev);
	int s = -1;

	for (int k = 0; k < STRATO_S_N; k++)
		if (!strcmp(n, strato_snames[k]))
			s = k;
	switch (s) {
	case STRATO_S_DUP:
		ck_assert_uint_eq(strato_event_type(ev), 367); /* DUP_1_X */
		ck_assert_int_eq(strato_ti(ev, "res"), r->dup_res);
		ck_assert_int_eq(strato_ti(ev, "oldfd"), r->null_fd);
		break;
	case STRATO_S_DUP2:
		ck_assert_uint_eq(strato_event_type(ev), 363);
		ck_assert_int_eq(strato_ti(ev, "res"), r->dup2_res);
		ck_assert_int_eq(strato_ti(ev, "res"), STRATO_WL_DUP2_FD);
		ck_assert_int_eq(strato_ti(ev, "oldfd"), r->null_fd);
		ck_assert_int_eq(strato_ti(ev, "newfd"), STRATO_WL_DUP2_FD);
		break;
	case STRATO_S_DUP3:
		ck_assert_uint_eq(strato_event_type(ev), 365);
		ck_assert_int_eq(strato_ti(ev, "res"), r->dup3_res);
		ck_assert_int_eq(strato_ti(ev, "res"), STRATO_WL_DUP3_FD);
		ck_assert_int_eq(strato_ti(ev, "oldfd"), r->null_fd);
		ck_assert_int_eq(strato_ti(ev, "newfd"), STRATO_WL_DUP3_FD);
		ck_assert_int_eq(strato_ti(ev, "flags"), 4096); /* PPM_O_CLOEXEC */
		break;
	case STRATO_S_PIPE2:
		ck_assert_uint_eq(strato_event_type(ev), 393);
		ck_assert_int_eq(strato_ti(ev, "res"), 0);
		ck_assert_int_eq(strato_ti(ev, "res"), r->pipe2_res);
		ck_assert_int_eq(strato_ti(ev, "fd1"), r->pipe_fd[0]);
		ck_assert_int_eq(strato_ti(ev, "fd2"), r->pipe_fd[1]);
		ck_assert_uint_eq((uint64_t)strato_ti(ev, "ino"), r->pipe_ino);
		ck_assert_int_eq(strato_ti(ev, "flags"), 4096 | 64); /* PPM_O_CLOEXEC | PPM_O_NONBLOCK */
		break;
	case STRATO_S_MEMFD:
		ck_assert_uint_eq(strato_event_type(ev), 405);
		ck_assert_int_ge(r->memfd_res, 0);
		ck_assert_int_eq(strato_ti(ev, "fd"), r->memfd_res);
		strato_tstr_eq(ev, "name", STRATO_WL_MEMFD_NAME);
		ck_assert_int_eq(strato_ti(ev, "flags"), 1); /* MFD_CLOEXEC */
		break;
	case STRATO_S_PRCTL:
		ck_assert_uint_eq(strato_event_type(ev), 401);
		ck_assert_int_eq(strato_ti(ev, "res"), 0);
		ck_assert_int_eq(strato_ti(ev, "option"), 15); /* PR_SET_NAME */
		strato_tstr_eq(ev, "arg2_str", STRATO_WL_PRCTL_NAME);
		ck_assert_int_eq(strato_ti(ev, "arg2_int"), 0);
		break;
	case STRATO_S_CAPSET:
		ck_assert_uint_eq(strato_event_type(ev), 353);
		ck_assert_int_eq(r->capget_res, 0);
		ck_assert_int_eq(strato_ti(ev, "res"), r->capset_res);
		ck_assert_uint_eq((uint64_t)strato_ti(ev, "cap_inheritable"), r->cap_inheritable);
		ck_assert_uint_eq((uint64_t)strato_ti(ev, "cap_permitted"), r->cap_permitted);
		ck_assert_uint_eq((uint64_t)strato_ti(ev, "cap_effective"), r->cap_effective);
		break;
	case STRATO_S_BPF:
		ck_assert_uint_eq(strato_event_type(ev), 369);
		ck_assert_int_ge(r->bpf_res, 0); /* root with working BPF: a map fd */
		ck_assert_int_eq(strato_ti(ev, "fd"), r->bpf_res);
		ck_assert_int_eq(strato_ti(ev, "cmd"), 0); /* BPF_MAP_CREATE */
		break;
	case STRATO_S_DELETE:
		ck_assert_uint_eq(strato_event_type(ev), 425);
		ck_assert_int_lt(r->delete_res, 0); /* ENOENT, or ENOSYS without module support */
		ck_assert_int_eq(strato_ti(ev, "res"), r->delete_res);
		strato_tstr_eq(ev, "name", STRATO_WL_MODULE);
		ck_assert_int_eq(strato_ti(ev, "flags"), 2); /* PPM_DELETE_MODULE_O_NONBLOCK */
		break;
	case STRATO_S_FINIT:
		ck_assert_uint_eq(strato_event_type(ev), 413);
		ck_assert_int_lt(r->finit_res, 0);
		ck_assert_int_eq(strato_ti(ev, "res"), r->finit_res);
		ck_assert_int_eq(strato_ti(ev, "fd"), r->null_fd);
		strato_tstr_eq(ev, "uargs", "");
		ck_assert_int_eq(strato_ti(ev, "flags"), 0);
		break;
	case STRATO_S_INIT: {
		int i = strato_event_param_index(ev, "img");
		const void *d;
		size_t len;

		ck_assert_uint_eq(strato_event_type(ev), 411);
		ck_assert_int_lt(r->init_res, 0);
		ck_assert_int_eq(strato_ti(ev, "res"), r->init_res);
		ck_assert_int_eq(strato_ti(ev, "length"), STRATO_WL_IMAGE_LEN);
		ck_assert_int_ge(i, 0);
		ck_assert_int_eq(strato_event_param(ev, (unsigned)i, &d, &len), 0);
		ck_assert_uint_eq(len, STRATO_WL_IMAGE_LEN); /* under the default snaplen */
		ck_assert_mem_eq(d, STRATO_WL_IMAGE, STRATO_WL_IMAGE_LEN);
		strato_tstr_eq(ev, "uargs", "");
		break;
	}
	default:
		break;
	}
	return s;
}

/* Counts the lines of `cmd`'s output that start with `prefix`. */
static int strato_count_lines(const char *cmd, const char *prefix, int *total)
{
	FILE *f = popen(cmd, "r");
	char line[1024];
	int n = 0;

	ck_assert_ptr_nonnull(f);
	*total = 0;
	while (fgets(line, sizeof(line), f)) {
		(*total)++;
		if (!strncmp(line, prefix, strlen(prefix)))
			n++;
	}
	ck_assert_int_eq(pclose(f), 0);
	return n;
}

START_TEST(test_issue4_syscalls)
{
	char path[] = "/tmp/strato-issue4-XXXXXX";
	int go[2], rep[2], rc, seen[STRATO_S_N] = { 0 }, timeouts = 0, tmp;
	unsigned exits = 0;
	struct strato_wl_result r;
	const strato_event *ev;
	strato_capture *cap;
	strato_writer *w;
	pid_t pid;

	tmp = mkstemp(path);
	ck_assert_int_ge(tmp, 0);
	close(tmp);
	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(rep), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		char c;

		close(go[1]);
		close(rep[0]);
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		strato_wl_run(&r);
		_exit(write(rep[1], &r, sizeof(r)) == sizeof(r) ? 0 : 1);
	}
	close(go[0]);
	close(rep[1]);
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, opts, .pids = pids, .npids = 1, .timeout_ms = 200);
	rc = strato_capture_open_live(&cap, &opts);
	ck_assert_msg(rc == 0, "open_live failed: %d %s", rc, strato_last_error());
	ck_assert_int_eq(strato_writer_open(&w, path, cap, NULL), 0);
	ck_assert_int_eq(write(go[1], "g", 1), 1);
	ck_assert_int_eq(read(rep[0], &r, sizeof(r)), sizeof(r));
	ck_assert_int_eq(waitpid(pid, &rc, 0), pid);
	ck_assert(WIFEXITED(rc) && WEXITSTATUS(rc) == 0);
	/* the child is gone: everything it did is in the rings */
	while (timeouts < 2) {
		rc = strato_capture_next(cap, &ev);
		ck_assert_msg(rc > 0, "next failed: %d %s", rc, strato_capture_errmsg(cap));
		if (rc == STRATO_TIMEOUT) {
			timeouts++;
			continue;
		}
		ck_assert_int_eq(rc, STRATO_EVENT);
		ck_assert_int_eq(strato_event_tid(ev), pid);
		ck_assert_int_eq(strato_writer_write(w, ev), 0);
		exits += strcmp(strato_event_name(ev), "procexit") && strcmp(strato_event_name(ev), "gap");
		rc = strato_check_event(ev, &r);
		if (rc >= 0)
			seen[rc]++;
	}
	ck_assert_int_eq(strato_writer_close(w), 0);
	strato_capture_close(cap);
	for (int k = 0; k < STRATO_S_N; k++) {
#ifndef SYS_dup2
		if (k == STRATO_S_DUP2)
			continue;
#endif
		ck_assert_msg(seen[k] == 1, "%s seen %d times", strato_snames[k], seen[k]);
	}

	/* sysdig 0.29.3 reads the compat file to its end (the exit event of
	 * every call, the generic ones included) and knows the dup'ed fds. */
	if (system("command -v sysdig >/dev/null 2>&1") == 0) {
		char cmd[512];
		int total;

		snprintf(cmd, sizeof(cmd), "sysdig -r %s -p '*%%evt.dir %%evt.type %%fd.num %%fd.name' 2>&1", path);
		int shown = strato_count_lines(cmd, "< ", &total);

		printf("sysdig shows %d lines, %d exit events; %u exit events written\n", total, shown, exits);
		ck_assert_int_eq(shown, (int)exits);
		ck_assert_int_eq(strato_count_lines(cmd, "< read 100 /dev/null", &total), 1);
		ck_assert_int_eq(strato_count_lines(cmd, "< read 101 /dev/null", &total), 1);
		ck_assert_int_eq(strato_count_lines(cmd, "< dup 100 /dev/null", &total), 1);
		ck_assert_int_eq(strato_count_lines(cmd, "< dup 101 /dev/null", &total), 1);
		ck_assert_int_eq(strato_count_lines(cmd, "< pipe ", &total), 1);
		ck_assert_int_eq(strato_count_lines(cmd, "< bpf ", &total), 1);
		ck_assert_int_eq(strato_count_lines(cmd, "< capset ", &total), 1);
		ck_assert_int_eq(strato_count_lines(cmd, "< delete_module ", &total), 1);
	} else {
		printf("sysdig not installed: the compat file was not checked with it\n");
	}
	unlink(path);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("live-syscalls");
	TCase *tc = tcase_create("live");

	if (strato_test_live_missing())
		return STRATO_TEST_SKIP;
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_issue4_syscalls);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
