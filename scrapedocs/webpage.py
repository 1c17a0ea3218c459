"""A raw HTML page becomes its article: text lines plus metadata hints.

The page is parsed with BeautifulSoup over lxml. Metadata is read first, from
the whole page (`<title>`, `<meta>`, canonical links, bylines near the
headline). Then what is never article is dropped (scripts, navigation,
forms, comments, and elements whose class or id names a known kind of noise)
and the article is chosen the way Readability does, with scores that suit
Chinese pages: every paragraph-like element scores by its length and its
sentence punctuation (，。、；：！？ count), the score flows to its parent and
grandparent, link-heavy elements are discounted, and the best-scoring element
is the article, joined by siblings that score nearly as well.

The article comes out as one line per block: headings as "## …", list items
as "- …", tables as Markdown table rows ("| a | b |"), images as their alt
text. Lines are data for the later stages; nothing here escapes Markdown.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .extract import labelled_fields, parse_date
from .restore import HAN

#: Tags that are never article text.
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "aside", "form",
             "button", "select", "textarea", "input", "svg", "canvas", "object", "embed", "audio", "video",
             "link", "meta")
#: Class/id words that name noise: share bars, comments, pagers, related lists, calendars, …
NOISE_WORDS = re.compile(
    r"share|comment|pinglun|reply|pager|pagination|pagebox|related|relate|recommend|xiangguan|tuijian|calendar|"
    r"breadcrumb|crumb|sidebar|side_bar|side-bar|footer|copyright|advert|qrcode|erweima|toolbar|"
    r"hotnews|hot_news|hot-news|ranking|paihang|login|statement|disclaimer|more_news|morenews|"
    r"(?:^|[\s_-])(?:nav|navbar|menu|ad|ads|tags?|rank|hot|header|foot|weixin|wechat|search|print|fontsize|"
    r"tool|tools|bdshare|jiathis|zan|dianzan)(?:$|[\s_-]|\d)",
    re.I,
)
#: Class/id words of article containers: never dropped as noise.
ARTICLE_WORDS = re.compile(r"article|content|main|post|body|text|detail|zhengwen|正文", re.I)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "ul", "ol", "li", "table", "tbody", "thead", "tfoot",
              "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd",
              "figure", "figcaption", "center", "br", "hr", "body", "html", "address", "fieldset", "caption"}
PARAGRAPH_TAGS = {"p", "pre", "td", "blockquote", "li", "dd", "h2", "h3", "h4", "h5", "h6"}
CANDIDATE_TAGS = {"div", "article", "section", "main", "td", "body", "center", "blockquote", "font", "span", "ul"}

_CHARS = re.compile(f"[{HAN}A-Za-z0-9]")
_PUNCT = re.compile(r"[，。、；：！？,;!?]")
_SPACE = re.compile(r"\s+")
_CJK_SPACE = re.compile(f"(?<=[{HAN}，。、；：！？“”（）《》])[ \\t\\r]*\\n\\s*(?=[{HAN}，。、；：！？“”（）《》])")
_GENERIC_ALT = re.compile(r"^(?:图片?|image|img|photo|pic|picture|logo|icon|\d+|[\w-]+\.(?:jpe?g|png|gif|webp))$", re.I)

#: Title separators: a site's name follows the last of them.
_TITLE_SEP = re.compile(r"\s*(?:_{1,2}|\||｜|--|—|–|\s-\s|-(?=[^\d]))\s*")
MAX_SITE_NAME = 16  # a trailing part of <title> this short and without sentence punctuation is the site


def site_free_title(title: str) -> str:
    """`<title>` without the site and channel names sites append.

    >>> site_free_title("他放弃百万年薪来到这里_凤凰网资讯_凤凰网")
    '他放弃百万年薪来到这里'
    >>> site_free_title("山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站")
    '山西品牌丝路行（南美站）正式启动'
    """
    title = _SPACE.sub(" ", title).strip()
    parts = [m for m in _TITLE_SEP.finditer(title)]
    end = len(title)
    for m in reversed(parts):
        tail = title[m.end():end].strip()
        if m.start() == 0 or len(tail) > MAX_SITE_NAME or re.search(r"[，。！？：“”]", tail):
            break
        end = m.start()
    return title[:end].strip() or title


def _text(node) -> str:
    return _SPACE.sub(" ", node.get_text(" ") if isinstance(node, Tag) else str(node)).strip()


def tidy(text: str) -> str:
    """White space of HTML source gone: line breaks between Chinese characters dropped, runs collapsed."""
    return _SPACE.sub(" ", _CJK_SPACE.sub("", text)).strip()


# ---------------------------------------------------------------- metadata

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
_NAME = re.compile(f"^[{HAN}A-Za-z·・. ]{{2,30}}$")


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


def _headline(soup: BeautifulSoup, title: str) -> str | None:
    """An h1/h2 on the page that the `<title>` starts with, or that names the article on its own."""
    heads = [tidy(_text(h)) for h in soup.find_all(["h1", "h2"])]
    heads = [h for h in heads if 4 <= len(h) <= 100]
    squeezed = re.sub(r"\s", "", title)
    for h in heads:
        if squeezed.startswith(re.sub(r"\s", "", h)):
            return h
    return None


_CREDIT_TAIL = re.compile(r"\s*(?:整合|综合|编译|报道|撰写|摄影?|整理|发自\S*)$")


def _person(value: str) -> str | None:
    """A person or outlet's name from a byline value ('张三 李四', not '104363')."""
    value = re.split(r"[\s　]{2,}|[|｜/，,；;（(]|\s(?=\S+[:：])", value.strip())[0].strip(" :：[]【】")
    value = _CREDIT_TAIL.sub("", re.sub(r"^(?:本报|本台|本网)?(?:记者|通讯员|作者|文)\s*", "", value))
    return value if value and _NAME.match(value) and not value.isdigit() else None


