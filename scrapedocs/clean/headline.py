"""The page's headline: the heading printed above the article, checked against what the page calls itself.

A reader takes the title from the big line just above the article. Pages
also name themselves in `<title>` and `og:title`, usually "headline - channel -
site", sometimes the site alone ("网易娱乐", "bjreader的博客"), sometimes with
a counter in front ("（99+ 封私信）…"). So the headline is chosen among the
lines the page sets off as headings (h1–h3, a title class, a big or bold line)
near the top of the article, each scored by how well it matches the page's
own name for itself and how close it stands above the article; `<title>` is
used alone only when no line on the page is the headline, and only without
its site parts. Lines that cannot be a headline are refused by name (a date
line, a byline, a counter, the site's name, a menu word, text that did not
decode), so the build report can say which candidate won and why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..structure import outline_kind
from ..text import HAN
from .chrome import features

if TYPE_CHECKING:
    from .html.blocks import PageLine

_HAN = re.compile(f"[{HAN}]")
_KEY = re.compile(f"[{HAN}A-Za-z0-9]")
#: Separators between a headline and the site's parts in `<title>`; ASCII hyphens only with space around them
#: or before a site-like word, so 5·19 and COVID-19 stay whole.
SEPARATOR = re.compile(r"\s*(?:_{1,2}|\||｜|::|»|＞|>|—{1,2}|–|\s-{1,2}\s|-{2}|(?<=[^\d\sA-Za-z])-(?=\S)|\s·\s|·(?=\s))\s*")
#: A counter sites put before the title: （99+ 封私信 / 87 条消息）, (3条消息), [12].
COUNTER = re.compile(r"^\s*[（(\[【]\s*\d+\+?\s*[^）)\]】]{0,20}[）)\]】]\s*|\s*[（(]\s*页\s*\d+\s*[）)]\s*$")
#: Words that end a site's, a channel's or a blog's name.
SITE_WORDS = re.compile(r"(?:网|网站|在线|频道|博客|的博客|部落格|论坛|社区|百科|新闻|资讯|(?:日|晚|早|时|周|商|青年)报|报社|官网|首页|门户|新闻中心"
                        r"|平台|客户端|吧|Blog|China|Online|News|\.com|\.cn|\.net|\.org)$|^www\.|百科全书", re.I)
SHORT_NAME = 8  # characters: a line of the page's menu this short is a name (a channel's, the site's), not news
MIN_PLAIN = 8  # characters of a plain line (no heading, no title class) that may be the headline
MIN_HEADLINE = 4  # characters: shorter lines are labels (显示, 导航), unless the page's own title says it is the headline
MAX_HEADLINE = 100  # characters: longer is a paragraph
WINDOW = 25  # page lines above the article searched for its headline
INSIDE = 3  # lines into the article where a page may print its headline (an <h1> inside <article>)

_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2})?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}:\d{2}")
_BYLINE = re.compile(r"本报讯|记者|通讯员|^\s*(?:文|图|作者|来源|编辑|责任编辑|发布|发表|时间|日期)\s*[:：/／|]|来源\s*[:：]|发表于|发布于"
                     r"|浏览|阅读\s*[(（:：]?\s*\d|评论\s*[(（:：]?\s*\d|点击\s*[:：]?\s*\d")
_SENTENCES = re.compile(r"[。；;].+[。；;]|[。；;]\s*\S{12,}")
_MENU = re.compile(r"^(?:首页|主页|显示|导航|菜单|登录|注册|搜索|返回|更多|正文|全文|目录|上一[页篇]|下一[页篇]|打印|关闭|分享|收藏"
                   r"|评论|回复|举报|点赞|相关\S{0,4}|推荐\S{0,4}|热门\S{0,4}|\S{0,4}排行\S{0,2}|当前位置\S*|您的位置\S*)$")


def key(text: str) -> str:
    """The characters a comparison counts: Han, letters and digits, lower-cased."""
    return "".join(_KEY.findall(text)).lower()


def _chars(text: str) -> int:
    return len(key(text))


@dataclass(frozen=True)
class SelfName:
    """What a page calls itself: `<title>`, og:title, the site's name, its host, the words of its chrome."""

    title: str = ""
    og_title: str = ""
    site_name: str = ""
    url: str = ""
    chrome: frozenset[str] = frozenset()  # keys of the lines of the page's header, navigation and footer

    @property
    def host_words(self) -> set[str]:
        host = urlsplit(self.url).hostname or "" if self.url.startswith("http") else ""
        parts = [p for p in host.split(".") if p not in ("www", "com", "cn", "net", "org", "gov", "edu")]
        return {host, *parts} - {""}


