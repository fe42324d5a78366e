/* stratocore/capture.h: the capture handle, one interface for live eBPF
 * capture and for reading .scap files, in the shape of libpcap's pcap_t. */
#ifndef STRATOCORE_CAPTURE_H
#define STRATOCORE_CAPTURE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <stratocore/common.h>
#include <stratocore/event.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief A source of events: the live kernel or a capture file.
 *
 * Lifecycle:
 *  1. strato_capture_open_live() or strato_capture_open_file() creates it;
 *  2. strato_capture_next() is called until it returns STRATO_EOF or an error;
 *  3. strato_capture_close() releases it and every event it lent.
 * Thread safety: a capture is used by one thread at a time, except
 * strato_capture_break(), which any thread or a signal handler may call.
 */
typedef struct strato_capture strato_capture;

/** Positive statuses of strato_capture_next(). @since 0.1 */
enum strato_next_status {
	STRATO_EVENT = 1,   /**< an event was stored in *ev_out */
	STRATO_TIMEOUT = 2, /**< live capture: nothing arrived within the timeout */
	STRATO_EOF = 3,     /**< end of the file, or strato_capture_break() was called */
};

/** Options of strato_capture_open_live(); declare with STRATO_OPTS(). @since 0.1 */
struct strato_live_opts {
	/** sizeof(struct strato_live_opts), set by STRATO_OPTS(). */
	size_t sz;
	/** Bytes of I/O data kept per read/write/send/recv event; 0 = 80, at most 65536. */
	uint32_t snaplen;
	/** Size of each ring buffer in bytes, a power of two; 0 = 8 MiB. */
	uint32_t buffer_bytes;
	/** strato_capture_next() waits at most this long; 0 = 100 ms, -1 = forever. */
	int timeout_ms;
	/** Only events of these syscalls ("openat", "connect", ...); NULL = all. */
	const char *const *syscalls;
	size_t nsyscalls;
	/** Only these thread groups (pids); NULL = every process. */
	const int32_t *pids;
	size_t npids;
	/** With pids: also the processes they start after the capture opened. */
	bool follow_children;
	/** Keep the events of the capturing process itself (excluded by default). */
	bool include_self;
	/** Drop events of syscalls that failed (negative result) in the kernel. */
	bool drop_failed;
};

/** Options of strato_capture_open_file(); declare with STRATO_OPTS(). @since 0.1 */
struct strato_file_opts {
	/** sizeof(struct strato_file_opts), set by STRATO_OPTS(). */
	size_t sz;
	/** Read and decode in the caller's thread only: no helper thread (see
	 * strato_capture_open_file()), e.g. for a process kept to one CPU or a
	 * sandbox without threads. Events and errors are the same. @since 0.1 */
	bool single_thread;
};

/**
 * @brief Starts a live capture: loads the embedded eBPF probe and attaches it.
 *
 * Needs root (or CAP_BPF with CAP_PERFMON) and a kernel with BTF
 * (/sys/kernel/btf/vmlinux). Events flow from the moment this returns.
 *
 * @param out receives the capture; owned by the caller (strato_capture_close())
 * @param opts options or NULL for the defaults
 * @return 0; -EPERM (missing privilege, the message names it); -STRATO_ENOBTF;
 * -STRATO_EPROBE (load or attach failed, the message has the kernel's reason);
 * -EINVAL (bad option, e.g. an unknown syscall name); -ENOMEM.
 * @since 0.1
 */
STRATO_API int strato_capture_open_live(strato_capture **out, const struct strato_live_opts *opts);

