"""`python -m scrapedocs`: the `scrapedocs` command."""
import sys

from .cli import main

sys.exit(main())
