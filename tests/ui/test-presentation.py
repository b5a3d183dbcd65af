#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 11, item 5: presentation mode (F5) at 1280 × 720.

The sliders a teacher moves show beside the plots they drive: no slider
covers the g(c) plot or the phase diagram, and each of those plots is
at least 250 px tall.
"""
import spui

MIN_PLOT_HEIGHT = 250


def test(app):
    spui.check(app.size == (1280, 720), f'the window is {app.size}, not 1280 × 720')
    spui.key('F5')
    button = app.find('push button', 'Presentation')
    spui.wait_until(lambda: spui.states(button).contains(spui.pyatspi.STATE_PRESSED)
                    or spui.states(button).contains(spui.pyatspi.STATE_CHECKED),
                    5, 0.1, 'presentation mode to switch on')

    def temperature_slider():
        return next(iter(app.all('slider', 'Temperature', visible=True)), None)

    # The sliders show; if the layout folds them away, the user opens them
    # the documented way (F9), and they must still not cover the plots.
    if spui.wait_until(temperature_slider, 2, 0.1) is None:
        spui.key('F9')
        spui.wait_until(temperature_slider, 5, 0.1, 'the sliders to show (F9)')
    spui.wait_until(lambda: False, 0.5)      # let the layout settle

    plots = {}
    for prefix in ('Free energy g', 'Phase diagram'):
        shown = app.all('image', prefix, visible=True)
        spui.check(shown, f'the "{prefix}…" plot is not shown in presentation mode')
        plots[prefix] = shown[0]

    sliders = app.all('slider', visible=True)
    spui.check(any(spui.name(s).startswith('Interaction') for s in sliders),
               'the Ω slider is not shown beside the plots')
    problems = []
    for prefix, plot in plots.items():
        box = spui.extents(plot)
        spui.log(f'{spui.name(plot)}: {box}')
        if box[3] < MIN_PLOT_HEIGHT:
            problems.append(f'"{spui.name(plot)}" is {box[3]} px tall (< {MIN_PLOT_HEIGHT})')
        for s in sliders:
            if spui.overlap(spui.extents(s), box):
                problems.append(f'the slider "{spui.name(s)}" {spui.extents(s)} covers '
                                f'"{spui.name(plot)}" {box}')
    for p in problems:
        spui.log('  ' + p)
    spui.check(not problems, f'{len(problems)} layout problems in presentation mode')


spui.run(test)
