"""The maintained extractors that vote beside our own scorer.

Each member takes the decoded page and returns the text it believes is the
article (paragraphs separated by newlines), or "" when it finds none or fails.
A member that fails never stops the page: the ensemble votes without it.

jusText judges paragraphs by their share of stop words, split on spaces:
Chinese has no spaces, so it gets its own classifier here: jusText's length
and link-density rules, with lengths counted the way a reader of English
counts them (a Chinese character is worth three letters) and a stop-list
taken from jieba's dictionary (its most frequent particles, prepositions,
conjunctions, pronouns, adverbs and modal words). jusText's own
context-sensitive revision then runs unchanged.
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from functools import lru_cache

from ...text import HAN

_HAN = re.compile(f"[{HAN}]")
_WORD = re.compile(r"[A-Za-z]+")


def readability_text(html: str) -> str:
    """readability-lxml's article, as text."""
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    if not summary.strip():
        return ""
    root = lxml_html.fromstring(summary)
    return "\n".join(t.strip() for t in root.itertext() if t.strip())


def trafilatura_text(html: str) -> str:
    """trafilatura's main text (tables included, comments not)."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return trafilatura.extract(html, include_comments=False, include_tables=True, include_images=False) or ""


def resiliparse_text(html: str) -> str:
    """Resiliparse's main-content extraction."""
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=True, alt_texts=False, links=False, list_bullets=False)


#: Parts of speech (jieba's tags, by first letter) whose words make a Chinese stop-list.
STOP_POS = "upcrdy"
STOP_MIN_FREQ = 2000  # jieba's dictionary counts; rarer function words do not help
#: Frequent verbs and measure words that act like stop words in running text.
STOP_EXTRA = {"是", "有", "会", "要", "能", "可", "被", "将", "个", "们", "中", "上", "下", "到", "说"}


@lru_cache(maxsize=1)
def chinese_stoplist() -> tuple[frozenset[str], frozenset[str]]:
    """One- and two-character stop words from jieba's dictionary."""
    import jieba

    words = set(STOP_EXTRA)
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for row in f:
            parts = row.split()
            if len(parts) == 3 and parts[2][0] in STOP_POS and int(parts[1]) >= STOP_MIN_FREQ and len(parts[0]) <= 2:
                words.add(parts[0])
    return frozenset(w for w in words if len(w) == 1), frozenset(w for w in words if len(w) == 2)


CHARS_PER_WORD = 1.6  # a Chinese word is about this many characters long


def stopword_density(text: str) -> float:
    """Share of a paragraph's words that are stop words, for Chinese (greedy two-then-one match) or English.

    >>> round(stopword_density("我们的工作是为了人民的幸福"), 2)
    0.62
    """
    han = len(_HAN.findall(text))
    if not han:
        from justext import get_stoplist

        words = text.lower().split()
        return sum(w in _english_stoplist(get_stoplist) for w in words) / len(words) if words else 0.0
    one, two = chinese_stoplist()
    count, i = 0, 0
    while i < len(text):
        if text[i:i + 2] in two:
            count, i = count + 1, i + 2
        else:
            count, i = count + (text[i] in one), i + 1
    return count / (han / CHARS_PER_WORD + len(_WORD.findall(text)))


@lru_cache(maxsize=1)
def _english_stoplist(get_stoplist: Callable) -> frozenset[str]:
    return frozenset(get_stoplist("English"))


def reading_length(text: str) -> int:
    """Length as jusText's thresholds mean it: a Chinese character counts as three letters."""
    han = len(_HAN.findall(text))
    return len(text) + 2 * han


# jusText's defaults, with its stop-word thresholds lowered for the Chinese stop-list.
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOPWORDS_LOW, STOPWORDS_HIGH = 0.20, 0.28
MAX_LINK_DENSITY = 0.2


def _classify(paragraph) -> str:
    """jusText's context-free class of one paragraph (core.classify_paragraphs), Chinese-aware."""
    length = reading_length(paragraph.text)
    density = stopword_density(paragraph.text)
    if paragraph.links_density() > MAX_LINK_DENSITY or "\xa9" in paragraph.text or "select" in paragraph.dom_path:
        return "bad"
    if length < LENGTH_LOW:
        return "bad" if paragraph.chars_count_in_links > 0 else "short"
    if density >= STOPWORDS_HIGH:
        return "good" if length > LENGTH_HIGH else "neargood"
    return "neargood" if density >= STOPWORDS_LOW else "bad"


def justext_text(html: str) -> str:
    """jusText's good paragraphs, with a Chinese classifier (see the module's docstring)."""
    from justext.core import (
        ParagraphMaker,
        html_to_dom,
        preprocessor,
        revise_paragraph_classification,
    )

    paragraphs = ParagraphMaker.make_paragraphs(preprocessor(html_to_dom(html)))
    for paragraph in paragraphs:
        paragraph.heading = paragraph.is_heading
        paragraph.cf_class = _classify(paragraph)
    revise_paragraph_classification(paragraphs)
    return "\n".join(p.text for p in paragraphs if p.class_type == "good")


#: The maintained extractors, by name, in the order they vote.
MEMBERS: dict[str, Callable[[str], str]] = {
    "readability": readability_text,
    "trafilatura": trafilatura_text,
    "justext": justext_text,
    "resiliparse": resiliparse_text,
}


def run_members(html: str, names: list[str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """Each member's text, and the error of each member that failed."""
    texts, errors = {}, {}
    for name in names or list(MEMBERS):
        try:
            texts[name] = MEMBERS[name](html)
        except Exception as err:  # noqa: BLE001  a member's bug costs its vote, never the page
            texts[name], errors[name] = "", f"{type(err).__name__}: {err}"[:200]
    return texts, errors
