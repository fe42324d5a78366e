# bindings/lua/local.mk: the Lua module (require "stratocore"); built when
# Lua headers are found, see configure --disable-lua.
# A libtool module: no "lib" prefix, no version suffix, installed where Lua
# looks for C modules. It links the public library only, and exports nothing
# but luaopen_stratocore. The Lua library itself is not linked: the
# interpreter that loads the module provides it.
if HAVE_LUA
luacmod_LTLIBRARIES = bindings/lua/stratocore.la
bindings_lua_stratocore_la_SOURCES = bindings/lua/stratocore.c bindings/lua/fields.c bindings/lua/filter.c bindings/lua/lstrato.h
bindings_lua_stratocore_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(LUA_CFLAGS)
bindings_lua_stratocore_la_LDFLAGS = $(AM_LDFLAGS) -module -avoid-version -shared \
	-export-symbols-regex '^luaopen_stratocore$$'
bindings_lua_stratocore_la_LIBADD = lib/libstratocore.la
endif

# The scripts (lua SCRIPT [-r FILE] [FILTER]) and the helper they share.
luascriptsdir = $(pkgdatadir)/lua
dist_luascripts_DATA = \
	bindings/lua/scripts/stratoscript.lua \
	bindings/lua/scripts/topprocs.lua \
	bindings/lua/scripts/topfiles.lua \
	bindings/lua/scripts/spy_users.lua \
	bindings/lua/scripts/echo_fds.lua \
	bindings/lua/scripts/proctree.lua

EXTRA_DIST += docs/lua.md
