#!/usr/bin/env python3
"""Build the hostile corpus of the test suite (tests/hostile_corpus.py) and print its figures.

Not a test: timings depend on the machine. Prints the files of the corpus, what
became of them (pages, failed, skipped, sidecars read), the warnings and the
seconds for convert + `mkdocs build --strict`, from the report the build writes.
Usage: python benchmarks/bench_hostile.py [--max-size 200000] [--huge-record 1000000000]
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_corpus import make_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-size", type=int, default=200_000, help="--max-size of the build (bytes)")
    ap.add_argument("--huge-record", type=int, default=1_000_000_000,
                    help="bytes of one more record in a WARC of the corpus (default 1 GB; 0: none)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        start = time.perf_counter()
        cases = make_corpus(project / "seeds", Path(tmp) / "outside", args.max_size, args.huge_record)
        written = time.perf_counter() - start
        (project / "docs" / "stylesheets").mkdir(parents=True)
        shutil.copy(ROOT / "docs" / "stylesheets" / "extra.css", project / "docs" / "stylesheets")
        cmd = [sys.executable, "build_docs.py", "--input", str(project / "seeds"), "--docs", str(project / "docs"),
               "--site", str(project / "site"), "--max-size", str(args.max_size), "--no-progress"]
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        if done.returncode or "Traceback" in done.stderr:
            sys.exit(f"build failed:\n{done.stderr[-3000:]}")
        report = json.loads((project / "build" / "report.json").read_text(encoding="utf-8"))
    s = report["summary"]
    sidecars = sum(1 for e in report["inputs"] if e["sidecar"])
    archives = sum(1 for c in cases if c.expect == "container")
    files = sum(1 for c in cases if "#" not in c.source and c.expect != "record")
    print(f"hostile corpus: {files} files ({archives} of them archives, written in {written:.1f} s) → {s['inputs']} "
          f"sources ({s['pages']} pages, {s['merged']} merged, {s['failed']} reported as failed), {s['skipped']} "
          f"skipped, {s['records']} records accounted, {sidecars} sidecars; {s['warnings']} warnings; "
          f"convert + site {seconds:.1f} s")


if __name__ == "__main__":
    main()
