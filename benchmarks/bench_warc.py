#!/usr/bin/env python3
"""Crawl benchmark: N pages as files, then the same N pages in one WARC and in one WACZ; then a re-crawl.

Not a test: timings depend on the machine. Generates N distinct pages with the
generator in `corpus/` (text dumps and, `--html` of them, HTML pages), writes
them as files under a host-named folder (as `wget --mirror` would), as one
WARC written by warcio (a request and a response record per page, as a crawler
writes them, plus a warcinfo), and as a WACZ holding that WARC. Each is
converted cold by `build_docs.py --no-site` in a fresh process; the wall time,
the time spent loading the sources (files, or records read out of the archive),
the processor time of the stages (summed over the worker processes: steadier
than the wall time on a shared machine) and the peak memory of the process
tree (workers included) are printed. Then the crawl is made again into a new archive with
`--changed` payloads edited and every fetch time later, and converted with the
cache of the first WARC build: only the changed payloads may be converted.

    python benchmarks/bench_warc.py 10000 [--html 0.2] [--changed 10] [--jobs 2] [--work DIR]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402
from bench_scale import mb, run  # noqa: E402

HOST = "http://bench.example.gov.cn/"


def write_crawl(files: Path, warc: Path, date: str, changed: set[str] = frozenset()) -> int:
    """Every file under `files` as a response (and its request) in one gzipped WARC; the records written."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    written = 0
    with open(warc, "wb") as f:
        w = WARCWriter(f, gzip=True)
        w.write_record(w.create_warcinfo_record(warc.name, {"software": "benchmarks/bench_warc.py"}))
        written += 1
        for path in sorted(files.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(files).as_posix()
            body = path.read_bytes()
            if rel in changed:
                body += "\n本次重新抓取时，页面末尾增加了这一段新的说明文字。\n".encode()
            kind = "text/html; charset=utf-8" if path.suffix == ".html" else "text/plain; charset=utf-8"
            url = HOST + rel
            request = w.create_warc_record(url, "request", payload=io.BytesIO(
                f"GET /{rel} HTTP/1.1\r\nHost: bench.example.gov.cn\r\n\r\n".encode()),
                warc_content_type="application/http; msgtype=request", warc_headers_dict={"WARC-Date": date})
            http = StatusAndHeaders("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            w.write_record(request)
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                warc_headers_dict={"WARC-Date": date}))
            written += 2
    return written


def build(source: Path, work: Path, label: str, jobs: int, cache_from: Path | None = None) -> dict:
    """One conversion in a fresh process; its wall time, peak memory and statistics."""
    report = work / "build" / "report.json"
    if cache_from is not None:
        shutil.copytree(cache_from, report.parent / "cache", dirs_exist_ok=True)
    stats = work / f"stats-{label}.json"
    cmd = [sys.executable, "build_docs.py", "--input", str(source), "--docs", str(work / "docs"), "--report",
           str(report), "--no-site", "--no-progress", "--jobs", str(jobs), "--stats", str(stats)]
    result = run(cmd, label)
    result["stats"] = json.loads(stats.read_text(encoding="utf-8"))
    result["report"] = json.loads(report.read_text(encoding="utf-8"))
    return result


def line(label: str, input_bytes: int, result: dict) -> str:
    s, summary = result["stats"], result["report"]["summary"]
    cpu = sum(v for k, v in s["cpu"].items() if k not in ("read", "cache lookup"))
    return (f"| {label} | {mb(input_bytes)} | {result['wall']:.1f} s | {s['seconds'].get('read', 0):.1f} s | "
            f"{cpu:.1f} s | {result['peak'] / 1e9:.2f} GB | {s['converted']:,} converted, {s['cached']:,} cached | "
            f"{summary['pages']:,} pages, {summary['records']:,} records accounted |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000)
    ap.add_argument("--html", type=float, default=0.2, help="share of HTML pages (default 0.2)")
    ap.add_argument("--changed", type=int, default=10, help="payloads changed in the re-crawl (default 10)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=None, help="keep the work folder here")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-warc-"))
    work.mkdir(parents=True, exist_ok=True)
    files = work / "files" / "seeds" / "bench.example.gov.cn"
    specs = corpus.generate(args.n, files, seed=7, html_share=args.html)
    size = sum(p.stat().st_size for p in files.rglob("*") if p.is_file())
    warc_seeds, wacz_seeds, recrawl_seeds = (work / name / "seeds" for name in ("warc", "wacz", "recrawl"))
    for folder in (warc_seeds, wacz_seeds, recrawl_seeds):
        folder.mkdir(parents=True)
    records = write_crawl(files, warc_seeds / "crawl.warc.gz", "2024-05-01T10:00:00Z")
    from crawls import pack_wacz

    pack_wacz(wacz_seeds / "crawl.wacz", {"crawl.warc.gz": (warc_seeds / "crawl.warc.gz").read_bytes()},
              pages=[HOST + spec.name for spec in specs])
    changed = {spec.name for spec in specs[:: max(1, args.n // max(1, args.changed))][: args.changed]}
    write_crawl(files, recrawl_seeds / "crawl-june.warc.gz", "2024-06-01T10:00:00Z", changed)
    print(f"{args.n:,} pages ({args.html:.0%} HTML), {mb(size)}; WARC {mb((warc_seeds / 'crawl.warc.gz').stat().st_size)}"
          f" ({records:,} records); work folder {work}", flush=True)

    results = {}
    results["files"] = build(work / "files" / "seeds", work / "files", "files", args.jobs)
    results["warc"] = build(warc_seeds, work / "warc", "warc", args.jobs)
    results["wacz"] = build(wacz_seeds, work / "wacz", "wacz", args.jobs)
    results["recrawl"] = build(recrawl_seeds, work / "recrawl", "recrawl", args.jobs,
                               cache_from=work / "warc" / "build" / "cache")
    print("\n| input | size | wall | load | processor time of the stages (all processes) | peak memory | engine | "
          "report |")
    print("|---|---|---|---|---|---|---|---|")
    print(line(f"{args.n:,} files", size, results["files"]))
    print(line("one WARC", (warc_seeds / "crawl.warc.gz").stat().st_size, results["warc"]))
    print(line("one WACZ", (wacz_seeds / "crawl.wacz").stat().st_size, results["wacz"]))
    print(line(f"re-crawl, {len(changed)} payloads changed", (recrawl_seeds / "crawl-june.warc.gz").stat().st_size,
               results["recrawl"]))
    titles = {label: sorted(e["title"] or "" for e in r["report"]["inputs"] if e["page"])
              for label, r in results.items()}
    print(f"\nsame titles as files: WARC {titles['warc'] == titles['files']}, WACZ {titles['wacz'] == titles['files']}; "
          f"re-crawl converted {results['recrawl']['stats']['converted']} (expected {len(changed)})")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
