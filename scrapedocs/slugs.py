"""Collection stage: a stable, unique, URL-safe page name per document."""
from __future__ import annotations

import re

from .model import Collection


def assign_slugs(collection: Collection) -> Collection:
    """A stable, unique, URL-safe page name per document, from its file name.

    A slug the user chose (in a sidecar) is kept, and claimed before the others.
    """
    chosen = [doc for doc in collection.published if doc.slug]
    taken: set[str] = set()
    for doc in chosen + [doc for doc in collection.published if not doc.slug]:
        stem = doc.slug or doc.relpath.rsplit(".", 1)[0].lower()
        base = re.sub(r"[^a-z0-9_\-/]+", "-", stem).strip("-/") or "page"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        doc.slug = slug
    return collection
