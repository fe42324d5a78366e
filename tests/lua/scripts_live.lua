-- tests/lua/scripts_live.lua: the scripts on a live capture name what a
-- child process does, and the same scripts read a file the library wrote.
local T = require "testlib"
local s = require "stratocore"

local lua = os.getenv("STRATO_LUA") or "lua"
local scripts = (os.getenv("top_srcdir") or ".") .. "/bindings/lua/scripts/"

local probe, why = T.open_live{ syscalls = { "openat" } }
if not probe then T.skip("cannot capture live: " .. tostring(why)) end
probe:close()

-- The filters keep the kernel to the few syscalls a check needs: a
-- script that reads every syscall of a busy machine drops events.
-- Runs `script` live for 6 seconds while `workload` runs in the background
-- every half second from the first second on: loading the probe can take a
-- second or more on a busy machine, so the checks look for at least one
-- round (or count a process that loops itself).
local function live(script, args, workload)
	local loop = "sleep 1; for i in 1 2 3 4 5 6 7 8 9; do " .. workload .. "; sleep 0.5; done"
	os.execute("sh -c '" .. loop:gsub("'", "'\\''") .. "' >/dev/null 2>&1 &")
	local p = assert(io.popen(lua .. " " .. scripts .. script .. ".lua -M 6 " .. args:gsub("[()]", "\\%0") .. " 2>&1"))
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

-- topfiles: cat opens our file three times a round; over all the
-- refreshes the opens add up to whole rounds
local out = live("topfiles", "-t 1000 evt.type=openat", "cat " .. path .. " " .. path .. " " .. path .. " >/dev/null")
local opens, refreshes = 0, 0
for l in out:gmatch("[^\n]+") do
	if l:match("^%-%-%-%- %d%d:%d%d:%d%d$") then refreshes = refreshes + 1 end
	local n, name = l:match("^%S+%s+%S+%s+%S+%s+(%d+)%s+(/.*)$")
	if name == path then opens = opens + tonumber(n) end
end
T.check(opens >= 3, "topfiles live: the child's file opened " .. opens .. " times (3 a round)\n" .. (opens >= 3 and "" or out))
T.check(refreshes >= 4, "topfiles live: refreshed every second (" .. refreshes .. " reports in 6 s)")

-- topprocs: one shell (pid known) opens the file itself (a redirection of
-- the read builtin) ten times, once every 0.3 s
local loop = "echo $$ > " .. pidfile .. "; sleep 1; for i in 1 2 3 4 5 6 7 8 9 10; do read x < " .. path .. "; sleep 0.3; done"
os.execute("sh -c '" .. loop .. "' >/dev/null 2>&1 &")
local tp = assert(io.popen(lua .. " " .. scripts .. "topprocs.lua -M 5 -t 1000 evt.type=openat 2>&1"))
out = tp:read("*a")
tp:close()
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
T.check(pid ~= nil and calls >= 3 and calls <= 10, "topprocs live: the shell (" .. tostring(pid) .. ") opened " .. calls .. " times (at most 10)")

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
out = live("spy_users", "evt.type in (execve, clone, clone3, fork, vfork)", "cat " .. path .. " >/dev/null")
local spied = out:find(") cat " .. path .. "\n", 1, true) ~= nil
T.check(spied, "spy_users live: cat started by a shell" .. (spied and "" or "\n" .. out))
-- tee opens the file itself (a shell redirection would need dup2 too)
out = live("echo_fds", "evt.type in (openat, write, close)", "printf " .. marker .. " | tee " .. path .. " >/dev/null")
local wrote = out:find("Write " .. #marker .. "B to " .. path, 1, true) ~= nil and out:find("\n" .. marker .. "\n", 1, true) ~= nil
T.check(wrote, "echo_fds live: the write of the marker to our file" .. (wrote and "" or "\n" .. out))
out = live("proctree", "evt.type in (execve, clone, clone3, fork, vfork, procexit, openat)",
	"sh -c \"cat " .. path .. " >/dev/null; exit 3\"")
local shell_line, cat_line = out:match("\n(%d+ sh %-c cat [^\n]*)\n(`%- %d+ cat [^\n]*)")
T.check(shell_line ~= nil and shell_line:find("exit 3 |", 1, true) ~= nil, "proctree live: the shell, exit 3: " .. tostring(shell_line))
T.check(cat_line ~= nil and cat_line:find("cat " .. path, 1, true) ~= nil and cat_line:find("exit 0 |", 1, true) ~= nil,
	"proctree live: cat below the shell, exit 0: " .. tostring(cat_line))
T.done()
