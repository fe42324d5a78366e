/* lib/event/event_format.c: renders event parameters as text, the way
 * sysdig 0.29.3 prints them in %evt.args (parameters sysdig does not know
 * are printed the way current falcosecurity/libs prints them). It is on the
 * output hot path: it writes straight into the caller's buffer, allocates
 * nothing and reaches every name table through pointers precomputed in the
 * event table. */
#include "core/internal.h"
#include "event/event.h"
#include "event/format.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#define STRATO_AT_FDCWD (-100)
#define STRATO_AF_UNIX 1
#define STRATO_AF_INET 2
#define STRATO_AF_INET6 10
#define STRATO_PATH_MAX 8192

/* The output: snprintf semantics (pos counts what the full text needs). */
struct strato_out {
	char *buf;
	size_t len;
	size_t pos;
};

static inline void strato_putc(struct strato_out *o, char c)
{
	if (o->pos + 1 < o->len)
		o->buf[o->pos] = c;
	o->pos++;
}

static void strato_putn(struct strato_out *o, const char *s, size_t n)
{
	if (o->pos + 1 < o->len) {
		size_t room = o->len - 1 - o->pos;

		memcpy(o->buf + o->pos, s, n < room ? n : room);
	}
	o->pos += n;
}

static inline void strato_puts(struct strato_out *o, const char *s)
{
	strato_putn(o, s, strlen(s));
}

