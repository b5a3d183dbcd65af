#!/bin/sh
# Sets everything up, then runs the whole test suite headless: every meson
# test (core, CLI, GUI under Xvfb with a private D-Bus session), and the
# worker tests again in a ThreadSanitizer build.  Ends with the plain line
# "N passed, N failed" counted from meson's test logs.
set -u
cd "$(dirname "$0")/.."

./tools/setup.sh || exit 1

status=0
xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- \
  meson test -C _build --print-errorlogs --num-processes 2 || status=1

if [ ! -f _build-tsan/build.ninja ]; then
  meson setup _build-tsan -Dgui=false -Db_sanitize=thread -Dbuildtype=debugoptimized >/dev/null || status=1
fi
ninja -C _build-tsan >/dev/null || status=1
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
  meson test -C _build-tsan --suite threads --print-errorlogs || status=1

python3 tools/count-tests.py _build/meson-logs/testlog.json _build-tsan/meson-logs/testlog.json || status=1
exit $status
