"""`scrapedocs new DIR`: a new collection's project, ready for its pages and for GitHub Pages.

What `mkdocs new` and `sphinx-quickstart` do for their users: a short `mkdocs.yml` with the
collection's name and language (the theme, plugin and Markdown extension it names come with
the package), a home page introducing the collection by its name, the empty input folder,
the GitHub Pages workflow with the `requirements.txt` it installs, and a `.gitignore`.
It never overwrites: when any of these files exists, it says which and writes nothing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from string import Template

import yaml

from ..strings import default_nav, language_of
from . import TEMPLATES, ProjectError, home_page

LANGUAGES = ("zh", "en")
DESCRIPTIONS = {"zh": "{name}：从网上采集的文章，整理成可以检索、浏览和引用的文库。",
                "en": "{name}: articles collected from the web, ready to search, browse and cite."}


@dataclass(frozen=True)
class NewProject:
    root: Path
    name: str
    language: str
    input: str
    files: dict[str, str]  # path under root → content


def plan(root: Path, name: str | None = None, language: str = "zh", input: str = "seeds") -> NewProject:
    """The files of a new project in `root` (named after the folder unless `name` is given)."""
    from importlib import metadata

    root = Path(root)
    name = (name or root.resolve().name).strip()
    if not name:
        raise ProjectError("the collection needs a name: scrapedocs new DIR --name NAME")
    if language not in LANGUAGES:
        raise ProjectError(f"--lang {language}: the interface speaks {' or '.join(LANGUAGES)}")
    if not input.strip() or Path(input).is_absolute() or ".." in Path(input).parts:
        raise ProjectError(f"--input {input}: name a folder inside the project (default: seeds)")
    nav = yaml.safe_dump(default_nav(language), allow_unicode=True, sort_keys=False, default_flow_style=False)
    config = Template((TEMPLATES / "mkdocs.yml").read_text(encoding="utf-8")).substitute(
        name=name.replace("\n", " "), input=input, language=language,
        name_yaml=json.dumps(name, ensure_ascii=False), input_yaml=json.dumps(input, ensure_ascii=False),
        description_yaml=json.dumps(DESCRIPTIONS[language].format(name=name), ensure_ascii=False),
        nav="".join(f"  {line}\n" for line in nav.splitlines()).rstrip("\n"),
    )
    requirements = Template((TEMPLATES / "requirements.txt").read_text(encoding="utf-8")).substitute(
        version=metadata.version("scrapedocs"))
    files = {
        "mkdocs.yml": config,
        "docs/index.md": home_page(name, language),
        ".github/workflows/pages.yml": (TEMPLATES / "pages.yml").read_text(encoding="utf-8"),
        "requirements.txt": requirements,
        ".gitignore": (TEMPLATES / "gitignore").read_text(encoding="utf-8"),
    }
    return NewProject(root, name, language_of(language), input, files)


def make(project: NewProject) -> list[Path]:
    """Write the project: every file or none; the input folder made empty unless it exists."""
    from ..publish.docs import write_all

    root = project.root
    if root.exists() and not root.is_dir():
        raise ProjectError(f"{root} is a file: name a new folder (scrapedocs new DIR)")
    existing = [rel for rel in project.files if (root / rel).exists() or (root / rel).is_symlink()]
    if existing:
        what = "a project already" if "mkdocs.yml" in existing else "files of its own"
        raise ProjectError(f"{root} holds {what} ({', '.join(existing)}): nothing written; "
                           f"build it with 'scrapedocs', or choose another folder")
    inputs = root / project.input
    if inputs.exists() and not inputs.is_dir():
        raise ProjectError(f"{inputs} is a file: name another input folder with --input DIR")
    write_all(root, {rel: text.encode("utf-8") for rel, text in project.files.items()})
    inputs.mkdir(parents=True, exist_ok=True)
    return [root / rel for rel in project.files] + [inputs]


def summary(project: NewProject) -> str:
    """What was made and what to do next, for the console."""
    root = project.root
    shown = root.as_posix().rstrip("/") + "/" if root != Path(".") else ""
    inputs = f"{shown}{project.input}/"
    lines = [
        f"made the project {shown or './'} ({project.name}, {project.language}):",
        f"  {shown}mkdocs.yml                   the site's name, language and navigation",
        f"  {shown}docs/index.md                the home page's introduction: edit it as you like",
        f"  {inputs:<{len(shown) + 29}}put the pages you collected here (.txt, .html, .htm, .md)",
        f"  {shown}.github/workflows/pages.yml  publishes the site with GitHub Pages (see requirements.txt)",
        f"next: put your pages in {inputs}, then run 'scrapedocs'"
        + (f" in {shown}" if shown else "") + " (scrapedocs --serve to preview)",
    ]
    return "\n".join(lines)
