/* lib/field/extract.c: computes field values: the evt.* fields from the
 * event itself, the others through the capture's state (state_fields.c);
 * the typed public getters and the -p style rendering of one value. */
#include "field/fields.h"
#include "state/state.h"
#include "event/format.h"
#include "event/flags.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <pthread.h>
#include <stdatomic.h>

/* Scratch text for events without state (clones): a per-thread buffer
 * pool, reset when another event is asked about. */
#define STRATO_TLS_SLOTS 8
static __thread struct {
	const void *ev;
	uint64_t num;
	unsigned next;
	char *buf[STRATO_TLS_SLOTS];
	size_t cap[STRATO_TLS_SLOTS];
} strato_tls;

char *strato_field_scratch(const struct strato_event *ev, size_t n)
{
	unsigned k;

	if (ev->state)
		return strato_state_scratch(ev->state, n);
	if (strato_tls.ev != ev || strato_tls.num != ev->num) {
		strato_tls.ev = ev;
		strato_tls.num = ev->num;
		strato_tls.next = 0;
	}
	k = strato_tls.next++ % STRATO_TLS_SLOTS;
	if (strato_tls.cap[k] < n + 1) {
		char *b = realloc(strato_tls.buf[k], n + 1);

		if (!b)
			return NULL;
		strato_tls.buf[k] = b;
		strato_tls.cap[k] = n + 1;
	}
	return strato_tls.buf[k];
}

/* Formats with snprintf into scratch memory. */
int strato_fval_text(const struct strato_event *ev, struct strato_fval *v, const char *fmt, ...)
{
	va_list ap;
	char tmp[256];
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp) || !(s = strato_field_scratch(ev, (size_t)n)))
		return -STRATO_ENOVALUE;
	memcpy(s, tmp, (size_t)n + 1);
	v->s = s;
	v->n = (size_t)n;
	return 0;
}

/* How many parameters %evt.args shows. An event read from a file shows the
 * parameters its type had in the 2022 layout, as sysdig 0.29.3 does: the
 * exit's own arguments, not the enter arguments the reader merged in nor
 * the empty ones the current layout added. Live events show all. */
static unsigned strato_args_shown(const struct strato_event *ev, const struct strato_event_info *ei)
{
	unsigned n = ev->nparams < ei->nparams ? ev->nparams : ei->nparams;

	if (ev->origin == STRATO_ORIGIN_FILE && ei->nparams_2022 >= 0 && (unsigned)ei->nparams_2022 < n)
		n = (unsigned)ei->nparams_2022;
	/* and of those only the ones the file's exit had (older layouts had
	 * fewer; the merge fills in the rest) */
	if (ev->origin == STRATO_ORIGIN_FILE && ev->file_nparams < n)
		n = ev->file_nparams;
	return n;
}

/* name=value pairs of the shown parameters (see strato_args_shown). */
static int strato_format_args(const struct strato_event *ev, const struct strato_resolver *res, bool hide, char *buf,
			      size_t len)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	size_t pos = 0;
	unsigned n;

	if (len)
		buf[0] = 0;
	if (!ei || ev->type <= 1)
		return 0;
	n = strato_args_shown(ev, ei);
	for (unsigned i = 0; i < n; i++) {
		const char *name =
		    ei->params_2022 && (int)i < ei->nparams_2022 ? ei->params_2022[i].name : ei->params[i].name;
		size_t nl = strlen(name);
		int w;

		if (pos + nl + 1 < len) {
			memcpy(buf + pos, name, nl);
			buf[pos + nl] = '=';
		}
		pos += nl + 1;
		if (hide && ei->params[i].type == STRATO_PT_BYTEBUF)
			w = 0;
		else
			w = strato_event_format_param_ex(ev, i, res, pos < len ? buf + pos : NULL,
							 pos < len ? len - pos : 0);
		if (w > 0)
			pos += (size_t)w;
		if (pos + 1 < len)
			buf[pos] = ' ';
		pos++;
	}
	if (len)
		buf[pos < len ? pos : len - 1] = 0;
	return (int)pos;
}

