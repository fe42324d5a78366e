/* lib/event/flags.c: name tables used to print event parameters, as data.
 * Names, values and order follow the published scap flag tables: the 2022
 * versions (what sysdig 0.29.3 prints) and, for tables that only exist in
 * later versions, the current ones; errno, signal and syscall names as
 * sysdig 0.29.3 prints them. */
#include "event/flags.h"

#define STRATO_TAB(nm) const struct strato_flagtab strato_flags_##nm = { strato_fv_##nm, sizeof(strato_fv_##nm) / sizeof(strato_fv_##nm[0]) }

static const struct strato_flag strato_fv_access_flags[] = {
	{ 0x0, "F_OK" },
	{ 0x4, "R_OK" },
	{ 0x2, "W_OK" },
	{ 0x1, "X_OK" },
};
STRATO_TAB(access_flags);

static const struct strato_flag strato_fv_anon_inode_fd_types[] = {
	{ 0x0, "ANON_INODE_FD_TYPE_UNKNOWN" },
	{ 0x1, "ANON_INODE_FD_TYPE_EVENTFD" },
	{ 0x2, "ANON_INODE_FD_TYPE_EVENTPOLL" },
	{ 0x3, "ANON_INODE_FD_TYPE_INOTIFY" },
	{ 0x4, "ANON_INODE_FD_TYPE_SIGNALFD" },
	{ 0x5, "ANON_INODE_FD_TYPE_TIMERFD" },
	{ 0x6, "ANON_INODE_FD_TYPE_IO_URING" },
	{ 0x7, "ANON_INODE_FD_TYPE_USERFAULTFD" },
	{ 0x8, "ANON_INODE_FD_TYPE_PIDFD" },
	{ 0x9, "ANON_INODE_FD_TYPE_BPF_MAP" },
	{ 0xa, "ANON_INODE_FD_TYPE_BPF_PROG" },
	{ 0xb, "ANON_INODE_FD_TYPE_BPF_LINK" },
	{ 0xc, "ANON_INODE_FD_TYPE_BPF_ITER" },
	{ 0xd, "ANON_INODE_FD_TYPE_PERF_EVENT" },
};
STRATO_TAB(anon_inode_fd_types);

static const struct strato_flag strato_fv_bpf_commands[] = {
	{ 0x0, "BPF_MAP_CREATE" },
	{ 0x1, "BPF_MAP_LOOKUP_ELEM" },
	{ 0x2, "BPF_MAP_UPDATE_ELEM" },
	{ 0x3, "BPF_MAP_DELETE_ELEM" },
	{ 0x4, "BPF_MAP_GET_NEXT_KEY" },
	{ 0x5, "BPF_PROG_LOAD" },
	{ 0x6, "BPF_OBJ_PIN" },
	{ 0x7, "BPF_OBJ_GET" },
	{ 0x8, "BPF_PROG_ATTACH" },
	{ 0x9, "BPF_PROG_DETACH" },
	{ 0xa, "BPF_PROG_TEST_RUN" },
	{ 0xa, "BPF_PROG_RUN" },
	{ 0xb, "BPF_PROG_GET_NEXT_ID" },
	{ 0xc, "BPF_MAP_GET_NEXT_ID" },
	{ 0xd, "BPF_PROG_GET_FD_BY_ID" },
	{ 0xe, "BPF_MAP_GET_FD_BY_ID" },
	{ 0xf, "BPF_OBJ_GET_INFO_BY_FD" },
	{ 0x10, "BPF_PROG_QUERY" },
	{ 0x11, "BPF_RAW_TRACEPOINT_OPEN" },
	{ 0x12, "BPF_BTF_LOAD" },
	{ 0x13, "BPF_BTF_GET_FD_BY_ID" },
	{ 0x14, "BPF_TASK_FD_QUERY" },
	{ 0x15, "BPF_MAP_LOOKUP_AND_DELETE_ELEM" },
	{ 0x16, "BPF_MAP_FREEZE" },
	{ 0x17, "BPF_BTF_GET_NEXT_ID" },
	{ 0x18, "BPF_MAP_LOOKUP_BATCH" },
	{ 0x19, "BPF_MAP_LOOKUP_AND_DELETE_BATCH" },
	{ 0x1a, "BPF_MAP_UPDATE_BATCH" },
	{ 0x1b, "BPF_MAP_DELETE_BATCH" },
	{ 0x1c, "BPF_LINK_CREATE" },
	{ 0x1d, "BPF_LINK_UPDATE" },
	{ 0x1e, "BPF_LINK_GET_FD_BY_ID" },
	{ 0x1f, "BPF_LINK_GET_NEXT_ID" },
	{ 0x20, "BPF_ENABLE_STATS" },
	{ 0x21, "BPF_ITER_CREATE" },
	{ 0x22, "BPF_LINK_DETACH" },
	{ 0x23, "BPF_PROG_BIND_MAP" },
};
STRATO_TAB(bpf_commands);

static const struct strato_flag strato_fv_chmod_mode[] = {
	{ 0x1, "S_IXOTH" },
	{ 0x2, "S_IWOTH" },
	{ 0x4, "S_IROTH" },
	{ 0x8, "S_IXGRP" },
	{ 0x10, "S_IWGRP" },
	{ 0x20, "S_IRGRP" },
	{ 0x40, "S_IXUSR" },
	{ 0x80, "S_IWUSR" },
	{ 0x100, "S_IRUSR" },
	{ 0x200, "S_ISVTX" },
	{ 0x400, "S_ISGID" },
	{ 0x800, "S_ISUID" },
};
STRATO_TAB(chmod_mode);

static const struct strato_flag strato_fv_clone_flags[] = {
	{ 0x1, "CLONE_FILES" },
	{ 0x2, "CLONE_FS" },
	{ 0x4, "CLONE_IO" },
	{ 0x8, "CLONE_NEWIPC" },
	{ 0x10, "CLONE_NEWNET" },
	{ 0x20, "CLONE_NEWNS" },
	{ 0x40, "CLONE_NEWPID" },
	{ 0x80, "CLONE_NEWUTS" },
	{ 0x100, "CLONE_PARENT" },
	{ 0x200, "CLONE_PARENT_SETTID" },
	{ 0x400, "CLONE_PTRACE" },
	{ 0x800, "CLONE_SIGHAND" },
	{ 0x1000, "CLONE_SYSVSEM" },
	{ 0x2000, "CLONE_THREAD" },
	{ 0x4000, "CLONE_UNTRACED" },
	{ 0x8000, "CLONE_VM" },
	{ 0x10000, "CLONE_INVERTED" },
	{ 0x20000, "NAME_CHANGED" },
	{ 0x40000, "CLOSED" },
	{ 0x100000, "CLONE_NEWUSER" },
	{ 0x800000, "CLONE_CHILD_CLEARTID" },
	{ 0x1000000, "CLONE_CHILD_SETTID" },
	{ 0x2000000, "CLONE_SETTLS" },
	{ 0x4000000, "CLONE_STOPPED" },
	{ 0x8000000, "CLONE_VFORK" },
	{ 0x10000000, "CLONE_NEWCGROUP" },
};
STRATO_TAB(clone_flags);

static const struct strato_flag strato_fv_close_range_flags[] = {
	{ 0x2, "CLOSE_RANGE_UNSHARE" },
	{ 0x4, "CLOSE_RANGE_CLOEXEC" },
};
STRATO_TAB(close_range_flags);

static const struct strato_flag strato_fv_creat_flags[] = {
	{ 0x1, "FD_UPPER_LAYER_CREAT" },
	{ 0x2, "FD_LOWER_LAYER_CREAT" },
};
STRATO_TAB(creat_flags);

static const struct strato_flag strato_fv_delete_module_flags[] = {
	{ 0x2, "O_NONBLOCK" },
	{ 0x1, "O_TRUNC" },
};
STRATO_TAB(delete_module_flags);

static const struct strato_flag strato_fv_epoll_create1_flags[] = {
	{ 0x1, "EPOLL_CLOEXEC" },
};
STRATO_TAB(epoll_create1_flags);

static const struct strato_flag strato_fv_execve_flags[] = {
	{ 0x1, "EXE_WRITABLE" },
};
STRATO_TAB(execve_flags);

static const struct strato_flag strato_fv_execveat_flags[] = {
	{ 0x1, "AT_EMPTY_PATH" },
	{ 0x2, "AT_SYMLINK_NOFOLLOW" },
};
STRATO_TAB(execveat_flags);

static const struct strato_flag strato_fv_fchownat_flags[] = {
	{ 0x400, "AT_SYMLINK_NOFOLLOW" },
	{ 0x1000, "AT_EMPTY_PATH" },
};
STRATO_TAB(fchownat_flags);

static const struct strato_flag strato_fv_fcntl_commands[] = {
	{ 0x1d, "F_GETPIPE_SZ" },
	{ 0x1c, "F_SETPIPE_SZ" },
	{ 0x1b, "F_NOTIFY" },
	{ 0x1a, "F_DUPFD_CLOEXEC" },
	{ 0x19, "F_CANCELLK" },
	{ 0x18, "F_GETLEASE" },
	{ 0x17, "F_SETLEASE" },
	{ 0x16, "F_GETOWN_EX" },
	{ 0x15, "F_SETOWN_EX" },
	{ 0x13, "F_SETLKW64" },
	{ 0x12, "F_SETLK64" },
	{ 0x11, "F_GETLK64" },
	{ 0xf, "F_GETSIG" },
	{ 0xd, "F_SETSIG" },
	{ 0xc, "F_GETOWN" },
	{ 0xa, "F_SETOWN" },
	{ 0x9, "F_SETLKW" },
	{ 0x8, "F_SETLK" },
	{ 0x6, "F_GETLK" },
	{ 0x5, "F_SETFL" },
	{ 0x4, "F_GETFL" },
	{ 0x3, "F_SETFD" },
	{ 0x2, "F_GETFD" },
	{ 0x1, "F_DUPFD" },
	{ 0x1e, "F_OFD_GETLK" },
	{ 0x1f, "F_OFD_SETLK" },
	{ 0x20, "F_OFD_SETLKW" },
	{ 0x0, "UNKNOWN" },
};
STRATO_TAB(fcntl_commands);

