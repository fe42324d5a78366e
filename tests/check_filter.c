/* tests/check_filter.c: the filter compiler in three table-driven shapes:
 * accept (expression -> dump), reject (expression -> message and offset),
 * apply (expression x sample capture -> number of matching exit events, the
 * counts taken from sysdig 0.29.3); plus macros/lists, rule sets and the
 * kernel prefilter's safety on random filters and sample events. */
#include <check.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stratocore/stratocore.h>
#include "filter/filter.h"
#include "event/event_table.h"
#include "state/state.h"
#include "testutil.h"

#define STRATO_SAMPLE "scap-samples/falcosecurity-libs/curl_google.scap"

static const char *sample(void)
{
	static char buf[1024];

	return strato_test_shared(STRATO_SAMPLE, buf, sizeof(buf));
}

static char *dump_of(const char *expr, const strato_filter_defs *defs)
{
	STRATO_OPTS(strato_filter_opts, o, .defs = defs);
	struct strato_filter_error err;
	strato_filter *f;
	char *buf = NULL;
	size_t len = 0;
	FILE *m;
	int rc = strato_filter_compile(&f, expr, &o, &err);

	ck_assert_msg(rc == 0, "%s: %s at %zu", expr, err.message, err.offset);
	m = open_memstream(&buf, &len);
	ck_assert_int_eq(strato_filter_dump(f, m), 0);
	fclose(m);
	strato_filter_free(f);
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = 0;
	return buf;
}

static const struct {
	const char *expr, *dump;
} accept[] = {
#include "data/filter-accept.inc"
};

START_TEST(test_accept)
{
	char *d = dump_of(accept[_i].expr, NULL);

	ck_assert_msg(!strcmp(d, accept[_i].dump), "%s\n got  %s\n want %s", accept[_i].expr, d, accept[_i].dump);
	free(d);
}
END_TEST

static const struct {
	const char *expr;
	int rc;
	size_t off, len;
	const char *msg; /* the start of the message */
} reject[] = {
    {"", -STRATO_ESYNTAX, 0, 0, "empty expression"},
    {"proc.name =", -STRATO_ESYNTAX, 11, 0, "expected a value"},
    {"proc.name = nginx and", -STRATO_ESYNTAX, 21, 0, "unexpected end"},
    {"(proc.name = nginx", -STRATO_ESYNTAX, 18, 0, "expected ')' to close the '(' at offset 0"},
    {"proc.name = nginx)", -STRATO_ESYNTAX, 17, 1, "expected 'and', 'or' or the end"},
    {"proc.name nginx", -STRATO_ESYNTAX, 10, 5, "expected an operator after proc.name"},
    {"proc.name ! nginx", -STRATO_ESYNTAX, 10, 1, "'!' must be followed by '='"},
    {"proc.name = \"abc", -STRATO_ESYNTAX, 12, 4, "unterminated string"},
    {"proc.name = \"a\\x4\"", -STRATO_ESYNTAX, 14, 2, "\\x needs two hex digits"},
    {"proc.name in nginx", -STRATO_ESYNTAX, 13, 5, "expected '(' after in"},
    {"proc.name in (a b)", -STRATO_ESYNTAX, 16, 1, "expected ',' or ')' in the list"},
    {"proc.name in (a,)", -STRATO_ESYNTAX, 16, 1, "expected a value after ','"},
    {"foo and proc.name = x", -STRATO_ENOFIELD, 0, 3, "unknown macro 'foo'"},
    {"proc.nam = x", -STRATO_ENOFIELD, 0, 8, "unknown field 'proc.nam'"},
    {"not fd.nmae exists", -STRATO_ENOFIELD, 4, 7, "unknown field 'fd.nmae'"},
    {"evt.type = opne", -STRATO_ETYPE, 11, 4, "unknown event type 'opne'"},
    {"evt.type in (open, nosuch)", -STRATO_ETYPE, 19, 6, "unknown event type 'nosuch'"},
    {"proc.pid = abc", -STRATO_ETYPE, 11, 3, "'abc' is not a number"},
    {"proc.pid contains 1", -STRATO_ETYPE, 0, 19, "operator contains does not apply to a number"},
    {"fd.net < 10.0.0.0/8", -STRATO_ETYPE, 0, 19, "operator < does not apply to an IP address"},
    {"fd.net = 10.0.0.0/33", -STRATO_ETYPE, 9, 11, "'10.0.0.0/33' is not an IP address"},
    {"fd.sip = nothost", -STRATO_ETYPE, 9, 7, "'nothost' is not an IP address"},
    {"proc.name regex \"a(\"", -STRATO_ESYNTAX, 16, 4, "bad regular expression"},
    {"evt.buffer bcontains 6g", -STRATO_ETYPE, 21, 2, "bcontains needs hexadecimal bytes"},
    {"len(proc.pid) > 1", -STRATO_ETYPE, 0, 13, "len() needs a string"},
    {"proc.name = val(proc.pid)", -STRATO_ETYPE, 12, 13, "cannot compare a string with a number"},
    {"tolower(proc.name = x", -STRATO_ESYNTAX, 18, 1, "expected ')' after the argument of tolower()"},
    {"= x", -STRATO_ESYNTAX, 0, 1, "unexpected '='"},
    {"proc.name = x or or", -STRATO_ENOFIELD, 17, 2, "unknown macro 'or'"},
};

START_TEST(test_reject)
{
	struct strato_filter_error err;
	strato_filter *f = (strato_filter *)1;
	int rc = strato_filter_compile(&f, reject[_i].expr, NULL, &err);

	ck_assert_msg(rc == reject[_i].rc, "%s: rc %d want %d (%s)", reject[_i].expr, rc, reject[_i].rc, err.message);
	ck_assert_ptr_null(f);
	ck_assert_msg(err.offset == reject[_i].off && err.length == reject[_i].len, "%s: at %zu+%zu want %zu+%zu (%s)",
		      reject[_i].expr, err.offset, err.length, reject[_i].off, reject[_i].len, err.message);
	ck_assert_msg(!strncmp(err.message, reject[_i].msg, strlen(reject[_i].msg)), "%s: message '%s' want '%s...'",
		      reject[_i].expr, err.message, reject[_i].msg);
	ck_assert_msg(strstr(strato_last_error(), "at offset") != NULL, "%s", strato_last_error());
}
END_TEST

