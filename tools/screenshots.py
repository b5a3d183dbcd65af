#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Takes the README's screenshot set of the built window into a folder.

  tools/screenshots.py [FOLDER] [--size 1280x720] [--seconds 6]

Each shot starts the built spinodal (LiFePO₄, the default preset) in its
own Xvfb of --size, lets the simulation run for --seconds, and saves the
window as PNG:
  presentation-light.png, presentation-dark.png   presentation mode (F5)
  explorer-light.png, explorer-dark.png           the normal window
  explorer-de.png, explorer-zh_CN.png             LANGUAGE=de, zh_CN
  charging-light.png, charging-dark.png           the Simulation page charging
                                                  a LiFePO₄ particle at C/10
                                                  (cycle), taken on the charge
                                                  leg at c̄ ≈ 0.4
FOLDER defaults to _build/screenshots.  The window is driven through
tests/ui/spui.py, as in the UI tests.
"""
import argparse
import json
import os
import re
import tempfile
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'ui'))
import spui  # noqa: E402  (re-runs under /usr/bin/python3 when needed)

SHOTS = [
    # file, presentation mode, environment
    ('presentation-light', True, {}),
    ('presentation-dark', True, {'ADW_DEBUG_COLOR_SCHEME': 'prefer-dark'}),
    ('explorer-light', False, {}),
    ('explorer-dark', False, {'ADW_DEBUG_COLOR_SCHEME': 'prefer-dark'}),
    ('explorer-de', False, {'LANGUAGE': 'de'}),
    ('explorer-zh_CN', False, {'LANGUAGE': 'zh_CN'}),
    ('charging-light', False, {}),
    ('charging-dark', False, {'ADW_DEBUG_COLOR_SCHEME': 'prefer-dark'}),
]

# The driven view: LiFePO₄ with MPET's exchange rate, cycled at C/10 (well
# below the critical rate, so both legs split into two phases), on 256²
# with two steps a frame so that a leg lasts several seconds on screen.
CHARGING_SESSION = {
    'format': 'spinodal-session', 'version': 2, 'preset': 'lifepo4',
    'model': {'omega': 115.8, 'temperature': 298.0, 's1': 0.0, 'stiffness': 43.4,
              'kappa': 227.0, 'rk': [0.0, 0.0, 0.0, 0.0], 'd0': 0.53, 'v0': 3.4654,
              'c0': 0.02, 'mobility': 'site-blocking'},
    'simulation': {'problem': 'model', 'init': 'noise', 'grid': 256, 'length': 96.0,
                   'noise': 0.01, 'seed': 1, 'dt_max': 0.0, 'tolerance': 0.0,
                   'steps_per_frame': 2,
                   'drive': {'mode': 'cycle', 'c_rate': 0.1, 'voltage': 3.37, 'k0': 0.00362,
                             'alpha': 0.5, 'v_cutoff_lo': 3.0, 'v_cutoff_hi': 4.0,
                             'c_lo': 0.01, 'c_hi': 0.99}},
}


def mean_c(app):
    m = re.search(r'c̄ = ([\d.]+)', app.sim_readouts())
    return float(m.group(1)) if m else None


def wait_for_charge_leg(app, timeout=240):
    """Until c̄ has passed 0.95 on the discharge leg and come back to 0.4
    on the charge leg: both colours on the voltage plots, two phases in the
    field."""
    spui.wait_until(lambda: (mean_c(app) or 0) > 0.95, timeout, 0.1, 'the discharge leg')
    spui.wait_until(lambda: (mean_c(app) or 1) < 0.4, timeout, 0.1, 'the charge leg')


def take(folder, shot, presentation, env, size, seconds):
    session = spui.Session(*size)
    app = None
    charging = shot.startswith('charging')
    args = ()
    if charging:
        handle, session_path = tempfile.mkstemp(prefix='spinodal-charging-', suffix='.spinodal')
        with os.fdopen(handle, 'w') as f:
            json.dump(CHARGING_SESSION, f)
        args = (session_path,)
    try:
        app = spui.App(session, args=args, env=env)
        if charging:
            spui.key('alt+2')
            wait_for_charge_leg(app)
        elif presentation:
            spui.key('F5')
            button = app.find('push button', 'Presentation', visible=False) \
                if not env.get('LANGUAGE') else None
            if button is not None:
                spui.wait_until(lambda: spui.states(button).contains(spui.pyatspi.STATE_PRESSED),
                                5, 0.1, 'presentation mode')
        # Let the field separate (and the pointer stay out of the way).
        spui.move(size[0] - 1, size[1] - 1)
        if not charging:
            time.sleep(seconds)
        path = os.path.join(folder, shot + '.png')
        subprocess.run(['import', '-window', app.xwindow, path], check=True)
        app.check_alive('while taking ' + shot)
        problems = app.log_problems()
        if problems:
            print(f'{shot}: warnings on stderr:\n  ' + '\n  '.join(problems), file=sys.stderr)
        print(path)
        return not problems
    finally:
        if app is not None:
            app.close()
        session.close()
        if charging:
            os.unlink(args[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('folder', nargs='?', default=os.path.join(ROOT, '_build', 'screenshots'))
    parser.add_argument('--size', default='1280x720', help='screen size, WIDTHxHEIGHT')
    parser.add_argument('--seconds', type=float, default=6.0,
                        help='how long the simulation runs before the shot')
    parser.add_argument('--only', action='append', choices=[s[0] for s in SHOTS],
                        help='take only this shot (repeatable)')
    parser.add_argument('--one', choices=[s[0] for s in SHOTS], help=argparse.SUPPRESS)   # a child process's one shot
    args = parser.parse_args()
    try:
        size = tuple(int(v) for v in args.size.lower().split('x'))
        if len(size) != 2 or min(size) < 360:
            raise ValueError
    except ValueError:
        parser.error(f'--size {args.size}: expected WIDTHxHEIGHT, each at least 360')
    os.environ.setdefault('SPINODAL_BUILD_DIR', os.path.join(ROOT, '_build'))
    os.makedirs(args.folder, exist_ok=True)
    if args.one:
        # The accessibility library binds to one bus per process: one
        # shot, one session, one process.
        shot, presentation, env = next(s for s in SHOTS if s[0] == args.one)
        try:
            sys.exit(0 if take(args.folder, shot, presentation, env, size, args.seconds) else 1)
        except spui.Failure as failure:
            print(f'{shot}: {failure}', file=sys.stderr)
            sys.exit(1)
    ok = True
    for shot, _, _ in SHOTS:
        if args.only and shot not in args.only:
            continue
        child = subprocess.run([sys.executable, os.path.abspath(__file__), args.folder,
                                '--size', args.size, '--seconds', str(args.seconds),
                                '--one', shot])
        ok = child.returncode == 0 and ok
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
