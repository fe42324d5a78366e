/* tests/check_live_accept.c: live capture acceptance. A workload child
 * opens, writes, renames and unlinks a unique file, makes a TCP connection
 * to itself on 127.0.0.1, makes a pipe, dup2s, signals itself, then forks
 * a child that execs /bin/true with known arguments. Every event is
 * checked argument by argument against what the workload itself observed
 * (fds, ports, inode numbers, pids). Skips (77) without root or BTF. */
#include <stratocore/stratocore.h>
#include "testutil.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/* What the workload saw, sent back to the test. */
struct strato_seen {
	int fd, srv, cli, acc, pfd[2], dupfd;
	uint16_t port, cport;
	uint64_t file_ino, pipe_ino;
	pid_t grandchild;
};

static char strato_path[64], strato_path2[80];

static void workload(int go, int rep)
{
	struct strato_seen s = { 0 };
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t al = sizeof(a);
	struct stat st;
	char c;

	if (read(go, &c, 1) != 1)
		_exit(1);
	s.fd = (int)syscall(SYS_openat, AT_FDCWD, strato_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (s.fd < 0 || fstat(s.fd, &st))
		_exit(2);
	s.file_ino = st.st_ino;
	if (syscall(SYS_write, s.fd, "hello", 5) != 5 || syscall(SYS_close, s.fd))
		_exit(3);
	if (syscall(SYS_rename, strato_path, strato_path2) || syscall(SYS_unlink, strato_path2))
		_exit(4);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s.srv = (int)syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	if (s.srv < 0 || syscall(SYS_bind, s.srv, &a, sizeof(a)) || syscall(SYS_listen, s.srv, 8) ||
	    getsockname(s.srv, (struct sockaddr *)&a, &al))
		_exit(5);
	s.port = ntohs(a.sin_port);
	s.cli = (int)syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	if (s.cli < 0 || syscall(SYS_connect, s.cli, &a, sizeof(a)))
		_exit(6);
	al = sizeof(a);
	if (getsockname(s.cli, (struct sockaddr *)&a, &al))
		_exit(7);
	s.cport = ntohs(a.sin_port);
	s.acc = (int)syscall(SYS_accept, s.srv, NULL, NULL);
	if (s.acc < 0)
		_exit(8);
	if (syscall(SYS_pipe, s.pfd) || fstat(s.pfd[0], &st))
		_exit(9);
	s.pipe_ino = st.st_ino;
	s.dupfd = (int)syscall(SYS_dup2, s.pfd[1], 100);
	if (s.dupfd != 100 || syscall(SYS_kill, getpid(), 0))
		_exit(10);
	s.grandchild = fork();
	if (s.grandchild == 0) {
		char *argv[] = { "/bin/true", "arg1", "arg two", NULL };
		char *envp[] = { "STRATO_TEST=1", NULL };

		execve("/bin/true", argv, envp);
		_exit(127);
	}
	if (s.grandchild < 0 || waitpid(s.grandchild, NULL, 0) != s.grandchild)
		_exit(11);
	if (write(rep, &s, sizeof(s)) != sizeof(s))
		_exit(12);
	_exit(0);
}

#define STRATO_MAXEV 4096
static strato_event *strato_evs[STRATO_MAXEV];
static int strato_nevs;

static int64_t pint(const strato_event *ev, const char *name)
{
	int i = strato_event_param_index(ev, name);
	int64_t v = 0;

	ck_assert_msg(i >= 0, "%s has no parameter %s", strato_event_name(ev), name);
	ck_assert_int_eq(strato_event_param_int(ev, (unsigned)i, &v), 0);
	return v;
}

static const uint8_t *pbytes(const strato_event *ev, const char *name, size_t *len)
{
	int i = strato_event_param_index(ev, name);
	const void *p = NULL;

	ck_assert_msg(i >= 0, "%s has no parameter %s", strato_event_name(ev), name);
	*len = 0;
	strato_event_param(ev, (unsigned)i, &p, len);
	return p;
}

static void pstr(const strato_event *ev, const char *name, const char *want)
{
	size_t len;
	const uint8_t *p = pbytes(ev, name, &len);

	ck_assert_msg(len == strlen(want) + 1 && !strcmp((const char *)p, want), "%s %s: \"%.*s\" instead of \"%s\"",
		      strato_event_name(ev), name, (int)len, (const char *)p, want);
}

/* The n-th (0-based) event called `name` of thread `tid`. */
static const strato_event *find(const char *name, pid_t tid, int nth)
{
	for (int i = 0; i < strato_nevs; i++)
		if (strato_event_tid(strato_evs[i]) == tid && !strcmp(strato_event_name(strato_evs[i]), name) &&
		    nth-- == 0)
			return strato_evs[i];
	ck_abort_msg("no %s event of thread %d", name, (int)tid);
	return NULL;
}

/* SOCKTUPLE of IPv4 127.0.0.1:sport -> 127.0.0.1:dport */
static void check_tuple(const strato_event *ev, uint16_t sport, uint16_t dport)
{
	uint8_t want[13] = { 2, 127, 0, 0, 1 };
	size_t len;
	const uint8_t *p = pbytes(ev, "tuple", &len);

	memcpy(want + 5, &sport, 2);
	want[7] = 127, want[8] = 0, want[9] = 0, want[10] = 1;
	memcpy(want + 11, &dport, 2);
	ck_assert_uint_eq(len, 13);
	ck_assert_mem_eq(p, want, 13);
}

START_TEST(test_workload)
{
	int go[2], rep[2], status, rc, timeouts = 0;
	struct strato_seen s;
	const strato_event *ev;
	strato_capture *cap;
	char cwd[PATH_MAX];
	pid_t pid;

	snprintf(strato_path, sizeof(strato_path), "/tmp/strato-accept-%d", (int)getpid());
	snprintf(strato_path2, sizeof(strato_path2), "%s.renamed", strato_path);
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(rep), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		workload(go[0], rep[1]);
	const char *names[] = { "openat", "write", "close", "rename", "unlink", "socket", "bind", "listen",
				"connect", "accept", "pipe", "dup2", "kill", "clone", "execve", "procexit" };
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, opts, .syscalls = names, .nsyscalls = sizeof(names) / sizeof(names[0]), .pids = pids,
		    .npids = 1, .follow_children = true, .timeout_ms = 100);
	rc = strato_capture_open_live(&cap, &opts);
	ck_assert_msg(rc == 0, "open_live: %d %s", rc, strato_last_error());
	ck_assert_int_eq(write(go[1], "g", 1), 1);
	ck_assert_int_eq(read(rep[0], &s, sizeof(s)), sizeof(s));
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "workload status %d", status);
	while (timeouts < 3 && strato_nevs < STRATO_MAXEV) {
		rc = strato_capture_next(cap, &ev);
		ck_assert_msg(rc > 0, "next: %d %s", rc, strato_capture_errmsg(cap));
		if (rc == STRATO_TIMEOUT) {
			timeouts++;
			continue;
		}
		ck_assert_int_eq(strato_event_clone(ev, &strato_evs[strato_nevs]), 0);
		strato_nevs++;
	}
	struct strato_stats st = { .sz = sizeof(st) };
	ck_assert_int_eq(strato_capture_stats(cap, &st), 0);
	ck_assert_uint_eq(st.drops, 0);
	strato_capture_close(cap);

	ev = find("openat", pid, 0);
	ck_assert_int_eq(pint(ev, "fd"), s.fd);
	ck_assert_int_eq(pint(ev, "dirfd"), AT_FDCWD);
	pstr(ev, "name", strato_path);
	ck_assert_int_eq(pint(ev, "flags"), 2 | 4 | 256); /* PPM O_WRONLY|O_CREAT|O_TRUNC */
	ck_assert_int_eq(pint(ev, "mode"), 0600);
	ck_assert_int_eq(pint(ev, "ino"), (int64_t)s.file_ino);

	ev = find("write", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 5);
	ck_assert_int_eq(pint(ev, "fd"), s.fd);
	ck_assert_int_eq(pint(ev, "size"), 5);
	size_t len;
	const uint8_t *data = pbytes(ev, "data", &len);
	ck_assert_uint_eq(len, 5);
	ck_assert_mem_eq(data, "hello", 5);

	ev = find("close", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "fd"), s.fd);

	ev = find("rename", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	pstr(ev, "oldpath", strato_path);
	pstr(ev, "newpath", strato_path2);
	ev = find("unlink", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	pstr(ev, "path", strato_path2);

	ev = find("socket", pid, 0);
	ck_assert_int_eq(pint(ev, "fd"), s.srv);
	ck_assert_int_eq(pint(ev, "domain"), 2);
	ck_assert_int_eq(pint(ev, "type"), SOCK_STREAM);
	ck_assert_int_eq(pint(ev, "proto"), 0);
	ck_assert_int_eq(pint(ev, "flags"), 0);
	ev = find("socket", pid, 1);
	ck_assert_int_eq(pint(ev, "fd"), s.cli);

	uint8_t addr[7] = { 2, 127, 0, 0, 1 };
	ev = find("bind", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "fd"), s.srv);
	data = pbytes(ev, "addr", &len);
	ck_assert_uint_eq(len, 7);
	ck_assert_mem_eq(data, addr, 5);
	ck_assert_int_eq(data[5] | data[6] << 8, 0); /* bound to port 0 */

	ev = find("listen", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "fd"), s.srv);
	ck_assert_int_eq(pint(ev, "backlog"), 8);

	ev = find("connect", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "fd"), s.cli);
	check_tuple(ev, s.cport, s.port);
	data = pbytes(ev, "addr", &len);
	memcpy(addr + 5, &s.port, 2);
	ck_assert_uint_eq(len, 7);
	ck_assert_mem_eq(data, addr, 7);

	ev = find("accept", pid, 0);
	ck_assert_int_eq(pint(ev, "fd"), s.acc);
	check_tuple(ev, s.cport, s.port); /* client -> server */
	ck_assert_int_eq(pint(ev, "queuelen"), 0);
	ck_assert_int_eq(pint(ev, "queuemax"), 8);
	ck_assert_int_eq(pint(ev, "queuepct"), 0);

	ev = find("pipe", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "fd1"), s.pfd[0]);
	ck_assert_int_eq(pint(ev, "fd2"), s.pfd[1]);
	ck_assert_int_eq(pint(ev, "ino"), (int64_t)s.pipe_ino);

	ev = find("dup2", pid, 0); /* DUP2_X: the old fd and the new one too */
	ck_assert_int_eq(pint(ev, "res"), 100);
	ck_assert_int_eq(pint(ev, "oldfd"), s.pfd[1]);
	ck_assert_int_eq(pint(ev, "newfd"), 100);

	ev = find("kill", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "pid"), pid);
	ck_assert_int_eq(pint(ev, "sig"), 0);

	/* fork: glibc's clone, seen in the parent and in the child */
	ev = find("clone", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), s.grandchild);
	ck_assert_int_eq(pint(ev, "tid"), pid);
	ck_assert_int_eq(pint(ev, "pid"), pid);
	ck_assert_int_eq(pint(ev, "ptid"), getpid());
	ck_assert_int_eq(pint(ev, "vtid"), pid);
	ck_assert_int_eq(pint(ev, "uid"), geteuid());
	ck_assert_int_eq(pint(ev, "flags") & ((1 << 23) | (1 << 24) | (1 << 13) | (1 << 15)), (1 << 23) | (1 << 24));
	pstr(ev, "cwd", cwd);
	ev = find("clone", s.grandchild, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "tid"), s.grandchild);
	ck_assert_int_eq(pint(ev, "pid"), s.grandchild);
	ck_assert_int_eq(pint(ev, "ptid"), pid);

	ev = find("execve", s.grandchild, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	pstr(ev, "exe", "/bin/true");
	data = pbytes(ev, "args", &len);
	ck_assert_uint_eq(len, sizeof("arg1\0arg two"));
	ck_assert_mem_eq(data, "arg1\0arg two", len);
	data = pbytes(ev, "env", &len);
	ck_assert_uint_eq(len, sizeof("STRATO_TEST=1"));
	ck_assert_mem_eq(data, "STRATO_TEST=1", len);
	ck_assert_int_eq(pint(ev, "tid"), s.grandchild);
	ck_assert_int_eq(pint(ev, "pid"), s.grandchild);
	ck_assert_int_eq(pint(ev, "ptid"), pid);
	pstr(ev, "cwd", cwd);
	pstr(ev, "comm", "true");
	pstr(ev, "filename", "/bin/true");
	ck_assert_int_eq(pint(ev, "uid"), geteuid());
	ck_assert_int_eq(pint(ev, "gid"), getegid());
	char exe[PATH_MAX];
	ck_assert_ptr_nonnull(realpath("/bin/true", exe));
	pstr(ev, "trusted_exepath", exe);
	struct stat tst;
	ck_assert_int_eq(stat("/bin/true", &tst), 0);
	ck_assert_int_eq(pint(ev, "exe_ino"), (int64_t)tst.st_ino);
	ck_assert_int_eq(pint(ev, "exe_ino_ctime"), (int64_t)tst.st_ctim.tv_sec * 1000000000 + tst.st_ctim.tv_nsec);
	ck_assert_int_eq(pint(ev, "exe_ino_mtime"), (int64_t)tst.st_mtim.tv_sec * 1000000000 + tst.st_mtim.tv_nsec);
	data = pbytes(ev, "cgroups", &len);
	ck_assert_uint_gt(len, 2);
	ck_assert_int_eq(data[len - 1], 0);

	ev = find("procexit", s.grandchild, 0);
	ck_assert_int_eq(pint(ev, "status"), 0);
	ck_assert_int_eq(pint(ev, "ret"), 0);
	ev = find("procexit", pid, 0);
	ck_assert_int_eq(pint(ev, "status"), 0);

	for (int i = 0; i < strato_nevs; i++)
		strato_event_free(strato_evs[i]);
}
END_TEST

