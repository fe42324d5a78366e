# tests/lua.mk: tests of the Lua module, run by the Lua interpreter found by
# configure against the module just built (LUA_CPATH) and the shared test
# helpers (LUA_PATH). Each test is a Lua script; exit 77 = skipped.
TEST_EXTENSIONS = .lua
LUA_LOG_COMPILER = env LUA_CPATH='$(abs_top_builddir)/bindings/lua/.libs/?.so;;' \
	LUA_PATH='$(abs_top_srcdir)/tests/lua/?.lua;;' STRATO_LUA='$(LUA)' $(LUA)
STRATO_LUA_TESTS = \
	tests/lua/noglobals.lua \
	tests/lua/expire.lua \
	tests/lua/errors.lua \
	tests/lua/live.lua \
	tests/lua/live_pids.lua \
	tests/lua/buffers.lua \
	tests/lua/fields.lua \
	tests/lua/filters.lua \
	tests/lua/scripts.lua \
	tests/lua/scripts_live.lua
EXTRA_DIST += $(STRATO_LUA_TESTS) tests/lua/testlib.lua
if HAVE_LUA
TESTS += $(STRATO_LUA_TESTS)
endif
