/* bindings/lua/stratocore.c: the Lua module `require "stratocore"`: captures,
 * events, parameters, fields, filters and the writer of libstratocore. */
#include <stratocore/stratocore.h>

#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lstrato.h"

/* Names of the parameter and field types (enum strato_ptype order). */
static const char *const strato_lua_ptype_names[] = {
    "NONE",
    "INT8",
    "INT16",
    "INT32",
    "INT64",
    "UINT8",
    "UINT16",
    "UINT32",
    "UINT64",
    "CHARBUF",
    "BYTEBUF",
    "ERRNO",
    "SOCKADDR",
    "SOCKTUPLE",
    "FD",
    "PID",
    "FDLIST",
    "FSPATH",
    "SYSCALLID",
    "SIGTYPE",
    "RELTIME",
    "ABSTIME",
    "PORT",
    "L4PROTO",
    "SOCKFAMILY",
    "BOOL",
    "IPV4ADDR",
    "DYN",
    "FLAGS8",
    "FLAGS16",
    "FLAGS32",
    "UID",
    "GID",
    "DOUBLE",
    "SIGSET",
    "CHARBUFARRAY",
    "CHARBUF_PAIR_ARRAY",
    "IPV4NET",
    "IPV6ADDR",
    "IPV6NET",
    "IPADDR",
    "IPNET",
    "MODE",
    "FSRELPATH",
    "ENUMFLAGS8",
    "ENUMFLAGS16",
    "ENUMFLAGS32",
    "FD32",
    "PID32",
};

const char *strato_lua_ptype_name(enum strato_ptype t)
{
	size_t n = sizeof(strato_lua_ptype_names) / sizeof(strato_lua_ptype_names[0]);

	return (size_t)t < n ? strato_lua_ptype_names[t] : "UNKNOWN";
}

/* Run-time failure: nil, message, code (the positive errno or STRATO_E*). */
int strato_lua_fail(lua_State *L, int rc, const char *msg)
{
	lua_pushnil(L);
	lua_pushstring(L, msg && *msg ? msg : strato_strerror(rc));
	lua_pushinteger(L, rc < 0 ? -rc : rc);
	return 3;
}

/* Sets the metatable `tname` on the value on top of the stack. */
void strato_lua_setmeta(lua_State *L, const char *tname)
{
	luaL_getmetatable(L, tname);
	lua_setmetatable(L, -2);
}

/* ---- captures ---- */

static struct strato_lua_cap *strato_lua_tocap(lua_State *L, int idx)
{
	return luaL_checkudata(L, idx, STRATO_LUA_CAP);
}

/* The open capture at `idx`; using a closed one is a programming error. */
static struct strato_lua_cap *strato_lua_checkcap(lua_State *L, int idx)
{
	struct strato_lua_cap *c = strato_lua_tocap(L, idx);

	if (!c->cap)
		luaL_error(L, "capture is closed");
	return c;
}

strato_capture *strato_lua_checkcapture(lua_State *L, int idx)
{
	return strato_lua_checkcap(L, idx)->cap;
}

/* Pushes a closed capture userdata whose user value is its field cache.
 * It is created before any C resource so a Lua error (bad option, no
 * memory) never leaks one. */
static struct strato_lua_cap *strato_lua_newcap(lua_State *L, int live)
{
	struct strato_lua_cap *c = STRATO_LUA_NEWUD(L, sizeof(*c));

	memset(c, 0, sizeof(*c));
	c->live = live;
	strato_lua_setmeta(L, STRATO_LUA_CAP);
	lua_newtable(L);
	STRATO_LUA_SETUV(L, -2);
	return c;
}

/* Reads an array of strings or integers from option `key` at table `t`. */
static size_t strato_lua_optarray(lua_State *L, int t, const char *key)
{
	size_t n;

	luaL_argcheck(L, lua_istable(L, t), 1, "option must be an array");
#if LUA_VERSION_NUM >= 502
	n = lua_rawlen(L, t);
#else
	n = lua_objlen(L, t);
#endif
	(void)key;
	return n;
}