static const struct strato_flag strato_fv_file_flags[] = {
	{ 0x800, "O_LARGEFILE" },
	{ 0x400, "O_DIRECTORY" },
	{ 0x200, "O_DIRECT" },
	{ 0x100, "O_TRUNC" },
	{ 0x80, "O_SYNC" },
	{ 0x40, "O_NONBLOCK" },
	{ 0x20, "O_EXCL" },
	{ 0x10, "O_DSYNC" },
	{ 0x8, "O_APPEND" },
	{ 0x4, "O_CREAT" },
	{ 0x3, "O_RDWR" },
	{ 0x2, "O_WRONLY" },
	{ 0x1, "O_RDONLY" },
	{ 0x1000, "O_CLOEXEC" },
	{ 0x0, "O_NONE" },
	{ 0x2000, "O_TMPFILE" },
};
STRATO_TAB(file_flags);

static const struct strato_flag strato_fv_finit_module_flags[] = {
	{ 0x1, "MODULE_INIT_IGNORE_MODVERSIONS" },
	{ 0x2, "MODULE_INIT_IGNORE_VERMAGIC" },
	{ 0x4, "MODULE_INIT_COMPRESSED_FILE" },
};
STRATO_TAB(finit_module_flags);

static const struct strato_flag strato_fv_flock_flags[] = {
	{ 0x1, "LOCK_SH" },
	{ 0x2, "LOCK_EX" },
	{ 0x4, "LOCK_NB" },
	{ 0x8, "LOCK_UN" },
	{ 0x0, "LOCK_NONE" },
};
STRATO_TAB(flock_flags);

static const struct strato_flag strato_fv_fsconfig_cmds[] = {
	{ 0x0, "FSCONFIG_SET_FLAG" },
	{ 0x1, "FSCONFIG_SET_STRING" },
	{ 0x2, "FSCONFIG_SET_BINARY" },
	{ 0x3, "FSCONFIG_SET_PATH" },
	{ 0x4, "FSCONFIG_SET_PATH_EMPTY" },
	{ 0x5, "FSCONFIG_SET_FD" },
	{ 0x6, "FSCONFIG_CMD_CREATE" },
	{ 0x7, "FSCONFIG_CMD_RECONFIGURE" },
};
STRATO_TAB(fsconfig_cmds);

static const struct strato_flag strato_fv_futex_operations[] = {
	{ 0x100, "FUTEX_CLOCK_REALTIME" },
	{ 0x80, "FUTEX_PRIVATE_FLAG" },
	{ 0xc, "FUTEX_CMP_REQUEUE_PI" },
	{ 0xb, "FUTEX_WAIT_REQUEUE_PI" },
	{ 0xa, "FUTEX_WAKE_BITSET" },
	{ 0x9, "FUTEX_WAIT_BITSET" },
	{ 0x8, "FUTEX_TRYLOCK_PI" },
	{ 0x7, "FUTEX_UNLOCK_PI" },
	{ 0x6, "FUTEX_LOCK_PI" },
	{ 0x5, "FUTEX_WAKE_OP" },
	{ 0x4, "FUTEX_CMP_REQUEUE" },
	{ 0x3, "FUTEX_REQUEUE" },
	{ 0x2, "FUTEX_FD" },
	{ 0x1, "FUTEX_WAKE" },
	{ 0x0, "FUTEX_WAIT" },
};
STRATO_TAB(futex_operations);

static const struct strato_flag strato_fv_io_uring_enter_flags[] = {
	{ 0x1, "IORING_ENTER_GETEVENTS" },
	{ 0x2, "IORING_ENTER_SQ_WAKEUP" },
	{ 0x4, "IORING_ENTER_SQ_WAIT" },
	{ 0x8, "IORING_ENTER_EXT_ARG" },
};
STRATO_TAB(io_uring_enter_flags);

static const struct strato_flag strato_fv_io_uring_register_opcodes[] = {
	{ 0x0, "IORING_REGISTER_BUFFERS" },
	{ 0x1, "IORING_UNREGISTER_BUFFERS" },
	{ 0x2, "IORING_REGISTER_FILES" },
	{ 0x3, "IORING_UNREGISTER_FILES" },
	{ 0x4, "IORING_REGISTER_EVENTFD" },
	{ 0x5, "IORING_UNREGISTER_EVENTFD" },
	{ 0x6, "IORING_REGISTER_FILES_UPDATE" },
	{ 0x7, "IORING_REGISTER_EVENTFD_ASYNC" },
	{ 0x8, "IORING_REGISTER_PROBE" },
	{ 0x9, "IORING_REGISTER_PERSONALITY" },
	{ 0xa, "IORING_UNREGISTER_PERSONALITY" },
	{ 0xb, "IORING_REGISTER_RESTRICTIONS" },
	{ 0xc, "IORING_REGISTER_ENABLE_RINGS" },
	{ 0xd, "IORING_REGISTER_FILES2" },
	{ 0xe, "IORING_REGISTER_FILES_UPDATE2" },
	{ 0xf, "IORING_REGISTER_BUFFERS2" },
	{ 0x10, "IORING_REGISTER_BUFFERS_UPDATE" },
	{ 0x11, "IORING_REGISTER_IOWQ_AFF" },
	{ 0x12, "IORING_UNREGISTER_IOWQ_AFF" },
	{ 0x13, "IORING_REGISTER_IOWQ_MAX_WORKERS" },
	{ 0x14, "IORING_REGISTER_RING_FDS" },
	{ 0x15, "IORING_UNREGISTER_RING_FDS" },
};
STRATO_TAB(io_uring_register_opcodes);

static const struct strato_flag strato_fv_io_uring_setup_feats[] = {
	{ 0x1, "IORING_FEAT_SINGLE_MMAP" },
	{ 0x2, "IORING_FEAT_NODROP" },
	{ 0x4, "IORING_FEAT_SUBMIT_STABLE" },
	{ 0x8, "IORING_FEAT_RW_CUR_POS" },
	{ 0x10, "IORING_FEAT_CUR_PERSONALITY" },
	{ 0x20, "IORING_FEAT_FAST_POLL" },
	{ 0x40, "IORING_FEAT_POLL_32BITS" },
	{ 0x80, "IORING_FEAT_SQPOLL_NONFIXED" },
	{ 0x100, "IORING_FEAT_ENTER_EXT_ARG" },
	{ 0x200, "IORING_FEAT_NATIVE_WORKERS" },
	{ 0x400, "IORING_FEAT_RSRC_TAGS" },
};
STRATO_TAB(io_uring_setup_feats);

static const struct strato_flag strato_fv_io_uring_setup_flags[] = {
	{ 0x1, "IORING_SETUP_IOPOLL" },
	{ 0x2, "IORING_SETUP_SQPOLL" },
	{ 0x4, "IORING_SQ_NEED_WAKEUP" },
	{ 0x8, "IORING_SETUP_SQ_AFF" },
	{ 0x10, "IORING_SETUP_CQSIZE" },
	{ 0x20, "IORING_SETUP_CLAMP" },
	{ 0x40, "IORING_SETUP_ATTACH_RW" },
	{ 0x80, "IORING_SETUP_R_DISABLED" },
};
STRATO_TAB(io_uring_setup_flags);

static const struct strato_flag strato_fv_keyctl_operations[] = {
	{ 0x0, "KEYCTL_GET_KEYRING_ID" },
	{ 0x1, "KEYCTL_JOIN_SESSION_KEYRING" },
	{ 0x2, "KEYCTL_UPDATE" },
	{ 0x3, "KEYCTL_REVOKE" },
	{ 0x4, "KEYCTL_CHOWN" },
	{ 0x5, "KEYCTL_SETPERM" },
	{ 0x6, "KEYCTL_DESCRIBE" },
	{ 0x7, "KEYCTL_CLEAR" },
	{ 0x8, "KEYCTL_LINK" },
	{ 0x9, "KEYCTL_UNLINK" },
	{ 0xa, "KEYCTL_SEARCH" },
	{ 0xb, "KEYCTL_READ" },
	{ 0xc, "KEYCTL_INSTANTIATE" },
	{ 0xd, "KEYCTL_NEGATE" },
	{ 0xe, "KEYCTL_SET_REQKEY_KEYRING" },
	{ 0xf, "KEYCTL_SET_TIMEOUT" },
	{ 0x10, "KEYCTL_ASSUME_AUTHORITY" },
	{ 0x11, "KEYCTL_GET_SECURITY" },
	{ 0x12, "KEYCTL_SESSION_TO_PARENT" },
	{ 0x13, "KEYCTL_REJECT" },
	{ 0x14, "KEYCTL_INSTANTIATE_IOV" },
	{ 0x15, "KEYCTL_INVALIDATE" },
	{ 0x16, "KEYCTL_GET_PERSISTENT" },
	{ 0x17, "KEYCTL_DH_COMPUTE" },
	{ 0x18, "KEYCTL_PKEY_QUERY" },
	{ 0x19, "KEYCTL_PKEY_ENCRYPT" },
	{ 0x1a, "KEYCTL_PKEY_DECRYPT" },
	{ 0x1b, "KEYCTL_PKEY_SIGN" },
	{ 0x1c, "KEYCTL_PKEY_VERIFY" },
	{ 0x1d, "KEYCTL_RESTRICT_KEYRING" },
	{ 0x1e, "KEYCTL_MOVE" },
	{ 0x1f, "KEYCTL_CAPABILITIES" },
	{ 0x20, "KEYCTL_WATCH_KEY" },
};
STRATO_TAB(keyctl_operations);

static const struct strato_flag strato_fv_linkat_flags[] = {
	{ 0x400, "AT_SYMLINK_FOLLOW" },
	{ 0x1000, "AT_EMPTY_PATH" },
};
STRATO_TAB(linkat_flags);

static const struct strato_flag strato_fv_lseek_whence[] = {
	{ 0x2, "SEEK_END" },
	{ 0x1, "SEEK_CUR" },
	{ 0x0, "SEEK_SET" },
};
STRATO_TAB(lseek_whence);

