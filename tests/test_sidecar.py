from pathlib import Path

from scrapedocs.model import Collection, Document
from scrapedocs.pipeline import build_collection
from scrapedocs.slugs import assign_slugs
from scrapedocs.sidecar import apply_sidecar

ARTICLE = "知识产权保护工作关系国家治理体系和治理能力现代化，关系高质量发展，关系人民生活幸福。\n" * 3


def test_sidecar_overrides_extracted_fields(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b.txt").write_text("错误的标题\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "b.yml").write_text(
        "title: 正确的标题\ndate: 2021年11月1日\nauthor: 张三\nsource: 新华社\nurl: https://x.cn/1\n"
        "tags: [知识产权, 保护]\nslug: news/ip\n", encoding="utf-8")
    doc = build_collection(tmp_path).docs[0]
    assert doc.meta["title"] == "正确的标题" and doc.meta["date"] == "2021-11-01"
    assert doc.meta["author"] == "张三" and doc.meta["source"] == "新华社" and doc.meta["url"] == "https://x.cn/1"
    assert doc.meta["tags"] == ["知识产权", "保护"]
    assert doc.slug == "news/ip" and "title: 正确的标题" in doc.markdown


def test_empty_value_removes_a_field_and_bad_sidecar_is_a_warning():
    doc = Document(path=Path("p.html"), relpath="p.html", meta={"title": "t", "author": "错的"},
                   sidecar=("p.yml", "author:\n".encode()))
    assert "author" not in apply_sidecar(doc).meta
    doc.sidecar = ("p.yml", "- not\n- a mapping\n".encode())
    assert "sidecar p.yml ignored" in apply_sidecar(doc).warnings[0]


def test_chosen_slugs_are_claimed_first():
    docs = [Document(path=Path("x.txt"), relpath="x.txt"), Document(path=Path("y.txt"), relpath="y.txt", slug="x")]
    assign_slugs(Collection(docs))
    assert [d.slug for d in docs] == ["x-2", "x"]
