"""A generated collection of distinct, realistic scraped pages, deterministic from a seed.

Not test data: the scale benchmark (`bench_scale.py`) converts what this writes.
Each document is an article (a title, outline headings, ~12 KB of paragraphs)
wrapped in one of several sites' boilerplate of the kind `seeds/` shows —
breadcrumbs, toolbars, metadata lines, view counters, footers with copyright and
ICP numbers — some in Traditional script with inline pinyin (`產(chǎn)權(quán)`),
`?` for lost characters and NFKC-flattened punctuation, a few machine-translated
into English, a share as raw HTML pages. Documents cite one another by title in
《》 (a few are cited a lot), some define a short name (以下简称《意见》), dates
span ten years, outlets are many.

Paragraphs are sentences drawn from a word-bigram chain trained on the Chinese
of `seeds/` and of the extraction dev set, with numbers, places, organisations
and topics varied, so every paragraph is new and no two documents are reprints
of each other. Document `i` depends only on (seed, i): editing or regenerating
one never changes the others.

    python benchmarks/corpus 1000 /tmp/corpus [--seed 1] [--html 0.2]

Modules: `vocabulary` (the words), `language` (the sentence model), `articles`
(what a document says), `pages` (the boilerplate around it).
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from .articles import Spec, Writer, specs
from .pages import html_page, text_page

__all__ = ["Spec", "generate", "specs"]


def document(writer: Writer, i: int, pool: list[Spec]) -> tuple[Spec, str]:
    """(spec, file text) of document i."""
    spec, blocks = writer.article(i)
    rng = random.Random(writer.seed * 1_000_003 + i + 31)
    if spec.kind == "html":
        return spec, html_page(spec, blocks, rng, pool)
    return spec, text_page(spec, blocks, rng)


def generate(n: int, out: Path, seed: int = 1, html_share: float = 0.2) -> list[Spec]:
    """Write n documents under `out`; what each is (its title, date, outlet) is returned."""
    all_specs = specs(n, seed, html_share)
    writer = Writer(all_specs, seed)
    for i in range(n):
        spec, text = document(writer, i, all_specs[:200])
        path = out / spec.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return all_specs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--html", type=float, default=0.2, help="share of raw HTML pages (default 0.2)")
    args = ap.parse_args()
    written = generate(args.n, args.out, args.seed, args.html)
    (args.out.parent / f"{args.out.name}.specs.json").write_text(
        json.dumps([s.__dict__ for s in written], ensure_ascii=False, indent=0), encoding="utf-8")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"{len(written)} documents, {size / 1e6:.1f} MB in {args.out}")
