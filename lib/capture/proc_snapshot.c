/* lib/capture/proc_snapshot.c: the state a live capture starts from, read
 * from /proc (threads, their fds and sockets), /etc (users, groups) and
 * the interfaces, into struct strato_tables so a writer can store it as
 * the header blocks of a capture file. Everything is bounded: string
 * sizes by the limits scap readers accept, counts by strato_proc_limits. */
#include "capture/proc_snapshot.h"
#include "core/internal.h"

#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#define STRATO_SNAP_STR 1024  /* comm/exe/exepath/cwd/root limit of readers */
#define STRATO_SNAP_BLOB 4096 /* args/env/cgroups limit of readers */
#define STRATO_SNAP_MAX_SOCKS 65536

/* One socket found in /proc/net, by inode. */
struct strato_sock_entry {
	uint64_t ino;
	struct strato_fd_info fd; /* type, addresses, ports, l4proto, name */
};

struct strato_snap {
	const char *proc; /* "/proc" or a test root */
	struct strato_tables *t;
	struct strato_proc_limits lim;
	struct strato_sock_entry *socks;
	size_t nsocks, capsocks;
	size_t nfds_total;
	uint64_t netns[64]; /* network namespaces whose sockets were read */
	size_t nnetns;
	char cgroup_names[512]; /* "cpuset,cpu,..." for unified hierarchies */
};

/* Reads at most `max` bytes of a file; returns the length or -1. */
static ssize_t strato_read_file(const char *path, char *buf, size_t max)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t got = 0;

	if (fd < 0)
		return -1;
	while (got < max) {
		ssize_t n = read(fd, buf + got, max - got);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	return (ssize_t)got;
}

static char *strato_strndup0(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d) {
		memcpy(d, s, n);
		d[n] = 0;
	}
	return d;
}

/* A one-line file without its newline, bounded; "" when unreadable. */
static char *strato_read_line(const char *path)
{
	char buf[STRATO_SNAP_STR];
	ssize_t n = strato_read_file(path, buf, sizeof(buf) - 1);

	if (n < 0)
		n = 0;
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == 0))
		n--;
	return strato_strndup0(buf, (size_t)n);
}

static char *strato_readlink(const char *path)
{
	char buf[STRATO_SNAP_STR];
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);

	return strato_strndup0(buf, n > 0 ? (size_t)n : 0);
}