static int strato_lua_open_live(lua_State *L)
{
	STRATO_OPTS(strato_live_opts, opts);
	struct strato_lua_cap *c;
	const char **sys = NULL;
	int32_t *pids = NULL;
	int rc;

	/* slots 2 and 3 anchor the arrays below while the options are walked */
	lua_settop(L, 3);
	if (!lua_isnil(L, 1)) {
		luaL_checktype(L, 1, LUA_TTABLE);
		lua_pushnil(L);
		while (lua_next(L, 1)) {
			const char *k;

			if (lua_type(L, -2) != LUA_TSTRING)
				luaL_error(L, "open_live: option names are strings");
			k = lua_tostring(L, -2);
			if (!strcmp(k, "snaplen")) {
				opts.snaplen = (uint32_t)luaL_checkinteger(L, -1);
			} else if (!strcmp(k, "buffer_bytes") || !strcmp(k, "buffer_size")) {
				opts.buffer_bytes = (uint32_t)luaL_checkinteger(L, -1);
			} else if (!strcmp(k, "timeout_ms")) {
				opts.timeout_ms = (int)luaL_checkinteger(L, -1);
			} else if (!strcmp(k, "follow_children")) {
				opts.follow_children = lua_toboolean(L, -1);
			} else if (!strcmp(k, "include_self")) {
				opts.include_self = lua_toboolean(L, -1);
			} else if (!strcmp(k, "drop_failed")) {
				opts.drop_failed = lua_toboolean(L, -1);
			} else if (!strcmp(k, "syscalls")) {
				size_t n = strato_lua_optarray(L, lua_gettop(L), k);

				/* userdata storage: collected if an error follows */
				sys = lua_newuserdata(L, (n ? n : 1) * sizeof(*sys));
				lua_replace(L, 2);
				for (size_t i = 0; i < n; i++) {
					lua_rawgeti(L, -1, (int)i + 1);
					if (lua_type(L, -1) != LUA_TSTRING)
						luaL_error(L, "open_live: syscalls[%d] is not a string", (int)i + 1);
					sys[i] = lua_tostring(L, -1); /* anchored by the options table */
					lua_pop(L, 1);
				}
				opts.syscalls = sys;
				opts.nsyscalls = n;
			} else if (!strcmp(k, "pids")) {
				size_t n = strato_lua_optarray(L, lua_gettop(L), k);

				pids = lua_newuserdata(L, (n ? n : 1) * sizeof(*pids));
				lua_replace(L, 3);
				for (size_t i = 0; i < n; i++) {
					lua_rawgeti(L, -1, (int)i + 1);
					if (!lua_isnumber(L, -1))
						luaL_error(L, "open_live: pids[%d] is not a number", (int)i + 1);
					pids[i] = (int32_t)lua_tointeger(L, -1);
					lua_pop(L, 1);
				}
				opts.pids = pids;
				opts.npids = n;
			} else {
				luaL_error(L, "open_live: unknown option '%s'", k);
			}
			lua_pop(L, 1);
		}
	}
	c = strato_lua_newcap(L, 1);
	rc = strato_capture_open_live(&c->cap, &opts);
	if (rc)
		return strato_lua_fail(L, rc, strato_last_error());
	return 1;
}

static int strato_lua_open_file(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);
	struct strato_lua_cap *c = strato_lua_newcap(L, 0);
	int rc = strato_capture_open_file(&c->cap, path, NULL);

	if (rc)
		return strato_lua_fail(L, rc, strato_last_error());
	return 1;
}

static int strato_lua_cap_close(lua_State *L)
{
	struct strato_lua_cap *c = strato_lua_tocap(L, 1);

	if (c->cap) {
		c->gen++; /* the lent event dies with the capture */
		strato_capture_close(c->cap);
		c->cap = NULL;
	}
	return 0;
}

static int strato_lua_cap_tostring(lua_State *L)
{
	struct strato_lua_cap *c = strato_lua_tocap(L, 1);

	lua_pushfstring(L, "stratocore.capture (%s, %s): %p", c->live ? "live" : "file", c->cap ? "open" : "closed",
			(void *)c);
	return 1;
}

