"""Converted documents kept between builds, so an unchanged source is not converted again.

An entry is the pickled `Document` as it left the document stages, in a file
named by its key: a digest of the source's path (a record's URL and media
type: `identity`) and bytes, its sidecar's
name and bytes, the converter's version (its own source and data files, the
versions of the libraries that shape its output, Python's) and the config's
fingerprint. Any change to one of them is a different key, so an entry is
never stale by construction; entries no build uses any more are pruned.

An entry is never trusted: a header holds the key and a checksum of the
payload, and an entry that is truncated, does not match, or does not unpickle
into the document expected is counted as corrupt and converted again.
Entries are written to a temporary file and renamed, so a build killed
half-way leaves no half-written entry.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import struct
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..model import Document

MAGIC = b"SDCACHE1"
_HEADER = struct.Struct(f"<{len(MAGIC)}s32sQ32s")  # magic, key (hex), payload length, blake2b of payload
_KEY = re.compile(r"[0-9a-f]{32}")
_PACKAGE = Path(__file__).resolve().parents[1]

#: Libraries whose version changes what the document stages produce.
LIBRARIES = ("ftfy", "opencc", "pypinyin", "jieba", "charset-normalizer", "beautifulsoup4", "lxml",
             "PyYAML", "numpy", "pyahocorasick", "nh3", "trafilatura", "readability-lxml", "htmldate")


@lru_cache(maxsize=1)
def converter_version() -> str:
    """A digest of the package's source and data files, the libraries' versions and Python's.

    Any change to the code invalidates every cached document: cheap to compute
    (a few hundred kilobytes), and never wrong about what changed.
    """
    h = hashlib.blake2b(digest_size=16)
    h.update(f"python {sys.version_info[:2]}\n".encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{name} {version}\n".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            data = path.read_bytes()
            h.update(f"{path.relative_to(_PACKAGE).as_posix()} {len(data)}\n".encode())
            h.update(data)
    return h.hexdigest()


def identity(doc: Document) -> str:
    """What names a source in its cache key: its path, or for a record in a crawl what shapes its
    conversion (URL, media type, HTTP charset, a JSON line's fields) but not the archive's name nor the
    fetch time, so the same page in the next crawl's archive is not converted again."""
    origin = doc.origin
    return origin.identity if origin is not None and origin.container else doc.relpath


def entry_key(doc: Document, version: str, fingerprint: str) -> str:
    """The cache key of a loaded (not yet converted) document: its identity, its bytes (for a record:
    its payload), its sidecar's, the converter's version and the config's fingerprint."""
    h = hashlib.blake2b(digest_size=16)
    for part in (version, fingerprint, identity(doc)):
        h.update(part.encode("utf-8") + b"\0")
    h.update(struct.pack("<Q", len(doc.data)))
    h.update(doc.data)
    if doc.sidecar is None:
        h.update(b"\0no sidecar")
    else:
        name, data = doc.sidecar
        h.update(name.encode("utf-8") + b"\0" + struct.pack("<Q", len(data)))
        h.update(data)
    return h.hexdigest()


def _digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=32).digest()


class Cache:
    """A folder of entries, `<key[:2]>/<key>`; read-only when `writable` is false (`--check`)."""

    def __init__(self, folder: Path, writable: bool = True):
        self.folder, self.writable = Path(folder), writable
        self.corrupt = 0  # entries found unusable this build
        self.full = False  # the disk filled up: nothing more is stored this build

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def has(self, key: str) -> bool:
        """Whether an entry is stored under `key` (not whether it can be trusted: `get` says that)."""
        return self._path(key).is_file()

    def get(self, key: str) -> bytes | None:
        """The payload stored under `key`, or None when there is none or it cannot be trusted."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        if len(data) < _HEADER.size:
            self._bad(key)
            return None
        magic, stored_key, length, digest = _HEADER.unpack_from(data)
        payload = data[_HEADER.size:]
        if magic != MAGIC or stored_key != key.encode() or length != len(payload) or digest != _digest(payload):
            self._bad(key)
            return None
        return payload

    def _bad(self, key: str) -> None:
        self.corrupt += 1
        if self.writable:
            try:
                self._path(key).unlink()
            except OSError:
                pass

    def discard(self, key: str) -> None:
        """An entry whose payload turned out unusable (it would not unpickle, or not as expected)."""
        self._bad(key)

    def put(self, key: str, payload: bytes) -> None:
        """Store `payload` under `key`. A full disk stops the cache for the rest of the build (`full`):
        the build goes on without it, and what it must write says so when it cannot."""
        if not self.writable:
            return
        path = self._path(key)
        tmp = path.with_name(f"{key}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(_HEADER.pack(MAGIC, key.encode(), len(payload), _digest(payload)))
                f.write(payload)
            os.replace(tmp, path)
        except OSError as err:
            tmp.unlink(missing_ok=True)
            if err.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise
            self.writable, self.full = False, True
        except BaseException:  # an interruption: no partial entry left behind
            tmp.unlink(missing_ok=True)
            raise

    def prune(self, keep: set[str]) -> int:
        """Remove the entries not in `keep` (and leftovers of interrupted writes); return how many."""
        if not self.writable or not self.folder.is_dir():
            return 0
        removed = 0
        for sub in os.scandir(self.folder):
            if not (sub.is_dir(follow_symlinks=False) and re.fullmatch(r"[0-9a-f]{2}", sub.name)):
                continue  # not ours: never delete what the cache did not write
            for entry in os.scandir(sub.path):
                name = entry.name
                ours = _KEY.fullmatch(name) or (name.endswith(".tmp") and _KEY.match(name))
                if ours and name not in keep and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed += 1
            try:
                os.rmdir(sub.path)  # only when empty
            except OSError:
                pass
        return removed
