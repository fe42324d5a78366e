/* lib/field/state_fields.c: the fields answered from the capture's state:
 * proc.*, thread.*, fd.*, fdlist.*, user.*, group.*, fs.path.* and
 * container.* of the thread that produced the event. */
#include "field/fields.h"
#include "state/state.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

/* Capability bit names, bit 0 first (linux/capability.h). */
static const char *const strato_cap_names[] = {
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
};

static int strato_set_s(struct strato_fval *v, const char *s)
{
	v->s = s;
	v->n = strlen(s);
	return 0;
}

/* Joins a NUL-separated list with `sep` into scratch memory, optionally
 * after a head string. */
static int strato_join(const struct strato_event *ev, struct strato_fval *v, const char *head, const char *list,
		       size_t n, char sep)
{
	size_t hl = head ? strlen(head) : 0, o = 0;
	bool any = n > 0; /* at least one (maybe empty) item */
	char *s;

	if (n && list[n - 1] == 0)
		n--; /* the last terminator; empty arguments stay */
	s = strato_field_scratch(ev, hl + 1 + n);
	if (!s)
		return -STRATO_ENOVALUE;
	if (head) {
		memcpy(s, head, hl);
		o = hl;
		if (any)
			s[o++] = ' ';
	}
	for (size_t i = 0; i < n; i++)
		s[o++] = list[i] ? list[i] : sep;
	s[o] = 0;
	v->s = s;
	v->n = o;
	return 0;
}

static int strato_caps(const struct strato_event *ev, struct strato_fval *v, uint64_t caps)
{
	char buf[1024];
	size_t o = 0;

	buf[0] = 0;
	for (unsigned i = 0; i < STRATO_ARRAY_SIZE(strato_cap_names); i++) {
		if (caps & (1ULL << i)) {
			int w = snprintf(buf + o, sizeof(buf) - o, "%s%s", o ? " " : "", strato_cap_names[i]);

			if (w > 0 && (size_t)w < sizeof(buf) - o)
				o += (size_t)w;
		}
	}
	return strato_fval_text(ev, v, "%s", buf);
}

/* The N-th ancestor (0: the thread itself). */
static struct strato_thread *strato_ancestor(const struct strato_state *st, struct strato_thread *t, int64_t n)
{
	for (int64_t i = 0; t && i < n && i < 4096; i++) {
		int64_t ptid = t->ptid;

		if (ptid <= 0 || ptid == t->tid)
			return NULL;
		t = strato_state_thread(st, ptid);
	}
	return t && !t->stub ? t : NULL;
}

/* A thread known only by its id (no process table entry, clone or
 * execve) is named "<NA>", with "<NA>" as its exe, as a value that
 * filters compare: sysdig's and the current Falco libraries' placeholder
 * for a thread they create when its first event arrives. */
static const char *strato_name_of(const char *s, const struct strato_thread *t)
{
	return s[0] || t->comm[0] ? s : "<NA>";
}

static int strato_cmdline(const struct strato_event *ev, struct strato_fval *v, const struct strato_thread *t)
{
	return strato_join(ev, v, strato_thread_name(t), t->args ? t->args : "", t->args_len, ' ');
}

static int strato_ip_of(struct strato_fval *v, const struct strato_fdent *f, bool dside)
{
	bool six = f->type == STRATO_FD_IPV6_SOCK || f->type == STRATO_FD_IPV6_SERVSOCK;

	v->ip.family = six ? 6 : 4;
	v->ip.prefix = six ? 128 : 32;
	memcpy(v->ip.addr, dside ? f->dip : f->sip, 16);
	return 0;
}

static bool strato_is_ip(const struct strato_fdent *f)
{
	return f->has_tuple && (f->type == STRATO_FD_IPV4_SOCK || f->type == STRATO_FD_IPV6_SOCK ||
				f->type == STRATO_FD_IPV4_SERVSOCK || f->type == STRATO_FD_IPV6_SERVSOCK);
}