static const struct strato_flag strato_fv_memfd_create_flags[] = {
	{ 0x1, "MFD_CLOEXEC" },
	{ 0x2, "MFD_ALLOW_SEALING" },
	{ 0x4, "MFD_HUGETLB" },
};
STRATO_TAB(memfd_create_flags);

static const struct strato_flag strato_fv_mknod_mode[] = {
	{ 0x1, "S_IXOTH" },
	{ 0x2, "S_IWOTH" },
	{ 0x4, "S_IROTH" },
	{ 0x8, "S_IXGRP" },
	{ 0x10, "S_IWGRP" },
	{ 0x20, "S_IRGRP" },
	{ 0x40, "S_IXUSR" },
	{ 0x80, "S_IWUSR" },
	{ 0x100, "S_IRUSR" },
	{ 0x200, "S_ISVTX" },
	{ 0x400, "S_ISGID" },
	{ 0x800, "S_ISUID" },
	{ 0x8000, "S_IFREG" },
	{ 0x2000, "S_IFCHR" },
	{ 0x6000, "S_IFBLK" },
	{ 0x1000, "S_IFIFO" },
	{ 0xc000, "S_IFSOCK" },
};
STRATO_TAB(mknod_mode);

static const struct strato_flag strato_fv_mlock2_flags[] = {
	{ 0x1, "MLOCK_ONFAULT" },
};
STRATO_TAB(mlock2_flags);

static const struct strato_flag strato_fv_mlockall_flags[] = {
	{ 0x1, "MCL_CURRENT" },
	{ 0x2, "MCL_FUTURE" },
	{ 0x4, "MCL_ONFAULT" },
};
STRATO_TAB(mlockall_flags);

static const struct strato_flag strato_fv_mmap_flags[] = {
	{ 0x1, "MAP_SHARED" },
	{ 0x2, "MAP_PRIVATE" },
	{ 0x4, "MAP_FIXED" },
	{ 0x8, "MAP_ANONYMOUS" },
	{ 0x10, "MAP_32BIT" },
	{ 0x20, "MAP_RENAME" },
	{ 0x40, "MAP_NORESERVE" },
	{ 0x80, "MAP_POPULATE" },
	{ 0x100, "MAP_NONBLOCK" },
	{ 0x200, "MAP_GROWSDOWN" },
	{ 0x400, "MAP_DENYWRITE" },
	{ 0x800, "MAP_EXECUTABLE" },
	{ 0x1000, "MAP_INHERIT" },
	{ 0x2000, "MAP_FILE" },
	{ 0x4000, "MAP_LOCKED" },
};
STRATO_TAB(mmap_flags);

static const struct strato_flag strato_fv_mount_flags[] = {
	{ 0x1, "RDONLY" },
	{ 0x2, "NOSUID" },
	{ 0x4, "NODEV" },
	{ 0x8, "NOEXEC" },
	{ 0x10, "SYNCHRONOUS" },
	{ 0x20, "REMOUNT" },
	{ 0x40, "MANDLOCK" },
	{ 0x80, "DIRSYNC" },
	{ 0x400, "NOATIME" },
	{ 0x800, "NODIRATIME" },
	{ 0x1000, "BIND" },
	{ 0x2000, "MOVE" },
	{ 0x4000, "REC" },
	{ 0x8000, "SILENT" },
	{ 0x10000, "POSIXACL" },
	{ 0x20000, "UNBINDABLE" },
	{ 0x40000, "PRIVATE" },
	{ 0x80000, "SLAVE" },
	{ 0x100000, "SHARED" },
	{ 0x200000, "RELATIME" },
	{ 0x400000, "KERNMOUNT" },
	{ 0x800000, "I_VERSION" },
	{ 0x1000000, "STRICTATIME" },
	{ 0x2000000, "LAZYTIME" },
	{ 0x10000000, "NOSEC" },
	{ 0x20000000, "BORN" },
	{ 0x40000000, "ACTIVE" },
	{ 0x80000000, "NOUSER" },
};
STRATO_TAB(mount_flags);

static const struct strato_flag strato_fv_newfstatat_flags[] = {
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
};
STRATO_TAB(newfstatat_flags);

static const struct strato_flag strato_fv_openat2_flags[] = {
	{ 0x1, "RESOLVE_BENEATH" },
	{ 0x2, "RESOLVE_IN_ROOT" },
	{ 0x4, "RESOLVE_NO_MAGICLINKS" },
	{ 0x8, "RESOLVE_NO_SYMLINKS" },
	{ 0x10, "RESOLVE_NO_XDEV" },
	{ 0x20, "RESOLVE_CACHED" },
};
STRATO_TAB(openat2_flags);

static const struct strato_flag strato_fv_pf_flags[] = {
	{ 0x1, "PROTECTION_VIOLATION" },
	{ 0x2, "PAGE_NOT_PRESENT" },
	{ 0x4, "WRITE_ACCESS" },
	{ 0x8, "READ_ACCESS" },
	{ 0x10, "USER_FAULT" },
	{ 0x20, "SUPERVISOR_FAULT" },
	{ 0x40, "RESERVED_PAGE" },
	{ 0x80, "INSTRUCTION_FETCH" },
};
STRATO_TAB(pf_flags);

static const struct strato_flag strato_fv_pidfd_open_flags[] = {
	{ 0x1, "PIDFD_NONBLOCK" },
};
STRATO_TAB(pidfd_open_flags);

static const struct strato_flag strato_fv_prctl_options[] = {
	{ 0x3, "PR_GET_DUMPABLE" },
	{ 0x4, "PR_SET_DUMPABLE" },
	{ 0x7, "PR_GET_KEEPCAPS" },
	{ 0x8, "PR_SET_KEEPCAPS" },
	{ 0xf, "PR_SET_NAME" },
	{ 0x10, "PR_GET_NAME" },
	{ 0x15, "PR_GET_SECCOMP" },
	{ 0x16, "PR_SET_SECCOMP" },
	{ 0x17, "PR_CAPBSET_READ" },
	{ 0x18, "PR_CAPBSET_DROP" },
	{ 0x1b, "PR_GET_SECUREBITS" },
	{ 0x1c, "PR_SET_SECUREBITS" },
	{ 0x21, "PR_MCE_KILL" },
	{ 0x21, "PR_MCE_KILL" },
	{ 0x23, "PR_SET_MM" },
	{ 0x24, "PR_SET_CHILD_SUBREAPER" },
	{ 0x25, "PR_GET_CHILD_SUBREAPER" },
	{ 0x26, "PR_SET_NO_NEW_PRIVS" },
	{ 0x27, "PR_GET_NO_NEW_PRIVS" },
	{ 0x28, "PR_GET_TID_ADDRESS" },
	{ 0x29, "PR_SET_THP_DISABLE" },
	{ 0x2a, "PR_GET_THP_DISABLE" },
	{ 0x2f, "PR_CAP_AMBIENT" },
};
STRATO_TAB(prctl_options);

static const struct strato_flag strato_fv_prot_flags[] = {
	{ 0x1, "PROT_READ" },
	{ 0x2, "PROT_WRITE" },
	{ 0x4, "PROT_EXEC" },
	{ 0x8, "PROT_SEM" },
	{ 0x10, "PROT_GROWSDOWN" },
	{ 0x20, "PROT_GROWSUP" },
	{ 0x40, "PROT_SAO" },
	{ 0x0, "PROT_NONE" },
};
STRATO_TAB(prot_flags);

static const struct strato_flag strato_fv_ptrace_requests[] = {
	{ 0x26, "PTRACE_SINGLEBLOCK" },
	{ 0x25, "PTRACE_SYSEMU_SINGLESTEP" },
	{ 0x24, "PTRACE_SYSEMU" },
	{ 0x23, "PTRACE_ARCH_PRCTL" },
	{ 0x22, "PTRACE_SET_THREAD_AREA" },
	{ 0x21, "PTRACE_GET_THREAD_AREA" },
	{ 0x20, "PTRACE_OLDSETOPTIONS" },
	{ 0x1f, "PTRACE_SETFPXREGS" },
	{ 0x1e, "PTRACE_GETFPXREGS" },
	{ 0x1d, "PTRACE_SETFPREGS" },
	{ 0x1c, "PTRACE_GETFPREGS" },
	{ 0x1b, "PTRACE_SETREGS" },
	{ 0x1a, "PTRACE_GETREGS" },
	{ 0x19, "PTRACE_SETSIGMASK" },
	{ 0x18, "PTRACE_GETSIGMASK" },
	{ 0x17, "PTRACE_PEEKSIGINFO" },
	{ 0x16, "PTRACE_LISTEN" },
	{ 0x15, "PTRACE_INTERRUPT" },
	{ 0x14, "PTRACE_SEIZE" },
	{ 0x13, "PTRACE_SETREGSET" },
	{ 0x12, "PTRACE_GETREGSET" },
	{ 0x11, "PTRACE_SETSIGINFO" },
	{ 0x10, "PTRACE_GETSIGINFO" },
	{ 0xf, "PTRACE_GETEVENTMSG" },
	{ 0xe, "PTRACE_SETOPTIONS" },
	{ 0xd, "PTRACE_SYSCALL" },
	{ 0xc, "PTRACE_DETACH" },
	{ 0xb, "PTRACE_ATTACH" },
	{ 0xa, "PTRACE_SINGLESTEP" },
	{ 0x9, "PTRACE_KILL" },
	{ 0x8, "PTRACE_CONT" },
	{ 0x7, "PTRACE_POKEUSR" },
	{ 0x6, "PTRACE_POKEDATA" },
	{ 0x5, "PTRACE_POKETEXT" },
	{ 0x4, "PTRACE_PEEKUSR" },
	{ 0x3, "PTRACE_PEEKDATA" },
	{ 0x2, "PTRACE_PEEKTEXT" },
	{ 0x1, "PTRACE_TRACEME" },
	{ 0x0, "PTRACE_UNKNOWN" },
};
STRATO_TAB(ptrace_requests);

