"""The text forms search works on: folded to one script, Han text as overlapping bigrams.

Chinese has no spaces, and a dictionary segmenter cuts a page and a query differently
(申长雨 becomes 申/长远 in one and 申长/雨 in the other), so the index cuts no words: each
run of Han characters is indexed as its overlapping pairs, one word per character
(知识产权 → 知识 识产 产权 权, the run's last character alone), and a Han query is the phrase
of its pairs (知识产权 → "知识 识产 产权"): exact substring semantics, the same in the page
and in the query. A pair is much rarer than either of its characters, so a query reads
short lists: with one word per character, 知识产权 read four lists each as long as the
collection. A single character is a prefix query (权 → 权, 权益, 权利 …).
Traditional folds to Simplified with OpenCC's t2s tables on both sides (the browser folds
the query with opencc-js, the same tables).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...text import HAN

_HAN = re.compile(f"[{HAN}]")
_HAN_WORD = re.compile(r"q(?:[0-9a-f]{4}){1,2}")
_RUNS = re.compile(f"([{HAN}](?:\\s*[{HAN}])*)")
_BOUNDARY = re.compile(f"(?<=[{HAN}])(?=\\S)|(?<=\\S)(?=[{HAN}])")
#: Between blocks (title, metadata, paragraphs): a word no query can contain, so a phrase
#: never runs from one block into the next.
BLOCK = " ¶ "


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def fold(text: str) -> str:
    """Traditional → Simplified: what both the index and the query are compared in.

    >>> fold("知識產權保護")
    '知识产权保护'
    """
    return _t2s().convert(text)


def words(line: str) -> list[str]:
    """The index words of one line: each Han run as its overlapping pairs, its last character
    alone (so every character starts a word), other words as they are. Spaces between Han
    characters do not break a run, as a query ignores them. Han words are written `han_word`.

    >>> [unhan(w) for w in words("知识产权，申长雨在2020年说 OK")]
    ['知识', '识产', '产权', '权', '，', '申长', '长雨', '雨在', '在', '2020', '年说', '说', 'OK']
    """
    out: list[str] = []
    for i, piece in enumerate(_RUNS.split(line)):
        if i % 2:  # a Han run (spaces inside it dropped)
            codes = [f"q{ord(c):04x}" for c in piece if not c.isspace()]
            out += [a + b[1:] for a, b in zip(codes, codes[1:])]
            out.append(codes[-1])
        else:
            out += _BOUNDARY.sub(" ", piece).split()
    return out


def han_word(chars: str) -> str:
    """A Han pair (or character) as the index stores it: `q` and the code points in hex.

    Pagefind's search cuts a query of Han characters with its own dictionary (识产 becomes
    识/产, so the pair could not be asked for); in Latin letters a word stays whole, and a
    character is a prefix of every pair it starts (q77e5 → q77e5, q77e58bc6 …).

    >>> han_word("知识"), han_word("权")
    ('q77e58bc6', 'q6743')
    """
    return "q" + "".join(f"{ord(c):04x}" for c in chars)


def unhan(word: str) -> str:
    """The characters of a `han_word` (other words as they are).

    >>> unhan("q77e58bc6"), unhan("OK")
    ('知识', 'OK')
    """
    m = _HAN_WORD.fullmatch(word)
    return "".join(chr(int(word[i:i + 4], 16)) for i in range(1, len(word), 4)) if m else word


def bigrams(text: str) -> str:
    """What Pagefind indexes for a text: `words` of each line, blocks kept apart.

    >>> " ".join(unhan(w) for w in bigrams("知识产权\\n第二段").split())
    '知识 识产 产权 权 ¶ 第二 二段 段'
    """
    return BLOCK.join(" ".join(words(line)) for line in text.split("\n"))
