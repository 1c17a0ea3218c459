"""The information table above a government notice: 索引号, 发文机关, 成文日期, 发文字号 … as fields.

An HTML table, a list of label spans, or label lines and table rows in a text
dump: all are read as a sequence of cells (label, value, label, value …), and
two distinctive labels close together make a table.
"""
from __future__ import annotations

import re

from ...model import Line
from ...text import HAN, at_least, tidy

#: Label → field. Several sites, several words for one field; None: a label read and dropped.
TABLE_LABELS = {
    "索引号": None, "主题分类": None, "主题词": None, "公开方式": None, "组配分类": None, "体裁分类": None,
    "分类": None, "来源": None, "发布机构": "issuer",
    "发文机关": "issuer", "发布机关": "issuer", "制发机关": "issuer", "发文单位": "issuer", "颁布机关": "issuer",
    "成文日期": "written_date", "发文日期": "written_date", "印发日期": "written_date",
    "发布日期": "published", "公布日期": "published",
    "标题": "title", "文件名称": "title", "名称": "title",
    "发文字号": "doc_number", "文号": "doc_number", "文件编号": "doc_number",
    "公文种类": "doc_type", "文种": "doc_type",
    "施行日期": "effective_date", "实施日期": "effective_date", "生效日期": "effective_date",
    "有效性": None, "时效性": None, "效力级别": None, "效力状态": None,
}
#: Labels that only an information table has: two of them close together make one.
ANCHORS = ("索引号", "发文机关", "发布机关", "发布机构", "成文日期", "发文字号", "主题分类", "公文种类")
MIN_ANCHORS = 2
TABLE_WINDOW = 40  # cells: an information table is compact

def _spaced(label: str) -> str:
    """A label as a pattern that allows the spaces sites put between its characters (索 引 号)."""
    return r"[\s\u3000]*".join(label)


_LABEL = re.compile(
    r"(?P<label>%s)[\s\u3000]*(?:[:：]|(?=[|｜\t]|[\s\u3000]{2,}|$))"
    % "|".join(_spaced(k) for k in sorted(TABLE_LABELS, key=len, reverse=True))
)
_CELL_SPLIT = re.compile(r"\s*[|｜\t]\s*|[\s\u3000]{2,}")


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _cells(text: str) -> list[str]:
    """A line cut into cells: labels, and between them table pipes, tabs and wide gaps.

    >>> _cells("索 引 号：000014349/2021-00111 主题分类：科技、教育")
    ['索 引 号：', '000014349/2021-00111', '主题分类：', '科技、教育']
    >>> _cells("| 标　　题 | 国务院关于某事的通知 |")
    ['标　　题', '国务院关于某事的通知']
    """
    out, pos = [], 0

    def between(part: str) -> None:
        out.extend(c.strip() for c in _CELL_SPLIT.split(part) if c.strip() and not re.fullmatch(r"[-:\s]+", c))

    for m in _LABEL.finditer(text):
        between(text[pos:m.start()])
        out.append(m.group(0).strip())
        pos = m.end()
    between(text[pos:])
    return out


_OTHER_LABEL = re.compile(rf"[{HAN}\s\u3000]{{2,8}}[:：]")


def _label_of(cell: str) -> str | None:
    """The table label a cell is ('索 引 号：' → '索引号'); '?' for a label this module does not read."""
    m = _LABEL.fullmatch(cell.strip())
    if m:
        return _squeeze(m["label"])
    return "?" if _OTHER_LABEL.fullmatch(cell.strip()) else None


