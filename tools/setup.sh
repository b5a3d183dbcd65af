#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Spinodal needs to build, test and run (Debian 12 / Ubuntu 23.04 or newer: GTK 4.8 and libadwaita 1.2 at least)
# and configures the build directory.  Safe to run again: it installs only
# missing packages and reconfigures only when needed.
set -eu

cd "$(dirname "$0")/.."

PACKAGES="gcc libc6-dev pkg-config meson ninja-build gettext
libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
libgsl-dev libfftw3-dev libjson-glib-dev
xvfb xauth dbus dbus-x11 desktop-file-utils appstream python3
valgrind clang shared-mime-info
groff-base libgtk-4-bin poppler-utils
libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good
libglib2.0-bin at-spi2-core python3-pyatspi python3-gi xdotool imagemagick fonts-wqy-microhei"

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
updated=""

# Installs whichever of the given packages are missing.
install_missing () {
  missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "Installing:$missing"
    if [ -z "$updated" ]; then
      $SUDO apt-get update -qq
      updated=1
    fi
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
  fi
}

# shellcheck disable=SC2086
install_missing $PACKAGES
# libFuzzer's runtime comes with the clang release the distribution
# defaults to (clang 14 on Debian 12), so its package name follows it.
install_missing "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"

BUILD=${SPINODAL_BUILD_DIR:-_build}
if [ ! -f "$BUILD/build.ninja" ]; then
  meson setup "$BUILD" -Dwerror=true
fi
ninja -C "$BUILD"
