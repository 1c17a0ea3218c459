#!/usr/bin/env python3
"""Time `python build_docs.py` on the seeds and on the seeds copied N times.

Not a test: timings depend on the machine. Prints one line per run:
sources, pages, seconds for convert-only and for convert + site build.
Usage: python benchmarks/bench_build.py [--copies 200] [--no-site]
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(input_dir: Path, work: Path, site: bool) -> float:
    docs = work / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("articles"))
    cmd = [sys.executable, "build_docs.py", "--input", str(input_dir), "--docs", str(docs),
           "--site", str(work / "site"), "--report", str(work / "report.json"), "--no-progress"]
    if not site:
        cmd.append("--no-site")
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        sys.exit(f"build failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--no-site", action="store_true", help="time the conversion only")
    args = ap.parse_args()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        many = tmp / "many"
        for i in range(args.copies):
            folder = many / f"copy{i:04d}"
            folder.mkdir(parents=True)
            for seed in seeds:
                shutil.copy(seed, folder / seed.name)
        for label, folder in [("seeds", ROOT / "seeds"), (f"seeds x{args.copies}", many)]:
            n = len(list(folder.rglob("*.txt")))
            convert = run(folder, tmp / "work", site=False)
            line = f"{label:>12}: {n:5d} sources  convert {convert:7.1f} s"
            if not args.no_site:
                line += f"  convert+site {run(folder, tmp / 'work', site=True):7.1f} s"
            print(line, flush=True)


if __name__ == "__main__":
    main()
