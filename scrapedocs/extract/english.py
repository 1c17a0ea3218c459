"""An article in English: its dateline, a headline when the page gave none, and text in another language.

Called by `extract` for documents whose body is English. Wire copy opens with
a dateline that names the outlet ("China News Service, Beijing, September
22." or "BEIJING, Sept. 22 (Xinhua) --"), so the outlet is the `source`. A
page scraped without its headline gets one from the lead: the first short
line when there is one, else the clause the lead reports ("…disclosed that,
as …, China must deeply participate in global IP governance" → "China must
deeply participate in global IP governance"), else the lead's main clause —
never the sentence cut after N words. A trailing paragraph in another
language (an untranslated original left at the end of a translation) is not
the article: it leaves the body and is shown apart, under its own heading, and
reported.
"""
from __future__ import annotations

import re

from ..escape import escape
from ..language import language
from ..model import Document, Line

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
         r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_NAME = r"[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|of|the|and|for|de))*"
#: Datelines, outlet first ("China News Service, Beijing, September 22.") or place first
#: ("BEIJING, Sept. 22 (Xinhua) --", "BEIJING (Reuters) -").
DATELINES = [
    re.compile(rf"^(?P<source>{_NAME}),\s*(?P<place>{_NAME}),\s*{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*[.,:—–-]+\s*"),
    re.compile(rf"^(?P<place>[A-Z][A-Z .'-]+)(?:,\s*{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*\((?P<source>[^()]{{2,40}})\)\s*[—–-]+\s*"),
]


def dateline(text: str) -> tuple[str, int] | None:
    """The outlet a wire story's dateline names, and where the story itself starts.

    >>> dateline("China News Service, Beijing, September 22. The Central Committee issued …")
    ('China News Service', 43)
    >>> dateline("BEIJING, Sept. 22 (Xinhua) -- China will expand …")
    ('Xinhua', 30)
    >>> dateline("The State Council issued a plan on Monday.") is None
    True
    """
    for pattern in DATELINES:
        m = pattern.match(text.strip())
        if m:
            return m["source"].strip(), m.end()
    return None


MAX_HEADLINE_WORDS = 16
_TIME_WORDS = re.compile(r"\s+(?:recently|today|yesterday|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
                         re.I)
#: Verbs that introduce what a lead reports: the news is the clause after them.
_REPORTED = re.compile(r"\b(?:disclos|announc|stat|stress|emphasiz|not|point(?:ed|ing) out|sa(?:id|ying)|reveal|indicat)"
                       r"\w*\s+that\b,?\s*", re.I)
_LEADING_PHRASE = re.compile(r"^(?:as|in|with|for|by|under|according to|at)\b[^,]{3,160},\s*", re.I)


def _words(text: str) -> int:
    return len(text.split())


def _headline_case(text: str) -> str:
    text = text.strip().rstrip(".,;:")
    return text[:1].upper() + text[1:]


def headline(texts: list[str]) -> str | None:
    """A headline for an English article that came without one.

    >>> headline(["Beijing to host IP forum", "The forum opens on Monday."])
    'Beijing to host IP forum'
    >>> headline(["China News Service, Beijing, September 22. The Central Committee and the State Council "
    ...           "recently issued the \\"Outline\\" to disclose that, as one of the important contents of building "
    ...           "a strong country, China must deeply participate in global intellectual property governance. More."])
    'China must deeply participate in global intellectual property governance'
    >>> headline(["The State Council on Monday approved a plan to protect trade secrets, which takes effect in May."])
    'The State Council approved a plan to protect trade secrets'
    """
    if not texts:
        return None
    first = texts[0].strip()
    if _words(first) <= MAX_HEADLINE_WORDS and not re.search(r"[.!?]$", first) and len(texts) > 1:
        return _headline_case(first)
    found = dateline(first)
    lead = first[found[1]:] if found else first
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", lead)[0].strip()
    reported = _REPORTED.search(sentence)
    if reported:
        clause = _LEADING_PHRASE.sub("", sentence[reported.end():])
        clause = re.split(r",\s+(?:which|while|and|but|including)\b|;", clause)[0]
        if 3 <= _words(clause) <= MAX_HEADLINE_WORDS:
            return _headline_case(clause)
    main = _TIME_WORDS.sub("", sentence)
    main = re.split(r",\s+(?:which|who|while|saying|adding|as|including)\b|;|\s+to\s+(?:disclose|show|ensure)\b", main)[0]
    if _words(main) <= MAX_HEADLINE_WORDS:
        return _headline_case(main)
    return None


UNTRANSLATED = {"zh": "Untranslated paragraph in Chinese", "en": "Untranslated paragraph in English",
                "ja": "Untranslated paragraph in Japanese", "ko": "Untranslated paragraph in Korean"}


def trailing_other_language(lines: list[Line], lang: str) -> list[Line]:
    """The paragraphs at the end of the body written in another language than the document's."""
    body = [line for line in lines if line.kept and line.text.strip()]
    tail: list[Line] = []
    for line in reversed(body):
        if language(line.text) == lang:
            break
        tail.insert(0, line)
    return tail if len(body) - len(tail) >= 2 else []


def _line_above(lines: list[Line]) -> list[str]:
    """The line just above the article when it reads like a headline the cleaner took for a menu."""
    first = next((i for i, line in enumerate(lines) if line.kept and line.text.strip()), 0)
    above = next((line.text.strip() for line in reversed(lines[:first]) if line.text.strip()), "")
    if 2 <= _words(above) <= MAX_HEADLINE_WORDS and re.match(r"[A-Z0-9\"“]", above) and not re.search(r"[|/>»]|https?:", above):
        return [above]
    return []


def english_article(doc: Document, derived_title: bool) -> Document:
    """Source from the dateline, a headline from the lead, and the trailing untranslated paragraph set apart."""
    tail = trailing_other_language(doc.lines, "en")
    for line in tail:
        line.kept, line.reason = False, "in another language than the article (untranslated): shown apart"
    if tail:
        other = language(tail[0].text)
        doc.warnings.append(f"the last {len(tail)} paragraph(s) are in {other}, not the English article: "
                            f"moved out of the body, shown under '{UNTRANSLATED.get(other, 'Untranslated')}'")
        note = ("The source ends with this text, left untranslated. It is shown as found, apart from the article.")
        paragraphs = "\n\n".join(f"{escape(line.text.strip())}\n{{: lang=\"{other}\" }}" for line in tail)
        doc.appendix.append(f"## {UNTRANSLATED.get(other, 'Untranslated')}\n\n{note}\n\n{paragraphs}")
    texts = [line.text.strip() for line in doc.body]
    found = dateline(texts[0]) if texts else None
    if found and not doc.meta.get("source"):
        doc.meta["source"] = found[0]
    if derived_title:
        title = headline(_line_above(doc.lines) + texts)
        if title:
            doc.meta["title"] = title
    return doc
