import errno
import io
import json
import logging
import os
import shutil
import subprocess
import sys

import pytest
from hostile_corpus import article

from scrapedocs.cli import main

ARTICLE = ("国务院近日印发《关于加强知识产权保护的若干意见》，对今后一个时期的工作作出部署，"
           "要求各地区各部门认真贯彻落实，确保取得实效。\n") * 3


def run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_restore_writes_one_line_per_input_line(monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, ["restore", "--explain"], "發(fā)布日期:2021\n\n正常的一行。\n")
    assert code == 0
    assert out.split("\n")[:3] == ["发布日期：2021", "", "正常的一行。"]
    assert "line 1:" in err and "pinyin" in err and "line 3: unchanged" in err


def test_build_converts_reports_failures_and_goes_on(tmp_path, monkeypatch, capsys):
    seeds = tmp_path / "in"
    (seeds / "sub").mkdir(parents=True)
    (seeds / "sub" / "good.txt").write_text("首页 > 新闻\n标题\n" + ARTICLE, encoding="utf-8")
    (seeds / "broken.txt").write_bytes(b"\x00\xff" * 100)
    (seeds / "chrome.txt").write_text("首页 新闻 政策 解读 服务\n版权所有 © 2020\n", encoding="utf-8")
    docs, report = tmp_path / "docs", tmp_path / "report.json"
    argv = ["--input", str(seeds), "--docs", str(docs), "--report", str(report), "--no-site"]
    code, out, err = run(monkeypatch, capsys, argv)
    assert code == 0
    assert (docs / "articles" / "sub" / "good.md").is_file()
    assert (docs / "index.md").is_file()
    assert "broken.txt" in err and "chrome.txt" in err
    entries = {e["source"]: e for e in json.loads(report.read_text(encoding="utf-8"))["inputs"]}
    assert entries["broken.txt"]["page"] is None and "binary" in entries["broken.txt"]["error"]
    assert entries["chrome.txt"]["page"] is None and entries["chrome.txt"]["error"]
    assert entries["sub/good.txt"]["page"] == "articles/sub/good.md"

    assert run(monkeypatch, capsys, argv + ["--check"])[0] == 0
    (docs / "articles" / "sub" / "good.md").write_text("edited", encoding="utf-8")
    (docs / "articles" / "stale.md").write_text("old", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, argv + ["--check"])
    assert code == 1 and "good.md" in err and "stale.md" in err


def test_hand_written_home_page_is_never_overwritten(tmp_path, monkeypatch, capsys):
    seeds, docs = tmp_path / "in", tmp_path / "docs"
    seeds.mkdir()
    docs.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (docs / "index.md").write_text("# 我的首页\n", encoding="utf-8")
    run(monkeypatch, capsys, ["--input", str(seeds), "--docs", str(docs), "--no-site",
                              "--report", str(tmp_path / "r.json")])
    assert (docs / "index.md").read_text(encoding="utf-8") == "# 我的首页\n"


def test_help_explains_the_flags(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    for flag in ["--input", "--docs", "--site", "--no-site", "--check", "--serve", "restore"]:
        assert flag in out


def test_an_empty_input_folder_is_an_error(tmp_path, monkeypatch, capsys):
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "notes.pdf").write_bytes(b"%PDF-1.4")
    code, out, err = run(monkeypatch, capsys, ["--input", str(seeds), "--docs", str(tmp_path / "docs")])
    assert code == 2 and "error: no pages to convert" in err
    assert "notes.pdf: not a page: unknown extension .pdf" in err
    assert not (tmp_path / "docs").exists() and not (tmp_path / "site").exists()


def test_no_page_at_all_is_an_error_and_writes_no_docs(tmp_path, monkeypatch, capsys):
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "empty.txt").write_bytes(b"")
    code, out, err = run(monkeypatch, capsys, ["--input", str(seeds), "--docs", str(tmp_path / "docs")])
    assert code == 1 and "none of the 1 sources" in err and "empty.txt: empty file" in err
    assert not (tmp_path / "docs").exists()
    assert json.loads((tmp_path / "build" / "report.json").read_text(encoding="utf-8"))["summary"]["failed"] == 1


def test_the_report_goes_beside_the_docs_folder_and_a_trial_keeps_the_projects(tmp_path, monkeypatch, capsys):
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "report.json").write_text("the project's report", encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, ["--input", "in", "--docs", "trial", "--no-site"])
    assert code == 0 and "report: build/report-trial.json" in out
    assert (tmp_path / "build" / "report.json").read_text(encoding="utf-8") == "the project's report"
    code, out, _ = run(monkeypatch, capsys, ["--input", "in", "--docs", "elsewhere/docs", "--no-site"])
    assert code == 0 and (tmp_path / "elsewhere" / "build" / "report.json").is_file()


