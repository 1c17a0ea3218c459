"""Pages saved by a browser as one file (`.mhtml`, `.mht`): a MIME message holding the page and its resources.

Chrome's "Save page as… single file" and Internet Explorer's web archives
write the page's HTML as one part (with its `Content-Location`, the page's
URL) and each image, style and script as another. The page is the first
`text/html` part (the one at the snapshot's location when the message names
it); its charset comes from the part's header, the save time from the
message's `Date`. Everything else in the file is not read.
"""
from __future__ import annotations

from dataclasses import replace
from email import message_from_bytes, policy
from email.utils import parsedate_to_datetime

from ..model import Origin
from .decode import DecodeError
from .mirror import iso_utc


def _header(msg, name: str) -> str:
    try:
        return str(msg.get(name, "") or "").strip()
    except Exception:  # a malformed header: the email package raises while parsing it
        return ""


def mhtml_page(data: bytes, origin: Origin | None) -> tuple[bytes, Origin]:
    """The HTML bytes of a saved page and its origin (URL, save time, charset); DecodeError when it has none."""
    if not data.strip():
        raise DecodeError("empty file")
    msg = message_from_bytes(data, policy=policy.compat32)
    if not msg.is_multipart() and msg.get_content_type() != "text/html":
        raise DecodeError("not a saved web page: no MIME parts (an .mhtml file is a MIME message)")
    snapshot = _header(msg, "Snapshot-Content-Location")
    pages = [part for part in msg.walk() if part.get_content_type() == "text/html"]
    if not pages:
        raise DecodeError("a saved web page without an HTML part")
    page = next((p for p in pages if snapshot and _header(p, "Content-Location") == snapshot), pages[0])
    html = page.get_payload(decode=True)
    if not isinstance(html, bytes):
        raise DecodeError("its HTML part cannot be decoded")
    retrieved = ""
    try:
        retrieved = iso_utc(parsedate_to_datetime(_header(msg, "Date")))
    except (TypeError, ValueError, IndexError):
        pass
    url = _header(page, "Content-Location") or snapshot
    found = replace(origin or Origin(), charset=page.get_content_charset() or "",
                    url=url if url.lower().startswith(("http://", "https://")) else (origin.url if origin else ""),
                    retrieved=retrieved or (origin.retrieved if origin else ""))
    return html, found
