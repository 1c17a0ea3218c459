"""What every match of a regular expression must hold: a quick search that rules the slow one out.

Python's `re` tries an alternation of patterns like the chrome lexicon's at every
position of a line: twenty of them cost twenty slow scans of each paragraph,
though nearly every paragraph lacks the words they are about (版权所有, 上一篇,
当前位置). `factors` reads from the pattern itself (`re`'s own parser) strings one
of which every match holds: a run of literal characters, or for an alternation
the union of its branches' strings. A `Gate` searches a line for them only — an
alternation of plain strings, which `re` scans quickly — and the pattern itself
runs only on the lines that hold one.

The gate never changes an answer: when it cannot tell (no string every match
must hold), it lets every line through, and the pattern decides.

`Gates` does the same for a list of patterns tried in turn on every line (the
chrome lexicon): one Aho-Corasick pass finds the strings of all of them at
once, where a gate per pattern searched the line twenty times.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

MAX_CLASS = 8  # characters of a class [...] taken as strings (each one a string)
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)


@lru_cache(maxsize=1)
def _unsafe_lower() -> re.Pattern:
    """Characters after which `str.lower()` no longer shows a case-insensitive match of ASCII letters:
    those `re.IGNORECASE` matches to an ASCII letter (K, ſ, ı, İ) and those whose lower case is longer."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    odd = [ch for ch in map(chr, range(0x80, 0x30000))
           if (ch.lower() != ch or ch.upper() != ch) and (letters.fullmatch(ch) or len(ch.lower()) != 1)]
    return re.compile("[" + "".join(map(re.escape, odd)) + "]")


def _cased(text: str) -> bool:
    return any(ch.lower() != ch or ch.upper() != ch or ord(ch) in _EXTRA_CASES for ch in text)


def _usable(strings: frozenset[str], nocase: bool) -> bool:
    """Whether a line searched for `strings` shows every match: with case ignored, only strings no case
    changes, or ASCII in lower case (searched in the line in lower case)."""
    return not nocase or all(not _cased(s) or (s.isascii() and s.islower()) for s in strings)


def _best(candidates: list, nocase: bool) -> frozenset[str] | None:
    """The candidate that rules out most: the longest shortest string, then the fewest strings."""
    usable = [f for f in candidates if f and _usable(f, nocase)]
    return max(usable, key=lambda f: (min(map(len, f)), -len(f))) if usable else None


def _item(op, av, nocase: bool) -> frozenset[str] | None:
    """Strings one of which a non-literal item of a pattern must match, or None."""
    if op is c.IN:
        chars = [chr(a) for o, a in av if o is c.LITERAL]
        return frozenset(chars) if len(chars) == len(av) and len(chars) <= MAX_CLASS else None
    if op is c.SUBPATTERN:
        _, add, remove, sub = av
        return None if (add | remove) & c.SRE_FLAG_IGNORECASE else _sequence(list(sub), nocase)
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av), nocase)
    if op in _REPEATS and av[0] >= 1:
        return _sequence(list(av[2]), nocase)
    if op is c.BRANCH:
        parts = [_sequence(list(b), nocase) for b in av[1]]
        return None if any(p is None for p in parts) else frozenset().union(*parts)
    return None  # an anchor, a look-around, a category, any character, an optional item


def _sequence(items: list, nocase: bool) -> frozenset[str] | None:
    """The best strings of a sequence of items: its runs of literal characters, or an item's own."""
    candidates: list = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            text, run = "".join(run), []
            candidates.append(frozenset([text]))
            if nocase:  # its pieces no case changes (交谈 of QQ交谈), and ASCII in lower case
                candidates += [frozenset([p]) for p in re.split("[A-Za-z]+", text) if p and not _cased(p)]
                if text.isascii():
                    candidates.append(frozenset([text.lower()]))
        if op is not None:
            candidates.append(_item(op, av, nocase))
    return _best(candidates, nocase)