/* The second list of the issue: directory, mode, link, credential, memory,
 * descriptor-control and polling calls, again checked argument by argument. */
struct strato_seen2 {
	int dirfd, fd, efd, pfd[2];
	uint64_t map;
};

static void workload2(int go, int rep)
{
	struct strato_seen2 s;
	struct pollfd pf;
	int n;
	char c, buf[512];

	if (read(go, &c, 1) != 1)
		_exit(1);
	if (syscall(SYS_chdir, "/tmp") || (s.dirfd = open("/", O_RDONLY | O_DIRECTORY)) < 0 ||
	    syscall(SYS_fchdir, s.dirfd) || syscall(SYS_chdir, "/tmp"))
		_exit(2);
	s.fd = open(strato_path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (s.fd < 0 || syscall(SYS_chmod, strato_path, 0640) || syscall(SYS_fchmod, s.fd, 0604) ||
	    syscall(SYS_link, strato_path, strato_path2) || unlink(strato_path2) ||
	    syscall(SYS_symlink, "strato-target", strato_path2) || unlink(strato_path2))
		_exit(3);
	if (syscall(SYS_setuid, geteuid()) || syscall(SYS_setresgid, -1, getegid(), -1))
		_exit(4);
	s.map = (uint64_t)syscall(SYS_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (s.map == (uint64_t)-1 || syscall(SYS_mprotect, s.map, 4096, PROT_READ) || syscall(SYS_munmap, s.map, 8192))
		_exit(5);
	s.efd = (int)syscall(SYS_eventfd2, 5, EFD_CLOEXEC);
	if (s.efd < 0 || pipe(s.pfd) || write(s.pfd[1], "x", 1) != 1)
		_exit(6);
	if (syscall(SYS_ioctl, s.pfd[0], FIONREAD, &n) || n != 1 || syscall(SYS_fcntl, s.fd, F_GETFL) < 0)
		_exit(7);
	pf.fd = s.pfd[0];
	pf.events = POLLIN;
	if (syscall(SYS_poll, &pf, 1, 0) != 1 || syscall(SYS_getdents64, s.dirfd, buf, sizeof(buf)) <= 0)
		_exit(8);
	unlink(strato_path);
	if (syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0)) /* traced by the test, which only waits */
		_exit(10);
	if (write(rep, &s, sizeof(s)) != sizeof(s))
		_exit(9);
	_exit(0);
}

START_TEST(test_workload2)
{
	int go[2], rep[2], status, rc, timeouts = 0;
	struct strato_seen2 s;
	const strato_event *ev;
	strato_capture *cap;
	pid_t pid;

	snprintf(strato_path, sizeof(strato_path), "/tmp/strato-accept2-%d", (int)getpid());
	snprintf(strato_path2, sizeof(strato_path2), "%s.link", strato_path);
	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(rep), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		workload2(go[0], rep[1]);
	const char *names[] = { "chdir", "fchdir", "chmod", "fchmod", "link", "symlink", "setuid", "setresgid",
				"mmap", "mprotect", "munmap", "eventfd2", "ioctl", "fcntl", "poll", "getdents64",
				"ptrace" };
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, opts, .syscalls = names, .nsyscalls = sizeof(names) / sizeof(names[0]),
		    .pids = pids, .npids = 1, .timeout_ms = 100);
	rc = strato_capture_open_live(&cap, &opts);
	ck_assert_msg(rc == 0, "open_live: %d %s", rc, strato_last_error());
	ck_assert_int_eq(write(go[1], "g", 1), 1);
	ck_assert_int_eq(read(rep[0], &s, sizeof(s)), sizeof(s));
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "workload status %d", status);
	strato_nevs = 0;
	while (timeouts < 3 && strato_nevs < STRATO_MAXEV) {
		rc = strato_capture_next(cap, &ev);
		ck_assert_msg(rc > 0, "next: %d %s", rc, strato_capture_errmsg(cap));
		if (rc == STRATO_TIMEOUT) {
			timeouts++;
			continue;
		}
		ck_assert_int_eq(strato_event_clone(ev, &strato_evs[strato_nevs]), 0);
		strato_nevs++;
	}
	strato_capture_close(cap);

	ev = find("chdir", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	pstr(ev, "path", "/tmp");
	ev = find("fchdir", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "fd"), s.dirfd);
	ev = find("chmod", pid, 0);
	pstr(ev, "filename", strato_path);
	ck_assert_int_eq(pint(ev, "mode"), 0640);
	ev = find("fchmod", pid, 0);
	ck_assert_int_eq(pint(ev, "fd"), s.fd);
	ck_assert_int_eq(pint(ev, "mode"), 0604);
	ev = find("link", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	pstr(ev, "oldpath", strato_path);
	pstr(ev, "newpath", strato_path2);
	ev = find("symlink", pid, 0);
	pstr(ev, "target", "strato-target");
	pstr(ev, "linkpath", strato_path2);
	ev = find("setuid", pid, 0);
	ck_assert_int_eq(pint(ev, "uid"), geteuid());
	ev = find("setresgid", pid, 0);
	ck_assert_int_eq(pint(ev, "rgid"), 0xFFFFFFFF); /* GID: u32, all ones = unchanged */
	ck_assert_int_eq(pint(ev, "egid"), getegid());
	ev = find("mmap", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), (int64_t)s.map);
	ck_assert_int_eq(pint(ev, "length"), 8192);
	ck_assert_int_eq(pint(ev, "prot"), 1 | 2);      /* PPM_PROT_READ|WRITE */
	ck_assert_int_eq(pint(ev, "flags"), 2 | 8);     /* PPM_MAP_PRIVATE|ANONYMOUS */
	ck_assert_int_eq(pint(ev, "fd"), -1);
	ck_assert_int_gt(pint(ev, "vm_size"), 0);
	ev = find("mprotect", pid, 0);
	ck_assert_int_eq(pint(ev, "addr"), (int64_t)s.map);
	ck_assert_int_eq(pint(ev, "length"), 4096);
	ck_assert_int_eq(pint(ev, "prot"), 1);
	ev = find("munmap", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "addr"), (int64_t)s.map);
	ev = find("eventfd", pid, 0); /* eventfd2 is written as the eventfd event */
	ck_assert_int_eq(pint(ev, "res"), s.efd);
	ck_assert_int_eq(pint(ev, "initval"), 5);
	ck_assert_int_eq(pint(ev, "flags"), EFD_CLOEXEC);
	ev = find("ioctl", pid, 0);
	ck_assert_int_eq(pint(ev, "fd"), s.pfd[0]);
	ck_assert_int_eq(pint(ev, "request"), FIONREAD);
	ev = find("fcntl", pid, 0);
	ck_assert_int_eq(pint(ev, "fd"), s.fd);
	ck_assert_int_eq(pint(ev, "cmd"), 4); /* PPM_FCNTL_F_GETFL */
	ev = find("poll", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 1);
	ck_assert_int_eq(pint(ev, "timeout"), 0);
	size_t len;
	const uint8_t *fl = pbytes(ev, "fds", &len);
	int64_t pfd;
	ck_assert_uint_eq(len, 12);
	ck_assert_int_eq(fl[0] | fl[1] << 8, 1);
	memcpy(&pfd, fl + 2, 8);
	ck_assert_int_eq(pfd, s.pfd[0]);
	ck_assert_int_eq(fl[10] | fl[11] << 8, 1); /* PPM_POLLIN returned */
	ev = find("ptrace", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "request"), 1); /* PPM_PTRACE_TRACEME */
	ck_assert_int_eq(pint(ev, "pid"), 0);
	const uint8_t *dyn = pbytes(ev, "data", &len);
	ck_assert_uint_eq(len, 9);
	ck_assert_int_eq(dyn[0], 0); /* UINT64 */
	ev = find("getdents64", pid, 0);
	ck_assert_int_gt(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "fd"), s.dirfd);
	for (int i = 0; i < strato_nevs; i++)
		strato_event_free(strato_evs[i]);
}
END_TEST

