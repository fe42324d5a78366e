#!/bin/sh
# tests/headertest.sh: every public header must compile on its own, as
# strict C99 and as C++, so consumers can include any of them in any order.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}" "${CC:=cc}" "${CXX:=c++}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0
for h in "$top_srcdir"/include/stratocore/*.h "$top_builddir"/include/stratocore/version.h; do
	name=$(basename "$h")
	printf '#include <stratocore/%s>\nint strato_headertest_dummy;\n' "$name" > "$tmp/t.c"
	cp "$tmp/t.c" "$tmp/t.cpp"
	inc="-I$top_builddir/include -I$top_srcdir/include"
	if ! $CC -std=c99 -Wall -Wextra -pedantic -Werror $inc -c "$tmp/t.c" -o "$tmp/t.o"; then
		echo "FAIL: $name does not compile alone as C99"; fail=1
	fi
	if ! $CXX -std=c++11 -Wall -Wextra -pedantic -Werror $inc -c "$tmp/t.cpp" -o "$tmp/t.o"; then
		echo "FAIL: $name does not compile alone as C++"; fail=1
	fi
	n=$((n + 1))
done
echo "headertest: $n headers checked as C99 and C++"
exit $fail
