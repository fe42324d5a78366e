-- topprocs.lua: processes by number of system calls and by bytes of I/O,
-- refreshed every second on a live capture, totals at the end of a file.
-- usage: lua topprocs.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [-t TOP] [FILTER]
package.path = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local S = require "stratoscript"

local calls, bytes, names = {}, {}, {}
local spec = { name = "topprocs", flags = { t = "value" } }
spec.usage = [[
usage: lua topprocs.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [-t TOP] [FILTER]
  Processes by system calls and by bytes read and written. Live (no -r):
  the counts of each second, printed every second; with -r: totals.
]]

local function key(ev)
	local p = S.proc(ev)
	local k = p.pid
	names[k] = p.name ~= "<NA>" and p.name or names[k] or "<NA>"
	return k
end

function spec.event(ev)
	local k = key(ev)
	calls[k] = (calls[k] or 0) + 1
	local n = S.io(ev)
	if n then bytes[k] = (bytes[k] or 0) + n end
end

local function report()
	local top = tonumber(spec.options.flags.t) or 10
	print(string.format("%-10s %8s  %s", "CALLS", "PID", "PROCESS"))
	for _, r in ipairs(S.top(calls, top)) do
		print(string.format("%-10d %8d  %s", r[2], r[1], names[r[1]]))
	end
	print(string.format("%-10s %8s  %s", "BYTES", "PID", "PROCESS"))
	for _, r in ipairs(S.top(bytes, top)) do
		print(string.format("%-10s %8d  %s", S.bytes(r[2]), r[1], names[r[1]]))
	end
	print("")
	io.stdout:flush()
end

function spec.tick()
	print("---- " .. os.date("%H:%M:%S"))
	report()
	calls, bytes = {}, {}
end

function spec.finish()
	if spec.options.file then report() else spec.tick() end
end

S.run(arg, spec)
