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
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}  # once per term, not per occurrence
    tf: dict[int, float] = {}
    out = []
    for terms in term_counts:
        for c in terms.values():
            if c not in tf:
                tf[c] = 1 + math.log(c)
        # the heaviest first, then by term: as tuples compared in C, not a key function per term
        top = sorted([(-(tf[c] * idf[t]), t) for t, c in terms.items()])[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        out.append({t: -w / norm for w, t in top})
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
    sizes = np.array([len(p) for p in by_term], dtype=np.int64)
    out = []
    for i, row in enumerate(rows):
        if not row:
            out.append([])
            continue
        terms = [t for t, _ in row]
        found = np.concatenate([docs[t] for t in terms])
        contribution = np.concatenate([weights[t] for t in terms]) * np.repeat([w for _, w in row], sizes[terms])
        scores = _scores(found, contribution, len(rows))
        scores[i] = 0.0  # not similar to itself
        candidates = np.flatnonzero(scores >= MIN_SIMILARITY)
        # the most similar first; among equals, the earlier document
        best = np.lexsort((candidates, -scores[candidates]))[:limit]
        out.append([int(j) for j in candidates[best]])
    return out


def _scores(found: np.ndarray, contribution: np.ndarray, n: int) -> np.ndarray:
    """Each document's score (by position): its contributions summed in the order given, as a
    bincount does, in one call and without sorting the candidates first (a document that is no
    candidate scores 0, below `MIN_SIMILARITY`: every contribution is positive).

    >>> _scores(np.array([2, 0, 2]), np.array([0.25, 0.5, 0.5]), 4).tolist()
    [0.5, 0.0, 0.75, 0.0]
    """
    return np.bincount(found, weights=contribution, minlength=n)
