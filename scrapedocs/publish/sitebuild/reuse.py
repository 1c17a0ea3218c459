"""What a built page depends on, and the record of the last build that lets the next one reuse it.

A page MkDocs builds is a function of its Markdown, of the answers its link rewriting got
(which pages exist, at which URL), and of the site around it: the configuration, the theme's
files, the navigation and its titles, the build date, the versions of MkDocs, Material,
Jinja and Python-Markdown and of this package. The last two kinds are one digest for the
whole site (`site_digest`); the first is the page's own (`page_digest`).

The manifest (`Manifest`, in the build cache) keeps for every page of the last successful
build its digest, the lookups its render made and the file it wrote, identified by its
size, modification time and inode. The next build takes a page's file from the site it
replaces (a hard link) when the site digest is the same, the page's digest is the same,
every lookup answers the same and the file is still the one written then.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

#: Packages whose version changes what a page looks like.
PACKAGES = ("mkdocs", "mkdocs-material", "Jinja2", "Markdown", "pymdown-extensions", "MarkupSafe")
FORMAT = "sitebuild-1"


def _plain(value, depth: int = 0):
    """A configuration value as JSON-able data that says what it holds (never an object's address)."""
    if depth > 20:
        return "…"
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v, depth + 1) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v, depth + 1) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, (set, frozenset)) else items
    config = getattr(value, "config", None)  # a plugin: its options
    if isinstance(config, Mapping):
        return {"plugin": type(value).__module__ + "." + type(value).__qualname__, "config": _plain(config, depth + 1)}
    if hasattr(value, "dirs") and hasattr(value, "items"):  # the theme: its options and folders
        return {"theme": _plain(dict(value.items()), depth + 1), "dirs": list(value.dirs)}
    text = repr(value)
    return type(value).__qualname__ if " at 0x" in text else text


def _folder_digest(h, folder: str) -> None:
    """Every file under `folder`: its path, size and modification time (a theme's templates and assets)."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, folder)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))


def _nav(items) -> list:
    out = []
    for item in items or []:
        out.append([type(item).__name__, str(item.title or ""), getattr(item, "url", None),
                    getattr(getattr(item, "file", None), "src_uri", None), _nav(getattr(item, "children", None))])
    return out


def site_digest(config, nav) -> str:
    """A digest of everything around the pages that a built page depends on: the configuration, the
    theme's files, the navigation (titles and URLs), the build date, the packages' versions."""
    from mkdocs import utils

    from ...engine.cache import converter_version

    h = hashlib.blake2b(digest_size=16)
    h.update(FORMAT.encode() + b"\0" + converter_version().encode() + b"\0")
    for name in PACKAGES:
        try:
            h.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name} -\n".encode())
    # Everything but where the site is written (a folder beside it, new for every build)
    config_data = {key: _plain(value) for key, value in config.items() if key not in ("site_dir",)}
    h.update(json.dumps(config_data, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass"))
    h.update(json.dumps(_nav(nav.items), ensure_ascii=False).encode("utf-8", "surrogatepass"))
    h.update(f"\0{utils.get_build_date()}\0{utils.get_build_datetime().isoformat()}\0".encode())
    for folder in config.theme.dirs:
        h.update(f"theme {folder}\n".encode("utf-8", "surrogatepass"))
        _folder_digest(h, folder)
    return h.hexdigest()


def page_digest(src_uri: str, data: bytes) -> str:
    """A digest of a page's own input: its path and its Markdown file's bytes."""
    h = hashlib.blake2b(digest_size=16)
    h.update(src_uri.encode("utf-8", "surrogatepass") + b"\0")
    h.update(data)
    return h.hexdigest()


def identity(path: str) -> list[int] | None:
    """What tells a written file from any other: size, modification time, inode (None: missing)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


class Manifest:
    """The pages of the last successful build of one site: `pages[src_uri] = [digest, lookups, dest, identity]`."""

    def __init__(self, site: str, digest: str, pages: dict | None = None):
        self.site, self.digest, self.pages = site, digest, pages if pages is not None else {}

    @classmethod
    def read(cls, path: Path | None, site: Path) -> Manifest | None:
        """The manifest at `path` when it is of `site` and readable; None otherwise."""
        if path is None:
            return None
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or data.get("site") != str(site):
                return None
            return cls(data["site"], data["digest"], dict(data["pages"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def write(self, path: Path) -> None:
        """Written beside itself, then renamed: a build killed half-way leaves the previous one."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        data = {"format": FORMAT, "site": self.site, "digest": self.digest, "pages": self.pages}
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def reusable(self, src_uri: str, digest: str, answers: Answers, previous_site: Path) -> str | None:
        """The previous build's file of the page `src_uri`, when it may be taken as it is; else None."""
        entry = self.pages.get(src_uri)
        if not entry or entry[0] != digest:
            return None
        _, lookups, dest, written = entry
        path = os.path.join(previous_site, dest)
        if identity(path) != written:
            return None
        for uri, url in lookups.items():  # a loop, not any(): ~25 lookups a page, tens of thousands of pages
            if answers(uri) != url:
                return None
        return path


class Answers(dict):
    """This build's answer to each link lookup (`render.html.answer`), asked of MkDocs' files once per
    path: the pages of a large site ask about the same few hundred pages (indexes, browse pages)
    hundreds of thousands of times, at 15 µs each."""

    def __init__(self, files):
        super().__init__()
        self.files = files

    def __call__(self, uri: str) -> str | None:
        try:
            return self[uri]
        except KeyError:
            from ...render.html import answer

            found = self[uri] = answer(self.files.get_file_from_path(uri))
            return found
