#!/usr/bin/env python3
"""Build the documentation site from the scraped pages in seeds/.

Run `python build_docs.py --help` for the options. The work is done by the
`scrapedocs` package; this file is only its entry point.
"""
import sys

from scrapedocs.cli import main

if __name__ == "__main__":
    sys.exit(main())
