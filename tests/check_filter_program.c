/* tests/check_filter_program.c: the flat program a filter runs (program.c)
 * against the syntax-tree evaluator it replaces on the hot path: same
 * answer for every event of sample captures, for filters that use each
 * specialised instruction, nested not/or/and jumps and fields shared
 * between checks and between the rules of a set; also on event copies,
 * which have no state. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stratocore/stratocore.h>
#include "filter/filter.h"
#include "testutil.h"

static const char *const strato_t_exprs[] = {
    "proc.name = curl",
    "proc.name != curl",
    "proc.name = \"<NA>\" or proc.name startswith \"<\"", /* threads without a name */
    "not proc.name in (bash, sh, curl)",
    "proc.name in (a, b, c, d, e, f, g, h, curl, sysdig)",
    "fd.name startswith /etc/",
    "fd.name endswith .so.6 or fd.name contains libc",
    "fd.name in (/etc/ld.so.cache, /etc/hosts, /etc/resolv.conf, /etc/nsswitch.conf, /etc/host.conf, "
    "/etc/gai.conf, /etc/localtime, /etc/passwd, /dev/null)",
    "evt.type in (openat, read, write) and not proc.name in (bash, sh) and (fd.name startswith /etc/ or "
    "fd.num > 100) and not evt.failed = true and evt.cpu >= 0",
    "evt.dir = < and (evt.num < 50 or evt.num >= 400) and not (evt.cpu = 1 or evt.cpu in (3, 5))",
    "evt.dir != > and evt.failed = false and fd.num >= 3 and fd.num <= 10",
    "(proc.name = curl or fd.name exists) and not (fd.name = /etc/hosts or thread.tid < 0)",
    "proc.pid > 0 and proc.pid in (1, 2, 3) or proc.name exists and not fd.type = file",
    "fd.sip exists or fd.cport > 0 or fd.l4proto = udp",
    "toupper(proc.name) = CURL or fd.name glob /etc/* or evt.args contains fd=",
    "evt.type = open or evt.type != close and evt.res = SUCCESS",
    "not not not (proc.name = curl and not fd.name startswith /lib)",
    "user.uid >= 0 and (group.gid = 0 or user.name != root) and proc.cmdline contains curl",
    "evt.rawres < 0 or evt.buflen > 10 or evt.latency > 1000",
    /* literals of 1-20 bytes that differ from real values in their last
     * (or first) byte only: the word-wise compare of short strings */
    "fd.name startswith /etc/ld.so.cache and not fd.name startswith /etc/ld.so.cachX and not fd.name "
    "startswith /etcX and not fd.name startswith Xetc/ld.so.cache",
    "proc.name = curl and not proc.name in (cur, curX, curlX, Xurl) and not proc.name = c and not fd.name "
    "endswith libc.so.X",
};
#define STRATO_T_N (sizeof(strato_t_exprs) / sizeof(strato_t_exprs[0]))

/* The tree evaluator's answer (eval.c), with the match's own type test. */
static int strato_t_tree(const strato_filter *f, const strato_event *ev)
{
	if (!strato_ftypes_has(&f->types, ev->type))
		return 0;
	return strato_filter_eval(f->root, ev, NULL);
}

static void strato_t_file(const char *file, long *hits)
{
	STRATO_OPTS(strato_file_opts, fo);
	strato_filter *fs[STRATO_T_N];
	strato_ruleset *rs;
	strato_capture *cap;
	const strato_event *ev;

	ck_assert_int_eq(strato_ruleset_new(&rs), 0);
	for (size_t i = 0; i < STRATO_T_N; i++) {
		struct strato_filter_error err;

		ck_assert_msg(strato_filter_compile(&fs[i], strato_t_exprs[i], NULL, &err) == 0, "%s: %s",
			      strato_t_exprs[i], err.message);
		ck_assert_int_eq(strato_ruleset_add(rs, strato_t_exprs[i], fs[i]), (int)i);
	}
	ck_assert_int_eq(strato_capture_open_file(&cap, file, &fo), 0);
	while (strato_capture_next(cap, &ev) == STRATO_EVENT) {
		unsigned m[STRATO_T_N];
		int k = strato_ruleset_match(rs, ev, m, STRATO_T_N), j = 0;
		strato_event *copy;

		ck_assert_int_ge(k, 0);
		ck_assert_int_eq(strato_event_clone(ev, &copy), 0);
		for (size_t i = 0; i < STRATO_T_N; i++) {
			int want = strato_t_tree(fs[i], ev), got = strato_filter_match(fs[i], ev);
			int in_set = j < k && m[j] == i;

			ck_assert_msg(want == got && want == in_set, "%s on event %llu (%s): tree %d, program %d, set %d",
				      strato_t_exprs[i], (unsigned long long)strato_event_num(ev),
				      strato_event_name(ev), want, got, in_set);
			j += in_set;
			hits[i] += got;
			/* a copy has no state: strings come from scratch pools */
			want = strato_t_tree(fs[i], copy);
			got = strato_filter_match(fs[i], copy);
			ck_assert_msg(want == got, "%s on the copy of event %llu: tree %d, program %d",
				      strato_t_exprs[i], (unsigned long long)strato_event_num(ev), want, got);
		}
		strato_event_free(copy);
	}
	strato_capture_close(cap);
	for (size_t i = 0; i < STRATO_T_N; i++)
		strato_filter_free(fs[i]);
	strato_ruleset_free(rs);
}

