/* lib/filter/prefilter.c: the kernel prefilter derived from a compiled
 * filter: the event types it can accept, and the top-level conjuncts on
 * process, thread, parent, name and uid that the probe can check before it
 * sends an event. Everything here must stay conservative: the probe may
 * pass events the filter rejects, never drop one it would accept, with
 * the state built from what the probe passed. */
#include "filter/filter.h"
#include "event/event_table.h"
#include "state/state.h"

/* Fields whose value for an event comes from the event alone or from the
 * identity of its thread and of that thread's ancestors: pid, parent,
 * name, executable, arguments, environment, uid, gid, cgroups. The state
 * sets those from identity events only (strato_state_identity_event), and
 * the probe never drops identity events when it checks names or uids, so
 * these fields read the same with the checks as without. Not here: fds,
 * the working directory, and everything counted over other events (evt.num,
 * evt.deltatime, thread counts). */
static bool strato_pf_local_field(const char *name)
{
	static const char *const exact[] = {
	    "evt.type",	      "evt.type.is",	 "syscall.type", "evt.dir",	   "evt.cpu",	     "evt.category",
	    "evt.res",	      "evt.rawres",	 "evt.failed",	 "evt.buffer",	   "evt.buflen",     "evt.is_io",
	    "evt.is_io_read", "evt.is_io_write", "evt.io_dir",	 "evt.is_wait",	   "evt.count",	     "evt.count.error",
	    "evt.count.exit", "evt.hostname",	 "evt.source",	 "evt.outputtime", "thread.tid",     "thread.vtid",
	    "proc.pid",	      "proc.vpid",	 "proc.ppid",	 "proc.pvpid",	   "proc.name",	     "proc.exe",
	    "proc.exepath",   "proc.args",	 "proc.cmdline", "proc.exeline",   "proc.cmdnargs",  "proc.cmdlenargs",
	    "proc.env",	      "proc.pname",	 "proc.pexe",	 "proc.pexepath",  "proc.pcmdline",  "user.uid",
	    "user.name",      "user.homedir",	 "user.shell",	 "user.loginuid",  "user.loginname", "group.gid",
	    "group.name",     "container.id",
	};
	/* with an argument or a suffix: evt.time*, evt.rawarg.X, proc.aname[N] */
	static const char *const prefix[] = {"evt.time",   "evt.datetime", "evt.rawtime", "evt.latency",  "evt.rawarg",
					     "proc.aname", "proc.apid",	   "proc.aexe",	  "proc.acmdline"};
	size_t n = strcspn(name, "[");

	for (size_t i = 0; i < STRATO_ARRAY_SIZE(exact); i++)
		if (strlen(exact[i]) == n && !strncmp(name, exact[i], n))
			return true;
	for (size_t i = 0; i < STRATO_ARRAY_SIZE(prefix); i++)
		if (!strncmp(name, prefix[i], strlen(prefix[i])))
			return true;
	return false;
}

static bool strato_pf_all_local(const struct strato_fnode *n)
{
	for (unsigned i = 0; i < n->nkids; i++)
		if (!strato_pf_all_local(n->kids[i]))
			return false;
	if (n->kind == STRATO_N_CMP && !strato_pf_local_field(n->lhs.name))
		return false;
	for (unsigned i = 0; i < n->nvals; i++)
		if (n->vals[i].ref && !strato_pf_local_field(n->vals[i].ref->name))
			return false;
	return true;
}

/* Fields answered from other processes' state (parents, ancestors,
 * session leaders): events of other pids feed them. */
static bool strato_pf_ancestor_field(const char *name)
{
	static const char *const names[] = {"proc.pname", "proc.ppid",	     "proc.pcmdline",
					    "proc.pexe",  "proc.pexepath",   "proc.pvpid",
					    "proc.sname", "proc.vpgid.name", "proc.loginshellid"};

	if (!strncmp(name, "proc.a", 6))
		return true;
	for (size_t i = 0; i < STRATO_ARRAY_SIZE(names); i++)
		if (!strncmp(name, names[i], strlen(names[i])))
			return true;
	return false;
}

static bool strato_pf_ancestors(const struct strato_fnode *n)
{
	for (unsigned i = 0; i < n->nkids; i++)
		if (strato_pf_ancestors(n->kids[i]))
			return true;
	if (n->lhs.name && strato_pf_ancestor_field(n->lhs.name))
		return true;
	for (unsigned i = 0; i < n->nvals; i++)
		if (n->vals[i].ref && strato_pf_ancestor_field(n->vals[i].ref->name))
			return true;
	return false;
}

/* Takes the integer literals of an `=`/`in` conjunct into ids[] when every
 * one lies in [lo, hi]; one out of range and the conjunct is not pushed
 * (the kernel's view of such a value may differ from the state's). */
static void strato_pf_ids(const struct strato_fnode *n, int64_t *ids, unsigned *cnt, int64_t lo, int64_t hi)
{
	for (unsigned i = 0; i < n->nvals; i++)
		if (n->vals[i].i < lo || n->vals[i].i > hi)
			return;
	for (unsigned i = 0; i < n->nvals; i++)
		ids[(*cnt)++] = n->vals[i].i;
}

/* Takes the string literals of an `=`/`in` conjunct into out[] (NUL-padded)
 * when there are at most STRATO_FPF_NAMES of 1-15 bytes, none "<NA>".
 * Process names: the kernel compares the thread's comm, which is what
 * the state holds as proc.name (at most 15 bytes); "<NA>" stands for a
 * thread without one, and a longer or empty literal can never equal a
 * comm. Container ids: 12 hex digits or "host". */
