-- echo_fds.lua: the data processes read and write, per fd, as text (bytes
-- that are not printable shown as '.', one line per event) or as a hex
-- dump (-x).
-- usage: lua echo_fds.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [-x] [FILTER]
package.path = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local S = require "stratoscript"

local spec = { name = "echo_fds", flags = { x = "flag" } }
spec.usage = [[
usage: lua echo_fds.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [-x] [FILTER]
  For every read or write that moved data: a line
  ------ Read|Write NB from|to FILE (PROCESS PID fd N)
  followed by the captured bytes (up to the capture's snaplen).
  -x  hex dump instead of text. FILTER selects events, e.g. proc.name=cat.
]]

local function text(data)
	return (data:gsub("[^\32-\126]", "."))
end

local function hex(data)
	local out = {}
	for off = 1, #data, 16 do
		local chunk = data:sub(off, off + 15)
		local h = chunk:gsub(".", function(c) return string.format("%02x ", c:byte()) end)
		out[#out + 1] = string.format("  %04x  %-48s %s", off - 1, h, (chunk:gsub("[^\32-\126]", ".")))
	end
	return table.concat(out, "\n")
end

function spec.event(ev)
	local n, dir = S.io(ev)
	if not n or n <= 0 then return end
	local data = ev["evt.buffer"] or ev:param("data") or ""
	local p = S.proc(ev)
	print(string.format("------ %s %s %s %s (%s %d fd %s)", dir == "read" and "Read" or "Write", S.bytes(n),
		dir == "read" and "from" or "to", S.fdname(ev) or "<NA>", p.name, p.pid, tostring(ev:param("fd"))))
	print(spec.options.flags.x and hex(data) or text(data))
	io.stdout:flush()
end

S.run(arg, spec)
