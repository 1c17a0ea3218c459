#!/usr/bin/env python3
"""Build the hostile corpus of the test suite (tests/hostile_corpus.py) and print its figures.

Not a test: timings depend on the machine. Prints the files of the corpus, what
became of them (pages, failed, skipped, sidecars read), the warnings and the
seconds for convert + `mkdocs build --strict`, from the report the build writes.
Usage: python benchmarks/bench_hostile.py [--max-size 200000]
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
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        cases = make_corpus(project / "seeds", Path(tmp) / "outside", args.max_size)
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
    print(f"hostile corpus: {len(cases)} files → {s['inputs']} sources ({s['pages']} pages, {s['merged']} merged, "
          f"{s['failed']} reported as failed), {s['skipped']} skipped, {sidecars} sidecars; "
          f"{s['warnings']} warnings; convert + site {seconds:.1f} s")


if __name__ == "__main__":
    main()
