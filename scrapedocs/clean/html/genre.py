"""What kind of page this is: a forum or Q&A thread, a blog post, or neither, and the evidence.

A thread keeps its replies and a story loses its comments (`thread`), and the 文种
of a blog post or a thread says so (`extract.policy.news`): both are decided here,
from what the page states about itself (the software that made it, its address, its
schema.org type) and the words only such pages print (楼主, 沙发, 最佳答案; 博主,
博文), never from one site's markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

#: Software that makes forums.
GENERATORS = re.compile(r"discuz|phpwind|flarum|discourse|phpbb|vbulletin|nodebb|mybb|xenforo|bbs-go|dvbbs|leadbbs"
                        r"|invision|simple machines|punbb|fluxbb", re.I)
FORUM_HOST = re.compile(r"^(?:bbs|forum|forums|club|tieba|discuss|discussion|community|groups?)\d*\.", re.I)
QA_HOST = re.compile(r"^(?:zhidao|wenda|ask|answers?|qa|q)\.", re.I)
FORUM_PATH = re.compile(r"/(?:thread|threads|topic|topics|t/\d|d/\d|forum|bbs|discussion|discuss)s?(?:/|-|\.|$)"
                        r"|viewthread|showtopic|forum\.php|read\.php\?tid|[?&]tid=\d", re.I)
QA_PATH = re.compile(r"/(?:question|questions|answer|answers|faq|ask|wenda)(?:/|-|\.|$)", re.I)
SCHEMA = re.compile(r"""(?:schema\.org/|"@type"\s*:\s*")(DiscussionForumPosting|QAPage|Question|Answer)\b""")
FORUM_WORDS = re.compile(r"楼主|只看楼主|只看该作者|沙发|板凳|地板|回复本楼|发表于\s*\d|回帖|跟帖|发帖|楼层|电梯直达|主题帖|帖子\s*\d|\d+\s*楼\b"
                         r"|发信人|发信站|信区|讨论区|版面")
QA_WORDS = re.compile(r"最佳答案|采纳|提问者|回答者|\d+\s*[个条]回答|追问|热心网友|我来回答|写回答|邀请回答")
MAX_EVIDENCE_TEXTS = 2000  # text strings of a page searched for the words threads print


@dataclass(frozen=True)
class Genre:
    """What kind of page this is, and the evidence: "forum", "qa", "blog" or "" (none of them)."""

    kind: str = ""
    reasons: tuple[str, ...] = ()
    points: int = 0  # the evidence for the likelier kind
    strong: bool = False  # evidence beyond the words the page says: what made it, its address, its schema type

    @property
    def thread(self) -> bool:
        return self.kind in ("forum", "qa")

    def with_replies(self) -> Genre:
        """The page has a short post with a run of replies under it: one more point."""
        kind = self.kind if self.thread else ("forum" if self.points + 1 >= THREAD_POINTS else self.kind)
        return Genre(kind, (*self.reasons, "a short post with replies under it"), self.points + 1, self.strong)

    def untitled_floors(self) -> Genre:
        """The article is one of a run of stamped posts without headings of their own: a thread's floors
        (a blog's entries each have their title). Evidence enough on its own."""
        kind = self.kind if self.thread else "forum"
        return Genre(kind, (*self.reasons, "its posts are floors without titles"), max(self.points, THREAD_POINTS),
                     self.strong)

    def comments(self) -> Genre:
        """A long story with a run of comments under it, and only words for evidence: not a thread."""
        kind = "" if self.thread else self.kind  # a blog post with comments is still a blog post
        return Genre(kind, (*self.reasons, "a long story with comments under it"), self.points, self.strong)


THREAD_POINTS = 2  # evidence needed to call a page a thread
#: Class and id words of the elements that hold replies (not a list of other stories, which also carry ages).
REPLY_NAMES = re.compile(r"comment|reply|replies|answer|floor|pinglun|huifu|discuss|lzl|post(?!er)", re.I)


def named_replies(element) -> bool:
    """Whether a run's element, or the one holding it, is named for replies (class or id)."""
    for tag in (element, getattr(element, "parent", None)):
        if tag is None:
            continue
        classes = tag.get("class") or []
        names = " ".join([*(classes if isinstance(classes, list) else [classes]), tag.get("id") or ""])
        if REPLY_NAMES.search(names):
            return True
    return False


