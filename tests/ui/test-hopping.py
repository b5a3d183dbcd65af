#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 15: the Ion Transport lab's Hopping & Diffusion page, reached and
moved as a user would.

Alt+4 (from the keyboard) shows the page and its own panel; the
temperature slider, dragged with the pointer from 300 K to about 450 K,
changes the hop rate Γ in the read-outs to ν exp(−E_a/k_BT) at the
reached temperature; Hop (a real click) makes the lattice hop (the hop
count in the status line grows) and pauses it again; Data (a click) shows
the trajectory controls instead of the sliders, Alt+L brings Live back;
every control on the page has one clear name.
"""
import math
import re

import spui

K_B = 8.617333262e-5     # eV/K
NU = 1e13                # the first preset's ν, Hz
EA = 0.25                # and its in-plane barrier, eV
CONTROLS = {'push button', 'toggle button', 'check box', 'slider', 'spin button', 'combo box'}
MNEMONIC = re.compile(r'(^|[^_])_[^\s_]')


def hop_rates(app):
    """The visible read-out of the hop rates, "Γ / Γ_z Hz"."""
    return [spui.name(acc) for acc in app.all('label', visible=True)
            if spui.name(acc).endswith(' Hz') and ' / ' in spui.name(acc)]


def status(app):
    """The status line: 't = … ns · N hops · … hops/s'."""
    for text in app.labels():
        if text.startswith('t = ') and ' hops' in text:
            return text
    return None


def hops(app):
    text = status(app)
    m = re.search(r'· (\d+) hops', text or '')
    return int(m.group(1)) if m else None


def test(app):
    spui.key('alt+4')
    app.find('slider', 'Barrier Ea (x, y)', timeout=10)
    # The Impedance page's panel is not beside this one.
    spui.check(not app.all('slider', 'Bulk resistance', visible=True),
               'the Impedance panel shows beside the Hopping page')
    before = spui.wait_until(lambda: len(hop_rates(app)) == 1 and hop_rates(app), 10, 0.1,
                             'the hop rates')
    spui.log(f'hop rates before: {before}')

    # Temperature: a pointer drag from 300 K towards 450 K.
    temperature = None
    for acc in app.all('slider', 'Temperature T', visible=True):
        temperature = spui.Slider(app, acc)
    spui.check(temperature is not None, 'no visible temperature slider')
    temperature.calibrate()
    start = temperature.value()
    spui.check(abs(start - 300) < 2 * abs(temperature._map[1]), f'T starts at {start:.1f} K')
    reached = temperature.drag_to(450.0)
    spui.log(f'T: {start:.1f} → {reached:.1f} K')
    spui.check(abs(reached - 450) < 10, f'the drag ended at {reached:.1f} K')
    after = spui.wait_until(lambda: hop_rates(app) != before and hop_rates(app), 5, 0.1,
                            'the hop rates to change')
    spui.log(f'hop rates after: {after}')
    gamma = spui.parse_readout(after[0].split(' / ')[0])
    expected = NU * math.exp(-EA / (K_B * reached))
    spui.check(abs(gamma / expected - 1) < 0.01,
               f'Γ reads {gamma:.4g} Hz, ν exp(−E_a/k_BT) at {reached:.1f} K is {expected:.4g} Hz')

    # Hop: the lattice hops; pressed again, it stops.
    run = app.find(('toggle button', 'push button'), 'Hop', timeout=5)
    app.click(run)
    spui.wait_until(lambda: (hops(app) or 0) > 0, 15, 0.2, 'hops after Hop')
    first = hops(app)
    spui.wait_until(lambda: (hops(app) or 0) > first, 15, 0.2, 'the hop count to grow')
    spui.check(spui.states(run).contains(spui.pyatspi.STATE_PRESSED) or
               spui.states(run).contains(spui.pyatspi.STATE_CHECKED),
               'Hop is not shown pressed while the lattice hops')
    app.click(run)
    paused = spui.wait_until(lambda: (lambda a: a if a == hops(app) else None)(hops(app)), 10, 0.5,
                             'the hop count to stop')
    spui.log(f'hops when paused: {paused}')

    # Data mode by a click, Live again by its key.
    app.click(app.find(('toggle button', 'push button'), 'Data', timeout=5))
    app.find('push button', 'Open', timeout=10)
    app.find('push button', 'Import', timeout=5)
    spui.check(not app.all('slider', 'Temperature T', visible=True),
               'the lattice sliders still show in Data mode')
    spui.key('alt+l')
    app.find('slider', 'Temperature T', timeout=10)

    # One clear name for every control on the page and its panel.
    problems = []
    for acc in app.all(CONTROLS, visible=True):
        text = spui.name(acc)
        if not text.strip():
            problems.append(f'{spui.role(acc)} with no name at {spui.extents(acc)}')
        elif MNEMONIC.search(text):
            problems.append(f'{spui.role(acc)} "{text}": a mnemonic underscore in the name')
    for p in problems:
        spui.log('  ' + p)
    spui.check(not problems, f'{len(problems)} controls without a clear name')


spui.run(test)
