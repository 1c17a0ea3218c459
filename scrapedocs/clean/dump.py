"""Text dumps: tell the article's lines from the site chrome around them.

Every line gets a verdict from cues that hold on pages never seen before:

* *chrome patterns*: breadcrumbs, toolbars, counters, copyright/ICP lines,
  contact details, previous/next links, metadata fields, disclaimers;
* *content evidence*: length and Chinese sentence punctuation; a site menu
  or a title has no sentence punctuation, an article paragraph has plenty;
* *position*: the article is the contiguous run of lines with the most
  content evidence (a maximum-sum segment, linear in the number of lines);
  the head and tail outside it are chrome unless a line reads like the
  article's own short first or last paragraph.

Matching happens on a folded view of each line (pinyin annotations dropped,
Traditional folded to Simplified, full-width folded to ASCII), so the lexicon
is written once, in Simplified Chinese, and the source text itself is left for
the restore stage. Removed lines stay in the document with the reason, for the
build report and for metadata extraction.
"""
from __future__ import annotations

import re

from ..model import AFTER, BEFORE, Document
from .chrome import (
    _SENTENCE_END_RE,
    OUTLINE_HEADING,
    STOPPERS,
    TABLE_ROW,
    TRAILER,
    LineFeatures,
    features,
    stamp_line,
)

STOPPER_WALL = 1000  # a "相关文章" heading: the article never runs across it
#: A chrome line costs its size up to this: the article runs across a long disclaimer or an ad
#: set inside it when enough article stands on both sides (the line itself is still removed).
MAX_CHROME_PENALTY = 30
_LIST_ITEM = re.compile(r"^[*+•]\s|^\d{1,2}[、.]\S")
COMMENT_BODY = 3  # lines after a comment header that are the comment itself
MIN_COMMENTS = 2  # comment headers that make a run of comments


def _comment_bodies(feats: list[LineFeatures]) -> None:
    """The lines under a comment header are the comment: chrome too, up to the next header.

    Only where the page has comments (two headers or more): one "name date time" line is the
    article's byline (中国网 2019-11-25 10:37:31), and the text under it the article.
    """
    headers = [i for i, f in enumerate(feats) if f.chrome == "comment"]
    if len(headers) < MIN_COMMENTS:
        return
    for i in headers:
        for g in feats[i + 1:i + 1 + COMMENT_BODY]:
            if g.chrome:
                break
            g.chrome = "comment"


TABLE_RUN = 3  # aligned rows in a row make a table (a brochure's price list), not a menu
_CELL_GAP = re.compile(r"\S(?:\s{2,}|\t)\S")


def _cells(text: str) -> int:
    """Cells of a row that a dump laid out with runs of spaces or tabs (0 when it is not such a row)."""
    gaps = len(_CELL_GAP.findall(text.strip()))
    return gaps + 1 if gaps else 0


def _tables(lines: list, feats: list[LineFeatures]) -> None:
    """Rows of tables are content: Markdown rows, and runs of rows with the same number of aligned cells.

    A brochure's short table-like lines (服务项目  价格  周期) read like a menu line by line; aligned in a
    run, they are a table, and the article goes on across them.
    """
    counts = [_cells(line.text) for line in lines]  # each line's once (a run is compared with the next line)
    i = 0
    while i < len(lines):
        cells = counts[i]
        j = i + 1
        while cells and j < len(lines) and counts[j] == cells:
            j += 1
        if cells and j - i >= TABLE_RUN:
            for f in feats[i:j]:
                if f.chrome in ("menu", "navigation", ""):
                    f.chrome, f.table = "", True
        i = max(j, i + 1)
    for line, f in zip(lines, feats):
        if TABLE_ROW.match(f.folded):
            f.table = True


def _first_post(feats: list[LineFeatures], lines: list, start: int, end: int) -> int:
    """Where the article's first post ends: at the first post stamp after its text (a blog's footer, the next floor).

    发表于 2004年12月27日 12:40 - (阅读:3) under a blog post, 2楼 发表于 … above a reply, 网友 2021-03-05 12:00 above a
    comment: once the article has begun, the next stamp closes it.
    """
    seen = 0
    for i in range(start, end):
        if seen >= MIN_POST_TEXT and (stamp_line(lines[i].text) or feats[i].chrome == "comment"):
            return i
        if not feats[i].chrome and feats[i].punct:
            seen += feats[i].han or (0 if _code(feats[i]) else feats[i].words)
    return end


