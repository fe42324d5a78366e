#!/bin/sh
# bench/write.sh: builds bench/write-bench and prints the median events/s of
# 5 runs for each writer configuration (compat/current profile, plain, gzip
# at zlib's default level 6 and at level 1). Run from the build directory
# (default: the project root). Environment: EVENTS (default 1000000), RUNS
# (default 5), DIR (where the files are written, default /tmp).
set -e
top=${top_builddir:-$(cd "$(dirname "$0")/.." && pwd)}
events=${EVENTS:-1000000}
runs=${RUNS:-5}
dir=${DIR:-/tmp}

${MAKE:-make} -C "$top" -s bench/write-bench >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM
i=0
while [ "$i" -lt "$runs" ]; do
	"$top/bench/write-bench" --events "$events" --dir "$dir" >>"$out"
	i=$((i + 1))
done
echo "writer: $events events, median of $runs runs ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
for cfg in $(awk '{ print $1 }' "$out" | awk '!seen[$0]++'); do
	awk -v c="$cfg" '$1 == c { print $2, $7 }' "$out" | sort -n | awk -v c="$cfg" -v n="$runs" '
		{ ev[NR] = $1; mb[NR] = $2 }
		END { m = int((NR + 1) / 2); printf "%-14s %10.0f events/s  (min %.0f, max %.0f)  file %s MB\n", c, ev[m], ev[1], ev[NR], mb[m] }'
done
