# tests/filter.mk: the filter language: compiler tables (accept, reject,
# apply), the Falco rule files, and the comparison with sysdig 0.29.3.
EXTRA_DIST += docs/filters.md tests/data/filter-accept.inc tests/data/filters-sysdig.txt \
	tests/data/filters-sysdig.skip tests/falco_rules.h
dist_noinst_SCRIPTS += tests/filter-sysdig.sh tests/filter-falco.sh
check_PROGRAMS += tests/filter_keys tests/filter_falco
tests_filter_keys_SOURCES = tests/filter_keys.c
tests_filter_keys_LDADD = lib/libstratocore.la
tests_filter_falco_SOURCES = tests/filter_falco.c tests/falco_rules.c
tests_filter_falco_LDADD = lib/libstratocore.la
TESTS += tests/filter-sysdig.sh tests/filter-falco.sh

if HAVE_CHECK
check_PROGRAMS += tests/check_filter
TESTS += tests/check_filter
tests_check_filter_SOURCES = tests/check_filter.c
tests_check_filter_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_filter_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
endif

# The flat program filters run, against the tree evaluator on the samples.
if HAVE_CHECK
check_PROGRAMS += tests/check_filter_program
TESTS += tests/check_filter_program
tests_check_filter_program_SOURCES = tests/check_filter_program.c
tests_check_filter_program_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_filter_program_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
endif

# What the probe sends to user space under a filter's kernel part (live).
if HAVE_CHECK
check_PROGRAMS += tests/check_live_prefilter
TESTS += tests/check_live_prefilter
tests_check_live_prefilter_SOURCES = tests/check_live_prefilter.c
tests_check_live_prefilter_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_live_prefilter_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
endif
