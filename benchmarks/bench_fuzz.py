#!/usr/bin/env python3
"""Build the fuzz set of the test suite (tests/fuzz_corpus.py) at full size, with the site, and time it.

Not a test: timings depend on the machine. For each input kind (.txt, .html, .md) the
fuzz shapes of that kind (10,000 of one Markdown character in one paragraph, a
10,000-item list, lists and quotes 1,000 deep, a table row of 10,000 cells, 5,000
headings, a 2 MB paragraph citing one document about 16,000 times) are converted
(`build_docs.py --no-site`, empty cache) and the site is built from what was written
(`mkdocs build --strict` and the Pagefind index); then the whole set is built at once,
as a user would (`build_docs.py`, convert and site in one command). Prints per kind
the convert and site seconds, then per input what became of it (page, line, how the
page was degraded), the seconds its page took to render in the workers, the live
markup found in the built HTML (parsed), and the slowest pages.

    python benchmarks/bench_fuzz.py [--scale 1] [--kinds txt html md] [--jobs 2] [--work DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_corpus import FORMATS, make_fuzz  # noqa: E402


class Timed:
    """Wall seconds and processor seconds (user + system, the command's processes and workers)."""

    def __init__(self, wall: float, cpu: float):
        self.wall, self.cpu = wall, cpu

    def __str__(self) -> str:
        return f"{self.wall:.1f} s ({self.cpu:.0f} s CPU)"


def _run(cmd: list[str]) -> tuple[Timed, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(time.perf_counter() - start, cpu), done


def _project(work: Path, name: str) -> Path:
    project = work / name
    (project / "docs").mkdir(parents=True)  # the theme, styles included, comes with the package
    return project


def _site_command(project: Path) -> list[str]:
    code = ("import sys; from pathlib import Path; from scrapedocs.publish import build_site; "
            "build_site(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), '1600000000')")
    return [sys.executable, "-c", code, str(ROOT / "mkdocs.yml"), str(project / "docs"), str(project / "site")]


def _live(site: Path) -> list[str]:
    from test_hostile import _live_markup

    found = []
    for path in sorted(site.rglob("*.html")):
        found += _live_markup(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix())
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="sizes relative to the issue's (default 1)")
    ap.add_argument("--kinds", nargs="+", default=list(FORMATS), choices=FORMATS)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=None, help="keep the builds here (default: a temporary folder)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-fuzz-"))
    work.mkdir(parents=True, exist_ok=True)
    seeds = work / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    sources = make_fuzz(seeds, args.scale)
    jobs = ["--jobs", str(args.jobs), "--no-progress"]
    rows = []
    for kind in args.kinds:
        project = _project(work, f"only-{kind}")
        (project / "seeds").mkdir()
        for source in sources:
            if source.format == kind:
                shutil.copy(seeds / source.source, project / "seeds" / source.source)
        convert, done = _run([sys.executable, "build_docs.py", "--input", str(project / "seeds"), "--docs",
                              str(project / "docs"), "--no-site", "--no-cache", *jobs])
        if done.returncode:
            sys.exit(f"{kind}: the conversion failed:\n{done.stderr[-3000:]}")
        site, done = _run(_site_command(project))
        if done.returncode:
            sys.exit(f"{kind}: the site build failed:\n{done.stderr[-3000:]}")
        report = json.loads((project / "build" / "report.json").read_text(encoding="utf-8"))
        rows.append((kind, sum(1 for s in sources if s.format == kind), report["summary"], convert, site))
        print(f".{kind}: convert {convert}, site {site}", flush=True)
    project = _project(work, "all")
    stats = project / "stats.json"
    total, done = _run([sys.executable, "build_docs.py", "--input", str(seeds), "--docs", str(project / "docs"),
                        "--site", str(project / "site"), "--stats", str(stats), *jobs])
    if done.returncode or "Traceback" in done.stderr:
        sys.exit(f"the whole set failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    report = json.loads((project / "build" / "report.json").read_text(encoding="utf-8"))
    numbers = json.loads(stats.read_text(encoding="utf-8"))
    pages = numbers.get("pages", {})
    seconds = dict((path, s) for path, s in pages.get("slowest", []))
    live = _live(project / "site")
    summary = report["summary"]

    print(f"\nfuzz set at scale {args.scale:g}: {len(sources)} inputs, "
          f"{sum((seeds / s.source).stat().st_size for s in sources) / 1e6:.1f} MB, {args.jobs} jobs; "
          f"load average {os.getloadavg()[0]:.1f} at the end (other processes share the cores)")
    print("\n| input kind | inputs | pages | failed (a line) | degraded | convert | site |")
    print("|---|---|---|---|---|---|---|")
    for kind, count, s, convert, site in rows:
        print(f"| .{kind} | {count} | {s['pages']} | {s['failed']} | {s['degraded']} | {convert} | {site} |")
    site = numbers.get("site", 0.0)
    print(f"| all at once (`build_docs.py`) | {summary['inputs']} | {summary['pages']} | {summary['failed']} | "
          f"{summary['degraded']} | {total.wall - site:.1f} s | {site:.1f} s (in all {total}) |")
    print(f"\nlive markup in the built HTML: {len(live)}" + "".join(f"\n  {x}" for x in live[:10]))
    print(f"pages rendered in the workers: {pages.get('rendered')} in {pages.get('seconds', 0):.1f} s "
          f"(summed over the workers); slowest: "
          + ", ".join(f"{p} {s:.2f} s" for p, s in pages.get("slowest", [])[:5]))
    print("\n| input | outcome | degraded |")
    print("|---|---|---|")
    for entry in sorted(report["inputs"], key=lambda e: e["source"]):
        outcome = entry["page"] or f"no page: {entry['error']}"
        if entry["merged_into"]:
            outcome = f"merged into {entry['merged_into']}"
        own = seconds.get(entry["page"] or "")
        outcome += f" ({own:.2f} s)" if own is not None else ""
        print(f"| {entry['source']} | {outcome} | {'; '.join(entry['degraded'])} |")
    if live or summary["inputs"] != len(sources):
        sys.exit(1)


if __name__ == "__main__":
    main()
