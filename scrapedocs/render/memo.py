"""The `render` stage over the collection, each page written again only when what it is written from changed.

A rebuild after one edit renders every page again although almost all come out as the last build
wrote them: 5.7 s for 10,000 documents. A page's Markdown is a function of its document's blocks
(their text and links), appendix, metadata and path, and of the converter's code (`render` reads
nothing else), so the build cache keeps (`build/cache/render.pickle`), under a digest of exactly
those inputs, a digest of the Markdown it gave and what `render` changed on the document (its
checked metadata, the notes of a page written within limits, the warnings). When a document's
digest is one of them and the page in the docs folder still holds that Markdown, the page is read
from there instead of being written again. Anything else, a page edited or removed by hand
included, renders as usual.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import fields
from operator import attrgetter
from pathlib import Path

from ..model import Block, Collection, Document, Link
from . import render

NAME = "render.pickle"
FORMAT = "render-3"  # the digest of the inputs: pickled, the blocks as tuples


#: Every field of a block, and of a link, as a tuple: pickling ten thousand documents' blocks as
#: tuples takes half the time of pickling the objects (no reduce call and state per object).
_BLOCK = attrgetter(*(f.name for f in fields(Block) if f.name != "links"))
_LINK = attrgetter(*(f.name for f in fields(Link)))


def _plain(blocks: list[Block]) -> tuple[list[tuple], list[tuple]]:
    """The blocks as tuples of their fields but the links, and the links of each block that has some.

    >>> _plain([Block("heading", "一", 2), Block("paragraph", "见专利法", links=[Link(1, 4, "a.md")])])
    ([('heading', '一', 2, ''), ('paragraph', '见专利法', 0, '')], [(1, [(1, 4, 'a.md')])])
    """
    return list(map(_BLOCK, blocks)), [(k, list(map(_LINK, b.links))) for k, b in enumerate(blocks) if b.links]


def inputs(doc: Document, version: str) -> str | None:
    """A digest of everything `render` reads of `doc` (None: something that cannot be pickled).

    The pickle of the values, not their `repr`: a third faster, and as exact (equal bytes unpickle to
    equal values; every field of every `Block` and `Link` is in it, `_plain`).
    """
    try:
        data = pickle.dumps((version, doc.page, doc.meta, _plain(doc.blocks), doc.appendix),
                            protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an object pickle does not know: never taken for another
        return None
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Memo:
    """The renders of the last build, by digest of their inputs, and this build's."""

    def __init__(self, config):
        from ..engine.cache import converter_version

        self.path = Path(config.cache) / NAME if config is not None and config.use_cache else None
        self.writable = self.path is not None and not config.check
        self.docs_dir = Path(config.docs_dir) if config is not None else None
        self.version = converter_version()
        self.before: dict = {}
        self.now: dict = {}
        self.on_disk: dict[str, str] = {}  # the pages taken from the docs folder: path → their Markdown
        if self.path is None:
            return
        try:
            with open(self.path, "rb") as f:
                data = pickle.load(f)
            if data.get("format") == FORMAT and data.get("version") == self.version:
                self.before = data["pages"]
        except Exception:  # none yet, damaged, of another version: every page renders
            self.before = {}

    def take(self, doc: Document, key: str | None) -> bool:
        """Put on `doc` what its render gave last time, when it is known and its page holds it still."""
        entry = self.before.get(key) if key is not None else None
        if entry is None:
            return False
        digest, meta, degraded, warnings = entry
        try:
            data = (self.docs_dir / doc.page).read_bytes()
        except OSError:
            return False
        if _digest(data) != digest:
            return False
        doc.markdown = data.decode("utf-8")
        self.on_disk[doc.page] = doc.markdown
        doc.meta, doc.degraded = dict(meta), list(degraded)
        doc.warnings.extend(warnings)
        self.now[key] = entry
        return True

    def keep(self, doc: Document, key: str | None, warned: int) -> None:
        """What `render` just gave `doc` (`warned`: how many warnings it had before)."""
        if key is not None:
            self.now[key] = (_digest(doc.markdown.encode("utf-8", "surrogatepass")), dict(doc.meta),
                             list(doc.degraded), doc.warnings[warned:])

    def save(self) -> None:
        """Written beside itself and renamed; a failure only costs the next build the shortcut."""
        if not self.writable or self.now.keys() == self.before.keys():
            return
        tmp = self.path.with_name(f".{NAME}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                pickle.dump({"format": FORMAT, "version": self.version, "pages": self.now}, f,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)


def render_collection(collection: Collection) -> Collection:
    """The `render` stage: every published document's page (`render`), taken from the last build's
    when its inputs are the same; a document whose render raises is reported, as in any stage."""
    memo = Memo(collection.config)
    for doc in collection.published:
        try:
            key = inputs(doc, memo.version) if memo.path is not None and memo.docs_dir is not None else None
            if memo.take(doc, key):
                continue
            warned = len(doc.warnings)
            render(doc)
            memo.keep(doc, key, warned)
        except Exception as err:  # one bad page must not stop the build
            doc.error = f"render failed: {type(err).__name__}: {err}"
    memo.save()
    collection.on_disk = memo.on_disk
    return collection
