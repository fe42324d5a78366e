/* bindings/lua/fields.c: field access from Lua: stratocore.field(), ev:get()
 * and ev["proc.name"] with names resolved once per capture, the field
 * catalogue, and output formatters. */
#include <stratocore/stratocore.h>

#include <arpa/inet.h>
#include <string.h>

#include "lstrato.h"

static strato_field *strato_lua_checkfield(lua_State *L, int idx)
{
	struct strato_lua_field *f = luaL_checkudata(L, idx, STRATO_LUA_FIELD);

	if (!f->f)
		luaL_error(L, "field is freed");
	return f->f;
}

/* Pushes a field userdata for `name`; an unknown name is a programming
 * error and raises with the library's suggestion. */
static strato_field *strato_lua_newfield(lua_State *L, const char *name)
{
	struct strato_lua_field *f = lua_newuserdata(L, sizeof(*f));
	int rc;

	f->f = NULL;
	strato_lua_setmeta(L, STRATO_LUA_FIELD);
	rc = strato_field_lookup(name, &f->f);
	if (rc)
		luaL_error(L, "%s", strato_last_error());
	return f->f;
}

/* stratocore.field(name) -> field */
static int strato_lua_field(lua_State *L)
{
	strato_lua_newfield(L, luaL_checkstring(L, 1));
	return 1;
}

static int strato_lua_field_gc(lua_State *L)
{
	struct strato_lua_field *f = luaL_checkudata(L, 1, STRATO_LUA_FIELD);

	strato_field_free(f->f);
	f->f = NULL;
	return 0;
}

static int strato_lua_field_tostring(lua_State *L)
{
	struct strato_lua_field *f = luaL_checkudata(L, 1, STRATO_LUA_FIELD);

	lua_pushfstring(L, "stratocore.field %s", f->f ? strato_field_name(f->f) : "(freed)");
	return 1;
}

static int strato_lua_field_name(lua_State *L)
{
	lua_pushstring(L, strato_field_name(strato_lua_checkfield(L, 1)));
	return 1;
}

static int strato_lua_field_type(lua_State *L)
{
	lua_pushstring(L, strato_lua_ptype_name(strato_field_type(strato_lua_checkfield(L, 1))));
	return 1;
}

/* The field for key `kidx` (a name or a field userdata) of the event at
 * `evidx`: names are resolved once per capture and cached in the capture's
 * user value. */
static strato_field *strato_lua_evfield(lua_State *L, int evidx, int kidx)
{
	strato_field *f;

	if (lua_type(L, kidx) != LUA_TSTRING)
		return strato_lua_checkfield(L, kidx);
	STRATO_LUA_GETUV(L, evidx); /* capture */
	STRATO_LUA_GETUV(L, -1);    /* its cache */
	lua_pushvalue(L, kidx);
	lua_rawget(L, -2);
	if (!lua_isnil(L, -1)) {
		f = strato_lua_checkfield(L, -1);
		lua_pop(L, 3);
		return f;
	}
	lua_pop(L, 1);
	f = strato_lua_newfield(L, lua_tostring(L, kidx));
	lua_pushvalue(L, kidx);
	lua_pushvalue(L, -2);
	lua_rawset(L, -4);
	lua_pop(L, 3);
	return f;
}

static void strato_lua_puship(lua_State *L, const struct strato_ip *ip, int net)
{
	char buf[INET6_ADDRSTRLEN + 8];

	if (!inet_ntop(ip->family == 6 ? AF_INET6 : AF_INET, ip->addr, buf, sizeof(buf))) {
		lua_pushnil(L);
		return;
	}
	if (net)
		lua_pushfstring(L, "%s/%d", buf, (int)ip->prefix);
	else
		lua_pushstring(L, buf);
}

/* Pushes the value of field `f` on `ev`: typed when the type allows, nil
 * when the field does not apply, the display text otherwise. */
