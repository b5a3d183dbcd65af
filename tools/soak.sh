#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The long soak (issue 11): random drags of every slider over its full
# range, with the simulation running, for MINUTES (default 30).  It ends
# with the simulation still running and nothing on stderr, or fails.
#   tools/soak.sh [MINUTES] [SEED]
# The test starts its own Xvfb, D-Bus session and accessibility bus.
set -eu
cd "$(dirname "$0")/.."
minutes=${1:-30}
case $minutes in
  ''|*[!0-9]*) echo "usage: tools/soak.sh [MINUTES] [SEED] (MINUTES a whole number)" >&2; exit 2 ;;
esac
BUILD=${SPINODAL_BUILD_DIR:-_build}
ninja -C "$BUILD" >/dev/null
SPINODAL_BUILD_DIR=$PWD/$BUILD SPINODAL_SOAK_SECONDS=$((minutes * 60)) \
  SPINODAL_SOAK_SEED=${2:-${SPINODAL_SOAK_SEED:-}} PYTHONDONTWRITEBYTECODE=1 \
  exec /usr/bin/python3 tests/ui/test-soak.py
