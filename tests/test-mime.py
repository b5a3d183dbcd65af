#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the .spinodal MIME type the way the desktop sees it: runs
update-mime-database on a scratch tree holding only our package file and
reads the generated globs, subclasses and magic back.

Usage: test-mime.py MIME_XML
"""
import os
import shutil
import subprocess
import sys
import tempfile

TYPE = "application/x-spinodal-session"

def main():
    xml = sys.argv[1]
    tool = shutil.which("update-mime-database")
    if tool is None:
        print("update-mime-database not installed (shared-mime-info)")
        return 77  # meson: skipped
    with tempfile.TemporaryDirectory() as root:
        mime_dir = os.path.join(root, "mime")
        os.makedirs(os.path.join(mime_dir, "packages"))
        shutil.copy(xml, os.path.join(mime_dir, "packages"))
        # stderr carries the XML validation messages; the scratch tree is on
        # XDG_DATA_DIRS so the tool has no search-path note to print there.
        env = dict(os.environ, XDG_DATA_DIRS=root, XDG_DATA_HOME=root)
        run = subprocess.run([tool, mime_dir], capture_output=True, text=True, env=env)
        if run.returncode != 0 or run.stderr.strip():
            print(run.stderr, file=sys.stderr)
            return 1
        with open(os.path.join(mime_dir, "globs2"), encoding="utf-8") as f:
            globs = f.read()
        with open(os.path.join(mime_dir, "subclasses"), encoding="utf-8") as f:
            subclasses = f.read()
        with open(os.path.join(mime_dir, "types"), encoding="utf-8") as f:
            types = f.read().split()
    ok = True
    if f"{TYPE}:*.spinodal" not in globs:
        print(f"globs2 lacks {TYPE}:*.spinodal:\n{globs}", file=sys.stderr)
        ok = False
    if f"{TYPE} application/json" not in subclasses:
        print(f"subclasses lacks {TYPE} application/json:\n{subclasses}", file=sys.stderr)
        ok = False
    if types != [TYPE]:
        print(f"types should be exactly {TYPE}, got {types}", file=sys.stderr)
        ok = False
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())
