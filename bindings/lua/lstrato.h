/* bindings/lua/lstrato.h: what the files of the Lua module share: the
 * compatibility macros, the handle layouts and the common helpers. */
#ifndef STRATO_LUA_LSTRATO_H
#define STRATO_LUA_LSTRATO_H

#include <stratocore/stratocore.h>

#include <stdint.h>

#include <lauxlib.h>
#include <lua.h>

/*
 * Compatibility: the code is written against Lua 5.4. Each handle needs one
 * "user value" (the Lua object it keeps alive: an event keeps its capture);
 * 5.1 and LuaJIT have no user values, so there the value sits at [1] of the
 * userdata's environment table.
 */
#if LUA_VERSION_NUM >= 504
#define STRATO_LUA_NEWUD(L, sz) lua_newuserdatauv((L), (sz), 1)
#define STRATO_LUA_SETUV(L, idx) lua_setiuservalue((L), (idx), 1)
#define STRATO_LUA_GETUV(L, idx) ((void)lua_getiuservalue((L), (idx), 1))
#elif LUA_VERSION_NUM >= 502
#define STRATO_LUA_NEWUD(L, sz) lua_newuserdata((L), (sz))
#define STRATO_LUA_SETUV(L, idx) lua_setuservalue((L), (idx))
#define STRATO_LUA_GETUV(L, idx) ((void)lua_getuservalue((L), (idx)))
#else
#define STRATO_LUA_NEWUD(L, sz) lua_newuserdata((L), (sz))
#define STRATO_LUA_ABS(L, i) ((i) < 0 && (i) > LUA_REGISTRYINDEX ? lua_gettop(L) + (i) + 1 : (i))
static inline void strato_lua_setuv51(lua_State *L, int idx)
{
	idx = STRATO_LUA_ABS(L, idx);
	lua_createtable(L, 1, 0);
	lua_insert(L, -2);
	lua_rawseti(L, -2, 1);
	lua_setfenv(L, idx);
}
static inline void strato_lua_getuv51(lua_State *L, int idx)
{
	lua_getfenv(L, idx);
	lua_rawgeti(L, -1, 1);
	lua_remove(L, -2);
}
#define STRATO_LUA_SETUV(L, idx) strato_lua_setuv51((L), (idx))
#define STRATO_LUA_GETUV(L, idx) strato_lua_getuv51((L), (idx))
/* fields.c: registers stratocore.field/fields/formatter in the module table
 * at `mod` and ev:get/ev:format in the event method table at `evmethods`. */
void strato_lua_open_fields(lua_State *L, int mod, int evmethods);
/* ev:get(): also what ev["name"] does for names that are not methods. */
int strato_lua_ev_get(lua_State *L);
/* filter.c: registers stratocore.filter/ruleset in the module table at
 * `mod` and cap:set_filter in the capture method table at `capmethods`. */
void strato_lua_open_filters(lua_State *L, int mod, int capmethods);
/* The open capture at `idx` (raises when closed or not a capture). */
strato_capture *strato_lua_checkcapture(lua_State *L, int idx);

#endif

#define STRATO_LUA_CAP "stratocore.capture"
#define STRATO_LUA_EV "stratocore.event"
#define STRATO_LUA_FIELD "stratocore.field"
#define STRATO_LUA_WRITER "stratocore.writer"
#define STRATO_LUA_FMT "stratocore.formatter"

/* A capture userdata. `gen` counts the events lent so far: an event proxy
 * remembers the number it was lent under and is stale once it differs. */
struct strato_lua_cap {
	strato_capture *cap; /* NULL once closed */
	uint64_t gen;
	int live;
};

/* An event proxy; its user value is the capture userdata, which it keeps
 * alive (the field cache lives there too). A clone owns its copy. */
struct strato_lua_ev {
	const strato_event *ev;
	strato_event *owned;
	struct strato_lua_cap *cap;
	uint64_t gen;
};

struct strato_lua_field {
	strato_field *f;
};

struct strato_lua_writer {
	strato_writer *w;
};

struct strato_lua_fmt {
	strato_formatter *fmt;
};

/* Helpers of stratocore.c used by the other files. */
const char *strato_lua_ptype_name(enum strato_ptype t);
int strato_lua_fail(lua_State *L, int rc, const char *msg);
void strato_lua_setmeta(lua_State *L, const char *tname);
void strato_lua_pushformatted(lua_State *L, const char *buf, int n, size_t cap);
const strato_event *strato_lua_checkev(lua_State *L, int idx);
void strato_lua_newclass(lua_State *L, const char *name, const luaL_Reg *meta, const luaL_Reg *methods);

/* fields.c: registers stratocore.field/fields/formatter in the module table
 * at `mod` and ev:get/ev:format in the event method table at `evmethods`. */
void strato_lua_open_fields(lua_State *L, int mod, int evmethods);
/* ev:get(): also what ev["name"] does for names that are not methods. */
int strato_lua_ev_get(lua_State *L);
/* filter.c: registers stratocore.filter/ruleset in the module table at
 * `mod` and cap:set_filter in the capture method table at `capmethods`. */
void strato_lua_open_filters(lua_State *L, int mod, int capmethods);
/* The open capture at `idx` (raises when closed or not a capture). */
strato_capture *strato_lua_checkcapture(lua_State *L, int idx);

#endif