START_TEST(test_suggest)
{
	struct strato_filter_error err;
	strato_filter *f;

	ck_assert_int_eq(strato_filter_compile(&f, "proc.nmae = x", NULL, &err), -STRATO_ENOFIELD);
	ck_assert_msg(strstr(err.message, "proc.name") != NULL, "%s", err.message);
}
END_TEST

/* Number of events of `file` the filter selects. */
static long count_matches(const char *file, const char *expr, const strato_filter_defs *defs)
{
	STRATO_OPTS(strato_file_opts, fo);
	STRATO_OPTS(strato_filter_opts, o, .defs = defs);
	struct strato_filter_error err;
	strato_capture *cap;
	strato_filter *f;
	const strato_event *ev;
	long n = 0;
	int rc;

	ck_assert_msg(strato_filter_compile(&f, expr, &o, &err) == 0, "%s: %s", expr, err.message);
	ck_assert_int_eq(strato_capture_open_file(&cap, file, &fo), 0);
	ck_assert_int_eq(strato_capture_set_filter(cap, f), 0);
	strato_filter_free(f);
	while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT)
		n++;
	ck_assert_int_eq(rc, STRATO_EOF);
	strato_capture_close(cap);
	return n;
}

/* Counts: `sysdig -r curl_google.scap "(EXPR) and evt.dir='<'" | wc -l`
 * with sysdig 0.29.3. */
static const struct {
	const char *expr;
	long want;
} apply[] = {
    {"evt.type=open", 48},
    {"evt.type in (open, openat, close)", 102},
    {"not evt.type in (read, write, close)", 488},
    {"fd.name contains /etc/", 34},
    {"fd.name startswith /usr/lib", 111},
    {"fd.name pmatch (/etc, /usr/lib)", 145},
    {"fd.num >= 0 and fd.typechar=f", 194},
    {"(evt.type=open or evt.type=openat) and not fd.name startswith /proc", 48},
    {"fd.type in (ipv4, ipv6)", 17},
    {"fd.l4proto=udp", 5},
    {"evt.failed=true", 43},
    {"evt.rawres > 0 and evt.rawres <= 100", 72},
    {"proc.name icontains CUR", 597},
    {"proc.name=curl and (evt.type=connect or evt.type=sendto) and not evt.failed=true", 3},
};

START_TEST(test_apply)
{
	const char *file = sample();
	char expr[512];

	if (!file)
		return;
	snprintf(expr, sizeof(expr), "(%s) and evt.dir='<'", apply[_i].expr);
	ck_assert_msg(count_matches(file, expr, NULL) == apply[_i].want, "%s: %ld want %ld", apply[_i].expr,
		      count_matches(file, expr, NULL), apply[_i].want);
}
END_TEST

START_TEST(test_macros)
{
	strato_filter_defs *d;
	const char *const bins[] = {"curl", "wget"}, *const more[] = {"web_tools", "bash"};

	ck_assert_int_eq(strato_filter_defs_new(&d), 0);
	ck_assert_int_eq(strato_filter_defs_add_list(d, "web_tools", bins, 2), 0);
	ck_assert_int_eq(strato_filter_defs_add_list(d, "tools", more, 2), 0);
	ck_assert_int_eq(strato_filter_defs_add_macro(d, "opens", "evt.type in (open, openat)"), 0);
	ck_assert_int_eq(strato_filter_defs_add_macro(d, "tool_opens", "opens and proc.name in (tools)"), 0);
	ck_assert_int_eq(strato_filter_defs_add_macro(d, "loop", "proc.pid > 1 and loop"), 0);
	ck_assert_int_eq(strato_filter_defs_add_macro(d, "broken", "proc.pid > x"), 0);
	char *s = dump_of("tool_opens and not fd.name in (web_tools)", d);
	ck_assert_str_eq(s, "(and (and (in evt.type:types (open openat)) (in proc.name:charbuf "
			    "(\"curl\" \"wget\" \"bash\"))) (not (in fd.name:charbuf (\"curl\" \"wget\"))))");
	free(s);

	STRATO_OPTS(strato_filter_opts, o, .defs = d);
	struct strato_filter_error err;
	strato_filter *f;
	ck_assert_int_eq(strato_filter_compile(&f, "proc.name = a or loop", &o, &err), -STRATO_ESYNTAX);
	ck_assert_uint_eq(err.offset, 17);
	ck_assert_uint_eq(err.length, 4);
	ck_assert_msg(strstr(err.message, "refers to itself") != NULL, "%s", err.message);
	/* 2^40 leaves: stopped by the size bound, not by memory */
	char name[8], cond[64];
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "m%d", i);
		snprintf(cond, sizeof(cond), i ? "m%d or m%d" : "proc.pid = %d", i - 1, i - 1);
		ck_assert_int_eq(strato_filter_defs_add_macro(d, name, cond), 0);
	}
	ck_assert_int_eq(strato_filter_compile(&f, "m39", &o, &err), -E2BIG);
	ck_assert_msg(strstr(err.message, "too large"), "%s", err.message);
	ck_assert_int_eq(strato_filter_compile(&f, "evt.num > 0 and broken", &o, &err), -STRATO_ETYPE);
	ck_assert_uint_eq(err.offset, 16);
	ck_assert_str_eq(err.message, "in macro broken: 'x' is not a number (proc.pid is int64)");
	strato_filter_defs_free(d);

	const char *file = sample();
	if (file) {
		ck_assert_int_eq(strato_filter_defs_new(&d), 0);
		ck_assert_int_eq(strato_filter_defs_add_macro(d, "exits", "evt.dir='<'"), 0);
		ck_assert_int_eq(
		    strato_filter_defs_add_list(d, "opens", (const char *const[]){"open", "openat", "close"}, 3), 0);
		/* same count as the apply table's plain expression */
		ck_assert_int_eq(count_matches(file, "evt.type in (opens) and exits", d), 102);
		strato_filter_defs_free(d);
	}
}
END_TEST

