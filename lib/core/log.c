/* lib/core/log.c: the process-wide log callback, shared with libbpf so an
 * application sees the kernel verifier's complaints in the same place. */
#include "core/internal.h"

#include <bpf/libbpf.h>
#include <stdarg.h>
#include <stdio.h>

static void strato_log_stderr(enum strato_log_level level, const char *fmt, va_list ap, void *ctx)
{
	fputs("libstratocore: ", stderr);
	vfprintf(stderr, fmt, ap);
}

static strato_log_fn strato_log_cb = strato_log_stderr;
static enum strato_log_level strato_log_max = STRATO_LOG_WARN;
static void *strato_log_ctx;

void strato_set_log_fn(strato_log_fn fn, enum strato_log_level max_level, void *ctx)
{
	strato_log_cb = fn;
	strato_log_max = max_level;
	strato_log_ctx = ctx;
}

void strato_log(enum strato_log_level level, const char *fmt, ...)
{
	va_list ap;

	if (!strato_log_cb || level > strato_log_max)
		return;
	va_start(ap, fmt);
	strato_log_cb(level, fmt, ap, strato_log_ctx);
	va_end(ap);
}

static int strato_libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	enum strato_log_level l = level == LIBBPF_WARN ? STRATO_LOG_WARN :
				  level == LIBBPF_INFO ? STRATO_LOG_INFO : STRATO_LOG_DEBUG;

	if (strato_log_cb && l <= strato_log_max)
		strato_log_cb(l, fmt, ap, strato_log_ctx);
	return 0;
}

void strato_log_hook_libbpf(void)
{
	libbpf_set_print(strato_libbpf_print);
}
