"""Stage 3: undo what scraping and re-encoding did to the text.

Modelled on ftfy: each repair is a small pure function from line to line,
`RestoreConfig` lists them as toggles, and `restore_and_explain` reports
which repairs changed a line, so every change to a source can be explained
(the build report counts them per document; `build_docs.py restore --explain`
shows them per line).

The order matters and is fixed in `REPAIRS`: encoding debris first (mojibake
hides everything else), then pinyin annotations (they can only be checked
against the characters as written, before script conversion), placeholders,
punctuation, script, and white space last.

Which repairs a document gets is decided per document (`repairs_for`): script
conversion only for text written in Traditional characters, and none of the
Chinese repairs (pinyin, placeholders, punctuation, script) for a page in
Japanese or Korean (`language`): 記念 is Japanese as written, not 记念 in
Traditional script, and its "?" and ASCII marks are its own.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from functools import lru_cache, wraps

import ftfy
import numpy as np
from opencc import OpenCC
from pypinyin import Style, pinyin
from pypinyin.phonetic_symbol import phonetic_symbol

from .language import NOT_CHINESE, has_kana_or_hangul, language
from .model import Document
from .text import CJK_PUNCT, HAN, program_line

_T2S = OpenCC("t2s")
_S2T = OpenCC("s2t")
_HAN_RE = re.compile(f"[{HAN}]")


def _per_line(repair: Callable[[str], str]) -> Callable[[str], str]:
    """Apply a line repair to each line of `text` alone: one output line per input line."""

    @wraps(repair)
    def each_line(text: str) -> str:
        if "\n" not in text:
            return repair(text)
        return "\n".join(repair(line) for line in text.split("\n"))

    return each_line


# ---------------------------------------------------------------- encoding debris

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


_LATIN1_HIGH = re.compile("[\u00a1-\u00ff]")
_GBK_AS_LATIN1_MIN = 4  # Latin-1 letters in a line that may be GBK read as Latin-1


def _gbk_read_as_latin1(text: str) -> str:
    """GBK bytes decoded as Latin-1 ('ÖªÊ¶²úÈ¨'), a case ftfy leaves alone."""
    high = len(_LATIN1_HIGH.findall(text))
    if high < _GBK_AS_LATIN1_MIN or _HAN_RE.search(text):
        return text
    try:
        decoded = text.encode("latin-1").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return decoded if len(_HAN_RE.findall(decoded)) * 4 >= high else text


@_per_line
def fix_encoding_debris(text: str) -> str:
    """Mojibake, HTML entities and zero-width characters left by encoding steps.

    ftfy runs with `fix_character_width=False, uncurl_quotes=False`, so Chinese
    full-width punctuation and curly quotes survive; it only runs on lines
    `ftfy.badness.is_bad` flags, so clean lines cost one regex scan.

    >>> fix_encoding_debris("知识产权&nbsp;保护\\u200b：â€œ")
    '知识产权\\xa0保护：“'
    >>> fix_encoding_debris("ÖªÊ¶²úÈ¨")
    '知识产权'
    """
    text = _gbk_read_as_latin1(_ZERO_WIDTH.sub("", text))
    if _ENTITY.search(text):
        text = html.unescape(text)
    if ftfy.badness.is_bad(text):
        text = ftfy.fix_text(
            text, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
            unescape_html=False, normalization="NFC",
        )
    return text


_BAD_ANY_LINE = re.compile(ftfy.badness.BADNESS_RE.pattern, ftfy.badness.BADNESS_RE.flags | re.MULTILINE)


def has_encoding_debris(lines: list[str]) -> bool:
    """Whether `fix_encoding_debris` could change any of `lines`: one scan of them all, not one per line.

    Each of its triggers is searched in the joined text (ftfy's `^` at every line
    start), so a line it would change always shows here.

    >>> has_encoding_debris(["知识产权", "保护"]), has_encoding_debris(["知识产权&nbsp;保护"])
    (False, True)
    """
    text = "\n".join(lines)
    return bool(_ZERO_WIDTH.search(text) or _ENTITY.search(text) or _BAD_ANY_LINE.search(text)
                or len(_LATIN1_HIGH.findall(text)) >= _GBK_AS_LATIN1_MIN)


# ---------------------------------------------------------------- pinyin annotations

#: Letters of Hanyu Pinyin with tone marks, from pypinyin's own table: every code point of
#: its keys, so ê and the combining marks of ê̄ / m̄ count too (the table holds both forms).
TONE_LETTERS = "".join(sorted({ch for key in phonetic_symbol for ch in key if not ch.isascii()}))
_PINYIN = re.compile(rf"([{HAN}])[(（]([a-z{TONE_LETTERS}\u0300-\u036f]{{1,8}})[)）]")  # combining marks: decomposed tones


@lru_cache(maxsize=65536)
def readings(char: str) -> frozenset[str]:
    """Every reading pypinyin knows for `char`, tone marks included (heteronyms too)."""
    return frozenset(unicodedata.normalize("NFC", r) for r in pinyin(char, style=Style.TONE, heteronym=True)[0])


def _toneless(syllable: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def toneless_readings(char: str) -> frozenset[str]:
    return frozenset(_toneless(r) for r in readings(char))


@_per_line
def strip_pinyin(text: str) -> str:
    """Drop a syllable in parentheses after a Han character when it is that character's reading.

    Some sites annotate Traditional characters with their pinyin; the result
    reads 產(chǎn)權(quán). Real parentheses stay: the syllable must be a reading
    pypinyin lists for the character before it. A syllable with a tone mark may
    differ in its tone only: the annotation followed the Simplified form, whose
    reading a Traditional variant may not share tone for tone (髮(fā) for 发, read fà).

    >>> strip_pinyin("知識產(chǎn)權(quán)"), strip_pinyin("產(quán)"), strip_pinyin("中心(TISC)"), strip_pinyin("髮(fā)展")
    ('知識產權', '產(quán)', '中心(TISC)', '髮展')
    """
    if "(" not in text and "（" not in text:
        return text

    def keep_char(m: re.Match) -> str:
        syllable = unicodedata.normalize("NFC", m[2])
        if syllable in readings(m[1]):
            return m[1]
        if not syllable.isascii() and _toneless(syllable) in toneless_readings(m[1]):
            return m[1]
        return m[0]

    return _PINYIN.sub(keep_char, text)


# ---------------------------------------------------------------- "?" placeholders

#: Field labels that follow a lost separator in metadata lines.
_LABELS = "来源|來源|作者|浏览|瀏覽|点击|點擊|阅读|閱讀|责任编辑|責任編輯|编辑|編輯|发布|發布|發佈|时间|時間|日期|字号|字號|记者|記者"
_PLACEHOLDER_RULES = [
    (re.compile(r"^\s*\?+\s*$"), ""),                        # a line that is only "?"
    # Toolbar items: [ 搜索 ]? [ 收藏 ], 首页?|?关于. A "?" after a closing bracket counts only when
    # another item follows (是吗[1]? stays); before "[" only when no word precedes (为什么?[1] stays).
    (re.compile(r"(?<=[\]】])\s*\?+\s*(?=[\[【|｜])|(?<![?\s])\s*\?++\s*(?=[|｜])|(?<=[|｜])\s*\?+\s*"), " "),
    (re.compile(r"(?<!\S)\?+\s*(?=[\[【])"), ""),
    # Breadcrumb separator between short items: 首頁 ? 資訊 ? 政策
    (re.compile(r"(?<!\S)([^\s\[\]【】]{1,24}) \?+ (?=[^\s\[\]【】]{1,24}(?!\S))"), r"\1 > "),
    (re.compile(r"(?<=[^?\s])\?{2,}+(?=\S)"), " "),                 # lost spaces: 2021-11-01??來源
    # One lost space before a field label that is followed by its colon: 2021-11-01?来源:新华网
    (re.compile(rf"(?<=\w)\?(?=(?:{_LABELS})\w{{0,3}}[:：])"), " "),
]


@_per_line
def fix_placeholders(text: str) -> str:
    """Repair '?' that stands for a character lost in an encoding step.

    A real question mark ends a question and stays; a '?' between breadcrumb
    items, toolbar buttons or metadata fields stood for a separator or spaces.

    >>> fix_placeholders("首頁 ? 資訊"), fix_placeholders("2021-11-01??來源:中新社"), fix_placeholders("为什么?")
    ('首頁 > 資訊', '2021-11-01 來源:中新社', '为什么?')
    >>> fix_placeholders("[ 搜索 ]? [ 收藏 ]"), fix_placeholders(" ? ")
    ('[ 搜索 ] [ 收藏 ]', '')
    """
    if "?" not in text:
        return text
    for pattern, replacement in _PLACEHOLDER_RULES:
        text = pattern.sub(replacement, text)
    return text


# ---------------------------------------------------------------- punctuation

_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_URL_CHAR = rf"[^\s{HAN}{CJK_PUNCT}]"
#: Spans whose ASCII marks are not punctuation: URLs (up to the first white space or Chinese,
#: trailing sentence marks excluded), e-mail addresses and `inline code`.
_PROTECTED = re.compile(
    rf"(?:(?:https?|ftp)://|www\.){_URL_CHAR}*[^\s{HAN}{CJK_PUNCT}.,;:!?'\"]"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|`[^`\n]*`"
)
_CHINESE_LEFT = re.compile(rf"[{HAN}{CJK_PUNCT}]")
_PAREN_PAIR = re.compile(r"\(([^()]*)\)")
_LATIN_WORD = re.compile("[A-Za-z]+")
_ASCII_MARKS = re.compile(r"[,;:!?()]")
_NEXT_VISIBLE = re.compile(r"\s*(\S)")


def _is_chinese(ch: str) -> bool:
    return bool(ch) and bool(_CHINESE_LEFT.match(ch))


def _punct_in_chinese(text: str, i: int, chinese_line: bool) -> bool:
    """Whether the ASCII mark at `i` punctuates Chinese text rather than a number or English."""
    left = text[i - 1] if i > 0 else ""
    right = text[i + 1] if i + 1 < len(text) else ""
    if left.isdigit() and right.isdigit():
        return False  # 1,105  10:30  2:1
    if _is_chinese(left):
        return True
    visible = _NEXT_VISIBLE.match(text, i + 1)
    if visible and _is_chinese(visible[1]) and not left.isalpha():
        return True  # 19.2%,知识产权
    # In a Chinese sentence, a mark after a Latin word is Chinese too (Python,Java等),
    # unless it is set off English-style by a following space (Hello, world).
    return chinese_line and left.isalnum() and bool(right) and not right.isspace()


def _convert_pairs(text: str) -> str:
    """( ) → （ ） for matched pairs whose outside, or whose content, is Chinese."""
    while True:
        chars, changed = list(text), False
        for m in _PAREN_PAIR.finditer(text):
            before = text[m.start() - 1] if m.start() > 0 else ""
            after = text[m.end()] if m.end() < len(text) else ""
            opening_line = m.start() == 0 and _is_chinese(after)
            # (完), TISC(技术与创新支持中心): Chinese inside, not set off English-style by a space.
            chinese_inside = len(_HAN_RE.findall(m[1])) * 2 >= len(m[1].replace(" ", "")) > 0 and before != " "
            if _is_chinese(before) or _is_chinese(after) and not before.isalnum() or opening_line or chinese_inside:
                chars[m.start()], chars[m.end() - 1], changed = "（", "）", True
        text = "".join(chars)
        if not changed:  # inner pairs first; an outer pair is matched once they are converted
            return text


_MASK = "\uffff"  # a noncharacter: stands for one protected span while marks are judged
_SPACES_AFTER_MARK = " \u00a0"


_MARK = re.compile("[" + re.escape("".join(_FULL_WIDTH)) + "]")
_SPACE_RUN = re.compile(f"[{_SPACES_AFTER_MARK}]*")


def _fix_marks(text: str, chinese_line: bool) -> str:
    """Each mark of `_FULL_WIDTH` judged where it stands (only the marks are visited, not every character)."""
    out, pos = [], 0
    for m in _MARK.finditer(text):
        i = m.start()
        if i >= pos and _punct_in_chinese(text, i, chinese_line):
            out += [text[pos:i], _FULL_WIDTH[text[i]]]
            pos = _SPACE_RUN.match(text, i + 1).end()  # a full-width mark carries its own spacing: 来源: 中新社
    out.append(text[pos:])
    return _convert_pairs("".join(out))


@_per_line
def fix_punctuation(text: str) -> str:
    """ASCII , ; : ! ? ( ) in Chinese sentences back to their full-width forms.

    An upstream NFKC pass flattened them. Numbers (1,105; 10:30), URLs,
    e-mail addresses, code and English sentences keep ASCII punctuation.
    Spaces after a mark made full-width go: the mark carries its own spacing.

    >>> fix_punctuation("印发《规划》,强调(十三)合作:https://a.cn/x,y")
    '印发《规划》，强调（十三）合作：https://a.cn/x,y'
    >>> fix_punctuation("China News Service, Beijing (2021-2035).")
    'China News Service, Beijing (2021-2035).'
    """
    if not _ASCII_MARKS.search(text) or not _HAN_RE.search(text) or _MASK in text:
        return text
    spans = [m[0] for m in _PROTECTED.finditer(text)]
    masked = _PROTECTED.sub(_MASK, text) if spans else text
    chinese_line = len(_HAN_RE.findall(masked)) >= len(_LATIN_WORD.findall(masked))
    fixed = _fix_marks(masked, chinese_line)
    if spans:
        parts = fixed.split(_MASK)
        fixed = "".join(part + span for part, span in zip(parts, spans)) + parts[-1]
    return fixed


# ---------------------------------------------------------------- script

def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC's t2s tables.

    >>> to_simplified("知識產權")
    '知识产权'
    """
    return _T2S.convert(text)


