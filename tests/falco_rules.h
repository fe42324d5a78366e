/* tests/falco_rules.h: a small loader for Falco rule files (the YAML subset
 * they use: `list`, `macro` and `rule` entries with items and condition),
 * feeding lists and macros into strato_filter_defs. */
#ifndef STRATO_TESTS_FALCO_RULES_H
#define STRATO_TESTS_FALCO_RULES_H

#include <stratocore/stratocore.h>

struct strato_frule {
	char *name;
	char *cond;
	unsigned file; /* index of the file it came from */
};

struct strato_frules {
	strato_filter_defs *defs;
	char **lists, **macros; /* names, in file order */
	char **macro_conds;
	unsigned nlists, nmacros;
	struct strato_frule *rules;
	unsigned nrules;
	unsigned nfiles;
};

/* Loads one more file into `r` (zeroed before the first). Returns 0 or a
 * negative errno; `errbuf` says which line was not understood. */
int strato_frules_load(struct strato_frules *r, const char *path, char *errbuf, size_t errlen);
void strato_frules_free(struct strato_frules *r);

#endif
