# tests/live.mk: live capture tests. They run for real as root on a kernel
# with BTF and skip (77) elsewhere.
if HAVE_CHECK
check_PROGRAMS += tests/check_live tests/check_live_drops tests/check_live_accept tests/check_live_snapshot tests/check_live_filters \
	tests/check_live_syscalls
TESTS += tests/check_live tests/check_live_drops tests/check_live_accept tests/check_live_snapshot tests/check_live_filters \
	tests/check_live_syscalls
tests_check_live_syscalls_SOURCES = tests/check_live_syscalls.c tests/syscall_workload.h
tests_check_live_syscalls_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_live_syscalls_LDADD = lib/libstratocore.la $(CHECK_LIBS)
tests_check_live_SOURCES = tests/check_live.c
tests_check_live_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_live_LDADD = lib/libstratocore.la $(CHECK_LIBS)
tests_check_live_drops_SOURCES = tests/check_live_drops.c
tests_check_live_drops_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_live_drops_LDADD = lib/libstratocore.la $(CHECK_LIBS)
tests_check_live_accept_SOURCES = tests/check_live_accept.c
tests_check_live_accept_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_live_accept_LDADD = lib/libstratocore.la $(CHECK_LIBS)
tests_check_live_snapshot_SOURCES = tests/check_live_snapshot.c
tests_check_live_snapshot_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_live_snapshot_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
tests_check_live_filters_SOURCES = tests/check_live_filters.c
tests_check_live_filters_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) -pthread
tests_check_live_filters_LDADD = lib/libstratocore.la $(CHECK_LIBS) -lpthread
endif
# The issue #4 calls as a program, traced by tests/stratotrace.sh.
check_PROGRAMS += tests/syscall_workload
tests_syscall_workload_SOURCES = tests/syscall_workload.c tests/syscall_workload.h
dist_noinst_SCRIPTS += tests/stratotrace.sh tests/live-sysdig.sh
TESTS += tests/stratotrace.sh tests/live-sysdig.sh

# bench/live-bench.sh drives this program (built with `make check`, run by
# hand: it needs root and takes minutes).
check_PROGRAMS += bench/live_bench
bench_live_bench_SOURCES = bench/live_bench.c
bench_live_bench_CFLAGS = $(AM_CFLAGS) $(LIBBPF_CFLAGS)
bench_live_bench_LDADD = lib/libstratocore.la $(LIBBPF_LIBS)
dist_noinst_SCRIPTS += bench/live-bench.sh
EXTRA_DIST += docs/performance.md