def table_fields(cells: list[str]) -> tuple[dict[str, str], set[int]]:
    """Fields of an information table laid out as cells (label, value, label, value …).

    Returns the fields and the indices of the cells that belong to the table, or
    nothing when fewer than two of its distinctive labels stand close together.

    >>> fields, used = table_fields(["首页", "发文机关：", "国务院", "成文日期：", "2021年10月09日",
    ...                               "发文字号：", "国发〔2021〕20号", "正文"])
    >>> fields, sorted(used)
    ({'issuer': '国务院', 'written_date': '2021年10月09日', 'doc_number': '国发〔2021〕20号'}, [1, 2, 3, 4, 5, 6])
    """
    labels = [(i, _label_of(c)) for i, c in enumerate(cells)]
    anchors = [i for i, label in labels if label in ANCHORS]
    if len(anchors) < MIN_ANCHORS:
        return {}, set()
    start = anchors[0]
    # The densest window of anchors: a stray 发布日期 in a footer is not the table.
    best = max(anchors, key=lambda a: sum(1 for b in anchors if a <= b < a + TABLE_WINDOW))
    start = best
    if sum(1 for b in anchors if start <= b < start + TABLE_WINDOW) < MIN_ANCHORS:
        return {}, set()
    fields: dict[str, str] = {}
    used: set[int] = set()
    i, end = start, min(len(cells), start + TABLE_WINDOW + 2)
    while i < end:
        label = labels[i][1]
        if label is None:
            if used and i > max(used) + 1:
                break  # past the table
            i += 1
            continue
        used.add(i)
        value = ""
        if i + 1 < len(cells) and labels[i + 1][1] is None:
            value = cells[i + 1].strip()
            used.add(i + 1)
            i += 1
        field = TABLE_LABELS.get(label)
        if field and value and field not in fields:
            fields[field] = value
        i += 1
    return fields, used


#: Where a distinctive label starts (索 引 号 too), overlapping ones included: a table holds two of them.
_ANCHOR_AT = re.compile("(?=%s)" % "|".join(_spaced(a) for a in ANCHORS))


def info_table_lines(lines: list[Line]) -> tuple[dict[str, str], set[int]]:
    """The information table of a text dump (label lines, or Markdown table rows): fields and line indices.

    Most pages have none: without two distinctive labels in its text, its lines are not cut into cells.
    """
    if not at_least(_ANCHOR_AT, "\n".join(line.text for line in lines), MIN_ANCHORS):
        return {}, set()
    cells, owner = [], []
    for index, line in enumerate(lines):
        for cell in _cells(line.text):
            cells.append(cell)
            owner.append(index)
    fields, used = table_fields(cells)
    rows = {owner[i] for i in used}
    # A Markdown table's rule row ("| --- | --- |") between two rows of the table is the table's too.
    for index in list(rows):
        for near in (index - 1, index + 1):
            if 0 <= near < len(lines) and re.fullmatch(r"[|\s:-]+", lines[near].text.strip() or "x") and "-" in lines[near].text:
                rows.add(near)
    # A row is the table's only when every cell of it is: a paragraph that names 文号 is not.
    whole = {index for index in rows
             if all(i in used for i, o in enumerate(owner) if o == index) or index not in owner}
    return fields, whole


_INLINE = {"b", "strong", "span", "font", "a", "em", "i", "u", "label", "small", "big", "sup", "sub", "nobr", "abbr"}
_SKIP = {"script", "style", "noscript", "template", "title", "head"}


def html_cells(html: str) -> list[str]:
    """The page's text as cells: inline elements joined (索<span></span>引号), block and table cells apart."""
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    soup = BeautifulSoup(html, "lxml")
    cells: list[str] = []
    buffer: list[str] = []

    def flush():
        text = tidy("".join(buffer))
        buffer.clear()
        cells.extend(_cells(text))

    def walk(node):
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                buffer.append(str(child))
            elif isinstance(child, Tag) and child.name not in _SKIP:
                if child.name in _INLINE:
                    walk(child)
                else:
                    flush()
                    walk(child)
                    flush()

    walk(soup)
    flush()
    return cells


_TABLE_HINT = re.compile("|".join(r"(?:\s|<[^>]{0,200}>|&nbsp;)*".join(label) for label in ANCHORS))


def info_table_html(html: str) -> dict[str, str]:
    """The information table of an HTML page, wherever it stands (a table, a list, label spans)."""
    if len(_TABLE_HINT.findall(html[:400_000])) < MIN_ANCHORS:  # cheap: most pages have none
        return {}
    return table_fields(html_cells(html))[0]
