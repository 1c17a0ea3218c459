"""Bytes of a source → text, never losing a page to a few bad bytes.

The order, each step tried only when the ones before do not fit:

1. nothing but white space: "empty file";
2. a byte order mark;
3. a known binary signature (PDF, images, archives, executables): "binary file";
4. NUL bytes: UTF-16 or UTF-32 without a byte order mark (the text reads as
   text), else stray NULs in a text (removed, with a warning), else binary;
5. the charset the page declares, read with replacement when only a small
   share of characters is bad (counted, and warned about): generic detection
   never wins against a declaration that decodes with a handful of errors;
6. UTF-8, then UTF-8 with a handful of bad bytes (text cut mid-character);
7. the Chinese encodings (GB18030, Big5-HKSCS, UTF-16), with replacement, when
   the text they give is made of common Chinese characters: two broken bytes in
   a GBK page must not turn it into Cyrillic;
8. generic detection (charset-normalizer);
9. else "undecodable", with the best guess.

Control characters (NUL, escape sequences, C1 codes) are removed from the text
and counted: they mean nothing in a page and break the tools downstream.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Signatures of files that are not text pages.
_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG\r\n", "a PNG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document"), (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"), (b"Rar!\x1a\x07", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"BZh", "a bzip2 archive"), (b"\xfd7zXZ\x00", "an xz archive"), (b"wOFF", "a font"), (b"wOF2", "a font"),
    (b"OggS", "an audio or video file"), (b"ID3", "an MP3 file"), (b"fLaC", "an audio file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


class DecodeError(ValueError):
    """The bytes of a source could not be turned into text; the message is the reason."""


@dataclass
class Decoded:
    """Text and how it was read: the encoding, why, and what did not fit."""

    text: str
    encoding: str
    why: str  # "byte order mark", "declared", "UTF-8", "detected", …
    replaced: int = 0  # bad byte sequences shown as U+FFFD
    removed: int = 0  # control characters dropped
    notes: list[str] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """What a reader of the report should know about this decoding."""
        out = list(self.notes)
        if self.replaced:
            out.append(f"{self.replaced} byte sequence{'s' * (self.replaced > 1)} did not fit {self.encoding} "
                       f"({self.why}) and show{'s' * (self.replaced == 1)} as �")
        if self.removed:
            out.append(f"{self.removed} control character{'s' * (self.removed > 1)} (NUL and the like) removed")
        return out


_DECLARED = [
    re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']?\s*([\w.:-]+)", re.I),
    re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I),
]
#: Declared names whose real repertoire is larger: decode with the superset.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
          "hz-gb-2312": "gb18030", "euc-cn": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs",
          "x-big5": "big5hkscs", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
          "us-ascii": "cp1252"}
#: Declarations a browser ignores in a page's bytes (WHATWG: a UTF-16 meta tag means UTF-8).
_IGNORED = {"utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8", "utf-32": "utf-8", "x-user-defined": None}


def usable_charset(name: str | bytes | None) -> str | None:
    """A charset name as it is decoded here: widened to its superset, None when unknown or ignored.

    >>> usable_charset("GB2312"), usable_charset("utf-16"), usable_charset("no-such-charset")
    ('gb18030', 'utf-8', None)
    """
    if isinstance(name, bytes):
        name = name.decode("ascii", "replace")
    name = _IGNORED.get((name or "").lower().strip(), (name or "").lower().strip())
    if not name:
        return None
    try:
        codecs.lookup(_WIDER.get(name, name))
    except LookupError:
        return None
    return _WIDER.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares (XML declaration, meta charset or http-equiv), widened.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb18030'
    """
    head = data[:4096]
    for pattern in _DECLARED:
        m = pattern.search(head)
        if m:
            name = usable_charset(m[1])
            if name is not None:
                return name
    return None


# ---------------------------------------------------------------- counting what does not fit

def decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    """`data` decoded with replacement, and the number of replacements made.

    >>> decode_counting("知识产权".encode("gbk")[:-1] + b"!", "gb18030")
    ('知识产\ufffd!', 1)
    """
    text = data.decode(encoding, "replace")
    replaced = text.count("\ufffd")
    if replaced:  # a U+FFFD the bytes themselves spelled is not a replacement
        try:
            replaced -= data.count("\ufffd".encode(encoding))
        except UnicodeEncodeError:
            pass
    return text, max(0, replaced)


