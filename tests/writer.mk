# tests/writer.mk: tests of the .scap writer. check_writer checks the bytes it
# produces; check_writer_sysdig has sysdig 0.29.3 (the reference reader) read
# the files and checks what it prints.
EXTRA_DIST += tests/writer_testutil.h
if HAVE_CHECK
check_PROGRAMS += tests/check_writer
TESTS += tests/check_writer
tests_check_writer_SOURCES = tests/check_writer.c
tests_check_writer_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(ZLIB_CFLAGS)
tests_check_writer_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS) $(ZLIB_LIBS)
endif
if HAVE_CHECK
check_PROGRAMS += tests/check_writer_sysdig
TESTS += tests/check_writer_sysdig
tests_check_writer_sysdig_SOURCES = tests/check_writer_sysdig.c
tests_check_writer_sysdig_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(ZLIB_CFLAGS)
tests_check_writer_sysdig_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS) $(ZLIB_LIBS)
endif