/* Pushes a proxy for `ev`, lent by the capture at `capidx`. */
static void strato_lua_pushev(lua_State *L, int capidx, struct strato_lua_cap *c, const strato_event *ev)
{
	struct strato_lua_ev *e = STRATO_LUA_NEWUD(L, sizeof(*e));

	e->ev = ev;
	e->owned = NULL;
	e->cap = c;
	e->gen = c->gen;
	strato_lua_setmeta(L, STRATO_LUA_EV);
	lua_pushvalue(L, capidx);
	STRATO_LUA_SETUV(L, -2);
}

/* One step of the capture: the generation moves first, since the C library
 * invalidates the previous event as soon as next() is called, whatever it
 * returns. Returns the status; on STRATO_EVENT the proxy is pushed. */
static int strato_lua_step(lua_State *L, int capidx, struct strato_lua_cap *c)
{
	const strato_event *ev;
	int rc;

	c->gen++;
	rc = strato_capture_next(c->cap, &ev);
	if (rc == STRATO_EVENT)
		strato_lua_pushev(L, capidx, c, ev);
	return rc;
}

/* cap:next() -> event | false (timeout) | nil (end) | nil, msg, code */
static int strato_lua_cap_next(lua_State *L)
{
	struct strato_lua_cap *c = strato_lua_checkcap(L, 1);
	int rc = strato_lua_step(L, 1, c);

	if (rc == STRATO_EVENT)
		return 1;
	if (rc == STRATO_TIMEOUT) {
		lua_pushboolean(L, 0);
		return 1;
	}
	if (rc == STRATO_EOF) {
		lua_pushnil(L);
		return 1;
	}
	return strato_lua_fail(L, rc, strato_capture_errmsg(c->cap));
}

/* The iterator of cap:events(): upvalue 1 is the capture, 2 says whether
 * timeouts are handed to the loop as `false`. Errors are raised, since a
 * generic for cannot see a second return value. */
static int strato_lua_events_iter(lua_State *L)
{
	struct strato_lua_cap *c = luaL_checkudata(L, lua_upvalueindex(1), STRATO_LUA_CAP);
	int timeouts = lua_toboolean(L, lua_upvalueindex(2));

	if (!c->cap)
		return luaL_error(L, "capture is closed");
	for (;;) {
		int rc = strato_lua_step(L, lua_upvalueindex(1), c);

		if (rc == STRATO_EVENT)
			return 1;
		if (rc == STRATO_EOF) {
			lua_pushnil(L);
			return 1;
		}
		if (rc == STRATO_TIMEOUT) {
			if (!timeouts)
				continue;
			lua_pushboolean(L, 0);
			return 1;
		}
		return luaL_error(L, "capture failed: %s", strato_capture_errmsg(c->cap));
	}
}

/* cap:events([{timeouts = true}]) -> iterator */
static int strato_lua_cap_events(lua_State *L)
{
	int timeouts = 0;

	strato_lua_checkcap(L, 1);
	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		lua_getfield(L, 2, "timeouts");
		timeouts = lua_toboolean(L, -1);
		lua_pop(L, 1);
	}
	lua_pushvalue(L, 1);
	lua_pushboolean(L, timeouts);
	lua_pushcclosure(L, strato_lua_events_iter, 2);
	return 1;
}

static int strato_lua_cap_stats(lua_State *L)
{
	struct strato_lua_cap *c = strato_lua_checkcap(L, 1);
	STRATO_OPTS(strato_stats, st);
	int rc = strato_capture_stats(c->cap, &st);

	if (rc)
		return strato_lua_fail(L, rc, strato_last_error());
	lua_createtable(L, 0, 6);
	lua_pushinteger(L, (lua_Integer)st.events);
	lua_setfield(L, -2, "events");
	lua_pushinteger(L, (lua_Integer)st.drops);
	lua_setfield(L, -2, "drops");
	lua_pushinteger(L, (lua_Integer)st.drops_buffer);
	lua_setfield(L, -2, "drops_buffer");
	lua_pushinteger(L, (lua_Integer)st.drops_other);
	lua_setfield(L, -2, "drops_other");
	lua_pushinteger(L, (lua_Integer)st.skipped_unknown);
	lua_setfield(L, -2, "skipped_unknown");
	lua_pushinteger(L, (lua_Integer)st.received);
	lua_setfield(L, -2, "received");
	return 1;
}