def unreadable(text: str) -> bool:
    """Text that did not decode: replacement characters, private-use code points, mojibake.

    >>> unreadable("å›½å®¶çŸ¥è¯†äº§æƒ"), unreadable("陈天华《警世钟》")
    (True, False)
    """
    if "\ufffd" in text or re.search("[\ue000-\uf8ff]", text):
        return True
    try:
        from ftfy.badness import is_bad
    except ImportError:  # pragma: no cover
        return False
    return is_bad(text)


def site_part(part: str, name: SelfName) -> bool:
    """A part of `<title>` that names the site, the channel or the blog rather than the article.

    >>> site_part("维基百科，自由的百科全书", SelfName()), site_part("网易娱乐", SelfName(site_name="网易"))
    (True, True)
    >>> site_part("陈天华《警世钟》", SelfName())
    False
    """
    k = key(part)
    if not k or features(part).chrome in ("copyright", "icp", "breadcrumb", "counter", "toolbar"):
        return True
    site = key(name.site_name)
    if site and (k == site or k.startswith(site) and len(k) <= len(site) + 6):
        return True
    if len(k) <= SHORT_NAME and k in name.chrome:  # a channel's name the page's menu shows (新闻动态)
        return True
    if any(k == key(h) or key(h) and k.startswith(key(h)) for h in name.host_words):
        return True
    return len(part) <= 20 and bool(SITE_WORDS.search(part.strip())) and not re.search(r"[，。！？：“”《》]", part) \
        or part.strip().endswith("百科全书")


def title_parts(title: str) -> list[str]:
    """`<title>` cut at its separators, the counters sites put around it removed.

    >>> title_parts("（99+ 封私信 / 87 条消息） 台湾突发 - 知乎")
    ['台湾突发', '知乎']
    >>> title_parts("多维博客 » 播客热潮的背后")
    ['多维博客', '播客热潮的背后']
    """
    title = COUNTER.sub("", re.sub(r"\s+", " ", title or "")).strip()
    parts = (COUNTER.sub("", p).strip() for p in SEPARATOR.split(COUNTER.sub("", title)))
    return [p for p in parts if p]


def named_title(name: SelfName) -> str:
    """The page's own title without its site parts: the longest part that is not the site's ('' when all are).

    >>> named_title(SelfName(title="他放弃百万年薪来到这里_凤凰网资讯_凤凰网"))
    '他放弃百万年薪来到这里'
    >>> named_title(SelfName(title="北医新闻网")), named_title(SelfName(title="-铜雀历史网"))
    ('', '')
    """
    return main_part(name.title, name) or main_part(name.og_title, name)


#: What the chrome lexicon (`clean.chrome`) finds in a line that is then no headline.
REFUSED_CHROME = {"breadcrumb", "toolbar", "counter", "copyright", "icp", "disclaimer", "previous/next", "contact",
                  "metadata", "pager", "stamp"}


def refusal(text: str, name: SelfName, titled: bool = False) -> str:
    """Why `text` cannot be the headline, or '' when it can. `titled`: the page's own title confirms it."""
    bare = text.lstrip("#").strip()
    if unreadable(bare):
        return "does not decode"
    if _MENU.match(bare):
        return "a menu word"
    if not titled and _chars(bare) < MIN_HEADLINE:
        return "too short"
    if len(bare) > MAX_HEADLINE:
        return "too long"
    if _SENTENCES.search(bare):
        return "a paragraph"
    if not titled and outline_kind(bare):
        return "an outline heading"
    chrome = features(bare).chrome
    if chrome in REFUSED_CHROME:
        return f"site chrome ({chrome})"
    if not titled and _BYLINE.search(bare):
        return "a byline"
    stripped = _DATE.sub("", bare)
    if _DATE.search(bare) and _chars(stripped) < 6:
        return "a date line"
    if COUNTER.match(bare) and not COUNTER.sub("", bare).strip():
        return "a counter"
    if not titled and site_part(bare, name) and _chars(bare) <= 20:
        return "the site's name"
    if not titled and _chars(bare) <= SHORT_NAME and key(bare) in name.chrome:
        return "the site's chrome"
    return ""


def article_parts(title: str, name: SelfName) -> list[str]:
    """The parts of a title that may name the article, in order: not the site's, and readable."""
    return [p for p in title_parts(title) if not site_part(p, name) and not unreadable(p)]