def page_genre(url: str, metas: dict[str, str], html: str, texts: list[str]) -> Genre:
    """Whether the page is a forum or Q&A thread, from what made it, where it is and what it says.

    >>> page_genre("https://bbs.example.com/viewthread.php?tid=3", {"generator": "Discuz! X3.4"}, "", []).kind
    'forum'
    >>> page_genre("https://news.example.com/2024/05/01/a.html", {}, "", ["相关新闻"]).kind
    ''
    """
    forum, qa, reasons, strong = 0, 0, [], False
    parts = urlsplit(url or "")
    host, path = (parts.hostname or ""), parts.path + ("?" + parts.query if parts.query else "")
    generator = metas.get("generator", "") + " " + metas.get("application-name", "")
    if GENERATORS.search(generator):
        forum += 2
        strong = True
        reasons.append(f"made by {GENERATORS.search(generator)[0]}")
    if FORUM_HOST.match(host) or FORUM_PATH.search(path):
        forum += 1
        strong = True
        reasons.append("a forum's address")
    if QA_HOST.match(host) or QA_PATH.search(path):
        qa += 1
        strong = True
        reasons.append("a Q&A address")
    for kind in set(SCHEMA.findall(html[:500_000])):
        strong = True
        if kind == "DiscussionForumPosting":
            forum += 2
        else:
            qa += 2
        reasons.append(f"schema.org {kind}")
    words = " ".join(texts[:MAX_EVIDENCE_TEXTS])
    said = {m for m in FORUM_WORDS.findall(words)}
    if said:
        forum += 1 if len(said) < 3 else 2
        reasons.append("says " + "、".join(sorted(said)[:4]))
    asked = set(QA_WORDS.findall(words))
    if asked:
        qa += 1 if len(asked) < 2 else 2
        reasons.append("says " + "、".join(sorted(asked)[:4]))
    points = max(forum, qa)
    if points >= THREAD_POINTS:
        return Genre("qa" if qa >= forum else "forum", tuple(reasons), points, strong)
    blog = blog_evidence(host, path, generator, metas.get("og:site_name", ""), words)
    if len(blog) >= BLOG_POINTS:
        return Genre("blog", tuple(blog), points, strong)
    return Genre("", tuple(reasons), points, strong)


BLOG_GENERATORS = re.compile(r"wordpress|typecho|z-blog|zblog|emlog|hexo|hugo|jekyll|ghost|blogger|movable type"
                             r"|pjblog|oblog|lbs|bo-blog|sablog|bitcron", re.I)
BLOG_HOST = re.compile(r"^(?:blogs?|weblog|space)\d*\.|\.(?:blogspot|wordpress|typepad|livejournal|cnblogs|blogbus|"
                       r"blogchina|bokee|wenxuecity)\.", re.I)
BLOG_PATH = re.compile(r"/(?:blogs?|archives|weblog|diary)(?:/|-|\.|$)", re.I)
BLOG_WORDS = re.compile(r"博主|博文|日志分类|个人分类|文章分类|阅读\s*[(（]\d+[)）]\s*[|｜]?\s*评论\s*[(（]\d+|的博客|博客首页|访问量|博客等级")
BLOG_POINTS = 2


def blog_evidence(host: str, path: str, generator: str, site_name: str, words: str) -> list[str]:
    """Why the page is a blog post: what made it, its address, its site's name, the words blogs print.

    >>> blog_evidence("blog.example.com", "/2005/11/rain.html", "WordPress 2.0", "", "")
    ['made by WordPress', "a blog's address"]
    """
    reasons = []
    if BLOG_GENERATORS.search(generator):
        reasons.append(f"made by {BLOG_GENERATORS.search(generator)[0]}")
    if BLOG_HOST.search(host or "") or BLOG_PATH.search(path):
        reasons.append("a blog's address")
    if re.search(r"博客|blog", site_name, re.I):
        reasons.append("a blog's name")
    said = set(BLOG_WORDS.findall(words))
    if said:
        reasons.append("says " + "、".join(sorted(said)[:3]))
    return reasons


