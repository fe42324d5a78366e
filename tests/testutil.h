/* tests/testutil.h: small helpers shared by the Check test programs. */
#ifndef STRATO_TESTUTIL_H
#define STRATO_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Automake's code for a skipped test. */
#define STRATO_TEST_SKIP 77

/* Path of a file under the shared reference folder, or NULL when that
 * folder is absent (tests using it then skip). */
static inline const char *strato_test_shared(const char *rel, char *buf, size_t len)
{
	const char *dir = getenv("STRATO_SHARED");

	if (!dir)
		dir = "../shared";
	snprintf(buf, len, "%s/%s", dir, rel);
	return access(buf, R_OK) == 0 ? buf : NULL;
}

/* Live capture needs root and kernel BTF: 0 when both are there, else
 * STRATO_TEST_SKIP after saying which one is missing. */
static inline int strato_test_live_missing(void)
{
	if (geteuid() != 0) {
		printf("SKIP: live capture tests need root (running as uid %u)\n", (unsigned)geteuid());
		return STRATO_TEST_SKIP;
	}
	if (access("/sys/kernel/btf/vmlinux", R_OK)) {
		printf("SKIP: the kernel has no BTF (/sys/kernel/btf/vmlinux missing)\n");
		return STRATO_TEST_SKIP;
	}
	return 0;
}

/* Runs the suite; returns the process exit status. */
static inline int strato_test_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
