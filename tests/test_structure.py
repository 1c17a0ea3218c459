from scrapedocs.structure import structure

from helpers import make_doc


def blocks(*lines):
    doc = make_doc("\n".join(lines))
    return [(b.kind, b.level, b.lead, b.text) for b in structure(doc).blocks]


def test_outline_levels_follow_the_kinds_present():
    out = blocks("一、总体要求", "（一）指导思想。", "坚持创新驱动。", "二、主要任务")
    assert out == [("heading", 2, "", "一、总体要求"), ("heading", 3, "", "（一）指导思想。"),
                   ("paragraph", 0, "", "坚持创新驱动。"), ("heading", 2, "", "二、主要任务")]


def test_chapters_push_items_down_a_level():
    out = blocks("第一章 总则", "第一节 一般规定", "一、适用范围", "正文。")
    assert [b[1] for b in out[:3]] == [2, 3, 4]


def test_numbered_sentence_paragraphs_stay_paragraphs():
    out = blocks("一是加快推进知识产权强国建设。", "——知识产权高质量发展取得新成效。", "1. 第一项")
    assert all(kind == "paragraph" for kind, *_ in out)


def test_heading_sentence_with_its_paragraph_on_one_line_is_split():
    long = "加强组织领导。" + "坚持党对知识产权工作的全面领导，完善工作机制，形成工作合力，确保各项决策部署落到实处。" * 2
    out = blocks("（一）" + long)
    assert out[0] == ("heading", 2, "", "（一）加强组织领导。")
    assert out[1][0] == "paragraph" and out[1][3].startswith("坚持党对")


def test_articles_of_a_regulation_get_a_bold_lead():
    assert blocks("第三条 本办法所称专利。")[0] == ("paragraph", 0, "第三条", "本办法所称专利。")


# --- anchors from numbering (scrapedocs.anchors) -----------------------------------------------

def _ids(markdown_text: str) -> dict[str, str]:
    """Element text → id in the HTML Python-Markdown makes with the site's extensions."""
    import re

    import markdown

    html = markdown.markdown(markdown_text, extensions=["toc", "attr_list", "scrapedocs.anchors"])
    return {re.sub(r"<[^>]+>", "", text).strip(): anchor
            for _, anchor, text in re.findall(r'<(\w+) id="([^"]+)">(.*?)</\1>', html)}


PLAN = """\
## 六、推进知识产权国际合作

### （十三）主动参与知识产权全球治理。

积极参与完善知识产权国际规则体系。

### （十四）提升知识产权国际合作水平。

**第十条** 加强知识产权国际合作机制建设。

## 七、实施保障
"""


def test_numbered_headings_and_articles_get_their_numbers_as_anchors():
    ids = _ids(PLAN)
    assert ids["六、推进知识产权国际合作"] == "六"
    assert ids["（十三）主动参与知识产权全球治理。"] == "十三"
    assert ids["第十条 加强知识产权国际合作机制建设。"] == "第十条"


def test_anchors_survive_inserting_text():
    before = _ids(PLAN)
    edited = PLAN.replace("积极参与完善知识产权国际规则体系。",
                          "## 导言\n\n新增的一段。\n\n积极参与完善知识产权国际规则体系。\n\n又一段。")
    after = _ids(edited)
    assert after["导言"] == "导言"
    assert {k: v for k, v in after.items() if k != "导言"} == before


def test_restarting_subitems_are_qualified_by_their_item():
    ids = _ids("## 一、总体要求\n\n### （一）指导思想。\n\n## 二、主要任务\n\n### （一）完善机制。\n\n### （二）强化保护。\n")
    assert [ids[k] for k in ("一、总体要求", "（一）指导思想。", "二、主要任务", "（一）完善机制。", "（二）强化保护。")] == [
        "一", "一-一", "二", "二-一", "二-二"]


def test_repeated_headings_get_distinct_anchors_each_counted_once():
    """Headings of one text, or of punctuation only: every one gets its own id, counted once (toc's own
    counter walks from _1 for each repeat: quadratic; benchmarks/bench_fuzz.py builds 5,000)."""
    import re

    import markdown

    from scrapedocs.structure import numbered_anchors

    text = "\n\n".join(["## 附件"] * 3 + ["## \\*\\*"] * 2 + ["## 第\\*一"])
    html = markdown.markdown(text, extensions=["toc", "scrapedocs.anchors"])
    assert re.findall(r'id="([^"]+)"', html) == ["附件", "附件-2", "附件-3", "h", "h-2", "第-一"]
    assert numbered_anchors([("item", "一")] * 4) == ["一", "一-2", "一-3", "一-4"]
