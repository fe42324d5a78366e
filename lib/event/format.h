/* lib/event/format.h: the argument formatter's hook for state. sysdig adds
 * names that only state knows to %evt.args (`fd=3(<f>/etc/passwd)`,
 * `pid=42(bash)`, `uid=0(root)`, `name=foo(/root/foo)`); the state layer
 * supplies them through a resolver. Without one (or when it answers
 * "unknown") the formatter prints what sysdig prints for a thread it knows
 * nothing about, as when a capture has no process and fd tables. Not
 * installed. */
#ifndef STRATO_EVENT_FORMAT_H
#define STRATO_EVENT_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include "event/event.h"

/* What the formatter asks the resolver for. `value` is the number taken from
 * the parameter being printed. */
enum strato_resolve_kind {
	/* fd >= 0 of the event's thread: the text sysdig puts in parentheses,
	 * type tag included, e.g. "<f>/etc/passwd", "<4t>1.2.3.4:5->6.7.8.9:80". */
	STRATO_RESOLVE_FD,
	/* fd of the event's thread: its one-character type tag ('f', '4', 'u',
	 * ...), for FDLIST parameters (the formatter prints '?' when unknown). */
	STRATO_RESOLVE_FD_TYPE,
	/* thread id: its comm, e.g. "bash". */
	STRATO_RESOLVE_PID,
	/* uid / gid: the user / group name ("<NA>" is printed when unknown). */
	STRATO_RESOLVE_UID,
	STRATO_RESOLVE_GID,
	/* the event thread's working directory, ending in '/' (value unused);
	 * unknown resolves relative paths against "" as sysdig does for a
	 * thread whose cwd it does not know (`foo(foo)`). */
	STRATO_RESOLVE_CWD,
	/* dirfd >= 0 of the event's thread: the directory it names, without a
	 * trailing '/'; unknown resolves relative paths against "". */
	STRATO_RESOLVE_DIRFD,
};

/* Writes the answer into buf (at most len bytes, NUL-terminated when
 * len > 0) and returns its full length (as snprintf), or a negative number
 * when the answer is unknown. Called during formatting only; must not keep
 * `ev` or `buf`. */
typedef int (*strato_resolve_fn)(void *ctx, const struct strato_event *ev, enum strato_resolve_kind kind, int64_t value,
				 char *buf, size_t len);

struct strato_resolver {
	strato_resolve_fn fn;
	void *ctx;
};

/* As strato_event_format_param() / strato_event_format_args(), asking `res`
 * (NULL: no state) for the names that need state. Same return values. */
int strato_event_format_param_ex(const struct strato_event *ev, unsigned idx, const struct strato_resolver *res,
				 char *buf, size_t len);
int strato_event_format_args_ex(const struct strato_event *ev, const struct strato_resolver *res, char *buf,
				size_t len);

/* Longest BYTEBUF text, as sysdig's default (without -v): longer ones are cut
 * to STRATO_FMT_BYTEBUF_MAX - 3 characters followed by "...". */
#define STRATO_FMT_BYTEBUF_MAX 80

#endif
