#!/bin/sh
# scripts/build.sh: installs what is missing, then configures and builds the
# library, the probe and the examples in the source tree.
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure --quiet
make -j"$(nproc)" >/dev/null
