/* lib/capture/syscalls.h: the syscalls of the build architecture by name,
 * with their native numbers and their PPM_SC codes (the portable ids that
 * generic events carry in their SYSCALLID parameter). */
#ifndef STRATO_CAPTURE_SYSCALLS_H
#define STRATO_CAPTURE_SYSCALLS_H

#include <stddef.h>
#include <stdint.h>

struct strato_syscall_def {
	const char *name;
	int nr;          /* this architecture's number */
	uint16_t ppm_sc; /* PPM_SC_* code, 0 (PPM_SC_UNKNOWN) when scap has none */
};

extern const struct strato_syscall_def strato_syscall_defs[];
extern const size_t strato_syscall_ndefs;

/* The entry called `name`, or NULL. */
const struct strato_syscall_def *strato_syscall_by_name(const char *name);
/* The entry with native number `nr`, or NULL. */
const struct strato_syscall_def *strato_syscall_by_nr(long nr);

#endif
