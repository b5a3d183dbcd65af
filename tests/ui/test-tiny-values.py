#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 11, item 2: a session holding 1e-8 saves as valid JSON and reopens.

The stiffness K accepts 0.00000001 (its range starts at 0): typed into
its field, saved with Ctrl+S over a good file, the file must stay valid
JSON with K = 1e-8, and a copy of it must open (the title follows it).
"""
import json
import os
import shutil
import tempfile

import spui

TINY = 1e-8


def find_number(node, wanted):
    """Whether any number in the JSON tree @node equals @wanted closely."""
    if isinstance(node, dict):
        return any(find_number(v, wanted) for v in node.values())
    if isinstance(node, list):
        return any(find_number(v, wanted) for v in node)
    return (isinstance(node, float) and not isinstance(node, bool)
            and abs(node - wanted) <= 1e-12 * abs(wanted) + 1e-300)


def test(app):
    folder = tempfile.mkdtemp(prefix='spui-tiny-')
    try:
        path = os.path.join(folder, 'tiny.spinodal')
        spui.choose_file(app, 'ctrl+shift+s', path, save=True)
        spui.wait_until(lambda: os.path.exists(path) or not app.alive(), 10, 0.1,
                        'the saved file')
        app.check_alive('after Save As')
        saved = os.stat(path).st_mtime_ns

        stiffness = app.find('spin button', 'Stiffness')
        app.set_spin(stiffness, '0.00000001')
        spui.wait_until(lambda: abs(spui.value(stiffness) - TINY) < 1e-12, 5, 0.1,
                        'the stiffness to take 1e-8')
        spui.key('ctrl+s')
        spui.wait_until(lambda: os.stat(path).st_mtime_ns != saved or not app.alive(),
                        10, 0.1, 'Ctrl+S to write the file again')
        app.check_alive('after Ctrl+S')
        with open(path, encoding='utf-8') as f:
            text = f.read()
        try:
            session = json.loads(text)
        except ValueError as e:
            raise spui.Failure(f'Ctrl+S wrote invalid JSON ({e}):\n{text[:2000]}')
        spui.check(find_number(session, TINY), f'no 1e-8 in the saved session:\n{text[:2000]}')

        copy = os.path.join(folder, 'reopened.spinodal')
        shutil.copyfile(path, copy)
        spui.choose_file(app, 'ctrl+o', copy, save=False)
        if not spui.wait_until(lambda: 'reopened' in app.title() or not app.alive(), 10, 0.1):
            raise spui.Failure(f'the session with 1e-8 did not open: the title is '
                               f'"{app.title()}", the windows are {app.windows()}')
        app.check_alive('after Open')
        spui.check(abs(spui.value(app.find('spin button', 'Stiffness')) - TINY) < 1e-12,
                   'the reopened stiffness is not 1e-8')
    finally:
        shutil.rmtree(folder, ignore_errors=True)


spui.run(test)
