#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 11, item 1: Save As and Open through the real file chooser.

Ctrl+Shift+S, a path typed into the chooser, Enter: the file is written,
is valid JSON, and the app lives on.  Then Ctrl+O opens a copy of it:
the title follows the opened file, and nothing is logged on stderr.
"""
import json
import os
import shutil
import tempfile

import spui


def test(app):
    folder = tempfile.mkdtemp(prefix='spui-save-')
    try:
        first = os.path.join(folder, 'lecture.spinodal')
        spui.choose_file(app, 'ctrl+shift+s', first, save=True)
        spui.wait_until(lambda: os.path.exists(first) or not app.alive(), 10, 0.1,
                        'the saved file')
        app.check_alive('after Save As')
        with open(first, encoding='utf-8') as f:
            try:
                session = json.load(f)
            except ValueError as e:
                raise spui.Failure(f'Save As wrote invalid JSON: {e}')
        spui.check(isinstance(session, dict) and session, 'Save As wrote an empty session')
        spui.wait_until(lambda: 'lecture' in app.title(), 5, 0.1,
                        'the title to name the saved file')
        spui.check(app.advancing(), 'the simulation stopped after Save As')
        spui.log(f'saved {first}: {len(session)} keys, title "{app.title()}"')

        second = os.path.join(folder, 'seminar.spinodal')
        shutil.copyfile(first, second)
        spui.choose_file(app, 'ctrl+o', second, save=False)
        if not spui.wait_until(lambda: 'seminar' in app.title() or not app.alive(), 10, 0.1):
            raise spui.Failure(f'the opened session does not show: the title is '
                               f'"{app.title()}", the windows are {app.windows()}')
        app.check_alive('after Open')
        spui.log(f'opened {second}: title "{app.title()}"')
        app.check_stderr_clean()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


spui.run(test)
