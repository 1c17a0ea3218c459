"""Lists of documents on pages whose size never depends on the collection.

Every list the site shows (a group of an index, the pages citing a document,
a browse group) goes through `paginate`: page 1 at `<base>.md`, the next ones
at `<base>-2.md`, `<base>-3.md`, … each with a pager
(上一页 · 第 2 / 5 页 · 下一页, in the site's language: `strings`). A page of groups (people, years, outlets…)
goes through `grouped`: each group shows its count and its newest documents,
and a group too long for that gets its own paginated pages.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import lru_cache

from ..escape import escape
from ..model import Document
from ..strings import Words, words as _words

ZH = _words("zh")  # the default language of the site's words (`strings`)

PER_PAGE = 50  # lines on a page of a list
GROUPS_PER_PAGE = 20  # groups on a page of an index
TOP = 5  # documents shown under a group on the index page


def rel(target: str, page: str) -> str:
    """`target` (a docs-relative file, maybe with an #anchor) as a link from `page`.

    Plain string work: `posixpath.relpath` asks the file system for the working directory
    on every call, and the indexes make hundreds of thousands of links.

    >>> rel("articles/a.md", "indexes/people.md"), rel("indexes/people-2.md", "indexes/people.md")
    ('../articles/a.md', 'people-2.md')
    >>> rel("articles/a.md", "index.md"), rel("index.md", "indexes/tags/x.md")
    ('articles/a.md', '../../index.md')
    """
    folders = page.split("/")[:-1]
    parts = target.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "../" * (len(folders) - common) + "/".join(parts[common:])


@lru_cache(maxsize=65536)
def _escaped(title: str) -> str:
    return escape(title).replace("\n", " ")


def title_of(doc: Document) -> str:
    return _escaped(str(doc.meta.get("title") or doc.slug))


def item(doc: Document, page: str, note: str = "", words: Words = ZH) -> str:
    """A list line linking `doc` from `page`; `note` is Markdown already escaped."""
    meta = doc.meta
    line = _link_line(str(meta.get("title") or doc.slug), doc.page, page.rpartition("/")[0])
    notes = (_dated(str(meta.get("date") or ""), words) + note).strip()
    return line + (f" {notes}" if notes else "")


@lru_cache(maxsize=1 << 18)
def _link_line(title: str, target: str, folder: str) -> str:
    """`- [title](target)` as written on a page of `folder`: every page of a folder links a document the
    same way, and the lists of a build write hundreds of thousands of lines about a few folders each.

    >>> _link_line("甲*", "articles/a.md", "indexes/people")
    '- [甲\\\\*](../../articles/a.md)'
    """
    return f"- [{_escaped(title)}]({rel(target, f'{folder}/' if folder else '')})"


@lru_cache(maxsize=1 << 16)
def _dated(date: str, words: Words) -> str:
    """The date note of a list line ("" without a date), made once per date and language."""
    return words("list.date", date=escape(date)) if date else ""


def newest_first(docs: Iterable[Document]) -> list[Document]:
    """Newest first by publication date, then by title; undated documents last.

    >>> from pathlib import Path
    >>> d = lambda t, date="": Document(Path(t), t, meta={"title": t, "date": date})
    >>> [x.meta["title"] for x in newest_first([d("b", "2020-01-02"), d("c"), d("a", "2020-01-02"), d("z", "2021")])]
    ['z', 'a', 'b', 'c']
    """
    return sorted(docs, key=reading_order)


def reading_order(doc: Document) -> tuple[int, str, str]:
    """The sort key of `newest_first`: one key, so that a list already in that order sorts in
    linear time (a group gathered from the collection in this order is not sorted again).

    >>> from pathlib import Path
    >>> reading_order(Document(Path("a"), "a", meta={"title": "甲", "date": "2021-11-01"}))[0]
    -20211101
    """
    meta = doc.meta
    return _order(str(meta.get("date") or ""), str(meta.get("title") or ""), doc.page)


@lru_cache(maxsize=1 << 16)
def _order(date: str, title: str, page: str) -> tuple[int, str, str]:
    """`reading_order` of a document with this date, title and page: a build sorts each document into
    many lists (its tags, names, issuer, year, the pages citing a document), with the same key each time."""
    digits = date.replace("-", "")[:8].ljust(8, "0")
    return (-int(digits) if digits.isdigit() and int(digits) else 1, title, page)


def slug(name: str) -> str:
    """A stable file name for a group (a person, an outlet, a tag…): its hash, never its text."""
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def page_path(base: str, number: int) -> str:
    """Path of page `number` (1-based) of the list whose first page is `<base>.md`.

    >>> page_path("indexes/people", 1), page_path("indexes/people", 3)
    ('indexes/people.md', 'indexes/people-3.md')
    """
    return f"{base}.md" if number == 1 else f"{base}-{number}.md"


def pager(base: str, number: int, total: int, words: Words = ZH) -> str:
    """Links to the neighbouring pages of page `number` of `total`; "" for a single page.

    >>> pager("x/y", 2, 3)
    '[« 第一页](y.md) · [‹ 上一页](y.md) · 第 2 / 3 页 · [下一页 ›](y-3.md) · [最后一页 »](y-3.md)\\n{ .pager }'
    """
    if total <= 1:
        return ""
    here = page_path(base, number)

    def link(label: str, n: int) -> str:
        return f"[{label}]({rel(page_path(base, n), here)})"

    parts = []
    if number > 1:
        parts += [link(words("list.first"), 1), link(words("list.previous"), number - 1)]
    parts.append(words("list.page_of", number=number, total=total))
    if number < total:
        parts += [link(words("list.next"), number + 1), link(words("list.last"), total)]
    return " · ".join(parts) + "\n{ .pager }"


def paginate(base: str, head: Callable[[int, int], list[str]], lines: list[str],
             per_page: int = PER_PAGE, empty: str | None = None, words: Words = ZH) -> dict[str, str]:
    """The pages of a list: `head(number, total)` (Markdown lines) above each slice of `lines`.

    `lines` are written for the first page's folder: every page of a list sits in the
    same folder, so their relative links hold on each of them. An empty list shows `empty`
    (default: the site's word for none).
    """
    empty = words("list.none") if empty is None else empty
    chunks = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        nav = pager(base, number, len(chunks), words)
        out = head(number, len(chunks))
        if nav:
            out += [nav, ""]
        out += chunk or [empty]
        if nav:
            out += ["", nav]
        pages[page_path(base, number)] = "\n".join(out).rstrip() + "\n"
    return pages


def heading(title: str, number: int, total: int, words: Words = ZH) -> str:
    """A page's title; later pages of a list say which page they are."""
    return "# " + (words("list.later_page", title=title, number=number) if number > 1 else title)


def documents(base: str, title: str, intro: str, docs: list[Document], back: tuple[str, str] | None = None,
              per_page: int = PER_PAGE, words: Words = ZH, made: dict[int, str] | None = None) -> dict[str, str]:
    """Paginated pages listing `docs` in the order given; `back` = (label, page) linked on each.

    `made`: the lines of the documents already listed on pages of the same folder (by `id`), for a
    caller that lists the same documents many times there (`grouped`: a document is in the list of
    each of its people, organisations, tags); the lines made here are added to it.
    """
    page = page_path(base, 1)

    def head(number: int, total: int) -> list[str]:
        out = [heading(title, number, total, words), "", intro]
        if back:
            out[-1] += f" [{back[0]}]({rel(back[1], page)})"
        return out + [""]

    if made is None:
        lines = [item(doc, page, words=words) for doc in docs]
    else:
        lines = [made.get(id(doc)) or made.setdefault(id(doc), item(doc, page, words=words)) for doc in docs]
    return paginate(base, head, lines, per_page, words=words)


def grouped(base: str, title: str, intro: str, groups: dict[str, list[Document]], order: list[str],
            labels: dict[str, str] | None = None, top: int = TOP,
            words: Words = ZH, ordered: bool = False) -> tuple[dict[str, str], dict[str, str]]:
    """An index of groups (people, years, outlets…): its pages, and where each group is shown.

    The index lists the groups in `order`, `GROUPS_PER_PAGE` a page, each with its count
    and its `top` newest documents; a longer group gets its own paginated pages under
    `<base>/<slug>`. Returns the pages (path → Markdown) and, per group, the page that
    lists it whole (its own page, or the index page and anchor that shows it).
    `ordered`: each group's documents are already newest first (gathered from the collection
    in that order): not sorted again.
    """
    labels = labels or {}
    pages: dict[str, str] = {}
    where: dict[str, str] = {}
    made: dict[int, str] = {}  # the lines of the groups' own pages, all in the folder <base>/
    chunks = [order[i:i + GROUPS_PER_PAGE] for i in range(0, len(order), GROUPS_PER_PAGE)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        here = page_path(base, number)
        nav = pager(base, number, len(chunks), words)
        out = [heading(title, number, len(chunks), words), "", intro, ""]
        if nav:
            out += [nav, ""]
        if not chunk:
            out.append(words("list.none"))
        for name in chunk:
            docs = groups[name] if ordered else newest_first(groups[name])
            label = escape(labels.get(name, name))
            anchor = f"g-{slug(name)}"
            out += [f"## {words('list.group', label=label, count=len(docs))} {{ #{anchor} }}", ""]
            out += [item(doc, here, words=words) for doc in docs[:top]]
            if len(docs) > top:
                own = f"{base}/{slug(name)}"
                pages |= documents(own, label, words("list.group_intro", count=len(docs)), docs,
                                   back=(words("list.back_to", title=title), here), words=words, made=made)
                out += ["", f"[{words('list.all', count=len(docs))}]({rel(page_path(own, 1), here)})"]
                where[name] = page_path(own, 1)
            else:
                where[name] = f"{here}#{anchor}"
            out.append("")
        if nav:
            out += [nav]
        pages[here] = "\n".join(out).rstrip() + "\n"
    return pages, where


def by_count(groups: dict[str, list]) -> list[str]:
    """Group names, the largest group first, then by name."""
    return sorted(groups, key=lambda k: (-len(groups[k]), k))
