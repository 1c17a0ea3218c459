"""What one build is asked to do: folders, parallelism, limits, and the project's own files.

A `BuildConfig` is frozen plain data, made once by the command line (or a test)
and passed to what needs it: the engine (jobs, executor, time budget, cache),
the reader (`max_bytes`), the collection stages (the project's `aliases.yml`).
Document stages receive it too, possibly on another machine, so everything a
document stage may read from the project is carried in it as bytes, never as a
path. `fingerprint()` names what in it changes a converted document: the cache
key includes it, so changing such a setting converts everything again.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

#: Project files (in `project_dir`) a build may read, loaded into the config as bytes.
PROJECT_FILES = ("aliases.yml", "metadata.yml")
#: Of those, the ones document stages read: their bytes change converted documents.
DOCUMENT_FILES = ("metadata.yml",)

DEFAULT_TIME_BUDGET = 30.0  # seconds one document may take in the document stages
DEFAULT_MAX_BYTES = 20_000_000  # a larger input is reported, not read


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class BuildConfig:
    """The settings of one build. Paths are as given (relative to the working folder or absolute)."""

    input_dir: Path = Path("seeds")
    docs_dir: Path = Path("docs")
    report: Path = Path("build/report.json")
    cache_dir: Path | None = None  # None: `cache/` beside the report
    project_dir: Path = Path(".")  # where aliases.yml (and metadata.yml) live
    jobs: int = field(default_factory=default_jobs)
    executor: str = "local"  # or "dask://HOST:PORT"
    time_budget: float = DEFAULT_TIME_BUDGET
    max_bytes: int = DEFAULT_MAX_BYTES
    use_cache: bool = True  # False: convert everything (`--no-cache`)
    check: bool = False  # write nothing, the cache included (`--check`)
    files: tuple[tuple[str, bytes], ...] = ()  # (name, bytes) of the PROJECT_FILES present

    @classmethod
    def create(cls, **settings) -> "BuildConfig":
        """A config whose project files are read from `project_dir` now (and only now)."""
        config = cls(**settings)
        files = []
        for name in PROJECT_FILES:
            path = Path(config.project_dir) / name
            if path.is_file():
                files.append((name, path.read_bytes()))
        return replace(config, files=tuple(files))

    @property
    def cache(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else Path(self.report).parent / "cache"

    def file(self, name: str) -> bytes | None:
        """The bytes of project file `name`, or None when the project has none."""
        return dict(self.files).get(name)

    def fingerprint(self) -> str:
        """A digest of every setting that changes what the document stages produce.

        >>> BuildConfig().fingerprint() == BuildConfig(jobs=7, time_budget=1.0).fingerprint()
        True
        >>> BuildConfig().fingerprint() == BuildConfig(max_bytes=10).fingerprint()
        False
        """
        h = hashlib.blake2b(digest_size=16)
        h.update(f"max_bytes={self.max_bytes}\n".encode())
        for name, data in sorted(self.files):
            if name in DOCUMENT_FILES:
                h.update(f"{name}:{len(data)}\n".encode())
                h.update(data)
        return h.hexdigest()
