#!/usr/bin/env python3
"""Score article extraction on the hand-labelled development set in tests/fixtures/devset/.

The set: real Chinese web pages shipped in packages' test suites (GNE,
newspaper4k; tests/fixtures/devset/SOURCES.md says which and how gold was
written), each as raw HTML (NAME.html.gz) and as a crawler text dump made with
inscriptis (NAME.txt.gz), with gold body text, date and author in gold.json.

Metric: bag of characters (Chinese characters and alphanumerics, NFKC,
lower-case, Traditional folded to Simplified) precision, recall and F1 per
page, macro-averaged over pages; date and author accuracy over the pages whose
gold states one.

Systems: scrapedocs on the HTML (the ensemble; "-page": the per-page choice;
"-scorer": our Chinese-aware scorer alone) and on the text dumps (the full
pipeline up to the page body and front matter); the ensemble's maintained
members alone (readability-lxml, trafilatura, resiliparse, jusText with our
Chinese classifier), and stock jusText. A page whose output is empty is "lost".
Time per page is wall-clock for the whole system on this machine.

Usage: python benchmarks/score_extraction.py [--pages] [--system NAME ...] [--kind KIND ...]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapedocs.pipeline import PIPELINE, convert  # noqa: E402
from scrapedocs.model import Collection  # noqa: E402
from scrapedocs.read import decode, load_source  # noqa: E402
from scrapedocs.restore import to_simplified  # noqa: E402

DEVSET = ROOT / "tests" / "fixtures" / "devset"
_COUNTED = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffa-z0-9]")


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


def load_gold() -> dict[str, dict]:
    return json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))


def source_bytes(name: str, suffix: str) -> bytes:
    return gzip.decompress((DEVSET / f"{name}{suffix}.gz").read_bytes())


# ---------------------------------------------------------------- systems

def scrapedocs_on(name: str, suffix: str, method: str = "vote", nfkc: bool = False) -> tuple[str, dict]:
    """Body text and metadata of the page scrapedocs makes from one source (HTML: with `method`).

    `nfkc`: the source flattened by NFKC first (full-width punctuation made ASCII), as some crawlers store text.
    """
    import scrapedocs.clean.html as html_stage

    html_stage.CONFIG = html_stage.ExtractConfig(method=method)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}{suffix}"
        data = source_bytes(name, suffix)
        if nfkc:
            data = unicodedata.normalize("NFKC", data.decode("utf-8")).encode("utf-8")
        path.write_bytes(data)
        collection = convert(Collection([load_source(path, Path(tmp))]), [s for s in PIPELINE if s.name != "render"])
        doc = collection.docs[0]
    html_stage.CONFIG = html_stage.ExtractConfig()
    if doc.error:
        return "", {}
    return "\n".join(block.text for block in doc.blocks), doc.meta


def page_html(name: str) -> str:
    return decode(source_bytes(name, ".html"))


def trafilatura_on(name: str) -> tuple[str, dict]:
    import trafilatura

    html = page_html(name)
    text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    meta = trafilatura.extract_metadata(html)
    return text, {"date": getattr(meta, "date", None), "author": getattr(meta, "author", None)} if meta else {}


def member_on(member: str):
    """One of the ensemble's maintained members alone, as the ensemble runs it."""
    def run(name: str) -> tuple[str, dict]:
        from scrapedocs.clean.html.members import MEMBERS

        return MEMBERS[member](page_html(name)), {}
    return run


def justext_stock_on(name: str) -> tuple[str, dict]:
    """jusText as shipped (no Chinese stop-list: its stop-word rule rejects nearly every Chinese paragraph)."""
    import justext

    paragraphs = justext.justext(page_html(name).encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), {}


