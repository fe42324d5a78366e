-- tests/lua/scripts_live.lua: the scripts on a live capture name what a
-- child process does, and the same scripts read a file the library wrote.
local T = require "testlib"
local s = require "stratocore"

local lua = os.getenv("STRATO_LUA") or "lua"
local scripts = (os.getenv("top_srcdir") or ".") .. "/bindings/lua/scripts/"

local probe, why = T.open_live{ syscalls = { "openat" } }
if not probe then T.skip("cannot capture live: " .. tostring(why)) end
probe:close()

-- Runs `script` live for `secs` seconds while `workload` runs in the
-- background, starting one second later (after the probe is loaded).
local function live(script, args, secs, workload)
	os.execute("sh -c 'sleep 1; " .. workload:gsub("'", "'\\''") .. "' >/dev/null 2>&1 &")
	local p = assert(io.popen(lua .. " " .. scripts .. script .. ".lua -M " .. secs .. " " .. args .. " 2>&1"))
	local out = p:read("*a")
	p:close()
	return out
end

local function run(cmd)
	local p = assert(io.popen(cmd .. " 2>&1"))
	local out = p:read("*a")
	p:close()
	return out
end

local path = T.tmpname("topfiles")
local pidfile = path .. ".pid"
T.cleanup = { path, pidfile }
local f = assert(io.open(path, "w"))
f:write("data\n")
f:close()

-- topfiles: the child opens our file three times; over all the refreshes
-- the file's opens add up to three
local out = live("topfiles", "-t 1000", 3, "cat " .. path .. " " .. path .. " " .. path .. " >/dev/null")
local opens, refreshes = 0, 0
for l in out:gmatch("[^\n]+") do
	if l:match("^%-%-%-%- %d%d:%d%d:%d%d$") then refreshes = refreshes + 1 end
	local n, name = l:match("^%S+%s+%S+%s+%S+%s+(%d+)%s+(/.*)$")
	if name == path then opens = opens + tonumber(n) end
end
T.eq(opens, 3, "topfiles live: three opens of the child's file")
T.check(refreshes >= 2, "topfiles live: refreshed every second (" .. refreshes .. " reports in 3 s)")

-- topprocs: the child (pid known) makes at least five calls: it opens the
-- file five times
out = live("topprocs", "-t 1000", 3, "echo $$ > " .. pidfile .. "; exec cat " .. string.rep(path .. " ", 5) .. " >/dev/null")
local pf = io.open(pidfile)
local pid = pf and tonumber(pf:read("l"))
if pf then pf:close() end
local calls = 0
local section
for l in out:gmatch("[^\n]+") do
	if l:match("^CALLS") then section = "calls" elseif l:match("^BYTES") then section = "bytes" end
	local n, p = l:match("^(%d+)%s+(%d+)%s")
	if section == "calls" and n and tonumber(p) == pid then calls = calls + tonumber(n) end
end
T.check(pid ~= nil and calls >= 5, "topprocs live: the child (" .. tostring(pid) .. ") made " .. calls .. " calls")

-- the same scripts on a file the library wrote from a live capture
local file, info = T.capture_file()
if info then
	out = run(lua .. " " .. scripts .. "topfiles.lua -t 1000 -r " .. file)
	T.check(out:find("%s1%s+" .. info.path:gsub("%p", "%%%0") .. "\n") ~= nil, "topfiles on the saved file: one open of " .. info.path)
	out = run(lua .. " " .. scripts .. "topprocs.lua -t 1000 -r " .. file)
	T.check(out:find("\n%d+%s+" .. info.pid .. "%s") ~= nil, "topprocs on the saved file names the child " .. info.pid)
end

-- the scripts that need more than openat from the live probe
local full = s.open_live{ syscalls = { "execve", "clone", "write", "procexit" } }
if not full then
	print("# spy_users, echo_fds and proctree live: the live probe cannot capture execve/clone/write here")
	T.done()
end
full:close()
local marker = "stratocore-" .. math.random(1, 1e9)
out = live("spy_users", "", 3, "sh -c \"echo " .. marker .. " > " .. path .. "\"")
T.check(out:find("echo " .. marker, 1, true) ~= nil or out:find("sh -c echo " .. marker, 1, true) ~= nil,
	"spy_users live: the shell's command line")
out = live("echo_fds", "", 3, "printf " .. marker .. " > " .. path)
T.check(out:find("Write " .. #marker .. "B to " .. path, 1, true) ~= nil and out:find("\n" .. marker .. "\n", 1, true) ~= nil,
	"echo_fds live: the write of the marker to our file")
out = live("proctree", "", 3, "sh -c 'cat " .. path .. " >/dev/null; exit 3'")
T.check(out:find("cat " .. path, 1, true) ~= nil, "proctree live: cat below the shell")
T.done()
