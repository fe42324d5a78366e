# lib/capture/live.mk: rules of this subsystem (appends to the variables of Makefile.am).
lib_libstratocore_internal_la_SOURCES += \
	lib/capture/syscalls.h \
	lib/capture/syscalls.c \
	lib/capture/proc_snapshot.h \
	lib/capture/proc_snapshot.c
# The private event types (gap markers) live with the event table but are
# only produced by live capture.
lib_libstratocore_internal_la_SOURCES += lib/event/event_ext.c
