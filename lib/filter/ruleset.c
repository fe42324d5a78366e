/* lib/filter/ruleset.c: many named filters evaluated per event, with an index
 * from event type to the rules whose type set contains it, so a typical
 * event runs only a handful of the rules. */
#include <stdlib.h>
#include "filter/filter.h"

struct strato_rule {
	char *name;
	struct strato_filter *f;
};

struct strato_ruleset {
	struct strato_rule *rules;
	unsigned n, cap;
	/* byid[id] lists the rules that may match type id. */
	unsigned *byid[STRATO_FTYPES];
	unsigned nbyid[STRATO_FTYPES];
	unsigned *all; /* every rule, for ids beyond the index */
};

int strato_ruleset_new(strato_ruleset **out)
{
	if (!out)
		return strato_fail(-EINVAL, "strato_ruleset_new: NULL argument");
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : strato_fail(-ENOMEM, "out of memory");
}

static void strato_rs_clear_index(strato_ruleset *rs)
{
	for (unsigned i = 0; i < STRATO_FTYPES; i++) {
		free(rs->byid[i]);
		rs->byid[i] = NULL;
		rs->nbyid[i] = 0;
	}
	free(rs->all);
	rs->all = NULL;
}

void strato_ruleset_free(strato_ruleset *rs)
{
	if (!rs)
		return;
	strato_rs_clear_index(rs);
	for (unsigned i = 0; i < rs->n; i++) {
		free(rs->rules[i].name);
		strato_filter_free(rs->rules[i].f);
	}
	free(rs->rules);
	free(rs);
}

static int strato_rs_index(strato_ruleset *rs)
{
	strato_rs_clear_index(rs);
	rs->all = malloc((rs->n ? rs->n : 1) * sizeof(unsigned));
	if (!rs->all)
		return -ENOMEM;
	for (unsigned r = 0; r < rs->n; r++)
		rs->all[r] = r;
	for (unsigned id = 0; id < STRATO_FTYPES; id++) {
		unsigned cnt = 0;

		for (unsigned r = 0; r < rs->n; r++)
			cnt += strato_ftypes_has(&rs->rules[r].f->types, id);
		if (!cnt)
			continue;
		if (!(rs->byid[id] = malloc(cnt * sizeof(unsigned))))
			return -ENOMEM;
		for (unsigned r = 0; r < rs->n; r++)
			if (strato_ftypes_has(&rs->rules[r].f->types, id))
				rs->byid[id][rs->nbyid[id]++] = r;
	}
	return 0;
}

int strato_ruleset_add(strato_ruleset *rs, const char *name, const strato_filter *f)
{
	char *nm;

	if (!rs || !name || !f)
		return strato_fail(-EINVAL, "strato_ruleset_add: NULL argument");
	if (rs->n == rs->cap) {
		unsigned nc = rs->cap ? rs->cap * 2 : 16;
		struct strato_rule *v = realloc(rs->rules, nc * sizeof(*v));

		if (!v)
			return strato_fail(-ENOMEM, "out of memory");
		rs->rules = v;
		rs->cap = nc;
	}
	if (!(nm = strdup(name)))
		return strato_fail(-ENOMEM, "out of memory");
	rs->rules[rs->n].name = nm;
	rs->rules[rs->n].f = strato_filter_ref(f);
	rs->n++;
	/* The index is rebuilt here rather than lazily so that matching
	 * stays read-only and therefore reentrant. */
	int rc = strato_rs_index(rs);
	if (rc) {
		rs->n--;
		strato_filter_free(rs->rules[rs->n].f);
		free(nm);
		strato_rs_clear_index(rs);
		strato_rs_index(rs);
		return strato_fail(rc, "out of memory");
	}
	return (int)rs->n - 1;
}

const char *strato_ruleset_name(const strato_ruleset *rs, unsigned idx)
{
	return rs && idx < rs->n ? rs->rules[idx].name : NULL;
}

int strato_ruleset_match(const strato_ruleset *rs, const strato_event *ev, unsigned *matched,
			 size_t max)
{
	unsigned id, cnt;
	const unsigned *list;
	int hits = 0;

	if (!rs || !ev || (max && !matched))
		return strato_fail(-EINVAL, "strato_ruleset_match: bad argument");
	id = strato_event_type(ev);
	if (id < STRATO_FTYPES) {
		list = rs->byid[id];
		cnt = rs->nbyid[id];
	} else {
		list = rs->all;
		cnt = rs->n;
	}
	for (unsigned i = 0; i < cnt; i++) {
		int rc = strato_filter_eval(rs->rules[list[i]].f->root, ev);

		if (rc < 0)
			return rc;
		if (rc) {
			if ((size_t)hits < max)
				matched[hits] = list[i];
			hits++;
		}
	}
	return hits;
}
