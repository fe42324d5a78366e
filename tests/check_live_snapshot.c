/* tests/check_live_snapshot.c: the /proc snapshot of a live capture. A
 * child with known arguments, environment, directory and descriptors (a
 * file, a listening TCP socket, a connected pair, a pipe) must appear in
 * the tables exactly as it set itself up; limits must bound the result. */
#include "capture/capture.h"
#include "capture/proc_snapshot.h"
#include "testutil.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/stat.h>
#include <sys/wait.h>

struct strato_child_fds {
	int file, srv, cli, acc, pipe0;
	uint16_t port, cport;
	uint64_t file_ino;
	int unx; /* a unix socket bound to the file's path + ".sock" */
};

static pid_t spawn(const char *path, struct strato_child_fds *out)
{
	int rep[2], hold[2];
	pid_t pid;

	ck_assert_int_eq(pipe(rep), 0);
	ck_assert_int_eq(pipe(hold), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct strato_child_fds f;
		struct sockaddr_in a = { .sin_family = AF_INET };
		socklen_t al = sizeof(a);
		struct stat st;
		char c;

		close(rep[0]);
		close(hold[1]);
		if (chdir("/tmp"))
			_exit(1);
		f.file = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
		if (f.file < 0 || fstat(f.file, &st))
			_exit(2);
		f.file_ino = st.st_ino;
		a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		f.srv = socket(AF_INET, SOCK_STREAM, 0);
		if (bind(f.srv, (struct sockaddr *)&a, sizeof(a)) || listen(f.srv, 4) ||
		    getsockname(f.srv, (struct sockaddr *)&a, &al))
			_exit(3);
		f.port = ntohs(a.sin_port);
		f.cli = socket(AF_INET, SOCK_STREAM, 0);
		if (connect(f.cli, (struct sockaddr *)&a, sizeof(a)))
			_exit(4);
		al = sizeof(a);
		getsockname(f.cli, (struct sockaddr *)&a, &al);
		f.cport = ntohs(a.sin_port);
		f.acc = accept(f.srv, NULL, NULL);
		struct sockaddr_un u = { .sun_family = AF_UNIX };
		snprintf(u.sun_path, sizeof(u.sun_path), "%s.sock", path);
		unlink(u.sun_path);
		f.unx = socket(AF_UNIX, SOCK_STREAM, 0);
		if (f.unx < 0 || bind(f.unx, (struct sockaddr *)&u, sizeof(u)))
			_exit(7);
		f.pipe0 = hold[0];
		if (write(rep[1], &f, sizeof(f)) != sizeof(f))
			_exit(5);
		if (read(hold[0], &c, 1) < 0) /* until the parent closes its end */
			_exit(6);
		_exit(0);
	}
	close(rep[1]);
	close(hold[0]);
	ck_assert_int_eq(read(rep[0], out, sizeof(*out)), sizeof(*out));
	close(rep[0]);
	return pid; /* the child exits when hold[1] closes with the test */
}

static const struct strato_fd_info *find_fd(const struct strato_thread_info *th, int64_t fd)
{
	for (size_t i = 0; i < th->nfds; i++)
		if (th->fds[i].fd == fd)
			return &th->fds[i];
	ck_abort_msg("fd %lld missing from the snapshot", (long long)fd);
	return NULL;
}

START_TEST(test_snapshot_child)
{
	char path[64];
	struct strato_child_fds f;
	struct strato_tables t = { 0 };
	const struct strato_thread_info *th = NULL;
	pid_t pid;

	snprintf(path, sizeof(path), "/tmp/strato-snap-%d", (int)getpid());
	pid = spawn(path, &f);
	ck_assert_int_eq(strato_proc_snapshot(&t, NULL, NULL), 0);
	ck_assert(t.has_machine);
	ck_assert_uint_gt(t.machine.num_cpus, 0);
	ck_assert_uint_gt(t.nusers, 0);
	for (size_t i = 0; i < t.nthreads; i++)
		if (t.threads[i].tid == pid)
			th = &t.threads[i];
	ck_assert_ptr_nonnull(th);
	ck_assert_int_eq(th->pid, pid);
	ck_assert_int_eq(th->ptid, getpid());
	ck_assert_str_eq(th->cwd, "/tmp");
	ck_assert_str_eq(th->root, "/");
	ck_assert_uint_eq(th->uid, geteuid());
	ck_assert_int_eq(th->vpid, pid);

	const struct strato_fd_info *fi = find_fd(th, f.file);
	ck_assert_int_eq(fi->type, STRATO_FD_FILE_V2);
	ck_assert_str_eq(fi->name, path);
	ck_assert_uint_eq(fi->ino, f.file_ino);
	ck_assert_uint_eq(fi->open_flags & ~(1u << 11), 3 | 8 | 4096); /* RDWR|APPEND|CLOEXEC (+LARGEFILE) */

	fi = find_fd(th, f.srv);
	ck_assert_int_eq(fi->type, STRATO_FD_IPV4_SERVSOCK);
	ck_assert_uint_eq(fi->sport, f.port);
	ck_assert_uint_eq(fi->l4proto, 2);
	ck_assert_mem_eq(fi->sip, "\x7f\0\0\x01", 4);

	fi = find_fd(th, f.cli);
	ck_assert_int_eq(fi->type, STRATO_FD_IPV4_SOCK);
	ck_assert_uint_eq(fi->sport, f.cport);
	ck_assert_uint_eq(fi->dport, f.port);
	ck_assert_mem_eq(fi->dip, "\x7f\0\0\x01", 4);

	fi = find_fd(th, f.acc);
	ck_assert_int_eq(fi->type, STRATO_FD_IPV4_SOCK);
	ck_assert_uint_eq(fi->sport, f.port);
	ck_assert_uint_eq(fi->dport, f.cport);

	/* From /proc/net/unix: each socket is listed once in the table. */
	char upath[80];
	snprintf(upath, sizeof(upath), "%s.sock", path);
	fi = find_fd(th, f.unx);
	ck_assert_int_eq(fi->type, STRATO_FD_UNIX_SOCK);
	ck_assert_str_eq(fi->name, upath);

	fi = find_fd(th, f.pipe0);
	ck_assert_int_eq(fi->type, STRATO_FD_FIFO);
	strato_tables_clear(&t);
	unlink(path);
	unlink(upath);
}
END_TEST

