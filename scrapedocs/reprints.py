"""Collection stage: the same article scraped from several sites is published once.

Each document's body is folded (script, width, punctuation and space away) and
cut into character shingles; a MinHash signature of them (computed per
document by the `signature` stage, so in parallel and cached) is split into LSH
bands, and documents sharing a band bucket are compared by their signatures —
so the work is linear in the corpus, never all pairs. A cluster of reprints
keeps its fullest copy as the page; the others are not published but listed on
it ("also published at", with each copy's source address), and every paragraph
only a dropped copy has is appended to the page: nothing is lost.
"""
from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from .escape import escape
from .link.fold import fold_text
from .model import Collection, Document

SHINGLE = 5  # characters
PERMUTATIONS = 64
BANDS, ROWS = 16, 4  # BANDS * ROWS == PERMUTATIONS; a pair at Jaccard 0.7 shares a band with p ≈ 0.98
THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets that makes two documents one article
MIN_SHINGLES = 40  # shorter texts are not compared
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20211101)  # fixed: signatures are the same from build to build
_A = _rng.integers(1, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
_A32, _B32 = _A.astype(np.uint32), _B.astype(np.uint32)
_MULT, _MIX = np.uint64(0x100000001B3), np.uint64(0xBF58476D1CE4E5B9)  # FNV prime; splitmix64's multiplier
_NOISE = re.compile(r"[^\w]|_", re.UNICODE)


def normalized(text: str) -> str:
    return _NOISE.sub("", fold_text(text))


def _paragraph_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind in ("paragraph", "heading") and b.text.strip()]


def shingle_hashes(text: str) -> np.ndarray:
    """A 32-bit hash of each distinct `SHINGLE`-character substring of `text`, computed with numpy.

    >>> len(shingle_hashes("abcdefabcdef"))  # abcde bcdef cdefa defab efabc fabcd (abcde, bcdef again)
    6
    """
    if len(text) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint64)
    n = len(cp) - SHINGLE + 1
    with np.errstate(over="ignore"):
        h = cp[:n].copy()
        for k in range(1, SHINGLE):  # a polynomial hash, wrapping at 2^64, then mixed down to 32 bits
            h *= _MULT
            h += cp[k:k + n]
        h ^= h >> np.uint64(29)
        h *= _MIX
        h ^= h >> np.uint64(32)
    return _distinct(h.astype(np.uint32)).astype(np.uint64)


def _distinct(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` by a sort and a comparison with the neighbour: 5× faster than numpy 2's hashing.

    >>> _distinct(np.array([3, 1, 3, 2, 1], dtype=np.uint32)).tolist()
    [1, 2, 3]
    """
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def signature(text: str) -> np.ndarray | None:
    """MinHash of the text's character shingles, or None when it is too short to judge."""
    hashes = shingle_hashes(text)
    if len(hashes) < MIN_SHINGLES:
        return None
    # (a·x + b) mod 2^32 per permutation; the minimum over shingles is the signature.
    # In uint32 the arithmetic wraps at 2^32 by itself (twice as fast); stored as uint64, as always.
    with np.errstate(over="ignore"):
        return (np.outer(_A32, hashes.astype(np.uint32)) + _B32[:, None]).min(axis=1).astype(np.uint64)


def sign(doc: Document) -> Document:
    """The `signature` stage: the document's MinHash signature, as plain bytes in `doc.facts`."""
    sig = signature(normalized("".join(_paragraph_texts(doc))))
    doc.facts["reprints"] = None if sig is None else sig.tobytes()
    return doc


def _signature_of(doc: Document) -> np.ndarray | None:
    if "reprints" not in doc.facts:  # a document no stage signed (built by hand)
        sign(doc)
    sig = doc.facts["reprints"]
    return None if sig is None else np.frombuffer(sig, dtype=np.uint64)


def clusters(docs: list[Document]) -> list[list[Document]]:
    """Groups of two or more documents that are the same article."""
    parent = list(range(len(docs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sigs = [_signature_of(doc) for doc in docs]
    buckets: dict[tuple, int] = {}
    for i, sig in enumerate(sigs):
        if sig is None:
            continue
        for band in range(BANDS):
            key = (band, sig[band * ROWS:(band + 1) * ROWS].tobytes())
            first = buckets.setdefault(key, i)
            # Compare with the bucket's first member only: linear, and enough to join a cluster.
            if first != i and find(first) != find(i) and float(np.mean(sigs[first] == sig)) >= THRESHOLD:
                parent[find(i)] = find(first)
    groups = defaultdict(list)
    for i, doc in enumerate(docs):
        groups[find(i)].append(doc)
    return [g for g in groups.values() if len(g) > 1]


def _fullness(doc: Document) -> tuple:
    meta = doc.meta
    return (sum(len(t) for t in _paragraph_texts(doc)), bool(meta.get("date")), bool(meta.get("source")),
            sum(1 for k in ("author", "editor", "url") if meta.get(k)), [-ord(c) for c in doc.relpath])


def _where(doc: Document) -> str:
    meta = doc.meta
    label = " ".join(str(meta[k]) for k in ("source", "date") if meta.get(k)) or doc.relpath
    url = meta.get("url")
    if url and re.match(r"https?://[^\s<>()\[\]]+$", str(url)):
        return f"- [{escape(label)}](<{url}>) （{escape(doc.relpath)}）"
    return f"- {escape(label)} （{escape(doc.relpath)}）"


def merge_reprints(collection: Collection) -> Collection:
    """The `reprints` stage: keep one page per article, list and keep what the other copies add."""
    for group in clusters(collection.published):
        keep = max(group, key=_fullness)
        others = sorted((d for d in group if d is not keep), key=lambda d: d.relpath)
        seen = {normalized(t) for t in _paragraph_texts(keep)}
        whole = normalized("".join(_paragraph_texts(keep)))
        extra = []
        for doc in others:
            doc.merged_into = keep.relpath
            doc.warnings.append(f"reprint of {keep.relpath}: published once, on its page")
            for text in _paragraph_texts(doc):
                key = normalized(text)
                if key and key not in seen and key not in whole:
                    seen.add(key)
                    extra.append(f"{escape(text)}（仅见于 {escape(doc.relpath)}）")
        keep.appendix.append("## 同文转载\n\n本文也发表于：\n\n" + "\n".join([_where(keep)] + [_where(d) for d in others]))
        if extra:
            keep.appendix.append("## 其他版本独有的段落\n\n" + "\n\n".join(extra))
        collection.warnings.append(f"reprints merged into {keep.relpath}: {', '.join(d.relpath for d in others)}")
    return collection
