"""Metadata fields as Chinese pages state them: labels, dates and bylines.

Shared by the text-dump and the HTML paths, so a byline reads the same way
whatever the input format.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import HAN

#: Label → field. Longer labels first so 文章来源 wins over 来源.
LABELS = {
    "发布日期": "date", "发布时间": "date", "发表时间": "date", "发表日期": "date", "日期": "date",
    "时间": "date", "更新时间": "date",
    "文章来源": "source", "稿件来源": "source", "信息来源": "source", "新闻来源": "source",
    "来源": "source", "出处": "source",
    "作者": "author", "记者": "author", "撰文": "author",
    "责任编辑": "editor", "责编": "editor", "编辑": "editor",
}
_LABEL_RE = re.compile(
    r"(?P<label>%s)\s*[:：]\s*" % "|".join(sorted(LABELS, key=len, reverse=True))
)
# A value ends at the next label, a wide gap, a bracket, or the end.
_VALUE_END = re.compile(r"\s{2,}|\s(?=\S+\s*[:：])|[|｜【\[（(）)]|\s*$")

_DATE_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)"),
]
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_CN_DATE = re.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")
def _cn_number(text: str) -> int:
    """二〇二一 → 2021 (digit by digit); 十一 → 11; 二十三 → 23."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def parse_date(text: str) -> str | None:
    """The first full date in `text` as YYYY-MM-DD, or None.

    >>> parse_date("发布时间：2005年5月7日 21:23"), parse_date("二〇二一年十一月一日")
    ('2005-05-07', '2021-11-01')
    """
    found = []
    for pattern in _DATE_PATTERNS:
        found += [(m.start(), m) for m in pattern.finditer(text)]
    found += [(m.start(), m) for m in _CN_DATE.finditer(text)]
    for _, m in sorted(found, key=lambda item: item[0]):
        try:
            y, mo, d = (int(m[k]) if m[k].isdigit() else _cn_number(m[k]) for k in ("y", "m", "d"))
        except (KeyError, ValueError):
            continue
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def labelled_fields(text: str) -> list[tuple[str, str]]:
    """(field, value) pairs of a metadata line like '发布日期：2021-11-01 来源：中新社'."""
    out = []
    for m in _LABEL_RE.finditer(text):
        rest = text[m.end():]
        value = rest[: _VALUE_END.search(rest).start()].strip(" :：,，;；")
        if value:
            out.append((LABELS[m["label"]], value))
    return out


_NAME = re.compile(f"^[{HAN}A-Za-z·・. ]{{2,30}}$")


_CREDIT_TAIL = re.compile(r"\s*(?:整合|综合|编译|报道|撰写|摄影?|整理|发自\S*)$")


def _person(value: str) -> str | None:
    """A person or outlet's name from a byline value ('张三 李四', not '104363')."""
    value = re.split(r"[\s　]{2,}|[|｜/，,；;（(]|\s(?=\S+[:：])", value.strip())[0].strip(" :：[]【】")
    value = _CREDIT_TAIL.sub("", re.sub(r"^(?:本报|本台|本网)?(?:记者|通讯员|作者|文)\s*", "", value))
    return value if value and _NAME.match(value) and not value.isdigit() else None


_BYLINE_AUTHOR = re.compile(
    rf"(?:作者|撰文|记者|文|撰稿)\s*[:：/]\s*(?P<a>[{HAN}A-Za-z·]{{2,12}}(?:[ 、，,][{HAN}·]{{2,4}})*)"
    rf"|(?:^|\s)作者\s+(?P<d>[{HAN}·]{{2,4}})(?:\s|$)"
    rf"|[（(]\s*(?:本报|本台)?记者\s*(?P<b>[{HAN}·]{{2,4}}(?:[ 、，,][{HAN}·]{{2,4}})*)"
    rf"|(?:本报|本台)?记者\s+(?P<c>[{HAN}·]{{2,4}}(?:[ 、][{HAN}·]{{2,4}})*)"
)


@dataclass
class _Byline:
    date: str | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None


def byline_fields(lines: list[str]) -> _Byline:
    """Date, author, source and editor from the lines around the headline, first found wins."""
    found = _Byline()
    for line in lines:
        short = len(line) <= 60
        if len(line) > 200:
            line = line[:60]  # a long paragraph: only its opening may be a byline (记者 X)
        for name, value in labelled_fields(line):
            if name == "date" and not found.date:
                found.date = parse_date(value)
            elif name in ("author", "source", "editor") and not getattr(found, name):
                setattr(found, name, _person(value))
        if not found.date and short:
            found.date = parse_date(line)
        m = _BYLINE_AUTHOR.search(line)
        if m and not found.author:
            found.author = _person(m["a"] or m["b"] or m["c"] or m["d"] or "")
    return found



_CLOSING_BYLINE = re.compile(rf"(?:^[{HAN}]{{0,8}}?|[（(\s：:])(?:本报|本台)?(?:记者|采写|文/|撰文)\s*[:：]?\s*(?:[{HAN}]{{0,6}}记者\s*)?"
                             rf"(?P<name>[{HAN}·]{{2,4}}(?:[ 、][{HAN}·]{{2,4}})*)\s*[）)]?$")
MAX_BYLINE = 40  # characters; a closing byline is a short line


def closing_byline(lines: list[str]) -> str | None:
    """The author named in the article's own first or last lines: （记者 张三）, 扬子晚报记者 张楠."""
    for line in lines[-4:][::-1] + lines[:2]:
        text = line.strip()
        head = text[:MAX_BYLINE]
        m = _CLOSING_BYLINE.search(text) if len(text) <= MAX_BYLINE else _BYLINE_AUTHOR.search(head)
        if m:
            name = _person(m.groupdict().get("name") or next((g for g in m.groups() if g), ""))
            if name:
                return name
    return None
