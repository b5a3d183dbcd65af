#!/bin/sh
# Sets everything up, then opens Spinodal (the LiFePO₄ preset is the default).
set -eu
cd "$(dirname "$0")/.."
./tools/setup.sh
exec ./_build/src/app/spinodal "$@"
