"""The metadata fields of a page, their types, and the checks every value passes.

Metadata comes from untrusted places (sidecars, Markdown front matter, a
page's `<meta>` tags) and ends in places that do not escape it: Material
prints `title` and `description` raw in `<title>`, the navigation and
`<meta content="…">`. So:

- a sidecar or front matter sets only the documented fields (`DOCUMENTED`);
  an unknown key (`template`, `hide`, `search`, …) is ignored with a warning;
- every value is checked against its field's type (text; a list of text for
  `tags`; a boolean for `excerpt`; dates as YYYY-MM-DD; `retrieved` as a
  date or an ISO 8601 date and time in UTC; http(s) URLs) and
  dropped with a warning naming the field when it does not fit: a list or a
  mapping is never turned into text;
- `inert` makes text safe wherever a theme prints it: the five characters
  HTML gives meaning to (< > & " ') become their full-width or typographic
  forms, so no template, escaping or not, can turn them into markup.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from urllib.parse import quote

from .extract.fields import parse_date

MAX_TEXT = 1000  # characters of one metadata value: a title, a summary
MAX_ITEMS = 50  # tags of one page


class FieldError(ValueError):
    """A value that does not fit its field; the message says why."""


def _kind(value) -> str:
    for types, name in ((bool, "a true/false value"), ((list, tuple, set, frozenset), "a list"), (dict, "a mapping"),
                        ((bytes, bytearray), "binary data"), ((int, float), "a number"),
                        ((dt.date, dt.datetime), "a date")):
        if isinstance(value, types):
            return name
    return f"a value of type {type(value).__name__}"


def text(value) -> str:
    """One line of text; a number or a date becomes its text, a list or a mapping is refused.

    >>> text(" 国发〔2021〕20号\\n "), text(2021)
    ('国发〔2021〕20号', '2021')
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    elif isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()[:10]
    if not isinstance(value, str):
        raise FieldError(f"{_kind(value)} where text is expected")
    value = re.sub(r"\s+", " ", re.sub("[\x00-\x08\x0e-\x1f\x7f-\x9f]", "", value)).strip()
    return value if len(value) <= MAX_TEXT else value[:MAX_TEXT - 1] + "…"


