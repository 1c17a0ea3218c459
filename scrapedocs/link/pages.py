"""What the link stage writes: 被引用 on each cited page, a page per cited document, their index.

Nothing grows with the collection on one page: 被引用 shows the `SHOWN` most
relevant citing pages (those citing the document most often, then the newest,
then by title) with their total and a link to the cited document's page,
which lists them all, `listing.PER_PAGE` a page, in the same order. A page
reporting on a document shows `REPORTED` of the pages citing that document.
"""
from __future__ import annotations

from collections import Counter

from ..escape import escape
from ..indexes import listing
from ..indexes.listing import rel
from ..model import Collection, Document
from ..render import UNSEARCHED
from .registry import CITED, Entry, Registry

SHOWN = 20  # citing pages shown under 被引用, and holders or reports shown on a cited page
#: Pages citing a document that a page reports on (its opening names it), shown on that page:
#: fewer, since an opening may name several documents and the full lists are a click away.
REPORTED = 5
INDEX_SHOWN = 50  # cited documents shown per section of cited/index.md


def _item(doc: Document, page: str, sentence: str = "", times: int = 1) -> str:
    note = f"（引用 {times} 处）" if times > 1 else ""
    if sentence:
        note += f"：“{escape(sentence)}”"
    return listing.item(doc, page, note)


def citers(entry: Entry) -> list[tuple[Document, str, int]]:
    """(citing page, its first citing sentence, how many times it cites), most relevant first.

    Most relevant: the pages citing the document most often, then the newest, then by title.
    """
    first: dict[int, tuple[Document, str]] = {}
    times: Counter = Counter()
    for doc, sentence in entry.citations:
        first.setdefault(id(doc), (doc, sentence))
        times[id(doc)] += 1
    ordered = listing.newest_first(doc for doc, _ in first.values())
    ordered.sort(key=lambda d: -times[id(d)])
    return [(doc, first[id(doc)][1], times[id(doc)]) for doc in ordered]


def _more(total: int, shown: int, target: str, page: str, what: str) -> str:
    """The line under a cut list: the total, and where the whole list is."""
    if total <= shown:
        return ""
    return f"共 {total} 个{what}，这里列出 {shown} 个。[查看全部 {total} 个]({rel(target, page)})"


def backlinks(docs: list[Document], reg: Registry) -> None:
    """被引用: on each source page, the pages citing it or a document it carries or reports on."""
    sections: dict[int, list[str]] = {}
    for entry in sorted(reg.entries.values(), key=lambda e: e.key):
        if entry.page is not None:
            found = citers(entry)
            if found:
                page = entry.page.page
                lines = [_item(d, page, s, n) for d, s, n in found[:SHOWN]]
                more = _more(len(found), SHOWN, entry.path, page, "页面引用本文")
                sections.setdefault(id(entry.page), []).append("\n".join(lines) + (f"\n\n{more}" if more else ""))
            continue
        everyone = citers(entry)  # once per entry: a plan reported on by thousands of pages stays linear
        citing = {id(d) for d, _, _ in everyone}
        for doc, verb, shown in [(d, "收录", SHOWN) for d in entry.holders] + [(d, "报道", REPORTED) for d in entry.reports]:
            found = [c for c in everyone[:shown + 1] if c[0] is not doc][:shown]
            total = len(everyone) - (id(doc) in citing)
            if not found:
                continue
            page = doc.page
            head = f"- 本页{verb}[{escape(entry.display)}]({rel(entry.path, page)})，引用它的页面："
            lines = ["    " + _item(d, page, s, n) for d, s, n in found]
            if total > len(found):
                lines.append(f"    - 共 {total} 个，[查看全部]({rel(entry.path, page)})")
            sections.setdefault(id(doc), []).append("\n".join([head] + lines))
    for doc in docs:
        if id(doc) in sections:
            doc.appendix.append("## 被引用\n\n" + "\n\n".join(sections[id(doc)]))


