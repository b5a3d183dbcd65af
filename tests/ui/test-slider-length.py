#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 11, item 6: the T slider is long enough to teach with.

At 1280 × 720 the temperature slider is at least 300 px long, and a slow
drag from 298 K to 420 K (LiFePO₄'s T_c) ends within a few kelvin of
where the pointer is let go, without jumping back.
"""
import time

import spui

MIN_LENGTH = 300
START, END = 298.0, 420.0
TOLERANCE_K = 5.0      # "within a few kelvin" (issue 11, item 6)


def test(app):
    spui.check(app.size == (1280, 720), f'the window is {app.size}, not 1280 × 720')
    scale = app.find('slider', 'Temperature')
    x, y, w, h = spui.extents(scale)
    spui.log(f'T slider: {w} px for {spui.value_range(scale)} K')
    problems = []
    if w < MIN_LENGTH:
        problems.append(f'the T slider is {w} px long (< {MIN_LENGTH})')
    lo, hi = spui.value_range(scale)
    spui.check(lo <= START and END <= hi, f'the T slider ({lo:g}–{hi:g} K) does not reach '
               f'{START:g}–{END:g} K')

    slider = spui.Slider(app, scale)
    slider.calibrate()
    spin = app.find('spin button', 'Temperature')
    app.set_spin(spin, f'{START:g}')
    spui.wait_until(lambda: abs(slider.value() - START) < 0.5, 5, 0.1, 'T to be 298 K')
    x0, x1 = slider.x_of(START), slider.x_of(END)
    kelvin_per_px = abs(slider._map[1])
    spui.log(f'{kelvin_per_px:.2f} K per pixel; 298 → 420 K is {abs(x1 - x0):.0f} px')

    # A slow, deliberate drag: press on the knob, a short hold, then one
    # pixel at a time; the value must follow the pointer all the way.
    _, y, _, h = spui.extents(scale)
    cy = y + h / 2
    spui.press(x0, cy)
    time.sleep(0.3)
    steps = max(int(abs(x1 - x0)), 1)
    for i in range(1, steps + 1):
        spui.move(x0 + (x1 - x0) * i / steps, cy)
        time.sleep(0.025)
    time.sleep(0.3)
    held = slider.value()
    spui.release()
    landed = spui.wait_until(lambda: slider.value(), 1, 0.05) and slider.value()
    time.sleep(0.3)
    final = slider.value()
    expected = slider.value_at(x0 + (x1 - x0))
    spui.log(f'pointer let go where T = {expected:.1f} K; held {held:.1f} K, '
             f'released {landed:.1f} K, then {final:.1f} K')
    tolerance = max(TOLERANCE_K, 1.5 * kelvin_per_px)
    if abs(held - expected) > tolerance:
        problems.append(f'during the drag T is {held:.1f} K where the pointer says '
                        f'{expected:.1f} K')
    if abs(final - END) > TOLERANCE_K:
        problems.append(f'the slow drag to {END:g} K ended at {final:.1f} K '
                        f'(more than {TOLERANCE_K:g} K away)')
    for p in problems:
        spui.log('  ' + p)
    spui.check(not problems, f'{len(problems)} slider problems')


spui.run(test)