/* Renders through one of the event formatter's calls into scratch memory:
 * measure, then write. */
static int strato_fval_args(const struct strato_event *ev, struct strato_fval *v, int idx, bool hide)
{
	const struct strato_resolver *res = ev->state ? &ev->state->resolver : NULL;
	char tmp[512];
	int n = idx < 0 ? strato_format_args(ev, res, hide, tmp, sizeof(tmp))
			: strato_event_format_param_ex(ev, (unsigned)idx, res, tmp, sizeof(tmp));
	char *s;

	if (n < 0 || !(s = strato_field_scratch(ev, (size_t)n)))
		return -STRATO_ENOVALUE;
	if ((size_t)n < sizeof(tmp))
		memcpy(s, tmp, (size_t)n + 1);
	else if (idx < 0)
		strato_format_args(ev, res, hide, s, (size_t)n + 1);
	else
		strato_event_format_param_ex(ev, (unsigned)idx, res, s, (size_t)n + 1);
	v->s = s;
	v->n = (size_t)n;
	return 0;
}

static int strato_time_text(const struct strato_event *ev, struct strato_fval *v, uint64_t ts, int kind)
{
	time_t secs = (time_t)(ts / 1000000000ULL);
	unsigned long ns = (unsigned long)(ts % 1000000000ULL);
	struct tm tm;
	char d[64], z[16];

	localtime_r(&secs, &tm);
	switch (kind) {
	case STRATO_F_EVT_TIME:
	case STRATO_F_EVT_OUTPUTTIME:
		strftime(d, sizeof(d), "%H:%M:%S", &tm);
		return strato_fval_text(ev, v, "%s.%09lu", d, ns);
	case STRATO_F_EVT_TIME_S:
		strftime(d, sizeof(d), "%H:%M:%S", &tm);
		return strato_fval_text(ev, v, "%s", d);
	case STRATO_F_EVT_TIME_ISO:
		strftime(d, sizeof(d), "%Y-%m-%dT%H:%M:%S", &tm);
		strftime(z, sizeof(z), "%z", &tm);
		return strato_fval_text(ev, v, "%s.%09lu%s", d, ns, z);
	case STRATO_F_EVT_DATETIME:
		strftime(d, sizeof(d), "%Y-%m-%d %H:%M:%S", &tm);
		return strato_fval_text(ev, v, "%s.%09lu", d, ns);
	default:
		strftime(d, sizeof(d), "%Y-%m-%d %H:%M:%S", &tm);
		return strato_fval_text(ev, v, "%s", d);
	}
}

static int strato_param_i64(const struct strato_event *ev, const char *name, int64_t *out)
{
	int idx = strato_event_param_index(ev, name);

	return idx < 0 ? idx : strato_event_param_int(ev, (unsigned)idx, out);
}

/* The result of an exit event: its first parameter when that is a return
 * value (an errno, fd or pid type). */
/* Per type: does the exit's first parameter hold the result (built once). */
static bool strato_has_res[STRATO_EVENT_TABLE_SIZE];
static pthread_once_t strato_res_once = PTHREAD_ONCE_INIT;

static void strato_res_init(void)
{
	for (unsigned t = 1; t < STRATO_EVENT_TABLE_SIZE; t += 2) {
		const struct strato_event_info *ei = strato_event_info_get((uint16_t)t);
		enum strato_ptype pt;

		if (!ei || !ei->nparams)
			continue;
		pt = ei->params[0].type;
		strato_has_res[t] = pt == STRATO_PT_ERRNO || pt == STRATO_PT_FD || pt == STRATO_PT_PID ||
				    pt == STRATO_PT_FD32 || pt == STRATO_PT_PID32 || !strcmp(ei->params[0].name, "res");
	}
}

