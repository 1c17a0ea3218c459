"""Collection stage: a stable, unique, URL-safe page name per document.

A slug is the page's path under the generated folder (`articles/<slug>.md`),
from the file name (a crawl's record: its URL) or chosen in a sidecar. Whatever its origin it is confined
to safe characters (a-z, 0-9, "-", "_", and "/" between parts) and can never
name a file the site treats specially: no part starts with "_" or "." (MkDocs
and `exclude_docs` leave those out of the site, so the page would be a 404),
none is `index` or `readme` (a folder's own page), and no page takes the name
of a generated file such as `_table`.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote, urlsplit

from .model import Collection, Document

#: Names a part of a slug may not have: a folder's own page in MkDocs.
RESERVED = {"index", "readme"}


def safe_slug(value: str) -> str:
    """`value` made a safe slug ("" when nothing is left).

    >>> safe_slug("News/2021 Report.html"), safe_slug("_table"), safe_slug("../.git/x"), safe_slug("a/Index")
    ('news/2021-report', 'table', 'git/x', 'a/index-page')
    """
    value = re.sub(r"\.(?:html?|md|txt)$", "", str(value).strip().lower())
    parts = []
    for part in re.sub(r"[^a-z0-9_\-/]+", "-", value).split("/"):
        part = part.lstrip("_.-").rstrip("-")
        if part in RESERVED:
            part += "-page"
        if part:
            parts.append(part)
    return "/".join(parts)


def url_name(url: str) -> str:
    """A page name from a URL: its host and path, without the page's extension; a long query as a digest.

    The same page gets the same name whether it came from a crawl or from a mirror's folder.

    >>> url_name("https://www.gov.cn/zhengce/content/2021-10/28/content_5647274.htm")
    'www.gov.cn/zhengce/content/2021-10/28/content_5647274'
    >>> url_name("http://x.cn/show.php?id=12"), url_name("http://x.cn/")
    ('x.cn/show-id=12', 'x.cn')
    """
    parts = urlsplit(url)
    path = re.sub(r"\.(?:s?html?|php|aspx?|jsp|cgi)$", "", unquote(parts.path), flags=re.I).strip("/")
    name = "/".join(p for p in (parts.hostname or "", path) if p)
    if parts.query:
        query = unquote(parts.query)
        name += "-" + (query if len(query) <= 40 else hashlib.blake2b(query.encode(), digest_size=4).hexdigest())
    return name


def source_name(doc: Document) -> str:
    """What a page is named after: its file's path, or a record's URL (or its place in its container)."""
    origin = doc.origin
    if origin is not None and origin.container:
        return url_name(origin.url) if origin.url else doc.relpath.replace("#", "/")
    return doc.relpath.rsplit(".", 1)[0]


def assign_slugs(collection: Collection) -> Collection:
    """A stable, unique, safe page name per document, from its file name or its sidecar.

    A slug the user chose is kept (made safe), and claimed before the others.
    """
    chosen = [doc for doc in collection.published if doc.slug]
    taken: set[str] = set()
    for doc in chosen + [doc for doc in collection.published if not doc.slug]:
        wanted = doc.slug
        base = safe_slug(doc.slug or source_name(doc)) or "page"
        if wanted and base != wanted:
            doc.warnings.append(f"slug {wanted[:60]!r} is not a safe page name: {base!r} used")
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        doc.slug = slug
    return collection
