# lib/format/reader.mk: the .scap reader (file back end of strato_capture).
lib_libstratocore_internal_la_SOURCES += \
	lib/format/reader.h \
	lib/format/scap_read.c \
	lib/format/merge.c
