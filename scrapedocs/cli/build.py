"""The build: convert the input folder into the docs folder, then build the site (or serve it).

A build reads the project's mkdocs.yml first and checks what it will read and write, so a
user's mistake ends in one line before anything is written; a build with nothing to do says
so (`publish.stamp`).
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import logging
import sys
import time
from pathlib import Path

from .. import publish
from . import apart
from ..config import PROJECT_FILES, BuildConfig, with_project_files
from ..pipeline import build_collection
from ..project import Project
from ..project.folders import check_inputs, check_writable, writing
from ..publish.report import add_site, console_summary, default_report_path, printable

#: From this many sources the conversion runs in a child process (`apart`), its memory gone with it.
APART = 2000


def quiet_logs() -> None:
    """MkDocs warnings on the console; jieba's and MkDocs' progress chatter not."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    if not mkdocs_log.handlers:
        mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.WARNING)
    import jieba  # sets its own logger to DEBUG on import, so import it first

    jieba.setLogLevel(logging.WARNING)


def _config(args: argparse.Namespace, report: Path, project: Project | None) -> BuildConfig:
    return with_project_files(BuildConfig(
        input_dir=args.input, docs_dir=args.docs, report=report,
        project_dir=project.root if project else Path("."), language=project.language if project else "zh",
        site_config=args.config, jobs=args.jobs, executor=args.executor, time_budget=args.time_budget,
        max_bytes=args.max_size, use_cache=not args.no_cache, check=args.check,
    ))


def _engine_summary(collection, stats_file: Path | None) -> None:
    """One console line on what the engine did; the full statistics in --stats FILE."""
    stats = collection.stats
    line = f"converted {stats['converted']} of {stats['documents']} sources"
    if stats["cached"]:
        line += f", {stats['cached']} unchanged (from the cache)"
    if stats["gave_up"]:
        line += f", {stats['gave_up']} given up"
    if stats["cache_corrupt"]:
        line += f"; {stats['cache_corrupt']} damaged cache entries converted again"
    if stats.get("cache_full"):
        line += "; the disk is full: the cache was not written"
    print(line, file=sys.stderr)
    _write_stats(stats, stats_file)


def _write_stats(stats: dict, stats_file: Path | None) -> None:
    """--stats FILE: seconds per stage, sources converted or cached, pages rendered, the site's seconds."""
    import json

    if stats_file is not None:
        stats_file.parent.mkdir(parents=True, exist_ok=True)
        stats_file.write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _project(args: argparse.Namespace) -> Project | None:
    """The project (mkdocs.yml), checked; None when converting only, without one."""
    from ..project import load

    config = args.config or Path("mkdocs.yml")
    site = not args.no_site or args.serve or args.offline or args.pdf
    if args.config is None and not site and not config.exists():
        return None  # `--no-site` converts without a project: the defaults
    return load(config, site=site and not args.check)


def _folders(args: argparse.Namespace, project: Project | None) -> None:
    """The input, docs and site folders: the command line's, else the project's, else the defaults."""
    args.input = args.input or (project.input_dir if project else Path("seeds"))
    args.docs = args.docs or (project.docs_dir if project else Path("docs"))
    args.site = args.site or (project.site_dir if project else Path("site"))
    args.config = project.config_file if project else args.config


def _check_folders(args: argparse.Namespace, report: Path) -> None:
    """Before converting: what the build reads exists, and what it writes can be written."""
    check_inputs(args.input, args.docs)
    if args.check:
        return
    check_writable(args.docs, "--docs DIR")
    check_writable(report.parent, "--report FILE")
    if not args.no_site or args.serve:
        check_writable(args.site.parent, "--site DIR")
    if args.offline or args.pdf:
        check_writable(args.dist, "--dist DIR")


