#!/usr/bin/env python3
"""Score article extraction (body, title, date, author) on the two hand-labelled dev sets.

The sets (`--set`, both by default):

- `older` (tests/fixtures/devset/): real Chinese pages shipped in packages'
  test suites (GNE, newspaper4k, chardet, formasaurus, mineru-webkit;
  SOURCES.md says which and how gold was written), kinds news, blog, forum,
  notice, other; each as raw HTML (NAME.html.gz) and as a crawler text dump
  made with inscriptis (NAME.txt.gz); gold body, date and author, and a title
  wherever an entry has a `title` key.
- `2024` (tests/fixtures/devset-2024/): pages captured in 2024 from portals,
  forums and Q&A sites, from magic-html's benchmark (SOURCE.md), kinds article
  and forum, HTML only (html/NAME.gz); gold body (for a thread: the question or
  first post and every reply) and title.

`--devset FOLDER` scores another folder laid out like either (gold.json, and
pages as NAME{.html,.txt}.gz beside it or in html/).

Body: bag of characters (Chinese characters and alphanumerics, NFKC,
lower-case, Traditional folded to Simplified) precision, recall and F1 per
page, macro-averaged over the pages of a set or of a kind. A page whose output
is empty is "lost" (it scores 0).

Title, scored on every page whose gold entry has a `title` key: both titles are
reduced to their letters and digits (Unicode categories L and N, so Han, kana,
hangul, Latin, digits) after NFKC, Traditional folded to Simplified and
lower-case; white space, punctuation and symbols are dropped, so full- and
half-width forms, 「」 and “”, ——/—/- and spacing do not count, while a missing
or added word, a site name, a column label or a dropped second line does. The
title is correct when the two reductions are equal and not empty. A null gold
title means the page shows none: the system is then correct when it gives no
title, or one taken from the article's own opening (its reduction is a prefix
of the reduction of the gold body, as a post's first line would be); a file
name, a site name or a menu word is wrong. A system that states no titles
(resiliparse, jusText) shows "-".

Date: the first year, month and day in the system's date (2019-09-26,
2019-09-26T10:00, 2019年9月26日) are gold's YYYY-MM-DD; author: the system's author (Traditional folded) contains gold's or is
contained in it; both over the pages whose gold states one.

Systems: scrapedocs on the HTML (the ensemble; "-page": the per-page choice;
"-scorer": our Chinese-aware scorer alone) and on the text dumps ("-text";
"-nfkc": dumps flattened by NFKC first), the full pipeline up to the page body
and front matter; the ensemble's maintained members alone as it runs them
(readability-lxml, trafilatura, resiliparse, jusText with our Chinese
classifier), stock jusText; and two peers that are never dependencies: gne
(GeneralNewsExtractor) and magic-html 0.1.8, which needs Python >= 3.12 and so
runs in benchmarks/.venv-magic-html/ as one subprocess over all pages
(benchmarks/peers/magic_html_worker.py); "magic-html" is its default call,
"magic-html-kind" is told each page's gold kind (html_type="forum" on threads,
as magic-html's own benchmark calls it: an oracle no other system gets).
`make bench-peers` (benchmarks/setup_peers.sh) installs both; a peer that is
missing is skipped with a line saying so. Titles: trafilatura's metadata title,
readability-lxml's short_title() (its title(), the whole <title>, is printed
beside it), gne's and magic-html's title. No system is given the page's URL:
each reads the page as a user would drop it into seeds/.

Every system gets the page decoded by scrapedocs' decoder (three older pages
declare gb2312 over UTF-8 bytes). Time per page is the processor time of the
process that extracts (time.process_time, decoding included; for magic-html
without its interpreter's start and import), averaged over the set's pages,
after one warm-up page (jieba's and OpenCC's dictionaries load once): wall-clock
on a machine shared with other jobs would measure them too.

Usage: python benchmarks/score_extraction.py [--set older|2024] [--kind K] [--system NAME]
       [--pages] [--markdown] [--devset FOLDER]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.peers import (  # noqa: E402
    Output,
    gne_on,
    justext_stock_on,
    magic_html_pages,
    member_on,
    needs_magic_html,
    needs_module,
    per_page,
    readability_on,
    trafilatura_on,
)
from scrapedocs.model import Collection  # noqa: E402
from scrapedocs.pipeline import PIPELINE, convert  # noqa: E402
from scrapedocs.read import decode, load_source  # noqa: E402
from scrapedocs.restore import to_simplified  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
DEVSET = FIXTURES / "devset"  # the older set (kept under this name for tests/test_clean_html.py)
_COUNTED = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffa-z0-9]")


# ---------------------------------------------------------------- metrics

def characters(text: str) -> Counter:
    """The bag of characters the metric compares."""
    return Counter(_COUNTED.findall(to_simplified(unicodedata.normalize("NFKC", text)).lower()))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = characters(predicted), characters(gold)
    common = sum((p & g).values())
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def title_key(title: str | None) -> str:
    """What two titles must share to be the same title (see the module's docstring).

    >>> title_key("《專利法》修改 —— 第四次（图）") == title_key("《专利法》修改——第四次(图)")
    True
    >>> title_key("Ruby：极致的脚本语言 · Ruby China") == title_key("Ruby：极致的脚本语言")
    False
    """
    text = to_simplified(unicodedata.normalize("NFKC", title or "")).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def title_correct(found: str | None, gold_title: str | None, gold_body: str) -> bool:
    """Is `found` the page's title? A null gold title: none, or the article's own opening words.

    >>> title_correct("发现个端到端加密的聊天工具", None, "发现个端到端加密的聊天工具，挺有意思")
    True
    >>> title_correct("forum_20373e03", None, "发现个端到端加密的聊天工具")
    False
    """
    key = title_key(found)
    if not gold_title:
        return not key or title_key(gold_body).startswith(key)
    return bool(key) and key == title_key(gold_title)


def same_date(found, gold: str) -> bool:
    """Gold's YYYY-MM-DD against a system's date, written 2019-09-26, 2019-09-26T10:00 or 2019年9月26日."""
    match = re.search(r"(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})", str(found or ""))
    return bool(match) and "{}-{:0>2}-{:0>2}".format(*match.groups()) == gold


def same_author(found, gold: str) -> bool:
    found = to_simplified(str(found or ""))
    return bool(found) and (found in gold or gold in found)


# ---------------------------------------------------------------- the sets

class DevSet:
    """A folder of pages and their gold.json; a page is NAME.html.gz (and NAME.txt.gz) beside it or in html/."""

    def __init__(self, name: str, folder: Path, kinds_in_order: tuple[str, ...] = ()):
        self.name, self.folder, self.kinds_in_order = name, folder, kinds_in_order

    @cached_property
    def gold(self) -> dict[str, dict]:
        return json.loads((self.folder / "gold.json").read_text(encoding="utf-8"))

    def kind(self, page: str) -> str:
        return self.gold[page].get("kind", "news")

    def path(self, page: str, suffix: str) -> Path | None:
        """The page's source of this format (".html", ".txt"), or None when the set has none."""
        stem = page.removesuffix(".html")
        for candidate in (self.folder / f"{stem}{suffix}.gz", self.folder / "html" / f"{stem}{suffix}.gz"):
            if candidate.exists():
                return candidate
        return None

    def source_bytes(self, page: str, suffix: str) -> bytes:
        path = self.path(page, suffix)
        if path is None:
            raise FileNotFoundError(f"{self.name}: no {suffix} source for {page}")
        return gzip.decompress(path.read_bytes())

    def page_html(self, page: str) -> str:
        return decode(self.source_bytes(page, ".html"))

    def has(self, suffix: str) -> bool:
        return any(self.path(page, suffix) for page in self.gold)

    def kinds(self, pages) -> list[str]:
        found = {self.kind(p) for p in pages}
        return [k for k in self.kinds_in_order if k in found] + sorted(found - set(self.kinds_in_order))


SETS = {
    "older": DevSet("older", DEVSET, ("news", "blog", "forum", "notice", "other")),
    "2024": DevSet("2024", FIXTURES / "devset-2024", ("article", "forum")),
}


def load_gold(set_name: str = "older") -> dict[str, dict]:
    return SETS[set_name].gold


# ---------------------------------------------------------------- systems

def _runs_anywhere() -> str:
    return ""


class System(NamedTuple):
    """A system scored: `run(devset, pages)` gives each page's Output."""

    name: str
    run: Callable[[DevSet, list[str]], dict[str, Output]]
    states: frozenset = frozenset()  # the metadata it gives: title, date, author
    source: str = ".html"  # the input it reads
    missing: Callable[[], str] = _runs_anywhere  # why it cannot run here, or ""


def scrapedocs_on(devset: DevSet, page: str, suffix: str, method: str = "vote",
                  nfkc: bool = False) -> tuple[str, dict]:
    """Body text and metadata of the page scrapedocs makes from one source (HTML: with `method`).

    `nfkc`: the source flattened by NFKC first (full-width punctuation made ASCII), as some crawlers store text.
    """
    import scrapedocs.clean.html as html_stage

    html_stage.CONFIG = html_stage.ExtractConfig(method=method)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{page.removesuffix('.html')}{suffix}"
            data = devset.source_bytes(page, suffix)
            if nfkc:
                data = unicodedata.normalize("NFKC", data.decode("utf-8")).encode("utf-8")
            path.write_bytes(data)
            stages = [s for s in PIPELINE if s.name != "render"]
            doc = convert(Collection([load_source(path, Path(tmp))]), stages).docs[0]
    finally:
        html_stage.CONFIG = html_stage.ExtractConfig()
    if doc.error:
        return "", {}
    return "\n".join(block.text for block in doc.blocks), doc.meta


_META = frozenset({"title", "date", "author"})
_TITLE = frozenset({"title"})
_PROJECT = "pip install -e ."
SYSTEMS = {s.name: s for s in [
    System("scrapedocs-html", per_page(lambda d, p: scrapedocs_on(d, p, ".html")), _META),
    System("scrapedocs-page", per_page(lambda d, p: scrapedocs_on(d, p, ".html", "page")), _META),
    System("scrapedocs-scorer", per_page(lambda d, p: scrapedocs_on(d, p, ".html", "scorer")), _META),
    System("scrapedocs-text", per_page(lambda d, p: scrapedocs_on(d, p, ".txt")), _META, ".txt"),
    System("scrapedocs-nfkc", per_page(lambda d, p: scrapedocs_on(d, p, ".txt", nfkc=True)), _META, ".txt"),
    System("trafilatura", per_page(trafilatura_on), _META, missing=needs_module("trafilatura", _PROJECT)),
    System("readability-lxml", per_page(readability_on), _TITLE, missing=needs_module("readability", _PROJECT)),
    System("resiliparse", per_page(member_on("resiliparse")), missing=needs_module("resiliparse", _PROJECT)),
    System("justext-zh", per_page(member_on("justext")), missing=needs_module("justext", _PROJECT)),
    System("justext", per_page(justext_stock_on), missing=needs_module("justext", _PROJECT)),
    System("gne", per_page(gne_on), _META, missing=needs_module("gne", "make bench-peers")),
    System("magic-html", magic_html_pages(hinted=False), _TITLE, missing=needs_magic_html),
    System("magic-html-kind", magic_html_pages(hinted=True), _TITLE, missing=needs_magic_html),
]}


def available(system: str) -> bool:
    return not SYSTEMS[system].missing()


# ---------------------------------------------------------------- scoring

def _tally(pairs: list[bool]) -> tuple[int, int]:
    return sum(pairs), len(pairs)


def score(system: str, gold: dict[str, dict] | None = None, show_pages: bool = False,
          devset: DevSet | None = None) -> dict:
    """`system` on the pages of `gold` (default: all of `devset`, the older set by default).

    Gives macro P/R/F1, pages lost, titles, dates and authors right (right, asked) overall and per kind,
    and ms per page.
    """
    devset = devset or SETS["older"]
    gold = devset.gold if gold is None else gold
    spec = SYSTEMS[system]
    pages = sorted(gold)
    spec.run(devset, pages[:1])  # warm-up: dictionaries and models load once, not on the first page's time
    outputs = spec.run(devset, pages)
    rows, kinds = [], {}
    for page in pages:
        entry, out = gold[page], outputs[page]
        p, r, f = prf(out.text, entry["body"])
        row = {"kind": entry.get("kind", "news"), "p": p, "r": r, "f": f, "lost": not out.text.strip()}
        if "title" in entry and "title" in spec.states:
            row["title"] = title_correct(out.meta.get("title"), entry["title"], entry["body"])
            if "title()" in out.meta:
                row["title()"] = title_correct(out.meta.get("title()"), entry["title"], entry["body"])
        if entry.get("date") and "date" in spec.states:
            row["date"] = same_date(out.meta.get("date"), entry["date"])
        if entry.get("author") and "author" in spec.states:
            row["author"] = same_author(out.meta.get("author"), entry["author"])
        rows.append(row)
        kinds.setdefault(row["kind"], []).append(row)
        if show_pages:
            title = "" if "title" not in row else (" title ok" if row["title"] else
                                                   f" title {out.meta.get('title')!r} / {entry['title']!r}")
            print(f"  {system:17} {page:38} P {p:.3f} R {r:.3f} F1 {f:.3f}{'  LOST' if row['lost'] else ''}"
                  f"{title}  date {out.meta.get('date')} / {entry.get('date')}"
                  f"  author {out.meta.get('author')} / {entry.get('author')}")

    def summary(rows: list[dict]) -> dict:
        n = len(rows) or 1
        return {
            "pages": len(rows),
            "lost": sum(r["lost"] for r in rows),
            "precision": sum(r["p"] for r in rows) / n,
            "recall": sum(r["r"] for r in rows) / n,
            "f1": sum(r["f"] for r in rows) / n,
            **{key: _tally([r[key] for r in rows if key in r]) for key in ("title", "title()", "date", "author")},
        }

    result = summary(rows)
    result["by_kind"] = {kind: summary(kind_rows) for kind, kind_rows in kinds.items()}
    result["kinds"] = {kind: s["f1"] for kind, s in result["by_kind"].items()}  # F1 per kind, as before
    result["ms"] = sum(o.seconds for o in outputs.values()) / (len(pages) or 1) * 1000
    return result


# ---------------------------------------------------------------- report

def count(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "-"


def table(devset: DevSet, pages: list[str], results: dict[str, dict], markdown: bool) -> list[str]:
    """One row per system: overall scores, then F1 and titles per kind."""
    kinds = devset.kinds(pages)
    per_kind = Counter(devset.kind(p) for p in pages)
    titled = [k for k in kinds if any("title" in devset.gold[p] for p in pages if devset.kind(p) == k)]
    head = ["system", "P", "R", "F1", "lost", "titles", "dates", "authors", "ms/page"]
    head += [f"{k} ({per_kind[k]}) F1" for k in kinds] + [f"{k} titles" for k in titled]
    rows = []
    for system, s in results.items():
        row = [system, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["lost"]),
               count(s["title"]), count(s["date"]), count(s["author"]), f"{s['ms']:.0f}"]
        row += [f"{s['by_kind'][k]['f1']:.3f}" for k in kinds] + [count(s["by_kind"][k]["title"]) for k in titled]
        rows.append(row)
    if markdown:
        return ["| " + " | ".join(r) + " |" for r in [head, ["---"] * len(head)] + rows]
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    return ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
            for r in [head] + rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", choices=list(SETS), dest="sets",
                        help="score only these dev sets (repeatable; default: all)")
    parser.add_argument("--devset", type=Path, help="score this folder of pages and gold.json instead")
    parser.add_argument("--kind", action="append", help="score only pages of these kinds (gold's \"kind\")")
    parser.add_argument("--system", action="append", choices=list(SYSTEMS), help="score only these (repeatable)")
    parser.add_argument("--pages", action="store_true", help="print the scores of every page")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown (for README.md)")
    args = parser.parse_args(argv)
    devsets = [DevSet(args.devset.name, args.devset)] if args.devset else [SETS[s] for s in args.sets or SETS]
    skipped = set()
    for devset in devsets:
        gold = {k: v for k, v in devset.gold.items() if not args.kind or v.get("kind", "news") in args.kind}
        if not gold:
            continue
        titled = sum("title" in v for v in gold.values())
        where = devset.folder.relative_to(ROOT) if devset.folder.is_relative_to(ROOT) else devset.folder
        print(f"\n## {devset.name}: {len(gold)} pages ({where}), {titled} with a gold title;"
              " macro-averaged bag-of-characters scores; ms/page is processor time")
        results = {}
        for system in args.system or list(SYSTEMS):
            spec = SYSTEMS[system]
            why = spec.missing()
            if why:
                if system not in skipped:
                    print(f"{system}: skipped: {why}")
                skipped.add(system)
                continue
            if not devset.has(spec.source):
                print(f"{system}: skipped: this set has no {spec.source} sources")
                continue
            results[system] = score(system, gold, args.pages, devset)
        print("\n".join(table(devset, sorted(gold), results, args.markdown)))
        alternates = [f"{name} {count(s['title()'])}" for name, s in results.items() if s["title()"][1]]
        if alternates:
            print("titles from readability-lxml's title() (the whole <title>) instead of short_title(): "
                  + ", ".join(alternates))
    return 0


if __name__ == "__main__":
    sys.exit(main())
