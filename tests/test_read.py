import codecs

import pytest

from scrapedocs.clean import clean
from scrapedocs.read import DecodeError, decode, find_sources, read

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


def test_sources_are_found_recursively_in_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "a.txt", "b/1.txt", "notes.pdf", ".hidden.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in find_sources(tmp_path)] == ["a.txt", "b/1.txt", "b/2.txt"]


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


def test_markdown_keeps_its_front_matter_as_hints(tmp_path):
    source = tmp_path / "note.md"
    source.write_text("---\ntitle: 笔记\ndate: 2021-11-01\ntags: [a, b]\n---\n# 正文\n\n*原样*保留。\n", encoding="utf-8")
    doc = read(source, tmp_path)
    assert doc.kind == "markdown"
    assert doc.hints == {"title": "笔记", "date": "2021-11-01", "tags": ["a", "b"]}
    assert doc.raw == "# 正文\n\n*原样*保留。\n"


def test_undecodable_html_is_reported_with_the_reason(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\x00\xff\xfe\x00" * 64)
    assert read(bad, tmp_path).error.startswith("cannot read:")
