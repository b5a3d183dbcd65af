#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets everything up, then opens Spinodal (the LiFePO₄ preset is the default).
set -eu
cd "$(dirname "$0")/.."
./tools/setup.sh
# The settings schema is compiled into the build tree (data/meson.build):
# without it the window would run but forget its parameters and size.
GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export GSETTINGS_SCHEMA_DIR
exec ./_build/src/app/spinodal "$@"
