#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks flatpak/io.github.spinodal.Spinodal.json without building it:
the GNOME runtime, exactly the four sandbox holes the app needs, GSL and
double-precision threaded FFTW3 from release tarballs pinned by sha256 and
new enough for meson.build's requirements, nothing the runtime already has,
and the app itself built with meson from this checkout, last.

usage: test-flatpak-manifest.py SOURCE_ROOT
"""

import json
import os
import re
import sys

APP_ID = 'io.github.spinodal.Spinodal'
FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
# In org.gnome.Platform: building them again would shadow the runtime's copy.
FROM_RUNTIME = ('glib', 'gtk', 'gtk4', 'libadwaita', 'json-glib', 'cairo', 'gstreamer')
SHA256 = re.compile(r'^[0-9a-f]{64}$')


def version_tuple(text):
    return tuple(int(x) for x in text.split('.'))


def meson_minimum(root, dep):
    """The minimum version meson.build asks for, e.g. gsl '>= 2.6' -> (2, 6)."""
    with open(os.path.join(root, 'meson.build'), encoding='utf-8') as f:
        text = f.read()
    match = re.search(r"dependency\('%s',\s*version:\s*'>=\s*([\d.]+)'" % re.escape(dep), text)
    if match is None:
        raise SystemExit(f'meson.build has no versioned dependency on {dep}')
    return version_tuple(match.group(1))


def archive(module, failures):
    sources = module.get('sources', [])
    if len(sources) != 1 or sources[0].get('type') != 'archive':
        failures.append(f'module {module.get("name")}: expected one archive source')
        return None, None
    source = sources[0]
    if not source.get('url', '').startswith('https://'):
        failures.append(f'module {module["name"]}: the tarball must come over https')
    if not SHA256.match(source.get('sha256', '')):
        failures.append(f'module {module["name"]}: sha256 must be 64 lowercase hex digits')
    match = re.search(r'/([a-z0-9]+)-([\d.]+)\.tar\.(?:gz|xz|bz2)$', source.get('url', ''))
    if match is None:
        failures.append(f'module {module["name"]}: the URL is not a release tarball')
        return None, None
    return match.group(1), version_tuple(match.group(2))


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    with open(os.path.join(root, 'flatpak', APP_ID + '.json'), encoding='utf-8') as f:
        manifest = json.load(f)
    failures = []

    if manifest.get('id', manifest.get('app-id')) != APP_ID:
        failures.append(f'id is not {APP_ID}')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        failures.append('runtime/sdk must be org.gnome.Platform / org.gnome.Sdk')
    if not re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))) or \
            int(manifest['runtime-version']) < 47:
        failures.append('runtime-version must be a current GNOME release (47 or newer)')
    if manifest.get('command') != 'spinodal':
        failures.append('command must be spinodal')
    if manifest.get('finish-args') != FINISH_ARGS:
        failures.append(f'finish-args must be exactly {FINISH_ARGS}, got {manifest.get("finish-args")}')

    modules = manifest.get('modules', [])
    names = [m.get('name') for m in modules if isinstance(m, dict)]
    if len(names) != len(modules):
        failures.append('every module must be inline (no external module files)')
    for name in names:
        if name in FROM_RUNTIME:
            failures.append(f'module {name} is in the GNOME runtime already')
    if names[-1:] != ['spinodal']:
        failures.append('the last module must be the app, spinodal')
    by_name = {m.get('name'): m for m in modules if isinstance(m, dict)}

    for name, dep, tarball in (('gsl', 'gsl', 'gsl'), ('fftw3', 'fftw3', 'fftw')):
        module = by_name.get(name)
        if module is None:
            failures.append(f'no {name} module')
            continue
        if 'spinodal' in names and names.index(name) > names.index('spinodal'):
            failures.append(f'{name} must be built before the app')
        project, version = archive(module, failures)
        if project is not None and project != tarball:
            failures.append(f'module {name} builds {project}, not {tarball}')
        if version is not None and version < meson_minimum(root, dep):
            failures.append(f'{name} {version} is older than meson.build requires')

    fftw = by_name.get('fftw3', {})
    opts = fftw.get('config-opts', [])
    for opt in ('--enable-shared', '--enable-threads', '--disable-static'):
        if opt not in opts:
            failures.append(f'fftw3 needs {opt}')
    # libfftw3 (double) is what the core links; the other precisions rename it.
    for opt in ('--enable-float', '--enable-single', '--enable-long-double', '--enable-quad-precision'):
        if opt in opts:
            failures.append(f'fftw3 must be double precision, not {opt}')

    app = by_name.get('spinodal', {})
    if app.get('buildsystem') != 'meson':
        failures.append('the app module must build with meson')
    if app.get('sources', [{}])[0].get('type') != 'dir' or app['sources'][0].get('path') != '..':
        failures.append('the app module must build the local checkout (type dir, path "..")')

    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f'modules: {", ".join(names)}; finish-args: {" ".join(FINISH_ARGS)}')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