/* Value after "Key:" in a status file, or NULL. */
static const char *strato_status_field(const char *status, const char *key)
{
	size_t kl = strlen(key);

	for (const char *p = status; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (!strncmp(p, key, kl) && p[kl] == ':')
			return p + kl + 1;
	return NULL;
}

/* The last number of a whitespace-separated list on that line (NSpid...). */
static int64_t strato_last_num(const char *v, int64_t def)
{
	int64_t last = def;

	while (v && *v && *v != '\n') {
		char *end;
		long long x;

		while (*v == ' ' || *v == '\t')
			v++;
		if (!isdigit((unsigned char)*v) && *v != '-')
			break;
		x = strtoll(v, &end, 10);
		last = x;
		v = end;
	}
	return last;
}

/* Linux open flags to PPM_O_* (same table as the probe's). */
static uint32_t strato_ppm_open_flags(unsigned long f)
{
	uint32_t r = (f & 3) == 0 ? 1 : (f & 3) == 1 ? 2 : (f & 3) == 2 ? 3 : 0;

	if (f & 0100) r |= 1 << 2;
	if (f & 02000) r |= 1 << 3;
	if (f & 010000) r |= 1 << 4;
	if (f & 0200) r |= 1 << 5;
	if (f & 04000) r |= 1 << 6;
	if ((f & 04010000) == 04010000) r |= 1 << 7;
	if (f & 01000) r |= 1 << 8;
	if (f & 040000) r |= 1 << 9;
	if (f & 0200000) r |= 1 << 10;
	if (f & 0100000) r |= 1 << 11;
	if (f & 02000000) r |= 1 << 12;
	if ((f & 020200000) == 020200000) r |= 1 << 13;
	return r;
}

static uint32_t strato_encode_dev_u(dev_t d)
{
	unsigned maj = major(d), min = minor(d);

	return (min & 0xff) | (maj << 8) | ((min & ~0xffu) << 12);
}

/* ---- sockets from /proc/net ---- */

static struct strato_sock_entry *strato_sock_add(struct strato_snap *s, uint64_t ino)
{
	if (s->nsocks == s->capsocks) {
		size_t cap = s->capsocks ? s->capsocks * 2 : 256;
		struct strato_sock_entry *n;

		if (cap > STRATO_SNAP_MAX_SOCKS)
			return NULL;
		n = realloc(s->socks, cap * sizeof(*n));
		if (!n)
			return NULL;
		s->socks = n;
		s->capsocks = cap;
	}
	memset(&s->socks[s->nsocks], 0, sizeof(s->socks[0]));
	s->socks[s->nsocks].ino = ino;
	return &s->socks[s->nsocks++];
}

/* Parses "HEXADDR:HEXPORT" as printed by /proc/net/tcp{,6}: the address
 * words are the raw (network order) u32s printed in host order. */
static int strato_parse_inet(const char *p, uint8_t *addr, int v6, uint16_t *port)
{
	for (int w = 0; w < (v6 ? 4 : 1); w++) {
		char hex[9];
		uint32_t x;

		memcpy(hex, p + w * 8, 8);
		hex[8] = 0;
		x = (uint32_t)strtoul(hex, NULL, 16);
		memcpy(addr + w * 4, &x, 4);
	}
	p += v6 ? 32 : 8;
	if (*p != ':')
		return -1;
	*port = (uint16_t)strtoul(p + 1, NULL, 16);
	return 0;
}

/* Opens DIR/net/FILE (a /proc table) past its header line, or NULL. */
static FILE *strato_open_net_table(const char *dir, const char *file)
{
	char path[320], line[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/net/%s", dir, file);
	f = fopen(path, "re");
	if (f && !fgets(line, sizeof(line), f)) {
		fclose(f);
		f = NULL;
	}
	return f;
}

static void strato_scan_inet(struct strato_snap *s, const char *dir, const char *file, int v6, uint8_t l4)
{
	char line[512];
	FILE *f = strato_open_net_table(dir, file);

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char la[64], ra[64];
		unsigned st;
		unsigned long long ino;
		uint8_t sip[16] = { 0 }, dip[16] = { 0 };
		uint16_t sport, dport;
		struct strato_sock_entry *e;

		if (sscanf(line, "%*d: %63s %63s %x %*s %*s %*s %*s %*s %llu", la, ra, &st, &ino) != 4 || !ino)
			continue;
		if (strato_parse_inet(la, sip, v6, &sport) || strato_parse_inet(ra, dip, v6, &dport))
			continue;
		e = strato_sock_add(s, ino);
		if (!e)
			break;
		e->fd.l4proto = l4;
		/* TCP LISTEN (0x0A), or an unconnected UDP socket: a server */
		if ((l4 == 2 && st == 0x0A) || (l4 == 3 && !dport)) {
			e->fd.type = v6 ? STRATO_FD_IPV6_SERVSOCK : STRATO_FD_IPV4_SERVSOCK;
			memcpy(e->fd.sip, sip, 16);
			e->fd.sport = sport;
		} else {
			e->fd.type = v6 ? STRATO_FD_IPV6_SOCK : STRATO_FD_IPV4_SOCK;
			memcpy(e->fd.sip, sip, 16);
			memcpy(e->fd.dip, dip, 16);
			e->fd.sport = sport;
			e->fd.dport = dport;
		}
	}
	fclose(f);
}

static void strato_scan_unix(struct strato_snap *s, const char *dir)
{
	char line[512];
	FILE *f = strato_open_net_table(dir, "unix");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long num, ino;
		char name[256] = "";
		struct strato_sock_entry *e;
		size_t n;

		if (sscanf(line, "%llx: %*s %*s %*s %*s %*s %llu %255s", &num, &ino, name) < 2 || !ino)
			continue;
		e = strato_sock_add(s, ino);
		if (!e)
			break;
		e->fd.type = STRATO_FD_UNIX_SOCK;
		e->fd.unix_src = num;
		n = strlen(name);
		e->fd.name = strato_strndup0(name, n); /* freed with the socket table */
	}
	fclose(f);
}

static void strato_scan_netlink(struct strato_snap *s, const char *dir)
{
	char line[512];
	FILE *f = strato_open_net_table(dir, "netlink");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long ino;
		struct strato_sock_entry *e;

		if (sscanf(line, "%*s %*s %*s %*s %*s %*s %*s %*s %*s %llu", &ino) != 1 || !ino)
			continue;
		e = strato_sock_add(s, ino);
		if (!e)
			break;
		e->fd.type = STRATO_FD_NETLINK;
	}
	fclose(f);
}

