#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Adds the SPDX licence line to every source file that lacks one.

Source files: C and headers, CSS, Python, shell, meson files, valgrind
suppressions, GtkBuilder .ui and other XML.  A file that names an
SPDX-License-Identifier anywhere in its first lines is left alone; in any
other, exactly one line is inserted and nothing else changes:
  C, CSS          /* SPDX-License-Identifier: GPL-3.0-or-later */  (line 1)
  #-comments      # SPDX-License-Identifier: GPL-3.0-or-later      (after #!)
  XML             <!-- SPDX-License-Identifier: GPL-3.0-or-later --> (after <?xml?>)
Test data, fuzz corpora and generated files (build trees) are not sources.

usage: spdx.py [--check] [SOURCE_ROOT]   (default: the tree this script is in)
--check lists the files that lack the line and exits 1 if there are any;
without it the line is added to them.
"""

import os
import sys

LICENSE = 'GPL-3.0-or-later'
MARK = 'SPDX-License-Identifier'
HEAD_LINES = 12

C_STYLE = ('.c', '.h', '.css')
HASH_STYLE = ('.py', '.sh', '.supp')
HASH_NAMES = ('meson.build', 'meson_options.txt')
XML_STYLE = ('.ui', '.xml')
# Whole directories that hold data, not sources (relative to the root).
SKIPPED_DIRS = ('tests/data', 'tests/fuzz/corpus', 'tests/fuzz/regressions', 'po')


def style_of(rel, first_line):
    name = os.path.basename(rel)
    if name.endswith(C_STYLE):
        return 'c'
    if name.endswith(HASH_STYLE) or name in HASH_NAMES:
        return 'hash'
    if name.endswith(XML_STYLE):
        return 'xml'
    # Scripts without a suffix (tools/, .ci/run).
    if first_line.startswith('#!') and ('/sh' in first_line or 'python' in first_line):
        return 'hash'
    return None


def is_build_dir(path):
    """A meson build tree (whatever its name): generated files, not sources."""
    return (os.path.exists(os.path.join(path, 'meson-private')) or
            os.path.exists(os.path.join(path, 'build.ninja')))


def sources(root):
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        rel_dir = '' if rel_dir == '.' else rel_dir
        dirnames[:] = sorted(
            d for d in dirnames
            if (not d.startswith(('.', '_build')) or d == '.ci') and
            os.path.join(rel_dir, d) not in SKIPPED_DIRS and
            not is_build_dir(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            yield os.path.join(rel_dir, name)
    # po/ holds the catalogues (not sources) and one meson file.
    po_meson = os.path.join(root, 'po', 'meson.build')
    if os.path.exists(po_meson):
        yield os.path.join('po', 'meson.build')


def with_license(text, style):
    """The text with the licence line added, or None when it has one."""
    lines = text.split('\n')
    if any(MARK in line for line in lines[:HEAD_LINES]):
        return None
    if style == 'c':
        return f'/* {MARK}: {LICENSE} */\n' + text
    if style == 'hash':
        at = 1 if lines[0].startswith('#!') else 0
        lines.insert(at, f'# {MARK}: {LICENSE}')
        return '\n'.join(lines)
    at = 1 if lines[0].startswith('<?xml') else 0
    lines.insert(at, f'<!-- {MARK}: {LICENSE} -->')
    return '\n'.join(lines)


def main(argv):
    check = '--check' in argv
    args = [a for a in argv if a != '--check']
    root = args[0] if args else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    missing = []
    for rel in sources(root):
        path = os.path.join(root, rel)
        try:
            with open(path, encoding='utf-8', newline='') as f:
                text = f.read()
        except (UnicodeDecodeError, IsADirectoryError):
            continue
        style = style_of(rel, text.split('\n', 1)[0])
        if style is None:
            continue
        new = with_license(text, style)
        if new is None:
            continue
        missing.append(rel)
        if not check:
            with open(path, 'w', encoding='utf-8', newline='') as f:
                f.write(new)
    for rel in missing:
        print(f'{rel}: no {MARK} line' if check else f'added to {rel}')
    return 1 if check and missing else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
