"""The automaton's longest matches in each text, kept between builds (`build/cache/link.pickle`).

The link stage scans every paragraph of the collection with the automaton of every known name:
about 2 s for 10,000 documents, the largest part of a rebuild after one edit, though the names
and almost every text are those of the last build. The matches of a scan are a function of the
text and of the automaton's trie (the library's version is in the converter's), so they are kept
under a digest of the text, with the names they were found with; a text scanned then is not
scanned again when the scan would be the same:

- with the same names, always;
- with other names (a title corrected, a citation added), when the text holds none of the
  *departures* (`departures`): for each name that one set has and the other not, its shortest
  prefix that is not a prefix in the other set (the name itself when all its prefixes are). The
  two tries differ only at the nodes of those prefixes and below them (a node more or less, a
  name ending there or not, a failure link to such a node), and a scan reaches a node only by
  reading its prefix in the text, so a text without any departure walks the same nodes of both
  tries and gets the same matches. The test is a substring search for a few long strings;
  many changed names (more than `MAX_DEPARTURES`) scan everything, as before. A text is a
  document's paragraphs joined by line breaks, which no name holds: a scan starts again from
  the automaton's root after each, so only the paragraphs holding a departure are scanned again
  (`rescan`; a title beginning 这是 would otherwise send half the collection's texts back).

Where a match found in a folded text stands in the text itself (`positions`) is a function of the
text alone (`fold.fold_positions`: its script converted, each character folded), whatever the names:
it was half of the stage's time after one edit, for the same paragraphs as the last build. It is kept
too, under a digest of the text, for the places the last build asked about.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

from .fold import fold_positions

NAME = "link.pickle"
FORMAT = "scans-3"  # with the positions
MAX_DEPARTURES = 200  # more changed names than this: every text is scanned


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _prefixes(names: Iterable[str]) -> set[str]:
    return {name[:i] for name in names for i in range(1, len(name) + 1)}


def departures(before: set[str], now: set[str]) -> set[str]:
    """Where the tries of two sets of names part: for each name in one set only, its shortest prefix
    that is not a prefix of a name of the other set, or the name itself (it ends a name in one trie only).

    >>> sorted(departures({"专利法", "商标法"}, {"专利法实施细则", "商标法"}))
    ['专利法', '专利法实']
    >>> sorted(departures({"专利法"}, {"专利法", "版权法"}))
    ['版']
    """
    shared = _prefixes(before & now)
    prefixes = {True: shared | _prefixes(before - now), False: shared | _prefixes(now - before)}
    out = set()
    for name in before ^ now:
        other = prefixes[name in now]  # a name of `now` only is looked for among the prefixes of `before`
        out.add(next((name[:i] for i in range(1, len(name)) if name[:i] not in other), name))
    return out


def rescan(auto, text: str, kept: tuple, parts: set[str]) -> tuple:
    """`auto.iter_long(text)`, given `kept`, the scan of `text` with another automaton that differs from
    `auto` only where the strings `parts` are met (`departures`): the lines of `text` holding none of
    them keep their matches, the others are scanned again (no name holds a line break).

    >>> import ahocorasick
    >>> auto = ahocorasick.Automaton(); _ = auto.add_word("专利法", "专利法"); auto.make_automaton()
    >>> rescan(auto, "商标法\\n专利法", ((2, "商标法"),), {"专"})
    ((2, '商标法'), (6, '专利法'))
    """
    out: list = []
    start, k = 0, 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        end = start + len(line)
        if any(part in line for part in parts):
            # with its line break, as the whole text's scan meets it: the library's `iter_long` may leave
            # a match at the very end of a text unreported, never one before a character no name holds
            segment = line if number == len(lines) - 1 else line + "\n"
            out += [(start + last, name) for last, name in auto.iter_long(segment)]
            while k < len(kept) and kept[k][0] < end:
                k += 1
        else:
            while k < len(kept) and kept[k][0] < end:
                out.append(kept[k])
                k += 1
        start = end + 1
    return tuple(out)


class Scans:
    """The automaton of this build, with `iter_long` answered from the last build's scans when they hold."""

    def __init__(self, auto, names: Iterable[str], config=None):
        from ..engine.cache import converter_version

        self.auto = auto
        self.names = set(names)
        self.version = converter_version()
        self.path = Path(config.cache) / NAME if config is not None and config.use_cache else None
        self.writable = self.path is not None and not config.check
        self.before: dict[bytes, tuple] = {}
        self.now: dict[bytes, tuple] = {}
        self.same_names = False
        self.departures: set[str] = set()  # a text holding one of them is scanned again
        self.scanned = 0  # texts scanned this build (the others were known)
        self.positions_before: dict[bytes, dict[int, int]] = {}
        self.positions_now: dict[bytes, dict[int, int]] = {}
        self.folded = 0  # texts whose positions were worked out this build (the others were known)
        if self.path is None:
            return
        try:
            with open(self.path, "rb") as f:
                data = pickle.load(f)
            if data.get("format") != FORMAT or data.get("version") != self.version:
                return
            self.positions_before = data["positions"]
            before = set(data["names"])
            self.same_names = before == self.names
            if not self.same_names:
                self.departures = departures(before, self.names)
                if len(self.departures) > MAX_DEPARTURES:
                    return
            self.before = data["scans"]
        except Exception:  # none yet, damaged: every text is scanned
            self.before, self.positions_before = {}, {}

    def iter_long(self, text: str) -> tuple:
        """`Automaton.iter_long(text)` as a tuple of (end, name): from the last build when it scanned this
        text and the scan would be the same (see the module's docstring)."""
        if self.path is None:
            return tuple(self.auto.iter_long(text))
        key = _digest(text)
        found = self.now.get(key)
        if found is None:
            found = self.before.get(key)
            met = {part for part in self.departures if part in text} if found is not None else set()
            if met:
                found = rescan(self.auto, text, found, met)
                self.scanned += 1
        if found is None:
            found = tuple(self.auto.iter_long(text))
            self.scanned += 1
        self.now[key] = found
        return found

    def positions(self, text: str, folded_length: int, wanted: set[int]) -> dict[int, int]:
        """`fold_positions(text)[i]` for each folded index `i` in `wanted` (`folded_length`: the length of
        `fold_text(text)`): from the last build when it asked about them in the same text."""
        if self.path is None:
            return fold_positions(text, folded_length)
        key = _digest(text)
        known = self.positions_now.get(key) or self.positions_before.get(key)
        if known is None or not wanted <= known.keys():
            pos = fold_positions(text, folded_length)
            known = {**(known or {}), **{i: int(pos[i]) for i in wanted}}
            self.folded += 1
        self.positions_now[key] = known
        return known

    def iter(self, text: str, start: int, end: int):
        """`Automaton.iter`, over a short span (the names inside a longer one): not kept."""
        return self.auto.iter(text, start, end)

    def save(self) -> None:
        """Written beside itself and renamed; a failure only costs the next build the shortcut."""
        if not self.writable or (self.same_names and self.now.keys() == self.before.keys() and not self.folded
                                 and self.positions_now.keys() == self.positions_before.keys()):
            return
        tmp = self.path.with_name(f".{NAME}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                pickle.dump({"format": FORMAT, "version": self.version, "names": sorted(self.names), "scans": self.now,
                             "positions": self.positions_now}, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)
