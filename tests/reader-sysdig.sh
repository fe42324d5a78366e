#!/bin/sh
# tests/reader-sysdig.sh: every public sample capture must read to its end
# with stratoread -r, and for every sample sysdig 0.29.3 opens, the events
# must match what sysdig shows: the same exit events (timestamp and thread,
# per-type counts) and the same number of enter-only events (procexit,
# switch, signaldeliver, ...). The library merges syscall enter events into
# their exit and delivers alone only those whose exit never came, so those
# can only be fewer than sysdig's enter events. sysdig hides procinfo and most
# container events, so for those only "no fewer than sysdig" is required;
# a kind that sysdig shows only as ">" must be delivered too.
set -u
: "${top_builddir:=.}"
: "${STRATO_SHARED:=${top_srcdir:-.}/../shared}"
command -v sysdig >/dev/null 2>&1 || { echo "sysdig not installed"; exit 77; }
[ -d "$STRATO_SHARED/scap-samples" ] || { echo "no $STRATO_SHARED/scap-samples"; exit 77; }
read_bin=$top_builddir/examples/stratoread
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
compared=0

for f in "$STRATO_SHARED"/scap-samples/*/*.scap; do
	name=${f#"$STRATO_SHARED"/scap-samples/}
	if ! "$read_bin" -r "$f" -j >"$tmp/json" 2>"$tmp/err"; then
		echo "FAIL $name: stratoread: $(cat "$tmp/err")"
		fail=1
		continue
	fi
	# "ts tid dir type" per event, from the JSON lines (keys in any order;
	# the time is evt.outputtime of the default line, in nanoseconds).
	awk 'function val(re,  v) {
		if (!match($0, re)) return ""
		v = substr($0, RSTART, RLENGTH); sub(/^"[^"]*":"?/, "", v); sub(/"$/, "", v); return v
	}
	{
		ts = val("\"evt\\.(output)?time\":[0-9]+"); tid = val("\"thread\\.tid\":-?[0-9]+")
		dir = val("\"evt\\.dir\":\"[<>]\""); type = val("\"evt\\.type\":\"[^\"]*\"")
		if (ts != "" && tid != "" && dir != "" && type != "") print ts, tid, dir, type
	}' "$tmp/json" >"$tmp/ours"
	if [ "$(wc -l <"$tmp/ours")" -ne "$(wc -l <"$tmp/json")" ]; then
		echo "FAIL $name: unparsable JSON line"
		fail=1
		continue
	fi
	if ! sysdig -r "$f" -p '%evt.rawtime %thread.tid %evt.dir %evt.type' >"$tmp/sys" 2>"$tmp/err"; then
		echo "read-only $name ($(wc -l <"$tmp/ours") events): sysdig cannot read it: $(head -c 120 "$tmp/err")"
		continue
	fi
	compared=$((compared + 1))
	awk '$3 == "<" { print $1, $2 }' "$tmp/ours" | sort >"$tmp/ok"
	awk '$3 == "<" { print $1, $2 }' "$tmp/sys" | sort >"$tmp/sk"
	if ! cmp -s "$tmp/ok" "$tmp/sk"; then
		echo "FAIL $name: exit events differ (< ours, > sysdig):"
		diff "$tmp/ok" "$tmp/sk" | head -5
		fail=1
	fi
	# Per-type counts. sysdig names generic events after their system call,
	# stratoread calls them "syscall": a sysdig exit name that stratoread
	# never printed is counted as "syscall".
	if ! awk -v f="$name" '
		FNR == NR { if ($3 == "<") { oc[$4]++; if ($4 != "syscall") known[$4] = 1 } else oe[$4]++; next }
		$3 == "<" { t = ($4 in known) ? $4 : "syscall"; sc[t]++; sx[$4] = 1 }
		$3 == ">" { se[$4]++ }
		END {
			bad = 0
			for (t in oc) if (oc[t] != sc[t]) { print "FAIL " f ": < " t ": ours " oc[t] ", sysdig " sc[t] + 0; bad = 1 }
			for (t in sc) if (!(t in oc)) { print "FAIL " f ": < " t ": ours 0, sysdig " sc[t]; bad = 1 }
			for (t in oe) {
				if (t == "syscall" || (t in sx)) { orphans += oe[t]; continue }
				hidden = (t == "procinfo" || t == "container")
				if ((!hidden && oe[t] != se[t]) || (hidden && oe[t] < se[t])) {
					print "FAIL " f ": > " t ": ours " oe[t] ", sysdig " se[t] + 0; bad = 1
				}
			}
			# A kind sysdig shows only as ">" must not be swallowed as an enter,
			# except the enter of system calls that never return (exit,
			# exit_group, sigreturn): without an exit there is nothing to merge
			# into, and current libs drop them the same way.
			for (t in se) if (!(t in oe) && !(t in sx) && t !~ /^(exit|exit_group|sigreturn|rt_sigreturn)$/) { print "FAIL " f ": > " t ": ours 0, sysdig " se[t]; bad = 1 }
			for (t in se) if (t in sx) sysenters += se[t]
			if (orphans > sysenters) { print "FAIL " f ": " orphans " lone syscall enter events, sysdig has " sysenters + 0 " enters"; bad = 1 }
			n = 0; k = 0; for (t in oc) { n += oc[t]; k++ }
			m = 0; for (t in oe) m += oe[t]
			printf "ok %s: %d exit events and %d enter events, %d of them lone syscall enters (%d exit types)\n", f, n, m, orphans, k
			exit bad
		}' "$tmp/ours" "$tmp/sys"; then
		fail=1
	fi
done
echo "compared with sysdig: $compared samples"
[ "$compared" -gt 0 ] || { echo "FAIL: no sample could be compared"; fail=1; }
exit $fail
