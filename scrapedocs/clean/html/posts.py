"""Blogs and forums: a page of several posts is the first post's article.

A post is one of several sibling elements built alike (same tag, same class
once digits are ignored) that each hold text and a post stamp: a date with a
time, 发表于, N楼, 回复, 楼主. On a forum thread the first post is the article and
the floors below it are replies; on a blog's page the first entry is the
article and the others are other posts. When the article our scorer chose
stands apart from such a run (a news story above its comment list), the run
is comments, and all of it goes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from ..chrome import STAMP, stamp_line  # noqa: F401  (stamp_line: the post trimming uses it from here)
from .scoring import _Stats
from .tree import preorder

POST_TAGS = {"div", "table", "tbody", "tr", "li", "article", "section", "dl", "ul"}
_DIGITS = re.compile(r"\d+")
HEADINGS = ["h1", "h2", "h3", "h4"]
MIN_POST = 20  # characters outside links: less is a button row, not a post
MAX_GROUPS = 200  # runs examined per page, so a hostile page cannot make this quadratic


@dataclass
class Posts:
    """Elements that are posts, by id → index in page order; `comments` when the run is not the article's."""

    index: dict[int, int] = field(default_factory=dict)
    comments: bool = False
    holds_article: bool = False  # the article our scorer chose is one of the posts (a forum's first floor)
    first: Tag | None = None  # the first post's element
    titled: int = 0  # posts with a heading of their own (a blog's entries have one, a thread's floors do not)

    @property
    def found(self) -> bool:
        return bool(self.index)


def _signature(tag: Tag) -> tuple:
    classes = tag.get("class") or []
    classes = classes if isinstance(classes, list) else [classes]
    return tag.name, tuple(sorted(_DIGITS.sub("", c) for c in classes))


def _content(s: _Stats | None) -> int:
    return s.chars - s.link_chars if s else 0


def find_posts(soup: BeautifulSoup, stats: dict[int, _Stats], noise: set[int], chosen: list[Tag],
               within_noise: bool = False, stamp: re.Pattern = STAMP, min_post: int = MIN_POST) -> Posts:
    """The run of posts that holds the most text, if any (see the module's docstring).

    `within_noise`: a thread's replies may stand in elements named comment or reply;
    `stamp`: what marks a post (a thread's stamps are wider: 6天前); `min_post`: characters of
    text a post holds at least (a reply may be 哈哈).
    """
    best: list[Tag] = []
    best_size = 0
    examined = 0
    skip = set() if within_noise else noise
    for parent in preorder(soup, lambda t: id(t) in skip):
        if id(parent) in skip or examined >= MAX_GROUPS:
            continue
        groups: dict[tuple, list[Tag]] = {}
        for child in parent.children:
            if isinstance(child, Tag) and child.name in POST_TAGS and id(child) not in skip:
                s = stats.get(id(child))
                if s and s.has_block and _content(s) >= min_post:
                    groups.setdefault(_signature(child), []).append(child)
        for units in groups.values():
            if len(units) < 2:
                continue
            size = sum(_content(stats.get(id(u))) for u in units)
            if size <= best_size:
                continue
            examined += 1
            stamped = sum(bool(stamp.search(u.get_text())) for u in units)
            if stamped >= 2 and stamped * 2 >= len(units):
                best, best_size = units, size
    if not best:
        return Posts()
    posts = Posts({id(u): i for i, u in enumerate(best)}, first=best[0],
                  titled=sum(1 for u in best if u.find(HEADINGS) is not None))
    # Text our scorer chose outside the run: a story above its comments has plenty, a thread has none.
    outside = 0
    for root in chosen:
        if id(root) in posts.index or any(id(p) in posts.index for p in root.parents):
            continue  # a post itself
        holds_run = any(p is root for p in best[0].parents)
        outside += _content(stats.get(id(root))) - (best_size if holds_run else 0)
    posts.comments = outside >= max(MIN_POST * 5, _content(stats.get(id(best[0]))))
    # The article is a post (a forum's first floor), or holds them all (a thread's container).
    posts.holds_article = any(root is u or any(p is u for p in root.parents) or any(p is root for p in u.parents)
                              for root in chosen for u in best)
    return posts


def _first_saying_post(posts: list[int], usable: list[bool], bare: list[bool]) -> int:
    """The first post with a line of text: a thread's header row, built like the posts, holds only a stamp."""
    return next((p for p, u, b in zip(posts, usable, bare) if p >= 0 and u and not b), 0)


def keep_first_post(posts: list[int], kept: list[bool], voted: list[bool], usable: list[bool],
                    bare: list[bool]) -> list[bool]:
    """`kept` with the later posts dropped and the first post kept.

    `posts` gives each line's post index (-1 outside posts). Within the first
    post the majority's lines stay; when the majority kept none of them (every
    extractor took the long replies), the lines anyone voted for; when nobody
    did, its usable text (not lists of links). The post's own header and footer
    (poster's name, stamp, 阅读(3) 评论(0): `bare` lines and stamps at its edges) go,
    and so do the bare lines around the posts: the thread's header
    ([版面:…][首篇作者:…] with its stamp) and pager ([分页:1]); the headline is
    taken apart from the body anyway.
    """
    article = _first_saying_post(posts, usable, bare)
    first = [i for i, p in enumerate(posts) if p == article]
    if any(kept[i] for i in first):
        chosen = {i for i in first if kept[i]}
    elif any(voted[i] for i in first):
        chosen = {i for i in first if voted[i]}
    else:
        chosen = {i for i in first if usable[i]}
    ordered = sorted(chosen)
    for order in (ordered, ordered[::-1]):
        for i in order:
            if not bare[i]:
                break
            chosen.discard(i)
    return [(keep and post < 0 and not bare[i]) or i in chosen for i, (post, keep) in enumerate(zip(posts, kept))]


def drop_comments(posts: list[int], kept: list[bool]) -> list[bool]:
    """`kept` without the lines of a comment run."""
    return [keep and post < 0 for post, keep in zip(posts, kept)]
