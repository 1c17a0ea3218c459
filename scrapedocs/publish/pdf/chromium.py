"""Headless Chromium, which prints the PDF."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import OutputError

#: Flags for every Chromium launch: no sandbox (root, containers), no network chatter.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PRINT_TIMEOUT = 1800  # seconds for one Chromium print


def find_chromium() -> str:
    """The Chromium executable: $CHROMIUM, else the first of CHROMIUM_NAMES on PATH."""
    env = os.environ.get("CHROMIUM")
    candidates = [env] if env else [shutil.which(name) for name in CHROMIUM_NAMES]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            return path
    raise OutputError(
        "the PDF is printed by Chromium, which was not found"
        + (f" at CHROMIUM={env}" if env else " on PATH")
        + ": install it (Debian: `sudo apt-get install chromium`) or set CHROMIUM to its path"
    )


def print_pdf(chromium: str, html_file: Path, pdf_file: Path) -> None:
    """Chromium's --print-to-pdf: no default header/footer (CSS margin boxes instead), outline on."""
    pdf_file.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
               "--generate-pdf-document-outline", f"--print-to-pdf={pdf_file}", html_file.resolve().as_uri()]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=PRINT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise OutputError(f"Chromium did not print {html_file} within {PRINT_TIMEOUT} s") from None
    if not pdf_file.is_file() or pdf_file.stat().st_size == 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise OutputError(f"Chromium printed no PDF (exit {done.returncode}): {tail}")
