/* tests/falco_rules.c: the Falco rule file loader (see falco_rules.h). It
 * understands the YAML the official rule files use: top-level `- key:`
 * entries, plain/quoted/folded (>) /literal (|) scalars, flow [a, b] and
 * block (- a) sequences, and # comments. */
#include "falco_rules.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STRATO_FR_MAXFILE (16u << 20)

struct strato_frkv {
	char key[64];
	char *val;    /* scalar, or NULL */
	char **items; /* sequence */
	size_t nitems;
	bool is_seq;
};

static int strato_fr_indent(const char *l)
{
	int n = 0;

	while (l[n] == ' ')
		n++;
	return n;
}

static bool strato_fr_blank(const char *l)
{
	l += strato_fr_indent(l);
	return !*l || *l == '#';
}

static char *strato_fr_trim(char *s)
{
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = 0;
	return s;
}

/* Cuts a ` #comment` that is outside quotes. */
static void strato_fr_uncomment(char *s)
{
	char q = 0;

	for (char *p = s; *p; p++) {
		if (q) {
			if (*p == q)
				q = 0;
		} else if (*p == '"' || *p == '\'') {
			q = *p;
		} else if (*p == '#' && (p == s || isspace((unsigned char)p[-1]))) {
			*p = 0;
			return;
		}
	}
}

/* Removes YAML quotes in place. */
static char *strato_fr_unquote(char *s)
{
	size_t n = strlen(s), o = 0;

	if (n >= 2 && s[0] == '\'' && s[n - 1] == '\'') {
		for (size_t i = 1; i < n - 1; i++) {
			if (s[i] == '\'' && s[i + 1] == '\'')
				i++;
			s[o++] = s[i];
		}
		s[o] = 0;
	} else if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		for (size_t i = 1; i < n - 1; i++) {
			if (s[i] == '\\' && i + 1 < n - 1) {
				i++;
				s[o++] = s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : s[i];
			} else {
				s[o++] = s[i];
			}
		}
		s[o] = 0;
	}
	return s;
}

static int strato_fr_additem(struct strato_frkv *kv, const char *s)
{
	char **v = realloc(kv->items, (kv->nitems + 1) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	kv->items = v;
	if (!(v[kv->nitems] = strdup(s)))
		return -ENOMEM;
	kv->nitems++;
	return 0;
}

/* Items of a flow sequence `[a, "b", c]` (the text may span lines). */
static int strato_fr_flow(struct strato_frkv *kv, char *s)
{
	char *p = strchr(s, '['), q = 0, *start;
	int rc;

	kv->is_seq = true;
	if (!p)
		return -EINVAL;
	start = ++p;
	for (;; p++) {
		if (q) {
			if (*p == q)
				q = 0;
			else if (!*p)
				return -EINVAL;
			continue;
		}
		if (*p == '"' || *p == '\'') {
			q = *p;
		} else if (*p == ',' || *p == ']' || !*p) {
			char c = *p;

			*p = 0;
			char *it = strato_fr_trim(start);
			if (*it && (rc = strato_fr_additem(kv, strato_fr_unquote(it))))
				return rc;
			if (c != ',')
				return c == ']' ? 0 : -EINVAL;
			start = p + 1;
		}
	}
}

static void strato_fr_kvfree(struct strato_frkv *kv)
{
	free(kv->val);
	for (size_t i = 0; i < kv->nitems; i++)
		free(kv->items[i]);
	free(kv->items);
	memset(kv, 0, sizeof(*kv));
}

static char *strato_fr_cat(char *a, const char *b, char sep)
{
	size_t la = a ? strlen(a) : 0, lb = strlen(b);
	char *r = realloc(a, la + lb + 2);

	if (!r) {
		free(a);
		return NULL;
	}
	if (la)
		r[la++] = sep;
	memcpy(r + la, b, lb + 1);
	return r;
}

/* Decodes the value of a key whose text after the colon is `rest` and whose
 * continuation lines are lines[0..n). */
static int strato_fr_value(struct strato_frkv *kv, char *rest, char **lines, size_t n)
{
	char *r = strato_fr_trim(rest);

	if (*r == '>' || *r == '|') {
		char sep = *r == '>' ? ' ' : '\n';

		for (size_t i = 0; i < n; i++) {
			char *t = strato_fr_trim(lines[i]);

			if (*t && !(kv->val = strato_fr_cat(kv->val, t, sep)))
				return -ENOMEM;
		}
		if (!kv->val)
			kv->val = strdup("");
		return kv->val ? 0 : -ENOMEM;
	}
	if (*r == '[') {
		char *all = strdup(r);

		strato_fr_uncomment(all);
		for (size_t i = 0; i < n && all; i++) {
			if (strato_fr_blank(lines[i]))
				continue;
			strato_fr_uncomment(lines[i]);
			all = strato_fr_cat(all, strato_fr_trim(lines[i]), ' ');
		}
		if (!all)
			return -ENOMEM;
		int rc = strato_fr_flow(kv, all);
		free(all);
		return rc;
	}
	if (!*r && n && strato_fr_trim(lines[0])[0] == '-') {
		kv->is_seq = true;
		for (size_t i = 0; i < n; i++) {
			if (strato_fr_blank(lines[i]))
				continue;
			strato_fr_uncomment(lines[i]);
			char *t = strato_fr_trim(lines[i]);
			if (*t != '-')
				continue; /* more keys of a mapping item: not needed */
			int rc = strato_fr_additem(kv, strato_fr_unquote(strato_fr_trim(t + 1)));
			if (rc)
				return rc;
		}
		return 0;
	}
	/* plain or quoted scalar, folded over its continuation lines */
	if (*r != '"' && *r != '\'')
		strato_fr_uncomment(r);
	kv->val = strdup(strato_fr_trim(r));
	for (size_t i = 0; i < n && kv->val; i++) {
		if (strato_fr_blank(lines[i]))
			continue;
		kv->val = strato_fr_cat(kv->val, strato_fr_trim(lines[i]), ' ');
	}
	if (!kv->val)
		return -ENOMEM;
	strato_fr_unquote(kv->val);
	return 0;
}

static struct strato_frkv *strato_fr_get(struct strato_frkv *kvs, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(kvs[i].key, key))
			return &kvs[i];
	return NULL;
}

