#!/bin/sh
# tests/link-test.sh: install into a staging directory and build a small
# consumer through pkg-config, the way an application would, then run it.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}" "${CC:=cc}" "${MAKE:=make}"
stage=$(mktemp -d) || exit 99
trap 'rm -rf "$stage"' EXIT
if ! $MAKE -s -C "$top_builddir" install DESTDIR="$stage" >"$stage/install.log" 2>&1; then
	cat "$stage/install.log"; echo "FAIL: staged make install"; exit 1
fi
pcdir=$(dirname "$(find "$stage" -name libstratocore.pc | head -n 1)")
[ -n "$pcdir" ] || { echo "FAIL: no libstratocore.pc installed"; exit 1; }
cat > "$stage/consumer.c" <<'C'
#include <stratocore/stratocore.h>
#include <stdio.h>
int main(void)
{
	if (strato_version_number() != STRATO_VERSION_NUMBER) {
		printf("header %d, library %d\n", STRATO_VERSION_NUMBER, strato_version_number());
		return 1;
	}
	if (!strato_event_type_name(3) || strato_capture_close(NULL) != 0)
		return 1;
	printf("linked libstratocore %s\n", strato_version_string());
	return 0;
}
C
export PKG_CONFIG_PATH="$pcdir" PKG_CONFIG_SYSROOT_DIR="$stage"
flags=$(pkg-config --cflags --libs libstratocore) || { echo "FAIL: pkg-config"; exit 1; }
$CC -o "$stage/consumer" "$stage/consumer.c" $flags || { echo "FAIL: consumer does not build"; exit 1; }
libdir=$(dirname "$(find "$stage" -name 'libstratocore.so' | head -n 1)")
LD_LIBRARY_PATH="$libdir" "$stage/consumer" || { echo "FAIL: consumer does not run"; exit 1; }
