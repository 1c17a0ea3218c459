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

One module per repair: `encoding`, `pinyin`, `placeholders`, `punctuation`,
`script`, `whitespace`; this module runs them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from ..language import NOT_CHINESE, has_kana_or_hangul, language
from ..model import Document
from ..text import HAN, program_line
from .encoding import fix_encoding_debris, has_encoding_debris
from .pinyin import TONE_LETTERS, readings, strip_pinyin, toneless_readings
from .placeholders import fix_placeholders
from .punctuation import fix_punctuation
from .script import detect_script, fix_script, to_simplified
from .whitespace import fix_whitespace

__all__ = [  # the repairs, the pipeline, and HAN, which other stages import from here too
    "HAN", "TONE_LETTERS", "REPAIRS", "CHINESE_REPAIRS", "NOT_CHINESE_REPAIRS", "RestoreConfig",
    "body_language", "detect_script", "fix_encoding_debris", "fix_placeholders", "fix_punctuation", "fix_script",
    "fix_whitespace", "has_encoding_debris", "readings", "repairs_for", "restore", "restore_and_explain",
    "restore_document", "strip_pinyin", "to_simplified", "toneless_readings",
]

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
    # The encoding repair comes first whatever else a line gets: done once, for the language check too.
    fixed = [fix_encoding_debris(text) for text in texts] if has_encoding_debris(texts) else texts
    other = has_kana_or_hangul("\n".join(fixed))
    lang = body_language(doc, fixed is not texts) if other else None  # without kana or hangul: Chinese repairs
    if lang in NOT_CHINESE:
        doc.meta["lang"] = lang
    elif detect_script(doc.raw) == "hant":
        doc.meta["original_script"] = "hant"
    config = replace(repairs_for(doc.meta), encoding=False)
    quoted = replace(NOT_CHINESE_REPAIRS, encoding=False)
    mixed = other and lang not in NOT_CHINESE
    for line, text in zip(doc.lines, fixed):
        as_written = mixed and language(line.text) in NOT_CHINESE
        if text != line.text:
            doc.repairs["encoding"] += 1
        line.text, applied = restore_and_explain(text, quoted if as_written else config)
        doc.repairs.update(applied)
    return doc