static const struct strato_flag strato_fv_quotactl_cmds[] = {
	{ 0x1, "Q_QUOTAON" },
	{ 0x2, "Q_QUOTAOFF" },
	{ 0x4, "Q_GETFMT" },
	{ 0x8, "Q_GETINFO" },
	{ 0x10, "Q_SETINFO" },
	{ 0x20, "Q_GETQUOTA" },
	{ 0x40, "Q_SETQUOTA" },
	{ 0x80, "Q_SYNC" },
	{ 0x100, "Q_XQUOTAON" },
	{ 0x200, "Q_XQUOTAOFF" },
	{ 0x400, "Q_XGETQUOTA" },
	{ 0x800, "Q_XSETQLIM" },
	{ 0x1000, "Q_XGETQSTAT" },
	{ 0x2000, "Q_XQUOTARM" },
	{ 0x4000, "Q_XQUOTASYNC" },
};
STRATO_TAB(quotactl_cmds);

static const struct strato_flag strato_fv_quotactl_dqi_flags[] = {
	{ 0x1, "DQF_NONE" },
	{ 0x2, "V1_DQF_RSQUASH" },
};
STRATO_TAB(quotactl_dqi_flags);

static const struct strato_flag strato_fv_quotactl_quota_fmts[] = {
	{ 0x1, "QFMT_NOT_USED" },
	{ 0x2, "QFMT_VFS_OLD" },
	{ 0x4, "QFMT_VFS_V0" },
	{ 0x8, "QFMT_VFS_V1" },
};
STRATO_TAB(quotactl_quota_fmts);

static const struct strato_flag strato_fv_quotactl_types[] = {
	{ 0x1, "USRQUOTA" },
	{ 0x2, "GRPQUOTA" },
};
STRATO_TAB(quotactl_types);

static const struct strato_flag strato_fv_renameat2_flags[] = {
	{ 0x1, "RENAME_NOREPLACE" },
	{ 0x2, "RENAME_EXCHANGE" },
	{ 0x4, "RENAME_WHITEOUT" },
};
STRATO_TAB(renameat2_flags);

static const struct strato_flag strato_fv_rlimit_resources[] = {
	{ 0xff, "RLIMIT_UNKNOWN" },
	{ 0xf, "RLIMIT_RTTIME" },
	{ 0xe, "RLIMIT_RTPRIO" },
	{ 0xd, "RLIMIT_NICE" },
	{ 0xc, "RLIMIT_MSGQUEUE" },
	{ 0xb, "RLIMIT_SIGPENDING" },
	{ 0xa, "RLIMIT_LOCKS" },
	{ 0x9, "RLIMIT_AS" },
	{ 0x8, "RLIMIT_MEMLOCK" },
	{ 0x7, "RLIMIT_NOFILE" },
	{ 0x6, "RLIMIT_NPROC" },
	{ 0x5, "RLIMIT_RSS" },
	{ 0x4, "RLIMIT_CORE" },
	{ 0x3, "RLIMIT_STACK" },
	{ 0x2, "RLIMIT_DATA" },
	{ 0x1, "RLIMIT_FSIZE" },
	{ 0x0, "RLIMIT_CPU" },
};
STRATO_TAB(rlimit_resources);

static const struct strato_flag strato_fv_semctl_commands[] = {
	{ 0x1, "IPC_STAT" },
	{ 0x2, "IPC_SET" },
	{ 0x4, "IPC_RMID" },
	{ 0x8, "IPC_INFO" },
	{ 0x10, "SEM_INFO" },
	{ 0x20, "SEM_STAT" },
	{ 0x40, "GETALL" },
	{ 0x80, "GETNCNT" },
	{ 0x100, "GETPID" },
	{ 0x200, "GETVAL" },
	{ 0x400, "GETZCNT" },
	{ 0x800, "SETALL" },
	{ 0x1000, "SETVAL" },
};
STRATO_TAB(semctl_commands);

static const struct strato_flag strato_fv_semget_flags[] = {
	{ 0x4000, "IPC_EXCL" },
	{ 0x2000, "IPC_CREAT" },
};
STRATO_TAB(semget_flags);

static const struct strato_flag strato_fv_semop_flags[] = {
	{ 0x1, "IPC_NOWAIT" },
	{ 0x2, "SEM_UNDO" },
};
STRATO_TAB(semop_flags);

static const struct strato_flag strato_fv_shutdown_how[] = {
	{ 0x2, "SHUT_RDWR" },
	{ 0x1, "SHUT_WR" },
	{ 0x0, "SHUT_RD" },
};
STRATO_TAB(shutdown_how);

static const struct strato_flag strato_fv_socket_families[] = {
	{ 0x27, "AF_NFC" },
	{ 0x26, "AF_ALG" },
	{ 0x25, "AF_CAIF" },
	{ 0x24, "AF_IEEE802154" },
	{ 0x23, "AF_PHONET" },
	{ 0x22, "AF_ISDN" },
	{ 0x21, "AF_RXRPC" },
	{ 0x20, "AF_IUCV" },
	{ 0x1f, "AF_BLUETOOTH" },
	{ 0x1e, "AF_TIPC" },
	{ 0x1d, "AF_CAN" },
	{ 0x1a, "AF_LLC" },
	{ 0x19, "AF_WANPIPE" },
	{ 0x18, "AF_PPPOX" },
	{ 0x17, "AF_IRDA" },
	{ 0x16, "AF_SNA" },
	{ 0x15, "AF_RDS" },
	{ 0x14, "AF_ATMSVC" },
	{ 0x13, "AF_ECONET" },
	{ 0x12, "AF_ASH" },
	{ 0x11, "AF_PACKET" },
	{ 0x10, "AF_ROUTE" },
	{ 0x10, "AF_NETLINK" },
	{ 0xf, "AF_KEY" },
	{ 0xe, "AF_SECURITY" },
	{ 0xd, "AF_NETBEUI" },
	{ 0xc, "AF_DECnet" },
	{ 0xb, "AF_ROSE" },
	{ 0xa, "AF_INET6" },
	{ 0x9, "AF_X25" },
	{ 0x8, "AF_ATMPVC" },
	{ 0x7, "AF_BRIDGE" },
	{ 0x6, "AF_NETROM" },
	{ 0x5, "AF_APPLETALK" },
	{ 0x4, "AF_IPX" },
	{ 0x3, "AF_AX25" },
	{ 0x2, "AF_INET" },
	{ 0x1, "AF_LOCAL" },
	{ 0x1, "AF_UNIX" },
	{ 0x0, "AF_UNSPEC" },
};
STRATO_TAB(socket_families);

static const struct strato_flag strato_fv_sockopt_levels[] = {
	{ 0x1, "SOL_SOCKET" },
	{ 0x2, "SOL_TCP" },
	{ 0x0, "UNKNOWN" },
};
STRATO_TAB(sockopt_levels);

static const struct strato_flag strato_fv_sockopt_options[] = {
	{ 0x35, "SO_COOKIE" },
	{ 0x34, "SO_MEMINFO" },
	{ 0x33, "SO_PEERGROUPS" },
	{ 0x32, "SO_ATTACH_BPF" },
	{ 0x31, "SO_INCOMING_CPU" },
	{ 0x30, "SO_BPF_EXTENSIONS" },
	{ 0x2f, "SO_MAX_PACING_RATE" },
	{ 0x2e, "SO_BUSY_POLL" },
	{ 0x2d, "SO_SELECT_ERR_QUEUE" },
	{ 0x2c, "SO_LOCK_FILTER" },
	{ 0x2b, "SO_NOFCS" },
	{ 0x2a, "SO_PEEK_OFF" },
	{ 0x29, "SO_WIFI_STATUS" },
	{ 0x28, "SO_RXQ_OVFL" },
	{ 0x27, "SO_DOMAIN" },
	{ 0x26, "SO_PROTOCOL" },
	{ 0x25, "SO_TIMESTAMPING" },
	{ 0x24, "SO_MARK" },
	{ 0x23, "SO_TIMESTAMPNS" },
	{ 0x22, "SO_PASSSEC" },
	{ 0x1f, "SO_PEERSEC" },
	{ 0x1e, "SO_ACCEPTCONN" },
	{ 0x1d, "SO_TIMESTAMP" },
	{ 0x1c, "SO_PEERNAME" },
	{ 0x1b, "SO_DETACH_FILTER" },
	{ 0x1a, "SO_ATTACH_FILTER" },
	{ 0x19, "SO_BINDTODEVICE" },
	{ 0x18, "SO_SECURITY_ENCRYPTION_NETWORK" },
	{ 0x17, "SO_SECURITY_ENCRYPTION_TRANSPORT" },
	{ 0x16, "SO_SECURITY_AUTHENTICATION" },
	{ 0x15, "SO_SNDTIMEO" },
	{ 0x14, "SO_RCVTIMEO" },
	{ 0x13, "SO_SNDLOWAT" },
	{ 0x12, "SO_RCVLOWAT" },
	{ 0x11, "SO_PEERCRED" },
	{ 0x10, "SO_PASSCRED" },
	{ 0xf, "SO_REUSEPORT" },
	{ 0xe, "SO_BSDCOMPAT" },
	{ 0xd, "SO_LINGER" },
	{ 0xc, "SO_PRIORITY" },
	{ 0xb, "SO_NO_CHECK" },
	{ 0xa, "SO_OOBINLINE" },
	{ 0x9, "SO_KEEPALIVE" },
	{ 0x21, "SO_RCVBUFFORCE" },
	{ 0x20, "SO_SNDBUFFORCE" },
	{ 0x8, "SO_RCVBUF" },
	{ 0x7, "SO_SNDBUF" },
	{ 0x6, "SO_BROADCAST" },
	{ 0x5, "SO_DONTROUTE" },
	{ 0x4, "SO_ERROR" },
	{ 0x3, "SO_TYPE" },
	{ 0x2, "SO_REUSEADDR" },
	{ 0x1, "SO_DEBUG" },
	{ 0x0, "UNKNOWN" },
};
STRATO_TAB(sockopt_options);

static const struct strato_flag strato_fv_splice_flags[] = {
	{ 0x1, "SPLICE_F_MOVE" },
	{ 0x2, "SPLICE_F_NONBLOCK" },
	{ 0x4, "SPLICE_F_MORE" },
	{ 0x8, "SPLICE_F_GIFT" },
};
STRATO_TAB(splice_flags);