static void strato_pf_strs(const struct strato_fnode *n, char (*out)[16], unsigned *cnt)
{
	if (n->nvals > STRATO_FPF_NAMES)
		return;
	for (unsigned i = 0; i < n->nvals; i++)
		if (!n->vals[i].tlen || n->vals[i].tlen > 15 || memchr(n->vals[i].text, 0, n->vals[i].tlen) ||
		    !strcmp(n->vals[i].text, "<NA>"))
			return;
	for (unsigned i = 0; i < n->nvals; i++) {
		memset(out[i], 0, sizeof(out[i]));
		memcpy(out[i], n->vals[i].text, n->vals[i].tlen);
	}
	*cnt = n->nvals;
}

/* Top-level conjuncts `F = v` or `F in (...)` restrict every accepted
 * event, so the kernel may check them: proc.pid always (a process's own
 * events keep its state), the others only for `local` filters. */
static void strato_pf_conj(const struct strato_fnode *n, struct strato_fprefilter *pf)
{
	const char *f;

	if (n->kind == STRATO_N_AND) {
		for (unsigned i = 0; i < n->nkids; i++)
			strato_pf_conj(n->kids[i], pf);
		return;
	}
	if (n->kind != STRATO_N_CMP || n->lhs.nxf || (n->op != STRATO_OP_EQ && n->op != STRATO_OP_IN) ||
	    n->nvals > STRATO_FPF_IDS)
		return;
	for (unsigned i = 0; i < n->nvals; i++)
		if (n->vals[i].ref)
			return;
	/* A second conjunct on the same field would need an intersection;
	 * keeping the first one alone is still conservative. */
	f = n->lhs.name;
	if (!strcmp(f, "proc.pid") && !pf->npids && !pf->ancestors)
		strato_pf_ids(n, pf->pids, &pf->npids, 1, INT32_MAX);
	if (!pf->local) {
		pf->held |= !strcmp(f, "thread.tid") || !strcmp(f, "proc.ppid") || !strcmp(f, "user.uid") ||
			    !strcmp(f, "proc.name") || !strcmp(f, "container.id");
		return;
	}
	if (!strcmp(f, "thread.tid") && !pf->ntids)
		strato_pf_ids(n, pf->tids, &pf->ntids, 1, INT32_MAX);
	else if (!strcmp(f, "proc.ppid") && !pf->nppids)
		strato_pf_ids(n, pf->ppids, &pf->nppids, 1, INT32_MAX);
	else if (!strcmp(f, "user.uid") && !pf->nuids)
		strato_pf_ids(n, pf->uids, &pf->nuids, 0, UINT32_MAX - 1);
	else if (!strcmp(f, "proc.name") && !pf->nnames)
		strato_pf_strs(n, pf->names, &pf->nnames);
	else if (!strcmp(f, "container.id") && !pf->ncontainers)
		strato_pf_strs(n, pf->containers, &pf->ncontainers);
}

/* Three-valued: 0 false, 1 true, 2 unknown, for an event named `name`
 * of which only evt.type is known. */
static int strato_pf_name(const struct strato_fnode *n, const char *name)
{
	int r, all;

	switch (n->kind) {
	case STRATO_N_TYPES:
		r = 0;
		for (unsigned i = 0; i < n->nvals && !r; i++)
			r = !strcmp(n->vals[i].text, name);
		return r != n->neg;
	case STRATO_N_NOT:
		r = strato_pf_name(n->kids[0], name);
		return r == 2 ? 2 : !r;
	case STRATO_N_AND:
	case STRATO_N_OR:
		all = 1;
		for (unsigned i = 0; i < n->nkids; i++) {
			r = strato_pf_name(n->kids[i], name);
			if (r == (n->kind == STRATO_N_AND ? 0 : 1))
				return r;
			all &= r != 2;
		}
		return all ? n->kind == STRATO_N_AND : 2;
	default:
		return 2;
	}
}

bool strato_fprefilter_wants_name(const struct strato_fprefilter *pf, const char *name)
{
	return !pf->filter || strato_pf_name(pf->filter->root, name) != 0;
}

void strato_filter_prefilter(const struct strato_filter *f, struct strato_fprefilter *pf)
{
	memset(pf, 0, sizeof(*pf));
	pf->filter = f;
	pf->types = f->types;
	pf->ktypes = f->types;
	pf->all_types = true;
	pf->local = strato_pf_all_local(f->root);
	for (unsigned id = 0; id < STRATO_EVENT_TABLE_SIZE && id < STRATO_FTYPES; id++) {
		const struct strato_event_info *e = &strato_event_table[id];
		bool identity = strato_state_identity_event(id);

		if (!strato_ftypes_has(&f->types, id))
			pf->all_types = false;
		if (identity)
			pf->itypes.w[id / 64] |= 1ull << (id % 64);
		if (e->name && (pf->local ? identity
					  : (e->flags & (STRATO_EF_CREATES_FD | STRATO_EF_DESTROYS_FD |
							 STRATO_EF_MODIFIES_STATE)) != 0))
			pf->ktypes.w[id / 64] |= 1ull << (id % 64);
	}
	pf->ancestors = strato_pf_ancestors(f->root);
	strato_pf_conj(f->root, pf);
}
