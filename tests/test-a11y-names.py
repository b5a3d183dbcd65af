#!/usr/bin/env python3
"""test-a11y-names.py — what a screen reader hears of the window

Starts the built app with the accessibility bridge on (an AT-SPI bus of
its own in the test's D-Bus session) and reads the controls through
AT-SPI, as Orca does: every button, toggle, slider and spin button has one
clear name — not a type name ("GtkMenuButton"), not a mnemonic
underscore, no word group said twice ("Interaction Ω Interaction Ω"), no
control named twice side by side ("About …" as a menu button and the
button inside it); sliders expose their value; the run/pause button is
named for what it does and is pressed while the simulation runs.

Usage: test-a11y-names.py SPINODAL SCHEMA_DIR.  Exit 77 (skip) without
python3-pyatspi, the AT-SPI bus launcher or an X display.
SPDX-License-Identifier: GPL-3.0-or-later
"""
import os
import re
import subprocess
import sys
import tempfile
import time

LAUNCHER = '/usr/libexec/at-spi-bus-launcher'
CONTROL_ROLES = {'push button', 'toggle button', 'slider', 'spin button', 'check box',
                 'radio button', 'combo box', 'menu button'}


def skip(why):
    print(f'SKIP: {why}')
    sys.exit(77)


def main():
    spinodal, schema_dir = sys.argv[1], sys.argv[2]
    if not os.environ.get('DISPLAY'):
        skip('no X display')
    if not os.path.exists(LAUNCHER):
        skip('no AT-SPI bus launcher (at-spi2-core)')
    try:
        import pyatspi  # noqa: F401 (Debian's, for /usr/bin/python3)
    except ImportError:
        if sys.executable != '/usr/bin/python3' and os.path.exists('/usr/bin/python3'):
            os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
        skip('no python3-pyatspi')
    import pyatspi

    env = dict(os.environ)
    for k in ('NO_AT_BRIDGE', 'GTK_A11Y'):
        env.pop(k, None)
    env.update(GSETTINGS_SCHEMA_DIR=schema_dir, GSETTINGS_BACKEND='memory',
               GSK_RENDERER='cairo', HOME=tempfile.mkdtemp(prefix='sp-a11y-'))
    bus = subprocess.Popen([LAUNCHER, '--launch-immediately'], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app_proc = None
    try:
        time.sleep(1)
        app_proc = subprocess.Popen([spinodal], env=env, stderr=subprocess.PIPE, text=True)
        app = None
        # Up to 90 s: a loaded machine (the suite's other tests) is slow to
        # start the app and its bridge.
        for _ in range(450):
            desktop = pyatspi.Registry.getDesktop(0)
            app = next((a for a in desktop if a is not None and a.name in ('spinodal', 'Spinodal')),
                       None)
            if app is not None and app.childCount > 0:
                break
            time.sleep(0.2)
        if app is None:
            print('FAIL: the app never appeared on the AT-SPI bus')
            return 1
        time.sleep(2)   # the first frames, the window's state settled

        problems = []
        controls = []

        def walk(node, parent_name):
            try:
                role, name = node.getRoleName(), node.name
            except Exception:
                return
            if role in CONTROL_ROLES:
                controls.append((node, role, name))
                where = f'{role} {name!r}'
                if not name.strip():
                    problems.append(f'{where}: no name')
                if re.fullmatch(r'Gtk\w+|Adw\w+', name):
                    problems.append(f'{where}: a type name, not a name')
                if '_' in name:
                    problems.append(f'{where}: a mnemonic underscore')
                words = name.split()
                half = len(words) // 2
                if half and len(words) % 2 == 0 and words[:half] == words[half:]:
                    problems.append(f'{where}: the name said twice')
                if name and name == parent_name:
                    problems.append(f'{where}: named like the control it sits in (heard twice)')
                if role == 'slider':
                    try:
                        node.queryValue().currentValue
                    except NotImplementedError:
                        problems.append(f'{where}: no value')
            for child in node:
                walk(child, name if role in CONTROL_ROLES else parent_name)

        walk(app, None)

        run = [c for c in controls if c[2] in ('Run', 'Pause')]
        if len(run) != 1:
            problems.append(f'one run/pause button expected, found {[c[2] for c in run]}')
        else:
            node, role, name = run[0]
            pressed = node.getState().contains(pyatspi.STATE_PRESSED) or \
                node.getState().contains(pyatspi.STATE_CHECKED)
            # The simulation runs from the start.
            if name != 'Pause' or not pressed:
                problems.append(f'run/pause button while running: {name!r}, pressed={pressed}')
        for needed in ('Main Menu', 'Step', 'Restart', 'Temperature T', 'Interaction Ω'):
            if not any(c[2] == needed for c in controls):
                problems.append(f'no control named {needed!r}')
        abouts = [c[2] for c in controls if c[2].startswith('About “Free energy g(c)”')]
        if len(abouts) != 1:
            problems.append(f'"About “Free energy g(c)”" heard {len(abouts)} times')

        print(f'{len(controls)} controls read')
        for p in problems:
            print('FAIL:', p)
        return 1 if problems else 0
    finally:
        if app_proc is not None:
            app_proc.terminate()
            try:
                _, err = app_proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                app_proc.kill()
                _, err = app_proc.communicate()
            warnings = [l for l in err.splitlines() if 'WARNING' in l or 'CRITICAL' in l]
            if warnings:
                print('stderr:', *warnings, sep='\n  ')
        bus.terminate()
        bus.wait()


if __name__ == '__main__':
    sys.exit(main())
