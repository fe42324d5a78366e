/* stratocore/field.h: the field registry (the sysdig/Falco field names such
 * as proc.name, fd.name, evt.arg.fd), typed access to the fields of an event,
 * and the output formatter that renders %field format strings. */
#ifndef STRATOCORE_FIELD_H
#define STRATOCORE_FIELD_H

#include <stdint.h>
#include <stddef.h>
#include <stratocore/common.h>
#include <stratocore/event.h>
#include <stratocore/capture.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief A resolved field: a registry entry plus its argument
 * (`proc.aname[2]`, `evt.arg.fd`).
 *
 * Lifecycle: strato_field_lookup() once at set-up, then any number of
 * strato_field_get_*() calls per event, then strato_field_free().
 * Thread safety: immutable after lookup; may be shared by threads.
 */
typedef struct strato_field strato_field;

/** Flags of a registry entry. @since 0.1 */
enum strato_field_flags {
	STRATO_FIELD_FILTER_ONLY = 1 << 0,  /**< usable in filters, not printable */
	STRATO_FIELD_ARG_REQUIRED = 1 << 1, /**< needs an argument: `[N]` or `.NAME` */
	STRATO_FIELD_ARG_ALLOWED = 1 << 2,  /**< takes an optional argument */
	STRATO_FIELD_DEPRECATED = 1 << 3,   /**< kept for compatibility */
	STRATO_FIELD_LIST = 1 << 4,         /**< multi-valued */
};

/** Description of a registry entry; declare with STRATO_OPTS(). @since 0.1 */
struct strato_field_info {
	/** sizeof(struct strato_field_info), set by STRATO_OPTS(). */
	size_t sz;
	/** Field name without argument, e.g. "proc.aname"; static storage. */
	const char *name;
	/** One-sentence description; static storage. */
	const char *description;
	/** Value type (STRATO_PT_CHARBUF, STRATO_PT_INT64, STRATO_PT_IPADDR, ...). */
	enum strato_ptype type;
	/** enum strato_field_flags bits. */
	unsigned flags;
};

/** @return the number of entries in the field registry. Thread-safe. @since 0.1 */
STRATO_API unsigned strato_field_count(void);

/**
 * @brief Describes registry entry `idx` (0 .. strato_field_count() - 1).
 * @param out its `sz` must be set (STRATO_OPTS)
 * @return 0, -ERANGE, or -EINVAL (bad `sz`). Thread-safe.
 * @since 0.1
 */
STRATO_API int strato_field_info(unsigned idx, struct strato_field_info *out);

/**
 * @brief Resolves a field name with its optional argument.
 *
 * @param name e.g. "proc.name", "proc.aname[2]", "evt.arg.fd", "evt.arg[0]"
 * @param out receives the field; owned by the caller (strato_field_free())
 * @return 0; -STRATO_ENOFIELD (unknown field; strato_last_error() suggests the
 * nearest names); -EINVAL (bad or missing argument); -ENOMEM.
 * Thread-safe.
 * @since 0.1
 */
STRATO_API int strato_field_lookup(const char *name, strato_field **out);

/** @brief Frees a field; NULL is fine. @since 0.1 */
STRATO_API void strato_field_free(strato_field *f);

/** @return the field's full name as looked up; valid as long as `f`. @since 0.1 */
STRATO_API const char *strato_field_name(const strato_field *f);

/** @return the field's value type; for evt.rawarg.NAME that of the first
 * event parameter named NAME when it is a number (INT64/UINT64) or a string
 * (CHARBUF), as sysdig types it, else DYN. @since 0.1 */
STRATO_API enum strato_ptype strato_field_type(const strato_field *f);

