# tests/state.mk: the state engine (thread and fd tables, eviction).
if HAVE_CHECK
check_PROGRAMS += tests/check_state
TESTS += tests/check_state
tests_check_state_SOURCES = tests/check_state.c
tests_check_state_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_state_LDADD = lib/libstratocore-internal.la $(CHECK_LIBS)
endif

# Live: fields of a workload this test starts (skips without live capture).
if HAVE_CHECK
check_PROGRAMS += tests/check_state_live
TESTS += tests/check_state_live
tests_check_state_live_SOURCES = tests/check_state_live.c
tests_check_state_live_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_state_live_LDADD = lib/libstratocore.la $(CHECK_LIBS)
endif
