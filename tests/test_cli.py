import io
import json
import sys

import pytest

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