static void strato_lua_pushfield(lua_State *L, const strato_field *f, const strato_event *ev)
{
	enum strato_ptype t = strato_field_type(f);
	const char *s;
	const void *p;
	size_t len;
	int64_t i;
	uint64_t u;
	struct strato_ip ip;
	char buf[1024];
	int rc;

	switch (t) {
	case STRATO_PT_CHARBUF:
	case STRATO_PT_FSPATH:
	case STRATO_PT_FSRELPATH:
		rc = strato_field_get_str(f, ev, &s, &len);
		if (rc == 0) {
			lua_pushlstring(L, s, len);
			return;
		}
		break;
	case STRATO_PT_BYTEBUF:
		rc = strato_field_get_bytes(f, ev, &p, &len);
		if (rc == 0) {
			lua_pushlstring(L, p, len);
			return;
		}
		break;
	case STRATO_PT_BOOL:
		rc = strato_field_get_i64(f, ev, &i);
		if (rc == 0) {
			lua_pushboolean(L, i != 0);
			return;
		}
		break;
	case STRATO_PT_UINT8:
	case STRATO_PT_UINT16:
	case STRATO_PT_UINT32:
	case STRATO_PT_UINT64:
	case STRATO_PT_ABSTIME:
	case STRATO_PT_RELTIME:
	case STRATO_PT_PORT:
	case STRATO_PT_UID:
	case STRATO_PT_GID:
	case STRATO_PT_FLAGS8:
	case STRATO_PT_FLAGS16:
	case STRATO_PT_FLAGS32:
	case STRATO_PT_MODE:
		rc = strato_field_get_u64(f, ev, &u);
		if (rc == 0) {
			lua_pushinteger(L, (lua_Integer)u);
			return;
		}
		break;
	case STRATO_PT_IPV4ADDR:
	case STRATO_PT_IPV6ADDR:
	case STRATO_PT_IPADDR:
	case STRATO_PT_IPV4NET:
	case STRATO_PT_IPV6NET:
	case STRATO_PT_IPNET:
		rc = strato_field_get_ip(f, ev, &ip);
		if (rc == 0) {
			strato_lua_puship(L, &ip,
					  t == STRATO_PT_IPV4NET || t == STRATO_PT_IPV6NET || t == STRATO_PT_IPNET);
			return;
		}
		break;
	default:
		rc = strato_field_get_i64(f, ev, &i);
		if (rc == 0) {
			lua_pushinteger(L, (lua_Integer)i);
			return;
		}
		break;
	}
	if (rc == -STRATO_ENOVALUE) {
		lua_pushnil(L);
		return;
	}
	rc = strato_field_format(f, ev, buf, sizeof(buf));
	if (rc < 0)
		lua_pushnil(L);
	else
		strato_lua_pushformatted(L, buf, rc, sizeof(buf));
}

/* ev:get(field | name) -> value or nil */
int strato_lua_ev_get(lua_State *L)
{
	const strato_event *ev = strato_lua_checkev(L, 1);
	strato_field *f = strato_lua_evfield(L, 1, 2);

	strato_lua_pushfield(L, f, ev);
	return 1;
}

/* ev:format(field | name) -> text as sysdig -p shows it, or nil */
static int strato_lua_ev_format(lua_State *L)
{
	const strato_event *ev = strato_lua_checkev(L, 1);
	strato_field *f = strato_lua_evfield(L, 1, 2);
	char buf[4096];
	int rc = strato_field_format(f, ev, buf, sizeof(buf));

	if (rc < 0)
		lua_pushnil(L);
	else
		strato_lua_pushformatted(L, buf, rc, sizeof(buf));
	return 1;
}

/* ev[key]: methods first, then any other string is a field name. */
/* stratocore.fields() -> {{name=, type=, description=, flags=}, ...} */
static int strato_lua_fields(lua_State *L)
{
	unsigned n = strato_field_count();

	lua_createtable(L, (int)n, 0);
	for (unsigned i = 0; i < n; i++) {
		STRATO_OPTS(strato_field_info, info);

		if (strato_field_info(i, &info))
			continue;
		lua_createtable(L, 0, 8);
		lua_pushstring(L, info.name);
		lua_setfield(L, -2, "name");
		lua_pushstring(L, strato_lua_ptype_name(info.type));
		lua_setfield(L, -2, "type");
		lua_pushstring(L, info.description ? info.description : "");
		lua_setfield(L, -2, "description");
		lua_pushboolean(L, (info.flags & STRATO_FIELD_FILTER_ONLY) != 0);
		lua_setfield(L, -2, "filter_only");
		lua_pushboolean(L, (info.flags & STRATO_FIELD_ARG_REQUIRED) != 0);
		lua_setfield(L, -2, "arg_required");
		lua_pushboolean(L, (info.flags & STRATO_FIELD_ARG_ALLOWED) != 0);
		lua_setfield(L, -2, "arg_allowed");
		lua_pushboolean(L, (info.flags & STRATO_FIELD_DEPRECATED) != 0);
		lua_setfield(L, -2, "deprecated");
		lua_pushboolean(L, (info.flags & STRATO_FIELD_LIST) != 0);
		lua_setfield(L, -2, "list");
		lua_rawseti(L, -2, (int)i + 1);
	}
	return 1;
}