int strato_event_res(const struct strato_event *ev, int64_t *out)
{
	static atomic_bool ready;

	if (ev->type >= STRATO_EVENT_TABLE_SIZE || strato_event_is_enter(ev->type) || !ev->nparams)
		return -STRATO_ENOVALUE;
	if (!atomic_load_explicit(&ready, memory_order_acquire)) {
		pthread_once(&strato_res_once, strato_res_init);
		atomic_store_explicit(&ready, true, memory_order_release);
	}
	if (!strato_has_res[ev->type])
		return -STRATO_ENOVALUE;
	return strato_event_param_i64(ev, 0, out) ? -STRATO_ENOVALUE : 0;
}

/* sysdig's category names (EC_* low bits), and what I/O events show. */
static const char *const strato_category_names[] = {
    "unknown", "other",	 "file",   "net",  "IPC",  "memory",	 "process",
    "sleep",   "system", "signal", "user", "time", "processing",
};

static const char *strato_io_category(const struct strato_event *ev)
{
	struct strato_thread *t;
	struct strato_fdent *fd;

	if (!ev->state || !(t = strato_state_thread(ev->state, strato_event_tid(ev))) ||
	    !(fd = strato_state_fd(ev->state, t, strato_event_fd_num(ev))))
		return "unknown";
	switch (fd->type) {
	case STRATO_FD_FILE:
	case STRATO_FD_FILE_V2:
	case STRATO_FD_DIRECTORY:
		return "file";
	case STRATO_FD_IPV4_SOCK:
	case STRATO_FD_IPV6_SOCK:
	case STRATO_FD_IPV4_SERVSOCK:
	case STRATO_FD_IPV6_SERVSOCK:
		return "net";
	/* unix sockets are ipc, timers and the rest "unknown" (sysdig
	 * 0.29.3 and the current libraries agree) */
	case STRATO_FD_UNIX_SOCK:
	case STRATO_FD_FIFO:
	case STRATO_FD_EVENT:
	case STRATO_FD_SIGNALFD:
	case STRATO_FD_INOTIFY:
	case STRATO_FD_USERFAULTFD:
		return "ipc";
	default:
		return "unknown";
	}
}

static bool strato_is_open(const struct strato_event *ev)
{
	const char *n = strato_event_name(ev);

	return !strato_event_is_enter(ev->type) &&
	       (!strcmp(n, "open") || !strcmp(n, "openat") || !strcmp(n, "openat2") || !strcmp(n, "creat"));
}

#define STRATO_PPM_O_RDONLY 0x1
#define STRATO_PPM_O_WRONLY 0x2
#define STRATO_PPM_O_CREAT 0x4
#define STRATO_PPM_O_TMPFILE 0x2000

static int strato_open_flag(const struct strato_event *ev, int which, struct strato_fval *v)
{
	int64_t flags = 0, mode = 0;

	v->i = 0;
	if (!strato_is_open(ev))
		return 0;
	if (!strcmp(strato_event_name(ev), "creat"))
		flags = STRATO_PPM_O_WRONLY | STRATO_PPM_O_CREAT;
	else if (strato_param_i64(ev, "flags", &flags))
		return 0;
	strato_param_i64(ev, "mode", &mode);
	switch (which) {
	case STRATO_F_EVT_IS_OPEN_READ:
		v->i = !!(flags & STRATO_PPM_O_RDONLY);
		break;
	case STRATO_F_EVT_IS_OPEN_WRITE:
		v->i = !!(flags & STRATO_PPM_O_WRONLY);
		break;
	case STRATO_F_EVT_IS_OPEN_CREATE:
		v->i = !!(flags & STRATO_PPM_O_CREAT);
		break;
	default:
		v->i = !!(flags & (STRATO_PPM_O_CREAT | STRATO_PPM_O_TMPFILE)) && (mode & 0111);
		break;
	}
	return 0;
}

static unsigned strato_args_shown(const struct strato_event *ev, const struct strato_event_info *ei);

