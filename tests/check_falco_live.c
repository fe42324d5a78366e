/* tests/check_falco_live.c: the official Falco rules (../shared/falco-rules)
 * evaluated over a live capture. A child of this test makes a symlink to
 * /etc/shadow, which "Create Symlink Over Sensitive Files" must report, and
 * runs a program from a memfd (fexecve), which "Fileless execution via
 * memfd_create" must report; that execve shows proc.is_exe_from_memfd
 * true and the child's events a proc.duration within the test's own run
 * time. ("Read sensitive file untrusted" would be the classic one, but it
 * names container.image.repository, which the library does not provide.)
 * Skips (77) without root, live capture support or the rule files. */
#include <stratocore/stratocore.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "falco_rules.h"
#include "testutil.h"

#define STRATO_RULE_SYMLINK "Create Symlink Over Sensitive Files"
#define STRATO_RULE_MEMFD "Fileless execution via memfd_create"

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
	return 0;
}

static bool strato_is_desc(pid_t root, int64_t pid, int64_t ppid)
{
	return pid == root || ppid == root;
}

START_TEST(test_falco_live)
{
	STRATO_OPTS(strato_live_opts, lo, .snaplen = 80);
	static const char *const files[] = {"falco-rules/falco_rules.yaml", "falco-rules/falco-incubating_rules.yaml",
					    "falco-rules/falco-sandbox_rules.yaml"};
	struct strato_frules r = {0};
	strato_ruleset *rs;
	strato_capture *cap;
	const strato_event *ev;
	strato_field *pidf, *ppidf, *memfdf, *durf, *namef;
	char path[4096], errbuf[256];
	unsigned symlink_hits = 0, memfd_hits = 0, memfd_exec = 0, nrules = 0, durations = 0;
	uint64_t t0;
	unsigned m[64];
	int rc, st;
	pid_t child;
	time_t start;

	if (geteuid() != 0) {
		printf("skip: needs root\n");
		exit(STRATO_TEST_SKIP);
	}
	for (unsigned i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		if (!strato_test_shared(files[i], path, sizeof(path)))
			exit(STRATO_TEST_SKIP);
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
	if (rc == -EPERM || rc == -STRATO_ENOBTF || rc == -STRATO_EPROBE) {
		printf("skip: live capture unavailable: %s\n", strato_last_error());
		exit(STRATO_TEST_SKIP);
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(strato_field_lookup("proc.pid", &pidf), 0);
	ck_assert_int_eq(strato_field_lookup("proc.ppid", &ppidf), 0);
	ck_assert_int_eq(strato_field_lookup("proc.is_exe_from_memfd", &memfdf), 0);
	ck_assert_int_eq(strato_field_lookup("proc.duration", &durf), 0);
	ck_assert_int_eq(strato_field_lookup("evt.type", &namef), 0);
	t0 = strato_now_ns();
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0)
		_exit(strato_child());
	start = time(NULL);
	while (!(symlink_hits && memfd_hits) && time(NULL) - start < 20 &&
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

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_falco_live);
	suite_add_tcase(s, tc);
	return strato_test_run(s);
}
