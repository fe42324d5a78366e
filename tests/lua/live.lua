-- tests/lua/live.lua: a live capture sees what a child process does, with
-- the right values; a writer saves the events and the file gives the same
-- values back.
local T = require "testlib"
local s = require "stratocore"

local opened = T.tmpname("opened")
local missing = T.tmpname("missing")
local pidfile = opened .. ".pid"
local out = T.tmpname("saved")
T.cleanup = { opened, pidfile, out }
local f = assert(io.open(opened, "w"))
f:write("x\n")
f:close()

local t0 = os.time()
local w
local hit, miss = {}, {}
local cap, why = T.live_run({ syscalls = { "openat" }, snaplen = 256, pids = { T.mypid() }, follow_children = true },
	"sh -c 'echo $$ > " .. pidfile .. "; cat " .. missing .. " 2>/dev/null; exec cat " .. opened .. " >/dev/null'",
	function(ev, c)
		w = w or assert(c:writer(out, { profile = "current" }))
		local name = ev:param("name")
		if name == opened or name == missing then
			assert(w:write(ev))
			local t = name == opened and hit or miss
			t.tid, t.fd, t.ts, t.args = ev:tid(), ev:param("fd"), ev:ts(), ev:args()
			t.flags = ev:format_param("flags")
			t.evname = ev:name()
		end
	end,
	function() return hit.tid ~= nil end)
if not cap then T.skip("cannot capture live: " .. tostring(why)) end
local t1 = os.time()
local pf = assert(io.open(pidfile))
local pid = tonumber(pf:read("l"))
pf:close()

T.check(cap:is_live(), "is_live()")
T.eq(hit.evname, "openat", "event name")
T.eq(hit.tid, pid, "tid of the successful open is the child's pid")
T.check(hit.fd and hit.fd >= 0 and hit.fd == math.floor(hit.fd), "fd is a non-negative integer: " .. tostring(hit.fd))
T.check(hit.flags:find("O_RDONLY", 1, true) ~= nil, "flags show O_RDONLY: " .. tostring(hit.flags))
if math.type then -- Lua 5.3+: 64-bit integers stay integers
	T.eq(math.type(hit.fd), "integer", "fd is a Lua integer")
	T.eq(math.type(hit.ts), "integer", "timestamp is a Lua integer")
end
T.check(math.floor(hit.ts / 1e9) >= t0 - 1 and math.floor(hit.ts / 1e9) <= t1 + 1, "timestamp within the run")
T.check(miss.tid and miss.tid > 0 and miss.tid ~= pid, "the failed open comes from a child of the shell: " .. tostring(miss.tid))
T.check(miss.fd ~= nil and miss.fd < 0, "failed open has a negative fd: " .. tostring(miss.fd))
T.check(miss.args and miss.args:find("ENOENT", 1, true) ~= nil, "failed open shows ENOENT: " .. tostring(miss.args))
local st = cap:stats()
T.check(st.events >= 2 and st.drops >= 0 and st.drops == st.drops_buffer + st.drops_other,
	"stats: " .. st.events .. " events, " .. st.drops .. " drops")
T.check(type(cap:fd()) == "number", "fd() of a live capture")
cap:close()
T.check(tostring(w):find("open", 1, true) ~= nil, "writer tostring: " .. tostring(w))
T.eq(w:close(), true, "writer close")
T.eq(w:close(), true, "writer close again (idempotent)")
T.check(tostring(w):find("closed", 1, true) ~= nil, "writer tostring after close: " .. tostring(w))
T.raises(function() w:write(nil) end, "stratocore.event expected", "write without an event")

-- the saved file gives the same two events back
local fc = assert(s.open_file(out))
T.check(not fc:is_live(), "file capture is not live")
local back = {}
for ev in fc:events() do back[#back + 1] = { ev:tid(), ev:ts(), ev:args(), ev:param("name") } end
fc:close()
T.eq(#back, 2, "two events in the saved file")
if #back == 2 then
	T.eq(back[1][4], missing, "saved 1: path")
	T.eq(back[1][3], miss.args, "saved 1: same arguments")
	T.eq(back[2][1], pid, "saved 2: tid")
	T.eq(back[2][2], hit.ts, "saved 2: same timestamp")
	T.eq(back[2][3], hit.args, "saved 2: same arguments")
end
local fcap = select(2, pcall(function() return s.open_file(out) end))
local st2 = fcap:stats()
fcap:close()
T.eq(st2.events, 0, "fresh file capture has read nothing yet")

T.done()
