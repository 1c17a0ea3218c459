"""Stage after extract: a sidecar `NAME.yml` beside a source overrides what was extracted.

Extraction guesses; the user knows. `a/b.html` is overridden by `a/b.yml`
(or `a/b.yaml`). A sidecar sets only the documented fields (`schema.DOCUMENTED`:
title, date, source, author, editor, url, retrieved, tags, slug and an
official document's doc_number, issuer, doc_type, written_date,
effective_date, validity, excerpt), each checked against its type; an empty value removes a
wrongly extracted field. Anything else (an unknown key such as `template`,
a list where text belongs) is ignored with a warning naming the file and the
field, and a sidecar that cannot be read is a warning, never a failed build.

Being the last stage that takes metadata from the inputs, this is also where
every metadata value is checked, sidecar or not, before the collection stages
use it.
"""
from __future__ import annotations

import yaml

from .model import Document
from .schema import check_meta, validate_fields


def load_sidecar(data: bytes) -> dict:
    """The mapping in a sidecar's bytes; ValueError with the reason when it is not one.

    Read with YAML's safe loader: tags that would build objects (`!!python/…`) are errors.
    """
    try:
        data = yaml.safe_load(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise ValueError(f"not UTF-8 text ({err.reason} at byte {err.start})") from err
    except yaml.YAMLError as err:
        problem = str(getattr(err, "problem", "") or type(err).__name__)
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise ValueError(f"not valid YAML: {problem[:120]}{where}") from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("not a mapping of field: value")
    return data


def apply_sidecar(doc: Document) -> Document:
    """Override `doc.meta` (and `doc.slug`) with the sidecar read with the source; check every value."""
    if doc.sidecar is not None:
        name, raw = doc.sidecar
        try:
            fields = validate_fields(load_sidecar(raw), doc.warnings, f"sidecar {name}")
        except ValueError as err:
            doc.warnings.append(f"sidecar {name} ignored: {err}")
            fields = {}
        for key, value in fields.items():
            if key == "slug":
                doc.slug = value or doc.slug  # made safe and unique by the slugs stage
            elif value is None:
                doc.meta.pop(key, None)  # an empty value removes a wrongly extracted field
            else:
                doc.meta[key] = value
    doc.meta = check_meta(doc.meta, doc.warnings)
    return doc