/**
 * Value getters. `ev` is an event lent by strato_capture_next(): process, fd
 * and user fields are answered from that capture's state as of this event
 * (see strato_capture_state_config()). A copy made with strato_event_clone()
 * answers only the event's own fields (evt.*); the others return
 * -STRATO_ENOVALUE.
 *
 * Every getter returns 0 with the value in *out; -STRATO_ENOVALUE when the
 * field does not apply to this event (an fd field on an event without fd, an
 * unknown process; sysdig prints `<NA>`); -STRATO_ETYPE when the field's type
 * does not fit the getter; -ERANGE when an integer does not fit the out type;
 * -EINVAL for NULL arguments.
 *
 * Lifetime: borrowed strings and bytes are valid until the next
 * strato_capture_next() or strato_capture_close() on the capture that lent
 * `ev` (for a copy: until the calling thread asks about another event).
 * Thread safety: reentrant. Several threads may call getters (and
 * strato_filter_match(), strato_formatter_format()) on the same lent event
 * at once, while the reading thread waits before its next
 * strato_capture_next(); computed strings are then taken from the
 * capture's memory under a lock. Fields themselves may be shared.
 */

/** @brief Integer, boolean, time or port fields as signed 64 bits. @since 0.1 */
STRATO_API int strato_field_get_i64(const strato_field *f, const strato_event *ev, int64_t *out);
/** @brief Integer, boolean, time or port fields as unsigned 64 bits. @since 0.1 */
STRATO_API int strato_field_get_u64(const strato_field *f, const strato_event *ev, uint64_t *out);
/**
 * @brief String fields (CHARBUF, paths). `*out` is NUL-terminated; `len`
 * (may be NULL) excludes the NUL.
 * @since 0.1
 */
STRATO_API int strato_field_get_str(const strato_field *f, const strato_event *ev, const char **out,
				    size_t *len);
/** @brief Byte-buffer fields (evt.buffer). @since 0.1 */
STRATO_API int strato_field_get_bytes(const strato_field *f, const strato_event *ev, const void **out,
				      size_t *len);

/** An IPv4 or IPv6 address or network. @since 0.1 */
struct strato_ip {
	uint8_t family;  /**< 4 or 6 */
	uint8_t prefix;  /**< network prefix length; 32/128 for an address */
	uint8_t addr[16]; /**< network byte order; IPv4 uses the first 4 bytes */
};

/** @brief IPADDR and IPNET fields. @since 0.1 */
STRATO_API int strato_field_get_ip(const strato_field *f, const strato_event *ev, struct strato_ip *out);

/**
 * @brief Renders the field as sysdig's -p output shows it.
 * @param buf always NUL-terminated when `len` > 0
 * @return the full length of the text (as snprintf); -STRATO_ENOVALUE when
 * the field does not apply (sysdig prints `<NA>`).
 * @since 0.1
 */
STRATO_API int strato_field_format(const strato_field *f, const strato_event *ev, char *buf, size_t len);

/**
 * @brief A compiled output format: text with %field references, as in
 * `sysdig -p "%proc.name opened %fd.name"`.
 * Thread safety: immutable after creation; shareable.
 */
typedef struct strato_formatter strato_formatter;

/** sysdig's default line (stratoread prints it with a leading `*`). @since 0.1 */
#define STRATO_FORMAT_DEFAULT \
	"%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.args"

/** Output styles of a formatter. @since 0.1 */
enum strato_format_style {
	STRATO_FORMAT_TEXT = 0, /**< the format string with fields substituted */
	STRATO_FORMAT_JSON = 1, /**< one JSON object: {"field": value, ...} */
};

/** How %evt.args shows data buffers. @since 0.1 */
enum strato_buffer_style {
	STRATO_BUFFERS_TEXT = 0,   /**< as sysdig: '.' for unprintable bytes, cut to 80 characters */
	STRATO_BUFFERS_HIDDEN = 1, /**< empty (`data=`): the application prints them itself, as sysdig -A/-x/-X */
};

