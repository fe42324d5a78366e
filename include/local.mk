# include/local.mk: the installed public headers (<stratocore/...>).
stratocoredir = $(includedir)/stratocore
stratocore_HEADERS = \
	include/stratocore/stratocore.h \
	include/stratocore/common.h \
	include/stratocore/errors.h \
	include/stratocore/capture.h \
	include/stratocore/event.h \
	include/stratocore/field.h \
	include/stratocore/writer.h \
	include/stratocore/filter.h
nodist_stratocore_HEADERS = include/stratocore/version.h
