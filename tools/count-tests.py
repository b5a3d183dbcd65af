#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints 'N passed, N failed, N skipped' from meson testlog.json files.

Each line of a testlog.json is one test result: OK and EXPECTEDFAIL count
as passed, SKIP as skipped (a test that did not run proved nothing), any
other result as failed.  One line per log first (which run contributed
what, and the names of the failed and skipped tests), then the plain total
line last, alone, for CI.
Exits 1 when any test failed, a log is missing, or no test passed at all.
"""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    p = f = s = 0
    failures = []
    skips = []
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                if not line.strip():
                    continue
                entry = json.loads(line)
                result = entry.get("result")
                if result in ("OK", "EXPECTEDFAIL"):
                    p += 1
                elif result == "SKIP":
                    s += 1
                    skips.append(str(entry.get("name")))
                else:
                    f += 1
                    failures.append(f"{entry.get('name')} ({result})")
    except FileNotFoundError:
        print(f"missing test log: {path}", file=sys.stderr)
        f += 1
        failures.append("the whole run (no log)")
    # Not in the "N passed, N failed, N skipped" form: only the total line is.
    print(f"  {path} — passed {p}, failed {f}, skipped {s}"
          + (f" — failed: {', '.join(failures)}" if failures else "")
          + (f" — skipped: {', '.join(skips)}" if skips else ""))
    passed += p
    failed += f
    skipped += s

# The last line is exactly "N passed, N failed, N skipped": CI reads it as it is.
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
