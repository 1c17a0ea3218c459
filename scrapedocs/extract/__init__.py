"""Stage 4: metadata buried in the text becomes front-matter fields.

Fields come from the lines the cleaner removed (the page's header, byline and
footer), never from the article body, except a closing byline such as
（记者 孙自法）. A field the page does not state is left out, never guessed.
"""
from __future__ import annotations

import re

from ..model import BEFORE, Document, Line
from ..restore import RestoreConfig, restore
from ..text import HAN
from .english import english_article
from .fields import byline_fields, closing_byline, labelled_fields, parse_date

_URL = re.compile(r"https?://[^\s，。；、“”\"'<>（）()【】\[\]]+")
_BYLINE = re.compile(r"^[（(]\s*(?:本报)?记者\s*(?P<name>[^）()]{2,20}?)\s*[）)]$|[（(]\s*(?:本报)?记者\s+(?P<tail>[%s·]{2,4}(?:\s+[%s·]{2,4})*)\s*[）)]\s*$" % (HAN, HAN))
_SUMMARY = re.compile(r"^\s*(?:核心提示|内容提要|内容摘要|摘要|导读|导语)\s*[:：]\s*(?P<text>.+)$")
_OUTLET = re.compile(r"^[%s\w]{2,12}(?:综合|日报|晚报|早报|时报|新闻网|网|报|社|电视台|广播电台|杂志|在线|客户端|频道)$" % HAN)
_BULLET = re.compile(r"^[*+•·-]\s+")  # list markers of crawler dumps
TITLE_WINDOW = 15  # non-blank lines above the article searched for its headline
_DATE_LINE = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+[\d:]+)?\s*$")


def _clean_name(value: str) -> str:
    """The name itself, without what a crawler glued after it ('新华社 分享')."""
    value = re.split(r"\s{2,}|[|｜/]", value)[0]
    if re.search(f"[{HAN}]", value):
        value = value.split()[0] if value.split() else value
    return value.strip(" 　:：,，;；[]【】")


def _first_url(lines: list[Line]) -> str | None:
    ranked = sorted(
        (not re.search(r"链接|原文|出处|来源|地址|转载|网址", line.text), i, m.group(0).rstrip(".,:;"))
        for i, line in enumerate(lines)
        for m in [_URL.search(line.text)] if m
    )
    return ranked[0][2] if ranked else None


def _title(head: list[Line]) -> str | None:
    """The page's headline: the longest plain line just above the article.

    Crawler dumps put menus and logos first, so the first plain line is often
    the site's name; the headline is the most substantial plain line among
    the last few before the article.
    """
    candidates = [
        re.sub(r"\s+", " ", _BULLET.sub("", line.text.strip())) for line in head[-TITLE_WINDOW:]
        if line.reason == BEFORE and 4 <= len(line.text.strip()) <= 80 and not _DATE_LINE.match(line.text)
    ]
    return max(reversed(candidates), key=len, default=None)


def derived_title(doc: Document) -> str:
    """A short title from the opening of the body, for pages without a headline."""
    first = doc.body[0].text.strip() if doc.body else doc.relpath
    if re.search(f"[{HAN}]", first[:40]):
        clause = re.split(r"[，。；：！？]", first)[0]
        return clause if len(clause) <= 30 else clause[:30] + "…"
    # English: drop a dateline ("China News Service, Beijing, September 22."),
    # then keep the sentence's first words.
    sentence = re.sub(r"^[A-Z][\w .'-]*,\s*[A-Z][\w .'-]*,\s*[A-Z][a-z]+\.? \d{1,2}[.,:]\s*", "", first)
    sentence = re.split(r"(?<=[.!?])\s", sentence)[0]
    words = sentence.split()
    return sentence.rstrip(".") if len(words) <= 10 else " ".join(words[:10]).rstrip(",;:") + "…"


def detect_lang(lines: list[Line]) -> str:
    text = "".join(line.text for line in lines)
    han = len(re.findall(f"[{HAN}]", text))
    words = len(re.findall(r"[A-Za-z]+", text))
    return "zh" if han >= words else "en"


