"""Document stage `citations`: what the link stage needs from one document, computed once.

The link stage sees the whole collection, so whatever it can learn from one
document alone is prepared here, where it runs in parallel and is cached with
the document: the titles cited in 《》, the short names the text defines
(以下简称《意见》), and the folded text of the title, the opening and every
paragraph, which the stage scans with its automaton. Positions in the original
text are worked out later, and only for the few paragraphs where a title
matches. Plain data only: `doc.facts["link"]`.
"""
from __future__ import annotations

import re

from ..model import Document
from .fold import fold, fold_text

OPENING = 300  # characters of the first paragraph that say what a page reports on
#: One document's share of the registry, bounded: each title it cites may become a page under cited/
#: and an entry of the automaton every document is scanned with, so a page citing thousands of made-up
#: titles must not cost the site thousands of pages. Real documents cite a few dozen, in under 100 characters.
MAX_CITED = 500  # distinct titles a document adds to the registry
MAX_CITED_TITLE = 120  # characters: a longer "title" in 《》 is text that lost its closing bracket
MAX_DEFINED = 100  # short names a document defines (以下简称…), each looked for in its text

# A short name the text defines for the title just before it: 《…》（以下简称《意见》）
DEFINE = re.compile(
    r"《(?P<full>[^《》]{2,80})》[^《》。；]{0,12}?[（(]\s*(?:以下|下文)?简称[：:]?\s*"
    r"(?P<q>[《“\"「]?)(?P<short>[^》”\"」）)，,、]{1,20})[》”\"」]?\s*[）)]"
)
OPEN, CLOSE = "《〈", "》〉"
_BRACKET = re.compile(f"[{OPEN}{CLOSE}]")


def bracket_titles(text: str) -> list[tuple[int, int, str]]:
    """Every title in 《》 or 〈〉 (nested ones too): (start, end) of the content, and the content.

    >>> [t for _, _, t in bracket_titles("《关于〈专利法〉的说明》和《纲要》")]
    ['专利法', '关于〈专利法〉的说明', '纲要']
    """
    out, stack = [], []
    for m in _BRACKET.finditer(text):  # the brackets only, not every character
        i, c = m.start(), m[0]
        if c in OPEN:
            stack.append((c, i))
        elif c in CLOSE and stack:
            if OPEN.index(stack[-1][0]) == CLOSE.index(c):
                _, start = stack.pop()
                out.append((start + 1, i, text[start + 1:i]))
            else:  # unbalanced: forget the open bracket
                stack.pop()
    return out


def clean_title(title: str) -> str:
    return re.sub(r"\s+", "", title.strip().strip("《》〈〉"))


def paragraphs(doc: Document) -> list:
    return [b for b in doc.blocks if b.kind == "paragraph"]


def opening(doc: Document) -> str:
    """The start of the first paragraph: where a report names what it reports on."""
    for block in paragraphs(doc):
        text = block.text.strip()
        if text:
            return text[:OPENING]
    return ""


def _bounded(pairs: list[tuple[str, str]], limit: int, what: str, doc: Document) -> list[tuple[str, str]]:
    """`pairs` with at most `limit` distinct keys (the first ones met): a longer list is cut, with a warning."""
    keys = dict.fromkeys(key for key, _ in pairs)
    if len(keys) <= limit:
        return pairs
    kept = set(list(keys)[:limit])
    warning = f"{len(keys) - limit:,} {what} beyond the first {limit} not registered (they stay text)"
    if warning not in doc.warnings:  # gathered again when a collection stage changed the title
        doc.warnings.append(warning)
    return [pair for pair in pairs if pair[0] in kept]


def gather(doc: Document) -> Document:
    """The `citations` stage: `doc.facts["link"]`, see the module's docstring."""
    cited: list[tuple[str, str]] = []  # (folded key, title as written)
    defines: list[tuple[str, str]] = []  # (folded full title, folded short name)
    folded: list[str] = []
    for block in paragraphs(doc):
        if "《" in block.text or "〈" in block.text:
            cited += [(fold(t), clean_title(t)) for _, _, t in bracket_titles(block.text) if len(t) <= MAX_CITED_TITLE]
            defines += [(fold(m["full"]), fold(m["short"])) for m in DEFINE.finditer(block.text)]
        folded.append(fold_text(block.text))
    cited = _bounded(cited, MAX_CITED, "distinct titles cited in 《》", doc)
    defines = _bounded([(short, full) for full, short in defines], MAX_DEFINED, "short names defined", doc)
    defines = [(full, short) for short, full in defines]
    title = str(doc.meta.get("title") or "")
    doc.facts["link"] = {
        "title": title,
        "title_key": fold(title),
        "title_folded": fold_text(title),
        "opening": fold_text(opening(doc)),
        "cited": cited,
        "defines": defines,
        "paragraphs": folded,
    }
    return doc


def facts(doc: Document) -> dict:
    """The document's link facts, gathered now when no stage did (documents built by hand)."""
    found = doc.facts.get("link")
    if (found is None or found["title"] != str(doc.meta.get("title") or "")
            or len(found["paragraphs"]) != len(paragraphs(doc))):
        gather(doc)
    return doc.facts["link"]