/* Reads the socket tables of the network namespace `dir` (a /proc/PID)
 * belongs to, once per namespace: socket inodes are unique across
 * namespaces, so one table serves every process. */
static void strato_scan_netns(struct strato_snap *s, const char *dir)
{
	char path[320];
	struct stat st;

	snprintf(path, sizeof(path), "%s/ns/net", dir);
	if (stat(path, &st))
		st.st_ino = 0; /* no namespace information: scan this one */
	for (size_t i = 0; i < s->nnetns; i++)
		if (s->netns[i] == st.st_ino)
			return;
	if (s->nnetns < STRATO_ARRAY_SIZE(s->netns))
		s->netns[s->nnetns++] = st.st_ino;
	else
		return; /* too many namespaces: their sockets stay unresolved */
	strato_scan_inet(s, dir, "tcp", 0, 2);
	strato_scan_inet(s, dir, "tcp6", 1, 2);
	strato_scan_inet(s, dir, "udp", 0, 3);
	strato_scan_inet(s, dir, "udp6", 1, 3);
	strato_scan_unix(s, dir);
	strato_scan_netlink(s, dir);
}

static const struct strato_sock_entry *strato_sock_find(const struct strato_snap *s, uint64_t ino)
{
	for (size_t i = 0; i < s->nsocks; i++)
		if (s->socks[i].ino == ino)
			return &s->socks[i];
	return NULL;
}

/* ---- fds ---- */

/* Kind of an fd from its /proc link text, for non-socket, non-file fds. */
static uint8_t strato_anon_kind(const char *link)
{
	static const struct { const char *prefix; uint8_t kind; } map[] = {
		{ "anon_inode:[eventfd]", STRATO_FD_EVENT }, { "anon_inode:[eventpoll]", STRATO_FD_EVENTPOLL },
		{ "anon_inode:inotify", STRATO_FD_INOTIFY }, { "anon_inode:[signalfd]", STRATO_FD_SIGNALFD },
		{ "anon_inode:[timerfd]", STRATO_FD_TIMERFD }, { "anon_inode:bpf", STRATO_FD_BPF },
		{ "anon_inode:[userfaultfd]", STRATO_FD_USERFAULTFD }, { "anon_inode:[io_uring]", STRATO_FD_IOURING },
		{ "anon_inode:[pidfd]", STRATO_FD_PIDFD }, { "/memfd:", STRATO_FD_MEMFD },
	};

	for (size_t i = 0; i < STRATO_ARRAY_SIZE(map); i++)
		if (!strncmp(link, map[i].prefix, strlen(map[i].prefix)))
			return map[i].kind;
	return STRATO_FD_UNSUPPORTED;
}

