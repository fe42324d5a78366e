/* lib/core/buf.h: a growable byte buffer with a hard size limit, used
 * wherever the library builds variable-length records (events, blocks). */
#ifndef STRATO_CORE_BUF_H
#define STRATO_CORE_BUF_H

#include <stddef.h>
#include <stdint.h>

struct strato_buf {
	uint8_t *data;
	size_t len;
	size_t cap;
};

/* Makes room for `extra` more bytes; -ENOMEM past `limit` total bytes or when
 * allocation fails. */
int strato_buf_reserve(struct strato_buf *b, size_t extra, size_t limit);
int strato_buf_append(struct strato_buf *b, const void *p, size_t n, size_t limit);
void strato_buf_free(struct strato_buf *b);

#endif
