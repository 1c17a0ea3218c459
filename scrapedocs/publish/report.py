"""The build report: what became of every file under the input folder, and its console summary.

Every source ends as a page, as a reprint merged into another page, as a page
that is not an article (a list page), or as a failure with the reason; every
other file is listed as skipped with the reason, and every record of a crawl
that is not a source (a redirect, an image, a request, …) with its kind and
reason: the console counts those by kind, the report lists each. A page
published in a simpler form than usual, to keep the site build bounded
(`render.limits`, `render.trial`), says so under `degraded`; a site build that
failed says on which page, from which input, and why (`site`).
Nothing from outside the input folder is ever in it: sources are read only
inside the folder (`read.load_source`).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from ..model import Collection
from .docs import write_all

CONSOLE_FIRST = 5  # warnings and skipped files named on the console; the report has them all
CONSOLE_FAILURES = 10


def report(collection: Collection, site: dict | None = None) -> dict:
    """What became of each input: its page or why none, removed lines, repairs, warnings; the skipped files;
    and, given `site` (`publish.site.SiteError.details`), what became of the site build."""
    data = _report(collection, site)
    data["inputs"] = list(data["inputs"])
    return data


def _report(collection: Collection, site: dict | None = None) -> dict:
    """`report`, with the inputs' entries made one at a time as they are read (`report_chunks`)."""
    return {
        "summary": summary(collection),
        **({"site": site} if site is not None else {}),
        "warnings": collection.warnings,
        "inputs": _inputs(collection),
        "skipped": [{"source": s.source, "reason": s.reason} for s in collection.skipped],
        "records": [{"source": r.source, "kind": r.kind, "reason": r.reason} for r in collection.records],
    }


def _inputs(collection: Collection) -> Iterator[dict]:
    pages = {doc.relpath: doc.page for doc in collection.published}
    for doc in collection.docs:
        page = None if doc.error else pages.get(doc.merged_into or doc.relpath)
        yield {
            "source": doc.relpath,
            "page": page,
            "error": doc.error or None,
            **({"not_article": True} if doc.rejected else {}),
            "merged_into": doc.merged_into or None,
            "sidecar": doc.sidecar[0] if doc.sidecar else None,
            "title": doc.meta.get("title"),
            "removed": [{"line": line.number, "reason": line.reason, "text": line.text} for line in doc.removed],
            "repairs": dict(sorted(doc.repairs.items())),
            "warnings": doc.warnings,
            "degraded": doc.degraded if page else [],
            **({"extraction": doc.extraction} if doc.extraction else {}),
        }


def summary(collection: Collection) -> dict[str, int]:
    """Counts: sources read, pages made, reprints merged, failures, pages that are not articles, files skipped,
    records of crawls that are not sources, warnings, pages degraded."""
    docs = collection.docs
    return {
        "inputs": len(docs),
        "pages": len(collection.published),
        "merged": sum(1 for d in docs if d.merged_into and not d.error),
        "failed": sum(1 for d in docs if d.error and not d.rejected),
        "not_articles": sum(1 for d in docs if d.rejected),
        "skipped": len(collection.skipped),
        "records": len(collection.records),
        "warnings": len(collection.warnings) + sum(len(d.warnings) for d in docs),
        "degraded": sum(1 for d in collection.published if d.degraded),
    }


