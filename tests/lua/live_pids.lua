-- tests/lua/live_pids.lua: the pids option of open_live keeps every other
-- process out of a live capture.
local T = require "testlib"

local opened = T.tmpname("opened")
local pidfile = opened .. ".pid"
local gofile = opened .. ".go"
T.cleanup = { opened, pidfile, gofile }
local f = assert(io.open(opened, "w"))
f:write("x\n")
f:close()
-- the pids option: only the chosen process, which opens the file once the
-- capture is open (a fixed delay lost that race on a loaded machine; it
-- gives up after 30 s)
os.execute("sh -c 'echo $$ > " .. pidfile .. "; n=0; while [ ! -e " .. gofile ..
	" ] && [ $n -lt 600 ]; do sleep 0.05; n=$((n + 1)); done; exec cat " .. opened .. " >/dev/null' &")
local child
for _ = 1, 100 do
	local p = io.open(pidfile)
	local v = p and tonumber(p:read("l") or "")
	if p then p:close() end
	if v then child = v break end
	os.execute("sleep 0.05")
end
T.check(child ~= nil, "second child started")
local pc, why = T.open_live{ syscalls = { "openat" }, pids = { child }, timeout_ms = 50 }
if not pc then
	assert(io.open(gofile, "w")):close()
	T.skip("cannot capture live: " .. tostring(why))
end
assert(io.open(gofile, "w")):close()
local others, found = 0, false
local deadline = os.time() + 10
for ev in pc:events{ timeouts = true } do
	if ev then
		if ev:tid() ~= child then others = others + 1 end
		if ev:param("name") == opened then found = true break end
	end
	if os.time() > deadline then break end
end
pc:close()
T.check(found, "the chosen process's open was seen")
T.eq(others, 0, "no events of other processes")
T.done()
