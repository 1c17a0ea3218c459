"""The maintained extractors that vote beside our own scorer.

Each member takes the decoded page and returns the text it believes is the
article (paragraphs separated by newlines), or "" when it finds none or fails.
A member that fails never stops the page: the ensemble votes without it.

jusText judges paragraphs by their share of stop words, split on spaces:
Chinese has no spaces, so every Chinese paragraph looks like boilerplate to
it. Here a Chinese paragraph is judged by jusText's length and link-density
rules only, with lengths counted the way its thresholds mean them (a Chinese
character is worth three letters); English paragraphs keep the stop-word rule
with jusText's English list. A Chinese stop-list (jieba's most frequent
particles, prepositions, conjunctions, pronouns and adverbs) was tried and
measured: official prose (知识产权保护工作关系国家治理体系…) has almost no
function words, so any threshold that rejects menus rejects it too (dev set
F1 0.69 at jusText-like thresholds, 0.82 at 0.05/0.12, 0.83 without).
jusText's own context-sensitive revision then runs unchanged.
"""
from __future__ import annotations

import logging
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


@lru_cache(maxsize=1)
def english_stoplist() -> frozenset[str]:
    from justext import get_stoplist

    return frozenset(get_stoplist("English"))


def stopword_density(text: str) -> float:
    """Share of a paragraph's space-separated words that are English stop words (jusText's measure)."""
    words = text.lower().split()
    return sum(w in english_stoplist() for w in words) / len(words) if words else 0.0


HAN_LETTERS = 3  # letters of English text that say as much as one Chinese character


def reading_length(text: str) -> int:
    """Length as jusText's thresholds mean it: a Chinese character counts as three letters.

    >>> reading_length("知识产权"), reading_length("patent")
    (12, 6)
    """
    return len(text) + (HAN_LETTERS - 1) * len(_HAN.findall(text))


# jusText's defaults.
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOPWORDS_LOW, STOPWORDS_HIGH = 0.30, 0.32
MAX_LINK_DENSITY = 0.2


def _classify(paragraph) -> str:
    """jusText's context-free class of one paragraph (core.classify_paragraphs), Chinese-aware."""
    text = paragraph.text
    length = reading_length(text)
    if paragraph.links_density() > MAX_LINK_DENSITY or "\xa9" in text or "select" in paragraph.dom_path:
        return "bad"
    if length < LENGTH_LOW:
        return "bad" if paragraph.chars_count_in_links > 0 else "short"
    chinese = len(_HAN.findall(text)) * 2 >= len(_WORD.findall(text))
    density = 1.0 if chinese else stopword_density(text)  # Chinese: length and links decide
    if density >= STOPWORDS_HIGH:
        return "good" if length > LENGTH_HIGH else "neargood"
    return "neargood" if density >= STOPWORDS_LOW else "bad"


#: Paragraphs past which jusText does not vote: its revision looks for each short paragraph's
#: nearest good or bad neighbour by walking, so a run of 10,000 list items takes a minute.
MAX_JUSTEXT_PARAGRAPHS = 2_000


def justext_text(html: str) -> str:
    """jusText's good paragraphs, with a Chinese classifier (see the module's docstring)."""
    from justext.core import (
        ParagraphMaker,
        html_to_dom,
        preprocessor,
        revise_paragraph_classification,
    )

    paragraphs = ParagraphMaker.make_paragraphs(preprocessor(html_to_dom(html)))
    if len(paragraphs) > MAX_JUSTEXT_PARAGRAPHS:
        raise ValueError(f"{len(paragraphs):,} paragraphs: more than jusText's revision takes in linear time")
    for paragraph in paragraphs:
        paragraph.heading = paragraph.is_heading
        paragraph.cf_class = _classify(paragraph)
    revise_paragraph_classification(paragraphs)
    return "\n".join(p.text for p in paragraphs if p.class_type == "good")


#: The maintained extractors, by name, cheapest first: the vote may be settled before the dearer ones run.
MEMBERS: dict[str, Callable[[str], str]] = {
    "resiliparse": resiliparse_text,
    "justext": justext_text,
    "trafilatura": trafilatura_text,
    "readability": readability_text,
}


def run_member(name: str, html: str) -> tuple[str, str]:
    """One member's text, and its error ("" when it ran): a member's bug costs its vote, never the page."""
    try:
        return MEMBERS[name](html), ""
    except Exception as err:  # noqa: BLE001
        return "", f"{type(err).__name__}: {err}"[:200]


def run_members(html: str, names: list[str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """Each member's text, and the error of each member that failed."""
    texts, errors = {}, {}
    for name in names or list(MEMBERS):
        texts[name], error = run_member(name, html)
        if error:
            errors[name] = error
    return texts, errors
