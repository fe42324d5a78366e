/* lib/event/event_format.c: renders event parameters as text, the way
 * sysdig prints them in %evt.args. */
#include "core/internal.h"
#include "event/event.h"

#include <inttypes.h>
#include <stdio.h>

/* Appends printf output to buf at *pos, keeping the would-be length. */
static void strato_cat(char *buf, size_t len, size_t *pos, const char *fmt, ...) STRATO_PRINTF(4, 5);
static void strato_cat(char *buf, size_t len, size_t *pos, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(*pos < len ? buf + *pos : NULL, *pos < len ? len - *pos : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		*pos += (size_t)n;
}

static void strato_cat_bytes(char *buf, size_t len, size_t *pos, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];

		strato_cat(buf, len, pos, "%c", c >= 32 && c < 127 ? c : '.');
	}
}

int strato_event_format_param(const strato_event *ev, unsigned idx, char *buf, size_t len)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	enum strato_ptype t = ei && idx < ei->nparams ? ei->params[idx].type : STRATO_PT_BYTEBUF;
	const void *p;
	size_t n, pos = 0;
	int64_t v;
	int err = strato_event_param(ev, idx, &p, &n);

	if (len)
		buf[0] = 0;
	if (err == -STRATO_ENOVALUE) {
		strato_cat(buf, len, &pos, "<NA>");
		return (int)pos;
	}
	if (err)
		return err;
	switch (t) {
	case STRATO_PT_CHARBUF: case STRATO_PT_FSPATH: case STRATO_PT_FSRELPATH:
		strato_cat_bytes(buf, len, &pos, p, strnlen(p, n));
		break;
	case STRATO_PT_BYTEBUF:
		strato_cat_bytes(buf, len, &pos, p, n);
		break;
	default:
		if (strato_event_param_int(ev, idx, &v) == 0)
			strato_cat(buf, len, &pos, "%" PRId64, v);
		else
			strato_cat_bytes(buf, len, &pos, p, n);
	}
	return (int)pos;
}

int strato_event_format_args(const strato_event *ev, char *buf, size_t len)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	size_t pos = 0;

	if (len)
		buf[0] = 0;
	for (unsigned i = 0; i < ev->nparams; i++) {
		const char *name = ei && i < ei->nparams ? ei->params[i].name : "?";
		int n;

		strato_cat(buf, len, &pos, "%s%s=", i ? " " : "", name);
		n = strato_event_format_param(ev, i, pos < len ? buf + pos : NULL, pos < len ? len - pos : 0);
		if (n > 0)
			pos += (size_t)n;
	}
	return (int)pos;
}
