-- tests/lua/buffers.lua: byte buffers reach Lua intact (NUL and high bytes
-- included) as parameters and as evt.buffer, cut at the live snaplen.
local T = require "testlib"
local s = require "stratocore"

local out = T.tmpname("buf")
local pidfile = out .. ".pid"
T.cleanup = { out, pidfile }
-- printf's octal escapes: "strato", NUL, 0xff, 0x01, "X", then 300 'y'
local expect = "strato\0\255\1X"
local probe = s.open_live{ syscalls = { "write" } }
if not probe then T.skip("the live probe cannot capture write here") end
probe:close()
local seen = {}
local cap, why = T.live_run({ syscalls = { "write" }, snaplen = 256, pids = { T.mypid() }, follow_children = true },
	"sh -c 'echo $$ > " .. pidfile .. "; exec printf \"strato\\000\\377\\001X\" > " .. out .. "'; " ..
	"sh -c 'exec printf \"%0300d\" 0 | tr 0 y > " .. out .. "'",
	function(ev)
		local d = ev:param("data")
		if d == expect or (d and d:sub(1, 10) == "yyyyyyyyyy") then
			seen[#seen + 1] = { data = d, buffer = ev["evt.buffer"], res = ev["evt.rawres"], tid = ev:tid(),
				buflen = ev["evt.buflen"] }
		end
	end,
	function() return #seen >= 2 end)
if not cap then T.skip("cannot capture live: " .. tostring(why)) end
cap:close()
local pf = assert(io.open(pidfile))
local pid = tonumber(pf:read("l"))
pf:close()
T.eq(#seen, 2, "both writes seen")
local a, b = seen[1], seen[2]
T.eq(a.data, expect, "binary data as a Lua string, NUL and 0xff kept")
T.eq(a.buffer, expect, "evt.buffer gives the same bytes")
T.eq(a.res, #expect, "evt.rawres is the byte count")
T.eq(a.tid, pid, "written by the child")
T.eq(#b.data, 256, "a 300-byte write is cut at snaplen 256")
T.eq(b.data, string.rep("y", 256), "the first 256 bytes")
T.eq(b.res, 300, "but the result says 300 bytes were written")
T.check(b.buflen == nil or b.buflen == 300, "evt.buflen, where known, is the full size: " .. tostring(b.buflen))
T.done()
