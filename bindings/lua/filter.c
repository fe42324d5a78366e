/* bindings/lua/filter.c: compiled filters, capture filters and rule sets
 * from Lua: stratocore.filter(), cap:set_filter(), stratocore.ruleset(). */
#include <stratocore/stratocore.h>
#include <stratocore/filter.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lstrato.h"

#define STRATO_LUA_FILTER "stratocore.filter"
#define STRATO_LUA_DEFS "stratocore.filter_defs"
#define STRATO_LUA_RULESET "stratocore.ruleset"

struct strato_lua_filter {
	strato_filter *f;
};

struct strato_lua_defs {
	strato_filter_defs *d;
};

struct strato_lua_ruleset {
	strato_ruleset *rs;
};

static strato_filter *strato_lua_checkfilter(lua_State *L, int idx)
{
	struct strato_lua_filter *f = luaL_checkudata(L, idx, STRATO_LUA_FILTER);

	if (!f->f)
		luaL_error(L, "filter is freed");
	return f->f;
}

/* Builds the macros and lists of option table `t` ({macros = {name =
 * condition}, lists = {name = {items}}}) into a defs userdata pushed on the
 * stack, so a Lua error part-way leaves nothing to leak. */
static const strato_filter_defs *strato_lua_builddefs(lua_State *L, int t)
{
	struct strato_lua_defs *d = lua_newuserdata(L, sizeof(*d));
	int rc;

	d->d = NULL;
	strato_lua_setmeta(L, STRATO_LUA_DEFS);
	rc = strato_filter_defs_new(&d->d);
	if (rc)
		luaL_error(L, "%s", strato_strerror(rc));
	lua_getfield(L, t, "macros");
	if (!lua_isnil(L, -1)) {
		luaL_checktype(L, -1, LUA_TTABLE);
		lua_pushnil(L);
		while (lua_next(L, -2)) {
			if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
				luaL_error(L, "filter: macros maps names to condition strings");
			rc = strato_filter_defs_add_macro(d->d, lua_tostring(L, -2), lua_tostring(L, -1));
			if (rc)
				luaL_error(L, "filter: macro %s: %s", lua_tostring(L, -2), strato_last_error());
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);
	lua_getfield(L, t, "lists");
	if (!lua_isnil(L, -1)) {
		luaL_checktype(L, -1, LUA_TTABLE);
		lua_pushnil(L);
		while (lua_next(L, -2)) {
			size_t n;
			const char **items;

			if (lua_type(L, -2) != LUA_TSTRING || !lua_istable(L, -1))
				luaL_error(L, "filter: lists maps names to arrays of strings");
#if LUA_VERSION_NUM >= 502
			n = lua_rawlen(L, -1);
#else
			n = lua_objlen(L, -1);
#endif
			items = lua_newuserdata(L, (n ? n : 1) * sizeof(*items));
			for (size_t i = 0; i < n; i++) {
				lua_rawgeti(L, -2, (int)i + 1);
				if (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER)
					luaL_error(L, "filter: list %s: item %d is not a string", lua_tostring(L, -4),
						   (int)i + 1);
				items[i] = lua_tostring(L, -1); /* anchored by the list table */
				lua_pop(L, 1);
			}
			rc = strato_filter_defs_add_list(d->d, lua_tostring(L, -3), items, n);
			if (rc)
				luaL_error(L, "filter: list %s: %s", lua_tostring(L, -3), strato_last_error());
			lua_pop(L, 2);
		}
	}
	lua_pop(L, 1);
	return d->d;
}

/* Compiles the expression at `arg` with the options at `arg + 1` into a
 * filter userdata pushed on the stack. On a compile error pushes nil,
 * message, code, position (1-based byte offset in the expression) and
 * returns 4; otherwise returns 0. */
static int strato_lua_compile(lua_State *L, int arg)
{
	const char *expr = luaL_checkstring(L, arg);
	STRATO_OPTS(strato_filter_opts, opts);
	struct strato_filter_error err;
	struct strato_lua_filter *f;
	int rc;

	if (!lua_isnoneornil(L, arg + 1)) {
		luaL_checktype(L, arg + 1, LUA_TTABLE);
		opts.defs = strato_lua_builddefs(L, arg + 1);
	}
	f = lua_newuserdata(L, sizeof(*f));
	f->f = NULL;
	strato_lua_setmeta(L, STRATO_LUA_FILTER);
	lua_pushvalue(L, arg);
	STRATO_LUA_SETUV(L, -2); /* the expression, for __tostring */
	memset(&err, 0, sizeof(err));
	rc = strato_filter_compile(&f->f, expr, &opts, &err);
	if (rc) {
		lua_pushnil(L);
		lua_pushstring(L, err.message[0] ? err.message : strato_last_error());
		lua_pushinteger(L, -rc);
		lua_pushinteger(L, (lua_Integer)err.offset + 1);
		return 4;
	}
	return 0;
}

/* stratocore.filter(expr [, {macros=, lists=}]) -> filter | nil, msg, code, pos */
static int strato_lua_filter(lua_State *L)
{
	lua_settop(L, 2);
	return strato_lua_compile(L, 1) ? 4 : 1;
}

/* f:match(ev) -> boolean */
static int strato_lua_filter_match(lua_State *L)
{
	strato_filter *f = strato_lua_checkfilter(L, 1);
	const strato_event *ev = strato_lua_checkev(L, 2);
	int rc = strato_filter_match(f, ev);

	if (rc < 0)
		return luaL_error(L, "filter: %s", strato_last_error());
	lua_pushboolean(L, rc);
	return 1;
}

/* Runs `fn` (strato_filter_dump or _explain) into a string. */
static int strato_lua_filter_text(lua_State *L, int (*fn)(const strato_filter *, FILE *))
{
	strato_filter *f = strato_lua_checkfilter(L, 1);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int rc;

	if (!mem)
		return luaL_error(L, "out of memory");
	rc = fn(f, mem);
	fclose(mem);
	if (rc == 0)
		lua_pushlstring(L, buf, len);
	free(buf);
	if (rc)
		return luaL_error(L, "filter: %s", strato_last_error());
	return 1;
}

static int strato_lua_filter_dump(lua_State *L)
{
	return strato_lua_filter_text(L, strato_filter_dump);
}

static int strato_lua_filter_explain(lua_State *L)
{
	return strato_lua_filter_text(L, strato_filter_explain);
}

static int strato_lua_filter_gc(lua_State *L)
{
	struct strato_lua_filter *f = luaL_checkudata(L, 1, STRATO_LUA_FILTER);

	strato_filter_free(f->f);
	f->f = NULL;
	return 0;
}

static int strato_lua_filter_tostring(lua_State *L)
{
	luaL_checkudata(L, 1, STRATO_LUA_FILTER);
	STRATO_LUA_GETUV(L, 1);
	lua_pushfstring(L, "stratocore.filter (%s)", lua_tostring(L, -1));
	return 1;
}

static int strato_lua_defs_gc(lua_State *L)
{
	struct strato_lua_defs *d = luaL_checkudata(L, 1, STRATO_LUA_DEFS);

	strato_filter_defs_free(d->d);
	d->d = NULL;
	return 0;
}

/* The filter at `idx`: a filter userdata, or an expression compiled here
 * (a compile error raises, since set_filter and rules take filters). */
static strato_filter *strato_lua_tofilter(lua_State *L, int idx)
{
	if (lua_type(L, idx) == LUA_TSTRING) {
		lua_pushvalue(L, idx);
		lua_pushnil(L);
		if (strato_lua_compile(L, lua_gettop(L) - 1))
			luaL_error(L, "filter: %s (at byte %d)", lua_tostring(L, -3), (int)lua_tointeger(L, -1));
		lua_replace(L, idx); /* keep the userdata alive in the argument slot */
		lua_pop(L, 2);
	}
	return strato_lua_checkfilter(L, idx);
}

/* cap:set_filter(filter | expr | nil) -> true | nil, msg, code */
static int strato_lua_cap_set_filter(lua_State *L)
{
	strato_capture *cap = strato_lua_checkcapture(L, 1);
	const strato_filter *f = NULL;
	int rc;

	if (!lua_isnoneornil(L, 2))
		f = strato_lua_tofilter(L, 2);
	rc = strato_capture_set_filter(cap, f);
	if (rc)
		return strato_lua_fail(L, rc, strato_last_error());
	lua_pushboolean(L, 1);
	return 1;
}

/* ---- rule sets ---- */

static strato_ruleset *strato_lua_checkruleset(lua_State *L, int idx)
{
	struct strato_lua_ruleset *r = luaL_checkudata(L, idx, STRATO_LUA_RULESET);

	if (!r->rs)
		luaL_error(L, "rule set is freed");
	return r->rs;
}

/* stratocore.ruleset() -> rule set */
static int strato_lua_ruleset(lua_State *L)
{
	struct strato_lua_ruleset *r = lua_newuserdata(L, sizeof(*r));
	int rc;

	r->rs = NULL;
	strato_lua_setmeta(L, STRATO_LUA_RULESET);
	rc = strato_ruleset_new(&r->rs);
	if (rc)
		return luaL_error(L, "%s", strato_strerror(rc));
	return 1;
}

/* rs:add(name, filter | expr) -> 1-based rule index */
static int strato_lua_ruleset_add(lua_State *L)
{
	strato_ruleset *rs = strato_lua_checkruleset(L, 1);
	const char *name = luaL_checkstring(L, 2);
	strato_filter *f = strato_lua_tofilter(L, 3);
	int rc = strato_ruleset_add(rs, name, f);

	if (rc < 0)
		return luaL_error(L, "ruleset: %s", strato_last_error());
	lua_pushinteger(L, rc + 1);
	return 1;
}

/* rs:match(ev) -> {name, ...} of the matching rules, in the order added */
static int strato_lua_ruleset_match(lua_State *L)
{
	strato_ruleset *rs = strato_lua_checkruleset(L, 1);
	const strato_event *ev = strato_lua_checkev(L, 2);
	unsigned small[64];
	unsigned *idx = small;
	int n = strato_ruleset_match(rs, ev, small, 64);

	if (n < 0)
		return luaL_error(L, "ruleset: %s", strato_last_error());
	if (n > 64) {
		/* userdata, so a Lua error cannot leak it */
		idx = lua_newuserdata(L, (size_t)n * sizeof(*idx));
		n = strato_ruleset_match(rs, ev, idx, (size_t)n);
		if (n < 0)
			return luaL_error(L, "ruleset: %s", strato_last_error());
	}
	lua_createtable(L, n, 0);
	for (int i = 0; i < n; i++) {
		lua_pushstring(L, strato_ruleset_name(rs, idx[i]));
		lua_rawseti(L, -2, i + 1);
	}
	return 1;
}

static int strato_lua_ruleset_gc(lua_State *L)
{
	struct strato_lua_ruleset *r = luaL_checkudata(L, 1, STRATO_LUA_RULESET);

	strato_ruleset_free(r->rs);
	r->rs = NULL;
	return 0;
}

static int strato_lua_ruleset_tostring(lua_State *L)
{
	lua_pushfstring(L, "stratocore.ruleset: %p", lua_touserdata(L, 1));
	return 1;
}

static const luaL_Reg strato_lua_filter_meta[] = {
    {"__gc", strato_lua_filter_gc},
    {"__tostring", strato_lua_filter_tostring},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_filter_methods[] = {
    {"match", strato_lua_filter_match},
    {"dump", strato_lua_filter_dump},
    {"explain", strato_lua_filter_explain},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_defs_meta[] = {
    {"__gc", strato_lua_defs_gc},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_ruleset_meta[] = {
    {"__gc", strato_lua_ruleset_gc},
    {"__tostring", strato_lua_ruleset_tostring},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_ruleset_methods[] = {
    {"add", strato_lua_ruleset_add},
    {"match", strato_lua_ruleset_match},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_filter_funcs[] = {
    {"filter", strato_lua_filter},
    {"ruleset", strato_lua_ruleset},
    {NULL, NULL},
};

void strato_lua_open_filters(lua_State *L, int mod, int capmethods)
{
	strato_lua_newclass(L, STRATO_LUA_FILTER, strato_lua_filter_meta, strato_lua_filter_methods);
	strato_lua_newclass(L, STRATO_LUA_DEFS, strato_lua_defs_meta, NULL);
	strato_lua_newclass(L, STRATO_LUA_RULESET, strato_lua_ruleset_meta, strato_lua_ruleset_methods);
	lua_pushvalue(L, mod);
	luaL_setfuncs(L, strato_lua_filter_funcs, 0);
	lua_pop(L, 1);
	lua_pushcfunction(L, strato_lua_cap_set_filter);
	lua_setfield(L, capmethods, "set_filter");
}
