"""The extractors benchmarks/score_extraction.py compares scrapedocs with, each as a function of one page.

A peer takes the dev set (anything with `page_html(page)` and `kind(page)`) and a
page's name and gives the body text and the metadata it states (title, date,
author). trafilatura, readability-lxml, resiliparse and jusText come with the
project (the ensemble's members, run as the ensemble runs them); gne and
magic-html are benchmark-only (benchmarks/requirements*.txt, `make bench-peers`).
magic-html needs Python >= 3.12: it runs in benchmarks/.venv-magic-html/, one
subprocess for all pages (magic_html_worker.py beside this file).
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent.parent
MAGIC_HTML_PYTHON = ROOT / "benchmarks" / ".venv-magic-html" / "bin" / "python"
MAGIC_HTML_WORKER = Path(__file__).resolve().parent / "magic_html_worker.py"


class Output(NamedTuple):
    text: str
    meta: dict
    seconds: float  # processor time spent on the page


def per_page(extract: Callable[[object, str], tuple[str, dict]]):
    """A system's run over many pages from a function of one; a page that fails scores zero, it does not stop the run."""
    def run(devset, pages: list[str]) -> dict[str, Output]:
        outputs = {}
        for page in pages:
            started = time.process_time()
            try:
                text, meta = extract(devset, page)
            except Exception as err:  # noqa: BLE001
                text, meta = "", {}
                print(f"  {page}: {type(err).__name__}: {err}", file=sys.stderr)
            outputs[page] = Output(text or "", meta or {}, time.process_time() - started)
        return outputs
    return run


def trafilatura_on(devset, page: str) -> tuple[str, dict]:
    import trafilatura

    html = devset.page_html(page)
    text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    meta = trafilatura.extract_metadata(html)
    if not meta:
        return text, {}
    return text, {"title": meta.title, "date": meta.date, "author": meta.author}


def readability_on(devset, page: str) -> tuple[str, dict]:
    """readability-lxml's article as the ensemble runs it; its short_title(), and title() for comparison."""
    from readability import Document

    from scrapedocs.clean.html.members import MEMBERS

    html = devset.page_html(page)
    document = Document(html)
    return MEMBERS["readability"](html), {"title": document.short_title(), "title()": document.title()}


def member_on(member: str):
    """One of the ensemble's maintained members alone, as the ensemble runs it (no metadata)."""
    def run(devset, page: str) -> tuple[str, dict]:
        from scrapedocs.clean.html.members import MEMBERS

        return MEMBERS[member](devset.page_html(page)), {}
    return run


def justext_stock_on(devset, page: str) -> tuple[str, dict]:
    """jusText as shipped (no Chinese stop-list: its stop-word rule rejects nearly every Chinese paragraph)."""
    import justext

    html = devset.page_html(page).encode("utf-8")
    paragraphs = justext.justext(html, justext.get_stoplist("English"), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), {}


def gne_on(devset, page: str) -> tuple[str, dict]:
    """GeneralNewsExtractor with its defaults."""
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(devset.page_html(page))
    return result.get("content") or "", {"title": result.get("title"), "date": result.get("publish_time"),
                                         "author": result.get("author")}


def magic_html_pages(hinted: bool):
    """magic-html over all pages in one subprocess; `hinted`: told the gold kind (html_type="forum")."""
    def run(devset, pages: list[str]) -> dict[str, Output]:
        batch, decoding = [], {}
        for page in pages:
            started = time.process_time()
            html = devset.page_html(page)
            decoding[page] = time.process_time() - started
            html_type = "forum" if hinted and devset.kind(page) == "forum" else None
            batch.append({"name": page, "html": html, "html_type": html_type})
        done = subprocess.run([str(MAGIC_HTML_PYTHON), str(MAGIC_HTML_WORKER)], input=json.dumps(batch),
                              capture_output=True, text=True, encoding="utf-8", timeout=3600)
        if done.returncode:
            raise RuntimeError(f"magic-html worker failed: {done.stderr[-2000:]}")
        results = json.loads(done.stdout)
        outputs = {}
        for page in pages:
            result = results[page]
            if result["error"]:
                print(f"  {page}: {result['error']}", file=sys.stderr)
            outputs[page] = Output(result["text"], {"title": result["title"]}, result["seconds"] + decoding[page])
        return outputs
    return run


def needs_module(module: str, install: str) -> Callable[[], str]:
    """Why a peer importing `module` cannot run here ("" when it can)."""
    def missing() -> str:
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed ({install})"
        return ""
    return missing


def needs_magic_html() -> str:
    if not MAGIC_HTML_PYTHON.exists():
        return f"no {MAGIC_HTML_PYTHON.relative_to(ROOT)} (make bench-peers: magic-html needs Python >= 3.12)"
    done = subprocess.run([str(MAGIC_HTML_PYTHON), "-c", "import magic_html"], capture_output=True, text=True)
    return "magic-html is not installed in its venv (make bench-peers)" if done.returncode else ""
