/* stratocore/event.h: one captured system-call event (opaque), its
 * parameters, and the event type table that describes every type. */
#ifndef STRATOCORE_EVENT_H
#define STRATOCORE_EVENT_H

#include <stdint.h>
#include <stddef.h>
#include <stratocore/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief One event: type, timestamp, thread, CPU and parameters.
 *
 * The library follows the current scap layout: one exit event per system
 * call that carries both the enter and the exit arguments (enter events found
 * in older files are merged into their exit on read). Lifecycle:
 *  1. strato_capture_next() lends an event; it stays valid until the next
 *     call to strato_capture_next() or strato_capture_close() on that capture.
 *  2. To keep it longer, strato_event_clone() it and strato_event_free() the
 *     copy.
 * Thread safety: an event may be read from several threads at once; a
 * borrowed event must not outlive its lending call (see 1).
 */
typedef struct strato_event strato_event;

/** Parameter value types; the numbers are the scap format's PT_* codes. @since 0.1 */
enum strato_ptype {
	STRATO_PT_NONE = 0,
	STRATO_PT_INT8 = 1, STRATO_PT_INT16 = 2, STRATO_PT_INT32 = 3, STRATO_PT_INT64 = 4,
	STRATO_PT_UINT8 = 5, STRATO_PT_UINT16 = 6, STRATO_PT_UINT32 = 7, STRATO_PT_UINT64 = 8,
	STRATO_PT_CHARBUF = 9, STRATO_PT_BYTEBUF = 10, STRATO_PT_ERRNO = 11,
	STRATO_PT_SOCKADDR = 12, STRATO_PT_SOCKTUPLE = 13, STRATO_PT_FD = 14, STRATO_PT_PID = 15,
	STRATO_PT_FDLIST = 16, STRATO_PT_FSPATH = 17, STRATO_PT_SYSCALLID = 18,
	STRATO_PT_SIGTYPE = 19, STRATO_PT_RELTIME = 20, STRATO_PT_ABSTIME = 21, STRATO_PT_PORT = 22,
	STRATO_PT_L4PROTO = 23, STRATO_PT_SOCKFAMILY = 24, STRATO_PT_BOOL = 25,
	STRATO_PT_IPV4ADDR = 26, STRATO_PT_DYN = 27, STRATO_PT_FLAGS8 = 28, STRATO_PT_FLAGS16 = 29,
	STRATO_PT_FLAGS32 = 30, STRATO_PT_UID = 31, STRATO_PT_GID = 32, STRATO_PT_DOUBLE = 33,
	STRATO_PT_SIGSET = 34, STRATO_PT_CHARBUFARRAY = 35, STRATO_PT_CHARBUF_PAIR_ARRAY = 36,
	STRATO_PT_IPV4NET = 37, STRATO_PT_IPV6ADDR = 38, STRATO_PT_IPV6NET = 39,
	STRATO_PT_IPADDR = 40, STRATO_PT_IPNET = 41, STRATO_PT_MODE = 42, STRATO_PT_FSRELPATH = 43,
	STRATO_PT_ENUMFLAGS8 = 44, STRATO_PT_ENUMFLAGS16 = 45, STRATO_PT_ENUMFLAGS32 = 46,
	STRATO_PT_FD32 = 47, STRATO_PT_PID32 = 48,
};

/** @return the event type id (scap numbering: even = enter, odd = exit). @since 0.1 */
STRATO_API uint16_t strato_event_type(const strato_event *ev);
/** @return the event name, e.g. "openat"; static storage, never NULL. @since 0.1 */
STRATO_API const char *strato_event_name(const strato_event *ev);
/** @return nanoseconds since the Unix epoch. @since 0.1 */
STRATO_API uint64_t strato_event_ts(const strato_event *ev);
/** @return the thread id in the host pid namespace (-1 for some meta events). @since 0.1 */
STRATO_API int64_t strato_event_tid(const strato_event *ev);
/** @return the CPU that produced the event. @since 0.1 */
STRATO_API uint16_t strato_event_cpu(const strato_event *ev);
/** @return the event's 1-based number in its capture. @since 0.1 */
STRATO_API uint64_t strato_event_num(const strato_event *ev);
/** @return the scap dump flags of the event (1 = state only), usually 0. @since 0.1 */
STRATO_API uint32_t strato_event_dump_flags(const strato_event *ev);
/** @return the number of parameters present in this event. @since 0.1 */
STRATO_API unsigned strato_event_nparams(const strato_event *ev);

/**
 * @brief Raw bytes of parameter `idx`, in the scap encoding of its type.
 *
 * @param data out: borrowed pointer, valid as long as the event
 * @param len out: length in bytes
 * @return 0; -ERANGE when `idx` >= strato_event_nparams();
 * -STRATO_ENOVALUE when the parameter is present but empty (length 0).
 * @since 0.1
 */
STRATO_API int strato_event_param(const strato_event *ev, unsigned idx, const void **data, size_t *len);

