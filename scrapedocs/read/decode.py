"""Bytes of a source → text: byte order mark, declared charset, UTF-8, detection."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes of a source could not be turned into text."""


_DECLARED = [
    re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']?\s*([\w.:-]+)", re.I),
    re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I),
]
#: Declared names whose real repertoire is larger: decode with the superset.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
          "hz-gb-2312": "gb18030", "euc-cn": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs",
          "x-big5": "big5hkscs", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
          "us-ascii": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares (XML declaration, meta charset or http-equiv), widened.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb18030'
    """
    head = data[:4096]
    for pattern in _DECLARED:
        m = pattern.search(head)
        if m:
            name = m[1].decode("ascii", "replace").lower().strip()
            try:
                codecs.lookup(_WIDER.get(name, name))
            except LookupError:
                continue
            return _WIDER.get(name, name)
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes) -> str:
    """Text of a source: byte order mark, then the declared charset, then UTF-8, then detection.

    GB2312 and GBK are widened to GB18030 and Big5 to Big5-HKSCS, their
    supersets, since pages that claim the smaller set routinely use characters
    of the larger one. Bytes that are valid UTF-8 beyond ASCII win over a
    declared legacy charset: a browser's "save page" re-encodes to UTF-8 but
    keeps the old meta tag, and GB or Big5 text is practically never valid UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    declared = declared_charset(data)
    if declared and not (declared != "utf-8" and not data.isascii() and _is_utf8(data)):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise DecodeError("binary data (NUL bytes), not a text page")
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding fits these bytes")
    encoding = codecs.lookup(best.encoding).name
    encoding = _WIDER.get(encoding, encoding)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as err:
        raise DecodeError(f"detected {encoding} but decoding failed: {err}") from err


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte order mark: NUL bytes on one side of (nearly) every ASCII character."""
    sample = data[:4096 - 4096 % 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < len(sample) // 32 or min(even, odd) > len(sample) // 64:
        return None
    zeros, others = (sample[0::2], sample[1::2]) if even > odd else (sample[1::2], sample[0::2])
    beside_nul = [b for z, b in zip(zeros, others) if z == 0]
    if sum(9 <= b < 127 for b in beside_nul) < 0.9 * len(beside_nul):
        return None  # NULs beside non-ASCII bytes: binary, not UTF-16 text
    try:
        return data.decode("utf-16-be" if even > odd else "utf-16-le")
    except UnicodeDecodeError:
        return None
