"""Which files under the input folder are sources, and why each other file is not.

The walk never leaves the input folder. A symbolic link to a folder is followed
only when its target is inside the folder (and not read already); a link to a
file is listed like any source and refused when read (`load_source`) if it
leads outside, so its target is never opened. Every file that is not a source
gets a reason (`Skipped`): nothing under the folder vanishes without a word.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = (".txt", ".html", ".htm", ".md", ".mhtml", ".mht")
#: Files that hold many sources: crawls (WARC, WACZ) and scrapers' JSON lines (see `archives`).
CONTAINER_SUFFIXES = (".warc", ".warc.gz", ".wacz", ".jsonl", ".jsonl.gz")
#: What a mirroring tool writes beside the pages about itself (HTTrack's log and cache).
TOOL_FILES = {"hts-log.txt": "HTTrack's log", "hts-err.txt": "HTTrack's error log", "hts-cache": "HTTrack's cache",
              "hts-in_progress.lock": "HTTrack's lock file"}
#: A sidecar is named like its source: `a/b.yml` (or `.yaml`) beside `a/b.html`.
SIDECAR_SUFFIXES = (".yml", ".yaml")

OUTSIDE = "refused: a symbolic link leading outside the input folder (its target is not read)"


@dataclass(frozen=True)
class Skipped:
    """A file (or folder, or a record inside an archive) that is not read as a source, and why."""

    source: str  # path relative to the input folder, "/" separators; a record: "crawl.warc.gz#URL"
    reason: str
    kind: str = ""  # a record's kind ("redirect", "image", "request record", …); "" for a file


@dataclass
class Scan:
    sources: list[Path] = field(default_factory=list)  # in a stable order: by relative path
    skipped: list[Skipped] = field(default_factory=list)
    containers: list[Path] = field(default_factory=list)  # archives and JSON-lines files, by relative path


def container_suffix(path: Path) -> str:
    """The container suffix of `path` ("" when it is none).

    >>> container_suffix(Path("a/Crawl.WARC.gz")), container_suffix(Path("x.gz"))
    ('.warc.gz', '')
    """
    name = path.name.lower()
    return next((s for s in sorted(CONTAINER_SUFFIXES, key=len, reverse=True) if name.endswith(s)), "")


def inside(path: str, root: str) -> bool:
    """Whether the resolved `path` is `root` or under it (both resolved)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` as printable text: bytes that are not UTF-8 become U+FFFD.

    >>> display_path(Path("/in/a/\\udcff.txt"), Path("/in"))
    'a/\\ufffd.txt'
    """
    text, top = str(path), str(root)
    top = top if top.endswith(os.sep) else top + os.sep
    if os.sep == "/" and text.startswith(top):  # the common case, without pathlib (a build asks 4 times a file)
        rel = text[len(top):]
    else:
        rel = path.relative_to(root).as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def scan(root: Path) -> Scan:
    """Sources under `root` (sub-folders included) and the files skipped, each with the reason.

    Real folders are walked first; a link to a folder is looked at only then, so a
    link to a folder inside the input folder finds it read already (its files keep
    their own paths) and only a link to a folder the walk did not reach is followed.
    """
    root_real = os.path.realpath(root)
    found = Scan()
    candidates: list[tuple[Path, bool]] = []  # (path, reached through a symbolic link)
    others: list[Path] = []  # files that are not sources: sidecars or skipped
    visited = {root_real}
    stack: list[tuple[Path, bool]] = [(Path(root), False)]
    links: list[Path] = []  # links to folders, looked at once the real folders are walked
    while stack or links:  # iterative: deep trees cannot exhaust the stack
        if not stack:
            links.sort(key=lambda p: display_path(p, root), reverse=True)
            link = links.pop()
            real, rel = os.path.realpath(link), display_path(link, root) + "/"
            if not inside(real, root_real):
                found.skipped.append(Skipped(rel, OUTSIDE.replace("link", "link to a folder")))
            elif real in visited:
                found.skipped.append(Skipped(rel, "symbolic link to a folder read already (its files are read "
                                                  "under their own path)"))
            else:
                visited.add(real)
                stack.append((link, True))
            continue
        folder, linked = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            found.skipped.append(Skipped(display_path(folder, root) + "/", f"folder not readable: {err.strerror}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = display_path(path, root)
            try:
                is_link, is_dir = entry.is_symlink(), entry.is_dir()
                if entry.name.startswith("."):
                    what = "folder" if is_dir else "file"
                    found.skipped.append(Skipped(rel + "/" * is_dir, f"hidden {what} (name starts with '.')"))
                elif entry.name.lower() in TOOL_FILES:
                    found.skipped.append(Skipped(rel + "/" * is_dir, f"{TOOL_FILES[entry.name.lower()]}, not a page"))
                elif is_link and is_dir:
                    links.append(path)
                elif is_dir:
                    visited.add(os.path.realpath(entry.path))
                    stack.append((path, linked))
                elif not is_link and not stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                    kind = _kind(entry.stat(follow_symlinks=False).st_mode)
                    found.skipped.append(Skipped(rel, f"{kind}, not a file (not read)"))
                elif path.suffix.lower() in SUFFIXES or container_suffix(path):
                    candidates.append((path, linked or is_link))
                else:
                    others.append(path)
            except OSError as err:
                found.skipped.append(Skipped(rel, f"not readable: {err.strerror}"))
    _unique_sources(candidates, root, found)
    found.containers = [p for p in found.sources if container_suffix(p)]
    found.sources = [p for p in found.sources if not container_suffix(p)]
    _sidecars_and_others(others, found, root)
    found.sources.sort(key=lambda p: display_path(p, root))
    found.containers.sort(key=lambda p: display_path(p, root))
    found.skipped.sort(key=lambda s: s.source)
    return found


def _unique_sources(candidates: list[tuple[Path, bool]], root: Path, found: Scan) -> None:
    """One source per file: a file reached twice (through a link inside the folder) is read once.

    The path without links wins; links leading outside stay sources, refused when read.
    """
    first: dict[str, Path] = {}
    for path, linked in sorted(candidates, key=lambda c: (c[1], display_path(c[0], root))):
        real = os.path.realpath(path)
        if real in first and inside(real, os.path.realpath(root)):
            found.skipped.append(Skipped(display_path(path, root),
                                         f"the same file as {display_path(first[real], root)} (read once)"))
            continue
        first.setdefault(real, path)
        found.sources.append(path)


def _sidecars_and_others(others: list[Path], found: Scan, root: Path) -> None:
    """Files that are not sources: sidecars (read with their source, so not listed) or skipped."""
    stems = {p.with_suffix("") for p in found.sources}
    for path in others:
        rel, suffix = display_path(path, root), path.suffix.lower()
        if suffix not in SIDECAR_SUFFIXES:
            kind = f"unknown extension {suffix}" if suffix else "no file extension"
            found.skipped.append(Skipped(rel, f"not a page: {kind} (pages are {', '.join(SUFFIXES)}; "
                                              f"crawls and scrapes {', '.join(CONTAINER_SUFFIXES)})"))
        elif path.with_suffix("") not in stems:
            found.skipped.append(Skipped(rel, f"a sidecar without a source beside it (a sidecar is named like its "
                                              f"source: {path.stem}.txt, .html, .htm, .md or .mhtml)"))
        elif sidecar_of(path) != path:
            found.skipped.append(Skipped(rel, f"a second sidecar: {sidecar_of(path).name} is the one read"))


def sidecar_of(path: Path) -> Path | None:
    """The sidecar of the source `path`: `NAME.yml`, else `NAME.yaml`, beside it (any letter case)."""
    for suffix in SIDECAR_SUFFIXES:
        for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
            if os.path.lexists(candidate):
                return candidate
    return None


def find_sources(root: Path) -> list[Path]:
    """Every source under `root`, sub-folders included, in a stable order."""
    return scan(root).sources
