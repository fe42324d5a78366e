/* lib/capture/syscalls.c: the syscall table of syscalls.h. Every name the
 * scap PPM_SC list knows is listed with the code it has there; entries
 * whose __NR_ constant this architecture lacks drop out at compile time,
 * and syscalls of this architecture unknown to scap get code 0. */
#include "capture/syscalls.h"

#include <asm/unistd.h>
#include <string.h>

const struct strato_syscall_def strato_syscall_defs[] = {
#ifdef __NR__llseek
	{ "_llseek", __NR__llseek, 292 },
#endif
#ifdef __NR__newselect
	{ "_newselect", __NR__newselect, 283 },
#endif
#ifdef __NR__sysctl
	{ "_sysctl", __NR__sysctl, 385 },
#endif
#ifdef __NR_accept
	{ "accept", __NR_accept, 245 },
#endif
#ifdef __NR_accept4
	{ "accept4", __NR_accept4, 258 },
#endif
#ifdef __NR_access
	{ "access", __NR_access, 23 },
#endif
#ifdef __NR_acct
	{ "acct", __NR_acct, 33 },
#endif
#ifdef __NR_add_key
	{ "add_key", __NR_add_key, 189 },
#endif
#ifdef __NR_adjtimex
	{ "adjtimex", __NR_adjtimex, 74 },
#endif
#ifdef __NR_afs_syscall
	{ "afs_syscall", __NR_afs_syscall, 0 },
#endif
#ifdef __NR_alarm
	{ "alarm", __NR_alarm, 19 },
#endif
#ifdef __NR_arch_prctl
	{ "arch_prctl", __NR_arch_prctl, 296 },
#endif
#ifdef __NR_bdflush
	{ "bdflush", __NR_bdflush, 274 },
#endif
#ifdef __NR_bind
	{ "bind", __NR_bind, 242 },
#endif
#ifdef __NR_bpf
	{ "bpf", __NR_bpf, 315 },
#endif
#ifdef __NR_brk
	{ "brk", __NR_brk, 32 },
#endif
#ifdef __NR_cachestat
	{ "cachestat", __NR_cachestat, 412 },
#endif
#ifdef __NR_capget
	{ "capget", __NR_capget, 114 },
#endif
#ifdef __NR_capset
	{ "capset", __NR_capset, 115 },
#endif
#ifdef __NR_chdir
	{ "chdir", __NR_chdir, 10 },
#endif
#ifdef __NR_chmod
	{ "chmod", __NR_chmod, 13 },
#endif
#ifdef __NR_chown
	{ "chown", __NR_chown, 132 },
#endif
#ifdef __NR_chroot
	{ "chroot", __NR_chroot, 38 },
#endif
#ifdef __NR_clock_adjtime
	{ "clock_adjtime", __NR_clock_adjtime, 237 },
#endif
#ifdef __NR_clock_getres
	{ "clock_getres", __NR_clock_getres, 177 },
#endif
#ifdef __NR_clock_gettime
	{ "clock_gettime", __NR_clock_gettime, 176 },
#endif
#ifdef __NR_clock_nanosleep
	{ "clock_nanosleep", __NR_clock_nanosleep, 178 },
#endif
#ifdef __NR_clock_settime
	{ "clock_settime", __NR_clock_settime, 175 },
#endif
#ifdef __NR_clone
	{ "clone", __NR_clone, 327 },
#endif
#ifdef __NR_clone3
	{ "clone3", __NR_clone3, 328 },
#endif
#ifdef __NR_close
	{ "close", __NR_close, 6 },
#endif
#ifdef __NR_close_range
	{ "close_range", __NR_close_range, 392 },
#endif
#ifdef __NR_connect
	{ "connect", __NR_connect, 243 },
#endif
#ifdef __NR_copy_file_range
	{ "copy_file_range", __NR_copy_file_range, 326 },
#endif
#ifdef __NR_creat
	{ "creat", __NR_creat, 7 },
#endif
#ifdef __NR_create_module
	{ "create_module", __NR_create_module, 381 },
#endif
#ifdef __NR_delete_module
	{ "delete_module", __NR_delete_module, 77 },
#endif
#ifdef __NR_dup
	{ "dup", __NR_dup, 29 },
#endif
#ifdef __NR_dup2
	{ "dup2", __NR_dup2, 40 },
#endif
#ifdef __NR_dup3
	{ "dup3", __NR_dup3, 228 },
#endif
#ifdef __NR_epoll_create
	{ "epoll_create", __NR_epoll_create, 165 },
#endif
#ifdef __NR_epoll_create1
	{ "epoll_create1", __NR_epoll_create1, 227 },
#endif
#ifdef __NR_epoll_ctl
	{ "epoll_ctl", __NR_epoll_ctl, 166 },
#endif
#ifdef __NR_epoll_ctl_old
	{ "epoll_ctl_old", __NR_epoll_ctl_old, 364 },
#endif
#ifdef __NR_epoll_pwait
	{ "epoll_pwait", __NR_epoll_pwait, 218 },
#endif
#ifdef __NR_epoll_pwait2
	{ "epoll_pwait2", __NR_epoll_pwait2, 356 },
#endif
#ifdef __NR_epoll_wait
	{ "epoll_wait", __NR_epoll_wait, 167 },
#endif
#ifdef __NR_epoll_wait_old
	{ "epoll_wait_old", __NR_epoll_wait_old, 379 },
#endif
#ifdef __NR_eventfd
	{ "eventfd", __NR_eventfd, 222 },
#endif
#ifdef __NR_eventfd2
	{ "eventfd2", __NR_eventfd2, 226 },
#endif
#ifdef __NR_execve
	{ "execve", __NR_execve, 324 },
#endif
#ifdef __NR_execveat
	{ "execveat", __NR_execveat, 325 },
#endif
#ifdef __NR_exit
	{ "exit", __NR_exit, 2 },
#endif
#ifdef __NR_exit_group
	{ "exit_group", __NR_exit_group, 164 },
#endif
#ifdef __NR_faccessat
	{ "faccessat", __NR_faccessat, 208 },
#endif
#ifdef __NR_faccessat2
	{ "faccessat2", __NR_faccessat2, 384 },
#endif
#ifdef __NR_fadvise64
	{ "fadvise64", __NR_fadvise64, 319 },
#endif
#ifdef __NR_fallocate
	{ "fallocate", __NR_fallocate, 299 },
#endif
#ifdef __NR_fanotify_init
	{ "fanotify_init", __NR_fanotify_init, 235 },
#endif
#ifdef __NR_fanotify_mark
	{ "fanotify_mark", __NR_fanotify_mark, 393 },
#endif
#ifdef __NR_fchdir
	{ "fchdir", __NR_fchdir, 80 },
#endif
#ifdef __NR_fchmod
	{ "fchmod", __NR_fchmod, 59 },
#endif
#ifdef __NR_fchmodat
	{ "fchmodat", __NR_fchmodat, 207 },
#endif
#ifdef __NR_fchmodat2
	{ "fchmodat2", __NR_fchmodat2, 413 },
#endif
#ifdef __NR_fchown
	{ "fchown", __NR_fchown, 127 },
#endif
#ifdef __NR_fchownat
	{ "fchownat", __NR_fchownat, 200 },
#endif
#ifdef __NR_fcntl
	{ "fcntl", __NR_fcntl, 35 },
#endif
#ifdef __NR_fcntl64
	{ "fcntl64", __NR_fcntl64, 281 },
#endif
#ifdef __NR_fdatasync
	{ "fdatasync", __NR_fdatasync, 90 },
#endif
#ifdef __NR_fgetxattr
	{ "fgetxattr", __NR_fgetxattr, 146 },
#endif
#ifdef __NR_file_getattr
	{ "file_getattr", __NR_file_getattr, 449 },
#endif
#ifdef __NR_file_setattr
	{ "file_setattr", __NR_file_setattr, 450 },
#endif
#ifdef __NR_finit_module
	{ "finit_module", __NR_finit_module, 314 },
#endif
#ifdef __NR_flistxattr
	{ "flistxattr", __NR_flistxattr, 149 },
#endif
#ifdef __NR_flock
	{ "flock", __NR_flock, 85 },
#endif
#ifdef __NR_fork
	{ "fork", __NR_fork, 303 },
#endif
#ifdef __NR_fremovexattr
	{ "fremovexattr", __NR_fremovexattr, 152 },
#endif
#ifdef __NR_fsconfig
	{ "fsconfig", __NR_fsconfig, 335 },
#endif
#ifdef __NR_fsetxattr
	{ "fsetxattr", __NR_fsetxattr, 143 },
#endif
#ifdef __NR_fsmount
	{ "fsmount", __NR_fsmount, 337 },
#endif
#ifdef __NR_fsopen
	{ "fsopen", __NR_fsopen, 338 },
#endif
#ifdef __NR_fspick
	{ "fspick", __NR_fspick, 336 },
#endif
#ifdef __NR_fstat
	{ "fstat", __NR_fstat, 20 },
#endif
#ifdef __NR_fstat64
	{ "fstat64", __NR_fstat64, 280 },
#endif
#ifdef __NR_fstatat64
	{ "fstatat64", __NR_fstatat64, 271 },
#endif
#ifdef __NR_fstatfs
	{ "fstatfs", __NR_fstatfs, 63 },
#endif
#ifdef __NR_fstatfs64
	{ "fstatfs64", __NR_fstatfs64, 270 },
#endif
#ifdef __NR_fsync
	{ "fsync", __NR_fsync, 72 },
#endif
#ifdef __NR_ftruncate
	{ "ftruncate", __NR_ftruncate, 58 },
#endif
#ifdef __NR_futex
	{ "futex", __NR_futex, 154 },
#endif
#ifdef __NR_futex_requeue
	{ "futex_requeue", __NR_futex_requeue, 418 },
#endif
#ifdef __NR_futex_wait
	{ "futex_wait", __NR_futex_wait, 419 },
#endif
#ifdef __NR_futex_waitv
	{ "futex_waitv", __NR_futex_waitv, 374 },
#endif
#ifdef __NR_futex_wake
	{ "futex_wake", __NR_futex_wake, 417 },
#endif
#ifdef __NR_futimesat
	{ "futimesat", __NR_futimesat, 201 },
#endif
#ifdef __NR_get_kernel_syms
	{ "get_kernel_syms", __NR_get_kernel_syms, 372 },
#endif
#ifdef __NR_get_mempolicy
	{ "get_mempolicy", __NR_get_mempolicy, 387 },
#endif
#ifdef __NR_get_robust_list
	{ "get_robust_list", __NR_get_robust_list, 213 },
#endif
#ifdef __NR_get_thread_area
	{ "get_thread_area", __NR_get_thread_area, 158 },
#endif
#ifdef __NR_getcpu
	{ "getcpu", __NR_getcpu, 217 },
#endif
#ifdef __NR_getcwd
	{ "getcwd", __NR_getcwd, 113 },
#endif
#ifdef __NR_getdents
	{ "getdents", __NR_getdents, 83 },
#endif
#ifdef __NR_getdents64
	{ "getdents64", __NR_getdents64, 240 },
#endif
#ifdef __NR_getegid
	{ "getegid", __NR_getegid, 122 },
#endif
#ifdef __NR_getegid32
	{ "getegid32", __NR_getegid32, 334 },
#endif
#ifdef __NR_geteuid
	{ "geteuid", __NR_geteuid, 121 },
#endif
#ifdef __NR_geteuid32
	{ "geteuid32", __NR_geteuid32, 308 },
#endif
#ifdef __NR_getgid
	{ "getgid", __NR_getgid, 120 },
#endif
#ifdef __NR_getgid32
	{ "getgid32", __NR_getgid32, 309 },
#endif
#ifdef __NR_getgroups
	{ "getgroups", __NR_getgroups, 125 },
#endif
#ifdef __NR_getitimer
	{ "getitimer", __NR_getitimer, 66 },
#endif
#ifdef __NR_getpeername
	{ "getpeername", __NR_getpeername, 247 },
#endif
#ifdef __NR_getpgid
	{ "getpgid", __NR_getpgid, 79 },
#endif
#ifdef __NR_getpgrp
	{ "getpgrp", __NR_getpgrp, 42 },
#endif
#ifdef __NR_getpid
	{ "getpid", __NR_getpid, 16 },
#endif
#ifdef __NR_getpmsg
	{ "getpmsg", __NR_getpmsg, 375 },
#endif
#ifdef __NR_getppid
	{ "getppid", __NR_getppid, 41 },
#endif
#ifdef __NR_getpriority
	{ "getpriority", __NR_getpriority, 60 },
#endif
#ifdef __NR_getrandom
	{ "getrandom", __NR_getrandom, 318 },
#endif
#ifdef __NR_getresgid
	{ "getresgid", __NR_getresgid, 131 },
#endif
#ifdef __NR_getresgid32
	{ "getresgid32", __NR_getresgid32, 313 },
#endif
#ifdef __NR_getresuid
	{ "getresuid", __NR_getresuid, 129 },
#endif
#ifdef __NR_getresuid32
	{ "getresuid32", __NR_getresuid32, 312 },
#endif
#ifdef __NR_getrlimit
	{ "getrlimit", __NR_getrlimit, 117 },
#endif
#ifdef __NR_getrusage
	{ "getrusage", __NR_getrusage, 46 },
#endif
#ifdef __NR_getsid
	{ "getsid", __NR_getsid, 89 },
#endif
#ifdef __NR_getsockname
	{ "getsockname", __NR_getsockname, 246 },
#endif
#ifdef __NR_getsockopt
	{ "getsockopt", __NR_getsockopt, 253 },
#endif
#ifdef __NR_gettid
	{ "gettid", __NR_gettid, 140 },
#endif
#ifdef __NR_gettimeofday
	{ "gettimeofday", __NR_gettimeofday, 47 },
#endif
#ifdef __NR_getuid
	{ "getuid", __NR_getuid, 119 },
#endif
#ifdef __NR_getuid32
	{ "getuid32", __NR_getuid32, 306 },
#endif
#ifdef __NR_getxattr
	{ "getxattr", __NR_getxattr, 144 },
#endif
#ifdef __NR_getxattrat
	{ "getxattrat", __NR_getxattrat, 446 },
#endif
#ifdef __NR_idle
	{ "idle", __NR_idle, 408 },
#endif
#ifdef __NR_init_module
	{ "init_module", __NR_init_module, 76 },
#endif
#ifdef __NR_inotify_add_watch
	{ "inotify_add_watch", __NR_inotify_add_watch, 195 },
#endif
#ifdef __NR_inotify_init
	{ "inotify_init", __NR_inotify_init, 194 },
#endif
#ifdef __NR_inotify_init1
	{ "inotify_init1", __NR_inotify_init1, 230 },
#endif
#ifdef __NR_inotify_rm_watch
	{ "inotify_rm_watch", __NR_inotify_rm_watch, 196 },
#endif
#ifdef __NR_io_cancel
	{ "io_cancel", __NR_io_cancel, 163 },
#endif
#ifdef __NR_io_destroy
	{ "io_destroy", __NR_io_destroy, 160 },
#endif
#ifdef __NR_io_getevents
	{ "io_getevents", __NR_io_getevents, 161 },
#endif
#ifdef __NR_io_pgetevents
	{ "io_pgetevents", __NR_io_pgetevents, 369 },
#endif
#ifdef __NR_io_setup
	{ "io_setup", __NR_io_setup, 159 },
#endif
#ifdef __NR_io_submit
	{ "io_submit", __NR_io_submit, 162 },
#endif
#ifdef __NR_io_uring_enter
	{ "io_uring_enter", __NR_io_uring_enter, 331 },
#endif
#ifdef __NR_io_uring_register
	{ "io_uring_register", __NR_io_uring_register, 332 },
#endif
#ifdef __NR_io_uring_setup
	{ "io_uring_setup", __NR_io_uring_setup, 330 },
#endif
#ifdef __NR_ioctl
	{ "ioctl", __NR_ioctl, 34 },
#endif
#ifdef __NR_ioperm
	{ "ioperm", __NR_ioperm, 344 },
#endif
#ifdef __NR_iopl
	{ "iopl", __NR_iopl, 391 },
#endif
#ifdef __NR_ioprio_get
	{ "ioprio_get", __NR_ioprio_get, 193 },
#endif
#ifdef __NR_ioprio_set
	{ "ioprio_set", __NR_ioprio_set, 192 },
#endif
#ifdef __NR_ipc
	{ "ipc", __NR_ipc, 276 },
#endif
#ifdef __NR_kcmp
	{ "kcmp", __NR_kcmp, 361 },
#endif
#ifdef __NR_kexec_file_load
	{ "kexec_file_load", __NR_kexec_file_load, 345 },
#endif
#ifdef __NR_kexec_load
	{ "kexec_load", __NR_kexec_load, 187 },
#endif
#ifdef __NR_keyctl
	{ "keyctl", __NR_keyctl, 191 },
#endif
#ifdef __NR_kill
	{ "kill", __NR_kill, 25 },
#endif
#ifdef __NR_landlock_add_rule
	{ "landlock_add_rule", __NR_landlock_add_rule, 355 },
#endif
#ifdef __NR_landlock_create_ruleset
	{ "landlock_create_ruleset", __NR_landlock_create_ruleset, 352 },
#endif
#ifdef __NR_landlock_restrict_self
	{ "landlock_restrict_self", __NR_landlock_restrict_self, 354 },
#endif
#ifdef __NR_lchown
	{ "lchown", __NR_lchown, 118 },
#endif
#ifdef __NR_lgetxattr
	{ "lgetxattr", __NR_lgetxattr, 145 },
#endif
#ifdef __NR_link
	{ "link", __NR_link, 8 },
#endif
#ifdef __NR_linkat
	{ "linkat", __NR_linkat, 204 },
#endif
#ifdef __NR_listen
	{ "listen", __NR_listen, 244 },
#endif
#ifdef __NR_listmount
	{ "listmount", __NR_listmount, 437 },
#endif
#ifdef __NR_listns
	{ "listns", __NR_listns, 451 },
#endif
#ifdef __NR_listxattr
	{ "listxattr", __NR_listxattr, 147 },
#endif
#ifdef __NR_listxattrat
	{ "listxattrat", __NR_listxattrat, 445 },
#endif
#ifdef __NR_llistxattr
	{ "llistxattr", __NR_llistxattr, 148 },
#endif
#ifdef __NR_lookup_dcookie
	{ "lookup_dcookie", __NR_lookup_dcookie, 365 },
#endif
#ifdef __NR_lremovexattr
	{ "lremovexattr", __NR_lremovexattr, 151 },
#endif
#ifdef __NR_lseek
	{ "lseek", __NR_lseek, 15 },
#endif
#ifdef __NR_lsetxattr
	{ "lsetxattr", __NR_lsetxattr, 142 },
#endif
#ifdef __NR_lsm_get_self_attr
	{ "lsm_get_self_attr", __NR_lsm_get_self_attr, 439 },
#endif
#ifdef __NR_lsm_list_modules
	{ "lsm_list_modules", __NR_lsm_list_modules, 441 },
#endif
#ifdef __NR_lsm_set_self_attr
	{ "lsm_set_self_attr", __NR_lsm_set_self_attr, 440 },
#endif
#ifdef __NR_lstat
	{ "lstat", __NR_lstat, 50 },
#endif
#ifdef __NR_lstat64
	{ "lstat64", __NR_lstat64, 279 },
#endif
#ifdef __NR_madvise
	{ "madvise", __NR_madvise, 139 },
#endif
#ifdef __NR_map_shadow_stack
	{ "map_shadow_stack", __NR_map_shadow_stack, 414 },
#endif
#ifdef __NR_mbind
	{ "mbind", __NR_mbind, 363 },
#endif
#ifdef __NR_membarrier
	{ "membarrier", __NR_membarrier, 390 },
#endif
#ifdef __NR_memfd_create
	{ "memfd_create", __NR_memfd_create, 342 },
#endif
#ifdef __NR_memfd_secret
	{ "memfd_secret", __NR_memfd_secret, 343 },
#endif
#ifdef __NR_migrate_pages
	{ "migrate_pages", __NR_migrate_pages, 357 },
#endif
#ifdef __NR_mincore
	{ "mincore", __NR_mincore, 138 },
#endif
#ifdef __NR_mkdir
	{ "mkdir", __NR_mkdir, 27 },
#endif
#ifdef __NR_mkdirat
	{ "mkdirat", __NR_mkdirat, 198 },
#endif
#ifdef __NR_mknod
	{ "mknod", __NR_mknod, 12 },
#endif
#ifdef __NR_mknodat
	{ "mknodat", __NR_mknodat, 199 },
#endif
#ifdef __NR_mlock
	{ "mlock", __NR_mlock, 91 },
#endif
#ifdef __NR_mlock2
	{ "mlock2", __NR_mlock2, 333 },
#endif
#ifdef __NR_mlockall
	{ "mlockall", __NR_mlockall, 93 },
#endif
#ifdef __NR_mmap
	{ "mmap", __NR_mmap, 55 },
#endif
#ifdef __NR_mmap2
	{ "mmap2", __NR_mmap2, 282 },
#endif
#ifdef __NR_modify_ldt
	{ "modify_ldt", __NR_modify_ldt, 366 },
#endif
#ifdef __NR_mount
	{ "mount", __NR_mount, 17 },
#endif
#ifdef __NR_mount_setattr
	{ "mount_setattr", __NR_mount_setattr, 341 },
#endif
#ifdef __NR_move_mount
	{ "move_mount", __NR_move_mount, 340 },
#endif
#ifdef __NR_move_pages
	{ "move_pages", __NR_move_pages, 358 },
#endif
#ifdef __NR_mprotect
	{ "mprotect", __NR_mprotect, 75 },
#endif
#ifdef __NR_mq_getsetattr
	{ "mq_getsetattr", __NR_mq_getsetattr, 186 },
#endif
#ifdef __NR_mq_notify
	{ "mq_notify", __NR_mq_notify, 185 },
#endif
#ifdef __NR_mq_open
	{ "mq_open", __NR_mq_open, 181 },
#endif
#ifdef __NR_mq_timedreceive
	{ "mq_timedreceive", __NR_mq_timedreceive, 184 },
#endif
#ifdef __NR_mq_timedsend
	{ "mq_timedsend", __NR_mq_timedsend, 183 },
#endif
#ifdef __NR_mq_unlink
	{ "mq_unlink", __NR_mq_unlink, 182 },
#endif
#ifdef __NR_mremap
	{ "mremap", __NR_mremap, 104 },
#endif
#ifdef __NR_mseal
	{ "mseal", __NR_mseal, 442 },
#endif
#ifdef __NR_msgctl
	{ "msgctl", __NR_msgctl, 265 },
#endif
#ifdef __NR_msgget
	{ "msgget", __NR_msgget, 264 },
#endif
#ifdef __NR_msgrcv
	{ "msgrcv", __NR_msgrcv, 263 },
#endif
#ifdef __NR_msgsnd
	{ "msgsnd", __NR_msgsnd, 262 },
#endif
#ifdef __NR_msync
	{ "msync", __NR_msync, 86 },
#endif
#ifdef __NR_multiplexer
	{ "multiplexer", __NR_multiplexer, 422 },
#endif
#ifdef __NR_munlock
	{ "munlock", __NR_munlock, 92 },
#endif
#ifdef __NR_munlockall
	{ "munlockall", __NR_munlockall, 94 },
#endif
#ifdef __NR_munmap
	{ "munmap", __NR_munmap, 56 },
#endif
#ifdef __NR_na_1
	{ "na_1", __NR_na_1, 382 },
#endif
#ifdef __NR_name_to_handle_at
	{ "name_to_handle_at", __NR_name_to_handle_at, 376 },
#endif
#ifdef __NR_nanosleep
	{ "nanosleep", __NR_nanosleep, 103 },
#endif
#ifdef __NR_newfstatat
	{ "newfstatat", __NR_newfstatat, 300 },
#endif
#ifdef __NR_nfsservctl
	{ "nfsservctl", __NR_nfsservctl, 378 },
#endif
#ifdef __NR_nice
	{ "nice", __NR_nice, 290 },
#endif
#ifdef __NR_oldfstat
	{ "oldfstat", __NR_oldfstat, 426 },
#endif
#ifdef __NR_oldlstat
	{ "oldlstat", __NR_oldlstat, 423 },
#endif
#ifdef __NR_oldolduname
	{ "oldolduname", __NR_oldolduname, 434 },
#endif
#ifdef __NR_oldstat
	{ "oldstat", __NR_oldstat, 420 },
#endif
#ifdef __NR_olduname
	{ "olduname", __NR_olduname, 287 },
#endif
#ifdef __NR_open
	{ "open", __NR_open, 5 },
#endif
#ifdef __NR_open_by_handle_at
	{ "open_by_handle_at", __NR_open_by_handle_at, 329 },
#endif
#ifdef __NR_open_tree
	{ "open_tree", __NR_open_tree, 339 },
#endif
#ifdef __NR_open_tree_attr
	{ "open_tree_attr", __NR_open_tree_attr, 448 },
#endif
#ifdef __NR_openat
	{ "openat", __NR_openat, 197 },
#endif
#ifdef __NR_openat2
	{ "openat2", __NR_openat2, 322 },
#endif
#ifdef __NR_pause
	{ "pause", __NR_pause, 21 },
#endif
#ifdef __NR_pciconfig_iobase
	{ "pciconfig_iobase", __NR_pciconfig_iobase, 436 },
#endif
#ifdef __NR_pciconfig_read
	{ "pciconfig_read", __NR_pciconfig_read, 431 },
#endif
#ifdef __NR_pciconfig_write
	{ "pciconfig_write", __NR_pciconfig_write, 429 },
#endif
#ifdef __NR_perf_event_open
	{ "perf_event_open", __NR_perf_event_open, 234 },
#endif
#ifdef __NR_personality
	{ "personality", __NR_personality, 82 },
#endif
#ifdef __NR_pidfd_getfd
	{ "pidfd_getfd", __NR_pidfd_getfd, 346 },
#endif
#ifdef __NR_pidfd_open
	{ "pidfd_open", __NR_pidfd_open, 347 },
#endif
#ifdef __NR_pidfd_send_signal
	{ "pidfd_send_signal", __NR_pidfd_send_signal, 348 },
#endif
#ifdef __NR_pipe
	{ "pipe", __NR_pipe, 30 },
#endif
#ifdef __NR_pipe2
	{ "pipe2", __NR_pipe2, 229 },
#endif
#ifdef __NR_pivot_root
	{ "pivot_root", __NR_pivot_root, 137 },
#endif
#ifdef __NR_pkey_alloc
	{ "pkey_alloc", __NR_pkey_alloc, 349 },
#endif
#ifdef __NR_pkey_free
	{ "pkey_free", __NR_pkey_free, 351 },
#endif
#ifdef __NR_pkey_mprotect
	{ "pkey_mprotect", __NR_pkey_mprotect, 350 },
#endif
#ifdef __NR_poll
	{ "poll", __NR_poll, 105 },
#endif
#ifdef __NR_ppoll
	{ "ppoll", __NR_ppoll, 210 },
#endif
#ifdef __NR_prctl
	{ "prctl", __NR_prctl, 106 },
#endif
#ifdef __NR_pread64
	{ "pread64", __NR_pread64, 294 },
#endif
#ifdef __NR_preadv
	{ "preadv", __NR_preadv, 231 },
#endif
#ifdef __NR_preadv2
	{ "preadv2", __NR_preadv2, 359 },
#endif
#ifdef __NR_prlimit64
	{ "prlimit64", __NR_prlimit64, 236 },
#endif
#ifdef __NR_process_madvise
	{ "process_madvise", __NR_process_madvise, 389 },
#endif
#ifdef __NR_process_mrelease
	{ "process_mrelease", __NR_process_mrelease, 377 },
#endif
#ifdef __NR_process_vm_readv
	{ "process_vm_readv", __NR_process_vm_readv, 301 },
#endif
#ifdef __NR_process_vm_writev
	{ "process_vm_writev", __NR_process_vm_writev, 302 },
#endif
#ifdef __NR_pselect6
	{ "pselect6", __NR_pselect6, 209 },
#endif
#ifdef __NR_ptrace
	{ "ptrace", __NR_ptrace, 18 },
#endif
#ifdef __NR_putpmsg
	{ "putpmsg", __NR_putpmsg, 0 },
#endif
#ifdef __NR_pwrite64
	{ "pwrite64", __NR_pwrite64, 295 },
#endif
#ifdef __NR_pwritev
	{ "pwritev", __NR_pwritev, 232 },
#endif
#ifdef __NR_pwritev2
	{ "pwritev2", __NR_pwritev2, 360 },
#endif
#ifdef __NR_query_module
	{ "query_module", __NR_query_module, 386 },
#endif
#ifdef __NR_quotactl
	{ "quotactl", __NR_quotactl, 78 },
#endif
#ifdef __NR_quotactl_fd
	{ "quotactl_fd", __NR_quotactl_fd, 353 },
#endif
#ifdef __NR_read
	{ "read", __NR_read, 3 },
#endif
#ifdef __NR_readahead
	{ "readahead", __NR_readahead, 373 },
#endif
#ifdef __NR_readdir
	{ "readdir", __NR_readdir, 405 },
#endif
#ifdef __NR_readlink
	{ "readlink", __NR_readlink, 51 },
#endif
#ifdef __NR_readlinkat
	{ "readlinkat", __NR_readlinkat, 206 },
#endif
#ifdef __NR_readv
	{ "readv", __NR_readv, 87 },
#endif
#ifdef __NR_reboot
	{ "reboot", __NR_reboot, 54 },
#endif
#ifdef __NR_recv
	{ "recv", __NR_recv, 394 },
#endif
#ifdef __NR_recvfrom
	{ "recvfrom", __NR_recvfrom, 250 },
#endif
#ifdef __NR_recvmmsg
	{ "recvmmsg", __NR_recvmmsg, 257 },
#endif
#ifdef __NR_recvmsg
	{ "recvmsg", __NR_recvmsg, 256 },
#endif
#ifdef __NR_remap_file_pages
	{ "remap_file_pages", __NR_remap_file_pages, 168 },
#endif
#ifdef __NR_removexattr
	{ "removexattr", __NR_removexattr, 150 },
#endif
#ifdef __NR_removexattrat
	{ "removexattrat", __NR_removexattrat, 444 },
#endif
#ifdef __NR_rename
	{ "rename", __NR_rename, 26 },
#endif
#ifdef __NR_renameat
	{ "renameat", __NR_renameat, 203 },
#endif
#ifdef __NR_renameat2
	{ "renameat2", __NR_renameat2, 320 },
#endif
#ifdef __NR_request_key
	{ "request_key", __NR_request_key, 190 },
#endif
#ifdef __NR_restart_syscall
	{ "restart_syscall", __NR_restart_syscall, 1 },
#endif
#ifdef __NR_riscv_flush_icache
	{ "riscv_flush_icache", __NR_riscv_flush_icache, 415 },
#endif
#ifdef __NR_riscv_hwprobe
	{ "riscv_hwprobe", __NR_riscv_hwprobe, 416 },
#endif
#ifdef __NR_rmdir
	{ "rmdir", __NR_rmdir, 28 },
#endif
#ifdef __NR_rseq
	{ "rseq", __NR_rseq, 380 },
#endif
#ifdef __NR_rseq_slice_yield
	{ "rseq_slice_yield", __NR_rseq_slice_yield, 453 },
#endif
#ifdef __NR_rt_sigaction
	{ "rt_sigaction", __NR_rt_sigaction, 107 },
#endif
#ifdef __NR_rt_sigpending
	{ "rt_sigpending", __NR_rt_sigpending, 109 },
#endif
#ifdef __NR_rt_sigprocmask
	{ "rt_sigprocmask", __NR_rt_sigprocmask, 108 },
#endif
#ifdef __NR_rt_sigqueueinfo
	{ "rt_sigqueueinfo", __NR_rt_sigqueueinfo, 111 },
#endif
#ifdef __NR_rt_sigreturn
	{ "rt_sigreturn", __NR_rt_sigreturn, 298 },
#endif
#ifdef __NR_rt_sigsuspend
	{ "rt_sigsuspend", __NR_rt_sigsuspend, 112 },
#endif
#ifdef __NR_rt_sigtimedwait
	{ "rt_sigtimedwait", __NR_rt_sigtimedwait, 110 },
#endif
#ifdef __NR_rt_tgsigqueueinfo
	{ "rt_tgsigqueueinfo", __NR_rt_tgsigqueueinfo, 233 },
#endif
#ifdef __NR_rtas
	{ "rtas", __NR_rtas, 430 },
#endif
#ifdef __NR_s390_guarded_storage
	{ "s390_guarded_storage", __NR_s390_guarded_storage, 411 },
#endif
#ifdef __NR_s390_pci_mmio_read
	{ "s390_pci_mmio_read", __NR_s390_pci_mmio_read, 402 },
#endif
#ifdef __NR_s390_pci_mmio_write
	{ "s390_pci_mmio_write", __NR_s390_pci_mmio_write, 404 },
#endif
#ifdef __NR_s390_runtime_instr
	{ "s390_runtime_instr", __NR_s390_runtime_instr, 409 },
#endif
#ifdef __NR_s390_sthyi
	{ "s390_sthyi", __NR_s390_sthyi, 406 },
#endif
#ifdef __NR_sched_get_priority_max
	{ "sched_get_priority_max", __NR_sched_get_priority_max, 100 },
#endif
#ifdef __NR_sched_get_priority_min
	{ "sched_get_priority_min", __NR_sched_get_priority_min, 101 },
#endif
#ifdef __NR_sched_getaffinity
	{ "sched_getaffinity", __NR_sched_getaffinity, 156 },
#endif
#ifdef __NR_sched_getattr
	{ "sched_getattr", __NR_sched_getattr, 383 },
#endif
#ifdef __NR_sched_getparam
	{ "sched_getparam", __NR_sched_getparam, 96 },
#endif
#ifdef __NR_sched_getscheduler
	{ "sched_getscheduler", __NR_sched_getscheduler, 98 },
#endif
#ifdef __NR_sched_rr_get_interval
	{ "sched_rr_get_interval", __NR_sched_rr_get_interval, 102 },
#endif
#ifdef __NR_sched_setaffinity
	{ "sched_setaffinity", __NR_sched_setaffinity, 155 },
#endif
#ifdef __NR_sched_setattr
	{ "sched_setattr", __NR_sched_setattr, 362 },
#endif
#ifdef __NR_sched_setparam
	{ "sched_setparam", __NR_sched_setparam, 95 },
#endif
#ifdef __NR_sched_setscheduler
	{ "sched_setscheduler", __NR_sched_setscheduler, 97 },
#endif
#ifdef __NR_sched_yield
	{ "sched_yield", __NR_sched_yield, 99 },
#endif
#ifdef __NR_seccomp
	{ "seccomp", __NR_seccomp, 316 },
#endif
#ifdef __NR_security
	{ "security", __NR_security, 0 },
#endif
#ifdef __NR_select
	{ "select", __NR_select, 84 },
#endif
#ifdef __NR_semctl
	{ "semctl", __NR_semctl, 261 },
#endif
#ifdef __NR_semget
	{ "semget", __NR_semget, 260 },
#endif
#ifdef __NR_semop
	{ "semop", __NR_semop, 259 },
#endif
#ifdef __NR_semtimedop
	{ "semtimedop", __NR_semtimedop, 371 },
#endif
#ifdef __NR_send
	{ "send", __NR_send, 395 },
#endif
#ifdef __NR_sendfile
	{ "sendfile", __NR_sendfile, 116 },
#endif
#ifdef __NR_sendfile64
	{ "sendfile64", __NR_sendfile64, 272 },
#endif
#ifdef __NR_sendmmsg
	{ "sendmmsg", __NR_sendmmsg, 255 },
#endif
#ifdef __NR_sendmsg
	{ "sendmsg", __NR_sendmsg, 254 },
#endif
#ifdef __NR_sendto
	{ "sendto", __NR_sendto, 249 },
#endif
#ifdef __NR_set_mempolicy
	{ "set_mempolicy", __NR_set_mempolicy, 368 },
#endif
#ifdef __NR_set_mempolicy_home_node
	{ "set_mempolicy_home_node", __NR_set_mempolicy_home_node, 370 },
#endif
#ifdef __NR_set_robust_list
	{ "set_robust_list", __NR_set_robust_list, 212 },
#endif
#ifdef __NR_set_thread_area
	{ "set_thread_area", __NR_set_thread_area, 157 },
#endif
#ifdef __NR_set_tid_address
	{ "set_tid_address", __NR_set_tid_address, 169 },
#endif
#ifdef __NR_setdomainname
	{ "setdomainname", __NR_setdomainname, 73 },
#endif
#ifdef __NR_setfsgid
	{ "setfsgid", __NR_setfsgid, 136 },
#endif
#ifdef __NR_setfsuid
	{ "setfsuid", __NR_setfsuid, 135 },
#endif
#ifdef __NR_setgid
	{ "setgid", __NR_setgid, 134 },
#endif
#ifdef __NR_setgid32
	{ "setgid32", __NR_setgid32, 307 },
#endif
#ifdef __NR_setgroups
	{ "setgroups", __NR_setgroups, 126 },
#endif
#ifdef __NR_sethostname
	{ "sethostname", __NR_sethostname, 44 },
#endif
#ifdef __NR_setitimer
	{ "setitimer", __NR_setitimer, 65 },
#endif
#ifdef __NR_setns
	{ "setns", __NR_setns, 239 },
#endif
#ifdef __NR_setpgid
	{ "setpgid", __NR_setpgid, 36 },
#endif
#ifdef __NR_setpriority
	{ "setpriority", __NR_setpriority, 61 },
#endif
#ifdef __NR_setregid
	{ "setregid", __NR_setregid, 124 },
#endif
#ifdef __NR_setresgid
	{ "setresgid", __NR_setresgid, 130 },
#endif
#ifdef __NR_setresgid32
	{ "setresgid32", __NR_setresgid32, 311 },
#endif
#ifdef __NR_setresuid
	{ "setresuid", __NR_setresuid, 128 },
#endif
#ifdef __NR_setresuid32
	{ "setresuid32", __NR_setresuid32, 310 },
#endif
#ifdef __NR_setreuid
	{ "setreuid", __NR_setreuid, 123 },
#endif
#ifdef __NR_setrlimit
	{ "setrlimit", __NR_setrlimit, 45 },
#endif
#ifdef __NR_setsid
	{ "setsid", __NR_setsid, 43 },
#endif
#ifdef __NR_setsockopt
	{ "setsockopt", __NR_setsockopt, 252 },
#endif
#ifdef __NR_settimeofday
	{ "settimeofday", __NR_settimeofday, 48 },
#endif
#ifdef __NR_setuid
	{ "setuid", __NR_setuid, 133 },
#endif
#ifdef __NR_setuid32
	{ "setuid32", __NR_setuid32, 305 },
#endif
#ifdef __NR_setxattr
	{ "setxattr", __NR_setxattr, 141 },
#endif
#ifdef __NR_setxattrat
	{ "setxattrat", __NR_setxattrat, 447 },
#endif
#ifdef __NR_sgetmask
	{ "sgetmask", __NR_sgetmask, 284 },
#endif
#ifdef __NR_shmat
	{ "shmat", __NR_shmat, 297 },
#endif
#ifdef __NR_shmctl
	{ "shmctl", __NR_shmctl, 268 },
#endif
#ifdef __NR_shmdt
	{ "shmdt", __NR_shmdt, 266 },
#endif
#ifdef __NR_shmget
	{ "shmget", __NR_shmget, 267 },
#endif
#ifdef __NR_shutdown
	{ "shutdown", __NR_shutdown, 251 },
#endif
#ifdef __NR_sigaction
	{ "sigaction", __NR_sigaction, 403 },
#endif
#ifdef __NR_sigaltstack
	{ "sigaltstack", __NR_sigaltstack, 317 },
#endif
#ifdef __NR_signal
	{ "signal", __NR_signal, 289 },
#endif
#ifdef __NR_signalfd
	{ "signalfd", __NR_signalfd, 220 },
#endif
#ifdef __NR_signalfd4
	{ "signalfd4", __NR_signalfd4, 225 },
#endif
#ifdef __NR_sigpending
	{ "sigpending", __NR_sigpending, 286 },
#endif
#ifdef __NR_sigprocmask
	{ "sigprocmask", __NR_sigprocmask, 275 },
#endif
#ifdef __NR_sigreturn
	{ "sigreturn", __NR_sigreturn, 410 },
#endif
#ifdef __NR_sigsuspend
	{ "sigsuspend", __NR_sigsuspend, 407 },
#endif
#ifdef __NR_socket
	{ "socket", __NR_socket, 241 },
#endif
#ifdef __NR_socketcall
	{ "socketcall", __NR_socketcall, 277 },
#endif
#ifdef __NR_socketpair
	{ "socketpair", __NR_socketpair, 248 },
#endif
#ifdef __NR_splice
	{ "splice", __NR_splice, 214 },
#endif
#ifdef __NR_spu_create
	{ "spu_create", __NR_spu_create, 424 },
#endif
#ifdef __NR_spu_run
	{ "spu_run", __NR_spu_run, 427 },
#endif
#ifdef __NR_ssetmask
	{ "ssetmask", __NR_ssetmask, 285 },
#endif
#ifdef __NR_stat
	{ "stat", __NR_stat, 14 },
#endif
#ifdef __NR_stat64
	{ "stat64", __NR_stat64, 278 },
#endif
#ifdef __NR_statfs
	{ "statfs", __NR_statfs, 62 },
#endif
#ifdef __NR_statfs64
	{ "statfs64", __NR_statfs64, 269 },
#endif
#ifdef __NR_statmount
	{ "statmount", __NR_statmount, 438 },
#endif
#ifdef __NR_statx
	{ "statx", __NR_statx, 367 },
#endif
#ifdef __NR_stime
	{ "stime", __NR_stime, 291 },
#endif
#ifdef __NR_subpage_prot
	{ "subpage_prot", __NR_subpage_prot, 435 },
#endif
#ifdef __NR_swapcontext
	{ "swapcontext", __NR_swapcontext, 428 },
#endif
#ifdef __NR_swapoff
	{ "swapoff", __NR_swapoff, 70 },
#endif
#ifdef __NR_swapon
	{ "swapon", __NR_swapon, 53 },
#endif
#ifdef __NR_switch_endian
	{ "switch_endian", __NR_switch_endian, 421 },
#endif
#ifdef __NR_symlink
	{ "symlink", __NR_symlink, 49 },
#endif
#ifdef __NR_symlinkat
	{ "symlinkat", __NR_symlinkat, 205 },
#endif
#ifdef __NR_sync
	{ "sync", __NR_sync, 24 },
#endif
#ifdef __NR_sync_file_range
	{ "sync_file_range", __NR_sync_file_range, 388 },
#endif
#ifdef __NR_sync_file_range2
	{ "sync_file_range2", __NR_sync_file_range2, 425 },
#endif
#ifdef __NR_syncfs
	{ "syncfs", __NR_syncfs, 238 },
#endif
#ifdef __NR_sys_debug_setcontext
	{ "sys_debug_setcontext", __NR_sys_debug_setcontext, 432 },
#endif
#ifdef __NR_sysfs
	{ "sysfs", __NR_sysfs, 81 },
#endif
#ifdef __NR_sysinfo
	{ "sysinfo", __NR_sysinfo, 71 },
#endif
#ifdef __NR_syslog
	{ "syslog", __NR_syslog, 64 },
#endif
#ifdef __NR_tee
	{ "tee", __NR_tee, 215 },
#endif
#ifdef __NR_tgkill
	{ "tgkill", __NR_tgkill, 179 },
#endif
#ifdef __NR_time
	{ "time", __NR_time, 11 },
#endif
#ifdef __NR_timer_create
	{ "timer_create", __NR_timer_create, 170 },
#endif
#ifdef __NR_timer_delete
	{ "timer_delete", __NR_timer_delete, 174 },
#endif
#ifdef __NR_timer_getoverrun
	{ "timer_getoverrun", __NR_timer_getoverrun, 173 },
#endif
#ifdef __NR_timer_gettime
	{ "timer_gettime", __NR_timer_gettime, 172 },
#endif
#ifdef __NR_timer_settime
	{ "timer_settime", __NR_timer_settime, 171 },
#endif
#ifdef __NR_timerfd
	{ "timerfd", __NR_timerfd, 401 },
#endif
#ifdef __NR_timerfd_create
	{ "timerfd_create", __NR_timerfd_create, 221 },
#endif
#ifdef __NR_timerfd_gettime
	{ "timerfd_gettime", __NR_timerfd_gettime, 224 },
#endif
#ifdef __NR_timerfd_settime
	{ "timerfd_settime", __NR_timerfd_settime, 223 },
#endif
#ifdef __NR_times
	{ "times", __NR_times, 31 },
#endif
#ifdef __NR_tkill
	{ "tkill", __NR_tkill, 153 },
#endif
#ifdef __NR_truncate
	{ "truncate", __NR_truncate, 57 },
#endif
#ifdef __NR_tuxcall
	{ "tuxcall", __NR_tuxcall, 0 },
#endif
#ifdef __NR_ugetrlimit
	{ "ugetrlimit", __NR_ugetrlimit, 273 },
#endif
#ifdef __NR_umask
	{ "umask", __NR_umask, 37 },
#endif
#ifdef __NR_umount
	{ "umount", __NR_umount, 288 },
#endif
#ifdef __NR_umount2
	{ "umount2", __NR_umount2, 323 },
#endif
#ifdef __NR_uname
	{ "uname", __NR_uname, 67 },
#endif
#ifdef __NR_unlink
	{ "unlink", __NR_unlink, 9 },
#endif
#ifdef __NR_unlinkat
	{ "unlinkat", __NR_unlinkat, 202 },
#endif
#ifdef __NR_unshare
	{ "unshare", __NR_unshare, 211 },
#endif
#ifdef __NR_uprobe
	{ "uprobe", __NR_uprobe, 452 },
#endif
#ifdef __NR_uretprobe
	{ "uretprobe", __NR_uretprobe, 443 },
#endif
#ifdef __NR_uselib
	{ "uselib", __NR_uselib, 52 },
#endif
#ifdef __NR_userfaultfd
	{ "userfaultfd", __NR_userfaultfd, 321 },
#endif
#ifdef __NR_ustat
	{ "ustat", __NR_ustat, 39 },
#endif
#ifdef __NR_utime
	{ "utime", __NR_utime, 22 },
#endif
#ifdef __NR_utimensat
	{ "utimensat", __NR_utimensat, 219 },
#endif
#ifdef __NR_utimes
	{ "utimes", __NR_utimes, 180 },
#endif
#ifdef __NR_vfork
	{ "vfork", __NR_vfork, 304 },
#endif
#ifdef __NR_vhangup
	{ "vhangup", __NR_vhangup, 68 },
#endif
#ifdef __NR_vm86
	{ "vm86", __NR_vm86, 433 },
#endif
#ifdef __NR_vmsplice
	{ "vmsplice", __NR_vmsplice, 216 },
#endif
#ifdef __NR_vserver
	{ "vserver", __NR_vserver, 0 },
#endif
#ifdef __NR_wait4
	{ "wait4", __NR_wait4, 69 },
#endif
#ifdef __NR_waitid
	{ "waitid", __NR_waitid, 188 },
#endif
#ifdef __NR_waitpid
	{ "waitpid", __NR_waitpid, 293 },
#endif
#ifdef __NR_write
	{ "write", __NR_write, 4 },
#endif
#ifdef __NR_writev
	{ "writev", __NR_writev, 88 },
#endif
};

const size_t strato_syscall_ndefs = sizeof(strato_syscall_defs) / sizeof(strato_syscall_defs[0]);

const struct strato_syscall_def *strato_syscall_by_name(const char *name)
{
	for (size_t i = 0; name && i < strato_syscall_ndefs; i++)
		if (!strcmp(strato_syscall_defs[i].name, name))
			return &strato_syscall_defs[i];
	return NULL;
}

const struct strato_syscall_def *strato_syscall_by_nr(long nr)
{
	for (size_t i = 0; i < strato_syscall_ndefs; i++)
		if (strato_syscall_defs[i].nr == nr)
			return &strato_syscall_defs[i];
	return NULL;
}
