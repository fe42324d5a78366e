/* tests/check_falco_live.c: the official Falco rules (../shared/falco-rules)
 * evaluated over a live capture. A child of this test makes a symlink to
 * /etc/shadow, which "Create Symlink Over Sensitive Files" must report, and
 * runs a program from a memfd (fexecve), which "Fileless execution via
 * memfd_create" must report; that execve shows proc.is_exe_from_memfd
 * true and the child's events a proc.duration within the test's own run
 * time. With an overlayfs mounted for the test, a program the upper layer
 * holds runs with proc.is_exe_upper_layer true, one from the lower layer
 * with false. ("Read sensitive file untrusted" would be the classic one, but it
 * names container.image.repository, which the library does not provide.)
 * Skips (77) without root, live capture support or the rule files. */
#include <stratocore/stratocore.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "falco_rules.h"
#include "testutil.h"

#define STRATO_RULE_SYMLINK "Create Symlink Over Sensitive Files"
#define STRATO_RULE_MEMFD "Fileless execution via memfd_create"

/* The overlayfs of the test: lower/low-true and upper/up-true are copies
 * of /bin/true, run as merged/low-true and merged/up-true. */
static char g_ovl[64], g_ovl_merged[96];
static bool g_ovl_ok;

static bool strato_copy(const char *src, const char *dst)
{
	char buf[65536];
	int in = open(src, O_RDONLY), out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	ssize_t n = 0;
	bool ok = in >= 0 && out >= 0;

	while (ok && (n = read(in, buf, sizeof(buf))) > 0)
		ok = write(out, buf, (size_t)n) == n;
	ok = ok && n == 0;
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	return ok;
}

static void strato_ovl_path(char *buf, size_t len, const char *sub)
{
	snprintf(buf, len, "%s/%s", g_ovl, sub);
}

/* Named in main(): the teardown runs in Check's parent process. */
static void strato_ovl_name(void)
{
	snprintf(g_ovl, sizeof(g_ovl), "/tmp/strato-ovl-%d", (int)getpid());
	strato_ovl_path(g_ovl_merged, sizeof(g_ovl_merged), "merged");
}

static void strato_ovl_setup(void)
{
	char lower[128], upper[128], work[128], opts[512], p[160];

	strato_ovl_path(lower, sizeof(lower), "lower");
	strato_ovl_path(upper, sizeof(upper), "upper");
	strato_ovl_path(work, sizeof(work), "work");
	if (mkdir(g_ovl, 0700) || mkdir(lower, 0700) || mkdir(upper, 0700) || mkdir(work, 0700) ||
	    mkdir(g_ovl_merged, 0700)) {
		printf("note: cannot make %s: %s\n", g_ovl, strerror(errno));
		return;
	}
	snprintf(p, sizeof(p), "%s/low-true", lower);
	if (!strato_copy("/bin/true", p))
		return;
	snprintf(p, sizeof(p), "%s/up-true", upper);
	if (!strato_copy("/bin/true", p))
		return;
	snprintf(opts, sizeof(opts), "lowerdir=%s,upperdir=%s,workdir=%s", lower, upper, work);
	g_ovl_ok = mount("overlay", g_ovl_merged, "overlay", 0, opts) == 0;
	if (!g_ovl_ok)
		printf("note: no overlayfs (%s): proc.is_exe_upper_layer not checked\n", strerror(errno));
}

static void strato_ovl_teardown(void)
{
	static const char *const subs[] = {"lower/low-true", "upper/up-true", "work/work", "work",
					   "lower",	     "upper",	      "merged"};
	char p[160];

	if (!g_ovl[0])
		return;
	umount(g_ovl_merged); /* mounted by the test's process, maybe */
	for (unsigned i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
		strato_ovl_path(p, sizeof(p), subs[i]);
		if (unlink(p))
			rmdir(p);
	}
	rmdir(g_ovl);
}