/** Options of strato_formatter_new(); declare with STRATO_OPTS(). @since 0.1 */
struct strato_formatter_opts {
	/** sizeof(struct strato_formatter_opts), set by STRATO_OPTS(). */
	size_t sz;
	/** STRATO_FORMAT_TEXT (default) or STRATO_FORMAT_JSON. */
	enum strato_format_style style;
	/** STRATO_BUFFERS_TEXT (default) or STRATO_BUFFERS_HIDDEN. */
	enum strato_buffer_style buffers;
};
/* JSON: keys in name order as sysdig's; numbers, booleans and null (field
 * does not apply) unquoted; evt.time, evt.datetime and evt.outputtime as
 * nanoseconds since the epoch, as sysdig -j shows them. */

/**
 * @brief Compiles a format string.
 * @param format e.g. STRATO_FORMAT_DEFAULT; `%%` is a literal percent sign;
 * a leading `*` prints events even when some fields do not apply (as in
 * sysdig). Field names run over letters, digits, '_' and '.', plus an
 * optional `[argument]`; a trailing '.' is text.
 * @param out owned by the caller (strato_formatter_free())
 * @return 0; -STRATO_ENOFIELD (unknown field, message names it and its
 * offset); -STRATO_ESYNTAX; -ENOMEM.
 * @since 0.1
 */
STRATO_API int strato_formatter_new(strato_formatter **out, const char *format,
				    const struct strato_formatter_opts *opts);

/**
 * @brief Renders `ev`. Fields that do not apply print as `<NA>`.
 * @param buf always NUL-terminated when `len` > 0
 * @return the full length of the text (as snprintf); -STRATO_ENOVALUE when
 * a field does not apply and the format does not start with `*` (sysdig's
 * -p skips such events; `buf` still holds the text); -EINVAL for NULL
 * arguments.
 * Thread safety: a formatter may be used by several threads at once.
 * @since 0.1
 */
STRATO_API int strato_formatter_format(const strato_formatter *fmt, const strato_event *ev, char *buf,
				       size_t len);

/** @brief Frees a formatter; NULL is fine. @since 0.1 */
STRATO_API void strato_formatter_free(strato_formatter *fmt);

/**
 * State engine settings of a capture; declare with STRATO_OPTS(). The state
 * (threads, fds, users of the captured machine, kept current from the
 * events) is what the proc.*, fd.*, user.* and container.* fields read.
 * @since 0.1
 */
struct strato_state_opts {
	/** sizeof(struct strato_state_opts), set by STRATO_OPTS(). */
	size_t sz;
	/** Non-zero: keep no state (events are cheaper; only evt.* fields
	 * answer). */
	int disable;
	/** Most threads kept (0: 131072); beyond it the least recently
	 * active ones are evicted. */
	uint32_t max_threads;
	/** Most fds kept over all processes (0: 2097152); beyond it the fds of
	 * the least recently active processes are evicted. */
	uint32_t max_fds;
};

/**
 * @brief Configures the state engine of a capture; call it before the first
 * strato_capture_next().
 * @return 0; -EINVAL (NULL, bad `sz`); -EBUSY (events were already read).
 * Thread safety: call from the thread that reads the capture.
 * @since 0.1
 */
STRATO_API int strato_capture_state_config(strato_capture *cap, const struct strato_state_opts *opts);

/** Counters of the state engine; declare with STRATO_OPTS(). @since 0.1 */
struct strato_state_stats {
	/** sizeof(struct strato_state_stats), set by STRATO_OPTS(). */
	size_t sz;
	uint64_t threads;         /**< threads in the table now */
	uint64_t fds;             /**< fds in the table now */
	uint64_t threads_removed; /**< threads removed after their exit */
	uint64_t threads_evicted; /**< threads dropped by the max_threads cap */
	uint64_t fds_evicted;     /**< fds dropped by the max_fds cap */
	uint64_t memory_bytes;    /**< approximate heap the tables hold (walks them: not for every event) */
};

/**
 * @brief Reads the state engine's counters.
 * @return 0 (all zero when the state is off or no event was read yet);
 * -EINVAL (NULL or bad `sz`).
 * @since 0.1
 */
STRATO_API int strato_capture_state_stats(strato_capture *cap, struct strato_state_stats *out);

#ifdef __cplusplus
}
#endif
#endif
