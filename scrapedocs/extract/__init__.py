"""Stage 4: metadata buried in the text becomes front-matter fields.

Fields come from the lines the cleaner removed (the page's header, byline and
footer), never from the article body, except a closing byline such as
（记者 孙自法）. A field the page does not state is left out, never guessed.
"""
from __future__ import annotations

import re

from ..language import HANGUL, KANA, NOT_CHINESE
from ..model import BEFORE, Document, Line
from ..restore import body_language, repairs_for, restore
from ..structure import outline_kind
from ..text import HAN
from .english import english_article
from .fields import (
    _person,
    byline_fields,
    closing_byline,
    editor_name,
    labelled_fields,
    parse_date,
    person_names,
    post_date,
    poster,
    unlabelled_author,
)

_URL = re.compile(r"https?://[^\s，。；、“”\"'<>（）()【】\[\]]+")
_BYLINE = re.compile(r"^[（(]\s*(?:本报)?记者\s*(?P<name>[^）()]{2,20}?)\s*[）)]$|[（(]\s*(?:本报)?记者\s+(?P<tail>[%s·]{2,4}(?:\s+[%s·]{2,4})*)\s*[）)]\s*$" % (HAN, HAN))
_SUMMARY = re.compile(r"^\s*(?:核心提示|内容提要|内容摘要|摘要|导读|导语)\s*[:：]\s*(?P<text>.+)$")
_OUTLET = re.compile(r"^[%s\w]{2,12}(?:综合|日报|晚报|早报|时报|新闻网|网|报|社|电视台|广播电台|杂志|在线|客户端|频道)$" % HAN)
_BULLET = re.compile(r"^[*+•·-]\s+")  # list markers of crawler dumps
TITLE_WINDOW = 15  # non-blank lines above the article searched for its headline
_DATE_LED = re.compile(r"^\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_DATE_LINE = re.compile(r"^\s*\d{4}\s*[-/.年년]\s*\d{1,2}\s*[-/.月월]\s*\d{1,2}\s*[日일]?(?:\s+[\d:]+)?\s*$")


def _clean_name(value: str) -> str:
    """The name itself, without what a crawler glued after it ('新华社 分享')."""
    value = re.split(r"\s{2,}|[|｜/]", value)[0]
    if re.search(f"[{HAN}]", value):
        value = value.split()[0] if value.split() else value
    return value.strip(" 　:：,，;；[]【】")


SHORT_BYLINE = 20  # characters: a body line this short may be the byline (扬子晚报记者 张楠)
MAX_NAME = 6  # Chinese characters in one unspaced name (or an outlet named as the author)
_GIVEN_NAME = re.compile(f"^[{HAN}·]{{2,4}}$")


def _people(value: str) -> str | None:
    """Names of people a byline value lists ('李四 王五', '杜硕_NB12556' → '杜硕'), or None when it is not a list of names."""
    names = (person_names(_person(value)) or "").split()
    if names and all(_GIVEN_NAME.match(n) for n in names):
        return " ".join(names)
    return None


def _first_url(lines: list[Line]) -> str | None:
    ranked = sorted(
        (not re.search(r"链接|原文|出处|来源|地址|转载|网址", line.text), i, m.group(0).rstrip(".,:;"))
        for i, line in enumerate(lines)
        for m in [_URL.search(line.text)] if m
    )
    return ranked[0][2] if ranked else None


_MARKUP = re.compile(r"^\s*<[A-Za-z!/]|^\s*(?:https?://|www\.)\S+\s*$")  # an injected <iframe …>, a bare URL
_CLAUSE_END = re.compile(r"[，,：:；;、]\s*$")  # 各省、自治区、直辖市人民政府： 另一方面，— a body's clause, not a headline
HEADLINE_HAN = 8  # Chinese characters: a line this long that mentions a menu word (商标注册) is a headline, not a menu


def _headline_candidate(line: Line, lang: str = "zh") -> bool:
    text = line.text.strip()
    if not 4 <= len(text) <= 80 or _DATE_LINE.match(text) or _MARKUP.match(text) or _CLAUSE_END.search(text):
        return False
    if "。" in text.rstrip("。"):  # two sentences: a paragraph of the article, not its headline
        return False
    if line.reason == BEFORE or line.reason == "menu" and lang == "ko":
        return True  # Korean spaces its words: the chrome lexicon takes a headline for a menu line
    # The chrome lexicon decides short menu-like lines, not the headline: 关于加强商标注册管理的通知 names 注册.
    return line.reason == "navigation" and len(re.findall(f"[{HAN}]", text)) >= HEADLINE_HAN and len(text.split()) <= 2


def _title(head: list[Line], lang: str = "zh") -> str | None:
    """The page's headline: the most substantial plain line just above the article.

    Crawler dumps put menus and logos first, so the first plain line is often
    the site's name; the headline is the most substantial plain line among
    the last few before the article: the most Chinese characters (or, for an
    English page, letters: not the outlet and date line above it), never markup,
    a URL or a clause ending in a comma.
    """
    candidates = [re.sub(r"\s+", " ", _BULLET.sub("", line.text.strip())) for line in head[-TITLE_WINDOW:]
                  if _headline_candidate(line, lang)]
    cjk = f"[{HAN}{KANA}{HANGUL}]"
    chinese = lang != "en" and any(re.search(cjk, c) for c in candidates)
    weight = (lambda t: len(re.findall(cjk, t))) if chinese else (lambda t: len(re.findall("[A-Za-z]", t)))
    return max(reversed(candidates), key=weight, default=None)


MAX_LEADING_HEADLINE = 60  # characters: a longer first line is the article's first paragraph
_SENTENCE_END = re.compile(r"[。！？!?…；;]\s*[”’」』）)]*\s*$")


def leading_headline(doc: Document) -> str | None:
    """A dump whose article starts with its own headline: the first kept line, when it reads like one.

    The cleaner keeps 陶鑫良：全面提升专利转化运用，助力乡村振兴 with the article
    (its comma is sentence punctuation); a short first line that ends no sentence,
    is no outline heading and stands above a longer paragraph is the headline.
    """
    body = doc.body
    if doc.kind != "text" or len(body) < 2:
        return None
    text, after = body[0].text.strip(), body[1].text.strip()
    if not 4 <= len(text) <= MAX_LEADING_HEADLINE or _SENTENCE_END.search(text) or _CLAUSE_END.search(text):
        return None
    if outline_kind(text) or _MARKUP.match(text) or _DATE_LINE.match(text) or len(after) <= len(text):
        return None
    body[0].kept, body[0].reason = False, "headline"
    return re.sub(r"\s+", " ", text)


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


def opening(doc: Document) -> list[Line]:
    """The article's own lines: a thread's first post, without the replies under it (their bylines are not its)."""
    body = doc.body
    first_reply = next((i for i, line in enumerate(body) if line.role == "post"), len(body))
    return body[:first_reply]


#: Hints that inform a stage but are no front-matter field: the page's kind (blog, forum, qa) decides its 文种.
NOT_FIELDS = {"genre"}


def hinted_fields(doc: Document) -> dict:
    """Fields the reader found (HTML <meta> and bylines, Markdown front matter): they beat text cues.

    String values get the document's restore repairs, so a Traditional page's title is folded too
    (and a Japanese page's is left as written).
    """
    config = repairs_for(doc.meta)
    out = {}
    for key, value in doc.hints.items():
        if key in NOT_FIELDS:
            continue
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

    # Restore decided Japanese and Korean (its repairs depend on it); Chinese or English is read from the
    # restored body: pinyin annotations no longer count as Latin words.
    lang = doc.meta.get("lang") if doc.meta.get("lang") in NOT_CHINESE else body_language(doc)
    title = _title(head, lang)
    fields: dict[str, str] = {}
    for line in outside:
        for name, value in labelled_fields(line.text):
            fields.setdefault(name, value)
    if parse_date(fields.get("written_date", "")):
        fields["date"] = fields["written_date"]  # a notice's 成文日期 beats its 发布日期
    if "date" in fields and not parse_date(fields["date"]):
        del fields["date"]
    for i, line in enumerate(head):
        if "date" not in fields and _DATE_LINE.match(line.text):
            fields["date"] = line.text
            # An outlet named on its own line beside the date (e.g. 新华网, XX综合).
            for near in head[max(0, i - 2): i + 3]:
                if "source" not in fields and _OUTLET.match(near.text.strip()):
                    fields["source"] = near.text.strip()
    own = opening(doc)
    body_end = own[-1].text.strip() if own else ""
    byline = _BYLINE.search(body_end)
    if "author" not in fields and byline:
        fields["author"] = byline["name"] or byline["tail"]
    # Bylines without labels (本报记者X发自北京, （X 上海报道）, 本贴由 X 于…) and post stamps (发表于 …).
    edges = [line.text for line in own[:2] + own[-3:]] + [
        line.text for line in own if len(line.text.strip()) <= SHORT_BYLINE]
    around = [line.text for line in outside] + edges
    if "author" not in fields:
        fields |= {"author": a for a in [next((a for a in map(unlabelled_author, around) if a), None)] if a}
    if "author" not in fields:  # a poster's or account's stamp under the headline: 华夏人文 2020-03-09 18:14
        below = [x.text for x in head[-TITLE_WINDOW:]]
        below = below[below.index(title) + 1:] if title in below else below[-4:]
        fields |= {"author": a for a in [next((a for a in map(poster, below) if a), None)] if a}
    fields |= {k: v for k, v in _byline_near_article(head, own).items() if k not in fields}
    if "date" not in fields:
        fields |= {"date": d for d in [next((d for d in map(post_date, around) if d), None)] if d}
    if "date" not in fields:  # a stamp above the article, however far: 2019-05-17 · 苏皖城市报道, 华夏人文 2020-03-09 18:14
        stamps = (parse_date(x.text) for x in reversed(head)
                  if len(x.text.strip()) <= BYLINE_SPAN and (_DATE_LED.match(x.text) or poster(x.text)))
        fields |= {"date": d for d in [next((d for d in stamps if d), None)] if d}
    if "editor" not in fields:
        fields |= {"editor": e for e in [next((e for e in map(editor_name, around) if e), None)] if e}

    if not title and not doc.hints.get("title"):
        title = leading_headline(doc)
    if not title and not doc.hints.get("title"):
        doc.warnings.append("no headline found: title derived from the opening sentence")
    meta["title"] = title or derived_title(doc)
    if "date" in fields:
        meta["date"] = parse_date(fields["date"])
    for name in ("source", "author", "editor"):
        value = _people(fields.get(name, "")) if name != "source" else None
        value = value or (_clean_name(fields[name]) if name in fields else None)
        if value and name != "source" and any(len(n) > MAX_NAME for n in value.split()) \
                and not re.search("[A-Za-z]", value):
            continue  # 记者:中国是我的国家 is a headline quoting a reporter, not a byline
        if value:
            meta[name] = value
    url = _first_url(outside)
    if url:
        meta["url"] = url
    meta["lang"] = lang
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
    if not meta.get("author") and meta.get("editor"):
        meta["author"] = meta["editor"]  # the page names only its editor: the person answerable for it
    doc.meta = {k: v for k, v in meta.items() if v}
    if doc.meta.get("lang") == "en":
        english_article(doc, derived_title=not title and not doc.hints.get("title"))
    return doc