def factors(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` holds (in lower case when it ignores case), or None.

    >>> sorted(factors(re.compile(r"^(?:当前位置|您的位置)\\s*[:>]|\\S\\s*(?:>>|»)\\s*\\S")))
    ['>>', '»', '当前位置', '您的位置']
    >>> sorted(factors(re.compile(r"©|copyright|ICP\\s*备", re.I))), factors(re.compile(r"\\d+"))
    (['copyright', 'icp', '©'], None)
    """
    nocase = bool(pattern.flags & re.IGNORECASE)
    return _sequence(list(_parser.parse(pattern.pattern, pattern.flags)), nocase)


class Gate:
    """A search for a pattern's `factors`: False when the pattern cannot match a line.

    >>> gate = Gate(re.compile(r"版权所有|ICP\\s*备", re.I))
    >>> gate.may_match("加强知识产权保护"), gate.may_match("京icp备0001号"), gate.may_match("ſ")
    (False, True, True)
    """

    def __init__(self, pattern: re.Pattern):
        found = factors(pattern)
        self.nocase = bool(pattern.flags & re.IGNORECASE)
        self._search = None  # None: every line may match
        if found is not None:
            self._search = re.compile("|".join(map(re.escape, sorted(found, key=len, reverse=True)))).search

    def may_match(self, text: str) -> bool:
        if self._search is None:
            return True
        if self.nocase:
            if _unsafe_lower().search(text):
                return True
            text = text.lower()
        return self._search(text) is not None


@lru_cache(maxsize=None)
def gate(pattern: re.Pattern) -> Gate:
    """The `Gate` of `pattern`, made once."""
    return Gate(pattern)


def _automaton(strings: dict[str, int]):
    """An Aho-Corasick automaton of `strings`, each with its value; None when there are none."""
    import ahocorasick

    if not strings:
        return None
    auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for text, value in sorted(strings.items()):
        auto.add_word(text, value)
    auto.make_automaton()
    return auto


class Gates:
    """The gates of several patterns, searched for in one pass: which of the patterns may match a line.

    Every pattern's `factors` go into one automaton, each string with a bit for each pattern it
    opens; all its occurrences in a line (overlapping ones too) open their patterns. A pattern
    without factors is always open; one that ignores case is searched in the line in lower case,
    and open on a line whose lower case would hide a match (as in `Gate`).

    >>> gates = Gates([re.compile("版权所有"), re.compile("ICP\\s*备", re.I), re.compile(r"^\\W*$")])
    >>> gates.open("加强知识产权保护"), gates.open("京icp备 版权所有"), gates.open("ſ")
    ([2], [0, 1, 2], [1, 2])
    """

    def __init__(self, patterns: list[re.Pattern]):
        self.always = 0  # patterns without factors
        self.nocase = 0  # patterns that ignore case
        exact: dict[str, int] = {}  # string → the patterns it opens (bits), searched in the line as it is
        lowered: dict[str, int] = {}  # the same, searched in the line in lower case
        for i, pattern in enumerate(patterns):
            found = factors(pattern)
            if not found or "" in found:
                self.always |= 1 << i
                continue
            nocase = bool(pattern.flags & re.IGNORECASE)
            self.nocase |= (1 << i) if nocase else 0
            strings = lowered if nocase else exact
            for text in found:
                strings[text] = strings.get(text, 0) | 1 << i
        self._exact, self._lowered = _automaton(exact), _automaton(lowered)

    def open(self, text: str) -> list[int]:
        """The indexes of the patterns that may match `text`, in order."""
        bits = self.always
        if self._exact is not None:
            for _, opened in self._exact.iter(text):
                bits |= opened
        if self._lowered is not None:
            if _unsafe_lower().search(text):
                bits |= self.nocase
            else:
                for _, opened in self._lowered.iter(text.lower()):
                    bits |= opened
        found = []
        while bits:
            low = bits & -bits
            found.append(low.bit_length() - 1)
            bits ^= low
        return found