static bool strato_is_servsock(const struct strato_fdent *f)
{
	return f->type == STRATO_FD_IPV4_SERVSOCK || f->type == STRATO_FD_IPV6_SERVSOCK;
}

static bool strato_is_filelike(const struct strato_fdent *f)
{
	return f->type == STRATO_FD_FILE || f->type == STRATO_FD_FILE_V2 || f->type == STRATO_FD_DIRECTORY;
}

/* Absolute form of path parameter `idx` (resolved against its dirfd or the
 * working directory). */
static int strato_abs_param(const struct strato_event *ev, struct strato_thread *t, int idx, struct strato_fval *v)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	const struct strato_state *st = ev->state;
	const struct strato_thread *m = strato_state_main(st, t);
	const void *p;
	size_t n;
	const char *base = m ? m->cwd : "";
	int64_t dirfd = -100;
	char *s;
	size_t o = 0, bl;

	if (idx < 0 || !ei || (unsigned)idx >= ei->nparams || strato_event_param(ev, (unsigned)idx, &p, &n))
		return -STRATO_ENOVALUE;
	n = strnlen(p, n);
	if (ei->params[idx].dirfd >= 0 && strato_event_param_int(ev, (unsigned)ei->params[idx].dirfd, &dirfd) == 0 &&
	    dirfd != -100) {
		struct strato_fdent *f = strato_state_fd(st, t, dirfd);

		base = f ? f->name : NULL;
	}
	if (n && ((const char *)p)[0] == '/')
		base = "";
	if (!base)
		return -STRATO_ENOVALUE;
	bl = strlen(base);
	s = strato_field_scratch(ev, bl + n + 2);
	if (!s)
		return -STRATO_ENOVALUE;
	memcpy(s, base, bl);
	o = bl;
	if (bl && s[bl - 1] != '/' && n)
		s[o++] = '/';
	/* resolve . and .. segments */
	for (size_t i = 0; i < n;) {
		const char *q = (const char *)p + i;
		size_t j = 0;

		while (i + j < n && q[j] != '/')
			j++;
		if (j == 0 || (j == 1 && q[0] == '.')) {
		} else if (j == 2 && q[0] == '.' && q[1] == '.') {
			if (o > 1) {
				o--;
				while (o > 0 && s[o - 1] != '/')
					o--;
			}
		} else {
			if (o == 0 || s[o - 1] != '/')
				s[o++] = '/';
			memcpy(s + o, q, j);
			o += j;
			s[o++] = '/';
		}
		i += j + 1;
	}
	if (o > 1 && s[o - 1] == '/')
		o--;
	s[o] = 0;
	v->s = s;
	v->n = o;
	return 0;
}

/* The n-th (0-based) path parameter of the event. */
static int strato_path_param(const struct strato_event *ev, int which)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);

	for (unsigned i = 0; ei && i < ei->nparams && i < ev->nparams; i++) {
		enum strato_ptype t = ei->params[i].type;

		if (t == STRATO_PT_FSPATH || t == STRATO_PT_FSRELPATH) {
			if (which-- == 0)
				return (int)i;
		}
	}
	return -1;
}

