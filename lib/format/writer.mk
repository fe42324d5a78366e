# lib/format/writer.mk: rules of this subsystem (appends to the variables of Makefile.am).
lib_libstratocore_internal_la_SOURCES += lib/format/scap_write.c lib/format/writer_internal.h
