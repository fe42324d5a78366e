#!/bin/sh
# tests/abi-check.sh: the shared library exports exactly the symbols of the
# version script, each strato_-prefixed and versioned, and the newest version
# node matches the package's major.minor.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}" "${NM:=nm}" "${PACKAGE_VERSION:=0.0.0}"
so=$(ls "$top_builddir"/lib/.libs/libstratocore.so.* 2>/dev/null | head -n 1)
[ -n "$so" ] || { echo "FAIL: no built libstratocore.so"; exit 1; }
map="$top_srcdir/lib/libstratocore.map"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0

nm -D --defined-only "$so" | awk '{print $3}' | grep -v '^STRATOCORE_' | sort > "$tmp/exported"
grep -vE '^[[:space:]]*(#|/\*|\*)' "$map" | grep -oE '^[[:space:]]+strato_[a-z0-9_]+;' | tr -d ' \t;' | sort > "$tmp/mapped"

if grep -v '@@STRATOCORE_\|@STRATOCORE_' "$tmp/exported" > "$tmp/unversioned"; then
	:
fi
bad=$(grep -v '^strato_' "$tmp/exported" | sed 's/@.*//')
if [ -n "$bad" ]; then echo "FAIL: exported symbols without the strato_ prefix:"; echo "$bad"; fail=1; fi
unv=$(grep -v '@@\?STRATOCORE_' "$tmp/exported")
if [ -n "$unv" ]; then echo "FAIL: exported symbols without a STRATOCORE_ version:"; echo "$unv"; fail=1; fi
sed 's/@.*//' "$tmp/exported" | sort > "$tmp/names"
if ! diff -u "$tmp/mapped" "$tmp/names"; then
	echo "FAIL: exported symbols differ from lib/libstratocore.map (- map only, + exported only)"; fail=1
fi
# Every declared STRATO_API function must be in the map.
grep -hoE 'STRATO_API [^(]*[ *]strato_[a-z0-9_]+\(' "$top_srcdir"/include/stratocore/*.h "$top_builddir"/include/stratocore/version.h \
	| grep -oE 'strato_[a-z0-9_]+\($' | tr -d '(' | sort -u > "$tmp/declared"
if ! diff -u "$tmp/declared" "$tmp/mapped"; then
	echo "FAIL: public declarations differ from the map (- declared only, + mapped only)"; fail=1
fi
newest=$(grep -oE 'STRATOCORE_[0-9]+\.[0-9]+' "$map" | tail -n 1 | sed 's/STRATOCORE_//')
want=$(echo "$PACKAGE_VERSION" | cut -d. -f1,2)
if [ "$newest" != "$want" ]; then
	echo "FAIL: newest map node is $newest but the package version is $PACKAGE_VERSION"; fail=1
fi
echo "abi-check: $(wc -l < "$tmp/names") exported symbols, all versioned STRATOCORE_*"
exit $fail