static int strato_snap_fds(struct strato_snap *s, struct strato_thread_info *th, const char *pdir)
{
	char path[320];
	struct dirent *de;
	DIR *d;

	snprintf(path, sizeof(path), "%s/fd", pdir);
	d = opendir(path);
	if (!d)
		return 0;
	while ((de = readdir(d))) {
		struct strato_fd_info *fi;
		char lpath[384], link[STRATO_SNAP_STR], info[512];
		struct stat st;
		ssize_t n;
		long fd;
		char *end;

		fd = strtol(de->d_name, &end, 10);
		if (*end || fd < 0)
			continue;
		if (th->nfds >= s->lim.max_fds_per_process || s->nfds_total >= s->lim.max_fds)
			break;
		snprintf(lpath, sizeof(lpath), "%s/fd/%ld", pdir, fd);
		n = readlink(lpath, link, sizeof(link) - 1);
		if (n <= 0)
			continue;
		link[n] = 0;
		if (!(th->nfds & (th->nfds - 1))) { /* grow at powers of two */
			struct strato_fd_info *nf = realloc(th->fds, (th->nfds ? th->nfds * 2 : 8) * sizeof(*nf));

			if (!nf) {
				closedir(d);
				return -ENOMEM;
			}
			th->fds = nf;
		}
		fi = &th->fds[th->nfds];
		memset(fi, 0, sizeof(*fi));
		fi->fd = fd;
		if (!stat(lpath, &st))
			fi->ino = st.st_ino;
		if (!strncmp(link, "socket:[", 8)) {
			const struct strato_sock_entry *e = strato_sock_find(s, strtoull(link + 8, NULL, 10));

			if (e) {
				*fi = e->fd;
				fi->fd = fd;
				fi->ino = e->ino;
				fi->name = strdup(e->fd.name ? e->fd.name : "");
			} else {
				fi->type = STRATO_FD_UNSUPPORTED;
				fi->name = strdup(link);
			}
		} else if (!strncmp(link, "pipe:[", 6)) {
			fi->type = STRATO_FD_FIFO;
			fi->name = strdup("");
		} else if (link[0] == '/' && strncmp(link, "/memfd:", 7)) {
			unsigned long flags = 0;
			char *fl;

			snprintf(lpath, sizeof(lpath), "%s/fdinfo/%ld", pdir, fd);
			n = strato_read_file(lpath, info, sizeof(info) - 1);
			info[n > 0 ? n : 0] = 0;
			fl = strstr(info, "flags:");
			if (fl)
				flags = strtoul(fl + 6, NULL, 8);
			if (S_ISDIR(st.st_mode)) {
				fi->type = STRATO_FD_DIRECTORY;
			} else {
				fi->type = STRATO_FD_FILE_V2;
				fi->open_flags = strato_ppm_open_flags(flags);
				fi->dev = strato_encode_dev_u(st.st_dev);
				fi->has_dev = true;
			}
			fi->name = strdup(link);
		} else {
			fi->type = strato_anon_kind(link);
			fi->name = strdup(link);
		}
		if (!fi->name) {
			closedir(d);
			return -ENOMEM;
		}
		th->nfds++;
		s->nfds_total++;
	}
	closedir(d);
	return 0;
}

/* ---- threads ---- */

/* Reads a NUL-separated blob (cmdline, environ) bounded by the reader limit. */
static char *strato_read_blob(const char *path, size_t *len)
{
	char *buf = malloc(STRATO_SNAP_BLOB);
	ssize_t n;

	*len = 0;
	if (!buf)
		return NULL;
	n = strato_read_file(path, buf, STRATO_SNAP_BLOB);
	if (n > 0) {
		/* cut at the last complete string */
		while (n > 0 && buf[n - 1] != 0)
			n--;
		*len = (size_t)n;
	}
	return buf;
}

/* cgroups as "subsys=path" NUL-separated; v2 lines ("0::/p") get one entry
 * per controller of the unified hierarchy, as the probe writes them. */
static char *strato_read_cgroups(struct strato_snap *s, const char *pdir, size_t *len)
{
	char path[320], raw[STRATO_SNAP_BLOB], *out = malloc(STRATO_SNAP_BLOB);
	ssize_t n;
	size_t pos = 0;

	*len = 0;
	if (!out)
		return NULL;
	snprintf(path, sizeof(path), "%s/cgroup", pdir);
	n = strato_read_file(path, raw, sizeof(raw) - 1);
	raw[n > 0 ? n : 0] = 0;
	for (char *line = strtok(raw, "\n"); line; line = strtok(NULL, "\n")) {
		char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		char ctrls[512];

		if (!c2)
			continue;
		*c2 = 0;
		snprintf(ctrls, sizeof(ctrls), "%s", c1[1] ? c1 + 1 : s->cgroup_names);
		for (char *save = NULL, *c = strtok_r(ctrls, ",", &save); c; c = strtok_r(NULL, ",", &save)) {
			int w;

			if (!strncmp(c, "name=", 5))
				continue;
			w = snprintf(out + pos, STRATO_SNAP_BLOB - pos, "%s=%s", c, c2 + 1);
			if (w < 0 || (size_t)w + 1 > STRATO_SNAP_BLOB - pos)
				goto done;
			pos += (size_t)w + 1;
		}
	}
done:
	*len = pos;
	return out;
}