/* The parameter evt.arg / evt.rawarg name, among those evt.args shows. */
static int strato_param_by_arg(const struct strato_field *f, const struct strato_event *ev)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	int idx = f->argname			  ? strato_event_param_index(ev, f->argname)
		  : f->idx < (int64_t)ev->nparams ? (int)f->idx
						  : -ERANGE;

	if (idx >= 0 && ei && (unsigned)idx >= strato_args_shown(ev, ei))
		return -ERANGE;
	return idx;
}

static int strato_rawarg(const struct strato_field *f, const struct strato_event *ev, struct strato_fval *v)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	int idx = strato_param_by_arg(f, ev);
	const void *p;
	size_t n;
	enum strato_ptype t;

	if (idx < 0 || !ei || (unsigned)idx >= ei->nparams || strato_event_param(ev, (unsigned)idx, &p, &n))
		return -STRATO_ENOVALUE;
	t = ei->params[idx].type;
	if (strato_event_param_int(ev, (unsigned)idx, &v->i) == 0) {
		if (f->rawtype == STRATO_PT_CHARBUF)
			return -STRATO_ENOVALUE; /* typed as a string by its name */
		v->type = f->rawtype			? f->rawtype
			  : t == STRATO_PT_UINT64 || t == STRATO_PT_ABSTIME || t == STRATO_PT_RELTIME ? STRATO_PT_UINT64
												    : STRATO_PT_INT64;
		return 0;
	}
	if (f->rawtype == STRATO_PT_INT64 || f->rawtype == STRATO_PT_UINT64)
		return -STRATO_ENOVALUE; /* typed as a number by its name */
	if (t == STRATO_PT_CHARBUF || t == STRATO_PT_FSPATH || t == STRATO_PT_FSRELPATH) {
		v->type = STRATO_PT_CHARBUF;
		v->s = p;
		v->n = strnlen(p, n);
		if (v->n == n) { /* not NUL-terminated in the event: copy */
			char *s = strato_field_scratch(ev, n);

			if (!s)
				return -STRATO_ENOVALUE;
			memcpy(s, p, n);
			s[n] = 0;
			v->s = s;
		}
		return 0;
	}
	v->type = STRATO_PT_BYTEBUF;
	v->s = p;
	v->n = n;
	return 0;
}

