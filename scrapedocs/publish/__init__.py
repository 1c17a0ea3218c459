"""Stage 7: converted documents become files in `docs/`, a report, a site and its other outputs.

- `docs`: the generated Markdown files, written only when changed;
- `report`: `build/report.json`, what became of every input;
- `site`: the MkDocs build of `docs/`;
- `offline` and `pdf`: the offline bundle and the PDF, from one offline build (`dist`).
"""
from __future__ import annotations

from ..model import GENERATED  # noqa: F401
from .docs import GENERATED_DIRS, TABLE, differences, documents_table, plan, write  # noqa: F401
from .report import report, write_report  # noqa: F401
from .site import SiteError, build_site, serve, source_date_epoch, sweep  # noqa: F401
