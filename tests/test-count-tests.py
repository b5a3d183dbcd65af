#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tools/count-tests.py on made-up meson test logs: the last line is
'N passed, N failed, N skipped', a skipped test counts as skipped (never as
passed), and the exit status says whether anything failed.

usage: test-count-tests.py SOURCE_ROOT
"""

import json
import os
import subprocess
import sys
import tempfile


def write_log(directory, name, results):
    path = os.path.join(directory, name)
    with open(path, 'w', encoding='utf-8') as log:
        for i, result in enumerate(results):
            log.write(json.dumps({'name': f'{name}-{i}', 'result': result}) + '\n')
        log.write('\n')
    return path


def run(script, *logs):
    done = subprocess.run([sys.executable, script, *logs], capture_output=True, text=True,
                          check=False)
    return done.returncode, done.stdout.rstrip('\n').split('\n')[-1], done.stdout


def expect(what, got, wanted):
    if got != wanted:
        print(f'{what}: got {got!r}, expected {wanted!r}', file=sys.stderr)
        return 1
    return 0


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    script = os.path.join(sys.argv[1], 'tools', 'count-tests.py')
    errors = 0
    with tempfile.TemporaryDirectory() as tmp:
        good = write_log(tmp, 'good', ['OK', 'OK', 'SKIP', 'EXPECTEDFAIL', 'SKIP'])
        bad = write_log(tmp, 'bad', ['OK', 'FAIL', 'TIMEOUT', 'SKIP'])
        only_skips = write_log(tmp, 'skips', ['SKIP', 'SKIP'])

        status, last, out = run(script, good)
        errors += expect('passing log, last line', last, '3 passed, 0 failed, 2 skipped')
        errors += expect('passing log, status', status, 0)
        errors += expect('skipped names listed', 'skipped: good-2, good-4' in out, True)

        status, last, out = run(script, good, bad)
        errors += expect('two logs, last line', last, '4 passed, 2 failed, 3 skipped')
        errors += expect('two logs, status', status, 1)
        errors += expect('failed names listed', 'bad-1 (FAIL), bad-2 (TIMEOUT)' in out, True)

        # Nothing passed: a run that only skipped proved nothing.
        status, last, _ = run(script, only_skips)
        errors += expect('only skips, last line', last, '0 passed, 0 failed, 2 skipped')
        errors += expect('only skips, status', status, 1)

        status, last, _ = run(script, good, os.path.join(tmp, 'missing.json'))
        errors += expect('missing log, last line', last, '3 passed, 1 failed, 2 skipped')
        errors += expect('missing log, status', status, 1)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
