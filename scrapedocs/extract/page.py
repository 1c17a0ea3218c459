"""Metadata an HTML page states: `<title>`, `<meta>`, canonical link, byline, JSON data."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment

from ..text import node_text as _text
from ..text import tidy
from .fields import (
    _person,
    byline_fields,
    editor_name,
    labelled_fields,
    parse_date,
    person_names,
    short_stamp_date,
    post_date,
    poster,
    unlabelled_author,
)

_META_FIELDS = {
    "title": ("og:title", "twitter:title", "title", "headline"),
    "description": ("description", "og:description", "twitter:description"),
    "keywords": ("keywords", "news_keywords"),
    "date": ("article:published_time", "og:release_date", "publishdate", "pubdate", "publish_date", "publishtime",
             "publish_time", "datepublished", "date", "dc.date", "dc.date.issued", "firstpublishedtime",
             "sailthru.date", "weibo: article:create_at", "article:published", "apub:time", "pubtime"),
    "author": ("author", "article:author", "dc.creator", "byl"),
    "source": ("source", "og:site_name", "mediaid", "contentsource"),
    "url": ("og:url", "twitter:url", "url"),
}


def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """`<meta name|property|itemprop=… content=…>`, lower-cased names, first wins."""
    out: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        value = (tag.get("content") or "").strip()
        if key and value:
            out.setdefault(key, value)
    return out


def canonical_url(soup: BeautifulSoup, metas: dict[str, str]) -> str | None:
    for link in soup.find_all("link", href=True):
        if "canonical" in [r.lower() for r in (link.get("rel") or [])] and link["href"].startswith("http"):
            return link["href"].strip()
    for key in _META_FIELDS["url"]:
        if metas.get(key, "").startswith("http"):
            return metas[key]
    return None


_OUTLET_NAME = re.compile(r"(?:网|报|社|台|新闻|资讯|频道|客户端|官网|\.(?:com|cn|net))$|^[a-z]+$|^未知$", re.I)


def _meta_author(metas: dict[str, str], site_names: str) -> str | None:
    """`<meta name=author>` when it names a person: sites often put their own name (网易) there."""
    for key in _META_FIELDS["author"]:
        name = _person(metas.get(key, ""))
        if name and not _OUTLET_NAME.search(name) and name not in site_names:
            return name
    return None


_JSON_DATE = re.compile(r'"(?:datePublished|publishDate|pubDate|pubtime|publish_?[tT]ime|publishedAt)"\s*:\s*"([^"]{8,40})"')
_SAVED_FROM = re.compile(r"\A\s*(?:<!--\s*saved from url=\(\d+\))?\s*<!--\s*(https?://\S+?)\s*-->")


def _script_date(html: str) -> str | None:
    """A publication date in the page's JSON (JSON-LD, or the data of a script-rendered page)."""
    m = _JSON_DATE.search(html)
    return parse_date(m[1]) if m else None


def _url_date(url: str) -> str | None:
    m = re.search(r"/((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?:/|\d|_|\.)", url or "")
    return parse_date(f"{m[1]}-{m[2]}-{m[3]}") if m else None


@dataclass
class PageFacts:
    """What the page states about itself, read before the extractor cuts the page up."""

    html: str
    metas: dict[str, str]
    title: str  # the <title>
    url: str | None
    texts: list[str]  # the visible strings, in order
    time: str | None  # the first <time datetime>
    named_author: str | None = None  # the text of the first element the page names as its author


def page_facts(soup: BeautifulSoup, html: str = "") -> PageFacts:
    metas = meta_tags(soup)
    title_tag = soup.find("title")
    saved = _SAVED_FROM.match(html)
    time_tag = soup.find("time", attrs={"datetime": True})
    return PageFacts(html, metas, _text(title_tag) if title_tag else "", canonical_url(soup, metas) or (saved[1] if saved else None),
                     visible_strings(soup), time_tag["datetime"] if time_tag else None, named_author(soup))


#: Class and id words of the element that holds a page's author (a byline, a self-media account's name).
AUTHOR_NAMES = re.compile(r"(?:^|[\s_-])(?:author|author-?name|authorname|byline|writer|wemedia|media-?user|"
                          r"media_?name|post_wemedia_name|rich_media_meta_text|nickname|user-?name|username)(?:$|[\s_-]|\d)",
                          re.I)
_NOT_AUTHOR_HOLDER = re.compile(r"comment|reply|reward|recommend|related|footer|sidebar", re.I)
MAX_AUTHOR_ELEMENTS = 20  # elements named author looked at, in page order
MAX_NAMED_AUTHOR = 20  # characters of such an element's text that may be a name


def _names(tag) -> str:
    classes = tag.get("class") or []
    return " ".join([*(classes if isinstance(classes, list) else [classes]), tag.get("id") or ""])


def named_author(soup: BeautifulSoup) -> str | None:
    """The name in the first element the page marks as its author (class author, itemprop or rel author),
    outside comments and asides: a self-media account (松科说娱乐), a blog's byline."""
    looked = 0
    for tag in soup.find_all(True):
        if not (tag.get("itemprop") == "author" or "author" in (tag.get("rel") or []) or AUTHOR_NAMES.search(_names(tag))):
            continue
        looked += 1
        if looked > MAX_AUTHOR_ELEMENTS:
            break
        if any(_NOT_AUTHOR_HOLDER.search(_names(p)) for p in [tag, *tag.parents][:6] if hasattr(p, "get")):
            continue
        text = tidy(_text(tag))
        name = _person(text) if 2 <= len(text) <= MAX_NAMED_AUTHOR else None
        if name and not re.search(r"\d{4}|[:：]$", name):
            return name
    return None