static int strato_snap_thread(struct strato_snap *s, int64_t pid, int64_t tid, const char *pdir, const char *tdir)
{
	struct strato_tables *t = s->t;
	struct strato_thread_info *th;
	char path[400], status[4096], stat[1024], *p;
	ssize_t n;
	int err = 0;

	if (!(t->nthreads & (t->nthreads - 1))) {
		struct strato_thread_info *nt = realloc(t->threads, (t->nthreads ? t->nthreads * 2 : 64) * sizeof(*nt));

		if (!nt)
			return -ENOMEM;
		t->threads = nt;
	}
	th = &t->threads[t->nthreads];
	memset(th, 0, sizeof(*th));
	th->tid = tid;
	th->pid = pid;
	th->loginuid = 0xFFFFFFFF;

	snprintf(path, sizeof(path), "%s/status", tdir);
	n = strato_read_file(path, status, sizeof(status) - 1);
	if (n <= 0)
		return 0; /* the thread is gone */
	status[n] = 0;
	snprintf(path, sizeof(path), "%s/stat", tdir);
	n = strato_read_file(path, stat, sizeof(stat) - 1);
	stat[n > 0 ? n : 0] = 0;

	th->ptid = strato_last_num(strato_status_field(status, "PPid"), 0);
	th->vtid = strato_last_num(strato_status_field(status, "NSpid"), tid);
	th->vpid = strato_last_num(strato_status_field(status, "NStgid"), pid);
	th->vpgid = strato_last_num(strato_status_field(status, "NSpgid"), 0);
	if ((p = (char *)strato_status_field(status, "Uid")))
		sscanf(p, "%*u %u", &th->uid);
	if ((p = (char *)strato_status_field(status, "Gid")))
		sscanf(p, "%*u %u", &th->gid);
	if ((p = (char *)strato_status_field(status, "VmSize")))
		th->vmsize_kb = (uint32_t)strtoul(p, NULL, 10);
	if ((p = (char *)strato_status_field(status, "VmRSS")))
		th->vmrss_kb = (uint32_t)strtoul(p, NULL, 10);
	if ((p = (char *)strato_status_field(status, "VmSwap")))
		th->vmswap_kb = (uint32_t)strtoul(p, NULL, 10);
	if ((p = (char *)strato_status_field(status, "CapInh")))
		th->cap_inheritable = strtoull(p, NULL, 16);
	if ((p = (char *)strato_status_field(status, "CapPrm")))
		th->cap_permitted = strtoull(p, NULL, 16);
	if ((p = (char *)strato_status_field(status, "CapEff")))
		th->cap_effective = strtoull(p, NULL, 16);
	/* stat after the comm's closing parenthesis: state ppid pgrp session
	 * tty_nr tpgid flags minflt cminflt majflt */
	p = strrchr(stat, ')');
	if (p) {
		long long pgrp = 0, sess = 0;
		int tty = 0;
		unsigned long long minflt = 0, majflt = 0;

		sscanf(p + 2, "%*c %*d %lld %lld %d %*d %*u %llu %*u %llu", &pgrp, &sess, &tty, &minflt, &majflt);
		th->pgid = pgrp;
		th->sid = sess;
		th->tty = (uint32_t)tty;
		th->pfminor = minflt;
		th->pfmajor = majflt;
	}
	if (tid != pid)
		th->flags |= 1 << 13; /* PPM_CL_CLONE_THREAD */

	snprintf(path, sizeof(path), "%s/comm", tdir);
	th->comm = strato_read_line(path);
	snprintf(path, sizeof(path), "%s/exe", pdir);
	th->exepath = strato_readlink(path);
	/* the kernel names an executable run from a memfd "/memfd:NAME" */
	th->exe_from_memfd = th->exepath && !strncmp(th->exepath, "/memfd:", 7);
	snprintf(path, sizeof(path), "%s/cwd", pdir);
	th->cwd = strato_readlink(path);
	snprintf(path, sizeof(path), "%s/root", pdir);
	th->root = strato_readlink(path);
	snprintf(path, sizeof(path), "%s/loginuid", pdir);
	{
		char *l = strato_read_line(path);

		if (l && *l)
			th->loginuid = (uint32_t)strtoul(l, NULL, 10);
		free(l);
	}
	snprintf(path, sizeof(path), "%s/limits", pdir);
	{
		char lim[4096];
		char *m;

		n = strato_read_file(path, lim, sizeof(lim) - 1);
		lim[n > 0 ? n : 0] = 0;
		m = strstr(lim, "Max open files");
		if (m)
			th->fdlimit = strtoull(m + 14, NULL, 10);
	}
	snprintf(path, sizeof(path), "%s/cmdline", pdir);
	{
		size_t len;
		char *cmd = strato_read_blob(path, &len);
		size_t a0 = cmd ? strnlen(cmd, len) : 0;

		th->exe = strato_strndup0(cmd ? cmd : "", a0 < STRATO_SNAP_STR ? a0 : STRATO_SNAP_STR - 1);
		if (cmd && a0 < len) {
			th->args_len = len - a0 - 1;
			th->args = strato_strndup0(cmd + a0 + 1, th->args_len);
		} else {
			th->args = strato_strndup0("", 0);
		}
		free(cmd);
	}
	snprintf(path, sizeof(path), "%s/environ", pdir);
	th->env = strato_read_blob(path, &th->env_len);
	th->cgroups = strato_read_cgroups(s, pdir, &th->cgroups_len);
	if (!th->comm || !th->exepath || !th->cwd || !th->root || !th->exe || !th->args || !th->env ||
	    !th->cgroups)
		err = -ENOMEM;
	else if (tid == pid) {
		strato_scan_netns(s, pdir);
		err = strato_snap_fds(s, th, pdir); /* threads share the table */
	}
	t->nthreads++; /* counted even on error, so clearing frees it */
	return err;
}

