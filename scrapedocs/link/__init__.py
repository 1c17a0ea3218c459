"""Collection stage: citations become links; every cited document gets a page.

Policy documents cite each other by full title in 《》, by a short name the
citing text defines (以下简称《意见》), by a drafting-stage name and in
translation. The stage

1. builds a *registry* of the documents the collection knows: the title of
   every source page, every title cited in 《》 (nested 〈〉 too), short names
   defined in a text (bound to that text only) and `aliases.yml`;
2. scans every paragraph once with an Aho-Corasick automaton of all folded
   titles and aliases (linear in the text; a rebuild with the same names takes the
   matches of an unchanged text from the last build: `scans`), keeps the longest match at each
   place and turns the first mention of each document in a paragraph into a
   `Link` — to the page that carries the document's text when the collection
   holds it, otherwise to the document's page under `cited/` — and later
   mentions in the same paragraph stay text (Wikipedia's rule: it bounds a
   paragraph's links by the documents it names, and Python-Markdown's time
   grows with links × paragraph length); every mention counts under 被引用;
   generic short names (纲要, 规划, 意见, …) link only where defined,
   and an alias shared by two documents links nowhere and is reported;
3. writes a page per cited document (`cited/<key>.md`: title, aliases, the
   pages that carry or report on it, every citing page with its sentence),
   `cited/index.md` (what the collection holds, and the to-do list of what
   it does not) and a 被引用 section at the end of every cited source page.

Matching folds script (Traditional → Simplified), width, quotes, dashes, an
optional 年 after a year and a leading 中华人民共和国.
"""
from __future__ import annotations

from .. import strings
from ..config import BuildConfig
from ..model import Collection, Document, Link
from .facts import facts, gather  # noqa: F401  (gather: the `citations` document stage)
from .fold import fold, fold_map  # noqa: F401  (reprints fold text the same way)
from .mentions import candidates, find_mentions, opening, sentence_around
from .pages import backlinks, cited_pages, ranked
from .registry import ALIASES_FILE, CITED, Entry, Registry, _paragraphs, load_aliases  # noqa: F401
from .scans import Scans


def target_of(entry: Entry, doc: Document) -> str | None:
    """Where a mention of `entry` in `doc` links: its text when held, else its page; never `doc` itself."""
    if entry.page is not None:
        return None if entry.page is doc else entry.page.page
    if doc in entry.holders:
        return None  # the page carries this very document
    holders = [h for h in entry.holders if h is not doc]
    if len(holders) == 1:
        return holders[0].page
    return entry.path


def link_collection(collection: Collection) -> Collection:
    """The `link` stage: registry, mention links, cited-document pages, backlinks."""
    docs = collection.published
    by_path = {doc.relpath: doc for doc in docs}
    config = collection.config or BuildConfig()
    reg = Registry.build(docs, load_aliases(config.project_file(ALIASES_FILE)))
    for doc in collection.docs:  # a merged reprint: its page is its twin's, its title names that page
        twin = by_path.get(doc.merged_into) if doc.merged_into and not doc.error else None
        if twin is not None:
            doc.slug = twin.slug
            title = str(doc.meta.get("title") or "")
            if fold(title) not in reg.entries:
                reg.add_title(title, page=twin)
    collection.warnings.extend(reg.reported)
    auto = reg.automaton()
    scans = Scans(auto, reg.aliases, config) if auto is not None else None
    auto = scans or auto
    # Which pages carry a document (title names it) or report on it (opening names it).
    for doc in docs:
        known = facts(doc)
        for m in find_mentions(known["title"], doc, reg, auto, folded=known["title_folded"]):
            if m.entry.page is None and doc not in m.entry.holders:
                m.entry.holders.append(doc)
        for m in find_mentions(opening(doc), doc, reg, auto, folded=known["opening"]):
            if m.entry.page is None and doc not in m.entry.holders and doc not in m.entry.reports:
                m.entry.reports.append(doc)
    ambiguous: list[str] = []
    for doc in docs:
        paragraphs, folded = _paragraphs(doc), facts(doc)["paragraphs"]
        for k, found in sorted(candidates(folded, doc, reg, auto).items()):  # one scan per doc
            block = paragraphs[k]
            linked = {link.target for link in block.links}  # a document is linked once per paragraph
            for m in find_mentions(block.text, doc, reg, auto, ambiguous, folded=folded[k], found=found):
                if any(link.start < m.end and m.start < link.end for link in block.links):
                    continue  # never inside an existing link
                target = target_of(m.entry, doc)
                if m.entry.page is not doc:  # every mention counts under 被引用, linked or not
                    m.entry.citations.append((doc, sentence_around(block.text, m.start, m.end)))
                if target and target not in linked:
                    block.links.append(Link(m.start, m.end, target))
                    linked.add(target)
    collection.warnings.extend(dict.fromkeys(ambiguous))
    if scans is not None:
        scans.save()
    cited = ranked(reg)  # each cited document's citing pages, most relevant first
    backlinks(docs, reg, strings.of(config), cited)
    cited_pages(collection, reg, cited)
    return collection
