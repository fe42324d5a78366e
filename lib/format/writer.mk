# lib/format/writer.mk: rules of this subsystem (appends to the variables of Makefile.am).
lib_libstratocore_internal_la_SOURCES += lib/format/scap_write.c lib/format/writer_internal.h

# bench/write-bench: speed of the writer (not a test; bench/write.sh runs it).
noinst_PROGRAMS += bench/write-bench
bench_write_bench_SOURCES = bench/write-bench.c
bench_write_bench_LDADD = lib/libstratocore-internal.la
dist_noinst_SCRIPTS += bench/write.sh
EXTRA_DIST += docs/scap-writer.md docs/performance.md
