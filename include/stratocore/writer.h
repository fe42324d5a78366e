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
	/** gzip level 1..9; 0 = zlib's default (6). */
	int gzip_level;
};

/**
 * @brief Creates `path` (mode 0600, truncating an existing file) and writes
 * the header blocks.
 *
 * @param out receives the writer; owned by the caller (strato_writer_close())
 * @param path file name
 * @param src capture whose process, fd, user and machine tables go into the
 * header; may be NULL (then the file has no process list). Only read during
 * this call.
 * @param opts options or NULL
 * @return 0; a negative errno (-EACCES, -ENOSPC, ...); -EINVAL.
 * @since 0.1
 */
STRATO_API int strato_writer_open(strato_writer **out, const char *path, strato_capture *src,
				  const struct strato_writer_opts *opts);

/**
 * @brief Appends one event.
 * @return 0; a negative errno when writing failed (the file then keeps what
 * was written before and the writer refuses further events).
 * @since 0.1
 */
STRATO_API int strato_writer_write(strato_writer *w, const strato_event *ev);

/**
 * @brief Flushes and closes the file and frees the writer.
 * @param w writer or NULL
 * @return 0, or the first error seen while writing or flushing.
 * @since 0.1
 */
STRATO_API int strato_writer_close(strato_writer *w);

#ifdef __cplusplus
}
#endif
#endif