static const struct strato_flag strato_fv_umount_flags[] = {
	{ 0x1, "FORCE" },
	{ 0x2, "DETACH" },
	{ 0x4, "EXPIRE" },
	{ 0x8, "NOFOLLOW" },
};
STRATO_TAB(umount_flags);

static const struct strato_flag strato_fv_unlinkat_flags[] = {
	{ 0x200, "AT_REMOVEDIR" },
};
STRATO_TAB(unlinkat_flags);

static const enum strato_ptype strato_dyn_sockopt_t[] = {
	STRATO_PT_BYTEBUF, STRATO_PT_ERRNO, STRATO_PT_UINT32, STRATO_PT_UINT64, STRATO_PT_RELTIME,
};
static const enum strato_ptype strato_dyn_ptrace_t[] = { STRATO_PT_UINT64, STRATO_PT_SIGTYPE };
static const enum strato_ptype strato_dyn_bpf_t[] = { STRATO_PT_FD, STRATO_PT_ERRNO };
static const enum strato_ptype strato_dyn_keyctl_t[] = { STRATO_PT_INT64, STRATO_PT_CHARBUF };
const struct strato_dyntab strato_dyn_sockopt = { strato_dyn_sockopt_t, 5 };
const struct strato_dyntab strato_dyn_ptrace = { strato_dyn_ptrace_t, 2 };
const struct strato_dyntab strato_dyn_bpf = { strato_dyn_bpf_t, 2 };
const struct strato_dyntab strato_dyn_keyctl = { strato_dyn_keyctl_t, 2 };

const char *const strato_errno_names[STRATO_ERRNO_MAX] = {
	[1] = "EPERM",
	[2] = "ENOENT",
	[3] = "ESRCH",
	[4] = "EINTR",
	[5] = "EIO",
	[6] = "ENXIO",
	[7] = "E2BIG",
	[8] = "ENOEXEC",
	[9] = "EBADF",
	[10] = "ECHILD",
	[11] = "EAGAIN",
	[12] = "ENOMEM",
	[13] = "EACCES",
	[14] = "EFAULT",
	[15] = "ENOTBLK",
	[16] = "EBUSY",
	[17] = "EEXIST",
	[18] = "EXDEV",
	[19] = "ENODEV",
	[20] = "ENOTDIR",
	[21] = "EISDIR",
	[22] = "EINVAL",
	[23] = "ENFILE",
	[24] = "EMFILE",
	[25] = "ENOTTY",
	[26] = "ETXTBSY",
	[27] = "EFBIG",
	[28] = "ENOSPC",
	[29] = "ESPIPE",
	[30] = "EROFS",
	[31] = "EMLINK",
	[32] = "EPIPE",
	[33] = "EDOM",
	[34] = "ERANGE",
	[35] = "EDEADLK",
	[36] = "ENAMETOOLONG",
	[37] = "ENOLCK",
	[38] = "ENOSYS",
	[39] = "ENOTEMPTY",
	[40] = "ELOOP",
	[42] = "ENOMSG",
	[43] = "EIDRM",
	[44] = "ECHRNG",
	[45] = "EL2NSYNC",
	[46] = "EL3HLT",
	[47] = "EL3RST",
	[48] = "ELNRNG",
	[49] = "EUNATCH",
	[50] = "ENOCSI",
	[51] = "EL2HLT",
	[52] = "EBADE",
	[53] = "EBADR",
	[54] = "EXFULL",
	[55] = "ENOANO",
	[56] = "EBADRQC",
	[57] = "EBADSLT",
	[59] = "EBFONT",
	[60] = "ENOSTR",
	[61] = "ENODATA",
	[62] = "ETIME",
	[63] = "ENOSR",
	[64] = "ENONET",
	[65] = "ENOPKG",
	[66] = "EREMOTE",
	[67] = "ENOLINK",
	[68] = "EADV",
	[69] = "ESRMNT",
	[70] = "ECOMM",
	[71] = "EPROTO",
	[72] = "EMULTIHOP",
	[73] = "EDOTDOT",
	[74] = "EBADMSG",
	[75] = "EOVERFLOW",
	[76] = "ENOTUNIQ",
	[77] = "EBADFD",
	[78] = "EREMCHG",
	[79] = "ELIBACC",
	[80] = "ELIBBAD",
	[81] = "ELIBSCN",
	[82] = "ELIBMAX",
	[83] = "ELIBEXEC",
	[84] = "EILSEQ",
	[85] = "ERESTART",
	[86] = "ESTRPIPE",
	[87] = "EUSERS",
	[88] = "ENOTSOCK",
	[89] = "EDESTADDRREQ",
	[90] = "EMSGSIZE",
	[91] = "EPROTOTYPE",
	[92] = "ENOPROTOOPT",
	[93] = "EPROTONOSUPPORT",
	[94] = "ESOCKTNOSUPPORT",
	[95] = "EOPNOTSUPP",
	[96] = "EPFNOSUPPORT",
	[97] = "EAFNOSUPPORT",
	[98] = "EADDRINUSE",
	[99] = "EADDRNOTAVAIL",
	[100] = "ENETDOWN",
	[101] = "ENETUNREACH",
	[102] = "ENETRESET",
	[103] = "ECONNABORTED",
	[104] = "ECONNRESET",
	[105] = "ENOBUFS",
	[106] = "EISCONN",
	[107] = "ENOTCONN",
	[108] = "ESHUTDOWN",
	[109] = "ETOOMANYREFS",
	[110] = "ETIMEDOUT",
	[111] = "ECONNREFUSED",
	[112] = "EHOSTDOWN",
	[113] = "EHOSTUNREACH",
	[114] = "EALREADY",
	[115] = "EINPROGRESS",
	[116] = "ESTALE",
	[117] = "EUCLEAN",
	[118] = "ENOTNAM",
	[119] = "ENAVAIL",
	[120] = "EISNAM",
	[121] = "EREMOTEIO",
	[122] = "EDQUOT",
	[123] = "ENOMEDIUM",
	[124] = "EMEDIUMTYPE",
	[125] = "ECANCELED",
	[512] = "ERESTARTSYS",
	[513] = "ERESTARTNOINTR",
	[514] = "ERESTARTNOHAND",
	[515] = "ENOIOCTLCMD",
	[516] = "ERESTART_RESTARTBLOCK",
	[521] = "EBADHANDLE",
	[522] = "ENOTSYNC",
	[523] = "EBADCOOKIE",
	[524] = "ENOTSUPP",
	[525] = "ETOOSMALL",
	[526] = "ESERVERFAULT",
	[527] = "EBADTYPE",
	[528] = "EJUKEBOX",
	[529] = "EIOCBQUEUED",
	[530] = "EIOCBRETRY",
};

const char *const strato_signal_names[32] = {
	[1] = "SIGHUP",
	[2] = "SIGINT",
	[3] = "SIGQUIT",
	[4] = "SIGILL",
	[5] = "SIGTRAP",
	[6] = "SIGABRT",
	[7] = "SIGBUS",
	[8] = "SIGFPE",
	[9] = "SIGKILL",
	[10] = "SIGUSR1",
	[11] = "SIGSEGV",
	[12] = "SIGUSR2",
	[13] = "SIGPIPE",
	[14] = "SIGALRM",
	[15] = "SIGTERM",
	[16] = "SIGSTKFLT",
	[17] = "SIGCHLD",
	[18] = "SIGCONT",
	[19] = "SIGSTOP",
	[20] = "SIGTSTP",
	[21] = "SIGTTIN",
	[22] = "SIGTTOU",
	[23] = "SIGURG",
	[24] = "SIGXCPU",
	[25] = "SIGXFSZ",
	[26] = "SIGVTALRM",
	[27] = "SIGPROF",
	[28] = "SIGWINCH",
	[29] = "SIGIO",
	[30] = "SIGPWR",
	[31] = "SIGSYS",
};

