"""What the link stage writes: 被引用 on each cited page, a page per cited document, their index."""
from __future__ import annotations

import posixpath
from collections import defaultdict

from ..model import Collection, Document
from ..render import escape, unsearched
from .registry import CITED, Registry


def _rel(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _item(doc: Document, page: str, sentence: str = "", note: str = "") -> str:
    title = escape(str(doc.meta.get("title") or doc.slug)).replace("\n", " ")
    line = f"- [{title}]({_rel(doc.page, page)})"
    if note:
        line += f" {note}"
    if sentence:
        line += f" ：“{escape(sentence)}”"
    return line


def _unique(citations: list[tuple[Document, str]]) -> list[tuple[Document, str]]:
    """One line per citing page and sentence, in page order."""
    seen, out = set(), []
    for doc, sentence in citations:
        if (doc.page, sentence) not in seen:
            seen.add((doc.page, sentence))
            out.append((doc, sentence))
    return sorted(out, key=lambda c: c[0].page)


def backlinks(docs: list[Document], reg: Registry) -> None:
    """被引用: on each source page, the pages citing it or a document it carries or reports on."""
    cited_by: dict[int, list[str]] = defaultdict(list)
    for entry in sorted(reg.entries.values(), key=lambda e: e.key):
        if entry.page is not None:
            for citing, sentence in _unique(entry.citations):
                cited_by[id(entry.page)].append(_item(citing, entry.page.page, sentence))
            continue
        for doc, verb in [(d, "全文") for d in entry.holders] + [(d, "报道") for d in entry.reports]:
            page = doc.page
            head = f"- 本页{'收录' if verb == '全文' else '报道'}[{escape(entry.display)}]({_rel(entry.path, page)})，引用它的页面："
            lines = [_item(c, page, s).replace("- ", "    - ", 1) for c, s in _unique(entry.citations) if c is not doc]
            if lines:
                cited_by[id(doc)].append("\n".join([head] + lines))
    for doc in docs:
        if cited_by.get(id(doc)):
            doc.appendix.append("## 被引用\n\n" + "\n".join(cited_by[id(doc)]))


def cited_pages(collection: Collection, reg: Registry) -> None:
    entries = [e for e in reg.entries.values() if e.page is None and (e.citations or e.holders or e.reports)]
    entries.sort(key=lambda e: e.display)
    held, missing = [], []
    for entry in entries:
        page = entry.path
        parts = [f"# {escape(entry.display)}", ""]
        names = sorted(set(entry.forms) | entry.aliases - {entry.display})
        if names:
            parts += ["**又称**：" + "；".join(escape(n) for n in names), ""]
        searched = len(parts)  # the name and aliases; the lists below repeat other pages
        if entry.holders:
            parts += ["## 全文", ""] + [_item(d, page) for d in entry.holders] + [""]
        if entry.reports:
            parts += ["## 报道", ""] + [_item(d, page) for d in entry.reports] + [""]
        if not entry.holders:
            parts += ["!!! note \"文库尚未收录\"", "", "    本站还没有这份文件的全文。", ""]
        citations = _unique(entry.citations)
        if citations:
            parts += ["## 引用它的页面", ""] + [_item(d, page, s) for d, s in citations] + [""]
        listed = "\n".join(parts[searched:]).strip()
        parts = parts[:searched] + ([unsearched(listed)] if listed else [])
        collection.pages[page] = "\n".join(parts).rstrip() + "\n"
        line = f"- [{escape(entry.display)}]({_rel(page, f'{CITED}/index.md')}) （被 {len({id(d) for d, _ in citations})} 个页面引用）"
        (held if entry.holders else missing).append(line)
    index = ["# 引用的文件", "",
             "文库各页引用的政策文件。每份文件一页：它的名称、别名、收录它的页面和引用它的页面。", ""]
    index += ["## 文库已收录全文", ""] + (held or ["（无）"]) + [""]
    index += ["## 尚未收录（待补充）", "", "这些文件被引用，但文库还没有它们的全文。", ""] + (missing or ["（无）"])
    collection.pages[f"{CITED}/index.md"] = "\n".join(index).rstrip() + "\n"
