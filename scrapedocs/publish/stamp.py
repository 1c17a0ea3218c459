"""The last build's stamp: what it read and what it wrote, so that a build with nothing to do says so in seconds.

Without it, a build in which nothing changed takes every document from the cache, links the
collection again, writes nothing and reuses every page of the site: about 45 s at 10,000
documents. With it, the build reads the sources for their cache keys (as every build does) and
looks at its outputs' sizes and times: when the sources, the settings and the project's files
(both in the cache keys), the options, `mkdocs.yml` and the environment variables it names, the
package and the site's libraries are those of the last successful build, and the docs folder,
the site and the report are as that build left them (no file added, removed or touched), there is
nothing to build and nothing is written. Anything else builds as usual, and the stamp is written
again at the end of every successful build: like `make`, it trusts a file's size and time.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

#: What builds the site besides the package itself: a new version builds again.
SITE_LIBRARIES = ("mkdocs", "mkdocs-material", "pagefind", "pagefind-bin-extended", "pymdown-extensions", "Markdown")
#: Options that change how a build runs, never what it writes (output is the same whatever --jobs).
NOT_OUTPUT = frozenset({"jobs", "executor", "progress", "stats"})
ENV_TAG = re.compile(r"!ENV\s*\[?\s*([A-Za-z_][A-Za-z0-9_]*)")


def _versions() -> str:
    found = []
    for name in SITE_LIBRARIES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} -")
    return "\n".join(found)


def inputs_digest(sources: str, options: dict, config_file: Path | None) -> str:
    """One digest of what a build reads: `sources` (`pipeline.Sources.digest`: each source's path and cache
    key, which covers its bytes, its sidecar, the settings, the project's files and the converter), the
    command's `options`, the MkDocs configuration and the variables it reads from the environment, the
    site's libraries.

    >>> inputs_digest("s", {"docs": "docs"}, None) == inputs_digest("s", {"docs": "docs"}, None)
    True
    >>> inputs_digest("s", {"docs": "docs"}, None) == inputs_digest("s", {"docs": "other"}, None)
    False
    """
    from ..engine.cache import converter_version

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{sources}\n{converter_version()}\n{_versions()}\n".encode())
    h.update(json.dumps({k: str(v) for k, v in sorted(options.items()) if k not in NOT_OUTPUT},
                        sort_keys=True).encode())
    if config_file is not None and config_file.is_file():
        data = config_file.read_bytes()
        h.update(data)
        for name in sorted(set(ENV_TAG.findall(data.decode("utf-8", "replace")))):
            h.update(f"\n{name}={os.environ.get(name, '')}".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _entries(path: Path):
    """(relative path, size, modification time) of every file under `path` (or of `path`, a file)."""
    if path.is_file():
        st = path.stat()
        yield "", st.st_size, st.st_mtime_ns
        return
    stack = [(path, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as found:
                for entry in found:
                    name = prefix + entry.name
                    if entry.is_dir(follow_symlinks=False):
                        stack.append((Path(entry.path), name + "/"))
                    else:
                        st = entry.stat(follow_symlinks=False)
                        yield name, st.st_size, st.st_mtime_ns
        except FileNotFoundError:
            return


def outputs_state(paths: list[Path]) -> str:
    """One digest of the files a build wrote, as the file system describes them (names, sizes, times)."""
    h = hashlib.blake2b(digest_size=16)
    for path in paths:
        h.update(f"\0{path}\0{path.exists()}\n".encode("utf-8", "surrogateescape"))
        for name, size, mtime in sorted(_entries(path)):
            h.update(f"{name}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


@dataclass
class Stamp:
    """The stamp file of a build (`path`), what this build reads (`inputs`), and what it writes (`outputs`)."""

    path: Path
    inputs: str
    outputs: list[Path]

    def unchanged(self) -> dict | None:
        """The last build's record when nothing changed since it: its console line and statistics."""
        try:
            last = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(last, dict) or last.get("inputs") != self.inputs:
            return None
        if last.get("outputs") != outputs_state(self.outputs):
            return None
        return last

    def record(self, summary: str, documents: int) -> None:
        """Written after a successful build; a failed write only costs the next build its shortcut."""
        record = {"inputs": self.inputs, "outputs": outputs_state(self.outputs), "summary": summary,
                  "documents": documents}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError:
            self.forget()

    def forget(self) -> None:
        """Before a build writes anything: should it stop half-way, the next build builds."""
        try:
            self.path.unlink()
        except OSError:
            pass
