-- proctree.lua: the tree of processes started during the capture, each with
-- its command line, when it was forked, how long fork took to reach exec,
-- how long it lived, its exit status, and the system calls and I/O bytes
-- of the process and of its whole subtree. sysdig's chisels show exec
-- times per process (proc_exec_time) but no tree and no subtree totals.
-- The child's side of clone gives the fork time: the parent's side names
-- the child by its pid in the parent's namespace, which may not be the
-- host pid the child's own events carry.
-- usage: lua proctree.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [FILTER]
package.path = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local S = require "stratoscript"

local spec = { name = "proctree" }
spec.usage = [[
usage: lua proctree.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [FILTER]
  Prints, at the end (end of file, -M, -n or Ctrl-C), the tree of the
  processes started during the capture:
  PID COMMAND [start+T exec+T lived T exit N | calls C (subtree C) io B (subtree B)]
  start+T: fork (or exec when the fork was not seen), from the first event;
  exec+T: from fork to exec; lived: start to exit; exit N or signal N.
  Threads are not shown.
]]

local nodes = {}   -- pid -> node
local order = {}   -- pids in the order they appeared
local first_ts

local function node(pid)
	local n = nodes[pid]
	if not n then
		n = { pid = pid, calls = 0, io = 0, children = {} }
		nodes[pid] = n
		order[#order + 1] = pid
	end
	return n
end

local clones = { clone = true, fork = true, vfork = true, clone3 = true }

function spec.event(ev)
	local ts = ev:ts()
	first_ts = first_ts or ts
	local name = ev:name()
	local tid = ev:tid()
	local flags = clones[name] and ev:format_param("flags") or ""
	if clones[name] and ev:param("res") == 0 and not flags:find("CLONE_THREAD", 1, true) then
		local n = node(tid)
		n.ppid = n.ppid or ev:param("ptid")
		n.fork = n.fork or ts
		n.cmd = n.cmd or S.proc(ev).cmdline
	elseif (name == "execve" or name == "execveat") and ev:param("res") == 0 then
		local n = node(S.pid(ev))
		n.ppid = n.ppid or ev:param("ptid")
		n.exec = n.exec or ts
		n.cmd = S.proc(ev).cmdline
		n.user = S.proc(ev).user
	elseif name == "procexit" and nodes[S.pid(ev)] and S.pid(ev) == tid then
		local n = nodes[tid]
		n.exit = ts
		n.status = ev:param("status")
	end
	local n = nodes[S.pid(ev)]
	if n then
		n.calls = n.calls + 1
		local b = S.io(ev)
		if b then n.io = n.io + b end
	end
end

local function ms(ns)
	if ns >= 1e9 then return string.format("%.2fs", ns / 1e9) end
	return string.format("%.3fms", ns / 1e6)
end

-- Sums of calls and bytes over each subtree.
local function totals(n)
	n.tcalls, n.tio = n.calls, n.io
	for _, c in ipairs(n.children) do
		totals(c)
		n.tcalls, n.tio = n.tcalls + c.tcalls, n.tio + c.tio
	end
end

local function show(n, prefix, last, root)
	local parts = {}
	local born = n.fork or n.exec
	if born then parts[#parts + 1] = "start+" .. ms(born - first_ts) end
	if n.fork and n.exec then parts[#parts + 1] = "exec+" .. ms(n.exec - n.fork) end
	if born and n.exit then parts[#parts + 1] = "lived " .. ms(n.exit - born) end
	if n.status then
		-- a wait status: exit code in bits 8-15, or the killing signal
		local sig = n.status % 128
		parts[#parts + 1] = sig == 0 and "exit " .. math.floor(n.status / 256) % 256 or "signal " .. sig
	end
	local line = string.format("%d %s [%s | calls %d (subtree %d) io %s (subtree %s)]", n.pid, n.cmd or "<NA>",
		table.concat(parts, " "), n.calls, n.tcalls, S.bytes(n.io), S.bytes(n.tio))
	print((root and "" or prefix .. (last and "`- " or "|- ")) .. line)
	local sub = root and "" or prefix .. (last and "   " or "|  ")
	for i, c in ipairs(n.children) do show(c, sub, i == #n.children, false) end
end

function spec.finish()
	local roots = {}
	for _, pid in ipairs(order) do
		local n = nodes[pid]
		local parent = n.ppid and nodes[n.ppid]
		if parent and parent ~= n then
			parent.children[#parent.children + 1] = n
		else
			roots[#roots + 1] = n
		end
	end
	for _, r in ipairs(roots) do
		totals(r)
		if r.ppid then print(string.format("(parent %d)", r.ppid)) end
		show(r, "", true, true)
	end
	io.stdout:flush()
end

S.run(arg, spec)