/* I/O and socket variants: socketpair, sendto/recvfrom, writev/readv,
 * sendmsg/recvmsg, shutdown, pwrite64/pread64, accept4 over IPv6. */
struct strato_seen3 {
	int sv[2], fd, srv, cli, acc;
	uint16_t port, cport;
};

static void workload3(int go, int rep)
{
	struct strato_seen3 s;
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	socklen_t al = sizeof(a);
	char c, buf[16];
	struct iovec wv[2] = { { "ab", 2 }, { "cd", 2 } }, rv[2] = { { buf, 3 }, { buf + 3, 13 } };
	struct msghdr mh = { .msg_iov = wv, .msg_iovlen = 2 };

	if (read(go, &c, 1) != 1)
		_exit(1);
	if (syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, s.sv) ||
	    syscall(SYS_sendto, s.sv[0], "ping", 4, 0, NULL, 0) != 4 ||
	    syscall(SYS_recvfrom, s.sv[1], buf, sizeof(buf), 0, NULL, NULL) != 4)
		_exit(2);
	if (syscall(SYS_writev, s.sv[0], wv, 2) != 4 || syscall(SYS_readv, s.sv[1], rv, 2) != 4)
		_exit(3);
	if (syscall(SYS_sendmsg, s.sv[0], &mh, 0) != 4)
		_exit(4);
	mh.msg_iov = rv;
	if (syscall(SYS_recvmsg, s.sv[1], &mh, 0) != 4 || syscall(SYS_shutdown, s.sv[0], SHUT_WR))
		_exit(5);
	s.fd = open(strato_path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (s.fd < 0 || syscall(SYS_pwrite64, s.fd, "xyz", 3, 3) != 3 || syscall(SYS_pread64, s.fd, buf, 8, 2) != 4)
		_exit(6);
	unlink(strato_path);
	s.srv = socket(AF_INET6, SOCK_STREAM, 0);
	if (s.srv < 0 || bind(s.srv, (struct sockaddr *)&a, sizeof(a)) || listen(s.srv, 2) ||
	    getsockname(s.srv, (struct sockaddr *)&a, &al))
		_exit(7);
	s.port = ntohs(a.sin6_port);
	s.cli = socket(AF_INET6, SOCK_STREAM, 0);
	if (connect(s.cli, (struct sockaddr *)&a, sizeof(a)))
		_exit(8);
	al = sizeof(a);
	getsockname(s.cli, (struct sockaddr *)&a, &al);
	s.cport = ntohs(a.sin6_port);
	s.acc = (int)syscall(SYS_accept4, s.srv, NULL, NULL, SOCK_CLOEXEC);
	if (s.acc < 0 || write(rep, &s, sizeof(s)) != sizeof(s))
		_exit(9);
	_exit(0);
}