def convert_command(args: argparse.Namespace, config: BuildConfig, report_path: Path, project: Project | None,
                    sources=None, release: bool = True) -> tuple[int | None, str, dict]:
    """Convert the input folder into the docs folder and write the report: (an exit code when the command
    ends here, else None; the site's timestamp; the statistics). With `release`, the collection's memory is
    given back before it returns (the site is built from the docs folder); a child about to end need not."""
    from ..engine import EngineError

    try:
        with writing(config.cache, "--no-cache"):
            collection = build_collection(config, progress=args.progress, sources=sources)
    except EngineError as e:  # the engine itself: a Dask cluster unreachable, …
        print(f"error: {e}", file=sys.stderr)
        return 3, "", {}
    _engine_summary(collection, args.stats)
    line, details = console_summary(collection, None if args.check else report_path)
    for detail in details:
        print(detail, file=sys.stderr)
    if not collection.docs:
        print(f"error: no pages to convert in {args.input} (sources are .txt, .html, .htm, .md and .mhtml files, "
              f"and the pages in crawls and scrapes: .warc, .warc.gz, .wacz, .jsonl, .jsonl.gz)", file=sys.stderr)
        return 2, "", {}
    if not collection.published:
        if not args.check:
            with writing(report_path.parent, "--report FILE"):
                publish.write_report(collection, report_path)
        print(f"error: none of the {len(collection.docs)} sources in {args.input} gave a page; nothing written"
              + ("" if args.check else f" (report: {report_path})"), file=sys.stderr)
        return 1, "", {}
    files = publish.plan(collection)
    if args.check:
        stale = publish.differences(files, args.docs)
        for rel in stale:
            print(f"out of date: {args.docs / rel}", file=sys.stderr)
        if stale:
            print("run 'scrapedocs' (python build_docs.py) and commit the result", file=sys.stderr)
            return 1, "", {}
        print(f"{args.docs} is up to date ({len(files)} generated files)")
        return 0, "", {}
    from ..project import home_page

    # A docs folder without a home page gets the starter one (named after the folder holding it without a project).
    home = home_page(project.site_name, project.language) if project else home_page(args.docs.resolve().parent.name)
    with writing(args.docs, "--docs DIR"):
        touched = publish.write(files, args.docs, home, collection.on_disk)
    with writing(report_path.parent, "--report FILE"):
        publish.write_report(collection, report_path)
    print(f"{line}; {len(touched)} files changed in {args.docs}")
    epoch, stats = publish.source_date_epoch(collection), collection.stats
    stats["summary"] = line
    del collection, files  # written: the site is built from docs/, and a large collection's memory is let go
    if release:
        gc.unfreeze()
        gc.collect()
        _trim_heap()
    return None, epoch, stats


def _trim_heap() -> None:
    """Give the C heap's free pages back to the system (glibc keeps them otherwise)."""
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to give back this way
        pass


def site_command(args: argparse.Namespace, config: BuildConfig, report_path: Path, epoch: str, stats: dict,
                 site: Path | None = None, serve_url: str | None = None) -> int:
    """Build the site of the docs folder into `site` (default: --site): 0, or 3 when it failed (the previous
    site stays; the page, its input and why are on the console and in the report)."""
    from mkdocs.exceptions import MkDocsException

    from ..publish.errors import OutputError

    site = site or args.site
    start = time.perf_counter()
    try:
        with writing(site, "--site DIR"):
            done = publish.build_site(args.config, args.docs, site, epoch, config, serve_url=serve_url)
    except OutputError as e:  # a page MkDocs failed on, Pagefind's binary missing: the previous site stays
        print(f"error: {printable(str(e))}", file=sys.stderr)
        if isinstance(e, publish.SiteError):
            add_site(report_path, e.details)
        return 3
    except MkDocsException as e:  # MkDocs named the problems above (a broken link in a hand-written page…)
        print(f"error: the site was not built ({e}); the previous one in {site} is unchanged", file=sys.stderr)
        return 3
    stats["site"] = time.perf_counter() - start  # MkDocs and the search index
    stats["site_build"] = done
    _write_stats(stats, args.stats)
    if serve_url is None:
        print(f"site built in {site} (search: Pagefind)")
    return 0


def serve_command(args: argparse.Namespace, config: BuildConfig, report_path: Path, project: Project | None,
                  epoch: str) -> int:
    """Serve a live preview of the site, built again whenever a source, a sidecar, a project file, a
    hand-written page or mkdocs.yml changes: the conversion and the site are both incremental, so an
    edit is shown in about the time of a one-edit build."""
    stats: dict = {}

    def rebuild(site: Path, serve_url: str, first: bool) -> bool:
        nonlocal epoch, config
        sweeping = publish.sweep(site)  # the site the last rebuild replaced
        try:
            if not first:
                print("a change: building again", file=sys.stderr)
                config = _config(args, report_path, project)  # the project's files read again
                code, epoch, _ = convert_command(args, config, report_path, project)
                if code is not None:
                    return False
            return site_command(args, config, report_path, epoch, stats, site=site, serve_url=serve_url) == 0
        finally:
            if sweeping is not None:
                sweeping.join()

    project_files = [Path(config.project_dir) / name for name in ("aliases.yml", "metadata.yml", *PROJECT_FILES)]
    publish.serve(args.config, args.docs, rebuild, [args.input, *project_files])
    return 0


