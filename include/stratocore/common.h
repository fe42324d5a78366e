/* stratocore/common.h: macros and calls shared by every module of the
 * libstratocore API: symbol visibility, sized options structs, logging. */
#ifndef STRATOCORE_COMMON_H
#define STRATOCORE_COMMON_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Marks a public symbol; everything else in the shared library is hidden. */
#if defined(__GNUC__)
#define STRATO_API __attribute__((visibility("default")))
#define STRATO_DEPRECATED(msg) __attribute__((deprecated(msg)))
#define STRATO_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define STRATO_API
#define STRATO_DEPRECATED(msg)
#define STRATO_PRINTF(a, b)
#endif

/**
 * @brief Declares and initialises an options struct of type `struct TYPE`.
 *
 * Every options struct starts with `size_t sz`, set here to the size the
 * application was compiled against. A newer library reads only the fields the
 * caller knows about and uses defaults for the rest; an older library rejects
 * a struct whose unknown tail is not all zero with -EINVAL. Fields are never
 * reordered. Example:
 *
 *     STRATO_OPTS(strato_live_opts, o, .snaplen = 256);
 *
 * @since 0.1
 */
#define STRATO_OPTS(TYPE, NAME, ...) struct TYPE NAME = { .sz = sizeof(struct TYPE), __VA_ARGS__ }

/** Severity of a log message. @since 0.1 */
enum strato_log_level {
	STRATO_LOG_WARN = 0,
	STRATO_LOG_INFO = 1,
	STRATO_LOG_DEBUG = 2,
};

/**
 * @brief Log callback: receives the library's messages and, forwarded,
 * libbpf's.
 *
 * @param level severity
 * @param fmt printf format; `ap` holds its arguments (consume it at most once)
 * @param ctx the pointer given to strato_set_log_fn()
 *
 * Called from whichever thread produced the message; it must not call back
 * into the library.
 */
typedef void (*strato_log_fn)(enum strato_log_level level, const char *fmt, va_list ap, void *ctx);

/**
 * @brief Installs the process-wide log callback.
 *
 * The default prints warnings to stderr. Pass NULL to silence all messages.
 * Messages above `max_level` are not formatted at all.
 *
 * Thread safety: call it once at start-up, before other threads use the
 * library; the callback itself may be invoked from any thread.
 *
 * @param fn callback or NULL
 * @param max_level most verbose level delivered to `fn`
 * @param ctx passed back to `fn` unchanged; not owned by the library
 * @since 0.1
 */
STRATO_API void strato_set_log_fn(strato_log_fn fn, enum strato_log_level max_level, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
