from pathlib import Path

from scrapedocs.model import Collection, Document
from scrapedocs.pipeline import build_collection
from scrapedocs.sidecar import apply_sidecar
from scrapedocs.slugs import assign_slugs

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


def _sidecar(text: str, meta: dict | None = None) -> Document:
    doc = Document(path=Path("p.txt"), relpath="d/p.txt", meta=dict(meta or {"title": "原标题"}),
                   sidecar=("d/p.yml", text.encode("utf-8")))
    return apply_sidecar(doc)


def test_only_documented_fields_are_set_and_unknown_keys_are_named():
    doc = _sidecar("template: 404.html\nhide: [navigation]\nsearch: {exclude: true}\ndescription: 摘要\n"
                   "doc_number: 国发〔2021〕20号\nissuer: 国务院\nvalidity: 现行有效\nexcerpt: true\n")
    assert doc.meta == {"title": "原标题", "doc_number": "国发〔2021〕20号", "issuer": "国务院", "validity": "现行有效",
                        "excerpt": True}
    assert doc.warnings == [f"sidecar d/p.yml: field '{key}' ignored: not a documented field"
                            for key in ("template", "hide", "search", "description")]


def test_values_of_the_wrong_type_are_dropped_with_a_warning():
    doc = _sidecar("title: [a, b]\nauthor: {name: x}\ntags: [ok, [nested]]\ndate: someday\nexcerpt: 'yes'\n"
                   "url: javascript:alert(1)\nsource: !!binary aGVsbG8=\neditor: 2021\neffective_date: 2022-01-01\n")
    assert doc.meta == {"title": "原标题", "editor": "2021", "effective_date": "2022-01-01"}
    assert [w.split(": ", 1)[1] for w in doc.warnings] == [
        "field 'title' ignored: a list where text is expected",
        "field 'author' ignored: a mapping where text is expected",
        "field 'tags' ignored: a list where text is expected",
        "field 'date' ignored: text that is not a date (YYYY-MM-DD)",
        "field 'excerpt' ignored: text where true or false is expected",
        "field 'url' ignored: not an http(s) URL",
        "field 'source' ignored: binary data where text is expected",
    ]


def test_yaml_that_would_run_code_or_explode_is_refused():
    doc = _sidecar("title: !!python/object/apply:os.system ['echo PWNED']\n")
    assert doc.meta == {"title": "原标题"} and "sidecar d/p.yml ignored: not valid YAML" in doc.warnings[0]
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntags: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: *c\n"
    doc = _sidecar(bomb)  # a list of lists is never turned into text, so nothing expands
    assert doc.meta == {"title": "原标题"} and len(doc.warnings) == 5


def test_a_chosen_slug_is_made_safe_and_never_takes_a_special_name():
    docs = [Document(path=Path(f"{n}.txt"), relpath=f"{n}.txt", slug=s) for n, s in [
        ("a", "_table"), ("b", "../../etc/x"), ("c", "index"), ("d", ".hidden/x"), ("e", "")]]
    docs.append(Document(path=Path("_e.txt"), relpath="_e.txt"))
    assign_slugs(Collection(docs))
    assert [d.slug for d in docs] == ["table", "etc/x", "index-page", "hidden/x", "e", "e-2"]
    assert "slug '_table' is not a safe page name: 'table' used" in docs[0].warnings
