/* lib/state/map.c: the int64 -> pointer hash map the state tables use
 * (threads by tid, fds by number): open addressing with linear probing and
 * backward-shift deletion, so lookups stay one or two cache lines. */
#include "state/state.h"

#include <stdlib.h>

static inline size_t strato_map_hash(int64_t k)
{
	uint64_t x = (uint64_t)k * 0x9E3779B97F4A7C15ULL;

	return (size_t)(x ^ (x >> 29));
}

void *strato_map_get(const struct strato_map *m, int64_t key)
{
	size_t mask, i;

	if (!m->cap)
		return NULL;
	mask = m->cap - 1;
	for (i = strato_map_hash(key) & mask; m->vals[i]; i = (i + 1) & mask)
		if (m->keys[i] == key)
			return m->vals[i];
	return NULL;
}

static int strato_map_grow(struct strato_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 8;
	int64_t *keys = malloc(ncap * sizeof(*keys));
	void **vals = calloc(ncap, sizeof(*vals));

	if (!keys || !vals) {
		free(keys);
		free(vals);
		return -ENOMEM;
	}
	for (size_t j = 0; j < m->cap; j++) {
		size_t i;

		if (!m->vals[j])
			continue;
		for (i = strato_map_hash(m->keys[j]) & (ncap - 1); vals[i]; i = (i + 1) & (ncap - 1))
			;
		keys[i] = m->keys[j];
		vals[i] = m->vals[j];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = ncap;
	return 0;
}

/* Inserts or replaces. */
int strato_map_put(struct strato_map *m, int64_t key, void *val)
{
	size_t mask, i;

	if ((m->n + 1) * 4 > m->cap * 3 && strato_map_grow(m))
		return -ENOMEM;
	mask = m->cap - 1;
	for (i = strato_map_hash(key) & mask; m->vals[i]; i = (i + 1) & mask) {
		if (m->keys[i] == key) {
			m->vals[i] = val;
			return 0;
		}
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	return 0;
}

/* Removes `key`; returns its value or NULL. */
void *strato_map_del(struct strato_map *m, int64_t key)
{
	size_t mask, i, j;
	void *old;

	if (!m->cap)
		return NULL;
	mask = m->cap - 1;
	for (i = strato_map_hash(key) & mask; m->vals[i]; i = (i + 1) & mask)
		if (m->keys[i] == key)
			break;
	if (!m->vals[i])
		return NULL;
	old = m->vals[i];
	m->vals[i] = NULL;
	m->n--;
	/* shift back later entries of the cluster that may not stay behind
	 * the hole */
	for (j = (i + 1) & mask; m->vals[j]; j = (j + 1) & mask) {
		size_t h = strato_map_hash(m->keys[j]) & mask;

		if ((j > i && (h <= i || h > j)) || (j < i && (h <= i && h > j))) {
			m->keys[i] = m->keys[j];
			m->vals[i] = m->vals[j];
			m->vals[j] = NULL;
			i = j;
		}
	}
	return old;
}

void strato_map_free(struct strato_map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}
