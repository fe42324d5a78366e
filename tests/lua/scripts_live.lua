-- tests/lua/scripts_live.lua: the scripts on a live capture name what a
-- child process does, and the same scripts read a file the library wrote.
local T = require "testlib"
local s = require "stratocore"

local lua = os.getenv("STRATO_LUA") or "lua"
local scripts = (os.getenv("top_srcdir") or ".") .. "/bindings/lua/scripts/"

local probe, why = T.open_live{ syscalls = { "openat" } }
if not probe then T.skip("cannot capture live: " .. tostring(why)) end
probe:close()

-- -p (this process and its descendants) and the filters keep the kernel
-- to the few events a check needs: a script that reads every syscall of a
-- busy machine drops events.
-- Starts `script` live (for `secs` seconds) and waits for the line saying
-- the capture is open; then `start()` runs the workload, whose processes
-- are new descendants of this one, which -p follows.
local function live(script, args, secs, start)
	local cmd = lua .. " " .. scripts .. script .. ".lua -M " .. secs .. " -p " .. T.mypid() .. " " ..
		args:gsub("[()]", "\\%0") .. " 2>&1"
	local p = assert(io.popen(cmd))
	local first = p:read("*l") or ""
	T.check(first:find("capturing live", 1, true) ~= nil, script .. " says it is capturing: " .. first)
	start()
	local out = p:read("*a")
	p:close()
	return out
end

-- Runs `workload` in the background three times, half a second apart.
local function rounds(workload)
	return function()
		local loop = "for i in 1 2 3; do " .. workload .. "; sleep 0.5; done"
		os.execute("sh -c '" .. loop:gsub("'", "'\\''") .. "' >/dev/null 2>&1 &")
	end
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
local out = live("topfiles", "-t 1000 evt.type=openat", 4, rounds("cat " .. path .. " " .. path .. " " .. path .. " >/dev/null"))
local opens, refreshes = 0, 0
for l in out:gmatch("[^\n]+") do
	if l:match("^%-%-%-%- %d%d:%d%d:%d%d$") then refreshes = refreshes + 1 end
	local n, name = l:match("^%S+%s+%S+%s+%S+%s+(%d+)%s+(/.*)$")
	if name == path then opens = opens + tonumber(n) end
end
T.eq(opens, 9, "topfiles live: the child's file opened 3 times in each of 3 rounds" .. (opens == 9 and "" or "\n" .. out))
T.check(refreshes >= 3, "topfiles live: refreshed every second (" .. refreshes .. " reports in 4 s)")

-- topprocs, filtered on opens of our file: one shell (pid known) opens it
-- itself (a redirection of the read builtin) ten times
out = live("topprocs", "-t 1000 evt.type=openat and evt.arg.name=" .. path, 4, function()
	local loop = "echo $$ > " .. pidfile .. "; for i in 1 2 3 4 5 6 7 8 9 10; do read x < " .. path .. "; sleep 0.1; done"
	os.execute("sh -c '" .. loop .. "' >/dev/null 2>&1 &")
end)
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
T.check(pid ~= nil and calls == 10, "topprocs live: the shell (" .. tostring(pid) .. ") opened " .. calls .. " times, want 10")

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
out = live("spy_users", "evt.type in (execve, clone, clone3, fork, vfork)", 4, rounds("cat " .. path .. " >/dev/null"))
local spied = out:find(") cat " .. path .. "\n", 1, true) ~= nil
T.check(spied, "spy_users live: cat started by a shell" .. (spied and "" or "\n" .. out))
-- tee opens the file itself (a shell redirection would need dup2 too)
out = live("echo_fds", "evt.type in (openat, write, close)", 4, rounds("printf " .. marker .. " | tee " .. path .. " >/dev/null"))
local wrote = out:find("Write " .. #marker .. "B to " .. path, 1, true) ~= nil and out:find("\n" .. marker .. "\n", 1, true) ~= nil
T.check(wrote, "echo_fds live: the write of the marker to our file" .. (wrote and "" or "\n" .. out))
out = live("proctree", "evt.type in (execve, clone, clone3, fork, vfork, procexit, openat)", 4,
	rounds("sh -c \"cat " .. path .. " >/dev/null; exit 3\""))
-- a line for the shell, exit 3, and right below it its child cat, exit 0
local shell_line, cat_line
local ls = {}
for l in out:gmatch("[^\n]+") do ls[#ls + 1] = l end
for i, l in ipairs(ls) do
	if l:find("sh -c cat " .. path, 1, true) and l:find("exit 3 |", 1, true) then
		shell_line, cat_line = l, ls[i + 1]
		break
	end
end
T.check(shell_line ~= nil, "proctree live: the shell, exit 3: " .. tostring(shell_line) .. (shell_line and "" or "\n" .. out))
T.check(cat_line ~= nil and cat_line:find("`- %d+ cat " .. path:gsub("%p", "%%%0") .. " %[") ~= nil
	and cat_line:find("exit 0 |", 1, true) ~= nil, "proctree live: cat below the shell, exit 0: " .. tostring(cat_line))
T.done()
