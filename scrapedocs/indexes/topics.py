"""Tags: the topics a document is about, from a topic vocabulary, by Aho-Corasick.

A tag names what a reader filters by (专利, 商标, 地理标志, 国际合作…), not a word
the text happens to use often (意识, 全球, 文化). The vocabulary is data:
`scrapedocs/data/topics.yml` maps each topic to its synonyms; a `topics.yml` in
the project folder replaces, adds or removes topics. A document's tags are the
topics it names most (a mention in its title counts as several), at most
`TAGS`, each named at least `MIN_SCORE` times and at least `SHARE` of the
leading topic, so a passing mention does not become a tag.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import DATA, read_yaml

TOPICS = DATA / "topics.yml"
TAGS = 5
TITLE_WEIGHT = 5  # a topic named in the title counts as this many mentions
MIN_SCORE = 2
SHARE = 0.2


@dataclass(frozen=True)
class Vocabulary:
    topics: tuple[str, ...]  # in the vocabulary's order
    synonyms: dict  # lowercased phrase → tuple of topics


def load_topics(packaged: Path = TOPICS, project: bytes | None = None) -> dict[str, list[str]]:
    """topic → synonyms: the packaged vocabulary, then the project's changes to it.

    A topic given later replaces the earlier one, and `topic: ~` (or an empty list) removes it.
    """
    topics: dict[str, list[str]] = {}
    for data in (read_yaml(packaged.read_bytes()) if packaged.is_file() else None, read_yaml(project)):
        if not isinstance(data, dict):
            continue
        for topic, synonyms in data.items():
            topic = str(topic).strip()
            if not synonyms:
                topics.pop(topic, None)
                continue
            if isinstance(synonyms, str):
                synonyms = [synonyms]
            topics[topic] = [str(s).strip() for s in synonyms if str(s).strip()]
    return topics


@lru_cache(maxsize=4)
def vocabulary(project: bytes | None = None) -> Vocabulary:
    """The packaged topics changed by the project's `topics.yml` (its bytes)."""
    phrases: dict[str, list[str]] = {}
    topics = load_topics(TOPICS, project)
    for topic, synonyms in topics.items():
        for phrase in [topic, *synonyms]:
            owners = phrases.setdefault(phrase.lower(), [])
            if topic not in owners:
                owners.append(topic)
    return Vocabulary(tuple(topics), {p: tuple(t) for p, t in phrases.items()})


@lru_cache(maxsize=4)
def _automaton(project: bytes | None = None):
    import ahocorasick

    auto = ahocorasick.Automaton()
    for phrase, owners in vocabulary(project).synonyms.items():
        auto.add_word(phrase, (len(phrase), owners))
    if len(auto):
        auto.make_automaton()
        return auto
    return None


def _word_char(c: str) -> bool:
    return c.isascii() and c.isalnum()


def mentions(text: str, project: bytes | None = None) -> Counter:
    """How often `text` names each topic (longest phrase wins; Latin phrases as whole words).

    >>> mentions("加强专利侵权惩治，保护地理标志产品。Patents matter; patently not.")
    Counter({'专利': 2, '知识产权保护': 1, '地理标志': 1})
    """
    counts: Counter = Counter()
    auto = _automaton(project)
    if auto is None or not text:
        return counts
    low = text.lower()
    for end, (size, owners) in auto.iter_long(low):
        start = end + 1 - size
        if _word_char(low[start]) and start > 0 and _word_char(low[start - 1]):
            continue
        if _word_char(low[end]) and end + 1 < len(low) and _word_char(low[end + 1]):
            continue
        for topic in owners:
            counts[topic] += 1
    return counts


def score(title: str, texts: list[str], project: bytes | None = None) -> dict[str, int]:
    """Each topic the document names, with its score: mentions, the title's counting `TITLE_WEIGHT` each."""
    counts = mentions("\n".join(texts), project)
    for topic, n in mentions(title, project).items():
        counts[topic] += TITLE_WEIGHT * n
    return dict(sorted(counts.items()))


def choose(scores: dict[str, int], limit: int = TAGS, project: bytes | None = None) -> list[str]:
    """The document's tags: its leading topics, strongest first.

    >>> choose({"专利": 40, "商标": 9, "版权": 3, "国际合作": 1})
    ['专利', '商标']
    """
    if not scores:
        return []
    best = max(scores.values())
    order = {t: i for i, t in enumerate(vocabulary(project).topics)}
    ranked = sorted(scores, key=lambda t: (-scores[t], order.get(t, len(order)), t))
    return [t for t in ranked if scores[t] >= MIN_SCORE and scores[t] >= SHARE * best][:limit]