static int strato_extract_evt(const struct strato_field *f, const struct strato_event *ev, struct strato_fval *v)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	const struct strato_state *st = ev->state;
	uint64_t ts = 0, u;
	int64_t res;
	int idx;

	if (f->def->id >= STRATO_F_EVT_TIME && f->def->id <= STRATO_F_EVT_LATENCY_HUMAN)
		ts = strato_event_ts(ev);
	switch (f->def->id) {
	case STRATO_F_EVT_NUM:
		v->i = (int64_t)ev->num;
		return 0;
	case STRATO_F_EVT_TIME:
	case STRATO_F_EVT_TIME_S:
	case STRATO_F_EVT_TIME_ISO:
	case STRATO_F_EVT_DATETIME:
	case STRATO_F_EVT_DATETIME_S:
	case STRATO_F_EVT_OUTPUTTIME:
		return strato_time_text(ev, v, ts, f->def->id);
	case STRATO_F_EVT_RAWTIME:
		v->i = (int64_t)ts;
		return 0;
	case STRATO_F_EVT_RAWTIME_S:
		v->i = (int64_t)(ts / 1000000000ULL);
		return 0;
	case STRATO_F_EVT_RAWTIME_NS:
		v->i = (int64_t)(ts % 1000000000ULL);
		return 0;
	case STRATO_F_EVT_RELTIME:
	case STRATO_F_EVT_RELTIME_S:
	case STRATO_F_EVT_RELTIME_NS:
	case STRATO_F_EVT_DELTATIME:
	case STRATO_F_EVT_DELTATIME_S:
	case STRATO_F_EVT_DELTATIME_NS:
		if (!st)
			return -STRATO_ENOVALUE;
		if (f->def->id <= STRATO_F_EVT_RELTIME_NS)
			u = ts > st->first_ts ? ts - st->first_ts : 0;
		else
			u = st->cur_prev_ts ? ts - st->cur_prev_ts : 0;
		break;
	case STRATO_F_EVT_LATENCY:
	case STRATO_F_EVT_LATENCY_S:
	case STRATO_F_EVT_LATENCY_NS:
	case STRATO_F_EVT_LATENCY_HUMAN:
		u = 0;
		if (ev->enter_raw && ev->enter_len >= 8 && strato_ld64(ev->enter_raw) <= ts)
			u = ts - strato_ld64(ev->enter_raw);
		if (f->def->id == STRATO_F_EVT_LATENCY_HUMAN) {
			if (u >= 1000000000ULL)
				return strato_fval_text(ev, v, "%.2fs", u / 1e9);
			if (u >= 1000000ULL)
				return strato_fval_text(ev, v, "%.2fms", u / 1e6);
			if (u >= 1000ULL)
				return strato_fval_text(ev, v, "%.2fus", u / 1e3);
			return strato_fval_text(ev, v, "%" PRIu64 "ns", u);
		}
		if (f->def->id == STRATO_F_EVT_LATENCY)
			f = NULL; /* whole value below */
		break;
	case STRATO_F_EVT_TYPE:
		if (ev->type <= 1 && strato_event_param_int(ev, 0, &res) == 0 && res >= 0 &&
		    res < STRATO_SYSCALL_NAMES && strato_syscall_names[res]) {
			/* generic events are named by their system call */
			v->s = strato_syscall_names[res];
			v->n = strlen(v->s);
			return 0;
		}
		v->s = strato_event_name(ev);
		v->n = strlen(v->s);
		return 0;
	case STRATO_F_EVT_TYPE_IS:
		v->i = !strcmp(strato_event_name(ev), f->argname ? f->argname : "");
		return 0;
	case STRATO_F_SYSCALL_TYPE:
		if (!ei || !(ei->category & 0x200))
			return -STRATO_ENOVALUE;
		v->s = ei->name;
		v->n = strlen(v->s);
		return 0;
	case STRATO_F_EVT_DIR:
		v->s = strato_event_is_enter(ev->type) ? ">" : "<";
		v->n = 1;
		return 0;
	case STRATO_F_EVT_CPU:
		v->i = ev->cpu;
		return 0;
	case STRATO_F_EVT_CATEGORY: {
		uint32_t c = ei ? ei->category : 0;

		if (ev->type <= 1 && strato_event_param_int(ev, 0, &res) == 0 && res >= 0 &&
		    res < STRATO_SYSCALL_NAMES) {
			c = strato_syscall_category[res]; /* a generic event */
		}
		v->s = (c & 0x20)					      ? strato_io_category(ev)
		       : (c & 0x40)					      ? "wait"
		       : (c & 0x80)					      ? "scheduler"
		       : (c & 0xf) < STRATO_ARRAY_SIZE(strato_category_names) ? strato_category_names[c & 0xf]
									      : "unknown";
		v->n = strlen(v->s);
		return 0;
	}
	case STRATO_F_EVT_ARGS:
	case STRATO_F_EVT_INFO:
		return strato_fval_args(ev, v, -1, f->hide_buffers);
	case STRATO_F_EVT_ARG:
		idx = strato_param_by_arg(f, ev);
		if (idx < 0)
			return -STRATO_ENOVALUE;
		/* sysdig shows what a value names when it names something
		 * (`-2(ENOENT)` -> `ENOENT`, `3(<f>/etc/passwd)` ->
		 * `<f>/etc/passwd`), and an fd the table does not know (fcntl
		 * F_GETFL results) as its number */
		if ((res = strato_fval_args(ev, v, idx, false)))
			return (int)res;
		if (v->n > 2 && v->s[v->n - 1] == ')' && strchr(v->s, '(')) {
			const char *p = strchr(v->s, '(') + 1;

			if (!strcmp(p, "<NA>)")) { /* an unknown name: the number */
				v->n = (size_t)(p - 1 - v->s);
				((char *)v->s)[v->n] = 0;
				return 0;
			}
			((char *)v->s)[v->n - 1] = 0;
			v->n = strlen(p);
			v->s = p;
			return 0;
		}
		return 0;

	case STRATO_F_EVT_RAWARG:
		return strato_rawarg(f, ev, v);
	case STRATO_F_EVT_RES:
		if (strato_event_res(ev, &res))
			return -STRATO_ENOVALUE;
		if (res >= 0) {
			v->s = "SUCCESS";
			v->n = 7;
			return 0;
		}
		if ((idx = strato_fval_args(ev, v, 0, false)))
			return idx;
		/* "-2(ENOENT)" -> "ENOENT" */
		if (v->n > 2 && strchr(v->s, '(') && v->s[v->n - 1] == ')') {
			const char *p = strchr(v->s, '(') + 1;

			((char *)v->s)[v->n - 1] = 0;
			v->n = strlen(p);
			v->s = p;
		}
		return 0;
	case STRATO_F_EVT_RAWRES:
		return strato_event_res(ev, &v->i);
	case STRATO_F_EVT_FAILED:
		v->i = strato_event_res(ev, &res) == 0 && res < 0;
		return 0;
	case STRATO_F_EVT_COUNT_ERROR:
		v->i = strato_event_res(ev, &res) == 0 && res < 0;
		return 0;
	case STRATO_F_EVT_COUNT_EXIT:
		v->i = !strato_event_is_enter(ev->type);
		return 0;
	case STRATO_F_EVT_BUFFER: {
		const void *p;
		size_t n;

		idx = strato_event_param_index(ev, "data");
		if (idx < 0 || strato_event_param(ev, (unsigned)idx, &p, &n))
			return -STRATO_ENOVALUE;
		v->s = p;
		v->n = n;
		return 0;
	}
	case STRATO_F_EVT_BUFLEN:
		/* sysdig: the result of an I/O-category exit whose fd the
		 * state knows */
		if (!st || strato_event_is_enter(ev->type) || !ei || !(ei->category & 0x20) ||
		    !strato_state_fd(st, strato_state_thread(st, strato_event_tid(ev)), strato_event_fd_num(ev)) ||
		    strato_event_res(ev, &res) || res < 0)
			return -STRATO_ENOVALUE;
		v->i = res;
		return 0;
	case STRATO_F_EVT_IS_IO:
		v->i = ei && (ei->flags & (STRATO_EF_READS_FD | STRATO_EF_WRITES_FD));
		return 0;
	case STRATO_F_EVT_IS_IO_READ:
		v->i = ei && (ei->flags & STRATO_EF_READS_FD);
		return 0;
	case STRATO_F_EVT_IS_IO_WRITE:
		v->i = ei && (ei->flags & STRATO_EF_WRITES_FD);
		return 0;
	case STRATO_F_EVT_IO_DIR:
		if (!ei || !(ei->flags & (STRATO_EF_READS_FD | STRATO_EF_WRITES_FD)))
			return -STRATO_ENOVALUE;
		v->s = ei->flags & STRATO_EF_READS_FD ? "read" : "write";
		v->n = strlen(v->s);
		return 0;
	case STRATO_F_EVT_IS_WAIT:
		v->i = ei && (ei->flags & STRATO_EF_WAITS);
		return 0;
	case STRATO_F_EVT_COUNT:
		v->i = 1;
		return 0;
	case STRATO_F_EVT_IS_SYSLOG: {
		/* a write to the syslog socket */
		struct strato_fdent *fd;

		v->i = 0;
		if (st && ei && (ei->flags & STRATO_EF_WRITES_FD) &&
		    (fd = strato_state_fd(st, strato_state_thread(st, strato_event_tid(ev)), strato_event_fd_num(ev))))
			v->i = !strcmp(fd->name, "/dev/log") || strstr(fd->name, " /dev/log") != NULL;
		return 0;
	}
	case STRATO_F_EVT_IS_OPEN_READ:
	case STRATO_F_EVT_IS_OPEN_WRITE:
	case STRATO_F_EVT_IS_OPEN_EXEC:
	case STRATO_F_EVT_IS_OPEN_CREATE:
		return strato_open_flag(ev, f->def->id, v);
	case STRATO_F_EVT_HOSTNAME:
		if (!st || !st->hostname[0])
			return -STRATO_ENOVALUE;
		v->s = st->hostname;
		v->n = strlen(v->s);
		return 0;
	case STRATO_F_EVT_SOURCE:
		v->s = "syscall";
		v->n = 7;
		return 0;
	default:
		return 1; /* not an event-only field */
	}
	/* times in u */
	if (!f)
		v->i = (int64_t)u;
	else if (strstr(f->def->name, ".ns"))
		v->i = (int64_t)(u % 1000000000ULL);
	else if (strstr(f->def->name, ".s"))
		v->i = (int64_t)(u / 1000000000ULL);
	else
		v->i = (int64_t)u;
	return 0;
}

