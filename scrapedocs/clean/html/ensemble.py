"""Several extractors vote on every line of the page; the article is what most of them keep.

Extractors err in different places (one keeps a comment thread, another
drops a table, a third takes the sidebar of a forum), so their majority is
right more often than any of them. The ballot is the page itself, one line
per block as our walker cut it (`blocks.page_lines`), so the result keeps our
formatting (headings, lists, tables) whoever voted for it. A member votes for
a line when most of the line's character trigrams occur in its output, which
is robust to the different ways extractors join, split and space paragraphs.

`explain` says which member agreed best with the result, and why the result
differs from our own scorer's choice; the build report records it per input.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...extract.policy.notice import addressee_from
from ...text import HAN
from ..chrome import features
from ..extracted import STRONG_CHROME
from .blocks import PageLine

_COUNTED = re.compile(f"[{HAN}A-Za-z0-9]")
GRAM = 3  # characters per shingle
COVERED = 0.5  # share of a line's shingles a member must have to vote for it
OURS = "scorer"  # our Chinese-aware scorer's name on the ballot


def normalise(text: str) -> str:
    """The characters that count: Chinese characters, letters and digits, lower-cased."""
    return "".join(_COUNTED.findall(text)).lower()


def shingles(text: str) -> set[str]:
    return {text[i:i + GRAM] for i in range(len(text) - GRAM + 1)}


LONG = 8  # normalised characters: a line this long is found by its own text; a shorter one by its place


def member_votes(keys: list[str], text: str) -> list[bool]:
    """Which lines (normalised) a member kept, given its normalised output.

    A long line is kept when it occurs in the output, or most of its shingles
    do. A short line ("- 论坛", "1", "CSDN") would occur anywhere by chance, so
    it counts only where the member kept a neighbouring long line and only
    between the places of the long lines the member kept around it: a menu
    above the headline does not win votes because the article mentions CSDN.
    """
    n = len(keys)
    votes, starts, ends = [False] * n, [0] * n, [0] * n
    if not text:
        return votes
    grams = shingles(text)
    cursor = 0
    for i, key in enumerate(keys):
        if len(key) < LONG:
            continue
        at = text.find(key, cursor)
        if at < 0:
            at = text.find(key)
        if at >= 0:
            votes[i], starts[i], ends[i] = True, at, at + len(key)
            cursor = at + len(key)
            continue
        own = shingles(key)
        if len(own & grams) >= COVERED * len(own):
            votes[i], starts[i], ends[i] = True, cursor, cursor
    long_lines = [i for i in range(n) if len(keys[i]) >= LONG]
    # Where the kept long lines above a place end at most, and where those below it start at least:
    # running extremes, so that a page of 5,000 headings stays linear.
    ends_above, starts_below = [0], [len(text)] * (len(long_lines) + 1)
    for j in long_lines:
        ends_above.append(max(ends_above[-1], ends[j]) if votes[j] else ends_above[-1])
    for k in range(len(long_lines) - 1, -1, -1):
        j = long_lines[k]
        starts_below[k] = min(starts_below[k + 1], starts[j]) if votes[j] else starts_below[k + 1]
    previous: int | None = None  # the nearest long line above
    following = 0  # index into long_lines of the nearest long line below
    for i, key in enumerate(keys):
        if len(key) >= LONG:
            previous = i
            continue
        while following < len(long_lines) and long_lines[following] < i:
            following += 1
        below = long_lines[following] if following < len(long_lines) else None
        if not key or not ((previous is not None and votes[previous]) or (below is not None and votes[below])):
            continue
        lo, hi = ends_above[following], starts_below[following]
        votes[i] = text.find(key, lo, max(lo, hi)) >= 0
    return votes


def f1(a: str, b: str) -> float:
    """Bag-of-characters F1 of two normalised texts."""
    ca, cb = Counter(a), Counter(b)
    common = sum((ca & cb).values())
    return 2 * common / (len(a) + len(b)) if common else 0.0


@dataclass
class Ballot:
    """Who voted for which line, and what came of it."""

    members: list[str]
    votes: list[set[str]]  # per line: the members that kept it
    kept: list[bool] = field(default_factory=list)
    method: str = "vote"
    agreement: float = 0.0  # our scorer's article against the majority's (character F1)
    notes: list[str] = field(default_factory=list)


#: Weight of each voter; a line is kept when the weights of its voters reach half the total.
WEIGHTS = {OURS: 1.5, "readability": 1.0, "trafilatura": 1.0, "justext": 1.0, "resiliparse": 1.0}


def ballot(lines: list[PageLine], texts: dict[str, str]) -> Ballot:
    """Every member's vote on every line; our scorer votes for the lines it chose."""
    keys = [normalise(line.text) for line in lines]
    votes = [{OURS} if line.ours else set() for line in lines]
    for name, text in texts.items():
        for voters, kept in zip(votes, member_votes(keys, normalise(text))):
            if kept:
                voters.add(name)
    return Ballot([OURS, *texts], votes)


