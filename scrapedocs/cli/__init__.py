"""Command line: `scrapedocs [options]` (or `python build_docs.py`), `scrapedocs new DIR`, `scrapedocs restore`.

A build reads the project's mkdocs.yml first and checks what it will read and write, so a
user's mistake (no project, a broken mkdocs.yml, a missing input folder, a docs folder that
is a file, no permission, a full disk) ends in one line naming the problem and the fix,
exit status 2, before anything is written.
"""
from __future__ import annotations

import sys

from ..project import ProjectError
from ..project.folders import DISK_ERRORS, disk_problem
from .build import build_command, quiet_logs
from .options import _parser
from .tools import new_command, restore_command


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    quiet_logs()
    if args.command == "restore":
        return restore_command(args)
    try:
        return new_command(args) if args.command == "new" else build_command(args)
    except ProjectError as e:  # a mistake the user can fix: one line, exit 2
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # writing elsewhere (--stats FILE…): a full disk, no permission
        if e.errno not in DISK_ERRORS:
            raise
        print(f"error: {disk_problem(e, e.filename)}", file=sys.stderr)
        return 2

