"""Indexes, tags, related documents and reprint merging."""
from __future__ import annotations

import shutil

from scrapedocs.model import Block, Collection
from scrapedocs.pipeline import build_collection
from scrapedocs.reprints import clusters, merge_reprints

from conftest import ROOT
from helpers import make_doc


def _doc(name, paragraphs, **meta):
    doc = make_doc("", name)
    doc.meta = {"title": name, **meta}
    doc.blocks = [Block("paragraph", p) for p in paragraphs]
    return doc


TEXT = [
    "国务院近日印发《“十四五”国家知识产权保护和运用规划》，强调坚持开放合作、推进知识产权国际合作。",
    "规划提出，到2025年，知识产权强国建设阶段性目标任务如期完成，知识产权领域治理能力和治理水平显著提高。",
    "知识产权保护更加严格，社会满意度达到并保持较高水平，知识产权市场价值进一步凸显，品牌竞争力大幅提升。",
    "专利密集型产业增加值占国内生产总值比重达到13%，版权产业增加值占国内生产总值比重达到7.5%。",
    "知识产权使用费年进出口总额达到3500亿元，每万人口高价值发明专利拥有量达到12件。",
    "规划围绕全面加强知识产权保护、提高知识产权转移转化成效、构建便民利民知识产权公共服务体系等方面作出部署。",
]


def test_reprints_are_found_and_merged_without_losing_a_paragraph():
    a = _doc("a.txt", TEXT, source="甲网", url="https://a.example/1")
    b = _doc("b.txt", TEXT[:5] + ["（仅见于乙网的编者按。）"], source="乙网", url="https://b.example/2")
    c = _doc("c.txt", ["完全不同的一篇文章，讲的是商标注册便利化改革和地理标志保护工程的进展情况。" * 3])
    assert [sorted(d.relpath for d in g) for g in clusters([a, b, c])] == [["a.txt", "b.txt"]]
    collection = merge_reprints(Collection([a, b, c]))
    assert [d.relpath for d in collection.published] == ["a.txt", "c.txt"]
    assert b.merged_into == "a.txt"
    appendix = "\n".join(a.appendix)
    assert "https://b.example/2" in appendix and "仅见于乙网的编者按" in appendix


def test_seeds_copied_twice_are_published_once(tmp_path):
    for folder in ("one", "two"):
        shutil.copytree(ROOT / "seeds", tmp_path / folder)
    collection = build_collection(tmp_path)
    assert len(collection.published) == 5
    assert sum(1 for d in collection.docs if d.merged_into) == 5


def test_seed_indexes_tags_and_related():
    collection = build_collection(ROOT / "seeds")
    pages = collection.pages
    timeline = pages["indexes/timeline.md"]
    assert timeline.index("## 2021年") < timeline.index("## 2020年") < timeline.index("## 未注明日期")
    assert "## 中新社" in pages["indexes/sources.md"]
    assert "## 国家知识产权局" in pages["indexes/organisations.md"]
    people = pages["indexes/people.md"]
    assert "## 习近平" in people and "## 申长雨" in people and "## 白光清" in people
    assert "## 白光\n" not in people
    for doc in collection.published:
        assert "source_file" in doc.markdown
        assert doc.markdown.count("## 相关文档") <= 1
    assert all("source_file" not in text for text in pages.values())
    assert any(doc.meta.get("tags") for doc in collection.published)