_SENTENCE = re.compile(r"[，。！？；,!?;]")
EDGE_LINE = 40  # characters: an unpunctuated line this short at the article's edge is a label, not text


def bare(text: str) -> bool:
    """A short line without sentence punctuation: 字号, 澎湃新闻APP下载, a byline, a label."""
    return len(text) < EDGE_LINE and not _SENTENCE.search(text)


def trim_edges(lines: list[str], ours: list[bool]) -> list[bool]:
    """Which lines to keep: not the bare lines (see `bare`) our scorer did not choose, at the start and the end.

    Extractors that keep the headline's surroundings bring the font-size
    buttons and the byline with it; inside the article such lines stay
    (headings, table rows), at its edges they are the page's furniture.
    """
    kept = [True] * len(lines)
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for i in order:
            if ours[i] or not bare(lines[i]) or addressee_from(lines, i):
                break  # a notice's addressee (武警总部：) is short and bare, and the notice's own
            kept[i] = False
    for i in range(len(lines) - 1, -1, -1):  # a label left hanging at the end (回复：, 相关链接：) introduces nothing
        if not kept[i] or features(lines[i]).chrome in STRONG_CHROME:
            continue  # the footer the chrome filter removes anyway
        if not _DANGLING.match(lines[i]):
            break
        kept[i] = False
    return kept


_DANGLING = re.compile(r"^.{0,18}[:：]\s*$")


def settled(b: Ballot, remaining: int) -> bool:
    """Whether no vote of the `remaining` members (weight 1 each) could change the majority on any line.

    A line is surely kept when its voters weigh half the largest possible total (every remaining
    member finds an article and votes against it); surely dropped when even the votes of every
    remaining member, which then count in the total too, would stay under half of it.
    """
    present = [m for m in b.members if any(m in v for v in b.votes)]
    total = sum(WEIGHTS.get(m, 1.0) for m in present)
    for voters in b.votes:
        weight = sum(WEIGHTS.get(m, 1.0) for m in voters)
        if not ((voters and weight >= (total + remaining) / 2) or weight + remaining < (total + remaining) / 2):
            return False
    return True


def fill_gaps(lines: list[PageLine], kept: list[bool]) -> list[bool]:
    """Keep the short lines our scorer chose inside the article: list items, table rows, subheadings.

    Other extractors often drop short blocks; between two kept lines they are the article's own.
    """
    after = [False] * (len(kept) + 1)
    for i in range(len(kept) - 1, -1, -1):
        after[i] = after[i + 1] or kept[i]
    out, before = list(kept), False
    for i, line in enumerate(lines):
        if not kept[i] and line.ours and before and after[i + 1] and len(line.text) < EDGE_LINE:
            out[i] = True
        before = before or kept[i]
    return out


OVERRULE = 0.6  # character F1 between our scorer's article and the majority's below which the majority wins outright


