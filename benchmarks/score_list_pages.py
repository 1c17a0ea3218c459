#!/usr/bin/env python3
"""How the list-page judgement (scrapedocs/clean/list_pages.py) does on real pages.

Runs the read, clean and list-page stages over the real list pages of
`tests/fixtures/list_pages/` (each must be judged a list page) and over real
articles — the dev set `tests/fixtures/devset/` and any folder of `.html` or
`.html.gz` pages given with `--articles` — none of which may be; prints the
counts, every mistake, and the milliseconds the judgement adds per page.

    python benchmarks/score_list_pages.py [--articles DIR …]
"""
from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapedocs.clean.list_pages import reject_list_page  # noqa: E402
from scrapedocs.engine.task import run_stages  # noqa: E402
from scrapedocs.model import Document  # noqa: E402
from scrapedocs.pipeline import PIPELINE  # noqa: E402

STAGES = [s for s in PIPELINE if s.name in ("read", "clean")]


def judge(path: Path) -> tuple[Document, float]:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    doc = Document(path=Path(name), relpath=name, data=data)
    run_stages(doc, STAGES, None)
    start = time.perf_counter()
    reject_list_page(doc)
    return doc, time.perf_counter() - start


def main() -> None:
    import warnings

    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=Path, action="append", default=[], help="a folder of real article pages")
    args = ap.parse_args()
    lists = sorted((ROOT / "tests" / "fixtures" / "list_pages").glob("*.html.gz"))
    articles = sorted((ROOT / "tests" / "fixtures" / "devset").glob("*.html.gz"))
    for folder in args.articles:
        articles += sorted(p for p in folder.iterdir() if p.name.endswith((".html", ".html.gz")))
    seconds = []
    caught = 0
    for path in lists:
        doc, took = judge(path)
        seconds.append(took)
        caught += doc.rejected
        print(f"{'list page' if doc.rejected else 'MISSED   '} {path.name}: {doc.error or 'published'}")
    wrong = 0
    for path in articles:
        doc, took = judge(path)
        seconds.append(took)
        if doc.rejected:
            wrong += 1
            print(f"WRONG     {path.name}: {doc.error}")
    print(f"\nlist pages judged list pages: {caught} of {len(lists)}; articles judged list pages: {wrong} of "
          f"{len(articles)}; the judgement: {1000 * sum(seconds) / len(seconds):.0f} ms per page on average")


if __name__ == "__main__":
    main()
