# tests/field.mk: the field registry, extractors and formatter.
if HAVE_CHECK
check_PROGRAMS += tests/check_field
TESTS += tests/check_field
tests_check_field_SOURCES = tests/check_field.c
tests_check_field_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_field_LDADD = lib/libstratocore.la $(CHECK_LIBS)
endif

# docs/fields.md is generated from the registry; the test fails when the
# committed file differs from what the registry prints.
noinst_PROGRAMS += tools/gen-fields-md
tools_gen_fields_md_SOURCES = tools/gen-fields-md.c
tools_gen_fields_md_LDADD = lib/libstratocore.la
dist_noinst_SCRIPTS += tests/fields-doc.sh tests/fields-sysdig.sh
EXTRA_DIST += docs/fields.md docs/compatibility.md tests/fields-sysdig.exceptions
TESTS += tests/fields-doc.sh tests/fields-sysdig.sh

# bench/: not run by make check (speed is measured, not asserted).
noinst_PROGRAMS += bench/bench_fields
bench_bench_fields_SOURCES = bench/bench_fields.c
bench_bench_fields_LDADD = lib/libstratocore-internal.la
dist_noinst_SCRIPTS += bench/fields.sh
noinst_PROGRAMS += bench/state_churn
bench_state_churn_SOURCES = bench/state_churn.c
bench_state_churn_LDADD = lib/libstratocore.la
