#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The manual pages format without a single groff warning, and the generated
spinodal-cli(1) documents every command `spinodal-cli --help` lists, with its
options.  Skips (77) when groff is not installed (tools/setup.sh installs
groff-base).

usage: test-manpages.py SPINODAL_CLI SPINODAL_CLI_1 [OTHER_PAGE…]
"""

import os
import re
import shutil
import subprocess
import sys

COMMAND_LINE = re.compile(r'^  ([a-z][a-z-]*)\s{2,}\S')


def english(cli, *args):
    env = {k: v for k, v in os.environ.items()
           if k not in ('LANGUAGE', 'LC_MESSAGES', 'LANG', 'SPINODAL_LOCALEDIR')}
    env['LC_ALL'] = 'C.UTF-8'
    return subprocess.run([cli, *args], env=env, capture_output=True, text=True,
                          encoding='utf-8', check=True).stdout


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cli, cli_page, *others = sys.argv[1:]
    groff = shutil.which('groff')
    if groff is None:
        print('groff is not installed: skipped')
        return 77

    failures = []
    for page in [cli_page, *others]:
        result = subprocess.run([groff, '-man', '-Tutf8', '-ww', '-z', page],
                                capture_output=True, text=True, encoding='utf-8',
                                env=dict(os.environ, LC_ALL='C.UTF-8'))
        if result.returncode != 0 or result.stderr.strip():
            failures.append(f'{page}: groff -man -ww:\n{result.stderr}')

    with open(cli_page, encoding='utf-8') as f:
        text = f.read()
    commands = [m.group(1) for m in map(COMMAND_LINE.match, english(cli, '--help').split('\n'))
                if m]
    if len(commands) < 4:
        failures.append(f'spinodal-cli --help lists only {commands}')
    # A dispatching command's subcommands ("eis simulate") get their own
    # section, listed under "Subcommands:" in the command's help.
    for command in list(commands):
        lines = english(cli, command, '--help-all').split('\n')
        if 'Subcommands:' in lines:
            for line in lines[lines.index('Subcommands:') + 1:]:
                match = COMMAND_LINE.match(line)
                if not match:
                    break
                commands.append(f'{command} {match.group(1)}')
    for command in commands:
        if f'.SS "{command}"' not in text:
            failures.append(f'{cli_page} has no section for “{command}”')
            continue
        # Every long option of the command appears in its section.
        section = text.split(f'.SS "{command}"', 1)[1].split('.SS ', 1)[0]
        section = section.split('.SH ', 1)[0]
        for flag in re.findall(r'^  (?:-\w, )?--([\w-]+)',
                               english(cli, *command.split(), '--help-all'), re.M):
            if flag.startswith('help'):
                continue
            if '\\-\\-' + flag.replace('-', '\\-') not in section:
                failures.append(f'{cli_page}: “{command}” section lacks --{flag}')

    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f'{1 + len(others)} pages clean; commands: {", ".join(commands)}')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
