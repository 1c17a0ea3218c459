"""The command line's options, and its help."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..config import default_jobs
from ..read import MAX_SIZE

DESCRIPTION = """\
Convert the scraped pages in the input folder (text dumps, HTML pages,
Markdown, browser saves, crawls as WARC or WACZ, scrapers' JSON lines) into
clean Markdown pages under DOCS/ (articles/, cited/, indexes/, browse/), then build
the MkDocs Material site and its Pagefind search index. Run it in a project folder
(one holding mkdocs.yml; 'scrapedocs new DIR' makes one): the input, docs and site
folders default to the project's.
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
  new DIR [--name NAME] [--lang zh|en] [--input DIR]
                        make a new collection's project in DIR: mkdocs.yml, the
                        home page's introduction, the empty input folder, the
                        GitHub Pages workflow; never overwrites a file
  restore [--explain]   read text on standard input, write it restored to
                        standard output, one output line per input line;
                        --explain names the repairs applied to each line on
                        standard error

examples:
  scrapedocs new mylib --name 环境政策文库   a new project in mylib/ (then: cd mylib)
  scrapedocs                           convert seeds/ and build site/
  scrapedocs --no-site                 convert only
  scrapedocs --check --no-site         fail if docs/ is out of date
  scrapedocs --serve                   live preview on http://127.0.0.1:8000
  scrapedocs --offline --pdf           also dist/<name>-offline.zip and dist/<name>.pdf
  python -m scrapedocs.publish.search SITE   index a site built otherwise (e.g. by zensical)
  echo '產(chǎn)權(quán)' | scrapedocs restore --explain"""



def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="scrapedocs", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--input", type=Path, default=None, metavar="DIR",
                   help="folder of scraped pages, searched recursively (default: the project's, "
                        "mkdocs.yml's `plugins: [scrapedocs: {input: DIR}]`; seeds)")
    p.add_argument("--docs", type=Path, default=None, metavar="DIR",
                   help="MkDocs docs folder; pages are written to DIR/articles/ (default: the project's, docs)")
    p.add_argument("--site", type=Path, default=None, metavar="DIR",
                   help="where the built site goes (default: the project's, site)")
    p.add_argument("--config", type=Path, default=None, metavar="FILE",
                   help="the project's MkDocs configuration (default: mkdocs.yml; --no-site converts without one)")
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
    n = sub.add_parser("new", help="make a new collection's project",
                       description="Make a new collection's project in DIR (created if needed): mkdocs.yml, "
                                   "docs/index.md introducing the collection, the empty input folder, "
                                   ".github/workflows/pages.yml, requirements.txt and .gitignore. "
                                   "Nothing is overwritten: when one of these files exists, nothing is written.")
    n.add_argument("dir", type=Path, metavar="DIR", help="the project's folder ('.' for this one)")
    n.add_argument("--name", help="the collection's name, the site's title (default: the folder's name)")
    n.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="the language of the site's menus, labels and home page (default: zh)")
    n.add_argument("--input", dest="new_input", default="seeds", metavar="DIR",
                   help="the folder, inside the project, for the pages you collect (default: seeds)")
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
                   help="give up on a source whose conversion takes longer, and report it; a page whose "
                        "Markdown takes longer to render is published as plain text (default: 30)")
    g.add_argument("--stats", type=Path, metavar="FILE",
                   help="write the build's statistics (seconds per stage, sources converted or cached) as JSON")

