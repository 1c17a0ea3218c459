"""Related documents: TF-IDF cosine over the documents' terms, through a capped inverted index.

Each document keeps its `TOP_TERMS` heaviest terms; each term keeps the
`POSTINGS` documents it weighs most in. A document is compared only with the
documents sharing one of its terms' postings, so the work per document is
bounded (at most TOP_TERMS × POSTINGS candidates) and the stage stays linear.
The scores of one document's candidates are summed by numpy in a few calls, so
a document costs about the same whether its terms' postings are short (a small
collection) or full (a large one).
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

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
    """For each document (by position), the positions of its `limit` most similar documents.

    >>> most_similar([{"专利": 3, "审查": 2}, {"专利": 2, "审查": 1}, {"商标": 4, "注册": 1}, {"商标": 1}])
    [[1], [0], [3], [2]]
    """
    vecs = vectors(term_counts)
    ids: dict[str, int] = {}
    rows = [[(ids.setdefault(t, len(ids)), w) for t, w in vec.items()] for vec in vecs]
    # Postings: each term's POSTINGS heaviest documents (heaviest first; among equals, the earlier).
    entries = sorted((-w, t, i) for i, row in enumerate(rows) for t, w in row)
    by_term: list[list[tuple[int, float]]] = [[] for _ in ids]
    for negative, t, i in entries:
        if len(by_term[t]) < POSTINGS:
            by_term[t].append((i, -negative))
    docs = [np.array([i for i, _ in p], dtype=np.int64) for p in by_term]
    weights = [np.array([w for _, w in p]) for p in by_term]
    out = []
    for i, row in enumerate(rows):
        if not row:
            out.append([])
            continue
        found = np.concatenate([docs[t] for t, _ in row])
        contribution = np.concatenate([weights[t] * w for t, w in row])
        candidates, where = np.unique(found, return_inverse=True)
        scores = np.bincount(where, weights=contribution)
        keep = (candidates != i) & (scores >= MIN_SIMILARITY)
        candidates, scores = candidates[keep], scores[keep]
        # the most similar first; among equals, the earlier document
        best = np.lexsort((candidates, -scores))[:limit]
        out.append([int(j) for j in candidates[best]])
    return out
