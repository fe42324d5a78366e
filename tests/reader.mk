# tests/reader.mk: tests of the .scap reader (fixtures, samples, robustness,
# comparison with sysdig).
if HAVE_CHECK
check_PROGRAMS += tests/check_reader
TESTS += tests/check_reader
tests_check_reader_SOURCES = tests/check_reader.c
tests_check_reader_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_reader_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
# check_gzread: gzip reading through the libdeflate and zlib paths.
check_PROGRAMS += tests/check_gzread
TESTS += tests/check_gzread
tests_check_gzread_SOURCES = tests/check_gzread.c
tests_check_gzread_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(ZLIB_CFLAGS)
tests_check_gzread_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS) $(ZLIB_LIBS)
endif

dist_noinst_SCRIPTS += tests/reader-sysdig.sh
TESTS += tests/reader-sysdig.sh
