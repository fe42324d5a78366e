#!/bin/sh
# tests/filter-falco.sh: the official Falco rules (stable, incubating,
# sandbox) load through the small rules loader: every list and macro and
# every rule is counted (the counts must equal the files' own `- list:`,
# `- macro:`, `- rule:` entries), every list expands, and every macro and
# rule condition compiles except those naming a field the library does not
# provide, which must fail with an error naming a field of the families
# below. Then the rule set runs over every public sample (tests/check_falco_live
# runs it over a live capture).
shared=${STRATO_SHARED:-../shared}
rules=$shared/falco-rules
[ -f "$rules/falco_rules.yaml" ] || { echo "no Falco rules in $rules"; exit 77; }
tool=${top_builddir:-.}/tests/filter_falco
files="$rules/falco_rules.yaml $rules/falco-incubating_rules.yaml $rules/falco-sandbox_rules.yaml"
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
# shellcheck disable=SC2086
"$tool" $files >"$out"
rc=$?
cat "$out" | grep -v '^nofield' 
fail=0
[ $rc -eq 0 ] || { echo "loader or compiler errors (exit $rc)"; fail=1; }
for kind in list macro rule; do
	# shellcheck disable=SC2086
	# an entry's kind key may be its first key or a later one
	want=$(cat $files | awk -v k="$kind" '/^- /{e=1} /^[^ #-]/{e=0} e && $0 ~ "^(- |  )" k ":" {n++} END{print n+0}')
	got=$(awk -v k="${kind}s" '$1 == k { print $2 }' "$out")
	[ "$want" = "$got" ] || { echo "$kind: loader found $got, files have $want"; fail=1; }
done
# fields from Falco plugins and container/k8s metadata the library lacks
bad=$(awk '$1 == "nofield" { print $NF }' "$out" |
	grep -Ev '^(container\.|k8s\.|ka\.|proc\.|thread\.|fd\.|evt\.|user\.|group\.|fs\.|spawned\.)' | sort -u)
[ -z "$bad" ] || { echo "unexpected missing fields: $bad"; fail=1; }
echo "missing fields (rules and macros that use them):"
awk '$1 == "nofield" { print $NF }' "$out" | sort | uniq -c
ok=$(awk '$1 == "rules" { print $4 }' "$out")
[ "${ok:-0}" -gt 0 ] || { echo "no rule compiled"; fail=1; }
for f in $(find "$shared/scap-samples" -name '*.scap*' 2>/dev/null | sort); do
	# shellcheck disable=SC2086
	"$tool" -r "$f" $files | grep -E '^(events|hit)' | sed "s|^|${f#"$shared"/}: |" ||
		{ echo "rule set failed on $f"; fail=1; }
done
exit $fail
