# tests/local.mk: `make check`. Unit tests of internals link the convenience
# library; API tests link the versioned library like any consumer would.
AM_TESTS_ENVIRONMENT = top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	CC='$(CC)' CXX='$(CXX)' MAKE='$(MAKE)' NM='$(NM)' \
	STRATO_SHARED='$(abs_top_srcdir)/../shared' \
	PACKAGE_VERSION='$(PACKAGE_VERSION)'; \
	export top_srcdir top_builddir CC CXX MAKE NM STRATO_SHARED PACKAGE_VERSION;
EXTRA_DIST += tests/testutil.h tests/sanitized-tests
dist_noinst_SCRIPTS += tests/headertest.sh tests/abi-check.sh tests/link-test.sh tests/roundtrip-sysdig.sh
TESTS += tests/headertest.sh tests/abi-check.sh tests/link-test.sh tests/roundtrip-sysdig.sh

if HAVE_CHECK
check_PROGRAMS += tests/check_event
TESTS += tests/check_event
tests_check_event_SOURCES = tests/check_event.c
tests_check_event_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_event_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
endif

include $(srcdir)/tests/reader.mk
include $(srcdir)/tests/writer.mk
include $(srcdir)/tests/live.mk
include $(srcdir)/tests/event.mk
include $(srcdir)/tests/state.mk
include $(srcdir)/tests/field.mk
include $(srcdir)/tests/filter.mk
include $(srcdir)/tests/lua.mk
include $(srcdir)/tests/falco.mk
