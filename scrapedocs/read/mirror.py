"""Mirrored sites: a page's URL from where the mirroring tool saved it.

`wget --mirror https://www.gov.cn/` saves `www.gov.cn/zhengce/content/a.htm`:
a top folder named like a host, then the URL's path. HTTrack saves under a
project folder but writes into every page where it came from and when:
`<!-- Mirrored from www.gov.cn/zhengce/a.htm by HTTrack Website Copier/3.x
[XR&CO'2014], Mon, 06 May 2024 10:20:30 GMT -->`. Neither keeps the scheme:
URLs are written with http://, which every server answers (most redirect to
https://). A folder of pages that is not a mirror has no host-named folder and
gets no URL from its path.
"""
from __future__ import annotations

import re
from dataclasses import replace
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote

from ..model import Origin

_HOST = re.compile(
    r"(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|(?:xn--)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    r"(?:\.(?:xn--)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59}))(?::\d{1,5})?", re.I)
_MIRRORED = re.compile(rb"<!--\s*Mirrored from\s+(\S+)\s+by HTTrack Website Copier[^\]]*\]?,?\s*([^>]*?)\s*-->", re.I)


def is_host(name: str) -> bool:
    """Whether a folder name is a host name (with an optional port), as wget names a mirror's top folder.

    >>> is_host("www.gov.cn"), is_host("127.0.0.1:8000"), is_host("2021.11"), is_host("notes")
    (True, True, False, False)
    """
    return bool(_HOST.fullmatch(name))


def url_of(host: str, path: str) -> str:
    """The URL of a mirrored file: http://HOST/PATH, the path percent-encoded where it must be.

    >>> url_of("www.gov.cn", "zhengce/通知.htm?id=1")
    'http://www.gov.cn/zhengce/%E9%80%9A%E7%9F%A5.htm?id=1'
    """
    return f"http://{host.lower()}/" + quote(path, safe="/?=&;:@!$'()*+,~-._%")


def mirror_origin(relpath: str, root: Path) -> Origin | None:
    """The origin of a file in a `wget --mirror` tree: its URL from the host-named folder above it.

    The input folder itself may be the host's folder (`--input mirror/www.gov.cn`).
    """
    parts = relpath.split("/")
    if len(parts) > 1 and is_host(parts[0]):
        return Origin(url=url_of(parts[0], "/".join(parts[1:])))
    name = Path(root).resolve().name
    if is_host(name):
        return Origin(url=url_of(name, relpath))
    return None


def httrack_origin(data: bytes, origin: Origin | None) -> Origin | None:
    """`origin` with the URL and time of HTTrack's "Mirrored from" comment, when the page has one.

    >>> page = b"<html><!-- Mirrored from www.gov.cn/a.htm by HTTrack Website Copier/3.x [XR&CO'2014], Mon, 06 May 2024 10:20:30 GMT --><p>x"
    >>> o = httrack_origin(page, None); o.url, o.retrieved
    ('http://www.gov.cn/a.htm', '2024-05-06T10:20:30Z')
    """
    m = _MIRRORED.search(data[:8192])
    if not m:
        return origin
    target = m[1].decode("utf-8", "replace")
    target = target.split("://", 1)[1] if "://" in target else target
    host, _, path = target.partition("/")
    if not is_host(host):
        return origin
    retrieved = ""
    try:
        when = parsedate_to_datetime(m[2].decode("ascii", "replace").strip())
        retrieved = iso_utc(when)
    except (TypeError, ValueError, IndexError):
        pass
    return replace(origin or Origin(), url=url_of(host, path), retrieved=retrieved or (origin.retrieved if origin else ""))


def iso_utc(when) -> str:
    """A datetime as ISO 8601 in UTC, to the second: 2024-05-06T10:20:30Z (a naive one is taken as UTC)."""
    import datetime as dt

    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