static int strato_snap_procs(struct strato_snap *s)
{
	DIR *d = opendir(s->proc);
	struct dirent *de;
	int err = 0;

	if (!d)
		return strato_fail(-errno, "cannot read %s: %s", s->proc, strerror(errno));
	while (!err && (de = readdir(d))) {
		char pdir[288], tdir[320];
		struct dirent *te;
		char *end;
		long pid = strtol(de->d_name, &end, 10);
		DIR *td;

		if (*end || pid <= 0)
			continue;
		snprintf(pdir, sizeof(pdir), "%s/%ld", s->proc, pid);
		snprintf(tdir, sizeof(tdir), "%s/task", pdir);
		td = opendir(tdir);
		if (!td)
			continue;
		while (!err && (te = readdir(td))) {
			long tid = strtol(te->d_name, &end, 10);

			if (*end || tid <= 0)
				continue;
			if (s->t->nthreads >= s->lim.max_threads)
				break;
			snprintf(tdir, sizeof(tdir), "%s/task/%ld", pdir, tid);
			err = strato_snap_thread(s, pid, tid, pdir, tdir);
		}
		closedir(td);
	}
	closedir(d);
	return err ? strato_fail(err, "out of memory while reading %s", s->proc) : 0;
}

/* ---- machine, users, interfaces ---- */

static void strato_snap_machine(struct strato_snap *s)
{
	struct strato_machine_info *m = &s->t->machine;
	struct timespec rt, bt;
	struct sysinfo si;
	char path[64], *l;

	m->num_cpus = (uint32_t)sysconf(_SC_NPROCESSORS_CONF);
	if (!sysinfo(&si))
		m->memory_bytes = (uint64_t)si.totalram * si.mem_unit;
	snprintf(path, sizeof(path), "%s/sys/kernel/pid_max", s->proc);
	l = strato_read_line(path);
	m->max_pid = l ? strtoull(l, NULL, 10) : 0;
	free(l);
	gethostname(m->hostname, sizeof(m->hostname) - 1);
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_BOOTTIME, &bt);
	m->boot_ts_epoch = ((uint64_t)rt.tv_sec - (uint64_t)bt.tv_sec) * 1000000000ULL + (uint64_t)rt.tv_nsec -
			   (uint64_t)bt.tv_nsec;
	s->t->has_machine = true;
}

static int strato_snap_users(struct strato_snap *s)
{
	struct strato_tables *t = s->t;
	struct passwd *pw;
	struct group *gr;
	FILE *f = fopen("/etc/passwd", "re");

	while (f && (pw = fgetpwent(f)) && t->nusers < s->lim.max_users) {
		struct strato_user_info *u;

		if (!(t->nusers & (t->nusers - 1))) {
			void *n = realloc(t->users, (t->nusers ? t->nusers * 2 : 16) * sizeof(*t->users));

			if (!n)
				break;
			t->users = n;
		}
		u = &t->users[t->nusers];
		u->uid = pw->pw_uid;
		u->gid = pw->pw_gid;
		u->name = strndup(pw->pw_name, 255);
		u->home = strndup(pw->pw_dir, 255);
		u->shell = strndup(pw->pw_shell, 255);
		t->nusers++;
		if (!u->name || !u->home || !u->shell) {
			fclose(f);
			return -ENOMEM;
		}
	}
	if (f)
		fclose(f);
	f = fopen("/etc/group", "re");
	while (f && (gr = fgetgrent(f)) && t->ngroups < s->lim.max_users) {
		if (!(t->ngroups & (t->ngroups - 1))) {
			void *n = realloc(t->groups, (t->ngroups ? t->ngroups * 2 : 16) * sizeof(*t->groups));

			if (!n)
				break;
			t->groups = n;
		}
		t->groups[t->ngroups].gid = gr->gr_gid;
		t->groups[t->ngroups].name = strndup(gr->gr_name, 255);
		if (!t->groups[t->ngroups++].name) {
			fclose(f);
			return -ENOMEM;
		}
	}
	if (f)
		fclose(f);
	return 0;
}

