/* examples/stratotrace.c: an strace look-alike on top of live capture. The
 * kernel does the filtering (the traced processes only, the syscalls asked
 * for), and the traced command is started stopped: it waits on a pipe
 * until the capture is open, so its very first syscalls are seen.
 *
 *   stratotrace [-f] [-e SYSCALL,...] [-s SNAPLEN] [-o FILE] [FILTER...] -- CMD ARGS...
 *   stratotrace [-f] [-e SYSCALL,...] [-s SNAPLEN] [-o FILE] -p PID [FILTER...]
 *
 * FILTER is a sysdig/Falco filter (e.g. `fd.name startswith /etc/`); its
 * cheap parts run in the kernel too (strato_capture_set_filter()).
 */
#include <stratocore/stratocore.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "capture/syscalls.h" /* name table compiled in: see examples/local.mk */

static strato_capture *strato_cap;
static FILE *strato_out;

static void strato_on_signal(int sig)
{
	strato_capture_break(strato_cap);
}

/* Parameter `name` of `ev`, or NULL. */
static const uint8_t *strato_p(const strato_event *ev, const char *name, size_t *len)
{
	int i = strato_event_param_index(ev, name);
	const void *d;

	if (i < 0 || strato_event_param(ev, (unsigned)i, &d, len))
		return NULL;
	return d;
}

static int64_t strato_pi(const strato_event *ev, const char *name)
{
	int i = strato_event_param_index(ev, name);
	int64_t v = 0;

	if (i >= 0)
		strato_event_param_int(ev, (unsigned)i, &v);
	return v;
}

static void strato_put_quoted(const uint8_t *s, size_t n, int more)
{
	fputc('"', strato_out);
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];

		if (c == '"' || c == '\\')
			fprintf(strato_out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", strato_out);
		else if (c == '\t')
			fputs("\\t", strato_out);
		else if (c >= 32 && c < 127)
			fputc((int)c, strato_out);
		else
			fprintf(strato_out, "\\%o", c);
	}
	fprintf(strato_out, "\"%s", more ? "..." : "");
}

static void strato_put_str(const strato_event *ev, const char *name)
{
	size_t len;
	const uint8_t *s = strato_p(ev, name, &len);

	if (!s)
		fputs("NULL", strato_out);
	else
		strato_put_quoted(s, strnlen((const char *)s, len), 0);
}

static void strato_put_fd(int64_t fd)
{
	if (fd == -100)
		fputs("AT_FDCWD", strato_out);
	else
		fprintf(strato_out, "%" PRId64, fd);
}

/* PPM_O_* bits back to their O_ names. */
static void strato_put_open_flags(uint32_t f)
{
	static const char *const names[] = { NULL, NULL, "O_CREAT", "O_APPEND", "O_DSYNC", "O_EXCL",
					     "O_NONBLOCK", "O_SYNC", "O_TRUNC", "O_DIRECT", "O_DIRECTORY",
					     "O_LARGEFILE", "O_CLOEXEC", "O_TMPFILE" };

	fputs((f & 3) == 3 ? "O_RDWR" : (f & 3) == 2 ? "O_WRONLY" : "O_RDONLY", strato_out);
	for (unsigned b = 2; b < 14; b++)
		if (f & (1u << b) && !(b == 4 && (f & (1u << 7))))
			fprintf(strato_out, "|%s", names[b]);
}

static void strato_put_addr(const uint8_t *a, size_t len)
{
	char buf[64];

	if (!a || !len) {
		fputs("NULL", strato_out);
		return;
	}
	if (a[0] == 2 && len >= 7) {
		fprintf(strato_out, "{AF_INET, %u.%u.%u.%u:%u}", a[1], a[2], a[3], a[4], a[5] | a[6] << 8);
	} else if (a[0] == 10 && len >= 19) {
		snprintf(buf, sizeof(buf), "[%02x%02x:%02x%02x:...]", a[1], a[2], a[3], a[4]);
		fprintf(strato_out, "{AF_INET6, %s:%u}", buf, a[17] | a[18] << 8);
	} else if (a[0] == 1) {
		fputs("{AF_UNIX, ", strato_out);
		strato_put_quoted(a + 1, strnlen((const char *)a + 1, len - 1), 0);
		fputc('}', strato_out);
	} else {
		fprintf(strato_out, "{family %u}", a[0]);
	}
}

