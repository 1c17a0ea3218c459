"""Policy metadata (文号, 发文机关, 文种, dates, 节选), on made-up notices in the shapes government sites use."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import make_doc
from scrapedocs.extract import extract
from scrapedocs.extract.policy import apply_policy, explain
from scrapedocs.metadata_file import apply_metadata_file
from scrapedocs.model import Collection, Document
from scrapedocs.pipeline import PIPELINE, convert
from scrapedocs.read import load_source
from scrapedocs.render import render

NOTICES = Path(__file__).parent / "fixtures" / "notices"

NOTICE_DUMP = """\
首页 | 政策 | 互动
索 引 号：000014349/2021-00111　　主题分类：科技、教育\\知识产权
发文机关：国务院　　成文日期：2021年10月09日
标　　题：国务院关于印发“十四五”国家知识产权保护和运用规划的通知
发文字号：国发〔2021〕20号　　发布日期：2021年10月28日

国务院关于印发“十四五”国家知识产权保护和运用规划的通知

国发〔2021〕20号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
现将《“十四五”国家知识产权保护和运用规划》印发给你们，请认真贯彻执行，确保各项任务落到实处，取得实效。

国务院
2021年10月9日

（此件公开发布）
版权所有：中国政府网
"""


def run(doc):
    return apply_policy(extract(doc))


def test_information_table_becomes_front_matter_and_leaves_the_body():
    doc = run(make_doc(NOTICE_DUMP, "notice.txt"))
    meta = doc.meta
    assert meta["doc_number"] == "国发〔2021〕20号"
    assert meta["issuer"] == "国务院"
    assert meta["written_date"] == "2021-10-09"
    assert meta["date"] == "2021-10-09", "a notice with an information table is dated by its 成文日期"
    assert meta["doc_type"] == "通知"
    assert meta["title"] == "国务院关于印发“十四五”国家知识产权保护和运用规划的通知"
    body = "\n".join(line.text for line in doc.body)
    assert "索" not in body and "主题分类" not in body and "发布日期" not in body


@pytest.fixture
def cleaned_dump():
    from scrapedocs.clean import clean
    from scrapedocs.restore import restore_document

    return apply_policy(extract(restore_document(clean(make_doc(NOTICE_DUMP, "notice.txt")))))


def test_the_notice_keeps_its_number_line_and_signature(cleaned_dump):
    body = [line.text.strip() for line in cleaned_dump.body]
    assert "国发〔2021〕20号" in body
    assert body[-3:] == ["国务院", "2021年10月9日", "（此件公开发布）"]
    assert not any("主题分类" in text or "版权所有" in text for text in body)


def test_explain_names_where_each_field_came_from(cleaned_dump):
    lines = explain(cleaned_dump)
    assert "doc_number: 国发〔2021〕20号 ← information table (doc_number)" in lines
    assert any(line.startswith("issuer: 国务院 ← information table") for line in lines)


def test_notice_without_a_table_reads_the_number_line_and_the_signature():
    text = ("国务院办公厅关于做好宣传周有关工作的通知\n国办发明电〔2020〕5号\n各省、自治区、直辖市人民政府：\n"
            "为做好今年宣传周有关工作，现就有关事项通知如下，请认真贯彻落实，确保取得实效。\n"
            "本通知自印发之日起施行。\n中共中央办公厅　国务院办公厅\n2020年4月10日")
    doc = apply_policy(make_doc(text))
    doc.meta["title"] = "国务院办公厅关于做好宣传周有关工作的通知"
    doc = apply_policy(doc)
    assert doc.meta["doc_number"] == "国办发明电〔2020〕5号"
    assert doc.meta["issuer"] == "中共中央办公厅、国务院办公厅", "the signature beats the title"
    assert doc.meta["written_date"] == "2020-04-10"
    assert doc.meta["date"] == "2020-04-10", "no publication date stated: the written date stands in"
    assert doc.meta["effective_date"] == "2020-04-10", "自印发之日起施行"


def test_a_publication_date_is_kept_when_there_is_no_table():
    doc = make_doc("国务院关于某事的决定\n正文一段，内容充实，说明了决定的事项。\n国务院\n2022年3月29日")
    doc.meta = {"title": "国务院关于某事的决定", "date": "2022-04-02"}
    apply_policy(doc)
    assert doc.meta["date"] == "2022-04-02" and doc.meta["written_date"] == "2022-03-29"


def test_an_effective_date_taken_for_the_date_is_corrected():
    doc = make_doc("本决定自2022年5月1日起施行。\n国务院\n2022年3月29日")
    doc.meta = {"title": "国务院关于修改部分行政法规的决定", "date": "2022-05-01"}
    apply_policy(doc)
    assert doc.meta["effective_date"] == "2022-05-01"
    assert doc.meta["date"] == "2022-03-29"


def test_a_cited_number_inside_a_sentence_is_not_the_documents():
    doc = make_doc("根据《国务院关于新形势下加快知识产权强国建设的若干意见》（国发〔2015〕71号），制定本方案，请遵照执行。")
    doc.meta = {"title": "某省知识产权工作方案"}
    apply_policy(doc)
    assert "doc_number" not in doc.meta
    assert doc.meta["doc_type"] == "方案"


def test_excerpt_when_the_outline_starts_past_one():
    doc = make_doc("六、推进知识产权国际合作\n（十三）主动参与知识产权全球治理。\n积极参与完善知识产权国际规则体系。")
    doc.meta = {"title": "国务院印发《“十四五”国家知识产权保护和运用规划》（附全文）"}
    apply_policy(doc)
    assert doc.meta["excerpt"] is True
    assert doc.meta["doc_type"] == "规划" and doc.meta["issuer"] == "国务院"
    assert "excerpt: true" in render(doc).markdown


def test_validity_is_never_read_from_the_page():
    doc = run(make_doc(NOTICE_DUMP.replace("主题分类", "时效性：现行有效　　主题分类"), "notice.txt"))
    assert "validity" not in doc.meta


def test_html_information_table_with_spaced_labels():
    html = ("<html><head><title>国务院关于同意设立试点的批复_国务院文件</title></head><body>"
            "<table class='bd1'><tr><td><b>索<span></span>引<span></span>号：</b></td><td>000014349/2021-00088</td>"
            "<td><b>主题分类：</b></td><td>科技</td></tr><tr><td><b>发文机关：</b></td><td>国务院</td>"
            "<td><b>成文日期：</b></td><td>2021年08月19日</td></tr><tr><td><b>发文字号：</b></td>"
            "<td>国函〔2021〕88号</td><td><b>发布日期：</b></td><td>2021年08月30日</td></tr></table>"
            "<h1>国务院关于同意设立试点的批复</h1><div id='UCAP-CONTENT'><p>天津市人民政府：</p>"
            "<p>你们关于设立试点的请示收悉。现批复如下：同意设立试点，试点期为三年，请认真组织实施。</p>"
            "<p>一、同意在天津市开展知识产权综合改革试点，要切实加强组织领导，确保取得实效。</p></div></body></html>")
    doc = Document(path=Path("reply.html"), relpath="reply.html", data=html.encode())
    doc = convert(Collection([doc]), [s for s in PIPELINE if s.name != "render"]).docs[0]
    assert not doc.error
    assert (doc.meta["doc_number"], doc.meta["issuer"], doc.meta["date"], doc.meta["doc_type"]) == (
        "国函〔2021〕88号", "国务院", "2021-08-19", "批复")


def test_the_notice_dev_set(tmp_path):
    """Every made-up notice of tests/fixtures/notices, HTML and text dump: the fields of its gold."""
    gold = json.loads((NOTICES / "gold.json").read_text(encoding="utf-8"))
    misses = []
    for name, want in gold.items():
        for suffix in (".html", ".txt"):
            copy = tmp_path / f"{name}{suffix}"
            copy.write_bytes((NOTICES / copy.name).read_bytes())
            doc = convert(Collection([load_source(copy, tmp_path)]), [s for s in PIPELINE if s.name != "render"]).docs[0]
            for key in ("title", "doc_number", "issuer", "doc_type", "date", "written_date", "effective_date"):
                if key in want and doc.meta.get(key) != want[key]:
                    misses.append(f"{copy.name} {key}: {doc.meta.get(key)!r} != {want[key]!r}")
    assert not misses, misses


# --- metadata.yml ------------------------------------------------------------------------------

def _doc(title: str, name: str = "a.txt", sidecar: bytes | None = None):
    doc = make_doc("正文。", name)
    doc.meta = {"title": title, "source_file": name}
    if sidecar is not None:
        doc.sidecar = (name.replace(".txt", ".yml"), sidecar)
    return doc


def test_metadata_file_sets_fields_by_title_folded(tmp_path):
    path = tmp_path / "metadata.yml"
    path.write_text("documents:\n  - title: 國務院關於印發\"十四五\"規劃的通知\n    validity: 现行有效\n"
                    "    written_date: 2021年10月9日\n    doc_number: 国发〔2021〕20号\n"
                    "  - title: 不存在的文件\n    validity: 已废止\n", encoding="utf-8")
    doc = _doc("国务院关于印发“十四五”规划的通知")
    collection = apply_metadata_file(Collection([doc]), path)
    assert doc.meta["validity"] == "现行有效"
    assert doc.meta["written_date"] == "2021-10-09"
    assert doc.meta["doc_number"] == "国发〔2021〕20号"
    assert any("不存在的文件" in w for w in collection.warnings)


def test_sidecar_wins_over_metadata_file(tmp_path):
    path = tmp_path / "metadata.yml"
    path.write_text("documents:\n  - title: 某通知\n    validity: 已废止\n    issuer: 国务院\n", encoding="utf-8")
    doc = _doc("某通知", sidecar="validity: 现行有效\n".encode())
    from scrapedocs.sidecar import apply_sidecar

    apply_sidecar(doc)
    apply_metadata_file(Collection([doc]), path)
    assert doc.meta["validity"] == "现行有效" and doc.meta["issuer"] == "国务院"


def test_a_broken_metadata_file_is_a_warning(tmp_path):
    path = tmp_path / "metadata.yml"
    path.write_text("documents: [\n", encoding="utf-8")
    collection = apply_metadata_file(Collection([_doc("某通知")]), path)
    assert any("metadata.yml ignored" in w for w in collection.warnings)
    path.write_text("documents:\n  - title: 某通知\n    colour: red\n    template: 404.html\n"
                    "    issuer: [国务院, 国家知识产权局]\n    validity: 现行有效\n", encoding="utf-8")
    doc = _doc("某通知")
    collection = apply_metadata_file(Collection([doc]), path)
    assert any("field 'colour' ignored: not a documented field" in w for w in collection.warnings)
    assert any("field 'template' ignored" in w for w in collection.warnings)
    assert any("field 'issuer' ignored: a list where text is expected" in w for w in collection.warnings)
    assert "issuer" not in doc.meta and doc.meta["validity"] == "现行有效"


def test_metadata_stage_is_a_collection_stage_after_the_document_stages():
    names = [stage.name for stage in PIPELINE]
    assert names.index("extract") < names.index("policy") < names.index("sidecar")
    metadata = next(stage for stage in PIPELINE if stage.name == "metadata")
    assert metadata.scope == "collection"
    assert all(stage.scope == "collection" or names.index(stage.name) < names.index("metadata")
               for stage in PIPELINE if stage.name != "render")


# --- the addressee (主送机关) is part of the notice (issue 16) -------------------------------------

from scrapedocs.extract.policy.notice import addressee  # noqa: E402

REPLY_TEXT = ["你们关于在天津市开展知识产权综合改革试点的请示收悉。现批复如下：",
              "一、同意在天津市开展知识产权综合改革试点，试点期为三年。",
              "二、天津市人民政府要切实加强组织领导，确保试点工作取得实效。"]
SIGNATURE = ["国务院", "2021年8月19日", "（此件公开发布）"]


@pytest.mark.parametrize("lines", [
    ["各省、自治区、直辖市人民政府，国务院各部委、各直属机构："],
    ["各省、自治区、直辖市人民政府，国务院各部委、各直属机构，", "各军区、各军兵种、各总部，武警总部："],
    ["各省、自治区、直辖市人民政府，国务院各部委、各直属机构，各军区、各军兵种、各总部、", "武警总部："],
    ["武警总部："],
    ["天津市人民政府、", "国家知识产权局："],
    ["各省、自治区、直辖市党委和人民政府，", "中央和国家机关各部委，", "解放军各大单位，各人民团体："],
    ["各省、自治区、直辖市和新疆生产建设兵团知识产权局："],
    ["国家发展和改革委员会："],
])
def test_addressee_shapes(lines):
    assert addressee(lines)


@pytest.mark.parametrize("lines", [
    ["相关链接："], ["分享到："], ["主办单位："], ["当前位置："], ["现批复如下："], ["各部门要做好以下工作："],
    ["各省、自治区、直辖市人民政府，"],  # no colon: the addressee goes on, or it is a sentence
    ["武警总部：", "现将规划印发给你们："],
])
def test_chrome_and_sentences_ending_in_a_colon_are_not_an_addressee(lines):
    assert not addressee(lines)


def _converted(text: str, name: str):
    from scrapedocs.clean import clean
    from scrapedocs.restore import restore_document

    if name.endswith(".html"):
        doc = Document(path=Path(name), relpath=name, data=text.encode())
        return convert(Collection([doc]), [s for s in PIPELINE if s.name != "render"]).docs[0]
    return apply_policy(extract(restore_document(clean(make_doc(text, name)))))


def test_an_addressee_on_two_lines_stays_in_a_text_dump():
    text = "\n".join(["首页 | 政策 | 互动 | 服务", "当前位置：首页 > 政策 > 国务院文件",
                      "国务院关于同意在天津市开展知识产权综合改革试点的批复", "天津市人民政府、", "国家知识产权局：",
                      *REPLY_TEXT, *SIGNATURE, "【我要纠错】 责任编辑：王洋", "版权所有：中国政府网"])
    body = [line.text.strip() for line in _converted(text, "reply.txt").body]
    assert body[:2] == ["天津市人民政府、", "国家知识产权局："]
    assert "当前位置：首页 > 政策 > 国务院文件" not in body


def test_chrome_ending_in_a_colon_above_the_text_stays_out():
    text = "\n".join(["首页 | 政策 | 互动 | 服务", "国务院关于同意在天津市开展知识产权综合改革试点的批复",
                      "分享到：", "相关链接：", *REPLY_TEXT, *SIGNATURE, "主办单位：", "版权所有：中国政府网"])
    body = [line.text.strip() for line in _converted(text, "reply.txt").body]
    assert body[0] == REPLY_TEXT[0]
    assert not {"分享到：", "相关链接：", "主办单位："} & set(body)


def _page(content: str, above: str = "") -> str:
    return ("<html><head><meta charset='utf-8'><title>国务院关于同意在天津市开展知识产权综合改革试点的批复</title></head>"
            "<body><div class='nav'><a href='/'>首页</a> <a href='/zc'>政策</a> <a href='/hd'>互动</a></div>"
            "<h1>国务院关于同意在天津市开展知识产权综合改革试点的批复</h1>" + above + content +
            "<div class='foot'><p>主办单位：国务院办公厅</p><p>版权所有：中国政府网</p></div></body></html>")


def test_an_addressee_left_outside_the_editors_div_stays_in_the_html():
    """The CMS wrapped the text in its editor's div; the 文号 and the addressee stand above it."""
    text = "".join(f"<p>{p}</p>" for p in REPLY_TEXT + ["这是第三段，进一步说明试点的范围、内容和工作要求，请认真组织实施。"] + SIGNATURE)
    page = _page(f"<div id='content'><p style='text-align:center'>国函〔2021〕88号</p>"
                 f"<p>天津市人民政府、<br/>国家知识产权局：</p><div class='TRS_Editor'>{text}</div></div>")
    body = [line.text.strip() for line in _converted(page, "reply.html").body]
    assert body[:3] == ["国函〔2021〕88号", "天津市人民政府、", "国家知识产权局："], body[:4]


def test_html_chrome_ending_in_a_colon_above_the_text_stays_out():
    text = "".join(f"<p>{p}</p>" for p in REPLY_TEXT + SIGNATURE)
    page = _page(f"<div class='TRS_Editor'>{text}</div>", above="<div class='share'><p>分享到：</p></div>")
    body = [line.text.strip() for line in _converted(page, "reply.html").body]
    assert body[0] == REPLY_TEXT[0]