static int strato_fdlist(const struct strato_event *ev, struct strato_thread *t, int id, struct strato_fval *v)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	const uint8_t *p = NULL;
	size_t n = 0, o = 0;
	char buf[4096];

	for (unsigned i = 0; ei && i < ei->nparams && i < ev->nparams; i++) {
		const void *d;

		if (ei->params[i].type == STRATO_PT_FDLIST && strato_event_param(ev, i, &d, &n) == 0) {
			p = d;
			break;
		}
	}
	if (!p || n < 2)
		return -STRATO_ENOVALUE;
	buf[0] = 0;
	for (unsigned k = 0, cnt = strato_ld16(p); k < cnt && 2 + (size_t)k * 10 + 10 <= n; k++) {
		int64_t fd = (int64_t)strato_ld64(p + 2 + (size_t)k * 10);
		struct strato_fdent *f = strato_state_fd(ev->state, t, fd);
		char item[512], ip[64];
		int w;

		item[0] = 0;
		switch (id) {
		case STRATO_F_FDLIST_NUMS:
			snprintf(item, sizeof(item), "%" PRId64, fd);
			break;
		case STRATO_F_FDLIST_NAMES:
			snprintf(item, sizeof(item), "%s", f ? f->name : "");
			break;
		default:
			if (!f || !strato_is_ip(f))
				continue;
			if (id == STRATO_F_FDLIST_CPORTS || id == STRATO_F_FDLIST_SPORTS) {
				snprintf(item, sizeof(item), "%u", id == STRATO_F_FDLIST_CPORTS ? f->sport : f->dport);
			} else {
				struct strato_fval iv;

				strato_ip_of(&iv, f, id == STRATO_F_FDLIST_SIPS);
				inet_ntop(iv.ip.family == 6 ? AF_INET6 : AF_INET, iv.ip.addr, ip, sizeof(ip));
				snprintf(item, sizeof(item), "%s", ip);
			}
		}
		if (!item[0])
			continue;
		w = snprintf(buf + o, sizeof(buf) - o, "%s%s", o ? "," : "", item);
		if (w < 0 || (size_t)w >= sizeof(buf) - o)
			break;
		o += (size_t)w;
	}
	return strato_fval_text(ev, v, "%s", buf);
}

/* A failed open: sysdig shows fd -1 as a file named by the path it
 * asked for. 0 (answered in v), -STRATO_ENOVALUE, or 1 when the event is
 * not a failed fd creation. */
static int strato_failed_open(const struct strato_event *ev, struct strato_thread *t, unsigned id,
			      struct strato_fval *v)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	int idx = strato_path_param(ev, 0);
	const char *sl;

	if (!ei || !(ei->flags & STRATO_EF_CREATES_FD) || idx < 0)
		return 1;
	if (strato_abs_param(ev, t, idx, v))
		return -STRATO_ENOVALUE;
	switch (id) {
	case STRATO_F_FD_TYPECHAR:
		return strato_set_s(v, "f");
	case STRATO_F_FD_NAME:
	case STRATO_F_FD_NAMERAW:
		return 0;
	case STRATO_F_FD_DIRECTORY:
		sl = strrchr(v->s, '/');
		if (sl) {
			v->n = sl == v->s ? 1 : (size_t)(sl - v->s);
			((char *)v->s)[v->n] = 0;
		}
		return 0;
	default:
		return -STRATO_ENOVALUE;
	}
}