_DANGLING = re.compile(r"^.{0,18}:\s*$")  # 回复: 相关链接: a label after the article introduces what is not article
_DATE_LED = re.compile(r"^\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
HEAD_SPAN = 3  # lines at the top of the article searched for a headline and its byline


def _after_byline(feats: list[LineFeatures], start: int, end: int) -> int:
    """Where the article starts when the run begins with its headline and a dated byline.

    A headline with a ！ in it scores as text, and the run then opens with it and with
    '2019年09月11日 富达传媒 时政新闻 1665 0' under it: both are the page's head, not the article.
    """
    for j in range(start, min(start + HEAD_SPAN, end)):
        f = feats[j]
        if _DATE_LED.match(f.folded) and len(f.folded) <= 60 and not _SENTENCE_END_RE.search(f.folded):
            if all(len(g.folded) <= 50 and not _SENTENCE_END_RE.search(g.folded) for g in feats[start:j]):
                return j + 1
    return start


MIN_POST_TEXT = 30  # characters of text before a stamp can close the first post


#: A line of program code in a technical post: neutral, so the article runs on across its code blocks.
CODE_LINE = re.compile(r"^\s*(?:import|from|def|class|return|if|elif|else|for|while|try|except|finally|with|print|var|let"
                       r"|const|function|public|private|#include)\b|[A-Za-z_]\w*\s*(?:=|\()|[{};]\s*$")


def _code(f: LineFeatures) -> bool:
    """A line of program code (not markup: a dump's stray <a href=…> line is not a program)."""
    return f.han == 0 and not f.folded.startswith(("<", "&")) and bool(CODE_LINE.search(f.folded))


def score(f: LineFeatures) -> float:
    """Content evidence of one line: positive for article text, negative for chrome.

    A table row is content; a row that carries prose (a dump of a two-column layout, the
    menu beside the article) counts as the prose it carries.
    """
    if f.table:
        return 1 if f.chrome else max(1, _text_score(f))
    if not f.chrome and _code(f):
        return 0
    if f.chrome:
        return -STOPPER_WALL if STOPPERS.match(f.folded) else -(20 + min(f.size, MAX_CHROME_PENALTY))
    return _text_score(f)


def _text_score(f: LineFeatures) -> float:
    """Evidence of a line that is not chrome: its size, less for unpunctuated lines, bullets and headings."""
    if OUTLINE_HEADING.match(f.folded):
        return 3
    if f.punct == 0:
        return -5
    if _LIST_ITEM.match(f.folded):  # a dump's bullet: menus, link lists, teasers; rarely the article
        return -10 if not _SENTENCE_END_RE.search(f.folded) and f.han <= 40 else (f.size - 10) / 2
    if _CLAUSE_END.search(f.folded):  # 下周一， / 全！封！闭！: a sentence broken over short lines, as WeChat posts do
        return max(f.size - 10, 1)
    return f.size - 10


_CLAUSE_END = re.compile(r"[,.!?;。…][”\"’)]?\s*$")


def best_segment(scores: list[float]) -> tuple[int, int]:
    """Bounds [start, end) of the contiguous run with the largest total (Kadane)."""
    best, best_bounds = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_bounds = total, (start, i + 1)
    return best_bounds if best > 0 else (0, 0)


def _is_edge_paragraph(f: LineFeatures) -> bool:
    """A short line that still reads like the article's own first or last paragraph."""
    if f.chrome:
        return False
    if OUTLINE_HEADING.match(f.folded) or TRAILER.match(f.folded):
        return True
    return f.punct >= 1 and f.han + f.words >= 2 and bool(_SENTENCE_END_RE.search(f.folded))


def _summary_repeated(f: LineFeatures, others: list[LineFeatures]) -> bool:
    """A summary (核心提示) that only repeats the article's opening is chrome."""
    text = re.sub(r"\s+", "", f.folded.split(":", 1)[-1])[:30]
    return bool(text) and any(text in re.sub(r"\s+", "", o.folded) for o in others if o is not f)


def clean_dump(doc: Document) -> Document:
    """Mark each line of `doc` kept or removed, with the reason."""
    lines = [line for line in doc.lines if line.text.strip()]
    feats = [features(line.text) for line in lines]
    for f in feats:
        if f.chrome == "summary" and not _summary_repeated(f, feats):
            f.chrome = ""
    _comment_bodies(feats)
    _tables(lines, feats)
    scores = [score(f) for f in feats]
    start, end = best_segment(scores)
    start = _after_byline(feats, start, end)
    cut = _first_post(feats, lines, start, end)
    if cut < end:  # the article is the first post: its own best run, before the next stamp
        inner = best_segment(scores[start:cut])
        start, end = (start + inner[0], start + inner[1]) if inner[1] > inner[0] else (start, cut)
    for i, (line, f) in enumerate(zip(lines, feats)):
        if start <= i < end:
            line.kept, line.reason = not f.chrome, f.chrome
        else:
            line.kept, line.reason = False, f.chrome or (BEFORE if i < start else AFTER)
    # The article's own short opening and closing lines, adjacent to the core.
    i = start - 1
    while i >= 0 and start < end and _is_edge_paragraph(feats[i]):
        lines[i].kept, lines[i].reason = True, ""
        i -= 1
    i = end
    while i < len(lines) and start < end and _is_edge_paragraph(feats[i]) and not _DANGLING.match(feats[i].folded):
        lines[i].kept, lines[i].reason = True, ""
        i += 1
    for line in doc.lines:
        if not line.text.strip():
            line.kept, line.reason = True, ""
    if not doc.body:
        _keep_everything_readable(doc, lines, feats)
    return doc


def _keep_everything_readable(doc: Document, lines: list, feats: list[LineFeatures]) -> None:
    """No filter may empty a page: with no article found, keep every line that is not chrome, and say so."""
    for line, f in zip(lines, feats):
        if not f.chrome:
            line.kept, line.reason = True, ""
    if doc.body:
        doc.warnings.append("no article found: every line that is not site chrome kept")
    else:
        doc.error = doc.error or "no article text found (every line looks like site chrome)"
