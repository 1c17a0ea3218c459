"""What a page calls itself: `<title>` and `og:title` cut into parts, the site's parts told apart, and how
well a line of the page matches the rest (`match`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ...text import HAN
from ..chrome import features

_HAN = re.compile(f"[{HAN}]")
_KEY = re.compile(f"[{HAN}A-Za-z0-9]")
#: Separators between a headline and the site's parts in `<title>`; ASCII hyphens only with space around them
#: or before a site-like word, so 5·19 and COVID-19 stay whole.
SEPARATOR = re.compile(r"\s*(?:_{1,2}|\||｜|::|»|＞|>|—{1,2}|–|\s-{1,2}\s|-{2}|(?<=[^\d\sA-Za-z])-(?=\S)|\s·\s|·(?=\s))\s*")
#: A counter sites put before the title: （99+ 封私信 / 87 条消息）, (3条消息), [12].
COUNTER = re.compile(r"^\s*[（(\[【]\s*\d+\+?\s*[^）)\]】]{0,20}[）)\]】]\s*|\s*[（(]\s*页\s*\d+\s*[）)]\s*$")
#: Words that end a site's, a channel's or a blog's name.
SITE_WORDS = re.compile(r"(?:网|网站|在线|频道|博客|的博客|部落格|论坛|社区|百科|新闻|资讯|(?:日|晚|早|时|周|商|青年)报|报社|官网|首页|门户|新闻中心"
                        r"|平台|客户端|吧|详情|详情页|正文页|内容页|Blog|China|Online|News|\.com|\.cn|\.net|\.org)$|^www\.|百科全书", re.I)
SHORT_NAME = 8  # characters: a line of the page's menu this short is a name (a channel's, the site's), not news
MIN_PLAIN = 8  # characters of a plain line (no heading, no title class) that may be the headline
MIN_NAMED = 2  # characters of a title part taken alone (金锺国 - 维基百科, 夜雨)
MIN_HEADLINE = 4  # characters: shorter lines are labels (显示, 导航), unless the page's own title says it is the headline
MAX_HEADLINE = 100  # characters: longer is a paragraph
WINDOW = 25  # page lines above the article searched for its headline
INSIDE = 3  # lines into the article where a page may print its headline (an <h1> inside <article>)


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
    title = main_part(name.title, name) or main_part(name.og_title, name)
    return title if _chars(title) >= MIN_NAMED else ""


def article_parts(title: str, name: SelfName) -> list[str]:
    """The parts of a title that may name the article, in order: not the site's, and readable.

    A part the title's site parts repeat is the site's name too (泡泡详情 | 泡泡 - 一个清新文艺的微社区).

    >>> article_parts("泡泡详情 | 泡泡 - 一个清新文艺的微社区", SelfName())
    []
    """
    parts = title_parts(title)
    sites = [key(p) for p in parts if site_part(p, name)]
    return [p for p in parts if not site_part(p, name) and not unreadable(p)
            and not any(key(p) in other for other in sites)]


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
        end = positions[at + len(pk) - 1] + 1
        tail = text[end:]
        if tail and tail[0].isspace() and TAIL.match(tail):
            return text[:end].strip()
        return text
    m = re.search(r"\s+\d+$", text)  # no title to compare with: a bare trailing count still goes
    return text[:m.start()] if m and _HAN.search(text[:m.start()]) and not _HAN.search(text[-1]) else text


_OWNER = re.compile(r"^\s*(?P<name>[^\s|｜_»-]{2,16}?)\s*(?:的(?:新浪|网易|搜狐|腾讯|百度)?(?:博客|BLOG|blog|日志|个人空间|空间|专栏|部落格)"
                    r"|'s\s+(?:blog|weblog|journal))\s*$", re.I)


def blog_owner(name: SelfName) -> str:
    """The person whose blog the page says it is: bjreader的博客 → bjreader, 海姑娘's blog → 海姑娘.

    >>> blog_owner(SelfName(title="读《围城》有感 - bjreader的博客")), blog_owner(SelfName(title="新闻中心"))
    ('bjreader', '')
    """
    for part in title_parts(name.title) + title_parts(name.og_title) + [name.site_name]:
        m = _OWNER.match(part or "")
        if m:
            return m["name"]
    return ""
