-- tests/lua/errors.lua: misuse raises, run-time failures return nil, message,
-- code, and a Lua error inside the event loop leaves the capture usable.
local T = require "testlib"
local s = require "stratocore"

local path = T.capture_file()

-- reference pass: every event number, in order
local all = {}
do
	local cap = assert(s.open_file(path))
	for ev in cap:events() do all[#all + 1] = ev:num() end
	T.eq(cap:stats().events, #all, "stats().events counts the events read")
	cap:close()
end
T.check(#all >= 3, "the capture has events (" .. #all .. ")")

-- an error raised in the loop body at event k; the loop resumes at k + 1
local cap = assert(s.open_file(path))
local got = {}
local k = math.min(3, #all - 1)
local ok, err = pcall(function()
	for ev in cap:events() do
		got[#got + 1] = ev:num()
		if #got == k then error("boom in the loop") end
	end
end)
T.check(not ok and tostring(err):find("boom in the loop", 1, true), "the error came out of the loop")
for ev in cap:events() do got[#got + 1] = ev:num() end
T.eq(#got, #all, "after the error the capture delivered the remaining events")
local same = true
for i = 1, #all do same = same and got[i] == all[i] end
T.check(same, "same events in the same order as an uninterrupted pass")
T.eq(cap:stats().events, #all, "stats agree after the error")
T.eq(cap:next(), nil, "next() at the end returns nil")
cap:close()

-- an error thrown by the library itself inside the loop (stale event)
cap = assert(s.open_file(path))
local prev
ok = pcall(function()
	for ev in cap:events() do
		if prev then return prev:num() end
		prev = ev
	end
end)
T.check(not ok, "using the previous event inside the loop raises")
local rest = 0
for _ in cap:events() do rest = rest + 1 end
T.eq(rest, #all - 2, "the capture continues after the library's error")
cap:close()

-- run-time failures: nil, message, code
local c, msg, code = s.open_file(T.tmpname("missing"))
T.eq(c, nil, "missing file: nil")
T.check(type(msg) == "string" and #msg > 0, "missing file: message " .. tostring(msg))
T.eq(code, s.errors.ENOENT, "missing file: ENOENT")
local notcap = T.tmpname("notcap")
T.cleanup[#T.cleanup + 1] = notcap
local f = assert(io.open(notcap, "w"))
f:write(string.rep("this is not a capture file\n", 20))
f:close()
c, msg, code = s.open_file(notcap)
T.eq(c, nil, "not a capture: nil")
T.eq(code, s.errors.EFORMAT, "not a capture: EFORMAT (" .. tostring(msg) .. ")")
c, msg, code = s.open_live{ syscalls = { "no_such_syscall" } }
T.eq(c, nil, "unknown syscall: nil")
T.eq(code, s.errors.EINVAL, "unknown syscall: EINVAL (" .. tostring(msg) .. ")")
T.check(s.strerror(s.errors.EFORMAT) ~= "", "strerror")

-- misuse raises
T.raises(function() s.open_file() end, "bad argument", "open_file without a path")
T.raises(function() s.open_live{ snaplenx = 1 } end, "unknown option 'snaplenx'", "unknown live option")
T.raises(function() s.open_live{ syscalls = { 1 } } end, "syscalls[1] is not a string", "bad syscall list")
T.raises(function() s.open_live{ pids = { "x" } } end, "pids[1] is not a number", "bad pid list")
T.raises(function() s.open_live("x") end, "table expected", "open_live with a string")
cap = assert(s.open_file(path))
T.raises(function() cap.next({}) end, "stratocore.capture expected", "next on a non-capture")
local ev = cap:next()
T.raises(function() return ev:no_such_method() end, "no method 'no_such_method'", "unknown event method")
T.raises(function() return ev[1] end, "indexed by names", "numeric event index")
T.eq(ev:param("no_such_param"), nil, "unknown parameter name: nil")
T.eq(ev:param(1000), nil, "parameter index out of range: nil")
T.raises(function() cap:writer(T.tmpname("w"), { profile = "bogus" }) end, "profile must be", "bad writer profile")
local wpath = T.tmpname("nodir") .. "/x/y.scap"
local w, wmsg, wcode = cap:writer(wpath)
T.check(w == nil and wcode == s.errors.ENOENT, "writer into a missing directory: nil, ENOENT (" .. tostring(wmsg) .. ")")
cap:close()
T.done()