BYLINE_SPAN = 60  # characters: a byline is a short line (or the opening of the first paragraph)


def _byline_near_article(head: list[Line], body: list[Line]) -> dict[str, str]:
    """A date or author stated just above the article or in its own first and last lines.

    Crawler dumps print '2019-09-07 13:43:45 来源: 红周刊' or '澎湃新闻记者 贺梨萍' under the headline,
    '（记者 裴剑飞）' in the first paragraph and '扬子晚报记者 张楠' under the last: the nearest wins.
    """
    near = [line.text.strip() for line in head[-TITLE_WINDOW:]][::-1]
    found = {}
    date = next((parse_date(text) for text in near if len(text) <= BYLINE_SPAN and parse_date(text)), None)
    if date:
        found["date"] = date
    texts = [line.text.strip() for line in body]
    author = byline_fields(near).author or closing_byline(texts)
    if author:
        found["author"] = author
    return found


def hinted_fields(doc: Document) -> dict:
    """Fields the reader found (HTML <meta> and bylines, Markdown front matter): they beat text cues.

    String values get the document's restore repairs, so a Traditional page's title is folded too.
    """
    config = RestoreConfig(script=doc.meta.get("original_script") == "hant")
    out = {}
    for key, value in doc.hints.items():
        if isinstance(value, str):
            value = restore(value, config)
        if key == "date":
            value = parse_date(str(value))
        if value:
            out[key] = value
    return out


def extract(doc: Document) -> Document:
    """Fill `doc.meta` from the page's header, byline and footer lines."""
    kept = [i for i, line in enumerate(doc.lines) if line.kept and line.text.strip()]
    first, last = (kept[0], kept[-1]) if kept else (len(doc.lines), len(doc.lines))
    head = [line for line in doc.lines[:first] if line.text.strip()]
    outside = [line for line in doc.lines if not line.kept and line.text.strip()]
    meta: dict = {"source_file": doc.path.name}

    title = _title(head)
    fields: dict[str, str] = {}
    for line in outside:
        for name, value in labelled_fields(line.text):
            fields.setdefault(name, value)
    if "date" in fields and not parse_date(fields["date"]):
        del fields["date"]
    for i, line in enumerate(head):
        if "date" not in fields and _DATE_LINE.match(line.text):
            fields["date"] = line.text
            # An outlet named on its own line beside the date (e.g. 新华网, XX综合).
            for near in head[max(0, i - 2): i + 3]:
                if "source" not in fields and _OUTLET.match(near.text.strip()):
                    fields["source"] = near.text.strip()
    body_end = doc.body[-1].text.strip() if doc.body else ""
    byline = _BYLINE.search(body_end)
    if "author" not in fields and byline:
        fields["author"] = byline["name"] or byline["tail"]
    fields |= {k: v for k, v in _byline_near_article(head, doc.body).items() if k not in fields}

    if not title and not doc.hints.get("title"):
        doc.warnings.append("no headline found: title derived from the opening sentence")
    meta["title"] = title or derived_title(doc)
    if "date" in fields:
        meta["date"] = parse_date(fields["date"])
    for name in ("source", "author", "editor"):
        if name in fields and _clean_name(fields[name]):
            meta[name] = _clean_name(fields[name])
    url = _first_url(outside)
    if url:
        meta["url"] = url
    meta["lang"] = detect_lang(doc.body)
    for line in doc.lines:
        m = _SUMMARY.match(line.text)
        if m:
            summary = m["text"].strip()
            # A summary cut off mid-sentence by the site says so.
            meta["description"] = summary if re.search(r"[。！？…”]$", summary) else summary + "…"
            break
    if doc.meta.get("original_script"):
        meta["original_script"] = doc.meta["original_script"]
    meta |= hinted_fields(doc)
    doc.meta = {k: v for k, v in meta.items() if v}
    if doc.meta.get("lang") == "en":
        english_article(doc, derived_title=not title and not doc.hints.get("title"))
    return doc
