/* lib/capture/proc_snapshot.h: the /proc snapshot a live capture starts
 * from (threads with their fds, sockets, users, groups, interfaces,
 * machine), stored in struct strato_tables. */
#ifndef STRATO_CAPTURE_PROC_SNAPSHOT_H
#define STRATO_CAPTURE_PROC_SNAPSHOT_H

#include <stddef.h>
#include "format/tables.h"

/* Bounds of a snapshot; 0 = the default in parentheses. */
struct strato_proc_limits {
	size_t max_threads;         /* (32768) */
	size_t max_fds;             /* in total (262144) */
	size_t max_fds_per_process; /* (4096) */
	size_t max_users;           /* users, and groups (4096) */
};

/* Fills the empty tables `t` from `proc_root` (NULL: "/proc"). Threads and
 * fds that vanish while being read are skipped. Returns 0, or -ENOMEM /
 * -errno of the /proc directory (message set; `t` is left empty). */
int strato_proc_snapshot(struct strato_tables *t, const char *proc_root, const struct strato_proc_limits *lim);

#endif