_OUTLET_NAME = re.compile(r"(?:网|报|社|台|新闻|资讯|频道|客户端|官网|\.(?:com|cn|net))$|^[a-z]+$|^未知$", re.I)


def _meta_author(metas: dict[str, str], site_names: str) -> str | None:
    """`<meta name=author>` when it names a person: sites often put their own name (网易) there."""
    for key in _META_FIELDS["author"]:
        name = _person(metas.get(key, ""))
        if name and not _OUTLET_NAME.search(name) and name not in site_names:
            return name
    return None


_BYLINE_AUTHOR = re.compile(
    rf"(?:作者|撰文|记者|文|撰稿)\s*[:：/]\s*(?P<a>[{HAN}A-Za-z·]{{2,12}}(?:[ 、，,][{HAN}·]{{2,4}})*)"
    rf"|(?:^|\s)作者\s+(?P<d>[{HAN}·]{{2,4}})(?:\s|$)"
    rf"|[（(]\s*(?:本报|本台)?记者\s*(?P<b>[{HAN}·]{{2,4}}(?:[ 、，,][{HAN}·]{{2,4}})*)"
    rf"|(?:本报|本台)?记者\s+(?P<c>[{HAN}·]{{2,4}}(?:[ 、][{HAN}·]{{2,4}})*)"
)


@dataclass
class _Byline:
    date: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None


def byline_fields(lines: list[str]) -> _Byline:
    """Date, author, source and editor from the lines around the headline, first found wins."""
    found = _Byline()
    for line in lines:
        short = len(line) <= 60
        if len(line) > 200:
            line = line[:60]  # a long paragraph: only its opening may be a byline (记者 X)
        for name, value in labelled_fields(line):
            if name == "date" and not found.date:
                found.date = parse_date(value)
            elif name in ("author", "source", "editor") and not getattr(found, name):
                setattr(found, name, _person(value))
        if not found.date and short:
            found.date = parse_date(line)
        m = _BYLINE_AUTHOR.search(line)
        if m and not found.author:
            found.author = _person(m["a"] or m["b"] or m["c"] or m["d"] or "")
    return found


_JSON_DATE = re.compile(r'"(?:datePublished|publishDate|pubDate|pubtime|publish_?[tT]ime|publishedAt)"\s*:\s*"([^"]{8,40})"')
_SAVED_FROM = re.compile(r"\A\s*(?:<!--\s*saved from url=\(\d+\))?\s*<!--\s*(https?://\S+?)\s*-->")


def _script_date(html: str) -> str | None:
    """A publication date in the page's JSON (JSON-LD, or the data of a script-rendered page)."""
    m = _JSON_DATE.search(html)
    return parse_date(m[1]) if m else None