def article_title(title: str, name: SelfName) -> str:
    """The title without the site parts before and after it, its inner separators kept (a headline may hold a dash).

    >>> article_title("对比试车—测试昌河北斗星、爱迪尔(图)_汽车频道", SelfName())
    '对比试车—测试昌河北斗星、爱迪尔(图)'
    """
    text = COUNTER.sub("", re.sub(r"\s+", " ", title or "")).strip()
    pieces = SEPARATOR.split(text)
    seps = SEPARATOR.findall(text)
    lo, hi = 0, len(pieces)
    while lo < hi and site_part(COUNTER.sub("", pieces[lo]), name):
        lo += 1
    while hi > lo and site_part(COUNTER.sub("", pieces[hi - 1]), name):
        hi -= 1
    if lo >= hi:
        return ""
    out = pieces[lo]
    for sep, piece in zip(seps[lo:hi - 1], pieces[lo + 1:hi]):
        out += sep + piece
    return COUNTER.sub("", out).strip()


def main_part(title: str, name: SelfName) -> str:
    """The part of a title that names the article: its first part that is not the site's, unless a later one is
    much longer (夜雨_原文、翻译及赏析_…: the first is the poem's name, the second what the page gives of it).

    >>> main_part("37岁丁俊晖身价过亿，住英国富人区_【快资讯】", SelfName())
    '37岁丁俊晖身价过亿，住英国富人区'
    """
    parts = article_parts(title, name)
    if not parts:
        return ""
    first, longest = parts[0], max(parts, key=_chars)
    return first if _chars(first) > SHORT_PART or _chars(longest) < 2 * _chars(first) else longest


SHORT_PART = 6  # characters: a first part this short beside a part twice as long is the site's (大话四川-[原创]…)
CUT = 0.95  # match of a line that starts as the title does where the site cut the title short
PART = 0.9  # match of a line equal to the title's main part when the title says more (a headline on two lines)
LATER_PART = 0.5  # match of a line equal to a later part of the title (a channel, a column): weak evidence


_CUT = re.compile(r"(?:\.{2,}|…+)\s*$")
MIN_CUT = 6  # characters of a cut title's prefix that identify the line it was cut from


def cut_prefix(title: str, name: SelfName) -> str:
    """The key of a title a site cut short ("【安徽阜阳一动物园2..."), or ''."""
    part = main_part(title, name)
    if not _CUT.search(part):
        return ""
    prefix = key(_CUT.sub("", part))
    return prefix if len(prefix) >= MIN_CUT else ""


_LEAD = re.compile(r"^\s*【([^】]{4,80})】")
_FIRST_SENTENCE = re.compile(r"^(.{4,80}?[。！？!?])")


def post_lead(text: str) -> str:
    """The headline of a post that has none of its own: its bracketed lead, else its first sentence.

    >>> post_lead("【安徽阜阳一动物园20只东北虎死亡？官方：成立调查组】#官方回应# 阜阳市人民政府新闻办公室通报…")
    '安徽阜阳一动物园20只东北虎死亡？官方：成立调查组'
    """
    m = _LEAD.match(text)
    if m:
        return m[1].strip()
    m = _FIRST_SENTENCE.match(text)
    return m[1].strip() if m and len(text) > MAX_HEADLINE else text


def match(text: str, name: SelfName) -> float:
    """How well a line matches the page's own title (0–1): equal to a part of it, containing it, or contained in it.

    The first part of the title names the article; the parts after it usually name the
    channel, the column or the site, so a line equal to one of them is weak evidence.

    >>> match("雄安新区", SelfName(title="雄安新区 - 维基百科，自由的百科全书"))
    1.0
    >>> match("快资讯", SelfName(title="37岁丁俊晖身价过亿，住英国富人区_【快资讯】"))
    0.5
    """
    k = key(text)
    if not k:
        return 0.0
    best = 0.0
    for title in (name.title, name.og_title):
        prefix = cut_prefix(title, name)
        if prefix and k.startswith(prefix):
            return CUT
        parts = [key(p) for p in article_parts(title, name)]
        pk = key(main_part(title, name))
        if not parts or not pk:
            continue
        if k in (key(COUNTER.sub("", title)), key(article_title(title, name))):
            return 1.0
        if k in (pk, parts[0]):
            best = max(best, PART)
        if k in parts:
            best = max(best, LATER_PART)
        whole = key(article_title(title, name)) or pk
        if pk in k:  # the page prints more than its title says (the title was cut, or is an SEO short form)
            best = max(best, 0.5 + 0.35 * len(pk) / len(k))
        elif k in whole and len(k) >= MIN_HEADLINE:  # part of the title: a headline on two lines, cut short
            best = max(best, 0.8 * len(k) / len(whole))
    return best


