"""The folders a build reads and writes, checked before it starts; writing errors a user can fix.

A missing input folder, a docs folder that is a file, a folder the user may not write in: each
is found before the conversion, and named in one line with its fix (ProjectError). A full disk
is found when it happens (`writing`), in the same form; the outputs are written whole or not
at all (`publish.docs.write_all`, the site swapped in whole), so nothing is left half-written.
"""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from . import ProjectError

#: The errors of writing files a user can fix: full disk, no permission, read-only file system.
DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS}


def disk_problem(err: OSError, where: Path | str | None = None, option: str = "") -> str:
    """One line for an error writing files: what failed, and what to do.

    >>> disk_problem(OSError(errno.ENOSPC, "No space left on device"), "docs")
    'cannot write in docs: No space left on device: the disk is full; free some space, then run scrapedocs again'
    """
    where = where or err.filename or "a file"
    other = f", or choose another folder with {option}" if option else ""
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "the disk is full; free some space, then run scrapedocs again"
    elif err.errno in (errno.EACCES, errno.EPERM):
        fix = f"give yourself permission to write there{other}"
    elif err.errno == errno.EROFS:
        fix = f"the file system is mounted read-only{other}"
    else:
        fix = f"check the folder{other}"
    return f"cannot write in {where}: {err.strerror or err}: {fix}"


@contextmanager
def writing(where: Path, option: str = ""):
    """An error writing in `where` (a full disk, no permission) as a ProjectError naming that folder.

    The folder, not the file the OSError names: that may be the source of a copy.
    """
    try:
        yield
    except OSError as e:
        if e.errno not in DISK_ERRORS:
            raise
        raise ProjectError(disk_problem(e, where, option)) from None


def check_writable(folder: Path, option: str) -> None:
    """ProjectError unless a file can be made in `folder` (or the nearest of its parents that exists)."""
    existing = Path(folder)
    while not existing.exists() and not existing.is_symlink() and existing.parent != existing:
        existing = existing.parent
    if existing.exists() and not existing.is_dir():
        raise ProjectError(f"{existing} is a file, not a folder: move it away, or choose another folder with {option}")
    try:
        fd, probe = tempfile.mkstemp(prefix=".scrapedocs-probe-", dir=existing)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise ProjectError(disk_problem(e, existing, option)) from None


def check_inputs(input_dir: Path, docs_dir: Path) -> None:
    """What the build reads exists: the input folder; the docs folder is not a file."""
    if not input_dir.is_dir():
        what = "is a file, not a folder" if input_dir.exists() else "does not exist"
        raise ProjectError(f"the input folder {input_dir} {what}: put the pages you collected in it "
                           f"(.txt, .html, .htm, .md), or name another with --input DIR")
    if docs_dir.exists() and not docs_dir.is_dir():
        raise ProjectError(f"{docs_dir} is a file, not a folder: the pages go in a docs folder; "
                           f"move the file away, or name another folder with --docs DIR")