def detect_script(text: str) -> str:
    """'hant' when the text is written in Traditional characters, else 'hans'.

    Decided per document: count the characters t2s would change against
    those s2t would change.
    """
    to_s = _differences(text, _T2S.convert(text))
    to_t = _differences(text, _S2T.convert(text))
    return "hant" if to_s > to_t else "hans"


def _differences(a: str, b: str) -> int:
    """How many positions of the common length hold different characters (numpy: a document at once).

    >>> _differences("知識產權", "知识产权")
    3
    """
    n = min(len(a), len(b))
    x = np.frombuffer(a[:n].encode("utf-32-le", "surrogatepass"), dtype="<u4")
    y = np.frombuffer(b[:n].encode("utf-32-le", "surrogatepass"), dtype="<u4")
    return int(np.count_nonzero(x != y))


fix_script = to_simplified


# ---------------------------------------------------------------- white space

_INDENT = re.compile(r"^[\s\u3000\u00a0]+")
_SPACES = re.compile(r"[ \u00a0\u2002-\u200a\u202f\u205f]{2,}|\u00a0")


@_per_line
def fix_whitespace(text: str) -> str:
    """Indents, NBSP and runs of spaces that only laid the text out on the page.

    >>> fix_whitespace("\\u3000\\u3000正文\\u00a0内容  结束 ")
    '正文 内容 结束'
    """
    return _SPACES.sub(" ", _INDENT.sub("", text)).rstrip()


