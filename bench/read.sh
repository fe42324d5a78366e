#!/bin/sh
# bench/read.sh: reading speed of libstratocore against sysdig 0.29.3, side
# by side in one run. Writes a capture of EVENTS (default 1,000,000) events
# with the library (bench/write-bench), in the compat layout (each event an
# enter + exit block pair, what sysdig writes) and in the current layout
# (exit blocks only), plain and gzip level 1, plus the compat file as one
# gzip member (`gzip -1`, the shape sysdig -z writes, which the reader
# decompresses with zlib streaming); then, RUNS times each (default
# 5), times bench/read-bench (read + decode of every event, no output; and
# again with the state engine on, "+state") and
# `sysdig -r FILE proc.name=nomatch` on the same file, and prints medians and
# the ratio of sysdig's time to ours. Run from the build directory.
# BASE=CMD (optional): an older read-bench (e.g. a script running one built
# from another commit) timed in the same loop, for a before/after column.
set -e
top=${top_builddir:-$(pwd)}
events=${EVENTS:-1000000}
runs=${RUNS:-5}
dir=$(mktemp -d "${TMPDIR:-/tmp}/strato-read-XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
${MAKE:-make} -C "$top" -s bench/write-bench bench/read-bench >/dev/null
command -v sysdig >/dev/null || { echo "sysdig is not installed"; exit 1; }

"$top/bench/write-bench" --out "$dir/compat.scap" --events "$events" >/dev/null
"$top/bench/write-bench" --out "$dir/compat.scap.gz" --events "$events" --gzip 1 >/dev/null
"$top/bench/write-bench" --out "$dir/current.scap" --events "$events" --current >/dev/null
"$top/bench/write-bench" --out "$dir/current.scap.gz" --events "$events" --current --gzip 1 >/dev/null
gzip -1 -c "$dir/compat.scap" >"$dir/compat-1member.scap.gz"

now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "read: $events events per file, median of $runs runs ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-22s %8s %9s %10s %9s %9s %7s %7s' file blocks "ours s" "ours ev/s" "+state s" "sysdig s" ratio "+state"
[ -n "${BASE:-}" ] && printf ' %9s %7s' "base s" "base x"
echo
for f in compat.scap compat.scap.gz current.scap current.scap.gz compat-1member.scap.gz; do
	: >"$dir/ours"
	: >"$dir/state"
	: >"$dir/sys"
	: >"$dir/base"
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$top/bench/read-bench" "$dir/$f" >>"$dir/ours"
		[ -z "${BASE:-}" ] || $BASE "$dir/$f" >>"$dir/base"
		"$top/bench/read-bench" "$dir/$f" --state >>"$dir/state"
		t0=$(now)
		sysdig -r "$dir/$f" proc.name=nomatch >/dev/null
		t1=$(now)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >>"$dir/sys"
		i=$((i + 1))
	done
	n=$(head -n 1 "$dir/ours" | cut -d' ' -f1)
	ours=$(cut -d' ' -f2 "$dir/ours" | median)
	state=$(cut -d' ' -f2 "$dir/state" | median)
	sys=$(median <"$dir/sys")
	case $f in compat*) blocks=$((2 * n)) ;; *) blocks=$n ;; esac
	awk -v f="$f" -v b="$blocks" -v n="$n" -v o="$ours" -v st="$state" -v s="$sys" \
		'BEGIN { printf "%-22s %8s %9.3f %10.0f %9.3f %9.3f %6.1fx %6.1fx", f, b, o, n / o, st, s, s / o, s / st }'
	[ -z "${BASE:-}" ] || awk -v o="$(cut -d' ' -f2 "$dir/base" | median)" -v s="$sys" \
		'BEGIN { printf " %9.3f %6.1fx", o, s / o }'
	echo
done
