#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a program's start-up does not turn GSL's error handler off.

GSL's default handler aborts the process, and the handler is process-wide:
the core checks every GSL status instead, and each program turns the
handler off once in main() (sp_gsl_init, src/core/sp-gsl.h) before any
thread starts.  Every main() under src/ and tests/ must call it in its own
body; a libFuzzer harness does so in LLVMFuzzerInitialize, which the
replaying main() calls in turn.

usage: test-gsl-init.py SOURCE_ROOT
"""

import os
import re
import sys

SCANNED_DIRS = ('src', 'tests')


def function_body(text, name):
    """The text of NAME's definition (return type on its own line, GNU
    style, so the name starts a line), up to the closing brace at column 0;
    None when the file does not define NAME."""
    match = re.search(r'^' + re.escape(name) + r' \(', text, re.MULTILINE)
    if match is None:
        return None
    end = re.compile(r'^\}', re.MULTILINE).search(text, match.end())
    return text[match.end():end.end() if end else len(text)]


def problems(root):
    found = []
    programs = 0
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(('_build', '.')))
            for name in sorted(filenames):
                if not name.endswith('.c'):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8') as f:
                    text = f.read()
                rel = os.path.relpath(path, root)
                main = function_body(text, 'main')
                if main is not None:
                    programs += 1
                    if not re.search(r'\bsp_gsl_init \(\);|\bLLVMFuzzerInitialize \(', main):
                        found.append(f'{rel}: main() does not call sp_gsl_init ()')
                if function_body(text, 'LLVMFuzzerTestOneInput') is not None:
                    init = function_body(text, 'LLVMFuzzerInitialize')
                    if init is None or 'sp_gsl_init ();' not in init:
                        found.append(f'{rel}: no LLVMFuzzerInitialize () calling sp_gsl_init ()')
    if programs == 0:
        found.append('no main() found: wrong SOURCE_ROOT?')
    return found, programs


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    found, programs = problems(sys.argv[1])
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        print(f'{programs} programs turn GSL\'s error handler off at start-up')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
