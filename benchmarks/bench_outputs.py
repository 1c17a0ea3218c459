#!/usr/bin/env python3
"""Time the offline bundle and the PDF (`build_docs.py --offline --pdf`) on the seeds and on N documents.

Not a test: timings depend on the machine. Copies of the seeds are merged by the converter
(the same article twice is a reprint, published once), so the large run does not go through
the converter: it copies the committed docs/ and adds each article page N/5 - 1 more times
under a new name and title. Both runs then time, in a fresh process each, the site build
(`mkdocs build --strict`) and `scrapedocs.publish.dist.publish` (offline build + zip, PDF in two
Chromium passes), and print the PDF's pages and the sizes of the outputs.
Usage: python benchmarks/bench_outputs.py [--documents 1000] [--no-pdf] [--no-offline]
"""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEP = """
import sys
from pathlib import Path
from scrapedocs import publish
from scrapedocs.publish import dist as outputs
docs, work, what = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if what == "site":
    publish.build_site(Path("mkdocs.yml"), docs, work / "site", "1600000000")
else:
    outputs.publish(Path("mkdocs.yml"), docs, work / "dist", offline="offline" in what, pdf="pdf" in what,
                    epoch="1600000000")
"""


def make_docs(target: Path, documents: int) -> int:
    """The committed docs/ plus copies of its articles up to `documents` article pages."""
    shutil.copytree(ROOT / "docs", target)
    articles = sorted(p for p in (target / "articles").glob("*.md") if not p.name.startswith((".", "_")))
    copies = max(1, documents // len(articles))
    for i in range(1, copies):
        for page in articles:
            text = page.read_text(encoding="utf-8")
            text = re.sub(r"^title: (.*)$", lambda m: f"title: '副本{i:04d} {m.group(1).strip(chr(39))}'",
                          text, count=1, flags=re.M)
            (page.parent / f"{page.stem}_c{i:04d}.md").write_text(text, encoding="utf-8")
    return len(list((target / "articles").glob("[!_]*.md")))


def step(docs: Path, work: Path, what: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", STEP, str(docs), str(work), what], cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        sys.exit(f"{what} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def pdf_pages(pdf: Path) -> str:
    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    except OSError:
        return "?"
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--no-offline", action="store_true")
    args = ap.parse_args()
    what = ("offline" * (not args.no_offline)) + ("+pdf" * (not args.no_pdf))
    with tempfile.TemporaryDirectory() as tmp:
        for documents in (0, args.documents):
            work = Path(tmp) / f"w{documents}"
            n = make_docs(work / "docs", documents)
            site = step(work / "docs", work, "site")
            out = step(work / "docs", work, what)
            files = sorted((work / "dist").glob("*"))
            sizes = ", ".join(f"{f.name} {f.stat().st_size / 1e6:.1f} MB"
                              + (f" ({pdf_pages(f)} pages)" if f.suffix == ".pdf" else "") for f in files)
            print(f"{n:5d} articles: site {site:6.1f} s  {what} {out:6.1f} s  {sizes}", flush=True)


if __name__ == "__main__":
    main()