def _cited_page(entry: Entry) -> dict[str, str]:
    """The pages of one cited document: what it is, who holds it, and every page citing it."""
    base = entry.path[:-len(".md")]
    page = entry.path
    title = escape(entry.display)
    found = citers(entry)
    pages: dict[str, str] = {}
    top: list[str] = [f"# {title}", ""]
    names = sorted(set(entry.forms) | entry.aliases - {entry.display})
    if names:
        top += ["**又称**：" + "；".join(escape(n) for n in names), ""]
    top += [UNSEARCHED[0], ""]  # search reads the name and aliases; the rest lists other pages
    if entry.page is not None:
        top += [f"**全文**：{listing.item(entry.page, page)[2:]}", ""]
    for label, held, name in (("全文", entry.holders, "holders"), ("报道", entry.reports, "reports")):
        held = listing.newest_first(held)
        if held:
            top += [f"## {label}", ""] + [listing.item(d, page) for d in held[:SHOWN]] + [""]
            if len(held) > SHOWN:
                own = f"{base}-{name}"
                pages |= listing.documents(own, f"{title}：{label}", f"{len(held)} 个页面。", held,
                                           back=("返回", page))
                top += [_more(len(held), SHOWN, listing.page_path(own, 1), page, "页面"), ""]
    if entry.page is None and not entry.holders:
        top += ['!!! note "文库尚未收录"', "", "    本站还没有这份文件的全文。", ""]
    if found:
        top += [f"## 引用它的页面（{len(found)} 个）", "",
                "引用它最多的页面在前，其次按发布日期，最新的在前。", ""]

    def head(number: int, total: int) -> list[str]:
        if number == 1:
            return list(top)
        here = listing.page_path(base, number)
        return ["---", "search:", "  exclude: true", "---", "",  # the rest of a list: not searched
                listing.heading(f"引用《{title}》的页面", number, total), "", f"[返回《{title}》]({rel(page, here)})", ""]

    lines = [_item(d, page, s, n) for d, s, n in found]
    pages |= listing.paginate(base, head, lines, empty="")
    first = listing.page_path(base, 1)
    pages[first] = f"{pages[first].rstrip()}\n\n{UNSEARCHED[1]}\n"
    return pages


def cited_pages(collection: Collection, reg: Registry) -> None:
    """A page per cited document, and `cited/index.md`: the most cited first."""
    entries = [e for e in reg.entries.values()
               if (e.page is None and (e.citations or e.holders or e.reports)) or (e.page is not None and e.citations)]
    counts = {e.key: len(citers(e)) for e in entries}
    entries.sort(key=lambda e: (-counts[e.key], e.display, e.key))
    held, missing = [], []
    target = {}
    for entry in entries:
        # A document the collection holds as a page lists its citers under 被引用 itself;
        # it gets a page here only when that list is cut.
        if entry.page is None or counts[entry.key] > SHOWN:
            collection.pages |= _cited_page(entry)
            target[entry.key] = entry.path
        else:
            target[entry.key] = entry.page.page
        (held if entry.page is not None or entry.holders else missing).append(entry)

    def line(entry: Entry, page: str) -> str:
        return f"- [{escape(entry.display)}]({rel(target[entry.key], page)}) （被 {counts[entry.key]} 个页面引用）"

    index = f"{CITED}/index.md"
    out = ["# 引用的文件", "",
           "文库各页引用的政策文件，被引用最多的在前。每份文件一页：它的名称、别名、收录它的页面和引用它的页面。", ""]
    for title, name, group, note in (
        ("文库已收录全文", "held", held, ""),
        ("尚未收录（待补充）", "missing", missing, "这些文件被引用，但文库还没有它们的全文。"),
    ):
        out += [f"## {title}", ""] + ([note, ""] if note else [])
        out += [line(e, index) for e in group[:INDEX_SHOWN]] or ["（无）"]
        if len(group) > INDEX_SHOWN:
            base = f"{CITED}/{name}"
            first = listing.page_path(base, 1)
            collection.pages |= listing.paginate(
                base, lambda n, total, t=title: [listing.heading(f"引用的文件：{t}", n, total), "",
                                                  f"共 {len(group)} 份，被引用最多的在前。[返回引用的文件](index.md)", ""],
                [line(e, first) for e in group])
            out += ["", _more(len(group), INDEX_SHOWN, first, index, "文件")]
        out.append("")
    collection.pages[index] = "\n".join(out).rstrip() + "\n"
