/* lib/core/internal.h: helpers every subsystem of the library uses: error
 * reporting, logging, options-struct validation. Not installed. */
#ifndef STRATO_CORE_INTERNAL_H
#define STRATO_CORE_INTERNAL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <stratocore/common.h>
#include <stratocore/errors.h>

#define STRATO_ERRMSG_MAX 512

/* Sets the calling thread's last-error text and returns `err` unchanged, so
 * a failure path reads `return strato_fail(-EINVAL, "bad x %d", x);`. */
int strato_fail(int err, const char *fmt, ...) STRATO_PRINTF(2, 3);
/* Copies the thread's last-error text into a handle's own message buffer. */
void strato_keep_error(char *dst, size_t len);
void strato_log(enum strato_log_level level, const char *fmt, ...) STRATO_PRINTF(2, 3);
/* Routes libbpf's messages through strato_log (idempotent). */
void strato_log_hook_libbpf(void);

/* Options structs: `sz` is what the caller was compiled with. A field is
 * readable when it lies entirely inside the caller's struct; bytes the
 * library does not know must be zero (like libbpf's OPTS_VALID). */
bool strato_opts_valid(const void *opts, size_t known_sz, const char *type_name);
#define STRATO_OPTS_HAS(opts, field) \
	((opts) && (opts)->sz >= offsetof(__typeof__(*(opts)), field) + sizeof((opts)->field))
#define STRATO_OPTS_GET(opts, field, def) \
	(STRATO_OPTS_HAS(opts, field) ? (opts)->field : (def))
#define STRATO_OPTS_CHECK(opts, type) strato_opts_valid((opts), sizeof(struct type), #type)

/* Little-endian unaligned loads and stores for the on-disk formats. */
static inline uint16_t strato_ld16(const void *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static inline uint32_t strato_ld32(const void *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t strato_ld64(const void *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline void strato_st16(void *p, uint16_t v) { memcpy(p, &v, 2); }
static inline void strato_st32(void *p, uint32_t v) { memcpy(p, &v, 4); }
static inline void strato_st64(void *p, uint64_t v) { memcpy(p, &v, 8); }

/* memcpy for the short copies of event building (length arrays, most
 * parameters), where a call to memcpy costs more than the bytes: two
 * overlapping fixed-size moves, never past either end. */
static inline void strato_copy(void *d, const void *s, size_t n)
{
	uint8_t *o = d;
	const uint8_t *i = s;

	if (n >= 16 && n <= 32) {
		uint8_t a[16], b[16];

		memcpy(a, i, 16);
		memcpy(b, i + n - 16, 16);
		memcpy(o, a, 16);
		memcpy(o + n - 16, b, 16);
	} else if (n >= 8 && n < 16) {
		strato_st64(o + n - 8, strato_ld64(i + n - 8));
		strato_st64(o, strato_ld64(i));
	} else if (n >= 4 && n < 8) {
		strato_st32(o + n - 4, strato_ld32(i + n - 4));
		strato_st32(o, strato_ld32(i));
	} else if (n < 4) {
		for (size_t k = 0; k < n; k++)
			o[k] = i[k];
	} else {
		memcpy(d, s, n);
	}
}

#define STRATO_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Fields that two threads write often must not share a cache line, or
 * every write bounces the line between their cores. A struct shared by a
 * library thread and the caller starts each side's fields with
 * STRATO_OWN_LINE and is allocated with strato_zalloc_lines(). */
#define STRATO_CACHE_LINE 64
#define STRATO_OWN_LINE _Alignas(STRATO_CACHE_LINE)

/* Zeroed memory aligned to a cache line (free() releases it); NULL when
 * out of memory. */
static inline void *strato_zalloc_lines(size_t size)
{
	size_t n = (size + STRATO_CACHE_LINE - 1) & ~(size_t)(STRATO_CACHE_LINE - 1);
	void *p = aligned_alloc(STRATO_CACHE_LINE, n);

	if (p)
		memset(p, 0, n);
	return p;
}

#endif