def _url_date(url: str) -> str | None:
    m = re.search(r"/((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?:/|\d|_|\.)", url or "")
    return parse_date(f"{m[1]}-{m[2]}-{m[3]}") if m else None


def page_hints(soup: BeautifulSoup, html: str = "") -> dict[str, str]:
    """Metadata the page states: title, date, author, source, editor, url, description, keywords.

    For the date, the page's own statement wins over dates that merely stand on
    it: meta tags, then the byline under the headline, then structured data,
    then a labelled date (发布时间：…) anywhere, then the URL; never the
    copyright year or a sidebar's list.
    """
    metas = meta_tags(soup)
    title_tag = soup.find("title")
    raw_title = _text(title_tag) if title_tag else ""
    hints: dict[str, str] = {}
    title = (raw_title and _headline(soup, raw_title)) or site_free_title(raw_title or metas.get("og:title", ""))
    if not title:
        h1 = soup.find("h1")
        title = tidy(_text(h1)) if h1 else ""
    if title:
        hints["title"] = title
    for key in ("description", "keywords"):
        value = next((metas[k] for k in _META_FIELDS[key] if metas.get(k)), "")
        if value:
            hints[key] = tidy(value)
    saved = _SAVED_FROM.match(html)
    url = canonical_url(soup, metas) or (saved[1] if saved else None)
    if url:
        hints["url"] = url
    lines = near_headline(soup, title)
    byline = byline_fields(lines)
    meta_date = next((parse_date(metas[k]) for k in _META_FIELDS["date"] if metas.get(k) and parse_date(metas[k])),
                     None)
    time_tag = soup.find("time", attrs={"datetime": True})
    date = (meta_date or byline.date or _script_date(html) or (parse_date(time_tag["datetime"]) if time_tag else None)
            or labelled_date(soup) or _url_date(url))
    if date:
        hints["date"] = date
    author = byline.author or _meta_author(metas, raw_title + metas.get("og:site_name", ""))
    if author:
        hints["author"] = author
    meta_source = next((_person(re.sub(r"^来源[:：]", "", metas[k])) for k in ("source", "contentsource")
                        if metas.get(k)), None)
    source = byline.source or meta_source
    if source:
        hints["source"] = source
    if byline.editor:
        hints["editor"] = byline.editor
    return hints


def labelled_date(soup: BeautifulSoup) -> str | None:
    """The first date the page labels as the publication date (发布时间：…), wherever it stands."""
    for text in soup.find_all(string=re.compile("发布|发表|日期|时间")):
        for name, value in labelled_fields(tidy(text.parent.get_text(" ")) if len(text) < 12 else tidy(text)):
            if name == "date" and parse_date(value):
                return parse_date(value)
    return None


BYLINE_WINDOW = 12  # text lines after the headline searched for the byline


def near_headline(soup: BeautifulSoup, title: str) -> list[str]:
    """Short text lines just after the page's headline (or the top of the body): where bylines stand."""
    strings = [tidy(s) for s in soup.find_all(string=True)
               if not isinstance(s, Comment) and s.parent.name not in ("script", "style", "title")]
    strings = [s for s in strings if s]
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


# ---------------------------------------------------------------- noise

def _attrs(tag: Tag) -> str:
    classes = tag.get("class") or []
    return " ".join([*(classes if isinstance(classes, list) else [classes]), tag.get("id") or ""])


