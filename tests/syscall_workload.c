/* tests/syscall_workload.c: the issue #4 syscalls of syscall_workload.h as a
 * program, for scripts that trace it (tests/stratotrace.sh compares
 * stratotrace's lines with strace's). Exits 0 when every call that should
 * succeed did. */
#include "syscall_workload.h"

int main(void)
{
	struct strato_wl_result r;

	strato_wl_run(&r);
	return r.null_fd >= 0 && r.dup_res >= 0 && r.dup3_res >= 0 && r.pipe2_res == 0 && r.memfd_res >= 0 &&
			       r.prctl_res == 0 ? 0 : 1;
}
