/* stratocore/filter.h: the sysdig/Falco filter language: compile a filter
 * expression against the field registry, match events, group many named
 * filters into an indexed rule set, and filter a capture. */
#ifndef STRATOCORE_FILTER_H
#define STRATOCORE_FILTER_H

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stratocore/common.h>
#include <stratocore/event.h>
#include <stratocore/capture.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief A compiled filter such as `evt.type = openat and fd.name startswith /etc/`.
 *
 * Compiled against the static field registry: no capture is needed.
 * Thread safety: immutable after compilation; strato_filter_match() may be
 * called from several threads at once on the same filter.
 */
typedef struct strato_filter strato_filter;

/**
 * @brief Named macros and lists, as Falco rule files define them.
 *
 * A condition refers to a macro by its bare name (`spawned_process and ...`)
 * and to a list inside a value list (`proc.name in (shell_binaries, ksh)`).
 * Thread safety: may be read by several compilations at once once filled;
 * adding to it needs exclusive access.
 */
typedef struct strato_filter_defs strato_filter_defs;

/** Where and why a compilation failed. @since 0.1 */
struct strato_filter_error {
	/** Byte offset of the offending text in the expression. */
	size_t offset;
	/** Length in bytes of the offending text (0 at the end of input). */
	size_t length;
	/** Human-readable message, NUL-terminated. */
	char message[200];
};

/** Options of strato_filter_compile(); declare with STRATO_OPTS(). @since 0.1 */
struct strato_filter_opts {
	/** sizeof(struct strato_filter_opts), set by STRATO_OPTS(). */
	size_t sz;
	/** Macros and lists the expression may use; NULL = none. Only read
	 * during the call. */
	const strato_filter_defs *defs;
};

/**
 * @brief Compiles a filter expression.
 *
 * @param out receives the filter, owned by the caller (strato_filter_free())
 * @param expr the expression, NUL-terminated
 * @param opts NULL or options
 * @param err NULL, or filled on failure with the message and the byte range
 * of the problem in `expr` (for an error inside a macro: the range of the
 * macro's name)
 * @return 0; -STRATO_ESYNTAX (does not parse); -STRATO_ENOFIELD (unknown
 * field, the message suggests the nearest names; unknown macro or list);
 * -STRATO_ETYPE (operator or value does not fit the field's type; unknown
 * event type name); -E2BIG (over 64 MiB after macro expansion); -EINVAL
 * (bad arguments); -ENOMEM.
 * Thread safety: reentrant.
 * @since 0.1
 */
STRATO_API int strato_filter_compile(strato_filter **out, const char *expr, const struct strato_filter_opts *opts,
				     struct strato_filter_error *err);

/**
 * @brief Tests an event.
 * @param ev an event lent by strato_capture_next() (state fields need it),
 * or a clone (then only its own evt.* fields have values)
 * @return 1 (matches), 0 (does not), or a negative error (-EINVAL on NULL
 * arguments, -ENOMEM).
 * Thread safety: reentrant; allocates nothing for short values.
 * @since 0.1
 */
STRATO_API int strato_filter_match(const strato_filter *f, const strato_event *ev);

/**
 * @brief Writes the compiled program as stable text, one line, e.g.
 * `(and (= proc.name:charbuf "nginx") (not (startswith fd.name:fspath "/etc/")))`.
 * @return 0, or -EIO when writing fails.
 * @since 0.1
 */
STRATO_API int strato_filter_dump(const strato_filter *f, FILE *out);

/**
 * @brief Writes which part of the filter can run in the kernel on a live
 * capture (the event types it can accept; top-level pid, thread id,
 * parent, process name, uid and container conjuncts) and which runs in user
 * space, and why (docs/filters.md, "Capture filters and the kernel
 * prefilter"). Thread safety: reentrant; `f` is only read.
 * @return 0, or -EIO when writing fails.
 * @since 0.1
 */
STRATO_API int strato_filter_explain(const strato_filter *f, FILE *out);

/** @brief Releases a filter; NULL is fine. Filters attached to a capture
 * stay alive until the capture lets go of them. @since 0.1 */
STRATO_API void strato_filter_free(strato_filter *f);

/**
 * @brief Makes strato_capture_next() return only events `f` matches.
 *
 * On a live capture a conservative prefilter is also derived from `f` and
 * pushed into the probe (see strato_filter_explain()); it never drops an
 * event `f` accepts, and strato_stats.received counts what it let through.
 * While the call runs, the probe's process checks are off (events pass).
 * Does not take ownership: the caller may free `f` right
 * after the call. NULL removes the filter. With a filter, a live capture's
 * strato_capture_next() also returns STRATO_TIMEOUT after skipping
 * non-matching events for about 100 ms, so callers keep control on a busy
 * system.
 * @return 0; -EINVAL; or the probe's error when the kernel part cannot be
 * installed (the capture is then unfiltered).
 * @since 0.1
 */
STRATO_API int strato_capture_set_filter(strato_capture *cap, const strato_filter *f);

/** @brief Creates an empty set of macros and lists (strato_filter_defs_free()).
 * @return 0 or -ENOMEM. @since 0.1 */
STRATO_API int strato_filter_defs_new(strato_filter_defs **out);

/**
 * @brief Adds or replaces a list. Items may name other lists, which expand
 * when used. Strings are copied.
 * @return 0, -EINVAL (empty name), -ENOMEM.
 * @since 0.1
 */
STRATO_API int strato_filter_defs_add_list(strato_filter_defs *defs, const char *name, const char *const *items,
					   size_t nitems);

/**
 * @brief Adds or replaces a macro. Its condition is parsed when an
 * expression uses it, so macros may refer to macros added later. Copied.
 * @return 0, -EINVAL (empty name), -ENOMEM.
 * @since 0.1
 */
STRATO_API int strato_filter_defs_add_macro(strato_filter_defs *defs, const char *name, const char *condition);

/** @brief Frees a set of definitions; NULL is fine. Compiled filters do
 * not refer to it. @since 0.1 */
STRATO_API void strato_filter_defs_free(strato_filter_defs *defs);

/**
 * @brief Many named filters tested together, indexed by event type so an
 * event only runs the filters that can match its type.
 * Thread safety: strato_ruleset_match() is reentrant once filled.
 */
typedef struct strato_ruleset strato_ruleset;

/** @brief Creates an empty rule set. @return 0 or -ENOMEM. @since 0.1 */
STRATO_API int strato_ruleset_new(strato_ruleset **out);

/**
 * @brief Adds a filter under a name; the set keeps its own reference, so
 * the caller may free `f` afterwards.
 * @return the rule's index (0, 1, ...), -EINVAL, or -ENOMEM.
 * @since 0.1
 */
STRATO_API int strato_ruleset_add(strato_ruleset *rs, const char *name, const strato_filter *f);

/** @return the name of rule `idx` (static while the set lives), or NULL. @since 0.1 */
STRATO_API const char *strato_ruleset_name(const strato_ruleset *rs, unsigned idx);

/**
 * @brief Tests every rule that can match the event's type.
 * @param matched out: indexes of the matching rules, in increasing order, at
 * most `max` of them (may be NULL when `max` is 0)
 * @return the number of matching rules (may exceed `max`), or a negative
 * error (-EINVAL, -ENOMEM).
 * @since 0.1
 */
STRATO_API int strato_ruleset_match(const strato_ruleset *rs, const strato_event *ev, unsigned *matched, size_t max);

/** @brief Frees a rule set; NULL is fine. @since 0.1 */
STRATO_API void strato_ruleset_free(strato_ruleset *rs);

#ifdef __cplusplus
}
#endif
#endif