static void strato_put_tuple(const uint8_t *t, size_t len)
{
	if (!t || !len) {
		fputs("NULL", strato_out);
		return;
	}
	if (t[0] == 2 && len >= 13)
		fprintf(strato_out, "%u.%u.%u.%u:%u->%u.%u.%u.%u:%u", t[1], t[2], t[3], t[4], t[5] | t[6] << 8, t[7],
			t[8], t[9], t[10], t[11] | t[12] << 8);
	else if (t[0] == 1 && len >= 17)
		strato_put_quoted(t + 17, strnlen((const char *)t + 17, len - 17), 0);
	else
		fprintf(strato_out, "{family %u}", t[0]);
}

static void strato_put_data(const strato_event *ev, int64_t total)
{
	size_t len = 0;
	const uint8_t *d = strato_p(ev, "data", &len);

	strato_put_quoted(d ? d : (const uint8_t *)"", d ? len : 0, total > (int64_t)len);
}

static void strato_put_result(int64_t res)
{
	if (res < 0 && res > -4096)
		fprintf(strato_out, " = -1 %s (%s)\n", strerrorname_np((int)-res) ? strerrorname_np((int)-res) : "E?",
			strerror((int)-res));
	else
		fprintf(strato_out, " = %" PRId64 "\n", res);
}

static void strato_put_sig(int64_t sig)
{
	const char *n = sig ? sigabbrev_np((int)sig) : NULL;

	if (n)
		fprintf(strato_out, "SIG%s", n);
	else
		fprintf(strato_out, "%" PRId64, sig);
}

/* NUL-separated strings as ["a", "b"], `first` (argv[0]) in front. */
static void strato_put_argv(const strato_event *ev, const char *first)
{
	size_t len = 0;
	const uint8_t *a = strato_p(ev, "args", &len);

	fputc('[', strato_out);
	strato_put_str(ev, first);
	for (size_t i = 0; a && i < len;) {
		size_t n = strnlen((const char *)a + i, len - i);

		fputs(", ", strato_out);
		strato_put_quoted(a + i, n, 0);
		i += n + 1;
	}
	fputc(']', strato_out);
}

/* A flags parameter by its names as the library renders them ("4096(O_CLOEXEC)"
 * gives O_CLOEXEC), or its number when no name applies. */
static void strato_put_flags(const strato_event *ev, const char *name)
{
	int i = strato_event_param_index(ev, name);
	char buf[256], *o, *c;

	if (i < 0 || strato_event_format_param(ev, (unsigned)i, buf, sizeof(buf)) < 0) {
		fputs("?", strato_out);
		return;
	}
	o = strchr(buf, '(');
	c = o ? strrchr(o, ')') : NULL;
	if (o && c) {
		*c = 0;
		fputs(o + 1, strato_out);
	} else {
		fputs(buf, strato_out);
	}
}

static const char *strato_generic_name(const strato_event *ev, char *buf, size_t len)
{
	int64_t nr = strato_pi(ev, "nativeID");
	const struct strato_syscall_def *d = strato_syscall_by_nr(nr);

	if (d)
		return d->name;
	snprintf(buf, len, "syscall_%" PRId64, nr);
	return buf;
}