/* Runs the rule set over `file`, checking every event against each filter
 * alone; counts the matches per rule in got[]. */
static void ruleset_check(const char *file, const char *const *exprs, int n, long *got)
{
	STRATO_OPTS(strato_file_opts, fo);
	strato_filter *fs[8];
	strato_ruleset *rs;
	strato_capture *cap;
	const strato_event *ev;

	ck_assert_int_eq(strato_ruleset_new(&rs), 0);
	for (int i = 0; i < n; i++) {
		ck_assert_msg(strato_filter_compile(&fs[i], exprs[i], NULL, NULL) == 0, "%s", exprs[i]);
		ck_assert_int_eq(strato_ruleset_add(rs, exprs[i], fs[i]), i);
		got[i] = 0;
	}
	ck_assert_str_eq(strato_ruleset_name(rs, 1), exprs[1]);
	ck_assert_ptr_null(strato_ruleset_name(rs, (unsigned)n));
	ck_assert_int_eq(strato_capture_open_file(&cap, file, &fo), 0);
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		unsigned m[8];
		int k = strato_ruleset_match(rs, ev, m, 8), j = 0;

		ck_assert_int_ge(k, 0);
		/* the type index must give what each filter alone gives */
		for (int i = 0; i < n; i++) {
			int alone = strato_filter_match(fs[i], ev);
			int in_set = j < k && m[j] == (unsigned)i;

			ck_assert_msg(alone == in_set, "%s on event %llu (%s)", exprs[i],
				      (unsigned long long)strato_event_num(ev), strato_event_name(ev));
			j += in_set;
			got[i] += in_set;
		}
	}
	strato_capture_close(cap);
	for (int i = 0; i < n; i++)
		strato_filter_free(fs[i]);
	strato_ruleset_free(rs);
}

START_TEST(test_ruleset)
{
	static const char *const exprs[] = {
	    "evt.type=open and evt.dir='<'",
	    "fd.name contains /etc/ and evt.dir='<'",
	    "fd.l4proto=udp and evt.dir='<'",
	    "evt.failed=true and evt.dir='<'",
	    "evt.type in (epoll_pwait, mprotect, uname) and evt.dir='<'",
	    "not evt.type = futex and proc.name exists",
	};
	/* sysdig 0.29.3 counts, as in the apply table (the last two: none) */
	static const long want[] = {48, 34, 5, 43};
	char buf[1024];
	const char *other = strato_test_shared("scap-samples/draios-sysdig-inspect/502Error.scap", buf, sizeof(buf));
	long got[6];

	if (!sample())
		return;
	ruleset_check(sample(), exprs, 6, got);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(got[i], want[i]);
	if (other) { /* many generic events there */
		ruleset_check(other, exprs, 6, got);
		ck_assert_int_gt(got[4], 0);
	}
}
END_TEST

/* A random filter over the fields the prefilter looks at, with enough
 * other clauses that and/or/not mix them with everything else. */
static void rand_expr(char *out, size_t len, unsigned depth, unsigned *seed)
{
	static const char *const types[] = {"open",   "openat", "read",	 "write",  "close",    "connect",
					    "execve", "mmap",	"futex", "sendto", "mprotect", "uname"};
	static const char *const pids[] = {"1", "100", "2456", "2457", "30000", "0"};
	unsigned r = (unsigned)rand_r(seed) % (depth > 3 ? 5 : 9);
	char a[400], b[400];

	switch (r) {
	case 0:
		snprintf(out, len, "evt.type = %s", types[rand_r(seed) % 12]);
		break;
	case 1:
		snprintf(out, len, "evt.type in (%s, %s)", types[rand_r(seed) % 12], types[rand_r(seed) % 12]);
		break;
	case 2:
		snprintf(out, len, "evt.type != %s", types[rand_r(seed) % 12]);
		break;
	case 3:
		snprintf(out, len, "proc.pid %s %s", rand_r(seed) % 2 ? "=" : "in (", pids[rand_r(seed) % 6]);
		if (strchr(out, '('))
			strncat(out, ")", len - strlen(out) - 1);
		break;
	case 4:
		snprintf(out, len, "%s", rand_r(seed) % 2 ? "fd.num < 4" : "evt.failed = true");
		break;
	case 5:
		rand_expr(a, sizeof(a), depth + 1, seed);
		snprintf(out, len, "not (%s)", a);
		break;
	default:
		rand_expr(a, sizeof(a), depth + 1, seed);
		rand_expr(b, sizeof(b), depth + 1, seed);
		snprintf(out, len, "(%s) %s (%s)", a, r == 6 ? "or" : "and", b);
		break;
	}
}

/* What the kernel part would let through, given the event's process id. */
/* Whether the probe captures the syscall of a generic event: it decides by
 * the syscall's name. */
static bool generic_wanted(const struct strato_fprefilter *pf, const strato_event *ev)
{
	strato_field *tf;
	const char *name;
	bool ok;

	if (strato_field_lookup("evt.type", &tf))
		ck_abort_msg("no evt.type");
	ok = strato_field_get_str(tf, ev, &name, NULL) != 0 || strato_fprefilter_wants_name(pf, name);
	strato_field_free(tf);
	return ok;
}

/* What the kernel part would let through, given the event's process id. */
static bool prefilter_passes(const struct strato_fprefilter *pf, const strato_event *ev, const strato_field *pidf)
{
	unsigned id = strato_event_type(ev);
	int64_t pid;

	if (id > 1 && !strato_ftypes_has(&pf->types, id))
		return false;
	if (id <= 1 && !generic_wanted(pf, ev))
		return false;
	if (!pf->npids)
		return true;
	if (strato_field_get_i64(pidf, ev, &pid))
		return false; /* the kernel always knows the tgid; a file may not */
	for (unsigned i = 0; i < pf->npids; i++)
		if (pf->pids[i] == pid)
			return true;
	return false;
}