int strato_extract_state(const struct strato_field *f, const struct strato_event *ev, struct strato_fval *v)
{
	struct strato_state *st = ev->state;
	bool cur = st->cur_done == ev; /* resolved by the update */
	struct strato_thread *t = cur ? st->cur_thread : strato_state_thread(st, strato_event_tid(ev)), *m, *a;
	struct strato_fdent *fd = NULL;
	const struct strato_user *u;
	const char *kind;
	char pod[40];
	unsigned id = f->def->id;
	int64_t num;

	/* the most asked-for field, first (filters on process names) */
	if (id == STRATO_F_PROC_NAME && t && !t->stub)
		return strato_set_s(v, strato_thread_name(t));
	if (id == STRATO_F_THREAD_TID) {
		v->i = strato_event_tid(ev);
		return 0;
	}
	if (!t || t->stub)
		return -STRATO_ENOVALUE;
	m = cur ? st->cur_main : strato_state_main(st, t);
	if (!m)
		m = t;
	if (id >= STRATO_F_FD_NUM && id <= STRATO_F_FD_NAMERAW) {
		num = cur ? st->cur_fdnum : strato_event_fd_num(ev);
		if (num == STRATO_NO_FD)
			return -STRATO_ENOVALUE;
		if (id == STRATO_F_FD_NUM) {
			v->i = num;
			return 0;
		}
		fd = cur ? st->cur_fd : strato_state_fd(st, t, num);
		if (!fd && num == -1) {
			int rc = strato_failed_open(ev, t, id, v);

			if (rc <= 0)
				return rc;
		}
		if (!fd) {
			/* an fd the state never saw open: sysdig shows it as
			 * an unnamed fd of unknown type */
			switch (id) {
			case STRATO_F_FD_TYPECHAR:
				return strato_set_s(v, "o");
			case STRATO_F_FD_NAME:
			case STRATO_F_FD_NAMERAW:
				return strato_set_s(v, "");
			case STRATO_F_FD_DIRECTORY:
				return strato_set_s(v, "/");
			default:
				return -STRATO_ENOVALUE;
			}
		}
	}
	switch (id) {
	case STRATO_F_PROC_PID:
		v->i = t->pid;
		return 0;
	case STRATO_F_PROC_PPID:
		v->i = m->ptid;
		return 0;
	case STRATO_F_PROC_VPID:
		if (t->vpid < 0)
			return -STRATO_ENOVALUE;
		v->i = t->vpid;
		return 0;
	case STRATO_F_PROC_PVPID:
		a = strato_ancestor(st, t, 1);
		if (!a)
			return -STRATO_ENOVALUE;
		v->i = a->vpid;
		return 0;
	case STRATO_F_THREAD_VTID:
		if (t->vtid < 0)
			return -STRATO_ENOVALUE;
		v->i = t->vtid;
		return 0;
	case STRATO_F_PROC_NAME:
		return strato_set_s(v, strato_thread_name(t));
	case STRATO_F_PROC_EXE:
		return t->exe[0] || !t->comm[0] ? strato_set_s(v, strato_name_of(t->exe, t)) : -STRATO_ENOVALUE;
	case STRATO_F_PROC_EXEPATH:
		return strato_set_s(v, t->exepath);
	case STRATO_F_PROC_ARGS:
		return strato_join(ev, v, NULL, t->args ? t->args : "", t->args_len, ' ');
	case STRATO_F_PROC_CMDLINE:
		return strato_cmdline(ev, v, t);
	case STRATO_F_PROC_EXELINE:
		return strato_join(ev, v, t->exe, t->args ? t->args : "", t->args_len, ' ');
	case STRATO_F_PROC_CMDNARGS:
	case STRATO_F_PROC_CMDLENARGS: {
		uint64_t cnt = 0, len = 0;

		for (size_t i = 0; t->args && i < t->args_len;) {
			size_t l = strnlen(t->args + i, t->args_len - i);

			cnt++;
			len += l;
			i += l + 1;
		}
		v->i = (int64_t)(id == STRATO_F_PROC_CMDNARGS ? cnt : len);
		return 0;
	}
	case STRATO_F_PROC_ENV:
		if (f->argname) {
			size_t al = strlen(f->argname);

			for (size_t i = 0; t->env && i < t->env_len;) {
				const char *e = t->env + i;
				size_t l = strnlen(e, t->env_len - i);

				if (l > al && !strncmp(e, f->argname, al) && e[al] == '=')
					return strato_fval_text(ev, v, "%.*s", (int)(l - al - 1), e + al + 1);
				i += l + 1;
			}
			return -STRATO_ENOVALUE;
		}
		return strato_join(ev, v, NULL, t->env ? t->env : "", t->env_len, ' ');
	case STRATO_F_PROC_CWD:
		return strato_set_s(v, m->cwd);
	case STRATO_F_PROC_TTY:
		v->i = t->tty;
		return 0;
	case STRATO_F_PROC_SID:
		v->i = t->sid;
		return 0;
	case STRATO_F_PROC_SNAME:
		if (!(a = strato_state_thread(st, t->sid)))
			return -STRATO_ENOVALUE;
		return strato_set_s(v, a->comm);
	case STRATO_F_PROC_PGID:
		v->i = t->pgid;
		return 0;
	case STRATO_F_PROC_VPGID:
		v->i = t->vpgid;
		return 0;
	case STRATO_F_PROC_VPGID_NAME:
		if (!(a = strato_state_thread(st, t->vpgid)))
			return -STRATO_ENOVALUE;
		return strato_set_s(v, a->comm);
	case STRATO_F_PROC_LOGINSHELLID: {
		int64_t found = -1;

		for (int64_t i = 0; (a = strato_ancestor(st, t, i)) && i < 4096; i++) {
			size_t l = strlen(a->comm);

			if (l >= 2 && !strcmp(a->comm + l - 2, "sh"))
				found = a->pid;
		}
		if (found < 0)
			return -STRATO_ENOVALUE;
		v->i = found;
		return 0;
	}
	case STRATO_F_PROC_PNAME:
	case STRATO_F_PROC_PCMDLINE:
	case STRATO_F_PROC_PEXE:
	case STRATO_F_PROC_PEXEPATH:
	case STRATO_F_PROC_ANAME:
	case STRATO_F_PROC_APID:
	case STRATO_F_PROC_ACMDLINE:
	case STRATO_F_PROC_AEXE:
	case STRATO_F_PROC_AEXEPATH:
		/* sysdig: the p* fields take the thread's own parent, the a*
		 * fields walk up from the process's main thread */
		num = id <= STRATO_F_PROC_PEXEPATH || f->idx < 0 ? 1 : f->idx;
		if (!(a = strato_ancestor(st, id <= STRATO_F_PROC_PEXEPATH || num == 0 ? t : m, num)))
			return -STRATO_ENOVALUE;
		switch (id) {
		case STRATO_F_PROC_PNAME:
		case STRATO_F_PROC_ANAME:
			return strato_set_s(v, strato_thread_name(a));
		case STRATO_F_PROC_PEXE:
		case STRATO_F_PROC_AEXE:
			return a->exe[0] || !a->comm[0] ? strato_set_s(v, strato_name_of(a->exe, a)) : -STRATO_ENOVALUE;
		case STRATO_F_PROC_PEXEPATH:
		case STRATO_F_PROC_AEXEPATH:
			return a->exepath[0] ? strato_set_s(v, a->exepath) : -STRATO_ENOVALUE;
		case STRATO_F_PROC_APID:
			v->i = a->pid;
			return 0;
		default:
			return strato_cmdline(ev, v, a);
		}
	case STRATO_F_PROC_IS_EXE_WRITABLE:
		v->i = t->exe_writable;
		return 0;
	case STRATO_F_PROC_DURATION:
		if (!t->clone_ts || strato_event_ts(ev) < t->clone_ts)
			return -STRATO_ENOVALUE;
		v->i = (int64_t)(strato_event_ts(ev) - t->clone_ts);
		return 0;
	case STRATO_F_PROC_IS_EXE_UPPER_LAYER:
		v->i = t->exe_upper_layer;
		return 0;
	case STRATO_F_PROC_IS_EXE_FROM_MEMFD:
		v->i = t->exe_from_memfd;
		return 0;
	case STRATO_F_PROC_IS_SID_LEADER:
		v->i = t->sid == t->pid;
		return 0;
	case STRATO_F_PROC_IS_VPGID_LEADER:
		v->i = t->vpgid == t->vpid;
		return 0;
	case STRATO_F_PROC_IS_PGID_LEADER:
		v->i = t->pgid == t->pid;
		return 0;
	case STRATO_F_PROC_FDOPENCOUNT:
		v->i = (int64_t)m->fds.n;
		return 0;
	case STRATO_F_PROC_FDLIMIT:
		v->i = (int64_t)m->fdlimit;
		return 0;
	case STRATO_F_PROC_VMSIZE:
	case STRATO_F_THREAD_VMSIZE:
		v->i = m->vmsize_kb;
		return 0;
	case STRATO_F_PROC_VMRSS:
	case STRATO_F_THREAD_VMRSS:
		v->i = m->vmrss_kb;
		return 0;
	case STRATO_F_PROC_VMSWAP:
		v->i = m->vmswap_kb;
		return 0;
	case STRATO_F_PROC_NTHREADS:
		v->i = (int64_t)m->nthreads + 1;
		return 0;
	case STRATO_F_PROC_NCHILDS:
		v->i = m->nthreads;
		return 0;
	case STRATO_F_THREAD_ISMAIN:
		v->i = t->tid == t->pid;
		return 0;
	case STRATO_F_THREAD_CGROUPS:
		if (!t->cgroups)
			return -STRATO_ENOVALUE;
		return strato_join(ev, v, NULL, t->cgroups, t->cgroups_len, ' ');
	case STRATO_F_THREAD_CGROUP: {
		size_t al = strlen(f->argname ? f->argname : "");

		for (size_t i = 0; f->argname && t->cgroups && i < t->cgroups_len;) {
			const char *e = t->cgroups + i;
			size_t l = strnlen(e, t->cgroups_len - i);

			if (l > al && !strncmp(e, f->argname, al) && e[al] == '=')
				return strato_fval_text(ev, v, "%.*s", (int)(l - al - 1), e + al + 1);
			i += l + 1;
		}
		return -STRATO_ENOVALUE;
	}
	case STRATO_F_THREAD_CAP_PERMITTED:
		return strato_caps(ev, v, t->cap_permitted);
	case STRATO_F_THREAD_CAP_INHERITABLE:
		return strato_caps(ev, v, t->cap_inheritable);
	case STRATO_F_THREAD_CAP_EFFECTIVE:
		return strato_caps(ev, v, t->cap_effective);
	case STRATO_F_THREAD_PFMAJOR:
		v->i = (int64_t)t->pfmajor;
		return 0;
	case STRATO_F_THREAD_PFMINOR:
		v->i = (int64_t)t->pfminor;
		return 0;
	/* fd */
	case STRATO_F_FD_TYPE:
		return strato_fd_typename(fd->type) ? strato_set_s(v, strato_fd_typename(fd->type)) : -STRATO_ENOVALUE;
	case STRATO_F_FD_TYPECHAR: {
		/* one string per letter: no scratch memory */
		static const char letters[] = "o\0f\0d\0" "4\0" "6\0" "2\0" "3\0p\0u\0e\0s\0l\0i\0t\0n\0b\0r\0m\0P";
		const char *l = memchr(letters, strato_fd_typechar(fd->type), sizeof(letters));

		return l ? strato_set_s(v, l) : strato_fval_text(ev, v, "%c", strato_fd_typechar(fd->type));
	}
	case STRATO_F_FD_NAME:
	case STRATO_F_FD_NAMERAW:
		v->s = fd->name;
		v->n = fd->name_len;
		return 0;
	case STRATO_F_FD_DIRECTORY:
	case STRATO_F_FD_FILENAME: {
		const char *sl;

		if (!strato_is_filelike(fd))
			return -STRATO_ENOVALUE;
		if (fd->type == STRATO_FD_DIRECTORY)
			return id == STRATO_F_FD_DIRECTORY ? strato_set_s(v, fd->name) : -STRATO_ENOVALUE;
		sl = strrchr(fd->name, '/');
		if (!sl)
			return id == STRATO_F_FD_DIRECTORY ? -STRATO_ENOVALUE : strato_set_s(v, fd->name);
		if (id == STRATO_F_FD_FILENAME)
			return strato_set_s(v, sl + 1);
		return strato_fval_text(ev, v, "%.*s", sl == fd->name ? 1 : (int)(sl - fd->name), fd->name);
	}
	case STRATO_F_FD_IP:
	case STRATO_F_FD_NET:
		if (!strato_is_ip(fd))
			return -STRATO_ENOVALUE;
		return strato_ip_of(v, fd, strato_is_servsock(fd));
	case STRATO_F_FD_CIP:
	case STRATO_F_FD_CNET:
		if (!strato_is_ip(fd) || strato_is_servsock(fd) || fd->bound_only)
			return -STRATO_ENOVALUE;
		return strato_ip_of(v, fd, false);
	case STRATO_F_FD_SIP:
	case STRATO_F_FD_SNET:
		if (!strato_is_ip(fd))
			return -STRATO_ENOVALUE;
		return strato_ip_of(v, fd, !strato_is_servsock(fd));
	case STRATO_F_FD_LIP:
	case STRATO_F_FD_LNET:
	case STRATO_F_FD_RIP:
	case STRATO_F_FD_RNET:
		if (!strato_is_ip(fd) || strato_is_servsock(fd) || fd->role == STRATO_ROLE_NONE)
			return -STRATO_ENOVALUE;
		return strato_ip_of(
		    v, fd, (fd->role == STRATO_ROLE_SERVER) == (id == STRATO_F_FD_LIP || id == STRATO_F_FD_LNET));
	case STRATO_F_FD_PORT:
		if (!strato_is_ip(fd))
			return -STRATO_ENOVALUE;
		v->i = strato_is_servsock(fd) ? fd->dport : fd->sport;
		return 0;
	case STRATO_F_FD_CPORT:
		if (fd->unix_from_table && fd->type == STRATO_FD_UNIX_SOCK) {
			/* what sysdig 0.29.3 shows for a unix socket it read
			 * from the file's fd list (compatibility.md) */
			v->i = 0;
			return 0;
		}
		if (!strato_is_ip(fd) || strato_is_servsock(fd))
			return -STRATO_ENOVALUE;
		v->i = fd->sport;
		return 0;
	case STRATO_F_FD_SPORT:
		if (!strato_is_ip(fd))
			return -STRATO_ENOVALUE;
		v->i = strato_is_servsock(fd) ? fd->sport : fd->dport;
		return 0;
	case STRATO_F_FD_LPORT:
	case STRATO_F_FD_RPORT:
		if (!strato_is_ip(fd) || strato_is_servsock(fd) || fd->role == STRATO_ROLE_NONE)
			return -STRATO_ENOVALUE;
		v->i = (fd->role == STRATO_ROLE_SERVER) == (id == STRATO_F_FD_LPORT) ? fd->dport : fd->sport;
		return 0;
	case STRATO_F_FD_L4PROTO: {
		static const char *const l4[] = {NULL, NULL, "tcp", "udp", "icmp", "raw"};

		if (!strato_is_ip(fd) || fd->l4proto >= STRATO_ARRAY_SIZE(l4) || !l4[fd->l4proto])
			return -STRATO_ENOVALUE;
		return strato_set_s(v, l4[fd->l4proto]);
	}
	case STRATO_F_FD_SOCKFAMILY:
		if (fd->type >= STRATO_FD_IPV4_SOCK && fd->type <= STRATO_FD_IPV6_SERVSOCK)
			return strato_set_s(v, "ip");
		if (fd->type == STRATO_FD_UNIX_SOCK)
			return strato_set_s(v, "unix");
		return -STRATO_ENOVALUE;
	case STRATO_F_FD_IS_SERVER:
		v->i = strato_is_servsock(fd) || fd->role == STRATO_ROLE_SERVER;
		return 0;
	case STRATO_F_FD_CONNECTED:
		v->i = (strato_is_ip(fd) || fd->type == STRATO_FD_UNIX_SOCK) && fd->name[0];
		return 0;
	case STRATO_F_FD_CIP_NAME:
	case STRATO_F_FD_SIP_NAME:
	case STRATO_F_FD_LIP_NAME:
	case STRATO_F_FD_RIP_NAME:
		/* filters compare it through resolved addresses (lib/field/dns.c);
		 * there is no address-to-name cache to print from */
		return -STRATO_ENOVALUE;
	case STRATO_F_FD_NAME_CHANGED:
		/* a failed connect's name lasts this event only (pending_restore
		 * puts the old one back): sysdig 0.29.3 reports no change */
		v->i = st->nc_ev == ev && !st->pending_restore && strato_fd_name_hash(fd->name) != st->nc_hash;
		return 0;
	case STRATO_F_FD_DEV:
		if (!strato_is_filelike(fd))
			return -STRATO_ENOVALUE;
		v->i = fd->dev;
		return 0;
	case STRATO_F_FD_DEV_MAJOR:
		if (!strato_is_filelike(fd))
			return -STRATO_ENOVALUE;
		v->i = fd->dev >> 20;
		return 0;
	case STRATO_F_FD_DEV_MINOR:
		if (!strato_is_filelike(fd))
			return -STRATO_ENOVALUE;
		v->i = fd->dev & 0xfffff;
		return 0;
	case STRATO_F_FD_INO:
		if (!strato_is_filelike(fd))
			return -STRATO_ENOVALUE;
		v->i = (int64_t)fd->ino;
		return 0;
	case STRATO_F_FD_UID:
		return strato_fval_text(ev, v, "%" PRId64 "%" PRId64, t->tid, fd->fd);
	case STRATO_F_FDLIST_NUMS:
	case STRATO_F_FDLIST_NAMES:
	case STRATO_F_FDLIST_CIPS:
	case STRATO_F_FDLIST_SIPS:
	case STRATO_F_FDLIST_CPORTS:
	case STRATO_F_FDLIST_SPORTS:
		return strato_fdlist(ev, t, (int)id, v);
	/* users */
	case STRATO_F_USER_UID:
		v->i = t->uid;
		return 0;
	case STRATO_F_USER_NAME:
	case STRATO_F_USER_HOMEDIR:
	case STRATO_F_USER_SHELL:
		/* a user the capture does not list (one in a container): uid 0
		 * is still root, as in sysdig and the current libraries */
		if (!(u = strato_thread_user(st, t, t->uid)) && t->uid == 0 && id != STRATO_F_USER_SHELL)
			return strato_set_s(v, id == STRATO_F_USER_NAME ? "root" : "/root");
		if (!u)
			return -STRATO_ENOVALUE;
		return strato_set_s(v, id == STRATO_F_USER_NAME	     ? u->name
				       : id == STRATO_F_USER_HOMEDIR ? u->home
								     : u->shell);
	case STRATO_F_USER_LOGINUID:
		v->i = (int32_t)t->loginuid;
		return 0;
	case STRATO_F_USER_LOGINNAME:
		if (t->loginuid == UINT32_MAX || !(u = strato_thread_user(st, t, t->loginuid)))
			return t->loginuid == 0 ? strato_set_s(v, "root") : -STRATO_ENOVALUE;
		return strato_set_s(v, u->name);
	case STRATO_F_GROUP_GID:
		v->i = t->gid;
		return 0;
	case STRATO_F_GROUP_NAME:
		if (!(u = strato_thread_group(st, t, t->gid)))
			return t->gid == 0 ? strato_set_s(v, "root") : -STRATO_ENOVALUE;
		return strato_set_s(v, u->name);
	/* paths */
	case STRATO_F_EVT_ABSPATH:
		return strato_abs_param(ev, t, strato_path_param(ev, f->argname && !strcmp(f->argname, "dst") ? 1 : 0),
					v);
	case STRATO_F_FS_PATH_NAME:
		if (strato_path_param(ev, 1) >= 0)
			return -STRATO_ENOVALUE;
		return strato_abs_param(ev, t, strato_path_param(ev, 0), v);
	case STRATO_F_FS_PATH_SOURCE:
	case STRATO_F_FS_PATH_TARGET:
		if (strato_path_param(ev, 1) < 0)
			return -STRATO_ENOVALUE;
		return strato_abs_param(ev, t, strato_path_param(ev, id == STRATO_F_FS_PATH_TARGET), v);
	/* containers */
	case STRATO_F_CONTAINER_ID:
		return strato_set_s(v, strato_thread_container(t, NULL, NULL, 0));
	case STRATO_F_CONTAINER_TYPE:
		strato_thread_container(t, &kind, NULL, 0);
		return kind ? strato_set_s(v, kind) : -STRATO_ENOVALUE;
	case STRATO_F_CONTAINER_NAME:
		if (strcmp(strato_thread_container(t, NULL, NULL, 0), "host"))
			return -STRATO_ENOVALUE;
		return strato_set_s(v, "host");
	case STRATO_F_K8S_POD_UID:
		strato_thread_container(t, NULL, pod, sizeof(pod));
		return pod[0] ? strato_fval_text(ev, v, "%s", pod) : -STRATO_ENOVALUE;
	}
	return -STRATO_ENOVALUE;
}
