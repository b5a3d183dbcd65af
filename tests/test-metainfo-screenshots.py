#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screenshot the AppStream metainfo names is a PNG committed under
data/screenshots/ (the URLs point at the repository's raw files), and there
is exactly one default screenshot with a caption on every image.

usage: test-metainfo-screenshots.py METAINFO_XML SOURCE_ROOT
"""

import os
import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://raw.githubusercontent.com/spinodal/spinodal/main/'


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    metainfo, root = sys.argv[1:]
    tree = ET.parse(metainfo)
    shots = tree.getroot().findall('./screenshots/screenshot')
    failures = []
    if not shots:
        failures.append('the metainfo has no screenshots')
    if sum(1 for s in shots if s.get('type') == 'default') != 1:
        failures.append('the metainfo needs exactly one <screenshot type="default">')
    for shot in shots:
        image = shot.find('image')
        if shot.find('caption') is None:
            failures.append('a screenshot has no caption')
        if image is None or not (image.text or '').startswith(PREFIX):
            failures.append(f'screenshot URL must start with {PREFIX}')
            continue
        rel = image.text[len(PREFIX):]
        path = os.path.join(root, *rel.split('/'))
        if not rel.startswith('data/screenshots/') or not os.path.isfile(path):
            failures.append(f'{rel} is named in the metainfo but not committed')
            continue
        with open(path, 'rb') as f:
            head = f.read(24)
        if head[:8] != b'\x89PNG\r\n\x1a\n':
            failures.append(f'{rel} is not a PNG')
            continue
        width, height = struct.unpack('>II', head[16:24])
        # A readable window at a sensible size, not a thumbnail or a 4K+ capture.
        if width < 600 or height < 400 or width > 3840 or height > 2160:
            failures.append(f'{rel} is {width}×{height}; keep it within 600×400 … 3840×2160')
    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f'{len(shots)} screenshots, all committed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
