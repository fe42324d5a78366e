-- bindings/lua/scripts/stratoscript.lua: what the stratocore scripts share:
-- the command line (-r FILE, -M SECONDS, -n COUNT, -p PID, FILTER), the capture loop
-- with a once-a-second tick on live captures, and a small process and fd
-- tracker that fills in names where the library's state has no answer.
local stratocore = require "stratocore"

local S = {}

local function die(script, fmt, ...)
	io.stderr:write(script .. ": " .. string.format(fmt, ...) .. "\n")
	os.exit(2)
end

-- Parses `argv`. `spec.flags` maps one-letter options to "flag" (boolean)
-- or "value"; the words left over form the filter expression.
function S.parse(argv, spec)
	local o = { flags = {} }
	local words = {}
	local i = 1
	while i <= #argv do
		local a = argv[i]
		local letter = a:match("^%-(%a)$")
		if letter == "r" or letter == "M" or letter == "n" or letter == "p" or (letter and spec.flags and spec.flags[letter] == "value") then
			i = i + 1
			if argv[i] == nil then die(spec.name, "option -%s needs a value", letter) end
			if letter == "r" then
				o.file = argv[i]
			elseif letter == "M" then
				o.seconds = tonumber(argv[i]) or die(spec.name, "-M needs a number of seconds")
			elseif letter == "n" then
				o.count = tonumber(argv[i]) or die(spec.name, "-n needs a number of events")
			elseif letter == "p" then
				o.pid = tonumber(argv[i]) or die(spec.name, "-p needs a process id")
			else
				o.flags[letter] = argv[i]
			end
		elseif letter == "h" then
			io.stdout:write(spec.usage)
			os.exit(0)
		elseif letter and spec.flags and spec.flags[letter] == "flag" then
			o.flags[letter] = true
		elseif a:match("^%-%a") and #words == 0 then
			die(spec.name, "unknown option %s\n%s", a, spec.usage)
		else
			words[#words + 1] = a
		end
		i = i + 1
	end
	if #words > 0 then o.filter = table.concat(words, " ") end
	return o
end

-- Opens the capture the options ask for, with the filter installed.
function S.open(o, spec)
	local cap, msg
	if o.file then
		cap, msg = stratocore.open_file(o.file)
	else
		local lo = spec.live or {}
		if lo.timeout_ms == nil then lo.timeout_ms = 100 end
		if o.pid then
			-- in the kernel: only this process and what it starts from now on
			lo.pids, lo.follow_children = { o.pid }, true
		end
		cap, msg = stratocore.open_live(lo)
	end
	if not cap then
		io.stderr:write(spec.name .. ": " .. tostring(msg) .. "\n")
		os.exit(1)
	end
	if o.filter then
		local f, fmsg, _, pos = stratocore.filter(o.filter)
		if not f then
			die(spec.name, "filter: %s\n  %s\n  %s^", fmsg, o.filter, string.rep(" ", (pos or 1) - 1))
		end
		assert(cap:set_filter(f))
	end
	return cap
end

-- Runs the loop: spec.event(ev) for each event, spec.tick() once a second
-- on live captures, spec.finish() at the end (end of file, -M, -n, or
-- Ctrl-C, which the interpreter turns into an "interrupted" error).
function S.run(argv, spec)
	local o = S.parse(argv, spec)
	spec.options = o
	local cap = S.open(o, spec)
	local live = cap:is_live()
	if live then
		-- also tells a caller reading our output that events now flow
		io.stderr:write(spec.name .. ": capturing live, Ctrl-C to stop\n")
		io.stderr:flush()
	end
	local start = os.time()
	local last = start
	local n = 0
	local ok, err = pcall(function()
		for ev in cap:events{ timeouts = true } do
			if ev then
				S.track(ev)
				spec.event(ev)
				n = n + 1
				if o.count and n >= o.count then break end
			end
			if live then
				local now = os.time()
				if now ~= last then
					last = now
					if spec.tick then spec.tick() end
				end
				if o.seconds and now - start >= o.seconds then break end
			end
		end
	end)
	if not ok and not tostring(err):find("interrupted", 1, true) then
		cap:close()
		error(err, 0)
	end
	if spec.finish then spec.finish() end
	local st = cap:stats()
	if st and st.drops > 0 then
		io.stderr:write(string.format("%s: %d events dropped\n", spec.name, st.drops))
	end
	cap:close()
end

-- ---- process and fd tracker ----
-- The library's state answers proc.* and fd.* where it can; the scripts
-- also follow clone/execve/open/close themselves so that names are known
-- for processes and files that appear during the capture.

local procs = {} -- tid -> { pid, ppid, name, exe, cmdline, uid, tty }
local users = {} -- uid -> user name, as the state named it on some event
local fds = {}   -- "pid:fd" -> name

local clones = { clone = true, fork = true, vfork = true, clone3 = true }
local opens = { open = true, openat = true, openat2 = true, creat = true }

local function basename(p)
	return p and (p:match("([^/]+)$") or p) or nil
end

-- Lua 5.1/LuaJIT patterns spell the NUL byte %z; 5.2+ take it as is.
local NUL = _VERSION == "Lua 5.1" and "%z" or "\0"

-- "exe arg1 arg2" from the parameters of an execve or clone event.
local function cmdline(ev)
	local exe, args = ev:param("exe"), ev:param("args")
	local name = exe or ev:param("comm")
	if not name then return nil end
	if args and #args > 0 then
		return name .. " " .. (args:gsub(NUL .. "$", ""):gsub(NUL, " "))
	end
	return name
end

local learned = {} -- tids whose user was looked at

function S.track(ev)
	local name = ev:name()
	local tid = ev:tid()
	-- user names: learnt once per thread, for processes the state cannot
	-- name (in a container, say) but whose uid another process shares
	if not learned[tid] then
		learned[tid] = true
		local uid, user = ev["user.uid"], ev["user.name"]
		if uid and user then users[uid] = user end
	end
	if clones[name] then
		local res = ev:param("res")
		if res == 0 then
			local exe = ev:param("exe")
			local p = procs[tid] or {}
			procs[tid] = p
			p.pid, p.ppid = ev:param("pid") or tid, ev:param("ptid")
			p.exe = exe or p.exe
			p.name = ev:param("comm") or basename(exe) or p.name
			p.cmdline = cmdline(ev) or p.cmdline
			p.uid = ev:param("uid") or p.uid
		elseif res and res > 0 and not procs[res] then
			local parent = procs[tid] or {}
			procs[res] = { pid = res, ppid = parent.pid or tid, name = parent.name, exe = parent.exe,
				cmdline = parent.cmdline, uid = parent.uid, tty = parent.tty }
		end
	elseif name == "execve" or name == "execveat" then
		if ev:param("res") == 0 then
			local p = procs[tid] or {}
			procs[tid] = p
			local exe = ev:param("exe")
			p.pid = ev:param("pid") or p.pid or tid
			p.ppid = ev:param("ptid") or p.ppid
			p.exe = exe
			p.name = ev:param("comm") or basename(exe)
			p.cmdline = cmdline(ev)
			p.uid = ev:param("uid") or p.uid
			p.tty = ev:param("tty") or p.tty
		end
	elseif opens[name] then
		local fd = ev:param("fd") or ev:param("res")
		local path = ev:param("name")
		if fd and fd >= 0 and path then fds[S.pid(ev) .. ":" .. fd] = path end
	elseif name == "close" then
		local fd = ev:param("fd")
		if fd then fds[S.pid(ev) .. ":" .. fd] = nil end
	end
end

S.cmdline = cmdline

-- The thread group of the event's thread.
function S.pid(ev)
	local p = procs[ev:tid()]
	return ev["proc.pid"] or (p and p.pid) or ev:tid()
end

-- What is known of the event's process: pid, ppid, name, cmdline, user.
function S.proc(ev)
	local tid = ev:tid()
	local p = procs[tid]
	local name = ev["proc.name"]
	if not p then
		p = {}
		procs[tid] = p
	end
	-- remember what the state knew, for later events it has no answer for
	if name then p.name = name end
	local uid = ev["user.uid"] or p.uid
	if uid == 4294967295 or uid == -1 then uid = nil end -- the kernel's "no uid"
	local user = ev["user.name"]
	if user and uid then users[uid] = user end
	return {
		pid = S.pid(ev),
		ppid = ev["proc.ppid"] or p.ppid,
		name = name or p.name or (procs[S.pid(ev)] or {}).name or "<NA>",
		cmdline = ev["proc.cmdline"] or p.cmdline or p.name or "<NA>",
		user = user or (uid and (users[uid] or tostring(uid))) or "<NA>",
		tty = ev["proc.tty"] or p.tty,
	}
end

-- The file behind the event's fd parameter, or nil.
function S.fdname(ev)
	local n = ev["fd.name"]
	if n then return n end
	local fd = ev:param("fd")
	if opens[ev:name()] then return ev:param("name") end
	return fd and fds[S.pid(ev) .. ":" .. fd]
end

-- Bytes moved by an I/O event, and "read" or "write"; nil for others.
local reads = { read = true, pread = true, readv = true, preadv = true, recvfrom = true, recvmsg = true }
local writes = { write = true, pwrite = true, writev = true, pwritev = true, sendto = true, sendmsg = true }
function S.io(ev)
	local name = ev:name()
	local dir = reads[name] and "read" or writes[name] and "write"
	if not dir then return nil end
	local res = ev:param("res")
	if not res or res <= 0 then return 0, dir end
	return res, dir
end

-- "1.5K"-style byte counts.
function S.bytes(n)
	if n >= 1024 * 1024 * 1024 then return string.format("%.2fG", n / 1073741824) end
	if n >= 1024 * 1024 then return string.format("%.2fM", n / 1048576) end
	if n >= 1024 then return string.format("%.2fK", n / 1024) end
	return tostring(n) .. "B"
end

-- Rows of `t` (key -> number) sorted by value, largest first, at most `max`.
function S.top(t, max)
	local rows = {}
	for k, v in pairs(t) do rows[#rows + 1] = { k, v } end
	table.sort(rows, function(a, b)
		if a[2] ~= b[2] then return a[2] > b[2] end
		return tostring(a[1]) < tostring(b[1])
	end)
	while #rows > max do rows[#rows] = nil end
	return rows
end

-- "HH:MM:SS.mmm" of a timestamp in nanoseconds, in local time.
function S.clock(ts)
	local secs = math.floor(ts / 1e9)
	return os.date("%H:%M:%S", secs) .. string.format(".%03d", math.floor((ts % 1000000000) / 1e6))
end

return S