def day(value) -> str:
    """A date as YYYY-MM-DD.

    >>> day("2021年11月1日"), day(dt.date(2021, 11, 1))
    ('2021-11-01', '2021-11-01')
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str) and parse_date(value):
        return parse_date(value)
    raise FieldError(f"{'text' if isinstance(value, str) else _kind(value)} that is not a date (YYYY-MM-DD)")


def instant(value) -> str:
    """A moment as ISO 8601: a day (2024-05-01), or a day and a time, in UTC (2024-05-01T10:20:30Z).

    A time without a zone is taken as UTC (as WARC dates are); an HTTP date is read too.

    >>> instant("2024-05-01T18:20:30+08:00"), instant(dt.date(2024, 5, 1)), instant("Mon, 06 May 2024 10:20:30 GMT")
    ('2024-05-01T10:20:30Z', '2024-05-01', '2024-05-06T10:20:30Z')
    """
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        return value.isoformat()
    elif isinstance(value, str) and re.match(r"^\s*\d{4}-\d\d-\d\d[T ]\d\d:\d\d", value):
        try:
            moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            raise FieldError("text that is not a date and time (YYYY-MM-DDTHH:MM:SSZ)") from None
    elif isinstance(value, str) and re.match(r"^\s*[A-Za-z]{3},", value):
        from email.utils import parsedate_to_datetime

        try:
            moment = parsedate_to_datetime(value.strip())
        except (TypeError, ValueError):
            raise FieldError("text that is not a date and time") from None
    else:
        return day(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.I)


def url(value) -> str:
    """An http(s) URL; characters that could end an HTML attribute are percent-encoded.

    >>> url('https://x.cn/a?b=1&c="2"')
    'https://x.cn/a?b=1&c=%222%22'
    """
    if not isinstance(value, str) or not _URL.match(value.strip()):
        raise FieldError("not an http(s) URL")
    return quote(value.strip(), safe="/:?#[]@!$&()*+,;=%~-._")


def text_list(value) -> list[str]:
    """A list of text (one text is a list of one).

    >>> text_list(["知识产权", 2021]), text_list("专利")
    (['知识产权', '2021'], ['专利'])
    """
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FieldError(f"{_kind(value)} where a list of text is expected")
    if len(value) > MAX_ITEMS:
        raise FieldError(f"{len(value):,} items, more than {MAX_ITEMS}")
    items = [text(item) for item in value]  # FieldError names the bad item's kind
    return list(dict.fromkeys(item for item in items if item))


def flag(value) -> bool:
    """true or false.

    >>> flag(True)
    True
    """
    if not isinstance(value, bool):
        raise FieldError(f"{'text' if isinstance(value, str) else _kind(value)} where true or false is expected")
    return value


_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def lang(value) -> str:
    """A language tag (zh, en, zh-Hant)."""
    value = text(value)
    if not _LANG.match(value):
        raise FieldError("not a language tag such as zh or en")
    return value


#: The fields a sidecar or Markdown front matter may set, and their types.
DOCUMENTED: dict[str, Callable] = {
    "title": text, "date": day, "source": text, "author": text, "editor": text, "url": url, "tags": text_list,
    "slug": text,
    # An official document's own metadata (文号, 发文机关, 文种, 成文日期, 施行日期, 时效性, 节选).
    "doc_number": text, "issuer": text, "doc_type": text, "written_date": day, "effective_date": day,
    "validity": text, "excerpt": flag,
    # When the page was fetched (a crawl's record, a mirror's note, a browser's save): the citation's 引用日期.
    "retrieved": instant,
}
#: Fields the converter itself writes; any other key a stage adds must be text, a list of text or true/false.
GENERATED: dict[str, Callable] = {"source_file": text, "lang": lang, "description": text,
                                  "original_script": text, "keywords": text}


def _any(value):
    if isinstance(value, bool):
        return value
    return text_list(value) if isinstance(value, list) else text(value)


def _name(key) -> str:
    """A key as it may be printed in a warning: short, one line."""
    name = re.sub(r"\s+", " ", str(key) if isinstance(key, (str, int, float, bool)) else _kind(key))
    return name if len(name) <= 40 else name[:39] + "…"


def validate_fields(raw: dict, warnings: list[str], where: str) -> dict:
    """The documented fields of `raw` (a sidecar, front matter), each checked; a warning for each refusal.

    An empty value (`author:`) is kept as None: a sidecar uses it to remove a wrongly extracted field.

    >>> w = []
    >>> validate_fields({"title": ["a"], "template": "404.html", "date": "2021-1-2", "tags": None}, w, "a.yml")
    {'date': '2021-01-02', 'tags': None}
    >>> w
    ["a.yml: field 'title' ignored: a list where text is expected", "a.yml: field 'template' ignored: not a documented field"]
    """
    out = {}
    for key, value in raw.items():
        name = key if isinstance(key, str) else None
        if name not in DOCUMENTED:
            warnings.append(f"{where}: field {_name(key)!r} ignored: not a documented field")
            continue
        if value is None or value == "" or value == []:
            out[name] = None
            continue
        try:
            out[name] = DOCUMENTED[name](value)
        except FieldError as err:
            warnings.append(f"{where}: field {name!r} ignored: {err}")
            continue
        if _cut(value):
            warnings.append(f"{where}: field {name!r} cut to {MAX_TEXT:,} characters")
    return out


def _cut(value) -> bool:
    """Whether `text` shortened `value` (a value longer than `MAX_TEXT`)."""
    return isinstance(value, str) and len(value) > MAX_TEXT and len(text(value)) == MAX_TEXT


def check_meta(meta: dict, warnings: list[str]) -> dict:
    """`meta` with every value of its field's type; empty values left out, others dropped with a warning."""
    out = {}
    for key, value in meta.items():
        if value is None or value == "" or value == []:
            continue
        check = DOCUMENTED.get(key) or GENERATED.get(key) or _any
        try:
            value = check(value)
        except FieldError as err:
            warnings.append(f"metadata field {_name(key)!r} dropped: {err}")
            continue
        if _cut(meta[key]):
            warnings.append(f"metadata field {_name(key)!r} cut to {MAX_TEXT:,} characters")
        if value not in ("", []):
            out[str(key)] = value
    return out


_QUOTES = re.compile(r'"([^"]*)"')
_INERT = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "”", "'": "’"})


def inert(value: str) -> str:
    """Text no template can turn into markup: < > & " ' become ＜ ＞ ＆ “” ’.

    >>> inert('标题"><script>alert(1)</script> AT&T\\'s')
    '标题”＞＜script＞alert(1)＜/script＞ AT＆T’s'
    >>> inert('the "Plan"')
    'the “Plan”'
    """
    return _QUOTES.sub(r"“\1”", value).translate(_INERT)
