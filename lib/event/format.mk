# lib/event/format.mk: rules of this subsystem (appends to the variables of Makefile.am).
# The argument formatter (event_format.c, listed in lib/local.mk), its state
# hook and its name tables; param_formats.tsv is the data
# scripts/gen-event-table.py folds into event_table.c.
lib_libstratocore_internal_la_SOURCES += \
	lib/event/format.h \
	lib/event/flags.h \
	lib/event/flags.c
EXTRA_DIST += lib/event/param_formats.tsv
