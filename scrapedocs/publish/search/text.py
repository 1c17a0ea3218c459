"""The text forms search works on: folded to one script, Han text as pairs or as characters.

Chinese has no spaces, and a dictionary segmenter cuts a page and a query differently
(申长雨 becomes 申/长远 in one and 申长/雨 in the other), so the index cuts no words: each
Han character is one word position, and a Han query is the phrase of its words, which gives
exact substring semantics, the same in the page and in the query. The words differ by part:

- in the **title parts**, which answer a query's first results, a run of Han characters is
  its overlapping pairs (知识产权 → 知识 识产 产权 权, the run's last character alone): a pair is
  much rarer than either of its characters, so the first results read short lists whatever
  the size of the collection (one word per character read 知识产权 as four lists each as long
  as the collection). A single character is a prefix query (权 → 权, 权益, 权利 …);
- in the **text parts** (about 250 pages each), each Han character is a word, written as it
  is (one character cannot be cut again): a part's lists are bounded by the part, and
  Pagefind indexes characters in half the processor time of pairs (its work grows with the
  distinct words of each page: about 2,600 pairs in a page of 12 KB, 900 characters).

Both give one word per character, so a word's position is the same in both forms.
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


class _Codes(dict):
    """Each character's `han_word`, computed once."""

    def __missing__(self, char: str) -> str:
        code = self[char] = f"q{ord(char):04x}"
        return code


_CODES = _Codes()


def words(line: str, pairs: bool = True) -> list[str]:
    """The index words of one line: each Han run as its overlapping pairs, its last character
    alone (so every character starts a word), written `han_word`; or with `pairs=False` as its
    characters, as they are (one character cannot be cut again); other words as they are.
    Spaces between Han characters do not break a run, as a query ignores them.

    >>> [unhan(w) for w in words("知识产权，申长雨在2020年说 OK")]
    ['知识', '识产', '产权', '权', '，', '申长', '长雨', '雨在', '在', '2020', '年说', '说', 'OK']
    >>> [unhan(w) for w in words("知识产权，2020年", pairs=False)]
    ['知', '识', '产', '权', '，2020', '年']
    """
    out: list[str] = []
    for i, piece in enumerate(_RUNS.split(line)):
        if i % 2:  # a Han run (spaces inside it dropped)
            if pairs:
                codes = [_CODES[c] for c in piece if not c.isspace()]
                out += [a + b[1:] for a, b in zip(codes, codes[1:])]
                out.append(codes[-1])
            else:
                out += [_char_word(c) for c in piece if not c.isspace()]
        elif piece and not piece.isspace():
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
    """What Pagefind indexes for a text in a title part: `words` of each line, blocks kept apart.

    >>> " ".join(unhan(w) for w in bigrams("知识产权\\n第二段").split())
    '知识 识产 产权 权 ¶ 第二 二段 段'
    """
    return BLOCK.join(" ".join(words(line)) for line in text.split("\n"))


def _char_word(char: str) -> str:
    """A Han character as a text part's word: as it is, but a CJK compatibility ideograph
    as its `han_word` (Pagefind's search decomposes a query's, 豈 U+F900 → 豈 U+8C48).

    >>> _char_word("权"), _char_word("\\uf900")
    ('权', 'qf900')
    """
    return _CODES[char] if "\uf900" <= char <= "\ufaff" else char


class _Spaced(dict):
    """For `str.translate`: a Han character between spaces, others as they are."""

    def __missing__(self, point: int) -> str:
        char = chr(point)
        word = self[point] = f" {_char_word(char)} " if _HAN.match(char) else char
        return word


_SPACED = _Spaced()


def characters(text: str) -> str:
    """What Pagefind indexes for a text in a text part: each Han character a word, blocks
    kept apart (`words(line, pairs=False)` of each line, as one `str.translate`).

    >>> " ".join(unhan(w) for w in characters("知识产权\\n第二段").split())
    '知 识 产 权 ¶ 第 二 段'
    """
    return BLOCK.join(" ".join(line.translate(_SPACED).split()) for line in text.split("\n"))
