/* stratocore/errors.h: the library's error convention, its own error codes
 * and the calls that turn a code into text. */
#ifndef STRATOCORE_ERRORS_H
#define STRATOCORE_ERRORS_H

#include <stratocore/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Error convention: every fallible call returns an `int`, 0 on success and a
 * negative number on failure: either a negated errno value (-ENOMEM, -EINVAL,
 * -EPERM, -ENOENT, -EIO, ...) or the negation of one of the library codes
 * below. The only positive returns in the API are strato_capture_next()'s
 * statuses. After a failure, strato_last_error() holds a sentence that says
 * what went wrong, in this thread.
 *
 * The library codes live above 4000 so they never collide with errno.
 * @since 0.1
 */
enum strato_error {
	STRATO_OK = 0,
	STRATO_ERR_BASE = 4000,
	STRATO_EFORMAT = 4001,  /**< malformed capture file or record */
	STRATO_EVERSION = 4002, /**< unsupported format version */
	STRATO_ETRUNC = 4003,   /**< capture file ends in the middle of a block */
	STRATO_ESYNTAX = 4004,  /**< filter or format string does not parse */
	STRATO_ENOFIELD = 4005, /**< no such field or parameter name */
	STRATO_ETYPE = 4006,    /**< value of another type than asked for */
	STRATO_ENOBTF = 4007,   /**< the kernel has no BTF type information */
	STRATO_EPROBE = 4008,   /**< the eBPF probe failed to load or attach */
	STRATO_ENOVALUE = 4009, /**< the field or parameter does not apply to this event */
	STRATO_ERR_MAX = 4010,
};

/**
 * @brief Text of the most recent error in the calling thread.
 *
 * @return a NUL-terminated message; never NULL ("" when nothing failed yet).
 * Borrowed: valid until the next library call in the same thread. Only
 * meaningful right after a call that failed.
 * Thread safety: each thread has its own message.
 * @since 0.1
 */
STRATO_API const char *strato_last_error(void);

/**
 * @brief Static description of an error code.
 *
 * @param err a return value of the library (negative), or its absolute value
 * @return a static string, never NULL ("unknown error N" codes are reported
 * as "unknown error")
 * Thread safety: safe from any thread.
 * @since 0.1
 */
STRATO_API const char *strato_strerror(int err);

#ifdef __cplusplus
}
#endif
#endif