#: Labels a page prints before a headline that are not part of it: 原创, 标 题：, Re:.
LABEL = re.compile(r"^\s*(?:[【\[]?(?:原创|转载|置顶|精华|独家|推荐|热)[】\]]?\s+|(?:标\s*题|主\s*题|题\s*目|subject)\s*[:：]\s*"
                   r"|re\s*[:：]\s*)", re.I)
#: What a page prints after a headline, inside the same element: a count, a listen button, a share bar.
TAIL = re.compile(r"^\s*(?:\d+|[^，。！？]{0,12}(?:播报|朗读|分享|收藏|字号|评论|阅读|打印|点赞|举报|复制链接)[^。！？]{0,12})\s*$")


def trimmed(text: str, name: SelfName) -> str:
    """The headline without the labels and buttons a page prints inside the same element.

    >>> trimmed("原创 最不愁吃肉的国家", SelfName()), trimmed("标 题：看可乐这些年的价格", SelfName())
    ('最不愁吃肉的国家', '看可乐这些年的价格')
    >>> trimmed("第二章 失乡号的船长 241", SelfName(title="第二章 失乡号的船长 _《深海余烬》 - 起点中文网"))
    '第二章 失乡号的船长'
    >>> trimmed("丁俊晖身价过亿 播报文章 语音播报文章，释放双眼", SelfName(title="丁俊晖身价过亿_【快资讯】"))
    '丁俊晖身价过亿'
    """
    text = LABEL.sub("", text, count=1).strip() or text
    for title in (name.title, name.og_title):
        pk = key(main_part(title, name))
        positions = [i for i, ch in enumerate(text) if _KEY.match(ch)]
        k = key(text)
        at = k.find(pk) if pk else -1
        if at < 0 or k == pk:
            continue
        start, end = positions[at], positions[at + len(pk) - 1] + 1
        tail = text[end:]
        if tail and tail[0].isspace() and TAIL.match(tail):
            return text[:end].strip()
        return text
    m = re.search(r"\s+\d+$", text)  # no title to compare with: a bare trailing count still goes
    return text[:m.start()] if m and _HAN.search(text[:m.start()]) and not _HAN.search(text[-1]) else text


STYLE_WEIGHT = {"h1": 1.0, "h2": 0.8, "titled": 0.8, "h3": 0.6, "big": 0.6, "bold": 0.4, "h4": 0.4, "h5": 0.4,
                "h6": 0.3, "centered": 0.3}


@dataclass
class Candidate:
    """A line that may be the headline, with its score and why."""

    text: str
    index: int  # its page line; -1 for the page's own title
    style: str = ""
    match: float = 0.0
    near: float = 0.0
    refused: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return 3 * self.match + STYLE_WEIGHT.get(self.style, 0.0) + self.near

    def explain(self) -> dict:
        out = {"text": self.text, "style": self.style or "plain", "match": round(self.match, 2),
               "near": round(self.near, 2), "score": round(self.score, 2)}
        if self.refused:
            out["refused"] = self.refused
        if self.notes:
            out["notes"] = self.notes
        return out


def _text(line: PageLine) -> str:
    return re.sub(r"^#{2,6}\s+", "", line.text).strip()


def between(page: list[PageLine], start: int, name: SelfName) -> list[int]:
    """For each line above the article, how many lines that could be text stand between it and the article.

    Bylines, dates, menus, toolbars and lists of links do not count: a headline with
    its byline and share bar under it still stands just above the article.
    """
    counts = [0] * start
    seen = 0
    for i in range(start - 1, -1, -1):
        counts[i] = seen
        line = page[i]
        if not (line.links or line.noise or refusal(_text(line), name)):
            seen += 1
    return counts


def nearness(index: int, start: int, lines_between: list[int]) -> float:
    """1 just above the article, less the farther up; a little inside its first lines; 0 elsewhere."""
    if index < start:
        return 1.0 / (1 + lines_between[index] / 2)
    if index < start + INSIDE:
        return 0.6
    return 0.0


NEAR = 0.5  # nearness under which a line stands apart from the article (two lines of text or more above it)
MIN_MATCH = 0.5  # a line matching the page's title this well is the headline, wherever it is set off
MIN_STYLED = 1.0  # score (style + nearness) of a set-off line that the page's title does not confirm


