# lib/filter/local.mk: the filter language (lexer, parser, compiler,
# evaluator, dump/explain, macros and lists, rule sets, capture filters).
lib_libstratocore_internal_la_SOURCES += \
	lib/filter/filter.h \
	lib/filter/lex.c \
	lib/filter/parse.c \
	lib/filter/defs.c \
	lib/filter/compile.c \
	lib/filter/eval.c \
	lib/filter/program.c \
	lib/filter/dump.c \
	lib/filter/prefilter.c \
	lib/filter/ruleset.c \
	lib/filter/capfilter.c

# bench/filter-bench: filter speed (not a test; bench/filter.sh runs it).
noinst_PROGRAMS += bench/filter-bench
bench_filter_bench_SOURCES = bench/filter-bench.c
bench_filter_bench_LDADD = lib/libstratocore.la
dist_noinst_SCRIPTS += bench/filter.sh
