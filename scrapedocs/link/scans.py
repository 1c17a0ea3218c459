"""The automaton's longest matches in each text, kept between builds (`build/cache/link.pickle`).

The link stage scans every paragraph of the collection with the automaton of every known name:
about 2 s for 10,000 documents, the largest part of a rebuild after one edit, though the names
and almost every text are those of the last build. The matches of a scan are a function of the
text and of the automaton's names alone (and of the library: the converter's version covers it),
so they are kept under a digest of the text, for the digest of the names they were found with.
When a build's names are the last build's, a text scanned then is not scanned again; any other
name set (a title corrected, a citation added) scans everything, as before. Exact by construction:
the stored matches are those the same automaton finds in the same text.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

NAME = "link.pickle"
FORMAT = "scans-1"


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def names_digest(names: Iterable[str]) -> str:
    """A digest of a set of names, whatever their order (a name holds no line break).

    >>> names_digest(["专利法", "商标法"]) == names_digest(["商标法", "专利法"]) != names_digest(["专利法"])
    True
    """
    return hashlib.blake2b("\n".join(sorted(names)).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Scans:
    """The automaton of this build, with `iter_long` answered from the last build's scans when they hold."""

    def __init__(self, auto, names: Iterable[str], config=None):
        from ..engine.cache import converter_version

        self.auto = auto
        self.path = Path(config.cache) / NAME if config is not None and config.use_cache else None
        self.writable = self.path is not None and not config.check
        self.key = f"{converter_version()} {names_digest(names)}"
        self.before: dict[bytes, tuple] = {}
        self.now: dict[bytes, tuple] = {}
        self.scanned = 0  # texts scanned this build (the others were known)
        if self.path is None:
            return
        try:
            with open(self.path, "rb") as f:
                data = pickle.load(f)
            if data.get("format") == FORMAT and data.get("key") == self.key:
                self.before = data["scans"]
        except Exception:  # none yet, damaged, or other names: every text is scanned
            self.before = {}

    def iter_long(self, text: str) -> tuple:
        """`Automaton.iter_long(text)` as a tuple of (end, name): from the last build when it scanned this text."""
        if self.path is None:
            return tuple(self.auto.iter_long(text))
        key = _digest(text)
        found = self.before.get(key)
        if found is None:
            found = self.now.get(key)
        if found is None:
            found = tuple(self.auto.iter_long(text))
            self.scanned += 1
        self.now[key] = found
        return found

    def iter(self, text: str, start: int, end: int):
        """`Automaton.iter`, over a short span (the names inside a longer one): not kept."""
        return self.auto.iter(text, start, end)

    def save(self) -> None:
        """Written beside itself and renamed; a failure only costs the next build the shortcut."""
        if not self.writable or self.now.keys() == self.before.keys():
            return
        tmp = self.path.with_name(f".{NAME}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                pickle.dump({"format": FORMAT, "key": self.key, "scans": self.now}, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)
