"""Each source's cache key, remembered between builds by what the file system says of the file.

Every build takes each source's cache key (`cache.entry_key`) before it converts anything,
and reading every source to digest its bytes is most of a build that finds one thing, or
nothing, to do (3.4 s for 10,000 documents). Like git's index, `build/cache/sources.json`
keeps, for each plain file the last build read, what the file system said of it and of its
sidecar (size, modification and change times, inode) with the key its bytes gave; a source
whose status is the same is not read again.

Stricter than `make`: the change time cannot be set back by hand (an editor, `touch`, a copy,
a `chmod` all move it); a file changed less than `RACY` seconds before it was looked at is
not remembered (two writes within one tick of the file system's clock keep the same times),
nor is anything but a regular file (a link, a crawl's record). The record is of one input
folder, one converter version and one set of settings: any other reads every source again.
"""
from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

from ..model import Document
from ..read.sources import sidecar_of

NAME = "sources.json"
FORMAT = "sources-1"
RACY = 2.0  # seconds


def status(path: Path) -> list[int] | None:
    """Size, modification and change times (ns) and inode of a regular file that is not a link; else None."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def signature(doc: Document) -> list | None:
    """What the file system says of a source and of its sidecar (None: not a plain file, never remembered)."""
    if doc.origin is not None and doc.origin.container:
        return None
    own = status(doc.path)
    if own is None:
        return None
    sidecar = sidecar_of(doc.path)
    if sidecar is None:
        return [own, None]
    theirs = status(sidecar)
    return None if theirs is None else [own, sidecar.name, theirs]


def _changed_since(sig: list) -> int:
    """The latest time (ns) in a signature."""
    return max(max(s[1], s[2]) for s in sig if isinstance(s, list))


class Remembered:
    """The keys the last build took, by source (`relpath`), and those this build takes."""

    def __init__(self, config, version: str, fingerprint: str):
        self.path = Path(config.cache) / NAME if config.use_cache else None
        self.writable = bool(config.use_cache and not config.check)
        self.header = {"format": FORMAT, "version": version, "fingerprint": fingerprint,
                       "input": os.path.realpath(config.input_dir)}
        self.before: dict[str, list] = {}
        self.now: dict[str, list] = {}
        self.since = time.time_ns() - int(RACY * 1e9)  # changed after this: not remembered
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if all(data.get(k) == v for k, v in self.header.items()) and isinstance(data.get("keys"), dict):
                self.before = data["keys"]
        except (OSError, ValueError, AttributeError):
            pass  # none yet, or unreadable: every source is read

    def key(self, doc: Document, sig: list | None) -> str | None:
        """The key the last build took for `doc`, when its file and sidecar are as they were then."""
        if sig is None:
            return None
        entry = self.before.get(doc.relpath)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == sig and isinstance(entry[1], str):
            self.now[doc.relpath] = entry
            return entry[1]
        return None

    def remember(self, doc: Document, sig: list | None, key: str) -> None:
        """`doc`'s key, taken from bytes read after `sig` was, for the next build."""
        if sig is not None and _changed_since(sig) < self.since:
            self.now[doc.relpath] = [sig, key]

    def save(self) -> None:
        """Written beside itself and renamed; a failure only costs the next build the shortcut."""
        if self.path is None or not self.writable or self.now == self.before:
            return
        tmp = self.path.with_name(f".{NAME}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(self.header | {"keys": self.now}, ensure_ascii=False, separators=(",", ":")),
                           encoding="utf-8", errors="surrogatepass")
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)