def tolerable(bad: int, text: str, share: float = 0.02, floor: int = 8) -> bool:
    """A handful of bad characters: at most `floor`, or `share` of the non-ASCII characters.

    >>> tolerable(2, "知识产权" * 10), tolerable(40, "知识产权" * 10)
    (True, False)
    """
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return bad <= max(floor, non_ascii * share)


#: A declared charset, or a reading that gives common Chinese characters, may have more bad bytes
#: (strings cut mid-character) than a bare guess: the text around them says the reading is right.
VOUCHED = {"share": 0.05, "floor": 16}


# ---------------------------------------------------------------- does it read as Chinese?

@lru_cache(maxsize=1)
def common_han() -> frozenset[str]:
    """The most common Chinese characters: GB2312 level 1 (3,755) and Big5 level 1 (5,401)."""
    chars = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes([hi, lo]).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_TEXT = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2010-\u206f"
                       "\u00a0-\u00ff\u3040-\u30ff]")


_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
JUDGE = 5_000  # characters: enough to tell a right reading from a wrong one


def chinese_profile(text: str) -> tuple[float, float]:
    """(share of the non-ASCII characters that belong in Chinese text, share of the Han ones that are common).

    A page read in its own encoding scores near (1, 0.9); the same bytes read in
    a wrong one give rare characters, Hangul or private-use code points.

    >>> chinese_profile("知识产权保护工作")
    (1.0, 1.0)
    """
    sample = "".join(_NON_ASCII.findall(text, 0, 8 * JUDGE))[:JUDGE]
    if not sample:
        return 1.0, 1.0
    han = _HAN.findall(sample)
    cjk = len(_CJK_TEXT.findall(sample))
    common = sum(map(common_han().__contains__, han))
    return cjk / len(sample), (common / len(han) if han else 0.0)


def reads_as_chinese(text: str) -> float:
    """A score in [0, 1] for text that reads as Chinese (0 when it does not)."""
    cjk, common = chinese_profile(text)
    return cjk * common if cjk >= 0.7 and common >= 0.6 else 0.0


def reads_as_text(text: str) -> bool:
    """Whether text from a UTF-16 or UTF-32 reading without a byte order mark is text at all.

    Mostly ASCII or assigned characters beyond Latin-1 (Han, kana, Cyrillic, …);
    few controls, unassigned or private code points; Han mostly common ones. A
    wrong reading gives rare characters, and bytes like "ÿ\\x00" give Latin-1 letters.
    """
    sample = text[:JUDGE]
    if not sample:
        return False
    good = odd = 0
    for c in sample:
        if " " <= c < "\x7f" or c in "\t\n\r\f":
            good += 1
            continue
        category = unicodedata.category(c)
        if category in ("Cc", "Cn", "Cs", "Co"):
            odd += 1
        elif ord(c) > 0x24F:
            good += 1
    if odd > len(sample) // 50 or good < 0.8 * len(sample):
        return False
    han = _HAN.findall(sample)
    return not han or sum(map(common_han().__contains__, han)) >= 0.5 * len(han)


# ---------------------------------------------------------------- control characters

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _breaks(text: str) -> str:
    r"""Vertical tabs and form feeds as line breaks: `str.replace` passes over a text without them
    at C speed, where `str.translate` looked up every character of it in a table.

    >>> _breaks("a\x0bb\x0cc")
    'a\nb\nc'
    """
    return text.replace("\x0b", "\n").replace("\x0c", "\n")


def _finish(text: str, encoding: str, why: str, replaced: int = 0, notes: list[str] | None = None) -> Decoded:
    text, removed = _CONTROL.subn("", _breaks(text))
    return Decoded(text, encoding, why, replaced, removed, notes or [])


# ---------------------------------------------------------------- binary and wide encodings

def binary_kind(data: bytes) -> str | None:
    """What a binary file is, from its signature.

    >>> binary_kind(b"%PDF-1.7 ...")
    'a PDF document'
    """
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _control_share(sample: bytes) -> float:
    controls = sum(sample.count(b) for b in range(32) if b not in (9, 10, 12, 13, 27))
    return controls / max(1, len(sample))


