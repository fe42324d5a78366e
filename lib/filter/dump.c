/* lib/filter/dump.c: the stable text form of a compiled filter (for golden
 * tests and debugging), and strato_filter_explain(), which says what runs
 * where and why (the kernel part comes from prefilter.c). */
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

static void strato_explain_ids(FILE *out, const char *what, const int64_t *ids, unsigned n, const char *field)
{
	if (!n)
		return;
	fprintf(out, "kernel: %s in", what);
	for (unsigned i = 0; i < n; i++)
		fprintf(out, " %" PRId64, ids[i]);
	fprintf(out, " (top-level %s conjunct)\n", field);
}

static void strato_explain_strs(FILE *out, const char *what, const char (*s)[16], unsigned n, const char *field)
{
	if (!n)
		return;
	fprintf(out, "kernel: %s in", what);
	for (unsigned i = 0; i < n; i++)
		fprintf(out, " \"%s\"", s[i]);
	fprintf(out, " (top-level %s conjunct)\n", field);
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
		fputs(pf.local ? "\n  plus the syscalls that set a thread's identity (clone, execve, prctl,\n"
				 "  set*id, process exit), which the filter's process fields depend on;\n"
			       : "\n  plus the syscalls that change process or fd state (clone, execve, open,\n"
				 "  close, socket, dup, ...), which later events' fields depend on;\n",
		      out);
		fputs("  generic syscall events stay: their evt.type is known only after decoding\n", out);
	}
	if (pf.ancestors)
		fputs("kernel: no pid check: the filter reads parent or ancestor fields, which\n"
		      "  events of other processes keep current\n",
		      out);
	strato_explain_ids(out, "process (tgid)", pf.pids, pf.npids, "proc.pid");
	strato_explain_ids(out, "thread id", pf.tids, pf.ntids, "thread.tid");
	strato_explain_ids(out, "parent process", pf.ppids, pf.nppids, "proc.ppid");
	strato_explain_ids(out, "effective uid", pf.uids, pf.nuids, "user.uid");
	strato_explain_strs(out, "comm", pf.names, pf.nnames, "proc.name");
	strato_explain_strs(out, "container (as user space classified the thread)", pf.containers, pf.ncontainers,
			    "container.id");
	if (pf.ntids || pf.nppids || pf.nuids || pf.nnames || pf.ncontainers)
		fputs("  (not applied to the identity syscalls, so every thread stays known)\n", out);
	else if (pf.held)
		fputs("kernel: no thread, parent, name, uid or container check: the filter reads\n"
		      "  fds, the working directory or counters, which other threads' events change\n",
		      out);
	fputs("user space: the whole filter, on every event the kernel passes: ", out);
	strato_dump_node(out, f->root);
	fputc('\n', out);
	return ferror(out) ? strato_fail(-EIO, "cannot write the explanation") : 0;
}