static void strato_putu(struct strato_out *o, uint64_t v)
{
	char t[24];
	int i = sizeof(t);

	do {
		t[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	strato_putn(o, t + i, sizeof(t) - (size_t)i);
}

static void strato_puti(struct strato_out *o, int64_t v)
{
	if (v < 0) {
		strato_putc(o, '-');
		strato_putu(o, 0 - (uint64_t)v);
	} else {
		strato_putu(o, (uint64_t)v);
	}
}

static void strato_putx(struct strato_out *o, uint64_t v, int upper)
{
	const char *d = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char t[16];
	int i = sizeof(t);

	do {
		t[--i] = d[v & 15];
		v >>= 4;
	} while (v);
	strato_putn(o, t + i, sizeof(t) - (size_t)i);
}

/* "%#o": a leading 0 unless the value is 0. */
static void strato_puto(struct strato_out *o, uint64_t v)
{
	char t[24];
	int i = sizeof(t);

	do {
		t[--i] = (char)('0' + (v & 7));
		v >>= 3;
	} while (v);
	if (t[i] != '0')
		t[--i] = '0';
	strato_putn(o, t + i, sizeof(t) - (size_t)i);
}

/* Asks the resolver and appends its answer in parentheses; nothing when it
 * does not know. Returns whether something was appended. */
static int strato_put_resolved(struct strato_out *o, const struct strato_resolver *res, const struct strato_event *ev,
			       enum strato_resolve_kind kind, int64_t value)
{
	size_t start = o->pos;
	int n;

	if (!res || !res->fn)
		return 0;
	strato_putc(o, '(');
	if (o->pos + 1 < o->len)
		n = res->fn(res->ctx, ev, kind, value, o->buf + o->pos, o->len - o->pos);
	else
		n = res->fn(res->ctx, ev, kind, value, NULL, 0);
	if (n < 0) {
		o->pos = start;
		return 0;
	}
	o->pos += (size_t)n;
	strato_putc(o, ')');
	return 1;
}

/* Printable the way sysdig's isprint() check sees it (C locale). */
static inline int strato_printable(uint8_t c)
{
	return c >= 0x20 && c < 0x7f;
}

static const char *strato_errno_name(int64_t v)
{
	int32_t c = (int32_t)v;
	int64_t e = -(int64_t)c;

	return e > 0 && e < STRATO_ERRNO_MAX ? strato_errno_names[e] : NULL;
}

/* Integers: sysdig passes 8/16/32-bit values to printf as int, so an UINT32
 * above 2^31 prints negative in decimal, and UINT64 goes through int64. */
static void strato_put_int(struct strato_out *o, enum strato_ptype t, uint8_t fmt, const uint8_t *p)
{
	int64_t v;
	int wide = 0;

	switch (t) {
	case STRATO_PT_INT8:
		v = (int8_t)p[0];
		break;
	case STRATO_PT_UINT8:
		v = p[0];
		break;
	case STRATO_PT_INT16:
		v = (int16_t)strato_ld16(p);
		break;
	case STRATO_PT_UINT16:
		v = strato_ld16(p);
		break;
	case STRATO_PT_INT32:
	case STRATO_PT_UINT32:
		v = (int32_t)strato_ld32(p);
		break;
	default:
		v = (int64_t)strato_ld64(p);
		wide = 1;
		break;
	}
	switch (fmt) {
	case STRATO_PF_HEX:
		strato_putx(o, wide ? (uint64_t)v : (uint32_t)v, 1);
		break;
	case STRATO_PF_OCT:
		strato_puto(o, wide ? (uint64_t)v : (uint32_t)v);
		break;
	case STRATO_PF_PAD10: {
		char tmp[32];
		int n = snprintf(tmp, sizeof(tmp), "%09" PRId64, v);

		strato_putn(o, tmp, (size_t)n);
		break;
	}
	default:
		strato_puti(o, v);
	}
}

/* Flag names: sysdig walks the table in order, takes every entry whose bits
 * are all still set (a 0 entry only for the value 0), clears them, and stops
 * at an entry equal to the whole value, which it takes as well. Enum tables
 * (exact) take every entry equal to the value. */
static void strato_put_flags(struct strato_out *o, const struct strato_flagtab *tab, uint32_t init, int exact)
{
	const struct strato_flag *f;
	uint32_t val = init;
	unsigned i;
	int any = 0;

	if (!tab)
		return;
	for (i = 0, f = tab->v; i < tab->n; i++, f++) {
		int take;

		if (exact) {
			take = f->value == init;
		} else {
			if (f->value == init)
				break;
			take = f->value ? val && (val & f->value) == f->value : !init;
			if (take)
				val &= ~f->value;
		}
		if (take) {
			strato_putc(o, any ? '|' : '(');
			strato_puts(o, f->name);
			any = 1;
		}
	}
	if (!exact && i < tab->n) {
		strato_putc(o, any ? '|' : '(');
		strato_puts(o, tab->v[i].name);
		any = 1;
	}
	if (any)
		strato_putc(o, ')');
}

/* Binary data: one character per byte, '.' for what is not printable, cut
 * to sysdig's default output length. */
static void strato_put_bytes(struct strato_out *o, const uint8_t *p, size_t n)
{
	size_t show = n > STRATO_FMT_BYTEBUF_MAX ? STRATO_FMT_BYTEBUF_MAX - 3 : n;

	if (o->pos + show < o->len) {
		char *d = o->buf + o->pos;

		for (size_t i = 0; i < show; i++)
			d[i] = strato_printable(p[i]) ? (char)p[i] : '.';
		o->pos += show;
	} else {
		for (size_t i = 0; i < show; i++)
			strato_putc(o, strato_printable(p[i]) ? (char)p[i] : '.');
	}
	if (show < n)
		strato_putn(o, "...", 3);
}

/* A string with the non-printable characters left out (sysdig's
 * sanitize_string), up to its NUL. */
static void strato_put_sanitized(struct strato_out *o, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n && p[i]; i++)
		if (strato_printable(p[i]))
			strato_putc(o, (char)p[i]);
}

static void strato_put_ipv4(struct strato_out *o, const uint8_t *ip, uint16_t port)
{
	for (int i = 0; i < 4; i++) {
		strato_putu(o, ip[i]);
		strato_putc(o, i < 3 ? '.' : ':');
	}
	strato_putu(o, port);
}

static void strato_put_ipv6(struct strato_out *o, const uint8_t *ip, uint16_t port)
{
	char t[INET6_ADDRSTRLEN];

	if (inet_ntop(AF_INET6, ip, t, sizeof(t)))
		strato_puts(o, t);
	strato_putc(o, ':');
	strato_putu(o, port);
}

/* IPv4-mapped (::ffff:a.b.c.d) or all-zero IPv6 addresses print as IPv4. */
static int strato_v4mapped(const uint8_t *ip)
{
	static const uint8_t zero[12];

	if (memcmp(ip, zero, 10))
		return 0;
	if (ip[10] == 0xff && ip[11] == 0xff)
		return 1;
	return !memcmp(ip + 10, zero, 6);
}

static void strato_put_family(struct strato_out *o, uint8_t fam)
{
	strato_puts(o, "family ");
	strato_puti(o, (int8_t)fam);
}

static void strato_put_sockaddr(struct strato_out *o, const uint8_t *p, size_t n)
{
	switch (p[0]) {
	case STRATO_AF_UNIX:
		strato_put_sanitized(o, p + 1, n - 1);
		break;
	case STRATO_AF_INET:
		if (n == 7)
			strato_put_ipv4(o, p + 1, strato_ld16(p + 5));
		else
			strato_puts(o, "INVALID IPv4");
		break;
	case STRATO_AF_INET6:
		if (n == 19)
			strato_put_ipv6(o, p + 1, strato_ld16(p + 17));
		else
			strato_puts(o, "INVALID IPv6");
		break;
	default:
		strato_put_family(o, p[0]);
	}
}

static void strato_put_socktuple(struct strato_out *o, const uint8_t *p, size_t n)
{
	switch (p[0]) {
	case STRATO_AF_INET:
		if (n != 13) {
			strato_puts(o, "INVALID IPv4");
			break;
		}
		strato_put_ipv4(o, p + 1, strato_ld16(p + 5));
		strato_putn(o, "->", 2);
		strato_put_ipv4(o, p + 7, strato_ld16(p + 11));
		break;
	case STRATO_AF_INET6:
		if (n != 37) {
			strato_puts(o, "INVALID IPv6");
		} else if (strato_v4mapped(p + 1) && strato_v4mapped(p + 19)) {
			strato_put_ipv4(o, p + 13, strato_ld16(p + 17));
			strato_putn(o, "->", 2);
			strato_put_ipv4(o, p + 31, strato_ld16(p + 35));
		} else {
			strato_put_ipv6(o, p + 1, strato_ld16(p + 17));
			strato_putn(o, "->", 2);
			strato_put_ipv6(o, p + 19, strato_ld16(p + 35));
		}
		break;
	case STRATO_AF_UNIX:
		if (n < 17) {
			strato_puts(o, "INVALID PATH");
			break;
		}
		strato_putx(o, strato_ld64(p + 1), 0);
		strato_putn(o, "->", 2);
		strato_putx(o, strato_ld64(p + 9), 0);
		strato_putc(o, ' ');
		strato_put_sanitized(o, p + 17, n - 17);
		break;
	default:
		strato_put_family(o, p[0]);
	}
}

/* u16 count, then per fd an i64 fd and i16 poll flags: "fd:Tflags" with
 * the fd's type tag T ('?' unknown) and the flags in hex, space-separated. */
static void strato_put_fdlist(struct strato_out *o, const struct strato_event *ev, const struct strato_resolver *res,
			      const uint8_t *p, size_t n)
{
	unsigned cnt = n >= 2 ? strato_ld16(p) : 0;

	for (unsigned i = 0; i < cnt && 2 + (size_t)i * 10 + 10 <= n; i++) {
		const uint8_t *e = p + 2 + (size_t)i * 10;
		int64_t fd = (int64_t)strato_ld64(e);
		char tc[2] = {'?', 0};

		if (i)
			strato_putc(o, ' ');
		strato_putu(o, (uint64_t)fd);
		strato_putc(o, ':');
		if (res && res->fn && res->fn(res->ctx, ev, STRATO_RESOLVE_FD_TYPE, fd, tc, sizeof(tc)) != 1)
			tc[0] = '?';
		strato_putc(o, tc[0]);
		strato_putx(o, (uint32_t)(int32_t)(int16_t)strato_ld16(e + 8), 0);
	}
}

/* Appends `p` (n bytes or up to its NUL) to the directory at t[0..tl) the
 * way sysdig resolves paths: "./" and a final "." vanish, "../" and a final
 * ".." climb one directory (never above the first character), doubled
 * slashes merge, a final '/' goes, unprintable characters become '.'.
 * Returns the new length; t holds at least STRATO_PATH_MAX bytes. */
static size_t strato_path_append(char *t, size_t tl, const uint8_t *p, size_t n)
{
	size_t i = 0;

#define STRATO_AT(k) ((k) < n ? p[k] : 0)
	while (i < n && p[i] && tl < STRATO_PATH_MAX - 2) {
		uint8_t c = p[i];

		if (!strato_printable(c)) {
			t[tl++] = '.';
			i++;
		} else if (c == '.' && STRATO_AT(i + 1) == '.' && (STRATO_AT(i + 2) == '/' || !STRATO_AT(i + 2))) {
			/* climb: drop the last component of what is written */
			if (tl > 1) {
				tl--;
				while (tl >= 1 && t[tl - 1] != '/')
					tl--;
			}
			i += STRATO_AT(i + 2) ? 3 : 2;
		} else if (c == '.' && STRATO_AT(i + 1) == '.') {
			t[tl++] = '.';
			t[tl++] = '.';
			i += 2;
		} else if (c == '.' && STRATO_AT(i + 1) == '/') {
			i += 2;
		} else if (c == '.' && !STRATO_AT(i + 1)) {
			i++;
		} else if (c == '/' && tl > 0 && t[tl - 1] == '/') {
			i++;
		} else {
			t[tl++] = (char)c;
			i++;
		}
	}
#undef STRATO_AT
	if (tl > 1 && t[tl - 1] == '/')
		tl--;
	return tl;
}

/* FSPATH / FSRELPATH: the path without unprintable characters, then, for a
 * relative path, "(the path resolved against its base directory)". The base
 * is the thread's cwd, or for FSRELPATH the directory of its dirfd
 * parameter; sysdig uses "" for a base it does not know, as here. */
static void strato_put_path(struct strato_out *o, const struct strato_event *ev, const struct strato_resolver *res,
			    const struct strato_param_info *pi, const struct strato_param_info *all, unsigned nall,
			    const uint8_t *p, size_t n)
{
	char t[STRATO_PATH_MAX];
	int64_t dirfd = STRATO_AT_FDCWD;
	int bl = -1;

	strato_put_sanitized(o, p, n);
	if (p[0] == '/' || (n >= 4 && !memcmp(p, "<NA>", 4)))
		return;
	if (pi->type == STRATO_PT_FSRELPATH && pi->dirfd >= 0 && (unsigned)pi->dirfd < nall &&
	    (unsigned)pi->dirfd < ev->nparams && all[pi->dirfd].type == STRATO_PT_FD && ev->plen[pi->dirfd] == 8)
		dirfd = (int64_t)strato_ld64(ev->raw + ev->poff[pi->dirfd]);
	if (dirfd == STRATO_AT_FDCWD) {
		if (res && res->fn)
			bl = res->fn(res->ctx, ev, STRATO_RESOLVE_CWD, 0, t, sizeof(t));
		if (bl < 0 || (size_t)bl >= sizeof(t))
			bl = 0;
	} else {
		/* the dirfd's directory, sanitized, plus '/'; "" when unknown */
		int dl = res && res->fn ? res->fn(res->ctx, ev, STRATO_RESOLVE_DIRFD, dirfd, t, sizeof(t) - 1) : -1;

		bl = 0;
		if (dl > 0) {
			for (int i = 0; i < dl && i < (int)sizeof(t) - 2; i++)
				if (strato_printable((uint8_t)t[i]))
					t[bl++] = t[i];
			t[bl++] = '/';
		}
	}
	if ((size_t)bl + n + 2 > sizeof(t)) {
		strato_puts(o, "(/PATH_TOO_LONG)");
		return;
	}
	bl = (int)strato_path_append(t, (size_t)bl, p, n);
	if (bl) { /* sysdig shows no parentheses for an empty result */
		strato_putc(o, '(');
		strato_putn(o, t, (size_t)bl);
		strato_putc(o, ')');
	}
}

static void strato_put_abstime(struct strato_out *o, uint64_t v)
{
	time_t sec = (time_t)(v / 1000000000u);
	struct tm tm;
	char t[64];
	size_t n;

	localtime_r(&sec, &tm);
	n = strftime(t, sizeof(t), "%Y-%m-%d %H:%M:%S.", &tm);
	n += (size_t)snprintf(t + n, sizeof(t) - n, "%09u", (unsigned)(v % 1000000000u));
	n += strftime(t + n, sizeof(t) - n, " %z", &tm);
	strato_putn(o, t, n);
}

/* The fixed size of the scap encoding of `t`, 0 for variable-size types. */
static size_t strato_fixed_len(enum strato_ptype t)
{
	switch (t) {
	case STRATO_PT_INT8:
	case STRATO_PT_UINT8:
	case STRATO_PT_SIGTYPE:
		return 1;
	case STRATO_PT_INT16:
	case STRATO_PT_UINT16:
	case STRATO_PT_SYSCALLID:
		return 2;
	case STRATO_PT_FLAGS8:
	case STRATO_PT_ENUMFLAGS8:
		return 1;
	case STRATO_PT_FLAGS16:
	case STRATO_PT_ENUMFLAGS16:
		return 2;
	case STRATO_PT_INT32:
	case STRATO_PT_UINT32:
	case STRATO_PT_FLAGS32:
	case STRATO_PT_ENUMFLAGS32:
	case STRATO_PT_UID:
	case STRATO_PT_GID:
	case STRATO_PT_MODE:
	case STRATO_PT_SIGSET:
		return 4;
	case STRATO_PT_INT64:
	case STRATO_PT_UINT64:
	case STRATO_PT_ERRNO:
	case STRATO_PT_FD:
	case STRATO_PT_PID:
	case STRATO_PT_RELTIME:
	case STRATO_PT_ABSTIME:
		return 8;
	default:
		return 0;
	}
}

/* One value of type `t` (for DYN parameters, the selected type) whose
 * description is `pi`. */
static void strato_put_value(struct strato_out *o, const struct strato_event *ev, const struct strato_resolver *res,
			     enum strato_ptype t, const struct strato_param_info *pi,
			     const struct strato_param_info *all, unsigned nall, const uint8_t *p, size_t n)
{
	size_t fl = strato_fixed_len(t);

	if (fl && n != fl) {
		strato_puts(o, "<NA>"); /* wrong width: no value to show */
		return;
	}
	switch (t) {
	case STRATO_PT_INT8:
	case STRATO_PT_INT16:
	case STRATO_PT_INT32:
	case STRATO_PT_INT64:
	case STRATO_PT_UINT8:
	case STRATO_PT_UINT16:
	case STRATO_PT_UINT32:
	case STRATO_PT_UINT64:
		strato_put_int(o, t, pi->fmt, p);
		break;
	case STRATO_PT_ERRNO: {
		int64_t v = (int64_t)strato_ld64(p);
		const char *e = v < 0 ? strato_errno_name(v) : NULL;

		strato_puti(o, v);
		if (e) {
			strato_putc(o, '(');
			strato_puts(o, e);
			strato_putc(o, ')');
		}
		break;
	}
	case STRATO_PT_FD: {
		int64_t fd = (int64_t)strato_ld64(p);
		const char *e;

		strato_puti(o, fd);
		if (fd >= 0) {
			strato_put_resolved(o, res, ev, STRATO_RESOLVE_FD, fd);
		} else if (fd == STRATO_AT_FDCWD) {
			strato_puts(o, "(AT_FDCWD)");
		} else if ((e = strato_errno_name(fd))) {
			strato_putc(o, '(');
			strato_puts(o, e);
			strato_putc(o, ')');
		}
		break;
	}
	case STRATO_PT_PID: {
		int64_t pid = (int64_t)strato_ld64(p);

		strato_puti(o, pid);
		/* the event's own thread always exists for sysdig, named "<NA>"
		 * until something tells its comm */
		if (!strato_put_resolved(o, res, ev, STRATO_RESOLVE_PID, pid) && pid == strato_event_tid(ev))
			strato_puts(o, "(<NA>)");
		break;
	}
	case STRATO_PT_CHARBUF:
		/* printed as is, unprintable bytes included (sysdig's "%s") */
		strato_putn(o, (const char *)p, strnlen((const char *)p, n));
		break;
	case STRATO_PT_FSPATH:
	case STRATO_PT_FSRELPATH:
		strato_put_path(o, ev, res, pi, all, nall, p, n);
		break;
	case STRATO_PT_BYTEBUF:
		strato_put_bytes(o, p, n);
		break;
	case STRATO_PT_SOCKADDR:
		strato_put_sockaddr(o, p, n);
		break;
	case STRATO_PT_SOCKTUPLE:
		strato_put_socktuple(o, p, n);
		break;
	case STRATO_PT_FDLIST:
		strato_put_fdlist(o, ev, res, p, n);
		break;
	case STRATO_PT_SYSCALLID: {
		uint16_t sc = strato_ld16(p);

		if (sc >= STRATO_SYSCALL_NAMES || !strato_syscall_names[sc]) {
			strato_puts(o, "<unknown syscall>");
			break;
		}
		strato_putu(o, sc);
		strato_putc(o, '(');
		strato_puts(o, strato_syscall_names[sc]);
		strato_putc(o, ')');
		break;
	}
	case STRATO_PT_SIGTYPE:
		strato_putu(o, p[0]);
		if (p[0] > 0 && p[0] < 32) {
			strato_putc(o, '(');
			strato_puts(o, strato_signal_names[p[0]]);
			strato_putc(o, ')');
		}
		break;
	case STRATO_PT_RELTIME: {
		uint64_t v = strato_ld64(p);
		char tmp[40];
		int k;

		if (v == UINT64_MAX) {
			strato_puts(o, "none");
			break;
		}
		strato_putu(o, v);
		k = snprintf(tmp, sizeof(tmp), "(%gs)", (double)v / 1000000000);
		strato_putn(o, tmp, (size_t)k);
		break;
	}
	case STRATO_PT_ABSTIME:
		strato_put_abstime(o, strato_ld64(p));
		break;
	case STRATO_PT_FLAGS8:
	case STRATO_PT_FLAGS16:
	case STRATO_PT_FLAGS32:
	case STRATO_PT_ENUMFLAGS8:
	case STRATO_PT_ENUMFLAGS16:
	case STRATO_PT_ENUMFLAGS32: {
		uint32_t v = fl == 1 ? p[0] : fl == 2 ? strato_ld16(p) : strato_ld32(p);

		strato_putu(o, v);
		strato_put_flags(o, pi->flags, v, t >= STRATO_PT_ENUMFLAGS8);
		break;
	}
	case STRATO_PT_MODE:
		strato_put_int(o, STRATO_PT_UINT32, pi->fmt, p);
		strato_put_flags(o, pi->flags, strato_ld32(p), 0);
		break;
	case STRATO_PT_UID:
	case STRATO_PT_GID: {
		uint32_t v = strato_ld32(p);

		if (v == UINT32_MAX) {
			strato_puts(o, "-1(<NONE>)");
			break;
		}
		strato_puti(o, (int32_t)v);
		if (!strato_put_resolved(o, res, ev, t == STRATO_PT_UID ? STRATO_RESOLVE_UID : STRATO_RESOLVE_GID, v))
			strato_puts(o, "(<NA>)");
		break;
	}
	case STRATO_PT_SIGSET: {
		uint32_t v = strato_ld32(p);
		int first = 1;

		for (int s = 0; s < 31; s++) {
			if (v & (1u << s)) {
				if (!first)
					strato_putc(o, ' ');
				strato_puts(o, strato_signal_names[s + 1]);
				first = 0;
			}
		}
		break;
	}
	case STRATO_PT_DYN:
		if (pi->dyn && p[0] < pi->dyn->n && pi->dyn->types[p[0]] != STRATO_PT_DYN)
			strato_put_value(o, ev, res, pi->dyn->types[p[0]], pi, all, nall, p + 1, n - 1);
		else
			strato_puts(o, "INVALID DYNAMIC PARAMETER");
		break;
	default:
		/* neither sysdig nor current libs print these types in %evt.args */
		strato_puts(o, "(n.a.)");
	}
}

/* The description sysdig uses for parameter idx: the 2022 one for the
 * parameters the 2022 layout has, the current one after them. */
static const struct strato_param_info *strato_param_desc(const struct strato_event_info *ei, unsigned idx,
							 const struct strato_param_info **all, unsigned *nall)
{
	if (ei->params_2022 && (int)idx < ei->nparams_2022) {
		*all = ei->params_2022;
		*nall = (unsigned)ei->nparams_2022;
	} else {
		*all = ei->params;
		*nall = ei->nparams;
	}
	return idx < *nall ? &(*all)[idx] : NULL;
}

static void strato_put_param(struct strato_out *o, const struct strato_event *ev, const struct strato_event_info *ei,
			     unsigned idx, const struct strato_resolver *res)
{
	/* a parameter the table does not describe: shown as raw bytes */
	static const struct strato_param_info raw = {"?", STRATO_PT_BYTEBUF, 0, -1, NULL, NULL};
	const struct strato_param_info *all = &raw, *pi = NULL;
	unsigned nall = 0;
	const uint8_t *p = ev->raw + ev->poff[idx];
	size_t n = ev->plen[idx];

	if (ei)
		pi = strato_param_desc(ei, idx, &all, &nall);
	if (!pi)
		pi = &raw;
	if (!n) {
		/* Empty: what sysdig shows for the types 2022 drivers leave empty,
		 * current libs' "<NA>"/"NULL" for the others. */
		switch (pi->type) {
		case STRATO_PT_BYTEBUF:
			break;
		case STRATO_PT_SOCKADDR:
		case STRATO_PT_SOCKTUPLE:
		case STRATO_PT_FDLIST:
		case STRATO_PT_DYN:
			strato_puts(o, "NULL");
			break;
		default:
			strato_puts(o, "<NA>");
		}
		return;
	}
	strato_put_value(o, ev, res, pi->type, pi, all, nall, p, n);
}

static int strato_out_end(struct strato_out *o)
{
	if (o->len)
		o->buf[o->pos < o->len ? o->pos : o->len - 1] = 0;
	return o->pos > INT32_MAX ? INT32_MAX : (int)o->pos;
}

int strato_event_format_param_ex(const struct strato_event *ev, unsigned idx, const struct strato_resolver *res,
				 char *buf, size_t len)
{
	struct strato_out o = {buf, len, 0};

	if (len)
		buf[0] = 0;
	if (idx >= ev->nparams)
		return -ERANGE;
	strato_put_param(&o, ev, strato_event_info_get(ev->type), idx, res);
	return strato_out_end(&o);
}

int strato_event_format_args_ex(const struct strato_event *ev, const struct strato_resolver *res, char *buf, size_t len)
{
	const struct strato_event_info *ei = strato_event_info_get(ev->type);
	struct strato_out o = {buf, len, 0};
	unsigned n;

	if (len)
		buf[0] = 0;
	/* sysdig hides the arguments of generic syscall events */
	if (!ei || ev->type <= 1)
		return 0;
	n = ev->nparams < ei->nparams ? ev->nparams : ei->nparams;
	for (unsigned i = 0; i < n; i++) {
		const struct strato_param_info *all;
		unsigned nall;
		const struct strato_param_info *pi = strato_param_desc(ei, i, &all, &nall);

		strato_puts(&o, pi ? pi->name : ei->params[i].name);
		strato_putc(&o, '=');
		strato_put_param(&o, ev, ei, i, res);
		strato_putc(&o, ' ');
	}
	return strato_out_end(&o);
}

int strato_event_format_param(const strato_event *ev, unsigned idx, char *buf, size_t len)
{
	return strato_event_format_param_ex(ev, idx, NULL, buf, len);
}

int strato_event_format_args(const strato_event *ev, char *buf, size_t len)
{
	return strato_event_format_args_ex(ev, NULL, buf, len);
}
