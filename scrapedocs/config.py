"""What one build is asked to do: folders, parallelism, limits, and the project's own files.

A `BuildConfig` is frozen plain data, made once by the command line (or a test)
and passed to what needs it: the engine (jobs, executor, time budget, cache),
the reader (`max_bytes`), the collection stages (the project folder, where
`aliases.yml` and `metadata.yml` live). Document stages may receive it too,
possibly on another machine: they read settings from it, never files; the
project files a document stage needs (`lexicon.yml`, `topics.yml`) travel in it
as bytes (`with_project_files`) and count in its fingerprint. `fingerprint()` names what in it changes a converted
document: the cache key includes it, so changing such a setting converts
everything again. The site's Markdown configuration (mkdocs.yml's extensions) travels
in it too, as JSON, for the workers that render every page before MkDocs does
(`render.trial`); it keys that pass's cache, not the documents'.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_TIME_BUDGET = 30.0  # seconds one document may take in the document stages
DEFAULT_MAX_BYTES = 20_000_000  # a larger input is reported, not read (`read.MAX_SIZE`)
#: Project files the document stages read (the indexes' names and topics): carried as bytes.
PROJECT_FILES = ("lexicon.yml", "topics.yml")


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
    cache_dir: Path | None = None  # None: beside the report (`cache`, or `cache-NAME` for `report-NAME.json`)
    project_dir: Path = Path(".")  # where aliases.yml and metadata.yml live
    jobs: int = field(default_factory=default_jobs)
    executor: str = "local"  # or "dask://HOST:PORT"
    time_budget: float = DEFAULT_TIME_BUDGET
    max_bytes: int = DEFAULT_MAX_BYTES
    use_cache: bool = True  # False: convert everything (`--no-cache`)
    check: bool = False  # write nothing, the cache included (`--check`)
    project_files: tuple[tuple[str, bytes], ...] = ()  # (name, content) of the `PROJECT_FILES` present
    language: str = "zh"  # the site's (theme.language): the words of the pages the collection stages write
    site_config: Path | None = None  # the MkDocs configuration (None: mkdocs.yml in the project folder)
    markdown: str = ""  # its Markdown extensions and their options, as JSON (`site_markdown`); "": MkDocs' own

    @property
    def cache(self) -> Path:
        """The cache folder: beside the report, named after it, so a trial build never prunes the project's.

        >>> BuildConfig(report=Path("b/report.json")).cache.as_posix(), BuildConfig(report=Path("b/report-x.json")).cache.as_posix()
        ('b/cache', 'b/cache-x')
        """
        if self.cache_dir is not None:
            return Path(self.cache_dir)
        report = Path(self.report)
        stem = report.stem
        return report.parent / ("cache" + (stem[len("report"):] if stem.startswith("report") else f"-{stem}"))

    def project_file(self, name: str) -> Path:
        """A file of the project folder (`aliases.yml`, `metadata.yml`), for the collection stages."""
        return Path(self.project_dir) / name

    def project_bytes(self, name: str) -> bytes | None:
        """The content of a project file the document stages use (`PROJECT_FILES`), None when absent."""
        return dict(self.project_files).get(name)

    def fingerprint(self) -> str:
        """A digest of every setting that changes what the document stages produce.

        >>> BuildConfig().fingerprint() == BuildConfig(jobs=7, time_budget=1.0).fingerprint()
        True
        >>> BuildConfig().fingerprint() == BuildConfig(max_bytes=10).fingerprint()
        False
        """
        h = hashlib.blake2b(digest_size=16)
        h.update(f"max_bytes={self.max_bytes}\n".encode())
        for name, content in sorted(self.project_files):
            h.update(f"{name}={len(content)}\n".encode() + content)
        return h.hexdigest()


def with_project_files(config: BuildConfig) -> BuildConfig:
    """`config` carrying the content of the project files the document stages read, and the site's
    Markdown configuration.

    >>> with_project_files(BuildConfig(project_dir=Path("/nonexistent"))).project_files
    ()
    """
    found = []
    for name in PROJECT_FILES:
        path = Path(config.project_dir) / name
        if path.is_file():
            found.append((name, path.read_bytes()))
    site = config.site_config or Path(config.project_dir) / "mkdocs.yml"
    return replace(config, project_files=tuple(found), markdown=config.markdown or site_markdown(Path(site)))


#: The extensions MkDocs always loads before those its configuration lists.
MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")


def site_markdown(config_file: Path) -> str:
    """The Markdown configuration MkDocs builds the site with, as JSON: its own extensions, then
    those of `markdown_extensions` with their options, read and checked by MkDocs' own code, and
    whether pages are folders (`use_directory_urls`, which links are rewritten to).

    "" when there is no such file, or MkDocs refuses it (the site build will say why); the page
    trial then uses MkDocs' own extensions alone.

    >>> data = json.loads(site_markdown(Path(__file__).parents[1] / "mkdocs.yml"))
    >>> [name for name, _ in data["extensions"]], data["use_directory_urls"]
    (['toc', 'tables', 'fenced_code', 'scrapedocs.markdown'], True)
    """
    if not config_file.is_file():
        return ""
    from mkdocs.config.config_options import MarkdownExtensions
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(config_file, "rb") as f:
            data = yaml_load(f)
        option = MarkdownExtensions(builtins=list(MKDOCS_EXTENSIONS), configkey="mdx_configs")
        names = option.validate(data.get("markdown_extensions") or [])
        directories = data.get("use_directory_urls", True)
    except Exception:  # a YAML or extension error: MkDocs reports it when it builds the site
        return ""
    return json.dumps({"extensions": [[name, option.configdata.get(name, {})] for name in names],
                       "use_directory_urls": bool(directories)}, ensure_ascii=False, sort_keys=True, default=str)
