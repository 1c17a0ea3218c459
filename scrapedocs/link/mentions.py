"""Where a text names a document of the registry: one Aho-Corasick pass, longest match first."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Document
from .facts import opening  # noqa: F401  (part of the stage's API)
from .fold import CLOSE, OPEN, PREFIX, fold_positions, fold_text
from .registry import Entry, Registry, is_generic

SENTENCE_END = "。！？!?；;\n"
MAX_SENTENCE = 160


@dataclass
class Mention:
    start: int
    end: int
    entry: Entry


_BRACKET = re.compile(f"[{re.escape(OPEN + CLOSE)}]")


def _enclosing(text: str):
    """A function: index → the index of the innermost open 《/〈 around that character, or -1.

    Only the brackets are visited; a look-up is a bisection.

    >>> inside = _enclosing("a《b〈c〉d》e")
    >>> [inside(i) for i in range(9)]
    [-1, -1, 1, 1, 3, 1, 1, -1, -1]
    """
    starts, values, stack = [0], [-1], []
    for m in _BRACKET.finditer(text):
        i, c = m.start(), m[0]
        if c in CLOSE and stack:
            stack.pop()
        starts.append(i)
        values.append(stack[-1] if stack else -1)  # the bracket itself
        if c in OPEN:
            stack.append(i)
        starts.append(i + 1)
        values.append(stack[-1] if stack else -1)  # what follows it

    def inside(i: int) -> int:
        return values[bisect.bisect_right(starts, i) - 1]

    return inside


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _may_resolve(alias: str, local: dict, reg: Registry) -> bool:
    """Whether `alias` could name a document in this text (a cheap test before positions are worked out)."""
    return alias in local or (alias in reg.aliases and not is_generic(alias))


def _may_name_nothing(alias: str, doc: Document, reg: Registry) -> bool:
    """Whether a match of `alias` may link nowhere (the page's own title; a name that needs its 《》
    or that two documents share), so that shorter names inside it must be looked at too."""
    entry = reg.entries.get(alias)
    return (entry is not None and entry.page is doc) or alias not in reg.bare or len(reg.aliases.get(alias, ())) > 1


def candidates(folded: list[str], doc: Document, reg: Registry, auto) -> dict[int, list[tuple[int, int, str]]]:
    """Where the registry's names occur in each of `folded` (folded texts of one document), by text index.

    One automaton pass over the texts joined by line breaks (a folded name holds none,
    so no match spans two texts), plus a direct search for the short names the document
    defines; only names that could name something here are kept: (start, end, name).
    The pass takes the leftmost longest name at each place (`iter_long`, in C), so the
    candidates of a text are bounded by its length, however many names the collection
    knows: the stage stays linear.
    """
    local = reg.local.get(doc.relpath, {})
    defined = reg.defined_in(doc)
    if auto is None and not defined:
        return {}
    joined = "\n".join(folded)
    found: list[tuple[int, int, str]] = []
    if auto is not None:
        for end, alias in auto.iter_long(joined):
            start = end - len(alias) + 1
            if _may_resolve(alias, local, reg):
                found.append((start, end + 1, alias))
            if _may_name_nothing(alias, doc, reg):  # then the names inside it count: look again, there only
                found += [(e - len(a) + 1, e + 1, a) for e, a in auto.iter(joined, start, end + 1)
                          if a != alias and _may_resolve(a, local, reg)]
    for name in defined:  # a few: looked for directly
        at = joined.find(name)
        while at >= 0:
            found.append((at, at + len(name), name))
            at = joined.find(name, at + 1)
    if not found:
        return {}
    starts, offset = [], 0
    for text in folded:
        starts.append(offset)
        offset += len(text) + 1
    by_text: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, alias in found:
        k = bisect.bisect_right(starts, start) - 1
        by_text.setdefault(k, []).append((start - starts[k], end - starts[k], alias))
    return by_text


def find_mentions(text: str, doc: Document, reg: Registry, auto, ambiguous: list[str] | None = None,
                  folded: str | None = None, found: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """The registry's documents named in `text`, longest match first, never overlapping.

    `folded` is `fold_text(text)` when already known (the `citations` stage's facts), `found`
    the `candidates` in it when already searched: positions in `text` are worked out only
    when something may match.
    """
    if not text:
        return []
    if found is None:
        folded = fold_text(text) if folded is None else folded
        found = candidates([folded], doc, reg, auto).get(0, [])
    if not found:
        return []
    candidates_ = sorted(found, key=lambda c: (-(c[1] - c[0]), c[0]))
    if folded is not None and hasattr(auto, "positions"):  # `scans.Scans`: kept from the last build
        pos = auto.positions(text, len(folded), {i for fs, fe, _ in found for i in (fs, fe - 1)})
        folded_length = len(folded)
    else:
        pos = fold_positions(text, None if folded is None else len(folded))
        folded_length = len(pos)
    # Longest first, then leftmost: a longer title wins over the shorter one inside it.
    taken = [False] * folded_length
    inside = _enclosing(text)
    mentions = []
    for fs, fe, alias in candidates_:
        if any(taken[fs:fe]):
            continue
        s, e = int(pos[fs]), int(pos[fe - 1]) + 1
        # An English alias must be a whole phrase, not part of a longer word.
        if _ascii_word(text[s]) and s > 0 and _ascii_word(text[s - 1]):
            continue
        if _ascii_word(text[e - 1]) and e < len(text) and _ascii_word(text[e]):
            continue
        # Widen to a leading 中华人民共和国 and to the 《》 around the title.
        if text[max(0, s - len(PREFIX)):s] == PREFIX:
            s -= len(PREFIX)
        # A title opening with a quote (“十四五”时期…) keeps its quote inside the link.
        if s > 0 and text[s - 1] in "“‘\"" and text[s:e].count("”") + text[s:e].count("’") > text[s:e].count("“") + text[s:e].count("‘"):
            s -= 1
        quoted = False
        if s > 0 and e < len(text) and text[s - 1] in OPEN + "“\"「" and text[e] in CLOSE + "”\"」":
            s, e, quoted = s - 1, e + 1, True
        # Inside a longer 《》 title, a shorter one is a different document.
        open_at = inside(s) if s < len(text) else -1
        if open_at >= 0 and not quoted and open_at != s - 1:
            continue
        entry, is_ambiguous = reg.resolve(alias, doc, quoted)
        if entry is not None and entry.page is doc:
            continue  # the page's own title: no link, and the titles inside it still count
        if is_ambiguous and ambiguous is not None:
            ambiguous.append(f"{doc.relpath}: ambiguous mention {text[s:e]!r} "
                             f"({', '.join(sorted(reg.entries[k].display for k in reg.aliases[alias] if k in reg.entries))}): not linked")
        if entry is None:
            continue
        for k in range(fs, fe):
            taken[k] = True
        mentions.append(Mention(s, e, entry))
    return sorted(mentions, key=lambda m: m.start)


def _word_start(text: str, i: int, limit: int) -> int:
    """`i`, or the start of the next word when `i` falls inside a Latin word (never past `limit`)."""
    if 0 < i < len(text) and _ascii_word(text[i - 1]) and _ascii_word(text[i]):
        space = text.find(" ", i, limit)
        return space + 1 if space >= 0 else i
    return i


def _word_end(text: str, j: int, floor: int) -> int:
    """`j`, or the end of the previous word when `j` falls inside a Latin word (never before `floor`)."""
    if 0 < j < len(text) and _ascii_word(text[j - 1]) and _ascii_word(text[j]):
        space = text.rfind(" ", floor, j)
        return space if space > floor else j
    return j


_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_END)}]")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end); a long one cut to the mention's surroundings, at word ends.

    Only the neighbourhood is searched, on both sides: a sentence end further than a
    few times `MAX_SENTENCE` away would be cut away anyway (a paragraph of 13,000
    mentions and no sentence end would otherwise be scanned to its end 13,000 times).

    >>> text = "The Central Committee of the Communist Party of China and the State Council issued " * 3 + "the Outline."
    >>> sentence_around(text, 253, 260)[:20]
    '…Committee of the Co'
    >>> sentence_around("前一句。依照《专利法》办理。后一句。", 6, 11)
    '依照《专利法》办理。'
    """
    lo = max(0, start - 4 * MAX_SENTENCE)
    left = max((text.rfind(c, lo, start) for c in SENTENCE_END), default=-1) + 1
    hi = min(len(text), end + 4 * MAX_SENTENCE)
    found = _SENTENCE_END.search(text, end, hi)
    right = found.end() if found else hi
    sentence = text[left:right].strip()
    if len(sentence) > MAX_SENTENCE:
        a = max(left, start - MAX_SENTENCE // 2)
        a = _word_start(text, a, start)
        b = _word_end(text, min(right, a + MAX_SENTENCE), end)
        sentence = ("…" if a > left else "") + text[a:b].strip() + ("…" if b < right else "")
    return sentence