static int strato_lua_cap_breakloop(lua_State *L)
{
	strato_capture_break(strato_lua_checkcap(L, 1)->cap);
	return 0;
}

static int strato_lua_cap_fd(lua_State *L)
{
	int fd = strato_capture_get_fd(strato_lua_checkcap(L, 1)->cap);

	if (fd < 0)
		return strato_lua_fail(L, fd, strato_last_error());
	lua_pushinteger(L, fd);
	return 1;
}

static int strato_lua_cap_errmsg(lua_State *L)
{
	struct strato_lua_cap *c = strato_lua_tocap(L, 1);

	lua_pushstring(L, c->cap ? strato_capture_errmsg(c->cap) : "");
	return 1;
}

static int strato_lua_cap_is_live(lua_State *L)
{
	lua_pushboolean(L, strato_lua_tocap(L, 1)->live);
	return 1;
}

/* ---- events ---- */

/* The event behind the proxy at `idx`, or a raised "event expired". */
const strato_event *strato_lua_checkev(lua_State *L, int idx)
{
	struct strato_lua_ev *e = luaL_checkudata(L, idx, STRATO_LUA_EV);

	if (e->owned)
		return e->owned;
	if (!e->cap->cap || e->gen != e->cap->gen)
		luaL_error(L, "event expired (events are valid until the next one; use ev:clone() to keep one)");
	return e->ev;
}

static int strato_lua_ev_valid(lua_State *L)
{
	struct strato_lua_ev *e = luaL_checkudata(L, 1, STRATO_LUA_EV);

	lua_pushboolean(L, e->owned || (e->cap->cap && e->gen == e->cap->gen));
	return 1;
}

static int strato_lua_ev_name(lua_State *L)
{
	lua_pushstring(L, strato_event_name(strato_lua_checkev(L, 1)));
	return 1;
}

static int strato_lua_ev_type(lua_State *L)
{
	lua_pushinteger(L, strato_event_type(strato_lua_checkev(L, 1)));
	return 1;
}

static int strato_lua_ev_ts(lua_State *L)
{
	lua_pushinteger(L, (lua_Integer)strato_event_ts(strato_lua_checkev(L, 1)));
	return 1;
}

static int strato_lua_ev_tid(lua_State *L)
{
	lua_pushinteger(L, (lua_Integer)strato_event_tid(strato_lua_checkev(L, 1)));
	return 1;
}

static int strato_lua_ev_cpu(lua_State *L)
{
	lua_pushinteger(L, strato_event_cpu(strato_lua_checkev(L, 1)));
	return 1;
}

static int strato_lua_ev_num(lua_State *L)
{
	lua_pushinteger(L, (lua_Integer)strato_event_num(strato_lua_checkev(L, 1)));
	return 1;
}

static int strato_lua_ev_nparams(lua_State *L)
{
	lua_pushinteger(L, strato_event_nparams(strato_lua_checkev(L, 1)));
	return 1;
}

static int strato_lua_ev_dump_flags(lua_State *L)
{
	lua_pushinteger(L, strato_event_dump_flags(strato_lua_checkev(L, 1)));
	return 1;
}

/* Parameter index (0-based) from argument `arg`: a 1-based number or a
 * name. Returns -1 when the event has no such parameter. */
static int strato_lua_param_idx(lua_State *L, const strato_event *ev, int arg)
{
	if (lua_type(L, arg) == LUA_TNUMBER) {
		lua_Integer i = luaL_checkinteger(L, arg);

		return i >= 1 && i <= (lua_Integer)strato_event_nparams(ev) ? (int)(i - 1) : -1;
	}
	int idx = strato_event_param_index(ev, luaL_checkstring(L, arg));

	return idx < 0 ? -1 : idx;
}

