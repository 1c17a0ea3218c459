"""What the collection is about: terms, people, organisations, topics; indexes and browse pages.

Two stages:

- `find_facts` (document scope, runs with the other per-document stages, in any
  process): reads a document's title and text once and stores plain data in
  `doc.facts["indexes"]` — its most frequent terms with their counts (`terms`), the
  `people` and `organisations` it names, its topic scores (`topics`) — and sets
  its `tags` (its leading topics) unless the source or its sidecar gave some.
- `build_indexes` (collection scope, linear): related documents by TF-IDF over
  the terms, the tag line on each page, the indexes of people, organisations
  and tags, the browse pages (year, issuer, type, outlet) and the data file of
  the home page's filters. Every page it writes is bounded in size: long lists
  are paginated (`listing`).

Modules: `terms` (jieba's dictionary as an Aho-Corasick automaton), `names`
(lexicon, people next to a title or a speech verb), `topics` (the topic
vocabulary), `related` (TF-IDF, capped inverted index), `browse`, `listing`
(pagination).
"""
from __future__ import annotations

from collections import defaultdict

from .. import strings
from ..escape import escape
from ..model import Collection, Document
from . import browse, listing
from .lexicon import Project
from .names import named, people_in
from .related import most_similar
from .terms import count_terms
from .topics import choose, score

INDEXES = "indexes"

__all__ = ["INDEXES", "build_indexes", "find_facts"]


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind in ("paragraph", "heading", "table") and b.text.strip()]


def find_facts(doc: Document, config=None) -> Document:
    """The `facts` stage: what the document is about, as plain data on it.

    The project's `lexicon.yml` and `topics.yml` come with the build's config.
    """
    project = Project.of(config)
    title = str(doc.meta.get("title") or "")
    texts = _texts(doc)
    whole = "\n".join([title, *texts])
    found = named(whole, project)
    people = found["people"] | people_in(whole, project)
    people = {n for n in people if not any(n != m and m.startswith(n) for m in people)}
    topics = score(title, texts, project.topics)
    doc.facts["indexes"] = {
        "terms": count_terms([title, *texts], project=project),
        "people": sorted(people),
        "organisations": sorted(found["organisations"]),
        "topics": topics,
    }
    if not doc.meta.get("tags"):  # the user's tags (front matter, sidecar) stand as given
        tags = choose(topics, project=project.topics)
        if tags:
            doc.meta["tags"] = tags
    return doc


def _facts(doc: Document, config=None) -> dict:
    if "indexes" not in doc.facts:  # a document that did not go through the pipeline (a test)
        find_facts(doc, config)
    return doc.facts["indexes"]


def _tags(doc: Document) -> list[str]:
    tags = doc.meta.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    return list(dict.fromkeys(str(t).strip() for t in tags if str(t).strip()))


def build_indexes(collection: Collection) -> Collection:
    """The `indexes` stage."""
    docs = collection.published
    w = strings.of(collection.config)
    facts = [_facts(doc, collection.config) for doc in docs]
    collection.warnings.extend(Project.of(collection.config).problems())
    for doc, near in zip(docs, most_similar([f["terms"] for f in facts])):
        if near:
            doc.appendix.append(f"## {w('indexes.related')}\n\n"
                                + "\n".join(listing.item(docs[j], doc.page, words=w) for j in near))
    pages = collection.pages
    people: dict[str, list[Document]] = defaultdict(list)
    organisations: dict[str, list[Document]] = defaultdict(list)
    tags: dict[str, list[Document]] = defaultdict(list)
    # Gathered newest first, so that each group is already in the order its pages list it.
    for doc, found in sorted(zip(docs, facts), key=lambda pair: listing.reading_order(pair[0])):
        for name in found["people"]:
            people[name].append(doc)
        for name in found["organisations"]:
            organisations[name].append(doc)
        for tag in _tags(doc):
            tags[tag].append(doc)
    found, _ = listing.grouped(f"{INDEXES}/people", w("nav.people"), w("indexes.people_intro"),
                               people, listing.by_count(people), words=w, ordered=True)
    pages |= found
    found, _ = listing.grouped(f"{INDEXES}/organisations", w("nav.organisations"), w("indexes.organisations_intro"),
                               organisations, listing.by_count(organisations), words=w, ordered=True)
    pages |= found
    found, where = listing.grouped(f"{INDEXES}/tags", w("nav.tags"), w("indexes.tags_intro"),
                                   tags, listing.by_count(tags), words=w, ordered=True)
    pages |= found
    for doc in docs:
        names = _tags(doc)
        if names:
            chips = " ".join(f"[{escape(t)}]({listing.rel(where[t], doc.page)}){{ .md-tag }}" for t in names)
            doc.appendix.insert(0, w("indexes.tags_line", chips=chips) + "\n{ .md-tags }")
    pages |= browse.browse_pages(docs, w)
    pages |= browse.documents_data(docs)
    pages[f"{INDEXES}/index.md"] = _home(len(people), len(organisations), len(tags), w)
    return collection


def _home(people: int, organisations: int, tags: int, w: strings.Words) -> str:
    return "\n".join([
        f"# {w('nav.indexes')}", "",
        "- " + w("indexes.people_line", link=f"[{w('nav.people')}](people.md)", count=people),
        "- " + w("indexes.organisations_line", link=f"[{w('nav.organisations')}](organisations.md)",
                 count=organisations),
        "- " + w("indexes.tags_line_count", link=f"[{w('nav.tags')}](tags.md)", count=tags),
        f"- [{w('nav.cited')}](../cited/index.md)",
        "- " + w("indexes.browse_line", link=f"[{w('nav.browse')}](../browse/index.md)"),
    ]) + "\n"
