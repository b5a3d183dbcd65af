#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets everything up, then runs the whole test suite headless, five ways:
#
#   1. _build        every meson test (core, CLI, GUI under Xvfb with a
#                    private D-Bus session; suite 'ui' drives the real
#                    window through AT-SPI and XTest, each test in its own
#                    Xvfb, D-Bus session and accessibility bus);
#   2. _build-asan   the same suite again with AddressSanitizer +
#                    UndefinedBehaviorSanitizer (any report fails the test;
#                    leaks are valgrind's job, see below), less suite 'ui'
#                    (its timed drags and the soak are too slow under ASan);
#   3. _build-tsan   the worker and simulation tests (suite 'threads') with
#                    ThreadSanitizer;
#   4. _build        the core C tests again under valgrind memcheck (errors
#                    or a definite leak fail the test), except the few
#                    long-running engine and figure tests that would take
#                    minutes (tools/valgrind.supp: third-party leaks only);
#   5. _build-fuzz   each libFuzzer harness for SP_FUZZ_SECONDS (default 60)
#                    from its seed corpus (clang; the harnesses' replays of
#                    corpus and regressions run in 1 and 2 as ordinary tests).
#
# Ends with the plain line "N passed, N failed, N skipped" counted from every run's
# meson test log (tools/count-tests.py), and the wall time of each stage.
# SP_TEST_QUICK=1 skips stages 2–5 (for a fast local check).
set -u
cd "$(dirname "$0")/.."

./tools/setup.sh || exit 1

status=0
t0=$(date +%s)
stage_start=$t0
timings=""
logs="_build/meson-logs/testlog.json"

# Records the wall time of the stage that just ended.
stage_done () {
  now=$(date +%s)
  timings="$timings$1 $((now - stage_start)) s; "
  stage_start=$now
}

# Runs a whole suite headless, the way a desktop session would.
headless () {
  xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- "$@"
}

# A stale log from an earlier run must not be counted again.
rm -f _build/meson-logs/testlog.json _build/meson-logs/memcheck-valgrind.json \
      _build-asan/meson-logs/testlog.json _build-tsan/meson-logs/testlog.json \
      _build-fuzz/meson-logs/testlog.json

# ---- 1. the whole suite --------------------------------------------------------
headless meson test -C _build --print-errorlogs --num-processes 2 || status=1
stage_done "suite"

if [ "${SP_TEST_QUICK:-0}" != 1 ]; then
  # ---- 2. AddressSanitizer + UndefinedBehaviorSanitizer -------------------------
  # halt_on_error turns every report into a failed test.  LeakSanitizer is
  # off here: Debian's GLib, GTK and fontconfig are built without frame
  # pointers, so ASan's fast unwinder loses every stack at g_malloc and no
  # suppression can tell a GLib-internal allocation from ours (the exact
  # unwinder, fast_unwind_on_malloc=0, makes the GUI tests time out).
  # Leaks are checked by valgrind in stage 4, which unwinds exactly.
  if [ ! -f _build-asan/build.ninja ]; then
    meson setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false \
      -Dbuildtype=debugoptimized -Dwerror=true >/dev/null || status=1
  fi
  if ninja -C _build-asan >/dev/null; then
    ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_leaks=0:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
      headless meson test -C _build-asan --no-suite ui --print-errorlogs --num-processes 2 -t 3 || status=1
    logs="$logs _build-asan/meson-logs/testlog.json"
  else
    echo "ASan build failed" >&2
    status=1
  fi
  stage_done "asan+ubsan"

  # ---- 3. ThreadSanitizer over the worker ------------------------------------------
  # Without OpenMP: libgomp is not built for TSan, so its own barriers
  # would be reported as races (the kernels' split is the same code either
  # way; test-ch's /ch/threads-deterministic covers it in the main build).
  if [ ! -f _build-tsan/build.ninja ]; then
    meson setup _build-tsan -Dgui=false -Db_sanitize=thread -Dopenmp=disabled -Dbuildtype=debugoptimized >/dev/null || status=1
  else
    meson configure _build-tsan -Dopenmp=disabled >/dev/null || status=1
  fi
  ninja -C _build-tsan >/dev/null || status=1
  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
    meson test -C _build-tsan --suite threads --print-errorlogs || status=1
  logs="$logs _build-tsan/meson-logs/testlog.json"
  stage_done "tsan"

  # ---- 4. valgrind memcheck over the core C tests -----------------------------------
  # Only compiled test programs (valgrind on python3 tests would check
  # Python); the engine's long runs (ch, pfhub, ch-stability, the figure
  # and export tests that render many Pango/Cairo figures or run
  # simulations, the worker and the simulation object, which TSan
  # covers, and the lattice Monte Carlo oracles' 10⁷ hops, which ASan
  # covers) are left out because they take minutes under valgrind (figure
  # alone: 3 min).
  memcheck_tests=$(meson introspect --tests _build | python3 -c '
import json, os, sys
skip = {"ch", "pfhub", "ch-stability", "cli-export", "export", "recorder", "worker", "simulation",
        "figure", "kmc"}
for t in json.load(sys.stdin):
    exe = os.path.basename(t["cmd"][0])
    if ("spinodal:core" in t["suite"] and t["name"] not in skip
            and (exe.startswith("test-") or exe.startswith("fuzz-replay-"))):
        print(t["name"])
')
  if command -v valgrind >/dev/null; then
    # shellcheck disable=SC2086
    meson test -C _build --no-rebuild --print-errorlogs --num-processes 2 --logbase memcheck -t 10 \
      --wrap="valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --track-origins=yes --suppressions=$(pwd)/tools/valgrind.supp" \
      $memcheck_tests || status=1
    logs="$logs _build/meson-logs/memcheck-valgrind.json"
  else
    echo "valgrind is not installed" >&2
    status=1
  fi
  stage_done "valgrind"

  # ---- 5. bounded fuzzing (clang libFuzzer + ASan/UBSan) -------------------------------
  if [ ! -f _build-fuzz/build.ninja ]; then
    CC=clang meson setup _build-fuzz -Dfuzzing=true -Dgui=false \
      -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null || status=1
  fi
  if ninja -C _build-fuzz tests/fuzz-session tests/fuzz-cli-args tests/fuzz-eis-read tests/fuzz-circuit tests/fuzz-traj-read >/dev/null; then
    ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_leaks=1" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
      meson test -C _build-fuzz --no-rebuild --suite fuzz --print-errorlogs --num-processes 2 || status=1
    logs="$logs _build-fuzz/meson-logs/testlog.json"
    # Crashes land in _build-fuzz/tests/fuzz-artifacts/: copy each one to
    # tests/fuzz/regressions/<harness>/ so the replay tests keep it fixed.
    find _build-fuzz/tests/fuzz-artifacts -type f 2>/dev/null | sed 's/^/fuzz artifact: /' >&2
  else
    echo "fuzz build failed" >&2
    status=1
  fi
  stage_done "fuzz"
fi

echo "stage times: ${timings}total $(( $(date +%s) - t0 )) s"
# shellcheck disable=SC2086
python3 tools/count-tests.py $logs || status=1
exit $status