# ---------------------------------------------------------------- the pipeline

#: The repairs in the order they are applied: (name, function).
REPAIRS: list[tuple[str, Callable[[str], str]]] = [
    ("encoding", fix_encoding_debris),
    ("pinyin", strip_pinyin),
    ("placeholders", fix_placeholders),
    ("punctuation", fix_punctuation),
    ("script", fix_script),
    ("whitespace", fix_whitespace),
]


@dataclass(frozen=True)
class RestoreConfig:
    """Which repairs run. `script` is decided per document (see `detect_script`)."""

    encoding: bool = True
    pinyin: bool = True
    placeholders: bool = True
    punctuation: bool = True
    script: bool = False
    whitespace: bool = True


assert [f.name for f in fields(RestoreConfig)] == [name for name, _ in REPAIRS]


def restore_and_explain(text: str, config: RestoreConfig = RestoreConfig()) -> tuple[str, list[str]]:
    """The restored text and the names of the repairs that changed it, in order.

    `text` may hold one line or many; every repair works on each line alone,
    so the output has exactly as many lines as the input.

    >>> restore_and_explain("發(fā)布日期:2021??來源", RestoreConfig(script=True))
    ('发布日期：2021 来源', ['pinyin', 'placeholders', 'punctuation', 'script'])
    """
    applied = []
    for name, repair in REPAIRS:
        if getattr(config, name):
            fixed = repair(text)
            if fixed != text:
                applied.append(name)
                text = fixed
    return text, applied


