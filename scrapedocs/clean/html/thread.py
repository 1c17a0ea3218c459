"""Forum and Q&A threads: the question or first post, then the replies in order, each under its author and time.

A reader of a thread wants the question and its answers, where a reader of a news
story wants the story without its comments. So whether a page is a thread is
decided from evidence first (`genre`), and then its floors are a run of elements built alike (`posts.find_posts`, here allowed
inside elements named comment or reply). Each floor keeps its text; what every
floor repeats (回复, 举报, 点赞, user panels), stamps, counters and quotes of an
earlier floor go; the author and time it shows become a small line above it. A very
long thread keeps its first replies and says how many more the original page has.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bs4 import Tag

from ..chrome import STAMP as POST_STAMP
from ..chrome import features
from .blocks import PageLine
from .ensemble import bare, normalise, trim_edges
from .posts import Posts, _content
from .tree import preorder

#: A floor's stamp, wider than a blog's: relative ages (6天前, 刚刚) and two-digit years (24-5-13 17:08).
STAMP = re.compile(POST_STAMP.pattern + r"|\d+\s*(?:秒|分钟|小时|天|周|个月|月|年)前|刚刚|(?:今天|昨天|前天)\s*\d{1,2}:\d{2}"
                   r"|(?<!\d)\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}")
_TIME = re.compile(r"(?:19|20)?\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
                   r"|\d+\s*(?:秒|分钟|小时|天|周|个月|月|年)前|刚刚|(?:今天|昨天|前天)\s*\d{1,2}:\d{2}")
_COUNT = re.compile(r"^[\W\d_]*$|^(?:点赞|赞|评论|回复|浏览|阅读|查看|收藏|分享|顶|踩|转发|喜欢|关注|粉丝)\s*[（(\[:：]?\s*\d+\s*[）)\]]?$")
_FLOOR = re.compile(r"^(?:#?\d+\s*(?:楼|F|#)|楼主|沙发|板凳|地板|\d+#)$", re.I)
MIN_QUOTE = 12  # characters of a line found in an earlier floor that make it a quote of it
MAX_AUTHOR = 24  # characters of a line that may be a floor's author
REPEATED = 0.5  # share of floors a line is printed in that makes it the forum's furniture
MAX_THREAD = 60_000  # characters of replies a page keeps; the rest are counted
MAX_REPLIES = 300


class PostHeader(str):
    """A line above a reply that names its author and time: shown small, never taken for text."""


@dataclass
class Floor:
    """One post of a thread as it will be shown."""

    author: str = ""
    time: str = ""
    lines: list[str] = field(default_factory=list)

    @property
    def header(self) -> str:
        return " · ".join(part for part in (self.author, self.time) if part)


def stamp_time(text: str) -> str:
    """The date and time a floor's stamp shows, as printed."""
    m = _TIME.search(text)
    return m[0].strip() if m else ""


def furniture(by_floor: dict[int, list[PageLine]]) -> set[str]:
    """Lines most floors print (回复, 举报, 点赞, 积分, a moderator's signature): the forum's, not the posts'."""
    seen: Counter = Counter()
    for lines in by_floor.values():
        seen.update({normalise(line.text) for line in lines})
    least = max(2, REPEATED * len(by_floor))
    return {k for k, n in seen.items() if n >= least}


#: The buttons and labels a floor prints around its text.
BUTTONS = re.compile(r"^(?:-\s+)?(?:回复|举报|点赞|赞|踩|顶|评论|分享|收藏|引用|编辑|删除|管理|只看该作者|只看他|使用道具|支持|反对"
                     r"|关注|私信|发消息|加为好友|复制链接|楼主|作者|\[作者\]|来自\S{0,12}|IP属地\S{0,8}|已编辑|展开|收起|查看全部|更多"
                     # a poster's panel: counts and ranks
                     r"|主题|帖子|积分|精华|金钱|威望|贡献|用户组|阅读权限|注册时间|最后登录|在线时间|UID|新手上路|注册会员|中级会员"
                     r"|高级会员|金牌会员|论坛元老|管理员|超级版主|版主|禁止发言)"
                     r"\s*[:：]?\s*[(（]?\d*[)）]?$"
                     r"|^\d+\s*(?:秒|分钟|小时|天|周|个月|年)\s*后$"  # Flarum's gaps between floors: 9 天 后
                     # ratings and moderators' events: X 和 Y 觉得很赞, X 于 2023年10月2日 置顶此帖
                     r"|^.{1,60}(?:觉得很赞|赞了这个帖子|赞了此帖|点赞了)$|^\S{1,30}\s*于\s*.{4,24}?(?:置顶|更改标题|锁定|解锁|隐藏|合并|移动|加精)", re.I)
