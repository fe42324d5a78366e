#!/bin/sh
# tests/stratotrace.sh: the stratotrace example end to end: a traced
# command's execve and exit are printed strace-style, -o writes a private
# file, and the command's exit status comes back. Skips (77) without root
# or kernel BTF.
set -u
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }
[ -r /sys/kernel/btf/vmlinux ] || { echo "SKIP: no kernel BTF"; exit 77; }
st="${top_builddir:-.}/examples/stratotrace"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
fail() { echo "FAIL: $*"; cat "$out"; exit 1; }

"$st" -e execve -o "$out" -- /bin/true "a b" c || fail "stratotrace exited $?"
grep -qxF 'execve("/bin/true", ["/bin/true", "a b", "c"], ...) = 0' "$out" || fail "no execve line"
grep -qxF '+++ exited with 0 +++' "$out" || fail "no exit line"
[ "$(stat -c %a "$out")" = 600 ] || fail "-o file mode $(stat -c %a "$out")"

"$st" -f -e execve -o "$out" -- /bin/sh -c '/bin/true x; exit 3'
[ $? = 3 ] || fail "exit status not passed on"
grep -qE '^\[pid +[0-9]+\] execve\("/bin/true", \["/bin/true", "x"\], \.\.\.\) = 0$' "$out" || fail "child not followed"
grep -qE '^\[pid +[0-9]+\] \+\+\+ exited with 3 \+\+\+$' "$out" || fail "no exit 3"

"$st" -e openat -o "$out" -- /bin/cat /nonexistent/strato 2>/dev/null
grep -qxF 'openat(AT_FDCWD, "/nonexistent/strato", O_RDONLY) = -1 ENOENT (No such file or directory)' "$out" ||
	fail "no failed openat line"
# A trailing filter: only the /etc/ file's events, exits still reported.
"$st" -e openat,read,close -o "$out" 'fd.name startswith /etc/' -- /bin/cat /etc/hostname /nonexistent/strato \
	>/dev/null 2>&1
grep -qxF 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3' "$out" || fail "filtered: no /etc/hostname openat"
grep -q '^read(3, ' "$out" || fail "filtered: no read of fd 3"
grep -q 'nonexistent' "$out" && fail "filtered: the /nonexistent openat passed the filter"
grep -qxF '+++ exited with 1 +++' "$out" || fail "filtered: no exit line"
"$st" -o "$out" 'proc.nam = x' -- /bin/true 2>"$out.err" && fail "bad filter accepted"
grep -q "unknown field 'proc.nam'" "$out.err" || { rm -f "$out.err"; fail "no filter error message"; }
rm -f "$out.err"
echo "PASS: stratotrace"
