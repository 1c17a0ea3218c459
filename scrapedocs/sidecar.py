"""Stage after extract: a sidecar `NAME.yml` beside a source overrides what was extracted.

Extraction guesses; the user knows. `a/b.html` is overridden by `a/b.yml`
(or `a/b.yaml`): any front-matter field (title, date, source, author, url,
tags, …) and `slug`, the page's path under the generated folder. A sidecar
that cannot be read is a warning on the document, never a failed build.
"""
from __future__ import annotations

import re
import yaml

from .extract.fields import parse_date
from .model import Document

#: Keys a sidecar may not set: they describe the input, not the page.
PROTECTED = {"source_file"}


def clean_slug(value: str) -> str:
    """A slug as given, made URL-safe the way file names are.

    >>> clean_slug("News/2021 Report.html")
    'news/2021-report'
    """
    value = re.sub(r"\.(?:html?|md|txt)$", "", str(value).strip().lower())
    return re.sub(r"[^a-z0-9_\-/]+", "-", value).strip("-/")


def load_sidecar(data: bytes) -> dict:
    """The mapping in a sidecar's bytes; ValueError with the reason when it is not one."""
    try:
        data = yaml.safe_load(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as err:
        raise ValueError(f"{type(err).__name__}: {err}") from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("not a mapping of field: value")
    return data


def apply_sidecar(doc: Document) -> Document:
    """Override `doc.meta` (and `doc.slug`) with the sidecar beside its source (read with it)."""
    if doc.sidecar is None:
        return doc
    name, raw = doc.sidecar
    try:
        data = load_sidecar(raw)
    except ValueError as err:
        doc.warnings.append(f"sidecar {name} ignored: {err}")
        return doc
    for key, value in data.items():
        key = str(key)
        if key in PROTECTED:
            continue
        if key == "slug":
            doc.slug = clean_slug(value) or doc.slug
        elif value is None or value == "":
            doc.meta.pop(key, None)  # an empty value removes a wrongly extracted field
        elif key == "date":
            doc.meta["date"] = parse_date(str(value)) or str(value)
        else:
            doc.meta[key] = value if isinstance(value, (list, int, float, bool)) else str(value)
    return doc
