"""Related documents: TF-IDF cosine over the documents' terms, through a capped inverted index.

Each document keeps its `TOP_TERMS` heaviest terms; each term keeps the
`POSTINGS` documents it weighs most in. A document is compared only with the
documents sharing one of its terms' postings, so the work per document is
bounded (at most TOP_TERMS × POSTINGS candidates) and the stage stays linear.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict

RELATED = 3
TOP_TERMS = 20  # terms per document in the inverted index
POSTINGS = 50  # documents kept per term: the heaviest
MIN_SIMILARITY = 0.05


def document_frequencies(term_counts: list[dict[str, int]]) -> Counter:
    df: Counter = Counter()
    for terms in term_counts:
        df.update(terms.keys())
    return df


def vectors(term_counts: list[dict[str, int]]) -> list[dict[str, float]]:
    """Each document's heaviest terms, TF-IDF weighted (sublinear tf, smoothed idf), unit length."""
    df = document_frequencies(term_counts)
    n = len(term_counts)
    out = []
    for terms in term_counts:
        weights = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in terms.items()}
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        out.append({t: w / norm for t, w in top})
    return out


def most_similar(term_counts: list[dict[str, int]], limit: int = RELATED) -> list[list[int]]:
    """For each document (by position), the positions of its `limit` most similar documents."""
    vecs = vectors(term_counts)
    postings: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, vec in enumerate(vecs):
        for t, w in vec.items():
            postings[t].append((w, i))
    for t, docs in postings.items():  # the heaviest documents of each term: bounded work per document
        if len(docs) > POSTINGS:
            postings[t] = sorted(docs, key=lambda p: (-p[0], p[1]))[:POSTINGS]
    out = []
    for i, vec in enumerate(vecs):
        scores: dict[int, float] = defaultdict(float)
        for t, w in vec.items():
            for w2, j in postings[t]:
                scores[j] += w * w2
        scores.pop(i, None)
        # the most similar first; among equals, the earlier document
        best = heapq.nlargest(limit, ((s, -j) for j, s in scores.items() if s >= MIN_SIMILARITY))
        out.append([-j for _, j in best])
    return out
