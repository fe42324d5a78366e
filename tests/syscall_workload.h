/* tests/syscall_workload.h: the issue #4 syscalls made once each with known
 * arguments, through syscall(2) so the C library adds or changes nothing.
 * Shared by tests/check_live_syscalls.c (which checks every decoded
 * parameter against what the calls returned here) and
 * tests/syscall_workload.c (the same calls as a program, for the scripts).
 * No module is ever loaded: delete_module names a module that does not
 * exist, finit_module gets /dev/null, init_module an image that is not ELF. */
#ifndef STRATO_TEST_SYSCALL_WORKLOAD_H
#define STRATO_TEST_SYSCALL_WORKLOAD_H

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <linux/capability.h>

#define STRATO_WL_DUP2_FD 100
#define STRATO_WL_DUP3_FD 101
#define STRATO_WL_MEMFD_NAME "strato-memfd"
#define STRATO_WL_PRCTL_NAME "strato-prctl"
#define STRATO_WL_MODULE "strato_no_such_module"
#define STRATO_WL_IMAGE "not an ELF image"
#define STRATO_WL_IMAGE_LEN 16

/* What the calls returned (-errno on failure). */
struct strato_wl_result {
	int64_t null_fd; /* /dev/null, opened first */
	int64_t dup_res, dup2_res, dup3_res;
	int64_t pipe2_res, pipe_fd[2];
	uint64_t pipe_ino;
	int64_t memfd_res, prctl_res, capget_res, capset_res;
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	int64_t bpf_res, delete_res, finit_res, init_res;
};

static inline int64_t strato_wl_ret(long r)
{
	return r < 0 ? -(int64_t)errno : r;
}

/* Makes the calls; after dup2/dup3 reads once from each new fd so that a
 * reader's fd table shows in later events (sysdig's fd.name). */
static inline void strato_wl_run(struct strato_wl_result *r)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct caps[2];
	union bpf_attr attr;
	int p[2] = { -1, -1 };
	struct stat sb;
	char c;

	memset(r, 0, sizeof(*r));
	memset(caps, 0, sizeof(caps));
	r->null_fd = strato_wl_ret(open("/dev/null", O_RDONLY));
	r->dup_res = strato_wl_ret(syscall(SYS_dup, (int)r->null_fd));
#ifdef SYS_dup2
	r->dup2_res = strato_wl_ret(syscall(SYS_dup2, (int)r->null_fd, STRATO_WL_DUP2_FD));
	if (read(STRATO_WL_DUP2_FD, &c, 1) < 0)
		r->dup2_res = -1000;
#endif
	r->dup3_res = strato_wl_ret(syscall(SYS_dup3, (int)r->null_fd, STRATO_WL_DUP3_FD, O_CLOEXEC));
	if (read(STRATO_WL_DUP3_FD, &c, 1) < 0)
		r->dup3_res = -1000;
	r->pipe2_res = strato_wl_ret(syscall(SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK));
	r->pipe_fd[0] = p[0];
	r->pipe_fd[1] = p[1];
	r->pipe_ino = p[0] >= 0 && fstat(p[0], &sb) == 0 ? (uint64_t)sb.st_ino : 0;
	r->memfd_res = strato_wl_ret(syscall(SYS_memfd_create, STRATO_WL_MEMFD_NAME, 1u /* MFD_CLOEXEC */));
	r->prctl_res = strato_wl_ret(syscall(SYS_prctl, 15 /* PR_SET_NAME */, STRATO_WL_PRCTL_NAME, 0, 0, 0));
	r->capget_res = strato_wl_ret(syscall(SYS_capget, &hdr, caps));
	r->cap_inheritable = caps[0].inheritable | (uint64_t)caps[1].inheritable << 32;
	r->cap_permitted = caps[0].permitted | (uint64_t)caps[1].permitted << 32;
	r->cap_effective = caps[0].effective | (uint64_t)caps[1].effective << 32;
	r->capset_res = strato_wl_ret(syscall(SYS_capset, &hdr, caps));
	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 4;
	attr.max_entries = 1;
	r->bpf_res = strato_wl_ret(syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof(attr)));
	r->delete_res = strato_wl_ret(syscall(SYS_delete_module, STRATO_WL_MODULE, O_NONBLOCK));
	r->finit_res = strato_wl_ret(syscall(SYS_finit_module, (int)r->null_fd, "", 0));
	r->init_res = strato_wl_ret(syscall(SYS_init_module, STRATO_WL_IMAGE, (unsigned long)STRATO_WL_IMAGE_LEN, ""));
}

#endif
