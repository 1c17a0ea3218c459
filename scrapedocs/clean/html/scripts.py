"""Pages that carry their article in script data: a gallery's captions, a story rendered by JavaScript.

Such a page shows a first caption or nothing in its markup; the rest of the
text sits in string literals of a `<script>` (JSON inside a JavaScript
string, escaped once or twice over). When the article found in the markup is
short and the script's sentences contain it and say much more, the script's
sentences are the article.
"""
from __future__ import annotations

import re

from ...text import HAN
from .ensemble import normalise

_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_ESCAPED_CHAR = re.compile(r"\\+u([0-9a-fA-F]{4})")
_ESCAPED_QUOTE = re.compile(r"\\+\"")
_STRING = re.compile(r"\"([^\"]{10,}?)\"")
_HAN = re.compile(f"[{HAN}]")
_SENTENCE = re.compile(r"。")  # a caption or paragraph ends its sentences; a headline of another story does not
MIN_SENTENCE_HAN = 15  # Chinese characters in a string that reads as a sentence, not a label
SHORT_ARTICLE = 200  # Chinese characters: a markup article this short may be a gallery's first caption
MORE = 2  # the script must say at least this many times more than the markup


def unescape(script: str) -> str:
    """A script with its \\uXXXX and \\" escapes undone, however many times over they were escaped.

    >>> unescape(r'JSON.parse("{\\\\"a\\\\":\\\\"\\\\u77e5\\\\u8bc6\\\\"}")')
    'JSON.parse("{"a":"知识"}")'
    """
    return _ESCAPED_QUOTE.sub('"', _ESCAPED_CHAR.sub(lambda m: chr(int(m[1], 16)), script))


def script_sentences(html: str) -> list[str]:
    """String literals of the page's scripts that read as Chinese sentences, in order, each once."""
    seen, out = set(), []
    for m in _SCRIPT.finditer(html):
        body = m.group(1)
        if "\\u" not in body and not _HAN.search(body):
            continue
        for s in _STRING.finditer(unescape(body)):
            text = s.group(1).strip()
            if len(_HAN.findall(text)) >= MIN_SENTENCE_HAN and _SENTENCE.search(text) and "<" not in text \
                    and text not in seen:
                seen.add(text)
                out.append(text)
    return out


def script_article(html: str, lines: list[str]) -> list[str] | None:
    """The script's sentences, when they are the fuller article (see the module's docstring); else None."""
    found = normalise("".join(lines))
    han = len(_HAN.findall(found))
    if han >= SHORT_ARTICLE or "<script" not in html.lower():
        return None
    sentences = script_sentences(html)
    keys = [normalise(s) for s in sentences]
    new = sum(len(_HAN.findall(k)) for k in keys if k not in found and not any(k in other for other in keys if other != k))
    if new < MORE * max(han, MIN_SENTENCE_HAN):
        return None  # the script only repeats the markup (a server-rendered page's state)
    said = "".join(keys)
    middles = [key[len(key) // 2 - 8: len(key) // 2 + 8] for key in map(normalise, lines) if len(key) >= 20]
    if found and not any(m in said for m in middles):
        return None  # the script tells another story (a sidebar's data), not this one
    return sentences
