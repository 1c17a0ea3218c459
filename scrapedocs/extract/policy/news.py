"""文种 of pages that are not official documents: 新闻 only from evidence, 博客, 论坛, 问答 from the page's kind.

A reader filters by 文种, so a page is 新闻 only when it prints what news
prints: a dateline (电头) opening the story, 本报讯 and its kin, a reporter's
byline, or an outlet named with the date above the story. A blog post, a forum
thread, a poem or an encyclopedia page that names an author is not news, and
gets no 文种 unless the clean stage recognised its kind (`doc.hints["genre"]`).
Each finder says what it saw, for `policy.explain`.
"""
from __future__ import annotations

import re
from html import unescape

from ...model import Document
from ...text import HAN
from ..english import dateline
from ..fields import labelled_fields, parse_date

#: Page kinds the clean stage recognises (`doc.hints["genre"]`) and their 文种.
GENRES = {"blog": "博客", "forum": "论坛", "qa": "问答"}

_OUTLET = rf"[{HAN}A-Za-z]{{2,12}}?(?:社|网|报|台|新闻|客户端|频道)"
#: 电头: 新华社北京3月4日电, 中新网5月1日电, 本报北京5月1日讯, 中国青年报客户端北京5月1日电, 央视网消息.
_DATELINE = re.compile(
    rf"^[【\[]?\s*(?:{_OUTLET}|本报|本刊)\s*(?:[{HAN}]{{2,8}}?)?\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?:电|讯|消息)"
    rf"|^[【\[]?\s*{_OUTLET}消息\s*[（(：:]")
#: 本报讯, 新京报讯（记者 X）, 新浪财经讯 5月25日: 讯 after the outlet, at the opening of the story.
_XUN = re.compile(rf"^[【\[]?\s*(?:本报|本刊|[{HAN}A-Za-z0-9]{{2,10}}?)讯\s*(?:[（(【\[：:\s]|$)")
#: A reporter's byline: 本报记者 X, （记者 X）, 记者：X, 澎湃新闻记者 X, 本报记者王小明李四发自北京, 日前，记者从…获悉,
#: （总台央视记者 X Y）; not 接受中新社记者专访, 记者会, 记者们 (reporters the story talks about).
_REPORTER = re.compile(
    rf"(?:^|[（(【\[\s，,。：:])(?:{_OUTLET})?(?:本报|本台|本网|本刊)?(?:特约|实习|首席|驻[{HAN}]{{1,6}})?记者"
    rf"(?!专访|采访|提问|会|节|站|证|们)"
    rf"(?:\s*[:：]\s*[{HAN}·]{{2,8}}|\s+[{HAN}·]{{2,4}}|[{HAN}·]{{2,8}}?(?:[\s）)】\]，,、]|$|发自|报道)|从|获悉|了解到|近日|日前)"
    rf"|[（(][^（）()]{{0,10}}记者\s*[{HAN}·]{{2,4}}")
#: A news outlet's name: 新华网, 中新社, 人民日报, 证券市场红周刊, 秦英汇综合, China News Service.
_OUTLET_END = r"(?:社|报|网|台|新闻|综合|频道|客户端|周刊|杂志|消息)"
NEWS_OUTLET = re.compile(rf"{_OUTLET_END}$|(?:News|Service|Xinhua|Daily|Times|Press|Reuters)$", re.I)
_OUTLET_IN_BYLINE = re.compile(rf"(?:^|[\s/|｜·-])([{HAN}A-Za-z0-9]{{2,16}}?{_OUTLET_END})(?=[\s/|｜·-]|$)")
#: What a CMS prints as the source when it names no outlet, and sources that are not news outlets.
NOT_AN_OUTLET = re.compile(r"^(?:网络|互联网|本站|本网|本站原创|原创|转载|网友|未知|佚名|不详|综合|网络整理|综合整理)$"
                           r"|论坛|社区|贴吧|博客|微博|问答|知道|百科|BBS", re.I)

OPENING = 80  # characters of the story's first paragraphs where a dateline or 讯 stands
SHORT = 60  # characters: a byline is a short line
BYLINE_LINES = 8  # lines just above (and below) the story searched for a byline


