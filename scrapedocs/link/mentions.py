"""Where a text names a document of the registry: one Aho-Corasick pass, longest match first."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Document
from .fold import CLOSE, OPEN, PREFIX, fold_map
from .registry import Entry, Registry, _paragraphs

SENTENCE_END = "。！？!?；;\n"
MAX_SENTENCE = 160
OPENING = 300  # characters of the first paragraph that say what a page reports on


@dataclass
class Mention:
    start: int
    end: int
    entry: Entry


def _enclosing(text: str) -> list[int]:
    """For each character, the index of the innermost open 《/〈 around it, or -1."""
    out, stack = [-1] * len(text), []
    for i, c in enumerate(text):
        if c in CLOSE and stack:
            stack.pop()
        out[i] = stack[-1] if stack else -1
        if c in OPEN:
            stack.append(i)
    return out


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


def find_mentions(text: str, doc: Document, reg: Registry, auto, ambiguous: list[str] | None = None) -> list[Mention]:
    """The registry's documents named in `text`, longest match first, never overlapping."""
    if auto is None or not text:
        return []
    folded, pos = fold_map(text)
    if not folded:
        return []
    candidates = []
    for end, alias in auto.iter(folded):
        start = end - len(alias) + 1
        candidates.append((start, end + 1, alias))
    # Longest first, then leftmost: a longer title wins over the shorter one inside it.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = [False] * len(folded)
    inside = _enclosing(text)
    found = []
    for fs, fe, alias in candidates:
        if any(taken[fs:fe]):
            continue
        s, e = pos[fs], pos[fe - 1] + 1
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
        open_at = inside[s] if s < len(inside) else -1
        if open_at >= 0 and not quoted and not (open_at == s - 1):
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
        found.append(Mention(s, e, entry))
    return sorted(found, key=lambda m: m.start)


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


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds [start, end); a long one cut to the mention's surroundings, at word ends.

    >>> text = "The Central Committee of the Communist Party of China and the State Council issued " * 3 + "the Outline."
    >>> sentence_around(text, 253, 260)[:20]
    '…Committee of the Co'
    """
    left = max((text.rfind(c, 0, start) for c in SENTENCE_END), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in SENTENCE_END) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    sentence = text[left:right].strip()
    if len(sentence) > MAX_SENTENCE:
        a = max(left, start - MAX_SENTENCE // 2)
        a = _word_start(text, a, start)
        b = _word_end(text, min(right, a + MAX_SENTENCE), end)
        sentence = ("…" if a > left else "") + text[a:b].strip() + ("…" if b < right else "")
    return sentence


def opening(doc: Document) -> str:
    """The start of the first paragraph: where a report names what it reports on."""
    for block in _paragraphs(doc):
        text = block.text.strip()
        if text:
            return text[:OPENING]
    return ""