def within_ours(lines: list[PageLine], majority: list[bool]) -> list[bool]:
    """The majority's verdict inside our scorer's article: lines it chose, and lines between two of them.

    The members agree with each other about the edges of a page more than
    they are right about them: they bring the promotion under the story,
    the disclaimer, the stock list. Inside our article the majority may drop
    a line (an alt text, a caption) or restore one (a table our scorer cut).
    """
    after = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        after[i] = after[i + 1] or (lines[i].ours and majority[i])
    out, before = [], False
    for i, line in enumerate(lines):
        out.append(majority[i] and (line.ours or before and after[i + 1]))
        before = before or (line.ours and majority[i])
    return out


def decide(lines: list[PageLine], b: Ballot) -> Ballot:
    """Keep what the majority keeps within our scorer's article, or all it keeps when it disagrees with our scorer.

    The majority: the lines whose voters weigh at least half of the members
    that found anything. When our scorer's choice and the majority's are
    different articles (F1 under `OVERRULE`: a forum's replies, a sidebar),
    the majority wins outright; otherwise it only corrects our article
    line by line (`within_ours`).
    """
    present = [m for m in b.members if any(m in v for v in b.votes)]
    total = sum(WEIGHTS.get(m, 1.0) for m in present)
    majority = fill_gaps(lines, [sum(WEIGHTS.get(m, 1.0) for m in v) >= total / 2 and bool(v) for v in b.votes])
    ours = normalise("".join(line.text for line in lines if line.ours))
    theirs = normalise("".join(line.text for line, k in zip(lines, majority) if k))
    b.agreement = f1(ours, theirs) if ours and theirs else 0.0
    if ours and b.agreement >= OVERRULE:
        b.kept, b.method = within_ours(lines, majority), "vote within our article"
    else:
        b.kept, b.method = majority, "majority"
        if ours:
            b.notes.append(f"our scorer chose another part of the page (F1 {b.agreement:.2f} with the majority)")
    if not any(b.kept) and any(line.ours for line in lines):
        b.kept, b.method = [line.ours for line in lines], "scorer"
        b.notes.append("no line won a majority: our scorer's choice stands")
    if not any(b.kept):
        b.kept, b.method = [True] * len(lines), "whole page"
        b.notes.append("no extractor found an article: the whole page is kept")
    return b


def explain(lines: list[PageLine], b: Ballot) -> dict:
    """Which member agreed best with the result and how far each was from it, for the build report."""
    result = normalise("".join(line.text for line, k in zip(lines, b.kept) if k))
    agreement = {}
    for member in b.members:
        chosen = normalise("".join(line.text for line, v in zip(lines, b.votes) if member in v))
        agreement[member] = round(f1(chosen, result), 3) if chosen else 0.0
    winner = max(agreement, key=lambda m: (agreement[m], m == OURS))
    added = sum(1 for line, k in zip(lines, b.kept) if k and not line.ours)
    dropped = sum(1 for line, k in zip(lines, b.kept) if line.ours and not k)
    why = f"closest to the majority (F1 {agreement[winner]:.3f})"
    if added or dropped:
        why += f"; the vote added {added} and dropped {dropped} of our scorer's lines"
    return {"method": b.method, "winner": winner, "why": why, "agreement": agreement, "notes": b.notes}


def choose_page(lines: list[PageLine], b: Ballot) -> Ballot:
    """Per page: the member whose lines agree best, on average, with every other member's."""
    chosen = {m: normalise("".join(line.text for line, v in zip(lines, b.votes) if m in v)) for m in b.members}
    present = [m for m in b.members if chosen[m]]
    if len(present) < 2:
        return decide(lines, b)

    def mean_agreement(m: str) -> float:
        return sum(f1(chosen[m], chosen[o]) for o in present if o != m) / (len(present) - 1)

    best = max(present, key=lambda m: (mean_agreement(m), m == OURS))
    b.kept, b.method = [best in v for v in b.votes], "page"
    b.notes.append(f"{best}'s page agrees best with the others")
    return b