static void check_data(const strato_event *ev, const char *want)
{
	size_t len;
	const uint8_t *d = pbytes(ev, "data", &len);

	ck_assert_uint_eq(len, strlen(want));
	ck_assert_mem_eq(d, want, len);
}

START_TEST(test_workload3)
{
	int go[2], rep[2], status, rc, timeouts = 0;
	struct strato_seen3 s;
	const strato_event *ev;
	strato_capture *cap;
	size_t len;
	pid_t pid;

	snprintf(strato_path, sizeof(strato_path), "/tmp/strato-accept3-%d", (int)getpid());
	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(rep), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		workload3(go[0], rep[1]);
	const char *names[] = { "socketpair", "sendto", "recvfrom", "writev", "readv", "sendmsg", "recvmsg",
				"shutdown", "pwrite64", "pread64", "accept4" };
	int32_t pids[] = { pid };
	STRATO_OPTS(strato_live_opts, opts, .syscalls = names, .nsyscalls = sizeof(names) / sizeof(names[0]),
		    .pids = pids, .npids = 1, .timeout_ms = 100);
	rc = strato_capture_open_live(&cap, &opts);
	ck_assert_msg(rc == 0, "open_live: %d %s", rc, strato_last_error());
	ck_assert_int_eq(write(go[1], "g", 1), 1);
	ck_assert_int_eq(read(rep[0], &s, sizeof(s)), sizeof(s));
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "workload status %d", status);
	strato_nevs = 0;
	while (timeouts < 3 && strato_nevs < STRATO_MAXEV) {
		rc = strato_capture_next(cap, &ev);
		ck_assert_msg(rc > 0, "next: %d %s", rc, strato_capture_errmsg(cap));
		if (rc == STRATO_TIMEOUT) {
			timeouts++;
			continue;
		}
		ck_assert_int_eq(strato_event_clone(ev, &strato_evs[strato_nevs]), 0);
		strato_nevs++;
	}
	strato_capture_close(cap);

	ev = find("socketpair", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "fd1"), s.sv[0]);
	ck_assert_int_eq(pint(ev, "fd2"), s.sv[1]);
	ck_assert_int_ne(pint(ev, "source"), 0);
	ck_assert_int_ne(pint(ev, "peer"), 0);
	ck_assert_int_eq(pint(ev, "domain"), AF_UNIX);
	ck_assert_int_eq(pint(ev, "type"), SOCK_STREAM);
	int64_t src = pint(ev, "source"), peer = pint(ev, "peer");

	ev = find("sendto", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 4);
	ck_assert_int_eq(pint(ev, "fd"), s.sv[0]);
	ck_assert_int_eq(pint(ev, "size"), 4);
	check_data(ev, "ping");
	const uint8_t *tu = pbytes(ev, "tuple", &len);
	ck_assert_uint_eq(len, 18); /* unix: family, source, destination, "" */
	ck_assert_int_eq(tu[0], 1);
	int64_t ts, td;
	memcpy(&ts, tu + 1, 8);
	memcpy(&td, tu + 9, 8);
	ck_assert_int_eq(ts, src);
	ck_assert_int_eq(td, peer);

	ev = find("recvfrom", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 4);
	ck_assert_int_eq(pint(ev, "fd"), s.sv[1]);
	ck_assert_int_eq(pint(ev, "size"), 16);
	check_data(ev, "ping");

	ev = find("writev", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 4);
	ck_assert_int_eq(pint(ev, "size"), 4);
	check_data(ev, "abcd");
	ev = find("readv", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 4);
	ck_assert_int_eq(pint(ev, "size"), 16);
	check_data(ev, "abcd");

	ev = find("sendmsg", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 4);
	ck_assert_int_eq(pint(ev, "size"), 4);
	check_data(ev, "abcd");
	ev = find("recvmsg", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 4);
	ck_assert_int_eq(pint(ev, "fd"), s.sv[1]);
	check_data(ev, "abcd");

	ev = find("shutdown", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 0);
	ck_assert_int_eq(pint(ev, "how"), 1);

	ev = find("pwrite", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 3);
	ck_assert_int_eq(pint(ev, "pos"), 3);
	check_data(ev, "xyz");
	ev = find("pread", pid, 0);
	ck_assert_int_eq(pint(ev, "res"), 4);
	ck_assert_int_eq(pint(ev, "pos"), 2);
	ck_assert_int_eq(pint(ev, "size"), 8);
	{
		const uint8_t *d = pbytes(ev, "data", &len);

		ck_assert_uint_eq(len, 4);
		ck_assert_mem_eq(d, "\0xyz", 4); /* a hole, then what pwrite64 wrote */
	}

	ev = find("accept", pid, 0); /* accept4 is written as the 2022 accept4 event, named "accept" */
	ck_assert_int_eq(pint(ev, "fd"), s.acc);
	tu = pbytes(ev, "tuple", &len);
	ck_assert_uint_eq(len, 37);
	ck_assert_int_eq(tu[0], 10);
	uint8_t lo6[16] = { [15] = 1 };
	ck_assert_mem_eq(tu + 1, lo6, 16);
	ck_assert_int_eq(tu[17] | tu[18] << 8, s.cport);
	ck_assert_mem_eq(tu + 19, lo6, 16);
	ck_assert_int_eq(tu[35] | tu[36] << 8, s.port);
	for (int i = 0; i < strato_nevs; i++)
		strato_event_free(strato_evs[i]);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("live_accept");
	TCase *tc = tcase_create("accept");

	if (strato_test_live_missing())
		return STRATO_TEST_SKIP;
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_workload);
	tcase_add_test(tc, test_workload2);
	tcase_add_test(tc, test_workload3);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
