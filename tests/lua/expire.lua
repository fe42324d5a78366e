-- tests/lua/expire.lua: an event is valid until the next one; a stale
-- proxy raises "event expired" instead of touching freed memory; clones
-- live on; close is idempotent; __gc, __close and __tostring.
local T = require "testlib"
local s = require "stratocore"

local path = T.capture_file()
local cap = assert(s.open_file(path))
local first = cap:next()
T.check(first ~= nil and first ~= false, "first event")
local num, name, args = first:num(), first:name(), first:args()
local keep = first:clone()
T.check(first:valid(), "current event is valid")
local second = cap:next()
T.check(second ~= nil, "second event")
T.check(not first:valid(), "previous event is no longer valid")
T.raises(function() return first:name() end, "event expired", "stale ev:name()")
T.raises(function() return first:params() end, "event expired", "stale ev:params()")
T.raises(function() return first:param(1) end, "event expired", "stale ev:param()")
T.eq(tostring(first), "stratocore.event (expired)", "tostring of a stale event")
T.eq(keep:num(), num, "clone keeps its number")
T.eq(keep:name(), name, "clone keeps its name")
T.eq(keep:args(), args, "clone keeps its arguments")
T.check(keep:valid(), "clone is valid")

-- the event of a loop iteration expires on the next iteration
local saved
local n = 0
for ev in cap:events() do
	n = n + 1
	if n == 1 then saved = ev end
	if n == 2 then
		T.raises(function() return saved:tid() end, "event expired", "event of the previous iteration")
		break
	end
end

-- closing expires the current event; close twice is fine
local cur = cap:next()
T.check(cur and cur:valid(), "event before close")
cap:close()
T.check(not cur:valid(), "event after close is expired")
T.raises(function() return cur:num() end, "event expired", "event after close")
T.check(pcall(cap.close, cap), "second close")
T.raises(function() return cap:next() end, "capture is closed", "next on a closed capture")
T.raises(function() return cap:events() end, "capture is closed", "events on a closed capture")
T.check(tostring(cap):find("closed", 1, true) ~= nil, "tostring says closed: " .. tostring(cap))
T.eq(keep:name(), name, "clone outlives its capture")
-- to-be-closed variable (Lua 5.4)
if _VERSION >= "Lua 5.4" then
	local chunk = assert(load([[
		local s, path = ...
		local c <close> = assert(s.open_file(path))
		local ev = c:next()
		return c, ev
	]]))
	local c, ev = chunk(s, path)
	T.check(tostring(c):find("closed", 1, true) ~= nil, "<close> closed the capture")
	T.check(not ev:valid(), "<close> expired its event")
end

-- many handles dropped without close: __gc releases them
for _ = 1, 200 do
	local c = assert(s.open_file(path))
	local e = c:next()
	local k = e:clone()
	e = nil
	c = nil
	k = nil
end
collectgarbage()
collectgarbage()
T.check(true, "200 captures collected by __gc")
-- a proxy keeps its capture alive: the event still works after the only
-- other reference is gone and a full collection ran
local ev = assert(s.open_file(path)):next()
collectgarbage()
collectgarbage()
T.check(ev:valid() and ev:num() == num, "event keeps its capture alive")
T.done()
