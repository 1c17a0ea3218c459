"""What the link stage writes: 被引用 on each cited page, a page per cited document, their index.

Nothing grows with the collection on one page: 被引用 shows the `SHOWN` most
relevant citing pages (those citing the document most often, then the newest,
then by title) with their total and a link to the cited document's page,
which lists them all, `listing.PER_PAGE` a page, in the same order. A page
reporting on a document shows `REPORTED` of the pages citing that document.
"""
from __future__ import annotations

from collections import Counter

from .. import strings
from ..escape import escape
from ..indexes import listing
from ..indexes.listing import ZH, rel
from ..model import Collection, Document
from ..render import UNSEARCHED
from .registry import CITED, Entry, Registry

SHOWN = 20  # citing pages shown under 被引用, and holders or reports shown on a cited page
#: Pages citing a document that a page reports on (its opening names it), shown on that page:
#: fewer, since an opening may name several documents and the full lists are a click away.
REPORTED = 5
INDEX_SHOWN = 50  # cited documents shown per section of cited/index.md


def _item(doc: Document, page: str, sentence: str = "", times: int = 1, w: strings.Words = ZH) -> str:
    note = w("cited.times", count=times) if times > 1 else ""
    if sentence:
        note += w("cited.sentence", sentence=escape(sentence))
    return listing.item(doc, page, note, words=w)


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


def ranked(reg: Registry) -> dict[str, list[tuple[Document, str, int]]]:
    """`citers` of every entry cited, by key: once for the stage, though 被引用, the cited pages and
    their index each list them."""
    return {key: citers(entry) for key, entry in reg.entries.items() if entry.citations}


def _more(total: int, shown: int, target: str, page: str, what: str, w: strings.Words = ZH) -> str:
    """The line under a cut list: the total, and where the whole list is (`what`: cited.more_<what>)."""
    if total <= shown:
        return ""
    return w(f"cited.more_{what}", total=total, shown=shown) + w("cited.see_all", total=total, link=rel(target, page))


def backlinks(docs: list[Document], reg: Registry, w: strings.Words = ZH,
              cited: dict[str, list] | None = None) -> None:
    """被引用: on each source page, the pages citing it or a document it carries or reports on.
    `cited`: `ranked(reg)`, when already made."""
    cited = ranked(reg) if cited is None else cited
    sections: dict[int, list[str]] = {}
    for entry in sorted(reg.entries.values(), key=lambda e: e.key):
        if entry.page is not None:
            found = cited.get(entry.key, [])
            if found:
                page = entry.page.page
                lines = [_item(d, page, s, n, w) for d, s, n in found[:SHOWN]]
                more = _more(len(found), SHOWN, entry.path, page, "citing", w)
                sections.setdefault(id(entry.page), []).append("\n".join(lines) + (f"\n\n{more}" if more else ""))
            continue
        everyone = cited.get(entry.key, [])  # once per entry: a plan reported on by thousands of pages stays linear
        citing = {id(d) for d, _, _ in everyone}
        pairs = [(d, "holds", SHOWN) for d in entry.holders] + [(d, "reports_on", REPORTED) for d in entry.reports]
        for doc, verb, shown in pairs:
            found = [c for c in everyone[:shown + 1] if c[0] is not doc][:shown]
            total = len(everyone) - (id(doc) in citing)
            if not found:
                continue
            page = doc.page
            head = w(f"cited.{verb}", title=escape(entry.display), link=rel(entry.path, page))
            lines = ["    " + _item(d, page, s, n, w) for d, s, n in found]
            if total > len(found):
                lines.append("    " + w("cited.in_all", total=total, link=rel(entry.path, page)))
            sections.setdefault(id(doc), []).append("\n".join([head] + lines))
    for doc in docs:
        if id(doc) in sections:
            doc.appendix.append(f"## {w('cited.cited_by')}\n\n" + "\n\n".join(sections[id(doc)]))