int strato_field_extract(const struct strato_field *f, const struct strato_event *ev, struct strato_fval *v)
{
	int rc;

	v->i = 0; /* the address is only read for IP types, which set it */
	v->s = NULL;
	v->n = 0;
	v->type = f->def->type;
	/* the state's ids (proc.pid to k8s.pod.uid) skip the evt.* switch */
	if (f->def->id < STRATO_F_PROC_PID || f->def->id > STRATO_F_K8S_POD_UID) {
		rc = strato_extract_evt(f, ev, v);
		if (rc <= 0)
			return rc;
	}
	if (!ev->state)
		return -STRATO_ENOVALUE;
	return strato_extract_state(f, ev, v);
}

static bool strato_is_unsigned(enum strato_ptype t)
{
	return t == STRATO_PT_UINT64 || t == STRATO_PT_ABSTIME || t == STRATO_PT_RELTIME;
}

int strato_field_get_i64(const strato_field *f, const strato_event *ev, int64_t *out)
{
	struct strato_fval v;
	int rc;

	if (!f || !ev || !out)
		return strato_fail(-EINVAL, "strato_field_get_i64: NULL argument");
	if ((rc = strato_field_extract(f, ev, &v)))
		return rc;
	if (!strato_ptype_intlike(v.type))
		return strato_fail(-STRATO_ETYPE, "field %s is not an integer", f->name);
	if (strato_is_unsigned(v.type) && v.i < 0)
		return strato_fail(-ERANGE, "field %s: value does not fit int64", f->name);
	*out = v.i;
	return 0;
}

