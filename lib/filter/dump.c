/* lib/filter/dump.c: the stable text form of a compiled filter (for golden
 * tests and debugging), the kernel prefilter derived from a filter, and
 * strato_filter_explain(), which says what runs where and why. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include "filter/filter.h"
#include "event/event_table.h"

static void strato_dump_str(FILE *o, const char *s, size_t n)
{
	fputc('"', o);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(o, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", o);
		else if (c == '\t')
			fputs("\\t", o);
		else if (c < 32 || c >= 127)
			fprintf(o, "\\x%02x", c);
		else
			fputc(c, o);
	}
	fputc('"', o);
}

static void strato_dump_ref(FILE *o, const struct strato_fref *r)
{
	for (unsigned i = 0; i < r->nxf; i++)
		fprintf(o, "(%s ", strato_fxform_names[r->xf[i]]);
	fprintf(o, "%s:%s", r->name, strato_filter_ptype_name(r->type));
	for (unsigned i = 0; i < r->nxf; i++)
		fputc(')', o);
}

static void strato_dump_val(FILE *o, const struct strato_fnode *n, const struct strato_flit *v)
{
	char ip[INET6_ADDRSTRLEN];

	if (v->ref) {
		fputs("(val ", o);
		strato_dump_ref(o, v->ref);
		fputc(')', o);
		return;
	}
	if (n->kind == STRATO_N_TYPES) {
		fputs(v->text, o);
		return;
	}
	if (n->op == STRATO_OP_BCONTAINS || n->op == STRATO_OP_BSTARTSWITH) {
		fputs("x\"", o);
		for (size_t i = 0; i < v->nbytes; i++)
			fprintf(o, "%02x", v->bytes[i]);
		fputc('"', o);
		return;
	}
	switch (n->lhs.klass) {
	case STRATO_C_NUM:
		fprintf(o, "%" PRId64, v->i);
		break;
	case STRATO_C_UNUM:
		fprintf(o, "%" PRIu64, v->u);
		break;
	case STRATO_C_DOUBLE:
		fprintf(o, "%g", v->d);
		break;
	case STRATO_C_IP:
		inet_ntop(v->ip.family == 4 ? AF_INET : AF_INET6, v->ip.addr, ip, sizeof(ip));
		fprintf(o, "%s/%u", ip, v->ip.prefix);
		break;
	default:
		strato_dump_str(o, v->text, v->tlen);
		break;
	}
}

static void strato_dump_node(FILE *o, const struct strato_fnode *n)
{
	switch (n->kind) {
	case STRATO_N_AND:
	case STRATO_N_OR:
	case STRATO_N_NOT:
		fputs(n->kind == STRATO_N_AND ? "(and" : n->kind == STRATO_N_OR ? "(or" : "(not", o);
		for (unsigned i = 0; i < n->nkids; i++) {
			fputc(' ', o);
			strato_dump_node(o, n->kids[i]);
		}
		fputc(')', o);
		return;
	case STRATO_N_TYPES:
	case STRATO_N_CMP:
		fprintf(o, "(%s ", strato_fop_names[n->op]);
		if (n->kind == STRATO_N_TYPES)
			fputs("evt.type:types", o);
		else
			strato_dump_ref(o, &n->lhs);
		if (n->op == STRATO_OP_EXISTS) {
			fputc(')', o);
			return;
		}
		bool list = n->op == STRATO_OP_IN || n->op == STRATO_OP_INTERSECTS || n->op == STRATO_OP_PMATCH;
		fputs(list ? " (" : " ", o);
		for (unsigned i = 0; i < n->nvals; i++) {
			if (i)
				fputc(' ', o);
			strato_dump_val(o, n, &n->vals[i]);
		}
		fputs(list ? "))" : ")", o);
		return;
	}
}

int strato_filter_dump(const strato_filter *f, FILE *out)
{
	if (!f || !out)
		return strato_fail(-EINVAL, "strato_filter_dump: NULL argument");
	strato_dump_node(out, f->root);
	fputc('\n', out);
	return ferror(out) ? strato_fail(-EIO, "cannot write the filter dump") : 0;
}

/* Top-level conjuncts `proc.pid = N`, `proc.pid in (...)`, `thread.tid = N`
 * restrict every accepted event, so the kernel may check them. */