/* Pushes parameter `idx` as its natural Lua value: integers, booleans,
 * strings (paths without their NUL), byte buffers as strings, and text for
 * addresses, tuples and the other structured types. Empty: nil. */
static void strato_lua_pushparam(lua_State *L, const strato_event *ev, unsigned idx)
{
	enum strato_ptype t = STRATO_PT_NONE;
	const void *data;
	size_t len;
	int64_t v;
	char buf[512];
	int n;

	strato_event_type_param(strato_event_type(ev), idx, NULL, &t);
	if (strato_event_param(ev, idx, &data, &len)) {
		lua_pushnil(L);
		return;
	}
	switch (t) {
	case STRATO_PT_CHARBUF:
	case STRATO_PT_FSPATH:
	case STRATO_PT_FSRELPATH:
		lua_pushlstring(L, data, strnlen(data, len));
		return;
	case STRATO_PT_BYTEBUF:
		lua_pushlstring(L, data, len);
		return;
	case STRATO_PT_BOOL:
		if (strato_event_param_int(ev, idx, &v) == 0) {
			lua_pushboolean(L, v != 0);
			return;
		}
		break;
	default:
		if (strato_event_param_int(ev, idx, &v) == 0) {
			lua_pushinteger(L, (lua_Integer)v);
			return;
		}
		break;
	}
	n = strato_event_format_param(ev, idx, buf, sizeof(buf));
	lua_pushlstring(L, buf, n < 0 ? 0 : (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* ev:param(i | name) -> value (nil when absent or empty) */
static int strato_lua_ev_param(lua_State *L)
{
	const strato_event *ev = strato_lua_checkev(L, 1);
	int idx = strato_lua_param_idx(L, ev, 2);

	if (idx < 0)
		lua_pushnil(L);
	else
		strato_lua_pushparam(L, ev, (unsigned)idx);
	return 1;
}

/* ev:params() -> {name = value, ...} */
static int strato_lua_ev_params(lua_State *L)
{
	const strato_event *ev = strato_lua_checkev(L, 1);
	unsigned n = strato_event_nparams(ev);

	lua_createtable(L, 0, (int)n);
	for (unsigned i = 0; i < n; i++) {
		const char *name = NULL;

		if (strato_event_type_param(strato_event_type(ev), i, &name, NULL) || !name)
			continue;
		strato_lua_pushparam(L, ev, i);
		lua_setfield(L, -2, name);
	}
	return 1;
}

/* Pushes text produced by a snprintf-like call that needed `n` bytes. */
void strato_lua_pushformatted(lua_State *L, const char *buf, int n, size_t cap)
{
	lua_pushlstring(L, buf, n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1);
}

/* ev:format_param(i | name) -> text as %evt.args shows it */
static int strato_lua_ev_format_param(lua_State *L)
{
	const strato_event *ev = strato_lua_checkev(L, 1);
	int idx = strato_lua_param_idx(L, ev, 2);
	char buf[1024];

	if (idx < 0) {
		lua_pushnil(L);
		return 1;
	}
	strato_lua_pushformatted(L, buf, strato_event_format_param(ev, (unsigned)idx, buf, sizeof(buf)), sizeof(buf));
	return 1;
}

/* ev:args() -> "fd=3 name=/etc/passwd ..." */
static int strato_lua_ev_args(lua_State *L)
{
	const strato_event *ev = strato_lua_checkev(L, 1);
	char buf[4096];

	strato_lua_pushformatted(L, buf, strato_event_format_args(ev, buf, sizeof(buf)), sizeof(buf));
	return 1;
}

/* ev:raw() -> the event's scap encoding as a string */
static int strato_lua_ev_raw(lua_State *L)
{
	const strato_event *ev = strato_lua_checkev(L, 1);
	const void *data;
	size_t len;

	strato_event_raw(ev, &data, &len);
	lua_pushlstring(L, data, len);
	return 1;
}

/* ev:clone() -> an event that never expires (it keeps only its own data) */
static int strato_lua_ev_clone(lua_State *L)
{
	const strato_event *ev = strato_lua_checkev(L, 1);
	struct strato_lua_ev *e;
	int rc;

	e = STRATO_LUA_NEWUD(L, sizeof(*e));
	memset(e, 0, sizeof(*e));
	strato_lua_setmeta(L, STRATO_LUA_EV);
	STRATO_LUA_GETUV(L, 1); /* the capture: field cache */
	STRATO_LUA_SETUV(L, -2);
	rc = strato_event_clone(ev, &e->owned);
	if (rc)
		return strato_lua_fail(L, rc, strato_last_error());
	e->ev = e->owned;
	e->cap = ((struct strato_lua_ev *)lua_touserdata(L, 1))->cap;
	return 1;
}

static int strato_lua_ev_gc(lua_State *L)
{
	struct strato_lua_ev *e = luaL_checkudata(L, 1, STRATO_LUA_EV);

	strato_event_free(e->owned);
	e->owned = NULL;
	e->ev = NULL;
	return 0;
}

static int strato_lua_ev_tostring(lua_State *L)
{
	struct strato_lua_ev *e = luaL_checkudata(L, 1, STRATO_LUA_EV);

	if (!e->owned && (!e->cap->cap || e->gen != e->cap->gen)) {
		lua_pushstring(L, "stratocore.event (expired)");
		return 1;
	}
	lua_pushfstring(L, "stratocore.event %d %s tid=%d", (int)strato_event_num(e->ev), strato_event_name(e->ev),
			(int)strato_event_tid(e->ev));
	return 1;
}

/* ev[key]: the event's methods first, then any other string is a field
 * name (field names have dots, method names do not). */
static int strato_lua_ev_index(lua_State *L)
{
	lua_pushvalue(L, 2);
	lua_rawget(L, lua_upvalueindex(1));
	if (!lua_isnil(L, -1))
		return 1;
	lua_pop(L, 1);
	if (lua_type(L, 2) != LUA_TSTRING)
		return luaL_error(L, "events are indexed by names");
	if (!strchr(lua_tostring(L, 2), '.'))
		return luaL_error(L, "events have no method '%s' (field names have a dot)", lua_tostring(L, 2));
	return strato_lua_ev_get(L);
}

/* ---- writer ---- */

/* cap:writer(path [, {gzip=, level=, profile="compat"|"current"}]) */
static int strato_lua_cap_writer(lua_State *L)
{
	struct strato_lua_cap *c = strato_lua_checkcap(L, 1);
	const char *path = luaL_checkstring(L, 2);
	STRATO_OPTS(strato_writer_opts, opts);
	struct strato_lua_writer *w;
	int rc;

	if (!lua_isnoneornil(L, 3)) {
		luaL_checktype(L, 3, LUA_TTABLE);
		lua_getfield(L, 3, "gzip");
		opts.gzip = lua_toboolean(L, -1);
		lua_getfield(L, 3, "level");
		opts.gzip_level = (int)luaL_optinteger(L, -1, 0);
		lua_getfield(L, 3, "profile");
		if (!lua_isnil(L, -1)) {
			const char *p = luaL_checkstring(L, -1);

			if (!strcmp(p, "compat"))
				opts.profile = STRATO_PROFILE_COMPAT;
			else if (!strcmp(p, "current"))
				opts.profile = STRATO_PROFILE_CURRENT;
			else
				return luaL_error(L, "writer: profile must be \"compat\" or \"current\"");
		}
		lua_pop(L, 3);
	}
	w = lua_newuserdata(L, sizeof(*w));
	w->w = NULL;
	strato_lua_setmeta(L, STRATO_LUA_WRITER);
	rc = strato_writer_open(&w->w, path, c->cap, &opts);
	if (rc)
		return strato_lua_fail(L, rc, strato_last_error());
	return 1;
}

static int strato_lua_writer_write(lua_State *L)
{
	struct strato_lua_writer *w = luaL_checkudata(L, 1, STRATO_LUA_WRITER);
	const strato_event *ev = strato_lua_checkev(L, 2);
	int rc;

	if (!w->w)
		return luaL_error(L, "writer is closed");
	rc = strato_writer_write(w->w, ev);
	if (rc)
		return strato_lua_fail(L, rc, strato_last_error());
	lua_pushboolean(L, 1);
	return 1;
}

static int strato_lua_writer_close(lua_State *L)
{
	struct strato_lua_writer *w = luaL_checkudata(L, 1, STRATO_LUA_WRITER);
	int rc = 0;

	if (w->w) {
		rc = strato_writer_close(w->w);
		w->w = NULL;
	}
	if (rc)
		return strato_lua_fail(L, rc, strato_last_error());
	lua_pushboolean(L, 1);
	return 1;
}

static int strato_lua_writer_tostring(lua_State *L)
{
	struct strato_lua_writer *w = luaL_checkudata(L, 1, STRATO_LUA_WRITER);

	lua_pushfstring(L, "stratocore.writer (%s): %p", w->w ? "open" : "closed", (void *)w);
	return 1;
}

/* ---- module ---- */

/* stratocore.strerror(code) -> text */
static int strato_lua_strerror(lua_State *L)
{
	lua_pushstring(L, strato_strerror((int)luaL_checkinteger(L, 1)));
	return 1;
}

/* stratocore.event_types() -> {[id] = {name=, params={{name=, type=}...}}} */
static int strato_lua_event_types(lua_State *L)
{
	unsigned n = strato_event_type_count();

	lua_createtable(L, (int)n, 1);
	for (unsigned id = 0; id < n; id++) {
		const char *name = strato_event_type_name((uint16_t)id);
		const char *pname;
		enum strato_ptype pt;

		if (!name)
			continue;
		lua_createtable(L, 0, 2);
		lua_pushstring(L, name);
		lua_setfield(L, -2, "name");
		lua_newtable(L);
		for (unsigned i = 0; strato_event_type_param((uint16_t)id, i, &pname, &pt) == 0; i++) {
			lua_createtable(L, 0, 2);
			lua_pushstring(L, pname);
			lua_setfield(L, -2, "name");
			lua_pushstring(L, strato_lua_ptype_name(pt));
			lua_setfield(L, -2, "type");
			lua_rawseti(L, -2, (int)i + 1);
		}
		lua_setfield(L, -2, "params");
		lua_rawseti(L, -2, (int)id);
	}
	return 1;
}

/* Creates metatable `name` with `meta` entries; methods go into __index
 * unless the metatable supplies its own __index. */
void strato_lua_newclass(lua_State *L, const char *name, const luaL_Reg *meta, const luaL_Reg *methods)
{
	luaL_newmetatable(L, name);
	luaL_setfuncs(L, meta, 0);
	if (methods) {
		lua_newtable(L);
		luaL_setfuncs(L, methods, 0);
		lua_setfield(L, -2, "__index");
	}
	lua_pushliteral(L, "stratocore");
	lua_setfield(L, -2, "__metatable"); /* scripts cannot swap the metatable */
	lua_pop(L, 1);
}

static const luaL_Reg strato_lua_cap_meta[] = {
    {"__gc", strato_lua_cap_close},
    {"__close", strato_lua_cap_close},
    {"__tostring", strato_lua_cap_tostring},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_cap_methods[] = {
    {"close", strato_lua_cap_close},	     {"next", strato_lua_cap_next},
    {"events", strato_lua_cap_events},	     {"stats", strato_lua_cap_stats},
    {"breakloop", strato_lua_cap_breakloop}, {"fd", strato_lua_cap_fd},
    {"errmsg", strato_lua_cap_errmsg},	     {"is_live", strato_lua_cap_is_live},
    {"writer", strato_lua_cap_writer},	     {NULL, NULL},
};

static const luaL_Reg strato_lua_ev_methods[] = {
    {"valid", strato_lua_ev_valid},
    {"name", strato_lua_ev_name},
    {"type", strato_lua_ev_type},
    {"ts", strato_lua_ev_ts},
    {"tid", strato_lua_ev_tid},
    {"cpu", strato_lua_ev_cpu},
    {"num", strato_lua_ev_num},
    {"nparams", strato_lua_ev_nparams},
    {"dump_flags", strato_lua_ev_dump_flags},
    {"param", strato_lua_ev_param},
    {"params", strato_lua_ev_params},
    {"format_param", strato_lua_ev_format_param},
    {"args", strato_lua_ev_args},
    {"raw", strato_lua_ev_raw},
    {"clone", strato_lua_ev_clone},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_ev_meta[] = {
    {"__gc", strato_lua_ev_gc},
    {"__tostring", strato_lua_ev_tostring},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_writer_meta[] = {
    {"__gc", strato_lua_writer_close},
    {"__close", strato_lua_writer_close},
    {"__tostring", strato_lua_writer_tostring},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_writer_methods[] = {
    {"write", strato_lua_writer_write},
    {"close", strato_lua_writer_close},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_funcs[] = {
    {"open_live", strato_lua_open_live},
    {"open_file", strato_lua_open_file},
    {"event_types", strato_lua_event_types},
    {"strerror", strato_lua_strerror},
    {NULL, NULL},
};

/* The only exported symbol; see bindings/lua/local.mk. */
__attribute__((visibility("default"))) int luaopen_stratocore(lua_State *L);

int luaopen_stratocore(lua_State *L)
{
	lua_settop(L, 0);
	strato_lua_newclass(L, STRATO_LUA_CAP, strato_lua_cap_meta, strato_lua_cap_methods);
	strato_lua_newclass(L, STRATO_LUA_WRITER, strato_lua_writer_meta, strato_lua_writer_methods);
	lua_newtable(L); /* the module, at 1 */
	luaL_setfuncs(L, strato_lua_funcs, 0);
	/* events: __index looks up methods (upvalue) and then fields */
	strato_lua_newclass(L, STRATO_LUA_EV, strato_lua_ev_meta, NULL);
	lua_newtable(L); /* event methods, at 2 */
	luaL_setfuncs(L, strato_lua_ev_methods, 0);
	strato_lua_open_fields(L, 1, 2);
	luaL_getmetatable(L, STRATO_LUA_CAP);
	lua_getfield(L, -1, "__index");
	strato_lua_open_filters(L, 1, lua_gettop(L));
	lua_pop(L, 2);
	luaL_getmetatable(L, STRATO_LUA_EV);
	lua_insert(L, -2);
	lua_pushcclosure(L, strato_lua_ev_index, 1);
	lua_setfield(L, -2, "__index");
	lua_pop(L, 1);

	lua_pushliteral(L, "stratocore");
	lua_setfield(L, -2, "_NAME");
	lua_pushfstring(L, "stratocore %s", strato_version_string());
	lua_setfield(L, -2, "_VERSION");
	lua_createtable(L, 0, 10);
	{
		static const struct {
			const char *name;
			int code;
		} codes[] = {
		    {"EFORMAT", STRATO_EFORMAT},
		    {"EVERSION", STRATO_EVERSION},
		    {"ETRUNC", STRATO_ETRUNC},
		    {"ESYNTAX", STRATO_ESYNTAX},
		    {"ENOFIELD", STRATO_ENOFIELD},
		    {"ETYPE", STRATO_ETYPE},
		    {"ENOBTF", STRATO_ENOBTF},
		    {"EPROBE", STRATO_EPROBE},
		    {"ENOVALUE", STRATO_ENOVALUE},
		    {"ENOENT", ENOENT},
		    {"EACCES", EACCES},
		    {"EPERM", EPERM},
		    {"EINVAL", EINVAL},
		};
		for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
			lua_pushinteger(L, codes[i].code);
			lua_setfield(L, -2, codes[i].name);
		}
	}
	lua_setfield(L, -2, "errors");
	return 1;
}