int strato_field_get_u64(const strato_field *f, const strato_event *ev, uint64_t *out)
{
	struct strato_fval v;
	int rc;

	if (!f || !ev || !out)
		return strato_fail(-EINVAL, "strato_field_get_u64: NULL argument");
	if ((rc = strato_field_extract(f, ev, &v)))
		return rc;
	if (!strato_ptype_intlike(v.type))
		return strato_fail(-STRATO_ETYPE, "field %s is not an integer", f->name);
	if (!strato_is_unsigned(v.type) && v.i < 0)
		return strato_fail(-ERANGE, "field %s: negative value %" PRId64, f->name, v.i);
	*out = (uint64_t)v.i;
	return 0;
}

int strato_field_get_str(const strato_field *f, const strato_event *ev, const char **out, size_t *len)
{
	struct strato_fval v;
	int rc;

	if (!f || !ev || !out)
		return strato_fail(-EINVAL, "strato_field_get_str: NULL argument");
	if ((rc = strato_field_extract(f, ev, &v)))
		return rc;
	if (v.type != STRATO_PT_CHARBUF)
		return strato_fail(-STRATO_ETYPE, "field %s is not a string", f->name);
	*out = v.s;
	if (len)
		*len = v.n;
	return 0;
}

int strato_field_get_bytes(const strato_field *f, const strato_event *ev, const void **out, size_t *len)
{
	struct strato_fval v;
	int rc;

	if (!f || !ev || !out || !len)
		return strato_fail(-EINVAL, "strato_field_get_bytes: NULL argument");
	if ((rc = strato_field_extract(f, ev, &v)))
		return rc;
	if (v.type != STRATO_PT_BYTEBUF && v.type != STRATO_PT_CHARBUF)
		return strato_fail(-STRATO_ETYPE, "field %s is not a buffer", f->name);
	*out = v.s;
	*len = v.n;
	return 0;
}

