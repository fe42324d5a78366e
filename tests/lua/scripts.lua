-- tests/lua/scripts.lua: the scripts on sample captures give what sysdig
-- 0.29.3's chisels of the same name print for them (the reference is run
-- here, not stored): topfiles vs topfiles_bytes, spy_users, echo_fds.
local T = require "testlib"

local lua = os.getenv("STRATO_LUA") or "lua"
local scripts = (os.getenv("top_srcdir") or ".") .. "/bindings/lua/scripts/"
local shared = os.getenv("STRATO_SHARED") or "../shared"

-- output and exit status (read from the shell: Lua 5.1 cannot report it)
local function run(cmd)
	local p = assert(io.popen(cmd .. " 2>&1; echo \"exit=$?\""))
	local out = p:read("*a")
	p:close()
	local code = tonumber(out:match("exit=(%d+)\n$"))
	return out:gsub("exit=%d+\n$", ""), code
end

local function lines(text)
	local t = {}
	for l in text:gmatch("[^\n]+") do t[#t + 1] = (l:gsub("\27%[[%d;]*m", ""):gsub("%s+$", "")) end
	return t
end

if not io.open(shared .. "/scap-samples/SOURCES.md") then T.skip("no sample captures in " .. shared) end
if run("command -v sysdig") == "" or select(2, run("command -v sysdig")) ~= 0 then T.skip("sysdig (the reference) is not installed") end

-- "832B", "31.36KB" (sysdig) and "31.36K" (ours) in bytes
local function size(s)
	local n, unit = s:match("^([%d.]+)(%a*)$")
	if not n then return nil end
	local mult = { B = 1, K = 1024, KB = 1024, M = 1048576, MB = 1048576, G = 1073741824, GB = 1073741824 }
	return tonumber(n) * (mult[unit] or 1)
end

local function close_enough(a, b)
	return a and b and math.abs(a - b) <= math.max(1, 0.01 * math.max(a, b))
end

-- every file sysdig lists is ours too, with the same byte count
local function cmp_topfiles(ours, ref, what)
	local mine = {}
	for _, l in ipairs(lines(ours)) do
		local b, name = l:match("^(%S+)%s+%S+%s+%S+%s+%d+%s+(/.*)$")
		if b then mine[name] = size(b) end
	end
	local n = 0
	for _, l in ipairs(lines(ref)) do
		local b, name = l:match("^(%S+)%s+(/.*)$")
		if b then
			n = n + 1
			T.check(close_enough(mine[name], size(b)), what .. ": " .. name .. " " .. b .. " (ours " .. tostring(mine[name]) .. ")")
		end
	end
	T.check(n > 0, what .. ": sysdig listed files")
end

-- sysdig: "SHELL HH:MM:SS USER) CMDLINE"; ours: "HH:MM:SS.mmm SHELL PID DEPTH USER) CMDLINE"
local function cmp_spy(ours, ref, what)
	local mine = {}
	for _, l in ipairs(lines(ours)) do
		local t, shell, rest = l:match("^(%d%d:%d%d:%d%d)%.%d+ (%d+) %d+ %S+ (.*)$")
		if t then mine[#mine + 1] = shell .. " " .. t .. " " .. rest end
	end
	local refs = {}
	for _, l in ipairs(lines(ref)) do
		if l:match("^%d+ %d%d:%d%d:%d%d ") then refs[#refs + 1] = l end
	end
	T.check(#refs > 0, what .. ": sysdig printed commands")
	T.eq(table.concat(mine, "\n"), table.concat(refs, "\n"), what .. ": same commands, shells, users and times")
end

-- the reads and writes of files, in order: direction, size, file, process, data
local function cmp_echo(ours, ref, what)
	local function parse(text, mine)
		local out, ls = {}, lines(text)
		for i, l in ipairs(ls) do
			local dir, b, file, proc
			if mine then
				dir, b, file, proc = l:match("^%-%-%-%-%-%- (%a+) (%S+) %a+ (/%S*) %((%S+)")
			else
				dir, b, file, proc = l:match("^%-%-%-%-%-%- (%a+) (%S+) %a+%s+(/%S*) %((%S+)%)")
			end
			if dir then out[#out + 1] = table.concat({ dir, size(b), file, proc, ls[i + 1] or "" }, " | ") end
		end
		return out
	end
	local a, b = parse(ours, true), parse(ref, false)
	T.check(#b > 0, what .. ": sysdig echoed file data")
	T.eq(#a, #b, what .. ": as many file reads and writes")
	local same = 0
	for i = 1, math.min(#a, #b) do
		if a[i] == b[i] then same = same + 1 else T.eq(a[i], b[i], what .. ": record " .. i) end
	end
	T.eq(same, #b, what .. ": identical records")
end

local cases = {
	{ "topfiles", "-t 1000", "topfiles_bytes", "falcosecurity-falco/cat_write", cmp_topfiles },
	{ "topfiles", "-t 1000", "topfiles_bytes", "falcosecurity-libs/curl_google", cmp_topfiles },
	{ "spy_users", "", "spy_users", "falcosecurity-falco/cat_write", cmp_spy },
	{ "spy_users", "", "spy_users", "falcosecurity-libs/curl_google", cmp_spy },
	{ "spy_users", "", "spy_users", "falcosecurity-libs/test_ipv6_client", cmp_spy },
	{ "spy_users", "", "spy_users", "falcosecurity-falco/psp_run_as_user_0_container", cmp_spy },
	{ "echo_fds", "", "echo_fds", "falcosecurity-falco/cat_write", cmp_echo },
	{ "echo_fds", "", "echo_fds", "falcosecurity-libs/curl_google", cmp_echo },
}
for _, c in ipairs(cases) do
	local script, opts, chisel, sample, cmp = c[1], c[2], c[3], c[4], c[5]
	local file = shared .. "/scap-samples/" .. sample .. ".scap"
	local ours, rc = run(lua .. " " .. scripts .. script .. ".lua " .. opts .. " -r " .. file)
	T.eq(rc, 0, script .. " " .. sample .. " exits 0")
	local ref = run("sysdig -r " .. file .. " -c " .. chisel)
	cmp(ours, ref, script .. " " .. sample)
end

-- a filter on the command line narrows the output; a bad one is reported
local file = shared .. "/scap-samples/falcosecurity-libs/curl_google.scap"
local all = run(lua .. " " .. scripts .. "echo_fds.lua -r " .. file)
local some = run(lua .. " " .. scripts .. "echo_fds.lua -r " .. file .. " evt.type=sendto")
local function records(text)
	local _, n = ("\n" .. text):gsub("\n%-%-%-%-%-%- ", "")
	return n
end
local n_all, n_some = records(all), records(some)
local n_ref = records(run("sysdig -r " .. file .. " -c echo_fds evt.type=sendto"):gsub("\27%[[%d;]*m", ""))
T.check(n_some > 0 and n_some < n_all, "filter narrows echo_fds: " .. n_some .. " of " .. n_all)
T.eq(n_some, n_ref, "as many sendto records as sysdig with the same filter")
local err, rc = run(lua .. " " .. scripts .. "topfiles.lua -r " .. file .. " evt.type=")
T.check(rc ~= 0 and err:find("filter:", 1, true) ~= nil, "bad filter is reported: " .. err:gsub("\n", " "))
T.done()