def test_console_counts_warnings_and_names_the_first(tmp_path, monkeypatch, capsys):
    seeds = tmp_path / "in"
    seeds.mkdir()
    for i in range(8):
        (seeds / f"p{i}.txt").write_text(article(f"p{i}"), encoding="utf-8")
        (seeds / f"p{i}.yml").write_text("template: 404.html\n", encoding="utf-8")
    (seeds / "big.txt").write_text(ARTICLE * 10, encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, ["--input", str(seeds), "--docs", str(tmp_path / "docs"), "--no-site",
                                               "--max-size", "1kB"])
    report = json.loads((tmp_path / "build" / "report.json").read_text(encoding="utf-8"))
    warnings = report["summary"]["warnings"]
    assert code == 0 and warnings >= 8 and f"warnings ({warnings}):" in err
    named = err.split(f"warnings ({warnings}):\n")[1].split("\n")[:6]
    every = report["warnings"] + [f"{e['source']}: {w}" for e in report["inputs"] for w in e["warnings"]]
    assert all(line.startswith("  ") and line[2:] in every for line in named[:5])
    assert "p0.txt: sidecar p0.yml: field 'template' ignored: not a documented field" in every
    assert named[5] == f"  … and {warnings - 5} more in the report"
    assert "failed (1), no page:\n  big.txt: too large:" in err and "over the 1.0 kB limit (--max-size)" in err
    assert "9 sources → 8 pages; 1 failed, 0 skipped" in out


def test_max_size_accepts_units(capsys):
    from scrapedocs.cli.options import _size

    assert [_size(s) for s in ("20MB", "500kB", "1000", "1.5m")] == [20_000_000, 500_000, 1000, 1_500_000]
    with pytest.raises(SystemExit):
        main(["--max-size", "lots"])


# --- a user's mistakes: one line naming the problem and the fix, exit 2, nothing written (issue #20, item 3)

def _user_project(root, monkeypatch, capsys):
    """`scrapedocs new` in `root` with three pages in seeds/; the working folder is `root`."""
    from user_pages import ZH_PAGES, write_pages

    assert run(monkeypatch, capsys, ["new", str(root)])[0] == 0
    write_pages(root / "seeds", ZH_PAGES)
    monkeypatch.chdir(root)
    return root


def _files(root) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert "Traceback" not in err