/**
 * @brief Opens a .scap capture file, plain or gzip-compressed.
 *
 * The file's header blocks (machine info, processes, fds, users, interfaces)
 * are read here; a file that is not a capture fails here. Events of a plain
 * regular file are then decoded by a helper thread a few thousand events
 * ahead of strato_capture_next() (a gzip file's thread inflates it), so
 * reading overlaps with what the caller does per event on a second core.
 * The thread blocks every signal and ends in strato_capture_close(); it
 * changes nothing about how the capture is used (one thread at a time).
 * Pipes and other non-regular files are read in the caller's thread, and
 * so is every file with strato_file_opts.single_thread.
 *
 * @param out receives the capture; owned by the caller (strato_capture_close())
 * @param path file name ("-" is not special)
 * @param opts options or NULL
 * @return 0; -ENOENT/-EACCES/...; -STRATO_EFORMAT (not a capture, or a broken
 * header; the message names the offset); -STRATO_EVERSION; -STRATO_ETRUNC.
 * @since 0.1
 */
STRATO_API int strato_capture_open_file(strato_capture **out, const char *path,
					const struct strato_file_opts *opts);

/**
 * @brief Fetches the next event.
 *
 * @param ev_out receives a borrowed event, valid until the next call to
 * strato_capture_next() or strato_capture_close() on `cap`
 * @return STRATO_EVENT; STRATO_TIMEOUT (live only); STRATO_EOF (end of
 * file, or after strato_capture_break(): at once for a file, after the
 * events already buffered for a live capture); or a negative error
 * (-STRATO_EFORMAT, -STRATO_ETRUNC with the offset in the message, -EIO, ...).
 * After an error the capture may only be closed.
 * @since 0.1
 */
STRATO_API int strato_capture_next(strato_capture *cap, const strato_event **ev_out);

/**
 * @brief Ends the capture: strato_capture_next() returns STRATO_EOF.
 *
 * A file capture returns STRATO_EOF at the current or next call. A live
 * capture first returns the events its ring buffers already held when
 * strato_capture_next() saw the break (nothing newer, so this ends on a
 * busy machine too), then STRATO_EOF: events captured before a ^C are not
 * lost. Async-signal-safe and callable from any thread, like
 * pcap_breakloop().
 * @since 0.1
 */
STRATO_API void strato_capture_break(strato_capture *cap);

/**
 * @brief A descriptor that becomes readable when a live capture has events,
 * for poll()/epoll loops. Do not read from or close it.
 * @return the descriptor (>= 0), or -ENOTSUP for file captures.
 * @since 0.1
 */
STRATO_API int strato_capture_get_fd(strato_capture *cap);

/** Counters of a capture; declare with STRATO_OPTS(). @since 0.1 */
struct strato_stats {
	/** sizeof(struct strato_stats), set by STRATO_OPTS(). */
	size_t sz;
	/** Events handed out by strato_capture_next(). */
	uint64_t events;
	/** Events lost in total (the sum of the reasons below). */
	uint64_t drops;
	/** Live: events lost because a ring buffer was full. */
	uint64_t drops_buffer;
	/** Live: events lost for any other reason (argument read failure, ...). */
	uint64_t drops_other;
	/** File: events skipped because their type is unknown. */
	uint64_t skipped_unknown;
	/** Events the back end produced, those the filter of
	 * strato_capture_set_filter() rejected included: live, what the probe
	 * sent to user space, so `received - events` is what the kernel
	 * prefilter let through and the full filter did not want. @since 0.1 */
	uint64_t received;
};

/**
 * @brief Reads the capture's counters into `stats` (its `sz` must be set).
 *
 * Only the fields that `stats->sz` covers are written, so a program built
 * with an older, smaller struct keeps working. Call it from the thread that
 * reads the capture (it reads counters that strato_capture_next() moves).
 * @return 0 or -EINVAL.
 * @since 0.1
 */
STRATO_API int strato_capture_stats(strato_capture *cap, struct strato_stats *stats);

/**
 * @brief The capture's own last error message.
 * @return borrowed text, valid until the next call on `cap`; "" if none.
 * @since 0.1
 */
STRATO_API const char *strato_capture_errmsg(const strato_capture *cap);

/**
 * @brief Stops the capture and frees it with every event it lent.
 * @param cap capture or NULL
 * @return 0.
 * @since 0.1
 */
STRATO_API int strato_capture_close(strato_capture *cap);

#ifdef __cplusplus
}
#endif
#endif
