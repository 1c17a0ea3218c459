"""Search speed in a real browser, on a built site; and the cost of building its index.

    python benchmarks/bench_search.py SITE_DIR [--query Q ...] [--runs N] [--json]
    python benchmarks/bench_search.py BUNDLE_DIR --offline    (the unpacked offline bundle)
    python benchmarks/bench_search.py SITE_DIR --index [--edit]   (index it; then after one edit)

With --index, the site's search index is built again from its pages (a clean build, as the
site build ends), timed, with the peak memory of the process and its Pagefind processes;
with --edit, one article's text is then changed and the index updated from the previous
one (what a rebuild after one edit costs the search).

Serves SITE_DIR on 127.0.0.1 and, for each query, opens a page in a fresh headless
Chromium context (nothing cached), clicks the search box and enters the query the way an
input method commits it (one input event), then measures in the page the time from that
keystroke to the first result shown, and the bytes fetched in between. Prints the size of
the search index (files, bytes, largest file).

With --offline, the folder is opened from file:// instead, and the time runs from the start
of the page load (the bundle must open and answer).

`measure()` returns the same figures as a dict (benchmarks/bench_scale.py calls it).
"""
from __future__ import annotations

import argparse
import functools
import os
import http.server
import json
import statistics
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

QUERIES = ("知识产权", "中国", "发展", "专利")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

# Installed before the page's scripts run: the keystroke's time, the first result's time.
PROBE = """
window.__bench = {input: null, first: null};
document.addEventListener("input", (e) => {
  if (window.__bench.input === null) window.__bench.input = performance.now();
}, true);
new MutationObserver(() => {
  if (window.__bench.first === null && document.querySelector(".md-search-result__item")) {
    window.__bench.first = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def index_size(site: Path, offline: bool = False) -> dict:
    """Files, bytes and the largest file of the site's search index."""
    root = site / ("search" if offline else "pagefind")
    files = [p for p in root.rglob("*") if p.is_file()] if root.is_dir() else []
    largest = max(files, key=lambda p: p.stat().st_size, default=None)
    return {
        "path": str(root.relative_to(site)),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "largest": str(largest.relative_to(site)) if largest else None,
        "largest_bytes": largest.stat().st_size if largest else 0,
    }


def _one(browser, url: str, query: str, offline: bool) -> dict:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    elsewhere = []

    def route(r):
        parts = urlsplit(r.request.url)
        if parts.scheme in ("file", "data", "blob") or parts.hostname == "127.0.0.1":
            r.continue_()
        else:
            elsewhere.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.add_init_script(PROBE)
    fetched = {"typing": False, "bytes": 0}

    def count(request):  # the pages' and the workers' requests
        if fetched["typing"]:
            try:
                fetched["bytes"] += request.sizes()["responseBodySize"]
            except Exception:  # a request the page abandoned
                pass

    page.on("requestfinished", count)
    try:
        page.goto(url, wait_until="load")
        loaded = page.evaluate("performance.now()")
        box = page.locator("input.md-search__input")
        fetched["typing"] = True  # the click starts the search engine; counted with the query
        box.click()
        page.keyboard.insert_text(query)
        page.wait_for_function("() => window.__bench.first !== null || "
                               "/没有找到|无法使用/.test(document.querySelector('.md-search-result__meta').textContent)",
                               timeout=60_000)
        first_bytes = fetched["bytes"]  # about: what had arrived when the first result was shown
        probe = page.evaluate("window.__bench")
        summary = page.locator(".md-search-result__meta").inner_text()
        count = page.locator(".md-search-result__item").count()
        start = 0.0 if offline else probe["input"]
        first = probe["first"]
        page.wait_for_function("() => /结果/.test(document.querySelector('.md-search-result__meta').textContent)",
                               timeout=600_000)
        done = page.evaluate("performance.now()")
        return {
            "ms": round(first - start) if first is not None else None,
            "all_ms": round(done - start),
            "load_ms": round(loaded),
            "summary": summary.strip(),
            "shown": count,
            "fetched_bytes": fetched["bytes"],
            "first_bytes": first_bytes,
            "elsewhere": elsewhere,
        }
    finally:
        context.close()


