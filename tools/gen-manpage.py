#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the spinodal-cli(1) and spinodal(1) manual pages from the programs'
own --help texts.

For the CLI it runs `spinodal-cli --help` for the list of commands and
`spinodal-cli COMMAND --help-all` for each command; for the window,
`spinodal --help-all`.  It turns the GOption layout (usage line, summary,
option groups, description) into man(7) troff, so a page can never drift
from its program.

usage: gen-manpage.py cli SPINODAL_CLI VERSION OUTPUT
       gen-manpage.py app SPINODAL VERSION OUTPUT
"""

import datetime
import os
import re
import subprocess
import sys

# "  -v, --verbose=ARG      Description" (GOption's layout: two spaces of
# indentation, then at least two spaces between the flag and its text).
OPTION_LINE = re.compile(r'^  (?:(-\w), )?(--[\w-]+)(?:=(\S+))?(?:\s{2,}(.*))?$')
COMMAND_LINE = re.compile(r'^  ([a-z][a-z-]*)\s{2,}(.+)$')
GROUP_HEADER = re.compile(r'^(\S.*):$')
SKIPPED_GROUPS = ('Help Options',)


def run_help(cli, *args):
    env = dict(os.environ)
    # English, whatever the builder's locale, and never a catalogue from the tree.
    for key in ('LANGUAGE', 'LC_MESSAGES', 'LANG', 'SPINODAL_LOCALEDIR'):
        env.pop(key, None)
    env['LC_ALL'] = 'C.UTF-8'
    result = subprocess.run([cli, *args], env=env, capture_output=True,
                            text=True, encoding='utf-8', check=False)
    if result.returncode != 0:
        sys.exit(f'gen-manpage: "{cli} {" ".join(args)}" exited with {result.returncode}:\n'
                 f'{result.stderr}')
    return result.stdout


def escape(text, code=False):
    """Escapes text for troff: backslashes, leading dots and quotes, and every
    non-ASCII character as \\[uXXXX] (no preconv needed).  Hyphens become
    \\- (a real minus, copy-pasteable) in commands and flags (@code) and in
    flags within prose, and stay hyphens inside words."""
    text = text.replace('\\', '\\e')
    text = text.replace('-', '\\-') if code else re.sub(r'(?<![\w])-', r'\\-', text)
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
        else:
            out.append('\\[u%04X]' % ord(ch))
    line = ''.join(out)
    if line.startswith(('.', "'")):
        line = '\\&' + line
    return line


def paragraphs(lines):
    """Blank-line separated blocks: an indented block is an example (verbatim),
    a block whose first line ends in ':' is a heading followed by it."""
    out = []
    block = []
    for line in lines + ['']:
        if line.strip():
            block.append(line)
            continue
        if block:
            out.append(block)
            block = []
    troff = []
    for block in out:
        plain = [l for l in block if not l.startswith(' ')]
        indented = [l for l in block if l.startswith(' ')]
        if plain:
            troff.append('.PP')
            troff.extend(escape(l.strip()) for l in plain)
        if indented:
            troff.append('.PP')
            troff.append('.RS 4')
            troff.append('.nf')
            troff.extend(escape(l.strip(), code=True) for l in indented)
            troff.append('.fi')
            troff.append('.RE')
    return troff


def is_group_header(lines, i):
    """"Model parameters:" heads an option group only when an option follows;
    "Examples:" in a summary is followed by indented commands instead."""
    return (GROUP_HEADER.match(lines[i]) is not None and i + 1 < len(lines)
            and OPTION_LINE.match(lines[i + 1]) is not None)


def parse_command_help(text):
    """Splits GOption --help-all output into (usage, summary lines,
    [(group title, [(short, long, arg, description)])], description lines)."""
    lines = text.rstrip('\n').split('\n')
    i = 0
    usage = ''
    if lines and lines[0].startswith('Usage:'):
        usage = lines[1].strip() if len(lines) > 1 else ''
        i = 2
    summary = []
    while i < len(lines) and not is_group_header(lines, i):
        summary.append(lines[i])
        i += 1
    groups = []
    description = []
    while i < len(lines):
        header = GROUP_HEADER.match(lines[i]) if is_group_header(lines, i) else None
        if header is None:
            description = lines[i:]
            break
        title = header.group(1)
        i += 1
        options = []
        while i < len(lines) and lines[i].strip():
            match = OPTION_LINE.match(lines[i])
            if match:
                options.append(list(match.groups()))
            elif options:
                # A wrapped description continues the previous option.
                options[-1][3] = ((options[-1][3] or '') + ' ' + lines[i].strip()).strip()
            i += 1
        groups.append((title, options))
        while i < len(lines) and not lines[i].strip():
            i += 1
    return usage, summary, groups, description


def option_troff(short, long, arg, text):
    flag = f'\\fB{escape(long, code=True)}\\fR'
    if short:
        flag = f'\\fB{escape(short)}\\fR, ' + flag
    if arg:
        flag += f'=\\fI{escape(arg)}\\fR'
    return ['.TP', flag, escape(text or '')]


def subcommands(help_text):
    """The "Subcommands:" list of a command that dispatches (spinodal-cli eis):
    [(name, summary)], in the layout of the top-level "Commands:" list."""
    found = []
    lines = help_text.split('\n')
    if 'Subcommands:' not in lines:
        return found
    for line in lines[lines.index('Subcommands:') + 1:]:
        match = COMMAND_LINE.match(line)
        if not match:
            break
        found.append((match.group(1), match.group(2).strip()))
    return found


def command_section(cli, name, summary):
    """One .SS per command; @name may be "eis simulate" (a subcommand)."""
    usage, intro, groups, description = parse_command_help(run_help(cli, *name.split(), '--help-all'))
    troff = [f'.SS "{escape(name)}"', '.B ' + escape(usage, code=True) if usage else '.PP']
    troff += paragraphs(intro) if any(l.strip() for l in intro) else ['.PP', escape(summary)]
    for title, options in groups:
        if title in SKIPPED_GROUPS or not options:
            continue
        troff += ['.PP', f'\\fI{escape(title)}\\fR', '.RS 4']
        for option in options:
            troff += option_troff(*option)
        troff.append('.RE')
    if any(l.strip() for l in description):
        troff += paragraphs(description)
    return troff


ENVIRONMENT = [
    '.SH ENVIRONMENT',
    '.TP', '.BR LANGUAGE ", " LC_ALL ", " LC_MESSAGES ", " LANG',
    'Choose the language of messages and help texts, as usual for gettext.',
    '.TP', '.B SPINODAL_LOCALEDIR',
    'Read the message catalogues from this directory instead of the installed '
    'one (the layout is \\fIDIR\\fR/\\fILANG\\fR/LC_MESSAGES/spinodal.mo).',
]


def header(program, version, summary):
    epoch = int(os.environ.get('SOURCE_DATE_EPOCH', '0')) or None
    date = (datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc) if epoch
            else datetime.datetime.now(datetime.timezone.utc)).strftime('%Y-%m-%d')
    return [
        f'.\\" Generated by tools/gen-manpage.py from {program} --help; do not edit.',
        f'.TH {escape(program.upper(), code=True)} 1 "{date}" "Spinodal {escape(version)}" '
        '"User Commands"',
        '.SH NAME',
        f'{escape(program, code=True)} \\- {summary}',
    ]


def cli_page(cli, version):
    top = run_help(cli, '--help').split('\n')
    commands = []
    in_commands = False
    for line in top:
        if line.startswith('Commands:'):
            in_commands = True
            continue
        if in_commands:
            match = COMMAND_LINE.match(line)
            if match:
                commands.append((match.group(1), match.group(2).strip()))
            elif line.strip() == '' and commands:
                in_commands = False
    if not commands:
        sys.exit('gen-manpage: no "Commands:" list in spinodal-cli --help')
    examples = []
    if 'Examples:' in top:
        for line in top[top.index('Examples:') + 1:]:
            if not line.startswith('  '):
                break
            examples.append(line)

    page = header('spinodal-cli', version,
                  'equilibrium, spinodal and Cahn\\-Hilliard analysis of intercalation materials')
    page += [
        '.SH SYNOPSIS',
        '.B spinodal\\-cli',
        '.I COMMAND',
        '[\\fIOPTION\\fR...]',
        '.br',
        '.B spinodal\\-cli',
        '\\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR',
        '.SH DESCRIPTION',
        '.PP',
        'The command-line face of Spinodal: the same free-energy model, analysis '
        'and figures as the',
        '.BR spinodal (1)',
        'window, for scripts and batch work.',
        'Every flag is checked against its range; a bad value stops the command '
        'with one line naming the flag and the allowed range.',
        '.SH COMMANDS',
    ]
    for name, summary in commands:
        page += ['.TP', f'\\fB{escape(name)}\\fR', escape(summary)]
    page.append('.SH OPTIONS')
    for name, summary in commands:
        page += command_section(cli, name, summary)
        for sub, sub_summary in subcommands(run_help(cli, name, '--help-all')):
            page += command_section(cli, f'{name} {sub}', sub_summary)
    if examples:
        page += ['.SH EXAMPLES'] + paragraphs(examples)
    page += [
        '.SH EXIT STATUS',
        '.TP', '.B 0', 'Success.',
        '.TP', '.B 1', 'The work failed, for example a file could not be written.',
        '.TP', '.B 2', 'Bad or missing flags or values.',
    ]
    page += ENVIRONMENT
    page += ['.SH SEE ALSO', '.BR spinodal (1)']
    return page


def app_page(app, version):
    # GApplication answers --help before it ever opens a display.
    usage, intro, groups, _ = parse_command_help(run_help(app, '--help-all'))
    page = header('spinodal', version, 'explore phase separation in intercalation electrodes')
    page += [
        '.SH SYNOPSIS',
        '.B ' + escape(usage, code=True),
        '.SH DESCRIPTION',
        '.PP',
        'Spinodal shows why an intercalation electrode fills as a solid solution or '
        'splits into two phases.',
        'From one free-energy model (regular solution with interaction \\[*W], '
        'temperature \\fIT\\fR, vibrational entropy, coherency stiffness, optional '
        'Redlich\\-Kister terms and a gradient coefficient) it draws the free energy '
        'and its common tangents, the spinodals, the temperature\\-composition phase '
        'diagram, the open-circuit voltage, the chemical diffusivity and the growth '
        'rate of spinodal decomposition, and runs a two-dimensional Cahn\\-Hilliard '
        'simulation.',
        '.PP',
        'Files given on the command line are saved sessions (\\fI.spinodal\\fR, '
        'type application/x\\-spinodal\\-session) to open.',
        'The window keeps its parameters and preferences in GSettings, schema '
        '\\fIio.github.spinodal.Spinodal\\fR.',
        '.SH OPTIONS',
    ]
    for title, options in groups:
        if not options:
            continue
        page += ['.PP', f'\\fI{escape(title)}\\fR', '.RS 4']
        for option in options:
            page += option_troff(*option)
        page.append('.RE')
    page += ENVIRONMENT
    page += [
        '.SH SEE ALSO',
        '.BR spinodal\\-cli (1)',
    ]
    return page


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ('cli', 'app'):
        print(__doc__, file=sys.stderr)
        return 2
    kind, program, version, output = sys.argv[1:]
    page = cli_page(program, version) if kind == 'cli' else app_page(program, version)
    text = '\n'.join(page) + '\n'
    tmp = output + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, output)
    return 0


if __name__ == '__main__':
    sys.exit(main())
