"""`--offline` and `--pdf`: both outputs from one offline build of `docs/`."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError  # noqa: F401
from .offline import build_offline_site, output_name, zip_site
from .pdf import build_pdf, check_pdf_dependencies, site_words, volumes

PDF_VOLUME = 500  # documents per PDF: 1,000 documents made one PDF of 3,758 pages in 195 s


def publish(config_file: Path, docs_dir: Path, dist: Path, *, offline: bool, pdf: bool,
            name: str | None = None, epoch: str | None = None, volume: int | None = PDF_VOLUME) -> list[Path]:
    """Build the offline bundle and/or the PDF of `docs_dir` into `dist`; return the files written.

    `epoch` (SOURCE_DATE_EPOCH unless already set) pins MkDocs' timestamps and the zip's dates.
    A collection of more than `volume` documents gets one PDF per volume, `<name>-1.pdf`, …
    (`volume` 0 or None: one PDF, whatever the size).
    """
    chromium = None
    if pdf:  # before any work: a missing dependency should fail fast
        chromium = check_pdf_dependencies()
    if epoch:
        os.environ.setdefault("SOURCE_DATE_EPOCH", epoch)
    written = []
    with tempfile.TemporaryDirectory(prefix="scrapedocs-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        config, pages = build_offline_site(config_file, docs_dir, site_dir)
        name = name or output_name(config["site_name"], Path(config_file).resolve().parent.name)
        if offline:
            written.append(zip_site(site_dir, dist / f"{name}-offline.zip", f"{name}-offline"))
        if pdf:
            parts = volumes(site_dir, pages, volume, site_words(config))
            for part in parts:
                file = dist / (f"{name}.pdf" if len(parts) == 1 else f"{name}-{part.number}.pdf")
                written.append(build_pdf(site_dir, config, part, file, chromium))
    return written