static void strato_print(const strato_event *ev, int show_tid)
{
	const char *n = strato_event_name(ev);
	size_t l1, l2;
	char gbuf[32];

	if (show_tid)
		fprintf(strato_out, "[pid %5" PRId64 "] ", strato_event_tid(ev));
	if (!strcmp(n, "gap")) {
		fprintf(strato_out, "<<< %" PRId64 " events lost >>>\n", strato_pi(ev, "lost_buffer") + strato_pi(ev, "lost_other"));
		return;
	}
	if (!strcmp(n, "procexit")) {
		int64_t st = strato_pi(ev, "status");

		if (st & 0x7f) {
			fputs("+++ killed by ", strato_out);
			strato_put_sig(st & 0x7f);
			fputs(" +++\n", strato_out);
		} else {
			fprintf(strato_out, "+++ exited with %" PRId64 " +++\n", (st >> 8) & 0xff);
		}
		return;
	}
	if (!strcmp(n, "syscall")) {
		fprintf(strato_out, "%s(...) = ?\n", strato_generic_name(ev, gbuf, sizeof(gbuf)));
		return;
	}
	fprintf(strato_out, "%s(", n);
	if (!strcmp(n, "open") || !strcmp(n, "openat") || !strcmp(n, "openat2") || !strcmp(n, "creat")) {
		if (strato_event_param_index(ev, "dirfd") >= 0) {
			strato_put_fd(strato_pi(ev, "dirfd"));
			fputs(", ", strato_out);
		}
		strato_put_str(ev, "name");
		if (strcmp(n, "creat")) {
			fputs(", ", strato_out);
			strato_put_open_flags((uint32_t)strato_pi(ev, "flags"));
		}
		if (strato_pi(ev, "flags") & (1 << 2) || !strcmp(n, "creat"))
			fprintf(strato_out, ", 0%" PRIo64, strato_pi(ev, "mode"));
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, "fd"));
	} else if (!strcmp(n, "read") || !strcmp(n, "write") || !strcmp(n, "pread") || !strcmp(n, "pwrite") ||
		   !strcmp(n, "readv") || !strcmp(n, "writev") || !strcmp(n, "preadv") || !strcmp(n, "pwritev") ||
		   !strcmp(n, "sendto") || !strcmp(n, "recvfrom") || !strcmp(n, "sendmsg") || !strcmp(n, "recvmsg")) {
		int64_t res = strato_pi(ev, "res");

		fprintf(strato_out, "%" PRId64 ", ", strato_pi(ev, "fd"));
		strato_put_data(ev, res);
		fprintf(strato_out, ", %" PRId64, strato_pi(ev, "size"));
		if (strato_event_param_index(ev, "pos") >= 0)
			fprintf(strato_out, ", %" PRId64, strato_pi(ev, "pos"));
		if (strato_event_param_index(ev, "tuple") >= 0) {
			const uint8_t *t = strato_p(ev, "tuple", &l1);

			fputs(", ", strato_out);
			strato_put_tuple(t, t ? l1 : 0);
		}
		fputc(')', strato_out);
		strato_put_result(res);
	} else if (!strcmp(n, "connect") || !strcmp(n, "bind")) {
		const uint8_t *a = strato_p(ev, "addr", &l1);

		fprintf(strato_out, "%" PRId64 ", ", strato_pi(ev, "fd"));
		strato_put_addr(a, a ? l1 : 0);
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, "res"));
	} else if (!strcmp(n, "accept") || !strcmp(n, "accept4")) {
		const uint8_t *t = strato_p(ev, "tuple", &l2);

		strato_put_tuple(t, t ? l2 : 0);
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, "fd"));
	} else if (!strcmp(n, "socket")) {
		fprintf(strato_out, "%" PRId64 ", %" PRId64 ", %" PRId64 ")", strato_pi(ev, "domain"),
			strato_pi(ev, "type"), strato_pi(ev, "proto"));
		strato_put_result(strato_pi(ev, "fd"));
	} else if (!strcmp(n, "execve") || !strcmp(n, "execveat")) {
		if (strato_event_param_index(ev, "filename") >= 0)
			strato_put_str(ev, "filename");
		else
			strato_put_str(ev, "exe");
		fputs(", ", strato_out);
		strato_put_argv(ev, "exe");
		fputs(", ...)", strato_out);
		strato_put_result(strato_pi(ev, "res"));
	} else if (!strcmp(n, "clone") || !strcmp(n, "clone3") || !strcmp(n, "fork") || !strcmp(n, "vfork")) {
		fprintf(strato_out, "flags=%#" PRIx64 ")", strato_pi(ev, "flags"));
		strato_put_result(strato_pi(ev, "res"));
	} else if (!strcmp(n, "kill") || !strcmp(n, "tkill") || !strcmp(n, "tgkill")) {
		fprintf(strato_out, "%" PRId64 ", ", strato_pi(ev, strcmp(n, "tkill") ? "pid" : "tid"));
		if (!strcmp(n, "tgkill"))
			fprintf(strato_out, "%" PRId64 ", ", strato_pi(ev, "tid"));
		strato_put_sig(strato_pi(ev, "sig"));
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, "res"));
	} else if (!strcmp(n, "pipe") || !strcmp(n, "pipe2")) {
		fprintf(strato_out, "[%" PRId64 ", %" PRId64 "]", strato_pi(ev, "fd1"), strato_pi(ev, "fd2"));
		if (strato_event_param_index(ev, "flags") >= 0) {
			fputs(", ", strato_out);
			strato_put_flags(ev, "flags");
		}
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, "res"));
	} else if ((!strcmp(n, "dup") || !strcmp(n, "dup2") || !strcmp(n, "dup3")) &&
		   strato_event_param_index(ev, "oldfd") >= 0) {
		fprintf(strato_out, "%" PRId64, strato_pi(ev, "oldfd"));
		if (strato_event_param_index(ev, "newfd") >= 0)
			fprintf(strato_out, ", %" PRId64, strato_pi(ev, "newfd"));
		if (strato_event_param_index(ev, "flags") >= 0) {
			fputs(", ", strato_out);
			strato_put_flags(ev, "flags");
		}
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, "res"));
	} else if (!strcmp(n, "memfd_create") || !strcmp(n, "delete_module")) {
		strato_put_str(ev, "name");
		fputs(", ", strato_out);
		strato_put_flags(ev, "flags");
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, strcmp(n, "memfd_create") ? "res" : "fd"));
	} else if (!strcmp(n, "prctl")) {
		int64_t opt = strato_pi(ev, "option");

		strato_put_flags(ev, "option");
		fputs(", ", strato_out);
		if (opt == 15 || opt == 16) /* PR_SET_NAME, PR_GET_NAME */
			strato_put_str(ev, "arg2_str");
		else
			fprintf(strato_out, "%" PRId64, strato_pi(ev, "arg2_int"));
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, "res"));
	} else if (!strcmp(n, "bpf") && strato_event_param_index(ev, "cmd") >= 0 &&
		   strato_event_param_index(ev, "fd") >= 0) {
		strato_put_flags(ev, "cmd");
		fputs(", ...)", strato_out);
		strato_put_result(strato_pi(ev, "fd"));
	} else if (!strcmp(n, "capset")) {
		fprintf(strato_out, "..., {effective=%#" PRIx64 ", permitted=%#" PRIx64 ", inheritable=%#" PRIx64 "})",
			strato_pi(ev, "cap_effective"), strato_pi(ev, "cap_permitted"),
			strato_pi(ev, "cap_inheritable"));
		strato_put_result(strato_pi(ev, "res"));
	} else if (!strcmp(n, "init_module")) {
		const uint8_t *img = strato_p(ev, "img", &l1);
		int64_t len = strato_pi(ev, "length");

		strato_put_quoted(img ? img : (const uint8_t *)"", img ? l1 : 0, len > (int64_t)(img ? l1 : 0));
		fprintf(strato_out, ", %" PRId64 ", ", len);
		strato_put_str(ev, "uargs");
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, "res"));
	} else if (!strcmp(n, "finit_module")) {
		fprintf(strato_out, "%" PRId64 ", ", strato_pi(ev, "fd"));
		strato_put_str(ev, "uargs");
		fputs(", ", strato_out);
		strato_put_flags(ev, "flags");
		fputc(')', strato_out);
		strato_put_result(strato_pi(ev, "res"));
	} else {
		/* Every other typed event: its parameters after the result, as
		 * the library renders them. */
		unsigned np = strato_event_nparams(ev);
		char buf[512];

		for (unsigned i = 1; i < np; i++) {
			const char *pn;
			enum strato_ptype pt;

			strato_event_type_param(strato_event_type(ev), i, &pn, &pt);
			if (i > 1)
				fputs(", ", strato_out);
			if (pt == STRATO_PT_FSPATH || pt == STRATO_PT_FSRELPATH || pt == STRATO_PT_CHARBUF) {
				strato_put_str(ev, pn);
			} else if (pn && !strcmp(pn, "dirfd")) {
				strato_put_fd(strato_pi(ev, pn));
			} else {
				strato_event_format_param(ev, i, buf, sizeof(buf));
				fputs(buf, strato_out);
			}
		}
		fputc(')', strato_out);
		{
			int64_t res = 0;

			strato_event_param_int(ev, 0, &res);
			strato_put_result(res);
		}
	}
}