/**
 * @brief Index of the parameter called `name` ("fd", "name", "res", ...).
 * @return the index (>= 0), or -STRATO_ENOFIELD when this event type has no
 * parameter of that name.
 * @since 0.1
 */
STRATO_API int strato_event_param_index(const strato_event *ev, const char *name);

/**
 * @brief Integer value of parameter `idx` (any integer, fd, pid, errno,
 * flags, uid/gid, time, port or boolean type), sign-extended for signed types.
 * @return 0; -ERANGE (no such index); -STRATO_ENOVALUE (empty);
 * -STRATO_ETYPE (not an integer type); -STRATO_EFORMAT (wrong width in the
 * event).
 * @since 0.1
 */
STRATO_API int strato_event_param_int(const strato_event *ev, unsigned idx, int64_t *out);

/**
 * @brief Renders parameter `idx` as text: exactly what follows `name=` in
 * strato_event_format_args(), e.g. `4097(O_RDONLY|O_CLOEXEC)`, `-2(ENOENT)`,
 * `127.0.0.1:5000->127.0.0.1:80`, `1500000000(1.5s)`.
 *
 * The text is the one sysdig 0.29.3 prints for a thread it knows nothing
 * about: names that need process state (the `(<f>/etc/passwd)` after an fd,
 * a thread's comm after a pid, user names, a relative path resolved against
 * the working directory) are left out; an unknown uid prints `0(<NA>)`, a
 * relative path `foo(foo)`. Other rules: numbers in the print format of the
 * scap event table (decimal, hex `7F1A14E6F000`, octal `0644`), flags and
 * enums with their names in parentheses, negative fds and results with their
 * errno name, buffers with `.` for unprintable bytes and cut to 80
 * characters (`...`), signals, socket addresses and tuples, fd lists
 * (`3:?1`) and signal sets by name. An empty (length 0) parameter prints as
 * `<NA>`, or `NULL` for addresses, tuples, fd lists and dynamic values, and
 * as nothing for byte buffers; a parameter with the wrong width as `<NA>`.
 *
 * @param buf output buffer (may be NULL when `len` is 0); always
 * NUL-terminated when `len` > 0, truncated to `len` - 1 characters
 * @return the length of the full text (as snprintf); -ERANGE when `idx` >=
 * strato_event_nparams().
 * Thread safety: none needed (no shared state); allocates nothing.
 * @since 0.1
 */
STRATO_API int strato_event_format_param(const strato_event *ev, unsigned idx, char *buf, size_t len);

/**
 * @brief Renders the parameters as sysdig 0.29.3's %evt.args does:
 * `name=value ` for each, trailing space included, e.g.
 * `fd=3 name=/etc/passwd flags=1(O_RDONLY) mode=0 dev=801 `. Values as
 * strato_event_format_param(). Generic syscall events (types 0 and 1) and
 * types the library does not know render as the empty string, as in sysdig.
 * The parameters the 2022 layout of a type has use its 2022 names and
 * rendering; parameters added later in the current layout follow them (sysdig
 * 0.29.3 would not show those); parameters beyond the library's table are
 * not shown.
 * @param buf output buffer (may be NULL when `len` is 0); always
 * NUL-terminated when `len` > 0
 * @return the length of the full text (as snprintf); never fails.
 * Thread safety: none needed (no shared state); allocates nothing.
 * @since 0.1
 */
STRATO_API int strato_event_format_args(const strato_event *ev, char *buf, size_t len);

/**
 * @brief The event in the scap encoding (26-byte header, parameter length
 * array, parameter data): what a .scap event block holds after the CPU id.
 * @param data out: borrowed, valid as long as the event
 * @return 0.
 * @since 0.1
 */
STRATO_API int strato_event_raw(const strato_event *ev, const void **data, size_t *len);

/**
 * @brief Copies an event so it outlives the capture call that lent it.
 * @param out receives the copy; owned by the caller, release it with
 * strato_event_free().
 * @return 0 or -ENOMEM.
 * @since 0.1
 */
STRATO_API int strato_event_clone(const strato_event *ev, strato_event **out);

/** @brief Frees a copy made by strato_event_clone(); NULL is fine. @since 0.1 */
STRATO_API void strato_event_free(strato_event *ev);

/** @return the number of event type ids the library knows (ids 0 .. n-1). @since 0.1 */
STRATO_API unsigned strato_event_type_count(void);

/**
 * @brief Name of event type `type` ("open", "NA" for unused slots).
 * @return static string, or NULL for an id the library does not know.
 * @since 0.1
 */
STRATO_API const char *strato_event_type_name(uint16_t type);

/**
 * @brief Describes parameter `idx` of event type `type` in the current layout.
 * @param name out (may be NULL): static string
 * @param ptype out (may be NULL)
 * @return 0, or -ERANGE for an unknown type or index.
 * @since 0.1
 */
STRATO_API int strato_event_type_param(uint16_t type, unsigned idx, const char **name, enum strato_ptype *ptype);

#ifdef __cplusplus
}
#endif
#endif
