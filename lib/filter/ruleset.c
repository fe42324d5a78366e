/* lib/filter/ruleset.c: many named filters evaluated per event, with an index
 * from event type to the rules whose type set contains it, so a typical
 * event runs only a handful of the rules. */
#include <stdlib.h>
#include "filter/filter.h"
#include "event/event.h"
#include "event/event_table.h"

struct strato_rule {
	char *name;
	struct strato_filter *f;
	/* the rule's value slots -> the set's, so that rules reading the
	 * same field read it once per event */
	uint8_t map[STRATO_NSLOTS];
};

struct strato_ruleset {
	struct strato_rule *rules;
	unsigned n, cap;
	/* byid[id] lists the rules that may match type id. */
	unsigned *byid[STRATO_FTYPES];
	unsigned nbyid[STRATO_FTYPES];
	unsigned *all; /* every rule, for ids beyond the index */
	/* Generic syscall events (ids 0 and 1) are looked up by the name of
	 * their syscall: evt.type checks treat them like the table's event of
	 * that name, so that event's rule list applies. */
	strato_field *evt_type;
	struct strato_rs_name {
		const char *name;
		unsigned id;
	} names[STRATO_EVENT_TABLE_SIZE];
	unsigned nnames;
	const char *slotname[STRATO_NSLOTS]; /* borrowed from the rules' filters */
	unsigned nslots;
};

static int strato_rs_namecmp(const void *a, const void *b)
{
	return strcmp(((const struct strato_rs_name *)a)->name, ((const struct strato_rs_name *)b)->name);
}

int strato_ruleset_new(strato_ruleset **out)
{
	if (!out)
		return strato_fail(-EINVAL, "strato_ruleset_new: NULL argument");
	strato_ruleset *rs = calloc(1, sizeof(*rs));
	int rc;

	if (!rs)
		return strato_fail(-ENOMEM, "out of memory");
	if ((rc = strato_field_lookup("evt.type", &rs->evt_type))) {
		free(rs);
		return rc;
	}
	for (unsigned id = 3; id < STRATO_EVENT_TABLE_SIZE && id < STRATO_FTYPES; id += 2)
		if (strato_event_table[id].name)
			rs->names[rs->nnames++] = (struct strato_rs_name){strato_event_table[id].name, id};
	qsort(rs->names, rs->nnames, sizeof(rs->names[0]), strato_rs_namecmp);
	*out = rs;
	return 0;
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
	strato_field_free(rs->evt_type);
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
	unsigned nslots;

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
	nslots = rs->nslots;
	memset(rs->rules[rs->n].map, STRATO_NOSLOT, sizeof(rs->rules[rs->n].map));
	for (unsigned i = 0; i < f->nslots; i++) {
		unsigned s;

		for (s = 0; s < rs->nslots && strcmp(rs->slotname[s], f->slotname[i]); s++)
			;
		if (s == STRATO_NSLOTS)
			continue;
		if (s == rs->nslots)
			rs->slotname[rs->nslots++] = f->slotname[i];
		rs->rules[rs->n].map[i] = (uint8_t)s;
	}
	rs->n++;
	/* The index is rebuilt here rather than lazily so that matching
	 * stays read-only and therefore reentrant. */
	int rc = strato_rs_index(rs);
	if (rc) {
		rs->n--;
		rs->nslots = nslots; /* names borrowed from the filter */
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

int strato_ruleset_match(const strato_ruleset *rs, const strato_event *ev, unsigned *matched, size_t max)
{
	unsigned id, cnt;
	const unsigned *list;
	int hits = 0;

	if (!rs || !ev || (max && !matched))
		return strato_fail(-EINVAL, "strato_ruleset_match: bad argument");
	id = ev->type;
	if (id <= 1) {
		struct strato_rs_name key = {NULL, 0}, *hit = NULL;
		size_t len;

		if (strato_field_get_str(rs->evt_type, ev, &key.name, &len) == 0)
			hit = bsearch(&key, rs->names, rs->nnames, sizeof(rs->names[0]), strato_rs_namecmp);
		if (hit)
			id = hit->id;
	}
	if (id < STRATO_FTYPES) {
		list = rs->byid[id];
		cnt = rs->nbyid[id];
	} else {
		list = rs->all;
		cnt = rs->n;
	}
	struct strato_fslot slot[STRATO_NSLOTS];
	struct strato_fcache old;
	struct strato_fctx c = {.slot = slot, .oldc = &old};

	old.ev = NULL;
	for (unsigned i = 0; i < cnt; i++) {
		const struct strato_rule *r = &rs->rules[list[i]];
		int rc;

		c.map = r->map;
		if ((rc = strato_fprog_run(r->f, ev, &c)) < 0)
			return rc;
		if (rc) {
			if ((size_t)hits < max)
				matched[hits] = list[i];
			hits++;
		}
	}
	return hits;
}
