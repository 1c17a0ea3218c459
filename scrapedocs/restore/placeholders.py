"""'?' placeholders: characters an encoding step lost, standing between breadcrumb items, buttons, fields."""
from __future__ import annotations

import re

from .lines import per_line

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


@per_line
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
