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
* the title: 国务院关于…的通知 names its issuer and its type;
* for pages that are not official documents, their kind (博客, 论坛, 问答, from
  the clean stage) or, on evidence only, 新闻 (`news`).

Each finder is a small pure function; `policy_fields` runs them in order of
trust (the table first) and `explain` says which one gave each field.
`validity` (时效性) is never read from the page: a page scraped years ago
cannot say whether the document is still in force, so only a sidecar or
`metadata.yml` sets it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Document, Line
from ...restore import repairs_for, restore
from ...text import tidy
from ..fields import parse_date
from .kinds import DOC_TYPES, doc_type, effective_date, is_excerpt
from .news import page_kind
from .notice import (
    HEAD_LINES,
    doc_number_in_title,
    doc_number_line,
    issuer_from_title,
    notice_frame,
    organs,
    signature,
)
from .table import info_table_html, info_table_lines


@dataclass
class Finding:
    key: str
    value: object
    source: str  # where it was read, for `explain`




def _texts(lines: list[Line]) -> list[str]:
    return [line.text.strip() for line in lines if line.text.strip()]


def policy_fields(doc: Document) -> tuple[list[Finding], set[int]]:
    """Every policy field the page states, most trusted first, and the lines of its information table."""
    found: list[Finding] = []
    table, rows = info_table_lines(doc.lines)
    where = "information table"
    if not table and doc.kind == "html" and doc.raw:
        config = repairs_for(doc.meta)
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
    kind = doc_type(title)
    if kind:
        found.append(Finding("doc_type", kind, "title"))
    kind_of_page = page_kind(doc)
    if kind_of_page:
        found.append(Finding("doc_type", *kind_of_page))
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
