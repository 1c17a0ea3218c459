"""The commands beside the build: `scrapedocs new DIR`, `scrapedocs restore`."""
from __future__ import annotations

import argparse
import sys

from ..restore import RestoreConfig, restore_and_explain


def restore_command(args: argparse.Namespace) -> int:
    from ..restore import detect_script

    text = sys.stdin.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    script = args.traditional if args.traditional is not None else detect_script(text) == "hant"
    config = RestoreConfig(script=script)
    for number, line in enumerate(lines, start=1):
        restored, applied = restore_and_explain(line, config)
        sys.stdout.write(restored + "\n")
        if args.explain:
            print(f"line {number}: {', '.join(applied) if applied else 'unchanged'}", file=sys.stderr)
    return 0


def new_command(args: argparse.Namespace) -> int:
    from ..project import new

    project = new.plan(args.dir, args.name, args.lang, args.new_input)
    new.make(project)
    print(new.summary(project))
    return 0

