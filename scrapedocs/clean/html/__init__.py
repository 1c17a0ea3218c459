"""A raw HTML page becomes its article: text lines plus metadata hints.

The page is parsed with BeautifulSoup over lxml. Metadata is read first, from
the whole page (`<title>`, `<meta>`, canonical links, bylines near the
headline). What no reader sees (scripts, styles, hidden elements) is dropped;
what is usually not article (navigation, forms, comments, elements whose class
or id names a known kind of noise) is only marked. Then the article is chosen
the way Readability does, with scores that suit Chinese pages: every
paragraph-like element scores by its length and its sentence punctuation
(，。、；：！？ count), the score flows to its parent and grandparent, link-heavy
elements are discounted, and the best-scoring element is the article, joined by
siblings that score nearly as well (`scoring`). If the noise marks leave no
article, the choice is made again without them: no filter empties a page.

Our scorer is one voter of an ensemble (`ensemble`): readability-lxml,
trafilatura, jusText (judging Chinese by length and links) and Resiliparse
each vote on every line of the page (`members`); within our article the
majority drops and restores lines, and when our scorer chose another part of
the page outright, the majority's article wins. Blogs and forums keep their
first post (`posts`); a gallery whose captions sit in script data gets them
(`scripts`). `explain_article` says which extractor won and why; the build
report records it per input.

Modules: tree (iterative walks), tags, noise, scoring, blocks (the page as
lines), posts, members, ensemble, scripts.

The article comes out as one line per block: headings as "## …", list items
as "- …", tables as Markdown table rows ("| a | b |"), images as their alt
text. Lines are data for the later stages; nothing here escapes Markdown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

from ...extract.fields import closing_byline
from ...extract.page import page_author, page_hints, page_strings, visible_strings
from ...extract.policy.notice import frame_above
from ...text import program_line
from .blocks import PageLine, page_lines
from .ensemble import (
    ballot,
    bare,
    choose_page,
    decide,
    explain,
    f1,
    normalise,
    settled,
    trim_edges,
)
from .members import MEMBERS, run_member
from .noise import drop_never_text, noise_roots
from .posts import Posts, drop_comments, find_posts, keep_first_post, stamp_line
from .scoring import choose_article, measure
from .scripts import script_article
from .tree import max_depth


def scored_lines(soup: BeautifulSoup) -> tuple[list[PageLine], Posts]:
    """Every line of the page, marked with the scorer's choice and the posts; no filter may empty the page.

    When the noise filter leaves no article (a blog inside an ASP.NET form with
    few <p>), the choice is made again on the unfiltered page.
    """
    drop_never_text(soup)
    full = measure(soup)
    noise = noise_roots(soup, full)
    roots = choose_article(soup, measure(soup, skip=noise))
    posts = find_posts(soup, full, noise, roots)
    lines = page_lines(soup, full, chosen={id(r) for r in roots}, noise=noise, posts=posts.index)
    if not any(line.ours for line in lines):
        # Lift the marks of the noise that holds the article (a <form> around the page), keep the inner ones.
        roots = choose_article(soup, full)
        size = sum(full[id(r)].chars for r in roots)
        kept_noise = {key for key in noise if full[key].chars * 2 < size}
        lines = page_lines(soup, full, chosen={id(r) for r in roots}, noise=kept_noise, posts=posts.index)
    if not any(line.ours for line in lines):
        lines = page_lines(soup, full, chosen={id(soup)}, posts=posts.index)
    return lines, posts


def settle_posts(lines: list[PageLine], kept: list[bool], voted: list[bool], posts: Posts) -> list[bool]:
    """Blogs and forums: the first post is the article; a comment run goes (see `posts`)."""
    if not posts.found:
        return kept
    indices = [line.post for line in lines]
    if posts.comments:
        return drop_comments(indices, kept)
    return keep_first_post(indices, kept, voted, [not line.links and not line.noise for line in lines],
                           [bare(line.text) or stamp_line(line.text) for line in lines])


HEADLINE_LIKE = 0.7  # character F1 with the title above which an opening line is the headline again
_PARAGRAPH = re.compile(r"[，。！？；]")
_SENTENCE = re.compile(r"[。；]")  # a headline has no full stop: a line with one is the article's
MIN_SENTENCE = 10  # normalised characters of a line that opens the article's own text


def without_headline(lines: list[PageLine], title: str) -> list[PageLine]:
    """The headline is front matter, not body: drop it (and its variants above the text) where the article repeats it.

    >>> lines = [PageLine(t) for t in ("## 新规发布：细则出台", "新规发布", "正文第一段，有标点，说明新规的内容。", "新规发布：细则出台")]
    >>> [line.text for line in without_headline(lines, "新规发布：细则出台")]
    ['正文第一段，有标点，说明新规的内容。']
    >>> [line.text for line in without_headline([PageLine("同意在天津开展改革试点。现批复如下：")], "国务院关于同意在天津开展改革试点的批复")]
    ['同意在天津开展改革试点。现批复如下：']
    """
    key = normalise(title)
    if not key:
        return lines
    out, opening = [], True
    for line in lines:
        text = normalise(line.text)
        if opening and _PARAGRAPH.search(line.text) and len(text) > MIN_SENTENCE and f1(text, key) < HEADLINE_LIKE:
            opening = False  # the first sentence: what follows is the article's own (its 落款 names the issuer again)
        variant = opening and text and not _SENTENCE.search(line.text)
        same = text == key or variant and (f1(text, key) >= HEADLINE_LIKE or len(text) >= 4 and text in key)
        if not same:
            out.append(line)
    return out


REPEAT = 20  # normalised characters: a paragraph this long said twice is a carousel or a teaser, said once


def once(lines: list[str]) -> list[str]:
    """Lines without verbatim repeats of a long paragraph (the promotion block shown twice); code may repeat."""
    seen, out = set(), []
    for line in lines:
        key = normalise(line)
        if len(key) >= REPEAT and key in seen and not program_line(line):
            continue
        seen.add(key)
        out.append(line)
    return out


@dataclass(frozen=True)
class ExtractConfig:
    """How the article is chosen: which maintained extractors vote beside our scorer, and how."""

    members: tuple[str, ...] = tuple(MEMBERS)
    method: str = "vote"  # "vote": per line; "page": the best-agreeing member's page; "scorer": ours alone
    lazy: bool = True  # stop running members once the rest could not change the vote (same result, faster)


CONFIG = ExtractConfig()
#: Nesting depth past which the maintained members do not run: lxml stops at 255 levels and Resiliparse's
#: time grows faster than the page there (10 s at 20,000 levels); our scorer's walks are linear at any depth.
MAX_MEMBER_DEPTH = 250


def vote_lazily(html: str, page: list[PageLine], config: ExtractConfig,
                lazy: bool = True) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """The members' texts, cheapest first, stopping once the rest could not change the vote; errors; the skipped."""
    texts, errors = {}, {}
    names = list(config.members)
    for i, name in enumerate(names):
        texts[name], error = run_member(name, html)
        if error:
            errors[name] = error
        remaining = names[i + 1:]
        if lazy and remaining and settled(ballot(page, texts), len(remaining)):
            return texts, errors, remaining
    return texts, errors, []