/* ---- formatters ---- */

/* stratocore.formatter(format [, "json"]) -> formatter */
static int strato_lua_formatter(lua_State *L)
{
	const char *format = luaL_checkstring(L, 1);
	static const char *const styles[] = {"text", "json", NULL};
	int style = luaL_checkoption(L, 2, "text", styles);
	STRATO_OPTS(strato_formatter_opts, opts, .style = style ? STRATO_FORMAT_JSON : STRATO_FORMAT_TEXT);
	struct strato_lua_fmt *fm = lua_newuserdata(L, sizeof(*fm));
	int rc;

	fm->fmt = NULL;
	strato_lua_setmeta(L, STRATO_LUA_FMT);
	rc = strato_formatter_new(&fm->fmt, format, &opts);
	if (rc)
		return luaL_error(L, "%s", strato_last_error());
	return 1;
}

/* fmt:format(ev) -> text, complete: `complete` is false when a field of
 * the format did not apply (shown as <NA>; sysdig skips such lines unless
 * the format starts with `*`). */
static int strato_lua_fmt_format(lua_State *L)
{
	struct strato_lua_fmt *fm = luaL_checkudata(L, 1, STRATO_LUA_FMT);
	const strato_event *ev = strato_lua_checkev(L, 2);
	char buf[8192];
	int rc = strato_formatter_format(fm->fmt, ev, buf, sizeof(buf));

	if (rc < 0 && rc != -STRATO_ENOVALUE)
		return luaL_error(L, "formatter: %s", strato_last_error());
	if (rc < 0)
		lua_pushstring(L, buf);
	else
		strato_lua_pushformatted(L, buf, rc, sizeof(buf));
	lua_pushboolean(L, rc >= 0);
	return 2;
}

static int strato_lua_fmt_gc(lua_State *L)
{
	struct strato_lua_fmt *fm = luaL_checkudata(L, 1, STRATO_LUA_FMT);

	strato_formatter_free(fm->fmt);
	fm->fmt = NULL;
	return 0;
}

static int strato_lua_fmt_tostring(lua_State *L)
{
	lua_pushfstring(L, "stratocore.formatter: %p", lua_touserdata(L, 1));
	return 1;
}

static const luaL_Reg strato_lua_field_meta[] = {
    {"__gc", strato_lua_field_gc},
    {"__tostring", strato_lua_field_tostring},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_field_methods[] = {
    {"name", strato_lua_field_name},
    {"type", strato_lua_field_type},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_fmt_meta[] = {
    {"__gc", strato_lua_fmt_gc},
    {"__tostring", strato_lua_fmt_tostring},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_fmt_methods[] = {
    {"format", strato_lua_fmt_format},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_field_funcs[] = {
    {"field", strato_lua_field},
    {"fields", strato_lua_fields},
    {"formatter", strato_lua_formatter},
    {NULL, NULL},
};

static const luaL_Reg strato_lua_field_evmethods[] = {
    {"get", strato_lua_ev_get},
    {"format", strato_lua_ev_format},
    {NULL, NULL},
};

void strato_lua_open_fields(lua_State *L, int mod, int evmethods)
{
	strato_lua_newclass(L, STRATO_LUA_FIELD, strato_lua_field_meta, strato_lua_field_methods);
	strato_lua_newclass(L, STRATO_LUA_FMT, strato_lua_fmt_meta, strato_lua_fmt_methods);
	lua_pushvalue(L, mod);
	luaL_setfuncs(L, strato_lua_field_funcs, 0);
	lua_pop(L, 1);
	lua_pushvalue(L, evmethods);
	luaL_setfuncs(L, strato_lua_field_evmethods, 0);
	lua_pop(L, 1);
}
