import codecs
import os
import re

import pytest

from scrapedocs.clean import clean
from scrapedocs.read import DecodeError, decode, explain_decode, find_sources, read, scan

TEXT = "知识产权保护工作关系国家治理体系和治理能力现代化，关系高质量发展，关系人民生活幸福。" * 3


TRADITIONAL = "知識產權保護工作關係國家治理體系和治理能力現代化，關係高質量發展，關係人民生活幸福。" * 3


@pytest.mark.parametrize("text, data", [
    (TEXT, TEXT.encode("utf-8")),
    (TEXT, codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    (TEXT, TEXT.encode("utf-16")),
    (TEXT, TEXT.encode("gb18030")),
    (TRADITIONAL, TRADITIONAL.encode("big5")),
])
def test_decode_common_chinese_encodings(text, data):
    assert decode(data) == text


def test_gbk_characters_beyond_gb2312_decode():
    text = "张玙蕗说，知识产权保护工作关系国家治理体系和治理能力现代化。" * 5  # 玙 is GBK, not GB2312
    assert decode(text.encode("gbk")) == text


def test_binary_is_refused_with_a_reason():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x00\x01\x02\xff" * 100)
    with pytest.raises(DecodeError, match=r"binary file \(a PNG image\)"):
        decode(b"\x89PNG\r\n\x1a\n" + TEXT.encode())
    with pytest.raises(DecodeError, match=r"binary file \(a PDF document\)"):
        decode(b"%PDF-1.7\n" + TEXT.encode())


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty_files_say_so(data):
    with pytest.raises(DecodeError, match="^empty file"):
        decode(data)


def test_stray_nul_and_control_characters_are_removed_and_counted():
    decoded = explain_decode((TEXT[:10] + "\x00" + TEXT[10:20] + "\x1b[31m" + TEXT[20:]).encode("utf-8"))
    assert decoded.text == TEXT[:20] + "[31m" + TEXT[20:]
    assert decoded.warnings == ["2 control characters (NUL and the like) removed"]


def test_utf16_without_bom_is_recognised_for_mostly_chinese_text():
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode(TEXT.encode(encoding)) == TEXT  # no NUL byte at all: no ASCII, no line break
        assert decode(("标题\n" + TEXT + "\n2021年").encode(encoding)) == "标题\n" + TEXT + "\n2021年"
        assert decode(("Intellectual property\n" + TEXT).encode(encoding)).startswith("Intellectual property\n")


def _cut(text: str, times: int) -> bytes:
    """GBK bytes of `text` with `times` strings cut mid-character: a lead byte followed by ASCII."""
    data = text.encode("gbk")
    return data.replace("。</p>".encode("gbk"), "。".encode("gbk")[:1] + b"</p>", times)


def test_a_page_with_no_declaration_and_two_broken_bytes_reads_as_chinese():
    page = "<html><body>" + "".join(f"<p>{TEXT}</p>\n" for _ in range(6)) + "</body></html>"
    decoded = explain_decode(_cut(page, 2))
    assert decoded.encoding == "gb18030" and decoded.replaced == 2
    assert decoded.text.count(TEXT[:-1]) == 6 and decoded.text.count("\ufffd</p>") == 2
    assert not re.search("[\u0400-\u04ff]", decoded.text), "read as Cyrillic"
    assert "2 byte sequences did not fit gb18030" in decoded.warnings[0]


def test_a_declared_charset_wins_with_a_dozen_cut_strings():
    page = '<html><head><meta charset="gb2312"></head><body>' + f"<p>{TEXT}</p>\n" * 30 + "</body></html>"
    decoded = explain_decode(_cut(page, 12))
    assert (decoded.encoding, decoded.why, decoded.replaced) == ("gb18030", "declared", 12)
    assert decoded.text.count(TEXT[:-1]) == 30
    assert decoded.warnings == ["12 byte sequences did not fit gb18030 (declared) and show as �"]


def test_a_wrong_declaration_gives_way_to_the_bytes():
    gbk = ("<p>" + TEXT + "</p>").encode("gbk")
    utf8_declared = explain_decode(b'<meta charset="utf-8">' + gbk)
    assert utf8_declared.encoding == "gb18030" and TEXT in utf8_declared.text
    assert "declares utf-8, which does not fit its bytes" in utf8_declared.warnings[0]
    latin_declared = explain_decode(b'<meta charset="iso-8859-1">' + gbk)  # old Chinese sites do this
    assert TEXT in latin_declared.text and "declares cp1252, but its bytes are gb18030" in latin_declared.warnings[0]


def test_undecodable_bytes_name_the_best_guess():
    noise = bytes((i * 131 + 7) % 128 + 128 for i in range(3000))
    with pytest.raises(DecodeError, match=r"^undecodable: .*\(best guess: [\w-]+, [\d,]+ of [\d,]+ characters unreadable"):
        decode(noise)


def test_sources_are_found_recursively_in_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "a.txt", "b/1.txt", "notes.pdf", ".hidden.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in find_sources(tmp_path)] == ["a.txt", "b/1.txt", "b/2.txt"]


def test_every_file_that_is_not_a_source_is_skipped_with_the_reason(tmp_path):
    for name in ["a.txt", "a.yml", "a.yaml", "orphan.yml", "notes.pdf", "Makefile", ".hidden.txt", ".git/config",
                 "_x.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    found = scan(tmp_path)
    assert [p.name for p in found.sources] == ["_x.txt", "a.txt"]
    reasons = {s.source: s.reason for s in found.skipped}
    assert set(reasons) == {"a.yaml", "orphan.yml", "notes.pdf", "Makefile", ".hidden.txt", ".git/", "pipe.txt"}
    assert "a.yml is the one read" in reasons["a.yaml"] and "without a source" in reasons["orphan.yml"]
    assert "unknown extension .pdf" in reasons["notes.pdf"] and "no file extension" in reasons["Makefile"]
    assert "hidden file" in reasons[".hidden.txt"] and "hidden folder" in reasons[".git/"]
    assert "named pipe" in reasons["pipe.txt"]


@pytest.fixture
def opened(monkeypatch):
    """Every path the build opens (os.open and open), to show a refused target is never read."""
    paths = []
    real_open, real_os_open = open, os.open

    def spy_open(file, *args, **kwargs):
        paths.append(os.path.realpath(file) if isinstance(file, (str, os.PathLike)) else file)
        return real_open(file, *args, **kwargs)

    def spy_os_open(path, *args, **kwargs):
        paths.append(os.path.realpath(path))
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    return paths


def test_symbolic_links_leaving_the_input_folder_are_refused_unread(tmp_path, opened):
    root, outside = tmp_path / "in", tmp_path / "outside"
    (outside / "dir").mkdir(parents=True)
    (outside / "secret.txt").write_text("SECRET " + TEXT, encoding="utf-8")
    (outside / "dir" / "inner.txt").write_text("SECRET " + TEXT, encoding="utf-8")
    (outside / "secret.yml").write_text("title: SECRET\n", encoding="utf-8")
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "page.txt").write_text(TEXT, encoding="utf-8")
    (root / "page.yml").symlink_to(outside / "secret.yml")
    (root / "page.txt").write_text(TEXT, encoding="utf-8")
    (root / "secret.txt").symlink_to(outside / "secret.txt")
    (root / "relative.txt").symlink_to(os.path.relpath(outside / "secret.txt", root))
    (root / "dir").symlink_to(outside / "dir")
    (root / "again.txt").symlink_to(root / "sub" / "page.txt")
    (root / "sub-link").symlink_to(root / "sub")
    (root / "loop").symlink_to(root)
    (root / ".drafts").mkdir()
    (root / ".drafts" / "draft.txt").write_text(TEXT, encoding="utf-8")
    (root / "drafts").symlink_to(root / ".drafts")  # a hidden folder linked on purpose: inside, so read
    found = scan(root)
    assert sorted(p.relative_to(root).as_posix() for p in found.sources) == [
        "drafts/draft.txt", "page.txt", "relative.txt", "secret.txt", "sub/page.txt"]
    reasons = {s.source: s.reason for s in found.skipped}
    assert "outside the input folder" in reasons["dir/"]
    assert "same file as sub/page.txt" in reasons["again.txt"]
    assert "read already" in reasons["sub-link/"] and "read already" in reasons["loop/"]
    for name in ("secret.txt", "relative.txt"):
        assert read(root / name, root).error.startswith("refused: a symbolic link leading outside the input folder")
    page = read(root / "page.txt", root)
    assert page.sidecar == ("page.yml", b"") and "sidecar page.yml ignored: refused" in page.warnings[0]
    assert not [p for p in opened if isinstance(p, str) and p.startswith(str(outside))], "a target outside was opened"


def test_too_large_and_special_files_are_not_read(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 1001)
    assert read(tmp_path / "big.txt", tmp_path, max_size=1000).error == (
        "too large: 1,001 bytes, over the 1,000 bytes limit (--max-size)")
    assert not read(tmp_path / "big.txt", tmp_path, max_size=1001).error.startswith("too large")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the build forever
    assert read(tmp_path / "pipe.txt", tmp_path).error == "not a regular file (not read)"
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert "broken symbolic link" in read(tmp_path / "gone.txt", tmp_path).error


def test_read_splits_lines_and_reports_failures(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes("第一行\r\n第二行\n".encode("utf-8"))
    doc = read(good, tmp_path)
    assert [line.text for line in doc.lines] == ["第一行", "第二行", ""]
    assert doc.relpath == "good.txt" and not doc.error
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 50)
    assert "binary" in read(bad, tmp_path).error


# ---------------------------------------------------------------- declared charsets, HTML and Markdown

ARTICLE_HTML = "<html><head>{head}<title>{title}_新华网</title></head><body><div class='content'>{body}</div></body></html>"


def page(body: str, head: str = "", title: str = "知识产权保护") -> str:
    return ARTICLE_HTML.format(head=head, body=body, title=title)


def test_declared_gb2312_is_read_as_gb18030():
    # 玙 and 镕 are GBK characters outside GB2312: a strict GB2312 decoder garbles them.
    html = page("<p>朱镕基和张玙说，知识产权保护工作关系国家治理体系。</p>", '<meta charset="gb2312">')
    assert "朱镕基和张玙说" in decode(html.encode("gbk"))


def test_http_equiv_and_xml_declaration_are_honoured():
    html = page("<p>知識產權保護工作關係國家治理體系。</p>",
                '<meta http-equiv="Content-Type" content="text/html; charset=big5">', title="知識產權")
    assert "知識產權保護" in decode(html.encode("big5hkscs"))
    xml = '<?xml version="1.0" encoding="GBK"?>' + page("<p>镕基说，好。</p>")
    assert "镕基说" in decode(xml.encode("gbk"))


def test_big5_hkscs_characters_decode():
    text = "香港的知識產權保護工作，關係到市民生活。㗎" * 4  # 㗎 is HKSCS, not Big5
    assert decode(page(f"<p>{text}</p>", "<meta charset='big5'>", "香港").encode("big5hkscs")).count("㗎") == 4


def test_utf16_without_bom_decodes():
    assert decode(TEXT.encode("utf-16-le")) == TEXT
    assert decode(("<html><body>" + TEXT + "</body></html>").encode("utf-16-be")).endswith("</html>")


def test_valid_utf8_wins_over_a_stale_legacy_declaration():
    # A browser's "save page" writes UTF-8 but keeps the page's GB2312 meta tag.
    html = page("<p>知识产权保护工作关系国家治理体系。</p>", '<meta charset="gb2312">')
    assert "知识产权保护" in decode(html.encode("utf-8"))


def test_html_sources_are_read_as_articles(tmp_path):
    (tmp_path / "news").mkdir()
    source = tmp_path / "news" / "a.htm"
    source.write_bytes(page("<p>知识产权保护工作关系国家治理体系和治理能力现代化。</p>",
                            '<meta charset="gbk">').encode("gbk"))
    assert [p.name for p in find_sources(tmp_path)] == ["a.htm"]
    doc = clean(read(source, tmp_path))
    assert doc.kind == "html" and doc.hints["title"] == "知识产权保护"
    assert [line.text for line in doc.lines] == ["知识产权保护工作关系国家治理体系和治理能力现代化。"]


def test_markdown_front_matter_gives_checked_hints(tmp_path):
    source = tmp_path / "note.md"
    source.write_text("---\ntitle: 笔记\ndate: 2021-11-01\ntags: [a, b]\ntemplate: 404.html\nauthor: [x]\n---\n"
                      "# 正文\n\n*原样*保留。\n", encoding="utf-8")
    doc = read(source, tmp_path)
    assert doc.kind == "markdown"
    assert doc.hints == {"title": "笔记", "date": "2021-11-01", "tags": ["a", "b"]}
    assert doc.warnings == ["front matter: field 'template' ignored: not a documented field",
                            "front matter: field 'author' ignored: a list where text is expected"]
    assert doc.raw == "# 正文\n\n*原样*保留。\n"
    assert [line.text for line in doc.lines] == ["## 正文", "原样保留。"]


def test_markdown_is_data_not_markup(tmp_path):
    """Script, handlers, javascript: links and include lines leave only their text."""
    source = tmp_path / "evil.md"
    source.write_text(
        "# 标题<script>alert(1)</script>\n\n正文<img src=x onerror=alert(2)>[链接](javascript:alert(3))。\n\n"
        "<svg onload=alert(4)><circle r=1></svg><iframe srcdoc='<script>alert(5)</script>'></iframe>\n\n"
        "--8<-- \"index.md\"\n\n- 条目一\n- 条目二\n\n## 二、措施\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | a|b |\n\n"
        "```\n代码 <b>x</b>\n```\n", encoding="utf-8")
    doc = read(source, tmp_path)
    assert doc.hints["title"] == "标题"  # the first heading, when front matter names none
    assert [line.text for line in doc.lines] == [
        "正文链接。", '--8<-- "index.md"', "- 条目一", "- 条目二", "## 二、措施", "| 甲 | 乙 |", "| --- | --- |",
        "| 1 | a |", "代码 <b>x</b>"]
    assert "1 include line (--8<--) shown as text, not followed" in doc.warnings
    assert "alert" not in " ".join(line.text for line in doc.lines)


def test_deeply_nested_markdown_is_read_quickly(tmp_path):
    source = tmp_path / "deep.md"
    source.write_text("".join("  " * i + "- 项\n" for i in range(3000)) + "> " * 3000 + "引用\n"
                      + "<div>" * 5000 + "正文" + "</div>" * 5000 + "\n", encoding="utf-8")
    doc = read(source, tmp_path)  # minutes and a RecursionError without the nesting bound
    texts = " ".join(line.text for line in doc.lines)
    assert texts.count("项") == 3000 and "引用" in texts and "正文" in texts


def test_undecodable_html_is_reported_with_the_reason(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\x00\xff\xfe\x00" * 64)
    assert read(bad, tmp_path).error == "binary file (NUL and control bytes), not a text page"
    (tmp_path / "empty.txt").write_bytes(b"")
    assert read(tmp_path / "empty.txt", tmp_path).error == "empty file"


def test_utf8_cut_mid_character_is_read_with_the_count_on_the_page(tmp_path):
    data = TEXT.encode("utf-8")
    cut = data[:10] + data[10:14][:2] + data[14:] + "。".encode()[:1] + b"\n"  # two characters cut short
    (tmp_path / "cut.txt").write_bytes(cut)
    doc = read(tmp_path / "cut.txt", tmp_path)
    assert not doc.error and doc.raw.startswith(TEXT[:3]) and doc.raw.count("\ufffd") == 2
    assert "2 byte sequences did not fit utf-8 (UTF-8) and show as �" in doc.warnings
