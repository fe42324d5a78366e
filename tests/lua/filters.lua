-- tests/lua/filters.lua: compiled filters, capture filters, macros and
-- lists, rule sets; compile errors as nil, message, code, position.
local T = require "testlib"
local s = require "stratocore"

local path, info = T.capture_file()
local function count(cap)
	local n = 0
	for _ in cap:events() do n = n + 1 end
	return n
end

-- compile errors are run-time failures with a position
local f, msg, code, pos = s.filter("evt.type=openat and")
T.eq(f, nil, "incomplete expression: nil")
T.eq(code, s.errors.ESYNTAX, "incomplete expression: ESYNTAX (" .. tostring(msg) .. ")")
T.eq(pos, #"evt.type=openat and" + 1, "error position is the end of the expression")
f, msg, code, pos = s.filter("evt.type=openat and proc.nmae=cat")
T.eq(code, s.errors.ENOFIELD, "unknown field: ENOFIELD")
T.eq(pos, #"evt.type=openat and " + 1, "error position points at the unknown field")
T.check(msg:find("proc.name", 1, true) ~= nil, "message suggests proc.name: " .. msg)

-- one filter, three ways: f:match, cap:set_filter, a rule set
local expr = "evt.type=openat"
if info then expr = 'evt.type=openat and evt.arg.name="' .. info.path .. '"' end
f = assert(s.filter(expr))
T.check(tostring(f):find(expr, 1, true) ~= nil, "tostring shows the expression")
T.check(f:dump():find("evt.type", 1, true) ~= nil, "dump: " .. f:dump())
T.eq(type(f:explain()), "string", "explain")
local cap = assert(s.open_file(path))
local total, matched, tids = 0, 0, {}
local rs = s.ruleset()
T.eq(rs:add("mine", f), 1, "first rule index")
T.eq(rs:add("all_opens", "evt.type in (open, openat)"), 2, "second rule index")
local rule_mine, rule_opens, both = 0, 0, 0
for ev in cap:events() do
	total = total + 1
	if f:match(ev) then
		matched = matched + 1
		tids[#tids + 1] = ev:tid()
	end
	local r = rs:match(ev)
	for _, name in ipairs(r) do
		if name == "mine" then rule_mine = rule_mine + 1 end
		if name == "all_opens" then rule_opens = rule_opens + 1 end
	end
	if #r == 2 then
		both = both + 1
		T.eq(r[1] .. "," .. r[2], "mine,all_opens", "rules come back in the order added")
	end
end
cap:close()
T.check(matched >= 1 and matched < total, "the filter matches some events: " .. matched .. " of " .. total)
if info then
	T.eq(matched, 1, "exactly the child's open matches")
	T.eq(tids[1], info.pid, "the matching event is the child's")
end
T.eq(rule_mine, matched, "rule set agrees with f:match")
T.eq(both, matched, "the child's open matches both rules")
T.check(rule_opens >= matched, "all_opens matches at least as many")

cap = assert(s.open_file(path))
T.eq(cap:set_filter(f), true, "set_filter")
f = nil
collectgarbage() -- the capture keeps what it needs after the filter is freed
T.eq(count(cap), matched, "the capture filter delivers the same events")
cap:close()
cap = assert(s.open_file(path))
assert(cap:set_filter("evt.type=openat"))
assert(cap:set_filter(nil))
T.eq(count(cap), total, "set_filter(nil) removes the filter")
cap:close()

-- macros and lists
local m = assert(s.filter("is_open and not evt.type in (skip)",
	{ macros = { is_open = "evt.type in (open_types)" }, lists = { open_types = { "open", "openat" }, skip = { "open" } } }))
cap = assert(s.open_file(path))
local mm, direct = 0, 0
local d = assert(s.filter("evt.type=openat"))
for ev in cap:events() do
	if m:match(ev) then mm = mm + 1 end
	if d:match(ev) then direct = direct + 1 end
end
cap:close()
T.eq(mm, direct, "macro and lists give the same result as the plain filter")

-- misuse raises
T.raises(function() m:match({}) end, "stratocore.event expected", "match on a table")
cap = assert(s.open_file(path))
T.raises(function() cap:set_filter("evt.type=") end, "filter:", "set_filter with a bad expression")
T.raises(function() rs:add("x", "bogus.field=1") end, "filter:", "rule with a bad expression")
T.raises(function() s.filter("a", { macros = { a = 1 } }) end, "macros maps names", "macro that is not a string")
local ev = cap:next()
cap:next()
T.raises(function() m:match(ev) end, "event expired", "match on a stale event")
T.raises(function() rs:match(ev) end, "event expired", "rule set on a stale event")
cap:close()
T.done()
