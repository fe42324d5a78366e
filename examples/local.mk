# examples/local.mk: example programs that show consumers how to use the
# library; they link the installed-ABI library, never the internals.
bin_PROGRAMS += examples/stratoread
examples_stratoread_SOURCES = examples/stratoread.c
examples_stratoread_LDADD = lib/libstratocore.la
