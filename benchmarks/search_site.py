#!/usr/bin/env python3
"""A site built for search only: N generated documents as plain pages, in the shell of a built site.

    python benchmarks/search_site.py N OUT [--shell SITE] [--seed 1]
    python benchmarks/bench_search.py OUT --index        # then index it, and
    python benchmarks/bench_search.py OUT                # search it in Chromium

Converting and rendering 100,000 documents takes an hour; the search index needs only what
each page holds for search. Each document of the generator (`corpus/`: its title, date,
outlet and article, ~4,000 characters) is written as a page with the attributes the site's
templates give a document (`data-pagefind-body`, its title, date and outlet as
`data-pagefind-meta`), under `OUT/gen/`; the home page, the scripts and the styles come from
a built site (`--shell`, default: the repository's docs/ built with MkDocs into OUT first).
The pages are not the converter's: no boilerplate was removed from them because none was
added (`corpus.Writer.article`), and no cited-document pages are made.
"""
from __future__ import annotations

import argparse
import html
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402
from corpus.articles import Writer  # noqa: E402


def page(spec, blocks) -> str:
    body = "".join(f"<h2>{html.escape(text)}</h2>" if kind == "heading" else f"<p>{html.escape(text)}</p>"
                   for kind, text in blocks)
    return ('<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>{t}</title></head><body>'
            '<article class="md-content__inner"><div data-pagefind-body data-pagefind-filter="kind:document">'
            '<h1 data-pagefind-meta="title">{t}</h1>'
            '<span hidden data-pagefind-meta="date[data-value]" data-value="{d}"></span>'
            '<span hidden data-pagefind-meta="source[data-value]" data-value="{o}"></span>'
            '<p>{d} · {o}</p>{body}</div></article></body></html>').format(
        t=html.escape(spec.title), d=spec.date, o=html.escape(spec.outlet), body=body)


def shell(out: Path, source: Path | None) -> None:
    if source is None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        build(load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "docs"),
                          site_dir=str(out.resolve()), strict=True))
    else:
        shutil.copytree(source, out)
    shutil.rmtree(out / "pagefind", ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--shell", type=Path, help="a built site to take the home page and assets from")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.out.exists():
        sys.exit(f"{args.out} exists")
    start = time.perf_counter()
    shell(args.out, args.shell)
    specs = corpus.specs(args.n, args.seed, html_share=0.0)
    writer = Writer(specs, args.seed)
    for i in range(args.n):
        spec, blocks = writer.article(i)
        path = args.out / "gen" / f"{i:06d}" / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(spec, blocks), encoding="utf-8")
    print(f"{args.n} documents written under {args.out / 'gen'} in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
