"""Stage after extract: an official document's own metadata.

文号 (doc_number), 发文机关 (issuer), 文种 (doc_type), 成文日期 (written_date),
施行日期 (effective_date) and 节选 (excerpt), from where a government page states
them:

* the *information table* above a notice (索引号, 发文机关, 成文日期, 发文字号,
  主题分类 …): an HTML table or label list in `doc.raw`, or label lines in a
  text dump. It is metadata, so its lines leave the body;
* the 文号 line under the title (国发〔2021〕20号);
* the *signature* (落款) that closes a notice: the issuer's name, then the date;
* 自…起施行 for the effective date;
* the title: 国务院关于…的通知 names its issuer and its type.

Each finder is a small pure function; `policy_fields` runs them in order of
trust (the table first) and `explain` says which one gave each field.
`validity` (时效性) is never read from the page: a page scraped years ago
cannot say whether the document is still in force, so only a sidecar or
`metadata.yml` sets it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Line
from ..restore import RestoreConfig, restore
from ..structure import NUM, OUTLINE, outline_kind
from ..text import HAN, tidy
from .fields import parse_date

# --- the information table --------------------------------------------------------------------

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


def info_table_lines(lines: list[Line]) -> tuple[dict[str, str], set[int]]:
    """The information table of a text dump (label lines, or Markdown table rows): fields and line indices."""
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


# --- the text of the notice -------------------------------------------------------------------

#: 文号 as printed: 国发〔2021〕20号, 国办发明电〔2020〕5号, 国务院令第732号, 国家知识产权局公告第四二七号.
DOC_NUMBER = re.compile(
    rf"[{HAN}]{{1,16}}[〔\[［【(（]\s*(?:19|20)\d{{2}}\s*[〕\]］】)）]\s*(?:第\s*)?\d{{1,4}}\s*号"
    rf"|[{HAN}]{{0,16}}(?:令|公告)\s*(?:[〔\[［(（]\s*(?:19|20)\d{{2}}\s*[〕\]］)）]\s*)?第\s*[\d{NUM}]{{1,5}}\s*号"
)


def doc_number_line(texts: list[str]) -> str | None:
    """The 文号 standing on its own line under the title.

    >>> doc_number_line(["国发〔2021〕20号", "各省、自治区、直辖市人民政府："])
    '国发〔2021〕20号'
    >>> doc_number_line(["根据《通知》（国发〔2016〕86号）要求，……"]) is None
    True
    """
    for text in texts:
        text = text.strip(" \u3000")
        if DOC_NUMBER.fullmatch(text):
            return re.sub(r"\s+", "", text)
    return None


def doc_number_in_title(title: str) -> str | None:
    """A 文号 the title ends with, in brackets: 关于…的通知（国办发〔2021〕5号）.

    >>> doc_number_in_title("国务院办公厅关于加强知识产权保护的通知（国办发〔2021〕5号）")
    '国办发〔2021〕5号'
    """
    m = re.search(rf"[（(]\s*({DOC_NUMBER.pattern})\s*[）)]\s*$", title)
    return re.sub(r"\s+", "", m[1]) if m else None


#: The end of an organ's name: 国务院, …办公厅, …委员会, …部, …局, 中共中央, …人民政府 …
_ORGAN = re.compile(
    rf"^[{HAN}]{{0,20}}(?:国务院|中央|办公厅|办公室|委员会|常委会|委|部|局|署|院|政府|厅|银行|总局|法院|检察院"
    rf"|联合会|协会|小组|中心|党组|军委|人大|政协|办)$"
)
_SIGNATURE_DATE = re.compile(
    rf"^\s*(?:(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[〇零一二三四五六七八九]{{4}}年[{NUM}]{{1,2}}月[{NUM}]{{1,3}}日)\s*$"
)


def organs(text: str) -> list[str] | None:
    """The organ names a line consists of ('中共中央办公厅 国务院办公厅'), or None when it is anything else.

    Letter-spaced names (国  务  院) are read whole.

    >>> organs("中共中央办公厅　国务院办公厅"), organs("国 务 院"), organs("请认真贯彻执行")
    (['中共中央办公厅', '国务院办公厅'], ['国务院'], None)
    """
    parts = [p for p in re.split(r"[\s\u3000、，,]+", text.strip()) if p]
    if parts and all(len(p) == 1 for p in parts):
        parts = ["".join(parts)]
    if not parts or len(parts) > 6 or not all(_ORGAN.match(p) and len(p) >= 2 for p in parts):
        return None
    return parts


MAX_SIGNATURE_LINES = 3  # issuer lines above the date: a joint notice has two or three


def signature(texts: list[str]) -> tuple[list[str], str, int] | None:
    """The first 落款: issuer line(s) then a date line (or both on one line). (issuers, date, index of the date line).

    >>> signature(["现将规划印发给你们，请认真贯彻执行。", "国务院", "2021年10月9日", "（此件公开发布）"])
    (['国务院'], '2021-10-09', 2)
    >>> signature(["国务院办公厅　　2021年10月9日"])
    (['国务院办公厅'], '2021-10-09', 0)
    """
    for i, text in enumerate(texts):
        text = text.strip()
        one_line = re.match(r"^(?P<org>.+?)[\s\u3000]+(?P<date>\S+年\S+月\S+日)$", text)
        if one_line and _SIGNATURE_DATE.match(one_line["date"]) and organs(one_line["org"]):
            return organs(one_line["org"]), parse_date(one_line["date"]), i
        if not _SIGNATURE_DATE.match(text):
            continue
        names: list[str] = []
        for above in reversed(texts[max(0, i - MAX_SIGNATURE_LINES):i]):
            found = organs(above)
            if not found:
                break
            names = found + names
        if names:
            return names, parse_date(text), i
    return None


_TITLE_ISSUER = re.compile(rf"^(?P<org>[{HAN}\s\u3000、]{{2,60}}?)(?:关于|印发|发布|转发|公布|颁布)")


def issuer_from_title(title: str) -> list[str] | None:
    """The issuer a 公文 title starts with: 国务院关于…的通知, 中共中央 国务院印发《…》.

    >>> issuer_from_title("国务院关于印发“十四五”国家知识产权保护和运用规划的通知")
    ['国务院']
    >>> issuer_from_title("中共中央 国务院印发《知识产权强国建设纲要（2021－2035年）》")
    ['中共中央', '国务院']
    >>> issuer_from_title("关于加强知识产权保护的意见") is None
    True
    """
    m = _TITLE_ISSUER.match(title.strip())
    return organs(m["org"]) if m else None


#: 文种, longest first so that 实施方案 is not read as 方案 … and 工作报告 as 报告.
DOC_TYPES = ("规划", "纲要", "意见", "通知", "决定", "讲话", "报告", "办法", "条例", "规定", "细则", "方案", "通告",
             "公告", "批复", "决议", "命令", "公报", "议案", "纪要", "指南", "计划", "函", "令", "法")
_TYPE_AT_END = re.compile("(%s)$" % "|".join(DOC_TYPES))
_NEWS_SOURCE = re.compile(rf"(?:社|报|网|台|新闻|综合|频道|客户端|News|Service|Xinhua|Daily|Times|Press|Reuters)$", re.I)


def doc_type(title: str, meta: dict) -> str | None:
    """The 文种: the word a 公文 title ends with; a report of an issuing the type of what was issued; else 新闻 for news.

    >>> doc_type("国务院关于印发“十四五”国家知识产权保护和运用规划的通知", {})
    '通知'
    >>> doc_type("国务院印发《“十四五”国家知识产权保护和运用规划》（附全文）", {})
    '规划'
    >>> doc_type("申长雨在2020年全国知识产权局局长会议上作报告", {}), doc_type("在全国科技大会上的讲话", {})
    ('报告', '讲话')
    >>> doc_type("中国知识产权国际合作扩大“朋友圈”", {"author": "孙自法", "source": "中新社"})
    '新闻'
    """
    text = re.sub(r"[（(][^（）()]*[）)]\s*$", "", title.strip())  # （附全文）, （国办发〔2021〕5号）
    text = re.sub(r"\s*(?:全文|\(全文\))$", "", text)
    issued = re.search(r"(?:印发|发布|公布|颁布)\s*《([^《》]+)》\s*$", text)
    if issued:
        text = re.sub(r"[（(][^（）()]*[）)]$", "", issued[1])
    text = text.rstrip("》”\"")
    m = _TYPE_AT_END.search(text)
    if m:
        return m[1]
    source = str(meta.get("source") or "")
    if meta.get("author") or _NEWS_SOURCE.search(source):
        return "新闻"
    return None


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


# --- the stage --------------------------------------------------------------------------------

@dataclass
class Finding:
    key: str
    value: object
    source: str  # where it was read, for `explain`


HEAD_LINES = 12  # lines around the top of the article searched for the 文号 line


def _texts(lines: list[Line]) -> list[str]:
    return [line.text.strip() for line in lines if line.text.strip()]


def policy_fields(doc: Document) -> tuple[list[Finding], set[int]]:
    """Every policy field the page states, most trusted first, and the lines of its information table."""
    found: list[Finding] = []
    table, rows = info_table_lines(doc.lines)
    where = "information table"
    if not table and doc.kind == "html" and doc.raw:
        config = RestoreConfig(script=doc.meta.get("original_script") == "hant")
        table = {k: restore(tidy(v), config) for k, v in info_table_html(doc.raw).items()}
        where = "information table (HTML)"
    for key in ("title", "doc_number", "issuer", "doc_type", "written_date", "published", "effective_date"):
        value = table.get(key)
        if key.endswith("date") or key == "published":
            value = parse_date(value or "")
        elif key == "issuer" and value:
            value = "、".join(organs(value) or [v for v in re.split(r"[\s\u3000、，,]+", value) if v])
        elif key == "doc_type" and value:
            value = value if value in DOC_TYPES or len(value) <= 4 else None
        if value:
            found.append(Finding(key, value, f"{where} ({key})"))

    title = str(table.get("title") or doc.meta.get("title") or "")
    kept = [i for i, line in enumerate(doc.lines) if line.kept and line.text.strip() and i not in rows]
    first = kept[0] if kept else 0
    last = kept[-1] if kept else len(doc.lines) - 1
    # The 文号 and the signature may have been cut as chrome: look just outside the kept span too.
    head = [line for i, line in enumerate(doc.lines[max(0, first - 4):first + HEAD_LINES], start=max(0, first - 4))
            if i not in rows]
    number = doc_number_line(_texts(head))
    if number:
        found.append(Finding("doc_number", number, "文号 line under the title"))
    number = doc_number_in_title(title)
    if number:
        found.append(Finding("doc_number", number, "title"))
    around = [line for i, line in enumerate(doc.lines[first:last + 8], start=first) if i not in rows]
    sign = signature(_texts(around))
    if sign:
        found.append(Finding("issuer", "、".join(sign[0]), "signature (落款)"))
        found.append(Finding("written_date", sign[1], "signature (落款)"))
    from_title = issuer_from_title(title)
    if from_title:
        found.append(Finding("issuer", "、".join(from_title), "title"))
    kind = doc_type(title, doc.meta)
    if kind:
        found.append(Finding("doc_type", kind, "title" if kind != "新闻" else "news byline"))
    body = _texts([line for line in doc.body])
    written = next((f.value for f in found if f.key == "written_date"), None)
    published = next((f.value for f in found if f.key == "published"), None) or doc.meta.get("date")
    effective = effective_date(body, written, published)
    if effective:
        found.append(Finding("effective_date", effective[0], f"自…起施行 ({effective[1]})"))
    if is_excerpt(body):
        found.append(Finding("excerpt", True, "outline starts past 一 or skips numbers"))
    return found, rows


def explain(doc: Document) -> list[str]:
    """Which finder gave each policy field of `doc` ('issuer: 国务院 ← signature (落款)'); later finds lose."""
    chosen: dict[str, Finding] = {}
    for finding in policy_fields(doc)[0]:
        chosen.setdefault(finding.key, finding)
    return [f"{f.key}: {f.value} ← {f.source}" for f in chosen.values()]


INFO_TABLE = "information table (metadata)"
_PUBLICATION_NOTE = re.compile(r"^[（(][^（）()]{2,16}[）)]$")  # （此件公开发布）


def notice_frame(lines: list[Line], rows: set[int]) -> set[int]:
    """Lines of a notice's frame that the cleaner cut as chrome: the 文号 line, the 落款, and what lies between.

    Short lines without punctuation look like chrome, but a notice's 文号 and
    signature are its own text, and so is a short notice the cleaner passed
    over for the long attachment under it. Only lines next to the article are
    taken back: from a 文号 line a few lines above it down to the article, and
    the first signature (with a （此件公开发布） under it) within or just after it.
    """
    filled = [i for i, line in enumerate(lines) if line.text.strip() and i not in rows]
    kept = [i for i in filled if lines[i].kept]
    if not kept:
        return set()
    first, last = kept[0], kept[-1]
    above = [i for i in filled if i < first][-FRAME_ABOVE:]
    number_at = next((i for i in above if DOC_NUMBER.fullmatch(lines[i].text.strip(" \u3000"))), None)
    back = {i for i in above if number_at is not None and i >= number_at}
    span = [i for i in filled if (number_at if number_at is not None else first) <= i]
    span = span[:span.index(last) + 1 + FRAME_BELOW] if last in span else span
    sign = signature([lines[i].text for i in span])
    if sign:
        date_at = span[sign[2]]
        if date_at <= last or all(not lines[i].kept for i in span if last < i < date_at):
            back |= {span[k] for k in range(max(0, sign[2] - len(sign[0])), sign[2] + 1)}
            after = next((i for i in span if i > date_at), None)
            if after is not None and _PUBLICATION_NOTE.match(lines[after].text.strip()):
                back.add(after)
    return {i for i in back if not lines[i].kept}


FRAME_ABOVE = 8  # non-blank lines above the article searched for the 文号 line
FRAME_BELOW = 6  # non-blank lines after it searched for the signature


def apply_policy(doc: Document) -> Document:
    """The `policy` stage: fill the policy fields of `doc.meta`; the information table leaves the body.

    A notice with an information table is dated by its 成文日期 (`date` and
    `written_date`); otherwise `date` stays the publication date, and takes the
    written date only when the page states no other.
    """
    if doc.kind == "markdown":
        return doc  # a Markdown page's front matter says what it means to
    findings, rows = policy_fields(doc)
    for index in rows:
        line = doc.lines[index]
        if line.kept:
            line.kept, line.reason = False, INFO_TABLE
    for index in notice_frame(doc.lines, rows):
        doc.lines[index].kept, doc.lines[index].reason = True, ""
    chosen: dict[str, object] = {}
    for finding in findings:
        chosen.setdefault(finding.key, finding.value)
    title = chosen.pop("title", None)
    if title and len(str(title)) >= 4:
        doc.meta["title"] = title
    chosen.pop("published", None)
    doc.meta.update(chosen)
    written = chosen.get("written_date")
    tabled = any(f.key == "written_date" and f.source.startswith("information table") for f in findings)
    # A date read from 自2022年5月1日起施行 is when the document takes effect, not when it was published.
    misread = doc.meta.get("date") == chosen.get("effective_date") and any(
        f.key == "effective_date" and f.source.endswith("(stated)") for f in findings)
    if written and (tabled or misread or not doc.meta.get("date")):
        doc.meta["date"] = written
    return doc
