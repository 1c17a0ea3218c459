"""Where a page came from, as its container knew it: the URL, a scraper's fields, the fetch time.

Two stages, on either side of the cache. `apply_origin` (a document stage,
before the sidecar, so a sidecar still wins) sets `url` from the crawl's
record, the mirror's path or the browser's save, and applies a JSON line's
fields like a sidecar's, each checked. `stamp_retrieved` (the first
collection stage, after the cache) writes `retrieved`, the fetch time, and the
container's name into `source_file`: both change when the same page is
crawled again into another archive, which must not convert it again.
"""
from __future__ import annotations

import json

from .model import Collection, Document
from .schema import FieldError, instant, validate_fields


def apply_origin(doc: Document) -> Document:
    """`doc.meta` with the URL the container gave and a JSON line's fields (an empty value removes one)."""
    origin = doc.origin
    if origin is None:
        return doc
    if origin.url:
        doc.meta["url"] = origin.url  # the record's target URI beats the page's own canonical link
    if origin.fields:
        try:
            raw = json.loads(origin.fields)
        except ValueError:
            raw = {}
        for key, value in validate_fields(raw, doc.warnings, "JSON line").items():
            if key == "slug":
                doc.slug = value or doc.slug
            elif value is None:
                doc.meta.pop(key, None)
            else:
                doc.meta[key] = value
    return doc


def stamp_retrieved(collection: Collection) -> Collection:
    """`retrieved` from each page's origin (unless a sidecar set it), and a record's container as its source file."""
    for doc in collection.published:
        origin = doc.origin
        if origin is None:
            continue
        if origin.container:
            doc.meta["source_file"] = origin.container.rsplit("/", 1)[-1]
        if origin.retrieved and "retrieved" not in doc.meta:
            try:
                doc.meta["retrieved"] = instant(origin.retrieved)
            except FieldError as err:
                doc.warnings.append(f"fetch time {origin.retrieved[:40]!r} ignored: {err}")
    return collection
