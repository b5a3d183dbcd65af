#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The soak (issue 11, Proof): random slider drags over the full range of
every slider, with the simulation running, for $SPINODAL_SOAK_SECONDS
(60 s by default; tools/soak.sh MINUTES runs the long one).  The app
must live through it, the simulation must be running at the end, and
stderr must stay free of warnings and criticals.

$SPINODAL_SOAK_SEED replays one sequence of drags (the seed is printed).
"""
import os
import random
import time

import spui


def panel_box(app):
    """The parameter panel's scrolled area on screen."""
    for pane in app.all('scroll pane', visible=True):
        x, y, w, h = spui.extents(pane)
        if x < spui.extents(app.window)[2] / 2 and w < spui.extents(app.window)[2] / 2:
            return x, y, w, h
    raise spui.Failure('no parameter panel on screen')


def scroll_into_view(app, acc, box):
    """Wheels the panel until @acc lies inside @box, its visible area."""
    x, y, w, h = box
    for _ in range(40):
        ay = spui.extents(acc)[1]
        ah = spui.extents(acc)[3]
        if ah > 0 and y + 8 <= ay and ay + ah <= y + h - 8:
            return True
        # The wheel over the panel's left margin: over a slider it would
        # move the slider instead.
        spui.scroll(x + 6, y + h / 2, down=ay > y + h / 2, clicks=1)
        time.sleep(0.05)
    return False


def test(app):
    seconds = float(os.environ.get('SPINODAL_SOAK_SECONDS', '60'))
    seed = int(os.environ.get('SPINODAL_SOAK_SEED') or random.randrange(1 << 30))
    rng = random.Random(seed)
    spui.log(f'soak: {seconds:g} s, seed {seed} (SPINODAL_SOAK_SEED replays it)')

    # Every slider: the "More Parameters" row opens to show the rest.
    more = app.find('list item', 'More Parameters', visible=False)
    box = panel_box(app)
    scroll_into_view(app, more, box)
    app.click(more)
    sliders = app.all('slider')
    spui.wait_until(lambda: all(spui.extents(s)[2] > 0 for s in sliders), 5, 0.1,
                    'the More Parameters row to open')
    spui.check(len(sliders) >= 10, f'only {len(sliders)} sliders found')
    spui.log('sliders: ' + ', '.join(spui.name(s) for s in sliders))
    spui.check(app.advancing(), 'the simulation does not run at the start')

    drags = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        acc = rng.choice(sliders)
        if not scroll_into_view(app, acc, box):
            raise spui.Failure(f'cannot scroll "{spui.name(acc)}" into view')
        x, y, w, h = spui.extents(acc)
        a, b = rng.uniform(x - 10, x + w + 10), rng.uniform(x - 10, x + w + 10)
        slider = spui.Slider(app, acc)
        slider.drag_pixels(min(max(a, x + 1), x + w - 1), b, rng.randint(3, 12),
                           rng.uniform(0.005, 0.03))
        drags += 1
        if drags % 10 == 0:
            app.check_alive(f'after {drags} drags')
            problems = app.log_problems()
            spui.check(not problems, f'after {drags} drags, on stderr:\n  ' +
                       '\n  '.join(problems[:10]))
    spui.log(f'{drags} drags in {seconds:g} s')
    app.check_alive(f'after {drags} drags')

    running = spui.wait_until(lambda: app.advancing(1.0), 6, 0.1)
    banner = app.banner_text()
    spui.check(running, 'the simulation is not running after the soak'
               + (f'; the banner says "{banner}"' if banner else ' (and no banner says why)'))


spui.run(test)