START_TEST(test_prefilter_safe)
{
	const char *file = sample();
	STRATO_OPTS(strato_file_opts, fo);
	strato_capture *cap;
	const strato_event *ev;
	unsigned seed = 12345, narrowed = 0, checked = 0;
	char obuf[1024];
	const char *other = strato_test_shared("scap-samples/draios-sysdig-inspect/502Error.scap", obuf, sizeof(obuf));
	strato_field *pidf;

	if (!file)
		return;
	ck_assert_int_eq(strato_field_lookup("proc.pid", &pidf), 0);
	/* Events come from a real capture, read once per filter: clones would
	 * lose the process state the filters' fields need. */
	for (int round = 0; round < 300; round++) {
		/* odd rounds: a capture with many generic syscall events */
		const char *f_in = round % 2 && other ? other : file;
		struct strato_fprefilter pf;
		strato_filter *f;
		char expr[2048];

		rand_expr(expr, sizeof(expr), 0, &seed);
		ck_assert_msg(strato_filter_compile(&f, expr, NULL, NULL) == 0, "%s", expr);
		strato_filter_prefilter(f, &pf);
		narrowed += !pf.all_types || pf.npids;
		ck_assert_int_eq(strato_capture_open_file(&cap, f_in, &fo), 0);
		while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
			int m = strato_filter_match(f, ev);

			if (m < 0) /* no ck_assert per event: in fork mode each writes to a file */
				ck_abort_msg("filter error %d", m);
			if (m) {
				checked++;
				ck_assert_msg(prefilter_passes(&pf, ev, pidf),
					      "prefilter drops event %llu (%s) that %s accepts",
					      (unsigned long long)strato_event_num(ev), strato_event_name(ev), expr);
			}
		}
		strato_capture_close(cap);
		strato_filter_free(f);
	}
	ck_assert_uint_gt(narrowed, 50); /* the test exercised real narrowing */
	ck_assert_uint_gt(checked, 1000);
	strato_field_free(pidf);
}
END_TEST

/* Values seen in a capture, for the random filters of test_prefilter_replay. */
struct seen {
	char names[24][16];
	char containers[4][16];
	unsigned ncontainers;
	int64_t uids[8], tids[8], ppids[8];
	unsigned nnames, nuids, ntids, nppids;
};

static void seen_add(int64_t *v, unsigned *n, int64_t x)
{
	for (unsigned i = 0; i < *n; i++)
		if (v[i] == x)
			return;
	if (*n < 8)
		v[(*n)++] = x;
}

/* Collects names (only those of execve events with `exec_only`), uids,
 * parents and thread ids seen in `file`. */
static void seen_pass(const char *file, struct seen *sn, bool exec_only)
{
	STRATO_OPTS(strato_file_opts, fo);
	strato_capture *cap;
	const strato_event *ev;
	strato_field *nf, *uf, *pf, *cf;
	const char *s;
	int64_t v;

	ck_assert_int_eq(strato_field_lookup("proc.name", &nf), 0);
	ck_assert_int_eq(strato_field_lookup("user.uid", &uf), 0);
	ck_assert_int_eq(strato_field_lookup("proc.ppid", &pf), 0);
	ck_assert_int_eq(strato_field_lookup("container.id", &cf), 0);
	ck_assert_int_eq(strato_capture_open_file(&cap, file, &fo), 0);
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		bool known = false;

		if (!strato_field_get_str(cf, ev, &s, NULL) && strlen(s) < 16) {
			for (unsigned i = 0; i < sn->ncontainers; i++)
				known |= !strcmp(sn->containers[i], s);
			if (!known && sn->ncontainers < 4)
				snprintf(sn->containers[sn->ncontainers++], 16, "%s", s);
			known = false;
		}

		if ((!exec_only || !strcmp(strato_event_name(ev), "execve")) &&
		    !strato_field_get_str(nf, ev, &s, NULL) && strlen(s) < 16 && strcmp(s, "<NA>")) {
			for (unsigned i = 0; i < sn->nnames; i++)
				known |= !strcmp(sn->names[i], s);
			if (!known && sn->nnames < 24)
				snprintf(sn->names[sn->nnames++], 16, "%s", s);
		}
		if (!strato_field_get_i64(uf, ev, &v) && v != UINT32_MAX)
			seen_add(sn->uids, &sn->nuids, v);
		if (!strato_field_get_i64(pf, ev, &v) && v > 0)
			seen_add(sn->ppids, &sn->nppids, v);
		seen_add(sn->tids, &sn->ntids, strato_event_tid(ev));
	}
	strato_capture_close(cap);
	strato_field_free(nf);
	strato_field_free(uf);
	strato_field_free(pf);
	strato_field_free(cf);
}

/* Programs started during the capture come first: their parents' events
 * (forks, redirections) are what the kernel checks drop. */
static struct seen seen_in(const char *file)
{
	struct seen sn = {0};

	seen_pass(file, &sn, true);
	seen_pass(file, &sn, false);
	ck_assert(sn.nnames > 1 && sn.nuids > 0 && sn.ntids > 1 && sn.nppids > 0 && sn.ncontainers > 0);
	return sn;
}

/* Filters whose top level has a conjunct the kernel may check (process
 * name, uid, thread, parent), over fields that are thread-local or not
 * (fd.*, proc.cwd and evt.num keep every check in user space). Filter k <
 * PROC_EXPR_GRID pairs the first names with each of `others` in turn;
 * the rest are random. */
static const char *const others[] = {
    "evt.type in (openat, read, write, connect, close)",
    "evt.failed = false",
    "proc.exe contains a",
    "proc.pname exists",
    "user.name != nobody",
    "proc.cmdline contains -",
    "evt.rawres >= 0",
    "fd.name startswith /dev",
    "proc.cwd = /",
    "evt.num > 50",
    "fd.num < 5",
    "proc.aname[2] exists",
    "fd.typechar = f",
    "fd.type in (ipv4, ipv6)",
    "fd.name exists",
    "fd.directory contains etc",
    "fd.name contains strato-rp" /* the file record_live()'s shell opens for its children */};
