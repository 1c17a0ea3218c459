import codecs

import pytest

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