def explain_article(html: str, config: ExtractConfig | None = None) -> tuple[list[str], dict[str, str], dict]:
    """The article's lines, the page's metadata, and which extractor won and why."""
    config = config or CONFIG
    # Not soup.body: on malformed pages lxml leaves part of the content outside the first <body>.
    soup = BeautifulSoup(html, "lxml")
    hints = page_hints(soup, html)
    page, posts = scored_lines(soup)
    too_deep = max_depth(soup) > MAX_MEMBER_DEPTH
    if config.method == "scorer" or not config.members or too_deep:
        ours = [line.ours for line in page]
        kept = settle_posts(page, ours, ours, posts)
        explanation = {"method": "scorer", "winner": "scorer"}
        if too_deep and config.method != "scorer":
            explanation["notes"] = [f"nested more than {MAX_MEMBER_DEPTH} deep: our scorer alone (the members"
                                    " are slow on such pages or cut them short)"]
    else:
        texts, errors, skipped = vote_lazily(html, page, config, lazy=config.lazy and config.method == "vote" and not posts.found)
        b = ballot(page, texts)
        b = choose_page(page, b) if config.method == "page" else decide(page, b)
        kept = b.kept = settle_posts(page, b.kept, [bool(v) for v in b.votes], posts)
        explanation = explain(page, b)
        if errors:
            explanation["errors"] = errors
        if skipped:
            explanation["skipped"] = f"{', '.join(skipped)}: the vote was settled without them"
    if posts.found:
        explanation["posts"] = (f"a run of {len(posts.index)} comments dropped" if posts.comments else
                                f"the first of {len(posts.index)} posts kept")
    # A notice's addressee and 文号 just above the block the extractors chose are the notice's (not its edge's furniture).
    first = next((i for i, keep in enumerate(kept) if keep), None)
    frame = {id(page[i]) for i in frame_above([line.text for line in page], first)} if first is not None else set()
    chosen = [line for line, keep in zip(page, kept) if keep or id(line) in frame]
    chosen = without_headline(chosen, hints.get("title", ""))
    edges = trim_edges([c.text for c in chosen], [c.ours or id(c) in frame for c in chosen])
    lines = once([line.text for line, keep in zip(chosen, edges) if keep])
    from_script = script_article(html, lines)
    if from_script:
        lines = from_script
        explanation.setdefault("notes", []).append("the article is in the page's script data (a gallery's captions)")
    if "author" not in hints:
        author = closing_byline(lines) or page_author(page_strings(visible_strings(soup)))
        if author:
            hints["author"] = author
    return lines, hints, explanation


def extract_article(html: str, config: ExtractConfig | None = None) -> tuple[list[str], dict[str, str]]:
    """The article of an HTML page as text lines, and the metadata the page states.

    >>> lines, hints = extract_article(
    ...     "<html><head><title>标题_新华网</title></head><body><nav>首页 新闻</nav>"
    ...     "<div><p>这是第一段，有标点。内容足够长了吧。</p><p>第二段，也有标点。</p></div></body></html>")
    >>> lines, hints["title"]
    (['这是第一段，有标点。内容足够长了吧。', '第二段，也有标点。'], '标题')
    """
    lines, hints, _ = explain_article(html, config)
    return lines, hints
