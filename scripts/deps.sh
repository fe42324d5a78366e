#!/bin/sh
# scripts/deps.sh: installs the Debian 12 packages that building and testing
# libstratocore need, only those missing. Needs root when something is missing.
set -eu
pkgs="gcc g++ make autoconf automake libtool pkg-config clang llvm bpftool libbpf-dev libelf-dev
zlib1g-dev libdeflate-dev libisal-dev check liblua5.4-dev lua5.4 luajit sysdig strace procps iproute2 gzip ca-certificates"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" != 0 ]; then
	echo "deps: these Debian packages are missing and installing them needs root:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# sysdig is the reference reader of .scap files used by the interop tests.
apt-get install -y -qq --no-install-recommends $missing >/dev/null
