#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 17: a lesson run with the keyboard only, as a teacher at a
projector would.

`spinodal --lesson FILE` opens the test lesson (tests/data/sample.lesson)
in its panel at "Step 1 of 3", with the Ω slider held (insensitive).  Its
question cannot be checked before it is answered; Tab reaches the right
choice, Space picks it, Tab and Space press Check, and "✓ Right." shows.
Page Down goes on (Ω free again), the marker question is answered with the
slider's End key (c = 1) and judged wrong, Page Down reaches the impedance page's
step, Page Up goes back, Escape closes the panel.  No pointer is used.
"""
import os

import spui

SAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                      'data', 'sample.lesson')


def label_shown(app, text):
    return any(spui.name(acc) == text for acc in app.all('label', text, visible=True))


def wait_label(app, text, what=None):
    spui.wait_until(lambda: label_shown(app, text), 10, 0.1, what or f'the label "{text}"')


def focused(app):
    for acc in app.all(visible=True):
        try:
            if spui.states(acc).contains(spui.pyatspi.STATE_FOCUSED):
                return acc
        except Exception:
            continue
    return None


def tab_to(app, roles, prefix, limit=30):
    """Presses Tab until the focus is on a control of @roles named @prefix…"""
    for _ in range(limit):
        acc = focused(app)
        if acc is not None and spui.role(acc) in roles and spui.name(acc).startswith(prefix):
            return acc

        spui.key('Tab')
        spui.wait_until(lambda: False, 0.15)
    raise spui.Failure(f'Tab never reached a {roles} named "{prefix}…"')


def sensitive(acc):
    return spui.states(acc).contains(spui.pyatspi.STATE_SENSITIVE)


def test(app):
    wait_label(app, 'Step 1 of 3', 'the lesson panel at step 1')
    omega = app.find('slider', 'Interaction', visible=False, timeout=10)
    spui.check(not sensitive(omega), 'the lesson did not hold the Ω slider')

    check = app.find('push button', 'Check answer', visible=False)
    spui.check(not sensitive(check), 'Check Answer can be pressed before an answer')
    tab_to(app, ('radio button', 'check box'), 'Two, one near each end')
    spui.key('space')
    spui.wait_until(lambda: sensitive(check), 5, 0.1, 'Check Answer to become pressable')
    tab_to(app, ('push button',), 'Check answer')
    spui.key('space')
    wait_label(app, '✓ Right.', 'the verdict')
    spui.check(label_shown(app, 'The entropy term is steepest at the ends, so two minima remain.'),
               'the answer is not shown after the reveal')

    spui.key('Next')
    wait_label(app, 'Step 2 of 3')
    spui.wait_until(lambda: sensitive(omega), 5, 0.1, 'the Ω slider to be released')
    marker = tab_to(app, ('slider',), 'Your marker')
    spui.key('End')
    spui.wait_until(lambda: sensitive(app.find('push button', 'Check answer', visible=False)), 5, 0.1,
                    'Check Answer after moving the marker')
    tab_to(app, ('push button',), 'Check answer')
    spui.key('space')
    spui.wait_until(lambda: any(spui.name(a).startswith('✗ Not quite: c = ')
                                for a in app.all('label', '✗', visible=False)),
                    10, 0.1, 'the marker judged wrong at c = 1')
    spui.log(f'marker: {spui.value(marker)}')

    spui.key('Next')
    wait_label(app, 'Step 3 of 3')
    spui.key('Prior')
    wait_label(app, 'Step 2 of 3')
    spui.key('Escape')
    spui.wait_until(lambda: not label_shown(app, 'Step 2 of 3'), 5, 0.1, 'the panel to close')


spui.run(test, app_args=('--lesson', SAMPLE))
