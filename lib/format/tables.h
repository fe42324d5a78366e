/* lib/format/tables.h: the machine, process, fd, user and interface tables
 * a capture starts from: read from a file's header blocks, or snapshotted
 * from /proc by a live capture. The writer stores them in a file's header;
 * the state layer seeds its thread and fd tables from them. */
#ifndef STRATO_FORMAT_TABLES_H
#define STRATO_FORMAT_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* scap fd types (FDL entries) */
enum strato_fd_kind {
	STRATO_FD_UNINITIALIZED = 0, STRATO_FD_FILE = 1, STRATO_FD_DIRECTORY = 2,
	STRATO_FD_IPV4_SOCK = 3, STRATO_FD_IPV6_SOCK = 4, STRATO_FD_IPV4_SERVSOCK = 5,
	STRATO_FD_IPV6_SERVSOCK = 6, STRATO_FD_FIFO = 7, STRATO_FD_UNIX_SOCK = 8,
	STRATO_FD_EVENT = 9, STRATO_FD_UNSUPPORTED = 10, STRATO_FD_SIGNALFD = 11,
	STRATO_FD_EVENTPOLL = 12, STRATO_FD_INOTIFY = 13, STRATO_FD_TIMERFD = 14,
	STRATO_FD_NETLINK = 15, STRATO_FD_FILE_V2 = 16, STRATO_FD_BPF = 17,
	STRATO_FD_USERFAULTFD = 18, STRATO_FD_IOURING = 19, STRATO_FD_MEMFD = 20,
	STRATO_FD_PIDFD = 21,
};

struct strato_fd_info {
	int64_t fd;
	uint64_t ino;
	uint8_t type;        /* enum strato_fd_kind */
	uint8_t l4proto;     /* sockets: 0 unknown, 1 n/a, 2 TCP, 3 UDP, 4 ICMP, 5 raw */
	uint32_t open_flags; /* FILE_V2: PPM_O_* */
	uint32_t dev;        /* FILE_V2, when present */
	bool has_dev;
	uint8_t sip[16], dip[16]; /* IPv4 uses the first 4 bytes (network order) */
	uint16_t sport, dport;    /* host order */
	uint64_t unix_src, unix_dst;
	char *name;               /* path, unix path or description; never NULL */
};

struct strato_thread_info {
	int64_t tid, pid, ptid, sid, vpgid, vtid, vpid, pgid;
	char *comm, *exe, *exepath, *cwd, *root; /* never NULL */
	char *args; size_t args_len;       /* argv[1..], each NUL-terminated */
	char *env; size_t env_len;         /* K=V NUL-separated */
	char *cgroups; size_t cgroups_len; /* subsys=path NUL-separated */
	uint64_t fdlimit;
	uint32_t flags, uid, gid;
	uint32_t vmsize_kb, vmrss_kb, vmswap_kb;
	uint64_t pfmajor, pfminor;
	uint32_t loginuid; /* 0xFFFFFFFF: unset */
	uint32_t tty;
	bool exe_writable;
	bool exe_upper_layer, exe_from_memfd; /* PL_V9 tail, PPM_EXE_* bits on exec */
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	struct strato_fd_info *fds;
	size_t nfds;
};

struct strato_user_info {
	uint32_t uid, gid;
	char *name, *home, *shell;
};

struct strato_group_info {
	uint32_t gid;
	char *name;
};

struct strato_iface_info {
	bool ipv6;
	uint8_t addr[16], netmask[16], bcast[16];
	uint64_t linkspeed;
	char *name;
};

struct strato_machine_info {
	uint32_t num_cpus;
	uint64_t memory_bytes;
	uint64_t max_pid;
	char hostname[128];
	uint64_t boot_ts_epoch; /* ns */
	uint64_t flags;
};

struct strato_tables {
	bool has_machine;
	struct strato_machine_info machine;
	struct strato_thread_info *threads; size_t nthreads;
	struct strato_user_info *users; size_t nusers;
	struct strato_group_info *groups; size_t ngroups;
	struct strato_iface_info *ifaces; size_t nifaces;
};

/* Frees everything the tables own (strings, arrays) and zeroes them. */
void strato_tables_clear(struct strato_tables *t);

#endif
