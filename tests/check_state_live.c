/* tests/check_state_live.c: the state engine on a live capture: a child
 * started by this test opens a file and connects a TCP socket, then moves
 * into a docker-style cgroup and executes again; the fields of its events
 * must name the process, its parent, command line, file, socket, user and
 * the container id of the cgroup. Skips (77) without the privileges or the
 * kernel support for live capture, or without a writable cgroup2 mount. */
#include <stratocore/stratocore.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "testutil.h"

#define STRATO_CG_ID "5a7a0c0de0000000000000000000000000000000000000000000000000000001"

static char g_path_a[64], g_path_b[64];
/* A docker-style cgroup: /docker/<id> in the cgroup v1 cpu hierarchy, or
 * in the cgroup2 root when the machine has only that. */
static char g_cg_dir[256], g_cg[512];

static bool strato_cg_pick(void)
{
	if (access("/sys/fs/cgroup/cpu/tasks", F_OK) == 0)
		snprintf(g_cg_dir, sizeof(g_cg_dir), "/sys/fs/cgroup/cpu/docker");
	else if (access("/sys/fs/cgroup/cgroup.controllers", F_OK) == 0)
		snprintf(g_cg_dir, sizeof(g_cg_dir), "/sys/fs/cgroup/docker");
	else
		return false;
	snprintf(g_cg, sizeof(g_cg), "%s/%s", g_cg_dir, STRATO_CG_ID);
	return true;
}

/* The child's two stages (run through execve so the state sees them). */
static int strato_child(int argc, char **argv)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	char pid[32], self[4096];
	ssize_t n;
	int fd, s;

	snprintf(g_path_a, sizeof(g_path_a), "/tmp/strato-live-a-%d", (int)getpid());
	snprintf(g_path_b, sizeof(g_path_b), "/tmp/strato-live-b-%d", (int)getpid());
	if (!strcmp(argv[1], "cont")) {
		fd = open(g_path_b, O_CREAT | O_WRONLY, 0600);
		close(fd);
		unlink(g_path_b);
		return 0;
	}
	/* "work PORT" */
	fd = open(g_path_a, O_CREAT | O_WRONLY, 0600);
	close(fd);
	unlink(g_path_a);
	sa.sin_port = htons((uint16_t)atoi(argv[2]));
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 || connect(s, (struct sockaddr *)&sa, sizeof(sa)) || write(s, "x", 1) != 1)
		return 1;
	close(s);
	strato_cg_pick();
	snprintf(self, sizeof(self), "%s/cgroup.procs", g_cg);
	fd = open(self, O_WRONLY);
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	if (fd < 0 || write(fd, pid, strlen(pid)) < 0)
		return 2;
	close(fd);
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 3;
	self[n] = 0;
	execl(self, self, "cont", (char *)NULL);
	(void)argc;
	return 4;
}

/* The test cgroup goes even when an assertion stopped the test. */
static void strato_cg_teardown(void)
{
	if (strato_cg_pick()) {
		rmdir(g_cg);
		rmdir(g_cg_dir); /* fails harmlessly when docker uses it too */
	}
}

static const char *strato_str(const char *name, const strato_event *ev, char *buf, size_t len)
{
	strato_field *f;

	buf[0] = 0;
	if (strato_field_lookup(name, &f) == 0) {
		if (strato_field_format(f, ev, buf, len) < 0)
			snprintf(buf, len, "<NA>");
		strato_field_free(f);
	}
	return buf;
}

