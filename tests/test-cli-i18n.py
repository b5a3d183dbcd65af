#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""spinodal-cli follows $LANGUAGE: with LANGUAGE=zh_CN its help is Chinese.

The handout (`export --handout --lesson mixing`) is printed in each language
of po/LINGUAS: the lesson's own translation and the headings around it
(HANDOUT_MESSAGES), each translated in the catalogue and shown in the PDF
(pdftotext; skipped when poppler-utils is missing).

Reads the catalogues built into <builddir>/po (through $SPINODAL_LOCALEDIR,
so nothing has to be installed).  Also checks every other language listed in
po/LINGUAS changes the help text.  Skips (77) only while po/LINGUAS has no
zh_CN.

usage: test-cli-i18n.py SPINODAL_CLI SOURCE_ROOT PO_BUILD_DIR
"""

import gettext
import os
import re
import shutil
import subprocess
import sys
import tempfile

CJK = re.compile('[\u4e00-\u9fff]')
HELP_COMMANDS = (['--help'], ['analyze', '--help'], ['simulate', '--help'], ['eis', '--help'],
                 ['eis', 'simulate', '--help'])


def linguas(root):
    langs = []
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0]
            langs.extend(line.split())
    return langs


def run(cli, args, localedir, language):
    """The output of spinodal-cli ARGS in LANGUAGE, catalogues from LOCALEDIR."""
    env = {k: v for k, v in os.environ.items()
           if k not in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG')}
    # C.UTF-8 always exists; gettext honours LANGUAGE in any locale but "C".
    env['LANG'] = 'C.UTF-8'
    env['SPINODAL_LOCALEDIR'] = localedir
    if language is not None:
        env['LANGUAGE'] = language
    result = subprocess.run([cli, *args], env=env, capture_output=True,
                            text=True, encoding='utf-8', check=False)
    if result.returncode != 0:
        raise SystemExit(f'{" ".join(args)} with LANGUAGE={language} exited '
                         f'{result.returncode}: {result.stderr}')
    return result.stdout


# Headings of the handout's pages (src/plot/sp-handout*.c) and the title of
# the lesson in each language (data/lessons/mixing*.lesson).
HANDOUT_MESSAGES = ('Parameters', 'Answers', 'Phase separation')
MIXING_TITLE = {None: 'Why an electrode mixes or separates',
                'de': 'Warum eine Elektrode mischt oder entmischt',
                'zh_CN': '电极为何混溶或分相'}


def handout_text(cli, localedir, language):
    """pdftotext of `export --handout --lesson mixing` in LANGUAGE."""
    with tempfile.TemporaryDirectory(prefix='cli-i18n-') as tmp:
        pdf = os.path.join(tmp, 'mixing.pdf')
        run(cli, ['export', '--handout', '--lesson', 'mixing', '--paper', 'a4', '-o', pdf],
            localedir, language)
        return subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], capture_output=True,
                              text=True, encoding='utf-8', check=True).stdout


def check_handout(cli, localedir, langs, failures):
    if shutil.which('pdftotext') is None:
        print('pdftotext is missing: the handout was not checked')
        return
    english = handout_text(cli, localedir, None)
    lines = {line.strip() for line in english.splitlines()}
    for msgid in HANDOUT_MESSAGES:
        if msgid not in lines:
            failures.append(f'the English handout has no line “{msgid}”')
    for lang in langs:
        mo = os.path.join(localedir, lang, 'LC_MESSAGES', 'spinodal.mo')
        if not os.path.isfile(mo):
            continue
        with open(mo, 'rb') as f:
            catalogue = gettext.GNUTranslations(f)._catalog
        text = handout_text(cli, localedir, lang)
        shown = {line.strip() for line in text.splitlines()}
        for msgid in HANDOUT_MESSAGES:
            msgstr = catalogue.get(msgid)
            if not msgstr:
                failures.append(f'po/{lang}.po does not translate the handout’s “{msgid}”')
            elif msgstr not in shown:
                failures.append(f'LANGUAGE={lang} handout does not show “{msgstr}” for “{msgid}”')
            if msgid in shown and msgstr != msgid:
                failures.append(f'LANGUAGE={lang} handout still shows “{msgid}”')
        title = MIXING_TITLE.get(lang)
        if title is not None and title not in text.replace('\n', ' '):
            failures.append(f'LANGUAGE={lang} handout does not show the lesson’s title “{title}”')


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    cli, root, localedir = sys.argv[1:]
    langs = linguas(root)
    if 'zh_CN' not in langs:
        print('po/LINGUAS has no zh_CN yet: skipped')
        return 77

    failures = []
    zh_mo = os.path.join(localedir, 'zh_CN', 'LC_MESSAGES', 'spinodal.mo')
    catalogue = {}
    if os.path.isfile(zh_mo):
        with open(zh_mo, 'rb') as f:
            catalogue = gettext.GNUTranslations(f)._catalog
    for lang in langs:
        mo = os.path.join(localedir, lang, 'LC_MESSAGES', 'spinodal.mo')
        if not os.path.isfile(mo):
            failures.append(f'{mo} was not built')
    for args in HELP_COMMANDS:
        english = run(cli, args, localedir, None)
        if CJK.search(english):
            failures.append(f'spinodal-cli {" ".join(args)} without LANGUAGE prints Chinese')
        # GLib translates GOption's own "Usage:" and "Help Options:" too, so
        # Chinese text alone proves little: every message of spinodal.mo that
        # this help prints in English must come out in its Chinese form.
        chinese = run(cli, args, localedir, 'zh_CN')
        # Whole messages only: the word "spinodal" inside "spinodal-cli" is
        # not the message "spinodal" (the physics term).
        shown = {msgid: msgstr for msgid, msgstr in catalogue.items()
                 if isinstance(msgid, str) and len(msgid) >= 8
                 and re.search(r'(?<![\w-])' + re.escape(msgid) + r'(?![\w-])', english)
                 and CJK.search(msgstr)}
        if not shown:
            failures.append(f'spinodal-cli {" ".join(args)}: zh_CN.po translates none of its help')
        for msgid, msgstr in shown.items():
            if msgstr not in chinese:
                failures.append(f'LANGUAGE=zh_CN spinodal-cli {" ".join(args)} does not show the '
                                f'translation of “{msgid[:60]}”')
        for lang in langs:
            if lang != 'zh_CN' and run(cli, args, localedir, lang) == english:
                failures.append(f'LANGUAGE={lang} spinodal-cli {" ".join(args)} is still English')

    check_handout(cli, localedir, langs, failures)

    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f'help translated for {", ".join(langs)}')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
