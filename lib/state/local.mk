# lib/state/local.mk: the state engine (thread, fd, user tables kept current
# from events), appended to the convenience library.
lib_libstratocore_internal_la_SOURCES += \
	lib/state/state.h \
	lib/state/state.c \
	lib/state/map.c \
	lib/state/container.c \
	lib/state/capture_state.c
