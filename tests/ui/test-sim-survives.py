#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 11, item 3: the live simulation survives the Ω slider.

At 298 K, the Ω slider is dragged to 210, 250, 320 and 500 meV with the
simulation running.  At each, the simulation must go on (the t read-out
keeps growing), or — if it truly cannot — say so at once in its banner.
Dragging Ω back to the preset's value must bring the run back by itself.
"""
import time

import spui

TARGETS = (210.0, 250.0, 320.0, 500.0)
WATCH = 5.0          # seconds at each setting
STALL = 1.5          # no read-out changed for this long: the run stopped


def watch(app, seconds):
    """Watches the run for @seconds: 'running', or ('stopped', banner text
    seen within a second of the stop, '' when none)."""
    end = time.monotonic() + seconds
    last_t, last_change = app.sim_readouts(), time.monotonic()
    while time.monotonic() < end:
        time.sleep(0.1)
        t = app.sim_readouts()
        if t != last_t:
            last_t, last_change = t, time.monotonic()
        elif time.monotonic() - last_change > STALL:
            banner = app.banner_text() or (spui.wait_until(app.banner_text, 1.0, 0.1) or '')
            return 'stopped', banner
    return 'running', ''


def test(app):
    spin = app.find('spin button', 'Temperature')
    app.set_spin(spin, '298')
    omega = spui.Slider(app, app.find('slider', 'Interaction'))
    spui.wait_until(lambda: abs(spui.value(spin) - 298) < 0.5, 5, 0.1, 'T = 298 K')
    start = omega.value()
    spui.check(app.advancing(), 'the simulation does not run at the start')
    # Measuring the slider clicks it at 30 % and 70 % of its range, which
    # may be a setting under test: paused meanwhile, the run sees only the
    # preset's Ω.
    app.set_running(False)
    omega.calibrate()
    spui.check(abs(omega.value() - start) <= 1.5 * abs(omega._map[1]),
               f'Ω did not return to {start:g} meV after measuring the slider')
    start = omega.value()
    app.set_running(True)

    problems = []
    for target in TARGETS:
        got = omega.drag_to(target)
        if abs(got - target) > 2 * abs(omega._map[1]):
            # A busy app can leave the knob a few pixels off: the exact
            # number goes into the field, as a user would type it.
            spui.log(f'  (the drag ended at {got:.1f} meV; typing {target:g})')
            app.set_spin(app.find('spin button', 'Interaction'), f'{target:g}')
            got = spui.wait_until(lambda: abs(omega.value() - target) < 0.05 and omega.value(),
                                  3, 0.1) or omega.value()
        state, banner = watch(app, WATCH)
        app.check_alive(f'at Ω = {got:.1f} meV')
        spui.log(f'Ω = {got:.1f} meV (aimed at {target:g}): {state}'
                 + (f', banner "{banner}"' if state == 'stopped' else ''))
        if state == 'running':
            button = app.play_state_problem(True)
            if button:
                problems.append(f'at Ω = {got:.1f} meV {button}')
        if state == 'stopped' and not banner:
            problems.append(f'at Ω = {got:.1f} meV the simulation stopped with no banner')
        if state == 'stopped':
            # Back to the preset's Ω: it must run again by itself.
            back = omega.drag_to(start)
            resumed = spui.wait_until(lambda: app.advancing(1.0), 3, 0.1)
            spui.log(f'  back to Ω = {back:.1f} meV: ' + ('runs again' if resumed else 'still stopped'))
            if not resumed:
                problems.append(f'after stopping at Ω = {got:.1f} meV, dragging back to '
                                f'{back:.1f} meV did not resume the simulation')
                if not app.restart():
                    problems.append('Restart did not bring the simulation back')
                    break
    omega.drag_to(start)
    if not spui.wait_until(lambda: app.advancing(1.0), 3, 0.1):
        problems.append('the simulation does not run at the end, back at the preset\'s Ω')
    for p in problems:
        spui.log('  ' + p)
    spui.check(not problems, f'{len(problems)} problems with the live simulation')


spui.run(test)
