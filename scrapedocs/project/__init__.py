"""A collection's project: its `mkdocs.yml`, read and checked before anything is written.

A project is a folder holding `mkdocs.yml` (the site's name and language, the package's
theme, plugin and Markdown extension, the navigation), `docs/` (a hand-written `index.md`
plus the pages the converter writes) and the input folder (`seeds/`, or the plugin's
`input` option). `scrapedocs new DIR` makes one (`new`); `load` reads one the way MkDocs
will and `folders` checks the folders a build reads and writes, so that a mistake stops the
build before the conversion, in one line naming the problem and the fix, rather than as a
traceback after `docs/` was written.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from string import Template

from ..strings import language_of

THEME, PLUGIN, EXTENSION = "scrapedocs", "scrapedocs", "scrapedocs.markdown"
TEMPLATES = Path(__file__).resolve().parent / "templates"


#: How to fix a broken mkdocs.yml.
FIX = "correct it (scrapedocs new DIR writes a working one to compare with)"


class ProjectError(Exception):
    """A project cannot be built as it is; the message names the problem and the fix."""


@dataclass(frozen=True)
class Project:
    config_file: Path
    site_name: str
    language: str  # theme.language as written (zh, en, zh-Hant…); the strings table falls back by itself
    input_dir: Path  # the plugin's `input`, relative to the project folder
    docs_dir: Path
    site_dir: Path

    @property
    def root(self) -> Path:
        return self.config_file.parent


def _one_line(text: str) -> str:
    """An error message on one line (YAML errors span several).

    >>> _one_line('while parsing a block mapping\\n  in "mkdocs.yml", line 1, column 1\\nexpected <block end>')
    'while parsing a block mapping; in "mkdocs.yml", line 1, column 1; expected <block end>'
    """
    return "; ".join(line.strip() for line in str(text).splitlines() if line.strip())


def load(config_file: Path, *, site: bool = True) -> Project:
    """Read and check `config_file` as MkDocs will; ProjectError naming the problem and the fix.

    `site`: the site will be built, so MkDocs' warnings (an unknown setting…) count as errors,
    as they would abort the strict build after the conversion.
    """
    from mkdocs import exceptions
    from mkdocs.config.defaults import MkDocsConfig

    config_file = Path(config_file)
    if not config_file.is_file():
        what = "is a folder" if config_file.is_dir() else "does not exist"
        raise ProjectError(f"{config_file} {what}: this folder is not a scrapedocs project; "
                           f"run 'scrapedocs new .' first (or name the configuration with --config FILE)")
    cfg = MkDocsConfig(config_file_path=str(config_file))
    try:
        with open(config_file, "rb") as f:
            cfg.load_file(f)
    except (exceptions.ConfigurationError, OSError, UnicodeDecodeError) as e:
        raise ProjectError(f"{config_file} cannot be read: {_one_line(e)}: {FIX}") from None
    if not isinstance(cfg.get("site_name"), str) or not cfg.get("site_name"):
        raise ProjectError(f"{config_file}: no site_name: add `site_name: <the collection's name>`")
    docs_dir, site_dir = cfg.get("docs_dir") or "docs", cfg.get("site_dir") or "site"
    with tempfile.TemporaryDirectory(prefix="scrapedocs-check-") as empty:
        cfg.load_dict({"docs_dir": empty})  # the real one may not exist yet: the conversion makes it
        try:
            errors, warnings = cfg.validate()
        except exceptions.MkDocsException as e:
            errors, warnings = [("", e)], []
    problems = errors + (warnings if site else [])
    if problems:
        name, problem = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ProjectError(f"{config_file}: {name + ': ' if name else ''}{_one_line(problem)}{more}: {FIX}")
    _check_parts(config_file, cfg)
    root = config_file.parent
    plugin = cfg["plugins"][PLUGIN]
    return Project(config_file=config_file, site_name=cfg["site_name"], language=cfg["theme"]["language"],
                   input_dir=root / plugin.config.input, docs_dir=root / docs_dir, site_dir=root / site_dir)


def _check_parts(config_file: Path, cfg) -> None:
    """The theme, plugin and extension the site is made of: each missing one named with its line."""
    if cfg["theme"].name != THEME:
        raise ProjectError(f"{config_file}: the theme is {cfg['theme'].name!r}, which lacks the metadata block, "
                           f"search and 简/繁: set `theme: {{name: {THEME}}}`")
    if PLUGIN not in cfg["plugins"]:
        raise ProjectError(f"{config_file}: the {PLUGIN} plugin is missing (search index, escaping, offline "
                           f"bundle): add `plugins: [{PLUGIN}]`")
    if EXTENSION not in cfg["markdown_extensions"]:
        raise ProjectError(f"{config_file}: the Markdown extension {EXTENSION} is missing (anchors, the home "
                           f"page's table): add `markdown_extensions: [{EXTENSION}]`")


def home_page(name: str, language: str | None = None) -> str:
    """The introduction of a new collection's home page (docs/index.md), written for its name.

    >>> print(home_page("环境政策文库").splitlines()[0])
    # 环境政策文库
    """
    from ..escape import escape

    language = language_of(language)
    text = (TEMPLATES / f"index.{language}.md").read_text(encoding="utf-8")
    return Template(text).substitute(name=escape(name))

