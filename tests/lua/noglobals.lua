-- tests/lua/noglobals.lua: loading the module creates no globals, sets
-- _NAME/_VERSION, and loading it again gives the same table.
local T = require "testlib"

local before = {}
for k in pairs(_G) do before[k] = true end
local s = require "stratocore"
local added = {}
for k in pairs(_G) do
	if not before[k] then added[#added + 1] = tostring(k) end
end
T.eq(#added, 0, "no globals created (" .. table.concat(added, ",") .. ")")
T.eq(rawget(_G, "stratocore"), nil, "no global 'stratocore'")
T.eq(s._NAME, "stratocore", "_NAME")
T.check(type(s._VERSION) == "string" and s._VERSION:match("^stratocore %d+%.%d+%.%d+") ~= nil,
	"_VERSION is 'stratocore X.Y.Z': " .. tostring(s._VERSION))
T.check(require("stratocore") == s, "second require returns the same table")
-- every function of the module table is a C function and nothing is a
-- mutable shared object other than the plain tables it returns fresh
for k, v in pairs(s) do
	T.check(type(v) == "function" or type(v) == "string" or type(v) == "table",
		"module entry " .. k .. " is a function, string or table")
end
T.check(s.errors.ENOENT ~= nil and s.errors.EFORMAT ~= nil, "error codes table")
local t1, t2 = s.event_types(), s.event_types()
T.check(t1 ~= t2, "event_types() returns a fresh table each call")
T.done()
