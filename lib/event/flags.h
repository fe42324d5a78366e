/* lib/event/flags.h: name tables used to print event parameters (flag and
 * enum names, errno, signal and syscall names), as data in flags.c. */
#ifndef STRATO_EVENT_FLAGS_H
#define STRATO_EVENT_FLAGS_H

#include <stdint.h>
#include <stratocore/event.h>

/* One name of a flag or enum table. Order matters: sysdig walks a table in
 * this order and stops at the entry equal to the whole value. */
struct strato_flag {
	uint32_t value;
	const char *name;
};

struct strato_flagtab {
	const struct strato_flag *v;
	uint16_t n;
};

/* Alternative value types of a DYN parameter, selected by its first byte. */
struct strato_dyntab {
	const enum strato_ptype *types;
	uint8_t n;
};

#define STRATO_ERRNO_MAX 531
#define STRATO_SYSCALL_NAMES 329
/* Name of errno `e` (1 .. STRATO_ERRNO_MAX - 1) or NULL. */
extern const char *const strato_errno_names[STRATO_ERRNO_MAX];
/* Name of signal `s` (1 .. 31) or NULL; index 0 unused. */
extern const char *const strato_signal_names[32];
/* Name of PPM_SC_* code `sc` (the SYSCALLID parameter), index 0 "<unknown>". */
extern const char *const strato_syscall_names[STRATO_SYSCALL_NAMES];
/* EC_* category values (those of strato_event_info.category, low bits). */
enum {
	STRATO_SCC_OTHER = 1, STRATO_SCC_FILE = 2, STRATO_SCC_NET = 3, STRATO_SCC_IPC = 4,
	STRATO_SCC_MEMORY = 5, STRATO_SCC_PROCESS = 6, STRATO_SCC_SLEEP = 7, STRATO_SCC_SYSTEM = 8,
	STRATO_SCC_SIGNAL = 9, STRATO_SCC_USER = 10, STRATO_SCC_TIME = 11, STRATO_SCC_IO_READ = 0x20,
	STRATO_SCC_IO_WRITE = 0x21, STRATO_SCC_IO_OTHER = 0x22, STRATO_SCC_WAIT = 0x40,
};
/* Category of PPM_SC_* code `sc` (a STRATO_SCC_* value): what
 * evt.category shows for a generic event of that system call. */
extern const uint16_t strato_syscall_category[STRATO_SYSCALL_NAMES];

extern const struct strato_flagtab strato_flags_access_flags;
extern const struct strato_flagtab strato_flags_anon_inode_fd_types;
extern const struct strato_flagtab strato_flags_bpf_commands;
extern const struct strato_flagtab strato_flags_chmod_mode;
extern const struct strato_flagtab strato_flags_clone_flags;
extern const struct strato_flagtab strato_flags_close_range_flags;
extern const struct strato_flagtab strato_flags_creat_flags;
extern const struct strato_flagtab strato_flags_delete_module_flags;
extern const struct strato_flagtab strato_flags_epoll_create1_flags;
extern const struct strato_flagtab strato_flags_execve_flags;
extern const struct strato_flagtab strato_flags_execveat_flags;
extern const struct strato_flagtab strato_flags_fchownat_flags;
extern const struct strato_flagtab strato_flags_fcntl_commands;
extern const struct strato_flagtab strato_flags_file_flags;
extern const struct strato_flagtab strato_flags_finit_module_flags;
extern const struct strato_flagtab strato_flags_flock_flags;
extern const struct strato_flagtab strato_flags_fsconfig_cmds;
extern const struct strato_flagtab strato_flags_futex_operations;
extern const struct strato_flagtab strato_flags_io_uring_enter_flags;
extern const struct strato_flagtab strato_flags_io_uring_register_opcodes;
extern const struct strato_flagtab strato_flags_io_uring_setup_feats;
extern const struct strato_flagtab strato_flags_io_uring_setup_flags;
extern const struct strato_flagtab strato_flags_keyctl_operations;
extern const struct strato_flagtab strato_flags_linkat_flags;
extern const struct strato_flagtab strato_flags_lseek_whence;
extern const struct strato_flagtab strato_flags_memfd_create_flags;
extern const struct strato_flagtab strato_flags_mknod_mode;
extern const struct strato_flagtab strato_flags_mlock2_flags;
extern const struct strato_flagtab strato_flags_mlockall_flags;
extern const struct strato_flagtab strato_flags_mmap_flags;
extern const struct strato_flagtab strato_flags_mount_flags;
extern const struct strato_flagtab strato_flags_newfstatat_flags;
extern const struct strato_flagtab strato_flags_openat2_flags;
extern const struct strato_flagtab strato_flags_pf_flags;
extern const struct strato_flagtab strato_flags_pidfd_open_flags;
extern const struct strato_flagtab strato_flags_prctl_options;
extern const struct strato_flagtab strato_flags_prot_flags;
extern const struct strato_flagtab strato_flags_ptrace_requests;
extern const struct strato_flagtab strato_flags_quotactl_cmds;
extern const struct strato_flagtab strato_flags_quotactl_dqi_flags;
extern const struct strato_flagtab strato_flags_quotactl_quota_fmts;
extern const struct strato_flagtab strato_flags_quotactl_types;
extern const struct strato_flagtab strato_flags_renameat2_flags;
extern const struct strato_flagtab strato_flags_rlimit_resources;
extern const struct strato_flagtab strato_flags_semctl_commands;
extern const struct strato_flagtab strato_flags_semget_flags;
extern const struct strato_flagtab strato_flags_semop_flags;
extern const struct strato_flagtab strato_flags_shutdown_how;
extern const struct strato_flagtab strato_flags_socket_families;
extern const struct strato_flagtab strato_flags_sockopt_levels;
extern const struct strato_flagtab strato_flags_sockopt_options;
extern const struct strato_flagtab strato_flags_splice_flags;
extern const struct strato_flagtab strato_flags_umount_flags;
extern const struct strato_flagtab strato_flags_unlinkat_flags;
extern const struct strato_dyntab strato_dyn_sockopt, strato_dyn_ptrace, strato_dyn_bpf, strato_dyn_keyctl;

#endif
