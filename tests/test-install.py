#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install` into a temporary DESTDIR places every file Spinodal needs:
the executables, the desktop file, the metainfo, the icons, the GSettings
schemas, the shared-mime-info packages, the manual pages and one .mo per
language in po/LINGUAS.  The
installed desktop file, metainfo and icon must agree on their names, and the
installed spinodal-cli must run.

Runs `meson install --no-rebuild`: meson test has built everything already,
and a second ninja inside a test would race the tests running beside it.

usage: test-install.py MESON BUILD_DIR SOURCE_ROOT
"""

import configparser
import glob
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = 'io.github.spinodal.Spinodal'


def build_options(meson, build_dir):
    out = subprocess.run([meson, 'introspect', '--buildoptions', build_dir],
                         capture_output=True, text=True, check=True).stdout
    return {o['name']: o['value'] for o in json.loads(out)}


def linguas(root):
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f for w in line.split('#', 1)[0].split()]


def expected_files(options, root):
    prefix = options['prefix']

    def under(option, *parts):
        base = options[option]
        return os.path.join(base if os.path.isabs(base) else os.path.join(prefix, base), *parts)

    files = [under('bindir', 'spinodal-cli'),
             under('mandir', 'man1', 'spinodal-cli.1')]
    if options['gui']:
        files += [
            under('bindir', 'spinodal'),
            under('datadir', 'applications', APP_ID + '.desktop'),
            under('datadir', 'metainfo', APP_ID + '.metainfo.xml'),
            under('datadir', 'icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg'),
            under('datadir', 'icons', 'hicolor', 'symbolic', 'apps', APP_ID + '-symbolic.svg'),
            under('mandir', 'man1', 'spinodal.1'),
        ]
    for schema in sorted(glob.glob(os.path.join(root, 'data', '*.gschema.xml'))):
        files.append(under('datadir', 'glib-2.0', 'schemas', os.path.basename(schema)))
    for mime in sorted(glob.glob(os.path.join(root, 'data', '*.mime.xml'))):
        files.append(under('datadir', 'mime', 'packages', os.path.basename(mime)))
    for lang in linguas(root):
        files.append(under('localedir', lang, 'LC_MESSAGES', 'spinodal.mo'))
    return files, under


def check_desktop_integration(dest, under, failures):
    desktop = dest + under('datadir', 'applications', APP_ID + '.desktop')
    metainfo = dest + under('datadir', 'metainfo', APP_ID + '.metainfo.xml')
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(desktop, encoding='utf-8')
    entry = parser['Desktop Entry']
    if entry.get('Exec', '').split()[0:1] != ['spinodal']:
        failures.append(f'desktop Exec is “{entry.get("Exec")}”, not the installed spinodal')
    if entry.get('Icon') != APP_ID:
        failures.append(f'desktop Icon is “{entry.get("Icon")}”, not {APP_ID}')
    if 'application/x-spinodal-session' not in entry.get('MimeType', ''):
        failures.append('desktop file does not declare application/x-spinodal-session')
    # The icons parse as SVG at their nominal sizes: 128 px app icon, 16 px symbolic.
    for sub, name, size in (('scalable', APP_ID + '.svg', '128'),
                            ('symbolic', APP_ID + '-symbolic.svg', '16')):
        svg = ET.parse(dest + under('datadir', 'icons', 'hicolor', sub, 'apps', name)).getroot()
        if svg.tag != '{http://www.w3.org/2000/svg}svg' or \
                (svg.get('width'), svg.get('height')) != (size, size):
            failures.append(f'{name} is not a {size}×{size} SVG')
    component = ET.parse(metainfo).getroot()
    if component.findtext('id') != APP_ID:
        failures.append(f'metainfo id is “{component.findtext("id")}”')
    if component.findtext('launchable') != APP_ID + '.desktop':
        failures.append('metainfo launchable does not name the installed desktop file')
    binaries = {b.text for b in component.findall('./provides/binary')}
    for binary in ('spinodal', 'spinodal-cli'):
        if binary not in binaries:
            failures.append(f'metainfo does not provide the binary {binary}')
        elif not os.access(dest + under('bindir', binary), os.X_OK):
            failures.append(f'metainfo provides {binary}, which is not installed executable')


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    meson, build_dir, root = sys.argv[1:]
    options = build_options(meson, build_dir)
    expected, under = expected_files(options, root)
    failures = []

    with tempfile.TemporaryDirectory(prefix='spinodal-install-') as dest:
        result = subprocess.run([meson, 'install', '--no-rebuild', '--quiet',
                                 '--destdir', dest, '-C', build_dir],
                                capture_output=True, text=True)
        if result.returncode != 0:
            print(f'meson install failed:\n{result.stdout}{result.stderr}', file=sys.stderr)
            return 1

        for path in expected:
            if not os.path.isfile(dest + path):
                failures.append(f'not installed: {path}')
        for binary in ('spinodal-cli', 'spinodal') if options['gui'] else ('spinodal-cli',):
            path = dest + under('bindir', binary)
            if os.path.isfile(path) and not os.access(path, os.X_OK):
                failures.append(f'{path} is not executable')
        if options['gui'] and not failures:
            check_desktop_integration(dest, under, failures)

        cli = dest + under('bindir', 'spinodal-cli')
        if os.path.isfile(cli):
            version = subprocess.run([cli, '--version'], capture_output=True, text=True)
            if version.returncode != 0 or 'spinodal-cli' not in version.stdout:
                failures.append(f'installed spinodal-cli --version failed: {version.stderr}')

        installed = sum(len(f) for _, _, f in os.walk(dest))

    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f'{installed} files installed; all {len(expected)} expected ones present')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
