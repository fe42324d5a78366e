/* lib/filter/defs.c: named macros and lists (Falco rule files' `macro:` and
 * `list:` entries) that filter expressions may refer to. */
#include <stdlib.h>
#include "filter/filter.h"

struct strato_fdef {
	char *name;
	char *cond;   /* macro */
	char **items; /* list */
	size_t nitems;
	bool is_list;
};

struct strato_filter_defs {
	struct strato_fdef *v;
	size_t n, cap;
};

int strato_filter_defs_new(strato_filter_defs **out)
{
	if (!out)
		return strato_fail(-EINVAL, "strato_filter_defs_new: NULL argument");
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : strato_fail(-ENOMEM, "out of memory");
}

static void strato_fdef_clear(struct strato_fdef *d)
{
	free(d->name);
	free(d->cond);
	for (size_t i = 0; i < d->nitems; i++)
		free(d->items[i]);
	free(d->items);
	memset(d, 0, sizeof(*d));
}

void strato_filter_defs_free(strato_filter_defs *defs)
{
	if (!defs)
		return;
	for (size_t i = 0; i < defs->n; i++)
		strato_fdef_clear(&defs->v[i]);
	free(defs->v);
	free(defs);
}

static struct strato_fdef *strato_fdef_find(const strato_filter_defs *d, const char *name, size_t n, bool is_list)
{
	if (!d)
		return NULL;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].is_list == is_list && strlen(d->v[i].name) == n && !memcmp(d->v[i].name, name, n))
			return &d->v[i];
	return NULL;
}

/* Returns the slot for `name`, emptied, creating it when new. */
static struct strato_fdef *strato_fdef_slot(strato_filter_defs *d, const char *name, bool is_list)
{
	struct strato_fdef *s = strato_fdef_find(d, name, strlen(name), is_list);
	char *nm = strdup(name);

	if (!nm)
		return NULL;
	if (s) {
		strato_fdef_clear(s);
	} else {
		if (d->n == d->cap) {
			size_t nc = d->cap ? d->cap * 2 : 32;
			struct strato_fdef *v = realloc(d->v, nc * sizeof(*v));

			if (!v) {
				free(nm);
				return NULL;
			}
			d->v = v;
			d->cap = nc;
		}
		s = &d->v[d->n++];
		memset(s, 0, sizeof(*s));
	}
	s->name = nm;
	s->is_list = is_list;
	return s;
}

int strato_filter_defs_add_list(strato_filter_defs *defs, const char *name, const char *const *items, size_t nitems)
{
	struct strato_fdef *s;

	if (!defs || !name || !*name || (nitems && !items))
		return strato_fail(-EINVAL, "strato_filter_defs_add_list: bad argument");
	char **copy = calloc(nitems ? nitems : 1, sizeof(*copy));
	if (!copy)
		return strato_fail(-ENOMEM, "out of memory");
	for (size_t i = 0; i < nitems; i++) {
		if (!(copy[i] = strdup(items[i] ? items[i] : ""))) {
			while (i--)
				free(copy[i]);
			free(copy);
			return strato_fail(-ENOMEM, "out of memory");
		}
	}
	s = strato_fdef_slot(defs, name, true);
	if (!s) {
		for (size_t i = 0; i < nitems; i++)
			free(copy[i]);
		free(copy);
		return strato_fail(-ENOMEM, "out of memory");
	}
	s->items = copy;
	s->nitems = nitems;
	return 0;
}

int strato_filter_defs_add_macro(strato_filter_defs *defs, const char *name, const char *condition)
{
	struct strato_fdef *s;
	char *c;

	if (!defs || !name || !*name || !condition)
		return strato_fail(-EINVAL, "strato_filter_defs_add_macro: bad argument");
	if (!(c = strdup(condition)))
		return strato_fail(-ENOMEM, "out of memory");
	s = strato_fdef_slot(defs, name, false);
	if (!s) {
		free(c);
		return strato_fail(-ENOMEM, "out of memory");
	}
	s->cond = c;
	return 0;
}

const char *strato_filter_defs_macro(const strato_filter_defs *d, const char *name, size_t n)
{
	struct strato_fdef *s = strato_fdef_find(d, name, n, false);

	return s ? s->cond : NULL;
}

const char *const *strato_filter_defs_list(const strato_filter_defs *d, const char *name, size_t n, size_t *nitems)
{
	struct strato_fdef *s = strato_fdef_find(d, name, n, true);

	if (!s)
		return NULL;
	*nitems = s->nitems;
	return (const char *const *)s->items;
}
