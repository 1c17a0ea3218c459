"""The user's corpus end to end: generic properties every converted page must have."""
import re
from pathlib import Path

import pytest
import yaml

from scrapedocs import publish
from scrapedocs.model import META_KEYS
from scrapedocs.pipeline import build_collection

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
CHROME = ["免责声明", "版权所有", "ICP备", "公网安备", "上一篇", "下一篇", "返回顶部", "打印本文", "关闭窗口",
          "当前位置", "浏览次数", "责任编辑", "加入收藏", "放大字体", "友情链接", "联系我们", "微信扫一扫", "Copyright"]


@pytest.fixture(scope="module")
def collection():
    return build_collection(SEEDS)


@pytest.fixture(scope="module")
def docs(collection):
    return collection.docs


def pages(docs):
    for doc in docs:
        head, body = doc.markdown.split("---\n")[1], doc.markdown.split("---\n", 2)[2]
        yield doc, yaml.safe_load(head), body


def test_every_seed_becomes_a_page(docs):
    assert len(docs) == len(list(SEEDS.glob("*.txt"))) > 0
    assert all(not doc.error for doc in docs)


def test_front_matter_has_the_known_keys_only(docs):
    for doc, meta, _ in pages(docs):
        assert set(meta) <= set(META_KEYS)
        assert meta["source_file"] == doc.path.name
        assert meta["title"] and meta["lang"] in ("zh", "en")
        if "date" in meta:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta["date"]))


def test_no_site_chrome_in_any_body(docs):
    for doc, _, body in pages(docs):
        for phrase in CHROME:
            assert phrase not in body, f"{doc.relpath}: {phrase}"


def test_no_restoration_residue_in_chinese_pages(docs):
    from opencc import OpenCC

    t2s = OpenCC("t2s").convert
    for doc, meta, body in pages(docs):
        if meta["lang"] != "zh":
            continue
        text = re.sub(r"https?://\S+", "", body)
        assert not re.search(rf"[{HAN}][(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{{1,7}}[)）]", text), doc.relpath
        assert not re.search(rf"[{HAN}]\s*\?|\?\s*[{HAN}]", text), doc.relpath
        assert not re.search(rf"[{HAN}][,;:()!]|[,;:()!][{HAN}]", text), doc.relpath
        assert t2s(text) == text, doc.relpath


def test_traditional_sources_are_converted_and_recorded(docs):
    from opencc import OpenCC

    t2s, s2t = OpenCC("t2s").convert, OpenCC("s2t").convert

    def changes(text, convert):
        return sum(a != b for a, b in zip(text, convert(text)))

    from scrapedocs.read import read

    for doc, meta, _ in pages(docs):
        raw = read(doc.path, SEEDS).raw  # the source's text (a converted document no longer holds it)
        traditional = changes(raw, t2s) > changes(raw, s2t)
        assert (meta.get("original_script") == "hant") == traditional, doc.relpath


def test_conversion_is_deterministic(collection):
    assert publish.plan(build_collection(SEEDS)) == publish.plan(collection)


def test_committed_docs_are_up_to_date(collection):
    assert publish.differences(publish.plan(collection), ROOT / "docs") == []


def test_report_lists_every_input_with_its_removed_lines(collection, docs):
    report = publish.report(collection)
    assert report["summary"]["inputs"] == len(docs)
    assert all(entry["page"] for entry in report["inputs"])
    assert sum(len(entry["removed"]) for entry in report["inputs"]) > 0
