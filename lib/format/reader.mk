# lib/format/reader.mk: the .scap reader (file back end of strato_capture).
lib_libstratocore_internal_la_SOURCES += \
	lib/format/reader.h \
	lib/format/scap_read.c \
	lib/format/gzread.h \
	lib/format/gzread.c \
	lib/format/readahead.h \
	lib/format/readahead.c \
	lib/format/merge.c
# libdeflate (optional, configure --without-libdeflate): whole gzip members,
# about twice as fast as zlib, for the reader and the writer.
lib_libstratocore_internal_la_CFLAGS += $(LIBDEFLATE_CFLAGS)
lib_libstratocore_internal_la_LIBADD += $(LIBDEFLATE_LIBS)
# ISA-L (optional, configure --without-isal): streams the gzip members too
# big for libdeflate (one-member sysdig -z files) about 3x faster than zlib.
lib_libstratocore_internal_la_CFLAGS += $(ISAL_CFLAGS)
lib_libstratocore_internal_la_LIBADD += $(ISAL_LIBS)

# bench/read-bench: reading speed through the public API (bench/read.sh).
noinst_PROGRAMS += bench/read-bench
bench_read_bench_SOURCES = bench/read-bench.c
bench_read_bench_LDADD = lib/libstratocore.la
dist_noinst_SCRIPTS += bench/read.sh