const char *const strato_syscall_names[STRATO_SYSCALL_NAMES] = {
	[0] = "<unknown>",
	[1] = "restart_syscall",
	[2] = "exit",
	[3] = "read",
	[4] = "write",
	[5] = "open",
	[6] = "close",
	[7] = "creat",
	[8] = "link",
	[9] = "unlink",
	[10] = "chdir",
	[11] = "time",
	[12] = "mknod",
	[13] = "chmod",
	[14] = "stat",
	[15] = "lseek",
	[16] = "getpid",
	[17] = "mount",
	[18] = "ptrace",
	[19] = "alarm",
	[20] = "fstat",
	[21] = "pause",
	[22] = "utime",
	[23] = "access",
	[24] = "sync",
	[25] = "kill",
	[26] = "rename",
	[27] = "mkdir",
	[28] = "rmdir",
	[29] = "dup",
	[30] = "pipe",
	[31] = "times",
	[32] = "brk",
	[33] = "acct",
	[34] = "ioctl",
	[35] = "fcntl",
	[36] = "setpgid",
	[37] = "umask",
	[38] = "chroot",
	[39] = "ustat",
	[40] = "dup2",
	[41] = "getppid",
	[42] = "getpgrp",
	[43] = "setsid",
	[44] = "sethostname",
	[45] = "setrlimit",
	[46] = "getrusage",
	[47] = "gettimeofday",
	[48] = "settimeofday",
	[49] = "symlink",
	[50] = "lstat",
	[51] = "readlink",
	[52] = "uselib",
	[53] = "swapon",
	[54] = "reboot",
	[55] = "mmap",
	[56] = "munmap",
	[57] = "truncate",
	[58] = "ftruncate",
	[59] = "fchmod",
	[60] = "getpriority",
	[61] = "setpriority",
	[62] = "statfs",
	[63] = "fstatfs",
	[64] = "syslog",
	[65] = "setitimer",
	[66] = "getitimer",
	[67] = "uname",
	[68] = "vhangup",
	[69] = "wait4",
	[70] = "swapoff",
	[71] = "sysinfo",
	[72] = "fsync",
	[73] = "setdomainname",
	[74] = "adjtimex",
	[75] = "mprotect",
	[76] = "init_module",
	[77] = "delete_module",
	[78] = "quotactl",
	[79] = "getpgid",
	[80] = "fchdir",
	[81] = "sysfs",
	[82] = "personality",
	[83] = "getdents",
	[84] = "select",
	[85] = "flock",
	[86] = "msync",
	[87] = "readv",
	[88] = "writev",
	[89] = "getsid",
	[90] = "fdatasync",
	[91] = "mlock",
	[92] = "munlock",
	[93] = "mlockall",
	[94] = "munlockall",
	[95] = "sched_setparam",
	[96] = "sched_getparam",
	[97] = "sched_setscheduler",
	[98] = "sched_getscheduler",
	[99] = "sched_yield",
	[100] = "sched_get_priority_max",
	[101] = "sched_get_priority_min",
	[102] = "sched_rr_get_interval",
	[103] = "nanosleep",
	[104] = "mremap",
	[105] = "poll",
	[106] = "prctl",
	[107] = "rt_sigaction",
	[108] = "rt_sigprocmask",
	[109] = "rt_sigpending",
	[110] = "rt_sigtimedwait",
	[111] = "rt_sigqueueinfo",
	[112] = "rt_sigsuspend",
	[113] = "getcwd",
	[114] = "capget",
	[115] = "capset",
	[116] = "sendfile",
	[117] = "getrlimit",
	[118] = "lchown",
	[119] = "getuid",
	[120] = "getgid",
	[121] = "geteuid",
	[122] = "getegid",
	[123] = "setreuid",
	[124] = "setregid",
	[125] = "getgroups",
	[126] = "setgroups",
	[127] = "fchown",
	[128] = "setresuid",
	[129] = "getresuid",
	[130] = "setresgid",
	[131] = "getresgid",
	[132] = "chown",
	[133] = "setuid",
	[134] = "setgid",
	[135] = "setfsuid",
	[136] = "setfsgid",
	[137] = "pivot_root",
	[138] = "mincore",
	[139] = "madvise",
	[140] = "gettid",
	[141] = "setxattr",
	[142] = "lsetxattr",
	[143] = "fsetxattr",
	[144] = "getxattr",
	[145] = "lgetxattr",
	[146] = "fgetxattr",
	[147] = "listxattr",
	[148] = "llistxattr",
	[149] = "flistxattr",
	[150] = "removexattr",
	[151] = "lremovexattr",
	[152] = "fremovexattr",
	[153] = "tkill",
	[154] = "futex",
	[155] = "sched_setaffinity",
	[156] = "sched_getaffinity",
	[157] = "set_thread_area",
	[158] = "get_thread_area",
	[159] = "io_setup",
	[160] = "io_destroy",
	[161] = "io_getevents",
	[162] = "io_submit",
	[163] = "io_cancel",
	[164] = "exit_group",
	[165] = "epoll_create",
	[166] = "epoll_ctl",
	[167] = "epoll_wait",
	[168] = "remap_file_pages",
	[169] = "set_tid_address",
	[170] = "timer_create",
	[171] = "timer_settime",
	[172] = "timer_gettime",
	[173] = "timer_getoverrun",
	[174] = "timer_delete",
	[175] = "clock_settime",
	[176] = "clock_gettime",
	[177] = "clock_getres",
	[178] = "clock_nanosleep",
	[179] = "tgkill",
	[180] = "utimes",
	[181] = "mq_open",
	[182] = "mq_unlink",
	[183] = "mq_timedsend",
	[184] = "mq_timedreceive",
	[185] = "mq_notify",
	[186] = "mq_getsetattr",
	[187] = "kexec_load",
	[188] = "waitid",
	[189] = "add_key",
	[190] = "request_key",
	[191] = "keyctl",
	[192] = "ioprio_set",
	[193] = "ioprio_get",
	[194] = "inotify_init",
	[195] = "inotify_add_watch",
	[196] = "inotify_rm_watch",
	[197] = "openat",
	[198] = "mkdirat",
	[199] = "mknodat",
	[200] = "fchownat",
	[201] = "futimesat",
	[202] = "unlinkat",
	[203] = "renameat",
	[204] = "linkat",
	[205] = "symlinkat",
	[206] = "readlinkat",
	[207] = "fchmodat",
	[208] = "faccessat",
	[209] = "pselect6",
	[210] = "ppoll",
	[211] = "unshare",
	[212] = "set_robust_list",
	[213] = "get_robust_list",
	[214] = "splice",
	[215] = "tee",
	[216] = "vmsplice",
	[217] = "getcpu",
	[218] = "epoll_pwait",
	[219] = "utimensat",
	[220] = "signalfd",
	[221] = "timerfd_create",
	[222] = "eventfd",
	[223] = "timerfd_settime",
	[224] = "timerfd_gettime",
	[225] = "signalfd4",
	[226] = "eventfd2",
	[227] = "epoll_create1",
	[228] = "dup3",
	[229] = "pipe2",
	[230] = "inotify_init1",
	[231] = "preadv",
	[232] = "pwritev",
	[233] = "rt_tgsigqueueinfo",
	[234] = "perf_event_open",
	[235] = "fanotify_init",
	[236] = "prlimit64",
	[237] = "clock_adjtime",
	[238] = "syncfs",
	[239] = "setns",
	[240] = "getdents64",
	[241] = "socket",
	[242] = "bind",
	[243] = "connect",
	[244] = "listen",
	[245] = "accept",
	[246] = "getsockname",
	[247] = "getpeername",
	[248] = "socketpair",
	[249] = "sendto",
	[250] = "recvfrom",
	[251] = "shutdown",
	[252] = "setsockopt",
	[253] = "getsockopt",
	[254] = "sendmsg",
	[255] = "sendmmsg",
	[256] = "recvmsg",
	[257] = "recvmmsg",
	[258] = "accept4",
	[259] = "semop",
	[260] = "semget",
	[261] = "semctl",
	[262] = "msgsnd",
	[263] = "msgrcv",
	[264] = "msgget",
	[265] = "msgctl",
	[266] = "shmdt",
	[267] = "shmget",
	[268] = "shmctl",
	[269] = "statfs64",
	[270] = "fstatfs64",
	[271] = "fstatat64",
	[272] = "sendfile64",
	[273] = "ugetrlimit",
	[274] = "bdflush",
	[275] = "sigprocmask",
	[276] = "ipc",
	[277] = "socketcall",
	[278] = "stat64",
	[279] = "lstat64",
	[280] = "fstat64",
	[281] = "fcntl64",
	[282] = "mmap2",
	[283] = "newselect",
	[284] = "sgetmask",
	[285] = "ssetmask",
	[286] = "sigpending",
	[287] = "olduname",
	[288] = "umount",
	[289] = "signal",
	[290] = "nice",
	[291] = "stime",
	[292] = "llseek",
	[293] = "waitpid",
	[294] = "pread64",
	[295] = "pwrite64",
	[296] = "arch_prctl",
	[297] = "shmat",
	[298] = "sigreturn",
	[299] = "fallocate",
	[300] = "newfstatat",
	[301] = "process_vm_readv",
	[302] = "process_vm_writev",
	[303] = "fork",
	[304] = "vfork",
	[305] = "setuid",
	[306] = "getuid",
	[307] = "setgid",
	[308] = "geteuid",
	[309] = "getgid",
	[310] = "setresuid",
	[311] = "setresgid",
	[312] = "getresuid",
	[313] = "getresgid",
	[314] = "finit_module",
	[315] = "bpf",
	[316] = "seccomp",
	[317] = "sigaltstack",
	[318] = "getrandom",
	[319] = "fadvise64",
	[320] = "renameat2",
	[321] = "userfaultfd",
	[322] = "openat2",
	[323] = "umount2",
	[324] = "execve",
	[325] = "execveat",
	[326] = "copy_file_range",
	[327] = "clone",
	[328] = "clone3",
};

/* Category (EC_* value, as in the event table) of each PPM_SC_* code, for
 * generic events: the system call table of the libraries sysdig 0.29.3
 * uses, e.g. arch_prctl is process and getdents64 ipc. */
