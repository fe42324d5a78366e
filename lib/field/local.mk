# lib/field/local.mk: the field registry, extractors and output formatter.
lib_libstratocore_internal_la_SOURCES += \
	lib/field/fields.h \
	lib/field/registry.c \
	lib/field/extract.c \
	lib/field/state_fields.c \
	lib/field/formatter.c \
	lib/field/dns.h \
	lib/field/dns.c