/* Runs `path` in a child and waits for it; true when it exited 0. */
static bool strato_run(const char *path)
{
	pid_t p = fork();
	int st;

	if (p == 0) {
		execl(path, path, (char *)NULL);
		_exit(127);
	}
	return p > 0 && waitpid(p, &st, 0) == p && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static uint64_t strato_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* The child: a symlink to /etc/shadow, then /bin/true copied into a memfd
 * and run from there. Exit status 0 when both worked. */
static int strato_child(void)
{
	char buf[65536], link[64];
	ssize_t n;
	pid_t p;
	int st, in, mfd;

	snprintf(link, sizeof(link), "/tmp/strato-falco-live-%d", (int)getpid());
	if (symlink("/etc/shadow", link))
		return 1;
	unlink(link);
	in = open("/bin/true", O_RDONLY);
	mfd = memfd_create("strato-true", MFD_CLOEXEC);
	if (in < 0 || mfd < 0)
		return 2;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(mfd, buf, (size_t)n) != n)
			return 3;
	close(in);
	p = fork();
	if (p == 0) {
		char *const argv[] = {"true", NULL}, *const envp[] = {NULL};

		fexecve(mfd, argv, envp);
		_exit(127);
	}
	if (p < 0 || waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st))
		return 4;
	if (g_ovl_ok) {
		char up[160], low[160];

		snprintf(up, sizeof(up), "%s/up-true", g_ovl_merged);
		snprintf(low, sizeof(low), "%s/low-true", g_ovl_merged);
		if (!strato_run(up) || !strato_run(low))
			return 5;
	}
	return 0;
}

static bool strato_is_desc(pid_t root, int64_t pid, int64_t ppid)
{
	return pid == root || ppid == root;
}

static const char *const strato_rule_files[] = {"falco-rules/falco_rules.yaml",
						 "falco-rules/falco-incubating_rules.yaml",
						 "falco-rules/falco-sandbox_rules.yaml"};
#define files strato_rule_files