static const char *const strato_t_files[] = {
    "scap-samples/falcosecurity-libs/curl_google.scap",
    "scap-samples/draios-sysdig-inspect/502Error.scap",
    "scap-samples/falcosecurity-falco/connect_localhost.scap",
    /* no process table: threads known by their id only */
    "format/fixtures/t1_min.scap",
    "format/fixtures/t17_execve_pair.scap",
};
#define files strato_t_files

START_TEST(test_same_answers)
{
	long hits[STRATO_T_N] = {0};
	unsigned nfiles = 0;
	char buf[1024];

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		const char *p = strato_test_shared(files[i], buf, sizeof(buf));

		if (!p)
			continue;
		strato_t_file(p, hits);
		nfiles++;
	}
	ck_assert_uint_gt(nfiles, 0); /* main() skips without them */
	/* the comparisons above mean something only if checks both pass
	 * and fail somewhere */
	ck_assert_int_gt(hits[0], 0);
	ck_assert_int_gt(hits[4], 0);
	ck_assert_int_gt(hits[7], 0);
	ck_assert_int_gt(hits[8], 0);
	ck_assert_int_gt(hits[STRATO_T_N - 2], 0);
	ck_assert_int_gt(hits[STRATO_T_N - 1], 0);
}
END_TEST

/* The common checks compile to their own instructions, and fields read
 * twice get a shared slot. */
START_TEST(test_layout)
{
	static const struct {
		const char *expr;
		uint8_t ops[6];
		unsigned n;
	} cases[] = {
	    {"proc.name = nginx", {STRATO_I_STR_EQ}, 1},
	    {"evt.type = ptrace and proc.name = nginx", {STRATO_I_TYPES, STRATO_I_STR_EQ}, 2},
	    {"fd.name startswith /etc/ or not fd.num > 100", {STRATO_I_STR_PREFIX, STRATO_I_NUM}, 2},
	    {"evt.failed = true and evt.cpu >= 0 and evt.dir = <", {STRATO_I_UNUM, STRATO_I_NUM, STRATO_I_STR_EQ}, 3},
	    {"fd.name glob /etc/* and proc.name exists", {STRATO_I_NODE, STRATO_I_EXISTS}, 2},
	    {"proc.name in (a, b, c, d, e, f, g, h) or proc.pid in (1, 2)", {STRATO_I_STR_SET, STRATO_I_NUM}, 2},
	};
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		strato_filter *f;

		ck_assert_int_eq(strato_filter_compile(&f, cases[c].expr, NULL, NULL), 0);
		ck_assert_uint_eq(f->nprog, cases[c].n);
		for (unsigned i = 0; i < cases[c].n; i++)
			ck_assert_msg(f->prog[i].op == cases[c].ops[i], "%s: leaf %u is op %u", cases[c].expr, i,
				      f->prog[i].op);
		ck_assert_ptr_null(f->map);
		strato_filter_free(f);
	}
	strato_filter *f;

	ck_assert_int_eq(strato_filter_compile(&f, "evt.cpu = 0 and (fd.name = a or not fd.name = b) and fd.num = 1",
					       NULL, NULL),
			 0);
	ck_assert_uint_eq(f->nslots, 2); /* evt.cpu is read from the event */
	ck_assert_ptr_nonnull(f->map);
	/* leaf 0 true -> 1; 1 true -> 3 (past `not`), false -> 2; 2 true
	 * (fd.name = b) -> false; 3 -> end */
	ck_assert_uint_eq(f->entry, 0);
	ck_assert_uint_eq(f->prog[0].jt, 1);
	ck_assert_uint_eq(f->prog[0].jf, STRATO_PC_FALSE);
	ck_assert_uint_eq(f->prog[1].jt, 3);
	ck_assert_uint_eq(f->prog[1].jf, 2);
	ck_assert_uint_eq(f->prog[2].jt, STRATO_PC_FALSE);
	ck_assert_uint_eq(f->prog[2].jf, 3);
	ck_assert_uint_eq(f->prog[3].jt, STRATO_PC_TRUE);
	ck_assert_uint_eq(f->prog[3].jf, STRATO_PC_FALSE);
	strato_filter_free(f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("filter_program");
	TCase *tc = tcase_create("program");
	SRunner *sr;
	int failed;
	char buf[1024];
	bool any = false;

	/* Skip here, not inside a test: Check runs tests in a child, where
	 * exit(77) is reported as an error. */
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		any |= strato_test_shared(files[i], buf, sizeof(buf)) != NULL;
	if (!any) {
		printf("SKIP: no sample captures\n");
		return STRATO_TEST_SKIP;
	}
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_same_answers);
	tcase_add_test(tc, test_layout);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
