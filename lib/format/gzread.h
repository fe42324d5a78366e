/* lib/format/gzread.h: decompression of gzip captures for the reader,
 * member by member with libdeflate when it is available, ISA-L or zlib
 * streaming otherwise, ahead of the parser in a thread of its own. */
#ifndef STRATO_FORMAT_GZREAD_H
#define STRATO_FORMAT_GZREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct strato_gzread;

/* Internal switches for the tests, read when a file is opened: they force
 * the zlib path, and set the largest gzip member (compressed or not)
 * libdeflate is given, 4 MiB by default (bigger ones go to zlib; minimum
 * 64 KiB). Not thread safe; the defaults are what applications get. */
#define STRATO_GZREAD_NO_LIBDEFLATE 1u
#define STRATO_GZREAD_NO_ISAL 4u /* stream with zlib even if built with ISA-L */
extern unsigned strato_gzread_flags;
extern size_t strato_gzread_member_max;

/* Starts decompressing the gzip file open on `fd`: the `npre` (at most
 * 4096) bytes at `pre` the caller already read from it, then the rest from
 * its current position. The caller keeps `fd` and closes it after
 * strato_gzread_close.
 * With `thread`, a thread decompresses ahead when `fd` is a regular file.
 * Returns 0 or -ENOMEM. */
int strato_gzread_open(struct strato_gzread **out, int fd, const void *pre, size_t npre, bool thread);
/* Copies up to `n` decompressed bytes to `dst`. Returns how many (> 0), 0
 * at the end of the data, -STRATO_ETRUNC when the compressed data ends
 * early, -STRATO_EFORMAT when it is corrupt, -EIO or -ENOMEM (message set
 * with strato_fail). Errors come after all the data decompressed before
 * them and repeat on later calls. */
ssize_t strato_gzread_read(struct strato_gzread *g, void *dst, size_t n);
/* Stops the thread (even while it works) and frees everything; NULL is a
 * no-op. */
void strato_gzread_close(struct strato_gzread *g);
/* "libdeflate" or "zlib": what the next open uses for whole members. */
const char *strato_gzread_engine(void);
/* "isal" or "zlib": what the next open uses for streamed members. */
const char *strato_gzread_stream_engine(void);

#endif