START_TEST(test_live_fields)
{
	STRATO_OPTS(strato_live_opts, lo, .snaplen = 80);
	char self[4096], comm[64], mycomm[64], port[16], buf[512], want[512];
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t sl = sizeof(sa);
	bool seen_open = false, seen_connect = false, seen_cont = false, seen_exec = false;
	char a_name[64], a_pname[64], a_cmdline[512], a_user[64], a_cont[64], b_cont[64], b_type[64], b_cmdline[512];
	char c_name[256], c_l4[16];
	strato_capture *cap;
	const strato_event *ev;
	int lsn, rc, st;
	pid_t child;
	time_t start;
	ssize_t n;
	FILE *f;

	if (geteuid() != 0 || !strato_cg_pick() || (mkdir(g_cg_dir, 0755) && errno != EEXIST) ||
	    (mkdir(g_cg, 0755) && errno != EEXIST)) {
		printf("skip: needs root and a writable cgroup2 mount\n");
		exit(STRATO_TEST_SKIP);
	}
	rc = strato_capture_open_live(&cap, &lo);
	if (rc == -EPERM || rc == -STRATO_ENOBTF || rc == -STRATO_EPROBE) {
		printf("skip: live capture unavailable: %s\n", strato_last_error());
		strato_cg_teardown();
		exit(STRATO_TEST_SKIP);
	}
	ck_assert_int_eq(rc, 0);
	lsn = socket(AF_INET, SOCK_STREAM, 0);
	ck_assert_int_eq(bind(lsn, (struct sockaddr *)&sa, sizeof(sa)), 0);
	ck_assert_int_eq(listen(lsn, 4), 0);
	ck_assert_int_eq(getsockname(lsn, (struct sockaddr *)&sa, &sl), 0);
	snprintf(port, sizeof(port), "%u", ntohs(sa.sin_port));
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	ck_assert_int_gt(n, 0);
	self[n] = 0;
	snprintf(comm, sizeof(comm), "%.15s", strrchr(self, '/') + 1);
	f = fopen("/proc/self/comm", "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(mycomm, sizeof(mycomm), f));
	fclose(f);
	mycomm[strcspn(mycomm, "\n")] = 0;
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		execl(self, self, "work", port, (char *)NULL);
		_exit(127);
	}
	close(accept(lsn, NULL, NULL));
	ck_assert_int_eq(waitpid(child, &st, 0), child);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child status %d", st);
	snprintf(g_path_a, sizeof(g_path_a), "/tmp/strato-live-a-%d", (int)child);
	snprintf(g_path_b, sizeof(g_path_b), "/tmp/strato-live-b-%d", (int)child);
	start = time(NULL);
	while (!(seen_open && seen_connect && seen_cont) && time(NULL) - start < 20 &&
	       (rc = strato_capture_next(cap, &ev)) >= 0 && rc != STRATO_EOF) {
		const char *name;

		if (rc != STRATO_EVENT || strato_event_tid(ev) != child)
			continue;
		name = strato_event_name(ev);
		if (!strcmp(name, "execve") && (strato_event_type(ev) & 1))
			seen_exec = true;
		if (!strcmp(name, "openat") || !strcmp(name, "open")) {
			strato_str("fd.name", ev, buf, sizeof(buf));
			if (!strcmp(buf, g_path_a) && !seen_open) {
				seen_open = true;
				strato_str("proc.name", ev, a_name, sizeof(a_name));
				strato_str("proc.pname", ev, a_pname, sizeof(a_pname));
				strato_str("proc.cmdline", ev, a_cmdline, sizeof(a_cmdline));
				strato_str("user.name", ev, a_user, sizeof(a_user));
				strato_str("container.id", ev, a_cont, sizeof(a_cont));
			} else if (!strcmp(buf, g_path_b) && !seen_cont) {
				seen_cont = true;
				strato_str("container.id", ev, b_cont, sizeof(b_cont));
				strato_str("container.type", ev, b_type, sizeof(b_type));
				strato_str("proc.cmdline", ev, b_cmdline, sizeof(b_cmdline));
			}
		} else if (!strcmp(name, "connect") && !seen_connect) {
			seen_connect = true;
			strato_str("fd.name", ev, c_name, sizeof(c_name));
			strato_str("fd.l4proto", ev, c_l4, sizeof(c_l4));
		}
	}
	strato_capture_close(cap);
	close(lsn);
	if (!seen_exec) {
		/* a back end that captures no execve cannot describe processes */
		printf("skip: the live capture delivered no execve of the child\n");
		strato_cg_teardown();
		exit(STRATO_TEST_SKIP);
	}
	ck_assert_msg(seen_open, "the child's open of %s was not seen", g_path_a);
	ck_assert_str_eq(a_name, comm);
	ck_assert_str_eq(a_pname, mycomm);
	snprintf(want, sizeof(want), "%s work %s", comm, port);
	ck_assert_str_eq(a_cmdline, want);
	ck_assert_str_eq(a_user, "root");
	ck_assert_str_eq(a_cont, "host");
	ck_assert_msg(seen_connect, "the child's connect was not seen");
	snprintf(want, sizeof(want), "->127.0.0.1:%s", port);
	ck_assert_msg(strstr(c_name, want) && !strncmp(c_name, "127.0.0.1:", 10), "connect fd.name %s", c_name);
	ck_assert_str_eq(c_l4, "tcp");
	ck_assert_msg(seen_cont, "the open of %s after the cgroup move was not seen", g_path_b);
	ck_assert_str_eq(b_cont, "5a7a0c0de000");
	ck_assert_str_eq(b_type, "docker");
	snprintf(want, sizeof(want), "%s cont", comm);
	ck_assert_str_eq(b_cmdline, want);
}
END_TEST

int main(int argc, char **argv)
{
	Suite *s;
	TCase *tc;

	if (argc >= 2)
		return strato_child(argc, argv);
	s = suite_create("state-live");
	tc = tcase_create("live");
	tcase_set_timeout(tc, 60);
	tcase_add_unchecked_fixture(tc, NULL, strato_cg_teardown);
	tcase_add_test(tc, test_live_fields);
	suite_add_tcase(s, tc);
	{
		/* in-process, so that a skip (exit 77) reaches the harness */
		SRunner *sr = srunner_create(s);
		int failed;

		srunner_set_fork_status(sr, CK_NOFORK);
		srunner_run_all(sr, CK_NORMAL);
		failed = srunner_ntests_failed(sr);
		srunner_free(sr);
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;
	}
}
