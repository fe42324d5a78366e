# tests/event.mk: rules of this subsystem (appends to the variables of Makefile.am).
if HAVE_CHECK
check_PROGRAMS += tests/check_format
TESTS += tests/check_format
tests_check_format_SOURCES = tests/check_format.c
tests_check_format_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_format_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
endif

# Comparison with sysdig on the sample captures (skips without either).
check_PROGRAMS += tests/check_format_sysdig
tests_check_format_sysdig_SOURCES = tests/check_format_sysdig.c
tests_check_format_sysdig_LDADD = lib/libstratocore-internal.la $(ZLIB_LIBS)
dist_noinst_SCRIPTS += tests/format-sysdig.sh
TESTS += tests/format-sysdig.sh