def page_hints(facts: PageFacts, title: str) -> dict[str, str]:
    """Metadata the page states: title, date, author, source, editor, url, description, keywords.

    `title` is the headline (`clean.html.headline`): bylines stand under it. For
    the date, the page's own statement wins over dates that merely stand on it:
    meta tags, then the byline under the headline, then structured data, then a
    labelled date (发布时间：…) anywhere, then the URL; never the copyright year
    or a sidebar's list.
    """
    metas, texts, html = facts.metas, facts.texts, facts.html
    hints: dict[str, str] = {}
    if title:
        hints["title"] = title
    for key in ("description", "keywords"):
        value = next((metas[k] for k in _META_FIELDS[key] if metas.get(k)), "")
        if value:
            hints[key] = tidy(value)
    url = facts.url
    if url:
        hints["url"] = url
    lines = near_headline(texts, title)
    byline = byline_fields(lines)
    meta_date = next((parse_date(metas[k]) for k in _META_FIELDS["date"] if metas.get(k) and parse_date(metas[k])),
                     None)
    strings = page_strings(texts)
    date = (written_date(strings) or byline.date or meta_date or _script_date(html)
            or (parse_date(facts.time) if facts.time else None) or labelled_date(strings)
            or next((d for d in map(short_stamp_date, strings) if d), None)  # 24-5-13 17:07, which htmldate reads day first
            or htmldate_date(html) or _url_date(url))
    if date:
        hints["date"] = date
    author = person_names(byline.author or next((a for a in map(unlabelled_author, lines) if a), None)
                          or next((a for a in map(poster, lines[:POSTER_WINDOW]) if a), None)
                          or (facts.named_author if facts.named_author and any(facts.named_author in line for line in lines)
                              else None)
                          or _meta_author(metas, facts.title + metas.get("og:site_name", "")))
    if author:
        hints["author"] = author
    editor = byline.editor or next((e for e in map(editor_name, strings) if e), None)
    meta_source = next((_person(re.sub(r"^来源[:：]", "", metas[k])) for k in ("source", "contentsource")
                        if metas.get(k)), None)
    source = byline.source or meta_source
    if source:
        hints["source"] = source
    if editor:
        hints["editor"] = editor
    return hints


POSTER_WINDOW = 6  # near-headline lines (each alone, then joined with the next) searched for a poster's stamp
MAX_FIELD_LINE = 200  # characters: labels and stamps stand on short lines


def page_strings(texts: list[str]) -> list[str]:
    """The page's short text lines, in order: a label and its value joined when they sit in separate elements."""
    out = []
    for i, text in enumerate(texts):
        if len(text) <= MAX_FIELD_LINE:
            label_alone = len(text) < 12 and text.endswith((":", "：")) and i + 1 < len(texts)
            out.append(f"{text} {texts[i + 1]}" if label_alone else text)
    return out


def written_date(strings: list[str]) -> str | None:
    """A notice's 成文日期: when the page states it beside 发布日期, the document's own date wins."""
    for text in strings:
        if "成文日期" in text:
            for name, value in labelled_fields(text):
                if name == "written_date" and parse_date(value):
                    return parse_date(value)
    return None


def labelled_date(strings: list[str]) -> str | None:
    """The first date the page labels or stamps as the publication date, wherever it stands.

    发布时间：…, 发表于 2004年12月27日 12:40 (a blog's footer), 本贴由 X 于2005年8月12日 (a forum's).
    """
    for text in strings:
        if re.search("发布|发表|日期|时间|于", text):
            for name, value in labelled_fields(text):
                if name == "date" and parse_date(value):
                    return parse_date(value)
            if post_date(text):
                return post_date(text)
    return None


def htmldate_date(html: str) -> str | None:
    """htmldate's reading of the page (its markup, meta data and URL), when the text states no date."""
    try:
        from htmldate import find_date

        found = find_date(html, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001  a library failure is no date, never a lost page
        return None
    return parse_date(found) if found else None


def page_author(strings: list[str]) -> str | None:
    """An author the page names anywhere without a label: 本报记者X发自, （X 上海报道）, 本贴由 X 于…."""
    return next((a for a in map(unlabelled_author, strings) if a), None)


BYLINE_WINDOW = 12  # text lines after the headline searched for the byline


def visible_strings(soup: BeautifulSoup) -> list[str]:
    """The page's text strings in order, white space tidied, without scripts, styles, comments and the <title>."""
    texts = (tidy(s) for s in soup.find_all(string=True)
             if not isinstance(s, Comment) and s.parent is not None and s.parent.name not in ("script", "style", "title"))
    return [t for t in texts if t]


def near_headline(strings: list[str], title: str) -> list[str]:
    """Short text lines just after the page's headline (or the top of the body): where bylines stand."""
    start = 0
    key = re.sub(r"\s", "", title)[:12]
    if key:
        for i, s in enumerate(strings):
            if key and key in re.sub(r"\s", "", s) and len(s) <= len(title) + 20:
                start = i + 1
                break
    # Labels and values often sit in separate elements: each line, then it joined with the next.
    window = strings[start:start + BYLINE_WINDOW]
    return [text for i in range(len(window)) for text in (window[i], " ".join(window[i:i + 2]))]