#define NOTHERS (sizeof(others) / sizeof(others[0]))
#define PROC_EXPR_GRID (6 * NOTHERS)

static void proc_expr(char *out, size_t len, const struct seen *sn, unsigned k, unsigned *seed)
{
	char push[200], rest[1200];
	unsigned r = k < PROC_EXPR_GRID ? 0 : (unsigned)rand_r(seed) % 6;

	switch (r) {
	case 0:
		snprintf(push, sizeof(push), "proc.name = %s",
			 sn->names[k < PROC_EXPR_GRID ? k / NOTHERS % sn->nnames : rand_r(seed) % sn->nnames]);
		break;
	case 1:
		snprintf(push, sizeof(push), "proc.name in (%s, %s)", sn->names[rand_r(seed) % sn->nnames],
			 sn->names[rand_r(seed) % sn->nnames]);
		break;
	case 2:
		snprintf(push, sizeof(push), "user.uid = %lld", (long long)sn->uids[rand_r(seed) % sn->nuids]);
		break;
	case 3:
		snprintf(push, sizeof(push), "thread.tid in (%lld, %lld)",
			 (long long)sn->tids[rand_r(seed) % sn->ntids], (long long)sn->tids[rand_r(seed) % sn->ntids]);
		break;
	case 4:
		snprintf(push, sizeof(push), "proc.ppid = %lld", (long long)sn->ppids[rand_r(seed) % sn->nppids]);
		break;
	default:
		snprintf(push, sizeof(push), "container.id = %s", sn->containers[rand_r(seed) % sn->ncontainers]);
		break;
	}
	if (k < PROC_EXPR_GRID)
		snprintf(rest, sizeof(rest), "%s", others[k % NOTHERS]);
	else if (rand_r(seed) % 3 == 0)
		rand_expr(rest, sizeof(rest), 2, seed);
	else
		snprintf(rest, sizeof(rest), "%s%s", rand_r(seed) % 4 ? "" : "not ", others[rand_r(seed) % NOTHERS]);
	snprintf(out, len, "%s and (%s)", push, rest);
}

/* An integer field of the event, -1 when it has none. Handles are looked
 * up once: the replay asks for every event. */
static int64_t field_i64(const char *name, const strato_event *ev)
{
	static strato_field *cache[8];
	static const char *names[8];
	int64_t v = -1;
	unsigned i = 0;

	while (i < 8 && names[i] && strcmp(names[i], name))
		i++;
	if (i == 8 || (!names[i] && strato_field_lookup(name, &cache[i])))
		ck_abort_msg("field %s", name);
	names[i] = name;
	strato_field_get_i64(cache[i], ev, &v);
	return v;
}

/* Whether string field `name` of the event is one of strs[]; false when
 * it has no value. */
static bool str_in(const char (*strs)[16], unsigned n, const char *name, const strato_event *ev)
{
	static strato_field *cache[2];
	static const char *names[2];
	unsigned i = names[0] && strcmp(names[0], name) ? 1 : 0;
	const char *v;

	if (!names[i] && strato_field_lookup(name, &cache[i]))
		ck_abort_msg("field %s", name);
	names[i] = name;
	if (strato_field_get_str(cache[i], ev, &v, NULL))
		return false;
	for (unsigned k = 0; k < n; k++)
		if (!strcmp(strs[k], v))
			return true;
	return false;
}