START_TEST(test_falco_live)
{
	STRATO_OPTS(strato_live_opts, lo, .snaplen = 80);
	struct strato_frules r = {0};
	strato_ruleset *rs;
	strato_capture *cap;
	const strato_event *ev;
	strato_field *pidf, *ppidf, *memfdf, *durf, *namef, *upperf, *exepathf;
	char path[4096], errbuf[256];
	unsigned symlink_hits = 0, memfd_hits = 0, memfd_exec = 0, nrules = 0, durations = 0;
	char want_up[160], want_low[160], up_val[16] = "", low_val[16] = "";
	uint64_t t0;
	unsigned m[64];
	int rc, st;
	pid_t child;
	time_t start;

	for (unsigned i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		ck_assert(strato_test_shared(files[i], path, sizeof(path))); /* main() checked */
		ck_assert_msg(strato_frules_load(&r, path, errbuf, sizeof(errbuf)) == 0, "%s", errbuf);
	}
	ck_assert_int_eq(strato_ruleset_new(&rs), 0);
	for (unsigned k = 0; k < r.nrules; k++) {
		STRATO_OPTS(strato_filter_opts, o, .defs = r.defs);
		strato_filter *f;

		/* rules naming container/k8s fields the library lacks do not
		 * compile (tests/filter-falco.sh counts them) */
		if (strato_filter_compile(&f, r.rules[k].cond, &o, NULL))
			continue;
		ck_assert_int_ge(strato_ruleset_add(rs, r.rules[k].name, f), 0);
		strato_filter_free(f);
		nrules++;
	}
	ck_assert_uint_gt(nrules, 60);
	rc = strato_capture_open_live(&cap, &lo);
	ck_assert_msg(rc == 0, "open_live: %d %s", rc, strato_last_error()); /* main() checked we can */
	ck_assert_int_eq(strato_field_lookup("proc.pid", &pidf), 0);
	ck_assert_int_eq(strato_field_lookup("proc.ppid", &ppidf), 0);
	ck_assert_int_eq(strato_field_lookup("proc.is_exe_from_memfd", &memfdf), 0);
	ck_assert_int_eq(strato_field_lookup("proc.duration", &durf), 0);
	ck_assert_int_eq(strato_field_lookup("evt.type", &namef), 0);
	ck_assert_int_eq(strato_field_lookup("proc.is_exe_upper_layer", &upperf), 0);
	ck_assert_int_eq(strato_field_lookup("proc.exepath", &exepathf), 0);
	strato_ovl_setup();
	snprintf(want_up, sizeof(want_up), "%s/up-true", g_ovl_merged);
	snprintf(want_low, sizeof(want_low), "%s/low-true", g_ovl_merged);
	t0 = strato_now_ns();
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0)
		_exit(strato_child());
	start = time(NULL);
	while (!(symlink_hits && memfd_hits && (!g_ovl_ok || low_val[0])) && time(NULL) - start < 20 &&
	       (rc = strato_capture_next(cap, &ev)) >= 0 && rc != STRATO_EOF) {
		int64_t pid = 0, ppid = 0;
		uint64_t u;
		int n;

		if (rc != STRATO_EVENT || strato_field_get_i64(pidf, ev, &pid) ||
		    strato_field_get_i64(ppidf, ev, &ppid) || !strato_is_desc(child, pid, ppid))
			continue;
		if (!strato_field_get_u64(durf, ev, &u)) {
			/* every process of the workload was born after t0; the
			 * clone event that makes a thread counts 0 */
			ck_assert_uint_lt(u, strato_now_ns() - t0);
			durations += u > 0;
		}
		if ((strato_event_type(ev) & 1) && !strato_field_get_u64(memfdf, ev, &u) && u) {
			const char *s;

			ck_assert_int_eq(strato_field_get_str(namef, ev, &s, NULL), 0);
			memfd_exec += !strcmp(s, "execve");
		}
		if (strato_event_type(ev) & 1) {
			const char *s, *xp;

			if (!strato_field_get_str(namef, ev, &s, NULL) && !strcmp(s, "execve") &&
			    !strato_field_get_str(exepathf, ev, &xp, NULL) &&
			    (!strcmp(xp, want_up) || !strcmp(xp, want_low)))
				strato_field_format(upperf, ev, !strcmp(xp, want_up) ? up_val : low_val,
						    sizeof(up_val));
		}
		n = strato_ruleset_match(rs, ev, m, 64);
		ck_assert_int_ge(n, 0);
		for (int k = 0; k < n && k < 64; k++) {
			const char *name = strato_ruleset_name(rs, m[k]);

			symlink_hits += !strcmp(name, STRATO_RULE_SYMLINK);
			memfd_hits += !strcmp(name, STRATO_RULE_MEMFD);
		}
	}
	ck_assert_int_eq(waitpid(child, &st, 0), child);
	ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "workload status %d", st);
	strato_capture_close(cap);
	ck_assert_msg(symlink_hits > 0, "\"" STRATO_RULE_SYMLINK "\" did not fire for the symlink");
	ck_assert_msg(memfd_exec > 0, "no execve with proc.is_exe_from_memfd true");
	ck_assert_msg(memfd_hits > 0, "\"" STRATO_RULE_MEMFD "\" did not fire for the memfd exec");
	ck_assert_uint_gt(durations, 0);
	printf("overlayfs %s: proc.is_exe_upper_layer upper [%s] lower [%s]\n", g_ovl_ok ? "mounted" : "not mounted",
	       up_val, low_val);
	if (g_ovl_ok) {
		ck_assert_str_eq(up_val, "true");
		ck_assert_str_eq(low_val, "false");
	}
	strato_field_free(upperf);
	strato_field_free(exepathf);
	strato_field_free(pidf);
	strato_field_free(ppidf);
	strato_field_free(memfdf);
	strato_field_free(durf);
	strato_field_free(namef);
	strato_ruleset_free(rs);
	strato_frules_free(&r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("falco-live");
	TCase *tc = tcase_create("live");
	char path[4096];

	/* Skip here, not inside a test: Check runs tests in a child, where
	 * exit(77) is reported as an error. */
	if (strato_test_live_missing())
		return STRATO_TEST_SKIP;
	for (unsigned i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (!strato_test_shared(files[i], path, sizeof(path))) {
			printf("SKIP: no %s\n", files[i]);
			return STRATO_TEST_SKIP;
		}
	strato_ovl_name();
	tcase_set_timeout(tc, 60);
	tcase_add_unchecked_fixture(tc, NULL, strato_ovl_teardown);
	tcase_add_test(tc, test_falco_live);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
