-- tests/lua/fields.lua: field access by name (cached per capture) and by
-- handle, typed values, the catalogue, formatters, errors.
local T = require "testlib"
local s = require "stratocore"

local path, info = T.capture_file()
local cap = assert(s.open_file(path))
local target
for ev in cap:events() do
	if info and ev:name() == "openat" and ev:param("name") == info.path then target = ev break end
	if not info and ev:nparams() > 0 and ev:name() ~= "procinfo" then target = ev break end
end
T.check(target ~= nil, "found the event to inspect")
local ev = target

T.eq(ev["evt.type"], ev:name(), "evt.type is the event name")
T.eq(ev["evt.num"], ev:num(), "evt.num")
T.eq(ev["thread.tid"], ev:tid(), "thread.tid")
T.eq(ev["evt.rawtime"], ev:ts(), "evt.rawtime is the timestamp")
T.eq(ev["evt.cpu"], ev:cpu(), "evt.cpu")
-- evt.args names the fd's file where the state knows it; ev:args() does not
T.check(ev:format("evt.args"):find(ev:format_param("name"), 1, true) ~= nil, "evt.args as text: " .. ev:format("evt.args"))
if info then
	T.eq(ev["evt.arg.name"], info.path, "evt.arg.name is the path the child opened")
	T.eq(ev["evt.rawres"], ev:param("fd"), "evt.rawres is the returned fd")
	T.check(ev["evt.rawres"] >= 0, "the open succeeded")
	T.eq(ev["evt.failed"], false, "evt.failed is a boolean false")
	T.eq(ev["evt.is_open_read"], true, "evt.is_open_read is a boolean true")
	T.eq(ev["thread.tid"], info.pid, "thread.tid is the child's pid")
	local fdname, pname = ev["fd.name"], ev["proc.name"]
	T.eq(fdname, info.path, "fd.name of the open is the opened path")
	T.check(pname == "<NA>" or pname == "cat", "proc.name is cat or unknown: " .. tostring(pname))
end
if math.type then
	T.eq(math.type(ev["evt.num"]), "integer", "integers are Lua integers")
end
T.eq(type(ev["evt.time"]), "string", "evt.time is text")

-- explicit handles
local f = s.field("evt.arg.name")
T.eq(f:name(), "evt.arg.name", "field name")
T.eq(f:type(), "CHARBUF", "field type")
T.check(tostring(f):find("evt.arg.name", 1, true) ~= nil, "field tostring")
T.eq(ev:get(f), ev["evt.arg.name"], "ev:get(field) equals ev[name]")
T.eq(ev:get("evt.num"), ev:num(), "ev:get(name)")
T.raises(function() return s.field("proc.nmae") end, "did you mean", "unknown field names a suggestion")
T.raises(function() return ev["proc.nmae"] end, "unknown field", "unknown field by index")
T.raises(function() return ev:get({}) end, "stratocore.field expected", "ev:get with a table")

-- the cache: looking up the same name again allocates nothing
collectgarbage()
collectgarbage("stop")
local before = collectgarbage("count")
for _ = 1, 20000 do local _ = ev["evt.num"] end
local grown = collectgarbage("count") - before
collectgarbage("restart")
T.check(grown < 64, "20000 lookups of a cached name grew the heap by " .. math.floor(grown) .. " KiB")

-- formatters
local fm = s.formatter("%evt.num %evt.type")
local text, complete = fm:format(ev)
T.eq(text, ev:num() .. " " .. ev:name(), "formatter text")
T.eq(complete, true, "formatter: every field applied")
local js = s.formatter("%evt.num %evt.type", "json"):format(ev)
T.check(js:find('"evt.type":"' .. ev:name() .. '"', 1, true) ~= nil, "json formatter: " .. js)
T.raises(function() s.formatter("%no.such.field") end, "no.such.field", "formatter with an unknown field")

-- catalogue: every entry resolves (those that need no argument)
local cat = s.fields()
T.check(#cat > 50, "catalogue has " .. #cat .. " fields")
local bad = {}
for _, e in ipairs(cat) do
	if type(e.name) ~= "string" or type(e.description) ~= "string" or e.type == "UNKNOWN" then
		bad[#bad + 1] = tostring(e.name)
	elseif not e.arg_required and not pcall(s.field, e.name) then
		bad[#bad + 1] = e.name
	end
end
T.eq(#bad, 0, "every catalogue entry resolves (" .. table.concat(bad, " ") .. ")")

-- stale event: fields raise too
local nxt = cap:next()
T.raises(function() return ev["evt.num"] end, "event expired", "field of a stale event")
T.raises(function() return ev:get(f) end, "event expired", "ev:get on a stale event")
T.raises(function() return fm:format(ev) end, "event expired", "formatter on a stale event")
T.check(nxt == nil or nxt:valid(), "the next event is valid")
cap:close()
T.done()