/* A socket of a process in another network namespace is resolved too. */
START_TEST(test_snapshot_netns)
{
	int rep[2], hold[2], info[2];
	struct strato_tables t = { 0 };
	const struct strato_thread_info *th = NULL;
	pid_t pid;

	ck_assert_int_eq(pipe(rep), 0);
	ck_assert_int_eq(pipe(hold), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct sockaddr_in a = { .sin_family = AF_INET };
		socklen_t al = sizeof(a);
		char c;

		close(hold[1]);
		if (unshare(CLONE_NEWNET))
			_exit(1);
		info[0] = socket(AF_INET, SOCK_STREAM, 0);
		if (info[0] < 0 || bind(info[0], (struct sockaddr *)&a, sizeof(a)) || listen(info[0], 1) ||
		    getsockname(info[0], (struct sockaddr *)&a, &al))
			_exit(2);
		info[1] = ntohs(a.sin_port);
		if (write(rep[1], info, sizeof(info)) != sizeof(info) || read(hold[0], &c, 1) < 0)
			_exit(3);
		_exit(0);
	}
	close(hold[0]);
	ck_assert_int_eq(read(rep[0], info, sizeof(info)), sizeof(info));
	ck_assert_int_eq(strato_proc_snapshot(&t, NULL, NULL), 0);
	for (size_t i = 0; i < t.nthreads; i++)
		if (t.threads[i].tid == pid)
			th = &t.threads[i];
	ck_assert_ptr_nonnull(th);
	const struct strato_fd_info *fi = find_fd(th, info[0]);
	ck_assert_int_eq(fi->type, STRATO_FD_IPV4_SERVSOCK);
	ck_assert_uint_eq(fi->sport, (unsigned)info[1]);
	strato_tables_clear(&t);
	close(hold[1]);
	waitpid(pid, NULL, 0);
}
END_TEST

START_TEST(test_snapshot_limits)
{
	struct strato_tables t = { 0 };
	struct strato_proc_limits lim = { .max_threads = 3, .max_fds_per_process = 2 };

	ck_assert_int_eq(strato_proc_snapshot(&t, NULL, &lim), 0);
	ck_assert_uint_le(t.nthreads, 3);
	for (size_t i = 0; i < t.nthreads; i++)
		ck_assert_uint_le(t.threads[i].nfds, 2);
	strato_tables_clear(&t);
	ck_assert_int_lt(strato_proc_snapshot(&t, "/nonexistent-proc", NULL), 0);
	ck_assert_uint_eq(t.nthreads, 0);
}
END_TEST

START_TEST(test_live_has_snapshot)
{
	strato_capture *cap;
	const char *only[] = { "getpid" };
	STRATO_OPTS(strato_live_opts, o, .syscalls = only, .nsyscalls = 1);
	int found = 0;

	ck_assert_int_eq(strato_capture_open_live(&cap, &o), 0);
	for (size_t i = 0; i < cap->tables.nthreads; i++)
		found |= cap->tables.threads[i].tid == getpid();
	ck_assert(found);
	strato_capture_close(cap);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("live_snapshot");
	TCase *tc = tcase_create("snapshot");

	if (geteuid() != 0) {
		printf("SKIP: the snapshot reads every process's /proc entries: needs root (uid %u)\n",
		       (unsigned)geteuid());
		return STRATO_TEST_SKIP;
	}
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_snapshot_child);
	tcase_add_test(tc, test_snapshot_netns);
	tcase_add_test(tc, test_snapshot_limits);
	if (access("/sys/kernel/btf/vmlinux", R_OK) == 0)
		tcase_add_test(tc, test_live_has_snapshot);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
