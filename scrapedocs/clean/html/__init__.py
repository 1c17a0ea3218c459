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
the page outright, the majority's article wins. A blog page of several posts
keeps its first (`posts`); a forum or Q&A thread keeps its question and every
answer (`genre`, `thread`); a story loses its comments and the feed of other
stories under it (`feeds`); the headline is chosen above the article
(`clean.headline`) and the article's edges follow from it (`article`); a gallery
whose captions sit in script data gets them (`scripts`). `explain_article`
says which extractor won and why, which line is the title and why, and what
kind of page it is; the build report records it per input.

Modules: tree (iterative walks), tags, noise, scoring, blocks (the page as
lines), posts, genre, thread, members, ensemble, feeds, article, scripts.

The article comes out as one line per block: headings as "## …", list items
as "- …", tables as Markdown table rows ("| a | b |"), images as their alt
text. Lines are data for the later stages; nothing here escapes Markdown.
"""
from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup

from ...extract.fields import closing_byline
from ...extract.page import page_author, page_facts, page_hints, page_strings, visible_strings
from ...extract.policy.notice import frame_above
from ..headline import blog_owner, choose_headline
from .article import below_headline, described_post, once, self_name, without_headline
from .blocks import PageLine, page_lines
from .ensemble import ballot, bare, choose_page, decide, explain, settled, trim_edges
from .feeds import feed_start
from .genre import Genre, named_replies, page_genre
from .members import MEMBERS, run_member
from .noise import drop_never_text, noise_roots
from .posts import Posts, _content, drop_comments, find_posts, keep_first_post, stamp_line
from .scoring import choose_article, measure
from .scripts import script_article
from .thread import STAMP as THREAD_STAMP
from .thread import opening_post, replies, thread_article
from .tree import max_depth


SHORT_POST = 400  # characters outside links: a post this short with replies under it is a thread's opening
MIN_REPLIES = 3
MIN_REPLY = 6  # characters outside links a reply holds with its author and stamp
def scored_lines(soup: BeautifulSoup, genre: Genre = Genre()) -> tuple[list[PageLine], Posts, Genre]:
    """Every line of the page, marked with the scorer's choice and the posts; no filter may empty the page.

    When the noise filter leaves no article (a blog inside an ASP.NET form with
    few <p>), the choice is made again on the unfiltered page. A page that is (or may
    be) a forum or Q&A thread (`genre`) has its replies looked for in comment-named
    elements too; a short post with a run of replies under it is one more piece of
    evidence that it is a thread. Returns the genre as the page's structure left it.
    """
    drop_never_text(soup)
    full = measure(soup)
    noise = noise_roots(soup, full)
    roots = choose_article(soup, measure(soup, skip=noise))
    posts = Posts()
    if genre.points:
        posts = find_posts(soup, full, noise, roots, within_noise=True, stamp=THREAD_STAMP, min_post=MIN_REPLY)
        apart = posts.found and not posts.holds_article
        short = sum(_content(full.get(id(r))) for r in roots) < SHORT_POST
        if apart and len(posts.index) >= MIN_REPLIES and short and named_replies(posts.first):
            genre = genre.with_replies()
        if apart and not short and not genre.strong:
            genre = genre.comments()  # a story with comments under it: 1楼, 跟帖 are said there too
        if not genre.thread:
            posts = Posts(posts.index, comments=True, first=posts.first) if apart else Posts()
        elif apart:
            roots = opening_post(roots, set(posts.index), full)
    if not posts.found:
        posts = find_posts(soup, full, noise, roots)
        if posts.found and not posts.comments and not genre.thread and len(posts.index) >= MIN_REPLIES \
                and posts.titled * 2 < len(posts.index):
            genre = genre.untitled_floors()
    lines = page_lines(soup, full, chosen={id(r) for r in roots}, noise=noise, posts=posts.index)
    if not any(line.ours for line in lines):
        # Lift the marks of the noise that holds the article (a <form> around the page), keep the inner ones.
        roots = choose_article(soup, full)
        size = sum(full[id(r)].chars for r in roots)
        kept_noise = {key for key in noise if full[key].chars * 2 < size}
        lines = page_lines(soup, full, chosen={id(r) for r in roots}, noise=kept_noise, posts=posts.index)
    if not any(line.ours for line in lines):
        lines = page_lines(soup, full, chosen={id(soup)}, posts=posts.index)
    return lines, posts, genre


def settle_posts(lines: list[PageLine], kept: list[bool], voted: list[bool], posts: Posts) -> list[bool]:
    """Blogs and forums: the first post is the article; a comment run goes (see `posts`)."""
    if not posts.found:
        return kept
    indices = [line.post for line in lines]
    if posts.comments:
        return drop_comments(indices, kept)
    return keep_first_post(indices, kept, voted, [not line.links and not line.noise for line in lines],
                           [bare(line.text) or stamp_line(line.text) for line in lines])


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
    facts = page_facts(soup, html)
    page, posts, genre = scored_lines(soup, page_genre(facts.url or "", facts.metas, html, facts.texts))
    threaded = genre.thread and posts.found
    too_deep = max_depth(soup) > MAX_MEMBER_DEPTH
    if config.method == "scorer" or not config.members or too_deep:
        ours = [line.ours for line in page]
        kept = ours if threaded else settle_posts(page, ours, ours, posts)
        explanation = {"method": "scorer", "winner": "scorer"}
        if too_deep and config.method != "scorer":
            explanation["notes"] = [f"nested more than {MAX_MEMBER_DEPTH} deep: our scorer alone (the members"
                                    " are slow on such pages or cut them short)"]
    else:
        texts, errors, skipped = vote_lazily(html, page, config, lazy=config.lazy and config.method == "vote" and not posts.found)
        b = ballot(page, texts)
        b = choose_page(page, b) if config.method == "page" else decide(page, b)
        if not threaded:
            b.kept = settle_posts(page, b.kept, [bool(v) for v in b.votes], posts)
        kept = b.kept
        explanation = explain(page, b)
        described = not threaded and described_post(page, kept, facts.metas)
        if described:
            kept = described
            explanation["notes"].append("the page's own description names a post our choice left out: it is "
                                        "the article's")
        if errors:
            explanation["errors"] = errors
        if skipped:
            explanation["skipped"] = f"{', '.join(skipped)}: the vote was settled without them"
    floors: list = []
    left = 0
    opening_floor = None
    if threaded:
        kept, floors, left = thread_article(page, kept, posts)
        if posts.holds_article and floors:
            opening_floor, floors = floors[0], floors[1:]
        explanation["thread"] = {"kind": genre.kind, "why": list(genre.reasons), "replies": len(floors),
                                 **({"left out": left} if left else {})}
    elif posts.found:
        explanation["posts"] = (f"a run of {len(posts.index)} comments dropped" if posts.comments else
                                f"the first of {len(posts.index)} posts kept")
    start = next((i for i, keep in enumerate(kept) if keep), None)
    if start is None:  # a thread whose first floor is its opening: the headline stands above the floors
        start = next((i for i, line in enumerate(page) if line.post >= 0), len(page))
    name = self_name(facts, page)
    headline = choose_headline(page, start, name)
    title, explanation["title"] = headline.text, headline.explanation
    taken_back: set[int] = set()
    if headline.index is not None and headline.index < start and not threaded:
        taken_back = {id(page[i]) for i in below_headline(page, headline.index, start, name)}
    hints = page_hints(facts, title)
    if genre.kind == "blog" or threaded or genre.thread and genre.strong:  # a forum's words alone make no thread
        hints["genre"] = genre.kind
    if opening_floor is not None and opening_floor.author:
        hints["author"] = opening_floor.author  # a thread's author is its first poster
    owner = blog_owner(name) or (headline.owner if genre.kind == "blog" else "")
    if owner and "author" not in hints:
        hints["author"] = owner  # a blog post's author is the blog's owner
    # A notice's addressee and 文号 just above the block the extractors chose are the notice's (not its edge's furniture).
    first = next((i for i, keep in enumerate(kept) if keep), None)
    frame = {id(page[i]) for i in frame_above([line.text for line in page], first)} if first is not None else set()
    frame |= taken_back
    chosen = [line for line, keep in zip(page, kept) if keep or id(line) in frame]
    chosen = without_headline(chosen, title)
    edges = trim_edges([c.text for c in chosen], [c.ours or id(c) in frame for c in chosen])
    lines = once([line.text for line, keep in zip(chosen, edges) if keep])
    cut = None if threaded else feed_start(lines)
    if cut is not None:
        explanation.setdefault("notes", []).append(f"the article ends where a feed of other stories begins "
                                                   f"({lines[cut][:20]!r}): {len(lines) - cut} lines dropped")
        lines = lines[:cut]
    if opening_floor is not None:
        lines += [line.text for line in without_headline([PageLine(t) for t in opening_floor.lines], title)]
    if floors or left:
        lines += replies(floors, left, lines)
    from_script = not floors and script_article(html, lines)
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
