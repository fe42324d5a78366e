#!/bin/sh
# bench/fields.sh: per-event cost of the state engine and of extracting
# proc.name, fd.name and evt.args (cumulative), over 1,000,000 events read
# from a public sample capture (re-read until the count is reached), 5 runs,
# medians; then the state's memory with 100,000 threads and 1,000,000 fds.
# Usage: bench/fields.sh [CAPTURE] (default: ../shared 502Error.scap).
: "${top_builddir:=.}"
cap=${1:-${STRATO_SHARED:-../shared}/scap-samples/draios-sysdig-inspect/502Error.scap}
bin=$top_builddir/bench/bench_fields
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
for run in 1 2 3 4 5; do
	"$bin" events "$cap" 1000000 >>"$tmp" || exit 1
done
echo "ns/event over 1,000,000 events, median of 5 runs ($cap):"
for k in state-off state-on proc.name fd.name evt.args; do
	printf '  %-10s %s\n' "$k" "$(awk -v k="$k" '$1 == k { print $2 }' "$tmp" | sort -n | sed -n 3p)"
done
echo "state memory:"
"$bin" memory 100000 1000000
