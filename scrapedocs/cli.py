"""Command line: `python build_docs.py [options]` and `python build_docs.py restore`."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import publish
from .config import BuildConfig, default_jobs, with_project_files
from .pipeline import build_collection
from .publish.report import console_summary, default_report_path
from .read import MAX_SIZE
from .restore import RestoreConfig, restore_and_explain

DESCRIPTION = """\
Convert the scraped pages in the input folder (text dumps, HTML pages,
Markdown, browser saves, crawls as WARC or WACZ, scrapers' JSON lines) into
clean Markdown pages under DOCS/ (articles/, cited/, indexes/, browse/), then build the MkDocs Material site and its Pagefind search index.
Boilerplate is stripped, garbled text restored (inline pinyin, lost characters
shown as '?', flattened punctuation, Traditional script, mojibake), metadata
(dates, outlet, author, 文号, 发文机关, 文种) extracted into front matter,
outline numbering turned into headings, citations into links. Hand-written
pages in DOCS (such as index.md) are never overwritten.
Every file under the input folder ends as a page or as a line that says why
not: the console names the failures and the first warnings and skipped files,
and the report (build/report.json beside the docs folder) has every input, its
page or why none, the lines removed, the repairs applied and the warnings."""

EPILOG = """\
commands:
  restore [--explain]   read text on standard input, write it restored to
                        standard output, one output line per input line;
                        --explain names the repairs applied to each line on
                        standard error

examples:
  python build_docs.py                     convert seeds/ and build site/
  python build_docs.py --no-site           convert only
  python build_docs.py --check --no-site   fail if docs/ is out of date
  python build_docs.py --serve             live preview on http://127.0.0.1:8000
  python build_docs.py --offline --pdf     also dist/<name>-offline.zip and dist/<name>.pdf
  python -m scrapedocs.publish.search SITE index a site built otherwise (e.g. by zensical)
  echo '產(chǎn)權(quán)' | python build_docs.py restore --explain"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build_docs.py", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--input", type=Path, default=Path("seeds"), metavar="DIR",
                   help="folder of scraped pages, searched recursively (default: seeds)")
    p.add_argument("--docs", type=Path, default=Path("docs"), metavar="DIR",
                   help="MkDocs docs folder; pages are written to DIR/articles/ (default: docs)")
    p.add_argument("--site", type=Path, default=Path("site"), metavar="DIR",
                   help="where the built site goes (default: site)")
    p.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                   help="MkDocs configuration (default: mkdocs.yml)")
    p.add_argument("--report", type=Path, default=None, metavar="FILE",
                   help="build report (default: build/report.json beside the docs folder; "
                        "build/report-NAME.json for a docs folder named NAME other than docs)")
    p.add_argument("--max-size", type=_size, default=MAX_SIZE, metavar="SIZE",
                   help="sources larger than this are reported, not read (default: 20MB; "
                        "a number of bytes, or with kB, MB or GB)")
    p.add_argument("--no-site", action="store_true", help="convert only; do not build the site")
    p.add_argument("--offline", action="store_true",
                   help="also write DIST/<name>-offline.zip: the site for file://, search included")
    p.add_argument("--pdf", action="store_true",
                   help="also write DIST/<name>.pdf: the whole collection (needs chromium, fonts-noto-cjk)")
    p.add_argument("--pdf-volume", type=int, default=None, metavar="N",
                   help="documents per PDF: a larger collection gets one PDF per volume, DIST/<name>-1.pdf, … "
                        "(default: 500; 0: one PDF whatever the size)")
    p.add_argument("--dist", type=Path, default=Path("dist"), metavar="DIR",
                   help="where --offline and --pdf write (default: dist)")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 naming the files when DOCS differs from what the build would write")
    p.add_argument("--serve", action="store_true", help="convert, then serve a live preview of the site")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when there are many sources and a terminal)")
    _engine_options(p)
    sub = p.add_subparsers(dest="command", metavar="")
    r = sub.add_parser("restore", help="restore text from standard input",
                       description="Restore scraped text read on standard input.")
    r.add_argument("--explain", action="store_true", help="name the repairs applied to each line on standard error")
    r.add_argument("--traditional", action=argparse.BooleanOptionalAction, default=None,
                   help="convert Traditional to Simplified (default: decided from the whole input)")
    return p