def measure(site: Path, queries=QUERIES, runs: int = 1, offline: bool = False, page: str = "") -> dict:
    """First-result latency per query (median of `runs` fresh page loads) and the index size."""
    from playwright.sync_api import sync_playwright

    site = Path(site).resolve()
    httpd = None
    if offline:
        base = (site / (page or "index.html")).as_uri()
    else:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}/{page}"
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            try:
                for query in queries:
                    tries = [_one(browser, base, query, offline) for _ in range(runs)]
                    times = [t["ms"] for t in tries if t["ms"] is not None]
                    results[query] = tries[-1] | {"ms": round(statistics.median(times)) if times else None,
                                                  "runs_ms": [t["ms"] for t in tries],
                                                  "all_ms": round(statistics.median(t["all_ms"] for t in tries))}
            finally:
                browser.close()
    finally:
        if httpd:
            httpd.shutdown()
            httpd.server_close()
    return {"site": str(site), "offline": offline, "index": index_size(site, offline), "queries": results}


def index_cost(site: Path, edit: bool = False) -> dict:
    """Build the site's search index again (`python -m scrapedocs.publish.search`, its index removed first), then,
    with `edit`, change one article and update the index: wall and processor time, peak memory."""
    import subprocess
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_scale import PeakMemory

    def run(*args: str) -> dict:
        start, cpu = time.perf_counter(), os.times()
        proc = subprocess.Popen([sys.executable, "-m", "scrapedocs.publish.search", str(site), *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        memory = PeakMemory(proc.pid)
        out, err = proc.communicate()
        peak, _ = memory.stop()
        if proc.returncode:
            sys.exit(f"indexing failed: {err[-2000:]}")
        after = os.times()
        return {"wall": time.perf_counter() - start, "cpu": after.children_user + after.children_system
                - cpu.children_user - cpu.children_system, "peak": peak, "said": out.strip()}

    import shutil

    shutil.rmtree(site / "pagefind", ignore_errors=True)  # a clean build, for any version of the indexer
    figures = {"clean": run()} | index_size(site)
    if edit:
        page = sorted((site / "articles").rglob("index.html"))[len(list((site / "articles").rglob("index.html"))) // 2]
        html = page.read_text(encoding="utf-8")
        html = html.replace("</h1>", "</h1><p>这是编辑后新增的一段正文，用来检验只改一篇时的索引速度。</p>", 1)
        changed = page.with_name(page.name + ".new")  # a new file: a copy made with hard links keeps its original
        changed.write_text(html, encoding="utf-8")
        changed.replace(page)
        figures["edit"] = run() | {"page": str(page.relative_to(site))}
    return figures


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} KB"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("site", type=Path, metavar="SITE_DIR", help="a built site (or the unpacked offline bundle)")
    p.add_argument("--query", action="append", help=f"a query (repeatable; default: {' '.join(QUERIES)})")
    p.add_argument("--runs", type=int, default=3, help="fresh page loads per query; the median is shown (default 3)")
    p.add_argument("--offline", action="store_true", help="open the folder from file:// (the offline bundle)")
    p.add_argument("--page", default="", help="the page to open, relative to the site (default: the home page)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--index", action="store_true", help="build the site's search index again and measure it")
    p.add_argument("--edit", action="store_true", help="with --index: then change one page and update the index")
    args = p.parse_args(argv)
    if args.index:
        figures = index_cost(args.site, args.edit)
        if args.json:
            print(json.dumps(figures, ensure_ascii=False, indent=2))
            return 0
        for label in ("clean", "edit"):
            if label in figures:
                f = figures[label]
                print(f"{label}: {f['wall']:.1f} s wall, {f['cpu']:.1f} s processor, peak memory {f['peak'] / 1e9:.2f} GB"
                      f" — {f['said']}")
        print(f"search index: {figures['files']} files, {_mb(figures['bytes'])}, largest {_mb(figures['largest_bytes'])}"
              f" ({figures['largest']})")
        return 0
    figures = measure(args.site, tuple(args.query or QUERIES), args.runs, args.offline, args.page)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    index = figures["index"]
    print(f"site: {figures['site']}{' (offline, file://)' if args.offline else ''}")
    print(f"search index: {index['path']}/  {index['files']} files, {_mb(index['bytes'])}, "
          f"largest {_mb(index['largest_bytes'])} ({index['largest']})")
    clock = "page load → first result" if args.offline else "keystroke → first result"
    print(f"{'query':<12} {clock:>26}   {'fetched from the click':>24}   results")
    for query, r in figures["queries"].items():
        ms = f"{r['ms']} ms" if r["ms"] is not None else "none"
        print(f"{query:<12} {ms:>26}   {_mb(r['fetched_bytes']):>24}   {r['summary']}  (runs: {r['runs_ms']}; "
              f"all counted: {r['all_ms']} ms)")
        if r["elsewhere"]:
            print(f"  requests to other hosts (blocked): {r['elsewhere'][:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