def candidates(page: list[PageLine], start: int, name: SelfName) -> list[Candidate]:
    """Set-off lines near the top of the article, the line just above it, and lines that the page's title names.

    A plain line (no heading, no title class, no bold) is a headline only where it stands
    directly above the article: elsewhere, a plain line that repeats the page's title is
    the site's name in its logo.
    """
    out = []
    low = max(0, start - WINDOW)
    lines_between = between(page, start, name)
    for i, line in enumerate(page[:start + INSIDE]):
        text = trimmed(_text(line), name)
        if not text or line.links and not line.style:
            continue
        m = match(text, name)
        if m == CUT:  # the line the site cut its title from: a post's first line, whose lead is the headline
            text = post_lead(text)
        direct = i < start and lines_between[i] == 0 and (line.style or _chars(text) >= MIN_PLAIN)
        if not (line.style and i >= low or direct or line.style and m >= MIN_MATCH or m == CUT):
            continue
        c = Candidate(text, i, line.style, m, nearness(i, start, lines_between) if i < start else
                      nearness(i, start, []))
        c.refused = refusal(text, name, titled=m >= 0.9)
        if i >= start and m < MIN_MATCH:
            c.refused = c.refused or "a heading of the article, which the page's title does not name"
        if line.noise and m < MIN_MATCH:
            c.refused = c.refused or "in the page's chrome"
        if line.noise and i < start and lines_between[i] and len(title_parts(name.title)) == 1:
            # The page's whole title is a line of its header, far above the article: the site's or the
            # blog's name (李建忠), not the article's.
            c.refused = c.refused or "the site's name, in the page's header"
        out.append(c)
    return out


def joined(page: list[PageLine], best: Candidate, name: SelfName) -> Candidate:
    """A headline printed on two lines: the next (or previous) set-off line joined when the title says so."""
    for j in (best.index + 1, best.index - 1):
        if not 0 <= j < len(page) or not page[j].style or page[j].links:
            continue
        other = _text(page[j])
        text = f"{best.text}{other}" if j > best.index else f"{other}{best.text}"
        if _chars(other) and not refusal(other, name, titled=True) and match(text, name) > best.match + 0.05:
            spaced = f"{best.text} {other}" if j > best.index else f"{other} {best.text}"
            glued = spaced if re.search(r"[A-Za-z0-9]$", spaced.split(" ")[0]) else text
            return Candidate(glued, min(j, best.index), best.style, match(text, name), best.near,
                             notes=["printed on two lines: joined"])
    return best


MIN_NEARER = 6  # characters of a heading nearer the article that makes a short title-named heading a name


def nearer_heading(best: Candidate, usable: list[Candidate]) -> Candidate:
    """A short heading the page's title names, with the article's own heading between it and the article, is a name.

    A blog prints its name (海姑娘, 李建忠) in its banner and puts it alone in `<title>`;
    the post's title stands between the banner and the post.
    """
    if best.match < MIN_MATCH or _chars(best.text) > SHORT_NAME:
        return best
    nearer = [c for c in usable if c.index > best.index and c.style and c.match < MIN_MATCH
              and _chars(c.text) >= MIN_NEARER and c.near >= best.near]
    if not nearer:
        return best
    heading = max(nearer, key=lambda c: c.score)
    heading.notes.append(f"{best.text!r}, which the page's title names, is a name above the article's own heading")
    return heading


@dataclass
class Headline:
    """The chosen headline, the page line it stands on (None: from `<title>`, or none), and why."""

    text: str
    index: int | None
    explanation: dict


def choose_headline(page: list[PageLine], start: int, name: SelfName) -> Headline:
    """The headline and the explanation for the report: the winner, its score, and the candidates refused."""
    found = candidates(page, start, name)
    usable = [c for c in found if not c.refused and (c.match >= MIN_MATCH or c.score >= MIN_STYLED)]
    explanation: dict = {}
    if usable:
        best = max(usable, key=lambda c: (c.score, -abs(start - c.index)))
        best = nearer_heading(best, usable)
        best = joined(page, best, name)
        why = "the page's title names it" if best.match >= MIN_MATCH else "set off just above the article"
        explanation = {"source": f"page line ({best.style or 'plain'})", "why": why, "winner": best.explain()}
        title, index = best.text, best.index
    else:
        index = None
        title = named_title(name)
        if title:
            explanation = {"source": "<title>", "why": "no line on the page is the headline: the page's title,"
                           " its site parts removed", "winner": {"text": title}}
    refused = [c.explain() for c in found if c.refused][:8]
    if refused:
        explanation["refused"] = refused
    return Headline(title, index, explanation)