def _cited_page(entry: Entry, w: strings.Words = ZH, found: list | None = None) -> dict[str, str]:
    """The pages of one cited document: what it is, who holds it, and every page citing it (`found`:
    its `citers`, when already made)."""
    base = entry.path[:-len(".md")]
    page = entry.path
    title = escape(entry.display)
    found = citers(entry) if found is None else found
    pages: dict[str, str] = {}
    top: list[str] = [f"# {title}", ""]
    names = sorted(set(entry.forms) | entry.aliases - {entry.display})
    if names:
        top += [w("cited.aka", names=w("cited.separator").join(escape(n) for n in names)), ""]
    top += [UNSEARCHED[0], ""]  # search reads the name and aliases; the rest lists other pages
    if entry.page is not None:
        top += [w("cited.full_text_line", item=listing.item(entry.page, page, words=w)[2:]), ""]
    for held, name in ((entry.holders, "holders"), (entry.reports, "reports")):
        label = w(f"cited.{name}")
        held = listing.newest_first(held)
        if held:
            top += [f"## {label}", ""] + [listing.item(d, page, words=w) for d in held[:SHOWN]] + [""]
            if len(held) > SHOWN:
                own = f"{base}-{name}"
                pages |= listing.documents(own, w("cited.list_title", title=title, label=label),
                                           w("cited.pages_count", count=len(held)), held,
                                           back=(w("cited.back"), page), words=w)
                top += [_more(len(held), SHOWN, listing.page_path(own, 1), page, "pages", w), ""]
    if entry.page is None and not entry.holders:
        top += [f'!!! note "{w("cited.missing_title")}"', "", f"    {w('cited.missing_text')}", ""]
    if found:
        top += [f"## {w('cited.citing', count=len(found))}", "", w("cited.citing_order"), ""]

    def head(number: int, total: int) -> list[str]:
        if number == 1:
            return list(top)
        here = listing.page_path(base, number)
        return ["---", "search:", "  exclude: true", "---", "",  # the rest of a list: not searched
                listing.heading(w("cited.citing_title", title=title), number, total, w), "",
                f"[{w('cited.back_to', title=title)}]({rel(page, here)})", ""]

    lines = [_item(d, page, s, n, w) for d, s, n in found]
    pages |= listing.paginate(base, head, lines, empty="", words=w)
    first = listing.page_path(base, 1)
    pages[first] = f"{pages[first].rstrip()}\n\n{UNSEARCHED[1]}\n"
    return pages


def cited_pages(collection: Collection, reg: Registry, cited: dict[str, list] | None = None) -> None:
    """A page per cited document, and `cited/index.md`: the most cited first. `cited`: `ranked(reg)`,
    when already made."""
    w = strings.of(collection.config)
    cited = ranked(reg) if cited is None else cited
    entries = [e for e in reg.entries.values()
               if (e.page is None and (e.citations or e.holders or e.reports)) or (e.page is not None and e.citations)]
    counts = {e.key: len(cited.get(e.key, [])) for e in entries}
    entries.sort(key=lambda e: (-counts[e.key], e.display, e.key))
    held, missing = [], []
    target = {}
    for entry in entries:
        # A document the collection holds as a page lists its citers under 被引用 itself;
        # it gets a page here only when that list is cut.
        if entry.page is None or counts[entry.key] > SHOWN:
            collection.pages |= _cited_page(entry, w, cited.get(entry.key, []))
            target[entry.key] = entry.path
        else:
            target[entry.key] = entry.page.page
        (held if entry.page is not None or entry.holders else missing).append(entry)

    def line(entry: Entry, page: str) -> str:
        return (f"- [{escape(entry.display)}]({rel(target[entry.key], page)}) "
                + w("cited.count", count=counts[entry.key]))

    index = f"{CITED}/index.md"
    out = [f"# {w('nav.cited')}", "", w("cited.intro"), ""]
    for name, group, note in (("held", held, ""), ("missing", missing, w("cited.missing_intro"))):
        title = w(f"cited.{name}")
        out += [f"## {title}", ""] + ([note, ""] if note else [])
        out += [line(e, index) for e in group[:INDEX_SHOWN]] or [w("list.none")]
        if len(group) > INDEX_SHOWN:
            base = f"{CITED}/{name}"
            first = listing.page_path(base, 1)
            collection.pages |= listing.paginate(
                base, lambda n, total, t=title, g=group: [
                    listing.heading(w("cited.group_title", title=t), n, total, w), "",
                    w("cited.group_intro", count=len(g)) + f"[{w('cited.back_to_index')}](index.md)", ""],
                [line(e, first) for e in group], words=w)
            out += ["", _more(len(group), INDEX_SHOWN, first, index, "documents", w)]
        out.append("")
    collection.pages[index] = "\n".join(out).rstrip() + "\n"
