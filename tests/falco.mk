# tests/falco.mk: the syscall fields the official Falco rules need, on the
# public samples and on a live capture that loads the rules.
if HAVE_CHECK
check_PROGRAMS += tests/check_falco_fields
TESTS += tests/check_falco_fields
tests_check_falco_fields_SOURCES = tests/check_falco_fields.c
tests_check_falco_fields_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_falco_fields_LDADD = lib/libstratocore.la $(CHECK_LIBS)
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_falco_live
TESTS += tests/check_falco_live
tests_check_falco_live_SOURCES = tests/check_falco_live.c tests/falco_rules.c
tests_check_falco_live_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_falco_live_LDADD = lib/libstratocore.la $(CHECK_LIBS)
endif
