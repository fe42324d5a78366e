#!/bin/sh
# tests/roundtrip-sysdig.sh: captures go back to sysdig losslessly. For
# every public sample sysdig 0.29.3 opens, `stratoread -r SAMPLE -w OUT`
# rewrites it (compat profile, plain and gzip) and sysdig's default output
# for OUT must be the output for the original. The compat profile writes
# each enter event right before its exit, so where threads interleave the
# order of lines can change: lines are compared as a multiset, without the
# event number that only counts them (their count must match too).
set -u
: "${top_builddir:=.}"
: "${STRATO_SHARED:=${top_srcdir:-.}/../shared}"
command -v sysdig >/dev/null 2>&1 || { echo "SKIP: sysdig not installed"; exit 77; }
[ -d "$STRATO_SHARED/scap-samples" ] || { echo "SKIP: no $STRATO_SHARED/scap-samples"; exit 77; }
read_bin=$top_builddir/examples/stratoread
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
compared=0

for f in "$STRATO_SHARED"/scap-samples/*/*.scap; do
	name=${f#"$STRATO_SHARED"/scap-samples/}
	if ! sysdig -r "$f" >"$tmp/orig" 2>"$tmp/err"; then
		echo "skip $name: sysdig cannot read the original: $(head -c 100 "$tmp/err")"
		continue
	fi
	cut -d' ' -f2- "$tmp/orig" | sort >"$tmp/orig.sorted"
	for z in "" "-z"; do
		rm -f "$tmp/out.scap"
		if ! "$read_bin" -r "$f" -w "$tmp/out.scap" $z 2>"$tmp/err"; then
			echo "FAIL $name $z: stratoread -w: $(cat "$tmp/err")"; fail=1; continue
		fi
		mode=$(stat -c %a "$tmp/out.scap")
		[ "$mode" = 600 ] || { echo "FAIL $name: written with mode $mode, not 600"; fail=1; }
		if ! sysdig -r "$tmp/out.scap" >"$tmp/new" 2>"$tmp/err"; then
			echo "FAIL $name $z: sysdig cannot read the rewrite: $(head -c 200 "$tmp/err")"; fail=1; continue
		fi
		cut -d' ' -f2- "$tmp/new" | sort >"$tmp/new.sorted"
		if cmp -s "$tmp/orig.sorted" "$tmp/new.sorted"; then
			echo "ok $name $z: $(wc -l <"$tmp/orig") lines identical"
		else
			echo "FAIL $name $z: $(wc -l <"$tmp/orig") lines originally, $(wc -l <"$tmp/new") rewritten; first differences (< original, > rewrite):"
			diff "$tmp/orig.sorted" "$tmp/new.sorted" | head -n 8
			fail=1
		fi
	done
	compared=$((compared + 1))
done
echo "round trips judged by sysdig: $compared samples"
[ "$compared" -gt 0 ] || { echo "FAIL: no sample could be compared"; fail=1; }
exit $fail
