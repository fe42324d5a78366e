/* tests/filter_falco.c: loads Falco rule files with the small loader,
 * checks that every list and macro expands and every rule compiles, and
 * prints the counts (tests/filter-falco.sh compares them with the files);
 * with -r it also runs the rule set over a capture. */
#include "falco_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The field named by an "unknown field 'x'" message, else NULL. */
static const char *nofield(const char *msg, char *buf, size_t len)
{
	const char *p = strstr(msg, "unknown field '"), *e;

	if (!p)
		return NULL;
	p += strlen("unknown field '");
	if (!(e = strchr(p, '\'')) || (size_t)(e - p) >= len)
		return NULL;
	memcpy(buf, p, (size_t)(e - p));
	buf[e - p] = 0;
	return buf;
}

/* Compiles one expression; counts it as ok, missing field or other error. */
static strato_filter *try_compile(const char *what, const char *name, const char *expr, const strato_filter_defs *defs,
				  unsigned *ok, unsigned *nf, unsigned *other)
{
	STRATO_OPTS(strato_filter_opts, o, .defs = defs);
	struct strato_filter_error err;
	strato_filter *f = NULL;
	char fld[128];

	if (strato_filter_compile(&f, expr, &o, &err) == 0) {
		(*ok)++;
		return f;
	}
	if (nofield(err.message, fld, sizeof(fld))) {
		(*nf)++;
		printf("nofield %s %s %s\n", what, name, fld);
	} else {
		(*other)++;
		printf("error %s %s: %s (offset %zu)\n", what, name, err.message, err.offset);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct strato_frules r = {0};
	const char *capture = NULL;
	unsigned lok = 0, lnf = 0, lerr = 0, mok = 0, mnf = 0, merr = 0, rok = 0, rnf = 0, rerr = 0;
	strato_ruleset *rs = NULL;
	char errbuf[256];
	int i = 1;

	if (argc > 2 && !strcmp(argv[1], "-r")) {
		capture = argv[2];
		i = 3;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: filter_falco [-r CAPTURE] RULES.yaml...\n");
		return 2;
	}
	for (; i < argc; i++) {
		if (strato_frules_load(&r, argv[i], errbuf, sizeof(errbuf))) {
			fprintf(stderr, "%s\n", errbuf);
			return 1;
		}
	}
	if (strato_ruleset_new(&rs))
		return 1;
	for (unsigned k = 0; k < r.nlists; k++) {
		char expr[300];

		/* a list expands when it can fill a value list of a string field */
		snprintf(expr, sizeof(expr), "proc.name in (%s)", r.lists[k]);
		strato_filter_free(try_compile("list", r.lists[k], expr, r.defs, &lok, &lnf, &lerr));
	}
	for (unsigned k = 0; k < r.nmacros; k++)
		strato_filter_free(try_compile("macro", r.macros[k], r.macros[k], r.defs, &mok, &mnf, &merr));
	for (unsigned k = 0; k < r.nrules; k++) {
		strato_filter *f = try_compile("rule", r.rules[k].name, r.rules[k].cond, r.defs, &rok, &rnf, &rerr);
		if (f) {
			if (strato_ruleset_add(rs, r.rules[k].name, f) < 0)
				return 1;
			strato_filter_free(f);
		}
	}
	printf("lists %u ok %u nofield %u error %u\n", r.nlists, lok, lnf, lerr);
	printf("macros %u ok %u nofield %u error %u\n", r.nmacros, mok, mnf, merr);
	printf("rules %u ok %u nofield %u error %u\n", r.nrules, rok, rnf, rerr);
	if (capture) {
		STRATO_OPTS(strato_file_opts, fo);
		strato_capture *cap;
		const strato_event *ev;
		unsigned long long nev = 0, nhit = 0;
		unsigned *hits = calloc(rok + 1, sizeof(*hits)), m[64];
		int rc;

		if (!hits || strato_capture_open_file(&cap, capture, &fo)) {
			fprintf(stderr, "%s: %s\n", capture, strato_last_error());
			return 1;
		}
		while ((rc = strato_capture_next(cap, &ev)) == STRATO_EVENT) {
			int n = strato_ruleset_match(rs, ev, m, 64);

			if (n < 0) {
				fprintf(stderr, "match: %s\n", strato_last_error());
				return 1;
			}
			nev++;
			nhit += n > 0;
			for (int k = 0; k < n && k < 64; k++)
				hits[m[k]]++;
		}
		strato_capture_close(cap);
		if (rc < 0) {
			fprintf(stderr, "%s: %s\n", capture, strato_last_error());
			return 1;
		}
		printf("events %llu matched %llu\n", nev, nhit);
		for (unsigned k = 0; k < rok; k++)
			if (hits[k])
				printf("hit %u %s\n", hits[k], strato_ruleset_name(rs, k));
		free(hits);
	}
	strato_ruleset_free(rs);
	strato_frules_free(&r);
	return lerr || merr || rerr;
}