static int strato_fr_push(char ***v, unsigned n, const char *s)
{
	char **nv = realloc(*v, (n + 1) * sizeof(**v));

	if (!nv)
		return -ENOMEM;
	*v = nv;
	return (nv[n] = strdup(s)) ? 0 : -ENOMEM;
}

static int strato_fr_entry(struct strato_frules *r, struct strato_frkv *kvs, size_t n)
{
	struct strato_frkv *k;
	int rc = 0;

	if ((k = strato_fr_get(kvs, n, "list")) && k->val) {
		struct strato_frkv *it = strato_fr_get(kvs, n, "items");

		if (!it || !it->is_seq)
			return -EINVAL;
		rc = strato_filter_defs_add_list(r->defs, k->val, (const char *const *)it->items, it->nitems);
		if (!rc && !(rc = strato_fr_push(&r->lists, r->nlists, k->val)))
			r->nlists++;
	} else if ((k = strato_fr_get(kvs, n, "macro")) && k->val) {
		struct strato_frkv *c = strato_fr_get(kvs, n, "condition");

		if (!c || !c->val)
			return -EINVAL;
		rc = strato_filter_defs_add_macro(r->defs, k->val, c->val);
		if (!rc && !(rc = strato_fr_push(&r->macros, r->nmacros, k->val)) &&
		    !(rc = strato_fr_push(&r->macro_conds, r->nmacros, c->val)))
			r->nmacros++;
	} else if ((k = strato_fr_get(kvs, n, "rule")) && k->val) {
		struct strato_frkv *c = strato_fr_get(kvs, n, "condition");
		struct strato_frule *v;

		if (!c || !c->val)
			return -EINVAL;
		if (!(v = realloc(r->rules, (r->nrules + 1) * sizeof(*v))))
			return -ENOMEM;
		r->rules = v;
		v[r->nrules].name = strdup(k->val);
		v[r->nrules].cond = strdup(c->val);
		v[r->nrules].file = r->nfiles;
		if (!v[r->nrules].name || !v[r->nrules].cond)
			return -ENOMEM;
		r->nrules++;
	}
	return rc;
}