static int strato_snap_ifaces(struct strato_snap *s)
{
	struct strato_tables *t = s->t;
	struct ifaddrs *ifs, *i;

	if (getifaddrs(&ifs))
		return 0; /* optional information */
	for (i = ifs; i && t->nifaces < 256; i = i->ifa_next) {
		struct strato_iface_info *f;
		int v6;

		if (!i->ifa_addr || (i->ifa_addr->sa_family != AF_INET && i->ifa_addr->sa_family != AF_INET6))
			continue;
		v6 = i->ifa_addr->sa_family == AF_INET6;
		if (!(t->nifaces & (t->nifaces - 1))) {
			void *n = realloc(t->ifaces, (t->nifaces ? t->nifaces * 2 : 8) * sizeof(*t->ifaces));

			if (!n)
				break;
			t->ifaces = n;
		}
		f = &t->ifaces[t->nifaces];
		memset(f, 0, sizeof(*f));
		f->ipv6 = v6;
#define STRATO_IFA_COPY(dst, sa)                                                                     \
	do {                                                                                         \
		if (sa)                                                                              \
			memcpy(dst, v6 ? (void *)&((struct sockaddr_in6 *)(sa))->sin6_addr           \
				       : (void *)&((struct sockaddr_in *)(sa))->sin_addr, v6 ? 16 : 4); \
	} while (0)
		STRATO_IFA_COPY(f->addr, i->ifa_addr);
		STRATO_IFA_COPY(f->netmask, i->ifa_netmask);
		if (!v6)
			STRATO_IFA_COPY(f->bcast, i->ifa_broadaddr);
#undef STRATO_IFA_COPY
		f->name = strndup(i->ifa_name, 255);
		t->nifaces++;
		if (!f->name) {
			freeifaddrs(ifs);
			return -ENOMEM;
		}
	}
	freeifaddrs(ifs);
	return 0;
}

/* Controller names of the unified hierarchy, from /proc/cgroups. */
static void strato_snap_cgroup_names(struct strato_snap *s)
{
	char path[64], buf[2048];
	size_t pos = 0;
	ssize_t n;

	snprintf(path, sizeof(path), "%s/cgroups", s->proc);
	n = strato_read_file(path, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		char name[64];
		int enabled = 0;

		if (line[0] == '#' || sscanf(line, "%63s %*d %*d %d", name, &enabled) != 2 || !enabled)
			continue;
		pos += (size_t)snprintf(s->cgroup_names + pos, sizeof(s->cgroup_names) - pos, "%s%s", pos ? "," : "",
					name);
		if (pos >= sizeof(s->cgroup_names))
			break;
	}
}

int strato_proc_snapshot(struct strato_tables *t, const char *proc_root, const struct strato_proc_limits *lim)
{
	struct strato_snap s = { .proc = proc_root ? proc_root : "/proc", .t = t };
	int err;

	s.lim = lim ? *lim : (struct strato_proc_limits){ 0 };
	if (!s.lim.max_threads)
		s.lim.max_threads = 32768;
	if (!s.lim.max_fds)
		s.lim.max_fds = 262144;
	if (!s.lim.max_fds_per_process)
		s.lim.max_fds_per_process = 4096;
	if (!s.lim.max_users)
		s.lim.max_users = 4096;
	strato_snap_machine(&s);
	strato_snap_cgroup_names(&s);
	err = strato_snap_procs(&s);
	if (!err)
		err = strato_snap_users(&s);
	if (!err)
		err = strato_snap_ifaces(&s);
	for (size_t i = 0; i < s.nsocks; i++)
		free(s.socks[i].fd.name);
	free(s.socks);
	if (err) {
		strato_tables_clear(t);
		return err == -ENOMEM ? strato_fail(-ENOMEM, "out of memory during the /proc snapshot") : err;
	}
	return 0;
}