def records_by_kind(records: list) -> list[tuple[str, int]]:
    """(kind, count) of the accounted records, in the order of `read.archives.KINDS`, then by name.

    >>> from scrapedocs.read import Skipped
    >>> records_by_kind([Skipped("a#1", "x", "image"), Skipped("a#2", "y", "redirect"), Skipped("a#3", "z", "image")])
    [('redirect', 1), ('image', 2)]
    """
    from collections import Counter

    from ..read.archives import KINDS

    counts = Counter(r.kind for r in records)
    rank = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(counts.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def report_json(data: dict) -> str:
    """The report as JSON, one line per input (and per skipped file, per warning): readable with
    `grep`, and written by json's C encoder (an indented dump is ten times slower at 10,000 inputs).

    >>> print(report_json({"summary": {"inputs": 1}, "inputs": [{"source": "a.txt"}]}))
    {
    "summary": {"inputs": 1},
    "inputs": [
    {"source": "a.txt"}
    ]
    }
    """
    return "".join(report_chunks(data))


def report_chunks(data: dict) -> Iterator[str]:
    """`report_json` in pieces, a list's items one at a time: a list may be an iterator, whose items are
    made as they are written (a report of 100,000 inputs is never in memory whole).

    >>> whole = {"summary": {"inputs": 2}, "inputs": [{"source": "a"}, {"source": "b"}], "skipped": []}
    >>> "".join(report_chunks({**whole, "inputs": iter(whole["inputs"]), "skipped": iter([])})) == report_json(whole)
    True
    """
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    yield "{\n"
    for n, (key, value) in enumerate(data.items()):
        if n:
            yield ",\n"
        items = iter(value) if isinstance(value, (list, Iterator)) else None
        first = next(items, _END) if items is not None else _END
        if first is _END:
            yield f"{dump(key)}: {dump([] if items is not None else value)}"
            continue
        yield f"{dump(key)}: [\n{dump(first)}"
        for item in items:
            yield f",\n{dump(item)}"
        yield "\n]"
    yield "\n}"


_END = object()


def write_report(collection: Collection, path: Path, site: dict | None = None) -> None:
    """The report, written whole or not at all (a full disk leaves the previous one), one input at a time."""
    write_all(path.parent, {path.name: chain(report_chunks(_report(collection, site)), ["\n"])})


def add_site(path: Path, site: dict) -> None:
    """The report written by `write_report`, with what became of the site build (`site`) added: the
    site is built once the documents are written and let go."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data = {"summary": data.pop("summary"), "site": site, **{k: v for k, v in data.items() if k != "site"}}
    write_all(path.parent, {path.name: (report_json(data) + "\n").encode("utf-8")})


def default_report_path(docs: Path) -> Path:
    """Where the report goes unless `--report` says: `build/` beside the docs folder.

    A docs folder named otherwise than `docs` gets its own file name, so a trial
    build (`--docs trial`) never overwrites the project's `build/report.json`.

    >>> default_report_path(Path("docs")).as_posix(), default_report_path(Path("/tmp/x/docs")).as_posix()
    ('build/report.json', '/tmp/x/build/report.json')
    >>> default_report_path(Path("trial")).as_posix()
    'build/report-trial.json'
    """
    name = "report.json" if docs.name == "docs" else f"report-{docs.name}.json"
    return docs.parent / "build" / name


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """A line safe for a terminal: control characters (escape sequences, line breaks) shown as \\xNN.

    >>> printable("a\\x1b[2Jb\\nc")
    'a\\\\x1b[2Jb\\\\x0ac'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def _first(items: list[str], limit: int) -> list[str]:
    lines = [f"  {printable(item)}" for item in items[:limit]]
    if len(items) > limit:
        lines.append(f"  … and {len(items) - limit} more in the report")
    return lines


def console_summary(collection: Collection, report_path: Path | None = None) -> tuple[str, list[str]]:
    """The one-line summary, and the lines naming failures, warnings and skipped files (the first few of each)."""
    counts = summary(collection)
    line = (f"{counts['inputs']} sources → {counts['pages']} pages"
            + (f" ({counts['merged']} reprints merged)" if counts["merged"] else "")
            + f"; {counts['failed']} failed"
            + (f", {counts['not_articles']} not articles" if counts["not_articles"] else "")
            + f", {counts['skipped']} skipped, {counts['warnings']} warnings"
            + (f", {counts['degraded']} pages degraded" if counts["degraded"] else ""))
    if report_path is not None:
        line += f"; report: {report_path}"
    details = []
    failures = [f"{d.relpath}: {d.error}" for d in collection.docs if d.error and not d.rejected]
    if failures:
        details += [f"failed ({len(failures)}), no page:"] + _first(failures, CONSOLE_FAILURES)
    degraded = [f"{d.relpath}: {'; '.join(d.degraded)}" for d in collection.published if d.degraded]
    if degraded:
        details += [f"degraded ({len(degraded)}), published in a plainer form to keep the site build bounded:"]
        details += _first(degraded, CONSOLE_FAILURES)
    rejected = [f"{d.relpath}: {d.error}" for d in collection.docs if d.rejected]
    if rejected:
        details += [f"not articles ({len(rejected)}), no page:"] + _first(rejected, CONSOLE_FIRST)
    if collection.records:
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in records_by_kind(collection.records))
        details.append(f"records not published ({len(collection.records):,}), by kind: {kinds}"
                       + ("" if report_path is None else " (each in the report)"))
        damaged = [f"{r.source}: {r.reason}" for r in collection.records if r.kind == "damaged"]
        if damaged:
            details += [f"damaged ({len(damaged)}):"] + _first(damaged, CONSOLE_FIRST)
    warnings = collection.warnings + [f"{d.relpath}: {w}" for d in collection.docs for w in d.warnings]
    if warnings:
        details += [f"warnings ({len(warnings)}):"] + _first(warnings, CONSOLE_FIRST)
    skipped = [f"{s.source}: {s.reason}" for s in collection.skipped]
    if skipped:
        details += [f"skipped ({len(skipped)}), not sources:"] + _first(skipped, CONSOLE_FIRST)
    return line, details
