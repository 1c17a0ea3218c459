"""Installable as a tool (issue #20, item 5): the built wheel, in a fresh venv, works anywhere.

The repository's tracked files (a fresh clone's) are built into a wheel by pip, which is
installed (not `-e`) into a new virtual environment. The venv sees the machine's packages
(`--system-site-packages`: MkDocs, Material, jieba… are not downloaded again) and the wheel is
installed without its dependencies, then `pip check` confirms they are all there; the venv
imports the wheel's copy of scrapedocs, never this repository's (checked). In a folder outside
the repository, the installed `scrapedocs` makes a project, builds it, and the site is read;
then an English one; then a mistake. A file missing from the package data fails here.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import html
from user_pages import EN_PAGES, ZH_PAGES, write_pages

from conftest import ROOT

#: Package data the installed tool needs: the theme, the vendored opencc-js, the strings table,
#: the topic and lexicon data, what `scrapedocs new` writes.
DATA = [
    "scrapedocs/theme/mkdocs_theme.yml", "scrapedocs/theme/main.html", "scrapedocs/theme/partials/strings.html",
    "scrapedocs/theme/partials/article-meta.html", "scrapedocs/theme/partials/cite.html",
    "scrapedocs/theme/assets/javascripts/scrapedocs/search.js", "scrapedocs/theme/assets/javascripts/browse.js",
    "scrapedocs/theme/assets/javascripts/opencc-js/cn2t.js", "scrapedocs/theme/assets/javascripts/opencc-js/t2cn.js",
    "scrapedocs/theme/assets/stylesheets/content.css", "scrapedocs/theme/pdf/print.css",
    "scrapedocs/data/topics.yml", "scrapedocs/data/lexicon.yml",
    "scrapedocs/project/templates/mkdocs.yml", "scrapedocs/project/templates/index.zh.md",
    "scrapedocs/project/templates/pages.yml",
]


def _tracked_copy(target: Path) -> Path:
    """The repository's tracked files, as a fresh clone has them."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files are unknown")
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in names.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


@pytest.fixture(scope="module")
def tool(tmp_path_factory) -> dict:
    """The wheel, and a venv where it is installed: {"wheel", "bin", "env"}."""
    work = tmp_path_factory.mktemp("wheel")
    source = _tracked_copy(work / "source")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
                            str(source)], capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((work / "dist").glob("scrapedocs-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(venv)], check=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    python = venv / "bin" / "python"
    for command in (["install", "--no-deps", "--ignore-installed", "-q", str(wheel)], ["check"]):
        done = subprocess.run([str(python), "-m", "pip", *command], capture_output=True, text=True, env=env,
                              cwd=work, timeout=900)
        assert done.returncode == 0, done.stdout + done.stderr
    return {"wheel": wheel, "bin": venv / "bin", "env": env, "venv": venv}


def _scrapedocs(tool, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(tool["bin"] / "scrapedocs"), *args], cwd=cwd, env=tool["env"],
                          capture_output=True, text=True, timeout=900)


def test_the_wheel_carries_the_package_data(tool):
    names = set(zipfile.ZipFile(tool["wheel"]).namelist())
    assert not [name for name in DATA if name not in names]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(tool["wheel"]).read(entry_points).decode()
    for line in ("scrapedocs = scrapedocs.cli:main", "scrapedocs = scrapedocs.theme",
                 "scrapedocs = scrapedocs.publish.plugin:ScrapedocsPlugin"):
        assert line in text


def test_the_venv_runs_the_wheels_copy(tool, tmp_path):
    done = subprocess.run([str(tool["bin"] / "python"), "-c",
                           "import scrapedocs, scrapedocs.theme as t; print(scrapedocs.__file__); print(t.THEME_DIR)"],
                          cwd=tmp_path, env=tool["env"], capture_output=True, text=True, check=True)
    for line in done.stdout.split():
        assert Path(line).resolve().is_relative_to(tool["venv"].resolve()), line


def test_the_installed_tool_builds_a_collection_anywhere(tool, tmp_path):
    assert not tmp_path.resolve().is_relative_to(ROOT)
    made = _scrapedocs(tool, tmp_path, "new", "mylib", "--name", "环境政策文库")
    assert made.returncode == 0, made.stderr
    root = tmp_path / "mylib"
    write_pages(root / "seeds", ZH_PAGES)
    built = _scrapedocs(tool, root)
    assert built.returncode == 0, built.stderr
    assert "site built in site" in built.stdout and "Traceback" not in built.stderr
    site = root / "site"
    home = html.parse(str(site / "index.html"))
    assert home.findtext(".//title").startswith("环境政策文库")
    assert "本站是“环境政策文库”" in home.xpath("//article")[0].text_content()
    assert len(home.xpath("//article//table//tr")) == 1 + len(ZH_PAGES)
    page = html.parse(str(site / "articles" / "air" / "index.html"))
    assert page.xpath("//dl[contains(@class, 'article-meta')]//dt")[0].text_content() in ("文种", "发布日期")
    assert page.xpath("//details[contains(@class, 'cite')]/summary")[0].text_content() == "引用本页"
    assert (site / "pagefind" / "shards.json").is_file()
    for asset in ("assets/javascripts/scrapedocs/chinese.js", "assets/javascripts/opencc-js/cn2t.js",
                  "assets/stylesheets/content.css"):
        assert (site / asset).is_file(), asset
    assert not (root / "overrides").exists()


def test_the_installed_tool_speaks_english_and_names_mistakes(tool, tmp_path):
    assert _scrapedocs(tool, tmp_path, "new", "green", "--name", "Green Library", "--lang", "en").returncode == 0
    root = tmp_path / "green"
    write_pages(root / "seeds", EN_PAGES)
    built = _scrapedocs(tool, root)
    assert built.returncode == 0, built.stderr
    page = html.parse(str(root / "site" / "articles" / "coast" / "index.html"))
    assert page.xpath("/html/@lang") == ["en"]
    assert page.xpath("//details[contains(@class, 'cite')]/summary")[0].text_content() == "Cite this page"
    (tmp_path / "loose").mkdir()
    done = _scrapedocs(tool, tmp_path / "loose")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "run 'scrapedocs new .' first" in done.stderr and not list((tmp_path / "loose").iterdir())
