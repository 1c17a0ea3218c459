"""Lines an extractor already chose (an HTML article, a Markdown page) lose only strong chrome."""
from __future__ import annotations

import re

from ..model import Document
from .chrome import _SENTENCE_END_RE, LineFeatures, features

#: Chrome kinds that are removed even from an extracted HTML article: bylines, toolbars, footers.
STRONG_CHROME = {"placeholder", "breadcrumb", "toolbar", "counter", "copyright", "icp", "disclaimer",
                 "previous/next", "contact", "metadata", "pager", "stamp", "advert", "subscribe", "feed"}
MAX_CHROME_HAN = 60  # Chinese characters; a longer punctuated line of an extracted article is text
_BLOCK_MARK = re.compile(r"^(?:#{2,6}|-)\s+")  # heading and list-item marks of extracted HTML lines


_LABELLED_DISCLAIMER = re.compile(r"^\s*[\[(【]?\s*(?:免责声明|免责申明|版权声明|郑重声明|特别声明|声明\s*:)")


def _sentence(f: LineFeatures) -> bool:
    """A punctuated sentence that mentions 主办 or 官方微博 is still the article's; a byline is not."""
    if f.chrome == "disclaimer" and _LABELLED_DISCLAIMER.match(f.folded):
        return False  # 【免责声明】…: however long, it is the site's
    weak = f.chrome in ("contact", "disclaimer", "counter", "breadcrumb", "toolbar")
    return f.han > MAX_CHROME_HAN and f.punct >= 3 or weak and f.han >= 20 and f.punct >= 2 and bool(
        _SENTENCE_END_RE.search(f.folded))


def clean_extracted(doc: Document) -> Document:
    """Lines an HTML extractor already chose (or a Markdown page) lose only strong chrome.

    The extractor judged the page by its structure; the text-dump classifier
    would second-guess it on short headings and list items.
    """
    for line in doc.lines:
        text = _BLOCK_MARK.sub("", line.text.strip())
        f = features(text) if doc.kind == "html" and text and not text.startswith("|") else None
        reason = f.chrome if f and f.chrome in STRONG_CHROME and not _sentence(f) else ""
        line.kept, line.reason = not reason, reason
    if not doc.body:
        doc.error = doc.error or "no article text found in the page"
    return doc