const uint16_t strato_syscall_category[STRATO_SYSCALL_NAMES] = {
	[0] = STRATO_SCC_OTHER, /* <unknown> */
	[1] = STRATO_SCC_SYSTEM, /* restart_syscall */
	[2] = STRATO_SCC_PROCESS, /* exit */
	[3] = STRATO_SCC_IO_READ, /* read */
	[4] = STRATO_SCC_IO_WRITE, /* write */
	[5] = STRATO_SCC_FILE, /* open */
	[6] = STRATO_SCC_FILE, /* close */
	[7] = STRATO_SCC_FILE, /* creat */
	[8] = STRATO_SCC_FILE, /* link */
	[9] = STRATO_SCC_FILE, /* unlink */
	[10] = STRATO_SCC_FILE, /* chdir */
	[11] = STRATO_SCC_TIME, /* time */
	[12] = STRATO_SCC_FILE, /* mknod */
	[13] = STRATO_SCC_FILE, /* chmod */
	[14] = STRATO_SCC_FILE, /* stat */
	[15] = STRATO_SCC_FILE, /* lseek */
	[16] = STRATO_SCC_PROCESS, /* getpid */
	[17] = STRATO_SCC_FILE, /* mount */
	[18] = STRATO_SCC_OTHER, /* ptrace */
	[19] = STRATO_SCC_TIME, /* alarm */
	[20] = STRATO_SCC_FILE, /* fstat */
	[21] = STRATO_SCC_WAIT, /* pause */
	[22] = STRATO_SCC_TIME, /* utime */
	[23] = STRATO_SCC_FILE, /* access */
	[24] = STRATO_SCC_IO_OTHER, /* sync */
	[25] = STRATO_SCC_IPC, /* kill */
	[26] = STRATO_SCC_FILE, /* rename */
	[27] = STRATO_SCC_FILE, /* mkdir */
	[28] = STRATO_SCC_FILE, /* rmdir */
	[29] = STRATO_SCC_IO_OTHER, /* dup */
	[30] = STRATO_SCC_IPC, /* pipe */
	[31] = STRATO_SCC_TIME, /* times */
	[32] = STRATO_SCC_MEMORY, /* brk */
	[33] = STRATO_SCC_PROCESS, /* acct */
	[34] = STRATO_SCC_IO_OTHER, /* ioctl */
	[35] = STRATO_SCC_WAIT, /* fcntl */
	[36] = STRATO_SCC_PROCESS, /* setpgid */
	[37] = STRATO_SCC_PROCESS, /* umask */
	[38] = STRATO_SCC_IPC, /* chroot */
	[39] = STRATO_SCC_FILE, /* ustat */
	[40] = STRATO_SCC_IO_OTHER, /* dup2 */
	[41] = STRATO_SCC_PROCESS, /* getppid */
	[42] = STRATO_SCC_PROCESS, /* getpgrp */
	[43] = STRATO_SCC_PROCESS, /* setsid */
	[44] = STRATO_SCC_SYSTEM, /* sethostname */
	[45] = STRATO_SCC_PROCESS, /* setrlimit */
	[46] = STRATO_SCC_PROCESS, /* getrusage */
	[47] = STRATO_SCC_TIME, /* gettimeofday */
	[48] = STRATO_SCC_TIME, /* settimeofday */
	[49] = STRATO_SCC_FILE, /* symlink */
	[50] = STRATO_SCC_FILE, /* lstat */
	[51] = STRATO_SCC_FILE, /* readlink */
	[52] = STRATO_SCC_PROCESS, /* uselib */
	[53] = STRATO_SCC_PROCESS, /* swapon */
	[54] = STRATO_SCC_SYSTEM, /* reboot */
	[55] = STRATO_SCC_FILE, /* mmap */
	[56] = STRATO_SCC_FILE, /* munmap */
	[57] = STRATO_SCC_FILE, /* truncate */
	[58] = STRATO_SCC_FILE, /* ftruncate */
	[59] = STRATO_SCC_FILE, /* fchmod */
	[60] = STRATO_SCC_PROCESS, /* getpriority */
	[61] = STRATO_SCC_PROCESS, /* setpriority */
	[62] = STRATO_SCC_FILE, /* statfs */
	[63] = STRATO_SCC_FILE, /* fstatfs */
	[64] = STRATO_SCC_SYSTEM, /* syslog */
	[65] = STRATO_SCC_TIME, /* setitimer */
	[66] = STRATO_SCC_TIME, /* getitimer */
	[67] = STRATO_SCC_SYSTEM, /* uname */
	[68] = STRATO_SCC_OTHER, /* vhangup */
	[69] = STRATO_SCC_WAIT, /* wait4 */
	[70] = STRATO_SCC_SYSTEM, /* swapoff */
	[71] = STRATO_SCC_SYSTEM, /* sysinfo */
	[72] = STRATO_SCC_IO_OTHER, /* fsync */
	[73] = STRATO_SCC_SYSTEM, /* setdomainname */
	[74] = STRATO_SCC_SYSTEM, /* adjtimex */
	[75] = STRATO_SCC_MEMORY, /* mprotect */
	[76] = STRATO_SCC_SYSTEM, /* init_module */
	[77] = STRATO_SCC_SYSTEM, /* delete_module */
	[78] = STRATO_SCC_SYSTEM, /* quotactl */
	[79] = STRATO_SCC_PROCESS, /* getpgid */
	[80] = STRATO_SCC_FILE, /* fchdir */
	[81] = STRATO_SCC_SYSTEM, /* sysfs */
	[82] = STRATO_SCC_PROCESS, /* personality */
	[83] = STRATO_SCC_FILE, /* getdents */
	[84] = STRATO_SCC_WAIT, /* select */
	[85] = STRATO_SCC_FILE, /* flock */
	[86] = STRATO_SCC_IO_OTHER, /* msync */
	[87] = STRATO_SCC_IO_READ, /* readv */
	[88] = STRATO_SCC_IO_WRITE, /* writev */
	[89] = STRATO_SCC_PROCESS, /* getsid */
	[90] = STRATO_SCC_IO_OTHER, /* fdatasync */
	[91] = STRATO_SCC_MEMORY, /* mlock */
	[92] = STRATO_SCC_MEMORY, /* munlock */
	[93] = STRATO_SCC_MEMORY, /* mlockall */
	[94] = STRATO_SCC_MEMORY, /* munlockall */
	[95] = STRATO_SCC_PROCESS, /* sched_setparam */
	[96] = STRATO_SCC_PROCESS, /* sched_getparam */
	[97] = STRATO_SCC_PROCESS, /* sched_setscheduler */
	[98] = STRATO_SCC_PROCESS, /* sched_getscheduler */
	[99] = STRATO_SCC_SLEEP, /* sched_yield */
	[100] = STRATO_SCC_PROCESS, /* sched_get_priority_max */
	[101] = STRATO_SCC_PROCESS, /* sched_get_priority_min */
	[102] = STRATO_SCC_PROCESS, /* sched_rr_get_interval */
	[103] = STRATO_SCC_SLEEP, /* nanosleep */
	[104] = STRATO_SCC_FILE, /* mremap */
	[105] = STRATO_SCC_WAIT, /* poll */
	[106] = STRATO_SCC_PROCESS, /* prctl */
	[107] = STRATO_SCC_SIGNAL, /* rt_sigaction */
	[108] = STRATO_SCC_SIGNAL, /* rt_sigprocmask */
	[109] = STRATO_SCC_SIGNAL, /* rt_sigpending */
	[110] = STRATO_SCC_SIGNAL, /* rt_sigtimedwait */
	[111] = STRATO_SCC_SIGNAL, /* rt_sigqueueinfo */
	[112] = STRATO_SCC_SIGNAL, /* rt_sigsuspend */
	[113] = STRATO_SCC_FILE, /* getcwd */
	[114] = STRATO_SCC_PROCESS, /* capget */
	[115] = STRATO_SCC_PROCESS, /* capset */
	[116] = STRATO_SCC_FILE, /* sendfile */
	[117] = STRATO_SCC_PROCESS, /* getrlimit */
	[118] = STRATO_SCC_FILE, /* lchown */
	[119] = STRATO_SCC_USER, /* getuid */
	[120] = STRATO_SCC_USER, /* getgid */
	[121] = STRATO_SCC_USER, /* geteuid */
	[122] = STRATO_SCC_USER, /* getegid */
	[123] = STRATO_SCC_USER, /* setreuid */
	[124] = STRATO_SCC_USER, /* setregid */
	[125] = STRATO_SCC_USER, /* getgroups */
	[126] = STRATO_SCC_USER, /* setgroups */
	[127] = STRATO_SCC_FILE, /* fchown */
	[128] = STRATO_SCC_USER, /* setresuid */
	[129] = STRATO_SCC_USER, /* getresuid */
	[130] = STRATO_SCC_USER, /* setresgid */
	[131] = STRATO_SCC_USER, /* getresgid */
	[132] = STRATO_SCC_FILE, /* chown */
	[133] = STRATO_SCC_USER, /* setuid */
	[134] = STRATO_SCC_USER, /* setgid */
	[135] = STRATO_SCC_USER, /* setfsuid */
	[136] = STRATO_SCC_USER, /* setfsgid */
	[137] = STRATO_SCC_PROCESS, /* pivot_root */
	[138] = STRATO_SCC_MEMORY, /* mincore */
	[139] = STRATO_SCC_MEMORY, /* madvise */
	[140] = STRATO_SCC_PROCESS, /* gettid */
	[141] = STRATO_SCC_FILE, /* setxattr */
	[142] = STRATO_SCC_FILE, /* lsetxattr */
	[143] = STRATO_SCC_FILE, /* fsetxattr */
	[144] = STRATO_SCC_FILE, /* getxattr */
	[145] = STRATO_SCC_FILE, /* lgetxattr */
	[146] = STRATO_SCC_FILE, /* fgetxattr */
	[147] = STRATO_SCC_FILE, /* listxattr */
	[148] = STRATO_SCC_FILE, /* llistxattr */
	[149] = STRATO_SCC_FILE, /* flistxattr */
	[150] = STRATO_SCC_FILE, /* removexattr */
	[151] = STRATO_SCC_FILE, /* lremovexattr */
	[152] = STRATO_SCC_FILE, /* fremovexattr */
	[153] = STRATO_SCC_SIGNAL, /* tkill */
	[154] = STRATO_SCC_IPC, /* futex */
	[155] = STRATO_SCC_PROCESS, /* sched_setaffinity */
	[156] = STRATO_SCC_PROCESS, /* sched_getaffinity */
	[157] = STRATO_SCC_PROCESS, /* set_thread_area */
	[158] = STRATO_SCC_PROCESS, /* get_thread_area */
	[159] = STRATO_SCC_IO_OTHER, /* io_setup */
	[160] = STRATO_SCC_IO_OTHER, /* io_destroy */
	[161] = STRATO_SCC_IO_OTHER, /* io_getevents */
	[162] = STRATO_SCC_IO_OTHER, /* io_submit */
	[163] = STRATO_SCC_IO_OTHER, /* io_cancel */
	[164] = STRATO_SCC_IO_OTHER, /* exit_group */
	[165] = STRATO_SCC_WAIT, /* epoll_create */
	[166] = STRATO_SCC_WAIT, /* epoll_ctl */
	[167] = STRATO_SCC_WAIT, /* epoll_wait */
	[168] = STRATO_SCC_FILE, /* remap_file_pages */
	[169] = STRATO_SCC_PROCESS, /* set_tid_address */
	[170] = STRATO_SCC_TIME, /* timer_create */
	[171] = STRATO_SCC_TIME, /* timer_settime */
	[172] = STRATO_SCC_TIME, /* timer_gettime */
	[173] = STRATO_SCC_TIME, /* timer_getoverrun */
	[174] = STRATO_SCC_TIME, /* timer_delete */
	[175] = STRATO_SCC_TIME, /* clock_settime */
	[176] = STRATO_SCC_TIME, /* clock_gettime */
	[177] = STRATO_SCC_TIME, /* clock_getres */
	[178] = STRATO_SCC_SLEEP, /* clock_nanosleep */
	[179] = STRATO_SCC_SIGNAL, /* tgkill */
	[180] = STRATO_SCC_FILE, /* utimes */
	[181] = STRATO_SCC_IPC, /* mq_open */
	[182] = STRATO_SCC_IPC, /* mq_unlink */
	[183] = STRATO_SCC_IPC, /* mq_timedsend */
	[184] = STRATO_SCC_IPC, /* mq_timedreceive */
	[185] = STRATO_SCC_IPC, /* mq_notify */
	[186] = STRATO_SCC_IPC, /* mq_getsetattr */
	[187] = STRATO_SCC_SYSTEM, /* kexec_load */
	[188] = STRATO_SCC_WAIT, /* waitid */
	[189] = STRATO_SCC_SYSTEM, /* add_key */
	[190] = STRATO_SCC_SYSTEM, /* request_key */
	[191] = STRATO_SCC_SYSTEM, /* keyctl */
	[192] = STRATO_SCC_PROCESS, /* ioprio_set */
	[193] = STRATO_SCC_PROCESS, /* ioprio_get */
	[194] = STRATO_SCC_IPC, /* inotify_init */
	[195] = STRATO_SCC_IPC, /* inotify_add_watch */
	[196] = STRATO_SCC_IPC, /* inotify_rm_watch */
	[197] = STRATO_SCC_FILE, /* openat */
	[198] = STRATO_SCC_FILE, /* mkdirat */
	[199] = STRATO_SCC_FILE, /* mknodat */
	[200] = STRATO_SCC_FILE, /* fchownat */
	[201] = STRATO_SCC_FILE, /* futimesat */
	[202] = STRATO_SCC_FILE, /* unlinkat */
	[203] = STRATO_SCC_FILE, /* renameat */
	[204] = STRATO_SCC_FILE, /* linkat */
	[205] = STRATO_SCC_FILE, /* symlinkat */
	[206] = STRATO_SCC_FILE, /* readlinkat */
	[207] = STRATO_SCC_FILE, /* fchmodat */
	[208] = STRATO_SCC_FILE, /* faccessat */
	[209] = STRATO_SCC_WAIT, /* pselect6 */
	[210] = STRATO_SCC_WAIT, /* ppoll */
	[211] = STRATO_SCC_PROCESS, /* unshare */
	[212] = STRATO_SCC_PROCESS, /* set_robust_list */
	[213] = STRATO_SCC_PROCESS, /* get_robust_list */
	[214] = STRATO_SCC_IPC, /* splice */
	[215] = STRATO_SCC_IPC, /* tee */
	[216] = STRATO_SCC_IPC, /* vmsplice */
	[217] = STRATO_SCC_PROCESS, /* getcpu */
	[218] = STRATO_SCC_WAIT, /* epoll_pwait */
	[219] = STRATO_SCC_FILE, /* utimensat */
	[220] = STRATO_SCC_SIGNAL, /* signalfd */
	[221] = STRATO_SCC_TIME, /* timerfd_create */
	[222] = STRATO_SCC_IPC, /* eventfd */
	[223] = STRATO_SCC_TIME, /* timerfd_settime */
	[224] = STRATO_SCC_TIME, /* timerfd_gettime */
	[225] = STRATO_SCC_SIGNAL, /* signalfd4 */
	[226] = STRATO_SCC_IPC, /* eventfd2 */
	[227] = STRATO_SCC_WAIT, /* epoll_create1 */
	[228] = STRATO_SCC_IO_OTHER, /* dup3 */
	[229] = STRATO_SCC_IPC, /* pipe2 */
	[230] = STRATO_SCC_IPC, /* inotify_init1 */
	[231] = STRATO_SCC_IO_READ, /* preadv */
	[232] = STRATO_SCC_IO_WRITE, /* pwritev */
	[233] = STRATO_SCC_OTHER, /* rt_tgsigqueueinfo */
	[234] = STRATO_SCC_OTHER, /* perf_event_open */
	[235] = STRATO_SCC_IPC, /* fanotify_init */
	[236] = STRATO_SCC_PROCESS, /* prlimit64 */
	[237] = STRATO_SCC_OTHER, /* clock_adjtime */
	[238] = STRATO_SCC_FILE, /* syncfs */
	[239] = STRATO_SCC_PROCESS, /* setns */
	[240] = STRATO_SCC_IPC, /* getdents64 */
	[241] = STRATO_SCC_NET, /* socket */
	[242] = STRATO_SCC_NET, /* bind */
	[243] = STRATO_SCC_NET, /* connect */
	[244] = STRATO_SCC_NET, /* listen */
	[245] = STRATO_SCC_NET, /* accept */
	[246] = STRATO_SCC_NET, /* getsockname */
	[247] = STRATO_SCC_NET, /* getpeername */
	[248] = STRATO_SCC_NET, /* socketpair */
	[249] = STRATO_SCC_NET, /* sendto */
	[250] = STRATO_SCC_NET, /* recvfrom */
	[251] = STRATO_SCC_NET, /* shutdown */
	[252] = STRATO_SCC_NET, /* setsockopt */
	[253] = STRATO_SCC_NET, /* getsockopt */
	[254] = STRATO_SCC_NET, /* sendmsg */
	[255] = STRATO_SCC_NET, /* sendmmsg */
	[256] = STRATO_SCC_NET, /* recvmsg */
	[257] = STRATO_SCC_NET, /* recvmmsg */
	[258] = STRATO_SCC_NET, /* accept4 */
	[259] = STRATO_SCC_IPC, /* semop */
	[260] = STRATO_SCC_IPC, /* semget */
	[261] = STRATO_SCC_IPC, /* semctl */
	[262] = STRATO_SCC_IPC, /* msgsnd */
	[263] = STRATO_SCC_IPC, /* msgrcv */
	[264] = STRATO_SCC_IPC, /* msgget */
	[265] = STRATO_SCC_IPC, /* msgctl */
	[266] = STRATO_SCC_IPC, /* shmdt */
	[267] = STRATO_SCC_IPC, /* shmget */
	[268] = STRATO_SCC_IPC, /* shmctl */
	[269] = STRATO_SCC_FILE, /* statfs64 */
	[270] = STRATO_SCC_FILE, /* fstatfs64 */
	[271] = STRATO_SCC_FILE, /* fstatat64 */
	[272] = STRATO_SCC_FILE, /* sendfile64 */
	[273] = STRATO_SCC_PROCESS, /* ugetrlimit */
	[274] = STRATO_SCC_OTHER, /* bdflush */
	[275] = STRATO_SCC_SIGNAL, /* sigprocmask */
	[276] = STRATO_SCC_IPC, /* ipc */
	[277] = STRATO_SCC_NET, /* socketcall */
	[278] = STRATO_SCC_FILE, /* stat64 */
	[279] = STRATO_SCC_FILE, /* lstat64 */
	[280] = STRATO_SCC_FILE, /* fstat64 */
	[281] = STRATO_SCC_FILE, /* fcntl64 */
	[282] = STRATO_SCC_FILE, /* mmap2 */
	[283] = STRATO_SCC_WAIT, /* newselect */
	[284] = STRATO_SCC_SIGNAL, /* sgetmask */
	[285] = STRATO_SCC_SIGNAL, /* ssetmask */
	[286] = STRATO_SCC_SIGNAL, /* sigpending */
	[287] = STRATO_SCC_SYSTEM, /* olduname */
	[288] = STRATO_SCC_FILE, /* umount */
	[289] = STRATO_SCC_SIGNAL, /* signal */
	[290] = STRATO_SCC_PROCESS, /* nice */
	[291] = STRATO_SCC_TIME, /* stime */
	[292] = STRATO_SCC_FILE, /* llseek */
	[293] = STRATO_SCC_WAIT, /* waitpid */
	[294] = STRATO_SCC_IO_READ, /* pread64 */
	[295] = STRATO_SCC_IO_WRITE, /* pwrite64 */
	[296] = STRATO_SCC_PROCESS, /* arch_prctl */
	[297] = STRATO_SCC_IPC, /* shmat */
	[298] = STRATO_SCC_SIGNAL, /* sigreturn */
	[299] = STRATO_SCC_IO_OTHER, /* fallocate */
	[300] = STRATO_SCC_IO_OTHER, /* newfstatat */
	[301] = STRATO_SCC_IO_OTHER, /* process_vm_readv */
	[302] = STRATO_SCC_IO_OTHER, /* process_vm_writev */
	[303] = STRATO_SCC_IO_OTHER, /* fork */
	[304] = STRATO_SCC_IO_OTHER, /* vfork */
	[305] = STRATO_SCC_IO_OTHER, /* setuid */
	[306] = STRATO_SCC_IO_OTHER, /* getuid */
	[307] = STRATO_SCC_IO_OTHER, /* setgid */
	[308] = STRATO_SCC_IO_OTHER, /* geteuid */
	[309] = STRATO_SCC_IO_OTHER, /* getgid */
	[310] = STRATO_SCC_IO_OTHER, /* setresuid */
	[311] = STRATO_SCC_IO_OTHER, /* setresgid */
	[312] = STRATO_SCC_IO_OTHER, /* getresuid */
	[313] = STRATO_SCC_IO_OTHER, /* getresgid */
	[314] = STRATO_SCC_SYSTEM, /* finit_module */
	[315] = STRATO_SCC_OTHER, /* bpf */
	[316] = STRATO_SCC_OTHER, /* seccomp */
	[317] = STRATO_SCC_IO_OTHER, /* sigaltstack */
	[318] = STRATO_SCC_IO_OTHER, /* getrandom */
	[319] = STRATO_SCC_IO_OTHER, /* fadvise64 */
	[320] = STRATO_SCC_FILE, /* renameat2 */
	[321] = STRATO_SCC_FILE, /* userfaultfd */
	[322] = STRATO_SCC_FILE, /* openat2 */
	[323] = STRATO_SCC_FILE, /* umount2 */
	[324] = STRATO_SCC_SYSTEM, /* execve */
	[325] = STRATO_SCC_SYSTEM, /* execveat */
	[326] = STRATO_SCC_FILE, /* copy_file_range */
	[327] = STRATO_SCC_PROCESS, /* clone */
	[328] = STRATO_SCC_PROCESS, /* clone3 */
};