def _wide_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 or UTF-32 without a byte order mark: the reading that gives text, if one does."""
    best = None
    for encoding, unit in (("utf-16-le", 2), ("utf-16-be", 2), ("utf-32-le", 4), ("utf-32-be", 4)):
        if len(data) % unit:
            continue
        sample = data[:4 * JUDGE]  # a multiple of 2 and 4: whole code units
        text, bad = decode_counting(sample, encoding)
        if bad <= len(text) // 100 and reads_as_text(text):
            score = (reads_as_chinese(text), -bad)
            if best is None or score > best[0]:
                best = (score, encoding)
    if best is None:
        return None
    text, bad = decode_counting(data, best[1])
    return _finish(text, best[1], "no byte order mark", bad)


# ---------------------------------------------------------------- the whole decision

def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_CHINESE = ("gb18030", "big5hkscs", "utf-16-le", "utf-16-be")
_SINGLE_BYTE_LATIN = {"cp1252", "iso8859-15", "latin-1"}


def _as_chinese(data: bytes) -> tuple[Decoded | None, str]:
    """The Chinese reading of `data` that reads best, if one reads well; and the best guess either way.

    A clean reading of common characters ends the search: GBK bytes are read once.
    """
    readings = []
    for encoding in _CHINESE:
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        text, bad = decode_counting(data, encoding)
        readings.append((reads_as_chinese(text), -bad, encoding, text))
        if not bad and readings[-1][0] >= 0.9:
            break
    score, minus_bad, encoding, text = max(readings, key=lambda r: r[:2])
    if score and tolerable(-minus_bad, text, **VOUCHED):
        return _finish(text, encoding, "read as Chinese", -minus_bad), encoding
    if not score:  # nothing reads as Chinese: the reading that fits the bytes best
        _, minus_bad, encoding, text = max(readings, key=lambda r: r[1])
    guess = f"{encoding}, {-minus_bad:,} of {len(text):,} characters unreadable"
    return None, guess + ("" if score else ", the others not common Chinese")


def explain_decode(data: bytes, http_charset: str = "") -> Decoded:
    """Text of a source and how it was read; `DecodeError` with the reason when it is not a text page.

    `http_charset` is the charset of the HTTP header the page came with (a crawl's
    record): it counts as the page's declaration when the page itself declares none.
    """
    if not data.strip(b" \t\r\n\x0b\x0c"):
        raise DecodeError("empty file" if not data else "empty file (white space only)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text, bad = decode_counting(data, encoding)
            if not text.strip():
                raise DecodeError("empty file (a byte order mark only)")
            return _finish(text, encoding.replace("-sig", ""), "byte order mark", bad)
    kind = binary_kind(data)
    if kind:
        raise DecodeError(f"binary file ({kind}), not a text page")
    if b"\x00" in data:
        wide = _wide_without_bom(data)
        if wide is not None:
            return wide
        if data.count(0) > len(data) // 100 or _control_share(data[:65536]) > 0.05:
            raise DecodeError("binary file (NUL and control bytes), not a text page")
    declared, why = declared_charset(data), "declared"
    if declared is None and http_charset:
        declared, why = usable_charset(http_charset), "HTTP header"
    if declared and not (declared != "utf-8" and not data.isascii() and _is_utf8(data)):
        # Valid UTF-8 beyond ASCII wins over a legacy declaration: "save page" re-encodes to
        # UTF-8 but keeps the old meta tag, and GB or Big5 text is practically never valid UTF-8.
        text, bad = decode_counting(data, declared)
        if tolerable(bad, text, **VOUCHED):
            if declared in _SINGLE_BYTE_LATIN and not data.isascii():
                chinese, _ = _as_chinese(data)  # old Chinese sites often declare ISO-8859-1
                if chinese is not None and not chinese.replaced:
                    chinese.notes.append(f"{_claim(why)} {declared}, but its bytes are {chinese.encoding} Chinese")
                    return chinese
            return _finish(text, declared, why, bad)
    if _is_utf8(data):
        return _finish(data.decode("utf-8"), "utf-8", "UTF-8")
    text, bad = decode_counting(data, "utf-8")
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII characters that were valid UTF-8
    if tolerable(bad, text) and bad * 4 < valid:
        return _finish(text, "utf-8", "UTF-8", bad)
    chinese, guess = _as_chinese(data)
    if chinese is not None:
        if declared:
            chinese.notes.append(f"{_claim(why)} {declared}, which does not fit its bytes")
        return chinese
    detected = _detected(data)
    if detected is not None:
        return detected
    raise DecodeError(f"undecodable: no text encoding fits these bytes (best guess: {guess})")


def _claim(why: str) -> str:
    return "the HTTP header says" if why == "HTTP header" else "the page declares"


def _detected(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    encoding = _WIDER.get(encoding, encoding)
    try:
        text, bad = decode_counting(data, encoding)
    except LookupError:
        return None
    return _finish(text, encoding, "detected", bad) if tolerable(bad, text) else None


def decode(data: bytes) -> str:
    """Text of a source (see `explain_decode`): byte order mark, declaration, UTF-8, Chinese, detection."""
    return explain_decode(data).text