def test_no_project_says_run_scrapedocs_new_and_writes_nothing(tmp_path, monkeypatch, capsys):
    from user_pages import ZH_PAGES, write_pages

    write_pages(tmp_path / "seeds", ZH_PAGES)
    monkeypatch.chdir(tmp_path)
    before = _files(tmp_path)
    code, out, err = run(monkeypatch, capsys, [])
    _one_line_error(code, err, "mkdocs.yml does not exist", "run 'scrapedocs new .' first")
    assert not out and _files(tmp_path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["seeds"]
    code, _, err = run(monkeypatch, capsys, ["--config", "other.yml", "--no-site"])
    _one_line_error(code, err, "other.yml does not exist")


BROKEN = {
    "yaml": ("site_name: [unclosed\n", "cannot be read", "line 1"),
    "typo": (None, "site_nam", "Unrecognised configuration name"),
    "unknown theme": ("name: scrapedocs", "Unrecognised theme name: 'nosuch'", "name: nosuch"),
    "material": ("name: scrapedocs", "set `theme: {name: scrapedocs}`", "name: material"),
    "no plugin": ("  - scrapedocs:\n      input:", "add `plugins: [scrapedocs]`", "  - search:\n      lang:"),
    "no extension": ("  - scrapedocs.markdown", "add `markdown_extensions: [scrapedocs.markdown]`", "  - toc"),
    "no name": ("site_name:", "no site_name", "# site_name:"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_mkdocs_yml_stops_before_converting(case, tmp_path, monkeypatch, capsys):
    root = _user_project(tmp_path / "mylib", monkeypatch, capsys)
    config = root / "mkdocs.yml"
    old, expected, new = BROKEN[case]
    text = config.read_text(encoding="utf-8")
    if case == "yaml":
        text = old
    elif case == "typo":
        text += "site_nam: x\n"
    else:
        assert old in text
        text = text.replace(old, new, 1)
    config.write_text(text, encoding="utf-8")
    before = _files(root)
    code, out, err = run(monkeypatch, capsys, [])
    _one_line_error(code, err, "mkdocs.yml", expected)
    assert _files(root) == before, "nothing converted, nothing written"
    assert not (root / "build").exists() and not (root / "site").exists()


def test_a_missing_input_folder_or_a_docs_file_stop_before_converting(tmp_path, monkeypatch, capsys):
    root = _user_project(tmp_path / "mylib", monkeypatch, capsys)
    (root / "seeds").rename(root / "pages")
    before = _files(root)
    code, _, err = run(monkeypatch, capsys, [])
    _one_line_error(code, err, "the input folder seeds does not exist", "--input DIR")
    assert _files(root) == before and not (root / "build").exists()
    (root / "pages").rename(root / "seeds")
    for path in list((root / "docs").iterdir()):
        path.unlink()
    (root / "docs").rmdir()
    (root / "docs").write_text("not a folder", encoding="utf-8")
    before = _files(root)
    code, _, err = run(monkeypatch, capsys, [])
    _one_line_error(code, err, "docs is a file, not a folder", "--docs DIR")
    assert _files(root) == before and not (root / "build").exists()


def _run_scrapedocs(cwd, *prefix: str, script: str = "") -> subprocess.CompletedProcess:
    """`python -m scrapedocs` in `cwd` as a separate process (under `prefix`, e.g. setpriv)."""
    command = [*prefix, sys.executable, "-m", "scrapedocs", "--no-progress"]
    if script:
        command = [*prefix, "sh", "-c", script]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_no_write_permission(tmp_path, monkeypatch, capsys):
    """A project folder the user may not write in. Root ignores permissions unless it gives up the
    capabilities that let it (setpriv): so the run does, as any user would be refused."""
    root = _user_project(tmp_path / "mylib", monkeypatch, capsys)
    prefix = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be enforced")
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]
    before = _files(root)
    for path in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        path.chmod(0o555)
    try:
        done = _run_scrapedocs(root, *prefix)
    finally:
        for path in [root, *(p for p in root.rglob("*") if p.is_dir())]:
            path.chmod(0o755)
    _one_line_error(done.returncode, done.stderr, "cannot write in docs: Permission denied", "--docs DIR")
    assert _files(root) == before


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /tmp"],
                          capture_output=True, timeout=30)
    return done.returncode == 0


FULL_DISK = """
set -u
mount -t tmpfs -o size={size} tmpfs "$MNT" && cp -r "$SRC/." "$MNT/" && cd "$MNT" || exit 99
touch -d '2000-01-01' $(find . -type f)
"$PY" -m scrapedocs --no-progress
echo "exit=$?" >&2
find . -type f -newer mkdocs.yml | sort | sed 's/^/written:/'
find . -name '*.part' -o -name '.*building*' -o -type d -path './docs/*' | sort | sed 's/^/left:/'
"""


@pytest.mark.parametrize("size, failing", [("64k", "docs"), ("1m", "site")])
def test_a_full_disk(size, failing, tmp_path, monkeypatch, capsys):
    """A real full disk: the project on a small tmpfs (a private mount namespace, so no root is needed).

    64 kB hold the project but not its pages (nor the rendered pages' cache, written first):
    docs/ stays as it was. 1 MB hold the pages but not the site: the pages and the report are
    whole, no site and no half-built folder is left."""
    if not _unshare_works():
        if os.environ.get("CI"):
            pytest.fail("unshare cannot mount a tmpfs here: the full disk is not simulated")
        pytest.skip("unshare cannot mount a tmpfs here")
    root = _user_project(tmp_path / "mylib", monkeypatch, capsys)
    mount = tmp_path / "disk"
    mount.mkdir()
    env = dict(os.environ, MNT=str(mount), SRC=str(root), PY=sys.executable)
    done = subprocess.run(["unshare", "-rm", "sh", "-c", FULL_DISK.format(size=size)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    err = done.stderr.replace("converted 3 of 3 sources\n", "")
    assert "exit=2" in err, done.stderr
    place = "build/cache" if failing == "docs" and "cannot write in build/cache" in err else failing
    _one_line_error(2, err.replace("exit=2\n", ""), f"cannot write in {place}", "No space left on device",
                    "free some space")
    written = {line[len("written:./"):] for line in done.stdout.split() if line.startswith("written:")}
    left = {line[len("left:./"):] for line in done.stdout.split() if line.startswith("left:")}
    assert not [f for f in left if not f.startswith("docs/") or f.endswith(".part")], left
    if failing == "docs":
        assert not [f for f in written if f.startswith("docs")] and not left, "docs/ as it was"
        assert "build/report.json" not in written
    else:
        assert {"docs/articles/air.md", "docs/articles/.table.md", "build/report.json"} <= written
        assert not [f for f in written if f.startswith("site")], "no site, nothing half-built"


def test_a_failed_write_leaves_the_docs_folder_as_it_was(tmp_path, monkeypatch):
    """The all-or-nothing write itself: the third file fails; the two before it are undone."""
    from scrapedocs.publish import docs as docs_module

    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "a.md").write_text("old a", encoding="utf-8")
    before = _files(tmp_path)
    real_open, calls = open, []

    def failing_open(path, mode="r", *args, **kwargs):
        if "w" in mode:
            calls.append(path)
            if len(calls) == 3:
                raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(docs_module, "open", failing_open, raising=False)
    files = {"articles/a.md": "new a", "articles/b.md": "b", "cited/c.md": "c", "browse/d.md": "d"}
    with pytest.raises(OSError) as raised:
        docs_module.write(files, docs)
    assert raised.value.errno == errno.ENOSPC and len(calls) == 3
    assert _files(tmp_path) == before and sorted(p.name for p in docs.iterdir()) == ["articles"]
    monkeypatch.undo()
    docs_module.write(files, docs)
    assert (docs / "articles" / "a.md").read_text(encoding="utf-8") == "new a"


def test_a_failed_site_build_names_the_page_its_input_and_why(tmp_path, monkeypatch, capsys):
    """The site build reports like the converter (issue 17, item 4): on the console and in the report."""
    import mkdocs.commands.build

    from conftest import ROOT

    seeds, docs = tmp_path / "in", tmp_path / "docs"
    seeds.mkdir()
    (seeds / "a.txt").write_text("关于甲的通知\n" + ARTICLE, encoding="utf-8")
    (seeds / "b.txt").write_text("关于乙的通知\n" + article("b.txt", 6) + "一段含有xyzzy-theme-poison的正文。\n",
                                 encoding="utf-8")
    context = mkdocs.commands.build.get_context

    def breaks_on_b(nav, files, config, page=None, **kwargs):  # a failure the page trial cannot see: in the theme
        if page is not None and "xyzzy-theme-poison" in (page.markdown or ""):
            raise ValueError("the theme choked")
        return context(nav, files, config, page, **kwargs)

    monkeypatch.setattr(mkdocs.commands.build, "get_context", breaks_on_b)
    # The command's MkDocs log handler writes to the stderr of the first test that made it: a fresh one here.
    monkeypatch.setattr(logging.getLogger("mkdocs"), "handlers", [])
    report = tmp_path / "build" / "report.json"
    code = main(["--input", str(seeds), "--docs", str(docs), "--site", str(tmp_path / "site"),
                 "--config", str(ROOT / "mkdocs.yml"), "--report", str(report), "--no-progress"])
    err = capsys.readouterr().err  # (not run(): MkDocs reads its configuration beside sys.stdin.buffer)
    assert code == 3 and not (tmp_path / "site").exists()
    assert "error: the site build failed on articles/b.md (input b.txt): " in err and "the theme choked" in err
    assert "Traceback" not in err
    site = json.loads(report.read_text(encoding="utf-8"))["site"]
    assert site == {"built": False, "page": "articles/b.md", "source": "b.txt", "error": site["error"]}
    assert "the theme choked" in site["error"]


def test_a_large_collection_is_converted_in_a_child_process(tmp_path, monkeypatch, capfd):
    """From `APART` sources the conversion runs in a child: its memory is gone before the site is built."""
    import scrapedocs.cli.build as build
    from conftest import ROOT

    seeds, docs, pids = tmp_path / "in", tmp_path / "docs", tmp_path / "pids"
    seeds.mkdir()
    (seeds / "a.txt").write_text("关于甲的通知\n" + ARTICLE, encoding="utf-8")
    monkeypatch.setattr(build, "APART", 1)
    convert = build.convert_command

    def converting(*args, **kwargs):
        with open(pids, "a") as f:
            f.write(f"{os.getpid()}\n")
        return convert(*args, **kwargs)

    monkeypatch.setattr(build, "convert_command", converting)
    monkeypatch.setattr(logging.getLogger("mkdocs"), "handlers", [])
    argv = ["--input", str(seeds), "--docs", str(docs), "--site", str(tmp_path / "site"),
            "--config", str(ROOT / "mkdocs.yml"), "--report", str(tmp_path / "report.json"), "--no-progress"]
    code = main(argv)
    out = capfd.readouterr().out
    assert code == 0 and "1 sources → 1 pages" in out and "site built in" in out
    assert pids.read_text().split() != [str(os.getpid())]
    page = tmp_path / "site" / "articles" / "a" / "index.html"
    assert "关于甲的通知" in page.read_text(encoding="utf-8")

    def killed(*args, **kwargs):
        os.kill(os.getpid(), 9)

    (seeds / "a.txt").write_text("关于乙的通知\n" + ARTICLE, encoding="utf-8")
    before = page.read_bytes()
    monkeypatch.setattr(build, "convert_command", killed)
    assert main(argv) == 3
    err = capfd.readouterr().err
    assert "error: the conversion stopped: killed by SIGKILL (out of memory?)" in err and "Traceback" not in err
    assert page.read_bytes() == before