def _size(text: str) -> int:
    """`--max-size`: 20MB, 500kB, 1GB or a number of bytes."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*", text.lower())
    if not m or float(m[1]) <= 0:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (examples: 20MB, 500kB, 1000000)")
    return int(float(m[1]) * {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3}[m[2]])


def _positive(kind):
    def parse(text: str):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive: {text}")
        return value
    return parse


def _executor(text: str) -> str:
    if text == "local" or (text.startswith("dask://") and len(text) > len("dask://")):
        return text
    raise argparse.ArgumentTypeError(f"{text!r}: use 'local' or 'dask://HOST:PORT'")


def _engine_options(p: argparse.ArgumentParser) -> None:
    """How the conversion runs: parallelism, cache, time budget (see scrapedocs/engine)."""
    g = p.add_argument_group("conversion engine")
    g.add_argument("--jobs", "-j", type=_positive(int), default=default_jobs(), metavar="N",
                   help="convert in N worker processes (default: the machine's cores, here %(default)s)")
    g.add_argument("--executor", type=_executor, default="local", metavar="local|dask://HOST:PORT",
                   help="where the per-document stages run: worker processes here (default), or an existing "
                        "Dask cluster (needs scrapedocs[distributed] here and scrapedocs on the workers)")
    g.add_argument("--no-cache", action="store_true",
                   help="convert every source again, ignoring the cache (build/cache/, beside the report)")
    g.add_argument("--time-budget", type=_positive(float), default=30.0, metavar="SECONDS",
                   help="give up on a source whose conversion takes longer, and report it (default: 30)")
    g.add_argument("--stats", type=Path, metavar="FILE",
                   help="write the build's statistics (seconds per stage, sources converted or cached) as JSON")


def _config(args: argparse.Namespace, report: Path) -> BuildConfig:
    return with_project_files(BuildConfig(
        input_dir=args.input, docs_dir=args.docs, report=report, project_dir=args.config.parent,
        jobs=args.jobs, executor=args.executor, time_budget=args.time_budget, max_bytes=args.max_size,
        use_cache=not args.no_cache, check=args.check,
    ))


def _engine_summary(collection, stats_file: Path | None) -> None:
    """One console line on what the engine did; the full statistics in --stats FILE."""
    import json

    stats = collection.stats
    line = f"converted {stats['converted']} of {stats['documents']} sources"
    if stats["cached"]:
        line += f", {stats['cached']} unchanged (from the cache)"
    if stats["gave_up"]:
        line += f", {stats['gave_up']} given up"
    if stats["cache_corrupt"]:
        line += f"; {stats['cache_corrupt']} damaged cache entries converted again"
    print(line, file=sys.stderr)
    if stats_file is not None:
        stats_file.parent.mkdir(parents=True, exist_ok=True)
        stats_file.write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def restore_command(args: argparse.Namespace) -> int:
    from .restore import detect_script

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


def build_command(args: argparse.Namespace) -> int:
    if not args.input.is_dir():
        print(f"error: input folder {args.input} does not exist", file=sys.stderr)
        return 2
    if args.pdf and not args.check:  # fail before the conversion, not after it
        from .publish.pdf import OutputError, check_pdf_dependencies

        try:
            check_pdf_dependencies()
        except OutputError as e:
            print(f"error: {e}", file=sys.stderr)
            return 3
    from .engine import EngineError

    report_path = args.report or default_report_path(args.docs)
    try:
        collection = build_collection(_config(args, report_path), progress=args.progress)
    except EngineError as e:  # the engine itself: a Dask cluster unreachable, …
        print(f"error: {e}", file=sys.stderr)
        return 3
    _engine_summary(collection, args.stats)
    line, details = console_summary(collection, None if args.check else report_path)
    for detail in details:
        print(detail, file=sys.stderr)
    if not collection.docs:
        print(f"error: no pages to convert in {args.input} (sources are .txt, .html, .htm, .md and .mhtml files, "
              f"and the pages in crawls and scrapes: .warc, .warc.gz, .wacz, .jsonl, .jsonl.gz)", file=sys.stderr)
        return 2
    if not collection.published:
        if not args.check:
            publish.write_report(collection, report_path)
        print(f"error: none of the {len(collection.docs)} sources in {args.input} gave a page; nothing written"
              + ("" if args.check else f" (report: {report_path})"), file=sys.stderr)
        return 1
    files = publish.plan(collection)
    if args.check:
        stale = publish.differences(files, args.docs)
        for rel in stale:
            print(f"out of date: {args.docs / rel}", file=sys.stderr)
        if stale:
            print("run 'python build_docs.py' and commit the result", file=sys.stderr)
            return 1
        print(f"{args.docs} is up to date ({len(files)} generated files)")
        return 0
    touched = publish.write(files, args.docs)
    publish.write_report(collection, report_path)
    print(f"{line}; {len(touched)} files changed in {args.docs}")
    if args.serve:
        print("serving the site on http://127.0.0.1:8000/ (Ctrl+C to stop)")
        publish.serve(args.config, args.docs)
    elif not args.no_site:
        from .publish.errors import OutputError

        try:
            publish.build_site(args.config, args.docs, args.site, publish.source_date_epoch(collection))
        except OutputError as e:  # e.g. Pagefind's binary missing: the previous site stays
            print(f"error: {e}", file=sys.stderr)
            return 3
        print(f"site built in {args.site} (search: Pagefind)")
    if args.offline or args.pdf:
        from .publish import dist as outputs

        try:
            volume = outputs.PDF_VOLUME if args.pdf_volume is None else args.pdf_volume
            written = outputs.publish(args.config, args.docs, args.dist, offline=args.offline, pdf=args.pdf,
                                      epoch=publish.source_date_epoch(collection), volume=volume)
        except outputs.OutputError as e:
            print(f"error: {e}", file=sys.stderr)
            return 3
        for path in written:
            print(f"written: {path}")
    return 0


def _quiet_logs() -> None:
    """MkDocs warnings on the console; jieba's and MkDocs' progress chatter not."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    if not mkdocs_log.handlers:
        mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.WARNING)
    import jieba  # sets its own logger to DEBUG on import, so import it first

    jieba.setLogLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _quiet_logs()
    if args.command == "restore":
        return restore_command(args)
    return build_command(args)
