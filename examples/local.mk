# examples/local.mk: example programs that show consumers how to use the
# library; they link the installed-ABI library, never the internals.
bin_PROGRAMS += examples/stratoread
examples_stratoread_SOURCES = examples/stratoread.c
examples_stratoread_LDADD = lib/libstratocore.la

# stratotrace: strace-like output from live capture. It compiles the
# library's syscall name table in (the library does not export it) to name
# generic events.
bin_PROGRAMS += examples/stratotrace
examples_stratotrace_SOURCES = examples/stratotrace.c lib/capture/syscalls.c lib/capture/syscalls.h
examples_stratotrace_CFLAGS = $(AM_CFLAGS)
examples_stratotrace_LDADD = lib/libstratocore.la
