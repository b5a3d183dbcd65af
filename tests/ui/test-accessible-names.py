#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 11, item 11: the window as a screen reader hears it.

Walks the whole accessible tree: every control has one clear name (not
empty, not a GType name such as "GtkMenuButton", not said twice as in
"Interaction Ω Interaction Ω", no mnemonic underscore as in "_Restart"),
no control repeats the name of the control it sits in (each "About …"
button once), and the run/pause button's name and state follow the
simulation.
"""
import re

import spui

# Roles a user operates: each must say what it is.
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'slider',
            'spin button', 'combo box', 'menu item', 'check menu item', 'radio menu item',
            'page tab', 'text', 'entry', 'password text', 'switch', 'link', 'toggle'}
GTYPE = re.compile(r'^(Gtk|Adw|Gdk|Sp)[A-Z][A-Za-z]*$')
MNEMONIC = re.compile(r'(^|[^_])_[^\s_]')


def doubled(text):
    words = text.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def control_problems(app):
    problems = []
    for acc in spui.walk(app.root):
        try:
            r = spui.role(acc)
            if r not in CONTROLS:
                continue
            text = spui.name(acc)
            if r in ('text', 'entry') and not spui.states(acc).contains(spui.pyatspi.STATE_FOCUSABLE):
                continue
            where = f'{r} "{text}"'
            if not text.strip():
                problems.append(f'{r} with no name at {spui.extents(acc)}')
            elif GTYPE.match(text):
                problems.append(f'{where}: a type name, not a name')
            elif doubled(text) or doubled(text.replace('_', '')):
                problems.append(f'{where}: the name is said twice')
            if MNEMONIC.search(text):
                problems.append(f'{where}: a mnemonic underscore in the name')
            if r == 'slider':
                try:
                    acc.queryValue().currentValue
                except NotImplementedError:
                    problems.append(f'{where}: no value exposed')
            # A control inside another of the same name is heard twice.
            parent = acc.parent
            while parent is not None and spui.role(parent) not in ('frame', 'application'):
                if spui.role(parent) in CONTROLS and spui.name(parent) == text and text:
                    problems.append(f'{where}: inside a {spui.role(parent)} of the same name'
                                    ' (announced twice)')
                    break
                parent = parent.parent
        except Exception as e:          # an accessible that went away
            problems.append(f'unreadable accessible: {e}')
    return problems


def test(app):
    problems = control_problems(app)

    # The controls a lecture needs, each under its own clear name.
    for needed in ('Main Menu', 'Step', 'Restart', 'Temperature T', 'Interaction Ω'):
        if not app.all(CONTROLS | {"menu button"}, needed):
            problems.append(f'no control named "{needed}"')

    # Each plot's "About …" button once per page it is on (the nested
    # check above finds a button exposed twice at one place).
    abouts = [spui.name(a) for a in app.all(('push button', 'toggle button'), 'About',
                                           visible=True)]
    for text in sorted(set(abouts)):
        if abouts.count(text) > 1 and not any(text in p for p in problems):
            problems.append(f'"{text}" is on screen {abouts.count(text)} times')

    # The run/pause button, running (the default) and paused.
    spui.check(app.advancing(), 'the simulation does not run at start')
    problem = app.play_state_problem(True)
    if problem:
        problems.append(problem)
    app.click(app.play_button())
    spui.wait_until(lambda: not app.advancing(1.0), 5, 0.1, 'the simulation to pause')
    problem = app.play_state_problem(False)
    if problem:
        problems.append(problem)
    app.click(app.play_button())
    spui.check(app.advancing(), 'the run/pause button did not resume the simulation')
    problem = app.play_state_problem(True)
    if problem:
        problems.append(problem + ' (after resuming)')

    # The Impedance page (Ion Transport) in Data mode: its own controls,
    # each named once, read like the rest (GTK 4.8 read a use-underline
    # button label raw: "_Fit Fit").
    spui.key('alt+3')
    app.click(app.find(('push button', 'toggle button'), 'Data', timeout=10))
    app.find('push button', 'Fit', timeout=10)
    for needed in ('Open', 'Fit', 'Explore'):
        if not app.all(CONTROLS, needed, visible=True):
            problems.append(f'no control named "{needed}" on the Impedance page in Data mode')
    problems += [p + ' (Impedance, Data mode)' for p in control_problems(app)]

    unique = list(dict.fromkeys(problems))
    for p in unique:
        spui.log('  ' + p)
    spui.check(not unique, f'{len(unique)} accessibility problems (listed above)')


spui.run(test)
