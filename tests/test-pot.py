#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Extracts the messages of po/POTFILES.in as meson's glib preset does and
fails on any xgettext warning, on any msgid cut short by a macro, and on
any message a language of po/LINGUAS does not translate (msgcmp: a
missing, empty or fuzzy msgstr shows the English text in that language).

`_("… %" G_GINT64_FORMAT " …")` extracts as "… %": the catalogue then never
matches the string the program looks up, so that message is never translated.
<inttypes.h> macros (`"%" PRId64`) and "%zu" are the portable spellings
xgettext and gettext understand.

usage: test-pot.py SOURCE_ROOT
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

# meson's i18n.gettext(preset: 'glib') arguments.
GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]
ENTRY = re.compile(r'^((?:#:.*\n)*)msgid ((?:".*"\n)+)', re.M)


def unquote(block):
    return ''.join(re.findall(r'^"(.*)"$', block, re.M))


def untranslated(root, pot):
    msgcmp = shutil.which('msgcmp')
    if msgcmp is None:
        return ['msgcmp is not installed (gettext)']
    failures = []
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f for w in line.split('#')[0].split()]
    for language in languages:
        po = os.path.join(root, 'po', language + '.po')
        result = subprocess.run([msgcmp, po, pot], capture_output=True, text=True,
                                encoding='utf-8')
        if result.returncode != 0:
            missing = [line for line in result.stderr.splitlines()
                       if 'not used' not in line and 'fatal error' not in line]
            failures.append(f'{language}.po lacks {len(missing)} translation(s):')
            failures += ['  ' + line for line in missing] or [result.stderr.strip()]
    return failures


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    xgettext = shutil.which('xgettext')
    if xgettext is None:
        print('xgettext is not installed: skipped')
        return 77
    failures = []
    with tempfile.TemporaryDirectory(prefix='spinodal-pot-') as tmp:
        pot = os.path.join(tmp, 'spinodal.pot')
        result = subprocess.run([xgettext, *GLIB_PRESET, '--directory', root,
                                 '--files-from', os.path.join(root, 'po', 'POTFILES.in'),
                                 '--output', pot],
                                capture_output=True, text=True, encoding='utf-8')
        if result.returncode != 0:
            print(f'xgettext failed:\n{result.stderr}', file=sys.stderr)
            return 1
        failures += [line for line in result.stderr.splitlines() if 'warning' in line]
        with open(pot, encoding='utf-8') as f:
            text = f.read()
        failures += untranslated(root, pot)
    count = 0
    for refs, msgid in ENTRY.findall(text):
        message = unquote(msgid)
        count += 1
        # An odd run of '%' at the end: a directive a macro was meant to finish.
        if re.search(r'(?<!%)(%%)*%$', message):
            where = ' '.join(refs.replace('#:', ' ').split())
            failures.append(f'{where}: msgid “{message[-50:]}” is cut short by a macro; '
                            'use PRId64/PRIu64 from <inttypes.h> or %zu')
    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f'{count} messages extracted cleanly')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