int strato_field_get_ip(const strato_field *f, const strato_event *ev, struct strato_ip *out)
{
	struct strato_fval v;
	int rc;

	if (!f || !ev || !out)
		return strato_fail(-EINVAL, "strato_field_get_ip: NULL argument");
	if ((rc = strato_field_extract(f, ev, &v)))
		return rc;
	if (v.type != STRATO_PT_IPADDR && v.type != STRATO_PT_IPNET)
		return strato_fail(-STRATO_ETYPE, "field %s is not an address", f->name);
	*out = v.ip;
	return 0;
}

int strato_fval_format(const struct strato_field *f, const struct strato_fval *v, char *buf, size_t len)
{
	char ip[INET6_ADDRSTRLEN];

	switch (v->type) {
	case STRATO_PT_CHARBUF:
		return snprintf(buf, len, "%.*s", (int)v->n, v->s);
	case STRATO_PT_BYTEBUF: {
		size_t i, o = 0;

		for (i = 0; i < v->n; i++, o++) {
			unsigned char c = (unsigned char)v->s[i];

			if (o + 1 < len)
				buf[o] = c >= 32 && c < 127 ? (char)c : '.';
		}
		if (len)
			buf[o < len ? o : len - 1] = 0;
		return (int)o;
	}
	case STRATO_PT_BOOL:
		return snprintf(buf, len, "%s", v->i ? "true" : "false");
	case STRATO_PT_IPADDR:
	case STRATO_PT_IPNET:
		inet_ntop(v->ip.family == 6 ? AF_INET6 : AF_INET, v->ip.addr, ip, sizeof(ip));
		if (v->type == STRATO_PT_IPNET && v->ip.prefix != (v->ip.family == 6 ? 128 : 32))
			return snprintf(buf, len, "%s/%u", ip, v->ip.prefix);
		return snprintf(buf, len, "%s", ip);
	case STRATO_PT_RELTIME:
		/* sysdig prints evt.reltime as seconds (none when 0) followed
		 * by nine digits of nanoseconds */
		if (f && f->def->id == STRATO_F_EVT_RELTIME) {
			uint64_t u = (uint64_t)v->i;

			if (u < 1000000000ULL)
				return snprintf(buf, len, "%09" PRIu64, u);
			return snprintf(buf, len, "%" PRIu64 "%09" PRIu64, (uint64_t)(u / 1000000000ULL),
					(uint64_t)(u % 1000000000ULL));
		}
		return snprintf(buf, len, "%" PRIu64, (uint64_t)v->i);
	case STRATO_PT_UINT64:
	case STRATO_PT_ABSTIME:
		return snprintf(buf, len, "%" PRIu64, (uint64_t)v->i);
	case STRATO_PT_INT32:
		/* fd.dev (the only INT32 field besides its parts) prints in hex */
		if (f && f->def->id == STRATO_F_FD_DEV)
			return snprintf(buf, len, "%" PRIX64, (uint64_t)(uint32_t)v->i);
		return snprintf(buf, len, "%" PRId64, v->i);
	default:
		return snprintf(buf, len, "%" PRId64, v->i);
	}
}

int strato_field_format(const strato_field *f, const strato_event *ev, char *buf, size_t len)
{
	struct strato_fval v;
	int rc;

	if (!f || !ev || (!buf && len))
		return strato_fail(-EINVAL, "strato_field_format: NULL argument");
	if ((rc = strato_field_extract(f, ev, &v))) {
		if (len)
			buf[0] = 0;
		return rc;
	}
	return strato_fval_format(f, &v, buf, len);
}
