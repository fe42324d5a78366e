#!/bin/sh
# bench/filter.sh: filter speed. (1) bench/filter-bench on a capture of
# EVENTS (default 1,000,000) events written by bench/write-bench: ns per
# event of single filters and of a 100-rule set; (2) stratoread with a
# filter no event matches against `sysdig -r FILE FILTER`, RUNS times each
# (default 5), medians and events/s. Run from the build directory.
set -e
top=${top_builddir:-$(pwd)}
events=${EVENTS:-1000000}
runs=${RUNS:-5}
dir=$(mktemp -d "${TMPDIR:-/tmp}/strato-filter-XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
${MAKE:-make} -C "$top" -s bench/write-bench bench/filter-bench examples/stratoread >/dev/null
"$top/bench/write-bench" --out "$dir/compat.scap" --events "$events" >/dev/null
echo "filter-bench: $events events ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
"$top/bench/filter-bench" "$dir/compat.scap"

now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
flt='proc.name = nomatch and fd.name contains /nomatch/'
: >"$dir/ours"
: >"$dir/sys"
i=0
while [ "$i" -lt "$runs" ]; do
	t0=$(now)
	"$top/examples/stratoread" -r "$dir/compat.scap" $flt >/dev/null
	t1=$(now)
	sysdig -r "$dir/compat.scap" "$flt" >/dev/null
	t2=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' >>"$dir/ours"
	awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.6f\n", b - a }' >>"$dir/sys"
	i=$((i + 1))
done
o=$(median <"$dir/ours")
s=$(median <"$dir/sys")
awk -v o="$o" -v s="$s" -v n="$events" 'BEGIN {
	printf "stratoread no-match filter: %.3f s, %.0f events/s\n", o, n / o
	printf "sysdig -r no-match filter:  %.3f s, %.0f events/s\n", s, n / s
	printf "ratio (sysdig time / ours): %.2f\n", s / o }'