def _hidden(tag: Tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or tag.has_attr("hidden")


MIN_ARTICLE_PARAGRAPHS = 3  # punctuated paragraphs that make an element article, whatever its class says


def _holds_article(tag: Tag) -> bool:
    """Whether `tag` holds running text: several punctuated paragraphs, few of them links."""
    paragraphs = [p for p in tag.find_all("p", limit=50) if len(_PUNCT.findall(p.get_text())) >= 2 and not p.find("a")]
    return len(paragraphs) >= MIN_ARTICLE_PARAGRAPHS


def strip_noise(soup: BeautifulSoup) -> None:
    """Remove what is never article: scripts, navigation, forms, comments, hidden and noise-named elements."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(DROP_TAGS):
        if not (tag.name == "form" and _holds_article(tag)):  # ASP.NET wraps whole pages in a form
            tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
            continue
        if _hidden(tag):
            tag.decompose()
            continue
        names = _attrs(tag)
        if names and NOISE_WORDS.search(names) and not ARTICLE_WORDS.search(names) and not _holds_article(tag):
            tag.decompose()


# ---------------------------------------------------------------- scoring

@dataclass
class _Stats:
    chars: int = 0
    link_chars: int = 0
    punct: int = 0


def measure(root: Tag) -> dict[int, _Stats]:
    """Characters, characters inside links and punctuation of every element, in one pass."""
    stats: dict[int, _Stats] = {}

    def visit(node: Tag, in_link: bool) -> _Stats:
        s = _Stats()
        for child in node.children:
            if isinstance(child, NavigableString):
                text = str(child)
                n = len(_CHARS.findall(text))
                s.chars += n
                s.punct += len(_PUNCT.findall(text))
                if in_link:
                    s.link_chars += n
            elif isinstance(child, Tag):
                c = visit(child, in_link or child.name == "a")
                s.chars += c.chars
                s.link_chars += c.link_chars
                s.punct += c.punct
        stats[id(node)] = s
        return s

    visit(root, False)
    return stats


def _direct_text(tag: Tag) -> str:
    """Text of `tag` outside its block-level children: a div that holds paragraphs split by <br>."""
    parts = []
    for child in tag.children:
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif isinstance(child, Tag) and child.name not in BLOCK_TAGS:
            parts.append(child.get_text())
    return "".join(parts)


MIN_PARAGRAPH = 10  # characters; shorter elements are labels and buttons, not paragraphs


def paragraph_score(text: str) -> float:
    """Readability's paragraph score, with Chinese sentence punctuation counting like commas."""
    chars = len(_CHARS.findall(text))
    if chars < MIN_PARAGRAPH:
        return 0.0
    return 1 + len(_PUNCT.findall(text)) + min(chars / 50, 5)


def choose_article(body: BeautifulSoup | Tag, stats: dict[int, _Stats]) -> list[Tag]:
    """The article element, plus siblings that score nearly as well."""
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for tag in body.find_all(True):
        text = tag.get_text() if tag.name in PARAGRAPH_TAGS else _direct_text(tag)
        if tag.name in PARAGRAPH_TAGS and tag.find(["p", "div", "table", "li"]):
            text = _direct_text(tag)
        own = paragraph_score(text)
        if not own:
            continue
        s = stats[id(tag)]
        if s.chars and s.link_chars / s.chars > 0.5:
            continue
        holder = tag if tag.name not in PARAGRAPH_TAGS or tag.name == "td" else tag.parent
        for depth, node in enumerate([holder, holder.parent, holder.parent and holder.parent.parent]):
            if isinstance(node, Tag) and node.name != "[document]":
                nodes[id(node)] = node
                scores[id(node)] = scores.get(id(node), 0.0) + own / (1 + depth)
    if not scores:
        return [body]

    def final(key: int) -> float:
        s = stats[key]
        density = s.link_chars / s.chars if s.chars else 1
        return scores[key] * (1 - density)

    best = max(scores, key=final)
    top = nodes[best]
    threshold = max(10.0, final(best) * 0.2)
    parent = top.parent
    if parent is None or parent.name == "[document]":
        return [top]
    chosen = []
    for sibling in parent.children:
        if not isinstance(sibling, Tag):
            continue
        if sibling is top or (id(sibling) in scores and final(id(sibling)) >= threshold):
            chosen.append(sibling)
    return chosen


# ---------------------------------------------------------------- blocks

MAX_LINK_DENSITY = 0.5  # a block more than half links is a list of links, not article


def _link_heavy(tag: Tag, stats: dict[int, _Stats]) -> bool:
    s = stats.get(id(tag))
    return bool(s and s.chars >= 4 and s.link_chars / s.chars > MAX_LINK_DENSITY)


def _cell(tag: Tag) -> str:
    return tidy(_text(tag)).replace("|", "｜")


def table_lines(table: Tag) -> list[str]:
    """A data table as Markdown table rows, the first row as the header."""
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = [_cell(c) for c in tr.find_all(["td", "th"], recursive=False)]
        if any(cells):
            rows.append(cells)
    if not rows:
        return []
    width = max(map(len, rows))
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return lines


def _layout_table(table: Tag) -> bool:
    """A table used for page layout (cells full of paragraphs or tables), not data."""
    return bool(table.find(["table", "p", "div", "h1", "h2", "h3", "ul"])) or len(table.find_all("tr")) <= 1


def _image_text(img: Tag) -> str:
    alt = tidy(img.get("alt") or img.get("title") or "")
    return "" if not alt or _GENERIC_ALT.match(alt) else alt


def article_lines(roots: list[Tag], stats: dict[int, _Stats]) -> list[str]:
    """The article's blocks as Markdown-ready lines, in page order."""
    out: list[str] = []
    buffer: list[str] = []
    alts: list[str] = []

    def flush(prefix: str = "") -> None:
        text = tidy("".join(buffer))
        buffer.clear()
        if text and len(_CHARS.findall(text)):
            out.append(prefix + text)

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "img":
                alt = _image_text(child)
                if alt:
                    flush()
                    out.append(alt)
                    alts.append(alt)
                continue
            if name not in BLOCK_TAGS:
                if name == "a" or not child.find(list(BLOCK_TAGS - {"br"})):
                    if child.find("img") and not tidy(child.get_text()):
                        walk(child)
                    else:
                        buffer.append(child.get_text(" ") if child.find("br") else child.get_text())
                else:
                    walk(child)
                continue
            flush()
            if name in ("br", "hr"):
                continue
            if _link_heavy(child, stats) and not child.find(["p"]):
                continue
            if re.fullmatch(r"h[1-6]", name):
                text = tidy(_text(child))
                if text:
                    out.append("#" * max(2, int(name[1])) + " " + text)
            elif name == "table" and not _layout_table(child):
                out.extend(table_lines(child))
            elif name == "li" and not child.find(list(BLOCK_TAGS - {"br"})):
                buffer.append(child.get_text())
                flush("- ")
            else:
                walk(child)
                flush()

    for root in roots:
        if root.name in BLOCK_TAGS and root.name not in ("td",):
            walk(root)
        else:
            wrapper = [root]
            for r in wrapper:
                walk(r)
        flush()
    # The same alt text on several images is a watermark (游民星空), not a caption.
    repeated = {alt for alt, n in Counter(alts).items() if n > 1}
    return [line for line in out if line not in repeated]


def extract_article(html: str) -> tuple[list[str], dict[str, str]]:
    """The article of an HTML page as text lines, and the metadata the page states.

    >>> lines, hints = extract_article(
    ...     "<html><head><title>标题_新华网</title></head><body><nav>首页 新闻</nav>"
    ...     "<div><p>这是第一段，有标点。内容足够长了吧。</p><p>第二段，也有标点。</p></div></body></html>")
    >>> lines, hints["title"]
    (['这是第一段，有标点。内容足够长了吧。', '第二段，也有标点。'], '标题')
    """
    soup = BeautifulSoup(html, "lxml")
    hints = page_hints(soup, html)
    strip_noise(soup)
    # Not soup.body: on malformed pages lxml leaves part of the content outside the first <body>.
    stats = measure(soup)
    lines = article_lines(choose_article(soup, stats), stats)
    title = hints.get("title", "")
    # The headline is front matter, not body: drop it where the article repeats it.
    squeezed = re.sub(r"\s", "", title)
    lines = [line for line in lines if not squeezed or re.sub(r"[\s#]", "", line) != squeezed]
    if "author" not in hints:
        author = closing_byline(lines)
        if author:
            hints["author"] = author
    return lines, hints


_CLOSING_BYLINE = re.compile(rf"(?:^[{HAN}]{{0,8}}?|[（(\s：:])(?:本报|本台)?(?:记者|采写|文/|撰文)\s*[:：]?\s*(?:[{HAN}]{{0,6}}记者\s*)?"
                             rf"(?P<name>[{HAN}·]{{2,4}}(?:[ 、][{HAN}·]{{2,4}})*)\s*[）)]?$")
MAX_BYLINE = 40  # characters; a closing byline is a short line


def closing_byline(lines: list[str]) -> str | None:
    """The author named in the article's own first or last lines: （记者 张三）, 扬子晚报记者 张楠."""
    for line in lines[-4:][::-1] + lines[:2]:
        text = line.strip()
        head = text[:MAX_BYLINE]
        m = _CLOSING_BYLINE.search(text) if len(text) <= MAX_BYLINE else _BYLINE_AUTHOR.search(head)
        if m:
            name = _person(m.groupdict().get("name") or next((g for g in m.groups() if g), ""))
            if name:
                return name
    return None