static bool id_in(const int64_t *ids, unsigned n, int64_t id)
{
	for (unsigned i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* What the probe passes, modelled on an event of a capture read whole:
 * the kernel's comm, euid, parent and thread id are the values the state
 * has for the event (as the probe reports them in identity events). */
static bool kernel_passes(const struct strato_fprefilter *pf, const strato_event *ev)
{
	unsigned id = strato_event_type(ev);
	bool procexit = strato_state_identity_event(id) && !(id & 1); /* its own program sends it */

	if (!procexit && id > 1 && !strato_ftypes_has(&pf->ktypes, id))
		return false;
	if (id <= 1 && !generic_wanted(pf, ev))
		return false;
	if (pf->npids && !id_in(pf->pids, pf->npids, field_i64("proc.pid", ev)))
		return false;
	if (strato_ftypes_has(&pf->itypes, id))
		return true;
	if (pf->ntids && !id_in(pf->tids, pf->ntids, strato_event_tid(ev)))
		return false;
	if (pf->nuids && !id_in(pf->uids, pf->nuids, field_i64("user.uid", ev)))
		return false;
	if (pf->nppids && !id_in(pf->ppids, pf->nppids, field_i64("proc.ppid", ev)))
		return false;
	/* containers: user space's verdict once it has seen the thread's
	 * last clone or execve (the model skips the time until then, when
	 * the probe passes the thread's events) */
	if (pf->ncontainers && !str_in(pf->containers, pf->ncontainers, "container.id", ev))
		return false;
	return !pf->nnames || str_in(pf->names, pf->nnames, "proc.name", ev);
}

/* Keys (time, thread, type) of the events `f` accepts in `file`. */
static size_t accepted_keys(const char *file, const strato_filter *f, uint64_t *keys, size_t max)
{
	STRATO_OPTS(strato_file_opts, fo);
	strato_capture *cap;
	const strato_event *ev;
	size_t n = 0;

	ck_assert_int_eq(strato_capture_open_file(&cap, file, &fo), 0);
	/* no ck_assert per event: in fork mode each one writes to a file */
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		int m = strato_filter_match(f, ev);

		if (m < 0)
			ck_abort_msg("filter error %d", m);
		if (m && n + 3 <= max) {
			keys[n++] = strato_event_ts(ev);
			keys[n++] = (uint64_t)strato_event_tid(ev);
			keys[n++] = strato_event_type(ev);
		}
	}
	strato_capture_close(cap);
	return n;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Records a live capture of a shell workload (forks, execs, pipes, a
 * redirection that children inherit, a chdir) into `path`; false when live
 * capture is not possible here. */
static bool record_live(const char *path)
{
	STRATO_OPTS(strato_live_opts, lo, .timeout_ms = 20);
	STRATO_OPTS(strato_writer_opts, wo, .profile = STRATO_PROFILE_CURRENT);
	strato_capture *cap;
	strato_writer *w;
	const strato_event *ev;
	char cmd[512];
	int rc, idle = 0;
	unsigned n = 0;
	double gone = now();
	pid_t child;

	if (geteuid() != 0 || access("/sys/kernel/btf/vmlinux", R_OK))
		return false;
	snprintf(cmd, sizeof(cmd),
		 "cd /tmp && exec 3>/tmp/strato-rp-%d && echo hi >&3 && cat /etc/hostname >&3 && "
		 "ls / | wc -l >&3 && (cd /etc && cat hostname) | cat >&3; rm -f /tmp/strato-rp-%d",
		 (int)getpid(), (int)getpid());
	ck_assert_int_eq(strato_capture_open_live(&cap, &lo), 0);
	ck_assert_int_eq(strato_writer_open(&w, path, cap, &wo), 0);
	child = fork();
	if (child == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	/* until the shell is gone, then three timeouts or a tenth of a
	 * second (a busy machine may never fall silent) */
	while (child > 0 || (idle < 3 && now() < gone + 0.1)) {
		rc = strato_capture_next(cap, &ev);
		if (rc == STRATO_EVENT) {
			if (strato_writer_write(w, ev))
				ck_abort_msg("cannot write %s", path);
			if (++n % 256)
				continue;
		} else if (rc != STRATO_TIMEOUT) {
			ck_abort_msg("strato_capture_next: %d", rc);
		}
		if (child > 0 && waitpid(child, NULL, WNOHANG) == child)
			child = 0;
		if (child > 0)
			gone = now();
		else
			idle += rc == STRATO_TIMEOUT;
	}
	ck_assert_int_eq(strato_writer_close(w), 0);
	strato_capture_close(cap);
	return true;
}

/* The prefilter end to end, on sample captures: each random filter's
 * kernel part decides which events "reach user space"; those alone are
 * written to a capture file, which the whole filter then reads with the
 * state rebuilt from them. It must accept exactly what it accepts in the
 * whole capture (written the same way): the checks drop nothing it
 * wants, and the event types they drop change none of its fields. */
struct replay {
	const char *all, *kept; /* scratch files */
	uint64_t *ka, *kb;	/* keys of the accepted events */
	size_t max;
	unsigned pushed, dropped, compared, containers;
};

/* One filter over one capture, as test_prefilter_replay describes. */
static void replay_one(struct replay *r, const char *file, const char *expr)
{
	STRATO_OPTS(strato_writer_opts, wo, .profile = STRATO_PROFILE_CURRENT);
	STRATO_OPTS(strato_file_opts, fo);
	struct strato_fprefilter pf;
	strato_writer *wa, *wb;
	strato_capture *cap;
	const strato_event *ev;
	strato_filter *f;
	size_t na, nb, nall = 0, nkept = 0;

	ck_assert_msg(strato_filter_compile(&f, expr, NULL, NULL) == 0, "%s", expr);
	strato_filter_prefilter(f, &pf);
	r->pushed += pf.nnames || pf.nuids || pf.ntids || pf.nppids || pf.ncontainers;
	r->containers += pf.ncontainers && strcmp(pf.containers[0], "host");
	ck_assert_int_eq(strato_capture_open_file(&cap, file, &fo), 0);
	ck_assert_int_eq(strato_writer_open(&wa, r->all, cap, &wo), 0);
	ck_assert_int_eq(strato_writer_open(&wb, r->kept, cap, &wo), 0);
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		bool keep = kernel_passes(&pf, ev);

		if (strato_writer_write(wa, ev) || (keep && strato_writer_write(wb, ev)))
			ck_abort_msg("cannot write %s", r->all);
		nall++;
		nkept += keep;
	}
	ck_assert_int_eq(strato_writer_close(wa), 0);
	ck_assert_int_eq(strato_writer_close(wb), 0);
	strato_capture_close(cap);
	r->dropped += nkept < nall;
	na = accepted_keys(r->all, f, r->ka, r->max);
	nb = accepted_keys(r->kept, f, r->kb, r->max);
	ck_assert_msg(na == nb && !memcmp(r->ka, r->kb, na * sizeof(*r->ka)),
		      "%s on %s: %zu events accepted from the whole capture, %zu from the %zu of %zu it passes", expr,
		      file, na / 3, nb / 3, nkept, nall);
	r->compared += na > 0;
	strato_filter_free(f);
}

/* The prefilter end to end: each filter's kernel part decides which events
 * of a capture "reach user space"; those alone are written to a capture
 * file, which the whole filter then reads with the state rebuilt from
 * them. It must accept exactly what it accepts in the whole capture
 * (written the same way): the checks drop nothing it wants, and the event
 * types they drop change none of its fields. On a workload recorded live
 * (when possible) with every pairing of its program names and a list of
 * fields, and on samples with forks, execs, setuid programs and containers
 * with random filters. */
START_TEST(test_prefilter_replay)
{
	static const char *const names[] = {STRATO_SAMPLE, "scap-samples/draios-sysdig-inspect/502Error.scap",
					    "scap-samples/falcosecurity-falco/cat_write.scap",
					    "scap-samples/xxradar-stratoshark-http-https/docker-curl-https.scap",
					    "scap-samples/falcosecurity-falco/psp_run_as_user_0_container.scap"};
	enum { NF = sizeof(names) / sizeof(names[0]) };
	char paths[NF][1024], all[64], kept[64], live[64];
	const char *files[NF + 1];
	unsigned seed = 777, nf = 0;
	struct replay r = {all, kept, NULL, NULL, 3 << 20, 0, 0, 0, 0};

	snprintf(all, sizeof(all), "/tmp/strato-replay-all-%d.scap", (int)getpid());
	snprintf(kept, sizeof(kept), "/tmp/strato-replay-kept-%d.scap", (int)getpid());
	snprintf(live, sizeof(live), "/tmp/strato-replay-live-%d.scap", (int)getpid());
	for (unsigned i = 0; i < NF; i++)
		if (!(files[i] = strato_test_shared(names[i], paths[i], sizeof(paths[i]))))
			return; /* main() reports the missing samples */
	if (record_live(live))
		files[nf++] = live;
	for (unsigned i = 0; i < NF; i++)
		files[nf++] = strato_test_shared(names[i], paths[i], sizeof(paths[i]));
	r.ka = malloc(r.max * sizeof(*r.ka));
	r.kb = malloc(r.max * sizeof(*r.kb));
	ck_assert(r.ka && r.kb);
	for (unsigned i = 0; i < nf; i++) {
		struct seen sn = seen_in(files[i]);
		unsigned first = files[i] == live ? 0 : PROC_EXPR_GRID;

		char expr[2048];

		for (unsigned k = first; k < PROC_EXPR_GRID + 24; k++) {
			proc_expr(expr, sizeof(expr), &sn, k, &seed);
			replay_one(&r, files[i], expr);
		}
		/* each container the capture has (two at most), with each field */
		for (unsigned c = 0, n = 0; c < sn.ncontainers && n < 2; c++) {
			if (!strcmp(sn.containers[c], "host"))
				continue;
			for (unsigned k = 0; k < NOTHERS; k++) {
				snprintf(expr, sizeof(expr), "container.id = %s and (%s)", sn.containers[c], others[k]);
				replay_one(&r, files[i], expr);
			}
			n++;
		}
	}
	unlink(all);
	unlink(kept);
	unlink(live);
	free(r.ka);
	free(r.kb);
	/* the test exercised kernel checks that dropped events, and filters
	 * that accepted some */
	printf("prefilter replay: %u filters with kernel checks (%u on a container id), %u dropped events, %u "
	       "accepted some\n",
	       r.pushed, r.containers, r.dropped, r.compared);
	ck_assert_uint_gt(r.pushed, 100);
	ck_assert_uint_gt(r.dropped, 100);
	ck_assert_uint_gt(r.compared, 80);
	ck_assert_uint_gt(r.containers, 30);
}
END_TEST

/* An exit event id of a name in the event table. */
static unsigned exit_id(const char *name)
{
	for (unsigned id = 1; id < STRATO_EVENT_TABLE_SIZE; id += 2)
		if (strato_event_table[id].name && !strcmp(strato_event_table[id].name, name))
			return id;
	ck_abort_msg("no event %s", name);
	return 0;
}

static struct strato_fprefilter prefilter_of(const char *expr, char **explain)
{
	struct strato_fprefilter pf;
	strato_filter *f;
	size_t len;
	FILE *m;

	ck_assert_int_eq(strato_filter_compile(&f, expr, NULL, NULL), 0);
	strato_filter_prefilter(f, &pf);
	m = open_memstream(explain, &len);
	ck_assert_int_eq(strato_filter_explain(f, m), 0);
	fclose(m);
	strato_filter_free(f);
	return pf;
}

START_TEST(test_explain)
{
	char *ex;
	struct strato_fprefilter pf =
	    prefilter_of("evt.type in (open, openat) and proc.pid in (12, 13) and not fd.name startswith /proc", &ex);

	ck_assert(!pf.all_types);
	ck_assert(strato_ftypes_has(&pf.types, exit_id("openat")));
	ck_assert(!strato_ftypes_has(&pf.types, exit_id("read")));
	ck_assert(!strato_ftypes_has(&pf.types, exit_id("close")));
	ck_assert(strato_ftypes_has(&pf.ktypes, exit_id("close"))); /* fd state */
	ck_assert(strato_ftypes_has(&pf.ktypes, exit_id("execve")));
	ck_assert(!strato_ftypes_has(&pf.ktypes, exit_id("read")));
	ck_assert(strato_ftypes_has(&pf.types, 1)); /* generic syscalls */
	for (unsigned w = 0; w < STRATO_FTYPES / 64; w++)
		ck_assert((pf.types.w[w] & ~pf.ktypes.w[w]) == 0);
	ck_assert_uint_eq(pf.npids, 2);
	ck_assert(pf.pids[0] == 12 && pf.pids[1] == 13);
	ck_assert_msg(strstr(ex, "kernel: only syscalls of 8 event types the filter can accept: open openat\n"), "%s",
		      ex);
	ck_assert_msg(strstr(ex, "kernel: process (tgid) in 12 13"), "%s", ex);
	free(ex);

	pf = prefilter_of("proc.pname = bash and proc.pid = 5", &ex);
	ck_assert(pf.all_types && pf.ancestors && pf.npids == 0);
	ck_assert_msg(strstr(ex, "no pid check"), "%s", ex);
	free(ex);
	pf = prefilter_of("proc.pid = 5 or evt.type = open", &ex);
	ck_assert(pf.all_types && pf.npids == 0);
	free(ex);
	pf = prefilter_of("not evt.type = read and thread.tid = 7", &ex);
	ck_assert(!strato_ftypes_has(&pf.types, exit_id("read")));
	ck_assert(strato_ftypes_has(&pf.types, exit_id("write")));
	ck_assert_uint_eq(pf.ntids, 1);
	free(ex);
	/* the live filter: name and types go into the kernel, with
	 * only the identity types besides, as nothing reads fds */
	pf = prefilter_of("proc.name=nginx and evt.type in (openat, connect)", &ex);
	ck_assert(pf.local && pf.nnames == 1 && !strcmp(pf.names[0], "nginx"));
	ck_assert(strato_ftypes_has(&pf.ktypes, exit_id("clone")) && strato_ftypes_has(&pf.ktypes, exit_id("prctl")));
	ck_assert(!strato_ftypes_has(&pf.ktypes, exit_id("close")) && !strato_ftypes_has(&pf.ktypes, exit_id("dup")));
	ck_assert_msg(strstr(ex, "kernel: comm in \"nginx\" (top-level proc.name conjunct)\n"), "%s", ex);
	ck_assert_msg(strstr(ex, "set a thread's identity"), "%s", ex);
	free(ex);
	pf = prefilter_of("user.uid in (0, 33) and proc.ppid = 9 and proc.name in (a, bb) and evt.type = read", &ex);
	ck_assert(pf.nuids == 2 && pf.uids[1] == 33 && pf.nppids == 1 && pf.ppids[0] == 9 && pf.nnames == 2);
	ck_assert_msg(strstr(ex, "kernel: effective uid in 0 33 (top-level user.uid conjunct)"), "%s", ex);
	ck_assert_msg(strstr(ex, "kernel: parent process in 9 (top-level proc.ppid conjunct)"), "%s", ex);
	free(ex);
	/* an fd field: other threads' and parents' events build the fd table,
	 * so neither names nor thread ids may be checked in the kernel */
	pf = prefilter_of("proc.name = nginx and thread.tid = 4 and fd.name = /etc/passwd", &ex);
	ck_assert(!pf.local && pf.held && pf.nnames == 0 && pf.ntids == 0);
	ck_assert(strato_ftypes_has(&pf.ktypes, exit_id("close")));
	ck_assert_msg(strstr(ex, "kernel: no thread, parent, name, uid or container check"), "%s", ex);
	free(ex);
	pf = prefilter_of("container.id in (0123456789ab, host) and evt.type = openat", &ex);
	ck_assert(pf.local && pf.ncontainers == 2 && !strcmp(pf.containers[1], "host"));
	ck_assert_msg(strstr(ex, "\"0123456789ab\" \"host\" (top-level container.id conjunct)"), "%s", ex);
	free(ex);
	/* names a comm can never hold, and uids the kernel cannot have */
	pf = prefilter_of("proc.name in (a, \"<NA>\") and user.uid = 4294967295", &ex);
	ck_assert(pf.local && pf.nnames == 0 && pf.nuids == 0);
	free(ex);
	pf = prefilter_of("proc.name = abcdefghijklmnop and proc.pname = x and proc.ppid in (1, 2)", &ex);
	ck_assert(pf.local && pf.nnames == 0 && pf.nppids == 2);
	free(ex);
	pf = prefilter_of("not (evt.type != read or proc.name = x)", &ex);
	ck_assert(strato_ftypes_has(&pf.types, exit_id("read")));
	ck_assert(!strato_ftypes_has(&pf.types, exit_id("write")));
	free(ex);
}
END_TEST

/* End to end on a live capture: the kernel part of the filter (type set)
 * is installed and still lets through every event the filter wants. */
START_TEST(test_live)
{
	STRATO_OPTS(strato_live_opts, lo, .timeout_ms = 100);
	char path[64], expr[160];
	strato_capture *cap;
	strato_filter *f;
	const strato_event *ev;
	int hits = 0, rc;
	pid_t child;

	if (geteuid() != 0 || access("/sys/kernel/btf/vmlinux", R_OK))
		return; /* main() reports the skip */
	snprintf(path, sizeof(path), "/tmp/strato-filter-%d", (int)getpid());
	snprintf(expr, sizeof(expr), "evt.type in (open, openat) and fd.name = %s", path);
	ck_assert_int_eq(strato_filter_compile(&f, expr, NULL, NULL), 0);
	ck_assert_int_eq(strato_capture_open_live(&cap, &lo), 0);
	ck_assert_int_eq(strato_capture_set_filter(cap, f), 0);
	strato_filter_free(f);
	child = fork();
	if (child == 0) {
		usleep(200000);
		for (int i = 0; i < 5; i++) {
			int fd = open(path, O_CREAT | O_RDWR, 0600);

			if (fd >= 0)
				close(fd);
		}
		unlink(path);
		_exit(0);
	}
	for (int i = 0; i < 60 && hits < 5; i++) {
		while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
			ck_assert_str_eq(strato_event_name(ev), "openat");
			hits++;
		}
		ck_assert_int_eq(rc, STRATO_TIMEOUT);
	}
	waitpid(child, NULL, 0);
	strato_capture_close(cap);
	ck_assert_int_eq(hits, 5);
}
END_TEST

START_TEST(test_api_errors)
{
	strato_filter *f;

	ck_assert_int_eq(strato_filter_compile(NULL, "x", NULL, NULL), -EINVAL);
	ck_assert_int_eq(strato_filter_compile(&f, NULL, NULL, NULL), -EINVAL);
	ck_assert_int_eq(strato_filter_match(NULL, NULL), -EINVAL);
	ck_assert_int_eq(strato_filter_dump(NULL, stdout), -EINVAL);
	ck_assert_int_eq(strato_capture_set_filter(NULL, NULL), -EINVAL);
	strato_filter_free(NULL);
	strato_ruleset_free(NULL);
	strato_filter_defs_free(NULL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("filter");
	TCase *tc = tcase_create("filter");
	SRunner *sr;
	int nf;

	tcase_set_timeout(tc, 400); /* the replay, on a machine busy with other tests */
	tcase_add_loop_test(tc, test_accept, 0, sizeof(accept) / sizeof(accept[0]));
	tcase_add_loop_test(tc, test_reject, 0, sizeof(reject) / sizeof(reject[0]));
	tcase_add_test(tc, test_suggest);
	tcase_add_loop_test(tc, test_apply, 0, sizeof(apply) / sizeof(apply[0]));
	tcase_add_test(tc, test_macros);
	tcase_add_test(tc, test_ruleset);
	tcase_add_test(tc, test_prefilter_safe);
	tcase_add_test(tc, test_prefilter_replay);
	tcase_add_test(tc, test_explain);
	tcase_add_test(tc, test_live);
	tcase_add_test(tc, test_api_errors);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (!nf && !sample()) {
		printf("%s missing: the apply tests were skipped\n", STRATO_SAMPLE);
		return STRATO_TEST_SKIP;
	}
	return nf ? 1 : 0;
}