def restore(text: str, config: RestoreConfig = RestoreConfig()) -> str:
    return restore_and_explain(text, config)[0]


#: The repairs that only make sense in Chinese text.
CHINESE_REPAIRS = ("pinyin", "placeholders", "punctuation", "script")
#: What Japanese and Korean text gets: encoding debris and white space only.
NOT_CHINESE_REPAIRS = RestoreConfig(**dict.fromkeys(CHINESE_REPAIRS, False))


def repairs_for(meta: dict) -> RestoreConfig:
    """The repairs a document's text gets, from what `restore_document` found: its language and its script.

    Later stages restore the values they read outside the body (the <title>, an
    information table) with the same repairs as the body.

    >>> repairs_for({"original_script": "hant"}).script, repairs_for({"lang": "ja"}).punctuation
    (True, False)
    """
    if meta.get("lang") in NOT_CHINESE:
        return NOT_CHINESE_REPAIRS
    return RestoreConfig(script=meta.get("original_script") == "hant")


def body_language(doc: Document, encoding: bool = False) -> str:
    """The language of the document's article (program listings aside), read through its encoding debris."""
    lines = doc.body or doc.lines
    text = "\n".join(line.text for line in lines if not program_line(line.text))
    return language(fix_encoding_debris(text) if encoding else text)


def restore_document(doc: Document) -> Document:
    """Restore every line of `doc` (removed ones too: metadata is read from them).

    A page in Japanese or Korean is marked so (`lang`) and keeps its script; so does
    a Japanese or Korean line quoted in a Chinese page.
    """
    texts = [line.text for line in doc.lines]
    encoding = has_encoding_debris(texts)
    lang = body_language(doc, encoding)
    if lang in NOT_CHINESE:
        doc.meta["lang"] = lang
    elif detect_script(doc.raw) == "hant":
        doc.meta["original_script"] = "hant"
    config = replace(repairs_for(doc.meta), encoding=encoding)
    quoted = replace(NOT_CHINESE_REPAIRS, encoding=encoding)
    mixed = lang not in NOT_CHINESE and has_kana_or_hangul("\n".join(texts))
    for line in doc.lines:
        as_written = mixed and language(line.text) in NOT_CHINESE
        line.text, applied = restore_and_explain(line.text, quoted if as_written else config)
        doc.repairs.update(applied)
    return doc