def _stamp(args: argparse.Namespace, config: BuildConfig, report_path: Path):
    """The build's sources, read for their cache keys, and its stamp (`publish.stamp`); no stamp when the
    sources cannot be read here (the build then says why)."""
    from ..pipeline import read_sources
    from ..publish.stamp import Stamp, inputs_digest

    try:
        sources = read_sources(config)
    except OSError:
        return None, None
    outputs = [args.docs, report_path] + ([] if args.no_site else [args.site])
    inputs = inputs_digest(sources.digest(), vars(args), args.config)
    stamp = Stamp(report_path.with_name(report_path.stem + ".stamp.json"), inputs, outputs)
    return sources, stamp


def _up_to_date(args: argparse.Namespace, stamp, sources) -> bool:
    """Say so, and write the statistics, when nothing changed since the last build; else forget the stamp."""
    last = stamp.unchanged()
    if last is None:
        stamp.forget()
        return False
    n = len(sources.docs)
    print(f"{last.get('summary') or f'{n} sources'}; nothing changed since the last build: "
          f"{args.docs}{'' if args.no_site else f' and {args.site}'} are up to date")
    _write_stats({"up_to_date": True, "documents": n, "converted": 0, "cached": n, "gave_up": 0, "failed": 0,
                  "seconds": {"sources": sources.seconds}, "cpu": {"sources": sources.cpu}, "wall": sources.seconds},
                 args.stats)
    return True


def build_command(args: argparse.Namespace) -> int:
    sweeping: list = []  # removing the sites earlier builds left beside this one (`publish.sweep`)
    try:
        return _build(args, sweeping)
    finally:
        for thread in sweeping:
            thread.join()


def _build(args: argparse.Namespace, sweeping: list) -> int:
    project = _project(args)
    _folders(args, project)
    report_path = args.report or default_report_path(args.docs)
    _check_folders(args, report_path)
    if args.pdf and not args.check:  # fail before the conversion, not after it
        from ..publish.pdf import OutputError, check_pdf_dependencies

        try:
            check_pdf_dependencies()
        except OutputError as e:
            print(f"error: {e}", file=sys.stderr)
            return 3
    config = _config(args, report_path, project)
    sources, stamp = None, None
    if not (args.check or args.serve):
        sources, stamp = _stamp(args, config, report_path)
        if args.offline or args.pdf or args.no_cache:
            stamp = None  # these outputs are not recorded in the stamp: always built
        if stamp is not None and _up_to_date(args, stamp, sources):
            return 0

    def sweep() -> None:  # while the conversion runs
        if not (args.no_site or args.serve) and (thread := publish.sweep(args.site)) is not None:
            sweeping.append(thread)

    if sources is not None and len(sources.docs) >= APART and apart.available():
        try:
            code, epoch, stats = apart.run_apart("the conversion", convert_command, args, config, report_path,
                                                 project, sources, False, meanwhile=sweep)
        except apart.ChildDied as e:
            print(f"error: {e}; {args.docs} and the site are as the last build left them", file=sys.stderr)
            return 3
    else:
        sweep()
        code, epoch, stats = convert_command(args, config, report_path, project, sources)
    if code is not None:
        return code
    if args.serve:
        return serve_command(args, config, report_path, project, epoch)
    if not args.no_site:
        code = site_command(args, config, report_path, epoch, stats)
        if code:
            return code
    if stamp is not None:
        stamp.record(stats.get("summary", ""), stats.get("documents", 0))
    if args.offline or args.pdf:
        from ..publish import dist as outputs

        try:
            volume = outputs.PDF_VOLUME if args.pdf_volume is None else args.pdf_volume
            with writing(args.dist, "--dist DIR"):
                written = outputs.publish(args.config, args.docs, args.dist, offline=args.offline, pdf=args.pdf,
                                          epoch=epoch, volume=volume)
        except outputs.OutputError as e:
            print(f"error: {e}", file=sys.stderr)
            return 3
        for path in written:
            print(f"written: {path}")
    return 0

