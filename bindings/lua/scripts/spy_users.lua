-- spy_users.lua: the commands that interactive shells and their descendants
-- run, with the time, the user, the shell they descend from and the depth.
-- usage: lua spy_users.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [FILTER]
package.path = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local S = require "stratoscript"

local spec = { name = "spy_users" }
spec.usage = [[
usage: lua spy_users.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [FILTER]
  One line per program started below a shell:
  TIME SHELL-PID PID DEPTH USER) COMMAND LINE
  (DEPTH: generations below the shell, ? when not known).
]]

local shells = { bash = true, sh = true, zsh = true, dash = true, ksh = true, fish = true,
	tcsh = true, csh = true, ash = true, mksh = true }
-- tid -> { shell = login shell pid, depth = levels below it, name = }
local known = {}

local function is_shell(name) return name and shells[name] end

-- What the library's state says about the event's process.
local function learn(ev)
	local tid = ev:tid()
	if known[tid] then return known[tid] end
	local name = ev["proc.name"]
	if not name then return nil end
	local k = { name = name, shell = ev["proc.loginshellid"] }
	known[tid] = k
	local pid = ev["proc.pid"] or tid
	local ppid = ev["proc.ppid"]
	local parent = ppid and known[ppid]
	if not k.shell and parent and parent.shell then k.shell = parent.shell end
	if not k.shell and is_shell(name) then k.shell = pid end
	if k.shell == pid then
		k.depth = 0
	elseif parent and parent.depth and parent.shell == k.shell then
		k.depth = parent.depth + 1
	end
	return k
end

local clones = { clone = true, fork = true, vfork = true, clone3 = true }

function spec.event(ev)
	local name = ev:name()
	local tid = ev:tid()
	local me = learn(ev)
	if clones[name] then
		local res = ev:param("res")
		if res and res > 0 and me then
			known[res] = known[res] or { name = me.name, shell = me.shell, depth = me.depth and me.depth + 1 }
		end
		return
	end
	if (name ~= "execve" and name ~= "execveat") or ev:param("res") ~= 0 then return end
	local ptid = ev:param("ptid")
	local parent = known[ptid]
	local self = known[tid] or {}
	known[tid] = self
	local shell = ev["proc.loginshellid"] or self.shell or (parent and parent.shell)
	if not self.depth and parent and parent.depth and parent.shell == shell then self.depth = parent.depth + 1 end
	local comm = ev:param("comm") or S.proc(ev).name
	self.name = comm
	if not shell and is_shell(comm) then
		shell = ev:param("pid") or tid
		self.depth = 0
	end
	self.shell = shell
	if not shell then return end
	local p = S.proc(ev)
	print(string.format("%s %d %d %s %s) %s", S.clock(ev:ts()), shell, p.pid, self.depth or "?", p.user, S.cmdline(ev) or p.cmdline))
	io.stdout:flush()
end

S.run(arg, spec)
