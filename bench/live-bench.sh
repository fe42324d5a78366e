#!/bin/sh
# bench/live-bench.sh: cost of live capture on a tight getpid loop, side by
# side with the floor (empty tp_btf programs), bpftrace's syscall counter
# and strace; then the highest sustained event rate. Needs root, BTF, and
# a built tree (`make check` builds bench/live_bench). Prints medians of
# RUNS runs (default 5) of N calls (default 2000000; strace: N/20). Times
# are the looping child's CPU time, which other tasks of a shared machine do
# not inflate, except under strace: its cost is mostly time the child spends
# stopped, so strace is timed in wall time against the loop in wall time.
# Usage: bench/live-bench.sh [RUNS] [N]
set -u
runs=${1:-5}
n=${2:-2000000}
b="${top_builddir:-.}/bench/live_bench"
[ "$(id -u)" = 0 ] || { echo "needs root" >&2; exit 1; }
[ -x "$b" ] || { echo "build first: make check (missing $b)" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The fastest run: on a shared machine, interference only ever adds time.
minimum() { sort -n | head -1; }

# bpftrace's tracepoint needs tracefs; mount it for this comparison only.
mounted=
if [ ! -e /sys/kernel/tracing/events ] && command -v bpftrace >/dev/null; then
	mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null && mounted=1
fi

for mode in loop floor uninteresting uninteresting-enter capture capture-checks bpftrace loop-wall strace; do
	: >"/tmp/live-bench.$mode"
done
i=0
while [ "$i" -lt "$runs" ]; do
	for mode in loop floor uninteresting uninteresting-enter capture capture-checks; do
		"$b" "$mode" "$n" 2>/dev/null >>"/tmp/live-bench.$mode"
	done
	if command -v bpftrace >/dev/null; then
		bpftrace -e 'tracepoint:raw_syscalls:sys_enter { @ = count(); }' >/dev/null 2>&1 &
		bt=$!
		sleep 3 # attach time
		if kill -0 "$bt" 2>/dev/null; then
			"$b" loop "$n" >>/tmp/live-bench.bpftrace
			kill -INT "$bt"
		fi
		wait "$bt" 2>/dev/null
	fi
	if command -v strace >/dev/null; then
		"$b" loop-wall "$n" >>/tmp/live-bench.loop-wall
		strace -f -o /dev/null "$b" loop-wall $((n / 20)) >>/tmp/live-bench.strace
	fi
	i=$((i + 1))
done

base=$(median </tmp/live-bench.loop)
printf '%-22s %10s %12s %14s %10s\n' mode ns/call "added ns" "added/floor" "min ns"
floor=$(median </tmp/live-bench.floor)
fadd=$(echo "$floor $base" | awk '{ print $1 - $2 }')
wbase=$(median </tmp/live-bench.loop-wall 2>/dev/null)
for mode in loop floor uninteresting uninteresting-enter capture capture-checks bpftrace loop-wall strace; do
	if [ ! -s "/tmp/live-bench.$mode" ]; then
		printf '%-22s %10s\n' "$mode" "n/a (tool missing or failed)"
		continue
	fi
	m=$(median <"/tmp/live-bench.$mode")
	mb=$base
	case $mode in loop-wall | strace) mb=$wbase ;; esac
	echo "$mode $m $mb $fadd $(minimum <"/tmp/live-bench.$mode")" |
		awk '{ a = $2 - $3; printf "%-22s %10.1f %12.1f %14.2f %10.1f\n", $1, $2, a, ($4 > 0 ? a / $4 : 0), $5 }'
done
cap=$(median </tmp/live-bench.capture)
if [ -s /tmp/live-bench.bpftrace ] && [ -s /tmp/live-bench.strace ]; then
	echo "$cap $(median </tmp/live-bench.bpftrace) $(median </tmp/live-bench.strace) $base $wbase" | awk '{
		c = $1 - $4; printf "captured+decoded event vs bpftrace counter: %.2fx the added time\n", c / ($2 - $4);
		printf "strace vs captured+decoded event: %.0fx the added time\n", ($3 - $5) / c }'
fi

echo "sustained rate, 10 s at full speed (events/s delivered, drops):"
for p in 1 2; do
	printf '  %d producer(s): ' "$p"
	"$b" rate 10 "$p"
done
[ -n "$mounted" ] && umount /sys/kernel/tracing
rm -f /tmp/live-bench.*
