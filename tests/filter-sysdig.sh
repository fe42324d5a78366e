#!/bin/sh
# tests/filter-sysdig.sh: for every public sample sysdig 0.29.3 opens and
# every filter in tests/data/filters-sysdig.txt, the exit events the library
# selects with "(FILTER) and evt.dir='<'" must be exactly those sysdig
# selects with the same expression (compared as timestamp+tid keys).
# Known sysdig differences are listed in tests/data/filters-sysdig.skip
# (file, filter, reason) and explained in docs/compatibility.md.
shared=${STRATO_SHARED:-../shared}
samples=$shared/scap-samples
command -v sysdig >/dev/null 2>&1 || { echo "sysdig not installed"; exit 77; }
[ -d "$samples" ] || { echo "no samples in $samples"; exit 77; }
keys=${top_builddir:-.}/tests/filter_keys
list=${top_srcdir:-.}/tests/data/filters-sysdig.txt
skip=${top_srcdir:-.}/tests/data/filters-sysdig.skip
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 runs=0 files=0
for f in $(find "$samples" -name '*.scap*' | sort); do
	# only the samples sysdig itself can read
	sysdig -r "$f" -c 1 >/dev/null 2>&1 || sysdig -r "$f" "evt.num=1" >/dev/null 2>&1 || continue
	files=$((files + 1))
	rel=${f#"$samples"/}
	while IFS= read -r flt; do
		case $flt in '#'*|'') continue ;; esac
		if [ -f "$skip" ] && grep -qF "$rel	$flt	" "$skip"; then
			continue
		fi
		expr="($flt) and evt.dir='<'"
		sysdig -r "$f" -p '%evt.rawtime %thread.tid' "$expr" 2>"$tmp/serr" | sort >"$tmp/want" ||
			{ echo "sysdig failed: $rel: $flt: $(cat "$tmp/serr")"; fail=1; continue; }
		"$keys" "$f" "$expr" 2>"$tmp/err" | sort >"$tmp/got"
		if ! cmp -s "$tmp/want" "$tmp/got"; then
			echo "DIFF $rel: $flt: sysdig $(wc -l <"$tmp/want") ours $(wc -l <"$tmp/got") $(head -c 200 "$tmp/err")"
			diff "$tmp/want" "$tmp/got" | head -4
			fail=1
		fi
		runs=$((runs + 1))
	done <"$list"
done
echo "$files samples, $runs filter runs compared"
[ "$files" -gt 0 ] || exit 77
exit $fail
