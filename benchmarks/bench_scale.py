#!/usr/bin/env python3
"""Scale benchmark: N generated documents built as a user builds them, with the site: cold, unchanged,
after one edited source, after one edited sidecar.

Not a test: timings depend on the machine. Writes N distinct documents with the generator
in `corpus/`, then runs `build_docs.py` (conversion, then the site and its search index) as
a user would, in a fresh process each time:

1. a cold build (empty cache, no site),
2. a rebuild with nothing changed,
3. a rebuild after one source was edited (a paragraph added),
4. a rebuild after one sidecar was added (a title corrected, as an author does),

and prints, for each, the wall time and how it divides (conversion, site), the seconds per
stage (document stages: summed over the workers), input MB/s (of the document stages and of
the whole conversion), the peak memory of the build's process tree (workers and Pagefind's
processes included), what changed in docs/ and what the site build did (pages reused, taken
from the pages pass, rendered); then the sizes: docs/, the longest page, the site, its
largest file and largest page, the search index and its largest file, and with
`bench_search.py` the first-result latency. It checks the titles found against the
generated ones and that no generated document was merged as a reprint.

    python benchmarks/bench_scale.py 1000 [2000 …] [--html 0] [--jobs 2] [--work DIR [--reuse]] [--no-site]
                                     [--rebuilds 0-3] [--no-search] [--skip indexes] [--dask]

With several sizes, a last table gives each stage's seconds per 1,000 documents
at each size and the ratio between the largest and the smallest: 1.0 is linear.
The load average of the machine is printed before and after each size: the machine this
project runs on is shared, and wall times measure the others' work too.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus

GENERATED_DIRS = ("articles", "cited", "indexes", "browse")


#: Seconds between two samples of the memory: PSS costs the kernel a walk of every page of the
#: build's processes, which at 50 ms took half a core from the build being measured.
INTERVAL = 0.5


class PeakMemory:
    """The largest total memory of a process and its descendants, sampled every `INTERVAL` seconds.

    `peak` sums PSS (a page shared by the forked workers counts once, split between
    them), `peak_rss` sums RSS (shared pages counted in every process: an overestimate).
    """

    def __init__(self, pid: int):
        self.pid, self.peak, self.peak_rss, self._stop = pid, 0, 0, threading.Event()
        try:
            import psutil  # noqa: F401  (a dependency of dask.distributed)
            self.available = True
        except ImportError:
            self.available = False
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        if not self.available:
            return
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            pss = rss = 0
            try:
                for proc in [root] + root.children(recursive=True):
                    try:
                        info = proc.memory_full_info()
                        pss += getattr(info, "pss", info.rss)
                        rss += info.rss
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        pass
            except psutil.NoSuchProcess:
                return
            self.peak, self.peak_rss = max(self.peak, pss), max(self.peak_rss, rss)
            self._stop.wait(INTERVAL)

    def stop(self) -> tuple[int, int]:
        self._stop.set()
        self._thread.join()
        return self.peak, self.peak_rss


def run(cmd: list[str], label: str, fail: bool = True) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    peak, peak_rss = memory.stop()
    if proc.returncode and fail:
        sys.exit(f"{label} failed ({proc.returncode}):\n{err[-3000:]}")
    return {"code": proc.returncode, "wall": wall, "peak": peak, "peak_rss": peak_rss, "stdout": out, "stderr": err}


def build(args, source: Path, work: Path, label: str) -> dict:
    stats_file = work / f"stats-{label}.json"
    # build_docs.py, with the stages of --skip left out of the pipeline
    entry = ("import sys; from scrapedocs import pipeline; "
             f"pipeline.PIPELINE[:] = [s for s in pipeline.PIPELINE if s.name not in {set(args.skip)!r}]; "
             "from scrapedocs.cli import main; sys.exit(main(sys.argv[1:]))") if args.skip else None
    cmd = [sys.executable, "build_docs.py", "--input", str(source), "--docs", str(work / "docs"),
           "--site", str(work / "site"), "--report", str(work / "build" / "report.json"), "--no-progress",
           "--jobs", str(args.jobs), "--stats", str(stats_file)]
    if args.no_site:
        cmd.append("--no-site")
    if args.executor:
        cmd += ["--executor", args.executor]
    if entry:
        cmd[1:2] = ["-c", entry]
    result = run(cmd, label)
    result["stats"] = json.loads(stats_file.read_text(encoding="utf-8"))
    changed = [line for line in result["stdout"].splitlines() if "files changed" in line]
    result["changed"] = changed[0].split("(")[-1].split(" files")[0] if changed else "?"
    if "nothing changed since the last build" in result["stdout"]:
        result["changed"] = "0 (nothing to do: the last build's stamp holds)"
    return result


def folder_size(folder: Path) -> tuple[int, Path | None, int]:
    total, largest, largest_size = 0, None, -1
    for p in folder.rglob("*"):
        if p.is_file():
            size = p.stat().st_size
            total += size
            if size > largest_size:
                largest, largest_size = p, size
    return total, largest, largest_size


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def print_build(label: str, result: dict, input_bytes: int, n: int) -> None:
    stats = result["stats"]
    seconds = stats["seconds"]
    site = stats.get("site", 0.0)
    conversion = result["wall"] - site
    print(f"\n{label}: {result['wall']:.1f} s wall (conversion {conversion:.1f} s, site {site:.1f} s), "
          f"peak memory {mb(result['peak'])} (RSS summed: {mb(result['peak_rss'])}), {stats['converted']} converted, "
          f"{stats['cached']} from the cache, {result['changed']} files changed in docs/")
    if stats["converted"]:
        share = stats["converted"] / n
        print(f"  document stages: {stats['wall']:.1f} s wall for {stats['converted']} documents, "
              f"{input_bytes * share / 1e6 / max(stats['wall'], 1e-9):.2f} MB/s of input; the whole conversion "
              f"{input_bytes * share / 1e6 / max(conversion, 1e-9):.2f} MB/s")
    pages = stats.get("pages") or {}
    if pages:
        print(f"  pages pass: {pages.get('rendered', 0)} pages rendered ({pages.get('cpu', 0):.1f} s processor "
              f"time in the workers), {pages.get('cached', 0)} from the cache, {pages.get('wall', 0):.1f} s wall")
    done = stats.get("site_build")
    if done:
        print(f"  site: {done.get('builder')}, {done.get('pages', '?')} pages: {done.get('reused', 0)} reused, "
              f"{done.get('from_pages_pass', 0)} built with the pages pass's HTML, {done.get('rendered', 0)} rendered; "
              f"{done.get('jobs', 1)} processes; {site:.1f} s with the search index"
              + (f" (pages {done['seconds_pages']:.1f} s, search index {done['seconds'] - done['seconds_pages']:.1f} s)"
                 if "seconds_pages" in done and "seconds" in done else ""))
    cpu = stats["cpu"]
    print("  seconds (processor seconds) per stage: "
          + ", ".join(f"{name} {secs:.2f} ({cpu.get(name, 0):.2f})" for name, secs in seconds.items()))


def titles_found(work: Path, specs: list) -> tuple[int, int, list]:
    report = json.loads((work / "build" / "report.json").read_text(encoding="utf-8"))
    found = {entry["source"]: entry for entry in report["inputs"]}
    good, wrong = 0, []
    for spec in specs:
        if spec.style == "english":
            continue  # a machine translation keeps its own (English) title
        title = (found.get(spec.name) or {}).get("title")
        if title == spec.title:
            good += 1
        else:
            wrong.append((spec.name, spec.title, title))
    merged = sum(1 for entry in report["inputs"] if entry.get("merged_into"))
    return good, merged, wrong


def edit_one(source: Path, specs: list) -> Path:
    """Add a paragraph to a document in the middle of the collection."""
    spec = next(s for s in specs[len(specs) // 2:] if s.kind == "txt" and s.style == "plain")
    path = source / spec.name
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "这是编辑后新增的一段正文，用来检验只改一篇时的重建速度。")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def edit_sidecar(source: Path, specs: list) -> Path:
    """Correct the title of another document with a sidecar, as an author does (again, with --reuse)."""
    spec = next(s for s in specs[len(specs) // 3:] if s.kind == "txt" and s.style == "plain")
    sidecar = (source / spec.name).with_suffix(".yml")
    if sidecar.is_file():  # corrected by an earlier run (--reuse): corrected once more
        spec.title = sidecar.read_text(encoding="utf-8").removeprefix("title: ").strip()
    spec.title = f"{spec.title}（修订）"  # the title the page must now have
    sidecar.write_text(f"title: {spec.title}\n", encoding="utf-8")
    return sidecar


def site_sizes(args, work: Path) -> None:
    """The built site: its size, largest file and page, its search index, the first-result latency."""
    site = work / "site"
    if not site.is_dir():
        return
    s, p, ps = folder_size(site)
    pages = [q for q in site.rglob("*.html") if "pagefind" not in q.parts]
    page = max(pages, key=lambda q: q.stat().st_size)
    index = site / "pagefind"
    isize, ifile, ifile_size = folder_size(index) if index.is_dir() else (0, None, 0)
    print(f"site {mb(s)} in {sum(1 for q in site.rglob('*') if q.is_file())} files, largest file "
          f"{p.relative_to(site)} {mb(ps)}; largest page {page.relative_to(site)} {page.stat().st_size / 1e3:.0f} KB; "
          f"search index {mb(isize)}, largest index file {ifile.relative_to(site) if ifile else '-'} "
          f"{ifile_size / 1e3:.0f} KB")
    search = ROOT / "benchmarks" / "bench_search.py"
    if search.is_file() and not args.no_search:  # the site's search benchmark
        done = subprocess.run([sys.executable, str(search), str(site)], cwd=ROOT, capture_output=True, text=True,
                              check=False)
        print((done.stdout or done.stderr).strip())


def one_size(args, n: int, work: Path) -> dict:
    """Generate n documents, build them four times (with the site); print and return the figures.
    With --reuse and a folder an earlier run built, only the rebuilds run, on what it left."""
    source = work / "corpus"
    reuse = args.reuse and (work / "build" / "report.json").is_file() and source.is_dir()
    start = time.perf_counter()
    if reuse:
        specs = corpus.specs(n, args.seed, args.html)
    else:
        for folder in ("docs", "build", "site"):
            shutil.rmtree(work / folder, ignore_errors=True)
        shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns(*GENERATED_DIRS))
        shutil.rmtree(source, ignore_errors=True)
        specs = corpus.generate(n, source, seed=args.seed, html_share=args.html)
    input_bytes = sum(p.stat().st_size for p in source.rglob("*") if p.is_file())
    print(f"\n=== {n} documents, {mb(input_bytes)} of input ({input_bytes / n / 1e3:.1f} KB each), "
          + ("the last run's build reused" if reuse else f"generated in {time.perf_counter() - start:.1f} s")
          + f"; {args.jobs} jobs{' on a local Dask cluster' if args.executor else ''}, {os.cpu_count()} cores"
          + (f"; stages skipped: {', '.join(args.skip)}" if args.skip else "")
          + f"; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    results = {"n": n}
    if not reuse:
        results["cold"] = build(args, source, work, "cold")
        print_build("cold build", results["cold"], input_bytes, n)
    if args.rebuilds >= 1:
        results["unchanged"] = build(args, source, work, "unchanged")
        print_build("no-change rebuild", results["unchanged"], input_bytes, n)
    if args.rebuilds >= 2:
        edited = edit_one(source, specs)
        results["one-edit"] = build(args, source, work, "one-edit")
        print_build(f"one-edit rebuild ({edited.relative_to(source)})", results["one-edit"], input_bytes, n)
    if args.rebuilds >= 3:
        sidecar = edit_sidecar(source, specs)
        results["sidecar"] = build(args, source, work, "sidecar")
        print_build(f"one-sidecar rebuild ({sidecar.relative_to(source)}: a title)", results["sidecar"], input_bytes, n)

    good, merged, wrong = titles_found(work, specs)
    total = sum(1 for s in specs if s.style != "english")
    print(f"\ntitles: {good}/{total} as generated; {merged} documents merged as reprints (expected 0)")
    for name, expected, got in wrong[:5]:
        print(f"  {name}: expected {expected!r}, got {got!r}")
    size, longest, longest_size = 0, None, -1
    for folder in GENERATED_DIRS:
        s, p, ps = folder_size(work / "docs" / folder)
        size += s
        if ps > longest_size:
            longest, longest_size = p, ps
    print(f"docs/: {mb(size)} generated; longest page {longest.relative_to(work / 'docs')} {longest_size / 1e3:.0f} KB")
    if not args.no_site:
        site_sizes(args, work)
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return results


def linearity(results: list[dict]) -> None:
    """Seconds per 1,000 documents of each stage at each size, and the ratio of the largest to the smallest."""
    if len(results) < 2 or not all("cold" in r and "unchanged" in r for r in results):
        return
    first, last = results[0], results[-1]
    print("\nlinearity: processor seconds per 1,000 documents in each stage (document stages: summed over the "
          "workers; cold build, and the no-change rebuild for what runs again); whole builds: wall seconds")
    sizes = "".join(f"{r['n']:>10}" for r in results)
    print(f"  {'stage':<22}{sizes}   ratio {last['n']}/{first['n']}")
    rows = [(name, "cold") for name in first["cold"]["stats"]["cpu"]]
    rows += [(name, "unchanged") for name in first["unchanged"]["stats"]["cpu"]]
    rows += [("(whole build, wall)", "cold"), ("(whole build, wall)", "unchanged")]
    def per_k(r: dict, name: str, run: str) -> float:
        if name.startswith("("):
            return r[run]["wall"] / r["n"] * 1000
        return r[run]["stats"]["cpu"].get(name, 0.0) / r["n"] * 1000

    for name, run in rows:
        values = [per_k(r, name, run) for r in results]
        ratio = values[-1] / values[0] if values[0] > 0.005 else float("nan")
        label = f"{name} ({'rebuild' if run == 'unchanged' else 'cold'})"
        print(f"  {label:<22}" + "".join(f"{v:>10.3f}" for v in values) + f"   {ratio:5.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", type=int, nargs="+", metavar="N", help="documents to generate (several: a linearity table)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--html", type=float, default=0.2, help="share of raw HTML pages (default 0.2)")
    ap.add_argument("--work", type=Path, help="keep everything here (default: a temporary folder, removed)")
    ap.add_argument("--no-site", action="store_true", help="convert only (--no-site), no site build")
    ap.add_argument("--rebuilds", type=int, choices=range(4), default=3,
                    help="how many of the rebuilds to run after the cold build: unchanged, one edit, one sidecar "
                         "(default 3: all)")
    ap.add_argument("--no-search", action="store_true", help="do not measure the search in Chromium")
    ap.add_argument("--skip", action="append", default=[], metavar="STAGE",
                    help="leave a stage out of the pipeline (e.g. indexes while it is slow); repeatable")
    ap.add_argument("--reuse", action="store_true",
                    help="with --work: when a run built that folder already, run only the rebuilds on it (the "
                         "converter's code is in the cache keys: after a change to the package, the first rebuild "
                         "converts everything)")
    ap.add_argument("--dask", action="store_true",
                    help="convert on a local Dask cluster of --jobs worker processes (its memory is not in the peak)")
    args = ap.parse_args()
    args.executor = None
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    cluster = None
    try:
        if args.dask:
            from distributed import LocalCluster
            cluster = LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            args.executor = "dask://" + cluster.scheduler_address.removeprefix("tcp://")
        results = [one_size(args, n, work / str(n)) for n in args.sizes]
        linearity(results)
    finally:
        if cluster is not None:
            cluster.close()
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