/* Compiles the filter words, joined with spaces as sysdig does. Process
 * exits always pass, so the `+++ exited +++` lines stay, as in strace. */
static int strato_trace_filter(strato_filter **out, char **words, int n)
{
	char expr[8192];
	size_t len = 0, pre;
	struct strato_filter_error ferr;

	pre = len = (size_t)snprintf(expr, sizeof(expr), "(");
	for (int i = 0; i < n; i++) {
		int w = snprintf(expr + len, sizeof(expr) - len, "%s%s", i ? " " : "", words[i]);

		if (w < 0 || (size_t)w >= sizeof(expr) - len) {
			fprintf(stderr, "stratotrace: filter too long\n");
			return -1;
		}
		len += (size_t)w;
	}
	if (snprintf(expr + len, sizeof(expr) - len, ") or evt.type = procexit") >= (int)(sizeof(expr) - len)) {
		fprintf(stderr, "stratotrace: filter too long\n");
		return -1;
	}
	if (strato_filter_compile(out, expr, NULL, &ferr)) {
		/* point at the user's words, not at the added parentheses */
		expr[len] = 0;
		fprintf(stderr, "stratotrace: filter error at offset %zu: %s\n  %s\n  %*s^\n",
			ferr.offset >= pre ? ferr.offset - pre : 0, ferr.message, expr + pre,
			(int)(ferr.offset >= pre ? ferr.offset - pre : 0), "");
		return -1;
	}
	return 0;
}

