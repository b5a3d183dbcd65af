#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when po/POTFILES.in and the source tree disagree.

Every file under src/, ui/ and data/ that marks a string for translation
(_("…"), N_("…"), C_("…", "…"), NC_(…), ngettext, translatable="yes", or a
desktop / metainfo / schema file, which xgettext reads whole) must be listed;
every listed file must exist; the list must be sorted.

usage: test-potfiles.py SOURCE_ROOT
"""

import os
import re
import sys

MARKERS = re.compile(r'''(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"'''
                     r'''|translatable\s*=\s*["']yes["']''')
SOURCE_SUFFIXES = ('.c', '.h', '.ui')
WHOLE_FILE_SUFFIXES = ('.desktop.in', '.desktop.in.in',
                       '.metainfo.xml.in', '.metainfo.xml.in.in',
                       '.appdata.xml.in', '.gschema.xml')
SCANNED_DIRS = ('src', 'ui', 'data')


def marked_files(root):
    found = set()
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in filenames:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, '/')
                if name.endswith(WHOLE_FILE_SUFFIXES):
                    found.add(rel)
                elif name.endswith(SOURCE_SUFFIXES):
                    with open(path, encoding='utf-8', errors='replace') as f:
                        if MARKERS.search(f.read()):
                            found.add(rel)
    return found


def listed_files(root):
    listed = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    listed = listed_files(root)
    failures = []

    for path in sorted(marked_files(root) - set(listed)):
        failures.append(f'{path} marks strings for translation but is not in po/POTFILES.in')
    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            failures.append(f'po/POTFILES.in lists {path}, which does not exist')
    if len(set(listed)) != len(listed):
        failures.append('po/POTFILES.in lists a file twice')
    # Byte order, as `LC_ALL=C sort` would have it.
    if listed != sorted(listed, key=lambda p: p.encode('utf-8')):
        failures.append('po/POTFILES.in is not sorted (LC_ALL=C sort)')

    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f'{len(listed)} files listed, all present, none missing')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