HEAD_LINES = 5  # lines at the top of a floor where its author and stamp stand


def _skipped(text: str, k: str, furniture_keys: set[str]) -> bool:
    """A floor's furniture: buttons, counters, stamps, what every floor prints."""
    if BUTTONS.match(text) or _FLOOR.match(text) or _COUNT.match(text) and len(k) < 6:
        return True
    if k in furniture_keys and (bare(text) or len(k) < 12):
        return True
    chrome = features(text).chrome
    return chrome == "toolbar" or chrome in ("counter", "stamp", "metadata", "placeholder") and bare(text)


_DATE_ALONE = re.compile(r"^\s*(?:(?:19|20)\d{2}|\d{2})\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                         r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def _is_stamp(text: str) -> bool:
    """A floor's stamp: a date with its time, 发表于, N楼, an age (6天前), or a date alone on its line."""
    return (bool(STAMP.search(text)) or bool(_DATE_ALONE.match(text))) and len(text) <= 60 \
        and not re.search(r"[。！？]", text)


_NAME_SEPARATOR = re.compile(r"\s*[|｜·•]\s*")


def _author(text: str) -> str:
    """The poster's name on a floor's author line ("客栈小K | 扫地 |" → 客栈小K, "### Golden" → Golden)."""
    text = re.sub(r"^(?:#{2,6}|-)\s+", "", text)
    text = re.sub(r"\[[^\[\]]{1,8}\]", " ", text).strip().rstrip(":： ")  # its buttons: [回复] [转寄]
    return next((part for part in _NAME_SEPARATOR.split(text) if part), "")


def _author_line(text: str) -> bool:
    return len(text) <= MAX_AUTHOR and bare(text) and not BUTTONS.match(text) and not _COUNT.match(text) \
        and not _FLOOR.match(text) and not _is_stamp(text)


#: The mail-style header of a BBS post (水木, 未名空间): 发信人: getout (出去), 信区: Beijing / 标 题: / 发信站: … (date).
MAIL_HEADER = re.compile(r"^(?:发信人|寄信人|标\s*题|发信站|转信站|信\s*区)\s*[:：]\s*(?P<value>.*)$")
_MAIL_DATE = re.compile(r"[(（]([^()（）]*\d{4}[^()（）]*)[)）]")
_SOURCE_LINE = re.compile(r"^※\s*(?:来源|修改|转载|转寄)")


def mail_header(text: str, floor: Floor) -> bool:
    """Read a BBS mail header line into the floor (its author, its time); say whether it was one."""
    m = MAIL_HEADER.match(text)
    if not m:
        return bool(_SOURCE_LINE.match(text))
    label = text[:3]
    if label in ("发信人", "寄信人"):
        floor.author = m["value"].split(",")[0].split("，")[0].split("(")[0].strip()
    elif label in ("发信站", "转信站"):
        date = _MAIL_DATE.search(m["value"])
        floor.time = floor.time or (date[1].strip() if date else "")
    return True


def read_floors(lines: list[PageLine], furniture_keys: set[str], earlier: list[str]) -> list[Floor]:
    """A floor's author, time and text, and the replies nested in it (a 楼中楼) as floors of their own.

    The author is the short line above a stamp (or a floor's first line, when the stamp
    stands below the text); stamps, counters, buttons, what every floor prints and
    quotes of earlier floors go. A poster who wrote several floors is still their author.
    """
    texts = [line.text.strip() for line in lines if normalise(line.text) or line.text.strip().startswith("|")]
    floors = [Floor()]
    stamp_at = next((i for i, t in enumerate(texts[:HEAD_LINES]) if _is_stamp(t)), None)
    if stamp_at is None and len(texts) > 1 and _author_line(texts[0]):
        floors[0].author, texts = _author(texts[0]), texts[1:]
    quoting = False
    for i, text in enumerate(texts):
        floor = floors[-1]
        following = texts[i + 1] if i + 1 < len(texts) else ""
        if text.startswith("发信人") and floor.lines:  # a BBS post quoted whole: a floor of its own
            floors.append(Floor())
            floor = floors[-1]
        if mail_header(text, floor):
            continue
        if features(text).chrome == "quote":
            quoting = True
            continue
        k = normalise(text)
        if quoting and len(k) >= 4 and any(k in e for e in earlier):
            continue  # a quoted line, wrapped: the rest of the quote
        quoting = False
        if _is_stamp(text):
            if not floor.time:
                floor.time = stamp_time(text)
                name = text[:text.find(floor.time)].strip() if floor.time else ""
                if not floor.author and name and _author_line(name) and not STAMP.search(name):
                    floor.author = _author(name)  # 网友 2021-03-05 10:00: the poster before the stamp
            continue
        if _author_line(text) and _is_stamp(following):  # the author of this floor, or of one nested in it
            if floor.lines:
                floors.append(Floor())
            floors[-1].author = _author(text)
            continue
        if not floor.author and not floor.lines and floor.time and following and _author_line(text):
            floor.author = _author(text)  # the name under the stamp (2023-07-06 23:19 / henryspace @henryspace)
            continue
        if _skipped(text, k, furniture_keys) or len(k) >= MIN_QUOTE and any(k in e for e in earlier):
            continue  # furniture, or a quote of an earlier floor
        floor.lines.append(text)
    return [f for f in floors if f.lines]


def thread_floors(lines: list[PageLine], floors: list[int], opening: str = "",
                  first_is_opening: bool = False) -> tuple[list[Floor], int]:
    """The floors' authors, times and texts in page order; how many replies were left out past the page's limit.

    `opening`: the thread's first post, which replies may quote; `first_is_opening`: the
    first floor is that post, and no reply.
    """
    every: dict[int, list[PageLine]] = {}
    for line in lines:
        if line.post >= 0:
            every.setdefault(line.post, []).append(line)
    keys = furniture(every)
    by_floor = {f: every.get(f, []) for f in floors}
    out, earlier, size = [], [normalise(opening)], 0
    for n, f in enumerate(floors):
        if size > MAX_THREAD or len(out) - first_is_opening >= MAX_REPLIES:
            # The page's limit: the floors after it are counted, not read (a quote check against
            # everything before them would grow with the thread).
            return out, sum(1 for g in floors[n:] if any(normalise(line.text) for line in by_floor[g]))
        for floor in read_floors(by_floor[f], keys, earlier):
            earlier.append(normalise("".join(floor.lines)))
            size += sum(len(t) for t in floor.lines)
            out.append(floor)
    return out, 0


MIN_OPENING = 60  # characters outside links: a thread's opening post shorter than this is widened to its holder


def opening_post(roots: list[Tag], run: set[int], stats: dict) -> list[Tag]:
    """A short opening post our scorer chose only part of (its subject line): the element that holds it,
    up to the one that would hold the replies too."""
    out = []
    for root in roots:
        node = root
        while node.parent is not None and node.parent.name not in ("body", "html", "[document]") \
                and _content(stats.get(id(node))) < MIN_OPENING \
                and not any(id(t) in run for t in preorder(node.parent)):
            node = node.parent
        out.append(node)
    return out


def thread_article(page: list[PageLine], kept: list[bool], posts: Posts) -> tuple[list[bool], list, int]:
    """A thread: its opening (the first floor, or the post our scorer chose above the replies) and its replies.

    Returns the lines of an opening that stands above the replies (as `kept`; none when
    the first floor is the opening), the floors read by `thread.thread_floors` (the first
    floor first, when the run holds it), and how many replies were left out past the
    page's limit.
    """
    indices = sorted({line.post for line in page if line.post >= 0})
    if posts.holds_article:  # every floor is read alike, the first one included; the thread's header row goes
        floors, left = thread_floors(page, indices, first_is_opening=True)
        return [False] * len(page), floors, left
    # The replies stand apart: the opening is what the vote and our scorer chose above them.
    first_reply = next(i for i, line in enumerate(page) if line.post >= 0)
    opening = [(keep or line.ours) and line.post < 0 and i < first_reply for i, (line, keep) in enumerate(zip(page, kept))]
    chosen = [i for i, keep in enumerate(opening) if keep]  # widened to hold the post: its furniture goes
    for i, keep in zip(chosen, trim_edges([page[i].text for i in chosen], [False] * len(chosen))):
        opening[i] = keep
    floors, left = thread_floors(page, indices, "".join(line.text for line, keep in zip(page, opening) if keep))
    return opening, floors, left


def replies(floors: list, left: int, opening: list[str]) -> list[str]:
    """The reply floors as lines, each under its author and time (a `PostHeader` line)."""
    out = []
    for floor in floors:
        if floor.header:
            out.append(PostHeader(floor.header))
        out += floor.lines
    if left:
        han = sum(1 for c in "".join(opening[:3]) if "\u4e00" <= c <= "\u9fff")
        out.append(PostHeader(f"另有 {left} 条回复，见原网页" if han else f"{left} more replies on the original page"))
    return out
