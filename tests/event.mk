# tests/event.mk: rules of this subsystem (appends to the variables of Makefile.am).
if HAVE_CHECK
check_PROGRAMS += tests/check_format
TESTS += tests/check_format
tests_check_format_SOURCES = tests/check_format.c
tests_check_format_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_format_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
endif
