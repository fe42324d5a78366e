-- tests/lua/testlib.lua: helpers shared by the Lua tests: results, skips,
-- and a capture file written by the library from a live capture.
local s = require "stratocore"

local T = { failures = 0 }

function T.check(cond, what)
	if cond then
		print("ok - " .. what)
	else
		print("FAIL - " .. what)
		T.failures = T.failures + 1
	end
end

function T.eq(got, want, what)
	T.check(got == want, what .. " (got " .. tostring(got) .. ", want " .. tostring(want) .. ")")
end

-- pcall(fn) must fail with a message containing `pattern` (plain text).
function T.raises(fn, pattern, what)
	local ok, err = pcall(fn)
	T.check(not ok and tostring(err):find(pattern, 1, true) ~= nil,
		what .. " raises '" .. pattern .. "' (got " .. tostring(err) .. ")")
end

function T.skip(why)
	for _, f in ipairs(T.cleanup or {}) do os.remove(f) end
	print("SKIP: " .. why)
	os.exit(77)
end

T.cleanup = {}

function T.done()
	for _, f in ipairs(T.cleanup) do os.remove(f) end
	if T.failures > 0 then
		print(T.failures .. " check(s) failed")
		os.exit(1)
	end
	os.exit(0)
end

-- A fresh name in the build tree; removed by the caller.
function T.tmpname(tag)
	local dir = os.getenv("top_builddir") or "."
	return string.format("%s/tests/lua-%s-%d-%d.tmp", dir, tag, os.time(), math.random(1, 1e9))
end

-- The pid of this Lua process: live tests capture only it and its
-- descendants (pids + follow_children), so a busy machine cannot fill the
-- ring buffer with other processes' events and make them drop ours.
function T.mypid()
	local f = assert(io.open("/proc/self/stat"))
	local pid = tonumber(f:read("*l"):match("^(%d+)"))
	f:close()
	return pid
end

-- Opens a live capture or returns nil and the reason when this machine
-- cannot capture (no privilege, no BTF, probe refused).
function T.open_live(opts)
	local cap, msg, code = s.open_live(opts)
	if cap then return cap end
	local e = s.errors
	if code == e.EPERM or code == e.EACCES or code == e.ENOBTF or code == e.EPROBE then
		return nil, msg
	end
	error("open_live failed: " .. tostring(msg) .. " (" .. tostring(code) .. ")")
end

-- Runs shell `cmd` in the background while a live capture records `opts`
-- events; every event until `until_fn(ev)` returns true (or 10 s pass) is
-- handed to `each(ev, cap)`. Returns the capture, still open, or nil, reason.
function T.live_run(opts, cmd, each, until_fn)
	local cap, why = T.open_live(opts)
	if not cap then return nil, why end
	os.execute(cmd .. " &")
	local deadline = os.time() + 10
	for ev in cap:events{ timeouts = true } do
		if ev then
			each(ev, cap)
			if until_fn(ev) then return cap end
		end
		if os.time() > deadline then
			cap:close()
			error("the live capture did not see the expected event within 10 s")
		end
	end
	error("the live capture ended")
end

-- A capture file for tests that read files: written by the library's
-- writer from a live capture in which a child opens a path of our own
-- (returned as info.path, with info.pid) and then /dev/null twice, or, where this machine cannot
-- capture, a sample capture from the shared folder.
function T.capture_file()
	local out = T.tmpname("cap")
	local info = { path = T.tmpname("opened"), file = out }
	T.cleanup[#T.cleanup + 1] = out
	T.cleanup[#T.cleanup + 1] = info.path
	T.cleanup[#T.cleanup + 1] = info.path .. ".pid"
	local f = assert(io.open(info.path, "w"))
	f:write("stratocore lua test\n")
	f:close()
	local w
	local seen = 0
	local cap, why = T.live_run({ syscalls = { "openat" }, pids = { T.mypid() }, follow_children = true },
		"sh -c 'echo $$ > " .. info.path .. ".pid; exec cat " .. info.path .. " /dev/null /dev/null >/dev/null'",
		function(ev, c)
			if not w then w = assert(c:writer(out)) end
			assert(w:write(ev))
			if ev:param("name") == info.path then seen = ev:num() end
		end,
		function(ev) return seen > 0 and ev:num() >= seen + 2 end)
	if cap then
		assert(w:close())
		cap:close()
		local pf = assert(io.open(info.path .. ".pid"))
		info.pid = tonumber(pf:read("l"))
		pf:close()
		return out, info
	end
	local shared = os.getenv("STRATO_SHARED") or "../shared"
	local sample = shared .. "/scap-samples/falcosecurity-falco/cat_write.scap"
	local f2 = io.open(sample)
	if not f2 then T.skip("no live capture (" .. tostring(why) .. ") and no sample capture") end
	f2:close()
	return sample, nil
end

-- math.random needs a seed that differs between concurrent tests.
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)

return T