static void strato_usage(void)
{
	fprintf(stderr, "usage: stratotrace [-f] [-e SYSCALL,...] [-s SNAPLEN] [-o FILE] [FILTER...] -- CMD [ARGS...]\n"
			"       stratotrace [-f] [-e SYSCALL,...] [-s SNAPLEN] [-o FILE] -p PID [FILTER...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *names[512];
	size_t nnames = 0;
	int follow = 0, opt, go[2] = { -1, -1 }, quiet = 0, child_done = 0, status = 0;
	long snaplen = 0;
	pid_t pid = 0;
	char *list = NULL;
	const strato_event *ev;
	struct sigaction sa = { .sa_handler = strato_on_signal };

	strato_out = stderr;
	while ((opt = getopt(argc, argv, "+fe:o:p:s:h")) != -1) {
		switch (opt) {
		case 'f': follow = 1; break;
		case 'e': list = optarg; break;
		case 's': snaplen = strtol(optarg, NULL, 10); break;
		case 'p': pid = (pid_t)strtol(optarg, NULL, 10); break;
		case 'o': {
			int fd = open(optarg, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

			strato_out = fd >= 0 ? fdopen(fd, "w") : NULL;
			if (!strato_out) {
				fprintf(stderr, "stratotrace: %s: %s\n", optarg, strerror(errno));
				return 1;
			}
			break;
		}
		default: strato_usage();
		}
	}
	/* The words between the options and `--` (or all of them with -p) are
	 * the filter; without `--` and without -p they are the command, as in
	 * strace. getopt() has already eaten a `--` that came right after the
	 * options: then there is no filter. */
	int fbegin = optind, fend = optind, cmd = optind;

	if (optind > 1 && !strcmp(argv[optind - 1], "--"))
		fend = optind;
	else if (pid > 0)
		fend = cmd = argc;
	else
		for (int i = optind; i < argc; i++)
			if (!strcmp(argv[i], "--")) {
				fend = i;
				cmd = i + 1;
				break;
			}
	if ((pid <= 0) == (cmd >= argc))
		strato_usage();
	strato_filter *filter = NULL;
	if (fend > fbegin && strato_trace_filter(&filter, argv + fbegin, fend - fbegin))
		return 2;
	for (char *save = NULL, *s = list ? strtok_r(list, ",", &save) : NULL; s && nnames < 511;
	     s = strtok_r(NULL, ",", &save))
		names[nnames++] = s;
	if (list)
		names[nnames++] = "procexit"; /* always report how processes end */
	if (!pid) {
		if (pipe2(go, O_CLOEXEC))
			return 1;
		pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			char c;

			close(go[1]);
			if (read(go[0], &c, 1) != 1) /* held until the capture is open */
				_exit(127);
			execvp(argv[cmd], argv + cmd);
			fprintf(stderr, "stratotrace: %s: %s\n", argv[cmd], strerror(errno));
			_exit(127);
		}
		close(go[0]);
	}
	int32_t pids[1] = { pid };
	STRATO_OPTS(strato_live_opts, opts, .pids = pids, .npids = 1, .follow_children = follow,
		    .syscalls = list ? names : NULL, .nsyscalls = nnames, .snaplen = (uint32_t)snaplen,
		    .timeout_ms = 100);
	int rc = strato_capture_open_live(&strato_cap, &opts);
	if (!rc)
		rc = strato_capture_set_filter(strato_cap, filter);
	strato_filter_free(filter);
	if (rc) {
		fprintf(stderr, "stratotrace: %s\n", strato_last_error());
		if (go[1] >= 0)
			kill(pid, SIGKILL);
		return 1;
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (go[1] >= 0) {
		if (write(go[1], "g", 1) != 1)
			return 1;
		close(go[1]);
	}
	/* Until the traced process is gone and the ring is drained (or ^C). */
	while (quiet < 2) {
		rc = strato_capture_next(strato_cap, &ev);
		if (rc == STRATO_EVENT) {
			strato_print(ev, follow);
			continue;
		}
		if (rc != STRATO_TIMEOUT)
			break;
		if (!child_done) {
			if (go[1] >= 0)
				child_done = waitpid(pid, &status, WNOHANG) == pid;
			else
				child_done = kill(pid, 0) != 0 && errno == ESRCH;
		}
		if (child_done)
			quiet++;
	}
	if (rc < 0)
		fprintf(stderr, "stratotrace: %s\n", strato_capture_errmsg(strato_cap));
	strato_capture_close(strato_cap);
	if (strato_out != stderr)
		fclose(strato_out);
	if (go[1] >= 0 && !child_done)
		waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
