"""What kind of text it is: 文种, when it takes effect, whether it is whole (节选)."""
from __future__ import annotations

import re

from ...structure import NUM, OUTLINE, outline_kind
from ..fields import parse_date

#: 文种, longest first so that 实施方案 is not read as 方案 … and 工作报告 as 报告.
DOC_TYPES = ("规划", "纲要", "意见", "通知", "决定", "讲话", "报告", "办法", "条例", "规定", "细则", "方案", "通告",
             "公告", "批复", "决议", "命令", "公报", "议案", "纪要", "指南", "计划", "函", "令", "法")
_TYPE_AT_END = re.compile("(%s)$" % "|".join(DOC_TYPES))


def doc_type(title: str) -> str | None:
    """The 文种 a 公文 title names: the word it ends with; for a report of an issuing, the type of what was issued.

    Pages that are not official documents get theirs from `news.page_kind` (新闻 only on evidence).

    >>> doc_type("国务院关于印发“十四五”国家知识产权保护和运用规划的通知")
    '通知'
    >>> doc_type("国务院印发《“十四五”国家知识产权保护和运用规划》（附全文）")
    '规划'
    >>> doc_type("申长雨在2020年全国知识产权局局长会议上作报告"), doc_type("在全国科技大会上的讲话")
    ('报告', '讲话')
    >>> doc_type("中国知识产权国际合作扩大“朋友圈”") is None
    True
    """
    text = re.sub(r"[（(][^（）()]*[）)]\s*$", "", title.strip())  # （附全文）, （国办发〔2021〕5号）
    text = re.sub(r"\s*(?:全文|\(全文\))$", "", text)
    issued = re.search(r"(?:印发|发布|公布|颁布)\s*《([^《》]+)》\s*$", text)
    if issued:
        text = re.sub(r"[（(][^（）()]*[）)]$", "", issued[1])
    text = text.rstrip("》”\"")
    m = _TYPE_AT_END.search(text)
    return m[1] if m else None


_EFFECTIVE = re.compile(r"自(?P<when>[^，。；自]{2,24}?)起(?:施行|实施|执行|生效)")


def effective_date(texts: list[str], written: str | None, published: str | None) -> tuple[str, str] | None:
    """(date, how) from 自…起施行: a date as stated, or the written / publication date it refers to.

    >>> effective_date(["本办法自2022年1月1日起施行。"], None, None)
    ('2022-01-01', 'stated')
    >>> effective_date(["本通知自印发之日起施行。"], "2021-10-09", "2021-10-28")
    ('2021-10-09', '印发之日')
    """
    for text in texts:
        for m in _EFFECTIVE.finditer(text):
            when = m["when"]
            date = parse_date(when)
            if date:
                return date, "stated"
            if re.search(r"印发|签发|下发|成文", when) and written:
                return written, "印发之日"
            if re.search(r"发布|公布|颁布", when) and published:
                return published, "发布之日"
    return None


_ORDINALS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def cn_ordinal(text: str) -> int | None:
    """一 → 1, 十三 → 13, 二十 → 20; None for anything else.

    >>> cn_ordinal("六"), cn_ordinal("十三"), cn_ordinal("二十一")
    (6, 13, 21)
    """
    if not text or any(c not in _ORDINALS and c != "十" for c in text) or text.count("十") > 1:
        return None
    if "十" not in text:
        return _ORDINALS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_ORDINALS.get(tens, 0) if tens else 1) * 10 + (_ORDINALS.get(ones, 0) if ones else 0)


def is_excerpt(texts: list[str]) -> bool:
    """Whether the text is evidently partial: its outermost outline starts past 一, or skips numbers.

    >>> is_excerpt(["六、推进国际合作", "（十三）参与全球治理。", "七、加强支撑"])
    True
    >>> is_excerpt(["一、总体要求", "（一）指导思想。", "二、主要任务"])
    False
    """
    kinds = [(outline_kind(t), t) for t in texts]
    order = [name for name, _ in OUTLINE]
    used = [k for k, _ in kinds if k]
    if not used:
        return False
    outer = min(used, key=order.index)
    numbers = []
    for kind, text in kinds:
        if kind == outer:
            m = re.match(rf"^(?:第)?([{NUM}]+)|^[（(]([{NUM}]+)", text)
            n = cn_ordinal((m[1] or m[2]) if m else "")
            if n is None:
                return False  # 第3章, or a numeral this reads wrongly: say nothing
            numbers.append(n)
    if numbers[0] > 1:
        return True
    return any(b - a > 1 for a, b in zip(numbers, numbers[1:]))
