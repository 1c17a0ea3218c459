"""Indexes, tags, related documents and reprint merging."""
from __future__ import annotations

import pickle
import re
import shutil
from collections import Counter

from scrapedocs.indexes import build_indexes, find_facts
from scrapedocs.indexes.names import named, people_in
from scrapedocs.indexes.terms import SEPARATOR, UNSEEN, count_terms, dictionary
from scrapedocs.indexes.topics import load_topics
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
    assert "## 国家知识产权局" in pages["indexes/organisations.md"]
    people = pages["indexes/people.md"]
    for name in ("习近平", "申长雨", "白光清", "易继明"):
        assert f"## {name}（" in people, name
    assert "## 白光（" not in people
    for doc in collection.published:
        assert "source_file" in doc.markdown
        assert doc.markdown.count("## 相关文档") <= 1
    assert all("source_file" not in text for text in pages.values())
    tags = {t for doc in collection.published for t in doc.meta.get("tags") or []}
    assert {"专利", "商标", "国际合作"} <= tags
    assert not tags & {"意识", "全球", "强国", "文化"}
    # Written for a reader: no word about how the lists were made.
    for text in pages.values():
        assert "jieba" not in text and "名录" not in text


def _made_up(name, title, paragraphs, **meta):
    doc = _doc(name, paragraphs, **meta)
    doc.meta["title"] = title
    doc.slug = name.split(".")[0]
    return doc


def test_people_next_to_a_title_or_a_speech_verb():
    text = ("国家版权局副局长周明华在会上指出，要加强版权保护。王建国表示赞同。"
            "会议高度评价这项工作，方面表示理解，向大家表示感谢，提出了新任务新要求。"
            "省知识产权局局长林海涛30日介绍，主任委员表示同意。")
    assert people_in(text) == {"周明华", "王建国", "林海涛"}


def test_organisations_from_the_lexicon_and_place_plus_institution():
    found = named("广东省知识产权局与北京知识产权法院、世界知识产权组织签署协议。")["organisations"]
    assert found == {"广东省知识产权局", "北京知识产权法院", "世界知识产权组织"}


def test_facts_are_plain_data_and_tags_name_topics():
    doc = _made_up("p.txt", "关于加强商标注册管理的通知", [
        "为规范商标注册行为，打击恶意注册和商标抢注，保护注册商标专用权，现就有关事项通知如下。",
        "各地要加强驰名商标保护，依法查处商标侵权行为，同时做好地理标志保护工作。",
        "要增强全社会的知识产权意识，营造良好的文化氛围。",
    ])
    find_facts(doc)
    facts = pickle.loads(pickle.dumps(doc.facts["indexes"]))
    assert facts == doc.facts["indexes"]
    assert all(isinstance(k, str) and isinstance(v, int) for k, v in facts["terms"].items())
    assert all(isinstance(x, list) for x in (facts["people"], facts["organisations"]))
    assert doc.meta["tags"][0] == "商标"
    assert "意识" not in doc.meta["tags"] and "文化" not in doc.meta["tags"]


def test_the_users_tags_stand():
    doc = _made_up("p.txt", "专利审查", ["专利审查周期缩短，发明专利审查质量提高。"], tags=["我的标签"])
    find_facts(doc)
    assert doc.meta["tags"] == ["我的标签"]
    assert doc.facts["indexes"]["topics"]["专利"] >= 2


def test_project_topics_replace_add_and_remove(tmp_path):
    packaged = tmp_path / "packaged.yml"
    packaged.write_text("专利: [发明专利]\n商标: [注册商标]\n版权: [著作权]\n", encoding="utf-8")
    project = "专利: [专利权]\n区块链: [blockchain]\n版权: ~\n".encode()
    assert load_topics(packaged, project) == {"专利": ["专利权"], "商标": ["注册商标"], "区块链": ["blockchain"]}
    assert load_topics(packaged, None)["专利"] == ["发明专利"]
    assert load_topics(packaged, b"- not a mapping\n")["专利"] == ["发明专利"]


def test_related_documents_share_a_subject():
    trademark = ["商标注册便利化改革深入推进，驰名商标保护力度加大，恶意商标抢注行为受到打击，商标审查周期压缩。"] * 3
    patent = ["发明专利审查质量提升，专利密集型产业快速发展，高价值发明专利拥有量持续增长，专利转化运用加快。"] * 3
    docs = [_made_up(f"{k}{i}.txt", f"{k}文件{i}", [p + f"第{i}号。" for p in text])
            for k, text in (("tm", trademark), ("pt", patent)) for i in range(3)]
    collection = build_indexes(Collection(docs))
    for doc in collection.published:
        section = "\n".join(doc.appendix).split("## 相关文档", 1)[1]
        linked = re.findall(r"\]\(([a-z]+)\d\.md\)", section)
        assert linked and set(linked) == {doc.slug[:2]}, (doc.slug, section)


def test_a_projects_topics_file_reaches_the_tags(tmp_path):
    """topics.yml beside the input folder (the project folder) adds a topic; the workers get it with the config."""
    (tmp_path / "in").mkdir()
    body = "区块链技术用于知识产权存证，区块链存证的效力得到法院认可，相关规则逐步完善。\n"
    (tmp_path / "in" / "a.txt").write_text("区块链存证规则发布\n" + body * 3, encoding="utf-8")
    assert "区块链" not in (build_collection(tmp_path / "in").docs[0].meta.get("tags") or [])
    (tmp_path / "topics.yml").write_text("区块链: [区块链存证]\n", encoding="utf-8")
    assert "区块链" in build_collection(tmp_path / "in").docs[0].meta["tags"]


def test_terms_are_the_leftmost_longest_words_of_the_whole_dictionary():
    # the automaton is built most frequent word first and reads every run of characters no word holds
    # as one separator: it must count what a plain automaton of the same words counts
    import ahocorasick

    dic = dictionary()
    plain = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for word in dic.auto.keys():
        if word != SEPARATOR + UNSEEN:
            plain.add_word(word, dic.auto.get(word))
    plain.make_automaton()
    for text in ["\n".join(TEXT), "参观学习新中国", "参观学习新中国——Patent，2021年犇犇知识产权\ufdd0保护", "。，", ""]:
        expected = Counter()
        for _, i in plain.iter_long(text):
            if dic.terms[i] is not None:
                expected[dic.terms[i]] += 1
        counted = Counter()
        dic.count(text, counted)
        assert counted == expected
    assert count_terms(["国家知识产权局发布专利数据。"]) == {"专利": 1, "发布": 1, "国家知识产权局": 1, "数据": 1}
