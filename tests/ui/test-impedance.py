#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 14: the Ion Transport lab's Impedance page, reached and moved as a
user would.

Alt+3 (from the keyboard, with the focus wherever the window put it) shows
the Impedance page and its panel; the bulk resistance's slider, dragged
with the pointer from 400 Ω to about 4 kΩ, changes σ_bulk and σ_total in
the read-outs under the plots, by the factor the formula σ = t/(R·A) says.
"""
import spui

SLIDER = 'Bulk resistance R'


def conductivities(app):
    """The read-outs that are conductivities (visible labels in S/cm)."""
    return [spui.name(acc) for acc in app.all('label', visible=True)
            if spui.name(acc).endswith(' S/cm')]


def test(app):
    spui.key('alt+3')
    scale = app.find('slider', SLIDER, timeout=10)
    spui.wait_until(lambda: len(conductivities(app)) == 4, 5, 0.1, 'the four conductivities')
    before = conductivities(app)
    spui.log(f'read-outs before: {before}')
    # The Phase Separation panel's sliders are gone with its page.
    spui.check(not app.all('slider', 'Interaction', visible=True),
               'the phase-separation panel still shows beside the Impedance page')

    slider = spui.Slider(app, scale)
    slider.calibrate()
    # Calibrating clicks the trough and drags back: within a pixel of 400 Ω.
    start = slider.value()
    per_px = abs(slider._map[1])
    spui.check(abs(start - 2.602) < 2 * per_px, f'R_b starts at 10^{start:.3f} Ω, not 400 Ω')
    before = spui.wait_until(lambda: len(conductivities(app)) == 4 and conductivities(app), 5,
                             0.1, 'the four conductivities')
    reached = slider.drag_to(3.602)
    spui.log(f'log10 R_b: {start:.3f} → {reached:.3f}')
    spui.check(abs(reached - 3.602) < 2 * per_px, f'the drag ended at log10 R_b = {reached:.3f}')

    after = spui.wait_until(lambda: conductivities(app) != before and conductivities(app),
                            5, 0.1, 'the read-outs to change')
    spui.log(f'read-outs after:  {after}')
    sigma_bulk_before = spui.parse_readout(before[0][:-len(' S/cm')])
    sigma_bulk_after = spui.parse_readout(after[0][:-len(' S/cm')])
    ratio = sigma_bulk_before / sigma_bulk_after
    expected = 10 ** (reached - start)
    spui.check(abs(ratio / expected - 1) < 0.02,
               f'σ_bulk fell by {ratio:.3f}, R_b rose by {expected:.3f}')
    spui.check(after[3] != before[3], 'σ_total did not change')


spui.run(test)
