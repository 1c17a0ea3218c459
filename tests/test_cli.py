import io
import json
import logging
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
    from scrapedocs.cli import _size

    assert [_size(s) for s in ("20MB", "500kB", "1000", "1.5m")] == [20_000_000, 500_000, 1000, 1_500_000]
    with pytest.raises(SystemExit):
        main(["--max-size", "lots"])


def test_a_failed_site_build_names_the_page_its_input_and_why(tmp_path, monkeypatch, capsys):
    """The site build reports like the converter (issue 17, item 4): on the console and in the report."""
    import mkdocs.structure.pages

    from conftest import ROOT

    seeds, docs = tmp_path / "in", tmp_path / "docs"
    seeds.mkdir()
    (seeds / "a.txt").write_text("关于甲的通知\n" + ARTICLE, encoding="utf-8")
    (seeds / "b.txt").write_text("关于乙的通知\n" + article("b.txt", 6) + "一段含有xyzzy-theme-poison的正文。\n",
                                 encoding="utf-8")
    render = mkdocs.structure.pages.Page.render

    def breaks_on_b(self, config, files):  # a failure the page trial cannot see: in MkDocs itself
        if "xyzzy-theme-poison" in (self.markdown or ""):
            raise ValueError("the theme choked")
        return render(self, config, files)

    monkeypatch.setattr(mkdocs.structure.pages.Page, "render", breaks_on_b)
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