static void strato_pf_conj(const struct strato_fnode *n, struct strato_fprefilter *pf)
{
	int64_t *dst;
	unsigned *cnt;

	if (n->kind == STRATO_N_AND) {
		for (unsigned i = 0; i < n->nkids; i++)
			strato_pf_conj(n->kids[i], pf);
		return;
	}
	if (n->kind != STRATO_N_CMP || n->lhs.nxf || (n->op != STRATO_OP_EQ && n->op != STRATO_OP_IN))
		return;
	if (!strcmp(n->lhs.name, "proc.pid")) {
		dst = pf->pids;
		cnt = &pf->npids;
	} else if (!strcmp(n->lhs.name, "thread.tid") || !strcmp(n->lhs.name, "evt.tid")) {
		dst = pf->tids;
		cnt = &pf->ntids;
	} else {
		return;
	}
	/* A second conjunct on the same field would need an intersection;
	 * keeping the first one alone is still conservative. */
	if (*cnt || n->nvals > STRATO_ARRAY_SIZE(pf->pids))
		return;
	for (unsigned i = 0; i < n->nvals; i++)
		if (n->vals[i].ref)
			return;
	for (unsigned i = 0; i < n->nvals; i++)
		dst[(*cnt)++] = n->vals[i].i;
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
	for (unsigned id = 0; id < STRATO_EVENT_TABLE_SIZE; id++) {
		const struct strato_event_info *e = &strato_event_table[id];

		if (!strato_ftypes_has(&f->types, id))
			pf->all_types = false;
		if (e->name && (e->flags & (STRATO_EF_CREATES_FD | STRATO_EF_DESTROYS_FD | STRATO_EF_MODIFIES_STATE)) &&
		    id < STRATO_FTYPES)
			pf->ktypes.w[id / 64] |= 1ull << (id % 64);
	}
	pf->ancestors = strato_pf_ancestors(f->root);
	if (!pf->ancestors)
		strato_pf_conj(f->root, pf);
}

int strato_filter_explain(const strato_filter *f, FILE *out)
{
	struct strato_fprefilter pf;
	unsigned n = 0;

	if (!f || !out)
		return strato_fail(-EINVAL, "strato_filter_explain: NULL argument");
	strato_filter_prefilter(f, &pf);
	if (pf.all_types) {
		fputs("kernel: all event types (no top-level restriction on evt.type)\n", out);
	} else {
		for (unsigned id = 0; id < STRATO_EVENT_TABLE_SIZE; id++)
			n += strato_ftypes_has(&pf.types, id) && strato_event_table[id].name;
		fprintf(out, "kernel: only syscalls of %u event types the filter can accept:", n);
		for (unsigned id = 2; id < STRATO_EVENT_TABLE_SIZE; id++) {
			const char *nm = strato_event_table[id].name;
			bool seen = false;

			if (!nm || !(id & 1) || !strato_ftypes_has(&pf.types, id))
				continue;
			for (unsigned j = 3; j < id && !seen; j += 2)
				seen = strato_ftypes_has(&pf.types, j) && strato_event_table[j].name &&
				       !strcmp(strato_event_table[j].name, nm);
			if (!seen)
				fprintf(out, " %s", nm);
		}
		fputs("\n  plus the syscalls that change process or fd state (clone, execve, open,\n"
		      "  close, socket, dup, ...), which later events' fields depend on;\n"
		      "  generic syscall events stay: their evt.type is known only after decoding\n",
		      out);
	}
	if (pf.ancestors)
		fputs("kernel: no pid check: the filter reads parent or ancestor fields, which\n"
		      "  events of other processes keep current\n",
		      out);
	if (pf.npids) {
		fputs("kernel: process (tgid) in", out);
		for (unsigned i = 0; i < pf.npids; i++)
			fprintf(out, " %" PRId64, pf.pids[i]);
		fputs(" (top-level proc.pid conjunct)\n", out);
	}
	if (pf.ntids) {
		fputs("user space early check: thread id in", out);
		for (unsigned i = 0; i < pf.ntids; i++)
			fprintf(out, " %" PRId64, pf.tids[i]);
		fputs(" (the probe filters on process ids only)\n", out);
	}
	fputs("user space: the whole filter, on every event the kernel passes: ", out);
	strato_dump_node(out, f->root);
	fputs("\n  (thread ids, ppid, names, users and containers are not checked in the kernel)\n", out);
	return ferror(out) ? strato_fail(-EIO, "cannot write the explanation") : 0;
}
