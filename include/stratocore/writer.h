/* stratocore/writer.h: writing events to .scap capture files that sysdig,
 * Falco and Stratoshark open, in the shape of libpcap's pcap_dumper_t. */
#ifndef STRATOCORE_WRITER_H
#define STRATOCORE_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <stratocore/common.h>
#include <stratocore/capture.h>
#include <stratocore/event.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief An open capture file being written.
 *
 * Lifecycle:
 *  1. strato_writer_open() creates the file (mode 0600) and writes its
 *     header blocks: machine info, users, processes and their fds, taken from
 *     the source capture;
 *  2. strato_writer_write() appends events;
 *  3. strato_writer_close() flushes and closes; its return says whether every
 *     byte reached the file.
 * Thread safety: one thread at a time per writer.
 */
typedef struct strato_writer strato_writer;

/** Event layouts a writer can produce. @since 0.1 */
enum strato_writer_profile {
	/** 2022 event ids and parameter counts, each enter event written right
	 * before its exit: opens in sysdig 0.29.3 and every current reader. */
	STRATO_PROFILE_COMPAT = 0,
	/** Current layout, exit events only: current readers (libs >= 0.25). */
	STRATO_PROFILE_CURRENT = 1,
};

/** Options of strato_writer_open(); declare with STRATO_OPTS(). @since 0.1 */
struct strato_writer_opts {
	/** sizeof(struct strato_writer_opts), set by STRATO_OPTS(). */
	size_t sz;
	/** STRATO_PROFILE_COMPAT (default) or STRATO_PROFILE_CURRENT. */
	enum strato_writer_profile profile;
	/** Compress with gzip. */
	bool gzip;
	/** gzip level 1..9; 0 = level 1 (the fastest: a capture file must
	 * keep up with live event rates; level 6 compresses about a fifth
	 * smaller at a quarter of the speed). Compressed with libdeflate when
	 * the library was built with it, else with zlib. */
	int gzip_level;
};

/**
 * @brief Creates `path` (mode 0600, truncating an existing file) and writes
 * the header blocks.
 *
 * The header is a section header, the machine info (from `src`, else from
 * this machine), then from `src`'s tables the interface list, the user and
 * group list, one process list and an fd list per thread with fds. Output is
 * buffered and written in chunks of about 1 MiB. With gzip each chunk is an
 * independent gzip member, compressed by up to 4 background threads (all
 * signals blocked in them); every gzip reader, sysdig included, reads such
 * member sequences as one stream.
 *
 * @param out receives the writer; owned by the caller (strato_writer_close())
 * @param path file name
 * @param src capture whose process, fd, user and machine tables go into the
 * header; may be NULL (then the file has no process list). Only read during
 * this call.
 * @param opts options or NULL
 * @return 0; a negative errno (-EACCES, -ENOENT, -ENOSPC, ... : the file is
 * then removed); -EINVAL (bad options, NULL argument); -ENOMEM; -EAGAIN (no
 * compression thread could be started).
 * @since 0.1
 */
STRATO_API int strato_writer_open(strato_writer **out, const char *path, strato_capture *src,
				  const struct strato_writer_opts *opts);

/**
 * @brief Appends one event.
 *
 * STRATO_PROFILE_COMPAT writes each system call exit as the 2022 enter event
 * (its parameters taken by name from the exit, same timestamp and thread)
 * followed by the 2022 exit, both cut to the 2022 parameter counts; empty or
 * short values are written full width (fds -1, uid/gid 0xFFFFFFFF, other
 * numbers 0, strings "(NULL)"), since sysdig 0.29.3 trusts lengths. Syscalls
 * the current table renumbered use the 2022 pair of the same syscall
 * (accept4 388/389 -> 248/249). Events without a 2022 form are skipped.
 * STRATO_PROFILE_CURRENT writes events unchanged. Both profiles skip system
 * call enter events given directly (the library's events are exit events).
 * Skipping is not an error.
 *
 * Output is buffered: a failure may be reported by a later call or by
 * strato_writer_close(). The file is then cut back to its last complete
 * block (plain) or gzip member, so it stays readable, but the events of the
 * chunk that failed (up to about 1 MiB) are not in it.
 *
 * @return 0; -EINVAL (NULL argument); a negative errno when writing failed
 * (-ENOSPC, -EIO, -EFBIG, -ENOMEM, ...): from then on every call returns
 * that first error.
 * @since 0.1
 */
STRATO_API int strato_writer_write(strato_writer *w, const strato_event *ev);

/**
 * @brief Flushes and closes the file and frees the writer.
 *
 * The data is handed to the kernel, not synced to the disk (call fsync()
 * on the file yourself when that matters).
 * @param w writer or NULL
 * @return 0, or the first error seen while writing, flushing or closing.
 * @since 0.1
 */
STRATO_API int strato_writer_close(strato_writer *w);

#ifdef __cplusplus
}
#endif
#endif
