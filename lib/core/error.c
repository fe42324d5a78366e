/* lib/core/error.c: the thread-local last-error text, the description of
 * every error code, and options-struct validation. */
#include "core/internal.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char strato_errbuf[STRATO_ERRMSG_MAX];

int strato_fail(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(strato_errbuf, sizeof(strato_errbuf), fmt, ap);
	va_end(ap);
	strato_log(STRATO_LOG_DEBUG, "error %d: %s\n", err, strato_errbuf);
	return err;
}

void strato_keep_error(char *dst, size_t len)
{
	snprintf(dst, len, "%s", strato_errbuf);
}

const char *strato_last_error(void)
{
	return strato_errbuf;
}

const char *strato_strerror(int err)
{
	static const char *const lib[] = {
		[STRATO_EFORMAT - STRATO_ERR_BASE] = "malformed capture data",
		[STRATO_EVERSION - STRATO_ERR_BASE] = "unsupported format version",
		[STRATO_ETRUNC - STRATO_ERR_BASE] = "truncated capture file",
		[STRATO_ESYNTAX - STRATO_ERR_BASE] = "syntax error",
		[STRATO_ENOFIELD - STRATO_ERR_BASE] = "no such field",
		[STRATO_ETYPE - STRATO_ERR_BASE] = "type mismatch",
		[STRATO_ENOBTF - STRATO_ERR_BASE] = "kernel has no BTF type information",
		[STRATO_EPROBE - STRATO_ERR_BASE] = "eBPF probe failed to load or attach",
		[STRATO_ENOVALUE - STRATO_ERR_BASE] = "value not available for this event",
	};

	if (err < 0)
		err = -err;
	if (err == 0)
		return "success";
	if (err > STRATO_ERR_BASE && err < STRATO_ERR_MAX && lib[err - STRATO_ERR_BASE])
		return lib[err - STRATO_ERR_BASE];
	if (err < STRATO_ERR_BASE)
		return strerror(err); /* glibc: static text for every errno */
	return "unknown error";
}

bool strato_opts_valid(const void *opts, size_t known_sz, const char *type_name)
{
	const unsigned char *p = opts;
	size_t sz;

	if (!opts)
		return true;
	memcpy(&sz, opts, sizeof(sz));
	if (sz < sizeof(size_t)) {
		strato_fail(-EINVAL, "struct %s: sz is %zu; declare it with STRATO_OPTS()", type_name, sz);
		return false;
	}
	for (size_t i = known_sz; i < sz; i++) {
		if (p[i]) {
			strato_fail(-EINVAL, "struct %s has non-zero bytes at offset %zu, beyond the %zu this library knows",
				    type_name, i, known_sz);
			return false;
		}
	}
	return true;
}
