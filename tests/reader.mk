# tests/reader.mk: tests of the .scap reader (fixtures, samples, robustness,
# comparison with sysdig).
if HAVE_CHECK
check_PROGRAMS += tests/check_reader
TESTS += tests/check_reader
tests_check_reader_SOURCES = tests/check_reader.c
tests_check_reader_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_reader_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
endif

dist_noinst_SCRIPTS += tests/reader-sysdig.sh
TESTS += tests/reader-sysdig.sh
