#!/bin/sh
# tests/format-sysdig.sh: the argument formatter against sysdig 0.29.3 on
# the public sample captures (../shared/scap-samples): every event sysdig
# shows must render the same, apart from what only process state gives.
# Skips (77) without sysdig or without the samples.
: "${top_builddir:=.}"
: "${STRATO_SHARED:=../shared}"
command -v sysdig >/dev/null 2>&1 || { echo "sysdig not installed"; exit 77; }
[ -d "$STRATO_SHARED/scap-samples" ] || { echo "no $STRATO_SHARED/scap-samples"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0 files=0
for f in "$STRATO_SHARED"/scap-samples/*/*.scap; do
	[ -r "$f" ] || continue
	# captures sysdig cannot open (newer fd types, truncated) prove nothing
	sysdig -r "$f" -p '%evt.num %evt.args|' >"$tmp/out" 2>"$tmp/err" || continue
	[ -s "$tmp/out" ] || continue
	files=$((files + 1))
	"$top_builddir/tests/check_format_sysdig" "$f" "$tmp/out" || status=1
done
[ "$files" -gt 0 ] || { echo "sysdig read none of the samples"; exit 77; }
exit $status