SYSTEMS = {
    "scrapedocs-html": lambda name: scrapedocs_on(name, ".html"),
    "scrapedocs-page": lambda name: scrapedocs_on(name, ".html", "page"),
    "scrapedocs-scorer": lambda name: scrapedocs_on(name, ".html", "scorer"),
    "scrapedocs-text": lambda name: scrapedocs_on(name, ".txt"),
    "scrapedocs-nfkc": lambda name: scrapedocs_on(name, ".txt", nfkc=True),
    "trafilatura": trafilatura_on,
    "readability-lxml": member_on("readability"),
    "resiliparse": member_on("resiliparse"),
    "justext-zh": member_on("justext"),
    "justext": justext_stock_on,
}
#: Systems that need an optional package, by the module they import.
NEEDS = {"trafilatura": "trafilatura", "readability-lxml": "readability", "resiliparse": "resiliparse",
         "justext-zh": "justext", "justext": "justext"}


def available(system: str) -> bool:
    module = NEEDS.get(system)
    if not module:
        return True
    try:
        __import__(module)
    except ImportError:
        return False
    return True


# ---------------------------------------------------------------- scoring

def score(system: str, gold: dict[str, dict], show_pages: bool = False) -> dict:
    """Macro P/R/F1 (overall and per kind of page), date/author accuracy and time per page of `system`."""
    rows, dates, authors, kinds, lost = [], [], [], {}, 0
    started = time.perf_counter()
    for name, entry in sorted(gold.items()):
        try:
            text, meta = SYSTEMS[system](name)
        except Exception as err:  # a failing page scores zero, it does not stop the run
            text, meta = "", {}
            print(f"  {system} {name}: {type(err).__name__}: {err}", file=sys.stderr)
        p, r, f = prf(text, entry["body"])
        lost += not text.strip()
        rows.append((p, r, f))
        kinds.setdefault(entry.get("kind", "news"), []).append(f)
        if entry.get("date"):
            dates.append(str(meta.get("date") or "")[:10] == entry["date"])
        if entry.get("author"):
            found = to_simplified(str(meta.get("author") or ""))
            authors.append(bool(found) and (found in entry["author"] or entry["author"] in found))
        if show_pages:
            print(f"  {system:18} {name:24} P {p:.3f} R {r:.3f} F1 {f:.3f}  date {meta.get('date')}"
                  f" / {entry.get('date')}  author {meta.get('author')} / {entry.get('author')}")
    n = len(rows) or 1
    return {
        "pages": len(rows),
        "lost": lost,
        "precision": sum(r[0] for r in rows) / n,
        "recall": sum(r[1] for r in rows) / n,
        "f1": sum(r[2] for r in rows) / n,
        "kinds": {k: sum(v) / len(v) for k, v in sorted(kinds.items())},
        "date": (sum(dates), len(dates)),
        "author": (sum(authors), len(authors)),
        "ms": (time.perf_counter() - started) / n * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    global DEVSET
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", action="store_true", help="print the score of every page")
    parser.add_argument("--system", action="append", choices=list(SYSTEMS), help="score only these (repeatable)")
    parser.add_argument("--kind", action="append", help="score only pages of these kinds (gold's \"kind\")")
    parser.add_argument("--devset", type=Path, help=f"folder of pages and gold.json (default: {DEVSET})")
    args = parser.parse_args(argv)
    if args.devset:
        DEVSET = args.devset
    gold = load_gold()
    if args.kind:
        gold = {k: v for k, v in gold.items() if v.get("kind", "news") in args.kind}
    kinds = sorted({v.get("kind", "news") for v in gold.values()})
    print(f"{len(gold)} pages; macro-averaged bag-of-characters scores; time per page includes decoding")
    print(f"{'system':18} {'P':>6} {'R':>6} {'F1':>6} {'lost':>4} {'date':>7} {'author':>7} {'ms/page':>8}  "
          + " ".join(f"{k:>8}" for k in kinds))
    for system in args.system or list(SYSTEMS):
        if not available(system):
            print(f"{system:18} skipped (pip install {NEEDS[system]})")
            continue
        s = score(system, gold, args.pages)
        count = lambda v: "   -   " if not v[1] else f"{v[0]:>3}/{v[1]:<3}"  # noqa: E731
        print(f"{system:18} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['lost']:>4} "
              f"{count(s['date'])} {count(s['author'])} {s['ms']:8.1f}  "
              + " ".join(f"{s['kinds'].get(k, 0):8.3f}" for k in kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
