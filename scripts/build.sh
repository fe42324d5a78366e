#!/bin/sh
# scripts/build.sh: installs what is missing, then configures and builds the
# library, the probe and the examples out of tree in build/ (so a sanitizer
# build can sit beside it in build-asan/).
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
[ -x configure ] && [ configure -nt configure.ac ] || autoreconf -fi >/dev/null
mkdir -p build
cd build
[ -f Makefile ] || ../configure --quiet
make -j"$(nproc)" >/dev/null
