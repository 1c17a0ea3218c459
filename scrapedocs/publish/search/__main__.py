"""`python -m scrapedocs.publish.search SITE_DIR [--offline] [--clean]`: index a built site for search.

The site's existing `pagefind/` folder, if any, gives the parts whose pages did not change
(the result is the same as with --clean, which indexes everything again).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import OutputError
from . import index_site


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m scrapedocs.publish.search", description=__doc__)
    p.add_argument("site", type=Path, metavar="SITE_DIR", help="the built site (MkDocs or Zensical output)")
    p.add_argument("--offline", action="store_true",
                   help="write the offline bundle's script index instead of Pagefind's (pages named *.html)")
    p.add_argument("--clean", action="store_true", help="index every page again (default: only the parts that changed)")
    args = p.parse_args(argv)
    if not args.site.is_dir():
        print(f"error: {args.site} is not a folder", file=sys.stderr)
        return 2
    try:
        previous = None if args.clean else args.site / "pagefind"
        done = index_site(args.site, offline_bundle=args.offline, previous=previous)
    except OutputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 3
    parts = f" ({done['indexed']} parts indexed, {done['reused']} unchanged)" if "parts" in done else ""
    print(f"{done['pages']} pages indexed{parts}: {done['path']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
