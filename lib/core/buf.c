/* lib/core/buf.c: growable byte buffer (see buf.h). */
#include "core/buf.h"
#include "core/internal.h"

#include <stdlib.h>

int strato_buf_reserve(struct strato_buf *b, size_t extra, size_t limit)
{
	size_t need = b->len + extra, cap;
	uint8_t *p;

	if (need < b->len || need > limit)
		return -ENOMEM;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	if (cap > limit)
		cap = limit;
	p = realloc(b->data, cap);
	if (!p)
		return -ENOMEM;
	b->data = p;
	b->cap = cap;
	return 0;
}

int strato_buf_append(struct strato_buf *b, const void *p, size_t n, size_t limit)
{
	int err = strato_buf_reserve(b, n, limit);

	if (err)
		return err;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	return 0;
}

void strato_buf_free(struct strato_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
