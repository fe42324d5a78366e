#!/bin/sh
# tests/fields-doc.sh: docs/fields.md must be exactly what the registry
# prints (tools/gen-fields-md); regenerate it with
# `tools/gen-fields-md > docs/fields.md` after changing a field.
: "${top_srcdir:=.}"
: "${top_builddir:=.}"
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
"$top_builddir/tools/gen-fields-md" >"$tmp" || exit 1
if ! cmp -s "$tmp" "$top_srcdir/docs/fields.md"; then
	echo "docs/fields.md differs from the registry:"
	diff -u "$top_srcdir/docs/fields.md" "$tmp" | head -40
	exit 1
fi