def news_evidence(doc: Document) -> str | None:
    """What shows the page is news, or None: the opening's dateline or 讯, a reporter's byline, an outlet and date.

    Looks at the story's own opening and closing lines, the byline lines just
    around it, and the source and date `extract` read from them.
    """
    body = [line.text.strip() for line in doc.body]
    for text in body[:2]:
        opening = text[:OPENING]
        found = _DATELINE.search(opening) or _XUN.search(opening)
        if found:
            return f"dateline: {found[0].rstrip('（(【[：: ')}"
        english = dateline(text)
        if english:
            return f"dateline: {english[0]}"
        if _REPORTER.search(text[:SHORT]):
            return "reporter's byline"
    bylines = [text for text in _around(doc) if len(text) <= SHORT]
    closing = [text for text in body[-3:] if len(text) <= SHORT]
    if any(_REPORTER.search(text) for text in closing + bylines):
        return "reporter's byline"
    for i, text in enumerate(bylines):
        outlet = _outlet(text, bylines[i + 1] if i + 1 < len(bylines) else "")
        if outlet and any(parse_date(near) for near in bylines[max(0, i - 1):i + 2]):
            return f"outlet and date in the byline: {outlet}"
    source = str(doc.meta.get("source") or "")
    if NEWS_OUTLET.search(source) and not NOT_AN_OUTLET.search(source) and doc.meta.get("date"):
        return f"outlet and date in the byline: {source}"
    return None


def _outlet(text: str, after: str) -> str | None:
    """The outlet a byline line names: by its form (环球网, 北京日报) or by its label (来源：商讯, the value on the next line)."""
    found = _OUTLET_IN_BYLINE.search(text)
    name = found[1] if found else None
    if not name:
        label_alone = re.fullmatch(r".{0,30}?(?:来源|出处)\s*[:：]\s*", text)
        name = dict(labelled_fields(f"{text} {after}" if label_alone else text)).get("source")
    return name if name and not NOT_AN_OUTLET.search(name) else None


def _around(doc: Document) -> list[str]:
    """The lines just above and below the story: the byline stands there.

    A text dump still holds them (removed); an HTML page's lines are its article
    only, so its byline is read from the page's source just above the article's
    first line, tags and scripts dropped.
    """
    kept = [i for i, line in enumerate(doc.lines) if line.kept and line.text.strip()]
    if not kept:
        return []
    if doc.kind == "html" and doc.raw:
        return _html_above(doc.raw, doc.lines[kept[0]].text.strip())
    around = doc.lines[max(0, kept[0] - BYLINE_LINES):kept[0]] + doc.lines[kept[-1] + 1:kept[-1] + 1 + BYLINE_LINES]
    return [line.text.strip() for line in around if line.text.strip()]


HTML_ABOVE = 6000  # characters of markup above the article's first line searched for its byline
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")


def _html_above(html: str, first: str) -> list[str]:
    """The text lines of the markup just above where the article's first line starts (none when it is not found)."""
    key = re.sub(r"^(?:#+|-)\s+", "", first)[:12]
    body = html.find("<body")  # not the <meta name=description> that repeats the opening
    at = html.find(key, max(body, 0)) if len(key) >= 4 else -1
    if at < 0:
        return []
    chunk = _TAG.sub("\n", _SCRIPT.sub("", html[max(0, at - HTML_ABOVE):at]))
    lines = [re.sub(r"\s+", " ", unescape(text)).strip() for text in chunk.split("\n")]
    return [text for text in lines if text][-BYLINE_LINES * 2:]


def page_kind(doc: Document) -> tuple[str, str] | None:
    """(文种, why) of a page that is not an official document: its kind (博客, 论坛, 问答), else 新闻 on evidence.

    >>> from pathlib import Path
    >>> doc = Document(Path("a.html"), "a.html", hints={"genre": "forum"})
    >>> page_kind(doc)
    ('论坛', 'page kind: forum')
    """
    genre = doc.hints.get("genre")
    if genre in GENRES:
        return GENRES[genre], f"page kind: {genre}"
    evidence = news_evidence(doc)
    return ("新闻", f"news ({evidence})") if evidence else None
