# tests/state.mk: the state engine (thread and fd tables, eviction).
if HAVE_CHECK
check_PROGRAMS += tests/check_state
TESTS += tests/check_state
tests_check_state_SOURCES = tests/check_state.c
tests_check_state_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_state_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
endif