int strato_frules_load(struct strato_frules *r, const char *path, char *errbuf, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *text, **lines = NULL;
	size_t len, nl = 0;
	int rc = 0;

	if (!f) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		return -errno;
	}
	text = malloc(STRATO_FR_MAXFILE + 1);
	len = text ? fread(text, 1, STRATO_FR_MAXFILE, f) : 0;
	fclose(f);
	if (!text)
		return -ENOMEM;
	text[len] = 0;
	if (!r->defs && (rc = strato_filter_defs_new(&r->defs))) {
		free(text);
		return rc;
	}
	for (char *p = text; p && *p;) {
		char *e = strchr(p, '\n');
		char **nv = realloc(lines, (nl + 1) * sizeof(*lines));

		if (!nv) {
			rc = -ENOMEM;
			goto out;
		}
		lines = nv;
		lines[nl++] = p;
		if (e)
			*e = 0;
		p = e ? e + 1 : NULL;
	}
	for (size_t i = 0; i < nl && !rc;) {
		struct strato_frkv kvs[16];
		size_t nkv = 0;

		if (strncmp(lines[i], "- ", 2)) {
			if (!strato_fr_blank(lines[i]) && strcmp(lines[i], "---")) {
				snprintf(errbuf, errlen, "%s:%zu: not a list entry", path, i + 1);
				rc = -EINVAL;
			}
			i++;
			continue;
		}
		memset(kvs, 0, sizeof(kvs));
		lines[i][0] = ' '; /* the first key sits at indent 2 like the others */
		while (i < nl && !rc && (lines[i][0] == ' ' || strato_fr_blank(lines[i]))) {
			if (strato_fr_blank(lines[i])) {
				i++;
				continue;
			}
			char *l = lines[i], *colon;
			size_t j = i + 1;

			if (strato_fr_indent(l) != 2 || !strchr(l, ':') || nkv == sizeof(kvs) / sizeof(kvs[0])) {
				snprintf(errbuf, errlen, "%s:%zu: expected `key:`", path, i + 1);
				rc = -EINVAL;
				break;
			}
			/* a flow sequence may close with `]` at the key's indent */
			bool flow = (colon = strchr(l, ':')) && strchr(colon, '[');
			while (j < nl && (strato_fr_blank(lines[j]) || strato_fr_indent(lines[j]) > 2 ||
					  (flow && lines[j][strato_fr_indent(lines[j])] == ']')))
				j++;
			/* trailing blank lines belong to nobody */
			size_t end = j;
			while (end > i + 1 && strato_fr_blank(lines[end - 1]) && strato_fr_indent(lines[end - 1]) <= 2)
				end--;
			colon = strchr(l, ':');
			*colon = 0;
			snprintf(kvs[nkv].key, sizeof(kvs[nkv].key), "%s", strato_fr_trim(l));
			rc = strato_fr_value(&kvs[nkv], colon + 1, lines + i + 1, end - i - 1);
			if (rc)
				snprintf(errbuf, errlen, "%s:%zu: cannot read the value of %s", path, i + 1,
					 kvs[nkv].key);
			nkv++;
			i = j;
		}
		if (!rc && (rc = strato_fr_entry(r, kvs, nkv)))
			snprintf(errbuf, errlen, "%s: bad entry before line %zu", path, i);
		for (size_t k = 0; k < nkv; k++)
			strato_fr_kvfree(&kvs[k]);
	}
	r->nfiles++;
out:
	free(lines);
	free(text);
	return rc;
}

void strato_frules_free(struct strato_frules *r)
{
	strato_filter_defs_free(r->defs);
	for (unsigned i = 0; i < r->nlists; i++)
		free(r->lists[i]);
	for (unsigned i = 0; i < r->nmacros; i++) {
		free(r->macros[i]);
		free(r->macro_conds[i]);
	}
	for (unsigned i = 0; i < r->nrules; i++) {
		free(r->rules[i].name);
		free(r->rules[i].cond);
	}
	free(r->lists);
	free(r->macros);
	free(r->macro_conds);
	free(r->rules);
	memset(r, 0, sizeof(*r));
}
