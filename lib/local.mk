# lib/local.mk: the library. Every source goes into the convenience library
# libstratocore-internal.la, which unit tests link to reach internals; the
# installed libstratocore.la is that plus the version script, which hides
# everything that is not public API.
noinst_LTLIBRARIES += lib/libstratocore-internal.la
lib_libstratocore_internal_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden \
	$(LIBBPF_CFLAGS) $(LIBELF_CFLAGS) $(ZLIB_CFLAGS)
lib_libstratocore_internal_la_LIBADD = $(LIBBPF_LIBS) $(LIBELF_LIBS) $(ZLIB_LIBS) -lpthread
lib_libstratocore_internal_la_SOURCES = \
	lib/core/internal.h \
	lib/core/error.c \
	lib/core/log.c \
	lib/core/version.c \
	lib/core/buf.h \
	lib/core/buf.c \
	lib/event/event_table.h \
	lib/event/event_table.c \
	lib/event/event.h \
	lib/event/event.c \
	lib/event/event_format.c \
	lib/capture/capture.h \
	lib/capture/capture.c \
	lib/capture/ringbuf.h \
	lib/capture/ringbuf.c \
	lib/capture/probe.c \
	lib/format/scap.h \
	lib/format/tables.h \
	lib/format/tables.c
nodist_lib_libstratocore_internal_la_SOURCES = lib/capture/stratocore.skel.h

lib_LTLIBRARIES += lib/libstratocore.la
lib_libstratocore_la_SOURCES =
lib_libstratocore_la_LIBADD = lib/libstratocore-internal.la
lib_libstratocore_la_LDFLAGS = $(AM_LDFLAGS) -version-info $(STRATO_LT_VERSION) \
	-Wl,--version-script=$(srcdir)/lib/libstratocore.map -Wl,--no-undefined
EXTRA_lib_libstratocore_la_DEPENDENCIES = $(srcdir)/lib/libstratocore.map
EXTRA_DIST += lib/libstratocore.map

# Subsystem fragments append their sources to the convenience library.
include $(srcdir)/lib/format/reader.mk
include $(srcdir)/lib/format/writer.mk
include $(srcdir)/lib/capture/live.mk
include $(srcdir)/lib/event/format.mk
include $(srcdir)/lib/state/local.mk
include $(srcdir)/lib/field/local.mk
include $(srcdir)/lib/filter/local.mk
