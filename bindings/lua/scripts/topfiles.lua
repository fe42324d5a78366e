-- topfiles.lua: files by bytes read and written (with open counts),
-- refreshed every second on a live capture, totals at the end of a file.
-- usage: lua topfiles.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [-t TOP] [FILTER]
package.path = ((arg and arg[0] or ""):match("^(.*)/[^/]*$") or ".") .. "/?.lua;" .. package.path
local S = require "stratoscript"

local spec = { name = "topfiles", flags = { t = "value" } }
spec.usage = [[
usage: lua topfiles.lua [-r FILE] [-M SECONDS] [-n COUNT] [-p PID] [-t TOP] [FILTER]
  Files by bytes read plus written; also bytes each way and opens. Live (no
  -r): each second's counts, printed every second; with -r: totals.
]]
local files = {}

local function entry(name)
	local f = files[name]
	if not f then
		f = { read = 0, write = 0, opens = 0 }
		files[name] = f
	end
	return f
end

local opens = { open = true, openat = true, openat2 = true, creat = true }

function spec.event(ev)
	local name = S.fdname(ev)
	if not name or name:sub(1, 1) ~= "/" then return end
	if opens[ev:name()] then
		local fd = ev:param("fd") or ev:param("res")
		if fd and fd >= 0 then entry(name).opens = entry(name).opens + 1 end
		return
	end
	local n, dir = S.io(ev)
	if n then
		local f = entry(name)
		f[dir] = f[dir] + n
	end
end

local function report()
	local total = {}
	for name, f in pairs(files) do total[name] = f.read + f.write end
	local rows = S.top(total, tonumber(spec.options.flags.t) or 10)
	-- equal byte counts: the file opened more often first
	table.sort(rows, function(a, b)
		if a[2] ~= b[2] then return a[2] > b[2] end
		if files[a[1]].opens ~= files[b[1]].opens then return files[a[1]].opens > files[b[1]].opens end
		return a[1] < b[1]
	end)
	print(string.format("%-10s %-10s %-10s %6s  %s", "BYTES", "READ", "WRITTEN", "OPENS", "FILE"))
	for _, r in ipairs(rows) do
		local f = files[r[1]]
		print(string.format("%-10s %-10s %-10s %6d  %s", S.bytes(r[2]), S.bytes(f.read), S.bytes(f.write), f.opens, r[1]))
	end
	print("")
	io.stdout:flush()
end

function spec.tick()
	print("---- " .. os.date("%H:%M:%S"))
	report()
	files = {}
end

function spec.finish()
	if spec.options.file then report() else spec.tick() end
end

S.run(arg, spec)
