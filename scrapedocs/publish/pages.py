"""GitHub Pages' limits, checked on the built site before it is uploaded (.github/workflows/pages.yml).

    python -m scrapedocs.publish.pages SITE_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path

#: GitHub Pages publishes sites of at most 1 GB; no file of the site may pass 100 MB
#: (git's limit, which Pages applies too). https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits
PAGES_SITE_LIMIT = 1_000_000_000
PAGES_FILE_LIMIT = 100_000_000


def pages_limits(site_dir: Path) -> tuple[dict, list[str]]:
    """The site's size and largest file, and what breaks GitHub Pages' limits."""
    files = [p for p in Path(site_dir).rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    largest = max(files, key=lambda p: p.stat().st_size, default=None)
    figures = {"files": len(files), "bytes": total,
               "largest": largest.relative_to(site_dir).as_posix() if largest else None,
               "largest_bytes": largest.stat().st_size if largest else 0}
    problems = []
    if total > PAGES_SITE_LIMIT:
        problems.append(f"the site is {total / 1e9:.2f} GB; GitHub Pages publishes at most 1 GB: publish site/ "
                        f"on a static host without that limit, e.g. `aws s3 sync site/ s3://BUCKET --delete` "
                        f"behind a CDN, or `rsync -a --delete site/ HOST:/var/www/` (README: Large collections)")
    problems += [f"{p.relative_to(site_dir)} is {p.stat().st_size / 1e6:.0f} MB; files may not pass 100 MB"
                 for p in files if p.stat().st_size > PAGES_FILE_LIMIT]
    return figures, problems


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m scrapedocs.publish.pages SITE_DIR", file=sys.stderr)
        return 2
    figures, problems = pages_limits(Path(argv[0]))
    print(f"{argv[0]}: {figures['files']} files, {figures['bytes'] / 1e6:.1f} MB; "
          f"largest {figures['largest']} ({figures['largest_bytes'] / 1e6:.1f} MB)")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
