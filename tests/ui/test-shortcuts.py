#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 11, item 4: the simulation's shortcuts work wherever the focus is.

From each focus position a user reaches — the T field in the parameter
panel, the T slider, a plot, the header's view switcher — Ctrl+Space
pauses and resumes, Ctrl+. steps (the t read-out advances by a step and
no emoji chooser opens) and Ctrl+R restarts (t starts again from 0).
"""
import spui


def running(app):
    return app.advancing(1.0)


def popups(app):
    """Windows that opened over the main one (the emoji chooser is a
    popover: GTK 4.8 shows it on X but not on AT-SPI)."""
    return app.popup_windows() + [f'{spui.role(c)} "{spui.name(c)}"' for c in app.children()
                                  if c != app.window and spui.showing(c)
                                  and spui.role(c) != 'filler']


def note_clicks(where, clicks):
    if clicks > 1:
        spui.log(f'  ({where}: the run/pause button took {clicks} clicks: its state was stale)')


def check_shortcuts(app, where, focus):
    """Puts the focus on a control with @focus(), then drives the three
    shortcuts; returns the list of what failed.  Where a shortcut fails,
    the button does its work (and the focus goes back) so that the next
    shortcut is still tried."""
    failed = []
    focus()
    if not running(app):
        note_clicks(where, app.set_running(True))
        focus()

    spui.key('ctrl+space')
    if spui.wait_until(lambda: not running(app), 4, 0.1) is None:
        failed.append(f'{where}: Ctrl+Space did not pause the simulation')
        note_clicks(where, app.set_running(False))
        focus()

    # One step late in a run can be smaller than the read-outs' last digit
    # (t = 1.33 × 10³ s), so up to five presses are given the chance to
    # show; when the shortcut is lost, none of them steps.
    before = app.sim_readouts()
    stepped = None
    for _ in range(5):
        spui.key('ctrl+period')
        stepped = spui.wait_until(lambda: app.sim_readouts() != before, 1.5, 0.1)
        if stepped is not None or popups(app):
            break
    shown = popups(app)
    if shown:
        failed.append(f'{where}: Ctrl+. opened {", ".join(shown)}')
        spui.key('Escape')
    if not stepped:
        failed.append(f'{where}: Ctrl+. did not step the simulation ({before})')
    elif running(app):
        failed.append(f'{where}: Ctrl+. left the simulation running')

    spui.key('ctrl+space')
    if spui.wait_until(lambda: running(app), 4, 0.1) is None:
        failed.append(f'{where}: Ctrl+Space did not resume the simulation')
        note_clicks(where, app.set_running(True))
        focus()

    # Restart: t starts again from zero (it was well past it).  Paused, so
    # the new run stays at t = 0 to be seen: running, it is past the old t
    # again within milliseconds, quicker than a read-out can be polled.
    spui.wait_until(lambda: app.sim_time() > 200, 10, 0.1)
    spui.key('ctrl+space')
    if spui.wait_until(lambda: not running(app), 4, 0.1) is None:
        failed.append(f'{where}: Ctrl+Space did not pause the simulation')
    before = app.sim_time()
    spui.key('ctrl+r')
    if spui.wait_until(lambda: app.sim_time() < before / 2, 4, 0.05) is None:
        failed.append(f'{where}: Ctrl+R did not restart the simulation (t = {app.sim_time():g} s'
                      f' after {before:g} s)')
    spui.key('ctrl+space')
    spui.wait_until(lambda: running(app), 4, 0.1)
    # A restart while it runs leaves it running.
    spui.key('ctrl+r')
    spui.wait_until(lambda: False, 0.5)
    if not running(app):
        failed.append(f'{where}: the simulation does not run after Ctrl+R')
    return failed


def test(app):
    spin = app.find('spin button', 'Temperature')
    scale = app.find('slider', 'Temperature')
    plot = app.find('image', 'Free energy')
    switcher = app.find('page tab', 'Overview')

    def focus_spin():
        app.set_spin(spin, '298')
        app.click(spin, 0.3)

    def focus_scale():
        # "Right after using a slider": a small drag of T.
        s = spui.Slider(app, scale)
        s.drag_pixels(s.x_of(spui.value(scale)), s.x_of(spui.value(scale)) + 2, 2, 0.02)

    def focus_plot():
        x, y, w, h = spui.extents(plot)
        spui.click_at(x + w * 0.5, y + h * 0.6)

    def focus_header():
        app.click(switcher)

    failed = []
    for where, focus in (('the T field', focus_spin), ('the T slider', focus_scale),
                         ('the g(c) plot', focus_plot), ('the view switcher', focus_header)):
        problems = check_shortcuts(app, where, focus)
        spui.log(f'{where}: ' + ('ok' if not problems else f'{len(problems)} failed'))
        failed += problems
        app.check_alive(f'after the shortcuts from {where}')
    spui.check(not failed, '\n  '.join(['shortcuts failed:'] + failed))


spui.run(test)
