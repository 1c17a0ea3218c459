"""Character helpers every stage shares: `nfkc` gives what `unicodedata.normalize` gives."""
import random
import re
import sys
import unicodedata

from scrapedocs.text import NFKC_INERT, nfkc


def _composition_followers() -> set[str]:
    """Characters that compose with a character before them: the second of a canonical pair, Hangul's vowels and finals."""
    found = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            found.add(chr(int(parts[1], 16)))
    return found


def test_the_inert_characters_are_left_alone_wherever_they_stand():
    inert = re.compile(f"[{NFKC_INERT}]")
    chars = [chr(c) for c in range(sys.maxunicode + 1) if inert.match(chr(c))]
    assert "知" in chars and "，" not in chars and "\u3000" not in chars  # full-width forms are normalized
    followers = _composition_followers()
    for ch in chars:
        assert unicodedata.normalize("NFKC", ch) == ch, hex(ord(ch))
        assert unicodedata.combining(ch) == 0, hex(ord(ch))
        assert ch not in followers, hex(ord(ch))


def test_nfkc_is_unicodedata_normalize():
    rng = random.Random(18)
    # Han and Chinese punctuation with what NFKC changes: full-width forms, combining marks after Latin
    # and Han letters, Hangul jamo that compose, ligatures, compatibility ideographs, circled numbers.
    alphabet = list("知识产权保护，。：；！？（）“”《》、 \u3000abcAZ09:-") + [
        "\u0301", "\u0308", "\u0323", "\u1100", "\u1161", "\u11a8", "\uac00", "\ufb01", "\uf900", "\u2460",
        "\uff21", "\u2026", "\u00a0", "\u1e0b", "\u0307", "\U0001d400", "\u2f00", "\u3099", "\u304b",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        assert nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)
